#include "children/child_routes.hpp"

#include <fmt/format.h>

#include "children/capability.hpp"
#include "children/child_panels.hpp"
#include "children/child_steps.hpp"
#include "children/child_store.hpp"
#include "children/demo_case_record.hpp"
#include "children/export/case_record_sections.hpp"
#include "children/export/export_routes.hpp"
#include "children/export/export_sections.hpp"
#include "children/family/family_routes.hpp"
#include "children/key_workers/key_worker_routes.hpp"
#include "children/key_workers/key_worker_store.hpp"
#include "children/leaving/leaving_routes.hpp"
#include "children/leaving/leaving_store.hpp"
#include "children/record_view.hpp"
#include "children/reg44/reg44_export.hpp"
#include "children/reg44/reg44_routes.hpp"
#include "children/retention.hpp"
#include "children/valuables/valuables_routes.hpp"
#include "chronology/kinds.hpp"
#include "platform/amendments.hpp"
#include "platform/http/form_again.hpp"
#include "platform/views/form_view.hpp"
#include "platform/views/history_view.hpp"
#include "platform/views/views.hpp"

namespace hearth::children {

namespace {

using http::Context;
using http::Response;
using views::FieldKind;

std::vector<std::pair<std::string, std::string>> options(const std::vector<Choice>& choices) {
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& c : choices) {
        out.emplace_back(c.key, c.label);
    }
    return out;
}

// The record for the API: every field, and what Hearth keeps beside it (read only).
nlohmann::json child_json(const Child& ch, Date on, bool with_retention) {
    nlohmann::json j = to_json(ch.details);
    j["id"] = ch.id;
    j["home_id"] = ch.home_id;
    j["version"] = ch.version;
    j["created_at"] = ch.created_at;
    j["updated_at"] = ch.updated_at;
    j["age"] = age_on(ch.details, on);
    j["left_on"] = ch.left_on ? nlohmann::json(format_date(*ch.left_on)) : nlohmann::json();
    j["reg44_consent"] = ch.reg44_consent;
    j["key_workers"] = nlohmann::json::array();
    for (const auto& k : ch.key_workers) {
        j["key_workers"].push_back({{"person_id", k.person_id}, {"name", k.name}});
    }
    if (with_retention) {
        j["retention_date"] =
            format_date(retention_date(ch.details.date_of_birth, ch.details.date_of_death));
    }
    return j;
}

struct Section {
    std::string id;
    std::string heading;
    nlohmann::json rows = nlohmann::json::array();
};

// Every field of the record, in the groups the profile shows. A date of death is shown only when
// there is one; the address on leaving belongs with the leaving.
std::vector<Section> record_sections(const Child& ch, Date on,
                                     const std::optional<LeavingRecord>& leaving) {
    const auto& d = ch.details;
    const std::string first = known_as(d);
    Section about{"about", "About " + first};
    about.rows = nlohmann::json::array({
        summary_row("Legal name", d.first_name + " " + d.last_name),
        summary_row("Preferred name", d.preferred_name),
        summary_row("Previous names", d.previous_names),
        summary_row("Date of birth",
                    format_local_date(d.date_of_birth) + fmt::format(" (age {})", age_on(d, on))),
        summary_row("Sex", label_in(sexes(), d.sex)),
        summary_row("Pronouns", d.pronouns),
        summary_row("Religion", d.religion),
        summary_row("Ethnicity", d.ethnicity),
        summary_row("Language and cultural background", d.language, true),
    });
    if (d.date_of_death) {
        about.rows.push_back(summary_row("Date of death", format_local_date(*d.date_of_death)));
    }
    Section placement{"placement", "Placement"};
    placement.rows = nlohmann::json::array({
        summary_row("Legal basis of placement", label_in(legal_bases(), d.legal_basis)),
        summary_row("Placing authority", d.placing_authority),
        summary_row("Placing authority contact", d.placing_authority_contact, true),
        summary_row("Admission date", format_local_date(d.admission_date)),
        summary_row("Address before coming here", d.address_before, true),
    });
    auto consent =
        summary_row("Independent person (Reg 44) may read this record",
                    ch.reg44_consent ? "Yes: the child and the placing authority both consent"
                                     : "No: it needs both the child's and the placing authority's "
                                       "consent");
    consent["link"] = fmt::format("/children/{}/reg44-consent", ch.id);
    consent["link_text"] = "Who consented, and when";
    placement.rows.push_back(std::move(consent));
    Section people{"people", "People around " + first};
    people.rows = nlohmann::json::array({
        summary_row("Social worker", with_contact(d.social_worker_name, d.social_worker_contact),
                    true),
        summary_row("Independent Reviewing Officer", with_contact(d.iro_name, d.iro_contact), true),
        summary_row("Independent visitor", d.independent_visitor),
        summary_row("Advocate", d.advocate),
        summary_row("Key workers", key_worker_names(ch)),
    });
    Section education{"education", "Education and work"};
    education.rows = nlohmann::json::array({
        summary_row("School or college", d.school),
        summary_row("Designated teacher", d.designated_teacher),
        summary_row("Employer", d.employer),
    });
    std::vector<Section> out{about, placement, people, education};
    if (leaving) {
        const auto& l = leaving->leaving;
        Section left{"leaving", "Leaving"};
        left.rows = nlohmann::json::array({
            summary_row("Left on", format_local_date(l.left_on)),
            summary_row("Where they went", l.destination),
            summary_row("Address on leaving", d.address_on_leaving, true),
            summary_row("Why they left", l.reason, true),
            summary_row("Placing authority told on", format_local_date(l.authority_informed_on)),
            summary_row("Who was told", l.authority_informed_who),
            summary_row("Recorded by",
                        leaving->recorded_by + ", " + shown_time(leaving->recorded_at)),
        });
        out.push_back(left);
    }
    return out;
}

nlohmann::json sections_json(const std::vector<Section>& sections) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& s : sections) {
        out.push_back({{"id", s.id}, {"heading", s.heading}, {"rows", s.rows}});
    }
    return out;
}

