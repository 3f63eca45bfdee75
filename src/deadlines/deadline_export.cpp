#include "deadlines/deadline_export.hpp"

#include "deadlines/deadline_store.hpp"

namespace hearth::deadlines {

namespace {

Result<nlohmann::json> content(db::Connection& c, std::int64_t child_id) {
    auto rows = TRY(
        c.query("SELECT id FROM deadlines WHERE child_id = $1 ORDER BY due_at, id", {child_id}));
    nlohmann::json out = nlohmann::json::array();
    for (const auto& r : rows) {
        auto d = TRY(find(c, r.integer(0)));
        if (!d) {
            continue;
        }
        out.push_back({{"title", d->title},
                       {"kind", d->kind},
                       {"started_at", format_utc(d->started_at)},
                       {"due_at", format_utc(d->due_at)},
                       {"state", d->state == State::open  ? "open"
                                 : d->state == State::met ? "met"
                                                          : "closed"},
                       {"met_at", d->met_at ? format_utc(*d->met_at) : ""},
                       {"met_by", d->met_by_name},
                       {"met_note", d->met_note},
                       {"closed_reason", d->closed_reason},
                       {"escalated_at", d->escalated_at ? format_utc(*d->escalated_at) : ""}});
    }
    return out;
}

std::string local(const nlohmann::json& j, const char* key) {
    std::string raw = j.value(key, "");
    if (auto t = parse_utc(raw)) {
        return format_local(*t);
    }
    return raw;
}

nlohmann::json blocks(const nlohmann::json& list) {
    namespace b = children::export_blocks;
    if (list.empty()) {
        return nlohmann::json::array({b::paragraph("No deadline was started about this child.")});
    }
    std::vector<std::vector<std::string>> rows;
    for (const auto& d : list) {
        std::string outcome = d.value("state", "");
        if (outcome == "met") {
            outcome = "Met by " + d.value("met_by", "") + ", " + local(d, "met_at") +
                      (d.value("met_note", "").empty() ? "" : ": " + d.value("met_note", ""));
        } else if (outcome == "closed") {
            outcome = "Closed: " + d.value("closed_reason", "");
        } else {
            outcome = "Open";
        }
        rows.push_back({d.value("title", ""), local(d, "due_at"), outcome});
    }
    return nlohmann::json::array({b::table("Deadlines", {"What", "Due", "Outcome"}, rows)});
}

}  // namespace

children::ExportSection deadlines_export_section() {
    return {"deadlines", "Deadlines", content, blocks};
}

}  // namespace hearth::deadlines
