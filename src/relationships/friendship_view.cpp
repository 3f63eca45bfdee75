#include "relationships/friendship_view.hpp"

#include <fmt/format.h>

#include "relationships/managed_interaction_view.hpp"

namespace hearth::relationships {

namespace {

nlohmann::json look_view(const FriendshipLookRecord& r,
                         const std::vector<RiskAssessmentSeen>& risks) {
    const auto& l = r.look;
    nlohmann::json risk = nullptr;
    for (const auto& a : risks) {
        if (l.risk_plan_id && a.id == *l.risk_plan_id) {
            risk = {{"id", a.id}, {"title", a.title}, {"href", a.href}};
        }
    }
    return {{"influence", l.influence},
            {"influence_label", label_in(friendship_influences(), l.influence)},
            {"worrying", l.influence != "positive"},
            {"noticed", l.noticed},
            {"plan", l.ended ? std::string() : l.plan},
            {"plan_label", l.ended ? "" : label_in(friendship_plans(), l.plan)},
            {"plan_detail", l.plan_detail},
            {"ended", l.ended},
            {"look_again_by",
             l.look_again_by ? nlohmann::json(format_date(*l.look_again_by)) : nlohmann::json()},
            {"look_again", l.look_again_by ? format_local_date(*l.look_again_by) : ""},
            {"risk_assessment", risk},
            {"at", format_utc(r.looked_at)},
            {"when", format_local(r.looked_at)},
            {"by", r.looked_by}};
}

}  // namespace

nlohmann::json friendship_view(const Friendship& f, const Reader* reader,
                               const std::vector<RiskAssessmentSeen>& risks) {
    const auto& d = f.details;
    nlohmann::json friend_of = {{"id", nullptr},
                                {"name", d.with_name},
                                {"who_they_are", d.who_they_are},
                                {"lives_here", d.other_child_id.has_value()},
                                {"named", true}};
    if (d.other_child_id) {
        const bool named = reader && may_read_child(*reader, f.home_id, *d.other_child_id);
        friend_of = {{"id", named ? nlohmann::json(*d.other_child_id) : nlohmann::json()},
                     {"name", named ? f.other_child_name : another_young_person},
                     {"who_they_are", "Lives here too"},
                     {"lives_here", true},
                     {"named", named}};
    }
    nlohmann::json looks = nlohmann::json::array();
    for (const auto& r : f.looks) {
        looks.push_back(look_view(r, risks));
    }
    nlohmann::json now = looks.empty() ? nlohmann::json::object() : looks.back();
    return {{"id", f.id},
            {"home_id", f.home_id},
            {"child_id", f.child_id},
            {"friend", friend_of},
            {"what_it_means", d.what_it_means},
            {"now", now},
            {"looks", looks},
            {"recorded_at", format_utc(f.created_at)},
            {"recorded_by", f.created_by},
            {"href", fmt::format("/children/{}/relationships/friendships/{}", f.child_id, f.id)}};
}

nlohmann::json friendship_limits(const std::vector<RiskAssessmentSeen>& risks) {
    for (const auto& a : risks) {
        if (a.kind == harmful_sexual_behaviour_kind) {
            return {{"id", a.id}, {"title", a.title}, {"href", a.href}, {"limits", a.what_reduces}};
        }
    }
    return nullptr;
}

namespace {

nlohmann::json friendships_export_blocks(const nlohmann::json& list) {
    namespace b = children::export_blocks;
    if (list.empty()) {
        return nlohmann::json::array({b::paragraph("No friendship was recorded.")});
    }
    nlohmann::json blocks = nlohmann::json::array();
    for (const auto& f : list) {
        const auto& who = f["friend"];
        blocks.push_back(b::heading(fmt::format("Friendship with {} ({})", who.value("name", ""),
                                                who.value("who_they_are", ""))));
        blocks.push_back(b::paragraph("What it means to them: " + f.value("what_it_means", "")));
        std::vector<std::vector<std::string>> rows;
        for (const auto& l : f["looks"]) {
            rows.push_back({l.value("when", ""), l.value("influence_label", ""),
                            l.value("noticed", ""),
                            l.value("ended", false)
                                ? "Ended"
                                : l.value("plan_label", "") + ". " + l.value("plan_detail", ""),
                            l.value("by", "")});
        }
        blocks.push_back(b::table("How it stood",
                                  {"When", "Influence", "What staff noticed", "Plan", "By"}, rows));
    }
    return blocks;
}

}  // namespace

children::ExportSection friendships_export_section(const ChildRiskAssessments& risks) {
    return {"friendships", "Friendships",
            [&risks](db::Connection& c, std::int64_t child_id) -> Result<nlohmann::json> {
                const auto assessments = TRY(risks.of(c, child_id));
                nlohmann::json out = nlohmann::json::array();
                for (const auto& f : TRY(friendships_of(c, child_id))) {
                    out.push_back(friendship_view(f, nullptr, assessments));
                }
                return out;
            },
            friendships_export_blocks};
}

}  // namespace hearth::relationships