// The record as it is now, for the conflict page.
nlohmann::json flat_rows(const Child& ch, Date on) {
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& s : record_sections(ch, on, std::nullopt)) {
        for (const auto& r : s.rows) {
            rows.push_back(r);
        }
    }
    return rows;
}

Result<std::vector<std::pair<std::string, std::string>>> staff_options(db::Connection& c,
                                                                       std::int64_t home_id) {
    auto staff = TRY(staff_of_home(c, home_id));
    std::vector<std::pair<std::string, std::string>> out{{"", "Not yet: choose one later"}};
    for (const auto& s : staff) {
        out.emplace_back(std::to_string(s.person_id), s.name);
    }
    return out;
}

struct Group {
    std::string heading;
    std::vector<views::FieldSpec> fields;
    bool collapsed = false;  // shown closed unless it holds a value or an error
};

// The admit form asks what is known on the day; the amend form shows every field.
std::vector<Group> form_groups(bool admitting, bool has_left,
                               const std::vector<std::pair<std::string, std::string>>& staff) {
    std::vector<Group> groups;
    groups.push_back(
        {"About the child",
         {{"first_name",
           "First name",
           FieldKind::text,
           "Their legal first name",
           {},
           "govuk-input--width-20"},
          {"last_name", "Last name", FieldKind::text, "", {}, "govuk-input--width-20"},
          {"preferred_name",
           "Preferred name (optional)",
           FieldKind::text,
           "The name they like to be called: Hearth shows it first",
           {},
           "govuk-input--width-20"},
          {"previous_names", "Previous names (optional)", FieldKind::text, "", {}, ""},
          {"date_of_birth", "Date of birth", FieldKind::date, "For example, 27 3 2012", {}, ""},
          {"sex", "Sex", FieldKind::radios, "", options(sexes()), ""},
          {"pronouns",
           "Pronouns (optional)",
           FieldKind::text,
           "For example, she/her, he/him, they/them",
           {},
           "govuk-input--width-10"},
          {"religion", "Religion (optional)", FieldKind::text, "", {}, "govuk-input--width-20"},
          {"ethnicity", "Ethnicity (optional)", FieldKind::text, "", {}, "govuk-input--width-20"},
          {"language",
           "Language and cultural background (optional)",
           FieldKind::textarea,
           "First language, and what matters to them about their culture",
           {},
           ""}}});
    Group placement{"Placement", {}};
    placement.fields = {
        {"legal_basis", "Legal basis of the placement", FieldKind::radios, "",
         options(legal_bases()), ""},
        {"placing_authority",
         "Placing authority",
         FieldKind::text,
         "The local authority that placed them",
         {},
         ""},
        {"placing_authority_contact",
         "Named contact at the placing authority (optional)",
         FieldKind::text,
         "Name, and phone or email",
         {},
         ""},
        {"social_worker_name", "Social worker (optional)", FieldKind::text, "", {}, ""},
        {"social_worker_contact",
         "Social worker's phone or email (optional)",
         FieldKind::text,
         "",
         {},
         ""},
        {"admission_date",
         "Admission date",
         FieldKind::date,
         "The day they came to live here",
         {},
         ""},
        {"address_before",
         "Address before coming here (optional)",
         FieldKind::textarea,
         "Where they lived before",
         {},
         ""},
    };
    if (admitting) {
        placement.fields.push_back({"key_worker", "Key worker", FieldKind::radios,
                                    "Staff of this home. Later changes are made on the Key workers "
                                    "tab, with the child's view",
                                    staff, ""});
    }
    groups.push_back(placement);
    if (admitting) {
        return groups;
    }
    groups.push_back(
        {"People around the child",
         {{"iro_name", "Independent Reviewing Officer (optional)", FieldKind::text, "", {}, ""},
          {"iro_contact",
           "Independent Reviewing Officer's phone or email (optional)",
           FieldKind::text,
           "",
           {},
           ""},
          {"independent_visitor",
           "Independent visitor (optional)",
           FieldKind::text,
           "Name, and how to reach them",
           {},
           ""},
          {"advocate",
           "Advocate (optional)",
           FieldKind::text,
           "Name, and how to reach them",
           {},
           ""}}});
    groups.push_back({"Education and work",
                      {{"school", "School or college (optional)", FieldKind::text, "", {}, ""},
                       {"designated_teacher",
                        "Designated teacher (optional)",
                        FieldKind::text,
                        "The teacher responsible for children in care: name, and phone or email",
                        {},
                        ""},
                       {"employer", "Employer (optional)", FieldKind::text, "", {}, ""}}});
    if (has_left) {
        groups.push_back({"Leaving",
                          {{"address_on_leaving",
                            "Address on leaving (optional)",
                            FieldKind::textarea,
                            "",
                            {},
                            ""}}});
    }
    groups.push_back({"If the child has died",
                      {{"date_of_death",
                        "Date of death",
                        FieldKind::date,
                        "Only in the rare and sad event of a child's death. It decides how long "
                        "the record is kept",
                        {},
                        ""}},
                      true});
    return groups;
}

