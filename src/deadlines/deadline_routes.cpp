#include "deadlines/deadline_routes.hpp"

#include <fmt/format.h>

#include "children/export/export_sections.hpp"
#include "deadlines/capability.hpp"
#include "deadlines/deadline_export.hpp"
#include "deadlines/deadline_store.hpp"
#include "deadlines/deadline_view.hpp"
#include "platform/views/form_view.hpp"
#include "platform/views/views.hpp"

namespace hearth::deadlines {

namespace {

using http::Context;
using http::Response;

constexpr int open_limit = 500;
constexpr int settled_days = 30;
constexpr int settled_limit = 50;

nlohmann::json views_of(const std::vector<Deadline>& list, Timestamp now) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& d : list) {
        out.push_back(deadline_view(d, now));
    }
    return out;
}

// Open clocks split the way a manager reads them (what is late, what is close, what is ahead),
// then those met lately: the evidence.
nlohmann::json sections(const std::vector<Deadline>& open, const std::vector<Deadline>& met,
                        Timestamp now, bool across) {
    nlohmann::json overdue = nlohmann::json::array(), soon = nlohmann::json::array(),
                   later = nlohmann::json::array();
    for (const auto& d : open) {
        switch (standing(d, now)) {
            case Standing::overdue:
                overdue.push_back(deadline_view(d, now));
                break;
            case Standing::due_soon:
                soon.push_back(deadline_view(d, now));
                break;
            default:
                later.push_back(deadline_view(d, now));
        }
    }
    nlohmann::json out = nlohmann::json::array();
    auto add = [&](const std::string& caption, const nlohmann::json& rows) {
        if (!rows.empty()) {
            out.push_back({{"caption", caption}, {"rows", rows}, {"across", across}});
        }
    };
    add("Overdue", overdue);
    add("Due in the next 24 hours", soon);
    add("Coming up", later);
    add(fmt::format("Met in the last {} days", settled_days), views_of(met, now));
    return {{"sections", out},
            {"has_sections", !out.empty()},
            {"overdue_count", overdue.size()},
            {"soon_count", soon.size()},
            {"later_count", later.size()}};
}

struct HomeDeadlines {
    std::vector<Deadline> open;
    std::vector<Deadline> settled;
};

// The homes' clocks the reader may read: those of a staff record only for who may read it.
Result<HomeDeadlines> load(db::Connection& c, const std::vector<std::int64_t>& homes,
                           const Person& reader, Timestamp now) {
    HomeDeadlines h;
    h.open = TRY(open_in_homes(c, homes, open_limit));
    h.settled =
        TRY(settled_in_homes(c, homes, now - std::chrono::days{settled_days}, settled_limit));
    for (auto* list : {&h.open, &h.settled}) {
        std::erase_if(*list, [&](const Deadline& d) { return !may_read_clock(reader, d); });
    }
    return h;
}

Result<Response> home_page(Context& ctx) {
    const auto home_id = ctx.param("home");
    auto found = TRY(ctx.services.db.read(
        [&](db::Connection& c) { return load(c, {home_id}, ctx.person, ctx.now()); }));
    if (ctx.request.wants_json()) {
        return Response::json(200, {{"open", views_of(found.open, ctx.now())},
                                    {"met_recently", views_of(found.settled, ctx.now())}});
    }
    nlohmann::json data = sections(found.open, found.settled, ctx.now(), false);
    data["home"] = {{"id", home_id}, {"name", ctx.scope.home_name}};
    return ctx.page("home_deadlines", "Deadlines: " + ctx.scope.home_name, data);
}

// Every home the person may see the deadlines of, across the organisation.
Result<std::vector<std::int64_t>> homes_watched(db::Connection& c, const Person& person) {
    auto rows = TRY(c.query("SELECT id, name FROM homes WHERE organisation_id = $1 ORDER BY name",
                            {person.organisation_id}));
    std::vector<std::int64_t> out;
    for (const auto& r : rows) {
        Scope s;
        s.organisation_id = person.organisation_id;
        s.home_id = r.integer(0);
        if (can(person, Action::view_deadlines, s)) {
            out.push_back(r.integer(0));
        }
    }
    return out;
}

Result<Response> across_homes(Context& ctx) {
    auto found = TRY(ctx.services.db.read([&](db::Connection& c) -> Result<HomeDeadlines> {
        auto homes = TRY(homes_watched(c, ctx.person));
        return load(c, homes, ctx.person, ctx.now());
    }));
    if (ctx.request.wants_json()) {
        return Response::json(200, {{"open", views_of(found.open, ctx.now())},
                                    {"met_recently", views_of(found.settled, ctx.now())}});
    }
    nlohmann::json data = sections(found.open, found.settled, ctx.now(), true);
    data["across"] = true;
    return ctx.page("home_deadlines", "Deadlines in your homes", data);
}

Result<Response> child_page(Context& ctx) {
    const auto child_id = ctx.param("child");
    auto found =
        TRY(ctx.services.db.read([&](db::Connection& c) { return for_child(c, child_id, 100); }));
    std::vector<Deadline> open, settled;
    for (auto& d : found) {
        (d.state == State::open ? open : settled).push_back(std::move(d));
    }
    if (ctx.request.wants_json()) {
        return Response::json(
            200, {{"open", views_of(open, ctx.now())}, {"met", views_of(settled, ctx.now())}});
    }
    nlohmann::json data = sections(open, settled, ctx.now(), false);
    return ctx.page("child_deadlines", "Deadlines: " + ctx.scope.child_name, data);
}

