// The Reg 35 record's pages: the form that writes it from its incident, the record with its
// three clocks and two sign-offs, its amendment, and the sign-off forms themselves; and the part
// of the incident's page that lists the records written for it.
#include <fmt/format.h>

#include <algorithm>

#include "deadlines/deadline_store.hpp"
#include "intervention/certificate.hpp"
#include "intervention/intervention_routes.hpp"
#include "intervention/measure_form.hpp"
#include "intervention/measure_views.hpp"
#include "intervention/technique_store.hpp"
#include "language/language_checks.hpp"
#include "platform/http/form_again.hpp"
#include "platform/views/form_view.hpp"
#include "platform/views/history_view.hpp"
#include "platform/views/views.hpp"
#include "team/training_programme.hpp"

namespace hearth::intervention {

using http::Context;
using http::Response;

namespace {

// A record has a dozen long texts: more than the 64 KiB a short form is allowed.
constexpr std::size_t measure_body = std::size_t{256} * 1024;

std::string first_word(const std::string& name) {
    return name.substr(0, name.find(' '));
}

struct FormSource {
    behaviour::Incident incident;
    Choosable choosable;
};

Result<FormSource> load_writing(db::Connection& c, const Context& ctx, std::int64_t incident_id,
                                bool record) {
    FormSource w;
    auto found = TRY(behaviour::find(c, incident_id));
    if (!found) {
        return Error::not_found("We could not find that incident.");
    }
    w.incident = std::move(*found);
    if (record) {
        TRY(behaviour::record_read(c, w.incident, ctx.actor(), ctx.now()));
    }
    w.choosable.staff = TRY(behaviour::people_named(c, w.incident.details.staff_involved));
    w.choosable.techniques = TRY(techniques_of(c, ctx.scope.organisation_id.value_or(0)));
    return w;
}

// Where the staff involved stand with their accredited training, on the day of the incident.
Result<nlohmann::json> training_of(db::Connection& c, const std::vector<behaviour::Person>& staff,
                                   Date day) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& p : staff) {
        auto rows =
            TRY(c.query("SELECT expires_on FROM training_records WHERE person_id = $1 AND "
                        "course_key = $2 AND expires_on IS NOT NULL ORDER BY expires_on DESC "
                        "LIMIT 1",
                        {p.id, std::string(team::physical_intervention_course)}));
        std::vector<Date> expiry;
        for (const auto& r : rows) {
            if (auto d = parse_date(r.text(0))) {
                expiry.push_back(*d);
            }
        }
        const auto s = standing_on(expiry, day);
        out.push_back({{"name", p.name},
                       {"standing", standing_label(s)},
                       {"tag", standing_tag(s)},
                       {"untrained", s == Standing::expired || s == Standing::missing}});
    }
    return out;
}

std::string kind_asked(const Context& ctx) {
    if (ctx.draft && !ctx.draft->get("kind").empty()) {
        return ctx.draft->get("kind");
    }
    if (ctx.form && !ctx.form->get("kind").empty()) {
        return ctx.form->get("kind");
    }
    return ctx.request.query_value("kind").value_or("physical_intervention");
}

struct FormPage {
    std::string kind;
    std::string action;
    nlohmann::json values;
    std::optional<Error> error;
    std::optional<int> version;  // when amending
    int status = 200;
};

Result<Response> show_form(const Context& ctx, const FormSource& w, const FormPage& p) {
    auto training = TRY(ctx.services.db.read([&](db::Connection& c) {
        return training_of(c, w.choosable.staff, local_date_of(w.incident.details.occurred_at));
    }));
    const bool restraint = is_restraint(p.kind);
    const std::string child = first_word(ctx.scope.child_name);
    const std::string what = restraint ? label_in(measure_kinds(), p.kind) : "Consequence";
    const std::string title =
        (p.version ? "Amend the Reg 35 record: " : "Reg 35 record: ") + what + " for " + child;
    nlohmann::json errors = nlohmann::json::object();
    nlohmann::json view = {
        {"title", title},
        {"action", p.action},
        {"kind", p.kind},
        {"is_restraint", restraint},
        {"amending", p.version.has_value()},
        {"kept_draft", ctx.draft.has_value()},
        {"incident_title", behaviour::title_of(w.incident.details)},
        {"incident_when", format_local(w.incident.details.occurred_at)},
        {"incident_href",
         fmt::format("/children/{}/incidents/{}", ctx.scope.child_id.value_or(0), w.incident.id)},
        {"training", training},
        {"has_training", !training.empty()},
        {"prohibited", nlohmann::json::array()}};
    for (const auto& r : prohibited_sanctions()) {
        view["prohibited"].push_back(r.label);
    }
    if (p.error) {
        view.update(views::errors_view(*p.error));
        errors = view["error_for"];
    }
    view["fields"] = measure_fields(p.kind, w.choosable, child, p.values, errors);
    if (p.version) {
        view["version"] = *p.version;
        view["reason"] =
            views::field({"reason", "Why are you amending this record?", views::FieldKind::textarea,
                          "This is kept with the change, beside what it said before"},
                         p.values, errors);
    }
    return ctx.page("measure_form", title, view, p.status);
}

