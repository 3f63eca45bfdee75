// The pages of what is agreed about a child's contact: the arrangements (new, one with the form
// that stops it, and the social worker's own agreement), the digital contact agreement, and the
// social worker's agreement to a restriction. The page, its JSON and the API are rendered from
// one view (arrangement_view).
#include "contact/arrangement_routes.hpp"

#include <fmt/format.h>

#include "contact/arrangement_store.hpp"
#include "contact/arrangement_view.hpp"
#include "contact/contact_log.hpp"
#include "contact/restriction_store.hpp"
#include "contact/restriction_view.hpp"
#include "contact/who.hpp"
#include "platform/views/form_view.hpp"
#include "platform/views/views.hpp"

namespace hearth::contact {

namespace {

using http::Context;
using http::Response;

Result<Response> show_new_arrangement(const Context& ctx, const FamilyChoices& family,
                                      const nlohmann::json& values,
                                      const std::optional<Error>& error, int status) {
    const auto child_id = ctx.param("child");
    nlohmann::json view = {{"action", fmt::format("/children/{}/contact/arrangements", child_id)},
                           {"child_id", child_id}};
    nlohmann::json errors = nlohmann::json::object();
    if (error) {
        view.update(views::errors_view(*error));
        errors = view["error_for"];
    }
    auto f = [&](const views::FieldSpec& spec) { return views::field(spec, values, errors); };
    view["fields"] = nlohmann::json::array(
        {f({"family_member_id", "Who is it with?", views::FieldKind::radios, "From the family list",
            family.options}),
         f({"person", "Or someone not on the family list", views::FieldKind::text,
            "Their name, and who they are to the child: \"Jay Moss, a friend from school\""}),
         f({"forms", "Which forms of contact?", views::FieldKind::checkboxes, "",
            views::options_of(contact_forms())}),
         f({"how_often", "How often", views::FieldKind::text,
            "\"Every other Saturday afternoon\", \"a call on Sunday evenings\""}),
         f({"place", "Where", views::FieldKind::text}),
         f({"supervision", "Is it supervised?", views::FieldKind::radios, "",
            views::options_of(supervisions())}),
         f({"supervised_by", "Who supervises it", views::FieldKind::text}),
         f({"letterbox", "Letterbox contact through the local authority, by its agreement",
            views::FieldKind::checkbox, "Where a court order restricts face-to-face contact"}),
         f({"agreed_with", "Which social worker agreed it", views::FieldKind::text}),
         f({"agreed_on", "Day they agreed it", views::FieldKind::date}),
         f({"child_view", "What the child thinks of it, in their words",
            views::FieldKind::textarea}),
         f({"less_than_wished",
            "If it is less often than they would like: why, as it was explained to them",
            views::FieldKind::textarea}),
         f({"starts_on", "Day it starts", views::FieldKind::date})});
    return ctx.page("contact_arrangement_form", "Agree contact: " + ctx.scope.child_name, view,
                    status);
}

Result<Response> new_arrangement(Context& ctx) {
    const auto family = TRY(family_choices(ctx.services.db, ctx.param("child")));
    nlohmann::json values = {{"starts_on", format_date(ctx.today())}, {"supervision", "none"}};
    if (ctx.draft) {
        values = ctx.draft->typed_values();
    }
    return show_new_arrangement(ctx, family, values, std::nullopt, 200);
}

Result<nlohmann::json> one_arrangement(const Context& ctx, std::int64_t id) {
    return ctx.services.db.write([&](db::Connection& c) -> Result<nlohmann::json> {
        auto found = TRY(find_arrangement(c, id));
        if (!found) {
            return Error::not_found("We could not find that arrangement.");
        }
        TRY(audit::append(c, ctx.actor(),
                          {"read", "contact_arrangement", std::to_string(id), found->home_id,
                           found->child_id, ""},
                          ctx.now()));
        return arrangement_view(*found);
    });
}

Response followed(const nlohmann::json& view, const PlanFollowed& done, int status) {
    nlohmann::json out = view;
    out["placement_plan_version"] =
        done.plan_version ? nlohmann::json(*done.plan_version) : nlohmann::json();
    return Response::json(status, out);
}

Result<Response> create_arrangement(Context& ctx) {
    const auto child_id = ctx.param("child");
    const auto family = TRY(family_choices(ctx.services.db, ctx.param("child")));
    http::FormReader reader(*ctx.form);
    const auto d = TRY(read_arrangement(reader, family.ids, ctx.today()));
    const auto done = TRY(ctx.services.db.write([&](db::Connection& c) {
        return make_arrangement(c, child_id, d, ctx.actor(), ctx.now());
    }));
    if (ctx.request.wants_json()) {
        return followed(TRY(one_arrangement(ctx, done.arrangement_id)), done, 201)
            .header("Location", fmt::format("/api/v1/children/{}/contact-arrangements/{}", child_id,
                                            done.arrangement_id));
    }
    return Response::redirect(fmt::format("/children/{}/contact/arrangements/{}?saved={}", child_id,
                                          done.arrangement_id, done.plan_version ? "plan" : "1"));
}

Result<Response> create_arrangement_again(Context& ctx, const Error& e) {
    const auto family = TRY(family_choices(ctx.services.db, ctx.param("child")));
    return show_new_arrangement(ctx, family, ctx.form->typed_values(), e, http::status_for(e.kind));
}

Result<Response> show_arrangement(Context& ctx, const nlohmann::json& values,
                                  const std::optional<Error>& error, int status) {
    auto data = TRY(one_arrangement(ctx, ctx.param("contact_arrangement")));
    if (ctx.request.wants_json()) {
        return Response::json(200, data);
    }
    nlohmann::json view = {{"arrangement", data},
                           {"child_id", ctx.param("child")},
                           {"saved", ctx.request.query_value("saved").value_or("")},
                           {"plan_followed", ctx.request.query_value("saved") == "plan"}};
    if (error) {
        view.update(views::errors_view(*error));
    }
    if (data["in_force"].get<bool>() && can(ctx.person, Action::arrange_contact, ctx.scope)) {
        const nlohmann::json errors = error ? view["error_for"] : nlohmann::json::object();
        auto f = [&](const views::FieldSpec& spec) { return views::field(spec, values, errors); };
        view["end_action"] = data["href"].get<std::string>() + "/end";
        view["end_fields"] =
            nlohmann::json::array({f({"ended_on", "Day it stopped", views::FieldKind::date}),
                                   f({"reason", "Why it stopped", views::FieldKind::textarea}),
                                   f({"child_view", "What the child thinks of it, in their words",
                                      views::FieldKind::textarea})});
    }
    if (!data["social_worker_confirmed"].get<bool>() &&
        can(ctx.person, Action::confirm_contact, ctx.scope)) {
        view["confirm_action"] = data["href"].get<std::string>() + "/agreement";
    }
    return ctx.page("contact_arrangement", "Contact with " + data["person"].get<std::string>(),
                    view, status);
}

Result<Response> arrangement_detail(Context& ctx) {
    return show_arrangement(ctx, nlohmann::json::object(), std::nullopt, 200);
}

Result<Response> arrangement_ended(Context& ctx) {
    const auto id = ctx.param("contact_arrangement");
    const auto starts = TRY(ctx.services.db.read([&](db::Connection& c) -> Result<Date> {
        auto found = TRY(find_arrangement(c, id));
        if (!found) {
            return Error::not_found("We could not find that arrangement.");
        }
        return found->details.starts_on;
    }));
    http::FormReader reader(*ctx.form);
    const auto e = TRY(read_arrangement_ending(reader, starts, ctx.today()));
    const auto done = TRY(ctx.services.db.write(
        [&](db::Connection& c) { return end_arrangement(c, id, e, ctx.actor(), ctx.now()); }));
    if (ctx.request.wants_json()) {
        return followed(TRY(one_arrangement(ctx, id)), done, 200);
    }
    return Response::redirect(fmt::format("/children/{}/contact/arrangements/{}?saved={}",
                                          ctx.param("child"), id,
                                          done.plan_version ? "plan" : "1"));
}

Result<Response> arrangement_end_again(Context& ctx, const Error& e) {
    return show_arrangement(ctx, ctx.form->typed_values(), e, http::status_for(e.kind));
}

Result<Response> arrangement_confirmed(Context& ctx) {
    const auto id = ctx.param("contact_arrangement");
    TRY(ctx.services.db.write(
        [&](db::Connection& c) { return confirm_arrangement(c, id, ctx.actor(), ctx.now()); }));
    if (ctx.request.wants_json()) {
        return arrangement_detail(ctx);
    }
    return Response::redirect(
        fmt::format("/children/{}/contact/arrangements/{}", ctx.param("child"), id));
}

Result<Response> restriction_confirmed(Context& ctx) {
    const auto id = ctx.param("restriction");
    TRY(ctx.services.db.write(
        [&](db::Connection& c) { return confirm_restriction(c, id, ctx.actor(), ctx.now()); }));
    if (ctx.request.wants_json()) {
        auto shown = TRY(ctx.services.db.read([&](db::Connection& c) -> Result<nlohmann::json> {
            auto found = TRY(find_restriction(c, id));
            if (!found) {
                return Error::not_found("We could not find that restriction.");
            }
            return restriction_view(c, *found, ctx.now());
        }));
        return Response::json(200, shown);
    }
    return Response::redirect(
        fmt::format("/children/{}/contact/restrictions/{}", ctx.param("child"), id));
}

// The child's arrangements and digital contact agreement: the list, and its JSON.
Result<Response> arrangements_page(Context& ctx) {
    const auto child_id = ctx.param("child");
    nlohmann::json arrangements, digital = nlohmann::json::array();
    TRY(ctx.services.db.write([&](db::Connection& c) -> Status {
        const auto all = TRY(arrangements_of(c, child_id));
        for (const auto& a : all) {
            TRY(audit::append(
                c, ctx.actor(),
                {"read", "contact_arrangement", std::to_string(a.id), a.home_id, a.child_id, ""},
                ctx.now()));
        }
        arrangements = arrangement_views(all);
        for (const auto& r : TRY(digital_agreements_of(c, child_id))) {
            digital.push_back(TRY(digital_view(c, r, ctx.now())));
        }
        return {};
    }));
    if (ctx.request.wants_json()) {
        return Response::json(200, {{"arrangements", arrangements}, {"digital", digital}});
    }
    nlohmann::json in_force = nlohmann::json::array(), ended = nlohmann::json::array();
    for (const auto& a : arrangements) {
        (a["in_force"].get<bool>() ? in_force : ended).push_back(a);
    }
    return ctx.page("contact_arrangements", "Contact agreed: " + ctx.scope.child_name,
                    {{"child_id", child_id},
                     {"in_force", in_force},
                     {"has_in_force", !in_force.empty()},
                     {"ended", ended},
                     {"has_ended", !ended.empty()},
                     {"digital", digital.empty() ? nlohmann::json() : digital.front()},
                     {"can_arrange", can(ctx.person, Action::arrange_contact, ctx.scope)}});
}

Result<Response> show_digital(Context& ctx, const nlohmann::json& values,
                              const std::optional<Error>& error, int status) {
    const auto child_id = ctx.param("child");
    nlohmann::json history = nlohmann::json::array();
    TRY(ctx.services.db.read([&](db::Connection& c) -> Status {
        for (const auto& r : TRY(digital_agreements_of(c, child_id))) {
            history.push_back(TRY(digital_view(c, r, ctx.now())));
        }
        return {};
    }));
    if (ctx.request.wants_json()) {
        return Response::json(200, {{"agreements", history}});
    }
    nlohmann::json view = {{"child_id", child_id},
                           {"current", history.empty() ? nlohmann::json() : history.front()},
                           {"saved", ctx.request.query_value("saved").has_value()}};
    if (error) {
        view.update(views::errors_view(*error));
    }
    if (can(ctx.person, Action::arrange_contact, ctx.scope)) {
        const nlohmann::json errors = error ? view["error_for"] : nlohmann::json::object();
        nlohmann::json typed = values;
        if (!error && !history.empty()) {
            const auto& last = history.front();
            for (const char* k : {"devices", "platforms", "times", "limits", "social_worker"}) {
                typed[k] = last[k];
            }
        }
        auto f = [&](const views::FieldSpec& spec) { return views::field(spec, typed, errors); };
        view["action"] = fmt::format("/children/{}/contact/digital", child_id);
        view["fields"] = nlohmann::json::array(
            {f({"devices", "Which devices", views::FieldKind::textarea,
                "Their own phone, the home's laptop, a games console"}),
             f({"platforms", "Which apps and platforms", views::FieldKind::textarea}),
             f({"times", "When", views::FieldKind::textarea, "\"Until 21:30 on school nights\""}),
             f({"limits", "Limits agreed (optional)", views::FieldKind::textarea,
                "Who they may not contact, what is filtered, what staff may check and when"}),
             f({"child_agreed_on", "Day the child agreed it", views::FieldKind::date}),
             f({"social_worker", "Their social worker", views::FieldKind::text}),
             f({"social_worker_agreed_on", "Day the social worker agreed it",
                views::FieldKind::date}),
             f({"manager", "The registered manager", views::FieldKind::text}),
             f({"manager_agreed_on", "Day the registered manager agreed it",
                views::FieldKind::date}),
             f({"review_on", "Review it by", views::FieldKind::date})});
    }
    return ctx.page("digital_contact", "Digital contact: " + ctx.scope.child_name, view, status);
}

Result<Response> digital_page(Context& ctx) {
    return show_digital(ctx, nlohmann::json::object(), std::nullopt, 200);
}

Result<Response> digital_agreed(Context& ctx) {
    http::FormReader reader(*ctx.form);
    const auto a = TRY(read_digital_agreement(reader, ctx.today()));
    TRY(ctx.services.db.write([&](db::Connection& c) {
        return agree_digital_contact(c, ctx.param("child"), a, ctx.actor(), ctx.now());
    }));
    if (ctx.request.wants_json()) {
        return digital_page(ctx);
    }
    return Response::redirect(
        fmt::format("/children/{}/contact/digital?saved=1", ctx.param("child")));
}

Result<Response> digital_again(Context& ctx, const Error& e) {
    return show_digital(ctx, ctx.form->typed_values(), e, http::status_for(e.kind));
}

}  // namespace

void add_arrangement_routes(http::Router& router) {
    router.add_scope_resolver("contact_arrangement", resolve_arrangement_scope);
    const std::string list = "/children/{child}/contact/arrangements";
    const std::string one = list + "/{contact_arrangement}";
    router.add({"GET", list, Action::view_chronology, arrangements_page});
    router.add({"GET", list + "/new", Action::arrange_contact, new_arrangement});
    router.add({.method = "POST",
                .pattern = list,
                .action = Action::arrange_contact,
                .handler = create_arrangement,
                .again = create_arrangement_again});
    router.add({"GET", one, Action::view_chronology, arrangement_detail});
    router.add({.method = "POST",
                .pattern = one + "/end",
                .action = Action::arrange_contact,
                .handler = arrangement_ended,
                .again = arrangement_end_again});
    router.add({"POST", one + "/agreement", Action::confirm_contact, arrangement_confirmed});
    router.add({"POST", "/children/{child}/contact/restrictions/{restriction}/agreement",
                Action::confirm_contact, restriction_confirmed});
    const std::string digital = "/children/{child}/contact/digital";
    router.add({"GET", digital, Action::view_chronology, digital_page});
    router.add({.method = "POST",
                .pattern = digital,
                .action = Action::arrange_contact,
                .handler = digital_agreed,
                .again = digital_again});

    const std::string api = "/api/v1/children/{child}/contact-arrangements";
    router.add({"GET", api, Action::view_chronology, arrangements_page});
    router.add({"POST", api, Action::arrange_contact, create_arrangement});
    router.add(
        {"GET", api + "/{contact_arrangement}", Action::view_chronology, arrangement_detail});
    router.add(
        {"POST", api + "/{contact_arrangement}/end", Action::arrange_contact, arrangement_ended});
    router.add({"POST", api + "/{contact_arrangement}/agreement", Action::confirm_contact,
                arrangement_confirmed});
    router.add({"POST", "/api/v1/children/{child}/contact-restrictions/{restriction}/agreement",
                Action::confirm_contact, restriction_confirmed});
    router.add(
        {"GET", "/api/v1/children/{child}/digital-contact", Action::view_chronology, digital_page});
    router.add({"POST", "/api/v1/children/{child}/digital-contact", Action::arrange_contact,
                digital_agreed});
}

}  // namespace hearth::contact
