#include "behaviour/incident_export.hpp"

#include <fmt/format.h>

#include "behaviour/incident_lists.hpp"
#include "behaviour/incident_record.hpp"
#include "behaviour/incident_views.hpp"

namespace hearth::behaviour {

namespace {

using children::export_blocks::text_of;
using children::export_blocks::when_of;

// A version keeps the ids of the children it named: in this child's export, another child is named
// only as "another young person".
nlohmann::json versions_json(const SeenIncident& seen) {
    nlohmann::json out = amendments::versions_json(seen.versions);
    for (auto& v : out) {
        auto& record = v["record"];
        if (!record.contains("children") || !record["children"].is_array()) {
            continue;
        }
        for (auto& id : record["children"]) {
            id = id.is_number_integer() ? child_seen_as(seen, id.get<std::int64_t>())
                                        : std::string(another_young_person);
        }
    }
    return out;
}

Result<nlohmann::json> incidents_content(db::Connection& c, std::int64_t child_id) {
    auto rows =
        TRY(c.query("SELECT l.incident_id FROM incident_children l JOIN incidents i ON "
                    "i.id = l.incident_id WHERE l.child_id = $1 ORDER BY i.occurred_at, i.id",
                    {child_id}));
    nlohmann::json out = nlohmann::json::array();
    for (const auto& r : rows) {
        auto found = TRY(find(c, r.integer(0)));
        if (!found) {
            continue;
        }
        auto all = TRY(everything_of(c, std::move(*found)));
        const SeenIncident seen = seen_in_record_of(child_id, std::move(all));
        nlohmann::json j = incident_json(seen);
        j["after"] = after_json(seen.after);
        j["versions"] = versions_json(seen);
        out.push_back(std::move(j));
    }
    return out;
}

nlohmann::json incidents_blocks(const nlohmann::json& list) {
    namespace b = children::export_blocks;
    nlohmann::json blocks = nlohmann::json::array();
    if (list.empty()) {
        blocks.push_back(b::paragraph("No incident is recorded."));
        return blocks;
    }
    for (const auto& i : list) {
        std::string children;
        for (const auto& ch : i["children"]) {
            children += (children.empty() ? "" : ", ") + text_of(ch, "name");
        }
        blocks.push_back(b::heading(fmt::format("Incident, {}", when_of(i, "occurred_at"))));
        blocks.push_back(b::fields(
            {{"Who it was about", children},
             {"Where", text_of(i, "location")},
             {"What led up to it", text_of(i, "antecedents")},
             {"What happened", text_of(i, "behaviour")},
             {"What happened after", text_of(i, "afterwards")},
             {"Restrictive measure",
              label_in(restrictive_measures(), text_of(i, "restrictive_measure"))},
             {"Injuries", text_of(i, "injuries")},
             {"Written by", text_of(i["author"], "name") + ", " + when_of(i, "created_at")}}));
        const auto& after = i["after"];
        std::vector<std::vector<std::string>> accounts;
        for (const auto& a : after["accounts"]) {
            const std::string declined = text_of(a, "declined");
            accounts.push_back({when_of(a, "given_at"),
                                declined.empty() ? text_of(a, "words")
                                                 : "Did not want to give an account: " + declined,
                                text_of(a, "heard_by")});
        }
        if (!accounts.empty()) {
            blocks.push_back(
                b::table("In their own words", {"When", "What they said", "Heard by"}, accounts));
        }
        std::vector<std::vector<std::string>> debriefs;
        for (const auto& d : after["child_debriefs"]) {
            debriefs.push_back({when_of(d, "held_at"), text_of(d, "held_by"), text_of(d, "felt"),
                                text_of(d, "would_help"), text_of(d, "child_words")});
        }
        if (!debriefs.empty()) {
            blocks.push_back(b::table(
                "Talking it through afterwards",
                {"When", "With", "How they felt", "What would help", "In their words"}, debriefs));
        }
        std::vector<std::vector<std::string>> told;
        for (const auto& n : after["notifications"]) {
            told.push_back({label_in(recipients(), text_of(n, "recipient")), text_of(n, "named"),
                            label_in(methods(), text_of(n, "method")), when_of(n, "notified_at")});
        }
        if (!told.empty()) {
            blocks.push_back(b::table("Who was told", {"Who", "Name", "How", "When"}, told));
        }
        std::vector<std::vector<std::string>> restorative;
        for (const auto& f : after["restorative"]) {
            restorative.push_back({when_of(f, "held_at"),
                                   label_in(restorative_forms(), text_of(f, "form")),
                                   text_of(f, "outcome"), text_of(f, "agreed")});
        }
        if (!restorative.empty()) {
            blocks.push_back(b::table("Putting things right",
                                      {"When", "How", "What came of it", "What was agreed"},
                                      restorative));
        }
        if (i["versions"].size() > 1) {
            std::vector<std::vector<std::string>> versions;
            for (const auto& v : i["versions"]) {
                versions.push_back({std::to_string(v.value("version", 0)), when_of(v, "changed_at"),
                                    text_of(v, "changed_by"), text_of(v, "reason"),
                                    text_of(v["record"], "behaviour")});
            }
            blocks.push_back(b::table("Every version of this incident",
                                      {"Version", "When", "Who", "Why", "What happened"},
                                      versions));
        }
    }
    return blocks;
}

}  // namespace

children::ExportSection incidents_export_section() {
    return {"incidents", "Incidents and what followed", incidents_content, incidents_blocks};
}

}  // namespace hearth::behaviour
