// The incident pages: a home's incidents, a child's, the form that records one (showing what
// helps each child while it is filled in), the incident's own page with everything that followed
// it, and its amendment.
#include <fmt/format.h>

#include <algorithm>
#include <charconv>

#include "behaviour/after_incident_store.hpp"
#include "behaviour/incident_form.hpp"
#include "behaviour/incident_lists.hpp"
#include "behaviour/incident_pages.hpp"
#include "behaviour/incident_record.hpp"
#include "behaviour/incident_views.hpp"
#include "behaviour/warmth_view.hpp"
#include "deadlines/deadline_store.hpp"
#include "deadlines/deadline_view.hpp"
#include "language/language_checks.hpp"
#include "plans/behaviour_support.hpp"
#include "platform/http/form_again.hpp"
#include "platform/views/form_view.hpp"
#include "platform/views/history_view.hpp"
#include "platform/views/views.hpp"
#include "team/rota_store.hpp"

namespace hearth::behaviour::pages {

using http::Context;
using http::Response;

namespace {

constexpr int page_size = 25;

std::optional<std::int64_t> query_id(const Context& ctx, const std::string& name) {
    auto text = ctx.request.query_value(name);
    if (!text) {
        return std::nullopt;
    }
    std::int64_t id = 0;
    auto [p, ec] = std::from_chars(text->data(), text->data() + text->size(), id);
    if (ec != std::errc{} || p != text->data() + text->size() || id < 1) {
        return std::nullopt;
    }
    return id;
}

// The children a form is about, from what was typed or the link it was opened from.
std::vector<std::int64_t> children_in(const nlohmann::json& values) {
    std::vector<std::int64_t> out;
    if (!values.contains("children")) {
        return out;
    }
    auto add = [&](const nlohmann::json& v) {
        std::int64_t id = 0;
        const std::string s = v.is_string() ? v.get<std::string>() : v.dump();
        auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), id);
        if (ec == std::errc{} && id > 0) {
            out.push_back(id);
        }
    };
    if (values["children"].is_array()) {
        for (const auto& v : values["children"]) {
            add(v);
        }
    } else {
        add(values["children"]);
    }
    return out;
}

// What helps each child, from their individual behaviour plan, for the form's side.
Result<nlohmann::json> what_helps(db::Connection& c, const Choosable& choosable,
                                  const std::vector<std::int64_t>& children) {
    nlohmann::json out = nlohmann::json::array();
    for (auto id : children) {
        if (std::none_of(choosable.children.begin(), choosable.children.end(),
                         [&](const Person& p) { return p.id == id; })) {
            continue;
        }
        auto s = TRY(plans::behaviour_support(c, id));
        out.push_back({{"name", first_word(name_in(choosable.children, id))},
                       {"has_plan", s.has_plan},
                       {"href", s.href},
                       {"what_helps", s.what_helps},
                       {"staff_response", s.staff_response},
                       {"triggers", s.triggers},
                       {"has_what_helps", !s.what_helps.empty()},
                       {"has_staff_response", !s.staff_response.empty()}});
    }
    return out;
}

std::string joined_labels(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& i : items) {
        out += (out.empty() ? "" : "; ") + i;
    }
    return out;
}

nlohmann::json steps_view() {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& s : deescalation_steps()) {
        out.push_back(s.label);
    }
    return out;
}

struct FormPage {
    std::string action;
    nlohmann::json values;
    std::optional<Error> error;
    std::optional<int> version;  // when amending
    std::optional<Incident> current;
    int status = 200;
};