nlohmann::json groups_view(const std::vector<Group>& groups, const nlohmann::json& values,
                           const nlohmann::json& errors) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& g : groups) {
        nlohmann::json fields = nlohmann::json::array();
        bool filled = false;
        for (const auto& spec : g.fields) {
            auto f = views::field(spec, values, errors);
            filled = filled || f.value("has_error", false) || !f.value("value", "").empty() ||
                     !f.value("year", "").empty();
            fields.push_back(std::move(f));
        }
        out.push_back({{"heading", g.heading},
                       {"fields", fields},
                       {"collapsed", g.collapsed},
                       {"open", filled}});
    }
    return out;
}

Result<Response> show_form(const Context& ctx, const std::string& title, const std::string& action,
                           const nlohmann::json& values, const std::optional<Error>& error,
                           std::optional<int> version, const std::optional<Child>& current,
                           std::int64_t home_id, bool has_left, int status) {
    auto staff =
        TRY(ctx.services.db.read([&](db::Connection& c) { return staff_options(c, home_id); }));
    nlohmann::json errors = nlohmann::json::object();
    nlohmann::json data = {{"title", title},
                           {"action", action},
                           {"amending", version.has_value()},
                           {"kept_draft", ctx.draft.has_value()}};
    if (error) {
        data.update(views::errors_view(*error));
        errors = data["error_for"];
    }
    data["groups"] = groups_view(form_groups(!version, has_left, staff), values, errors);
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
                            {"rows", flat_rows(*current, ctx.today())},
                            {"updated_by", current->updated_by_name}};
    }
    return ctx.page("child_form", title, data, status);
}

