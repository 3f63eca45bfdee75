// The export of a child's whole record: a registry other capabilities add sections to, one JSON
// document read in one transaction with its audit entry, and a printable HTML document with every
// field, every version and every section.
#include "children/export/record_export.hpp"

#include <gtest/gtest.h>

#include "case_record_fixture.hpp"
#include "children/export/case_record_sections.hpp"
#include "children/family/family_store.hpp"

// Each test file's own names, apart from the others built beside it (tests/CMakeLists.txt).
namespace record_export_test {

using namespace hearth;
using namespace hearth::children;

namespace {

TEST(ExportSections, KeepTheirOrderAndRefuseASecondSectionWithOneName) {
    ExportSections s;
    s.add({"a", "A", nullptr, nullptr});
    s.add({"b", "B", nullptr, nullptr});
    ASSERT_EQ(s.all().size(), 2u);
    EXPECT_EQ(s.all()[1].key, "b");
    EXPECT_THROW(s.add({"a", "Again", nullptr, nullptr}), std::logic_error);
}

TEST(ExportBlocks, EveryFieldLaysOutAnyJson) {
    const auto blocks = export_blocks::every_field(nlohmann::json::parse(R"({
        "mood": "happy", "praised": true, "score": 3, "note": null,
        "entries": [{"text": "Helped cook tea", "by": "Dana"}, "plain"],
        "nothing": []
    })"));
    const std::string all = blocks.dump();
    for (const char* expected :
         {"Mood", "happy", "Praised", "Yes", "Score", "Note", "Not recorded", "Entries",
          "Helped cook tea", "plain", "Nothing", "None recorded."}) {
        EXPECT_NE(all.find(expected), std::string::npos) << expected << " in " << all;
    }
}

class RecordExportStore : public hearth::testing::CaseRecordTest {
  protected:
    void SetUp() override {
        CaseRecordTest::SetUp();
        kinds_.add({{"record_change", "Change to the case record"}});
        add_case_record_sections(sections_, kinds_);
        // What another capability (the daily record, say) adds with its one registration call.
        sections_.add(
            {"daily_record", "Daily record",
             [](db::Connection& c, std::int64_t child) -> Result<nlohmann::json> {
                 auto row =
                     TRY(c.query_one("SELECT first_name FROM children WHERE id = $1", {child}));
                 return nlohmann::json::array({{{"text", row->text(0) + " helped cook tea"}}});
             },
             nullptr});
        children::ChildDetails d = details_;
        d.school = "Westmere Academy <b>";
        d.preferred_name = "Ash";
        ASSERT_TRUE(db_->write([&](db::Connection& c) {
                           return children::amend(c, child_, 1, d, "She asked to be called Ash",
                                                  children::WhenAmended{}, as(dana_), tick());
                       })
                        .ok());
        ASSERT_TRUE(db_->write([&](db::Connection& c) {
                           return add_family_member(c, child_,
                                                    {"Jade Bennett", "Mum", true, "", ""},
                                                    as(manager_), tick());
                       })
                        .ok());
    }

    Result<nlohmann::json> export_now(const std::string& format = "json") {
        return export_record(*db_, sections_, child_, format, as(manager_), tick());
    }

