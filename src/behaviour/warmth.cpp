#include "behaviour/warmth.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "platform/months.hpp"

namespace hearth::behaviour {

const std::vector<std::string>& warmth_kinds() {
    static const std::vector<std::string> kinds{"praise", "incident", "consequence",
                                                "physical_intervention"};
    return kinds;
}

std::vector<WarmthMonth> warmth_by_month(const std::vector<chronology::Occurrence>& occurrences,
                                         const std::vector<std::string>& months) {
    std::vector<WarmthMonth> out;
    for (const auto& m : months) {
        out.push_back({m});
    }
    for (const auto& o : occurrences) {
        const std::string month = month_of(o.at);
        auto row = std::find_if(out.begin(), out.end(),
                                [&](const WarmthMonth& w) { return w.month == month; });
        if (row == out.end()) {
            continue;
        }
        if (o.kind == "praise") {
            ++row->praise;
        } else if (o.kind == "incident") {
            ++row->incidents;
        } else if (o.kind == "consequence") {
            ++row->consequences;
        } else if (o.kind == "physical_intervention") {
            ++row->restraints;
        }
    }
    return out;
}

std::optional<double> warmth_ratio(int praise, int incidents, int consequences) {
    const int hard = incidents + consequences;
    if (hard == 0) {
        return std::nullopt;
    }
    return static_cast<double>(praise) / hard;
}

std::string warmth_words(int praise, int incidents, int consequences) {
    const auto ratio = warmth_ratio(praise, incidents, consequences);
    if (!ratio) {
        if (praise == 0) {
            return "Nothing recorded yet";
        }
        return fmt::format("{} {} of praise, and no incidents or consequences", praise,
                           praise == 1 ? "moment" : "moments");
    }
    const double shown = std::round(*ratio * 10) / 10;
    return fmt::format(
        "{} {} of praise for every incident or consequence",
        shown == std::floor(shown) ? fmt::format("{:.0f}", shown) : fmt::format("{:.1f}", shown),
        shown == 1.0 ? "moment" : "moments");
}

}  // namespace hearth::behaviour
