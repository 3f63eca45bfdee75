#include "plans/plan_export.hpp"

#include <algorithm>

#include "plans/plan_store.hpp"
#include "plans/plan_views.hpp"

namespace hearth::plans {

Result<nlohmann::json> everything_about(db::Connection& c, std::int64_t child_id) {
    // A plan can have many versions over the years: read them a page at a time.
    constexpr int page = 100;
    auto list = TRY(for_child(c, child_id));
    nlohmann::json plans = nlohmann::json::array();
    for (const auto& p : list) {
        std::vector<Version> all;
        std::optional<int> from;
        while (true) {
            auto some = TRY(versions(c, p.id, from, page));
            const bool more = static_cast<int>(some.size()) == page && some.back().number > 1;
            if (!some.empty()) {
                from = some.back().number - 1;
            }
            for (auto& v : some) {
                all.push_back(std::move(v));
            }
            if (!more) {
                break;
            }
        }
        TRY(load_sharing(c, all));
        std::reverse(all.begin(), all.end());
        nlohmann::json versions_out = nlohmann::json::array();
        for (const auto& v : all) {
            versions_out.push_back(version_json(v));
        }
        const PlanKind* kind = find_kind(p.kind);
        plans.push_back(
            {{"id", p.id},
             {"kind", p.kind},
             {"family",
              kind && kind->family == Family::risk_assessment ? "risk_assessment" : "plan"},
             {"title", kind ? plan_title(*kind, p.area_name) : p.kind},
             {"area_name", p.area_name},
             {"started_at", format_utc(p.created_at)},
             {"current_version", p.current.number},
             {"versions", versions_out}});
    }
    return nlohmann::json{{"plans", plans}};
}

nlohmann::json export_blocks_of(const nlohmann::json& content) {
    namespace blocks = children::export_blocks;
    nlohmann::json out = nlohmann::json::array();
    auto text = [](const nlohmann::json& j, const char* key) {
        return j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : std::string{};
    };
    for (const auto& p : content.at("plans")) {
        out.push_back(blocks::heading(text(p, "title")));
        for (const auto& v : p.at("versions")) {
            std::vector<std::pair<std::string, std::string>> rows{
                {"Version", std::to_string(v.at("version").get<int>())},
                {"Written by", text(v.at("author"), "name") + ", " + text(v, "written_at")},
                {"Why this version", text(v, "reason")},
                {"Effective from", text(v, "effective_on")},
                {"Review by", text(v, "review_by")},
            };
            if (!v.at("risk_level").is_null()) {
                rows.emplace_back("Level of risk", risk_level_label(text(v, "risk_level")));
            }
            rows.emplace_back("Signed off", v.at("signed_off").is_null()
                                                ? std::string("Not signed off")
                                                : text(v.at("signed_off"), "by") + ", " +
                                                      text(v.at("signed_off"), "at"));
            for (const auto& s : v.at("sections")) {
                rows.emplace_back(text(s, "label"), text(s, "text"));
            }
            if (!text(v, "child_views").empty()) {
                rows.emplace_back("What the child thinks about their plan", text(v, "child_views"));
            } else {
                rows.emplace_back("Why the child's views are not recorded",
                                  text(v, "views_not_asked"));
            }
            std::string shared;
            for (const auto& s : v.at("sharing")) {
                shared +=
                    (shared.empty() ? "" : "; ") + text(s, "label") + ", " + text(s, "shared_on");
            }
            rows.emplace_back("Shared with", shared);
            out.push_back(blocks::fields(rows));
        }
    }
    if (out.empty()) {
        out.push_back(blocks::paragraph("No plans or risk assessments were written."));
    }
    return out;
}

children::ExportSection export_section() {
    return {"plans", "Plans and risk assessments", everything_about, export_blocks_of};
}

}  // namespace hearth::plans
