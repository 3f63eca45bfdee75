// The pages of the contact log: logging or planning a contact, a contact with the forms that
// record what became of it, raise a concern about what it said with the social worker, and record
// the follow-up they agreed. The page, its JSON and the API are rendered from one view
// (contact_log_view).
#include "contact/contact_log_routes.hpp"

#include <fmt/format.h>

#include "children/child_store.hpp"
#include "contact/contact_log_store.hpp"
#include "contact/contact_log_view.hpp"
#include "contact/school_hours_store.hpp"
#include "contact/who.hpp"
#include "platform/views/form_view.hpp"
#include "platform/views/views.hpp"
#include "team/rota_store.hpp"

namespace hearth::contact {

namespace {

using http::Context;
using http::Response;

// Everything a contact is checked against, read in one snapshot.
struct LogFacts {
    views::Options family_options;
    LogContext context;
    nlohmann::json restrictions = nlohmann::json::array();  // those in force, to show beside it
    std::string child_name;
    std::string on_shift;  // "Chris Okafor, Dana Lewis": who might supervise it, by the rota
};

Result<LogFacts> log_facts(const Context& ctx, std::int64_t child_id) {
    return ctx.services.db.read([&](db::Connection& c) -> Result<LogFacts> {
        LogFacts out;
        auto family = TRY(family_choices(c, child_id));
        out.family_options = std::move(family.options);
        out.context.family = std::move(family.ids);
        out.context.now = ctx.now();
        out.context.school = TRY(school_hours_of_child(c, child_id)).hours;
        out.context.restrictions = TRY(restrictions_in_force(c, child_id, ctx.today()));
        for (const auto& s : TRY(team::on_shift_now(c, ctx.scope.home_id.value_or(0), ctx.now()))) {
            out.on_shift += (out.on_shift.empty() ? "" : ", ") + s.name;
        }
        for (const auto& r : out.context.restrictions) {
            std::string forms;
            for (const auto& f : r.details.forms) {
                forms += (forms.empty() ? "" : ", ") + label_in(contact_forms(), f);
            }
            out.restrictions.push_back(
                {{"person", r.person},
                 {"forms_text", forms},
                 {"basis_label", r.basis_label},
                 {"href", fmt::format("/children/{}/contact/restrictions/{}", child_id, r.id)}});
        }
        return out;
    });
}

Result<Response> show_log_form(const Context& ctx, const LogFacts& facts,
                               const nlohmann::json& values, const std::optional<Error>& error,
                               int status) {
    const auto child_id = ctx.param("child");
    nlohmann::json view = {{"action", fmt::format("/children/{}/contact/log", child_id)},
                           {"child_id", child_id},
                           {"restrictions", facts.restrictions},
                           {"has_restrictions", !facts.restrictions.empty()},
                           {"school_hours", describe(facts.context.school)}};
    nlohmann::json errors = nlohmann::json::object();
    if (error) {
        view.update(views::errors_view(*error));
        errors = view["error_for"];
    }
    auto f = [&](const views::FieldSpec& spec) { return views::field(spec, values, errors); };
    view["fields"] = nlohmann::json::array(
        {f({"state", "Is it planned, or has it happened?", views::FieldKind::radios, "",
            views::Options{{"planned", "It is planned"}, {"happened", "It happened"}}}),
         f({"family_member_id", "Who is it with?", views::FieldKind::radios, "From the family list",
            facts.family_options}),
         f({"person", "Or someone not on the family list", views::FieldKind::text,
            "Their name, and who they are to the child: \"Jay Moss, a friend from school\""}),
         f({"form", "Which form of contact?", views::FieldKind::radios, "",
            views::options_of(contact_forms())}),
         f({"on", "Day", views::FieldKind::date}),
         f({"at", "Time", views::FieldKind::time, "For example 16:30"}),
         f({"place", "Where", views::FieldKind::text,
            "For a visit: at the home, a family centre, a café"}),
         f({"supervision", "Is it supervised?", views::FieldKind::radios,
            "Someone the social worker arranges signs the visitors' book like any visitor",
            views::options_of(supervisions())}),
         f({"supervised_by", "Who supervises it", views::FieldKind::text,
            facts.on_shift.empty() ? "" : "On shift now: " + facts.on_shift}),
         f({"direction", "For a letter or message: to or from the child?", views::FieldKind::radios,
            "", views::options_of(directions())}),
         f({"through_social_worker", "Sent to the social worker to check and pass on",
            views::FieldKind::checkbox, "Letterbox contact under a court order"}),
         f({"others_considered",
            "For a visit at the home: how were the other children living there considered?",
            views::FieldKind::textarea}),
         f({"school_hours_why", "If it is in school hours: why it cannot be outside them",
            views::FieldKind::textarea, "School hours: " + describe(facts.context.school)}),
         f({"restriction_why", "If a restriction covers it: why it may go ahead",
            views::FieldKind::textarea, "Supervised under the order, for example"}),
         f({"child_words", "How it went, in the child's words", views::FieldKind::textarea}),
         f({"staff_view", "How it went for the child, as you saw it", views::FieldKind::textarea}),
         f({"follow_up", "What follows (optional)", views::FieldKind::textarea})});
    return ctx.page("contact_log_form", "Log contact: " + ctx.scope.child_name, view, status);
}

Result<Response> new_contact(Context& ctx) {
    const auto facts = TRY(log_facts(ctx, ctx.param("child")));
    nlohmann::json values = {{"on", format_date(ctx.today())},
                             {"state", ctx.request.query_value("state").value_or("happened")},
                             {"supervision", "none"}};
    if (ctx.draft) {
        values = ctx.draft->typed_values();
    }
    return show_log_form(ctx, facts, values, std::nullopt, 200);
}

Result<nlohmann::json> one_contact_view(const Context& ctx, std::int64_t id, bool audit_read) {
    return ctx.services.db.write([&](db::Connection& c) -> Result<nlohmann::json> {
        auto found = TRY(find_contact(c, id));
        if (!found) {
            return Error::not_found("We could not find that contact.");
        }
        if (audit_read) {
            TRY(record_contact_read(c, *found, ctx.actor(), ctx.now()));
        }
        return contact_view(c, *found, ctx.now());
    });
}

Result<Response> create_contact(Context& ctx) {
    const auto child_id = ctx.param("child");
    const auto facts = TRY(log_facts(ctx, child_id));
    http::FormReader reader(*ctx.form);
    const auto read = TRY(read_contact(reader, facts.context));
    const auto id = TRY(ctx.services.db.write(
        [&](db::Connection& c) { return log_contact(c, child_id, read, ctx.actor(), ctx.now()); }));
    if (ctx.request.wants_json()) {
        return Response::json(201, TRY(one_contact_view(ctx, id, false)))
            .header("Location", fmt::format("/api/v1/children/{}/contacts/{}", child_id, id));
    }
    return Response::redirect(fmt::format("/children/{}/contact/log/{}?saved=1", child_id, id));
}

Result<Response> create_contact_again(Context& ctx, const Error& e) {
    const auto facts = TRY(log_facts(ctx, ctx.param("child")));
    return show_log_form(ctx, facts, ctx.form->typed_values(), e, http::status_for(e.kind));
}

// Which form on the contact's page an error belongs to.
enum class ContactPart { none, outcome, concern, answer };

Result<Response> show_contact(Context& ctx, ContactPart part, const nlohmann::json& values,
                              const std::optional<Error>& error, int status) {
    auto data = TRY(one_contact_view(ctx, ctx.param("contact"), true));
    if (ctx.request.wants_json()) {
        return Response::json(200, data);
    }
    nlohmann::json view = {{"contact", data},
                           {"saved", ctx.request.query_value("saved").has_value()},
                           {"child_id", ctx.param("child")}};
    if (error) {
        view.update(views::errors_view(*error));
    }
    auto fields_for = [&](ContactPart which) {
        const nlohmann::json errors =
            error && part == which ? view["error_for"] : nlohmann::json::object();
        const nlohmann::json shown = part == which ? values : nlohmann::json::object();
        return [errors, shown](const views::FieldSpec& spec) {
            return views::field(spec, shown, errors);
        };
    };
    const std::string href = data["href"];
    const bool can_record = can(ctx.person, Action::record_contact, ctx.scope);
    if (can_record && data["planned"].get<bool>()) {
        auto f = fields_for(ContactPart::outcome);
        view["outcome_action"] = href + "/outcome";
        view["outcome_fields"] = nlohmann::json::array(
            {f({"outcome", "Did it happen?", views::FieldKind::radios, "",
                views::Options{{"happened", "It happened"}, {"cancelled", "It was cancelled"}}}),
             f({"child_words", "How it went, in the child's words", views::FieldKind::textarea}),
             f({"staff_view", "How it went for the child, as you saw it",
                views::FieldKind::textarea}),
             f({"follow_up", "What follows (optional)", views::FieldKind::textarea}),
             f({"cancelled_by", "If it was cancelled: who cancelled it?", views::FieldKind::radios,
                "", views::options_of(cancelled_by_whom())}),
             f({"cancelled_why", "Why it was cancelled", views::FieldKind::textarea}),
             f({"child_took_it", "How the child took it", views::FieldKind::textarea})});
    }
    if (can_record && data["happened"].get<bool>() && !data["concern"]["raised"].get<bool>()) {
        auto f = fields_for(ContactPart::concern);
        view["concern_action"] = href + "/concern";
        view["concern_fields"] = nlohmann::json::array(
            {f({"about", "What in it worries you?", views::FieldKind::textarea,
                "What a letter, call or message said, or showed"}),
             f({"raised_with", "Which social worker is it raised with?", views::FieldKind::text}),
             f({"answer_on", "Answer wanted by: day", views::FieldKind::date}),
             f({"answer_time", "Answer wanted by: time", views::FieldKind::time})});
    }
    if (data["concern"]["awaiting"].get<bool>() &&
        can(ctx.person, Action::agree_contact, ctx.scope)) {
        auto f = fields_for(ContactPart::answer);
        view["answer_action"] = href + "/concern/answer";
        view["answer_fields"] = nlohmann::json::array(
            {f({"agreed", "What follow-up was agreed?", views::FieldKind::textarea}),
             f({"agreed_with", "Agreed with", views::FieldKind::text,
                "The social worker, by name"})});
    }
    return ctx.page("contact_log_entry",
                    fmt::format("{} with {}", data["form_label"].get<std::string>(),
                                data["person"].get<std::string>()),
                    view, status);
}

Result<Response> contact_detail(Context& ctx) {
    return show_contact(ctx, ContactPart::none, nlohmann::json::object(), std::nullopt, 200);
}

Result<Response> back_to_contact(Context& ctx) {
    if (ctx.request.wants_json()) {
        return contact_detail(ctx);
    }
    return Response::redirect(
        fmt::format("/children/{}/contact/log/{}", ctx.param("child"), ctx.param("contact")));
}

Result<Response> outcome_recorded(Context& ctx) {
    const auto id = ctx.param("contact");
    const auto planned_at = TRY(ctx.services.db.read([&](db::Connection& c) -> Result<Timestamp> {
        auto found = TRY(find_contact(c, id));
        if (!found) {
            return Error::not_found("We could not find that contact.");
        }
        return found->details.starts_at;
    }));
    http::FormReader reader(*ctx.form);
    const auto version = reader.integer("version", "the version you read", true, 1, 1000000);
    const auto o = TRY(read_outcome(reader, planned_at, ctx.now()));
    TRY(ctx.services.db.write([&](db::Connection& c) {
        return record_outcome(c, id, static_cast<int>(version.value_or(0)), o, ctx.actor(),
                              ctx.now());
    }));
    return back_to_contact(ctx);
}

Result<Response> outcome_again(Context& ctx, const Error& e) {
    return show_contact(ctx, ContactPart::outcome, ctx.form->typed_values(), e,
                        http::status_for(e.kind));
}

Result<Response> concern_raised(Context& ctx) {
    http::FormReader reader(*ctx.form);
    const auto concern = TRY(read_concern(reader, ctx.now()));
    TRY(ctx.services.db.write([&](db::Connection& c) {
        return raise_concern(c, ctx.param("contact"), concern, ctx.actor(), ctx.now());
    }));
    return back_to_contact(ctx);
}

Result<Response> concern_again(Context& ctx, const Error& e) {
    return show_contact(ctx, ContactPart::concern, ctx.form->typed_values(), e,
                        http::status_for(e.kind));
}

Result<Response> concern_answered(Context& ctx) {
    http::FormReader reader(*ctx.form);
    const auto answer = TRY(read_concern_answer(reader));
    TRY(ctx.services.db.write([&](db::Connection& c) {
        return answer_concern(c, ctx.param("contact"), answer, ctx.actor(), ctx.now());
    }));
    return back_to_contact(ctx);
}

Result<Response> answer_again(Context& ctx, const Error& e) {
    return show_contact(ctx, ContactPart::answer, ctx.form->typed_values(), e,
                        http::status_for(e.kind));
}

}  // namespace

void add_contact_log_routes(http::Router& router) {
    router.add_scope_resolver("contact", resolve_contact_scope);
    const std::string log = "/children/{child}/contact/log";
    const std::string one = log + "/{contact}";
    router.add({"GET", log + "/new", Action::record_contact, new_contact});
    router.add({.method = "POST",
                .pattern = log,
                .action = Action::record_contact,
                .handler = create_contact,
                .again = create_contact_again});
    router.add({"GET", one, Action::view_chronology, contact_detail});
    router.add({.method = "POST",
                .pattern = one + "/outcome",
                .action = Action::record_contact,
                .handler = outcome_recorded,
                .again = outcome_again});
    router.add({.method = "POST",
                .pattern = one + "/concern",
                .action = Action::record_contact,
                .handler = concern_raised,
                .again = concern_again});
    router.add({.method = "POST",
                .pattern = one + "/concern/answer",
                .action = Action::agree_contact,
                .handler = concern_answered,
                .again = answer_again});

    const std::string api = "/api/v1/children/{child}/contacts";
    router.add({"POST", api, Action::record_contact, create_contact});
    router.add({"GET", api + "/{contact}", Action::view_chronology, contact_detail});
    router.add({"POST", api + "/{contact}/outcome", Action::record_contact, outcome_recorded});
    router.add({"POST", api + "/{contact}/concern", Action::record_contact, concern_raised});
    router.add(
        {"POST", api + "/{contact}/concern/answer", Action::agree_contact, concern_answered});
}

}  // namespace hearth::contact
