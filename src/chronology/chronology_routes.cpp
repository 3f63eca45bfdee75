#include "chronology/chronology_routes.hpp"

#include <fmt/format.h>

#include "chronology/capability.hpp"
#include "chronology/chronology_store.hpp"
#include "chronology/chronology_view.hpp"
#include "platform/http/form.hpp"
#include "platform/views/views.hpp"

namespace hearth::chronology {

namespace {

using http::Context;
using http::Response;

constexpr int page_size = 50;
constexpr int print_limit = 2000;
constexpr int search_limit = 50;

// The filter as typed in the address, checked field by field like any form.
struct TypedFilter {
    Filter filter;
    nlohmann::json values = nlohmann::json::object();
    std::vector<FieldError> errors;
};

TypedFilter read_filter(const Context& ctx, const Kinds& kinds) {
    TypedFilter t;
    const auto& q = ctx.request;
    if (auto kind = q.query_value("kind"); kind && !kind->empty()) {
        t.values["kind"] = *kind;
        if (kinds.has(*kind)) {
            t.filter.kind = *kind;
        } else {
            t.errors.push_back({"kind", "Choose a kind of entry from the list"});
        }
    }
    auto day = [&](const std::string& name, const std::string& label) -> std::optional<Date> {
        auto v = q.query_value(name);
        if (!v || v->empty()) {
            return std::nullopt;
        }
        t.values[name] = *v;
        auto d = parse_date(*v);
        if (!d) {
            t.errors.push_back({name, label + " must be a real date, like 2026-05-12"});
        }
        return d;
    };
    const auto from = day("from", "From");
    const auto to = day("to", "To");
    if (from && to && *to < *from) {
        t.errors.push_back({"to", "To must be the same as or after From"});
    }
    if (from) {
        t.filter.from = from_local(*from, 0, 0);
    }
    if (to) {
        t.filter.until = from_local(Date{std::chrono::sys_days{*to} + std::chrono::days{1}}, 0, 0);
    }
    if (auto s = q.query_value("significant"); s && (*s == "1" || *s == "yes")) {
        t.filter.significant_only = true;
        t.values["significant"] = true;
    }
    if (auto after = q.query_value("after"); after && !after->empty()) {
        t.filter.after = decode(*after);
        if (!t.filter.after) {
            t.errors.push_back({"after", "That page of the chronology does not exist"});
        }
    }
    return t;
}

// The address of this view with a different page, keeping the filter.
std::string query_with(const TypedFilter& t, const std::optional<std::string>& after) {
    std::string q;
    auto add = [&](const std::string& k, const std::string& v) {
        q += (q.empty() ? "?" : "&") + k + "=" + http::url_encode(v);
    };
    for (const char* k : {"kind", "from", "to"}) {
        if (t.values.contains(k)) {
            add(k, t.values[k].get<std::string>());
        }
    }
    if (t.filter.significant_only) {
        add("significant", "1");
    }
    if (after) {
        add("after", *after);
    }
    return q;
}

nlohmann::json kind_options(const TypedFilter& t, const Kinds& kinds) {
    nlohmann::json out = nlohmann::json::array();
    out.push_back({{"key", ""}, {"label", "Everything"}, {"selected", !t.filter.kind}});
    for (const auto& k : kinds.all()) {
        out.push_back({{"key", k.key}, {"label", k.label}, {"selected", t.filter.kind == k.key}});
    }
    return out;
}

std::string describe(const Filter& f) {
    std::string out = f.kind ? *f.kind : "all";
    if (f.significant_only) {
        out += ", significant only";
    }
    return out;
}

Result<Response> timeline(Context& ctx, const Kinds& kinds) {
    const auto child_id = ctx.param("child");
    TypedFilter typed = read_filter(ctx, kinds);
    const bool json = ctx.request.wants_json();
    if (!typed.errors.empty() && json) {
        return Error::invalid_fields(typed.errors);
    }
    Page page;
    if (typed.errors.empty()) {
        auto found = TRY(ctx.services.db.write([&](db::Connection& c) -> Result<Page> {
            auto p = TRY(for_child(c, child_id, typed.filter, page_size));
            // Reading the chronology is reading the child's record.
            TRY(audit::append(c, ctx.actor(),
                              {"read", "chronology", std::to_string(child_id), ctx.scope.home_id,
                               child_id, describe(typed.filter)},
                              ctx.now()));
            return p;
        }));
        page = std::move(found);
    }
    nlohmann::json entries = nlohmann::json::array();
    for (const auto& e : page.entries) {
        entries.push_back(entry_view(e, kinds));
    }
    if (json) {
        return Response::json(200, {{"entries", entries},
                                    {"next", page.next ? nlohmann::json(encode(*page.next))
                                                       : nlohmann::json(nullptr)}});
    }
    nlohmann::json data = {
        {"entries", entries},
        {"has_entries", !entries.empty()},
        {"kinds", kind_options(typed, kinds)},
        {"from", typed.values.value("from", "")},
        {"to", typed.values.value("to", "")},
        {"significant_only", typed.filter.significant_only},
        {"filtered", typed.filter.kind || typed.filter.from || typed.filter.until},
        {"is_later_page", typed.filter.after.has_value()},
        {"first_page",
         fmt::format("/children/{}/chronology{}", child_id, query_with(typed, std::nullopt))},
        {"print",
         fmt::format("/children/{}/chronology/print{}", child_id, query_with(typed, std::nullopt))},
        {"all_events", fmt::format("/children/{}/chronology", child_id)},
        {"significant_events", fmt::format("/children/{}/chronology?significant=1", child_id)},
        {"can_record", can(ctx.person, Action::record_daily, ctx.scope)},
    };
    if (page.next) {
        data["older"] = fmt::format("/children/{}/chronology{}", child_id,
                                    query_with(typed, encode(*page.next)));
    }
    if (!typed.errors.empty()) {
        data.update(views::errors_view(Error::invalid_fields(typed.errors)));
    }
    return ctx.page("chronology",
                    (typed.filter.significant_only ? "Significant events: " : "Chronology: ") +
                        ctx.scope.child_name,
                    data, typed.errors.empty() ? 200 : 400);
}

Result<Response> printable(Context& ctx, const Kinds& kinds) {
    const auto child_id = ctx.param("child");
    TypedFilter typed = read_filter(ctx, kinds);
    if (!typed.errors.empty()) {
        return Error::invalid_fields(typed.errors);
    }
    typed.filter.after.reset();
    auto found = TRY(ctx.services.db.write([&](db::Connection& c) -> Result<Page> {
        auto p = TRY(for_child(c, child_id, typed.filter, print_limit));
        TRY(audit::append(c, ctx.actor(),
                          {"read", "chronology", std::to_string(child_id), ctx.scope.home_id,
                           child_id, "printed: " + describe(typed.filter)},
                          ctx.now()));
        return p;
    }));
    nlohmann::json entries = nlohmann::json::array();
    // Printed oldest first, as a chronology is read at a review.
    for (auto it = found.entries.rbegin(); it != found.entries.rend(); ++it) {
        entries.push_back(entry_view(*it, kinds));
    }
    return ctx.page("chronology_print", "Chronology to print: " + ctx.scope.child_name,
                    {{"name", ctx.scope.child_name},
                     {"home", ctx.scope.home_name},
                     {"entries", entries},
                     {"has_entries", !entries.empty()},
                     {"significant_only", typed.filter.significant_only},
                     {"truncated", found.next.has_value()},
                     {"limit", print_limit},
                     {"printed_at", format_local(ctx.now())},
                     {"printed_by", ctx.person.name},
                     {"back", fmt::format("/children/{}/chronology{}", child_id,
                                          query_with(typed, std::nullopt))}});
}

Result<Response> search_page(Context& ctx, const Kinds& kinds) {
    const auto home_id = ctx.param("home");
    const std::string q = ctx.request.query_value("q").value_or("");
    const bool json = ctx.request.wants_json();
    std::vector<FieldError> errors;
    if (q.size() > 200) {
        errors.push_back({"q", "Search for 200 characters or fewer"});
    } else if (!q.empty() && fts5_query(q).empty()) {
        errors.push_back({"q", "Search for words or numbers"});
    }
    if (!errors.empty() && json) {
        return Error::invalid_fields(errors);
    }
    std::vector<Entry> results;
    if (!q.empty() && errors.empty()) {
        auto found =
            TRY(ctx.services.db.write([&](db::Connection& c) -> Result<std::vector<Entry>> {
                auto list = TRY(search(c, home_id, q, search_limit));
                TRY(audit::append(c, ctx.actor(),
                                  {"search", "home", std::to_string(home_id), home_id, std::nullopt,
                                   fmt::format("\"{}\": {} results", q, list.size())},
                                  ctx.now()));
                return list;
            }));
        // Only what the searcher may read: each result is checked as its child's record is.
        for (auto& e : found) {
            Scope child = ctx.scope;
            child.child_id = e.child_id;
            if (can(ctx.person, Action::view_chronology, child)) {
                results.push_back(std::move(e));
            }
        }
    }
    nlohmann::json list = nlohmann::json::array();
    for (const auto& e : results) {
        list.push_back(entry_view(e, kinds));
    }
    if (json) {
        return Response::json(200, {{"query", q}, {"results", list}});
    }
    nlohmann::json data = {{"home", {{"id", home_id}, {"name", ctx.scope.home_name}}},
                           {"q", q},
                           {"searched", !q.empty() && errors.empty()},
                           {"results", list},
                           {"count", list.size()},
                           {"has_results", !list.empty()},
                           {"at_limit", list.size() >= static_cast<std::size_t>(search_limit)},
                           {"limit", search_limit}};
    if (!errors.empty()) {
        data.update(views::errors_view(Error::invalid_fields(errors)));
        data["error"] = errors.front().message;
    }
    return ctx.page("search", "Search " + ctx.scope.home_name, data, errors.empty() ? 200 : 400);
}

}  // namespace

void add_routes(http::Router& router, const Kinds& kinds) {
    auto with_kinds = [&kinds](Result<Response> (*handler)(Context&, const Kinds&)) {
        return [&kinds, handler](Context& ctx) { return handler(ctx, kinds); };
    };
    router.add_child_tab({"Chronology", "/chronology", Action::view_chronology, 20});
    router.add(
        {"GET", "/children/{child}/chronology", Action::view_chronology, with_kinds(timeline)});
    router.add({"GET", "/children/{child}/chronology/print", Action::view_chronology,
                with_kinds(printable)});
    router.add({"GET", "/homes/{home}/search", Action::search_home, with_kinds(search_page)});

    router.add({"GET", "/api/v1/children/{child}/chronology", Action::view_chronology,
                with_kinds(timeline)});
    router.add(
        {"GET", "/api/v1/homes/{home}/search", Action::search_home, with_kinds(search_page)});
}

const Capability capability{"Chronology", [](Registry& r) { add_routes(r.router, r.at<Kinds>()); }};

}  // namespace hearth::chronology
