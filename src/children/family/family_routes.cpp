#include "children/family/family_routes.hpp"

#include <fmt/format.h>

#include "children/child_store.hpp"
#include "children/family/family_store.hpp"
#include "children/record_form.hpp"
#include "children/record_view.hpp"
#include "platform/amendments.hpp"
#include "platform/http/form_again.hpp"
#include "platform/views/history_view.hpp"

namespace hearth::children {

namespace {

using http::Context;
using http::Response;
using views::FieldKind;

struct Listed {
    FamilyMember member;
    std::vector<amendments::Version> versions;
};

nlohmann::json member_json(const Listed& l) {
    const auto& m = l.member;
    nlohmann::json j = to_json(m.details);
    j["id"] = m.id;
    j["version"] = m.version;
    j["ended_on"] = m.ended_on ? nlohmann::json(format_date(*m.ended_on)) : nlohmann::json();
    j["end_reason"] = m.end_reason;
    j["created_at"] = m.created_at;
    j["updated_at"] = m.updated_at;
    j["updated_by"] = m.updated_by_name;
    j["versions"] = amendments::versions_json(l.versions);
    return j;
}

std::vector<std::pair<std::string, std::string>> member_rows(const FamilyMember& m) {
    return {{"Name", m.details.name},
            {"Relationship", m.details.relationship},
            {"Parental responsibility", m.details.parental_responsibility ? "Yes" : "No"},
            {"Contact details", m.details.contact_details},
            {"Notes", m.details.notes}};
}

nlohmann::json member_view(const Listed& l, bool can_change) {
    const auto& m = l.member;
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& [key, value] : member_rows(m)) {
        if (key != "Name") {
            rows.push_back(summary_row(key, value, key == "Contact details" || key == "Notes"));
        }
    }
    if (m.ended_on) {
        rows.push_back(summary_row("No longer applies from", format_local_date(*m.ended_on)));
        rows.push_back(summary_row("Why", m.end_reason, true));
    }
    const nlohmann::json history = views::history_view(
        l.versions, family_field_labels(),
        [](const std::string&, const std::string& value) { return shown_family_value(value); });
    return {
        {"id", m.id},         {"name", m.details.name},   {"rows", rows},
        {"history", history}, {"can_change", can_change}, {"can_end", can_change && !m.ended_on}};
}

Result<std::vector<Listed>> listed(db::Connection& c, std::int64_t child_id) {
    auto members = TRY(family_of(c, child_id));
    std::vector<Listed> out;
    for (auto& m : members) {
        auto versions = TRY(amendments::versions_of(c, family_member_record_type, m.id));
        out.push_back({std::move(m), std::move(versions)});
    }
    return out;
}

Result<Response> people_page(Context& ctx) {
    const auto child_id = ctx.param("child");
    struct Data {
        Child child;
        std::vector<Listed> family;
    };
    auto data = TRY(ctx.services.db.write([&](db::Connection& c) -> Result<Data> {
        Data d;
        d.child = TRY(open_record(c, child_id, ctx.actor(), ctx.now()));
        d.family = TRY(listed(c, child_id));
        return d;
    }));
    if (ctx.request.wants_json()) {
        nlohmann::json list = nlohmann::json::array();
        for (const auto& l : data.family) {
            list.push_back(member_json(l));
        }
        return Response::json(200, {{"family", list}});
    }
    const bool can_change = can(ctx.person, Action::amend_child, ctx.scope);
    nlohmann::json current = nlohmann::json::array(), ended = nlohmann::json::array();
    for (const auto& l : data.family) {
        (l.member.ended_on ? ended : current).push_back(member_view(l, can_change));
    }
    const auto& d = data.child.details;
    const nlohmann::json around = nlohmann::json::array({
        summary_row("Placing authority",
                    with_contact(d.placing_authority, d.placing_authority_contact), true),
        summary_row("Social worker", with_contact(d.social_worker_name, d.social_worker_contact),
                    true),
        summary_row("Independent Reviewing Officer", with_contact(d.iro_name, d.iro_contact), true),
        summary_row("Independent visitor", d.independent_visitor),
        summary_row("Advocate", d.advocate),
        summary_row("Key workers", key_worker_names(data.child)),
    });
    return ctx.page("child_people", "People around " + display_name(d),
                    {{"child", {{"id", child_id}, {"first_name", known_as(d)}}},
                     {"around", around},
                     {"current", current},
                     {"has_current", !current.empty()},
                     {"ended", ended},
                     {"has_ended", !ended.empty()},
                     {"can_change", can_change}});
}

std::vector<views::FieldSpec> member_fields(const std::string& name) {
    return {
        {"name", "Their name", FieldKind::text, "", {}, "govuk-input--width-20"},
        {"relationship",
         "Relationship to " + name,
         FieldKind::text,
         "In the family's own words, like Mum, Grandad or Stepfather",
         {},
         "govuk-input--width-20"},
        {"parental_responsibility",
         "Do they have parental responsibility for " + name + "?",
         FieldKind::radios,
         "As the placing authority's records and any court orders say",
         {{"yes", "Yes"}, {"no", "No"}}},
        {"contact_details",
         "Contact details (optional)",
         FieldKind::textarea,
         "Phone, email and address: what staff need to reach them",
         {}},
        {"notes",
         "Notes (optional)",
         FieldKind::textarea,
         "Anything staff should know, like a court order, or details not to be shared",
         {}},
    };
}

std::string people_href(std::int64_t child_id) {
    return fmt::format("/children/{}/people", child_id);
}

RecordForm add_form(const Context& ctx) {
    const auto child_id = ctx.param("child");
    const std::string& name = ctx.scope.child_name;
    return {.title = "Add someone to " + name + "'s family list",
            .caption = name,
            .intro = {"Their parents, and anyone else with parental responsibility for them. "
                      "Each change to this list is kept with who made it and why."},
            .action = fmt::format("/children/{}/people/new", child_id),
            .cancel_href = people_href(child_id),
            .submit = "Add to the list",
            .groups = {{"", "", member_fields(name)}}};
}

Result<Response> new_member_page(Context& ctx) {
    return show_record_form(ctx, add_form(ctx), nlohmann::json::object(), std::nullopt, 200);
}

Result<Listed> load(db::Connection& c, std::int64_t child_id, std::int64_t member_id) {
    auto found = TRY(find_family_member(c, child_id, member_id));
    if (!found) {
        return Error::not_found("We could not find that person on the child's list.");
    }
    auto versions = TRY(amendments::versions_of(c, family_member_record_type, member_id));
    return Listed{std::move(*found), std::move(versions)};
}

Result<Response> answer_saved(Context& ctx, std::int64_t member_id, int status) {
    const auto child_id = ctx.param("child");
    if (!ctx.request.wants_json()) {
        return Response::redirect(people_href(child_id) + fmt::format("#family-{}", member_id));
    }
    auto saved =
        TRY(ctx.services.db.read([&](db::Connection& c) { return load(c, child_id, member_id); }));
    Response r = Response::json(status, member_json(saved));
    if (status == 201) {
        r.header("Location", fmt::format("/api/v1/children/{}/family/{}", child_id, member_id));
    }
    return r;
}

Result<Response> add_member(Context& ctx) {
    http::FormReader reader(*ctx.form);
    auto details = TRY(read_family_member(reader));
    const auto id = TRY(ctx.services.db.write([&](db::Connection& c) {
        return add_family_member(c, ctx.param("child"), details, ctx.actor(), ctx.now());
    }));
    return answer_saved(ctx, id, 201);
}

Result<Response> add_member_again(Context& ctx, const Error& e) {
    return show_record_form(ctx, add_form(ctx), ctx.form->typed_values(), e, 400);
}

nlohmann::json values_of(const FamilyMember& m) {
    nlohmann::json v = to_json(m.details);
    v["parental_responsibility"] = m.details.parental_responsibility ? "yes" : "no";
    return v;
}

RecordForm amend_form(const Context& ctx, const FamilyMember& m, int version) {
    const auto child_id = ctx.param("child");
    const std::string& name = ctx.scope.child_name;
    return {.title = "Change " + m.details.name + "'s entry",
            .caption = name,
            .intro = {"The entry as it was is kept, with who changed it, when and why."},
            .action = fmt::format("/children/{}/people/{}/edit", child_id, m.id),
            .cancel_href = people_href(child_id),
            .submit = "Save the change",
            .hidden = {{"version", std::to_string(version)}},
            .groups = {{"", "", member_fields(name)},
                       {"",
                        "",
                        {{"reason",
                          "Why are you changing this entry?",
                          FieldKind::textarea,
                          "This is kept with the change. For example, \"New phone number given "
                          "by her mum at family time\"",
                          {}}}}},
            .conflict_rows = member_rows(m)};
}

// The entry for a form, read and the read recorded: the form shows the child's record.
Result<FamilyMember> open_member(Context& ctx) {
    return ctx.services.db.write([&](db::Connection& c) -> Result<FamilyMember> {
        TRY(open_record(c, ctx.param("child"), ctx.actor(), ctx.now()));
        auto l = TRY(load(c, ctx.param("child"), ctx.param("member")));
        return std::move(l.member);
    });
}

Result<Response> edit_member_page(Context& ctx) {
    auto m = TRY(open_member(ctx));
    return show_record_form(ctx, amend_form(ctx, m, m.version), values_of(m), std::nullopt, 200);
}

// After a refused save: the form again with what was typed, and, after a conflict, the entry as it
// is now with the version the person has now seen.
Result<Response> refused(Context& ctx, const Error& e,
                         RecordForm (*form)(const Context&, const FamilyMember&, int)) {
    auto m = TRY(open_member(ctx));
    return show_record_form(ctx, form(ctx, m, http::version_again(ctx, e, m.version)),
                            ctx.form->typed_values(), e, http::status_for(e.kind));
}

Result<Response> amend_member(Context& ctx) {
    http::FormReader reader(*ctx.form);
    auto version = reader.integer("version", "version", true, 1, 1'000'000'000);
    const std::string reason = reader.text("reason", "why you are changing this entry",
                                           {.required = true, .max = 1000, .multiline = true});
    auto details = TRY(read_family_member(reader));
    TRY(ctx.services.db.write([&](db::Connection& c) {
        return amend_family_member(c, ctx.param("child"), ctx.param("member"),
                                   static_cast<int>(version.value_or(0)), details, reason,
                                   ctx.actor(), ctx.now());
    }));
    return answer_saved(ctx, ctx.param("member"), 200);
}

Result<Response> amend_member_again(Context& ctx, const Error& e) {
    return refused(ctx, e, amend_form);
}

RecordForm end_form(const Context& ctx, const FamilyMember& m, int version) {
    const auto child_id = ctx.param("child");
    return {.title = m.details.name + " no longer applies",
            .caption = ctx.scope.child_name,
            .intro = {"The entry stays on " + ctx.scope.child_name +
                      "'s record, marked as no longer applying from the date you give."},
            .action = fmt::format("/children/{}/people/{}/end", child_id, m.id),
            .cancel_href = people_href(child_id),
            .submit = "Save",
            .hidden = {{"version", std::to_string(version)}},
            .groups = {{"",
                        "",
                        {{"ended_on",
                          "From when does it no longer apply?",
                          FieldKind::date,
                          "For example, 3 3 2026",
                          {}},
                         {"reason",
                          "Why does it no longer apply?",
                          FieldKind::textarea,
                          "For example, \"A special guardianship order gave parental "
                          "responsibility to her aunt\"",
                          {}}}}},
            .conflict_rows = member_rows(m)};
}

Result<Response> end_member_page(Context& ctx) {
    auto m = TRY(open_member(ctx));
    return show_record_form(ctx, end_form(ctx, m, m.version), nlohmann::json::object(),
                            std::nullopt, 200);
}

Result<Response> end_member(Context& ctx) {
    http::FormReader reader(*ctx.form);
    reader.about_child(ctx.scope.child_born);
    auto version = reader.integer("version", "version", true, 1, 1'000'000'000);
    auto ending = TRY(read_family_member_ending(reader, ctx.today()));
    TRY(ctx.services.db.write([&](db::Connection& c) {
        return end_family_member(c, ctx.param("child"), ctx.param("member"),
                                 static_cast<int>(version.value_or(0)), ending, ctx.actor(),
                                 ctx.now());
    }));
    return answer_saved(ctx, ctx.param("member"), 200);
}

Result<Response> end_member_again(Context& ctx, const Error& e) {
    return refused(ctx, e, end_form);
}

}  // namespace

void add_family_routes(http::Router& router) {
    router.add_child_tab({"People", "/people", Action::view_child, 40});
    router.add({"GET", "/children/{child}/people", Action::view_child, people_page});
    router.add({"GET", "/children/{child}/people/new", Action::amend_child, new_member_page});
    router.add({.method = "POST",
                .pattern = "/children/{child}/people/new",
                .action = Action::amend_child,
                .handler = add_member,
                .again = add_member_again});
    router.add(
        {"GET", "/children/{child}/people/{member}/edit", Action::amend_child, edit_member_page});
    router.add({.method = "POST",
                .pattern = "/children/{child}/people/{member}/edit",
                .action = Action::amend_child,
                .handler = amend_member,
                .again = amend_member_again});
    router.add(
        {"GET", "/children/{child}/people/{member}/end", Action::amend_child, end_member_page});
    router.add({.method = "POST",
                .pattern = "/children/{child}/people/{member}/end",
                .action = Action::amend_child,
                .handler = end_member,
                .again = end_member_again});

    router.add({"GET", "/api/v1/children/{child}/family", Action::view_child, people_page});
    router.add({"POST", "/api/v1/children/{child}/family", Action::amend_child, add_member});
    router.add(
        {"PUT", "/api/v1/children/{child}/family/{member}", Action::amend_child, amend_member});
    router.add(
        {"POST", "/api/v1/children/{child}/family/{member}/end", Action::amend_child, end_member});
}

}  // namespace hearth::children
