// The pages of serious events (Reg 40): a home's list, a child's list, the form that raises one,
// and the record with who must be told and the form that records each telling. The page, its JSON
// and the API are rendered from one view of the record (serious_event_view).
#include <fmt/format.h>

#include <algorithm>

#include "children/child_store.hpp"
#include "children/export/export_sections.hpp"
#include "chronology/kinds.hpp"
#include "deadlines/deadline_store.hpp"
#include "deadlines/deadline_view.hpp"
#include "notifications/capability.hpp"
#include "notifications/placement_notice_routes.hpp"
#include "notifications/serious_event_store.hpp"
#include "notifications/serious_event_view.hpp"
#include "organisation/homes.hpp"
#include "platform/http/form_again.hpp"
#include "platform/views/form_view.hpp"
#include "platform/views/views.hpp"

namespace hearth::notifications {

namespace {

using http::Context;
using http::Response;

constexpr int page_size = 50;

// -- Lists ----------------------------------------------------------------------------------------

Result<Response> home_list(Context& ctx) {
    const auto home_id = ctx.param("home");
    std::optional<std::int64_t> before;
    if (auto b = ctx.request.query_value("before")) {
        before = std::atoll(b->c_str());
    }
    auto rows = TRY(ctx.services.db.read([&](db::Connection& c) -> Result<nlohmann::json> {
        auto list = TRY(for_home(c, home_id, before, page_size + 1));
        const bool more = static_cast<int>(list.size()) > page_size;
        if (more) {
            list.pop_back();
        }
        nlohmann::json out = {{"events", TRY(views_of(c, list, ctx.now()))}};
        out["next"] = more ? nlohmann::json(list.back().id) : nlohmann::json();
        return out;
    }));
    if (ctx.request.wants_json()) {
        return Response::json(200, rows);
    }
    nlohmann::json view = rows;
    view["home"] = {{"id", home_id}, {"name", ctx.scope.home_name}};
    view["has_events"] = !rows["events"].empty();
    view["can_record"] = can(ctx.person, Action::record_incident, ctx.scope);
    if (!rows["next"].is_null()) {
        view["next_href"] =
            fmt::format("/homes/{}/serious-events?before={}", home_id, rows["next"].get<long>());
    }
    return ctx.page("serious_events", "Serious events: " + ctx.scope.home_name, view);
}

Result<Response> child_list(Context& ctx) {
    const auto child_id = ctx.param("child");
    auto events = TRY(ctx.services.db.write([&](db::Connection& c) -> Result<nlohmann::json> {
        auto list = TRY(for_child(c, child_id));
        for (const auto& e : list) {
            TRY(record_read(c, e, ctx.actor(), ctx.now()));
        }
        return views_of(c, list, ctx.now());
    }));
    if (ctx.request.wants_json()) {
        return Response::json(200, {{"events", events}, {"next", nullptr}});
    }
    nlohmann::json view = {{"events", events},
                           {"has_events", !events.empty()},
                           {"about_child", true},
                           {"home", {{"id", ctx.scope.home_id.value_or(0)}}},
                           {"can_record", can(ctx.person, Action::record_incident, ctx.scope)},
                           {"child_id", child_id}};
    return ctx.page("serious_events", "Serious events: " + ctx.scope.child_name, view);
}

// -- Raising one ----------------------------------------------------------------------------------

struct Choosable {
    views::Options children;
    std::vector<std::int64_t> child_ids;
    views::Options staff;
    std::vector<std::int64_t> staff_ids;
};

Result<Choosable> choosable(const Context& ctx, std::int64_t home_id) {
    return ctx.services.db.read([&](db::Connection& c) -> Result<Choosable> {
        Choosable out;
        for (const auto& k : TRY(children::in_home(c, home_id))) {
            if (!k.left_on) {
                out.children.emplace_back(std::to_string(k.id), children::display_name(k.details));
                out.child_ids.push_back(k.id);
            }
        }
        for (const auto& p : TRY(organisation::people_of_home(c, home_id))) {
            if (!p.disabled) {
                out.staff.emplace_back(std::to_string(p.person_id), p.name);
                out.staff_ids.push_back(p.person_id);
            }
        }
        return out;
    });
}

Result<Response> show_new(const Context& ctx, const Choosable& ch, const nlohmann::json& values,
                          const std::optional<Error>& error, int status) {
    nlohmann::json errors = nlohmann::json::object();
    nlohmann::json view = {{"action", fmt::format("/homes/{}/serious-events", ctx.param("home"))},
                           {"home", {{"id", ctx.param("home")}, {"name", ctx.scope.home_name}}},
                           {"outcome_of", values.value("outcome_of", "")}};
    if (error) {
        view.update(views::errors_view(*error));
        errors = view["error_for"];
    }
    views::Options events;
    nlohmann::json law = nlohmann::json::array();
    for (const auto& k : serious_events()) {
        events.emplace_back(k.key, k.label);
        law.push_back({{"label", k.label}, {"regulation", k.regulation}, {"words", k.words}});
    }
    view["law"] = law;
    auto f = [&](const views::FieldSpec& spec) { return views::field(spec, values, errors); };
    view["fields"] = nlohmann::json::array(
        {f({"event", "What happened that Reg 40 asks to be notified?", views::FieldKind::radios,
            "What the regulation says of each is below", events}),
         f({"child_id", "Which child is it about?", views::FieldKind::radios,
            "Every event but a referral of staff is about a child", ch.children}),
         f({"what_happened", "What happened", views::FieldKind::textarea,
            "Plainly: what Ofsted and the placing authority need to know"}),
         f({"known_on", "Day it became known", views::FieldKind::date}),
         f({"known_time", "Time it became known", views::FieldKind::time,
            "The clock runs from this moment: without delay, and within 24 hours"})});
    return ctx.page("serious_event_form", "Record a serious event", view, status);
}

Result<Response> new_form(Context& ctx) {
    auto ch = TRY(choosable(ctx, ctx.param("home")));
    nlohmann::json values = {{"known_on", format_date(ctx.today())},
                             {"known_time", format_local_time(ctx.now())}};
    if (auto child = ctx.request.query_value("child")) {
        values["child_id"] = *child;
    }
    if (auto of = ctx.request.query_value("outcome_of")) {
        values["outcome_of"] = *of;
        values["event"] = enquiry_outcome;
    }
    if (ctx.draft) {
        values = ctx.draft->typed_values();
    }
    return show_new(ctx, ch, values, std::nullopt, 200);
}

Result<Response> create(Context& ctx) {
    const auto home_id = ctx.param("home");
    auto ch = TRY(choosable(ctx, home_id));
    http::FormReader reader(*ctx.form);
    const auto outcome_of = reader.integer("outcome_of", "the enquiry", false, 1,
                                           std::numeric_limits<std::int64_t>::max());
    auto e = TRY(read_serious_event(reader, ch.child_ids, ctx.now()));
    const auto id = TRY(ctx.services.db.write([&](db::Connection& c) -> Result<std::int64_t> {
        if (outcome_of) {
            auto enquiry_event = TRY(find(c, *outcome_of));
            if (!enquiry_event || enquiry_event->event != enquiry ||
                enquiry_event->home_id != home_id || enquiry_event->child_id != e.child_id ||
                e.event != enquiry_outcome) {
                return Error::invalid("event",
                                      "An outcome is recorded against a child protection enquiry "
                                      "of the same child");
            }
        }
        return raise(c, {home_id, e, std::nullopt, outcome_of}, ctx.actor(), ctx.now());
    }));
    if (ctx.request.wants_json()) {
        auto made = TRY(ctx.services.db.read([&](db::Connection& c) -> Result<nlohmann::json> {
            auto found = TRY(find(c, id));
            return serious_event_view(*found, TRY(clock_of(c, id)), ctx.now());
        }));
        return Response::json(201, made).header(
            "Location", fmt::format("/api/v1/homes/{}/serious-events/{}", home_id, id));
    }
    return Response::redirect(fmt::format("/homes/{}/serious-events/{}?saved=1", home_id, id));
}

Result<Response> create_again(Context& ctx, const Error& e) {
    auto ch = TRY(choosable(ctx, ctx.param("home")));
    return show_new(ctx, ch, ctx.form->typed_values(), e, http::status_for(e.kind));
}

// -- The record, and who was told ---------------------------------------------------------------

Result<Response> show_event(Context& ctx, const nlohmann::json& values,
                            const std::optional<Error>& error, int status) {
    const auto id = ctx.param("serious_event");
    auto data = TRY(ctx.services.db.write([&](db::Connection& c) -> Result<nlohmann::json> {
        auto found = TRY(find(c, id));
        if (!found) {
            return Error::not_found("We could not find that serious event.");
        }
        TRY(record_read(c, *found, ctx.actor(), ctx.now()));
        return serious_event_view(*found, TRY(clock_of(c, id)), ctx.now());
    }));
    if (ctx.request.wants_json()) {
        return Response::json(200, data);
    }
    const auto home_id = data["home_id"].get<std::int64_t>();
    Scope home_scope = ctx.scope;
    home_scope.home_id = home_id;
    const bool can_record = can(ctx.person, Action::record_incident, home_scope) &&
                            data["withdrawn_reason"].get<std::string>().empty();
    nlohmann::json view = {
        {"serious_event", data},
        {"can_record", can_record},
        {"saved", ctx.request.query_value("saved").has_value()},
        {"was_told", ctx.request.query_value("told").has_value()},
        {"action", fmt::format("/homes/{}/serious-events/{}/told", home_id, id)}};
    if (can_record) {
        auto ch = TRY(choosable(ctx, home_id));
        nlohmann::json errors = nlohmann::json::object();
        if (error) {
            view.update(views::errors_view(*error));
            errors = view["error_for"];
        }
        nlohmann::json shown = values;
        if (!shown.contains("told_on")) {
            shown["told_on"] = format_date(ctx.today());
            shown["told_time"] = format_local_time(ctx.now());
            shown["told_by"] = std::to_string(ctx.person.id);
            for (const auto& r : data["recipients"]) {
                if (!r["told"].get<bool>()) {
                    shown["recipient"] = r["recipient"];
                    break;
                }
            }
        }
        auto f = [&](const views::FieldSpec& spec) { return views::field(spec, shown, errors); };
        view["fields"] = nlohmann::json::array(
            {f({"recipient", "Who was told?", views::FieldKind::radios, "",
                views::options_of(recipients())}),
             f({"named", "Their name, or the team", views::FieldKind::text,
                "For example, \"Ofsted's notifications team\" or \"Northshire duty team\""}),
             f({"method", "How were they told?", views::FieldKind::radios, "",
                views::options_of(methods())}),
             f({"told_on", "Day they were told", views::FieldKind::date}),
             f({"told_time", "Time they were told", views::FieldKind::time}),
             f({"told_by", "Who told them?", views::FieldKind::radios, "", ch.staff}),
             f({"reference", "Their reference (optional)", views::FieldKind::text,
                "Ofsted's notification number, for example"})});
        view["child_id"] = ctx.scope.child_id        ? nlohmann::json(*ctx.scope.child_id)
                           : data["child"].is_null() ? nlohmann::json()
                                                     : data["child"]["id"];
    }
    return ctx.page("serious_event", data["label"].get<std::string>(), view, status);
}

Result<Response> detail(Context& ctx) {
    return show_event(ctx, nlohmann::json::object(), std::nullopt, 200);
}

Result<Response> told(Context& ctx) {
    const auto id = ctx.param("serious_event");
    auto known = TRY(ctx.services.db.read([&](db::Connection& c) -> Result<SeriousEvent> {
        auto found = TRY(find(c, id));
        if (!found) {
            return Error::not_found("We could not find that serious event.");
        }
        return std::move(*found);
    }));
    auto ch = TRY(choosable(ctx, known.home_id));
    http::FormReader reader(*ctx.form);
    auto t = TRY(read_telling(reader, ch.staff_ids, known.became_known_at, ctx.now()));
    TRY(ctx.services.db.write(
        [&](db::Connection& c) { return record_told(c, id, t, ctx.actor(), ctx.now()); }));
    if (ctx.request.wants_json()) {
        return Response::no_content();
    }
    return Response::redirect(fmt::format("/homes/{}/serious-events/{}?told=1", known.home_id, id));
}

Result<Response> told_again(Context& ctx, const Error& e) {
    return show_event(ctx, ctx.form->typed_values(),
                      e.kind == ErrorKind::conflict ? Error::invalid("recipient", e.message) : e,
                      http::status_for(e.kind));
}

}  // namespace

void add_routes(http::Router& router) {
    router.add_scope_resolver("serious_event", resolve_scope);
    router.add_child_tab({"Serious events", "/serious-events", Action::view_chronology, 65});
    const std::string home = "/homes/{home}/serious-events";
    const std::string child = "/children/{child}/serious-events";
    router.add({"GET", home, Action::view_deadlines, home_list});
    router.add({"GET", home + "/new", Action::record_incident, new_form});
    router.add({.method = "POST",
                .pattern = home,
                .action = Action::record_incident,
                .handler = create,
                .again = create_again});
    router.add({"GET", home + "/{serious_event}", Action::view_deadlines, detail});
    router.add({.method = "POST",
                .pattern = home + "/{serious_event}/told",
                .action = Action::record_incident,
                .handler = told,
                .again = told_again});
    router.add({"GET", child, Action::view_chronology, child_list});
    router.add({"GET", child + "/{serious_event}", Action::view_chronology, detail});

    router.add({"GET", "/api/v1" + home, Action::view_deadlines, home_list});
    router.add({"POST", "/api/v1" + home, Action::record_incident, create});
    router.add({"GET", "/api/v1" + home + "/{serious_event}", Action::view_deadlines, detail});
    router.add({"POST", "/api/v1" + home + "/{serious_event}/told", Action::record_incident, told});
    router.add({"GET", "/api/v1" + child, Action::view_chronology, child_list});
    router.add({"GET", "/api/v1" + child + "/{serious_event}", Action::view_chronology, detail});
}

const Capability capability{
    "Notifications", [](Registry& r) {
        add_routes(r.router);
        r.at<chronology::Kinds>().add({{"serious_event", "Serious event (Reg 40)"}});
        r.at<children::ExportSections>().add(serious_events_export_section());
        join_placement_notices(r);
    }};

}  // namespace hearth::notifications
