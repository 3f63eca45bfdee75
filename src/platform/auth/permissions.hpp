#pragma once
// Who may do what. One pure function, can(), that every route passes through (http/router.cpp);
// home membership and child allocation decide what a person sees.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "platform/clock.hpp"

namespace hearth {

enum class Role {
    provider_administrator,  // all homes of the organisation
    responsible_individual,  // all homes, oversight: reads everything, changes no case record
    registered_manager,      // one home: everything in it
    deputy,                  // deputy manager or team leader
    support_worker,          // residential support worker on shift
    social_worker,           // external: only the children allocated to them
    independent_person,      // Reg 44 visitor: one home, read-only, case records only with consent
};

std::string_view role_key(Role r);    // "registered_manager"
std::string_view role_label(Role r);  // "Registered manager"
std::optional<Role> role_from_key(std::string_view key);
bool is_organisation_wide(Role r);
const std::vector<Role>& all_roles();

enum class Action {
    public_page,           // no sign-in needed (sign-in page, health checks, static files)
    signed_in,             // any signed-in person, about themselves (their tokens)
    sign_out,              // sign out, or keep a session alive: always allowed once signed in
    own_password,          // choose their own password: all a one-time password allows
    enter_second_factor,   // the code asked for after the password, before anything else
    own_second_factor,     // set up, change or turn off their own second factor
    view_organisation,     // the organisation overview of every home
    view_home,             // a home's dashboard
    view_children,         // the list of children in a home
    admit_child,           // add a child to a home's register
    view_child,            // a child's case record
    amend_child,           // amend a child's record
    view_child_readers,    // who has read a child's record
    record_reg44_consent,  // the child's and the placing authority's consent: registered manager
    view_people,           // the staff of a home
    manage_people,         // add people and give or end roles; end a social worker's allocation
    manage_accounts,       // disable or enable a person, and revoke their API tokens, anywhere
    view_audit,            // a home's audit trail
    view_metrics,          // the server's metrics
    // A child's whole record (capabilities 1, 2, 11, 12).
    view_chronology,        // a child's timeline: whoever may read their case record
    record_daily,           // daily notes, praise, key-work sessions, children's meetings
    amend_daily,            // amend an entry, keeping what it said before
    view_handover,          // a home's handover
    give_handover,          // record that a handover was given
    search_home,            // full-text search of a home's records (results filtered per child)
    view_deadlines,         // a home's due and overdue clocks
    meet_deadline,          // record by hand that a clock was met
    write_plan,             // a new version of a relevant plan or risk assessment
    sign_off_plan,          // the registered manager's sign-off of a plan version
    manage_key_workers,     // change a child's key workers, with the child's view
    record_leaving,         // record that a child left the home
    view_register,          // the home's register of children (Schedule 4), leavers included
    view_retention,         // how long a child's record is kept (Reg 36(2))
    export_child,           // a child's whole record as files: subject access, leaving
    check_language,         // ask Hearth about the words of a record as it is typed
    manage_language,        // the organisation's list of phrases to avoid
    view_language_figures,  // flagged phrases per 100 entries, per home
    // Behaviour support and physical intervention (capabilities 4 and 5).
    view_incidents,     // a home's incidents
    record_incident,    // an incident, and what follows it: accounts, debriefs, who was told
    amend_incident,     // amend an incident, keeping what it said before
    record_measure,     // a Reg 35 record of a measure used, or its amendment
    sign_measure,       // open a Reg 35 sign-off; who may sign is the record's own rule
    authorise_signers,  // the registered manager's list of who may sign Reg 35 records
    view_training,      // a home's accredited physical intervention certificates
    record_training,    // record a certificate
    manage_techniques,  // the organisation's list of accredited physical intervention techniques
    view_behaviour_figures,  // incidents, restraints and warmth over time; Ofsted's counts
    view_shared_learning,    // learning from debriefs, shared without names across homes
    // Contact with family and friends (capability 8).
    restrict_contact,  // restrict a child's contact; record its notice and its reviews
    record_contact,    // plan or log a contact, say what became of it, raise a concern about it
    agree_contact,     // record what the social worker agreed: the home, or the social worker
    set_school_hours,  // a child's school hours, and their home's usual ones
    arrange_contact,   // agree a child's contact arrangements and digital contact agreement
    confirm_contact,   // the child's own social worker's agreement to an arrangement or restriction
    // The visitors' book (Schedule 4).
    view_visitors,         // a home's visitors' book and who is in the building now
    keep_visitors_book,    // sign a visitor in and out: whoever works in the home
    manage_visitor_items,  // the home's list of items not allowed in: its managers
    // Relationships and countering bullying (capabilities 3 and 7).
    view_bullying,            // a home's bullying concerns, whoever is bullied and by whom
    record_bullying,          // record a concern: anyone on shift, in a minute
    respond_to_bullying,      // lead the response: stages, telling the child, reporting back
    manage_interactions,      // which children must not be alone together or are kept apart
    respond_to_staff_change,  // the registered manager's response to a child's view of it
    // The team (issue 15): staff records, their checks and qualifications.
    view_team,                  // a home's staff records and where their checks stand
    view_staff_record,          // one person's staff record: their own, or as their manager
    manage_staff_record,        // record their details, checks, supervised start and qualifications
    manage_training_programme,  // the organisation's courses: who must have each, when, how long
    request_staff_correction,   // ask for a correction of their own staff record
    view_supervision,     // a person's supervisions: theirs, their supervisor's, the manager's
    record_supervision,   // write a supervision held: their supervisor or the manager
    sign_supervision,     // sign one: the two who held it (the store checks which side)
    view_rota,            // a home's rota, planned and worked, and who is on shift
    manage_rota,          // put shifts on it, record what was worked, set the staffing
    view_team_sessions,   // reflective practice sessions and team meetings, and their figures
    record_team_session,  // write one up: who came, what it was about, what was learned
};

struct Membership {
    std::optional<std::int64_t> home_id;  // none for organisation-wide roles
    Role role{};
};

struct Person {
    std::int64_t id = 0;
    std::int64_t organisation_id = 0;
    std::string name;
    std::string email;
    std::vector<Membership> memberships;
    std::vector<std::int64_t> allocated_children;  // social workers
    std::size_t allocated_homes = 0;               // the homes those children live in
    // Given a one-time password and not yet chosen their own: they may do nothing else.
    bool must_change_password = false;
    // A second factor set up and confirmed; required of them whatever their roles (by an
    // administrator). Whether one is required at all: second_factor::required_for.
    bool second_factor_on = false;
    bool second_factor_required = false;
};

// What a request is about: filled from the route's path by the router.
struct Scope {
    std::optional<std::int64_t> organisation_id;
    std::optional<std::int64_t> home_id;
    std::optional<std::int64_t> child_id;
    bool reg44_consent = false;   // the child and the placing authority both consented
    bool child_has_left = false;  // their record is kept and read, but no longer written day to day
    // Nothing written about the child can have happened before this: see FormReader::about_child.
    std::optional<Date> child_born;
    // For the heading of pages about a child or a home; not used by can().
    std::string child_name;
    std::string home_name;
    // The member of staff a staff record is about: they may read their own.
    std::optional<std::int64_t> staff_id;
    // Who supervises them: their named supervisor, or the home's registered manager.
    std::optional<std::int64_t> staff_supervisor_id;
    // Who held the supervision of the path, whoever supervises them now: it is theirs to sign.
    std::optional<std::int64_t> supervision_held_by;
};

bool can(const Person& person, Action action, const Scope& scope);

// Who is reading a record: each kind of record decides once, from this, what the reader sees of it
// (another child of a shared record, a child who has not consented to the Reg 44 visitor), and
// its page, JSON, API and exports are rendered from that one view.
struct Reader {
    const Person& person;
    const Scope& scope;  // resolved by the router: the page's own child with their consents
};

// Whether the reader may read about a child of a record about several (an incident, a bullying
// concern, a managed interaction): the page's own child as its scope was resolved, with its
// consents; any other only through a role that lets them, never through a consent.
bool may_read_child(const Reader& reader, std::int64_t home_id, std::int64_t child_id);

// Whether the person holds the role (in that home, for a home's role): for what a page shows them
// first, such as the deadlines escalated to a registered manager. Access is decided by can().
bool holds_role(const Person& person, Role role, std::optional<std::int64_t> home_id);

}  // namespace hearth
