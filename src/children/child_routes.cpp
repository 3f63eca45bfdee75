#include "children/child_routes.hpp"

#include <fmt/format.h>

#include "children/child_store.hpp"
#include "chronology/chronology_view.hpp"
#include "daily_record/daily_entry.hpp"
#include "organisation/homes.hpp"
#include "platform/views/form_view.hpp"
#include "platform/views/views.hpp"

namespace hearth::children {

namespace {

using http::Context;
using http::Response;
using views::FieldKind;

Date today(const Context& ctx) {
    return local_date_of(ctx.now());
}

std::vector<std::pair<std::string, std::string>> options(const std::vector<Choice>& choices) {
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& c : choices)
        out.emplace_back(c.key, c.label);
    return out;
}

nlohmann::json child_json(const Child& ch, Date on) {
    nlohmann::json j = to_json(ch.details);
    j["id"] = ch.id;
    j["home_id"] = ch.home_id;
    j["version"] = ch.version;
    j["created_at"] = ch.created_at;
    j["updated_at"] = ch.updated_at;
    j["age"] = age_on(ch.details, on);
    j["key_workers"] = nlohmann::json::array();
    for (const auto& k : ch.key_workers)
        j["key_workers"].push_back({{"person_id", k.person_id}, {"name", k.name}});
    return j;
}

nlohmann::json summary_rows(const Child& ch, Date on) {
    const auto& d = ch.details;
    auto row = [](const std::string& key, const std::string& value) {
        return nlohmann::json{{"key", key},
                              {"value", value.empty() ? "Not recorded" : value},
                              {"missing", value.empty()}};
    };
    std::string key_workers;
    for (const auto& k : ch.key_workers)
        key_workers += (key_workers.empty() ? "" : ", ") + k.name;
    return nlohmann::json::array({
        row("Legal name", d.first_name + " " + d.last_name),
        row("Preferred name", d.preferred_name),
        row("Previous names", d.previous_names),
        row("Date of birth",
            format_local_date(d.date_of_birth) + fmt::format(" (age {})", age_on(d, on))),
        row("Sex", label_of(sexes(), d.sex)),
        row("Pronouns", d.pronouns),
        row("Religion", d.religion),
        row("Ethnicity", d.ethnicity),
        row("Language and cultural background", d.language),
        row("Legal basis of placement", label_of(legal_bases(), d.legal_basis)),
        row("Placing authority", d.placing_authority),
        row("Placing authority contact", d.placing_authority_contact),
        row("Social worker", d.social_worker_name),
        row("Admission date", format_local_date(d.admission_date)),
        row("Key workers", key_workers),
        row("Independent person may read this record",
            d.reg44_consent ? "Yes: the child and the placing authority agreed" : "No"),
    });
}

Result<std::vector<std::pair<std::string, std::string>>> staff_options(db::Connection& c,
                                                                       std::int64_t home_id) {
    TRY(auto people, organisation::people_of_home(c, home_id));
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& p : people) {
        bool staff = std::any_of(p.roles.begin(), p.roles.end(), [](Role r) {
            return r == Role::registered_manager || r == Role::deputy || r == Role::support_worker;
        });
        if (staff && !p.disabled)
            out.emplace_back(std::to_string(p.person_id), p.name);
    }
    return out;
}