Result<Response> new_page(Context& ctx);
Result<Response> edit_page(Context& ctx);

Result<Response> list_page(Context& ctx) {
    const auto home_id = ctx.param("home");
    // After an idle sign-out a kept draft comes back to the address the admit form posts to: show
    // that form again with what was typed, rather than the list.
    if (ctx.draft && can(ctx.person, Action::admit_child, ctx.scope)) {
        return new_page(ctx);
    }
    // The home was found, and named, when the request's scope was resolved.
    auto children =
        TRY(ctx.services.db.read([&](db::Connection& c) { return in_home(c, home_id); }));
    if (ctx.request.wants_json()) {
        nlohmann::json list = nlohmann::json::array();
        for (const auto& ch : children) {
            // Everyone who may see the home gets the list, the independent person too; a child's
            // case record comes with it only where they may open that record (Reg 44 consent).
            Scope child_scope = ctx.scope;
            child_scope.child_id = ch.id;
            child_scope.reg44_consent = ch.reg44_consent;
            if (can(ctx.person, Action::view_child, child_scope)) {
                list.push_back(child_json(ch, ctx.today(),
                                          can(ctx.person, Action::view_retention, child_scope)));
            } else {
                list.push_back({{"id", ch.id},
                                {"home_id", ch.home_id},
                                {"name", display_name(ch.details)},
                                {"age", age_on(ch.details, ctx.today())}});
            }
        }
        return Response::json(200, {{"children", list}});
    }
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& ch : children) {
        rows.push_back({{"id", ch.id},
                        {"name", display_name(ch.details)},
                        {"age", age_on(ch.details, ctx.today())},
                        {"admitted", format_local_date(ch.details.admission_date)},
                        {"key_workers", key_worker_names(ch)}});
    }
    return ctx.page("children_list", "Children at " + ctx.scope.home_name,
                    {{"home", {{"id", home_id}, {"name", ctx.scope.home_name}}},
                     {"children", rows},
                     {"has_children", !rows.empty()},
                     {"can_admit", can(ctx.person, Action::admit_child, ctx.scope)},
                     {"can_register", can(ctx.person, Action::view_register, ctx.scope)}});
}

Result<Response> new_page(Context& ctx) {
    const auto home_id = ctx.param("home");
    nlohmann::json values = ctx.draft ? ctx.draft->typed_values() : nlohmann::json::object();
    return show_form(ctx, "Admit a child", fmt::format("/homes/{}/children", home_id), values,
                     std::nullopt, std::nullopt, std::nullopt, home_id, false, 200);
}

Result<Response> admit_from_form(Context& ctx, const WhenAdmitted& when_admitted) {
    const auto home_id = ctx.param("home");
    http::FormReader reader(*ctx.form);
    auto admission = TRY(read_admission(reader, ctx.today()));
    const auto id = TRY(ctx.services.db.write([&](db::Connection& c) {
        return children::admit(c, home_id, admission.details, when_admitted, ctx.actor(), ctx.now(),
                               admission.key_worker);
    }));
    if (ctx.request.wants_json()) {
        auto child = TRY(ctx.services.db.read([&](db::Connection& c) { return find(c, id); }));
        return Response::json(201, child_json(*child, ctx.today(), false))
            .header("Location", fmt::format("/api/v1/children/{}", id));
    }
    return Response::redirect(fmt::format("/children/{}?admitted=1", id));
}

Result<Response> admit_again(Context& ctx, const Error& e) {
    const auto home_id = ctx.param("home");
    return show_form(ctx, "Admit a child", fmt::format("/homes/{}/children", home_id),
                     ctx.form->typed_values(), e, std::nullopt, std::nullopt, home_id, false, 400);
}

