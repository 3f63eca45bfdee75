#include "team/team_session_view.hpp"

#include <fmt/format.h>

#include "platform/views/charts.hpp"

namespace hearth::team {

nlohmann::json session_view(const TeamSession& s, const Reader& reader) {
    nlohmann::json came = nlohmann::json::array();
    for (const auto& [id, name] : s.attendees) {
        came.push_back({{"id", id}, {"name", name}});
    }
    std::string about_text = label_in(session_abouts(), s.about);
    nlohmann::json child = nullptr;
    if (s.child_id) {
        const bool may = may_read_child(reader, s.home_id, *s.child_id);
        child = {{"id", may ? nlohmann::json(*s.child_id) : nlohmann::json()},
                 {"name", may ? s.child_name : "A child whose record you do not read"}};
        about_text += ": " + child["name"].get<std::string>();
    } else if (s.about == "shared_learning") {
        about_text += ": " + s.shared_learning;
    } else if (s.about == "theme") {
        about_text += ": " + s.topic;
    }
    return {{"id", s.id},
            {"kind", s.kind},
            {"kind_label", label_in(session_kinds(), s.kind)},
            {"held_on", format_date(s.held_on)},
            {"held_on_text", format_local_date(s.held_on)},
            {"attendees", came},
            {"attendance", s.attendees.size()},
            {"about", s.about},
            {"about_text", about_text},
            {"child", child},
            {"shared_learning_id",
             s.shared_learning_id ? nlohmann::json(*s.shared_learning_id) : nlohmann::json()},
            {"topic", s.topic},
            {"learned", s.learned},
            {"actions", s.actions},
            {"written_by", s.written_by},
            {"href", fmt::format("/homes/{}/team-sessions/{}", s.home_id, s.id)}};
}

nlohmann::json figures_view(const TeamFigures& f) {
    nlohmann::json supervision = nlohmann::json::array();
    for (const auto& s : f.supervision) {
        const int all = s.on_time + s.late;
        supervision.push_back(
            {{"person_id", s.person_id},
             {"name", s.name},
             {"on_time", s.on_time},
             {"late", s.late},
             {"percent", all == 0 ? nlohmann::json() : nlohmann::json(s.on_time * 100 / all)},
             {"has_percent", all > 0}});
    }
    nlohmann::json months = nlohmann::json::array();
    for (const auto& [month, n] : f.sessions_by_month) {
        months.push_back({{"month", month}, {"sessions", n}});
    }
    nlohmann::json missing = nlohmann::json::array();
    for (const auto& [id, name] : f.not_attended) {
        missing.push_back({{"id", id}, {"name", name}});
    }
    int on_time = 0;
    int all = 0;
    for (const auto& s : f.supervision) {
        on_time += s.on_time;
        all += s.on_time + s.late;
    }
    return {{"supervision", supervision},
            {"supervision_on_time_percent",
             all == 0 ? nlohmann::json() : nlohmann::json(on_time * 100 / all)},
            {"sessions_by_month", months},
            {"not_attended_in_three_months", missing}};
}

std::string sessions_chart(const TeamFigures& f) {
    namespace charts = views::charts;
    charts::Chart chart;
    chart.id = "sessions-by-month";
    chart.title = "Reflective practice sessions and team meetings held, by month";
    chart.description = "How many sessions the home held in each of the last twelve months.";
    chart.value_label = "Sessions";
    chart.value_decimals = 0;
    charts::Series series{"Sessions", {}, false};
    for (const auto& [month, n] : f.sessions_by_month) {
        chart.categories.push_back(month);
        series.values.emplace_back(static_cast<double>(n));
    }
    chart.series.push_back(std::move(series));
    return charts::bar_chart(chart, charts::BarLayout::grouped);
}

}  // namespace hearth::team
