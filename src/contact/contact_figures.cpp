#include "contact/contact_figures.hpp"

#include <algorithm>
#include <numeric>

#include "contact/contact_log.hpp"
#include "platform/months.hpp"

namespace hearth::contact {

int ContactMonth::cancelled() const {
    return std::accumulate(cancelled_by.begin(), cancelled_by.end(), 0);
}

std::vector<ContactMonth> count_by_month(const std::vector<ContactFact>& facts,
                                         const std::vector<std::string>& months) {
    std::vector<ContactMonth> out;
    for (const auto& m : months) {
        out.push_back({m, 0, 0, {}});
    }
    const auto whom = keys_of(cancelled_by_whom());
    for (const auto& f : facts) {
        const auto month = month_of(f.starts_at);
        auto row = std::find_if(out.begin(), out.end(),
                                [&](const ContactMonth& r) { return r.month == month; });
        if (row == out.end()) {
            continue;
        }
        if (f.state == "happened") {
            ++row->happened;
        } else if (f.state == "planned") {
            ++row->planned;
        } else if (f.state == "cancelled") {
            const auto who = std::find(whom.begin(), whom.end(), f.cancelled_by);
            const auto at =
                who == whom.end() ? whom.size() - 1 : static_cast<std::size_t>(who - whom.begin());
            ++row->cancelled_by.at(at);
        }
    }
    return out;
}

}  // namespace hearth::contact