std::string retention_text(const ChildDetails& d) {
    const Date until = retention_date(d.date_of_birth, d.date_of_death);
    const bool from_death =
        d.date_of_death && died_before_eighteen(d.date_of_birth, *d.date_of_death);
    return fmt::format("Until at least {} ({} years from the {}, Reg 36(2))",
                       format_local_date(until),
                       from_death ? retention_years_from_death : retention_years_from_birth,
                       from_death ? "date of death" : "date of birth");
}

// The facts staff on shift reach for first; the whole record is on its own page.
nlohmann::json key_facts(const Child& ch, Date today) {
    const auto& d = ch.details;
    auto row = [](const std::string& key, const std::string& value) {
        return nlohmann::json{{"key", key},
                              {"value", value.empty() ? "Not recorded" : value},
                              {"missing", value.empty()}};
    };
    return nlohmann::json::array({
        row("Age", std::to_string(age_on(d, today))),
        row("Pronouns", d.pronouns),
        row("Key workers", key_worker_names(ch)),
        row("Social worker", d.social_worker_name),
        row("Placing authority", d.placing_authority),
        row("Living here since", format_local_date(d.admission_date)),
    });
}

// Reading a child's record is written in the audit trail before the page is shown: a page that
// fails after that leaves a read that was not seen, never a record seen without its entry.
Status recorded_read(const Context& ctx, const Child& ch) {
    return ctx.services.db.write(
        [&](db::Connection& c) { return record_read(c, ch, ctx.actor(), ctx.now()); });
}

Result<Response> profile(Context& ctx, const ChildPanels& panels) {
    const auto child_id = ctx.param("child");
    // After an idle sign-out a kept draft comes back to the address the amend form posts to: show
    // that form again with what was typed, rather than the record.
    if (ctx.draft && can(ctx.person, Action::amend_child, ctx.scope)) {
        return edit_page(ctx);
    }
    const bool show_readers = can(ctx.person, Action::view_child_readers, ctx.scope);
    const bool show_retention = can(ctx.person, Action::view_retention, ctx.scope);
    const bool json = ctx.request.wants_json();
    struct Data {
        Child child;
        audit::Page readers;
        nlohmann::json panels = nlohmann::json::array();
    };
    // One snapshot of everything shown, read beside other readers; only the audit entry waits
    // for the single writer.
    auto data = TRY(ctx.services.db.read([&](db::Connection& c) -> Result<Data> {
        Data d;
        auto found = TRY(find(c, child_id));
        if (!found)
            return Error::not_found("We could not find that child's record.");
        d.child = std::move(*found);
        if (json)
            return d;
        if (show_readers) {
            d.readers = TRY(audit::for_child(c, child_id, "read", std::nullopt, 10));
        }
        for (const auto& panel : panels.all()) {
            auto html = TRY(panel.render(c, ctx, d.child));
            if (!html.empty())
                d.panels.push_back({{"html", std::move(html)}});
        }
        return d;
    }));
    const auto& ch = data.child;
    if (Status read = recorded_read(ctx, ch); !read.ok()) {
        return read.error();
    }
    if (json) {
        return Response::json(200, child_json(ch, ctx.today(), show_retention));
    }

    // The snapshot was taken before this read was recorded: this reader heads the list, as the
    // audit trail now has them.
    nlohmann::json readers = nlohmann::json::array();
    if (show_readers) {
        readers.push_back({{"who", ctx.actor().name}, {"when", format_local(ctx.now())}});
    }
    for (const auto& e : data.readers.entries) {
        if (readers.size() >= 10) {
            break;
        }
        readers.push_back({{"who", e.actor}, {"when", shown_time(e.at)}});
    }
    nlohmann::json view = {{"child", child_json(ch, ctx.today(), false)},
                           {"first_name", known_as(ch.details)},
                           {"name", display_name(ch.details)},
                           {"home", {{"id", ch.home_id}, {"name", ctx.scope.home_name}}},
                           {"facts", key_facts(ch, ctx.today())},
                           {"show_readers", show_readers},
                           {"readers", readers},
                           {"has_left", ch.left_on.has_value()},
                           {"left_on", ch.left_on ? format_local_date(*ch.left_on) : ""},
                           {"admitted", ctx.request.query_value("admitted").has_value()},
                           {"recorded_leaving", ctx.request.query_value("left").has_value()},
                           {"panels", data.panels},
                           {"praised", ctx.request.query_value("praised").has_value()}};
    return ctx.page("child_profile", display_name(ch.details), view);
}

