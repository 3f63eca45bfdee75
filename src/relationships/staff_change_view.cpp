#include "relationships/staff_change_view.hpp"

#include <fmt/format.h>

namespace hearth::relationships {

nlohmann::json staff_change_view(const StaffChange& s) {
    const auto& d = s.details;
    return {{"id", s.id},
            {"home_id", s.home_id},
            {"child_id", s.child_id},
            {"staff_name", d.staff_name},
            {"kind", d.kind},
            {"kind_label", label_in(staff_change_kinds(), d.kind)},
            {"happens_on", format_date(d.happens_on)},
            {"happens", format_local_date(d.happens_on)},
            {"child_view", d.child_view},
            {"view_not_asked", d.view_not_asked},
            {"keeping_in_touch", d.keeping_in_touch},
            {"recorded_at", format_utc(s.created_at)},
            {"recorded_by", s.created_by},
            {"awaiting_response", s.response.empty()},
            {"response", s.response},
            {"responded_at",
             s.responded_at ? nlohmann::json(format_utc(*s.responded_at)) : nlohmann::json()},
            {"responded", s.responded_at ? format_local(*s.responded_at) : ""},
            {"responded_by", s.responded_by},
            {"href", fmt::format("/children/{}/relationships/staff-changes/{}", s.child_id, s.id)}};
}

namespace {

Result<nlohmann::json> staff_changes_export_content(db::Connection& c, std::int64_t child_id) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& s : TRY(staff_changes_of(c, child_id))) {
        out.push_back(staff_change_view(s));
    }
    return out;
}

nlohmann::json staff_changes_export_blocks(const nlohmann::json& list) {
    namespace b = children::export_blocks;
    if (list.empty()) {
        return nlohmann::json::array({b::paragraph("No change of staff was recorded.")});
    }
    nlohmann::json blocks = nlohmann::json::array();
    for (const auto& s : list) {
        blocks.push_back(
            b::heading(fmt::format("{}: {}, {}", s.value("staff_name", ""),
                                   s.value("kind_label", ""), s.value("happens", ""))));
        blocks.push_back(b::fields(
            {{"What they said", s.value("child_view", "")},
             {"Not asked because", s.value("view_not_asked", "")},
             {"How the relationship is respected", s.value("keeping_in_touch", "")},
             {"The registered manager's response", s.value("response", "")},
             {"Responded", s.value("responded", "") + " " + s.value("responded_by", "")}}));
    }
    return blocks;
}

}  // namespace

children::ExportSection staff_changes_export_section() {
    return {"staff_changes", "Changes of staff", staff_changes_export_content,
            staff_changes_export_blocks};
}

}  // namespace hearth::relationships
