#include "behaviour/warmth_view.hpp"

#include <fmt/format.h>

#include <cmath>

#include "behaviour/warmth.hpp"
#include "platform/months.hpp"
#include "platform/views/charts.hpp"

namespace hearth::behaviour {

namespace {

Timestamp start_of(const std::string& month) {
    const auto day = parse_date(month + "-01");
    return day ? from_local(*day, 0, 0).value_or(Timestamp{}) : Timestamp{};
}

nlohmann::json view_of(const std::vector<WarmthMonth>& rows, const std::string& id,
                       const std::string& whose) {
    namespace charts = views::charts;
    std::vector<std::string> labels;
    std::vector<std::optional<double>> praise, incidents, consequences;
    int total_praise = 0, total_incidents = 0, total_consequences = 0, total_restraints = 0;
    nlohmann::json table = nlohmann::json::array();
    nlohmann::json api = nlohmann::json::array();
    for (const auto& r : rows) {
        labels.push_back(short_month_label(r.month));
        praise.emplace_back(r.praise);
        incidents.emplace_back(r.incidents);
        consequences.emplace_back(r.consequences);
        total_praise += r.praise;
        total_incidents += r.incidents;
        total_consequences += r.consequences;
        total_restraints += r.restraints;
        const auto ratio = warmth_ratio(r.praise, r.incidents, r.consequences);
        table.push_back({{"month", month_label(r.month)},
                         {"praise", r.praise},
                         {"incidents", r.incidents},
                         {"consequences", r.consequences},
                         {"restraints", r.restraints},
                         {"ratio", ratio ? fmt::format("{:.1f}", *ratio) : std::string("–")}});
        api.push_back({{"month", r.month},
                       {"praise", r.praise},
                       {"incidents", r.incidents},
                       {"consequences", r.consequences},
                       {"restraints", r.restraints},
                       {"ratio", ratio ? nlohmann::json(std::round(*ratio * 10) / 10)
                                       : nlohmann::json(nullptr)}});
    }
    const std::string period = rows.empty()
                                   ? std::string{}
                                   : fmt::format("{} to {}", month_label(rows.front().month),
                                                 month_label(rows.back().month));
    charts::Chart chart{id,
                        "Praise beside incidents and consequences, by month",
                        fmt::format("Bars for the praise and achievements recorded about {}, "
                                    "beside their incidents and consequences, from {}. The table "
                                    "below gives every value.",
                                    whose, period),
                        labels,
                        {{"Praise and achievements", praise, false},
                         {"Incidents", incidents, false},
                         {"Consequences", consequences, false}},
                        "Entries",
                        0};
    const auto ratio = warmth_ratio(total_praise, total_incidents, total_consequences);
    return {{"chart", charts::bar_chart(chart, charts::BarLayout::grouped)},
            {"rows", table},
            {"summary", warmth_words(total_praise, total_incidents, total_consequences)},
            {"praise", total_praise},
            {"incidents", total_incidents},
            {"consequences", total_consequences},
            {"restraints", total_restraints},
            {"low_warmth", ratio && *ratio < 1.0},
            {"period", period},
            {"api",
             {{"months", api},
              {"praise", total_praise},
              {"incidents", total_incidents},
              {"consequences", total_consequences},
              {"restraints", total_restraints},
              {"ratio",
               ratio ? nlohmann::json(std::round(*ratio * 10) / 10) : nlohmann::json(nullptr)}}}};
}

}  // namespace

Result<nlohmann::json> child_warmth_view(db::Connection& c, std::int64_t child_id,
                                         const std::string& first_name, Timestamp now) {
    const auto months = months_ending(local_date_of(now), warmth_months);
    auto occ = TRY(
        chronology::occurrences_for_child(c, child_id, warmth_kinds(), start_of(months.front())));
    return view_of(warmth_by_month(occ, months), "warmth-child", first_name);
}

Result<nlohmann::json> home_warmth_view(db::Connection& c, std::int64_t home_id,
                                        const std::string& home_name, Timestamp now) {
    const auto months = months_ending(local_date_of(now), warmth_months);
    auto occ =
        TRY(chronology::occurrences_in_home(c, home_id, warmth_kinds(), start_of(months.front())));
    return view_of(warmth_by_month(occ, months), "warmth-home", "the children of " + home_name);
}

}  // namespace hearth::behaviour