Result<Response> show_form(const Context& ctx, const FormPage& p) {
    const std::int64_t home_id = ctx.scope.home_id.value_or(0);
    struct Data {
        Choosable choosable;
        nlohmann::json helps;
    };
    auto data = TRY(ctx.services.db.read([&](db::Connection& c) -> Result<Data> {
        Data d;
        d.choosable = TRY(choosable_in(c, home_id));
        for (const auto& s : TRY(team::on_shift_now(c, home_id, ctx.now()))) {
            if (s.person_id) {
                d.choosable.on_shift.push_back(*s.person_id);
            }
        }
        if (p.current) {
            // An amendment may name those who have since left or moved on.
            for (const auto& ch : p.current->children) {
                if (std::none_of(d.choosable.children.begin(), d.choosable.children.end(),
                                 [&](const Person& x) { return x.id == ch.child_id; }))
                    d.choosable.children.push_back({ch.child_id, ch.name});
            }
        }
        d.helps = TRY(what_helps(c, d.choosable, children_in(p.values)));
        return d;
    }));
    const std::string title = p.version ? "Amend an incident" : "Record an incident";
    nlohmann::json errors = nlohmann::json::object();
    nlohmann::json view = {{"title", title},
                           {"action", p.action},
                           {"amending", p.version.has_value()},
                           {"home", {{"id", home_id}, {"name", ctx.scope.home_name}}},
                           {"kept_draft", ctx.draft.has_value()},
                           {"helps", data.helps},
                           {"has_helps", !data.helps.empty()},
                           {"steps", steps_view()}};
    if (p.error) {
        view.update(views::errors_view(*p.error));
        errors = view["error_for"];
    }
    view["fields"] = incident_fields(data.choosable, p.values, errors);
    if (p.version) {
        view["version"] = *p.version;
        view["reason"] = views::field(
            {"reason", "Why are you amending this incident?", views::FieldKind::textarea,
             "This is kept with the change, beside what it said before"},
            p.values, errors);
    }
    if (p.current && p.error && p.error->kind == ErrorKind::conflict) {
        view["conflict"] = {{"message", p.error->message},
                            {"updated_by", p.current->updated_by_name},
                            {"behaviour", p.current->details.behaviour},
                            {"afterwards", p.current->details.afterwards}};
    }
    return ctx.page("incident_form", title, view, p.status);
}

std::string first_readable_href(const SeenIncident& seen) {
    const auto& readable = seen.incident.children;
    return readable.empty() ? std::string{}
                            : incident_href(readable.front().child_id, seen.incident.id);
}

// A row of a list. An incident about no child the reader may read about shows only that it
// happened: not what was written.
nlohmann::json row_view(const SeenIncident& seen, bool show_children) {
    const auto& d = seen.incident.details;
    std::string names;
    for (const auto& ch : seen.children) {
        names += (names.empty() ? "" : ", ") + ch.name;
    }
    return {{"href", first_readable_href(seen)},
            {"when", format_local(d.occurred_at)},
            {"title", title_of(d)},
            {"children", names},
            {"show_children", show_children},
            {"is_restrictive", is_restrictive(d.restrictive_measure)},
            {"restrictive", label_in(restrictive_measures(), d.restrictive_measure)},
            {"is_notifiable", !d.notifiable.empty()},
            {"summary", seen.withheld() ? std::string{} : chronology::summarise(d.behaviour, 160)}};
}

std::optional<chronology::Cursor> cursor_asked(const Context& ctx) {
    if (auto before = ctx.request.query_value("before")) {
        return chronology::decode(*before);
    }
    return std::nullopt;
}

Result<IncidentDetails> read_form(const Context& ctx, http::FormReader& reader) {
    const std::int64_t home_id = ctx.scope.home_id.value_or(0);
    auto choosable =
        TRY(ctx.services.db.read([&](db::Connection& c) { return choosable_in(c, home_id); }));
    return read_incident(reader, choosable, ctx.now());
}

}  // namespace

Home home_of(const Context& ctx) {
    return {ctx.scope.home_id.value_or(0), ctx.scope.organisation_id.value_or(0)};
}

std::string first_word(const std::string& name) {
    return name.substr(0, name.find(' '));
}

Result<Incident> load_incident(db::Connection& c, const Context& ctx, bool record) {
    auto found = TRY(find(c, ctx.param("incident")));
    if (!found) {
        return Error::not_found("We could not find that incident.");
    }
    if (record) {
        TRY(record_read(c, *found, ctx.actor(), ctx.now()));
    }
    return std::move(*found);
}