Result<Response> new_form(Context& ctx) {
    const std::string kind = kind_asked(ctx);
    if (std::none_of(measure_kinds().begin(), measure_kinds().end(),
                     [&](const Choice& c) { return c.key == kind; })) {
        return Error::not_found("There is no record of that kind.");
    }
    auto w = TRY(ctx.services.db.write(
        [&](db::Connection& c) { return load_writing(c, ctx, ctx.param("incident"), true); }));
    const nlohmann::json values =
        ctx.draft ? ctx.draft->typed_values() : first_values(kind, w.incident);
    return show_form(ctx, w, {kind, ctx.request.path, values, std::nullopt, std::nullopt, 200});
}

Result<Response> create(Context& ctx) {
    const std::string kind = kind_asked(ctx);
    auto w = TRY(ctx.services.db.read(
        [&](db::Connection& c) { return load_writing(c, ctx, ctx.param("incident"), false); }));
    http::FormReader reader(*ctx.form);
    reader.about_child(ctx.scope.child_born);
    reader.choice("kind", "the kind of record", keys_of(measure_kinds()), true);
    auto details =
        TRY(read_measure(reader, kind, w.choosable, w.incident.details.occurred_at, ctx.now()));
    const auto id = TRY(ctx.services.db.write([&](db::Connection& c) {
        return record(
            c,
            {&w.incident, ctx.scope.child_id.value_or(0), ctx.scope.organisation_id.value_or(0),
             label_in(w.choosable.techniques, details.technique)},
            details, ctx.actor(), ctx.now());
    }));
    if (ctx.request.wants_json()) {
        auto made = TRY(ctx.services.db.read([&](db::Connection& c) { return find(c, id); }));
        if (!made) {
            return Error::internal("record vanished");
        }
        return Response::json(201, measure_json(*made, w.choosable.staff))
            .header("Location", fmt::format("/api/v1/measures/{}", id));
    }
    return Response::redirect(measure_href(id) + "?saved=1");
}

Result<Response> create_again(Context& ctx, const Error& e) {
    auto w = TRY(ctx.services.db.read(
        [&](db::Connection& c) { return load_writing(c, ctx, ctx.param("incident"), false); }));
    return show_form(
        ctx, w,
        {kind_asked(ctx), ctx.request.path, ctx.form->typed_values(), e, std::nullopt, 400});
}

Result<Response> amend_form(Context& ctx);

