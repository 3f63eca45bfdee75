// The bullying figures of a home (for those who work there and oversight: its repeated children
// are named) and across homes (for oversight: counts only). Each page, its JSON and its CSV are
// one view of count_concerns().
#include "relationships/bullying_figures_routes.hpp"

#include <fmt/format.h>

#include "intervention/figures.hpp"
#include "organisation/homes.hpp"
#include "platform/months.hpp"
#include "platform/views/charts.hpp"
#include "platform/views/views.hpp"
#include "relationships/bullying_figures.hpp"

namespace hearth::relationships {

namespace {

using http::Context;
using http::Response;

constexpr int bullying_figure_months = 12;

struct Window {
    std::vector<std::string> months;
    Timestamp from{};
    Timestamp until{};
};

Window last_twelve_months(const Context& ctx) {
    Window w;
    w.months = months_ending(ctx.today(), bullying_figure_months);
    w.from = from_local(*parse_date(w.months.front() + "-01"), 0, 0).value_or(ctx.now());
    const Date next_month{(std::chrono::year_month{ctx.today().year(), ctx.today().month()} +
                           std::chrono::months{1}) /
                          std::chrono::day{1}};
    w.until = from_local(next_month, 0, 0).value_or(ctx.now());
    return w;
}

nlohmann::json counted_json(const std::vector<Counted>& list, const std::vector<Choice>& labels) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& c : list) {
        out.push_back({{"key", c.key},
                       {"label", labels.empty() ? c.key : label_in(labels, c.key)},
                       {"count", c.count}});
    }
    return out;
}

nlohmann::json median_json(const std::optional<double>& days) {
    return days ? nlohmann::json(std::round(*days * 10.0) / 10.0) : nlohmann::json();
}

nlohmann::json figures_json(const BullyingFigures& f, bool with_names) {
    nlohmann::json months = nlohmann::json::array();
    for (const auto& m : f.by_month) {
        months.push_back({{"month", m.key}, {"label", month_label(m.key)}, {"count", m.count}});
    }
    nlohmann::json repeatedly = nlohmann::json::array();
    for (const auto& c : f.repeatedly) {
        nlohmann::json child = {{"as_bullied", c.as_bullied}, {"as_bullying", c.as_bullying}};
        if (with_names) {
            child.update({{"child_id", c.child_id}, {"name", c.name}});
        }
        repeatedly.push_back(child);
    }
    return {{"concerns", f.concerns},
            {"open", f.open},
            {"owing", f.owing},
            {"median_days_to_outcome", median_json(f.median_days_to_outcome)},
            {"by_month", months},
            {"by_form", counted_json(f.by_form, bullying_forms())},
            {"by_place", counted_json(f.by_place, {})},
            {"by_time_of_day", counted_json(f.by_time, times_of_day())},
            {"repeatedly", repeatedly}};
}

std::string bars(const std::string& id, const std::string& title, const std::string& description,
                 const nlohmann::json& rows, const char* label_key) {
    namespace charts = views::charts;
    std::vector<std::string> categories;
    std::vector<std::optional<double>> values;
    for (const auto& r : rows) {
        categories.push_back(r[label_key].get<std::string>());
        values.emplace_back(r["count"].get<int>());
    }
    return charts::bar_chart(
        {id, title, description, categories, {{"Concerns", values, false}}, "Concerns", 0},
        charts::BarLayout::grouped);
}

std::string csv_of(const nlohmann::json& view) {
    std::string body = "figure,what,count\r\n";
    auto rows = [&](const char* figure, const char* list, const char* label) {
        for (const auto& r : view[list]) {
            body += fmt::format("{},{},{}\r\n", figure,
                                intervention::csv_field(r[label].get<std::string>()),
                                r["count"].get<int>());
        }
    };
    rows("month", "by_month", "month");
    rows("form", "by_form", "label");
    rows("place", "by_place", "label");
    rows("time of day", "by_time_of_day", "label");
    body += fmt::format("open,concerns open,{}\r\n", view["open"].get<int>());
    body += fmt::format("owing,stages owing the child being told,{}\r\n", view["owing"].get<int>());
    return body;
}

