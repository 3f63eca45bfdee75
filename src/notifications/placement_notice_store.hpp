#pragma once
// Reg 41 notices in the database. An admission and a leaving owe one (steps of the children
// capability's WhenAdmitted and WhenLeaving), with its clock; an amended case record is followed
// (WhenAmended): a notice no longer owed is withdrawn, saying why, and one newly owed starts.
// Recording it sent fixes what it said and meets the clock at the moment it was sent.
#include <optional>
#include <string>
#include <vector>

#include "notifications/placement_notice.hpp"
#include "platform/audit/audit_trail.hpp"
#include "platform/auth/permissions.hpp"
#include "platform/db/database.hpp"

namespace hearth::notifications {

struct PlacementNotice {
    std::int64_t id = 0;
    std::int64_t home_id = 0;
    std::int64_t child_id = 0;
    std::string child_name;  // as the home knows them
    std::string occasion;
    Date occurred_on{};
    std::string local_authority;
    std::optional<NoticeContents> sent;  // what it said, once sent
    std::string sent_to;
    std::string method;
    std::string reference;
    std::optional<Timestamp> sent_at;
    std::string sent_by_name;
    std::string recorded_by_name;
    std::string withdrawn_reason;
    Timestamp created_at{};
};

// Steps of the children capability's extension points (children/child_steps.hpp).
Status owe_on_admission(db::Connection& c, std::int64_t child_id, const audit::Actor& actor,
                        Timestamp now);
Status owe_on_leaving(db::Connection& c, std::int64_t child_id, const audit::Actor& actor,
                      Timestamp now);
Status follow_case_record(db::Connection& c, std::int64_t child_id, const audit::Actor& actor,
                          Timestamp now);

// Refused when it was sent already, or withdrawn.
Status record_sent(db::Connection& c, std::int64_t notice_id, const Sending& s,
                   const audit::Actor& actor, Timestamp now);

Result<std::optional<PlacementNotice>> find_notice(db::Connection& c, std::int64_t notice_id);
// Newest first; `before`: the id after which the next page starts.
Result<std::vector<PlacementNotice>> notices_of_home(db::Connection& c, std::int64_t home_id,
                                                     std::optional<std::int64_t> before, int limit);
Result<std::vector<PlacementNotice>> notices_of_child(db::Connection& c, std::int64_t child_id);

// What the notice says: as sent, or drafted from the case record as it is now.
Result<NoticeContents> contents_of(db::Connection& c, const PlacementNotice& n);

Status record_notice_read(db::Connection& c, const PlacementNotice& n, const std::string& how,
                          const audit::Actor& actor, Timestamp now);

// For the router: a notice is reached under its home, or under its child.
Status resolve_notice_scope(db::Connection& c, std::int64_t notice_id, Scope& scope);

}  // namespace hearth::notifications
