// The chronology on the store: keyset pages that neither skip nor repeat, filters, and full-text
// search that stays inside the home (FTS5 on SQLite, tsvector on PostgreSQL).
#include <gtest/gtest.h>

#include <set>

#include "chronology/chronology_store.hpp"
#include "chronology/kinds.hpp"
#include "test_support.hpp"

// Each test file's own names, apart from the others built beside it (tests/CMakeLists.txt).
namespace chronology_test {

using namespace hearth;
using namespace hearth::chronology;
using hearth::testing::InProcessApp;
using hearth::testing::test_now;

class ChronologyStore : public ::testing::Test {
  protected:
    InProcessApp app{false};

    // Child 1 of home 1 and child 2 of home 2, on a bare organisation.
    void SetUp() override {
        Status made = app.db->write([](db::Connection& c) -> Status {
            TRY(c.run("INSERT INTO organisations (name, created_at) VALUES ('Test', 'x')"));
            TRY(
                c.run("INSERT INTO homes (organisation_id, name, created_at) VALUES (1, 'A', 'x'), "
                      "(1, 'B', 'x')"));
            TRY(
                c.run("INSERT INTO people (organisation_id, name, email, created_at, updated_at) "
                      "VALUES (1, 'Staff', 's@example.org', 'x', 'x')"));
            for (int child : {1, 2}) {
                TRY(c.run(
                    "INSERT INTO children (home_id, first_name, last_name, date_of_birth, sex, "
                    "legal_basis, placing_authority, admission_date, created_at, created_by, "
                    "updated_at, updated_by) VALUES ($1, $2, 'Test', '2012-01-01', 'other', "
                    "'s20', 'Testshire', '2024-01-01', 'x', 1, 'x', 1)",
                    {std::int64_t{child}, child == 1 ? "Ash" : "Bo"}));
            }
            return {};
        });
        ASSERT_TRUE(made.ok()) << made.error().detail;
    }

