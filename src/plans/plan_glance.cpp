#include "plans/plan_glance.hpp"

#include <fmt/format.h>

#include "plans/plan_store.hpp"

namespace hearth::plans {

Result<nlohmann::json> glance(db::Connection& c, std::int64_t child_id,
                              const std::vector<std::string>& key_workers, Timestamp now) {
    auto list = TRY(for_child(c, child_id));
    nlohmann::json plans = nlohmann::json::array();
    nlohmann::json risks = nlohmann::json::array();
    int overdue = 0;
    for (const auto& p : list) {
        const PlanKind* kind = find_kind(p.kind);
        if (!kind) {
            continue;
        }
        const auto review = review_standing(p.current.review_by, now);
        overdue += review.overdue ? 1 : 0;
        nlohmann::json item = {
            {"title", plan_title(*kind, p.area_name)},
            {"href", fmt::format("/children/{}/plans/{}", child_id, p.id)},
            {"version", p.current.number},
            {"awaiting_sign_off", !p.current.signed_at.has_value()},
            {"review_by", format_local_date(p.current.review_by)},
            {"review_label", review.label},
            {"review_tag", review.tag},
            {"review_in_words", review.in_words},
            {"overdue", review.overdue},
        };
        if (kind->family == Family::risk_assessment) {
            item["level"] = risk_level_label(p.current.risk_level);
            item["level_tag"] = risk_level_tag(p.current.risk_level);
            risks.push_back(std::move(item));
            continue;
        }
        nlohmann::json strategies = nlohmann::json::array();
        for (const auto& key : kind->strategy_sections) {
            for (const auto& s : p.current.sections) {
                if (s.key != key) {
                    continue;
                }
                const auto lines = lines_of(s.text);
                if (!lines.empty()) {
                    strategies.push_back({{"label", s.label}, {"lines", lines}});
                }
            }
        }
        item["has_strategies"] = !strategies.empty();
        item["strategies"] = std::move(strategies);
        plans.push_back(std::move(item));
    }
    return nlohmann::json{
        {"plans_href", fmt::format("/children/{}/plans", child_id)},
        {"key_workers", key_workers},
        {"key_worker_label", key_workers.size() > 1 ? "Key workers" : "Key worker"},
        {"has_key_workers", !key_workers.empty()},
        {"plans", plans},
        {"has_plans", !plans.empty()},
        {"risks", risks},
        {"has_risks", !risks.empty()},
        {"has_overdue", overdue > 0},
        {"overdue_text", overdue == 1 ? std::string("1 review is overdue")
                                      : fmt::format("{} reviews are overdue", overdue)},
    };
}

}  // namespace hearth::plans
