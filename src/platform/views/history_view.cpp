#include "platform/views/history_view.hpp"

namespace hearth::views {

nlohmann::json history_view(const std::vector<amendments::Version>& versions,
                            const amendments::FieldLabels& labels, const ShowValue& show) {
    nlohmann::json out = nlohmann::json::array();
    for (std::size_t i = 0; i < versions.size(); ++i) {
        const auto& v = versions[i];
        nlohmann::json changes = nlohmann::json::array();
        if (i + 1 < versions.size()) {
            for (const auto& c :
                 amendments::changes_between(versions[i + 1].record, v.record, labels)) {
                const std::string before = show(c.field, c.before);
                const std::string after = show(c.field, c.after);
                changes.push_back({{"label", c.label},
                                   {"before", before.empty() ? "(blank)" : before},
                                   {"after", after.empty() ? "(blank)" : after}});
            }
        }
        out.push_back({{"version", v.version},
                       {"reason", v.reason},
                       {"when", format_local(v.changed_at)},
                       {"who", v.changed_by},
                       {"changes", changes},
                       {"has_changes", !changes.empty()}});
    }
    return out;
}

}  // namespace hearth::views
