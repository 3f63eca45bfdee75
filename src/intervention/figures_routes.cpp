// What managers see of restrictive practice, for a home and across the organisation: charts drawn
// on the server with the table of the same numbers beside each, the Reg 35 sign-offs still owed,
// and Ofsted's pre-inspection counts for any dates, as a page and as CSV.
#include <fmt/format.h>

#include <algorithm>

#include "behaviour/incident_lists.hpp"
#include "behaviour/incident_store.hpp"
#include "deadlines/deadline_store.hpp"
#include "deadlines/deadline_view.hpp"
#include "intervention/figures_store.hpp"
#include "intervention/intervention_routes.hpp"
#include "intervention/reg35.hpp"
#include "notifications/serious_event_store.hpp"
#include "organisation/homes.hpp"
#include "platform/months.hpp"
#include "platform/views/charts.hpp"
#include "platform/views/views.hpp"

namespace hearth::intervention {

using http::Context;
using http::Response;
namespace charts = views::charts;

namespace {

constexpr int months_shown = 12;

struct Homes {
    std::vector<organisation::Home> homes;
    bool whole_organisation = false;
};

// The home of the route, or every home of the organisation.
Result<Homes> homes_asked(db::Connection& c, const Context& ctx) {
    Homes h;
    if (ctx.scope.home_id) {
        auto home = TRY(organisation::find_home(c, *ctx.scope.home_id));
        if (!home) {
            return Error::not_found("We could not find that home.");
        }
        h.homes.push_back(*home);
        return h;
    }
    h.homes = TRY(organisation::homes_of(c, ctx.person.organisation_id));
    h.whole_organisation = true;
    return h;
}

std::vector<std::int64_t> ids_of(const Homes& h) {
    std::vector<std::int64_t> out;
    for (const auto& home : h.homes) {
        out.push_back(home.id);
    }
    return out;
}

Timestamp start_of_month(const std::string& month) {
    const auto day = parse_date(month + "-01");
    return day ? from_local(*day, 0, 0).value_or(Timestamp{}) : Timestamp{};
}

// A bar chart of one series with the table of its numbers.
nlohmann::json bars(const std::string& id, const std::string& title, const std::string& what,
                    const std::vector<std::string>& labels, const std::vector<int>& values,
                    const std::string& value_label) {
    std::vector<std::optional<double>> series;
    nlohmann::json rows = nlohmann::json::array();
    for (std::size_t i = 0; i < labels.size(); ++i) {
        series.emplace_back(values[i]);
        rows.push_back({{"label", labels[i]}, {"value", values[i]}});
    }
    charts::Chart chart{id,
                        title,
                        what + " The table below gives every value.",
                        labels,
                        {{value_label, series, false}},
                        value_label,
                        0};
    return {{"id", id},
            {"title", title},
            {"chart", charts::bar_chart(chart, charts::BarLayout::grouped)},
            {"rows", rows},
            {"has_rows", !labels.empty()},
            {"value_label", value_label}};
}

struct Gathered {
    Homes homes;
    Figures figures;
    std::vector<behaviour::Person> staff;
    std::vector<deadlines::Deadline> owed;
    std::map<std::int64_t, Figures> per_home;
};

Result<Gathered> gather(db::Connection& c, const Context& ctx,
                        const std::vector<std::string>& months) {
    Gathered g;
    g.homes = TRY(homes_asked(c, ctx));
    const auto ids = ids_of(g.homes);
    const Timestamp from = start_of_month(months.front());
    const Timestamp until = ctx.now() + std::chrono::hours{1};
    auto incidents = TRY(incidents_in(c, ids, from, until));
    auto restraints = TRY(restraints_in(c, ids, from, until));
    g.figures = build_figures(months, incidents, restraints);
    if (g.homes.whole_organisation) {
        for (auto id : ids) {
            std::vector<IncidentRow> hi;
            std::vector<RestraintRow> hr;
            std::copy_if(incidents.begin(), incidents.end(), std::back_inserter(hi),
                         [&](const IncidentRow& r) { return r.home_id == id; });
            std::copy_if(restraints.begin(), restraints.end(), std::back_inserter(hr),
                         [&](const RestraintRow& r) { return r.home_id == id; });
            g.per_home[id] = build_figures(months, hi, hr);
        }
    }
    std::vector<std::int64_t> staff_ids;
    for (const auto& [id, n] : g.figures.by_staff) {
        staff_ids.push_back(id);
    }
    g.staff = TRY(behaviour::people_named(c, staff_ids));
    auto open = TRY(deadlines::open_in_homes(c, ids, 500));
    for (auto& d : open) {
        if (d.kind == behaviour::reg35_record_clock || d.kind == staff_review_clock ||
            d.kind == child_review_clock) {
            g.owed.push_back(std::move(d));
        }
    }
    return g;
}

nlohmann::json figures_json(const Gathered& g, const Timestamp now) {
    const auto& f = g.figures;
    nlohmann::json months = nlohmann::json::array();
    for (const auto& m : f.months) {
        months.push_back({{"month", m.month},
                          {"incidents", m.incidents},
                          {"restraints", m.restraints},
                          {"children_restrained", m.children_restrained},
                          {"injuries", m.injuries}});
    }
    nlohmann::json triggers = nlohmann::json::object();
    for (const auto& [k, n] : f.by_trigger) {
        triggers[k] = n;
    }
    nlohmann::json staff = nlohmann::json::array();
    for (const auto& [id, n] : f.by_staff) {
        staff.push_back(
            {{"person_id", id}, {"name", behaviour::name_in(g.staff, id)}, {"restraints", n}});
    }
    nlohmann::json owed = nlohmann::json::array();
    for (const auto& d : g.owed) {
        owed.push_back(deadlines::deadline_view(d, now));
    }
    return {{"months", months},
            {"by_time_of_day", f.by_band},
            {"by_weekday", f.by_weekday},
            {"by_trigger", triggers},
            {"by_staff", staff},
            {"by_duration", f.by_duration},
            {"incidents", f.incidents},
            {"restraints", f.restraints},
            {"children_restrained", f.children_restrained},
            {"injuries", f.injuries},
            {"sign_offs_owed", owed}};
}

Result<Response> figures_page(Context& ctx) {
    const auto months = months_ending(ctx.today(), months_shown);
    auto g = TRY(ctx.services.db.read([&](db::Connection& c) { return gather(c, ctx, months); }));
    if (ctx.request.wants_json()) {
        return Response::json(200, figures_json(g, ctx.now()));
    }
    const auto& f = g.figures;
    const std::string period =
        fmt::format("{} to {}", month_label(months.front()), month_label(months.back()));
    const std::string where =
        g.homes.whole_organisation ? std::string("the organisation") : g.homes.homes.front().name;

    std::vector<std::string> labels;
    std::vector<std::optional<double>> incidents, restraints, children;
    nlohmann::json month_rows = nlohmann::json::array();
    for (const auto& m : f.months) {
        labels.push_back(short_month_label(m.month));
        incidents.emplace_back(m.incidents);
        restraints.emplace_back(m.restraints);
        children.emplace_back(m.children_restrained);
        month_rows.push_back({{"month", month_label(m.month)},
                              {"incidents", m.incidents},
                              {"restraints", m.restraints},
                              {"children", m.children_restrained},
                              {"injuries", m.injuries}});
    }
    charts::Chart monthly{"restraint-months",
                          "Incidents, restraints and children restrained, by month",
                          fmt::format("Bars for each month from {} at {}. The table below gives "
                                      "every value.",
                                      period, where),
                          labels,
                          {{"Incidents", incidents, false},
                           {"Restraints", restraints, false},
                           {"Children restrained", children, false}},
                          "Count",
                          0};

    std::vector<std::string> band_labels;
    std::vector<int> band_values;
    for (int b = 0; b < day_bands; ++b) {
        band_labels.push_back(band_label(b));
        band_values.push_back(f.by_band[static_cast<std::size_t>(b)]);
    }
    const std::vector<std::string> weekdays{"Monday", "Tuesday",  "Wednesday", "Thursday",
                                            "Friday", "Saturday", "Sunday"};
    std::vector<int> weekday_values(f.by_weekday.begin(), f.by_weekday.end());
    std::vector<std::pair<std::string, int>> triggers;
    for (const auto& [k, n] : f.by_trigger) {
        triggers.emplace_back(label_in(behaviour::triggers(), k), n);
    }
    std::stable_sort(triggers.begin(), triggers.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    std::vector<std::string> trigger_labels;
    std::vector<int> trigger_values;
    for (const auto& [l, n] : triggers) {
        trigger_labels.push_back(l);
        trigger_values.push_back(n);
    }
    std::vector<std::pair<std::string, int>> staff;
    for (const auto& [id, n] : f.by_staff) {
        staff.emplace_back(behaviour::name_in(g.staff, id), n);
    }
    std::stable_sort(staff.begin(), staff.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    std::vector<std::string> staff_labels;
    std::vector<int> staff_values;
    for (const auto& [l, n] : staff) {
        staff_labels.push_back(l);
        staff_values.push_back(n);
    }
    std::vector<std::string> duration_labels;
    std::vector<int> duration_values;
    for (int b = 0; b < duration_buckets; ++b) {
        duration_labels.push_back(duration_label(b));
        duration_values.push_back(f.by_duration[static_cast<std::size_t>(b)]);
    }
    nlohmann::json figures = nlohmann::json::array({
        bars("restraint-time", "Restraints by time of day",
             "How many restraints began in each three hours of the day.", band_labels, band_values,
             "Restraints"),
        bars("restraint-weekday", "Restraints by day of the week",
             "How many restraints there were on each day of the week.", weekdays, weekday_values,
             "Restraints"),
        bars("incident-triggers", "What may have set incidents off",
             "How many incidents named each possible trigger; an incident can name several.",
             trigger_labels, trigger_values, "Incidents"),
        bars("restraint-staff", "Restraints by member of staff",
             "How many restraints each member of staff held in: a pattern is for supervision, "
             "not blame.",
             staff_labels, staff_values, "Restraints"),
        bars("restraint-duration", "How long holds lasted",
             "How many restraints lasted for each length of time.", duration_labels,
             duration_values, "Restraints"),
    });
    nlohmann::json owed = nlohmann::json::array();
    for (const auto& d : g.owed) {
        owed.push_back(deadlines::deadline_view(d, ctx.now()));
    }
    nlohmann::json homes = nlohmann::json::array();
    for (const auto& h : g.homes.homes) {
        if (!g.homes.whole_organisation) {
            break;
        }
        const auto& hf = g.per_home.at(h.id);
        const int owed_here = static_cast<int>(std::count_if(
            g.owed.begin(), g.owed.end(), [&](const auto& d) { return d.home_id == h.id; }));
        homes.push_back({{"name", h.name},
                         {"href", fmt::format("/homes/{}/restrictive-practice", h.id)},
                         {"incidents", hf.incidents},
                         {"restraints", hf.restraints},
                         {"children", hf.children_restrained},
                         {"injuries", hf.injuries},
                         {"owed", owed_here}});
    }
    const double mean = f.restraints ? static_cast<double>(f.total_minutes) / f.restraints : 0;
    nlohmann::json view = {
        {"where", where},
        {"whole_organisation", g.homes.whole_organisation},
        {"home", g.homes.whole_organisation ? nlohmann::json(nullptr)
                                            : nlohmann::json{{"id", g.homes.homes.front().id},
                                                             {"name", g.homes.homes.front().name}}},
        {"period", period},
        {"incidents", f.incidents},
        {"restraints", f.restraints},
        {"children_restrained", f.children_restrained},
        {"injuries", f.injuries},
        {"mean_minutes", fmt::format("{:.1f}", mean)},
        {"monthly_chart", charts::bar_chart(monthly, charts::BarLayout::grouped)},
        {"month_rows", month_rows},
        {"figures", figures},
        {"owed", owed},
        {"has_owed", !owed.empty()},
        {"homes", homes},
        {"has_homes", !homes.empty()},
        {"counts_href", g.homes.whole_organisation
                            ? std::string("/organisation/ofsted-counts")
                            : fmt::format("/homes/{}/ofsted-counts", g.homes.homes.front().id)}};
    return ctx.page("restrictive_practice", "Restrictive practice: " + where, view);
}

// -- Ofsted's pre-inspection counts --------------------------------------------------------------

struct Range {
    Date from{};
    Date to{};
    std::vector<FieldError> errors;
};

Range range_asked(const Context& ctx) {
    Range r;
    const Date today = ctx.today();
    r.to = today;
    r.from = Date{std::chrono::sys_days{today} - std::chrono::days{365}};
    auto read = [&](const char* name, const char* label, Date& into) {
        auto v = ctx.request.query_value(name);
        if (!v || v->empty()) {
            return;
        }
        if (auto d = parse_date(*v)) {
            into = *d;
        } else {
            r.errors.push_back(
                {name, fmt::format("{} must be a real date, like 2026-05-12", label)});
        }
    };
    read("from", "From", r.from);
    read("to", "To", r.to);
    if (r.errors.empty() && r.to < r.from) {
        r.errors.push_back({"to", "To must be the same as or after From"});
    }
    if (r.errors.empty() && r.to > today) {
        r.errors.push_back({"to", "To must be today or earlier"});
    }
    return r;
}

Result<Response> ofsted_counts_page(Context& ctx) {
    Range range = range_asked(ctx);
    if (!range.errors.empty() && ctx.request.wants_json()) {
        return Error::invalid_fields(range.errors);
    }
    struct Row {
        std::string home;
        OfstedCounts counts;
    };
    struct Counted {
        std::vector<Row> rows;
        OfstedCounts overall;  // a child restrained in two homes counts once here
        notifications::EventCounts serious;
    };
    auto counted = TRY(ctx.services.db.read([&](db::Connection& c) -> Result<Counted> {
        Counted out;
        if (!range.errors.empty())
            return out;
        auto homes = TRY(homes_asked(c, ctx));
        const Timestamp from = from_local(range.from, 0, 0).value_or(Timestamp{});
        const Timestamp until =
            from_local(Date{std::chrono::sys_days{range.to} + std::chrono::days{1}}, 0, 0)
                .value_or(Timestamp{});
        std::vector<RestraintRow> all;
        for (const auto& h : homes.homes) {
            auto restraints = TRY(restraints_in(c, {h.id}, from, until));
            out.rows.push_back({h.name, ofsted_counts(restraints, from, until)});
            all.insert(all.end(), restraints.begin(), restraints.end());
        }
        out.overall = ofsted_counts(all, from, until);
        out.serious = TRY(notifications::counts_in(c, ids_of(homes), from, until));
        return out;
    }));
    const std::string from_text = format_date(range.from);
    const std::string to_text = format_date(range.to);
    const bool csv = ctx.request.query_value("format") == std::optional<std::string>("csv");
    if (csv && range.errors.empty()) {
        std::string body = "home,from,to,restraints,children_restrained,records_owed\r\n";
        for (const auto& r : counted.rows) {
            body += fmt::format("{},{},{},{},{},{}\r\n", csv_field(r.home), from_text, to_text,
                                r.counts.restraints, r.counts.children_restrained,
                                r.counts.records_owed);
        }
        if (counted.rows.size() > 1) {
            body += fmt::format("All homes,{},{},{},{},{}\r\n", from_text, to_text,
                                counted.overall.restraints, counted.overall.children_restrained,
                                counted.overall.records_owed);
        }
        return Response::text(200, body, "text/csv; charset=utf-8")
            .header("Content-Disposition",
                    fmt::format("attachment; filename=\"ofsted-counts-{}-to-{}.csv\"", from_text,
                                to_text));
    }
    nlohmann::json list = nlohmann::json::array();
    for (const auto& r : counted.rows) {
        list.push_back({{"home", r.home},
                        {"restraints", r.counts.restraints},
                        {"children_restrained", r.counts.children_restrained},
                        {"records_owed", r.counts.records_owed}});
    }
    nlohmann::json serious = nlohmann::json::array();
    for (const auto& [event, n] : counted.serious.by_event) {
        const auto* kind = notifications::event_kind(event);
        serious.push_back({{"event", event}, {"label", kind ? kind->label : event}, {"count", n}});
    }
    if (ctx.request.wants_json()) {
        return Response::json(200,
                              {{"from", from_text},
                               {"to", to_text},
                               {"homes", list},
                               {"serious_events", serious},
                               {"children_sexually_exploited", counted.serious.children_exploited},
                               {"restraints", counted.overall.restraints},
                               {"children_restrained", counted.overall.children_restrained},
                               {"records_owed", counted.overall.records_owed}});
    }
    nlohmann::json view = {{"from", ctx.request.query_value("from").value_or(from_text)},
                           {"to", ctx.request.query_value("to").value_or(to_text)},
                           {"from_label", format_local_date(range.from)},
                           {"to_label", format_local_date(range.to)},
                           {"rows", list},
                           {"restraints", counted.overall.restraints},
                           {"children_restrained", counted.overall.children_restrained},
                           {"records_owed", counted.overall.records_owed},
                           {"serious_events", serious},
                           {"children_sexually_exploited", counted.serious.children_exploited},
                           {"has_counts", range.errors.empty()},
                           {"several", list.size() > 1},
                           {"csv_href", fmt::format("{}?from={}&to={}&format=csv", ctx.request.path,
                                                    from_text, to_text)},
                           {"action", ctx.request.path}};
    if (!range.errors.empty()) {
        view.update(views::errors_view(Error::invalid_fields(range.errors)));
    }
    return ctx.page("ofsted_counts", "Ofsted's counts", view, range.errors.empty() ? 200 : 400);
}

}  // namespace

void add_figure_routes(http::Router& router) {
    router.add({"GET", "/homes/{home}/restrictive-practice", Action::view_behaviour_figures,
                figures_page});
    router.add({"GET", "/organisation/restrictive-practice", Action::view_behaviour_figures,
                figures_page});
    router.add(
        {"GET", "/homes/{home}/ofsted-counts", Action::view_behaviour_figures, ofsted_counts_page});
    router.add(
        {"GET", "/organisation/ofsted-counts", Action::view_behaviour_figures, ofsted_counts_page});
    router.add({"GET", "/api/v1/homes/{home}/restrictive-practice", Action::view_behaviour_figures,
                figures_page});
    router.add({"GET", "/api/v1/organisation/restrictive-practice", Action::view_behaviour_figures,
                figures_page});
    router.add({"GET", "/api/v1/homes/{home}/ofsted-counts", Action::view_behaviour_figures,
                ofsted_counts_page});
    router.add({"GET", "/api/v1/organisation/ofsted-counts", Action::view_behaviour_figures,
                ofsted_counts_page});
}

}  // namespace hearth::intervention