    chronology::Kinds kinds_;
    ExportSections sections_;
};

TEST_F(RecordExportStore, TheDocumentHoldsEverySectionInOrder) {
    auto doc = export_now();
    ASSERT_TRUE(doc.ok()) << doc.error().message;
    EXPECT_EQ((*doc)["format"], "hearth.child-record");
    EXPECT_EQ((*doc)["child"]["name"], "Ash Bennett");
    EXPECT_EQ((*doc)["child"]["legal_name"], "Aisha Bennett");
    EXPECT_EQ((*doc)["child"]["home"]["name"], "Willow House");
    EXPECT_EQ((*doc)["exported_by"], "Sam Carter");
    std::vector<std::string> keys;
    for (const auto& s : (*doc)["sections"])
        keys.push_back(s["key"]);
    EXPECT_EQ(keys,
              (std::vector<std::string>{"case_record", "record_versions", "family", "key_workers",
                                        "valuables", "leaving", "chronology", "daily_record"}));
    const auto& sections = (*doc)["sections"];
    EXPECT_EQ(sections[0]["content"]["record"]["school"], "Westmere Academy <b>");
    EXPECT_EQ(sections[0]["content"]["retention_date"], "2086-04-17");
    // Every version, oldest first, with what each changed.
    const auto& versions = sections[1]["content"];
    ASSERT_EQ(versions.size(), 2u);
    EXPECT_EQ(versions[0]["reason"], "Admitted");
    EXPECT_EQ(versions[1]["reason"], "She asked to be called Ash");
    EXPECT_EQ(versions[1]["changes"][0]["field"], "preferred_name");
    EXPECT_EQ(sections[2]["content"][0]["name"], "Jade Bennett");
    EXPECT_EQ(sections[2]["content"][0]["versions"].size(), 1u);
    // The chronology: admission, the amendment and the family entry, oldest first.
    const auto& chronology = sections[6]["content"];
    ASSERT_EQ(chronology.size(), 3u);
    EXPECT_EQ(chronology[0]["kind"], "admission");
    // Labelled by the kinds the capabilities added; one nobody added still reads, as its key.
    EXPECT_EQ(chronology[0]["kind_label"], "admission");
    EXPECT_EQ(chronology[1]["kind_label"], "Change to the case record");
    EXPECT_EQ(sections[7]["content"][0]["text"], "Aisha helped cook tea");
}

TEST_F(RecordExportStore, ExportingIsAnAuditedEvent) {
    const auto before = count(
        "SELECT COUNT(*) FROM audit_log WHERE action = 'export' AND "
        "child_id = $1");
    ASSERT_TRUE(export_now("html").ok());
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'export' AND child_id = $1"),
              before + 1);
    auto entry = db_->read([&](db::Connection& c) {
        return c.query_one(
            "SELECT actor, detail FROM audit_log WHERE action = 'export' AND "
            "child_id = $1",
            {child_});
    });
    EXPECT_EQ(entry.value()->text(0), "Sam Carter");
    EXPECT_EQ(entry.value()->text(1), "whole record, html");
}

TEST_F(RecordExportStore, AFailingSectionExportsNothingAndAuditsNothing) {
    sections_.add({"broken", "Broken",
                   [](db::Connection&, std::int64_t) -> Result<nlohmann::json> {
                       return Error::internal("this section cannot be read");
                   },
                   nullptr});
    auto exported = export_now();
    ASSERT_FALSE(exported.ok());
    EXPECT_EQ(exported.error().kind, ErrorKind::internal);
    EXPECT_EQ(exported.error().detail, "this section cannot be read");
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'export' AND child_id = $1"), 0);
}

TEST_F(RecordExportStore, TheHtmlDocumentShowsEveryFieldVersionAndSectionEscaped) {
    auto doc = export_now();
    ASSERT_TRUE(doc.ok());
    auto html = record_html(*doc, sections_);
    ASSERT_TRUE(html.ok()) << html.error().detail;
    const std::string& h = *html;
    EXPECT_EQ(h.rfind("<!DOCTYPE html>", 0), 0u);
    EXPECT_NE(h.find("<style>"), std::string::npos);
    EXPECT_EQ(h.find("<script"), std::string::npos);
    EXPECT_EQ(h.find("<link"), std::string::npos);  // self-contained: nothing fetched
    for (const auto& [field, label] : field_labels()) {
        std::string escaped = label;  // the template escapes an apostrophe as &apos;
        for (auto at = escaped.find('\''); at != std::string::npos; at = escaped.find('\''))
            escaped.replace(at, 1, "&apos;");
        EXPECT_NE(h.find(escaped), std::string::npos) << label;
    }
    for (const char* expected :
         {"The record of Ash Bennett", "Legal name: Aisha Bennett", "Willow House",
          "Version 2: She asked to be called Ash", "Jade Bennett", "Came to live at Willow House",
          "Daily record", "Aisha helped cook tea", "Kept until at least", "17 April 2086",
          "Westmere Academy &lt;b&gt;"}) {
        EXPECT_NE(h.find(expected), std::string::npos) << expected;
    }
    EXPECT_EQ(h.find("Westmere Academy <b>"), std::string::npos);
}

TEST_F(RecordExportStore, ALeavingKnownOnlyByItsDayIsStillExported) {
    // As the provider-scale demo (or an import) leaves it: the day, with no leaving record.
    ASSERT_TRUE(db_->write([&](db::Connection& c) {
                       return c.run("UPDATE children SET left_on = '2026-01-05' WHERE id = $1",
                                    {child_});
                   })
                    .ok());
    auto doc = export_now();
    ASSERT_TRUE(doc.ok());
    EXPECT_EQ((*doc)["sections"][5]["content"]["left_on"], "2026-01-05");
    auto html = record_html(*doc, sections_);
    ASSERT_TRUE(html.ok());
    EXPECT_NE(html->find("Left on 5 January 2026. Nothing more was recorded about leaving."),
              std::string::npos);
}

TEST_F(RecordExportStore, TheFilesAreNamedAfterTheChildAndTheDay) {
    auto doc = export_now();
    ASSERT_TRUE(doc.ok());
    EXPECT_EQ(export_file_stem(*doc), "hearth-record-" + std::to_string(child_) + "-2026-05-12");
}

}  // namespace

}  // namespace record_export_test
