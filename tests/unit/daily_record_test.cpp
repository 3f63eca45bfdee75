// The daily record: what makes an entry valid, one-tap praise, the actions a key-work session
// agrees, amendments that keep every version and refuse a stale write, and the handover's rules.
#include <gtest/gtest.h>

#include <algorithm>

#include "chronology/chronology_store.hpp"
#include "daily_record/action_store.hpp"
#include "daily_record/childrens_meeting_store.hpp"
#include "daily_record/daily_entry.hpp"
#include "daily_record/daily_store.hpp"
#include "daily_record/handover.hpp"
#include "daily_record/talked_about_bullying.hpp"
#include "daily_record/talked_about_bullying_store.hpp"
#include "demo_lookup.hpp"
#include "platform/amendments.hpp"
#include "test_support.hpp"

// Each test file's own names, apart from the others built beside it (tests/CMakeLists.txt).
namespace daily_record_test {

using namespace hearth;
using namespace hearth::daily_record;
using hearth::testing::count_rows;
using hearth::testing::demo_actor;
using hearth::testing::demo_child;
using hearth::testing::demo_home;
using hearth::testing::fields_of;
using hearth::testing::form_of;
using hearth::testing::InProcessApp;
using hearth::testing::message_at;
using hearth::testing::refused_at;
using hearth::testing::says;
using hearth::testing::test_now;
using hearth::testing::typed_over;

namespace {

// 2026-05-12T14:30Z is 15:30 in London (summer time).
std::map<std::string, std::string> valid_note() {
    return {{"occurred_on", "2026-05-12"},
            {"occurred_time", "15:10"},
            {"category", "education"},
            {"body", "Went to school and came home happy."},
            {"child_words", "Science was fun"},
            {"significant", ""},
            {"for_handover", "yes"}};
}

Result<EntryDetails> read(const std::map<std::string, std::string>& fields,
                          EntryKind kind = EntryKind::note) {
    auto form = form_of(fields);
    http::FormReader reader(form);
    return read_entry(reader, kind, test_now());
}

}  // namespace

using DailyEntryRules = hearth::testing::InLondon;

TEST_F(DailyEntryRules, AValidNoteBecomesAnEntryAtTheLocalTimeTyped) {
    auto r = read(valid_note());
    ASSERT_TRUE(r.ok()) << r.error().message;
    EXPECT_EQ(format_utc(r->occurred_at), "2026-05-12T14:10:00.000Z");
    EXPECT_EQ(r->category, "education");
    EXPECT_EQ(r->child_words, "Science was fun");
    EXPECT_TRUE(r->for_handover);
    EXPECT_FALSE(r->significant);
}

TEST_F(DailyEntryRules, EveryMissingFieldIsNamed) {
    auto r = read({{"occurred_on", ""}, {"occurred_time", ""}, {"category", ""}, {"body", "  "}});
    EXPECT_EQ(fields_of(r),
              (std::vector<std::string>{"occurred_on", "occurred_time", "category", "body"}));
}

// A rule of the daily record's entry, typed over a valid note (read as `kind`).
struct EntryRule {
    const char* name;
    EntryKind kind;
    nlohmann::json typed;
    const char* field;
    const char* words;
};

void PrintTo(const EntryRule& rule, std::ostream* out) {
    *out << rule.name << ": " << rule.typed.dump();
}

const std::string too_long_body(10001, 'x');

// clang-format off
const EntryRule entry_rules[] = {
    {"TheFutureIsRefused", EntryKind::note, {{"occurred_time", "15:40"}},  // ten minutes after now
     "occurred_time", "now or earlier"},
    {"TomorrowIsRefused", EntryKind::note, {{"occurred_on", "2026-05-13"}, {"occurred_time", "15:34"}},
     "occurred_on", "today or earlier"},
    {"AnHourPastTheDayIsRefused", EntryKind::note, {{"occurred_time", "25:00"}},
     "occurred_time", "must be a real time"},
    {"AMinutePastTheHourIsRefused", EntryKind::note, {{"occurred_time", "12:60"}},
     "occurred_time", "must be a real time"},
    {"ATimeWithoutAColonIsRefused", EntryKind::note, {{"occurred_time", "1230"}},
     "occurred_time", "must be a real time"},
    {"ATimeInWordsIsRefused", EntryKind::note, {{"occurred_time", "noon"}},
     "occurred_time", "must be a real time"},
    {"AOneDigitMinuteIsRefused", EntryKind::note, {{"occurred_time", "12:3"}},
     "occurred_time", "must be a real time"},
    {"ATimeWithoutAnHourIsRefused", EntryKind::note, {{"occurred_time", ":30"}},
     "occurred_time", "must be a real time"},
    {"ACategoryNotOnTheListIsRefused", EntryKind::note, {{"category", "gossip"}},
     "category", "from the list"},
    // 01:30 on 29 March 2026 does not exist in London.
    {"ATimeTheSpringSkipsIsRefused", EntryKind::note,
     {{"occurred_on", "2026-03-29"}, {"occurred_time", "01:30"}},
     "occurred_time", "the clocks went forward"},
    {"KeyWorkNeedsItsTopic", EntryKind::key_work, {},
     "topic", "Enter what the session was about"},
    {"TextHasLimits", EntryKind::key_work, {{"topic", "School"}, {"body", too_long_body}},
     "body", "characters or fewer"},
    {"FieldsNobodyAskedForAreRefused", EntryKind::note, {{"author", "Someone else"}},
     "author", "not a field Hearth knows here"},
};
// clang-format on

class DailyEntryRule : public hearth::testing::InLondon,
                       public ::testing::WithParamInterface<EntryRule> {};

TEST_P(DailyEntryRule, IsRefusedAtItsFieldWithWhy) {
    const auto& rule = GetParam();
    EXPECT_TRUE(
        refused_at(read(typed_over(valid_note(), rule.typed), rule.kind), rule.field, rule.words));
}

INSTANTIATE_TEST_SUITE_P(DailyEntryRules, DailyEntryRule, ::testing::ValuesIn(entry_rules),
                         hearth::testing::RuleName());

TEST_F(DailyEntryRules, AFewMinutesAheadIsWithinTheGraceForATabletsClock) {
    auto fields = valid_note();
    fields["occurred_time"] = "15:34";
    EXPECT_TRUE(read(fields).ok());
}

TEST_F(DailyEntryRules, TheHourAfterTheSpringSkipIsRead) {
    auto fields = valid_note();
    fields["occurred_on"] = "2026-03-29";
    fields["occurred_time"] = "02:30";
    ASSERT_TRUE(read(fields).ok());
    EXPECT_EQ(format_utc(read(fields)->occurred_at), "2026-03-29T01:30:00.000Z");
}

TEST_F(DailyEntryRules, TheRepeatedAutumnHourIsTheFirst) {
    auto at = from_local(*parse_date("2025-10-26"), 1, 30);
    ASSERT_TRUE(at.has_value());
    EXPECT_EQ(format_utc(*at), "2025-10-26T00:30:00.000Z");
}

TEST_F(DailyEntryRules, PraiseIsOneTapOrWordsOrBoth) {
    auto praise = [](const std::map<std::string, std::string>& fields) {
        auto form = form_of(fields);
        http::FormReader reader(form);
        return read_praise(reader, test_now());
    };
    auto tap = praise({{"moment", "kindness"}});
    ASSERT_TRUE(tap.ok());
    EXPECT_EQ(tap->body, "Was kind to someone");
    EXPECT_EQ(tap->kind, EntryKind::praise);
    EXPECT_EQ(tap->category, "achievement");
    EXPECT_EQ(tap->occurred_at, test_now());
    auto both = praise({{"moment", "helped"}, {"body", "laid the table"}});
    EXPECT_EQ(both->body, "Helped around the home: laid the table");
    auto words = praise({{"body", "Read to the younger ones"}});
    EXPECT_EQ(words->body, "Read to the younger ones");
    auto nothing = praise({});
    EXPECT_EQ(fields_of(nothing), std::vector<std::string>{"body"});
    EXPECT_TRUE(says(message_at(nothing, "body"), "Choose a moment or write what they did well"));
    auto shouting = praise({{"moment", "shouting"}});
    EXPECT_EQ(fields_of(shouting), std::vector<std::string>{"moment"});
    EXPECT_TRUE(says(message_at(shouting, "moment"), "from the list"));
}

TEST_F(DailyEntryRules, OnlyAKeyWorkSessionCanBeMarkedAsTalkingAboutBullying) {
    auto session = valid_note();
    session["topic"] = "Feeling safe";
    session["about_bullying"] = "yes";
    auto kw = read(session, EntryKind::key_work);
    ASSERT_TRUE(kw.ok()) << kw.error().message;
    EXPECT_TRUE(kw->about_bullying);
    session.erase("about_bullying");
    EXPECT_FALSE(read(session, EntryKind::key_work)->about_bullying);
    auto note = valid_note();
    note["about_bullying"] = "yes";
    EXPECT_TRUE(refused_at(read(note), "about_bullying", "not a field Hearth knows here"));
}

TEST(TalkedAboutBullying, LatelyIsWithinThreeMonthsOfEitherTheLaterCounts) {
    const Timestamp now = test_now();
    ChildTalked c{1, "A child", std::nullopt, std::nullopt};
    EXPECT_EQ(standing_of(c, now), TalkStanding::never);
    c.meeting = TalkedAt{7, now - std::chrono::days(lately_days + 1)};
    EXPECT_EQ(standing_of(c, now), TalkStanding::not_lately);
    c.key_work = TalkedAt{9, now - std::chrono::days(lately_days)};
    EXPECT_EQ(standing_of(c, now), TalkStanding::lately);
    EXPECT_EQ(last_talked(c), c.key_work->at);
    EXPECT_EQ(standing_label(TalkStanding::not_lately), "Not in the last 3 months");
}

TEST(AgreedActions, OneALineBlanksAndBulletsDropped) {
    EXPECT_EQ(agreed_actions("Ask school about clubs\n\n  - Buy a calculator  \r\n• \n"),
              (std::vector<std::string>{"Ask school about clubs", "Buy a calculator"}));
    EXPECT_TRUE(agreed_actions("").empty());
    EXPECT_TRUE(agreed_actions("\n \n").empty());
}

TEST(Chronology, CursorsRoundTripAndRefuseOthers) {
    chronology::Cursor c{test_now(), 42};
    auto back = chronology::decode(chronology::encode(c));
    ASSERT_TRUE(back.has_value());
    EXPECT_EQ(back->id, 42);
    EXPECT_EQ(back->occurred_at, test_now());
    for (const char* bad :
         {"", "42", "2026-05-12T14:30:00.000Z", "2026-05-12T14:30:00.000Z~",
          "2026-05-12T14:30:00.000Z~0", "2026-05-12T14:30:00.000Z~4x", "not-a-time~4"}) {
        EXPECT_FALSE(chronology::decode(bad).has_value()) << bad;
    }
}

TEST(Chronology, SummariesCutAtWordsAndNeverInsideALetter) {
    EXPECT_EQ(chronology::summarise("short", 10), "short");
    EXPECT_EQ(chronology::summarise("one two three four", 10), "one two…");
    const std::string accented = "ééééééééééé";  // two bytes each
    const std::string cut = chronology::summarise(accented, 5);
    EXPECT_EQ(cut, "éé…");
}

TEST(Chronology, SearchWordsAreQuotedSoNothingTypedIsSyntax) {
    EXPECT_EQ(chronology::fts5_query("school trip"), "\"school\" \"trip\"");
    EXPECT_EQ(chronology::fts5_query("NEAR(\"a\" OR b)*"), "\"NEAR\" \"a\" \"OR\" \"b\"");
    EXPECT_EQ(chronology::fts5_query("café"), "\"café\"");
    EXPECT_EQ(chronology::fts5_query("  -- ;;"), "");
}

using Handover = hearth::testing::InLondon;

TEST_F(Handover, ShiftsFollowTheHomesClock) {
    EXPECT_EQ(shift_at(*parse_utc("2026-05-12T06:30:00Z")).key, "early");  // 07:30 BST
    EXPECT_EQ(shift_at(*parse_utc("2026-05-12T13:00:00Z")).key, "late");   // 14:00 BST
    EXPECT_EQ(shift_at(*parse_utc("2026-05-12T21:30:00Z")).key, "night");  // 22:30 BST
    EXPECT_EQ(shift_at(*parse_utc("2026-12-12T06:30:00Z")).key, "night");  // 06:30 GMT
}

TEST_F(Handover, CoversSinceTheLastOneButNeverMoreThanThreeDays) {
    const auto now = test_now();
    EXPECT_EQ(covers_from(std::nullopt, now), now - std::chrono::hours{24});
    EXPECT_EQ(covers_from(now - std::chrono::hours{8}, now), now - std::chrono::hours{8});
    EXPECT_EQ(covers_from(now - std::chrono::hours{200}, now), now - std::chrono::hours{72});
    EXPECT_EQ(covers_from(now + std::chrono::hours{1}, now), now);
}

// On the store the suite runs on (SQLite, or PostgreSQL under scripts/test).
class DailyStore : public hearth::testing::InLondon {
  protected:
    InProcessApp app;
    const std::int64_t aisha = demo_child(*app.db, "Aisha");
    const std::int64_t willow = demo_home(*app.db, "Willow House");
    const audit::Actor worker = demo_actor(*app.db, "Chris Okafor");