Result<Response> show(Context& ctx) {
    if (ctx.draft && can(ctx.person, Action::record_measure, ctx.scope)) {
        return amend_form(ctx);
    }
    const bool just_saved = ctx.request.query_value("saved") || ctx.request.query_value("amended");
    struct Data {
        Measure measure;
        std::vector<behaviour::Person> people;
        std::vector<Choice> techniques;
        std::vector<deadlines::Deadline> clocks;
        std::vector<amendments::Version> versions;
        nlohmann::json training;
        nlohmann::json findings = nlohmann::json::object();
    };
    auto data = TRY(ctx.services.db.write([&](db::Connection& c) -> Result<Data> {
        Data d;
        auto found = TRY(find(c, ctx.param("measure")));
        if (!found)
            return Error::not_found("We could not find that record.");
        d.measure = std::move(*found);
        TRY(record_read(c, d.measure, ctx.actor(), ctx.now()));
        std::vector<std::int64_t> ids = d.measure.details.used_by;
        ids.insert(ids.end(), d.measure.details.observed_by.begin(),
                   d.measure.details.observed_by.end());
        d.people = TRY(behaviour::people_named(c, ids));
        d.techniques = TRY(techniques_of(c, ctx.scope.organisation_id.value_or(0)));
        d.clocks = TRY(deadlines::for_source(c, "measure", d.measure.id));
        auto incident = TRY(behaviour::find(c, d.measure.incident_id));
        if (incident) {
            for (const auto& ch : incident->children) {
                if (ch.child_id != d.measure.child_id)
                    continue;
                auto more = TRY(deadlines::for_source(c, "incident_child", ch.link_id));
                d.clocks.insert(d.clocks.end(), more.begin(), more.end());
            }
        }
        d.versions = TRY(amendments::versions_of(c, "measure", d.measure.id));
        std::vector<behaviour::Person> holders;
        for (const auto& p : d.people) {
            if (std::find(d.measure.details.used_by.begin(), d.measure.details.used_by.end(),
                          p.id) != d.measure.details.used_by.end())
                holders.push_back(p);
        }
        if (is_restraint(d.measure.details.kind)) {
            d.training = TRY(training_of(c, holders, local_date_of(d.measure.details.started_at)));
        } else {
            d.training = nlohmann::json::array();
        }
        if (just_saved && can(ctx.person, Action::check_language, Scope{})) {
            d.findings = TRY(language::findings_when_saved(c, "measure", d.measure.id));
        }
        return d;
    }));
    const Measure& m = data.measure;
    if (ctx.request.wants_json()) {
        nlohmann::json j = measure_json(m, data.people);
        j["clocks"] = clocks_view(data.clocks, ctx.now());
        return Response::json(200, j);
    }
    bool untrained = false;
    for (const auto& t : data.training) {
        untrained = untrained || t["untrained"].get<bool>();
    }
    const auto people = data.people;
    const auto techniques = data.techniques;
    nlohmann::json view = {
        {"measure", measure_view(m, data.people, data.techniques)},
        {"clocks", clocks_view(data.clocks, ctx.now())},
        {"exempt", m.details.ehc_exempt},
        {"training", data.training},
        {"untrained", untrained},
        {"incident_href", fmt::format("/children/{}/incidents/{}", m.child_id, m.incident_id)},
        {"can_amend", can(ctx.person, Action::record_measure, ctx.scope)},
        {"can_sign", can(ctx.person, Action::sign_measure, ctx.scope)},
        {"history", views::history_view(data.versions, field_labels(m.details.kind),
                                        [&](const std::string& f, const std::string& v) {
                                            return shown_value(people, techniques, f, v);
                                        })},
        {"saved", ctx.request.query_value("saved").has_value()},
        {"was_amended", ctx.request.query_value("amended").has_value()},
        {"was_signed", ctx.request.query_value("signed").has_value()}};
    view.update(data.findings);
    return ctx.page("measure", "Reg 35 record – " + ctx.scope.child_name, view);
}

Result<Response> amend_form(Context& ctx) {
    auto m = TRY(ctx.services.db.write([&](db::Connection& c) -> Result<Measure> {
        auto found = TRY(find(c, ctx.param("measure")));
        if (!found)
            return Error::not_found("We could not find that record.");
        TRY(record_read(c, *found, ctx.actor(), ctx.now()));
        return std::move(*found);
    }));
    auto w = TRY(ctx.services.db.read(
        [&](db::Connection& c) { return load_writing(c, ctx, m.incident_id, false); }));
    nlohmann::json values = values_of(m.details);
    int version = m.version;
    if (ctx.draft) {
        values = ctx.draft->typed_values();
        version = std::atoi(ctx.draft->get("version").c_str());
    }
    return show_form(ctx, w,
                     {m.details.kind, measure_href(m.id), values, std::nullopt, version, 200});
}