// The incident as its reader may see it, for the API's answer to a save.
Result<SeenIncident> seen_after_save(const Context& ctx, std::int64_t id) {
    return ctx.services.db.read([&](db::Connection& c) -> Result<SeenIncident> {
        auto made = TRY(find(c, id));
        if (!made) {
            return Error::internal("incident vanished");
        }
        auto staff = TRY(staff_named(c, {*made}));
        return seen_by(ctx.reader(), std::move(*made), std::move(staff));
    });
}

Result<Response> home_list(Context& ctx) {
    if (ctx.draft && can(ctx.person, Action::record_incident, ctx.scope)) {
        return new_form(ctx);
    }
    const std::int64_t home_id = ctx.scope.home_id.value_or(0);
    auto page = TRY(ctx.services.db.read(
        [&](db::Connection& c) { return for_home(c, home_id, cursor_asked(ctx), page_size); }));
    std::vector<SeenIncident> seen;
    for (auto& i : page.incidents) {
        seen.push_back(seen_by(ctx.reader(), std::move(i), page.staff));
    }
    if (ctx.request.wants_json()) {
        nlohmann::json out = {{"incidents", nlohmann::json::array()}, {"next", nullptr}};
        for (const auto& i : seen) {
            if (!i.withheld()) {
                out["incidents"].push_back(incident_json(i));
            }
        }
        if (page.next) {
            out["next"] = chronology::encode(*page.next);
        }
        return Response::json(200, out);
    }
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& i : seen) {
        rows.push_back(row_view(i, true));
    }
    nlohmann::json view = {
        {"home", {{"id", home_id}, {"name", ctx.scope.home_name}}},
        {"rows", rows},
        {"has_rows", !rows.empty()},
        {"can_record", can(ctx.person, Action::record_incident, ctx.scope)},
        {"can_figures", can(ctx.person, Action::view_behaviour_figures, ctx.scope)},
        {"older", page.next ? fmt::format("/homes/{}/incidents?before={}", home_id,
                                          chronology::encode(*page.next))
                            : ""},
        {"is_later_page", ctx.request.query_value("before").has_value()}};
    return ctx.page("incidents", "Incidents: " + ctx.scope.home_name, view);
}

Result<Response> new_form(Context& ctx) {
    const std::int64_t home_id = ctx.scope.home_id.value_or(0);
    nlohmann::json values =
        ctx.draft ? ctx.draft->typed_values() : first_values(ctx.now(), query_id(ctx, "child"));
    return show_form(ctx, {fmt::format("/homes/{}/incidents", home_id), values, std::nullopt,
                           std::nullopt, std::nullopt, 200});
}

Result<Response> create(Context& ctx) {
    http::FormReader reader(*ctx.form);
    auto details = TRY(read_form(ctx, reader));
    const auto id = TRY(ctx.services.db.write([&](db::Connection& c) {
        return record(c, home_of(ctx), details, ctx.actor(), ctx.now());
    }));
    const std::int64_t first_child = details.children.front();
    if (ctx.request.wants_json()) {
        return Response::json(201, incident_json(TRY(seen_after_save(ctx, id))))
            .header("Location", fmt::format("/api/v1/children/{}/incidents/{}", first_child, id));
    }
    return Response::redirect(incident_href(first_child, id) + "?saved=1");
}

Result<Response> create_again(Context& ctx, const Error& e) {
    return show_form(ctx, {fmt::format("/homes/{}/incidents", ctx.scope.home_id.value_or(0)),
                           ctx.form->typed_values(), e, std::nullopt, std::nullopt, 400});
}

