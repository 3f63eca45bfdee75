#pragma once
// What follows an incident, in the database: the children's accounts, who was told, debriefs and
// restorative follow-ups. Each is written once, with its chronology line and audit entry, in one
// transaction; none is ever changed.
#include <optional>
#include <string>
#include <vector>

#include "behaviour/after_incident.hpp"
#include "behaviour/incident_store.hpp"
#include "behaviour/notification.hpp"
#include "platform/audit/audit_trail.hpp"
#include "platform/db/database.hpp"

namespace hearth::behaviour {

struct Account : AccountInput {
    std::int64_t id = 0;
    std::string heard_by_name;
};

struct ChildDebrief : ChildDebriefDetails {
    std::int64_t id = 0;
    std::string held_by_name;
    std::string written_by_name;
    Timestamp written_at{};
};

struct StaffDebrief : StaffDebriefDetails {
    std::int64_t id = 0;
    std::string person_name;
    std::string held_by_name;
    Timestamp written_at{};
};

struct RestorativeFollowUp : RestorativeDetails {
    std::int64_t id = 0;
    std::string written_by_name;
    Timestamp written_at{};
};

struct AfterIncident {
    std::vector<Account> accounts;
    std::vector<Notification> notifications;
    std::vector<ChildDebrief> child_debriefs;
    std::vector<StaffDebrief> staff_debriefs;
    std::vector<RestorativeFollowUp> restorative;
};
Result<AfterIncident> after_incident(db::Connection& c, std::int64_t incident_id);

Result<std::int64_t> add_account(db::Connection& c, const Incident& incident, const AccountInput& a,
                                 const audit::Actor& actor, Timestamp now);
// Meets the incident's Reg 40 clock once Ofsted and every child's placing authority are told.
Result<std::int64_t> add_notification(db::Connection& c, const Incident& incident,
                                      const NotificationInput& n, const audit::Actor& actor,
                                      Timestamp now);
Result<std::int64_t> add_child_debrief(db::Connection& c, const Incident& incident,
                                       const ChildDebriefDetails& d, const audit::Actor& actor,
                                       Timestamp now);
// A member of staff who is hurt or struggling starts a clock for the registered manager to check
// in with them the same day.
Result<std::int64_t> add_staff_debrief(db::Connection& c, const Incident& incident,
                                       const StaffDebriefDetails& d, const audit::Actor& actor,
                                       Timestamp now);
Result<std::int64_t> add_restorative(db::Connection& c, const Incident& incident,
                                     const RestorativeDetails& d, const audit::Actor& actor,
                                     Timestamp now);

inline constexpr const char* wellbeing_clock = "staff_wellbeing";

// Every name the organisation's children and staff are known by: shared learning carries none.
Result<std::vector<std::string>> names_in_organisation(db::Connection& c,
                                                       std::int64_t organisation_id);

// Learning shared by the organisation's homes, newest first, without names of homes, children or
// staff: only what was learnt, and when.
struct SharedLearning {
    std::int64_t id = 0;
    Timestamp held_at{};
    std::string learning;
    bool after_restraint = false;
};
Result<std::vector<SharedLearning>> shared_learning(db::Connection& c, std::int64_t organisation_id,
                                                    std::optional<std::int64_t> before, int limit);

}  // namespace hearth::behaviour
