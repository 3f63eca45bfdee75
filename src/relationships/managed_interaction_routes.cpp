// The pages of a managed interaction: the form that agrees one from either child's page, the
// interaction with the form that records its review. The page, its JSON and the API are rendered
// from one view (interaction_view).
#include "relationships/managed_interaction_routes.hpp"

#include <fmt/format.h>

#include "children/child_store.hpp"
#include "platform/views/form_view.hpp"
#include "platform/views/views.hpp"
#include "relationships/bullying_store.hpp"
#include "relationships/managed_interaction_view.hpp"

namespace hearth::relationships {

namespace {

using http::Context;
using http::Response;

// What the form offers: the other children living in the home, and the bullying concerns about
// this child its response may come from.
struct InteractionChoices {
    views::Options children;
    std::vector<std::int64_t> child_ids;
    views::Options concerns;
    std::vector<std::int64_t> concern_ids;
};

Result<InteractionChoices> interaction_choices(db::Database& db, std::int64_t child_id) {
    return db.read([&](db::Connection& c) -> Result<InteractionChoices> {
        InteractionChoices out;
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
        for (const auto& k : TRY(concerns_of(c, child_id))) {
            out.concerns.emplace_back(
                std::to_string(k.id),
                fmt::format("{}: {}", format_local(k.details.occurred_at), k.details.place));
            out.concern_ids.push_back(k.id);
        }
        return out;
    });
}

Result<Response> show_new_interaction(const Context& ctx, const InteractionChoices& choices,
                                      const nlohmann::json& values,
                                      const std::optional<Error>& error, int status) {
    const auto child_id = ctx.param("child");
    nlohmann::json view = {
        {"action", fmt::format("/children/{}/relationships/interactions", child_id)},
        {"child_id", child_id}};
    nlohmann::json errors = nlohmann::json::object();
    if (error) {
        view.update(views::errors_view(*error));
        errors = view["error_for"];
    }
    auto f = [&](const views::FieldSpec& spec) { return views::field(spec, values, errors); };
    view["fields"] = nlohmann::json::array(
        {f({"other_child_id", "With which child?", views::FieldKind::radios,
            "It shows on both children's pages and at handover", choices.children}),
         f({"kind", "What is to be managed?", views::FieldKind::radios, "",
            views::options_of(interaction_kinds())}),
         f({"where_when", "Where or when are they kept apart?", views::FieldKind::textarea,
            "For example: not in the games room together after school; separate tables at tea"}),
         f({"why", "Why is it needed?", views::FieldKind::textarea,
            "It is in both children's records: write about what happens, not about the other "
            "child by name"}),
         f({"source", "What does it come from?", views::FieldKind::radios, "",
            views::options_of(interaction_sources())}),
         f({"concern_id", "Which bullying concern? (when it is the response to one)",
            views::FieldKind::radios, "", choices.concerns}),
         f({"agreed_by", "Who agreed it?", views::FieldKind::text,
            "Their name and role: \"Dana Reyes, registered manager\""}),
         f({"starts_on", "Day it starts", views::FieldKind::date}),
         f({"review_on", "Review it by", views::FieldKind::date})});
    return ctx.page("managed_interaction_form",
                    "Manage who spends time with whom: " + ctx.scope.child_name, view, status);
}

Result<Response> new_interaction(Context& ctx) {
    const auto choices = TRY(interaction_choices(ctx.services.db, ctx.param("child")));
    nlohmann::json values = {{"starts_on", format_date(ctx.today())}};
    if (ctx.draft) {
        values = ctx.draft->typed_values();
    }
    return show_new_interaction(ctx, choices, values, std::nullopt, 200);
}

Result<Response> create_interaction(Context& ctx) {
    const auto child_id = ctx.param("child");
    const auto choices = TRY(interaction_choices(ctx.services.db, child_id));
    http::FormReader reader(*ctx.form);
    const auto d =
        TRY(read_interaction(reader, choices.child_ids, choices.concern_ids, ctx.today()));
    const auto id = TRY(ctx.services.db.write([&](db::Connection& c) {
        return agree_interaction(c, child_id, d, ctx.actor(), ctx.now());
    }));
    if (ctx.request.wants_json()) {
        auto made = TRY(ctx.services.db.read([&](db::Connection& c) -> Result<nlohmann::json> {
            return interaction_view(c, *TRY(find_interaction(c, id)), ctx.reader(), child_id,
                                    ctx.now());
        }));
        return Response::json(201, made).header(
            "Location", fmt::format("/api/v1/children/{}/managed-interactions/{}", child_id, id));
    }
    return Response::redirect(
        fmt::format("/children/{}/relationships/interactions/{}?saved=1", child_id, id));
}

Result<Response> create_interaction_again(Context& ctx, const Error& e) {
    const auto choices = TRY(interaction_choices(ctx.services.db, ctx.param("child")));
    return show_new_interaction(ctx, choices, ctx.form->typed_values(), e,
                                http::status_for(e.kind));
}

Result<Response> show_interaction(Context& ctx, const nlohmann::json& values,
                                  const std::optional<Error>& error, int status) {
    const auto id = ctx.param("managed_interaction");
    const auto child_id = ctx.param("child");
    auto data = TRY(ctx.services.db.write([&](db::Connection& c) -> Result<nlohmann::json> {
        auto found = TRY(find_interaction(c, id));
        if (!found) {
            return Error::not_found("We could not find that managed interaction.");
        }
        TRY(record_interaction_read(c, *found, ctx.reader(), ctx.actor(), ctx.now()));
        return interaction_view(c, *found, ctx.reader(), child_id, ctx.now());
    }));
    if (ctx.request.wants_json()) {
        return Response::json(200, data);
    }
    nlohmann::json view = {{"interaction", data},
                           {"saved", ctx.request.query_value("saved").has_value()},
                           {"child_id", child_id}};
    nlohmann::json errors = nlohmann::json::object();
    if (error) {
        view.update(views::errors_view(*error));
        errors = view["error_for"];
    }
    if (can(ctx.person, Action::manage_interactions, ctx.scope) && data["ended_on"].is_null()) {
        auto f = [&](const views::FieldSpec& spec) { return views::field(spec, values, errors); };
        view["review_action"] = data["href"].get<std::string>() + "/review";
        view["review_fields"] = nlohmann::json::array(
            {f({"outcome", "What was decided?", views::FieldKind::radios, "",
                views::Options{{"continue", "It continues"}, {"end", "End it"}}}),
             f({"decision", "What was decided, and why", views::FieldKind::textarea,
                "How the children get on now, and what they said"}),
             f({"next_review_on", "Next review by", views::FieldKind::date, "If it continues"})});
    }
    return ctx.page("managed_interaction",
                    data["kind_label"].get<std::string>() + ": " + ctx.scope.child_name, view,
                    status);
}

Result<Response> interaction_detail(Context& ctx) {
    return show_interaction(ctx, nlohmann::json::object(), std::nullopt, 200);
}

Result<Response> reviewed(Context& ctx) {
    const auto id = ctx.param("managed_interaction");
    http::FormReader reader(*ctx.form);
    const auto r = TRY(read_interaction_review(reader, ctx.today()));
    TRY(ctx.services.db.write(
        [&](db::Connection& c) { return review_interaction(c, id, r, ctx.actor(), ctx.now()); }));
    if (ctx.request.wants_json()) {
        return interaction_detail(ctx);
    }
    return Response::redirect(
        fmt::format("/children/{}/relationships/interactions/{}", ctx.param("child"), id));
}

Result<Response> review_again(Context& ctx, const Error& e) {
    return show_interaction(ctx, ctx.form->typed_values(), e, http::status_for(e.kind));
}

}  // namespace

void add_managed_interaction_routes(http::Router& router) {
    router.add_scope_resolver("managed_interaction", resolve_interaction_scope);
    const std::string child = "/children/{child}/relationships/interactions";
    const std::string one = child + "/{managed_interaction}";
    router.add({"GET", child + "/new", Action::manage_interactions, new_interaction});
    router.add({.method = "POST",
                .pattern = child,
                .action = Action::manage_interactions,
                .handler = create_interaction,
                .again = create_interaction_again});
    router.add({"GET", one, Action::view_chronology, interaction_detail});
    router.add({.method = "POST",
                .pattern = one + "/review",
                .action = Action::manage_interactions,
                .handler = reviewed,
                .again = review_again});
    const std::string api = "/api/v1/children/{child}/managed-interactions";
    router.add({"POST", api, Action::manage_interactions, create_interaction});
    router.add(
        {"GET", api + "/{managed_interaction}", Action::view_chronology, interaction_detail});
    router.add(
        {"POST", api + "/{managed_interaction}/review", Action::manage_interactions, reviewed});
}

}  // namespace hearth::relationships
