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
    std::optional<Timestamp> password_set_at;
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
// `awaiting_checks`: a role with children given before the checks that show the person is fit to
// work with them are recorded (Reg 32): kept, but not in force until take_up_roles.
Status give_role(db::Connection& c, std::int64_t person_id, std::optional<std::int64_t> home_id,
                 Role role, const audit::Actor& actor, Timestamp now, bool awaiting_checks = false);
// Every role of theirs that waited for their checks comes into force, from their next request.
// Returns how many did.
Result<int> take_up_roles(db::Connection& c, std::int64_t person_id, const audit::Actor& actor,
                          Timestamp now);
// A role in a home that works with children: registered manager, deputy, support worker.
bool works_with_children(Role role);
// Ends their role (in the home, or organisation-wide when `home_id` is none), from their next
// request; the last provider administrator's is refused. Not found when they do not hold it.
Status end_role(db::Connection& c, std::int64_t person_id, std::optional<std::int64_t> home_id,
                Role role, const audit::Actor& actor, Timestamp now);

// A social worker's allocation to a child: what lets them see the child's record.
struct Allocation {
    std::int64_t id = 0;
    std::int64_t person_id = 0;
    std::string social_worker;
    std::int64_t child_id = 0;
    std::string child;
    Timestamp started_at;
};
// The allocations in force to the children living in the home.
Result<std::vector<Allocation>> allocations_in_home(db::Connection& c, std::int64_t home_id);
// Ends it from the social worker's next request. Not found unless its child lives in the home; a
// conflict when it has already ended.
Status end_allocation(db::Connection& c, std::int64_t home_id, std::int64_t allocation_id,
                      const audit::Actor& actor, Timestamp now);
// A new password (their own, or a one-time one to be changed at first sign-in) ends every session
// and revokes every API token of theirs, and clears the failed sign-ins that slow their account.
Status set_password_hash(db::Connection& c, std::int64_t person_id, const std::string& hash,
                         bool must_change, const audit::Actor& actor, Timestamp now);
// Refuses (a conflict) when the person is the last provider administrator of their organisation
// still able to sign in: ending their role or disabling them would leave nobody to manage people.
Status keep_an_administrator(db::Connection& c, std::int64_t person_id);
// Ends every session and revokes every API token of theirs, from the next request.
Status end_access(db::Connection& c, std::int64_t person_id, const audit::Actor& actor,
                  Timestamp now);
// Disabling ends their sessions and revokes their tokens; the last administrator cannot be.
Status set_disabled(db::Connection& c, std::int64_t person_id, bool disabled,
                    const audit::Actor& actor, Timestamp now);

// The person's password typed again, before what outlives the session or guards the account (an API
// token, recovery codes, turning off the second factor): refused at the field "password".
Status check_password_again(db::Database& db, const std::string& email, const std::string& typed);

std::string normalise_email(std::string email);
// How failed sign-ins to an account are counted without keeping what was typed.
std::string failure_key(const std::string& email);
bool plausible_email(const std::string& email);

}  // namespace hearth::accounts
