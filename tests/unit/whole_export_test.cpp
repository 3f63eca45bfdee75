// A child's export is their whole record: every record in their chronology is in it, in the section
// of the capability that wrote it, and not only as a line of the chronology. A capability that
// writes chronology lines and adds no export section (or a section that leaves a record out)
// fails here, and so does a new kind of line the table below does not place.
#include <gtest/gtest.h>

#include <functional>
#include <map>
#include <string>

#include "children/export/record_export.hpp"
#include "test_support.hpp"

// Each test file's own names, apart from the others built beside it (tests/CMakeLists.txt).
namespace whole_export_test {

using namespace hearth;

namespace {

// Whether `j`, or anything inside it, is an object whose "id" is `id`.
bool holds_id(const nlohmann::json& j, std::int64_t id) {
    if (j.is_object()) {
        if (j.contains("id") && j["id"].is_number_integer() && j["id"].get<std::int64_t>() == id) {
            return true;
        }
        for (const auto& [key, value] : j.items()) {
            if (holds_id(value, id)) {
                return true;
            }
        }
    }
    if (j.is_array()) {
        for (const auto& value : j) {
            if (holds_id(value, id)) {
                return true;
            }
        }
    }
    return false;
}

bool holds_anything(const nlohmann::json& j) {
    return !j.is_null() && !j.empty();
}

struct Place {
    std::string section;
    // The record by its id; for records the section keeps as versions of one thing (the case
    // record, a family member, key-work changes, valuables, leaving), that the section holds them.
    bool by_id = true;
};

// Where each kind of chronology line's record is kept in the export.
const std::map<std::string, Place>& places() {
    static const std::map<std::string, Place> all{
        {"child_version", {"record_versions", false}},
        {"family_member_version", {"family", false}},
        {"key_worker_change", {"key_workers", false}},
        {"valuables", {"valuables", false}},
        {"leaving", {"leaving", false}},
        {"plan_version", {"plans", false}},
        {"plan_sign_off", {"plans", false}},
        {"daily_entry", {"daily_record"}},
        {"childrens_meeting", {"childrens_meetings"}},
        {"incident", {"incidents"}},
        {"incident_account", {"incidents"}},
        {"child_debrief", {"incidents"}},
        {"restorative_follow_up", {"incidents"}},
        {"measure", {"restrictive_measures"}},
        {"serious_event", {"serious_events"}},
        {"contact_restriction", {"contact_restrictions"}},
        {"contact_restriction_review", {"contact_restrictions", false}},
        {"contact", {"contact_log"}},
        {"contact_concern", {"contact_log"}},
        {"contact_concern_answer", {"contact_log"}},
        {"contact_arrangement", {"contact_arrangements"}},
        {"contact_arrangement_end", {"contact_arrangements"}},
        {"digital_contact_agreement", {"contact_arrangements"}},
        {"visit", {"visitors"}},
        {"bullying_concern", {"bullying_concerns"}},
        {"bullying_stage", {"bullying_concerns"}},
        {"bullying_complaint", {"bullying_concerns"}},
        {"bullying_complaint_outcome", {"bullying_concerns"}},
        {"managed_interaction", {"managed_interactions"}},
        {"managed_interaction_review", {"managed_interactions", false}},
        {"friendship", {"friendships"}},
        {"friendship_review", {"friendships", false}},
        {"staff_change", {"staff_changes"}},
    };
    return all;
}

TEST(WholeExportStore, EveryRecordInAChildsChronologyIsInTheirExport) {
    hearth::testing::InProcessApp app;
    auto children = app.db->read(
        [](db::Connection& c) { return c.query("SELECT id FROM children ORDER BY id", {}); });
    ASSERT_TRUE(children.ok());
    ASSERT_GE(children->size(), 8u);
    std::map<std::string, int> checked;
    for (const auto& row : *children) {
        const std::int64_t child = row.integer(0);
        auto doc = children::export_record(*app.db, app.app->record_export(), child, "json",
                                           {std::nullopt, "test", "", ""}, app.clock.now());
        ASSERT_TRUE(doc.ok()) << doc.error().detail;
        std::map<std::string, nlohmann::json> sections;
        for (const auto& s : doc.value()["sections"]) {
            sections[s["key"].get<std::string>()] = s["content"];
        }
        auto lines = app.db->read([&](db::Connection& c) {
            return c.query("SELECT source_type, source_id FROM chronology WHERE child_id = $1",
                           {child});
        });
        ASSERT_TRUE(lines.ok());
        for (const auto& line : *lines) {
            const std::string type = line.text(0);
            const std::int64_t id = line.integer(1);
            auto place = places().find(type);
            ASSERT_NE(place, places().end())
                << "chronology lines of kind " << type << " have no place in the export";
            ASSERT_TRUE(sections.count(place->second.section))
                << "the export has no section " << place->second.section << " for " << type;
            const auto& content = sections[place->second.section];
            EXPECT_TRUE(place->second.by_id ? holds_id(content, id) : holds_anything(content))
                << type << " " << id << " of child " << child << " is not in the export's "
                << place->second.section;
            ++checked[type];
        }
    }
    // The demo has records of every kind the table places but leaving, which the HTTP tests cover.
    for (const char* kind : {"daily_entry",
                             "childrens_meeting",
                             "incident",
                             "incident_account",
                             "child_debrief",
                             "restorative_follow_up",
                             "measure",
                             "plan_version",
                             "serious_event",
                             "contact_restriction",
                             "contact",
                             "contact_concern",
                             "contact_concern_answer",
                             "visit",
                             "bullying_concern",
                             "bullying_stage",
                             "bullying_complaint",
                             "managed_interaction",
                             "friendship",
                             "friendship_review",
                             "staff_change"}) {
        EXPECT_GT(checked[kind], 0) << "the demo has no " << kind << " to check";
    }
}

}  // namespace

}  // namespace whole_export_test
