// An organisation's own list and the checks behind the provider's figure, on a real database:
// changes are kept, never overwritten; a stale change is refused; one organisation's list is
// its own; a check counts an entry once, in the month it was first saved, and an amendment
// replaces its count.
#include "language/language_store.hpp"

#include <gtest/gtest.h>

#include "language/figures.hpp"
#include "language/figures_store.hpp"
#include "language/language_checks.hpp"
#include "organisation/homes.hpp"
#include "test_support.hpp"

// Each test file's own names, apart from the others built beside it (tests/CMakeLists.txt).
namespace language_store_test {

using namespace hearth;
using namespace hearth::language;
using hearth::testing::count_rows;
using hearth::testing::TempDir;

namespace {

Phrase own_phrase(const std::string& words, const std::string& pattern) {
    Phrase p;
    p.phrase = words;
    p.match = {pattern};
    p.alternative = "Say what happened";
    p.why = "It tells the reader nothing.";
    return p;
}

Change change(std::int64_t phrase_id, int version, ChangeKind kind, Phrase p = {}) {
    Change c;
    c.phrase_id = phrase_id;
    c.version = version;
    c.kind = kind;
    c.phrase = std::move(p);
    c.reason = "because";
    c.changed_by_name = "Sam";
    return c;
}

TEST(LanguageOrganisationList, TheFileWithTheChangesInOrder) {
    PhraseList defaults;
    defaults.phrases = {own_phrase("one", "one"), own_phrase("two", "two")};
    defaults.phrases[0].id = 1;
    defaults.phrases[1].id = 2;
    Phrase kinder = defaults.phrases[0];
    kinder.alternative = "Kinder words";
    // Given out of order: the list is worked out by phrase and version.
    std::vector<Change> changes{
        change(2, 3, ChangeKind::restore),
        change(10001, 1, ChangeKind::add, own_phrase("blew up", "blew up")),
        change(1, 2, ChangeKind::amend, kinder),
        change(2, 2, ChangeKind::retire),
        change(99, 2, ChangeKind::amend, own_phrase("gone", "gone")),  // no longer in the file
        change(5000, 1, ChangeKind::add, own_phrase("bad", "bad")),    // not an own id
    };
    auto list = effective_list(defaults, changes);
    ASSERT_EQ(list.size(), 3u);
    EXPECT_EQ(list[0].phrase.alternative, "Kinder words");
    EXPECT_TRUE(list[0].changed);
    EXPECT_TRUE(list[0].from_defaults);
    EXPECT_EQ(list[0].version, 2);
    EXPECT_FALSE(list[1].retired);  // retired, then restored
    EXPECT_EQ(list[1].version, 3);
    EXPECT_EQ(list[1].history.size(), 2u);
    EXPECT_EQ(list[2].phrase.phrase, "blew up");
    EXPECT_EQ(list[2].phrase.id, 10001);
    EXPECT_FALSE(list[2].from_defaults);
    EXPECT_EQ(list[2].version, 1);

    changes.push_back(change(10001, 2, ChangeKind::retire));
    list = effective_list(defaults, changes);
    EXPECT_TRUE(list[2].retired);
    EXPECT_EQ(in_use(list).size(), 2u);
}

class LanguageStore : public ::testing::Test {
  protected:
    void SetUp() override {
        set_display_zone("Europe/London");  // the month of an entry is the home's month
        db = hearth::testing::open_migrated(dir.file("hearth.db"));
        auto made = db->write([&](db::Connection& c) -> Status {
            const std::string at = format_utc(hearth::testing::test_now());
            org = TRY(organisation::create_organisation(c, "Brightwater", at));
            other_org = TRY(organisation::create_organisation(c, "Elsewhere", at));
            home = TRY(organisation::create_home(c, org, "Willow House", "SC1", at));
            other_home = TRY(organisation::create_home(c, org, "Harbour View", "SC2", at));
            return {};
        });
        ASSERT_TRUE(made.ok()) << made.error().detail;
    }

    template <typename F>
    auto write(F&& f) {
        return db->write([&](db::Connection& c) { return f(c); });
    }

