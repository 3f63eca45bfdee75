#include "daily_record/daily_export.hpp"

#include <fmt/format.h>

#include "daily_record/action_store.hpp"
#include "daily_record/childrens_meeting_store.hpp"
#include "daily_record/daily_store.hpp"

namespace hearth::daily_record {

namespace {

using children::export_blocks::when_of;

using Rows = std::vector<std::pair<std::string, std::string>>;

Result<nlohmann::json> entries_content(db::Connection& c, std::int64_t child_id) {
    auto rows = TRY(c.query(
        "SELECT id FROM daily_entries WHERE child_id = $1 ORDER BY occurred_at, id", {child_id}));
    nlohmann::json out = nlohmann::json::array();
    for (const auto& r : rows) {
        auto entry = TRY(find(c, r.integer(0)));
        if (!entry) {
            continue;
        }
        auto versions = TRY(amendments::versions_of(c, "daily_entry", entry->id));
        auto actions = TRY(actions_of(c, "daily_entry", entry->id));
        nlohmann::json j = to_json(entry->details);
        j["id"] = entry->id;
        j["signed_by"] = entry->author_name;
        j["signed_at"] = format_utc(entry->created_at);
        j["versions"] = amendments::versions_json(versions);
        j["actions_agreed"] = nlohmann::json::array();
        for (const auto& a : actions) {
            j["actions_agreed"].push_back({{"description", a.description},
                                           {"done", a.done},
                                           {"done_by", a.done_by_name},
                                           {"done_at", a.done_at ? format_utc(*a.done_at) : ""}});
        }
        out.push_back(std::move(j));
    }
    return out;
}

std::string kind_words(const nlohmann::json& e) {
    const std::string kind = e.value("kind", "note");
    if (kind == "praise") {
        return "Praise and achievement";
    }
    if (kind == "key_work") {
        return "Key-work session: " + e.value("topic", "");
    }
    return "Daily note: " + category_label(e.value("category", ""));
}

nlohmann::json entries_blocks(const nlohmann::json& list) {
    namespace b = children::export_blocks;
    nlohmann::json blocks = nlohmann::json::array();
    if (list.empty()) {
        blocks.push_back(b::paragraph("Nothing was written in the daily record."));
        return blocks;
    }
    for (const auto& e : list) {
        blocks.push_back(
            b::heading(fmt::format("{}, {}", kind_words(e), when_of(e, "occurred_at"))));
        blocks.push_back(b::paragraph(e.value("body", "")));
        if (e.value("about_bullying", false)) {
            blocks.push_back(b::paragraph("We talked about bullying."));
        }
        if (!e.value("child_words", "").empty()) {
            blocks.push_back(
                b::paragraph("In their own words: \u201c" + e.value("child_words", "") + "\u201d"));
        }
        blocks.push_back(b::paragraph(fmt::format(
            "Written and signed by {}, {}.", e.value("signed_by", ""), when_of(e, "signed_at"))));
        std::vector<std::vector<std::string>> actions;
        for (const auto& a : e["actions_agreed"]) {
            actions.push_back(
                {a.value("description", ""),
                 a.value("done", false)
                     ? fmt::format("Done by {}, {}", a.value("done_by", ""), when_of(a, "done_at"))
                     : "Open"});
        }
        if (!actions.empty()) {
            blocks.push_back(b::table("Actions agreed", {"Action", "Done"}, actions));
        }
        if (e["versions"].size() > 1) {
            std::vector<std::vector<std::string>> versions;
            for (const auto& v : e["versions"]) {
                versions.push_back({std::to_string(v.value("version", 0)), when_of(v, "changed_at"),
                                    v.value("changed_by", ""), v.value("reason", ""),
                                    v["record"].value("body", "")});
            }
            blocks.push_back(b::table("Every version of this entry",
                                      {"Version", "When", "Who", "Why", "What it said"}, versions));
        }
    }
    return blocks;
}

// A children's meeting is the group's record: in one child's export it shows that they came, how
// many others did, and what was talked about. The others' names, and what the children said
// together (their words, not attributed), stay in the home's record.
Result<nlohmann::json> meetings_content(db::Connection& c, std::int64_t child_id) {
    auto rows =
        TRY(c.query("SELECT meeting_id FROM childrens_meeting_attendees WHERE child_id = $1 "
                    "ORDER BY meeting_id",
                    {child_id}));
    nlohmann::json out = nlohmann::json::array();
    for (const auto& r : rows) {
        auto meeting = TRY(find_meeting(c, r.integer(0)));
        if (!meeting) {
            continue;
        }
        auto versions = TRY(amendments::versions_of(c, "childrens_meeting", meeting->id));
        nlohmann::json j = to_json(meeting->details);
        j.erase("children_said");
        j["id"] = meeting->id;
        j["written_by"] = meeting->written_by;
        j["came"] = nlohmann::json::array();
        for (const auto& a : meeting->attendees) {
            if (a.child_id == child_id) {
                j["came"].push_back(a.name);
            }
        }
        j["others_came"] = static_cast<int>(meeting->attendees.size()) - 1;
        j["versions"] = amendments::versions_json(versions);
        for (auto& v : j["versions"]) {
            v["record"].erase("children_said");
        }
        out.push_back(std::move(j));
    }
    return out;
}

nlohmann::json meetings_blocks(const nlohmann::json& list) {
    namespace b = children::export_blocks;
    nlohmann::json blocks = nlohmann::json::array();
    if (list.empty()) {
        blocks.push_back(b::paragraph("No children's meeting is recorded as attended."));
        return blocks;
    }
    for (const auto& m : list) {
        std::string came;
        for (const auto& name : m["came"]) {
            came += (came.empty() ? "" : ", ") + name.get<std::string>();
        }
        const int others = m.value("others_came", 0);
        if (others > 0) {
            came += fmt::format(" and {} other {}", others,
                                others == 1 ? "young person" : "young people");
        }
        blocks.push_back(
            b::heading(fmt::format("{}, {}", m.value("topic", ""), when_of(m, "held_at"))));
        blocks.push_back(
            b::fields({{"Who came", came},
                       {"What was talked about", m.value("discussion", "")},
                       {"Talked about bullying", m.value("about_bullying", false) ? "Yes" : "No"},
                       {"Written by", m.value("written_by", "")}}));
    }
    return blocks;
}

}  // namespace

children::ExportSection daily_record_export_section() {
    return {"daily_record", "Daily record", entries_content, entries_blocks};
}

children::ExportSection childrens_meetings_export_section() {
    return {"childrens_meetings", "Children's meetings", meetings_content, meetings_blocks};
}

}  // namespace hearth::daily_record