// The words of the link to where a clock the law stops by a named act is met.
std::string act_that_meets(const std::string& kind) {
    if (kind == "reg35_record") {
        return "Write the Reg 35 record";
    }
    if (kind == "reg35_staff_review") {
        return "Speak to the staff and sign the record (Reg 35(3)(b))";
    }
    if (kind == "reg35_child_review") {
        return "Confirm you spoke to the child (Reg 35(3)(c))";
    }
    return "Record who was told, when and how";
}

Result<Response> show_deadline(const Context& ctx, const Deadline& d, const nlohmann::json& values,
                               const std::optional<Error>& error, int status) {
    nlohmann::json errors = nlohmann::json::object();
    nlohmann::json data = {{"deadline", deadline_view(d, ctx.now())},
                           {"can_meet", d.state == State::open && may_be_met_by_hand(d.kind) &&
                                            can(ctx.person, Action::meet_deadline, ctx.scope)},
                           {"only_by_its_record", !may_be_met_by_hand(d.kind)},
                           {"act", act_that_meets(d.kind)}};
    if (error) {
        data.update(views::errors_view(*error));
        errors = data["error_for"];
    }
    data["note"] = views::field({"note", "How was it met?", views::FieldKind::textarea,
                                 "This is the evidence: for example, \"Review meeting held with "
                                 "Aisha and her social worker on 3 May; notes on file\""},
                                values, errors);
    return ctx.page("deadline", d.title, data, status);
}

Result<Response> detail(Context& ctx) {
    auto found = TRY(
        ctx.services.db.read([&](db::Connection& c) { return find(c, ctx.param("deadline")); }));
    if (!found || !may_read_clock(ctx.person, *found)) {
        return Error::not_found("We could not find that deadline.");
    }
    if (ctx.request.wants_json()) {
        return Response::json(200, deadline_view(*found, ctx.now()));
    }
    return show_deadline(ctx, *found, nlohmann::json::object(), std::nullopt, 200);
}

Result<Response> record_met(Context& ctx) {
    const auto id = ctx.param("deadline");
    const auto readable = TRY(ctx.services.db.read([&](db::Connection& c) -> Result<bool> {
        const auto d = TRY(find(c, id));
        return d && may_read_clock(ctx.person, *d);
    }));
    if (!readable) {
        return Error::not_found("We could not find that deadline.");
    }
    http::FormReader reader(*ctx.form);
    const auto version = reader.integer("version", "version", true, 1, 1'000'000'000);
    const std::string note =
        reader.text("note", "how it was met", {.required = true, .max = 2000, .multiline = true});
    TRY(reader.finish());
    TRY(ctx.services.db.write([&](db::Connection& c) {
        return meet_by_hand(c, id, static_cast<int>(version.value_or(0)), ctx.actor(), ctx.now(),
                            note);
    }));
    if (ctx.request.wants_json()) {
        auto found = TRY(ctx.services.db.read([&](db::Connection& c) { return find(c, id); }));
        return Response::json(200, deadline_view(*found, ctx.now()));
    }
    return Response::redirect(fmt::format("/deadlines/{}?met=1", id));
}

// The deadline as it now is, with the note typed and the message.
Result<Response> met_again(Context& ctx, const Error& e) {
    auto found =
        ctx.services.db.read([&](db::Connection& c) { return find(c, ctx.param("deadline")); });
    if (!found.ok() || !found.value() || !may_read_clock(ctx.person, **found)) {
        return e;
    }
    return show_deadline(ctx, **found, ctx.form->typed_values(), e, http::status_for(e.kind));
}

}  // namespace

void add_routes(http::Router& router) {
    router.add_scope_resolver("deadline", resolve_scope);
    router.add_child_tab({"Deadlines", "/deadlines", Action::view_chronology, 70});
    router.add({"GET", "/homes/{home}/deadlines", Action::view_deadlines, home_page});
    router.add({"GET", "/deadlines", Action::signed_in, across_homes});
    router.add({"GET", "/deadlines/{deadline}", Action::view_deadlines, detail});
    router.add({.method = "POST",
                .pattern = "/deadlines/{deadline}/met",
                .action = Action::meet_deadline,
                .handler = record_met,
                .again = met_again});
    router.add({"GET", "/children/{child}/deadlines", Action::view_chronology, child_page});

    router.add({"GET", "/api/v1/homes/{home}/deadlines", Action::view_deadlines, home_page});
    router.add({"GET", "/api/v1/deadlines", Action::signed_in, across_homes});
    router.add({"GET", "/api/v1/deadlines/{deadline}", Action::view_deadlines, detail});
    router.add({"POST", "/api/v1/deadlines/{deadline}/met", Action::meet_deadline, record_met});
    router.add({"GET", "/api/v1/children/{child}/deadlines", Action::view_chronology, child_page});
}

const Capability capability{"Deadlines", [](Registry& r) {
                                add_routes(r.router);
                                r.at<children::ExportSections>().add(deadlines_export_section());
                            }};

}  // namespace hearth::deadlines