Result<Response> child_list(Context& ctx) {
    const std::int64_t child_id = ctx.scope.child_id.value_or(0);
    struct Data {
        Page page;
        nlohmann::json warmth;
    };
    auto data = TRY(ctx.services.db.write([&](db::Connection& c) -> Result<Data> {
        Data d;
        d.page = TRY(for_child(c, child_id, cursor_asked(ctx), page_size));
        d.warmth = TRY(child_warmth_view(c, child_id, first_word(ctx.scope.child_name), ctx.now()));
        TRY(audit::append(c, ctx.actor(),
                          {"read", "incidents", std::to_string(child_id), ctx.scope.home_id,
                           child_id, "the child's incidents"},
                          ctx.now()));
        return d;
    }));
    std::vector<SeenIncident> seen;
    for (auto& i : data.page.incidents) {
        seen.push_back(seen_by(ctx.reader(), std::move(i), data.page.staff));
    }
    if (ctx.request.wants_json()) {
        nlohmann::json out = {{"incidents", nlohmann::json::array()},
                              {"warmth", data.warmth["api"]},
                              {"next", nullptr}};
        for (const auto& i : seen) {
            out["incidents"].push_back(incident_json(i));
        }
        if (data.page.next) {
            out["next"] = chronology::encode(*data.page.next);
        }
        return Response::json(200, out);
    }
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& i : seen) {
        rows.push_back(row_view(i, false));
    }
    nlohmann::json view = {
        {"first_name", first_word(ctx.scope.child_name)},
        {"rows", rows},
        {"has_rows", !rows.empty()},
        {"warmth", data.warmth},
        {"can_record",
         can(ctx.person, Action::record_incident, ctx.scope) && !ctx.scope.child_has_left},
        {"new_href",
         fmt::format("/homes/{}/incidents/new?child={}", ctx.scope.home_id.value_or(0), child_id)},
        {"older", data.page.next ? fmt::format("/children/{}/incidents?before={}", child_id,
                                               chronology::encode(*data.page.next))
                                 : ""}};
    return ctx.page("child_incidents", "Behaviour and warmth: " + ctx.scope.child_name, view);
}

