#include "daily_record/childrens_meeting_routes.hpp"

#include <fmt/format.h>

#include "daily_record/action_store.hpp"
#include "daily_record/childrens_meeting_store.hpp"
#include "daily_record/daily_entry.hpp"
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

constexpr int list_page = 20;

nlohmann::json meeting_json(const Meeting& m) {
    nlohmann::json j = to_json(m.details);
    j["id"] = m.id;
    j["home_id"] = m.home_id;
    j["version"] = m.version;
    j["written_by"] = m.written_by;
    j["attendees"] = nlohmann::json::array();
    for (const auto& a : m.attendees) {
        j["attendees"].push_back({{"child_id", a.child_id}, {"name", a.name}});
    }
    return j;
}

std::string names_of(const std::vector<Attendee>& list) {
    std::string out;
    for (const auto& a : list) {
        out += (out.empty() ? "" : ", ") + a.name;
    }
    return out;
}

struct MeetingFormPage {
    std::string action;
    nlohmann::json values;
    std::optional<Error> error;
    std::optional<int> version;
    int status = 200;
};

Result<Response> show_meeting_form(const Context& ctx, const MeetingFormPage& p) {
    const auto home_id = *ctx.scope.home_id;
    std::vector<std::pair<std::string, std::string>> children;
    if (!p.version) {
        auto living = TRY(ctx.services.db.read(
            [&](db::Connection& c) { return children_living_in(c, home_id); }));
        for (const auto& a : living) {
            children.emplace_back(std::to_string(a.child_id), a.name);
        }
    }
    nlohmann::json errors = nlohmann::json::object();
    const std::string title = p.version ? "Amend a children's meeting" : "Children's meeting";
    nlohmann::json data = {{"title", title},
                           {"home", {{"id", home_id}, {"name", ctx.scope.home_name}}},
                           {"action", p.action},
                           {"amending", p.version.has_value()},
                           {"kept_draft", ctx.draft.has_value()}};
    if (p.error) {
        data.update(views::errors_view(*p.error));
        errors = data["error_for"];
    }
    auto f = [&](const FieldSpec& spec) { return views::field(spec, p.values, errors); };
    nlohmann::json fields = nlohmann::json::array({
        f({"held_on", "Day of the meeting", FieldKind::date, "For example, 12 5 2026"}),
        f({"held_time", "Time it started", FieldKind::time, "For example, 18:30"}),
        f({"topic", "What was the meeting about?", FieldKind::text,
           "For example, plans for the summer holidays"}),
        f({"discussion", "What was talked about", FieldKind::textarea, "", {}, "", "off", true}),
        f({"children_said", "What the children said (optional)", FieldKind::textarea,
           "In their own words"}),
        f({"about_bullying", "We talked about bullying", FieldKind::checkbox,
           "So the home can see that every child has talked about it"}),
    });
    if (!p.version) {
        fields.push_back(
            f({"attendees", "Who came", FieldKind::checkboxes,
               "Each child who came will see this meeting in their chronology", children}));
        fields.push_back(f({"actions", "Actions agreed (optional)", FieldKind::textarea,
                            "One on each line. They stay open at every handover until done."}));
    }
    data["fields"] = fields;
    if (p.version) {
        data["version"] = *p.version;
        data["reason"] =
            views::field({"reason", "Why are you amending this record?", FieldKind::textarea, ""},
                         p.values, errors);
    }
    return ctx.page("childrens_meeting_form", title, data, p.status);
}

Result<Response> meetings_list(Context& ctx) {
    const auto home_id = ctx.param("home");
    std::optional<std::int64_t> before;
    if (auto b = ctx.request.query_value("before")) {
        const auto n = std::atoll(b->c_str());
        if (n <= 0) {
            return Error::invalid("before", "That page of meetings does not exist");
        }
        before = n;
    }
    auto found = TRY(ctx.services.db.read(
        [&](db::Connection& c) { return meetings_of(c, home_id, before, list_page + 1); }));
    auto& items = found;
    const bool more = items.size() > static_cast<std::size_t>(list_page);
    if (more) {
        items.pop_back();
    }
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& m : items) {
        nlohmann::json j = meeting_json(m);
        j["when"] = format_local(m.details.held_at);
        j["who"] = names_of(m.attendees);
        rows.push_back(j);
    }
    if (ctx.request.wants_json()) {
        nlohmann::json out = {{"meetings", rows}};
        if (more) {
            out["before"] = items.back().id;
        }
        return Response::json(200, out);
    }
    nlohmann::json data = {{"home", {{"id", home_id}, {"name", ctx.scope.home_name}}},
                           {"meetings", rows},
                           {"has_meetings", !rows.empty()},
                           {"is_first_page", !before},
                           {"can_record", can(ctx.person, Action::record_daily, ctx.scope)}};
    if (more) {
        data["older"] =
            fmt::format("/homes/{}/childrens-meetings?before={}", home_id, items.back().id);
    }
    return ctx.page("childrens_meetings", "Children's meetings: " + ctx.scope.home_name, data);
}

