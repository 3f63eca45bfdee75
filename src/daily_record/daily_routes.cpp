#include "daily_record/daily_routes.hpp"

#include <fmt/format.h>

#include "children/child_panels.hpp"
#include "children/export/export_sections.hpp"
#include "chronology/chronology_view.hpp"
#include "daily_record/action_store.hpp"
#include "daily_record/capability.hpp"
#include "daily_record/childrens_meeting_routes.hpp"
#include "daily_record/daily_entry.hpp"
#include "daily_record/daily_export.hpp"
#include "daily_record/daily_store.hpp"
#include "daily_record/demo_daily_record.hpp"
#include "daily_record/handover_routes.hpp"
#include "daily_record/talked_about_bullying_routes.hpp"
#include "language/language_checks.hpp"
#include "platform/http/form_again.hpp"
#include "platform/views/form_view.hpp"
#include "platform/views/history_view.hpp"
#include "platform/views/views.hpp"

namespace hearth::daily_record {

namespace {

using http::Context;
using http::Response;
using views::FieldKind;
using views::FieldSpec;

std::string kind_title(EntryKind k) {
    switch (k) {
        case EntryKind::praise:
            return "Praise and achievement";
        case EntryKind::key_work:
            return "Key-work session";
        case EntryKind::note:
            break;
    }
    return "Daily note";
}

nlohmann::json form_fields(EntryKind kind, const std::string& child_name,
                           const nlohmann::json& values, const nlohmann::json& errors,
                           bool amending) {
    auto f = [&](const FieldSpec& spec) { return views::field(spec, values, errors); };
    nlohmann::json when = nlohmann::json::array({
        f({"occurred_on", "Day it happened", FieldKind::date, "For example, 12 5 2026"}),
        f({"occurred_time", "Time it happened", FieldKind::time, "For example, 14:05"}),
    });
    nlohmann::json what = nlohmann::json::array();
    if (kind != EntryKind::praise) {
        what.push_back(f({"category", "What is it about?", FieldKind::radios, "",
                          views::options_of(categories())}));
    }
    if (kind == EntryKind::key_work) {
        what.push_back(f({"topic", "What was the session about?", FieldKind::text,
                          "For example, feeling settled at school"}));
        what.push_back(f({"body",
                          "What you talked about",
                          FieldKind::textarea,
                          "Write it so that " + child_name + " could read it later",
                          {},
                          "",
                          "off",
                          true}));
    } else if (kind == EntryKind::praise) {
        what.push_back(f({"body",
                          "What did " + child_name + " do well?",
                          FieldKind::textarea,
                          "However small: it matters that it is noticed and written down",
                          {},
                          "",
                          "off",
                          true}));
    } else {
        what.push_back(f({"body",
                          "What happened",
                          FieldKind::textarea,
                          "Plain and kind: write it so that " + child_name + " could read it later",
                          {},
                          "",
                          "off",
                          true}));
    }
    what.push_back(f({"child_words", "In " + child_name + "'s own words (optional)",
                      FieldKind::textarea, "What they said, as they said it"}));
    if (kind == EntryKind::key_work) {
        what.push_back(f({"about_bullying", "We talked about bullying", FieldKind::checkbox,
                          "So the home can see that every child has talked about it: what it is, "
                          "who they can tell, and that they will be listened to"}));
    }
    if (kind == EntryKind::key_work && !amending) {
        what.push_back(f({"actions", "Actions agreed (optional)", FieldKind::textarea,
                          "One on each line. They stay open at every handover until done."}));
    }
    what.push_back(f({"significant", "This is a significant event in " + child_name + "'s life",
                      FieldKind::checkbox}));
    what.push_back(
        f({"for_handover", "Tell the next shift about this at handover", FieldKind::checkbox}));
    return {{"when", when}, {"what", what}};
}

nlohmann::json values_of(const EntryDetails& d) {
    return {{"occurred_on", format_date(local_date_of(d.occurred_at))},
            {"occurred_time", format_local_time(d.occurred_at)},
            {"category", d.category},
            {"topic", d.topic},
            {"body", d.body},
            {"child_words", d.child_words},
            {"significant", d.significant ? "yes" : ""},
            {"for_handover", d.for_handover ? "yes" : ""},
            {"about_bullying", d.about_bullying ? "yes" : ""}};
}

nlohmann::json entry_json(const Entry& e) {
    nlohmann::json j = to_json(e.details);
    j["id"] = e.id;
    j["child_id"] = e.child_id;
    j["home_id"] = e.home_id;
    j["author"] = {{"id", e.author_id}, {"name", e.author_name}};
    j["created_at"] = format_utc(e.created_at);
    j["updated_at"] = format_utc(e.updated_at);
    j["version"] = e.version;
    return j;
}

std::string show_value(const std::string& field, const std::string& value) {
    if (field == "occurred_at") {
        if (auto t = parse_utc(value)) {
            return format_local(*t);
        }
    }
    if (field == "category") {
        return category_label(value);
    }
    return value;
}

struct FormPage {
    EntryKind kind = EntryKind::note;
    std::string action;
    nlohmann::json values;
    std::optional<Error> error;
    std::optional<int> version;    // when amending
    std::optional<Entry> current;  // on a conflict: the entry as it is now
    int status = 200;
};

Result<Response> show_form(const Context& ctx, const FormPage& p) {
    const std::string child = ctx.scope.child_name;
    nlohmann::json errors = nlohmann::json::object();
    const std::string title = (p.version ? "Amend: " : "") + kind_title(p.kind) + " for " + child;
    nlohmann::json data = {{"title", title},
                           {"action", p.action},
                           {"kind", kind_key(p.kind)},
                           {"amending", p.version.has_value()},
                           {"kept_draft", ctx.draft.has_value()}};
    if (p.error) {
        data.update(views::errors_view(*p.error));
        errors = data["error_for"];
    }
    data["fields"] = form_fields(p.kind, child, p.values, errors, p.version.has_value());
    if (p.version) {
        data["version"] = *p.version;
        data["reason"] = views::field(
            {"reason", "Why are you amending this entry?", FieldKind::textarea,
             "This is kept with the change. For example, \"Corrected the time: it was after tea\""},
            p.values, errors);
    }
    if (p.current && p.error && p.error->kind == ErrorKind::conflict) {
        data["conflict"] = {{"message", p.error->message},
                            {"updated_by", p.current->updated_by_name},
                            {"body", p.current->details.body},
                            {"child_words", p.current->details.child_words}};
    }
    return ctx.page("daily_entry_form", title, data, p.status);
}

EntryKind kind_asked(const Context& ctx) {
    if (auto k = ctx.request.query_value("kind")) {
        return kind_from_key(*k).value_or(EntryKind::note);
    }
    return EntryKind::note;
}

Result<Response> new_page(Context& ctx) {
    const auto child_id = ctx.param("child");
    const EntryKind kind = ctx.draft
                               ? kind_from_key(ctx.draft->get("kind")).value_or(kind_asked(ctx))
                               : kind_asked(ctx);
    nlohmann::json values = {{"occurred_on", format_date(ctx.today())},
                             {"occurred_time", format_local_time(ctx.now())}};
    if (ctx.draft) {
        values = ctx.draft->typed_values();
    }
    return show_form(ctx, {kind, fmt::format("/children/{}/daily-record", child_id), values,
                           std::nullopt, std::nullopt, std::nullopt, 200});
}

Result<Response> created(Context& ctx, std::int64_t id) {
    if (ctx.request.wants_json()) {
        auto entry = TRY(ctx.services.db.read([&](db::Connection& c) { return find(c, id); }));
        return Response::json(201, entry_json(*entry))
            .header("Location", fmt::format("/api/v1/daily-record/{}", id));
    }
    return Response::redirect(fmt::format("/daily-record/{}?saved=1", id));
}

Result<Response> create(Context& ctx) {
    const auto child_id = ctx.param("child");
    http::FormReader reader(*ctx.form);
    reader.about_child(ctx.scope.child_born);
    const std::string kind_typed =
        reader.choice("kind", "the kind of entry", {"note", "praise", "key_work"}, true);
    const EntryKind kind = kind_from_key(kind_typed).value_or(EntryKind::note);
    const std::string actions_typed =
        kind == EntryKind::key_work
            ? reader.text("actions", "Actions agreed", {.max = 4000, .multiline = true})
            : std::string{};
    auto details = TRY(read_entry(reader, kind, ctx.now()));
    const auto id = TRY(ctx.services.db.write([&](db::Connection& c) {
        return record(c, child_id, *ctx.scope.home_id, details, agreed_actions(actions_typed),
                      ctx.actor(), ctx.now());
    }));
    return created(ctx, id);
}

// The form of the kind that was chosen, with what was typed.
Result<Response> create_again(Context& ctx, const Error& e) {
    const EntryKind kind = kind_from_key(ctx.form->get("kind")).value_or(EntryKind::note);
    return show_form(ctx, {kind, fmt::format("/children/{}/daily-record", ctx.param("child")),
                           ctx.form->typed_values(), e, std::nullopt, std::nullopt, 400});
}

// One tap on a tablet: praise recorded now, back where it was given.
Result<Response> praise(Context& ctx) {
    const auto child_id = ctx.param("child");
    http::FormReader reader(*ctx.form);
    const std::string back = reader.text("return_to", "return_to", {.max = 200});
    auto details = TRY(read_praise(reader, ctx.now()));
    const auto id = TRY(ctx.services.db.write([&](db::Connection& c) {
        return record(c, child_id, *ctx.scope.home_id, details, {}, ctx.actor(), ctx.now());
    }));
    if (ctx.request.wants_json()) {
        return created(ctx, id);
    }
    const std::string to = http::local_path_or(back, fmt::format("/children/{}", child_id));
    return Response::redirect(to + (to.find('?') == std::string::npos ? "?" : "&") + "praised=1");
}

// Shown again on the full praise form, with what was typed, the message at the field, and now as
// the day and time.
Result<Response> praise_again(Context& ctx, const Error& e) {
    nlohmann::json values = ctx.form->typed_values();
    values["occurred_on"] = format_date(ctx.today());
    values["occurred_time"] = format_local_time(ctx.now());
    return show_form(
        ctx, {EntryKind::praise, fmt::format("/children/{}/daily-record", ctx.param("child")),
              values, e, std::nullopt, std::nullopt, 400});
}

Result<Response> show(Context& ctx) {
    const auto entry_id = ctx.param("entry");
    struct Data {
        Entry entry;
        std::vector<amendments::Version> versions;
        std::vector<AgreedAction> actions;
        nlohmann::json findings = nlohmann::json::object();
    };
    // Just saved: what Language that cares noticed, for whoever wrote without JavaScript.
    const bool just_saved = ctx.request.query_value("saved") || ctx.request.query_value("amended");
    auto data = TRY(ctx.services.db.write([&](db::Connection& c) -> Result<Data> {
        Data d;
        auto found = TRY(find(c, entry_id));
        if (!found)
            return Error::not_found("We could not find that entry.");
        d.entry = std::move(*found);
        TRY(record_read(c, d.entry, ctx.actor(), ctx.now()));
        d.versions = TRY(amendments::versions_of(c, "daily_entry", entry_id));
        d.actions = TRY(actions_of(c, "daily_entry", entry_id));
        if (just_saved && can(ctx.person, Action::check_language, Scope{})) {
            d.findings = TRY(language::findings_when_saved(c, "daily_entry", d.entry.id));
        }
        return d;
    }));
    const Entry& e = data.entry;
    if (ctx.request.wants_json()) {
        nlohmann::json j = entry_json(e);
        j["versions"] = amendments::versions_json(data.versions);
        return Response::json(200, j);
    }
    nlohmann::json actions = nlohmann::json::array();
    for (const auto& a : data.actions) {
        actions.push_back({{"id", a.id},
                           {"description", a.description},
                           {"done", a.done},
                           {"done_by", a.done_by_name},
                           {"done_at", a.done_at ? format_local(*a.done_at) : ""},
                           {"done_note", a.done_note},
                           {"version", a.version}});
    }
    const auto& d = e.details;
    const std::string title =
        d.kind == EntryKind::key_work ? "Key-work session: " + d.topic : kind_title(d.kind);
    nlohmann::json page = {
        {"entry", entry_json(e)},
        {"title", title},
        {"category", category_label(d.category)},
        {"is_praise", d.kind == EntryKind::praise},
        {"when", format_local(d.occurred_at)},
        {"body", d.body},
        {"child_words", d.child_words},
        {"has_child_words", !d.child_words.empty()},
        {"signed_by", e.author_name},
        {"signed_at", format_local(e.created_at)},
        {"amended", e.version > 1},
        {"history", views::history_view(data.versions, field_labels(), show_value)},
        {"actions", actions},
        {"has_actions", !actions.empty()},
        {"can_amend", can(ctx.person, Action::amend_daily, ctx.scope)},
        {"can_complete", can(ctx.person, Action::record_daily,
                             Scope{ctx.scope.organisation_id, ctx.scope.home_id})},
        {"saved", ctx.request.query_value("saved").has_value()},
        {"was_amended", ctx.request.query_value("amended").has_value()}};
    page.update(data.findings);
    return ctx.page("daily_entry", title + " – " + ctx.scope.child_name, page);
}

Result<Response> amend_page(Context& ctx) {
    const auto entry_id = ctx.param("entry");
    auto found = TRY(ctx.services.db.write([&](db::Connection& c) -> Result<Entry> {
        auto entry = TRY(find(c, entry_id));
        if (!entry)
            return Error::not_found("We could not find that entry.");
        TRY(record_read(c, *entry, ctx.actor(), ctx.now()));
        return std::move(*entry);
    }));
    nlohmann::json values = values_of(found.details);
    int version = found.version;
    if (ctx.draft) {
        values = ctx.draft->typed_values();
        version = std::atoi(ctx.draft->get("version").c_str());
    }
    return show_form(ctx, {found.details.kind, fmt::format("/daily-record/{}", entry_id), values,
                           std::nullopt, version, std::nullopt, 200});
}

Result<Response> amend_entry(Context& ctx) {
    const auto entry_id = ctx.param("entry");
    auto current = TRY(ctx.services.db.read([&](db::Connection& c) { return find(c, entry_id); }));
    if (!current) {
        return Error::not_found("We could not find that entry.");
    }
    http::FormReader reader(*ctx.form);
    reader.about_child(ctx.scope.child_born);
    reader.allow("kind");
    const auto version = reader.integer("version", "version", true, 1, 1'000'000'000);
    const std::string reason = reader.text("reason", "why you are amending this entry",
                                           {.required = true, .max = 1000, .multiline = true});
    auto details = TRY(read_entry(reader, current->details.kind, ctx.now()));
    TRY(ctx.services.db.write([&](db::Connection& c) {
        return amend(c, entry_id, static_cast<int>(version.value_or(0)), details, reason,
                     ctx.actor(), ctx.now());
    }));
    if (ctx.request.wants_json()) {
        auto entry =
            TRY(ctx.services.db.read([&](db::Connection& c) { return find(c, entry_id); }));
        return Response::json(200, entry_json(*entry));
    }
    return Response::redirect(fmt::format("/daily-record/{}?amended=1", entry_id));
}

// The form again with what was typed; after a conflict, with the entry as it now is (a read,
// recorded like one) and the version the person has now seen.
Result<Response> amend_again(Context& ctx, const Error& e) {
    const auto entry_id = ctx.param("entry");
    auto now_is = TRY(ctx.services.db.write([&](db::Connection& c) -> Result<Entry> {
        auto entry = TRY(find(c, entry_id));
        if (!entry)
            return Error::not_found("We could not find that entry.");
        if (e.kind == ErrorKind::conflict)
            TRY(record_read(c, *entry, ctx.actor(), ctx.now()));
        return std::move(*entry);
    }));
    return show_form(
        ctx, {now_is.details.kind, fmt::format("/daily-record/{}", entry_id),
              http::typed_again(ctx, e, now_is.version), e,
              http::version_again(ctx, e, now_is.version), now_is, http::status_for(e.kind)});
}

Result<Response> action_done(Context& ctx) {
    const auto action_id = ctx.param("action");
    http::FormReader reader(*ctx.form);
    const auto version = reader.integer("version", "version", true, 1, 1'000'000'000);
    const std::string note = reader.text("note", "What was done", {.max = 1000, .multiline = true});
    const std::string back = reader.text("return_to", "return_to", {.max = 200});
    Status checked = reader.finish();
    Status saved = checked.ok() ? ctx.services.db.write([&](db::Connection& c) {
        return mark_done(c, action_id, static_cast<int>(version.value_or(0)), note, ctx.actor(),
                         ctx.now());
    })
                                : checked;
    if (!saved.ok()) {
        return saved.error();
    }
    if (ctx.request.wants_json()) {
        return Response::no_content();
    }
    return Response::redirect(http::local_path_or(
        back, fmt::format("/homes/{}/handover", ctx.scope.home_id.value_or(0))));
}

}  // namespace

void add_routes(http::Router& router) {
    router.add_scope_resolver("entry", resolve_scope);
    router.add_scope_resolver("action", resolve_action_scope);
    router.add({"GET", "/children/{child}/daily-record/new", Action::record_daily, new_page});
    router.add({.method = "POST",
                .pattern = "/children/{child}/daily-record",
                .action = Action::record_daily,
                .handler = create,
                .again = create_again});
    router.add({.method = "POST",
                .pattern = "/children/{child}/praise",
                .action = Action::record_daily,
                .handler = praise,
                .again = praise_again});
    router.add({"GET", "/daily-record/{entry}", Action::view_chronology, show});
    router.add({"GET", "/daily-record/{entry}/amend", Action::amend_daily, amend_page});
    router.add({.method = "POST",
                .pattern = "/daily-record/{entry}",
                .action = Action::amend_daily,
                .handler = amend_entry,
                .again = amend_again});
    router.add({"POST", "/actions/{action}/done", Action::record_daily, action_done});

    router.add({"POST", "/api/v1/children/{child}/daily-record", Action::record_daily, create});
    router.add({"GET", "/api/v1/daily-record/{entry}", Action::view_chronology, show});
    router.add({"PUT", "/api/v1/daily-record/{entry}", Action::amend_daily, amend_entry});
    router.add({"POST", "/api/v1/actions/{action}/done", Action::record_daily, action_done});
}

namespace {

// The latest of the child's chronology on their Overview, with praise given in one tap.
Result<std::string> recent_panel(db::Connection& c, const http::Context& ctx,
                                 const children::Child& child, const chronology::Kinds& kinds) {
    nlohmann::json moments = nlohmann::json::array();
    for (const auto& m : praise_moments()) {
        moments.push_back({{"key", m.key}, {"label", m.label}});
    }
    return views::render("_child_recent",
                         {{"recent", TRY(chronology::recent_view(c, kinds, child.id, 6))},
                          {"praise_moments", moments},
                          {"can_record", can(ctx.person, Action::record_daily, ctx.scope)},
                          {"child", {{"id", child.id}, {"first_name", child.details.first_name}}},
                          {"csrf_token", ctx.csrf_token()}});
}

}  // namespace

const Capability capability{
    "Daily record", [](Registry& r) {
        auto& kinds = r.at<chronology::Kinds>();
        kinds.add({{"daily_note", "Daily note"},
                   {"praise", "Praise and achievement"},
                   {"key_work", "Key-work session"},
                   {"childrens_meeting", "Children's meeting"}});
        add_routes(r.router);
        add_handover_routes(r.router, kinds, r.at<HandoverParts>());
        add_meeting_routes(r.router);
        add_talked_about_bullying_routes(r.router);
        auto& demo_parts = r.at<demo::DemoParts>();
        demo_parts.add({10, demo::add_daily_record});
        demo_parts.add({95, demo::add_older_notes});
        auto& sections = r.at<children::ExportSections>();
        sections.add(daily_record_export_section());
        sections.add(childrens_meetings_export_section());
        r.at<children::ChildPanels>().add({20, [&kinds](db::Connection& c, const http::Context& ctx,
                                                        const children::Child& child) {
                                               return recent_panel(c, ctx, child, kinds);
                                           }});
    }};

}  // namespace hearth::daily_record
