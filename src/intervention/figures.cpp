#include "intervention/figures.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "platform/months.hpp"

namespace hearth::intervention {

std::string band_label(int band) {
    const int from = band * 3;
    return fmt::format("{:02}:00 to {:02}:59", from, from + 2);
}

std::string duration_label(int bucket) {
    switch (bucket) {
        case 0:
            return "Under 5 minutes";
        case 1:
            return "5 to 9 minutes";
        case 2:
            return "10 to 19 minutes";
        case 3:
            return "20 to 29 minutes";
        default:
            return "30 minutes or more";
    }
}

int duration_bucket(int minutes) {
    if (minutes < 5) {
        return 0;
    }
    if (minutes < 10) {
        return 1;
    }
    if (minutes < 20) {
        return 2;
    }
    if (minutes < 30) {
        return 3;
    }
    return 4;
}

Figures build_figures(const std::vector<std::string>& months,
                      const std::vector<IncidentRow>& incidents,
                      const std::vector<RestraintRow>& restraints) {
    Figures f;
    for (const auto& m : months) {
        f.months.push_back({m});
    }
    auto month_row = [&](Timestamp at) -> MonthFigures* {
        const std::string m = month_of(at);
        auto it = std::find_if(f.months.begin(), f.months.end(),
                               [&](const MonthFigures& x) { return x.month == m; });
        return it == f.months.end() ? nullptr : &*it;
    };
    for (const auto& i : incidents) {
        MonthFigures* row = month_row(i.at);
        if (!row) {
            continue;
        }
        ++row->incidents;
        ++f.incidents;
        for (const auto& t : i.triggers) {
            ++f.by_trigger[t];
        }
    }
    std::map<std::string, std::set<std::int64_t>> children_by_month;
    std::set<std::int64_t> children;
    for (const auto& r : restraints) {
        MonthFigures* row = month_row(r.at);
        if (!row) {
            continue;
        }
        ++row->restraints;
        ++f.restraints;
        children_by_month[row->month].insert(r.child_id);
        children.insert(r.child_id);
        if (r.injury) {
            ++row->injuries;
            ++f.injuries;
        }
        ++f.by_band[static_cast<std::size_t>(local_minutes_of(r.at) / 180)];
        const std::chrono::weekday day{std::chrono::sys_days{local_date_of(r.at)}};
        ++f.by_weekday[(day.c_encoding() + 6) % 7];
        if (r.record_owed) {
            ++f.records_owed;  // who held and for how long are in the record still to be written
            continue;
        }
        for (auto id : r.used_by) {
            ++f.by_staff[id];
        }
        ++f.by_duration[static_cast<std::size_t>(duration_bucket(r.minutes))];
        f.total_minutes += r.minutes;
    }
    for (auto& m : f.months) {
        m.children_restrained = static_cast<int>(children_by_month[m.month].size());
    }
    f.children_restrained = static_cast<int>(children.size());
    return f;
}

OfstedCounts ofsted_counts(const std::vector<RestraintRow>& restraints, Timestamp from,
                           Timestamp until) {
    OfstedCounts out;
    std::set<std::int64_t> children;
    for (const auto& r : restraints) {
        if (r.at < from || r.at >= until) {
            continue;
        }
        ++out.restraints;
        children.insert(r.child_id);
        out.records_owed += r.record_owed ? 1 : 0;
    }
    out.children_restrained = static_cast<int>(children.size());
    return out;
}

std::string csv_field(const std::string& text) {
    std::string value = text;
    if (!value.empty() && std::string_view("=+-@").find(value.front()) != std::string_view::npos) {
        value = "'" + value;
    }
    if (value.find_first_of(",\"\r\n") == std::string::npos) {
        return value;
    }
    std::string out = "\"";
    for (char ch : value) {
        if (ch == '"') {
            out += '"';
        }
        out += ch;
    }
    return out + "\"";
}

}  // namespace hearth::intervention