Result<Response> save_amendment(Context& ctx) {
    auto m =
        TRY(ctx.services.db.read([&](db::Connection& c) { return find(c, ctx.param("measure")); }));
    if (!m) {
        return Error::not_found("We could not find that record.");
    }
    const Measure current = *m;
    auto w = TRY(ctx.services.db.read(
        [&](db::Connection& c) { return load_writing(c, ctx, current.incident_id, false); }));
    http::FormReader reader(*ctx.form);
    reader.about_child(ctx.scope.child_born);
    reader.allow("kind");
    const auto version = reader.integer("version", "version", true, 1, 1'000'000'000);
    const std::string reason = reader.text("reason", "why you are amending this record",
                                           {.required = true, .max = 1000, .multiline = true});
    auto details = TRY(read_measure(reader, current.details.kind, w.choosable,
                                    w.incident.details.occurred_at, ctx.now()));
    TRY(ctx.services.db.write([&](db::Connection& c) {
        return intervention::amend(c, current.id, static_cast<int>(version.value_or(0)), details,
                                   label_in(w.choosable.techniques, details.technique),
                                   ctx.scope.organisation_id.value_or(0), reason, ctx.actor(),
                                   ctx.now());
    }));
    if (ctx.request.wants_json()) {
        auto made =
            TRY(ctx.services.db.read([&](db::Connection& c) { return find(c, current.id); }));
        if (!made) {
            return Error::internal("record vanished");
        }
        return Response::json(200, measure_json(*made, w.choosable.staff));
    }
    return Response::redirect(measure_href(current.id) + "?amended=1");
}

// The form again with what was typed; after a conflict it carries the version now current.
Result<Response> amendment_again(Context& ctx, const Error& e) {
    auto m =
        TRY(ctx.services.db.read([&](db::Connection& c) { return find(c, ctx.param("measure")); }));
    if (!m) {
        return Error::not_found("We could not find that record.");
    }
    auto w = TRY(ctx.services.db.read(
        [&](db::Connection& c) { return load_writing(c, ctx, m->incident_id, false); }));
    return show_form(ctx, w,
                     {m->details.kind, measure_href(m->id), http::typed_again(ctx, e, m->version),
                      e, http::version_again(ctx, e, m->version), http::status_for(e.kind)});
}

// -- The two sign-offs ---------------------------------------------------------------------------

struct SignPage {
    Stage stage = Stage::staff;
    nlohmann::json values;
    std::optional<Error> error;
    int status = 200;
};

Result<Response> show_sign(const Context& ctx, const Measure& m,
                           const std::vector<behaviour::Person>& people,
                           const std::vector<Choice>& techniques, const SignPage& p) {
    const bool staff = p.stage == Stage::staff;
    const std::string child = first_word(m.child_name);
    const std::string title =
        staff ? "Sign the record as accurate" : "Confirm you spoke to " + child;
    nlohmann::json errors = nlohmann::json::object();
    nlohmann::json view = {
        {"title", title},
        {"stage", stage_key(p.stage)},
        {"is_staff", staff},
        {"measure", measure_view(m, people, techniques)},
        {"action", measure_href(m.id) + (staff ? "/staff-review" : "/child-review")}};
    if (p.error) {
        view.update(views::errors_view(*p.error));
        errors = view["error_for"];
    }
    std::vector<std::pair<std::string, std::string>> used_by;
    for (auto id : m.details.used_by) {
        used_by.emplace_back(std::to_string(id), behaviour::name_in(people, id));
    }
    nlohmann::json fields = nlohmann::json::array();
    auto f = [&](const views::FieldSpec& spec) { return views::field(spec, p.values, errors); };
    if (staff) {
        fields.push_back(f({"spoke_to", "Who did you speak to?", views::FieldKind::checkboxes,
                            "Everyone who used the measure is spoken to. Anyone you have not "
                            "spoken to yet is shown on the record until someone has",
                            used_by}));
    }
    fields.push_back(f({"spoke_on", staff ? "Day you spoke to them" : "Day you spoke to " + child,
                        views::FieldKind::date}));
    fields.push_back(f({"note", "What you talked about", views::FieldKind::textarea, ""}));
    if (!staff) {
        fields.push_back(f({"child_said", "What " + child + " said about it",
                            views::FieldKind::textarea, "In their words, as far as you can"}));
    }
    fields.push_back(f({"signed",
                        staff ? "I spoke to them about it, and I confirm this record is accurate"
                              : "I spoke to " + child + " about it",
                        views::FieldKind::checkbox}));
    view["fields"] = fields;
    view["version"] = p.values.value("version", std::to_string(m.version));
    return ctx.page("measure_sign", title + " – " + ctx.scope.child_name, view, p.status);
}

struct Loaded {
    Measure measure;
    std::vector<behaviour::Person> people;
    std::vector<Choice> techniques;
};

Result<Loaded> load_measure(const Context& ctx, bool record) {
    return ctx.services.db.write([&](db::Connection& c) -> Result<Loaded> {
        Loaded l;
        auto found = TRY(find(c, ctx.param("measure")));
        if (!found) {
            return Error::not_found("We could not find that record.");
        }
        l.measure = std::move(*found);
        if (record) {
            TRY(record_read(c, l.measure, ctx.actor(), ctx.now()));
        }
        l.people = TRY(behaviour::people_named(c, l.measure.details.used_by));
        l.techniques = TRY(techniques_of(c, ctx.scope.organisation_id.value_or(0)));
        return l;
    });
}

Result<Response> sign_form(Context& ctx, Stage stage) {
    auto l = TRY(load_measure(ctx, true));
    nlohmann::json values = ctx.draft
                                ? ctx.draft->typed_values()
                                : nlohmann::json{{"spoke_on", format_date(ctx.today())},
                                                 {"version", std::to_string(l.measure.version)}};
    return show_sign(ctx, l.measure, l.people, l.techniques, {stage, values, std::nullopt, 200});
}

Result<Response> sign_post(Context& ctx, Stage stage) {
    auto l = TRY(load_measure(ctx, false));
    http::FormReader reader(*ctx.form);
    reader.about_child(ctx.scope.child_born);
    auto input =
        TRY(read_review(reader, stage, local_date_of(l.measure.details.started_at), ctx.today()));
    TRY(ctx.services.db.write([&](db::Connection& c) -> Status {
        auto signer = TRY(signer_for(c, ctx.person, l.measure.home_id));
        return sign(c, l.measure.id, stage, input, signer, ctx.actor(), ctx.now());
    }));
    if (ctx.request.wants_json()) {
        return Response::no_content();
    }
    return Response::redirect(measure_href(l.measure.id) + "?signed=1");
}

// The sign-off form again with what was typed. After a conflict (signed already, or the record
// amended since) the record is read as it now is, and that read is recorded; the form carries its
// version, and the conflict is told at the box that signs.
Result<Response> sign_again(Context& ctx, const Error& e, Stage stage) {
    const bool conflict = e.kind == ErrorKind::conflict;
    auto again = TRY(load_measure(ctx, conflict));
    nlohmann::json values = ctx.form->typed_values();
    if (conflict) {
        values["version"] = std::to_string(again.measure.version);
    }
    const Error shown = conflict ? Error::invalid("signed", e.message) : e;
    return show_sign(ctx, again.measure, again.people, again.techniques,
                     {stage, values, shown, http::status_for(e.kind)});
}

// -- A later conversation with someone the staff sign-off did not name ---------------------------

Result<Response> show_conversation(const Context& ctx, const Loaded& l,
                                   const nlohmann::json& values, const std::optional<Error>& error,
                                   int status) {
    const std::string title = "Record that you spoke to someone who used the measure";
    nlohmann::json errors = nlohmann::json::object();
    nlohmann::json view = {{"title", title},
                           {"measure", measure_view(l.measure, l.people, l.techniques)},
                           {"action", measure_href(l.measure.id) + "/staff-conversations"}};
    if (error) {
        view.update(views::errors_view(*error));
        errors = view["error_for"];
    }
    views::Options owed;
    for (auto id : not_yet_spoken_to(l.measure)) {
        owed.emplace_back(std::to_string(id), behaviour::name_in(l.people, id));
    }
    auto f = [&](const views::FieldSpec& spec) { return views::field(spec, values, errors); };
    view["fields"] = nlohmann::json::array(
        {f({"spoke_to", "Who did you speak to?", views::FieldKind::radios,
            "Someone who used the measure and has not been spoken to", owed}),
         f({"spoke_on", "Day you spoke to them", views::FieldKind::date}),
         f({"note", "What you talked about", views::FieldKind::textarea, ""})});
    view["has_owed"] = !owed.empty();
    return ctx.page("measure_conversation", title + " – " + ctx.scope.child_name, view, status);
}

Result<Response> conversation_form(Context& ctx) {
    auto l = TRY(load_measure(ctx, true));
    const nlohmann::json values = ctx.draft
                                      ? ctx.draft->typed_values()
                                      : nlohmann::json{{"spoke_on", format_date(ctx.today())}};
    return show_conversation(ctx, l, values, std::nullopt, 200);
}

Result<Response> conversation_post(Context& ctx) {
    auto l = TRY(load_measure(ctx, false));
    http::FormReader reader(*ctx.form);
    reader.about_child(ctx.scope.child_born);
    auto input =
        TRY(read_conversation(reader, local_date_of(l.measure.details.started_at), ctx.today()));
    TRY(ctx.services.db.write([&](db::Connection& c) -> Status {
        auto signer = TRY(signer_for(c, ctx.person, l.measure.home_id));
        return record_conversation(c, l.measure.id, input, signer, ctx.actor(), ctx.now());
    }));
    if (ctx.request.wants_json()) {
        return Response::no_content();
    }
    return Response::redirect(measure_href(l.measure.id) + "?signed=1#sign-offs");
}

Result<Response> conversation_again(Context& ctx, const Error& e) {
    auto l = TRY(load_measure(ctx, false));
    return show_conversation(ctx, l, ctx.form->typed_values(), e, http::status_for(e.kind));
}

// The incident page's part: the Reg 35 records written for the incident, for the children whose
// records the reader may see (incident_seen.hpp decides which).
Result<std::string> incident_section(db::Connection& c, const Context& ctx,
                                     const behaviour::SeenIncident& seen) {
    const auto& incident = seen.incident;
    auto measures = TRY(for_incident(c, incident.id));
    auto techniques = TRY(techniques_of(c, ctx.scope.organisation_id.value_or(0)));
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& m : measures) {
        if (std::none_of(
                incident.children.begin(), incident.children.end(),
                [&](const behaviour::IncidentChild& ch) { return ch.child_id == m.child_id; })) {
            continue;
        }
        auto clocks = TRY(deadlines::for_source(c, "measure", m.id));
        rows.push_back({{"measure", measure_view(m, {}, techniques)},
                        {"clocks", clocks_view(clocks, ctx.now())}});
    }
    return views::render(
        "_incident_measures",
        {{"rows", rows},
         {"has_rows", !rows.empty()},
         {"is_restrictive", behaviour::is_restrictive(incident.details.restrictive_measure)}});
}

}  // namespace

