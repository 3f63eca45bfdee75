#include "deadlines/deadline_view.hpp"

namespace hearth::deadlines {

nlohmann::json deadline_view(const Deadline& d, Timestamp now) {
    const auto s = standing(d, now);
    return {{"id", d.id},
            {"home_id", d.home_id},
            {"home_name", d.home_name},
            {"child_id", d.child_id ? nlohmann::json(*d.child_id) : nlohmann::json(nullptr)},
            {"child_name", d.child_name},
            {"kind", d.kind},
            {"title", d.title},
            {"link", d.link},
            {"owner_role", d.owner_role},
            {"owner_name", d.owner_name},
            {"started", format_local(d.started_at)},
            {"started_at", format_utc(d.started_at)},
            {"due", format_local(d.due_at)},
            {"due_at", format_utc(d.due_at)},
            {"distance", d.state == State::open ? distance_in_words(d.due_at, now) : ""},
            {"state", d.state == State::open  ? "open"
                      : d.state == State::met ? "met"
                                              : "closed"},
            {"standing", standing_label(s)},
            {"tag", standing_tag(s)},
            {"is_open", d.state == State::open},
            {"met_at", d.met_at ? format_local(*d.met_at) : ""},
            {"met_by", d.met_by_name},
            {"met_note", d.met_note},
            {"closed_reason", d.closed_reason},
            {"escalated", d.escalated_at.has_value()},
            {"escalated_at", d.escalated_at ? format_local(*d.escalated_at) : ""},
            {"version", d.version}};
}

}  // namespace hearth::deadlines
