#include "platform/auth/second_factor_store.hpp"

#include <fmt/format.h>

#include "platform/auth/second_factor.hpp"
#include "platform/crypto.hpp"

namespace hearth::second_factor {

namespace {
// The sealing key belongs to an audit key: derived, so the audit key itself seals nothing.
std::string sealing_key(const audit::AuditKey& key) {
    return crypto::from_hex(crypto::hmac_sha256_hex(key.secret, "hearth second factor secrets"))
        .value_or("");
}

Result<std::string> sealed(std::string_view secret) {
    const auto* key = TRY(audit::signing_key());
    return key->id + ":" + crypto::seal(sealing_key(*key), secret);
}

Result<std::string> opened(const std::string& stored) {
    const auto colon = stored.find(':');
    const auto* key = colon == std::string::npos
                          ? nullptr
                          : audit::held_keys().find(std::string_view(stored).substr(0, colon));
    if (key == nullptr) {
        return Error::internal(
            "A second factor is sealed with an audit key this server does not hold");
    }
    auto secret =
        crypto::open_sealed(sealing_key(*key), std::string_view(stored).substr(colon + 1));
    if (!secret) {
        return Error::internal("A second factor could not be opened with its audit key");
    }
    return std::move(*secret);
}

Status audit_event(db::Connection& c, const audit::Actor& actor, std::int64_t person_id,
                   std::string action, std::string detail, Timestamp now) {
    return audit::append(c, actor,
                         {std::move(action), "second_factor", std::to_string(person_id),
                          std::nullopt, std::nullopt, std::move(detail)},
                         now);
}

Result<std::vector<std::string>> write_recovery_codes(db::Connection& c, std::int64_t person_id) {
    TRY(c.run("DELETE FROM recovery_codes WHERE person_id = $1", {person_id}));
    auto codes = new_recovery_codes();
    for (const auto& code : codes) {
        TRY(c.run("INSERT INTO recovery_codes (person_id, code_hash) VALUES ($1, $2)",
                  {person_id, crypto::sha256_hex(recovery_code_key(code))}));
    }
    return codes;
}

Error no_second_factor() {
    return Error::conflict("There is no second factor set up for this person.");
}
}  // namespace

Result<std::optional<Enrolment>> find(db::Connection& c, std::int64_t person_id) {
    auto row = TRY(c.query_one(
        "SELECT secret, confirmed_at, last_step, (SELECT COUNT(*) FROM recovery_codes r WHERE "
        "r.person_id = f.person_id AND r.used_at IS NULL) FROM second_factors f "
        "WHERE person_id = $1",
        {person_id}));
    if (!row) {
        return std::optional<Enrolment>{};
    }
    Enrolment e;
    e.secret = TRY(opened(row->text(0)));
    if (!row->is_null(1)) {
        e.confirmed_at = parse_utc(row->text(1));
    }
    e.last_step = row->integer(2);
    e.recovery_codes_left = static_cast<int>(row->integer(3));
    return std::optional<Enrolment>{std::move(e)};
}

Result<std::string> start(db::Connection& c, std::int64_t person_id, const audit::Actor& actor,
                          Timestamp now) {
    auto existing = TRY(find(c, person_id));
    if (existing && existing->confirmed_at) {
        return Error::conflict(
            "Your second factor is already set up. Turn it off first to move it to a new phone.");
    }
    const std::string secret = new_secret();
    const std::string stored = TRY(sealed(secret));
    TRY(c.run("DELETE FROM second_factors WHERE person_id = $1", {person_id}));
    TRY(
        c.run("INSERT INTO second_factors (person_id, secret, last_step, created_at) "
              "VALUES ($1, $2, 0, $3)",
              {person_id, stored, format_utc(now)}));
    TRY(audit_event(c, actor, person_id, "start", "a new key shown to be added to an app", now));
    return secret;
}

Result<std::vector<std::string>> confirm(db::Connection& c, std::int64_t person_id,
                                         const std::string& code, const audit::Actor& actor,
                                         Timestamp now) {
    auto existing = TRY(find(c, person_id));
    if (!existing || existing->confirmed_at) {
        return Error::conflict(
            "There is no second factor being set up. Start again from your account page.");
    }
    const auto step = accepted_step(existing->secret, code, now, existing->last_step);
    if (!step) {
        return Error::invalid("code",
                              "That code is not right. Enter the 6-digit code your app shows now");
    }
    TRY(c.run("UPDATE second_factors SET confirmed_at = $1, last_step = $2 WHERE person_id = $3",
              {format_utc(now), *step, person_id}));
    auto codes = TRY(write_recovery_codes(c, person_id));
    TRY(audit_event(c, actor, person_id, "create", "second factor set up, with recovery codes",
                    now));
    return codes;
}

Status set_up_with(db::Connection& c, std::int64_t person_id, std::string_view secret,
                   const audit::Actor& actor, Timestamp now) {
    const std::string at = format_utc(now);
    const std::string stored = TRY(sealed(secret));
    TRY(
        c.run("INSERT INTO second_factors (person_id, secret, confirmed_at, last_step, created_at) "
              "VALUES ($1, $2, $3, 0, $3)",
              {person_id, stored, at}));
    TRY(write_recovery_codes(c, person_id));
    return audit_event(c, actor, person_id, "create", "second factor set up with a known key", now);
}

Result<std::vector<std::string>> renew_recovery_codes(db::Connection& c, std::int64_t person_id,
                                                      const audit::Actor& actor, Timestamp now) {
    auto existing = TRY(find(c, person_id));
    if (!existing || !existing->confirmed_at) {
        return no_second_factor();
    }
    auto codes = TRY(write_recovery_codes(c, person_id));
    TRY(audit_event(c, actor, person_id, "amend", "new recovery codes; the old ones stopped", now));
    return codes;
}

Status remove(db::Connection& c, std::int64_t person_id, const std::string& why,
              const audit::Actor& actor, Timestamp now) {
    auto existing =
        TRY(c.query_one("SELECT 1 FROM second_factors WHERE person_id = $1", {person_id}));
    if (!existing) {
        return no_second_factor();
    }
    TRY(c.run("DELETE FROM recovery_codes WHERE person_id = $1", {person_id}));
    TRY(c.run("DELETE FROM second_factors WHERE person_id = $1", {person_id}));
    return audit_event(c, actor, person_id, "remove", why, now);
}

Status set_required(db::Connection& c, std::int64_t person_id, bool required,
                    const audit::Actor& actor, Timestamp now) {
    TRY(c.run("UPDATE people SET second_factor_required = $1 WHERE id = $2",
              {std::int64_t{required}, person_id}));
    return audit_event(c, actor, person_id, "amend",
                       required ? "second factor required by an administrator"
                                : "second factor no longer required by an administrator",
                       now);
}

Result<Checked> check(db::Connection& c, std::int64_t person_id, const std::string& typed,
                      Timestamp now) {
    auto existing = TRY(find(c, person_id));
    if (!existing || !existing->confirmed_at) {
        return Checked::wrong;
    }
    if (const auto step = accepted_step(existing->secret, typed, now, existing->last_step)) {
        // Only a later step is written, so two sign-ins racing with one code cannot both pass.
        const auto changed = TRY(c.execute(
            "UPDATE second_factors SET last_step = $1 WHERE person_id = $2 AND last_step < $1",
            {*step, person_id}));
        return changed == 1 ? Checked::code : Checked::wrong;
    }
    const auto key = recovery_code_key(typed);
    if (key.size() != 10) {
        return Checked::wrong;
    }
    const auto used = TRY(c.execute(
        "UPDATE recovery_codes SET used_at = $1 WHERE person_id = $2 AND code_hash = $3 AND "
        "used_at IS NULL",
        {format_utc(now), person_id, crypto::sha256_hex(key)}));
    return used == 1 ? Checked::recovery_code : Checked::wrong;
}

}  // namespace hearth::second_factor
