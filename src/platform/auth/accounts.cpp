#include "platform/auth/accounts.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "platform/crypto.hpp"

namespace hearth::accounts {

namespace {
Status load_roles(db::Connection& c, Person& p) {
    auto rows =
        TRY(c.query("SELECT home_id, role FROM roles WHERE person_id = $1 AND ended_at IS NULL "
                    "AND awaiting_checks_since IS NULL",
                    {p.id}));
    for (const auto& r : rows) {
        if (auto role = role_from_key(r.text(1))) {
            p.memberships.push_back({r.optional_integer(0), *role});
        }
    }
    auto alloc = TRY(c.query(
        "SELECT child_id FROM allocations WHERE person_id = $1 AND ended_at IS NULL", {p.id}));
    for (const auto& r : alloc) {
        p.allocated_children.push_back(r.integer(0));
    }
    if (!p.allocated_children.empty()) {
        auto homes = TRY(c.query_one(
            "SELECT COUNT(DISTINCT ch.home_id) FROM allocations a JOIN children ch ON ch.id = "
            "a.child_id WHERE a.person_id = $1 AND a.ended_at IS NULL",
            {p.id}));
        p.allocated_homes = static_cast<std::size_t>(homes->integer(0));
    }
    return {};
}
}  // namespace

Status end_access(db::Connection& c, std::int64_t person_id, const audit::Actor& actor,
                  Timestamp now) {
    const std::string at = format_utc(now);
    TRY(c.run("UPDATE sessions SET ended_at = $1 WHERE person_id = $2 AND ended_at IS NULL",
              {at, person_id}));
    TRY(
        c.run("UPDATE api_tokens SET revoked_at = $1, revoked_by = $2 "
              "WHERE person_id = $3 AND revoked_at IS NULL",
              {at, db::nullable(actor.person_id), person_id}));
    return {};
}

Status check_password_again(db::Database& db, const std::string& email, const std::string& typed) {
    if (typed.empty()) {
        return Error::invalid("password", "Enter your password");
    }
    auto account = TRY(db.read([&](db::Connection& c) { return find_by_email(c, email); }));
    if (!account || !TRY(crypto::verify_password(account->password_hash, typed))) {
        return Error::invalid("password", "Your password is not right");
    }
    return {};
}

std::string normalise_email(std::string email) {
    email.erase(0, email.find_first_not_of(" \t"));
    email.erase(email.find_last_not_of(" \t") + 1);
    std::transform(email.begin(), email.end(), email.begin(),
                   [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
    return email;
}

std::string failure_key(const std::string& email) {
    return crypto::sha256_hex("sign-in failures:" + normalise_email(email));
}

bool plausible_email(const std::string& email) {
    auto at = email.find('@');
    return at != std::string::npos && at > 0 && at == email.rfind('@') &&
           email.find('.', at) != std::string::npos && email.back() != '.' &&
           email.find(' ') == std::string::npos && email.size() <= 254;
}

Result<std::optional<Account>> find_by_email(db::Connection& c, const std::string& email) {
    auto row =
        TRY(c.query_one("SELECT id, organisation_id, name, email, COALESCE(password_hash, ''), "
                        "disabled_at, must_change_password, COALESCE(job_title, ''), "
                        "password_set_at, second_factor_required, "
                        "(SELECT COUNT(*) FROM second_factors f WHERE f.person_id = people.id "
                        "AND f.confirmed_at IS NOT NULL) FROM people WHERE email = $1",
                        {normalise_email(email)}));
    if (!row) {
        return std::optional<Account>{};
    }
    Account a;
    a.person.id = row->integer(0);
    a.person.organisation_id = row->integer(1);
    a.person.name = row->text(2);
    a.person.email = row->text(3);
    a.password_hash = row->text(4);
    a.disabled = !row->is_null(5);
    a.person.must_change_password = row->boolean(6);
    a.job_title = row->text(7);
    if (!row->is_null(8)) {
        a.password_set_at = parse_utc(row->text(8));
    }
    a.person.second_factor_required = row->boolean(9);
    a.person.second_factor_on = row->integer(10) > 0;
    TRY(load_roles(c, a.person));
    return std::optional<Account>{std::move(a)};
}

Result<std::optional<Person>> load_person(db::Connection& c, std::int64_t person_id) {
    auto row =
        TRY(c.query_one("SELECT id, organisation_id, name, email, must_change_password, "
                        "second_factor_required, (SELECT COUNT(*) FROM second_factors f WHERE "
                        "f.person_id = people.id AND f.confirmed_at IS NOT NULL) FROM people "
                        "WHERE id = $1 AND disabled_at IS NULL",
                        {person_id}));
    if (!row) {
        return std::optional<Person>{};
    }
    Person p;
    p.id = row->integer(0);
    p.organisation_id = row->integer(1);
    p.name = row->text(2);
    p.email = row->text(3);
    p.must_change_password = row->boolean(4);
    p.second_factor_required = row->boolean(5);
    p.second_factor_on = row->integer(6) > 0;
    TRY(load_roles(c, p));
    return std::optional<Person>{std::move(p)};
}

Result<std::int64_t> add_person(db::Connection& c, const NewPerson& p, const audit::Actor& actor,
                                Timestamp now) {
    std::vector<FieldError> errors;
    const std::string email = normalise_email(p.email);
    if (p.name.empty()) {
        errors.push_back({"name", "Enter the person's full name"});
    }
    if (p.name.size() > 200) {
        errors.push_back({"name", "Name must be 200 characters or fewer"});
    }
    if (!plausible_email(email)) {
        errors.push_back(
            {"email", "Enter an email address in the correct format, like name@example.org"});
    }
    if (errors.empty()) {
        auto taken = TRY(c.query_one("SELECT id FROM people WHERE email = $1", {email}));
        if (taken) {
            errors.push_back({"email", "Someone already has this email address in Hearth"});
        }
    }
    if (!errors.empty()) {
        return Error::invalid_fields(errors);
    }
    const std::string at = format_utc(now);
    auto id =
        TRY(c.insert("INSERT INTO people (organisation_id, name, email, job_title, password_hash, "
                     "must_change_password, password_set_at, created_at, created_by, updated_at, "
                     "updated_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $7, $8, $7, $8) RETURNING id",
                     {p.organisation_id, p.name, email, p.job_title,
                      p.password_hash.empty() ? db::Value{nullptr} : db::Value{p.password_hash},
                      std::int64_t{p.must_change_password}, at, db::nullable(actor.person_id)}));
    TRY(audit::append(c, actor,
                      {"create", "person", std::to_string(id), std::nullopt, std::nullopt,
                       fmt::format("added {} <{}>", p.name, email)},
                      now));
    return id;
}

bool works_with_children(Role role) {
    return role == Role::registered_manager || role == Role::deputy || role == Role::support_worker;
}

Status give_role(db::Connection& c, std::int64_t person_id, std::optional<std::int64_t> home_id,
                 Role role, const audit::Actor& actor, Timestamp now, bool awaiting_checks) {
    if (is_organisation_wide(role)) {
        home_id.reset();
    }
    if (!is_organisation_wide(role) && !home_id) {
        return Error::invalid("home", "Choose the home this role is in");
    }
    auto existing = TRY(
        c.query_one("SELECT id FROM roles WHERE person_id = $1 AND role = $2 AND ended_at IS NULL "
                    "AND COALESCE(home_id, 0) = $3",
                    {person_id, std::string(role_key(role)), home_id.value_or(0)}));
    if (existing) {
        return {};
    }
    TRY(c.run(
        "INSERT INTO roles (person_id, home_id, role, started_at, started_by, "
        "awaiting_checks_since) VALUES ($1, $2, $3, $4, $5, $6)",
        {person_id, db::nullable(home_id), std::string(role_key(role)), format_utc(now),
         db::nullable(actor.person_id),
         awaiting_checks && works_with_children(role) ? db::Value(format_utc(now)) : db::Value()}));
    return audit::append(
        c, actor,
        {"give_role", "person", std::to_string(person_id), home_id, std::nullopt,
         std::string(role_key(role)) +
             (awaiting_checks && works_with_children(role) ? " (awaiting their checks)" : "")},
        now);
}

Result<int> take_up_roles(db::Connection& c, std::int64_t person_id, const audit::Actor& actor,
                          Timestamp now) {
    auto waiting =
        TRY(c.query("SELECT id, home_id, role FROM roles WHERE person_id = $1 AND ended_at IS NULL "
                    "AND awaiting_checks_since IS NOT NULL ORDER BY id",
                    {person_id}));
    for (const auto& r : waiting) {
        TRY(c.run("UPDATE roles SET awaiting_checks_since = NULL WHERE id = $1", {r.integer(0)}));
        TRY(audit::append(c, actor,
                          {"take_up_role", "person", std::to_string(person_id),
                           r.optional_integer(1), std::nullopt, r.text(2)},
                          now));
    }
    return static_cast<int>(waiting.size());
}

Status end_role(db::Connection& c, std::int64_t person_id, std::optional<std::int64_t> home_id,
                Role role, const audit::Actor& actor, Timestamp now) {
    if (role == Role::provider_administrator) {
        TRY(keep_an_administrator(c, person_id));
    }
    auto n = TRY(c.execute(
        "UPDATE roles SET ended_at = $1 WHERE person_id = $2 AND role = $3 AND ended_at IS NULL "
        "AND COALESCE(home_id, 0) = $4",
        {format_utc(now), person_id, std::string(role_key(role)), home_id.value_or(0)}));
    if (n == 0) {
        return Error::not_found("They do not hold that role here");
    }
    return audit::append(c, actor,
                         {"end_role", "person", std::to_string(person_id), home_id, std::nullopt,
                          std::string(role_key(role))},
                         now);
}

Result<std::vector<Allocation>> allocations_in_home(db::Connection& c, std::int64_t home_id) {
    auto rows = TRY(
        c.query("SELECT a.id, a.person_id, p.name, c.id, "
                "CASE WHEN c.preferred_name <> '' THEN c.preferred_name ELSE c.first_name END "
                "|| ' ' || c.last_name, a.started_at "
                "FROM allocations a JOIN people p ON p.id = a.person_id "
                "JOIN children c ON c.id = a.child_id "
                "WHERE c.home_id = $1 AND a.ended_at IS NULL ORDER BY p.name, c.last_name, a.id",
                {home_id}));
    std::vector<Allocation> out;
    out.reserve(rows.size());
    for (const auto& r : rows) {
        out.push_back({r.integer(0), r.integer(1), r.text(2), r.integer(3), r.text(4),
                       parse_utc(r.text(5)).value_or(Timestamp{})});
    }
    return out;
}

Status end_allocation(db::Connection& c, std::int64_t home_id, std::int64_t allocation_id,
                      const audit::Actor& actor, Timestamp now) {
    auto row =
        TRY(c.query_one("SELECT a.person_id, a.child_id, a.ended_at FROM allocations a "
                        "JOIN children c ON c.id = a.child_id WHERE a.id = $1 AND c.home_id = $2",
                        {allocation_id, home_id}));
    if (!row) {
        return Error::not_found("There is no such allocation here");
    }
    if (!row->is_null(2)) {
        return Error::conflict("This allocation has already ended.");
    }
    TRY(c.run("UPDATE allocations SET ended_at = $1 WHERE id = $2",
              {format_utc(now), allocation_id}));
    return audit::append(
        c, actor,
        {"end_allocation", "person", std::to_string(row->integer(0)), home_id, row->integer(1), ""},
        now);
}

Status set_password_hash(db::Connection& c, std::int64_t person_id, const std::string& hash,
                         bool must_change, const audit::Actor& actor, Timestamp now) {
    const std::string at = format_utc(now);
    auto email = TRY(c.query_one("SELECT email FROM people WHERE id = $1", {person_id}));
    if (!email) {
        return Error::not_found("There is no such person");
    }
    TRY(
        c.run("UPDATE people SET password_hash = $1, must_change_password = $2, "
              "password_set_at = $3, updated_at = $3, updated_by = $4, version = version + 1 "
              "WHERE id = $5",
              {hash, std::int64_t{must_change}, at, db::nullable(actor.person_id), person_id}));
    // Everything that let them in ends: a reset is often because someone else knew the password.
    TRY(end_access(c, person_id, actor, now));
    TRY(c.run("DELETE FROM sign_in_failures WHERE account_key = $1",
              {failure_key(email->text(0))}));
    return audit::append(
        c, actor,
        {"set_password", "person", std::to_string(person_id), std::nullopt, std::nullopt,
         must_change ? "one-time password issued" : "password changed"},
        now);
}

Status keep_an_administrator(db::Connection& c, std::int64_t person_id) {
    auto others =
        TRY(c.query_one("SELECT COUNT(*) FROM roles r JOIN people p ON p.id = r.person_id "
                        "JOIN people leaving ON leaving.id = $1 "
                        "WHERE r.role = 'provider_administrator' AND r.ended_at IS NULL "
                        "AND p.disabled_at IS NULL AND p.organisation_id = leaving.organisation_id "
                        "AND p.id <> $1",
                        {person_id}));
    auto theirs = TRY(c.query_one(
        "SELECT COUNT(*) FROM roles WHERE person_id = $1 AND role = 'provider_administrator' "
        "AND ended_at IS NULL",
        {person_id}));
    if (theirs->integer(0) > 0 && others->integer(0) == 0) {
        return Error::conflict(
            "This is the organisation's last provider administrator: give someone else the role "
            "first, so that someone can still manage people in Hearth.");
    }
    return {};
}

Status set_disabled(db::Connection& c, std::int64_t person_id, bool disabled,
                    const audit::Actor& actor, Timestamp now) {
    const std::string at = format_utc(now);
    if (disabled) {
        TRY(keep_an_administrator(c, person_id));
    }
    auto n =
        TRY(c.execute("UPDATE people SET disabled_at = $1, updated_at = $2, updated_by = $3, "
                      "version = version + 1 WHERE id = $4",
                      {disabled ? db::Value{at} : db::Value{nullptr}, at,
                       db::nullable(actor.person_id), person_id}));
    if (n == 0) {
        return Error::not_found("There is no such person");
    }
    if (disabled) {
        TRY(end_access(c, person_id, actor, now));
    }
    return audit::append(c, actor,
                         {disabled ? "disable" : "enable", "person", std::to_string(person_id),
                          std::nullopt, std::nullopt, ""},
                         now);
}

}  // namespace hearth::accounts