Result<Response> new_meeting_page(Context& ctx) {
    nlohmann::json values = {{"held_on", format_date(ctx.today())},
                             {"held_time", format_local_time(ctx.now())}};
    if (ctx.draft) {
        values = ctx.draft->typed_values();
    }
    return show_meeting_form(ctx, {fmt::format("/homes/{}/childrens-meetings", ctx.param("home")),
                                   values, std::nullopt, std::nullopt, 200});
}

Result<Response> create_meeting(Context& ctx) {
    const auto home_id = ctx.param("home");
    http::FormReader reader(*ctx.form);
    const auto attendees = reader.ids("attendees", "Who came");
    reader.about_child(TRY(ctx.services.db.read(
        [&](db::Connection& c) { return youngest_born(c, home_id, attendees); })));
    const std::string actions =
        reader.text("actions", "Actions agreed", {.max = 4000, .multiline = true});
    auto details = TRY(read_meeting(reader, ctx.now()));
    const auto id = TRY(ctx.services.db.write([&](db::Connection& c) {
        return record_meeting(c, home_id, details, attendees, agreed_actions(actions), ctx.actor(),
                              ctx.now());
    }));
    if (ctx.request.wants_json()) {
        auto m = TRY(ctx.services.db.read([&](db::Connection& c) { return find_meeting(c, id); }));
        return Response::json(201, meeting_json(*m))
            .header("Location", fmt::format("/api/v1/childrens-meetings/{}", id));
    }
    return Response::redirect(fmt::format("/childrens-meetings/{}?saved=1", id));
}

Result<Response> create_meeting_again(Context& ctx, const Error& e) {
    return show_meeting_form(ctx, {fmt::format("/homes/{}/childrens-meetings", ctx.param("home")),
                                   ctx.form->typed_values(), e, std::nullopt, 400});
}

Result<Response> show_meeting(Context& ctx) {
    const auto id = ctx.param("meeting");
    struct Data {
        Meeting meeting;
        std::vector<amendments::Version> versions;
        std::vector<AgreedAction> actions;
    };
    auto data = TRY(ctx.services.db.write([&](db::Connection& c) -> Result<Data> {
        Data d;
        auto found = TRY(find_meeting(c, id));
        if (!found)
            return Error::not_found("We could not find that meeting.");
        d.meeting = std::move(*found);
        TRY(record_meeting_read(c, d.meeting, ctx.actor(), ctx.now()));
        d.versions = TRY(amendments::versions_of(c, "childrens_meeting", id));
        d.actions = TRY(actions_of(c, "childrens_meeting", id));
        return d;
    }));
    const Meeting& m = data.meeting;
    if (ctx.request.wants_json()) {
        return Response::json(200, meeting_json(m));
    }
    nlohmann::json actions = nlohmann::json::array();
    for (const auto& a : data.actions) {
        actions.push_back({{"id", a.id},
                           {"description", a.description},
                           {"done", a.done},
                           {"done_by", a.done_by_name},
                           {"done_at", a.done_at ? format_local(*a.done_at) : ""},
                           {"version", a.version}});
    }
    auto show_value = [](const std::string& field, const std::string& value) -> std::string {
        if (field == "held_at") {
            if (auto t = parse_utc(value)) {
                return format_local(*t);
            }
        }
        return value;
    };
    return ctx.page("childrens_meeting", "Children's meeting: " + m.details.topic,
                    {{"meeting", meeting_json(m)},
                     {"home", {{"id", m.home_id}, {"name", ctx.scope.home_name}}},
                     {"when", format_local(m.details.held_at)},
                     {"who", names_of(m.attendees)},
                     {"attendees", meeting_json(m)["attendees"]},
                     {"written_by", m.written_by},
                     {"written_at", format_local(m.created_at)},
                     {"actions", actions},
                     {"has_actions", !actions.empty()},
                     {"history", views::history_view(data.versions, meeting_labels(), show_value)},
                     {"can_amend", can(ctx.person, Action::amend_daily, ctx.scope)},
                     {"can_complete", can(ctx.person, Action::record_daily, ctx.scope)},
                     {"saved", ctx.request.query_value("saved").has_value()},
                     {"amended", ctx.request.query_value("amended").has_value()}});
}

