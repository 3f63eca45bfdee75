#pragma once
// Sign-in, sessions, API tokens and the throttle on failed sign-ins. All state is in the
// database, so any instance can serve any request.
#include <chrono>
#include <optional>
#include <string>

#include "platform/audit/audit_trail.hpp"
#include "platform/auth/accounts.hpp"
#include "platform/clock.hpp"
#include "platform/db/database.hpp"

namespace hearth::sessions {

struct Policy {
    std::chrono::minutes idle{30};
    std::chrono::hours longest{12};
    std::chrono::minutes window{15};  // failures counted in this window; lockout length
    int account_failures_before_lockout = 5;
    int address_failures_before_throttle = 30;
};

struct Session {
    std::string token_hash;
    std::int64_t person_id = 0;
    std::string csrf_token;
    Timestamp created_at;
    Timestamp last_seen_at;
    bool ended = false;
};

enum class State { active, idle_expired, over };
State state_of(const Session& s, Timestamp now, const Policy& policy);
std::chrono::seconds time_left(const Session& s, Timestamp now, const Policy& policy);

// Decides from counts of recent failures; pure, so the rule is tested apart from the store.
enum class Throttle { allowed, account_locked, address_throttled };
Throttle throttle_for(int account_failures, int address_failures, const Policy& policy);

Result<std::optional<Session>> find(db::Connection& c, const std::string& token);
Status touch(db::Connection& c, const Session& s, Timestamp now);
Status end(db::Connection& c, const Session& s, const audit::Actor& actor, Timestamp now);

struct SignedIn {
    std::string token;  // goes in the cookie; only its hash is stored
    std::int64_t person_id = 0;
    bool must_change_password = false;
};

// The whole sign-in: throttle, password check (outside the write lock), session, audit entries.
Result<SignedIn> sign_in(db::Database& db, const std::string& email, const std::string& password,
                         const audit::Actor& actor, Timestamp now, const Policy& policy);

// API tokens: shown once at creation; stored as a SHA-256 hash.
Result<std::string> create_api_token(db::Connection& c, std::int64_t person_id,
                                     const std::string& name, const audit::Actor& actor,
                                     Timestamp now);
Result<std::optional<std::int64_t>> person_for_api_token(db::Connection& c,
                                                         const std::string& token);

}  // namespace hearth::sessions
