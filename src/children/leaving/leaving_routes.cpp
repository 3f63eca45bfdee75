#include "children/leaving/leaving_routes.hpp"

#include <fmt/format.h>

#include "children/child_store.hpp"
#include "children/leaving/leaving_store.hpp"
#include "children/record_form.hpp"
#include "children/retention.hpp"

namespace hearth::children {

namespace {

using http::Context;
using http::Response;
using views::FieldKind;

constexpr int register_page_size = 50;

RecordForm leaving_form(const Context& ctx, const Child& child) {
    const std::string first = known_as(child.details);
    return {.title = "Record that " + first + " has left",
            .caption = ctx.scope.child_name,
            .intro = {first +
                      "'s record stays in Hearth, and can still be read, until the date the "
                      "law says it must be kept to. " +
                      first + " will no longer be listed among the children living here."},
            .action = fmt::format("/children/{}/leaving", child.id),
            .cancel_href = fmt::format("/children/{}", child.id),
            .submit = "Record that " + first + " has left",
            .groups = {{"",
                        "",
                        {{"left_on", "The day " + first + " left", FieldKind::date, "", {}},
                         {"destination",
                          "Where " + first + " went",
                          FieldKind::text,
                          "For example, \"Foster care with the Marsh family\" or \"Home to mum\"",
                          {}},
                         {"address",
                          "Address on leaving (optional)",
                          FieldKind::textarea,
                          "If it must not be recorded here, say where it is kept",
                          {}},
                         {"reason",
                          "Why " + first + " left",
                          FieldKind::textarea,
                          "In words " + first + " could read later",
                          {}}}},
                       {"The placing authority",
                        "",
                        {{"authority_informed_on",
                          "The day the placing authority was told",
                          FieldKind::date,
                          "",
                          {}},
                         {"authority_informed_who",
                          "Who was told (optional)",
                          FieldKind::text,
                          "Name and role, like \"Casey Nolan, social worker\"",
                          {}}}}}};
}

Result<Child> open_child(Context& ctx) {
    return ctx.services.db.write([&](db::Connection& c) {
        return open_record(c, ctx.param("child"), ctx.actor(), ctx.now());
    });
}

nlohmann::json leaving_json(const LeavingRecord& r) {
    return {{"left_on", format_date(r.leaving.left_on)},
            {"destination", r.leaving.destination},
            {"address", r.leaving.address},
            {"reason", r.leaving.reason},
            {"authority_informed_on", format_date(r.leaving.authority_informed_on)},
            {"authority_informed_who", r.leaving.authority_informed_who},
            {"recorded_at", r.recorded_at},
            {"recorded_by", r.recorded_by}};
}

Result<Response> leaving_page(Context& ctx) {
    auto child = TRY(open_child(ctx));
    if (child.left_on) {
        return Error::conflict(fmt::format("{} is already recorded as having left, on {}.",
                                           display_name(child.details),
                                           format_local_date(*child.left_on)));
    }
    return show_record_form(ctx, leaving_form(ctx, child),
                            {{"left_on", format_date(ctx.today())},
                             {"authority_informed_on", format_date(ctx.today())}},
                            std::nullopt, 200);
}

Result<Response> leave(Context& ctx, const WhenLeaving& when_leaving) {
    const auto child_id = ctx.param("child");
    auto child = TRY(ctx.services.db.read([&](db::Connection& c) { return find(c, child_id); }));
    if (!child) {
        return Error::not_found("We could not find that child's record.");
    }
    http::FormReader reader(*ctx.form);
    reader.about_child(ctx.scope.child_born);
    auto l = TRY(read_leaving(reader, ctx.today(), child->details.admission_date));
    TRY(ctx.services.db.write([&](db::Connection& c) {
        return record_leaving(c, child_id, l, when_leaving, ctx.actor(), ctx.now());
    }));
    if (!ctx.request.wants_json()) {
        return Response::redirect(fmt::format("/children/{}?left=1#leaving", child_id));
    }
    auto saved =
        TRY(ctx.services.db.read([&](db::Connection& c) { return leaving_of(c, child_id); }));
    if (!saved) {
        return Error::internal("leaving not found after saving");
    }
    return Response::json(201, leaving_json(*saved));
}

// The form again with what was typed. The only conflict is a child already recorded as having
// left: that is the error page.
Result<Response> leave_again(Context& ctx, const Error& e) {
    if (e.kind == ErrorKind::conflict) {
        return e;
    }
    auto child =
        TRY(ctx.services.db.read([&](db::Connection& c) { return find(c, ctx.param("child")); }));
    if (!child) {
        return Error::not_found("We could not find that child's record.");
    }
    return show_record_form(ctx, leaving_form(ctx, *child), ctx.form->typed_values(), e, 400);
}

Result<Response> register_page(Context& ctx) {
    const auto home_id = ctx.param("home");
    std::optional<RegisterCursor> after;
    if (auto a = ctx.request.query_value("after")) {
        after = decode_register_cursor(*a);
        if (!after) {
            return Error::invalid("after", "after must be the link from a previous page");
        }
    }
    auto page = TRY(ctx.services.db.read(
        [&](db::Connection& c) { return register_of(c, home_id, after, register_page_size); }));
    const bool retention = can(ctx.person, Action::view_retention, ctx.scope);
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& e : page.entries) {
        if (ctx.request.wants_json()) {
            nlohmann::json j = {
                {"child_id", e.child_id},
                {"name", e.name},
                {"date_of_birth", format_date(e.date_of_birth)},
                {"admitted_on", format_date(e.admitted)},
                {"came_from", e.came_from},
                {"left_on", e.left_on ? nlohmann::json(format_date(*e.left_on)) : nlohmann::json()},
                {"went_to", e.went_to},
                {"placing_authority", e.placing_authority},
                {"legal_basis", e.legal_basis}};
            if (retention) {
                j["retention_date"] = format_date(retention_date(e.date_of_birth, e.date_of_death));
            }
            rows.push_back(j);
            continue;
        }
        Scope child_scope = ctx.scope;
        child_scope.child_id = e.child_id;
        child_scope.reg44_consent = e.reg44_consent;
        rows.push_back(
            {{"child_id", e.child_id},
             {"name", e.name},
             {"can_open", can(ctx.person, Action::view_child, child_scope)},
             {"date_of_birth", format_local_date(e.date_of_birth)},
             {"admitted", format_local_date(e.admitted)},
             {"came_from", e.came_from.empty() ? "Not recorded" : e.came_from},
             {"left", e.left_on ? format_local_date(*e.left_on) : "Living here"},
             {"went_to", e.went_to},
             {"placing_authority", e.placing_authority},
             {"legal_basis", label_in(legal_bases(), e.legal_basis)},
             {"retention", format_local_date(retention_date(e.date_of_birth, e.date_of_death))}});
    }
    std::optional<std::string> next;
    if (page.next) {
        next = encode(*page.next);
    }
    if (ctx.request.wants_json()) {
        return Response::json(
            200, {{"children", rows}, {"next", next ? nlohmann::json(*next) : nlohmann::json()}});
    }
    return ctx.page("register", "Register of children: " + ctx.scope.home_name,
                    {{"home", {{"id", home_id}, {"name", ctx.scope.home_name}}},
                     {"rows", rows},
                     {"has_rows", !rows.empty()},
                     {"show_retention", retention},
                     {"is_first_page", !after.has_value()},
                     {"has_next", next.has_value()},
                     {"next", next.value_or("")}});
}

}  // namespace

void add_leaving_routes(http::Router& router, const WhenLeaving& when_leaving) {
    auto leave_with = [&when_leaving](Context& ctx) { return leave(ctx, when_leaving); };
    router.add({"GET", "/children/{child}/leaving", Action::record_leaving, leaving_page});
    router.add({.method = "POST",
                .pattern = "/children/{child}/leaving",
                .action = Action::record_leaving,
                .handler = leave_with,
                .again = leave_again});
    router.add({"POST", "/api/v1/children/{child}/leaving", Action::record_leaving, leave_with});
    router.add({"GET", "/homes/{home}/register", Action::view_register, register_page});
    router.add({"GET", "/api/v1/homes/{home}/register", Action::view_register, register_page});
}

}  // namespace hearth::children