// The whole case record (Schedule 3) as it is now, and every version of it.
Result<Response> record_page(Context& ctx) {
    const auto child_id = ctx.param("child");
    const bool show_retention = can(ctx.person, Action::view_retention, ctx.scope);
    struct Data {
        Child child;
        std::vector<amendments::Version> versions;
        std::optional<LeavingRecord> leaving;
    };
    auto data = TRY(ctx.services.db.read([&](db::Connection& c) -> Result<Data> {
        Data d;
        auto found = TRY(find(c, child_id));
        if (!found)
            return Error::not_found("We could not find that child's record.");
        d.child = std::move(*found);
        d.versions = TRY(amendments::versions_of(c, child_record_type, child_id));
        d.leaving = TRY(leaving_of(c, child_id));
        return d;
    }));
    const auto& ch = data.child;
    if (Status read = recorded_read(ctx, ch); !read.ok()) {
        return read.error();
    }
    nlohmann::json view = {
        {"child", child_json(ch, ctx.today(), false)},
        {"first_name", known_as(ch.details)},
        {"name", display_name(ch.details)},
        {"sections", sections_json(record_sections(ch, ctx.today(), data.leaving))},
        {"history",
         views::history_view(data.versions, field_labels(),
                             [](const std::string&, const std::string& value) { return value; })},
        {"can_amend", can(ctx.person, Action::amend_child, ctx.scope)},
        {"can_record_leaving", !ch.left_on && can(ctx.person, Action::record_leaving, ctx.scope)},
        {"has_left", ch.left_on.has_value()},
        {"left_on", ch.left_on ? format_local_date(*ch.left_on) : ""},
        {"show_retention", show_retention},
        {"retention", retention_text(ch.details)},
        {"amended", ctx.request.query_value("amended").has_value()}};
    return ctx.page("child_record", display_name(ch.details) + ": the whole record", view);
}

Result<Response> edit_page(Context& ctx) {
    const auto child_id = ctx.param("child");
    // The form shows the whole record, so opening it is a read and is recorded like one.
    auto found = TRY(ctx.services.db.write(
        [&](db::Connection& c) { return open_record(c, child_id, ctx.actor(), ctx.now()); }));
    const Child& ch = found;
    nlohmann::json values = to_json(ch.details);
    int version = ch.version;
    if (ctx.draft) {
        values = ctx.draft->typed_values();
        version = std::atoi(ctx.draft->get("version").c_str());
    }
    return show_form(ctx, "Amend " + display_name(ch.details) + "'s record",
                     fmt::format("/children/{}", child_id), values, std::nullopt, version,
                     std::nullopt, ch.home_id, ch.left_on.has_value(), 200);
}

Result<Response> amend_from_form(Context& ctx, const WhenAmended& when_amended) {
    const auto child_id = ctx.param("child");
    http::FormReader reader(*ctx.form);
    auto version = reader.integer("version", "version", true, 1, 1'000'000'000);
    std::string reason = reader.text("reason", "why you are changing this record",
                                     {.required = true, .max = 1000, .multiline = true});
    auto details = TRY(read_child_details(reader, ctx.today()));
    TRY(ctx.services.db.write([&](db::Connection& c) {
        return children::amend(c, child_id, static_cast<int>(version.value_or(0)), details, reason,
                               when_amended, ctx.actor(), ctx.now());
    }));
    if (ctx.request.wants_json()) {
        auto child =
            TRY(ctx.services.db.read([&](db::Connection& c) { return find(c, child_id); }));
        return Response::json(200, child_json(*child, ctx.today(),
                                              can(ctx.person, Action::view_retention, ctx.scope)));
    }
    return Response::redirect(fmt::format("/children/{}/record?amended=1", child_id));
}

// The form again with what was typed. After a conflict it shows the record as it is now (a read,
// recorded like one) and carries the version the person has now seen.
Result<Response> amend_again(Context& ctx, const Error& e) {
    const auto child_id = ctx.param("child");
    auto current =
        TRY(ctx.services.db.write([&](db::Connection& c) -> Result<std::optional<Child>> {
            auto child = TRY(find(c, child_id));
            if (child && e.kind == ErrorKind::conflict)
                TRY(record_read(c, *child, ctx.actor(), ctx.now()));
            return child;
        }));
    if (!current) {
        return e;
    }
    const Child& ch = *current;
    return show_form(ctx, "Amend " + display_name(ch.details) + "'s record",
                     fmt::format("/children/{}", child_id), http::typed_again(ctx, e, ch.version),
                     e, http::version_again(ctx, e, ch.version), ch, ch.home_id,
                     ch.left_on.has_value(), http::status_for(e.kind));
}

Result<Response> versions_api(Context& ctx) {
    // Every earlier version of the record: a read, recorded like one.
    auto list = TRY(
        ctx.services.db.write([&](db::Connection& c) -> Result<std::vector<amendments::Version>> {
            TRY(open_record(c, ctx.param("child"), ctx.actor(), ctx.now()));
            return amendments::versions_of(c, child_record_type, ctx.param("child"));
        }));
    return Response::json(200, {{"versions", amendments::versions_json(list)}});
}

}  // namespace

