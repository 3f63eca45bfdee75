#include "daily_record/handover.hpp"

#include <algorithm>

namespace hearth::daily_record {

const std::vector<Shift>& shifts() {
    static const std::vector<Shift> all{
        {"early", "Early shift (from 07:00)", 7 * 60},
        {"late", "Late shift (from 14:00)", 14 * 60},
        {"night", "Night (from 22:00)", 22 * 60},
    };
    return all;
}

const Shift& shift_at(Timestamp t) {
    const int minutes = local_minutes_of(t);
    const auto& all = shifts();
    // Before the first shift starts, the night before is still on.
    const Shift* current = &all.back();
    for (const auto& s : all) {
        if (minutes >= s.starts) {
            current = &s;
        }
    }
    return *current;
}

bool is_shift(const std::string& key) {
    const auto& all = shifts();
    return std::any_of(all.begin(), all.end(), [&](const Shift& s) { return s.key == key; });
}

std::string shift_label(const std::string& key) {
    for (const auto& s : shifts()) {
        if (s.key == key) {
            return s.label;
        }
    }
    return key;
}

Timestamp covers_from(std::optional<Timestamp> last_given, Timestamp now) {
    const auto oldest = now - std::chrono::hours{72};
    if (!last_given) {
        return now - std::chrono::hours{24};
    }
    return std::clamp(*last_given, oldest, now);
}

}  // namespace hearth::daily_record
