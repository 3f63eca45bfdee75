#include "platform/auth/sessions.hpp"

#include <fmt/format.h>

#include "platform/auth/second_factor_store.hpp"
#include "platform/crypto.hpp"

namespace hearth::sessions {

namespace {
Error wrong_details() {
    return Error::invalid("email", "Enter a correct email address and password");
}
}  // namespace

State state_of(const Session& s, Timestamp now, const Policy& policy) {
    if (s.ended || now - s.created_at >= policy.longest ||
        (s.awaiting_second_factor && now - s.created_at >= second_factor_wait)) {
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

std::chrono::seconds account_delay(int failures, const Policy& policy) {
    if (failures < policy.account_failures_before_delay) {
        return std::chrono::seconds{0};
    }
    const auto longest = std::chrono::duration_cast<std::chrono::seconds>(policy.window);
    auto wait = policy.first_delay;
    for (int i = policy.account_failures_before_delay; i < failures && wait < longest; ++i) {
        wait *= 2;
    }
    return std::min(wait, longest);
}

ThrottleDecision throttle_for(const FailureRun& account, int address_failures, Timestamp now,
                              const Policy& policy) {
    const auto wait = account_delay(account.count, policy);
    if (wait.count() > 0 && now < account.last_at + wait) {
        return {Throttle::account_slowed,
                std::chrono::ceil<std::chrono::seconds>(account.last_at + wait - now)};
    }
    if (address_failures >= policy.address_failures_before_throttle) {
        return {Throttle::address_throttled,
                std::chrono::duration_cast<std::chrono::seconds>(policy.window)};
    }
    return {};
}

Result<std::optional<Session>> find(db::Connection& c, const std::string& token) {
    if (token.size() != 64) {
        return std::optional<Session>{};
    }
    auto row = TRY(
        c.query_one("SELECT token_hash, person_id, csrf_token, created_at, last_seen_at, ended_at, "
                    "awaiting_second_factor FROM sessions WHERE token_hash = $1",
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
    s.awaiting_second_factor = row->boolean(6);
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

namespace {
Result<ThrottleDecision> throttle_now(db::Connection& c, const std::string& account_key,
                                      const std::string& ip, Timestamp now, const Policy& policy) {
    auto run = TRY(c.query_one(
        "SELECT COUNT(*), MAX(at) FROM sign_in_failures WHERE account_key = $1 AND at > $2",
        {account_key, format_utc(now - std::chrono::hours(24))}));
    auto by_address =
        TRY(c.query_one("SELECT COUNT(*) FROM sign_in_failures WHERE ip = $1 AND at > $2",
                        {ip, format_utc(now - policy.window)}));
    FailureRun account_run{static_cast<int>(run->integer(0)), now};
    if (!run->is_null(1)) {
        account_run.last_at = parse_utc(run->text(1)).value_or(now);
    }
    return throttle_for(account_run, static_cast<int>(by_address->integer(0)), now, policy);
}

Status count_failure(db::Connection& c, const std::string& account_key, const std::string& ip,
                     Timestamp now) {
    return c.run("INSERT INTO sign_in_failures (account_key, ip, at) VALUES ($1, $2, $3)",
                 {account_key, ip, format_utc(now)});
}

// A new session: awaiting the second factor, or whole. The token goes in the cookie.
Result<std::string> new_session(db::Connection& c, std::int64_t person_id, bool awaiting,
                                const std::string& ip, Timestamp now) {
    std::string token = crypto::random_token();
    const std::string at = format_utc(now);
    TRY(
        c.run("INSERT INTO sessions (token_hash, person_id, csrf_token, created_at, last_seen_at, "
              "ip, awaiting_second_factor) VALUES ($1, $2, $3, $4, $4, $5, $6)",
              {crypto::sha256_hex(token), person_id, crypto::random_token(), at, ip,
               std::int64_t{awaiting}}));
    return token;
}

// "30 seconds", "4 minutes": how long to wait, rounded up so that trying then works.
std::string wait_words(std::chrono::seconds wait) {
    if (wait < std::chrono::seconds(60)) {
        return fmt::format("{} seconds", std::max<long long>(wait.count(), 1));
    }
    const auto minutes = (wait.count() + 59) / 60;
    return fmt::format("{} minute{}", minutes, minutes == 1 ? "" : "s");
}
}  // namespace

Result<SignedIn> sign_in(db::Database& db, const std::string& email_typed,
                         const std::string& password, const audit::Actor& actor_in, Timestamp now,
                         const Policy& policy) {
    const std::string email = accounts::normalise_email(email_typed);
    const std::string account_key = accounts::failure_key(email);
    audit::Actor actor = actor_in;
    actor.name = email.substr(0, 254);

    struct Found {
        std::optional<accounts::Account> account;
        ThrottleDecision throttle;
    };
    Found found = TRY(db.read([&](db::Connection& c) -> Result<Found> {
        Found f;
        f.throttle = TRY(throttle_now(c, account_key, actor.ip, now, policy));
        f.account = TRY(accounts::find_by_email(c, email));
        return f;
    }));

    // Only an account that exists is named in the audit trail: what was typed for one that does
    // not may be a password typed into the wrong box. Failures are counted by the account's key
    // (a hash, for accounts that exist or not alike, so that waiting says nothing of which) and by
    // address.
    auto audit_failure = [&](db::Connection& c, const std::string& why) -> Status {
        if (!found.account) {
            return {};
        }
        return audit::append(c, actor,
                             {"sign_in_failed", "person", std::to_string(found.account->person.id),
                              std::nullopt, std::nullopt, why},
                             now);
    };
    auto record_failure = [&](const std::string& why) -> Status {
        return db.write([&](db::Connection& c) -> Status {
            TRY(count_failure(c, account_key, actor.ip, now));
            return audit_failure(c, why);
        });
    };

    if (found.throttle.throttle != Throttle::allowed) {
        const bool slowed = found.throttle.throttle == Throttle::account_slowed;
        TRY(db.write([&](db::Connection& c) {
            return audit_failure(c, slowed ? "account slowed" : "address throttled");
        }));
        return Error::make(
            ErrorKind::throttled,
            fmt::format("There have been too many attempts to sign in {}. Wait {} and try again, "
                        "or ask your manager to reset your password.",
                        slowed ? "to this account" : "from here", wait_words(found.throttle.wait)));
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
    const auto& person = found.account->person;
    if (person.must_change_password &&
        found.account->password_set_at.value_or(Timestamp{}) + policy.one_time_password_life <=
            now) {
        TRY(record_failure("one-time password expired"));
        return Error::invalid("password",
                              "This one-time password has expired. Ask your manager for a new "
                              "one.");
    }

    SignedIn out;
    out.person_id = person.id;
    out.must_change_password = person.must_change_password;
    out.awaiting_second_factor = person.second_factor_on;
    actor.person_id = out.person_id;
    actor.name = person.name;
    out.token = TRY(db.write([&](db::Connection& c) -> Result<std::string> {
        auto token = TRY(new_session(c, out.person_id, out.awaiting_second_factor, actor.ip, now));
        if (out.awaiting_second_factor) {
            TRY(audit::append(c, actor,
                              {"sign_in_started", "person", std::to_string(out.person_id),
                               std::nullopt, std::nullopt, "password right; second factor asked"},
                              now));
            return token;
        }
        TRY(c.run("DELETE FROM sign_in_failures WHERE account_key = $1", {account_key}));
        TRY(audit::append(
            c, actor,
            {"sign_in", "person", std::to_string(out.person_id), std::nullopt, std::nullopt, ""},
            now));
        return token;
    }));
    return out;
}

Result<SignedIn> give_second_factor(db::Database& db, const Session& waiting,
                                    const std::string& email, const std::string& typed,
                                    const audit::Actor& actor, Timestamp now,
                                    const Policy& policy) {
    const std::string account_key = accounts::failure_key(email);
    const auto throttle = TRY(db.read(
        [&](db::Connection& c) { return throttle_now(c, account_key, actor.ip, now, policy); }));
    if (throttle.throttle != Throttle::allowed) {
        return Error::make(
            ErrorKind::throttled,
            fmt::format(
                "There have been too many attempts to sign in {}. Wait {} "
                "and try again.",
                throttle.throttle == Throttle::account_slowed ? "to this account" : "from here",
                wait_words(throttle.wait)));
    }
    const std::string record = std::to_string(waiting.person_id);
    struct Outcome {
        second_factor::Checked checked = second_factor::Checked::wrong;
        std::string token;
    };
    auto outcome = TRY(db.write([&](db::Connection& c) -> Result<Outcome> {
        Outcome o;
        o.checked = TRY(second_factor::check(c, waiting.person_id, typed, now));
        if (o.checked == second_factor::Checked::wrong) {
            TRY(count_failure(c, account_key, actor.ip, now));
            TRY(audit::append(c, actor,
                              {"sign_in_failed", "person", record, std::nullopt, std::nullopt,
                               "wrong second factor code"},
                              now));
            return o;
        }
        TRY(c.run("UPDATE sessions SET ended_at = $1 WHERE token_hash = $2",
                  {format_utc(now), waiting.token_hash}));
        o.token = TRY(new_session(c, waiting.person_id, false, actor.ip, now));
        TRY(c.run("DELETE FROM sign_in_failures WHERE account_key = $1", {account_key}));
        TRY(audit::append(c, actor,
                          {"sign_in", "person", record, std::nullopt, std::nullopt,
                           o.checked == second_factor::Checked::code ? "with a code from their app"
                                                                     : "with a recovery code"},
                          now));
        return o;
    }));
    if (outcome.checked == second_factor::Checked::wrong) {
        return Error::invalid("code",
                              "That code is not right. Enter the 6-digit code your app shows now, "
                              "or one of your recovery codes");
    }
    SignedIn out;
    out.token = std::move(outcome.token);
    out.person_id = waiting.person_id;
    return out;
}

namespace {

Result<std::string> insert_token(db::Connection& c, std::int64_t person_id, const std::string& name,
                                 Timestamp expires, const std::optional<std::string>& only_path,
                                 const audit::Actor& actor, Timestamp now) {
    std::string token = "hearth_" + crypto::random_token();
    auto id = TRY(c.insert(
        "INSERT INTO api_tokens (person_id, name, token_hash, created_at, expires_at, only_path) "
        "VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        {person_id, name, crypto::sha256_hex(token), format_utc(now), format_utc(expires),
         db::nullable(only_path)}));
    TRY(audit::append(c, actor,
                      {"create", "api_token", std::to_string(id), std::nullopt, std::nullopt,
                       fmt::format("{} (until {})", name, format_utc(expires))},
                      now));
    return token;
}

}  // namespace

Result<std::string> create_api_token(db::Connection& c, std::int64_t person_id,
                                     const std::string& name, int days, const audit::Actor& actor,
                                     Timestamp now) {
    std::vector<FieldError> errors;
    if (name.empty() || name.size() > 100) {
        errors.push_back(
            {"name",
             "Give the token a name of 100 characters or fewer, like \"Reporting script\""});
    }
    if (days < 1 || days > longest_api_token_days) {
        errors.push_back({"expires_in_days",
                          fmt::format("A token lasts from 1 to {} days", longest_api_token_days)});
    }
    if (!errors.empty()) {
        return Error::invalid_fields(std::move(errors));
    }
    return insert_token(c, person_id, name, now + std::chrono::days(days), std::nullopt, actor,
                        now);
}

Result<std::string> create_calendar_address(db::Connection& c, std::int64_t person_id,
                                            const std::string& name, const std::string& path,
                                            const audit::Actor& actor, Timestamp now) {
    return insert_token(c, person_id, name, now + std::chrono::days(calendar_address_days), path,
                        actor, now);
}

namespace {
constexpr const char* api_token_columns =
    "SELECT id, person_id, name, created_at, expires_at, last_used_at, only_path FROM api_tokens ";

ApiToken api_token_from(const db::Row& r) {
    ApiToken t;
    t.id = r.integer(0);
    t.person_id = r.integer(1);
    t.name = r.text(2);
    t.created_at = parse_utc(r.text(3)).value_or(Timestamp{});
    t.expires_at = parse_utc(r.text(4)).value_or(Timestamp{});
    if (!r.is_null(5)) {
        t.last_used_at = parse_utc(r.text(5));
    }
    t.only_path = r.optional_text(6).value_or("");
    return t;
}
}  // namespace

Result<std::vector<ApiToken>> live_api_tokens(db::Connection& c, std::int64_t person_id,
                                              Timestamp now) {
    auto rows = TRY(c.query(std::string(api_token_columns) +
                                "WHERE person_id = $1 AND revoked_at IS NULL AND expires_at > $2 "
                                "ORDER BY id DESC",
                            {person_id, format_utc(now)}));
    std::vector<ApiToken> out;
    out.reserve(rows.size());
    for (const auto& r : rows) {
        out.push_back(api_token_from(r));
    }
    return out;
}

Status revoke_api_token(db::Connection& c, std::int64_t person_id, std::int64_t token_id,
                        const audit::Actor& actor, Timestamp now) {
    auto token =
        TRY(c.query_one("SELECT revoked_at FROM api_tokens WHERE id = $1 AND person_id = $2",
                        {token_id, person_id}));
    if (!token) {
        return Error::not_found("There is no such token");
    }
    if (!token->is_null(0)) {
        return Error::conflict("This token was already revoked: it no longer works.");
    }
    TRY(c.run("UPDATE api_tokens SET revoked_at = $1, revoked_by = $2 WHERE id = $3",
              {format_utc(now), db::nullable(actor.person_id), token_id}));
    return audit::append(c, actor,
                         {"revoke", "api_token", std::to_string(token_id), std::nullopt,
                          std::nullopt, fmt::format("a token of person {}", person_id)},
                         now);
}

Result<std::optional<ApiToken>> api_token_for(db::Connection& c, const std::string& token,
                                              Timestamp now) {
    if (token.rfind("hearth_", 0) != 0) {
        return std::optional<ApiToken>{};
    }
    auto row = TRY(c.query_one(std::string(api_token_columns) +
                                   "WHERE token_hash = $1 AND revoked_at IS NULL "
                                   "AND expires_at > $2 AND only_path IS NULL",
                               {crypto::sha256_hex(token), format_utc(now)}));
    if (!row) {
        return std::optional<ApiToken>{};
    }
    return std::optional<ApiToken>{api_token_from(*row)};
}

Result<std::optional<ApiToken>> calendar_address_for(db::Connection& c, const std::string& token,
                                                     const std::string& path, Timestamp now) {
    if (token.rfind("hearth_", 0) != 0) {
        return std::optional<ApiToken>{};
    }
    auto row = TRY(c.query_one(
        std::string(api_token_columns) +
            "WHERE token_hash = $1 AND revoked_at IS NULL AND expires_at > $2 AND only_path = $3",
        {crypto::sha256_hex(token), format_utc(now), path}));
    if (!row) {
        return std::optional<ApiToken>{};
    }
    return std::optional<ApiToken>{api_token_from(*row)};
}

Status note_api_token_used(db::Connection& c, const ApiToken& token, Timestamp now) {
    if (token.last_used_at && now - *token.last_used_at < std::chrono::minutes(1)) {
        return {};
    }
    return c.run("UPDATE api_tokens SET last_used_at = $1 WHERE id = $2",
                 {format_utc(now), token.id});
}

}  // namespace hearth::sessions