// The admit and amend form: one template, with values from the record, the typed form or a kept
// draft.
nlohmann::json form_fields(const nlohmann::json& values, const nlohmann::json& errors,
                           const std::vector<std::pair<std::string, std::string>>& staff) {
    using views::FieldSpec;
    auto f = [&](FieldSpec spec) { return views::field(spec, values, errors); };
    nlohmann::json about = nlohmann::json::array({
        f({"first_name",
           "First name",
           FieldKind::text,
           "Their legal first name",
           {},
           "govuk-input--width-20"}),
        f({"last_name", "Last name", FieldKind::text, "", {}, "govuk-input--width-20"}),
        f({"preferred_name",
           "Preferred name (optional)",
           FieldKind::text,
           "The name they like to be called: Hearth shows it first",
           {},
           "govuk-input--width-20"}),
        f({"previous_names", "Previous names (optional)", FieldKind::text, "", {}, ""}),
        f({"date_of_birth", "Date of birth", FieldKind::date, "For example, 27 3 2012", {}, ""}),
        f({"sex", "Sex", FieldKind::radios, "", options(sexes()), ""}),
        f({"pronouns",
           "Pronouns (optional)",
           FieldKind::text,
           "For example, she/her, he/him, they/them",
           {},
           "govuk-input--width-10"}),
        f({"religion", "Religion (optional)", FieldKind::text, "", {}, "govuk-input--width-20"}),
        f({"ethnicity", "Ethnicity (optional)", FieldKind::text, "", {}, "govuk-input--width-20"}),
        f({"language",
           "Language and cultural background (optional)",
           FieldKind::textarea,
           "First language, and what matters to them about their culture",
           {},
           ""}),
    });
    nlohmann::json placement = nlohmann::json::array({
        f({"legal_basis", "Legal basis of the placement", FieldKind::radios, "",
           options(legal_bases()), ""}),
        f({"placing_authority",
           "Placing authority",
           FieldKind::text,
           "The local authority that placed them",
           {},
           ""}),
        f({"placing_authority_contact",
           "Named contact at the placing authority (optional)",
           FieldKind::text,
           "Name, and phone or email",
           {},
           ""}),
        f({"social_worker_name", "Social worker (optional)", FieldKind::text, "", {}, ""}),
        f({"admission_date",
           "Admission date",
           FieldKind::date,
           "The day they came to live here",
           {},
           ""}),
        f({"key_workers", "Key workers (optional)", FieldKind::checkboxes, "Staff of this home",
           staff, ""}),
        f({"reg44_consent",
           "The child and the placing authority agree that the independent person (Reg 44) may "
           "read this case record",
           FieldKind::checkbox,
           "",
           {},
           ""}),
    });
    return {{"about", about}, {"placement", placement}};
}

nlohmann::json values_from_form(const http::FormData& form) {
    nlohmann::json v = form.typed_values();
    return v;
}

Response show_form(const Context& ctx, const std::string& title, const std::string& action,
                   const nlohmann::json& values, const std::optional<Error>& error,
                   std::optional<int> version, const std::optional<Child>& current,
                   std::int64_t home_id, int status) {
    auto staff = ctx.services.db.read([&](db::Connection& c) { return staff_options(c, home_id); });
    if (!staff.ok())
        return ctx.error(staff.error());
    nlohmann::json errors = nlohmann::json::object();
    nlohmann::json data = {{"title", title},
                           {"action", action},
                           {"amending", version.has_value()},
                           {"kept_draft", ctx.draft.has_value()}};
    if (error) {
        data.update(views::errors_view(*error));
        errors = data["error_for"];
    }
    data["fields"] = form_fields(values, errors, staff.value());
    if (version) {
        data["version"] = *version;
        data["reason"] =
            views::field({"reason", "Why are you changing this record?", FieldKind::textarea,
                          "This is kept with the change. For example, \"Corrected spelling of "
                          "surname from birth certificate\""},
                         values, errors);
    }
    if (current && error && error->kind == ErrorKind::conflict) {
        data["conflict"] = {{"message", error->message},
                            {"rows", summary_rows(*current, today(ctx))},
                            {"updated_by", current->updated_by_name}};
    }
    return ctx.page("child_form", title, data, status);
}

nlohmann::json praise_moments_view() {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& m : daily_record::praise_moments())
        out.push_back({{"key", m.key}, {"label", m.label}});
    return out;
}

Response new_page(Context& ctx);
Response edit_page(Context& ctx);