Result<Response> show(Context& ctx, const IncidentSections& sections) {
    if (ctx.draft && can(ctx.person, Action::amend_incident, ctx.scope)) {
        return amend_form(ctx);
    }
    const bool just_saved = ctx.request.query_value("saved") || ctx.request.query_value("amended");
    struct Data {
        SeenIncident seen;
        std::vector<plans::BehaviourSupport> support;  // for each child the reader sees
        std::vector<std::string> sections_html;
        nlohmann::json findings = nlohmann::json::object();
    };
    auto data = TRY(ctx.services.db.write([&](db::Connection& c) -> Result<Data> {
        auto incident = TRY(load_incident(c, ctx, true));
        auto all = TRY(everything_of(c, std::move(incident)));
        Data d;
        d.seen = seen_by(ctx.reader(), std::move(all));
        for (const auto& ch : d.seen.incident.children) {
            auto s = TRY(plans::behaviour_support(c, ch.child_id));
            d.support.push_back(std::move(s));
        }
        for (const auto& section : sections.all()) {
            auto html = TRY(section(c, ctx, d.seen));
            if (!html.empty())
                d.sections_html.push_back(std::move(html));
        }
        if (just_saved && can(ctx.person, Action::check_language, Scope{})) {
            d.findings = TRY(language::findings_when_saved(c, "incident", d.seen.incident.id));
        }
        return d;
    }));
    const SeenIncident& seen = data.seen;
    const Incident& i = seen.incident;
    if (ctx.request.wants_json()) {
        nlohmann::json j = incident_json(seen);
        j["after"] = after_json(seen.after);
        j["clocks"] = nlohmann::json::array();
        for (const auto& d : seen.clocks) {
            j["clocks"].push_back(deadlines::deadline_view(d, ctx.now()));
        }
        return Response::json(200, j);
    }
    const auto& after = seen.after;
    const bool can_record = can(ctx.person, Action::record_incident, ctx.scope);
    const std::string base = incident_href(ctx.scope.child_id.value_or(0), i.id);

    // Each child the reader sees: their accounts and debriefs, and whether their plan asks a
    // review.
    nlohmann::json children = nlohmann::json::array();
    for (std::size_t k = 0; k < i.children.size(); ++k) {
        const auto& ch = i.children[k];
        nlohmann::json accounts = nlohmann::json::array();
        for (const auto& a : after.accounts) {
            if (a.child_id == ch.child_id) {
                accounts.push_back({{"when", format_local(a.given_at)},
                                    {"words", a.words},
                                    {"declined", a.declined},
                                    {"heard_by", a.heard_by_name}});
            }
        }
        nlohmann::json debriefs = nlohmann::json::array();
        for (const auto& d : after.child_debriefs) {
            if (d.child_id == ch.child_id) {
                debriefs.push_back({{"when", format_local(d.held_at)},
                                    {"held_by", d.held_by_name},
                                    {"felt", d.felt},
                                    {"would_help", d.would_help},
                                    {"repair", d.repair},
                                    {"child_words", d.child_words},
                                    {"declined", d.declined},
                                    {"written_by", d.written_by_name}});
            }
        }
        const auto& support = data.support[k];
        children.push_back(
            {{"id", ch.child_id},
             {"name", ch.name},
             {"first_name", first_word(ch.name)},
             {"accounts", accounts},
             {"has_accounts", !accounts.empty()},
             {"debriefs", debriefs},
             {"has_debriefs", !debriefs.empty()},
             {"account_href", fmt::format("{}/accounts?child={}", base, ch.child_id)},
             {"debrief_href", fmt::format("{}/child-debriefs?child={}", base, ch.child_id)},
             {"review_prompted", plans::review_prompted(support, i.details.occurred_at)},
             {"has_plan", support.has_plan},
             {"plan_href", support.has_plan ? support.new_version_href : support.href}});
    }
    // Who should be offered a staff debrief, and who has had one.
    nlohmann::json staff_debriefs = nlohmann::json::array();
    for (auto person : staff_to_debrief(i.details)) {
        const bool done = std::any_of(after.staff_debriefs.begin(), after.staff_debriefs.end(),
                                      [&](const auto& d) { return d.person_id == person; });
        staff_debriefs.push_back(
            {{"name", name_in(seen.staff, person)},
             {"done", done},
             {"href", fmt::format("{}/staff-debriefs?person={}", base, person)}});
    }
    nlohmann::json staff_done = nlohmann::json::array();
    for (const auto& d : after.staff_debriefs) {
        staff_done.push_back({{"name", d.person_name},
                              {"when", format_local(d.held_at)},
                              {"held_by", d.held_by_name},
                              {"wellbeing", label_in(wellbeing_levels(), d.wellbeing)},
                              {"needs_manager", needs_manager(d)},
                              {"how_they_are", d.how_they_are},
                              {"learnt", d.learnt},
                              {"support", joined_labels(labels_in(staff_support(), d.support))},
                              {"support_note", d.support_note},
                              {"learning", d.learning},
                              {"shared", d.share_learning}});
    }
    nlohmann::json told = nlohmann::json::array();
    for (const auto& n : after.notifications) {
        std::string about;
        for (const auto& ch : i.children) {
            if (n.child_id && ch.child_id == *n.child_id) {
                about = ch.name;
            }
        }
        told.push_back({{"who", label_in(recipients(), n.recipient)},
                        {"named", n.named},
                        {"about", about},
                        {"how", label_in(methods(), n.method)},
                        {"when", format_local(n.notified_at)},
                        {"reference", n.reference},
                        {"recorded_by", n.recorded_by_name}});
    }
    nlohmann::json restorative = nlohmann::json::array();
    for (const auto& f : after.restorative) {
        restorative.push_back({{"form", label_in(restorative_forms(), f.form)},
                               {"when", format_local(f.held_at)},
                               {"taking_part", f.taking_part},
                               {"outcome", f.outcome},
                               {"agreed", f.agreed},
                               {"written_by", f.written_by_name}});
    }
    nlohmann::json clocks = nlohmann::json::array();
    for (const auto& d : seen.clocks) {
        clocks.push_back(deadlines::deadline_view(d, ctx.now()));
    }
    nlohmann::json sections_html = nlohmann::json::array();
    for (const auto& html : data.sections_html) {
        sections_html.push_back({{"html", html}});
    }
    nlohmann::json serious = nlohmann::json::array();
    for (const auto& e : seen.serious_events) {
        const auto owed = notifications::still_to_tell(e.recipients);
        serious.push_back(
            {{"label", label_in(notifiable_events(), e.event)},
             {"child_name", e.child_name},
             {"href", fmt::format("/children/{}/serious-events/{}", e.child_id.value_or(0), e.id)},
             {"withdrawn", !e.withdrawn_reason.empty()},
             {"still_to_tell", joined_labels(owed)},
             {"all_told", owed.empty()}});
    }
    nlohmann::json view = {
        {"incident", incident_view(seen)},
        {"children", children},
        {"staff_to_debrief", staff_debriefs},
        {"needs_staff_debriefs", needs_staff_debriefs(i.details)},
        {"staff_debriefs", staff_done},
        {"has_staff_debriefs", !staff_done.empty()},
        {"told", told},
        {"has_told", !told.empty()},
        {"serious_events", serious},
        {"has_serious_events", !serious.empty()},
        {"restorative", restorative},
        {"has_restorative", !restorative.empty()},
        {"clocks", clocks},
        {"has_clocks", !clocks.empty()},
        {"sections", sections_html},
        {"history", views::history_view(seen.versions, field_labels(),
                                        [&](const std::string& f, const std::string& v) {
                                            return shown_value(seen, f, v);
                                        })},
        {"base", base},
        {"can_record", can_record},
        {"can_amend", can(ctx.person, Action::amend_incident, ctx.scope)},
        {"can_measure", can(ctx.person, Action::record_measure, ctx.scope) &&
                            is_restrictive(i.details.restrictive_measure)},
        {"saved", ctx.request.query_value("saved").has_value()},
        {"was_amended", ctx.request.query_value("amended").has_value()},
        {"added", ctx.request.query_value("added").value_or("")},
        {"has_added", ctx.request.query_value("added").has_value()}};
    view.update(data.findings);
    return ctx.page("incident", title_of(i.details) + " – " + ctx.scope.child_name, view);
}

