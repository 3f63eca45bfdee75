#include "visitors/visit_view.hpp"

#include <fmt/format.h>

namespace hearth::visitors {

namespace {
std::string visit_joined(const std::vector<std::string>& parts) {
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        out += (i == 0 ? "" : i + 1 == parts.size() ? " and " : ", ") + parts[i];
    }
    return out;
}

std::string visit_id_text(const VisitDetails& d) {
    if (d.id_kind == id_not_seen) {
        return "Not seen: " + d.id_not_seen_why;
    }
    return d.id_kind == "other" ? d.id_other : label_in(id_kinds(), d.id_kind);
}

nlohmann::json visit_time_or_null(const std::optional<Timestamp>& t) {
    return t ? nlohmann::json(format_utc(*t)) : nlohmann::json();
}
}  // namespace

nlohmann::json visit_view(const Visit& v, Timestamp now) {
    const auto& d = v.details;
    nlohmann::json kids = nlohmann::json::array();
    std::vector<std::string> whom;
    for (const auto& c : v.children) {
        kids.push_back({{"id", c.id}, {"name", c.name}});
        whom.push_back(c.name);
    }
    if (d.visits_home) {
        whom.emplace_back("the home");
    }
    nlohmann::json supervises;
    if (d.supervises_child_id) {
        supervises = {
            {"child", {{"id", *d.supervises_child_id}, {"name", v.supervised_child_name}}},
            {"contact_with", d.supervised_contact},
            {"supplied_by", d.supplied_by}};
    }
    const auto overdue = v.signed_out_at ? std::nullopt : overdue_flag(d.signed_in_at, now);
    return {{"id", v.id},
            {"home_id", v.home_id},
            {"visitor_name", d.visitor_name},
            {"organisation", d.organisation},
            {"reason", d.reason},
            {"visits_home", d.visits_home},
            {"children", kids},
            {"visiting_text", visit_joined(whom)},
            {"id_kind", d.id_kind},
            {"id_kind_label", label_in(id_kinds(), d.id_kind)},
            {"id_other", d.id_other},
            {"id_not_seen_why", d.id_not_seen_why},
            {"id_text", visit_id_text(d)},
            {"id_seen", d.id_kind != id_not_seen},
            {"items", d.items},
            {"items_text", visit_joined(d.items)},
            {"items_flagged", d.items_flagged},
            {"items_flagged_text", visit_joined(d.items_flagged)},
            {"has_items_flagged", !d.items_flagged.empty()},
            {"items_action", d.items_action},
            {"let_in_by", {{"id", d.let_in_by}, {"name", v.let_in_by_name}}},
            {"supervises_contact", supervises},
            {"signed_in_at", format_utc(d.signed_in_at)},
            {"signed_in_when", format_local(d.signed_in_at)},
            {"signed_in_time", format_local_time(d.signed_in_at)},
            {"signed_out_at", visit_time_or_null(v.signed_out_at)},
            {"signed_out_when", v.signed_out_at ? format_local(*v.signed_out_at) : ""},
            {"signed_out_time", v.signed_out_at ? format_local_time(*v.signed_out_at) : ""},
            {"signed_out_by", v.signed_out_by},
            {"in_building", !v.signed_out_at.has_value()},
            {"overdue", overdue ? nlohmann::json(*overdue) : nlohmann::json()},
            {"recorded_by", v.created_by},
            {"recorded_at", format_utc(v.created_at)},
            {"href", fmt::format("/homes/{}/visitors/{}", v.home_id, v.id)}};
}

nlohmann::json visit_views(const std::vector<Visit>& list, Timestamp now) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& v : list) {
        out.push_back(visit_view(v, now));
    }
    return out;
}

namespace {

Result<nlohmann::json> visits_export_content(db::Connection& c, std::int64_t child_id) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& v : TRY(visits_to_child(c, child_id))) {
        const auto& d = v.details;
        const bool only_them = v.children.size() == 1;
        out.push_back({{"id", v.id},
                       {"visitor_name", d.visitor_name},
                       {"organisation", d.organisation},
                       {"reason", only_them ? d.reason : ""},
                       {"with_other_children", !only_them},
                       {"identification", visit_id_text(d)},
                       {"supervised_contact",
                        d.supervises_child_id == child_id ? d.supervised_contact : std::string{}},
                       {"signed_in_at", format_utc(d.signed_in_at)},
                       {"signed_out_at", visit_time_or_null(v.signed_out_at)},
                       {"let_in_by", v.let_in_by_name}});
    }
    return out;
}

nlohmann::json visits_export_blocks(const nlohmann::json& list) {
    namespace b = children::export_blocks;
    if (list.empty()) {
        return nlohmann::json::array({b::paragraph("No visitor came to see them at the home.")});
    }
    std::vector<std::vector<std::string>> rows;
    for (const auto& v : list) {
        std::string reason = v.value("reason", "");
        if (v.value("with_other_children", false)) {
            reason = "A visit to other children too: the reason is in the home's visitors' book";
        }
        const std::string supervised = v.value("supervised_contact", "");
        if (!supervised.empty()) {
            reason = fmt::format("Supervising contact with {}. {}", supervised, reason);
        }
        const std::string who =
            v.value("organisation", "").empty()
                ? v.value("visitor_name", "")
                : v.value("visitor_name", "") + " (" + v.value("organisation", "") + ")";
        rows.push_back({b::when_of(v, "signed_in_at"), b::when_of(v, "signed_out_at"), who, reason,
                        v.value("identification", "")});
    }
    return nlohmann::json::array(
        {b::table("Visitors", {"Arrived", "Left", "Who", "Why", "Identification seen"}, rows)});
}

}  // namespace

children::ExportSection visits_export_section() {
    return {"visitors", "Visitors", visits_export_content, visits_export_blocks};
}

}  // namespace hearth::visitors