Response list_page(Context& ctx) {
    const auto home_id = ctx.param("home");
    // After an idle sign-out a kept draft comes back to the address the admit form posts to: show
    // that form again with what was typed, rather than the list.
    if (ctx.draft && can(ctx.person, Action::admit_child, ctx.scope))
        return new_page(ctx);
    struct Data {
        std::optional<organisation::Home> home;
        std::vector<Child> children;
    };
    auto data = ctx.services.db.read([&](db::Connection& c) -> Result<Data> {
        Data d;
        TRY(d.home, organisation::find_home(c, home_id));
        TRY(d.children, in_home(c, home_id));
        return d;
    });
    if (!data.ok())
        return ctx.error(data.error());
    if (ctx.request.wants_json()) {
        nlohmann::json list = nlohmann::json::array();
        for (const auto& ch : data->children) {
            // Everyone who may see the home gets the list, the independent person too; a child's
            // case record comes with it only where they may open that record (Reg 44 consent).
            Scope child_scope = ctx.scope;
            child_scope.child_id = ch.id;
            child_scope.reg44_consent = ch.details.reg44_consent;
            if (can(ctx.person, Action::view_child, child_scope)) {
                list.push_back(child_json(ch, today(ctx)));
            } else {
                list.push_back({{"id", ch.id},
                                {"home_id", ch.home_id},
                                {"name", display_name(ch.details)},
                                {"age", age_on(ch.details, today(ctx))}});
            }
        }
        return Response::json(200, {{"children", list}});
    }
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& ch : data->children) {
        std::string kw;
        for (const auto& k : ch.key_workers)
            kw += (kw.empty() ? "" : ", ") + k.name;
        rows.push_back({{"id", ch.id},
                        {"name", display_name(ch.details)},
                        {"age", age_on(ch.details, today(ctx))},
                        {"admitted", format_local_date(ch.details.admission_date)},
                        {"key_workers", kw}});
    }
    return ctx.page("children_list", "Children at " + data->home->name,
                    {{"home", {{"id", home_id}, {"name", data->home->name}}},
                     {"children", rows},
                     {"has_children", !rows.empty()},
                     {"can_admit", can(ctx.person, Action::admit_child, ctx.scope)}});
}

Response new_page(Context& ctx) {
    const auto home_id = ctx.param("home");
    nlohmann::json values = ctx.draft ? values_from_form(*ctx.draft) : nlohmann::json::object();
    return show_form(ctx, "Admit a child", fmt::format("/homes/{}/children", home_id), values,
                     std::nullopt, std::nullopt, std::nullopt, home_id, 200);
}

Response admit_from_form(Context& ctx) {
    const auto home_id = ctx.param("home");
    http::FormReader reader(*ctx.form);
    reader.allow("csrf_token");
    auto details = read_child_details(reader, today(ctx));
    auto id = details.ok() ? ctx.services.db.write([&](db::Connection& c) {
        return children::admit(c, home_id, details.value(), ctx.actor(), ctx.now());
    })
                           : Result<std::int64_t>(details.error());
    if (!id.ok()) {
        if (ctx.request.wants_json() || id.error().kind != ErrorKind::invalid_input)
            return ctx.error(id.error());
        return show_form(ctx, "Admit a child", fmt::format("/homes/{}/children", home_id),
                         values_from_form(*ctx.form), id.error(), std::nullopt, std::nullopt,
                         home_id, 400);
    }
    if (ctx.request.wants_json()) {
        auto child = ctx.services.db.read([&](db::Connection& c) { return find(c, id.value()); });
        if (!child.ok())
            return ctx.error(child.error());
        return Response::json(201, child_json(**child, today(ctx)))
            .header("Location", fmt::format("/api/v1/children/{}", id.value()));
    }
    return Response::redirect(fmt::format("/children/{}?admitted=1", id.value()));
}

