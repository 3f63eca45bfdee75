#include "daily_record/handover_routes.hpp"

#include <fmt/format.h>

#include <map>

#include "chronology/chronology_store.hpp"
#include "chronology/chronology_view.hpp"
#include "daily_record/action_store.hpp"
#include "daily_record/handover.hpp"
#include "daily_record/handover_parts.hpp"
#include "daily_record/handover_store.hpp"
#include "deadlines/deadline_store.hpp"
#include "deadlines/deadline_view.hpp"
#include "platform/views/form_view.hpp"
#include "platform/views/views.hpp"

namespace hearth::daily_record {

namespace {

using http::Context;
using http::Response;

constexpr int entry_limit = 500;
constexpr int history_page = 20;

struct Picture {
    std::optional<Handover> last;
    Timestamp since{};
    std::vector<chronology::Entry> entries;
    std::vector<AgreedAction> actions;
    std::vector<deadlines::Deadline> deadlines;
    std::vector<std::pair<const HandoverPart*, nlohmann::json>> parts;  // those with something
};

// Everything the next shift needs. Showing the entries is reading those children's records: each
// child whose entries are shown gets a read in the audit trail.
Result<Picture> picture(db::Connection& c, const Context& ctx, std::int64_t home_id,
                        const HandoverParts& parts) {
    Picture p;
    p.last = TRY(last_handover(c, home_id));
    p.since =
        covers_from(p.last ? std::optional<Timestamp>{p.last->given_at} : std::nullopt, ctx.now());
    p.entries = TRY(chronology::recorded_in_home(c, home_id, p.since,
                                                 ctx.now() + std::chrono::seconds{1}, entry_limit));
    p.actions = TRY(open_actions(c, home_id, 100));
    auto open = TRY(deadlines::open_in_homes(c, {home_id}, 200));
    for (auto& d : open) {
        const auto s = deadlines::standing(d, ctx.now());
        if (deadlines::may_read_clock(ctx.person, d) &&
            (s == deadlines::Standing::overdue || s == deadlines::Standing::due_soon)) {
            p.deadlines.push_back(std::move(d));
        }
    }
    for (const auto& part : parts.all()) {
        auto view = TRY(part.view(c, ctx, home_id, p.since));
        if (!view.is_null()) {
            p.parts.emplace_back(&part, std::move(view));
        }
    }
    std::map<std::int64_t, bool> read;
    for (const auto& e : p.entries) {
        if (read.emplace(e.child_id, true).second) {
            TRY(audit::append(c, ctx.actor(),
                              {"read", "handover", std::to_string(home_id), home_id, e.child_id,
                               "entries since the last handover"},
                              ctx.now()));
        }
    }
    return p;
}

nlohmann::json action_view(const AgreedAction& a) {
    return {{"id", a.id},
            {"description", a.description},
            {"child_name", a.child_name},
            {"source_link", a.source_link},
            {"agreed", format_local(a.created_at)},
            {"agreed_by", a.created_by_name},
            {"version", a.version}};
}

Result<Response> handover_page(Context& ctx, const chronology::Kinds& kinds,
                               const HandoverParts& parts) {
    const auto home_id = ctx.param("home");
    auto found = TRY(
        ctx.services.db.write([&](db::Connection& c) { return picture(c, ctx, home_id, parts); }));
    const Picture& p = found;
    // Entries grouped by child, in the order their first entry was recorded.
    nlohmann::json children = nlohmann::json::array();
    std::map<std::int64_t, std::size_t> index;
    nlohmann::json marked = nlohmann::json::array();
    nlohmann::json all = nlohmann::json::array();
    for (const auto& e : p.entries) {
        auto view = chronology::entry_view(e, kinds);
        all.push_back(view);
        if (e.for_handover) {
            marked.push_back(view);
        }
        auto [it, added] = index.emplace(e.child_id, children.size());
        if (added) {
            children.push_back({{"child_id", e.child_id},
                                {"name", e.child_name},
                                {"entries", nlohmann::json::array()}});
        }
        children[it->second]["entries"].push_back(view);
    }
    nlohmann::json actions = nlohmann::json::array();
    for (const auto& a : p.actions) {
        actions.push_back(action_view(a));
    }
    nlohmann::json due = nlohmann::json::array();
    for (const auto& d : p.deadlines) {
        due.push_back(deadlines::deadline_view(d, ctx.now()));
    }
    const Shift& now_shift = shift_at(ctx.now());
    nlohmann::json part_views = nlohmann::json::object();
    for (const auto& [part, view] : p.parts) {
        part_views[part->key] = view;
    }
    if (ctx.request.wants_json()) {
        return Response::json(
            200,
            {{"since", format_utc(p.since)},
             {"parts", part_views},
             {"last_handover", p.last ? nlohmann::json{{"id", p.last->id},
                                                       {"shift", p.last->shift},
                                                       {"given_at", format_utc(p.last->given_at)},
                                                       {"given_by", p.last->given_by_name},
                                                       {"notes", p.last->notes}}
                                      : nlohmann::json(nullptr)},
             {"entries", all},
             {"marked_for_handover", marked},
             {"open_actions", actions},
             {"deadlines", due},
             {"shift", now_shift.key}});
    }
    nlohmann::json part_html = nlohmann::json::array();
    for (const auto& [part, view] : p.parts) {
        nlohmann::json with = view;
        with["home_id"] = home_id;
        with["csrf_token"] = ctx.csrf_token();
        part_html.push_back({{"html", TRY(views::render(part->template_name, with))}});
    }
    nlohmann::json shift_options = nlohmann::json::array();
    for (const auto& s : shifts()) {
        shift_options.push_back(
            {{"key", s.key}, {"label", s.label}, {"checked", s.key == now_shift.key}});
    }
    return ctx.page("handover", "Handover: " + ctx.scope.home_name,
                    {{"home", {{"id", home_id}, {"name", ctx.scope.home_name}}},
                     {"since", format_local(p.since)},
                     {"since_utc", format_utc(p.since)},
                     {"has_last", p.last.has_value()},
                     {"last", p.last ? nlohmann::json{{"shift", shift_label(p.last->shift)},
                                                      {"given_at", format_local(p.last->given_at)},
                                                      {"given_by", p.last->given_by_name},
                                                      {"notes", p.last->notes},
                                                      {"has_notes", !p.last->notes.empty()}}
                                     : nlohmann::json::object()},
                     {"children", children},
                     {"has_entries", !all.empty()},
                     {"entry_count", all.size()},
                     {"at_limit", all.size() >= static_cast<std::size_t>(entry_limit)},
                     {"marked", marked},
                     {"has_marked", !marked.empty()},
                     {"parts", part_html},
                     {"actions", actions},
                     {"has_actions", !actions.empty()},
                     {"deadlines", due},
                     {"has_deadlines", !due.empty()},
                     {"shifts", shift_options},
                     {"can_give", can(ctx.person, Action::give_handover, ctx.scope)},
                     {"can_complete", can(ctx.person, Action::record_daily, ctx.scope)},
                     {"given", ctx.request.query_value("given").has_value()}});
}

Result<Response> give(Context& ctx) {
    const auto home_id = ctx.param("home");
    http::FormReader reader(*ctx.form);
    std::vector<std::string> keys;
    for (const auto& s : shifts()) {
        keys.push_back(s.key);
    }
    const std::string shift = reader.choice("shift", "the shift handing over", keys, true);
    const std::string notes =
        reader.text("notes", "Notes for the next shift", {.max = 10000, .multiline = true});
    const std::string since_typed = reader.text("covers_from", "covers_from", {.max = 40});
    const auto since = parse_utc(since_typed);
    if (!since_typed.empty() && !since) {
        reader.fail("covers_from",
                    "The start of the handover must be a time like 2026-05-12T07:00:00Z");
    }
    Status checked = reader.finish();
    auto id =
        TRY(checked.ok() ? ctx.services.db.write([&](db::Connection& c) -> Result<std::int64_t> {
            auto last = TRY(last_handover(c, home_id));
            const Timestamp from = since.value_or(covers_from(
                last ? std::optional<Timestamp>{last->given_at} : std::nullopt, ctx.now()));
            return give_handover(c, home_id, shift, from, notes, ctx.actor(), ctx.now());
        })
                         : Result<std::int64_t>(checked.take_error()));
    if (ctx.request.wants_json()) {
        return Response::json(201, {{"id", id}});
    }
    return Response::redirect(fmt::format("/homes/{}/handover?given=1", home_id));
}

Result<Response> history(Context& ctx) {
    const auto home_id = ctx.param("home");
    std::optional<std::int64_t> before;
    if (auto b = ctx.request.query_value("before")) {
        const auto n = std::atoll(b->c_str());
        if (n <= 0) {
            return Error::invalid("before", "That page of handovers does not exist");
        }
        before = n;
    }
    auto list = TRY(ctx.services.db.read(
        [&](db::Connection& c) { return handovers(c, home_id, before, history_page + 1); }));
    auto& items = list;
    const bool more = items.size() > static_cast<std::size_t>(history_page);
    if (more) {
        items.pop_back();
    }
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& h : items) {
        rows.push_back({{"shift", shift_label(h.shift)},
                        {"given_at", format_local(h.given_at)},
                        {"covers_from", format_local(h.covers_from)},
                        {"given_by", h.given_by_name},
                        {"notes", h.notes},
                        {"has_notes", !h.notes.empty()}});
    }
    nlohmann::json data = {{"home", {{"id", home_id}, {"name", ctx.scope.home_name}}},
                           {"handovers", rows},
                           {"has_handovers", !rows.empty()},
                           {"is_first_page", !before}};
    if (more) {
        data["older"] = fmt::format("/homes/{}/handovers?before={}", home_id, items.back().id);
    }
    return ctx.page("handovers", "Handovers given: " + ctx.scope.home_name, data);
}

}  // namespace

void add_handover_routes(http::Router& router, const chronology::Kinds& kinds,
                         const HandoverParts& parts) {
    auto page = [&kinds, &parts](Context& ctx) { return handover_page(ctx, kinds, parts); };
    router.add({"GET", "/homes/{home}/handover", Action::view_handover, page});
    router.add({"POST", "/homes/{home}/handovers", Action::give_handover, give});
    router.add({"GET", "/homes/{home}/handovers", Action::view_handover, history});
    router.add({"GET", "/api/v1/homes/{home}/handover", Action::view_handover, page});
    router.add({"POST", "/api/v1/homes/{home}/handovers", Action::give_handover, give});
}

}  // namespace hearth::daily_record