Result<Response> amend_form(Context& ctx) {
    auto found =
        TRY(ctx.services.db.write([&](db::Connection& c) { return load_incident(c, ctx, true); }));
    nlohmann::json values = values_of(found.details);
    int version = found.version;
    if (ctx.draft) {
        values = ctx.draft->typed_values();
        version = std::atoi(ctx.draft->get("version").c_str());
    }
    return show_form(ctx, {incident_href(ctx.scope.child_id.value_or(0), found.id), values,
                           std::nullopt, version, found, 200});
}

Result<Response> amend(Context& ctx) {
    auto current =
        TRY(ctx.services.db.read([&](db::Connection& c) { return load_incident(c, ctx, false); }));
    http::FormReader reader(*ctx.form);
    const auto version = reader.integer("version", "version", true, 1, 1'000'000'000);
    const std::string reason = reader.text("reason", "why you are amending this incident",
                                           {.required = true, .max = 1000, .multiline = true});
    auto details = TRY(read_form(ctx, reader));
    TRY(ctx.services.db.write([&](db::Connection& c) {
        return behaviour::amend(c, home_of(ctx), current.id, static_cast<int>(version.value_or(0)),
                                details, reason, ctx.actor(), ctx.now());
    }));
    if (ctx.request.wants_json()) {
        return Response::json(200, incident_json(TRY(seen_after_save(ctx, current.id))));
    }
    return Response::redirect(incident_href(ctx.scope.child_id.value_or(0), current.id) +
                              "?amended=1");
}

// After a conflict the incident as it now is is read again, and that read is audited.
Result<Response> amend_again(Context& ctx, const Error& e) {
    auto now_is = TRY(ctx.services.db.write(
        [&](db::Connection& c) { return load_incident(c, ctx, e.kind == ErrorKind::conflict); }));
    const int shown = http::version_again(ctx, e, now_is.version);
    return show_form(ctx, {incident_href(ctx.scope.child_id.value_or(0), now_is.id),
                           http::typed_again(ctx, e, now_is.version), e, shown, now_is,
                           http::status_for(e.kind)});
}

}  // namespace hearth::behaviour::pages
