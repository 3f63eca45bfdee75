// The child's Relationships tab (their managed interactions and the bullying concerns they are
// part of, each seen as the reader may see it), the Overview's "who must not be near whom", the
// handover's part, the home dashboard's panel, and the capability's registration.
#include <fmt/format.h>

#include "children/child_panels.hpp"
#include "children/export/export_sections.hpp"
#include "chronology/kinds.hpp"
#include "daily_record/handover_parts.hpp"
#include "organisation/home_panels.hpp"
#include "platform/demo_world.hpp"
#include "platform/views/views.hpp"
#include "relationships/bullying_correction_routes.hpp"
#include "relationships/bullying_figures_routes.hpp"
#include "relationships/bullying_routes.hpp"
#include "relationships/bullying_view.hpp"
#include "relationships/bullying_voice_routes.hpp"
#include "relationships/capability.hpp"
#include "relationships/child_risk_assessments.hpp"
#include "relationships/friendship_routes.hpp"
#include "relationships/friendship_view.hpp"
#include "relationships/friendships_demo.hpp"
#include "relationships/managed_interaction_routes.hpp"
#include "relationships/managed_interaction_view.hpp"
#include "relationships/relationships_demo.hpp"
#include "relationships/staff_change_routes.hpp"
#include "relationships/staff_change_view.hpp"

