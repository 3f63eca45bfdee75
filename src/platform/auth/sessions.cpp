#include "platform/auth/sessions.hpp"

#include <fmt/format.h>

#include "platform/crypto.hpp"

namespace hearth::sessions {

namespace {
Error wrong_details() {
    return Error::invalid("email", "Enter a correct email address and password");
}
}  // namespace

State state_of(const Session& s, Timestamp now, const Policy& policy) {
    if (s.ended || now - s.created_at >= policy.longest) {
        return State::over;
    }
    if (now - s.last_seen_at >= policy.idle) {
        return State::idle_expired;
    }
    return State::active;
}

std::chrono::seconds time_left(const Session& s, Timestamp now, const Policy& policy) {
    auto idle_left = s.last_seen_at + policy.idle - now;
    auto longest_left = s.created_at + policy.longest - now;
    return std::chrono::duration_cast<std::chrono::seconds>(std::min(idle_left, longest_left));
}

Throttle throttle_for(int account_failures, int address_failures, const Policy& policy) {
    if (account_failures >= policy.account_failures_before_lockout) {
        return Throttle::account_locked;
    }
    if (address_failures >= policy.address_failures_before_throttle) {
        return Throttle::address_throttled;
    }
    return Throttle::allowed;
}

Result<std::optional<Session>> find(db::Connection& c, const std::string& token) {
    if (token.size() != 64) {
        return std::optional<Session>{};
    }
    auto row = TRY(
        c.query_one("SELECT token_hash, person_id, csrf_token, created_at, last_seen_at, ended_at "
                    "FROM sessions WHERE token_hash = $1",
                    {crypto::sha256_hex(token)}));
    if (!row) {
        return std::optional<Session>{};
    }
    Session s;
    s.token_hash = row->text(0);
    s.person_id = row->integer(1);
    s.csrf_token = row->text(2);
    s.created_at = parse_utc(row->text(3)).value_or(Timestamp{});
    s.last_seen_at = parse_utc(row->text(4)).value_or(Timestamp{});
    s.ended = !row->is_null(5);
    return std::optional<Session>{std::move(s)};
}

Status touch(db::Connection& c, const Session& s, Timestamp now) {
    return c.run("UPDATE sessions SET last_seen_at = $1 WHERE token_hash = $2",
                 {format_utc(now), s.token_hash});
}

Status end(db::Connection& c, const Session& s, const audit::Actor& actor, Timestamp now) {
    TRY(c.run("UPDATE sessions SET ended_at = $1 WHERE token_hash = $2 AND ended_at IS NULL",
              {format_utc(now), s.token_hash}));
    return audit::append(
        c, actor,
        {"sign_out", "session", s.token_hash.substr(0, 12), std::nullopt, std::nullopt, ""}, now);
}

Result<SignedIn> sign_in(db::Database& db, const std::string& email_typed,
                         const std::string& password, const audit::Actor& actor_in, Timestamp now,
                         const Policy& policy) {
    const std::string email = accounts::normalise_email(email_typed);
    const std::string since = format_utc(now - policy.window);
    audit::Actor actor = actor_in;
    actor.name = email.substr(0, 254);

    struct Found {
        std::optional<accounts::Account> account;
        Throttle throttle = Throttle::allowed;
    };
    Found found = TRY(db.read([&](db::Connection& c) -> Result<Found> {
        Found f;
        auto by_account = TRY(c.query_one(
            "SELECT COUNT(*) FROM sign_in_failures WHERE email = $1 AND at > $2", {email, since}));
        auto by_address = TRY(c.query_one(
            "SELECT COUNT(*) FROM sign_in_failures WHERE ip = $1 AND at > $2", {actor.ip, since}));
        f.throttle = throttle_for(static_cast<int>(by_account->integer(0)),
                                  static_cast<int>(by_address->integer(0)), policy);
        f.account = TRY(accounts::find_by_email(c, email));
        return f;
    }));

    // A failure counts towards the throttles. Only a failure for an account that exists is in the
    // audit trail, naming it: what was typed for one that does not may be a password typed into
    // the wrong box, and is neither kept nor written down (it counts by address alone).
    auto record_failure = [&](const std::string& why) -> Status {
        return db.write([&](db::Connection& c) -> Status {
            TRY(c.run("INSERT INTO sign_in_failures (email, ip, at) VALUES ($1, $2, $3)",
                      {found.account ? email : std::string(), actor.ip, format_utc(now)}));
            if (!found.account) {
                return {};
            }
            return audit::append(
                c, actor,
                {"sign_in_failed", "person", std::to_string(found.account->person.id), std::nullopt,
                 std::nullopt, why},
                now);
        });
    };

    if (found.throttle != Throttle::allowed) {
        TRY(record_failure(found.throttle == Throttle::account_locked ? "account locked"
                                                                      : "address throttled"));
        return Error::make(
            ErrorKind::throttled,
            fmt::format("There have been too many attempts to sign in. Wait {} minutes and "
                        "try again, or ask your manager to reset your password.",
                        policy.window.count()));
    }
    if (!found.account || found.account->password_hash.empty() || found.account->disabled) {
        crypto::spend_password_time(password);
        TRY(record_failure(!found.account            ? "no such account"
                           : found.account->disabled ? "account disabled"
                                                     : "no password set"));
        return wrong_details();
    }
    bool matches = TRY(crypto::verify_password(found.account->password_hash, password));
    if (!matches) {
        TRY(record_failure("wrong password"));
        return wrong_details();
    }

    SignedIn out;
    out.token = crypto::random_token();
    out.person_id = found.account->person.id;
    out.must_change_password = found.account->must_change_password;
    actor.person_id = out.person_id;
    actor.name = found.account->person.name;
    TRY(db.write([&](db::Connection& c) -> Status {
        const std::string at = format_utc(now);
        TRY(c.run(
            "INSERT INTO sessions (token_hash, person_id, csrf_token, created_at, last_seen_at, "
            "ip) "
            "VALUES ($1, $2, $3, $4, $4, $5)",
            {crypto::sha256_hex(out.token), out.person_id, crypto::random_token(), at, actor.ip}));
        TRY(c.run("DELETE FROM sign_in_failures WHERE email = $1", {email}));
        return audit::append(
            c, actor,
            {"sign_in", "person", std::to_string(out.person_id), std::nullopt, std::nullopt, ""},
            now);
    }));
    return out;
}

Result<std::string> create_api_token(db::Connection& c, std::int64_t person_id,
                                     const std::string& name, const audit::Actor& actor,
                                     Timestamp now) {
    if (name.empty() || name.size() > 100) {
        return Error::invalid(
            "name", "Give the token a name of 100 characters or fewer, like \"Reporting script\"");
    }
    std::string token = "hearth_" + crypto::random_token();
    auto id =
        TRY(c.insert("INSERT INTO api_tokens (person_id, name, token_hash, created_at) "
                     "VALUES ($1, $2, $3, $4) RETURNING id",
                     {person_id, name, crypto::sha256_hex(token), format_utc(now)}));
    TRY(audit::append(c, actor,
                      {"create", "api_token", std::to_string(id), std::nullopt, std::nullopt, name},
                      now));
    return token;
}

Result<std::optional<std::int64_t>> person_for_api_token(db::Connection& c,
                                                         const std::string& token) {
    if (token.rfind("hearth_", 0) != 0) {
        return std::optional<std::int64_t>{};
    }
    auto row = TRY(
        c.query_one("SELECT person_id FROM api_tokens WHERE token_hash = $1 AND revoked_at IS NULL",
                    {crypto::sha256_hex(token)}));
    if (!row) {
        return std::optional<std::int64_t>{};
    }
    return std::optional<std::int64_t>{row->integer(0)};
}

}  // namespace hearth::sessions
