#include "intervention/measure_export.hpp"

#include <fmt/format.h>

#include "behaviour/incident_store.hpp"
#include "intervention/measure_lists.hpp"
#include "intervention/measure_store.hpp"
#include "intervention/measure_views.hpp"
#include "platform/amendments.hpp"

namespace hearth::intervention {

namespace {

using children::export_blocks::text_of;
using children::export_blocks::when_of;

Result<nlohmann::json> measures_content(db::Connection& c, std::int64_t child_id) {
    auto rows = TRY(
        c.query("SELECT id FROM measures WHERE child_id = $1 ORDER BY started_at, id", {child_id}));
    nlohmann::json out = nlohmann::json::array();
    for (const auto& r : rows) {
        auto found = TRY(find(c, r.integer(0)));
        if (!found) {
            continue;
        }
        std::vector<std::int64_t> ids = found->details.used_by;
        ids.insert(ids.end(), found->details.observed_by.begin(), found->details.observed_by.end());
        auto people = TRY(behaviour::people_named(c, ids));
        auto versions = TRY(amendments::versions_of(c, "measure", found->id));
        nlohmann::json j = measure_json(*found, people);
        j["versions"] = amendments::versions_json(versions);
        out.push_back(std::move(j));
    }
    return out;
}

std::string names(const nlohmann::json& people) {
    std::string out;
    for (const auto& p : people) {
        out += (out.empty() ? "" : ", ") + text_of(p, "name");
    }
    return out;
}

std::string review_words(const nlohmann::json& r) {
    if (!r.is_object()) {
        return "Not yet signed";
    }
    return fmt::format("Signed by {}, {}. {}", text_of(r, "signed_by"), when_of(r, "signed_at"),
                       text_of(r, "note"));
}

// "Chris Okafor (12 May 2026), Dana Lewis (13 May 2026)".
std::string spoken_to_words(const nlohmann::json& spoken) {
    std::string out;
    for (const auto& s : spoken) {
        const auto on = parse_date(text_of(s, "spoke_on"));
        out += fmt::format("{}{} ({})", out.empty() ? "" : ", ", text_of(s["person"], "name"),
                           on ? format_local_date(*on) : text_of(s, "spoke_on"));
    }
    return out;
}

nlohmann::json measures_blocks(const nlohmann::json& list) {
    namespace b = children::export_blocks;
    nlohmann::json blocks = nlohmann::json::array();
    if (list.empty()) {
        blocks.push_back(b::paragraph("No restrictive measure is recorded."));
        return blocks;
    }
    for (const auto& m : list) {
        blocks.push_back(b::heading(fmt::format(
            "{}, {}", label_in(measure_kinds(), text_of(m, "kind")), when_of(m, "started_at"))));
        const auto& child_review = m["child_review"];
        blocks.push_back(b::fields(
            {{"What was done", text_of(m, "description")},
             {"Why nothing less restrictive was enough", text_of(m, "why_necessary")},
             {"Used by", names(m["used_by"])},
             {"Seen by", names(m["observed_by"])},
             {"Written by", text_of(m["author"], "name") + ", " + when_of(m, "created_at")},
             {"Staff review (48 hours)", review_words(m["staff_review"])},
             {"Spoken to", spoken_to_words(m["staff_spoken_to"])},
             {"Not yet spoken to", names(m["not_yet_spoken_to"])},
             {"Talking with the child (5 days)", review_words(child_review)},
             {"What they said", text_of(child_review, "child_said")}}));
    }
    return blocks;
}

}  // namespace

children::ExportSection measures_export_section() {
    return {"restrictive_measures", "Restrictive measures (Reg 35)", measures_content,
            measures_blocks};
}

}  // namespace hearth::intervention
