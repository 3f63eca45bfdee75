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
    std::chrono::minutes window{15};  // an address's failures count this long; the longest wait
    int account_failures_before_delay = 5;
    std::chrono::seconds first_delay{30};  // doubling with each further failure
    int address_failures_before_throttle = 30;
    std::chrono::hours one_time_password_life{72};
    int api_token_days = 90;  // the expiry offered for a new token
};

struct Session {
    std::string token_hash;
    std::int64_t person_id = 0;
    std::string csrf_token;
    Timestamp created_at;
    Timestamp last_seen_at;
    bool ended = false;
    // The password was right and the second factor is still to be given: the session reaches
    // nothing but the page that asks for it, for at most second_factor_wait.
    bool awaiting_second_factor = false;
};

constexpr std::chrono::minutes second_factor_wait{10};

enum class State { active, idle_expired, over };
State state_of(const Session& s, Timestamp now, const Policy& policy);
std::chrono::seconds time_left(const Session& s, Timestamp now, const Policy& policy);

// The failed sign-ins to one account since its last sign-in or password reset (within a day).
struct FailureRun {
    int count = 0;
    Timestamp last_at{};
};

// A run of failures slows its account: each attempt after the first few must wait longer than the
// one before, from the last failure, up to the window. An attempt refused for waiting is not a
// failure, so refusing cannot be used to keep an account shut; a reset clears the run. Pure, so
// the rule is tested apart from the store.
enum class Throttle { allowed, account_slowed, address_throttled };
struct ThrottleDecision {
    Throttle throttle = Throttle::allowed;
    std::chrono::seconds wait{0};
};
std::chrono::seconds account_delay(int failures, const Policy& policy);
ThrottleDecision throttle_for(const FailureRun& account, int address_failures, Timestamp now,
                              const Policy& policy);

Result<std::optional<Session>> find(db::Connection& c, const std::string& token);
Status touch(db::Connection& c, const Session& s, Timestamp now);
Status end(db::Connection& c, const Session& s, const audit::Actor& actor, Timestamp now);

struct SignedIn {
    std::string token;  // goes in the cookie; only its hash is stored
    std::int64_t person_id = 0;
    bool must_change_password = false;
    bool awaiting_second_factor = false;
};

// The whole sign-in: throttle, password check (outside the write lock), session, audit entries.
Result<SignedIn> sign_in(db::Database& db, const std::string& email, const std::string& password,
                         const audit::Actor& actor, Timestamp now, const Policy& policy);

// The second step of signing in someone with a second factor: a code from their app or a recovery
// code, throttled and counted as failed sign-ins are. The waiting session ends and a new one,
// with a new token, begins; its failed sign-ins are cleared only now, so the password alone
// cannot be used to reset the wait between guesses at the code.
Result<SignedIn> give_second_factor(db::Database& db, const Session& waiting,
                                    const std::string& email, const std::string& typed,
                                    const audit::Actor& actor, Timestamp now, const Policy& policy);

// API tokens: shown once at creation; stored as a SHA-256 hash; each ends on its expiry date.
constexpr int longest_api_token_days = 365;
struct ApiToken {
    std::int64_t id = 0;
    std::int64_t person_id = 0;
    std::string name;
    Timestamp created_at;
    Timestamp expires_at;
    std::optional<Timestamp> last_used_at;
    std::string only_path;  // a calendar address's: it works only as that feed's `key`
};
Result<std::string> create_api_token(db::Connection& c, std::int64_t person_id,
                                     const std::string& name, int days, const audit::Actor& actor,
                                     Timestamp now);
// The tokens that still work: not revoked, not expired.
Result<std::vector<ApiToken>> live_api_tokens(db::Connection& c, std::int64_t person_id,
                                              Timestamp now);
// Not found unless it is the person's; a conflict when it was already revoked.
Status revoke_api_token(db::Connection& c, std::int64_t person_id, std::int64_t token_id,
                        const audit::Actor& actor, Timestamp now);
// A token for the API's Authorization header: never a calendar address.
Result<std::optional<ApiToken>> api_token_for(db::Connection& c, const std::string& token,
                                              Timestamp now);

// A calendar address: a token that reads one feed at `path` (a calendar app sends no headers, so
// the token travels in the address's `key`), and nothing else. Listed, ended and revoked with the
// person's API tokens; it reads only what its person may read, checked on every request.
constexpr int calendar_address_days = 365;
Result<std::string> create_calendar_address(db::Connection& c, std::int64_t person_id,
                                            const std::string& name, const std::string& path,
                                            const audit::Actor& actor, Timestamp now);
Result<std::optional<ApiToken>> calendar_address_for(db::Connection& c, const std::string& token,
                                                     const std::string& path, Timestamp now);
// When it was last used, to the minute: written at most once a minute per token.
Status note_api_token_used(db::Connection& c, const ApiToken& token, Timestamp now);

}  // namespace hearth::sessions
