// The pages of a friendship: the form that records one from the child's Relationships tab, and the
// friendship with the form that looks at it again. The page, its JSON and the API are rendered
// from one view (friendship_view).
#include "relationships/friendship_routes.hpp"

#include <fmt/format.h>

#include "children/child_store.hpp"
#include "platform/views/form_view.hpp"
#include "platform/views/views.hpp"
#include "relationships/friendship_view.hpp"

namespace hearth::relationships {

namespace {

using http::Context;
using http::Response;

// What the forms offer: the other children living in the home, and the child's risk assessments.
struct FriendshipChoices {
    views::Options children;
    std::vector<std::int64_t> child_ids;
    views::Options risks;
    std::vector<std::int64_t> risk_ids;
};

Result<FriendshipChoices> friendship_choices(db::Database& db, const ChildRiskAssessments& risks,
                                             std::int64_t child_id) {
    return db.read([&](db::Connection& c) -> Result<FriendshipChoices> {
        FriendshipChoices out;
        auto child = TRY(children::find(c, child_id));
        if (!child) {
            return Error::not_found("We could not find that child's record.");
        }
        for (const auto& other : TRY(children::in_home(c, child->home_id))) {
            if (other.id != child_id) {
                out.children.emplace_back(std::to_string(other.id),
                                          children::display_name(other.details));
                out.child_ids.push_back(other.id);
            }
        }
        for (const auto& a : TRY(risks.of(c, child_id))) {
            out.risks.emplace_back(std::to_string(a.id), a.title);
            out.risk_ids.push_back(a.id);
        }
        return out;
    });
}

nlohmann::json look_fields(const FriendshipChoices& choices, const nlohmann::json& values,
                           const nlohmann::json& errors, bool looking_again) {
    auto f = [&](const views::FieldSpec& spec) { return views::field(spec, values, errors); };
    nlohmann::json fields = nlohmann::json::array(
        {f({"influence", "What influence does it have on them?", views::FieldKind::radios, "",
            views::options_of(friendship_influences())}),
         f({"noticed", "What have staff noticed?", views::FieldKind::textarea,
            "What you saw and heard; needed unless it is good for them"}),
         f({"plan", "The plan", views::FieldKind::radios, "",
            views::options_of(friendship_plans())}),
         f({"plan_detail", "How (optional)", views::FieldKind::textarea,
            "Visits, how they keep in touch, or what the limits are and why"}),
         f({"risk_plan_id", "Which risk assessment does it rest on?", views::FieldKind::radios,
            "Needed when it is exploitative or damaging", choices.risks}),
         f({"look_again_by", "Look at it again by", views::FieldKind::date,
            "Needed unless it is good for them: Hearth keeps the clock"})});
    if (looking_again) {
        fields.push_back(f({"ended", "The friendship has ended", views::FieldKind::checkbox}));
    }
    return fields;
}

Result<Response> show_new_friendship(const Context& ctx, const FriendshipChoices& choices,
                                     const nlohmann::json& values,
                                     const std::optional<Error>& error, int status) {
    const auto child_id = ctx.param("child");
    nlohmann::json view = {
        {"action", fmt::format("/children/{}/relationships/friendships", child_id)},
        {"child_id", child_id}};
    nlohmann::json errors = nlohmann::json::object();
    if (error) {
        view.update(views::errors_view(*error));
        errors = view["error_for"];
    }
    auto f = [&](const views::FieldSpec& spec) { return views::field(spec, values, errors); };
    nlohmann::json fields = nlohmann::json::array(
        {f({"where", "Does the friend live here?", views::FieldKind::radios, "",
            views::Options{{"inside", "Yes, in this home"}, {"outside", "No, outside the home"}}}),
         f({"other_child_id", "Which child? (when they live here)", views::FieldKind::radios,
            "They are named only to those who may read about them", choices.children}),
         f({"with_name", "The friend's name (when they live outside the home)",
            views::FieldKind::text, "Or what the child calls them"}),
         f({"who_they_are", "Who they are", views::FieldKind::text,
            "A school friend, a neighbour, someone from football, someone online"}),
         f({"what_it_means", "What does the friendship mean to them?", views::FieldKind::textarea,
            "In their words where you can"})});
    for (auto& field : look_fields(choices, values, errors, false)) {
        fields.push_back(field);
    }
    view["fields"] = fields;
    return ctx.page("friendship_form", "A friendship: " + ctx.scope.child_name, view, status);
}

Result<Response> new_friendship(Context& ctx, const ChildRiskAssessments& risks) {
    const auto choices = TRY(friendship_choices(ctx.services.db, risks, ctx.param("child")));
    return show_new_friendship(ctx, choices, nlohmann::json::object(), std::nullopt, 200);
}

Result<nlohmann::json> one_friendship(Context& ctx, const ChildRiskAssessments& risks,
                                      std::int64_t id, bool audited) {
    auto read = [&](db::Connection& c) -> Result<nlohmann::json> {
        auto found = TRY(find_friendship(c, id));
        if (!found) {
            return Error::not_found("We could not find that friendship.");
        }
        if (audited) {
            TRY(record_friendship_read(c, *found, ctx.reader(), ctx.actor(), ctx.now()));
        }
        const auto reader = ctx.reader();
        return friendship_view(*found, &reader, TRY(risks.of(c, found->child_id)));
    };
    return audited ? ctx.services.db.write(read) : ctx.services.db.read(read);
}

Result<Response> create_friendship(Context& ctx, const ChildRiskAssessments& risks) {
    const auto child_id = ctx.param("child");
    const auto choices = TRY(friendship_choices(ctx.services.db, risks, child_id));
    http::FormReader reader(*ctx.form);
    const auto d = TRY(read_friendship(reader, choices.child_ids, choices.risk_ids, ctx.today()));
    const auto id = TRY(ctx.services.db.write([&](db::Connection& c) {
        return record_friendship(c, child_id, d, ctx.actor(), ctx.now());
    }));
    if (ctx.request.wants_json()) {
        return Response::json(201, TRY(one_friendship(ctx, risks, id, false)))
            .header("Location", fmt::format("/api/v1/children/{}/friendships/{}", child_id, id));
    }
    return Response::redirect(
        fmt::format("/children/{}/relationships/friendships/{}?saved=1", child_id, id));
}

Result<Response> create_friendship_again(Context& ctx, const ChildRiskAssessments& risks,
                                         const Error& e) {
    const auto choices = TRY(friendship_choices(ctx.services.db, risks, ctx.param("child")));
    return show_new_friendship(ctx, choices, ctx.form->typed_values(), e, http::status_for(e.kind));
}

Result<Response> show_friendship(Context& ctx, const ChildRiskAssessments& risks,
                                 const nlohmann::json& values, const std::optional<Error>& error,
                                 int status) {
    const auto data = TRY(one_friendship(ctx, risks, ctx.param("friendship"), true));
    if (ctx.request.wants_json()) {
        return Response::json(200, data);
    }
    nlohmann::json view = {{"friendship", data},
                           {"saved", ctx.request.query_value("saved").has_value()},
                           {"child_id", ctx.param("child")}};
    nlohmann::json errors = nlohmann::json::object();
    if (error) {
        view.update(views::errors_view(*error));
        errors = view["error_for"];
    }
    if (!ctx.scope.child_has_left && can(ctx.person, Action::record_daily, ctx.scope) &&
        !data["now"].value("ended", false)) {
        const auto choices = TRY(friendship_choices(ctx.services.db, risks, ctx.param("child")));
        view["look_action"] = data["href"].get<std::string>() + "/looks";
        view["look_fields"] = look_fields(choices, values, errors, true);
    }
    return ctx.page("friendship",
                    "Friendship with " + data["friend"]["name"].get<std::string>() + ": " +
                        ctx.scope.child_name,
                    view, status);
}

Result<Response> looked_again(Context& ctx, const ChildRiskAssessments& risks) {
    const auto id = ctx.param("friendship");
    const auto choices = TRY(friendship_choices(ctx.services.db, risks, ctx.param("child")));
    http::FormReader reader(*ctx.form);
    const auto look = TRY(read_friendship_look(reader, choices.risk_ids, ctx.today()));
    TRY(ctx.services.db.write([&](db::Connection& c) {
        return look_again_at_friendship(c, id, look, ctx.actor(), ctx.now());
    }));
    if (ctx.request.wants_json()) {
        return Response::json(200, TRY(one_friendship(ctx, risks, id, false)));
    }
    return Response::redirect(
        fmt::format("/children/{}/relationships/friendships/{}", ctx.param("child"), id));
}

}  // namespace

void add_friendship_routes(http::Router& router, const ChildRiskAssessments& risks) {
    router.add_scope_resolver("friendship", resolve_friendship_scope);
    const std::string child = "/children/{child}/relationships/friendships";
    const std::string one = child + "/{friendship}";
    const auto* r = &risks;
    router.add({"GET", child + "/new", Action::record_daily,
                [r](Context& ctx) { return new_friendship(ctx, *r); }});
    router.add({.method = "POST",
                .pattern = child,
                .action = Action::record_daily,
                .handler = [r](Context& ctx) { return create_friendship(ctx, *r); },
                .again = [r](Context& ctx,
                             const Error& e) { return create_friendship_again(ctx, *r, e); }});
    router.add({"GET", one, Action::view_chronology, [r](Context& ctx) {
                    return show_friendship(ctx, *r, nlohmann::json::object(), std::nullopt, 200);
                }});
    router.add({.method = "POST",
                .pattern = one + "/looks",
                .action = Action::record_daily,
                .handler = [r](Context& ctx) { return looked_again(ctx, *r); },
                .again =
                    [r](Context& ctx, const Error& e) {
                        return show_friendship(ctx, *r, ctx.form->typed_values(), e,
                                               http::status_for(e.kind));
                    }});
    const std::string api = "/api/v1/children/{child}/friendships";
    router.add({"POST", api, Action::record_daily,
                [r](Context& ctx) { return create_friendship(ctx, *r); }});
    router.add({"GET", api + "/{friendship}", Action::view_chronology, [r](Context& ctx) {
                    return show_friendship(ctx, *r, nlohmann::json::object(), std::nullopt, 200);
                }});
    router.add({"POST", api + "/{friendship}/looks", Action::record_daily,
                [r](Context& ctx) { return looked_again(ctx, *r); }});
}

}  // namespace hearth::relationships