namespace hearth::relationships {

namespace {

using http::Context;
using http::Response;

// What the Relationships tab's JSON holds: all of it, or the part an API list asks for.
enum class TabJson { whole, interactions, concerns, friendships, staff_changes };

Result<Response> relationships_page(Context& ctx, TabJson shape,
                                    const ChildRiskAssessments& risks) {
    const auto child_id = ctx.param("child");
    nlohmann::json interactions = nlohmann::json::array(), concerns = nlohmann::json::array(),
                   friendships = nlohmann::json::array(), staff_changes = nlohmann::json::array(),
                   limits;
    // Each list read, and so in the audit trail, only when it is shown.
    const bool with_interactions = shape == TabJson::whole || shape == TabJson::interactions;
    const bool with_concerns = shape == TabJson::whole || shape == TabJson::concerns;
    const bool with_friendships = shape == TabJson::whole || shape == TabJson::friendships;
    const bool with_staff_changes = shape == TabJson::whole || shape == TabJson::staff_changes;
    TRY(ctx.services.db.write([&](db::Connection& c) -> Status {
        if (with_staff_changes) {
            for (const auto& s : TRY(staff_changes_of(c, child_id))) {
                TRY(record_staff_change_read(c, s, ctx.actor(), ctx.now()));
                staff_changes.push_back(staff_change_view(s));
            }
        }
        if (with_friendships) {
            const auto assessments = TRY(risks.of(c, child_id));
            const auto reader = ctx.reader();
            for (const auto& f : TRY(friendships_of(c, child_id))) {
                TRY(record_friendship_read(c, f, reader, ctx.actor(), ctx.now()));
                friendships.push_back(friendship_view(f, &reader, assessments));
            }
            limits = friendship_limits(assessments);
        }
        if (with_interactions) {
            const auto all = TRY(interactions_of(c, child_id));
            for (const auto& m : all) {
                TRY(record_interaction_read(c, m, ctx.reader(), ctx.actor(), ctx.now()));
            }
            interactions = TRY(interaction_views(c, all, ctx.reader(), child_id, ctx.now()));
        }
        if (with_concerns) {
            for (const auto& k : TRY(concerns_of(c, child_id))) {
                TRY(record_concern_read(c, k, ctx.reader(), ctx.actor(), ctx.now()));
                concerns.push_back(TRY(concern_view(c, k, seen_by(ctx.reader(), k), ctx.now())));
            }
        }
        return {};
    }));
    if (ctx.request.wants_json()) {
        if (shape == TabJson::interactions) {
            return Response::json(200, {{"managed_interactions", interactions}});
        }
        if (shape == TabJson::concerns) {
            return Response::json(200, {{"bullying_concerns", concerns}});
        }
        if (shape == TabJson::friendships) {
            return Response::json(200, {{"friendships", friendships}, {"limits", limits}});
        }
        if (shape == TabJson::staff_changes) {
            return Response::json(200, {{"staff_changes", staff_changes}});
        }
        return Response::json(200, {{"managed_interactions", interactions},
                                    {"bullying_concerns", concerns},
                                    {"friendships", friendships},
                                    {"limits", limits},
                                    {"staff_changes", staff_changes}});
    }
    // Those not ended are current, whether in force or still to start.
    nlohmann::json current = nlohmann::json::array(), past = nlohmann::json::array();
    for (const auto& m : interactions) {
        (m["ended_on"].is_null() ? current : past).push_back(m);
    }
    Scope home_scope = ctx.scope;
    home_scope.child_id.reset();
    const bool can_manage = can(ctx.person, Action::manage_interactions, ctx.scope);
    const bool can_record =
        !ctx.scope.child_has_left && can(ctx.person, Action::record_bullying, home_scope);
    const bool can_befriend =
        !ctx.scope.child_has_left && can(ctx.person, Action::record_daily, ctx.scope);
    return ctx.page("relationships", "Relationships: " + ctx.scope.child_name,
                    {{"child_id", child_id},
                     {"home_id", ctx.scope.home_id.value_or(0)},
                     {"in_force", current},
                     {"has_in_force", !current.empty()},
                     {"past", past},
                     {"has_past", !past.empty()},
                     {"concerns", concerns},
                     {"has_concerns", !concerns.empty()},
                     {"friendships", friendships},
                     {"has_friendships", !friendships.empty()},
                     {"staff_changes", staff_changes},
                     {"has_staff_changes", !staff_changes.empty()},
                     {"limits", limits},
                     {"can_manage", can_manage},
                     {"can_record", can_record},
                     {"can_record_friendship", can_befriend},
                     {"has_actions", can_manage || can_record || can_befriend}});
}

// On the child's Overview, under the glance: who they must not be near. Reading the Overview is
// the read of the child's record in the audit trail (children/child_routes.cpp), in its read-only
// snapshot.
Result<std::string> interactions_panel(db::Connection& c, const http::Context& ctx,
                                       const children::Child& child) {
    nlohmann::json kept_apart = nlohmann::json::array();
    for (const auto& m : TRY(interactions_of(c, child.id))) {
        if (in_force(m.details, m.ended_on, ctx.today())) {
            kept_apart.push_back(TRY(interaction_view(c, m, ctx.reader(), child.id, ctx.now())));
        }
    }
    return views::render("interactions_panel", {{"interactions", kept_apart},
                                                {"has_interactions", !kept_apart.empty()},
                                                {"child_id", child.id}});
}

// At handover: the open bullying concerns, and who must not be alone together or is kept apart.
Result<nlohmann::json> handover_relationships(db::Connection& c, const http::Context& ctx,
                                              std::int64_t home_id, Timestamp since) {
    const auto open = TRY(open_concerns(c, home_id));
    const auto kept_apart = TRY(interactions_in_force_at_home(c, home_id, ctx.today()));
    if (open.empty() && kept_apart.empty()) {
        return nlohmann::json();
    }
    nlohmann::json concerns = nlohmann::json::array(), interactions = nlohmann::json::array();
    for (const auto& k : open) {
        TRY(record_concern_read(c, k, ctx.reader(), ctx.actor(), ctx.now()));
        auto v = TRY(concern_view(c, k, seen_by(ctx.reader(), k), ctx.now()));
        v["new_this_shift"] = k.created_at >= since;
        concerns.push_back(std::move(v));
    }
    for (const auto& m : kept_apart) {
        TRY(record_interaction_read(c, m, ctx.reader(), ctx.actor(), ctx.now()));
        interactions.push_back(TRY(interaction_view(c, m, ctx.reader(), m.child_id, ctx.now())));
    }
    return nlohmann::json{{"concerns", concerns},
                          {"has_concerns", !concerns.empty()},
                          {"interactions", interactions},
                          {"has_interactions", !interactions.empty()}};
}

// On the home's dashboard: the open concerns, those new in the last day, and the stages that owe
// the child being told.
Result<std::string> dashboard_bullying(db::Connection& c, const http::Context& ctx,
                                       std::int64_t home_id) {
    if (!can(ctx.person, Action::view_bullying, ctx.scope)) {
        return std::string{};
    }
    const auto open = TRY(open_concerns(c, home_id));
    int fresh = 0, owing = 0;
    for (const auto& k : open) {
        fresh += k.created_at >= ctx.now() - std::chrono::hours{24} ? 1 : 0;
        owing += k.owing();
    }
    return views::render("bullying_panel",
                         {{"home_id", home_id},
                          {"open", open.size()},
                          {"fresh", fresh},
                          {"has_fresh", fresh > 0},
                          {"owing", owing},
                          {"has_owing", owing > 0},
                          {"can_record", can(ctx.person, Action::record_bullying, ctx.scope)}});
}

void add_routes(http::Router& router, const ChildRiskAssessments& risks,
                const ResponseRecords& responses) {
    add_managed_interaction_routes(router);
    add_friendship_routes(router, risks);
    add_staff_change_routes(router);
    add_bullying_routes(router, responses);
    add_bullying_voice_routes(router);
    add_bullying_correction_routes(router);
    add_bullying_figures_routes(router);
    router.add_child_tab({"Relationships", "/relationships", Action::view_chronology, 47});
    const auto* r = &risks;
    auto tab = [r](TabJson shape) {
        return [r, shape](Context& ctx) { return relationships_page(ctx, shape, *r); };
    };
    router.add(
        {"GET", "/children/{child}/relationships", Action::view_chronology, tab(TabJson::whole)});
    router.add({"GET", "/api/v1/children/{child}/managed-interactions", Action::view_chronology,
                tab(TabJson::interactions)});
    router.add({"GET", "/api/v1/children/{child}/bullying-concerns", Action::view_chronology,
                tab(TabJson::concerns)});
    router.add({"GET", "/api/v1/children/{child}/friendships", Action::view_chronology,
                tab(TabJson::friendships)});
    router.add({"GET", "/api/v1/children/{child}/staff-changes", Action::view_chronology,
                tab(TabJson::staff_changes)});
}

}  // namespace

const Capability capability{
    "Relationships and bullying", [](Registry& r) {
        const auto& risks = r.at<ChildRiskAssessments>();
        add_routes(r.router, risks, r.at<ResponseRecords>());
        r.at<chronology::Kinds>().add({{"bullying", "Bullying concern"},
                                       {"managed_interaction", "Managed interaction"},
                                       {"friendship", "Friendship"},
                                       {"staff_change", "Change of staff"}});
        r.at<children::ExportSections>().add(concerns_export_section());
        r.at<children::ExportSections>().add(interactions_export_section());
        r.at<children::ExportSections>().add(friendships_export_section(risks));
        r.at<children::ExportSections>().add(staff_changes_export_section());
        r.at<children::ChildPanels>().add({11, interactions_panel});
        r.at<daily_record::HandoverParts>().add(
            {5, "relationships", "handover_relationships", handover_relationships});
        r.at<organisation::HomePanels>().add({5, dashboard_bullying});
        r.at<demo::DemoParts>().add({29, add_relationships_demo});
        r.at<demo::DemoParts>().add(
            {31, [&risks](db::Connection& c, const demo::DemoWorld& world, Timestamp now) {
                 return add_friendships_demo(c, world, risks, now);
             }});
    }};

}  // namespace hearth::relationships
