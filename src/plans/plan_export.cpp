#include "plans/plan_export.hpp"

#include <algorithm>

#include "plans/plan_store.hpp"
#include "plans/plan_views.hpp"

namespace hearth::plans {

Result<nlohmann::json> everything_about(db::Connection& c, std::int64_t child_id) {
    // A plan can have many versions over the years: read them a page at a time.
    constexpr int page = 100;
    TRY(auto list, for_child(c, child_id));
    nlohmann::json plans = nlohmann::json::array();
    for (const auto& p : list) {
        std::vector<Version> all;
        std::optional<int> from;
        while (true) {
            TRY(auto some, versions(c, p.id, from, page));
            const bool more = static_cast<int>(some.size()) == page && some.back().number > 1;
            if (!some.empty())
                from = some.back().number - 1;
            for (auto& v : some)
                all.push_back(std::move(v));
            if (!more)
                break;
        }
        CHECK_OK(load_sharing(c, all));
        std::reverse(all.begin(), all.end());
        nlohmann::json versions_out = nlohmann::json::array();
        for (const auto& v : all)
            versions_out.push_back(version_json(v));
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

}  // namespace hearth::plans