Response profile(Context& ctx) {
    const auto child_id = ctx.param("child");
    // After an idle sign-out a kept draft comes back to the address the amend form posts to: show
    // that form again with what was typed, rather than the record.
    if (ctx.draft && can(ctx.person, Action::amend_child, ctx.scope))
        return edit_page(ctx);
    const bool show_readers = can(ctx.person, Action::view_child_readers, ctx.scope);
    struct Data {
        Child child;
        std::vector<Version> versions;
        audit::Page readers;
        std::string home_name;
        nlohmann::json recent;
    };
    // The read is itself recorded, in the same transaction as what was read.
    auto data = ctx.services.db.write([&](db::Connection& c) -> Result<Data> {
        Data d;
        TRY(auto found, find(c, child_id));
        if (!found)
            return Error::not_found("We could not find that child's record.");
        d.child = std::move(*found);
        CHECK_OK(record_read(c, d.child, ctx.actor(), ctx.now()));
        TRY(d.versions, versions(c, child_id));
        if (show_readers) {
            TRY(d.readers, audit::for_child(c, child_id, "read", std::nullopt, 10));
        }
        TRY(auto home, organisation::find_home(c, d.child.home_id));
        d.home_name = home ? home->name : "";
        TRY(d.recent, chronology::recent_view(c, child_id, 6));
        return d;
    });
    if (!data.ok())
        return ctx.error(data.error());
    const auto& ch = data->child;
    if (ctx.request.wants_json())
        return Response::json(200, child_json(ch, today(ctx)));

    nlohmann::json history = nlohmann::json::array();
    for (std::size_t i = 0; i < data->versions.size(); ++i) {
        const auto& v = data->versions[i];
        nlohmann::json changes = nlohmann::json::array();
        if (i + 1 < data->versions.size()) {
            for (const auto& c : changes_between(data->versions[i + 1].record, v.record)) {
                changes.push_back({{"label", c.label},
                                   {"before", c.before.empty() ? "(blank)" : c.before},
                                   {"after", c.after.empty() ? "(blank)" : c.after}});
            }
        }
        history.push_back({{"version", v.version},
                           {"reason", v.reason},
                           {"when", format_local(parse_utc(v.changed_at).value_or(Timestamp{}))},
                           {"who", v.changed_by},
                           {"changes", changes},
                           {"has_changes", !changes.empty()}});
    }
    nlohmann::json readers = nlohmann::json::array();
    for (const auto& e : data->readers.entries) {
        readers.push_back(
            {{"who", e.actor}, {"when", format_local(parse_utc(e.at).value_or(Timestamp{}))}});
    }
    return ctx.page("child_profile", display_name(ch.details),
                    {{"child", child_json(ch, today(ctx))},
                     {"name", display_name(ch.details)},
                     {"home", {{"id", ch.home_id}, {"name", data->home_name}}},
                     {"rows", summary_rows(ch, today(ctx))},
                     {"history", history},
                     {"show_readers", show_readers},
                     {"readers", readers},
                     {"can_amend", can(ctx.person, Action::amend_child, ctx.scope)},
                     {"recent", data->recent},
                     {"praise_moments", praise_moments_view()},
                     {"can_record", can(ctx.person, Action::record_daily, ctx.scope)},
                     {"praised", ctx.request.query_value("praised").has_value()},
                     {"admitted", ctx.request.query_value("admitted").has_value()},
                     {"amended", ctx.request.query_value("amended").has_value()}});
}

Response edit_page(Context& ctx) {
    const auto child_id = ctx.param("child");
    // The form shows the whole record, so opening it is a read and is recorded like one.
    auto found = ctx.services.db.write([&](db::Connection& c) -> Result<Child> {
        TRY(auto child, find(c, child_id));
        if (!child)
            return Error::not_found("We could not find that child's record.");
        CHECK_OK(record_read(c, *child, ctx.actor(), ctx.now()));
        return std::move(*child);
    });
    if (!found.ok())
        return ctx.error(found.error());
    const Child& ch = *found;
    nlohmann::json values = to_json(ch.details);
    nlohmann::json ids = nlohmann::json::array();
    for (auto id : ch.details.key_worker_ids)
        ids.push_back(std::to_string(id));
    values["key_workers"] = ids;
    int version = ch.version;
    if (ctx.draft) {
        values = values_from_form(*ctx.draft);
        version = std::atoi(ctx.draft->get("version").c_str());
    }
    return show_form(ctx, "Amend " + display_name(ch.details) + "'s record",
                     fmt::format("/children/{}", child_id), values, std::nullopt, version,
                     std::nullopt, ch.home_id, 200);
}

