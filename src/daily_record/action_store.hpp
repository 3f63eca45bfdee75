#pragma once
// Actions agreed with a child in a key-work session, or with the children at their meeting: open
// until someone records that they were done, and shown at every handover until then.
#include <optional>
#include <string>
#include <vector>

#include "platform/audit/audit_trail.hpp"
#include "platform/auth/permissions.hpp"
#include "platform/db/database.hpp"

namespace hearth::daily_record {

struct NewAction {
    std::int64_t home_id = 0;
    std::optional<std::int64_t> child_id;
    std::string source_type;  // "daily_entry", "childrens_meeting"
    std::int64_t source_id = 0;
    std::string description;
};

struct AgreedAction : NewAction {
    std::int64_t id = 0;
    std::string child_name;
    std::string source_link;
    bool done = false;
    std::optional<Timestamp> done_at;
    std::string done_by_name;
    std::string done_note;
    Timestamp created_at{};
    std::string created_by_name;
    int version = 1;
};

Status add_action(db::Connection& c, const NewAction& a, const audit::Actor& actor, Timestamp now);
// Open actions of a home, oldest first.
Result<std::vector<AgreedAction>> open_actions(db::Connection& c, std::int64_t home_id, int limit);
// The actions a record agreed, open or done.
Result<std::vector<AgreedAction>> actions_of(db::Connection& c, const std::string& source_type,
                                             std::int64_t source_id);
Status mark_done(db::Connection& c, std::int64_t action_id, int read_version,
                 const std::string& note, const audit::Actor& actor, Timestamp now);

Status resolve_action_scope(db::Connection& c, std::int64_t action_id, Scope& scope);

}  // namespace hearth::daily_record