void add_measure_routes(http::Router& router, behaviour::IncidentSections& sections) {
    router.add_scope_resolver("measure", resolve_scope);
    sections.add(incident_section);
    const std::string base = "/children/{child}/incidents/{incident}/measures";
    router.add({"GET", base, Action::record_measure, new_form});
    router.add({.method = "POST",
                .pattern = base,
                .action = Action::record_measure,
                .handler = create,
                .max_body = measure_body,
                .again = create_again});
    router.add({"GET", "/measures/{measure}", Action::view_chronology, show});
    router.add({"GET", "/measures/{measure}/amend", Action::record_measure, amend_form});
    router.add({.method = "POST",
                .pattern = "/measures/{measure}",
                .action = Action::record_measure,
                .handler = save_amendment,
                .max_body = measure_body,
                .again = amendment_again});
    router.add({"GET", "/measures/{measure}/staff-review", Action::sign_measure,
                [](Context& ctx) { return sign_form(ctx, Stage::staff); }});
    router.add(
        {.method = "POST",
         .pattern = "/measures/{measure}/staff-review",
         .action = Action::sign_measure,
         .handler = [](Context& ctx) { return sign_post(ctx, Stage::staff); },
         .again = [](Context& ctx, const Error& e) { return sign_again(ctx, e, Stage::staff); }});
    router.add({"GET", "/measures/{measure}/staff-conversations", Action::sign_measure,
                conversation_form});
    router.add({.method = "POST",
                .pattern = "/measures/{measure}/staff-conversations",
                .action = Action::sign_measure,
                .handler = conversation_post,
                .again = conversation_again});
    router.add({"GET", "/measures/{measure}/child-review", Action::sign_measure,
                [](Context& ctx) { return sign_form(ctx, Stage::child); }});
    router.add(
        {.method = "POST",
         .pattern = "/measures/{measure}/child-review",
         .action = Action::sign_measure,
         .handler = [](Context& ctx) { return sign_post(ctx, Stage::child); },
         .again = [](Context& ctx, const Error& e) { return sign_again(ctx, e, Stage::child); }});

    router.add({"POST", "/api/v1/children/{child}/incidents/{incident}/measures",
                Action::record_measure, create, measure_body});
    router.add({"GET", "/api/v1/measures/{measure}", Action::view_chronology, show});
    router.add({"PUT", "/api/v1/measures/{measure}", Action::record_measure, save_amendment,
                measure_body});
    router.add({"POST", "/api/v1/measures/{measure}/staff-review", Action::sign_measure,
                [](Context& ctx) { return sign_post(ctx, Stage::staff); }});
    router.add({"POST", "/api/v1/measures/{measure}/staff-conversations", Action::sign_measure,
                conversation_post});
    router.add({"POST", "/api/v1/measures/{measure}/child-review", Action::sign_measure,
                [](Context& ctx) { return sign_post(ctx, Stage::child); }});
}

}  // namespace hearth::intervention