    EntryDetails note(const std::string& body) {
        EntryDetails d;
        d.kind = EntryKind::note;
        d.category = "daily_life";
        d.body = body;
        d.occurred_at = test_now() - std::chrono::hours{1};
        return d;
    }
};

TEST_F(DailyStore, AnEntryIsSignedVersionedInTheChronologyAndAudited) {
    const auto audits = count_rows(*app.db, "SELECT COUNT(*) FROM audit_log");
    auto id = app.db->write([&](db::Connection& c) {
        return record(c, aisha, willow, note("Baked a cake with staff"), {"Buy more flour"}, worker,
                      test_now());
    });
    ASSERT_TRUE(id.ok()) << id.error().detail;
    auto entry = app.db->read([&](db::Connection& c) { return find(c, id.value()); });
    ASSERT_TRUE(entry.ok() && entry.value());
    EXPECT_EQ((*entry.value()).author_name, "Chris Okafor");
    EXPECT_EQ((*entry.value()).version, 1);
    EXPECT_EQ(count_rows(*app.db,
                         "SELECT COUNT(*) FROM chronology WHERE source_type = 'daily_entry' AND "
                         "source_id = $1 AND title = 'Everyday life'",
                         {id.value()}),
              1);
    EXPECT_EQ(count_rows(*app.db,
                         "SELECT COUNT(*) FROM agreed_actions WHERE source_id = $1 AND "
                         "description = 'Buy more flour' AND state = 'open'",
                         {id.value()}),
              1);
    // The entry and the action, each audited.
    EXPECT_EQ(count_rows(*app.db, "SELECT COUNT(*) FROM audit_log"), audits + 2);
}

TEST_F(DailyStore, AnAmendmentKeepsTheEarlierTextAndRefusesAStaleVersion) {
    auto id = app.db->write([&](db::Connection& c) {
        return record(c, aisha, willow, note("Went to the park"), {}, worker, test_now());
    });
    ASSERT_TRUE(id.ok());
    auto changed = note("Went to the park with Kai");
    Status first = app.db->write([&](db::Connection& c) {
        return amend(c, id.value(), 1, changed, "Added who went", worker, test_now());
    });
    ASSERT_TRUE(first.ok()) << first.error().message;
    Status stale = app.db->write([&](db::Connection& c) {
        return amend(c, id.value(), 1, note("Went out"), "Shorter", worker, test_now());
    });
    ASSERT_FALSE(stale.ok());
    EXPECT_EQ(stale.error().kind, ErrorKind::conflict);
    auto versions = app.db->read(
        [&](db::Connection& c) { return amendments::versions_of(c, "daily_entry", id.value()); });
    ASSERT_TRUE(versions.ok());
    ASSERT_EQ(versions->size(), 2u);
    EXPECT_EQ((*versions)[0].record["body"], "Went to the park with Kai");
    EXPECT_EQ((*versions)[0].reason, "Added who went");
    EXPECT_EQ((*versions)[1].record["body"], "Went to the park");
    EXPECT_EQ(count_rows(*app.db,
                         "SELECT COUNT(*) FROM chronology WHERE source_id = $1 AND amended = 1 AND "
                         "summary = 'Went to the park with Kai'",
                         {id.value()}),
              1);
}

TEST_F(DailyStore, AnAmendmentThatChangesNothingOrHasNoReasonIsRefused) {
    auto id = app.db->write([&](db::Connection& c) {
        return record(c, aisha, willow, note("Tidied room"), {}, worker, test_now());
    });
    ASSERT_TRUE(id.ok());
    Status same = app.db->write([&](db::Connection& c) {
        return amend(c, id.value(), 1, note("Tidied room"), "No reason", worker, test_now());
    });
    EXPECT_EQ(fields_of(same), std::vector<std::string>{"reason"});
    EXPECT_TRUE(says(message_at(same, "reason"), "Nothing was changed")) << same.error().message;
    Status no_reason = app.db->write([&](db::Connection& c) {
        return amend(c, id.value(), 1, note("Tidied up"), "", worker, test_now());
    });
    EXPECT_EQ(fields_of(no_reason), std::vector<std::string>{"reason"});
    EXPECT_TRUE(says(message_at(no_reason, "reason"), "Enter why you are amending"))
        << no_reason.error().message;
}

TEST_F(DailyStore, AnActionIsDoneOnceAndTheSecondPersonIsTold) {
    auto id = app.db->write([&](db::Connection& c) {
        return record(c, aisha, willow, note("Key work"), {"Ring the dentist"}, worker, test_now());
    });
    ASSERT_TRUE(id.ok());
    auto actions =
        app.db->read([&](db::Connection& c) { return actions_of(c, "daily_entry", id.value()); });
    ASSERT_EQ(actions->size(), 1u);
    const auto action = (*actions)[0];
    auto open_ids = [&] {
        auto open = app.db->read([&](db::Connection& c) { return open_actions(c, willow, 1000); });
        EXPECT_TRUE(open.ok());
        std::vector<std::int64_t> ids;
        for (const auto& a : open.ok() ? open.value() : std::vector<AgreedAction>{})
            ids.push_back(a.id);
        return ids;
    };
    const auto open_before = open_ids();
    ASSERT_EQ(std::count(open_before.begin(), open_before.end(), action.id), 1);
    Status done = app.db->write([&](db::Connection& c) {
        return mark_done(c, action.id, action.version, "Booked for Friday", worker, test_now());
    });
    ASSERT_TRUE(done.ok());
    // Dana opened the same action before Chris saved, and saves after him.
    const audit::Actor dana = demo_actor(*app.db, "Dana Lewis");
    Status again = app.db->write([&](db::Connection& c) {
        return mark_done(c, action.id, action.version, "Rang them too", dana, test_now());
    });
    ASSERT_FALSE(again.ok());
    EXPECT_EQ(again.error().kind, ErrorKind::conflict);
    EXPECT_EQ(again.error().message, "Chris Okafor already recorded this action as done.");
    auto after =
        app.db->read([&](db::Connection& c) { return actions_of(c, "daily_entry", id.value()); });
    ASSERT_TRUE(after.ok());
    ASSERT_EQ(after->size(), 1u);
    EXPECT_TRUE((*after)[0].done);
    EXPECT_EQ((*after)[0].done_by_name, "Chris Okafor");
    EXPECT_EQ((*after)[0].done_note, "Booked for Friday");
    const auto open_after = open_ids();
    EXPECT_EQ(open_after.size(), open_before.size() - 1);
    EXPECT_EQ(std::count(open_after.begin(), open_after.end(), action.id), 0);
}

TEST_F(DailyStore, EverySaveIsCheckedForLanguageThatCaresAndAnAmendmentReplacesTheCount) {
    auto flagged = [&](std::int64_t id) {
        return count_rows(*app.db,
                          "SELECT flagged FROM language_checks WHERE source_type = 'daily_entry' "
                          "AND source_id = $1",
                          {id});
    };
    auto d = note("He kicked off at tea and absconded for an hour.");
    d.child_words = "I kicked off because nobody listened";  // theirs: never checked
    auto id = app.db->write(
        [&](db::Connection& c) { return record(c, aisha, willow, d, {}, worker, test_now()); });
    ASSERT_TRUE(id.ok()) << id.error().detail;
    EXPECT_EQ(flagged(id.value()), 2);
    Status amended = app.db->write([&](db::Connection& c) {
        return amend(c, id.value(), 1,
                     note("He was upset at tea and went out without telling us for an hour."),
                     "Kinder words", worker, test_now());
    });
    ASSERT_TRUE(amended.ok());
    EXPECT_EQ(flagged(id.value()), 0);
    EXPECT_EQ(count_rows(*app.db,
                         "SELECT COUNT(*) FROM language_checks WHERE source_type = 'daily_entry' "
                         "AND source_id = $1",
                         {id.value()}),
              1);
}

// The home's page of who has talked about bullying reads the last marked session and meeting of
// each child living there; an amendment that unmarks one takes it off, and a version kept before
// the mark existed is no different from one saying "no".
TEST_F(DailyStore, TheLastSessionAndMeetingAboutBullyingOfEachChildLivingThere) {
    auto talked = [&] {
        auto all =
            app.db->read([&](db::Connection& c) { return talked_about_bullying(c, willow); });
        EXPECT_TRUE(all.ok());
        auto it = std::find_if(all->begin(), all->end(),
                               [&](const ChildTalked& t) { return t.child_id == aisha; });
        EXPECT_NE(it, all->end()) << "Aisha lives at Willow House";
        return it == all->end() ? ChildTalked{} : *it;
    };
    auto session = note("We talked about the group chat and who she can tell");
    session.kind = EntryKind::key_work;
    session.topic = "Feeling safe online";
    session.about_bullying = true;
    session.occurred_at = test_now() - std::chrono::minutes{5};
    auto id = app.db->write([&](db::Connection& c) {
        return record(c, aisha, willow, session, {}, worker, test_now());
    });
    ASSERT_TRUE(id.ok()) << id.error().detail;
    ASSERT_TRUE(talked().key_work);
    EXPECT_EQ(talked().key_work->record_id, id.value());

    MeetingDetails m;
    m.held_at = test_now() - std::chrono::minutes{3};
    m.topic = "Kindness";
    m.discussion = "What to do if someone is unkind.";
    m.about_bullying = true;
    auto meeting = app.db->write([&](db::Connection& c) {
        return record_meeting(c, willow, m, {aisha}, {}, worker, test_now());
    });
    ASSERT_TRUE(meeting.ok()) << meeting.error().detail;
    ASSERT_TRUE(talked().meeting);
    EXPECT_EQ(talked().meeting->record_id, meeting.value());

    session.about_bullying = false;
    ASSERT_TRUE(app.db
                    ->write([&](db::Connection& c) {
                        return amend(c, id.value(), 1, session, "Not about bullying", worker,
                                     test_now());
                    })
                    .ok());
    const auto now_talked = talked();
    EXPECT_TRUE(!now_talked.key_work || now_talked.key_work->record_id != id.value());

    nlohmann::json before_the_mark = to_json(note("Went to the park"));
    before_the_mark.erase("about_bullying");
    EXPECT_TRUE(amendments::changes_between(before_the_mark, to_json(note("Went to the park")),
                                            field_labels())
                    .empty());
    auto marked = note("Went to the park");
    marked.about_bullying = true;
    const auto changes = amendments::changes_between(to_json(note("Went to the park")),
                                                     to_json(marked), field_labels());
    ASSERT_EQ(changes.size(), 1u);
    EXPECT_EQ(changes[0].label, "Talked about bullying");
    EXPECT_EQ(changes[0].before, "No");
    EXPECT_EQ(changes[0].after, "Yes");
}

}  // namespace daily_record_test
