#include "plans/plan_routes.hpp"

#include <fmt/format.h>

#include <charconv>

#include "children/child_panels.hpp"
#include "children/child_steps.hpp"
#include "children/export/export_sections.hpp"
#include "chronology/kinds.hpp"
#include "organisation/settings.hpp"
#include "plans/capability.hpp"
#include "plans/demo_plans.hpp"
#include "plans/plan_export.hpp"
#include "plans/plan_glance.hpp"
#include "plans/plan_pages.hpp"
#include "plans/plan_store.hpp"
#include "plans/plan_views.hpp"
#include "platform/views/views.hpp"
#include "relationships/child_risk_assessments.hpp"
#include "relationships/response_records.hpp"

namespace hearth::plans {

namespace pages {

using http::Context;
using http::Response;

namespace {

// The versions a page of history shows; one more is read to show what the last of them changed.
constexpr int history_page = 10;

std::optional<int> query_number(const Context& ctx, const std::string& name) {
    auto text = ctx.request.query_value(name);
    if (!text) {
        return std::nullopt;
    }
    int n = 0;
    auto [p, ec] = std::from_chars(text->data(), text->data() + text->size(), n);
    if (ec != std::errc{} || p != text->data() + text->size() || n < 1) {
        return std::nullopt;
    }
    return n;
}

// Mustache shows a section for any number, 0 included: an absent one must be false.
nlohmann::json number_or_false(std::optional<int> n) {
    return n ? nlohmann::json(*n) : nlohmann::json(false);
}

struct PlanPage {
    Plan plan;
    Version shown;
    std::vector<Version> history;  // newest first, up to history_page + 1
};

}  // namespace

Subject subject_of(const Context& ctx) {
    return {ctx.scope.child_id.value_or(0), ctx.scope.home_id.value_or(0), ctx.scope.child_name};
}

std::string first_name_of(const Context& ctx) {
    const std::string& name = ctx.scope.child_name;
    return name.substr(0, name.find(' '));
}

Result<int> longest_review(const Context& ctx) {
    return ctx.services.db.read([&](db::Connection& c) {
        return organisation::setting(c, ctx.scope.organisation_id.value_or(0),
                                     organisation::plan_review_longest_months);
    });
}

Result<Response> list(Context& ctx) {
    // After an idle sign-out a kept draft comes back to the address the new-plan form posts to.
    if (ctx.draft && can(ctx.person, Action::write_plan, ctx.scope)) {
        return new_plan_form(ctx);
    }
    const Subject child = subject_of(ctx);
    auto plans = TRY(ctx.services.db.write([&](db::Connection& c) -> Result<std::vector<Plan>> {
        auto list = TRY(for_child(c, child.child_id));
        TRY(record_read(c, child, "plans", std::to_string(child.child_id), ctx.actor(), ctx.now()));
        return list;
    }));
    if (ctx.request.wants_json()) {
        nlohmann::json out = nlohmann::json::array();
        for (const auto& p : plans) {
            out.push_back(plan_json(p, ctx.now()));
        }
        return Response::json(200, {{"plans", out}});
    }
    nlohmann::json data = list_view(plans, child.child_id, ctx.now());
    data["can_write"] = can(ctx.person, Action::write_plan, ctx.scope);
    data["new_href"] = fmt::format("/children/{}/plans/new", child.child_id);
    data["first_name"] = first_name_of(ctx);
    return ctx.page("plans_list", "Plans: " + child.child_name, data);
}

Result<Response> plan(Context& ctx) {
    // After an idle sign-out a kept draft comes back to the address the new-version form posts to.
    if (ctx.draft && can(ctx.person, Action::write_plan, ctx.scope)) {
        return new_version_form(ctx);
    }
    const Subject child = subject_of(ctx);
    const auto plan_id = ctx.param("plan");
    const auto wanted = query_number(ctx, "version");
    const auto history_from = query_number(ctx, "history");
    const bool json = ctx.request.wants_json();
    auto data = TRY(ctx.services.db.write([&](db::Connection& c) -> Result<PlanPage> {
        auto found = TRY(find(c, plan_id));
        if (!found)
            return Error::not_found("We could not find that plan.");
        PlanPage page{std::move(*found), {}, {}};
        page.shown = page.plan.current;
        if (wanted && *wanted != page.plan.current.number) {
            auto older = TRY(version(c, plan_id, *wanted));
            if (!older)
                return Error::not_found(fmt::format("This plan has no version {}.", *wanted));
            page.shown = std::move(*older);
        }
        page.history = TRY(versions(c, plan_id, history_from, history_page + 1));
        if (json) {
            TRY(load_sharing(c, page.history));
        } else {
            std::vector<Version> shown{page.shown};
            TRY(load_sharing(c, shown));
            page.shown = std::move(shown.front());
        }
        TRY(record_read(c, child, "plan", std::to_string(plan_id), ctx.actor(), ctx.now()));
        return page;
    }));
    const auto& p = data.plan;
    const auto& history = data.history;
    const bool more = static_cast<int>(history.size()) > history_page;
    const std::size_t listed = std::min<std::size_t>(history.size(), history_page);
    auto previous_of = [&](std::size_t i) -> std::optional<Version> {
        if (i + 1 < history.size()) {
            return history[i + 1];
        }
        return std::nullopt;
    };

    if (json) {
        nlohmann::json versions_out = nlohmann::json::array();
        for (std::size_t i = 0; i < listed; ++i) {
            nlohmann::json v = version_json(history[i]);
            // The last of a page is compared with the version before it only when that was read.
            if (history[i].number == 1 || i + 1 < history.size()) {
                v["changes"] = changes_json(previous_of(i), history[i]);
            }
            versions_out.push_back(std::move(v));
        }
        return Response::json(
            200, {{"plan", plan_json(p, ctx.now())},
                  {"versions", versions_out},
                  {"older_from",
                   more ? nlohmann::json(history[history_page].number) : nlohmann::json(nullptr)}});
    }

    const PlanKind* kind = find_kind(p.kind);
    const std::string title = kind ? plan_title(*kind, p.area_name) : p.kind;
    const std::string href = plan_href(child.child_id, p.id);
    nlohmann::json items = nlohmann::json::array();
    for (std::size_t i = 0; i < listed; ++i) {
        const Version& v = history[i];
        nlohmann::json item = {{"version", v.number},
                               {"author", v.author_name},
                               {"written_at", format_local(v.written_at)},
                               {"reason", v.reason},
                               {"effective_on", format_local_date(v.effective_on)},
                               {"signed", v.signed_at.has_value()},
                               {"signed_by", v.signed_by_name},
                               {"signed_at", v.signed_at ? format_local(*v.signed_at) : ""},
                               {"current", v.number == p.current.number},
                               {"shown", v.number == data.shown.number},
                               {"href", fmt::format("{}?version={}", href, v.number)}};
        if (v.number == 1 || i + 1 < history.size()) {
            item["changes"] = changes_json(previous_of(i), v);
        }
        items.push_back(std::move(item));
    }
    const bool can_write = can(ctx.person, Action::write_plan, ctx.scope);
    const bool can_sign = can(ctx.person, Action::sign_off_plan, ctx.scope);
    const bool awaiting = !p.current.signed_at.has_value();
    nlohmann::json page = {
        {"title", title},
        {"href", href},
        {"is_risk", kind && kind->family == Family::risk_assessment},
        {"shown", version_view(data.shown, ctx.now())},
        {"viewing_older", data.shown.number != p.current.number},
        {"current_version", p.current.number},
        {"current_href", href},
        {"awaiting_sign_off", awaiting},
        {"has_last_signed", p.last_signed.has_value() && awaiting},
        {"last_signed", p.last_signed.value_or(0)},
        {"last_signed_href", fmt::format("{}?version={}", href, p.last_signed.value_or(0))},
        {"can_write", can_write},
        {"can_sign", can_sign && awaiting},
        {"new_version_href", href + "/versions/new"},
        {"sign_off_href", href + "/sign-off"},
        {"sharing_href", fmt::format("{}/sharing?version={}", href, data.shown.number)},
        {"history", items},
        {"has_older", more},
        {"older_href",
         more ? fmt::format("{}?history={}#history", href, history[history_page].number) : ""},
        {"plans_href", fmt::format("/children/{}/plans", child.child_id)},
        {"first_name", first_name_of(ctx)},
        {"started", ctx.request.query_value("started").has_value()},
        {"written", number_or_false(query_number(ctx, "written"))},
        {"signed_now", number_or_false(query_number(ctx, "signed"))},
        {"shared_now", ctx.request.query_value("shared").has_value()},
    };
    return ctx.page("plan", title + ": " + child.child_name, page);
}

Result<Response> kinds(Context& ctx) {
    return Response::json(200, kinds_json(TRY(longest_review(ctx))));
}

}  // namespace pages

void add_routes(http::Router& router) {
    router.add_scope_resolver("plan", plans::resolve_scope);
    router.add_child_tab({"Plans", "/plans", Action::view_child, 30});
    // A plan's writes can carry several long sections: more room than the 64 KiB default.
    constexpr std::size_t plan_body = std::size_t{512} * 1024;

    router.add({"GET", "/children/{child}/plans", Action::view_child, pages::list});
    router.add({"GET", "/children/{child}/plans/new", Action::write_plan, pages::new_plan_form});
    router.add({.method = "POST",
                .pattern = "/children/{child}/plans",
                .action = Action::write_plan,
                .handler = pages::start_plan,
                .max_body = plan_body,
                .again = pages::start_plan_again});
    router.add({"GET", "/children/{child}/plans/{plan}", Action::view_child, pages::plan});
    router.add({"GET", "/children/{child}/plans/{plan}/versions/new", Action::write_plan,
                pages::new_version_form});
    router.add({.method = "POST",
                .pattern = "/children/{child}/plans/{plan}",
                .action = Action::write_plan,
                .handler = pages::add_version,
                .max_body = plan_body,
                .again = pages::add_version_again});
    router.add({"GET", "/children/{child}/plans/{plan}/sign-off", Action::sign_off_plan,
                pages::sign_off_page});
    router.add({.method = "POST",
                .pattern = "/children/{child}/plans/{plan}/sign-off",
                .action = Action::sign_off_plan,
                .handler = pages::sign_off,
                .again = pages::sign_off_again});
    router.add(
        {"GET", "/children/{child}/plans/{plan}/sharing", Action::write_plan, pages::sharing_page});
    router.add({.method = "POST",
                .pattern = "/children/{child}/plans/{plan}/sharing",
                .action = Action::write_plan,
                .handler = pages::record_sharing,
                .again = pages::record_sharing_again});

    router.add({"GET", "/api/v1/plan-kinds", Action::signed_in, pages::kinds});
    router.add({"GET", "/api/v1/children/{child}/plans", Action::view_child, pages::list});
    router.add({"POST", "/api/v1/children/{child}/plans", Action::write_plan, pages::start_plan,
                plan_body});
    router.add({"GET", "/api/v1/children/{child}/plans/{plan}", Action::view_child, pages::plan});
    router.add({"POST", "/api/v1/children/{child}/plans/{plan}/versions", Action::write_plan,
                pages::add_version, plan_body});
    router.add({"POST", "/api/v1/children/{child}/plans/{plan}/sign-off", Action::sign_off_plan,
                pages::sign_off});
    router.add({"POST", "/api/v1/children/{child}/plans/{plan}/sharing", Action::write_plan,
                pages::record_sharing});
}

namespace {

// The child at a glance, first on their Overview: what staff on shift reach for.
Result<std::string> glance_panel(db::Connection& c, const http::Context& ctx,
                                 const children::Child& child) {
    std::vector<std::string> key_workers;
    for (const auto& k : child.key_workers) {
        key_workers.push_back(k.name);
    }
    return views::render("_child_glance", TRY(glance(c, child.id, key_workers, ctx.now())));
}

// The child's risk assessments for the relationships capability: a worrying friendship rests on
// one, and the harmful sexual behaviour one sets the limits on friendships.
Result<std::vector<relationships::RiskAssessmentSeen>> risk_assessments_of(db::Connection& c,
                                                                           std::int64_t child_id) {
    std::vector<relationships::RiskAssessmentSeen> out;
    for (const auto& p : TRY(for_child(c, child_id))) {
        const PlanKind* kind = find_kind(p.kind);
        if (!kind || kind->family != Family::risk_assessment) {
            continue;
        }
        out.push_back({p.id, p.kind, plan_title(*kind, p.area_name),
                       fmt::format("/children/{}/plans/{}", child_id, p.id),
                       section_text(p.current.sections, "what_reduces")});
    }
    return out;
}

// The versions of a child's risk assessments and behaviour support plan written since `since`:
// what a response to bullying changed (relationships/response_records.hpp).
Result<std::vector<relationships::ResponseRecord>> plan_versions_since(db::Connection& c,
                                                                       std::int64_t child_id,
                                                                       Timestamp since) {
    std::vector<relationships::ResponseRecord> out;
    for (const auto& p : TRY(for_child(c, child_id))) {
        const PlanKind* kind = find_kind(p.kind);
        if (!kind || (kind->family != Family::risk_assessment && p.kind != "behaviour_plan") ||
            p.current.written_at < since) {
            continue;
        }
        const auto title = plan_title(*kind, p.area_name);
        for (const auto& v : TRY(versions(c, p.id, std::nullopt, 20))) {
            if (v.written_at >= since) {
                out.push_back({relationships::plan_version_record, v.id, child_id,
                               version_title(title, v.number),
                               fmt::format("/children/{}/plans/{}", child_id, p.id), v.written_at});
            }
        }
    }
    return out;
}

}  // namespace

const Capability capability{
    "Plans and risk assessments", [](Registry& r) {
        r.at<chronology::Kinds>().add({{"plan", "Plan"}, {"risk_assessment", "Risk assessment"}});
        add_routes(r.router);
        r.at<children::ExportSections>().add(export_section());
        r.at<children::ChildPanels>().add({10, glance_panel});
        r.at<relationships::ChildRiskAssessments>().of_child = risk_assessments_of;
        r.at<relationships::ResponseRecords>().add(plan_versions_since);
        r.at<children::WhenLeaving>().add(end_reviews_on_leaving);
        r.at<demo::DemoParts>().add(
            {30, [](db::Connection& c, const demo::DemoWorld&, Timestamp now) {
                 return demo::create_demo_plans(c, now);
             }});
    }};

}  // namespace hearth::plans
