#include "daily_record/talked_about_bullying_store.hpp"

#include <fmt/format.h>

namespace hearth::daily_record {

namespace {
std::optional<TalkedAt> talked_at(const db::Row& r, int id_column) {
    if (r.is_null(id_column)) {
        return std::nullopt;
    }
    return TalkedAt{r.integer(id_column), parse_utc(r.text(id_column + 1)).value_or(Timestamp{})};
}
}  // namespace

Result<std::vector<ChildTalked>> talked_about_bullying(db::Connection& c, std::int64_t home_id) {
    // Only marked rows are read: daily_entries_about_bullying holds just those
    // (migrations/0029_talking_about_bullying.sql).
    constexpr const char* last_session =
        "SELECT {} FROM daily_entries e WHERE e.child_id = c.id AND e.about_bullying = 1 "
        "ORDER BY e.occurred_at DESC LIMIT 1";
    constexpr const char* last_meeting =
        "SELECT {} FROM childrens_meeting_attendees a JOIN childrens_meetings m ON m.id = "
        "a.meeting_id WHERE a.child_id = c.id AND m.about_bullying = 1 ORDER BY m.held_at DESC "
        "LIMIT 1";
    auto rows = TRY(c.query(
        fmt::format("SELECT c.id, CASE WHEN c.preferred_name <> '' THEN c.preferred_name ELSE "
                    "c.first_name END || ' ' || c.last_name, ({}), ({}), ({}), ({}) FROM children "
                    "c WHERE c.home_id = $1 AND c.left_on IS NULL ORDER BY c.first_name, "
                    "c.last_name",
                    fmt::format(fmt::runtime(last_session), "e.id"),
                    fmt::format(fmt::runtime(last_session), "e.occurred_at"),
                    fmt::format(fmt::runtime(last_meeting), "m.id"),
                    fmt::format(fmt::runtime(last_meeting), "m.held_at")),
        {home_id}));
    std::vector<ChildTalked> out;
    for (const auto& r : rows) {
        out.push_back({r.integer(0), r.text(1), talked_at(r, 2), talked_at(r, 4)});
    }
    return out;
}

}  // namespace hearth::daily_record