Result<Response> home_figures(Context& ctx) {
    const auto home_id = ctx.param("home");
    const auto window = last_twelve_months(ctx);
    const auto concerns = TRY(ctx.services.db.read([&](db::Connection& c) {
        return concerns_between(c, home_id, window.from, window.until);
    }));
    auto view = figures_json(count_concerns(concerns, window.months), true);
    const std::string period = fmt::format("{} to {}", month_label(window.months.front()),
                                           month_label(window.months.back()));
    view["period"] = period;
    if (ctx.request.query_value("format") == std::optional<std::string>("csv")) {
        return Response::text(200, csv_of(view), "text/csv; charset=utf-8")
            .header("Content-Disposition",
                    fmt::format("attachment; filename=\"bullying-figures-home-{}.csv\"", home_id));
    }
    if (ctx.request.wants_json()) {
        return Response::json(200, view);
    }
    const std::string whose = ctx.scope.home_name;
    view["home_id"] = home_id;
    view["whose"] = whose;
    view["has_repeatedly"] = !view["repeatedly"].empty();
    view["has_median"] = !view["median_days_to_outcome"].is_null();
    view["month_chart"] =
        bars("bullying-by-month", "Concerns by month",
             fmt::format("Bars for the bullying concerns recorded at {} each month, {}. The table "
                         "below gives every value.",
                         whose, period),
             view["by_month"], "label");
    view["form_chart"] = bars(
        "bullying-by-form", "The forms it took",
        "Bars for how many concerns took each form; a concern may take several. The table below "
        "gives every value.",
        view["by_form"], "label");
    view["time_chart"] =
        bars("bullying-by-time", "The time of day",
             "Bars for how many concerns happened in each part of the day. The table below gives "
             "every value.",
             view["by_time_of_day"], "label");
    return ctx.page("bullying_figures", "Bullying figures: " + whose, view);
}

Result<Response> figures_across_homes(Context& ctx) {
    const auto window = last_twelve_months(ctx);
    nlohmann::json homes = nlohmann::json::array();
    std::vector<Concern> every;
    TRY(ctx.services.db.read([&](db::Connection& c) -> Status {
        for (const auto& h : TRY(organisation::homes_of(c, ctx.person.organisation_id))) {
            auto concerns = TRY(concerns_between(c, h.id, window.from, window.until));
            const auto f = count_concerns(concerns, window.months);
            homes.push_back({{"id", h.id},
                             {"name", h.name},
                             {"concerns", f.concerns},
                             {"open", f.open},
                             {"owing", f.owing},
                             {"children_repeatedly", f.repeatedly.size()},
                             {"median_days_to_outcome", median_json(f.median_days_to_outcome)}});
            every.insert(every.end(), concerns.begin(), concerns.end());
        }
        return {};
    }));
    auto all = figures_json(count_concerns(every, window.months), false);
    all.erase("repeatedly");
    nlohmann::json view = {{"homes", homes}, {"all", all}};
    if (ctx.request.query_value("format") == std::optional<std::string>("csv")) {
        std::string body =
            "home,concerns,open,owing,children_repeatedly,median_days_to_outcome\r\n";
        for (const auto& h : homes) {
            const auto& median = h["median_days_to_outcome"];
            body += fmt::format(
                "{},{},{},{},{},{}\r\n", intervention::csv_field(h["name"].get<std::string>()),
                h["concerns"].get<int>(), h["open"].get<int>(), h["owing"].get<int>(),
                h["children_repeatedly"].get<int>(),
                median.is_null() ? "" : fmt::format("{:.1f}", median.get<double>()));
        }
        return Response::text(200, body, "text/csv; charset=utf-8")
            .header("Content-Disposition", "attachment; filename=\"bullying-figures-homes.csv\"");
    }
    if (ctx.request.wants_json()) {
        return Response::json(200, view);
    }
    view["month_chart"] = bars(
        "bullying-by-month", "Concerns by month across the homes",
        fmt::format("Bars for the bullying concerns recorded across the homes each month, {} to "
                    "{}. The table below gives every home's figures.",
                    month_label(window.months.front()), month_label(window.months.back())),
        all["by_month"], "label");
    return ctx.page("bullying_figures_across_homes", "Bullying across the homes", view);
}

}  // namespace

void add_bullying_figures_routes(http::Router& router) {
    router.add({"GET", "/homes/{home}/bullying-figures", Action::view_bullying, home_figures});
    router.add(
        {"GET", "/api/v1/homes/{home}/bullying-figures", Action::view_bullying, home_figures});
    router.add(
        {"GET", "/organisation/bullying-figures", Action::view_organisation, figures_across_homes});
    router.add(
        {"GET", "/api/v1/bullying-figures", Action::view_organisation, figures_across_homes});
}

}  // namespace hearth::relationships