    void add(std::int64_t child, int minutes_ago, const std::string& kind, const std::string& text,
             bool significant = false, std::int64_t source = 0) {
        static std::int64_t next_source = 1000;
        auto id = app.db->write([&](db::Connection& c) {
            return record(c,
                          {child, child, test_now() - std::chrono::minutes{minutes_ago}, kind,
                           "test", source ? source : ++next_source, kind + " entry", text, "/x",
                           significant, false, 1, "Staff"},
                          test_now());
        });
        ASSERT_TRUE(id.ok()) << id.error().detail;
    }
};

TEST_F(ChronologyStore, KeysetPagesNeitherSkipNorRepeat) {
    // Several entries share a time: the id breaks the tie.
    for (int i = 0; i < 130; ++i)
        add(1, (i / 3) * 10, i % 2 ? "daily_note" : "praise", "entry " + std::to_string(i));
    std::set<std::int64_t> seen;
    std::optional<Cursor> after;
    Timestamp last = test_now() + std::chrono::hours{1};
    int pages = 0;
    do {
        Filter f;
        f.after = after;
        auto page = app.db->read([&](db::Connection& c) { return for_child(c, 1, f, 50); });
        ASSERT_TRUE(page.ok());
        for (const auto& e : page->entries) {
            EXPECT_TRUE(seen.insert(e.id).second) << "repeated " << e.id;
            EXPECT_LE(e.occurred_at, last) << "newest first";
            last = e.occurred_at;
            EXPECT_EQ(e.child_name, "Ash Test");
        }
        after = page->next;
        ++pages;
    } while (after);
    EXPECT_EQ(seen.size(), 130u);
    EXPECT_EQ(pages, 3);
}

TEST_F(ChronologyStore, FiltersByKindSignificanceAndDates) {
    add(1, 10, "praise", "helped");
    add(1, 20, "daily_note", "school", true);
    add(1, 60 * 48, "daily_note", "two days ago");
    add(2, 5, "praise", "other child");
    auto run = [&](Filter f) {
        auto page = app.db->read([&](db::Connection& c) { return for_child(c, 1, f, 50); });
        EXPECT_TRUE(page.ok());
        std::vector<std::string> out;
        for (const auto& e : page->entries)
            out.push_back(e.summary);
        return out;
    };
    Filter praise;
    praise.kind = "praise";
    EXPECT_EQ(run(praise), std::vector<std::string>{"helped"});
    Filter significant;
    significant.significant_only = true;
    EXPECT_EQ(run(significant), std::vector<std::string>{"school"});
    Filter recent;
    recent.from = test_now() - std::chrono::hours{24};
    EXPECT_EQ(run(recent), (std::vector<std::string>{"helped", "school"}));
    Filter old;
    old.until = test_now() - std::chrono::hours{24};
    EXPECT_EQ(run(old), std::vector<std::string>{"two days ago"});
}

TEST_F(ChronologyStore, SearchFindsWordsAndTheirFormsInsideOneHomeOnly) {
    add(1, 10, "daily_note", "Went swimming at the leisure centre");
    add(1, 20, "daily_note", "Homework done before tea");
    add(2, 5, "daily_note", "Went swimming with friends");
    auto find = [&](std::int64_t home, const std::string& q) {
        auto found = app.db->read([&](db::Connection& c) { return search(c, home, q, 50); });
        EXPECT_TRUE(found.ok()) << found.error().detail;
        std::vector<std::string> out;
        for (const auto& e : found.value())
            out.push_back(e.summary);
        return out;
    };
    EXPECT_EQ(find(1, "swim"), std::vector<std::string>{"Went swimming at the leisure centre"});
    EXPECT_EQ(find(1, "homework tea"), std::vector<std::string>{"Homework done before tea"});
    EXPECT_TRUE(find(1, "homework swimming").empty()) << "every word must match";
    EXPECT_EQ(find(2, "swimming"), std::vector<std::string>{"Went swimming with friends"});
    EXPECT_TRUE(find(1, "\"unbalanced OR (").empty());
}

TEST_F(ChronologyStore, ARevisionReplacesTheLineAndIsFoundByItsNewWords) {
    add(1, 10, "daily_note", "Baked bread", false, 77);
    ASSERT_TRUE(app.db
                    ->write([&](db::Connection& c) {
                        return revise(c, "test", 77,
                                      {"Daily note", "Baked scones", false, true, std::nullopt});
                    })
                    .ok());
    auto page = app.db->read([&](db::Connection& c) { return for_child(c, 1, Filter{}, 10); });
    ASSERT_EQ(page->entries.size(), 1u);
    EXPECT_TRUE(page->entries[0].amended);
    EXPECT_TRUE(page->entries[0].for_handover);
    auto found = app.db->read([&](db::Connection& c) { return search(c, 1, "scones", 10); });
    EXPECT_EQ(found->size(), 1u);
    auto gone = app.db->read([&](db::Connection& c) { return search(c, 1, "bread", 10); });
    EXPECT_TRUE(gone->empty());
}

// The kinds are added by the capabilities as they join: every kind of line the demo writes (every
// capability writes some) is one of them, each added once, so each reads with its label and can
// be chosen in the timeline's filter.
TEST(ChronologyKindsStore, EveryKindWrittenIsOneACapabilityAdded) {
    InProcessApp app;
    const auto& kinds = app.app->registry.at<Kinds>();
    std::set<std::string> added;
    for (const auto& k : kinds.all()) {
        EXPECT_TRUE(added.insert(k.key).second) << k.key << " added twice";
        EXPECT_NE(k.label, k.key);
    }
    auto written = app.db->read(
        [](db::Connection& c) { return c.query("SELECT DISTINCT kind FROM chronology"); });
    ASSERT_TRUE(written.ok());
    EXPECT_GE(written->size(), 10u);
    for (const auto& r : *written) {
        EXPECT_TRUE(kinds.has(r.text(0))) << r.text(0) << " is written but no capability added it";
    }
}

}  // namespace chronology_test
