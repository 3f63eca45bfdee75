#include "platform/auth/permissions.hpp"

#include <algorithm>
#include <array>

namespace hearth {

namespace {
struct RoleName {
    Role role;
    std::string_view key;
    std::string_view label;
};
constexpr std::array<RoleName, 7> role_names{{
    {Role::provider_administrator, "provider_administrator", "Provider administrator"},
    {Role::responsible_individual, "responsible_individual", "Responsible individual"},
    {Role::registered_manager, "registered_manager", "Registered manager"},
    {Role::deputy, "deputy", "Deputy manager or team leader"},
    {Role::support_worker, "support_worker", "Residential support worker"},
    {Role::social_worker, "social_worker", "Social worker"},
    {Role::independent_person, "independent_person", "Independent person (Reg 44)"},
}};

bool has_role(const Person& p, Role r, std::optional<std::int64_t> home) {
    return std::any_of(p.memberships.begin(), p.memberships.end(), [&](const Membership& m) {
        return m.role == r && (is_organisation_wide(r) || (home && m.home_id == home));
    });
}

template <typename... Roles>
bool any_of_roles(const Person& p, std::optional<std::int64_t> home, Roles... roles) {
    return (has_role(p, roles, home) || ...);
}

// A registered manager of any home: the organisation's language list is theirs to keep.
bool manages_a_home(const Person& p) {
    return std::any_of(p.memberships.begin(), p.memberships.end(),
                       [](const Membership& m) { return m.role == Role::registered_manager; });
}

bool works_in_a_home(const Person& p) {
    return std::any_of(p.memberships.begin(), p.memberships.end(), [](const Membership& m) {
        return m.role == Role::registered_manager || m.role == Role::deputy ||
               m.role == Role::support_worker;
    });
}

bool in_organisation(const Person& p, const Scope& s) {
    return !s.organisation_id || *s.organisation_id == p.organisation_id;
}

bool allocated(const Person& p, const Scope& s) {
    return s.child_id && has_role(p, Role::social_worker, std::nullopt) &&
           std::find(p.allocated_children.begin(), p.allocated_children.end(), *s.child_id) !=
               p.allocated_children.end();
}
}  // namespace

std::string_view role_key(Role r) {
    for (const auto& n : role_names) {
        if (n.role == r) {
            return n.key;
        }
    }
    return "unknown";
}
std::string_view role_label(Role r) {
    for (const auto& n : role_names) {
        if (n.role == r) {
            return n.label;
        }
    }
    return "Unknown";
}
std::optional<Role> role_from_key(std::string_view key) {
    for (const auto& n : role_names) {
        if (n.key == key) {
            return n.role;
        }
    }
    return std::nullopt;
}
bool is_organisation_wide(Role r) {
    return r == Role::provider_administrator || r == Role::responsible_individual ||
           r == Role::social_worker;
}
const std::vector<Role>& all_roles() {
    static const std::vector<Role> roles = [] {
        std::vector<Role> out;
        for (const auto& n : role_names) {
            out.push_back(n.role);
        }
        return out;
    }();
    return roles;
}

bool holds_role(const Person& person, Role role, std::optional<std::int64_t> home_id) {
    return has_role(person, role, home_id);
}

bool may_read_child(const Reader& reader, std::int64_t home_id, std::int64_t child_id) {
    if (reader.scope.child_id == child_id) {
        return can(reader.person, Action::view_child, reader.scope);
    }
    Scope s;
    s.organisation_id = reader.scope.organisation_id;
    s.home_id = home_id;
    s.child_id = child_id;
    return can(reader.person, Action::view_child, s);
}

bool can(const Person& p, Action action, const Scope& s) {
    if (action == Action::public_page) {
        return true;
    }
    if (action == Action::signed_in || action == Action::sign_out ||
        action == Action::own_password || action == Action::enter_second_factor ||
        action == Action::own_second_factor) {
        return p.id != 0;
    }
    if (!in_organisation(p, s)) {
        return false;
    }
    const auto home = s.home_id;
    const bool oversight =
        any_of_roles(p, home, Role::provider_administrator, Role::responsible_individual);
    const bool manager = any_of_roles(p, home, Role::registered_manager);
    const bool senior = manager || any_of_roles(p, home, Role::deputy);
    const bool staff = senior || any_of_roles(p, home, Role::support_worker);
    const bool visitor = any_of_roles(p, home, Role::independent_person);
    const bool admin = any_of_roles(p, home, Role::provider_administrator);

    switch (action) {
        case Action::view_organisation:
            return oversight;
        case Action::view_home:
        case Action::view_children:
        case Action::view_people:
            return home && (oversight || staff || visitor);
        case Action::admit_child:
            return home && (admin || senior);
        case Action::view_child:
            return home && (oversight || staff || allocated(p, s) || (visitor && s.reg44_consent));
        case Action::amend_child:
            return home && (admin || staff);
        case Action::view_child_readers:
            return home && (oversight || senior);
        case Action::manage_people:
            return home && (admin || manager);
        case Action::manage_accounts:
            return admin;
        case Action::record_reg44_consent:
            return home && manager;
        case Action::view_audit:
            return home && (oversight || manager);
        case Action::view_metrics:
            return admin;
        case Action::view_chronology:
            return can(p, Action::view_child, s);
        case Action::record_daily:
        // A child who has left has no plan to follow any more: their plans are kept and read.
        case Action::write_plan:
            return home && staff && !s.child_has_left;
        case Action::amend_daily:
        case Action::give_handover:
            return home && staff;
        case Action::search_home:
        case Action::view_deadlines:
        case Action::view_handover:
            return home && (oversight || staff);
        case Action::meet_deadline:
        case Action::manage_key_workers:
        case Action::record_leaving:
            return home && (admin || senior);
        // The registered manager, or the senior on shift in an emergency (seed 003).
        case Action::restrict_contact:
        case Action::set_school_hours:
            return home && senior;
        // Agreed by the registered manager with the social worker: recorded by the home's seniors.
        case Action::arrange_contact:
            return home && senior && !s.child_has_left;
        case Action::confirm_contact:
            return home && allocated(p, s);
        case Action::record_contact:
            return home && staff && !s.child_has_left;
        // The follow-up a social worker agreed: recorded by the home, or by the child's own social
        // worker in Hearth.
        case Action::agree_contact:
            return home && (staff || allocated(p, s));
        case Action::sign_off_plan:
        // Seed 000: "the registered person will respond to children's views about changes to
        // staff".
        case Action::respond_to_staff_change:
            return home && manager;
        // Schedule 4's record of visitors is a record of the home, not of a child: the Reg 44
        // visitor may see the home's records (docs/user-guide.md, "Visitors' book"); a child's
        // social worker, who sees only their child, does not read who else came.
        case Action::view_visitors:
            return home && (oversight || staff || visitor);
        case Action::keep_visitors_book:
            return home && staff;
        case Action::manage_visitor_items:
            return home && senior;
        // The home's concerns name every child involved: those who work there, and oversight.
        // A social worker or the Reg 44 visitor reads a concern from the child's own record.
        case Action::view_bullying:
            return home && (oversight || staff);
        case Action::record_bullying:
            return home && staff;
        // Reported to the registered manager or the senior on shift, who owns the response (seed
        // 004: "reported to the Registered Manager or delegated senior member of staff").
        case Action::respond_to_bullying:
            return home && senior;
        case Action::manage_interactions:
            return home && senior && !s.child_has_left;
        case Action::view_register:
            return home && (oversight || senior || visitor);
        case Action::view_retention:
        case Action::export_child:
            return home &&
                   (admin || manager || any_of_roles(p, home, Role::responsible_individual));
        case Action::check_language:
            // Everyone who writes records, and the responsible individual who reports on them.
            return oversight || works_in_a_home(p);
        case Action::manage_language:
        case Action::manage_techniques:
            return admin || manages_a_home(p);
        case Action::view_language_figures:
            // With a home: that home's figures, for oversight and its registered manager.
            return home ? (oversight || manager) : (oversight || manages_a_home(p));
        case Action::view_incidents:
            return home && (oversight || staff || visitor);
        case Action::record_incident:
        case Action::amend_incident:
        case Action::record_measure:
        case Action::sign_measure:
            return home && staff;
        case Action::authorise_signers:
        case Action::record_training:
            return home && (admin || manager);
        case Action::view_training:
            return home && (oversight || senior);
        case Action::view_behaviour_figures:
            // With a home: its figures, for oversight, its seniors and its independent person.
            return home ? (oversight || senior || visitor) : oversight;
        case Action::view_shared_learning:
            return oversight || works_in_a_home(p);
        // A staff record is read by the person it is about, their home's registered manager and
        // the provider's administrator: nobody else (issue 15), not oversight, not colleagues.
        case Action::view_team:
            return home && (admin || manager);
        // Not their own: a registered manager's checks, qualification and training are recorded by
        // the provider's administrator, so that nobody meets their own clock.
        case Action::manage_staff_record:
            return home && (admin || (manager && !(s.staff_id && *s.staff_id == p.id)));
        case Action::manage_training_programme:
            return admin;
        case Action::view_staff_record:
            return home && (admin || manager || (s.staff_id && *s.staff_id == p.id));
        // Their own record's correction is theirs to ask for; the registered manager accepts it.
        case Action::request_staff_correction:
            return home && s.staff_id && *s.staff_id == p.id;
        // Supervision is between the two and the registered manager who answers for both; the
        // administrator reads it but not its confidential headings (supervision_view).
        case Action::view_supervision:
            return home && (admin || manager || (s.staff_id && *s.staff_id == p.id) ||
                            (s.staff_supervisor_id && *s.staff_supervisor_id == p.id) ||
                            (s.supervision_held_by && *s.supervision_held_by == p.id));
        case Action::record_supervision:
            return home && !(s.staff_id && *s.staff_id == p.id) &&
                   (manager || (s.staff_supervisor_id && *s.staff_supervisor_id == p.id));
        // Schedule 4's duty roster: read by those who work at the home and oversight; kept by its
        // seniors.
        case Action::view_rota:
            return home && (oversight || staff);
        case Action::manage_rota:
            return home && senior;
        // Reflective practice and team meetings (seed 002): the team's own, and oversight's to see
        // that they happen; a child named in one is shown only to those who may read that child.
        case Action::view_team_sessions:
            return home && (oversight || staff);
        case Action::record_team_session:
            return home && senior;
        // The two who held it; the record says which side each signs.
        case Action::sign_supervision:
            return home && ((s.staff_id && *s.staff_id == p.id) ||
                            (s.supervision_held_by && *s.supervision_held_by == p.id));
        case Action::public_page:
        case Action::signed_in:
        case Action::sign_out:
        case Action::own_password:
        case Action::enter_second_factor:
        case Action::own_second_factor:
            break;
    }
    return false;
}

}  // namespace hearth
