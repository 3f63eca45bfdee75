#include "children/key_workers/key_worker_routes.hpp"

#include <fmt/format.h>

#include "children/child_store.hpp"
#include "children/key_workers/key_worker_store.hpp"
#include "children/record_form.hpp"
#include "children/record_view.hpp"

namespace hearth::children {

namespace {

using http::Context;
using http::Response;
using views::FieldKind;

struct History {
    Child child;
    std::vector<KeyWorkerSpell> spells;
    std::vector<KeyWorkerChangeRecord> changes;
};

Result<History> history_of(db::Connection& c, std::int64_t child_id, const Context& ctx) {
    History h;
    h.child = TRY(open_record(c, child_id, ctx.actor(), ctx.now()));
    h.spells = TRY(key_worker_spells(c, child_id));
    h.changes = TRY(key_worker_changes(c, child_id));
    return h;
}

std::string kind_label(const std::string& kind) {
    if (kind == "admission") {
        return "Named when they came to live here";
    }
    if (kind == "leaving") {
        return "Ended when they left the home";
    }
    return "Key workers changed";
}

std::string joined(const std::vector<std::string>& names) {
    std::string out;
    for (const auto& n : names) {
        out += (out.empty() ? "" : ", ") + n;
    }
    return out;
}

nlohmann::json history_json(const History& h) {
    nlohmann::json current = nlohmann::json::array(), spells = nlohmann::json::array(),
                   changes = nlohmann::json::array();
    for (const auto& s : h.spells) {
        nlohmann::json j = {
            {"person_id", s.person_id},
            {"name", s.name},
            {"started_at", s.started_at},
            {"ended_at", s.ended_at ? nlohmann::json(*s.ended_at) : nlohmann::json()},
            {"start_change_id",
             s.start_change_id ? nlohmann::json(*s.start_change_id) : nlohmann::json()},
            {"end_change_id",
             s.end_change_id ? nlohmann::json(*s.end_change_id) : nlohmann::json()}};
        if (!s.ended_at) {
            current.push_back(
                {{"person_id", s.person_id}, {"name", s.name}, {"since", s.started_at}});
        }
        spells.push_back(j);
    }
    for (const auto& c : h.changes) {
        changes.push_back({{"id", c.id},
                           {"kind", c.kind},
                           {"changed_at", c.changed_at},
                           {"changed_by", c.changed_by},
                           {"reason", c.reason},
                           {"child_view", c.child_view},
                           {"view_not_asked", c.view_not_asked},
                           {"relationships", c.relationships},
                           {"started", c.started},
                           {"ended", c.ended}});
    }
    return {{"current", current},
            {"spells", spells},
            {"changes", changes},
            {"latest_change", h.changes.empty() ? 0 : h.changes.front().id}};
}

Result<Response> key_workers_page(Context& ctx) {
    const auto child_id = ctx.param("child");
    auto h =
        TRY(ctx.services.db.write([&](db::Connection& c) { return history_of(c, child_id, ctx); }));
    if (ctx.request.wants_json()) {
        return Response::json(200, history_json(h));
    }
    const std::string first = known_as(h.child.details);
    nlohmann::json current = nlohmann::json::array(), spells = nlohmann::json::array(),
                   changes = nlohmann::json::array();
    for (const auto& s : h.spells) {
        const std::string since = shown_time(s.started_at);
        if (!s.ended_at) {
            current.push_back({{"name", s.name}, {"since", since}});
        }
        spells.push_back({{"name", s.name},
                          {"from", since},
                          {"to", s.ended_at ? shown_time(*s.ended_at) : "Now"}});
    }
    for (const auto& c : h.changes) {
        changes.push_back({{"id", c.id},
                           {"title", kind_label(c.kind)},
                           {"who", c.changed_by},
                           {"when", shown_time(c.changed_at)},
                           {"started", joined(c.started)},
                           {"has_started", !c.started.empty()},
                           {"ended", joined(c.ended)},
                           {"has_ended", !c.ended.empty()},
                           {"reason", c.reason},
                           {"is_change", c.kind == "change"},
                           {"child_view", c.child_view},
                           {"has_view", !c.child_view.empty()},
                           {"view_not_asked", c.view_not_asked},
                           {"relationships", c.relationships},
                           {"has_relationships", !c.relationships.empty()}});
    }
    return ctx.page("child_key_workers", "Key workers for " + display_name(h.child.details),
                    {{"child", {{"id", child_id}, {"first_name", first}}},
                     {"current", current},
                     {"has_current", !current.empty()},
                     {"spells", spells},
                     {"has_spells", !spells.empty()},
                     {"changes", changes},
                     {"has_left", h.child.left_on.has_value()},
                     {"can_change",
                      !h.child.left_on && can(ctx.person, Action::manage_key_workers, ctx.scope)}});
}

struct Staffing {
    Child child;
    std::vector<StaffMember> staff;
    std::int64_t latest = 0;
};

Result<Staffing> staffing(Context& ctx) {
    return ctx.services.db.write([&](db::Connection& c) -> Result<Staffing> {
        Staffing d;
        d.child = TRY(open_record(c, ctx.param("child"), ctx.actor(), ctx.now()));
        d.staff = TRY(staff_of_home(c, d.child.home_id));
        d.latest = TRY(latest_key_worker_change(c, d.child.id));
        return d;
    });
}

RecordForm change_form(const Context& ctx, const Staffing& d, std::int64_t read_change) {
    const std::string first = known_as(d.child.details);
    std::vector<std::pair<std::string, std::string>> staff;
    for (const auto& s : d.staff) {
        staff.emplace_back(std::to_string(s.person_id), s.name);
    }
    std::string now;
    for (const auto& k : d.child.key_workers) {
        now += (now.empty() ? "" : ", ") + k.name;
    }
    return {
        .title = "Change " + first + "'s key workers",
        .caption = ctx.scope.child_name,
        .intro = {"Where " + first +
                  " has a good relationship with a member of staff, keep it going as far as "
                  "you can. Ask " +
                  first +
                  " what they think before the change is made, and write down "
                  "what they say in their own words."},
        .action = fmt::format("/children/{}/key-workers/change", d.child.id),
        .cancel_href = fmt::format("/children/{}/key-workers", d.child.id),
        .submit = "Save the change",
        .hidden = {{"read_change", std::to_string(read_change)}},
        .groups = {{"Who",
                    "",
                    {{"key_workers", "Key workers from now on", FieldKind::checkboxes,
                      "Staff of this home. Their key workers now: " + (now.empty() ? "none" : now),
                      staff}}},
                   {"Why",
                    "",
                    {{"reason",
                      "Why are the key workers changing?",
                      FieldKind::textarea,
                      "For example, \"Chris is moving to nights\"",
                      {}}}},
                   {first + "'s view",
                    "",
                    {{"child_view",
                      "What " + first + " said about the change",
                      FieldKind::textarea,
                      "In their own words, as near as you can",
                      {}},
                     {"view_not_asked",
                      "Or, if " + first + " could not be asked, why not",
                      FieldKind::textarea,
                      "Leave this empty when you have written what they said",
                      {}},
                     {"relationships",
                      "How relationships will be kept (optional)",
                      FieldKind::textarea,
                      "For example, how " + first +
                          " will keep in touch with a key worker who is "
                          "stepping back",
                      {}}}}},
        .conflict_rows = {{"Key workers now", now}}};
}

nlohmann::json current_values(const Child& child) {
    nlohmann::json ids = nlohmann::json::array();
    for (const auto& k : child.key_workers) {
        ids.push_back(std::to_string(k.person_id));
    }
    return {{"key_workers", ids}};
}

Result<Response> change_page(Context& ctx) {
    auto d = TRY(staffing(ctx));
    if (d.child.left_on) {
        return Error::conflict(
            display_name(d.child.details) +
            " has left the home: key workers are not changed after a child has left.");
    }
    return show_record_form(ctx, change_form(ctx, d, d.latest), current_values(d.child),
                            std::nullopt, 200);
}

Result<Response> change(Context& ctx) {
    http::FormReader reader(*ctx.form);
    auto read = TRY(read_key_worker_change(reader, ctx.scope.child_name));
    TRY(ctx.services.db.write([&](db::Connection& c) {
        return change_key_workers(c, ctx.param("child"), read, ctx.actor(), ctx.now());
    }));
    if (!ctx.request.wants_json()) {
        return Response::redirect(fmt::format("/children/{}/key-workers", ctx.param("child")));
    }
    auto h = TRY(ctx.services.db.write(
        [&](db::Connection& c) { return history_of(c, ctx.param("child"), ctx); }));
    return Response::json(201, history_json(h));
}

// The form again with what was typed. After a conflict it carries the change the person has now
// seen; otherwise the one they had read.
Result<Response> change_again(Context& ctx, const Error& e) {
    auto d = TRY(staffing(ctx));
    const std::int64_t shown =
        e.kind == ErrorKind::conflict ? d.latest : std::atoll(ctx.form->get("read_change").c_str());
    return show_record_form(ctx, change_form(ctx, d, shown), ctx.form->typed_values(), e,
                            http::status_for(e.kind));
}

}  // namespace

void add_key_worker_routes(http::Router& router) {
    router.add_child_tab({"Key workers", "/key-workers", Action::view_child, 50});
    router.add({"GET", "/children/{child}/key-workers", Action::view_child, key_workers_page});
    router.add(
        {"GET", "/children/{child}/key-workers/change", Action::manage_key_workers, change_page});
    router.add({.method = "POST",
                .pattern = "/children/{child}/key-workers/change",
                .action = Action::manage_key_workers,
                .handler = change,
                .again = change_again});
    router.add(
        {"GET", "/api/v1/children/{child}/key-workers", Action::view_child, key_workers_page});
    router.add(
        {"POST", "/api/v1/children/{child}/key-workers", Action::manage_key_workers, change});
}

}  // namespace hearth::children
