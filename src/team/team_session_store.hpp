#pragma once
// Reflective practice sessions and team meetings in the database, and the team's figures: each
// person's supervision on time, sessions held each month, who has not been to one in three months.
// Every write is audited.
#include <optional>
#include <string>
#include <vector>

#include "platform/audit/audit_trail.hpp"
#include "platform/db/database.hpp"
#include "team/team_session.hpp"

namespace hearth::team {

Result<std::int64_t> record_session(db::Connection& c, std::int64_t home_id, const SessionInput& in,
                                    const audit::Actor& actor, Timestamp now);

struct TeamSession {
    std::int64_t id = 0;
    std::int64_t home_id = 0;
    std::string kind;
    Date held_on{};
    std::vector<std::pair<std::int64_t, std::string>> attendees;  // id, name
    std::string about;
    std::optional<std::int64_t> child_id;
    std::string child_name;  // shown only to a reader who may read the child (team_session_view)
    std::optional<std::int64_t> shared_learning_id;
    std::string shared_learning;  // its words, without names
    std::string topic;
    std::string learned;
    std::string actions;
    std::string written_by;
};
// Newest first, `limit` of them.
Result<std::vector<TeamSession>> sessions_of_home(db::Connection& c, std::int64_t home_id,
                                                  int limit);
Result<std::optional<TeamSession>> find_session(db::Connection& c, std::int64_t home_id,
                                                std::int64_t session_id);

struct TeamFigures {
    struct Supervised {
        std::int64_t person_id = 0;
        std::string name;
        int on_time = 0;  // met by their due day
        int late = 0;     // met after it, or overdue now
    };
    std::vector<Supervised> supervision;                         // the last twelve months, by name
    std::vector<std::pair<std::string, int>> sessions_by_month;  // "2026-11", oldest first
    std::vector<std::pair<std::int64_t, std::string>> not_attended;  // in three months
};
Result<TeamFigures> team_figures(db::Connection& c, std::int64_t home_id, Timestamp now);

}  // namespace hearth::team
