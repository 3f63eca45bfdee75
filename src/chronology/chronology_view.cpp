#include "chronology/chronology_view.hpp"

#include "chronology/chronology_store.hpp"

namespace hearth::chronology {

nlohmann::json entry_view(const Entry& e, const Kinds& kinds) {
    return {{"id", e.id},
            {"child_id", e.child_id},
            {"child_name", e.child_name},
            {"kind", e.kind},
            {"kind_label", kinds.label(e.kind)},
            {"is_praise", e.kind == "praise"},
            {"title", e.title},
            {"summary", e.summary},
            {"link", e.link},
            {"when", format_local(e.occurred_at)},
            {"date", format_local_date(local_date_of(e.occurred_at))},
            {"time", format_local_time(e.occurred_at)},
            {"occurred_at", format_utc(e.occurred_at)},
            {"author", e.author_name},
            {"significant", e.significant},
            {"for_handover", e.for_handover},
            {"amended", e.amended}};
}

Result<nlohmann::json> recent_view(db::Connection& c, const Kinds& kinds, std::int64_t child_id,
                                   int count) {
    auto page = TRY(for_child(c, child_id, Filter{}, count));
    nlohmann::json entries = nlohmann::json::array();
    for (const auto& e : page.entries) {
        entries.push_back(entry_view(e, kinds));
    }
    return nlohmann::json{{"entries", entries},
                          {"has_entries", !entries.empty()},
                          {"has_more", page.next.has_value()}};
}

}  // namespace hearth::chronology
