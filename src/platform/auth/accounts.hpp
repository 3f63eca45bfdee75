#pragma once
// People who sign in, and their roles: the records sign-in and can() are built from.
#include <optional>
#include <string>
#include <vector>

#include "platform/audit/audit_trail.hpp"
#include "platform/auth/permissions.hpp"
#include "platform/db/database.hpp"

namespace hearth::accounts {

struct Account {
    Person person;
    std::string password_hash;
    bool disabled = false;
    bool must_change_password = false;
    std::string job_title;
};

Result<std::optional<Account>> find_by_email(db::Connection& c, const std::string& email);
Result<std::optional<Person>> load_person(db::Connection& c, std::int64_t person_id);

struct NewPerson {
    std::int64_t organisation_id = 0;
    std::string name;
    std::string email;
    std::string job_title;
    std::string password_hash;  // may be empty: they cannot sign in until it is set
    bool must_change_password = false;
};
// Validated: name, email (well formed and not taken).
Result<std::int64_t> add_person(db::Connection& c, const NewPerson& p, const audit::Actor& actor,
                                Timestamp now);
Status give_role(db::Connection& c, std::int64_t person_id, std::optional<std::int64_t> home_id,
                 Role role, const audit::Actor& actor, Timestamp now);
Status set_password_hash(db::Connection& c, std::int64_t person_id, const std::string& hash,
                         bool must_change, const audit::Actor& actor, Timestamp now);
Status set_disabled(db::Connection& c, std::int64_t person_id, bool disabled,
                    const audit::Actor& actor, Timestamp now);

std::string normalise_email(std::string email);
bool plausible_email(const std::string& email);

}  // namespace hearth::accounts
