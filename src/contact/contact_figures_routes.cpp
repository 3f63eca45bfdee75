// Contact figures: for a home, and for one child on their Contact tab, contact by month (happened,
// cancelled and by whom, still planned) as a chart with its table; and for the responsible
// individual, the restrictions in force across the provider's homes. Each page's JSON is the same
// view.
#include "contact/contact_figures_routes.hpp"

#include <fmt/format.h>

#include <map>

#include "contact/contact_figures.hpp"
#include "contact/contact_log_store.hpp"
#include "contact/restriction_store.hpp"
#include "contact/restriction_view.hpp"
#include "organisation/homes.hpp"
#include "platform/months.hpp"
#include "platform/views/charts.hpp"
#include "platform/views/views.hpp"

namespace hearth::contact {

namespace {

using http::Context;
using http::Response;

constexpr int figure_months = 12;

nlohmann::json figures_view(const std::vector<ContactMonth>& rows, const std::string& whose) {
    namespace charts = views::charts;
    const auto whom = cancelled_by_whom();
    std::vector<std::string> labels;
    std::vector<std::optional<double>> happened, cancelled, planned;
    nlohmann::json months = nlohmann::json::array();
    int total_happened = 0, total_cancelled = 0;
    std::array<int, 5> total_by{};
    for (const auto& r : rows) {
        labels.push_back(short_month_label(r.month));
        happened.emplace_back(r.happened);
        cancelled.emplace_back(r.cancelled());
        planned.emplace_back(r.planned);
        total_happened += r.happened;
        total_cancelled += r.cancelled();
        nlohmann::json by = nlohmann::json::object();
        nlohmann::json by_list = nlohmann::json::array();
        for (std::size_t i = 0; i < whom.size() && i < r.cancelled_by.size(); ++i) {
            by[whom[i].key] = r.cancelled_by.at(i);
            by_list.push_back(r.cancelled_by.at(i));
            total_by.at(i) += r.cancelled_by.at(i);
        }
        months.push_back({{"month", r.month},
                          {"label", month_label(r.month)},
                          {"happened", r.happened},
                          {"cancelled", r.cancelled()},
                          {"cancelled_by", by},
                          {"cancelled_by_list", by_list},
                          {"planned", r.planned}});
    }
    nlohmann::json columns = nlohmann::json::array();
    nlohmann::json totals = nlohmann::json::object();
    for (std::size_t i = 0; i < whom.size() && i < total_by.size(); ++i) {
        columns.push_back(whom[i].label);
        totals[whom[i].key] = total_by.at(i);
    }
    const std::string period = rows.empty()
                                   ? std::string{}
                                   : fmt::format("{} to {}", month_label(rows.front().month),
                                                 month_label(rows.back().month));
    const charts::Chart chart{
        "contact-by-month",
        "Contact by month",
        fmt::format("Bars for the contact that happened, was cancelled and is still planned, for "
                    "{}, from {}. The table below gives every value, with who cancelled.",
                    whose, period),
        labels,
        {{"Happened", happened, false},
         {"Cancelled", cancelled, false},
         {"Still planned", planned, false}},
        "Contacts",
        0};
    return {{"chart", charts::bar_chart(chart, charts::BarLayout::grouped)},
            {"months", months},
            {"cancelled_columns", columns},
            {"period", period},
            {"happened", total_happened},
            {"cancelled", total_cancelled},
            {"cancelled_by", totals}};
}

Result<Response> figures(Context& ctx, bool for_child) {
    const auto home_id = ctx.scope.home_id.value_or(0);
    const std::optional<std::int64_t> child =
        for_child ? std::optional<std::int64_t>{ctx.param("child")} : std::nullopt;
    const auto months = months_ending(ctx.today(), figure_months);
    const auto from = from_local(*parse_date(months.front() + "-01"), 0, 0).value_or(ctx.now());
    const Date next_month{(std::chrono::year_month{ctx.today().year(), ctx.today().month()} +
                           std::chrono::months{1}) /
                          std::chrono::day{1}};
    const auto until = from_local(next_month, 0, 0).value_or(ctx.now());
    const auto facts = TRY(ctx.services.db.read(
        [&](db::Connection& c) { return contact_facts(c, home_id, child, from, until); }));
    const std::string whose = for_child ? ctx.scope.child_name : ctx.scope.home_name;
    auto view = figures_view(count_by_month(facts, months), whose);
    if (ctx.request.wants_json()) {
        view.erase("chart");
        view.erase("cancelled_columns");
        for (auto& m : view["months"]) {
            m.erase("cancelled_by_list");
        }
        return Response::json(200, view);
    }
    view["whose"] = whose;
    view["for_child"] = for_child;
    view["back"] =
        for_child ? fmt::format("/children/{}/contact", *child) : fmt::format("/homes/{}", home_id);
    return ctx.page("contact_figures", "Contact by month: " + whose, view);
}

// Across the provider's homes: every restriction in force, the soonest review first. Each is a
// read of that child's record.
Result<Response> restrictions_across_homes(Context& ctx) {
    std::map<std::int64_t, std::string> names;
    auto list = TRY(ctx.services.db.write([&](db::Connection& c) -> Result<nlohmann::json> {
        std::vector<std::int64_t> ids;
        for (const auto& h : TRY(organisation::homes_of(c, ctx.person.organisation_id))) {
            ids.push_back(h.id);
            names[h.id] = h.name;
        }
        const auto all = TRY(restrictions_in_force_in_homes(c, ids, ctx.today()));
        for (const auto& r : all) {
            TRY(record_restriction_read(c, r, ctx.actor(), ctx.now()));
        }
        return restriction_views(c, all, ctx.now());
    }));
    if (ctx.request.wants_json()) {
        nlohmann::json homes = nlohmann::json::array();
        for (const auto& [id, name] : names) {
            homes.push_back({{"id", id}, {"name", name}});
        }
        return Response::json(200, {{"restrictions", list}, {"homes", homes}});
    }
    for (auto& v : list) {
        v["home_name"] = names[v["home_id"].get<std::int64_t>()];
    }
    return ctx.page("contact_restrictions_across_homes", "Contact restrictions in force",
                    {{"restrictions", list}, {"has_restrictions", !list.empty()}});
}

}  // namespace

void add_contact_figures_routes(http::Router& router) {
    auto home = [](Context& ctx) { return figures(ctx, false); };
    auto child = [](Context& ctx) { return figures(ctx, true); };
    router.add({"GET", "/homes/{home}/contact-figures", Action::view_behaviour_figures, home});
    router.add(
        {"GET", "/api/v1/homes/{home}/contact-figures", Action::view_behaviour_figures, home});
    router.add({"GET", "/children/{child}/contact/figures", Action::view_chronology, child});
    router.add({"GET", "/api/v1/children/{child}/contact-figures", Action::view_chronology, child});
    router.add({"GET", "/organisation/contact-restrictions", Action::view_organisation,
                restrictions_across_homes});
    router.add({"GET", "/api/v1/contact-restrictions", Action::view_organisation,
                restrictions_across_homes});
}

}  // namespace hearth::contact
