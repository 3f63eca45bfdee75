// The pages that record what follows an incident: a child's account, who was told, the child's
// and each member of staff's debrief, and the restorative follow-up; and the learning the
// organisation's homes share from debriefs. Each is written once; a form refused is shown again
// with what was typed and the message at the field.
#include <fmt/format.h>

#include <algorithm>

#include "behaviour/after_incident_store.hpp"
#include "behaviour/incident_form.hpp"
#include "behaviour/incident_pages.hpp"
#include "behaviour/incident_views.hpp"
#include "platform/months.hpp"
#include "platform/views/form_view.hpp"
#include "platform/views/views.hpp"

namespace hearth::behaviour::pages {

using http::Context;
using http::Response;
using views::FieldKind;
using views::FieldSpec;

namespace {

// The incident's children this reader may name, as choices.
std::vector<Person> children_choosable(const Context& ctx, const Incident& i) {
    std::vector<Person> out;
    for (const auto& ch : seen_by(ctx.reader(), i, {}).incident.children) {
        out.push_back({ch.child_id, ch.name});
    }
    return out;
}

std::vector<std::int64_t> ids_of(const std::vector<Person>& people) {
    std::vector<std::int64_t> out;
    for (const auto& p : people) {
        out.push_back(p.id);
    }
    return out;
}

// Now, as a day and a time, under the names a form uses.
nlohmann::json now_values(const Context& ctx, const std::string& day, const std::string& time) {
    return {{day, format_date(ctx.today())}, {time, format_local_time(ctx.now())}};
}

struct Form {
    std::string title;
    std::string intro;
    std::string suffix;  // after the incident's address: "/accounts"
    std::string button;
};

struct Shown {
    Incident incident;
    std::vector<Person> staff;  // who works in the home now
};

Result<Shown> load(const Context& ctx, bool record) {
    return ctx.services.db.write([&](db::Connection& c) -> Result<Shown> {
        Shown s;
        s.incident = TRY(load_incident(c, ctx, record));
        auto choosable = TRY(choosable_in(c, s.incident.home_id));
        s.staff = std::move(choosable.staff);
        return s;
    });
}

Result<Response> show(const Context& ctx, const Form& form, const Incident& i,
                      nlohmann::json fields, const std::optional<Error>& error, int status) {
    nlohmann::json view = {
        {"title", form.title},
        {"intro", form.intro},
        {"button", form.button},
        {"action", incident_href(ctx.scope.child_id.value_or(0), i.id) + form.suffix},
        {"back", incident_href(ctx.scope.child_id.value_or(0), i.id)},
        {"incident_title", title_of(i.details)},
        {"incident_when", format_local(i.details.occurred_at)},
        {"kept_draft", ctx.draft.has_value()},
        {"fields", std::move(fields)}};
    if (error) {
        view.update(views::errors_view(*error));
    }
    return ctx.page("after_incident_form", form.title, view, status);
}

nlohmann::json errors_of(const std::optional<Error>& e) {
    return e ? views::errors_view(*e)["error_for"] : nlohmann::json::object();
}

// What a form shows first: a kept draft, what was typed, or `fresh`.
nlohmann::json values_for(const Context& ctx, nlohmann::json fresh) {
    if (ctx.draft) {
        return ctx.draft->typed_values();
    }
    return fresh;
}

// Saves through `add`, then back to the incident. A refused form is shown again by the route's
// `again` (the *_again functions below), with what was typed and the message at each field.
template <typename Input, typename Add>
Result<Response> save(Context& ctx, const Shown& shown, Result<Input> input, Add add,
                      const std::string& done) {
    auto typed = TRY(std::move(input));
    const auto id = TRY(ctx.services.db.write(
        [&](db::Connection& c) { return add(c, shown.incident, typed, ctx.actor(), ctx.now()); }));
    if (ctx.request.wants_json()) {
        return Response::json(201, {{"id", id}, {"incident_id", shown.incident.id}});
    }
    return Response::redirect(incident_href(ctx.scope.child_id.value_or(0), shown.incident.id) +
                              "?added=" + done);
}

// -- A child's account ---------------------------------------------------------------------------

const Form account_page{"A child's account",
                        "What they say happened, in their own words, when "
                        "they are ready to say it. Write it as they said it.",
                        "/accounts", "Save their account"};

nlohmann::json account_fields(const std::vector<Person>& children, const nlohmann::json& values,
                              const nlohmann::json& errors) {
    auto f = [&](const FieldSpec& spec) { return views::field(spec, values, errors); };
    nlohmann::json out = nlohmann::json::array();
    if (children.size() > 1) {
        out.push_back(
            f({"child_id", "Whose account is it?", FieldKind::radios, "", options(children)}));
    }
    out.push_back(f({"given_on", "Day they said it", FieldKind::date}));
    out.push_back(f({"given_time", "Time they said it", FieldKind::time}));
    out.push_back(f({"words", "What they said", FieldKind::textarea,
                     "Their words, as they said them: this is theirs, and is not reworded"}));
    out.push_back(
        f({"declined", "Or: why there is no account yet", FieldKind::textarea,
           "For example, they did not want to talk about it today; offer again tomorrow"}));
    return out;
}

// -- Who was told --------------------------------------------------------------------------------

const Form notification_page{"Record who was told",
                             "The placing authority and parents are told about every incident "
                             "that matters to them; Ofsted and each placing authority are told "
                             "about a serious event without delay (Reg 40).",
                             "/notifications", "Save"};

nlohmann::json notification_fields(const std::vector<Person>& children,
                                   const nlohmann::json& values, const nlohmann::json& errors) {
    auto f = [&](const FieldSpec& spec) { return views::field(spec, values, errors); };
    nlohmann::json out = nlohmann::json::array();
    out.push_back(
        f({"recipient", "Who was told?", FieldKind::radios, "", views::options_of(recipients())}));
    if (children.size() > 1) {
        out.push_back(
            f({"child_id", "Which child's placing authority or parent?", FieldKind::radios,
               "Only for a placing authority or a parent", options(children)}));
    }
    out.push_back(f({"named", "Their name", FieldKind::text,
                     "For example, the duty social worker, Northshire"}));
    out.push_back(
        f({"method", "How were they told?", FieldKind::radios, "", views::options_of(methods())}));
    out.push_back(f({"notified_on", "Day they were told", FieldKind::date}));
    out.push_back(f({"notified_time", "Time they were told", FieldKind::time}));
    out.push_back(f({"reference", "Their reference (optional)", FieldKind::text,
                     "Ofsted's or the police's reference, if they gave one"}));
    return out;
}

// -- The child's debrief -------------------------------------------------------------------------

const Form child_debrief_page{
    "The child's debrief",
    "A debrief with someone the child trusts, who need not be who was there: how they felt, what "
    "would help next time, and what they want to put right.",
    "/child-debriefs", "Save the debrief"};

nlohmann::json child_debrief_fields(const std::vector<Person>& children,
                                    const std::vector<Person>& staff, const nlohmann::json& values,
                                    const nlohmann::json& errors) {
    auto f = [&](const FieldSpec& spec) { return views::field(spec, values, errors); };
    nlohmann::json out = nlohmann::json::array();
    if (children.size() > 1) {
        out.push_back(
            f({"child_id", "Whose debrief was it?", FieldKind::radios, "", options(children)}));
    }
    out.push_back(f({"held_on", "Day of the debrief", FieldKind::date}));
    out.push_back(f({"held_time", "Time of the debrief", FieldKind::time}));
    out.push_back(f({"held_by", "Who held it?", FieldKind::radios, "Someone the child trusts",
                     options(staff)}));
    out.push_back(
        f({"felt", "How they felt, then and now", FieldKind::textarea, "", {}, "", "off", true}));
    out.push_back(f(
        {"would_help", "What would help next time", FieldKind::textarea, "", {}, "", "off", true}));
    out.push_back(
        f({"repair", "What they want to put right, and how (optional)", FieldKind::textarea}));
    out.push_back(f({"child_words", "In their own words (optional)", FieldKind::textarea}));
    out.push_back(f({"declined", "Or: why there was no debrief", FieldKind::textarea,
                     "For example, they did not want one today; when it will be offered again"}));
    return out;
}

// -- A member of staff's debrief -----------------------------------------------------------------

const Form staff_debrief_page{
    "A staff debrief and wellbeing check",
    "After every physical intervention, and after an assault on staff, each member of staff is "
    "offered a debrief: how they are, what they learnt, and the support they need. Learning can "
    "be shared with the organisation's other homes, without names.",
    "/staff-debriefs", "Save the debrief"};

nlohmann::json staff_debrief_fields(const std::vector<Person>& staff, const nlohmann::json& values,
                                    const nlohmann::json& errors) {
    auto f = [&](const FieldSpec& spec) { return views::field(spec, values, errors); };
    return nlohmann::json::array({
        f({"person_id", "Whose debrief is it?", FieldKind::radios, "", options(staff)}),
        f({"held_on", "Day of the debrief", FieldKind::date}),
        f({"held_time", "Time of the debrief", FieldKind::time}),
        f({"held_by", "Who held it?", FieldKind::radios, "", options(staff)}),
        f({"wellbeing", "How are they?", FieldKind::radios,
           "Hurt or struggling asks the registered manager to check in with them today",
           views::options_of(wellbeing_levels())}),
        f({"how_they_are", "How they are, in their words (optional)", FieldKind::textarea}),
        f({"learnt", "What they learnt, about the child and about themselves (optional)",
           FieldKind::textarea}),
        f({"support", "Support offered", FieldKind::checkboxes, "",
           views::options_of(staff_support())}),
        f({"support_note", "More about the support (optional)", FieldKind::textarea}),
        f({"learning",
           "Learning other homes could use (optional)",
           FieldKind::textarea,
           "Without names of children, staff or the home",
           {},
           "",
           "off",
           true}),
        f({"share_learning", "Share this learning with the organisation's other homes",
           FieldKind::checkbox}),
    });
}

// -- The restorative follow-up -------------------------------------------------------------------

const Form restorative_page{
    "A restorative follow-up",
    "A restorative conversation or meeting: what happened, who was affected, and what is agreed "
    "to put things right.",
    "/restorative", "Save the follow-up"};

nlohmann::json restorative_fields(const nlohmann::json& values, const nlohmann::json& errors) {
    auto f = [&](const FieldSpec& spec) { return views::field(spec, values, errors); };
    return nlohmann::json::array({
        f({"held_on", "Day it was held", FieldKind::date}),
        f({"held_time", "Time it was held", FieldKind::time}),
        f({"form", "Was it a conversation or a meeting?", FieldKind::radios, "",
           views::options_of(restorative_forms())}),
        f({"taking_part", "Who took part", FieldKind::text}),
        f({"outcome", "How it went", FieldKind::textarea, "", {}, "", "off", true}),
        f({"agreed", "What was agreed (optional)", FieldKind::textarea}),
    });
}

}  // namespace

Result<Response> account_form(Context& ctx) {
    auto shown = TRY(load(ctx, true));
    const auto children = children_choosable(ctx, shown.incident);
    auto values = values_for(ctx, now_values(ctx, "given_on", "given_time"));
    if (!ctx.draft && ctx.request.query_value("child")) {
        values["child_id"] = *ctx.request.query_value("child");
    }
    return show(ctx, account_page, shown.incident, account_fields(children, values, {}),
                std::nullopt, 200);
}

Result<Response> add_account(Context& ctx) {
    auto shown = TRY(load(ctx, false));
    const auto children = children_choosable(ctx, shown.incident);
    http::FormReader reader(*ctx.form);
    auto input =
        read_account(reader, ids_of(children), shown.incident.details.occurred_at, ctx.now());
    return save(ctx, shown, std::move(input), behaviour::add_account, "account");
}

Result<Response> add_account_again(Context& ctx, const Error& e) {
    auto shown = TRY(load(ctx, false));
    const auto children = children_choosable(ctx, shown.incident);
    return show(ctx, account_page, shown.incident,
                account_fields(children, ctx.form->typed_values(), errors_of(e)), e, 400);
}

Result<Response> notification_form(Context& ctx) {
    auto shown = TRY(load(ctx, true));
    const auto children = children_choosable(ctx, shown.incident);
    auto values = values_for(ctx, now_values(ctx, "notified_on", "notified_time"));
    return show(ctx, notification_page, shown.incident, notification_fields(children, values, {}),
                std::nullopt, 200);
}

Result<Response> add_notification(Context& ctx) {
    auto shown = TRY(load(ctx, false));
    const auto children = children_choosable(ctx, shown.incident);
    http::FormReader reader(*ctx.form);
    auto input =
        read_notification(reader, ids_of(children), shown.incident.details.occurred_at, ctx.now());
    return save(ctx, shown, std::move(input), behaviour::add_notification, "notification");
}

Result<Response> add_notification_again(Context& ctx, const Error& e) {
    auto shown = TRY(load(ctx, false));
    const auto children = children_choosable(ctx, shown.incident);
    return show(ctx, notification_page, shown.incident,
                notification_fields(children, ctx.form->typed_values(), errors_of(e)), e, 400);
}

Result<Response> child_debrief_form(Context& ctx) {
    auto shown = TRY(load(ctx, true));
    const auto children = children_choosable(ctx, shown.incident);
    auto values = values_for(ctx, now_values(ctx, "held_on", "held_time"));
    if (!ctx.draft && ctx.request.query_value("child")) {
        values["child_id"] = *ctx.request.query_value("child");
    }
    return show(ctx, child_debrief_page, shown.incident,
                child_debrief_fields(children, shown.staff, values, {}), std::nullopt, 200);
}

Result<Response> add_child_debrief(Context& ctx) {
    auto shown = TRY(load(ctx, false));
    const auto children = children_choosable(ctx, shown.incident);
    http::FormReader reader(*ctx.form);
    auto input = read_child_debrief(reader, ids_of(children), shown.staff,
                                    shown.incident.details.occurred_at, ctx.now());
    return save(ctx, shown, std::move(input), behaviour::add_child_debrief, "child_debrief");
}

Result<Response> add_child_debrief_again(Context& ctx, const Error& e) {
    auto shown = TRY(load(ctx, false));
    const auto children = children_choosable(ctx, shown.incident);
    return show(ctx, child_debrief_page, shown.incident,
                child_debrief_fields(children, shown.staff, ctx.form->typed_values(), errors_of(e)),
                e, 400);
}

Result<Response> staff_debrief_form(Context& ctx) {
    auto shown = TRY(load(ctx, true));
    auto values = values_for(ctx, now_values(ctx, "held_on", "held_time"));
    if (!ctx.draft && ctx.request.query_value("person")) {
        values["person_id"] = *ctx.request.query_value("person");
    }
    return show(ctx, staff_debrief_page, shown.incident,
                staff_debrief_fields(shown.staff, values, {}), std::nullopt, 200);
}

Result<Response> add_staff_debrief(Context& ctx) {
    auto shown = TRY(load(ctx, false));
    auto names = TRY(ctx.services.db.read([&](db::Connection& c) {
        return names_in_organisation(c, ctx.scope.organisation_id.value_or(0));
    }));
    http::FormReader reader(*ctx.form);
    auto input = read_staff_debrief(reader, shown.staff, names, shown.incident.details.occurred_at,
                                    ctx.now());
    return save(ctx, shown, std::move(input), behaviour::add_staff_debrief, "staff_debrief");
}

Result<Response> add_staff_debrief_again(Context& ctx, const Error& e) {
    auto shown = TRY(load(ctx, false));
    return show(ctx, staff_debrief_page, shown.incident,
                staff_debrief_fields(shown.staff, ctx.form->typed_values(), errors_of(e)), e, 400);
}

Result<Response> restorative_form(Context& ctx) {
    auto shown = TRY(load(ctx, true));
    auto values = values_for(ctx, now_values(ctx, "held_on", "held_time"));
    return show(ctx, restorative_page, shown.incident, restorative_fields(values, {}), std::nullopt,
                200);
}

Result<Response> add_restorative(Context& ctx) {
    auto shown = TRY(load(ctx, false));
    http::FormReader reader(*ctx.form);
    auto input = read_restorative(reader, shown.incident.details.occurred_at, ctx.now());
    return save(ctx, shown, std::move(input), behaviour::add_restorative, "restorative");
}

Result<Response> add_restorative_again(Context& ctx, const Error& e) {
    auto shown = TRY(load(ctx, false));
    return show(ctx, restorative_page, shown.incident,
                restorative_fields(ctx.form->typed_values(), errors_of(e)), e, 400);
}

Result<Response> shared_learning(Context& ctx) {
    constexpr int page_size = 20;
    std::optional<std::int64_t> before;
    if (auto b = ctx.request.query_value("before")) {
        const std::int64_t id = std::atoll(b->c_str());
        if (id > 0) {
            before = id;
        }
    }
    auto items = TRY(ctx.services.db.read([&](db::Connection& c) {
        return behaviour::shared_learning(c, ctx.person.organisation_id, before, page_size + 1);
    }));
    auto list = std::move(items);
    std::optional<std::int64_t> older;
    if (static_cast<int>(list.size()) > page_size) {
        list.pop_back();
        older = list.back().id;
    }
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& s : list) {
        rows.push_back({{"id", s.id},
                        {"month", month_label(month_of(s.held_at))},
                        {"learning", s.learning},
                        {"after_restraint", s.after_restraint}});
    }
    if (ctx.request.wants_json()) {
        return Response::json(200,
                              {{"learning", rows},
                               {"next", older ? nlohmann::json(*older) : nlohmann::json(nullptr)}});
    }
    return ctx.page(
        "shared_learning", "Learning shared between homes",
        {{"rows", rows},
         {"has_rows", !rows.empty()},
         {"older",
          older ? fmt::format("/organisation/shared-learning?before={}", *older) : std::string{}}});
}

}  // namespace hearth::behaviour::pages