    TempDir dir;
    std::unique_ptr<db::Database> db;
    std::int64_t org = 0, other_org = 0, home = 0, other_home = 0;
    audit::Actor sam{std::nullopt, "Sam Carter", "192.0.2.1", "test"};
    Timestamp now = hearth::testing::test_now();
};

TEST_F(LanguageStore, EveryChangeIsKeptAndAStaleOneRefused) {
    auto id = write([&](db::Connection& c) {
        return add_phrase(c, org, own_phrase("blew up", "blow+|blew up"), "Team meeting", sam, now);
    });
    ASSERT_TRUE(id.ok()) << id.error().message;
    EXPECT_EQ(id.value(), first_added_phrase_id);
    auto second = write([&](db::Connection& c) {
        return add_phrase(c, org, own_phrase("lost it", "lost it"), "Team meeting", sam, now);
    });
    ASSERT_TRUE(second.ok());
    EXPECT_EQ(second.value(), first_added_phrase_id + 1);
    // The same words twice is one phrase.
    auto twice = write([&](db::Connection& c) {
        return add_phrase(c, org, own_phrase("blew up", "blew up"), "Again", sam, now);
    });
    ASSERT_FALSE(twice.ok());
    EXPECT_EQ(twice.error().fields.front().field, "phrase");
    EXPECT_NE(twice.error().message.find("is already on your list"), std::string::npos)
        << twice.error().message;

    Phrase kinder = own_phrase("blew up", "blow+|blew up");
    kinder.alternative = "Say what led up to it";
    Status stale = write([&](db::Connection& c) {
        return amend_phrase(c, org, id.value(), 2, kinder, "Clearer", sam, now);
    });
    ASSERT_FALSE(stale.ok());
    EXPECT_EQ(stale.error().kind, ErrorKind::conflict);
    EXPECT_NE(stale.error().message.find("changed this phrase (version 1) after you opened it"),
              std::string::npos)
        << stale.error().message;
    Status amended = write([&](db::Connection& c) {
        return amend_phrase(c, org, id.value(), 1, kinder, "Clearer", sam, now);
    });
    ASSERT_TRUE(amended.ok()) << amended.error().message;
    Status same = write([&](db::Connection& c) {
        return amend_phrase(c, org, id.value(), 2, kinder, "Again", sam, now);
    });
    ASSERT_FALSE(same.ok());
    EXPECT_EQ(same.error().kind, ErrorKind::invalid_input);
    ASSERT_EQ(same.error().fields.size(), 1u);
    EXPECT_EQ(same.error().fields.front().field, "phrase");
    EXPECT_NE(same.error().message.find("Nothing was changed"), std::string::npos)
        << same.error().message;

    // A default of the file, retired and restored.
    ASSERT_TRUE(write([&](db::Connection& c) {
                    return set_retired(c, org, 15, 1, true, "A service's name", sam, now);
                }).ok());
    Status again = write(
        [&](db::Connection& c) { return set_retired(c, org, 15, 2, true, "Twice", sam, now); });
    ASSERT_FALSE(again.ok());
    EXPECT_EQ(again.error().kind, ErrorKind::conflict);
    EXPECT_NE(again.error().message.find("already retired"), std::string::npos)
        << again.error().message;
    Status no_reason =
        write([&](db::Connection& c) { return set_retired(c, org, 15, 2, false, "", sam, now); });
    ASSERT_FALSE(no_reason.ok());
    EXPECT_EQ(no_reason.error().fields.front().field, "reason");
    EXPECT_NE(no_reason.error().message.find("Enter why you are making this change"),
              std::string::npos);
    ASSERT_TRUE(write([&](db::Connection& c) {
                    return set_retired(c, org, 15, 2, false, "Back", sam, now);
                }).ok());
    Status missing =
        write([&](db::Connection& c) { return set_retired(c, org, 777, 1, true, "No", sam, now); });
    EXPECT_EQ(missing.error().kind, ErrorKind::not_found);

    auto list = db->read([&](db::Connection& c) { return organisation_list(c, org); });
    ASSERT_TRUE(list.ok());
    const auto* blew = find_phrase(*list, id.value());
    ASSERT_NE(blew, nullptr);
    EXPECT_EQ(blew->version, 2);
    ASSERT_EQ(blew->history.size(), 2u);
    // The earlier words are still there to read.
    EXPECT_EQ(blew->history[0].phrase.alternative, "Say what happened");
    EXPECT_EQ(blew->history[1].phrase.alternative, "Say what led up to it");
    EXPECT_EQ(blew->history[1].reason, "Clearer");
    EXPECT_EQ(blew->history[1].changed_by_name, "Sam Carter");
    const auto* respite = find_phrase(*list, 15);
    EXPECT_FALSE(respite->retired);
    EXPECT_EQ(respite->version, 3);
    EXPECT_EQ(count_rows(*db, "SELECT count(*) FROM language_changes"), 5);
    EXPECT_EQ(
        count_rows(*db, "SELECT count(*) FROM audit_log WHERE record_type = 'language_phrase'"), 5);
}

TEST_F(LanguageStore, EachOrganisationHasItsOwnList) {
    ASSERT_TRUE(write([&](db::Connection& c) {
                    return set_retired(c, org, 1, 1, true, "Ours", sam, now);
                }).ok());
    ASSERT_TRUE(write([&](db::Connection& c) {
                    return add_phrase(c, org, own_phrase("lost it", "lost it"), "Ours", sam, now);
                }).ok());
    auto ours =
        db->read([&](db::Connection& c) { return check(c, org, "He kicked off, lost it."); });
    auto theirs =
        db->read([&](db::Connection& c) { return check(c, other_org, "He kicked off, lost it."); });
    ASSERT_TRUE(ours.ok() && theirs.ok());
    ASSERT_EQ(ours->size(), 1u);
    EXPECT_EQ((*ours)[0].matched, "lost it");
    ASSERT_EQ(theirs->size(), 1u);
    EXPECT_EQ((*theirs)[0].matched, "kicked off");
    // Ids of added phrases are per organisation.
    auto first_of_other = write([&](db::Connection& c) {
        return add_phrase(c, other_org, own_phrase("lost it", "lost it"), "Theirs", sam, now);
    });
    ASSERT_TRUE(first_of_other.ok());
    EXPECT_EQ(first_of_other.value(), first_added_phrase_id);
}

TEST_F(LanguageStore, AnEntryCountsOnceAndItsAmendmentReplacesItsCount) {
    auto record = [&](std::int64_t source, const std::string& text, Timestamp at,
                      std::int64_t where) {
        auto found = write([&](db::Connection& c) {
            return check_and_record(c, org, where, std::nullopt, "daily_entry", source, text, at);
        });
        EXPECT_TRUE(found.ok()) << found.error().detail;
        return found.ok() ? found->size() : 0u;
    };
    // 23:30 UTC on 31 May is 00:30 on 1 June in London: a June entry.
    const Timestamp june = *parse_utc("2026-05-31T23:30:00.000Z");
    EXPECT_EQ(record(1, "She kicked off and refused tea. He kicked off again.", june, home), 3u);
    EXPECT_EQ(record(2, "A lovely day at the beach.", june, home), 0u);
    EXPECT_EQ(record(3, "He refused to go.", june, other_home), 1u);

    auto months = [&] {
        auto rows = db->read([&](db::Connection& c) { return month_totals(c, org, "2026-01"); });
        EXPECT_TRUE(rows.ok());
        return rows.ok() ? rows.value() : std::vector<HomeMonth>{};
    };
    auto of = [&](std::int64_t h) {
        for (const auto& r : months()) {
            if (r.home_id == h) {
                EXPECT_EQ(r.month, "2026-06");
                return r.total;
            }
        }
        return MonthTotal{};
    };
    EXPECT_EQ(of(home).entries, 2);
    EXPECT_EQ(of(home).entries_flagged, 1);
    EXPECT_EQ(of(home).flagged, 3);
    ASSERT_TRUE(of(home).per_100().has_value());
    EXPECT_DOUBLE_EQ(*of(home).per_100(), 150.0);

    // Amended a week later: still one entry, in June, with what it says now.
    const Timestamp later = *parse_utc("2026-06-08T10:00:00.000Z");
    EXPECT_EQ(record(1, "She was upset and chose not to have tea.", later, home), 0u);
    EXPECT_EQ(of(home).entries, 2);
    EXPECT_EQ(of(home).entries_flagged, 0);
    EXPECT_EQ(of(home).flagged, 0);
    EXPECT_EQ(record(2, "He threw a tantrum.", later, home), 1u);
    EXPECT_EQ(of(home).entries, 2);
    EXPECT_EQ(of(home).entries_flagged, 1);
    EXPECT_EQ(of(home).flagged, 1);
    EXPECT_EQ(count_rows(*db, "SELECT count(*) FROM language_checks"), 3);

    auto most = db->read(
        [&](db::Connection& c) { return most_flagged(c, org, "2026-01", std::nullopt, 10); });
    ASSERT_TRUE(most.ok());
    ASSERT_EQ(most->size(), 2u);  // "kicked off" went with the amendment
    EXPECT_EQ((*most)[0].flagged, 1);
    auto mine = db->read([&](db::Connection& c) {
        return most_flagged(c, org, "2026-01", std::vector<std::int64_t>{other_home}, 10);
    });
    ASSERT_TRUE(mine.ok());
    ASSERT_EQ(mine->size(), 1u);
    EXPECT_EQ((*mine)[0].phrase, "refused");
    // Months before the first asked for are left out.
    auto none = db->read([&](db::Connection& c) { return month_totals(c, org, "2026-07"); });
    ASSERT_TRUE(none.ok());
    EXPECT_TRUE(none->empty());
}

TEST_F(LanguageStore, ChecksUseTheOrganisationsListAsItIsNow) {
    ASSERT_TRUE(write([&](db::Connection& c) {
                    return set_retired(c, org, 5, 1, true, "Not for us", sam, now);
                }).ok());
    auto found = write([&](db::Connection& c) {
        return check_and_record(c, org, home, std::nullopt, "daily_entry", 9,
                                "He refused tea and kicked off.", now);
    });
    ASSERT_TRUE(found.ok());
    ASSERT_EQ(found->size(), 1u);
    EXPECT_EQ((*found)[0].phrase.phrase, "kicked off");
}

TEST_F(LanguageStore, ThePageAfterASaveShowsWhatWasFoundWhenItWasSaved) {
    auto save = [&](const std::string& text) {
        auto found = write([&](db::Connection& c) {
            return check_and_record(c, org, home, std::nullopt, "daily_entry", 11, text, now);
        });
        ASSERT_TRUE(found.ok()) << found.error().detail;
    };
    auto shown = [&] {
        auto view =
            db->read([&](db::Connection& c) { return findings_when_saved(c, "daily_entry", 11); });
        EXPECT_TRUE(view.ok());
        return view.ok() ? view.value() : nlohmann::json{};
    };
    EXPECT_EQ(shown(), nlohmann::json::object());  // never checked
    save("He kicked off and refused tea.");
    const auto at_save = shown();
    ASSERT_TRUE(at_save.contains("language_findings"));
    EXPECT_EQ(at_save["language_findings"]["count"], 2);
    // The list changing after the save does not change what the writer is told was found in it.
    ASSERT_TRUE(write([&](db::Connection& c) {
                    return set_retired(c, org, 5, 1, true, "Not for us", sam, now);
                }).ok());
    EXPECT_EQ(shown(), at_save);
    // An amendment is checked again, and the page after it shows what that check found.
    save("He was upset and chose not to have tea.");
    EXPECT_EQ(shown(), nlohmann::json::object());
}

TEST(LanguageFindingsView, OneRowAPhraseWithHowOften) {
    EXPECT_EQ(findings_view({}), nlohmann::json::object());
    const auto& phrases = default_list().phrases;
    auto view = findings_view(find_phrases(
        phrases, "Ben kicked off. Later he was kicking off again, and refused his tea."));
    ASSERT_TRUE(view.contains("language_findings"));
    const auto& v = view["language_findings"];
    EXPECT_EQ(v["count"], 3);
    EXPECT_EQ(v["one"], false);
    ASSERT_EQ(v["phrases"].size(), 2u);
    EXPECT_EQ(v["phrases"][0]["phrase"], "kicked off");
    EXPECT_EQ(v["phrases"][0]["matched"], "kicked off\", \"kicking off");
    EXPECT_EQ(v["phrases"][0]["times"], 2);
    EXPECT_EQ(v["phrases"][0]["many"], true);
    EXPECT_EQ(v["phrases"][0]["has_fine_when"], true);
    EXPECT_EQ(v["phrases"][1]["phrase"], "refused");
    EXPECT_EQ(v["phrases"][1]["many"], false);
    EXPECT_FALSE(v["phrases"][1]["alternative"].get<std::string>().empty());
    EXPECT_FALSE(v["phrases"][1]["why"].get<std::string>().empty());
}

TEST(LanguageFigures, MonthsAndLabels) {
    auto months = months_ending(std::chrono::year{2026} / 2 / 14, 4);
    EXPECT_EQ(months, (std::vector<std::string>{"2025-11", "2025-12", "2026-01", "2026-02"}));
    EXPECT_EQ(months_ending(std::chrono::year{2026} / 5 / 31, 12).front(), "2025-06");
    EXPECT_EQ(month_label("2026-05"), "May 2026");
    EXPECT_EQ(short_month_label("2025-12"), "Dec 25");
    EXPECT_EQ(month_label("nonsense"), "nonsense");
}

TEST(LanguageFigures, HomesAndTheOrganisationAddUp) {
    const std::vector<std::string> months{"2026-04", "2026-05"};
    const std::vector<HomeMonth> rows{{1, "2026-04", {10, 2, 3}},
                                      {1, "2026-05", {20, 1, 1}},
                                      {2, "2026-05", {30, 6, 9}},
                                      {2, "2025-01", {99, 99, 99}}};  // outside: left out
    auto f = build_figure(months, rows, {1, 2, 3});
    EXPECT_EQ(f.organisation[0].entries, 10);
    EXPECT_EQ(f.organisation[1].entries, 50);
    EXPECT_EQ(f.organisation[1].flagged, 10);
    EXPECT_DOUBLE_EQ(*f.organisation[1].per_100(), 20.0);
    EXPECT_EQ(f.whole_period.entries, 60);
    EXPECT_EQ(f.home_period.at(1).flagged, 4);
    ASSERT_EQ(f.homes.at(3).size(), 2u);  // a home with nothing yet has its empty months
    EXPECT_FALSE(f.homes.at(3)[0].per_100().has_value());
    EXPECT_FALSE(f.homes.at(2)[0].per_100().has_value());
    EXPECT_DOUBLE_EQ(*f.homes.at(2)[1].per_100(), 30.0);
}

}  // namespace

}  // namespace language_store_test
