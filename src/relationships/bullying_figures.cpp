#include "relationships/bullying_figures.hpp"

#include <algorithm>
#include <map>

#include "platform/months.hpp"

namespace hearth::relationships {

const std::vector<Choice>& times_of_day() {
    static const std::vector<Choice> all{
        {"morning", "Morning (before 12:00)"},
        {"afternoon", "Afternoon (12:00 to 17:00)"},
        {"evening", "Evening (17:00 to 21:00)"},
        {"night", "Night (after 21:00)"},
    };
    return all;
}

namespace {

std::size_t part_of_day(Timestamp at) {
    const int minutes = local_minutes_of(at);
    return minutes < 12 * 60 ? 0 : minutes < 17 * 60 ? 1 : minutes < 21 * 60 ? 2 : 3;
}

std::optional<double> median(std::vector<double> values) {
    if (values.empty()) {
        return std::nullopt;
    }
    std::sort(values.begin(), values.end());
    const auto mid = values.size() / 2;
    return values.size() % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2.0;
}

}  // namespace

BullyingFigures count_concerns(const std::vector<Concern>& concerns,
                               const std::vector<std::string>& months) {
    BullyingFigures out;
    std::map<std::string, int> per_month, per_form, per_place;
    std::array<int, 4> per_time{};
    std::map<std::int64_t, InvolvedChild> involved;
    std::vector<double> days_to_outcome;
    for (const auto& k : concerns) {
        const auto month = month_of(k.details.occurred_at);
        if (std::find(months.begin(), months.end(), month) == months.end()) {
            continue;
        }
        ++out.concerns;
        ++per_month[month];
        for (const auto& f : k.details.forms) {
            ++per_form[f];
        }
        ++per_place[k.details.place];
        ++per_time.at(part_of_day(k.details.occurred_at));
        out.open += k.closed_at ? 0 : 1;
        out.owing += k.owing();
        auto& bullied = involved[k.details.child_id];
        bullied.child_id = k.details.child_id;
        bullied.name = k.child_name;
        ++bullied.as_bullied;
        for (const auto& other : k.by_children) {
            auto& by = involved[other.id];
            by.child_id = other.id;
            by.name = other.name;
            ++by.as_bullying;
        }
        for (const auto& s : k.stages) {
            if (s.stage.stage == "outcome") {
                const auto took = std::chrono::duration<double, std::ratio<86400>>(
                    s.stage.happened_at - k.details.occurred_at);
                days_to_outcome.push_back(took.count());
                break;
            }
        }
    }
    for (const auto& m : months) {
        out.by_month.push_back({m, per_month[m]});
    }
    for (const auto& f : bullying_forms()) {
        out.by_form.push_back({f.key, per_form[f.key]});
    }
    for (const auto& [place, n] : per_place) {
        out.by_place.push_back({place, n});
    }
    std::stable_sort(out.by_place.begin(), out.by_place.end(),
                     [](const Counted& a, const Counted& b) { return a.count > b.count; });
    for (std::size_t i = 0; i < times_of_day().size(); ++i) {
        out.by_time.push_back({times_of_day()[i].key, per_time.at(i)});
    }
    for (const auto& [id, child] : involved) {
        if (child.as_bullied + child.as_bullying >= 2) {
            out.repeatedly.push_back(child);
        }
    }
    std::stable_sort(out.repeatedly.begin(), out.repeatedly.end(),
                     [](const InvolvedChild& a, const InvolvedChild& b) {
                         return a.as_bullied + a.as_bullying > b.as_bullied + b.as_bullying;
                     });
    out.median_days_to_outcome = median(std::move(days_to_outcome));
    return out;
}

}  // namespace hearth::relationships