void add_routes(http::Router& router, const ExportSections& sections, const ChildPanels& panels,
                const PlacementSteps& steps) {
    auto profile_with = [&panels](Context& ctx) { return profile(ctx, panels); };
    auto admit_with = [&admitted = steps.admitted](Context& ctx) {
        return admit_from_form(ctx, admitted);
    };
    auto amend_with = [&amended = steps.amended](Context& ctx) {
        return amend_from_form(ctx, amended);
    };
    router.add_scope_resolver("child", resolve_scope);
    router.add_child_tab({"Overview", "", Action::view_child, 10});
    router.add_child_tab({"Record", "/record", Action::view_child, 15});
    router.add({"GET", "/homes/{home}/children", Action::view_children, list_page});
    router.add({"GET", "/homes/{home}/children/new", Action::admit_child, new_page});
    router.add({.method = "POST",
                .pattern = "/homes/{home}/children",
                .action = Action::admit_child,
                .handler = admit_with,
                .again = admit_again});
    router.add({"GET", "/children/{child}", Action::view_child, profile_with});
    router.add({"GET", "/children/{child}/record", Action::view_child, record_page});
    router.add({"GET", "/children/{child}/edit", Action::amend_child, edit_page});
    router.add({.method = "POST",
                .pattern = "/children/{child}",
                .action = Action::amend_child,
                .handler = amend_with,
                .again = amend_again});

    router.add({"GET", "/api/v1/homes/{home}/children", Action::view_children, list_page});
    router.add({"POST", "/api/v1/homes/{home}/children", Action::admit_child, admit_with});
    router.add({"GET", "/api/v1/children/{child}", Action::view_child, profile_with});
    router.add({"PUT", "/api/v1/children/{child}", Action::amend_child, amend_with});
    router.add({"GET", "/api/v1/children/{child}/versions", Action::view_child, versions_api});

    add_family_routes(router);
    add_key_worker_routes(router);
    add_valuables_routes(router);
    add_leaving_routes(router, steps.leaving);
    add_reg44_routes(router);
    add_export_routes(router, sections);
}

const Capability capability{
    "Children's records", [](Registry& r) {
        auto& kinds = r.at<chronology::Kinds>();
        kinds.add({{"admission", "Admission"},
                   {"record_change", "Change to the case record"},
                   {"key_worker_change", "Key worker change"},
                   {"valuables", "Money and valuables"},
                   {"leaving", "Leaving"}});
        auto& sections = r.at<ExportSections>();
        add_case_record_sections(sections, kinds);
        sections.add(reg44_export_section());
        const PlacementSteps steps{r.at<WhenAdmitted>(), r.at<WhenAmended>(), r.at<WhenLeaving>()};
        r.at<demo::DemoParts>().add(
            {20, [steps](db::Connection& c, const demo::DemoWorld&, Timestamp now) {
                 return demo::create_case_record_demo(c, steps, now);
             }});
        add_routes(r.router, sections, r.at<ChildPanels>(), steps);
    }};

}  // namespace hearth::children
