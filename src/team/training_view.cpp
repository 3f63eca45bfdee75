#include "team/training_view.hpp"

#include <fmt/format.h>

#include "platform/views/charts.hpp"

namespace hearth::team {

namespace {

std::string_view cell_tag(Cell c) {
    switch (c) {
        case Cell::current:
            return "govuk-tag--green";
        case Cell::due_soon:
        case Cell::not_yet_due:
            return "govuk-tag--yellow";
        case Cell::expired:
        case Cell::missing:
            return "govuk-tag--red";
        case Cell::not_required:
            return "govuk-tag--grey";
    }
    return "";
}

nlohmann::json share_json(const Share& s) {
    return {{"compliant", s.compliant}, {"required", s.required}, {"percent", s.percent()}};
}

std::string record_href(const MatrixPerson& person) {
    return fmt::format("/homes/{}/team/{}", person.home_id, person.person_id);
}

}  // namespace

nlohmann::json matrix_summary_view(const Matrix& m) {
    nlohmann::json courses = nlohmann::json::array();
    for (std::size_t i = 0; i < m.courses.size(); ++i) {
        const auto& c = m.courses[i];
        auto share = share_json(m.per_course[i]);
        share["key"] = c.key;
        share["name"] = c.name;
        courses.push_back(std::move(share));
    }
    nlohmann::json homes = nlohmann::json::array();
    for (const auto& [home_id, share] : m.per_home) {
        auto h = share_json(share);
        h["home_id"] = home_id;
        for (const auto& p : m.people) {
            if (p.home_id == home_id) {
                h["name"] = p.home_name;
                break;
            }
        }
        homes.push_back(std::move(h));
    }
    return {{"courses", courses}, {"homes", homes}, {"overall", share_json(m.overall)}};
}

nlohmann::json matrix_view(const Matrix& m, bool link_records) {
    auto view = matrix_summary_view(m);
    nlohmann::json rows = nlohmann::json::array();
    for (std::size_t p = 0; p < m.people.size(); ++p) {
        const auto& person = m.people[p];
        nlohmann::json cells = nlohmann::json::array();
        for (std::size_t i = 0; i < m.courses.size(); ++i) {
            const auto& cell = m.cells[p][i];
            const std::string expires = cell.expires_on ? format_date(*cell.expires_on) : "";
            cells.push_back(
                {{"course", m.courses[i].key},
                 {"state", cell_key(cell.cell)},
                 {"label", cell_label(cell.cell)},
                 {"tag", cell_tag(cell.cell)},
                 {"completed_on", cell.completed_on
                                      ? nlohmann::json(format_date(*cell.completed_on))
                                      : nlohmann::json()},
                 {"expires_on", cell.expires_on ? nlohmann::json(expires) : nlohmann::json()},
                 {"due_by",
                  cell.due_by ? nlohmann::json(format_date(*cell.due_by)) : nlohmann::json()}});
        }
        nlohmann::json row = {{"person_id", person.person_id},
                              {"name", person.name},
                              {"home_id", person.home_id},
                              {"home", person.home_name},
                              {"cells", cells}};
        if (link_records) {
            row["href"] = record_href(person);
        }
        rows.push_back(std::move(row));
    }
    view["people"] = std::move(rows);
    return view;
}

std::string matrix_table(const Matrix& m, bool link_records, bool across_homes) {
    using views::charts::escape;
    fmt::memory_buffer out;
    auto add = std::back_inserter(out);
    fmt::format_to(add,
                   "<thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\"><th "
                   "scope=\"col\" class=\"govuk-table__header\">Name</th>{}",
                   across_homes ? "<th scope=\"col\" class=\"govuk-table__header\">Home</th>" : "");
    for (const auto& c : m.courses) {
        fmt::format_to(add, "<th scope=\"col\" class=\"govuk-table__header\">{}</th>",
                       escape(c.name));
    }
    fmt::format_to(add, "</tr></thead><tbody class=\"govuk-table__body\">");
    // Written straight from the matrix rather than through a template: a provider's matrix is
    // thousands of cells, and a JSON object per cell cost more than the rest of the page. Names
    // are escaped here; a cell's tag, label and dates are Hearth's own words.
    for (std::size_t p = 0; p < m.people.size(); ++p) {
        const auto& person = m.people[p];
        const auto name = escape(person.name);
        fmt::format_to(add,
                       "<tr class=\"govuk-table__row\"><th scope=\"row\" "
                       "class=\"govuk-table__header\">");
        if (link_records) {
            fmt::format_to(add, "<a class=\"govuk-link\" href=\"{}\">{}</a>", record_href(person),
                           name);
        } else {
            fmt::format_to(add, "{}", name);
        }
        fmt::format_to(add, "</th>");
        if (across_homes) {
            fmt::format_to(add, "<td class=\"govuk-table__cell\">{}</td>",
                           escape(person.home_name));
        }
        for (const auto& cell : m.cells[p]) {
            fmt::format_to(
                add, "<td class=\"govuk-table__cell\"><strong class=\"govuk-tag {}\">{}</strong>",
                cell_tag(cell.cell), cell_label(cell.cell));
            if (cell.expires_on) {
                fmt::format_to(add, "<br><span class=\"govuk-body-s\">to {}</span>",
                               format_date(*cell.expires_on));
            }
            if (cell.due_by) {
                fmt::format_to(add, "<br><span class=\"govuk-body-s\">by {}</span>",
                               format_date(*cell.due_by));
            }
            fmt::format_to(add, "</td>");
        }
        fmt::format_to(add, "</tr>");
    }
    fmt::format_to(add, "</tbody>");
    return fmt::to_string(out);
}

std::string matrix_chart(const Matrix& m) {
    namespace charts = views::charts;
    charts::Chart chart;
    chart.id = "training-compliance";
    chart.title = "Share of the team current, per course";
    chart.description =
        "For each course of the programme, the share of the people who must have it whose "
        "training is current or due soon; new starters still within their window are not counted.";
    chart.value_label = "Per cent compliant";
    chart.value_decimals = 0;
    charts::Series series{"Compliant", {}, false};
    for (std::size_t i = 0; i < m.courses.size(); ++i) {
        chart.categories.push_back(m.courses[i].name);
        series.values.emplace_back(m.per_course[i].required == 0
                                       ? std::nullopt
                                       : std::optional<double>(m.per_course[i].percent()));
    }
    chart.series.push_back(std::move(series));
    return charts::bar_chart(chart, charts::BarLayout::grouped);
}

nlohmann::json training_lines_view(const std::vector<TrainingLine>& lines, Date today) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& l : lines) {
        const bool expired = l.expires_on && *l.expires_on < today;
        out.push_back({{"id", l.id},
                       {"course", l.course_key},
                       {"course_name", l.course_name},
                       {"completed_on", format_date(l.completed_on)},
                       {"completed_on_text", format_local_date(l.completed_on)},
                       {"provider", l.provider},
                       {"certificate", l.certificate},
                       {"expires_on", l.expires_on ? nlohmann::json(format_date(*l.expires_on))
                                                   : nlohmann::json()},
                       {"expires_on_text",
                        l.expires_on ? format_local_date(*l.expires_on) : "Does not expire"},
                       {"expired", expired},
                       {"recorded_by", l.recorded_by}});
    }
    return out;
}

}  // namespace hearth::team
