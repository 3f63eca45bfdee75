#pragma once
// The organisation, its homes, and the people who work in or visit each home.
#include <optional>
#include <string>
#include <vector>

#include "platform/audit/audit_trail.hpp"
#include "platform/auth/permissions.hpp"
#include "platform/choice.hpp"
#include "platform/db/database.hpp"
#include "platform/http/form.hpp"

namespace hearth::organisation {

struct Home {
    std::int64_t id = 0;
    std::int64_t organisation_id = 0;
    std::string name;
    std::string ofsted_urn;
    std::int64_t children = 0;
    std::int64_t staff = 0;
    // Where the home is: told of some serious events (Reg 40) and of each admission and leaving
    // (Reg 41) unless it placed the child.
    std::string local_authority;
    // How children can make calls privately (contact guidance: a phone they can take to a private
    // area): which phone, a private_phone_kinds() key or "", and what the children are told.
    std::string private_phone_kind;
    std::string private_phone;
};

struct StaffMember {
    std::int64_t person_id = 0;
    std::string name;
    std::string email;
    std::string job_title;
    std::vector<Role> roles;           // in force
    std::vector<Role> awaiting_roles;  // given, waiting for their checks (Reg 32)
    bool disabled = false;
};

Result<std::string> organisation_name(db::Connection& c, std::int64_t organisation_id);
Result<std::vector<Home>> homes_of(db::Connection& c, std::int64_t organisation_id);
Result<std::optional<Home>> find_home(db::Connection& c, std::int64_t home_id);
// Everyone with a current role in the home, and the organisation-wide roles beside them.
Result<std::vector<StaffMember>> people_of_home(db::Connection& c, std::int64_t home_id);

Result<std::int64_t> create_organisation(db::Connection& c, const std::string& name,
                                         const std::string& at);
Result<std::int64_t> create_home(db::Connection& c, std::int64_t organisation_id,
                                 const std::string& name, const std::string& ofsted_urn,
                                 const std::string& at);

// What the provider's administrator keeps about a home beyond its name: its Ofsted URN, and the
// local authority where it is. Built from a form only through read_home_details().
struct HomeDetails {
    std::string ofsted_urn;
    std::string local_authority;
    std::string private_phone_kind;
    std::string private_phone;
};
const std::vector<Choice>& private_phone_kinds();  // home_phone, mobile
Result<HomeDetails> read_home_details(http::FormReader& form);
// Audited with what each was before.
Status change_home_details(db::Connection& c, std::int64_t home_id, const HomeDetails& d,
                           const audit::Actor& actor, Timestamp now);

Status resolve_home_scope(db::Connection& c, std::int64_t home_id, Scope& scope);

}  // namespace hearth::organisation
