#include "platform/auth/accounts.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace hearth::accounts {

namespace {
Status load_roles(db::Connection& c, Person& p) {
    auto rows = TRY(c.query(
        "SELECT home_id, role FROM roles WHERE person_id = $1 AND ended_at IS NULL", {p.id}));
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
    return {};
}
}  // namespace

std::string normalise_email(std::string email) {
    email.erase(0, email.find_first_not_of(" \t"));
    email.erase(email.find_last_not_of(" \t") + 1);
    std::transform(email.begin(), email.end(), email.begin(),
                   [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
    return email;
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
                        "disabled_at, must_change_password, COALESCE(job_title, '') "
                        "FROM people WHERE email = $1",
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
    a.must_change_password = row->boolean(6);
    a.job_title = row->text(7);
    TRY(load_roles(c, a.person));
    return std::optional<Account>{std::move(a)};
}

Result<std::optional<Person>> load_person(db::Connection& c, std::int64_t person_id) {
    auto row =
        TRY(c.query_one("SELECT id, organisation_id, name, email FROM people "
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
                     "must_change_password, created_at, created_by, updated_at, updated_by) "
                     "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $7, $8) RETURNING id",
                     {p.organisation_id, p.name, email, p.job_title,
                      p.password_hash.empty() ? db::Value{nullptr} : db::Value{p.password_hash},
                      std::int64_t{p.must_change_password}, at, db::nullable(actor.person_id)}));
    TRY(audit::append(c, actor,
                      {"create", "person", std::to_string(id), std::nullopt, std::nullopt,
                       fmt::format("added {} <{}>", p.name, email)},
                      now));
    return id;
}

Status give_role(db::Connection& c, std::int64_t person_id, std::optional<std::int64_t> home_id,
                 Role role, const audit::Actor& actor, Timestamp now) {
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
    TRY(
        c.run("INSERT INTO roles (person_id, home_id, role, started_at, started_by) "
              "VALUES ($1, $2, $3, $4, $5)",
              {person_id, db::nullable(home_id), std::string(role_key(role)), format_utc(now),
               db::nullable(actor.person_id)}));
    return audit::append(c, actor,
                         {"give_role", "person", std::to_string(person_id), home_id, std::nullopt,
                          std::string(role_key(role))},
                         now);
}

Status set_password_hash(db::Connection& c, std::int64_t person_id, const std::string& hash,
                         bool must_change, const audit::Actor& actor, Timestamp now) {
    auto n = TRY(c.execute(
        "UPDATE people SET password_hash = $1, must_change_password = $2, updated_at = $3, "
        "updated_by = $4, version = version + 1 WHERE id = $5",
        {hash, std::int64_t{must_change}, format_utc(now), db::nullable(actor.person_id),
         person_id}));
    if (n == 0) {
        return Error::not_found("There is no such person");
    }
    // Every session of theirs ends: a reset is often because someone else knew the password.
    TRY(c.run("UPDATE sessions SET ended_at = $1 WHERE person_id = $2 AND ended_at IS NULL",
              {format_utc(now), person_id}));
    return audit::append(
        c, actor,
        {"set_password", "person", std::to_string(person_id), std::nullopt, std::nullopt,
         must_change ? "one-time password issued" : "password changed"},
        now);
}

Status set_disabled(db::Connection& c, std::int64_t person_id, bool disabled,
                    const audit::Actor& actor, Timestamp now) {
    const std::string at = format_utc(now);
    auto n =
        TRY(c.execute("UPDATE people SET disabled_at = $1, updated_at = $2, updated_by = $3, "
                      "version = version + 1 WHERE id = $4",
                      {disabled ? db::Value{at} : db::Value{nullptr}, at,
                       db::nullable(actor.person_id), person_id}));
    if (n == 0) {
        return Error::not_found("There is no such person");
    }
    if (disabled) {
        TRY(c.run("UPDATE sessions SET ended_at = $1 WHERE person_id = $2 AND ended_at IS NULL",
                  {at, person_id}));
        TRY(c.run(
            "UPDATE api_tokens SET revoked_at = $1 WHERE person_id = $2 AND revoked_at IS NULL",
            {at, person_id}));
    }
    return audit::append(c, actor,
                         {disabled ? "disable" : "enable", "person", std::to_string(person_id),
                          std::nullopt, std::nullopt, ""},
                         now);
}

}  // namespace hearth::accounts