Response amend_from_form(Context& ctx) {
    const auto child_id = ctx.param("child");
    http::FormReader reader(*ctx.form);
    reader.allow("csrf_token");
    auto version = reader.integer("version", "version", true, 1, 1'000'000'000);
    std::string reason = reader.text("reason", "why you are changing this record",
                                     {.required = true, .max = 1000, .multiline = true});
    auto details = read_child_details(reader, today(ctx));
    Status saved = details.ok() ? ctx.services.db.write([&](db::Connection& c) {
        return children::amend(c, child_id, static_cast<int>(version.value_or(0)), details.value(),
                               reason, ctx.actor(), ctx.now());
    })
                                : Status(details.error());
    if (!saved.ok()) {
        const Error& e = saved.error();
        if (ctx.request.wants_json() ||
            (e.kind != ErrorKind::invalid_input && e.kind != ErrorKind::conflict)) {
            return ctx.error(e);
        }
        // A conflict page shows the record as it is now: that is a read, recorded like one.
        auto current =
            ctx.services.db.write([&](db::Connection& c) -> Result<std::optional<Child>> {
                TRY(auto child, find(c, child_id));
                if (child && e.kind == ErrorKind::conflict)
                    CHECK_OK(record_read(c, *child, ctx.actor(), ctx.now()));
                return child;
            });
        if (!current.ok() || !current.value())
            return ctx.error(current.ok() ? e : current.error());
        const Child& ch = **current;
        // On a conflict the form keeps what they typed and now carries the version they have seen.
        int shown_version = e.kind == ErrorKind::conflict
                                ? ch.version
                                : static_cast<int>(version.value_or(ch.version));
        nlohmann::json values = values_from_form(*ctx.form);
        values["version"] = std::to_string(shown_version);
        return show_form(ctx, "Amend " + display_name(ch.details) + "'s record",
                         fmt::format("/children/{}", child_id), values, e, shown_version, ch,
                         ch.home_id, e.kind == ErrorKind::conflict ? 409 : 400);
    }
    if (ctx.request.wants_json()) {
        auto child = ctx.services.db.read([&](db::Connection& c) { return find(c, child_id); });
        if (!child.ok())
            return ctx.error(child.error());
        return Response::json(200, child_json(**child, today(ctx)));
    }
    return Response::redirect(fmt::format("/children/{}?amended=1", child_id));
}

Response versions_api(Context& ctx) {
    // Every earlier version of the record: a read, recorded like one.
    auto list = ctx.services.db.write([&](db::Connection& c) -> Result<std::vector<Version>> {
        TRY(auto child, find(c, ctx.param("child")));
        if (!child)
            return Error::not_found("We could not find that child's record.");
        CHECK_OK(record_read(c, *child, ctx.actor(), ctx.now()));
        return versions(c, ctx.param("child"));
    });
    if (!list.ok())
        return ctx.error(list.error());
    nlohmann::json out = nlohmann::json::array();
    for (const auto& v : list.value()) {
        out.push_back({{"version", v.version},
                       {"record", v.record},
                       {"reason", v.reason},
                       {"changed_at", v.changed_at},
                       {"changed_by", v.changed_by}});
    }
    return Response::json(200, {{"versions", out}});
}

}  // namespace

void add_routes(http::Router& router) {
    router.add_scope_resolver("child", resolve_scope);
    router.add_child_tab({"Overview", "", Action::view_child});
    router.add({"GET", "/homes/{home}/children", Action::view_children, list_page});
    router.add({"GET", "/homes/{home}/children/new", Action::admit_child, new_page});
    router.add({"POST", "/homes/{home}/children", Action::admit_child, admit_from_form});
    router.add({"GET", "/children/{child}", Action::view_child, profile});
    router.add({"GET", "/children/{child}/edit", Action::amend_child, edit_page});
    router.add({"POST", "/children/{child}", Action::amend_child, amend_from_form});

    router.add({"GET", "/api/v1/homes/{home}/children", Action::view_children, list_page});
    router.add({"POST", "/api/v1/homes/{home}/children", Action::admit_child, admit_from_form});
    router.add({"GET", "/api/v1/children/{child}", Action::view_child, profile});
    router.add({"PUT", "/api/v1/children/{child}", Action::amend_child, amend_from_form});
    router.add({"GET", "/api/v1/children/{child}/versions", Action::view_child, versions_api});
}

}  // namespace hearth::children