Result<Response> amend_meeting_page(Context& ctx) {
    const auto id = ctx.param("meeting");
    auto found = TRY(ctx.services.db.read([&](db::Connection& c) { return find_meeting(c, id); }));
    if (!found) {
        return Error::not_found("We could not find that meeting.");
    }
    const Meeting& m = *found;
    nlohmann::json values = {{"held_on", format_date(local_date_of(m.details.held_at))},
                             {"held_time", format_local_time(m.details.held_at)},
                             {"topic", m.details.topic},
                             {"discussion", m.details.discussion},
                             {"children_said", m.details.children_said},
                             {"about_bullying", m.details.about_bullying ? "yes" : ""}};
    int version = m.version;
    if (ctx.draft) {
        values = ctx.draft->typed_values();
        version = std::atoi(ctx.draft->get("version").c_str());
    }
    return show_meeting_form(
        ctx, {fmt::format("/childrens-meetings/{}", id), values, std::nullopt, version, 200});
}

Result<Response> save_meeting_amendment(Context& ctx) {
    const auto id = ctx.param("meeting");
    http::FormReader reader(*ctx.form);
    reader.about_child(TRY(
        ctx.services.db.read([&](db::Connection& c) { return youngest_attendee_born(c, id); })));
    const auto version = reader.integer("version", "version", true, 1, 1'000'000'000);
    const std::string reason = reader.text("reason", "why you are amending this record",
                                           {.required = true, .max = 1000, .multiline = true});
    auto details = TRY(read_meeting(reader, ctx.now()));
    TRY(ctx.services.db.write([&](db::Connection& c) {
        return amend_meeting(c, id, static_cast<int>(version.value_or(0)), details, reason,
                             ctx.actor(), ctx.now());
    }));
    if (ctx.request.wants_json()) {
        auto m = TRY(ctx.services.db.read([&](db::Connection& c) { return find_meeting(c, id); }));
        return Response::json(200, meeting_json(*m));
    }
    return Response::redirect(fmt::format("/childrens-meetings/{}?amended=1", id));
}

// The form again with what was typed; after a conflict it carries the version now current.
Result<Response> amend_meeting_again(Context& ctx, const Error& e) {
    const auto id = ctx.param("meeting");
    auto current = ctx.services.db.read([&](db::Connection& c) { return find_meeting(c, id); });
    if (!current.ok() || !current.value()) {
        return e;
    }
    const int now_version = (*current.value()).version;
    return show_meeting_form(
        ctx, {fmt::format("/childrens-meetings/{}", id), http::typed_again(ctx, e, now_version), e,
              http::version_again(ctx, e, now_version), http::status_for(e.kind)});
}

}  // namespace

void add_meeting_routes(http::Router& router) {
    router.add_scope_resolver("meeting", resolve_meeting_scope);
    router.add({"GET", "/homes/{home}/childrens-meetings", Action::view_handover, meetings_list});
    router.add(
        {"GET", "/homes/{home}/childrens-meetings/new", Action::record_daily, new_meeting_page});
    router.add({.method = "POST",
                .pattern = "/homes/{home}/childrens-meetings",
                .action = Action::record_daily,
                .handler = create_meeting,
                .again = create_meeting_again});
    router.add({"GET", "/childrens-meetings/{meeting}", Action::view_handover, show_meeting});
    router.add(
        {"GET", "/childrens-meetings/{meeting}/amend", Action::amend_daily, amend_meeting_page});
    router.add({.method = "POST",
                .pattern = "/childrens-meetings/{meeting}",
                .action = Action::amend_daily,
                .handler = save_meeting_amendment,
                .again = amend_meeting_again});

    router.add(
        {"GET", "/api/v1/homes/{home}/childrens-meetings", Action::view_handover, meetings_list});
    router.add(
        {"POST", "/api/v1/homes/{home}/childrens-meetings", Action::record_daily, create_meeting});
    router.add(
        {"GET", "/api/v1/childrens-meetings/{meeting}", Action::view_handover, show_meeting});
    router.add({"PUT", "/api/v1/childrens-meetings/{meeting}", Action::amend_daily,
                save_meeting_amendment});
}

}  // namespace hearth::daily_record
