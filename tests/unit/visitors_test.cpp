// The visitors' book on a set clock: a visitor is refused without a name, whom they visit, a
// reason, or the identification seen (or why not), and anything they bring that is on the home's
// list needs what was done with it; no one signs in in the future, visits a child of another home,
// or signs out before they came or twice. Still signed in from before today or after 22:00 is
// flagged. On SQLite, and on PostgreSQL when HEARTH_TEST_PG_URL is set.
#include <gtest/gtest.h>

#include "case_record_fixture.hpp"
#include "chronology/chronology_store.hpp"
#include "visitors/visit_store.hpp"

namespace visitors_test {

using namespace hearth;
using namespace hearth::testing;

const std::vector<std::string> home_list{"Lighters", "Alcohol", "Knives and blades"};

TEST(VisitItemRule, AnItemOnTheHomesListIsFlaggedWhateverItsWords) {
    EXPECT_EQ(visitors::not_allowed_match("A lighter", home_list), "Lighters");
    EXPECT_EQ(visitors::not_allowed_match("two LIGHTERS!", home_list), "Lighters");
    EXPECT_EQ(visitors::not_allowed_match("craft blade", home_list), "Knives and blades");
    EXPECT_EQ(visitors::not_allowed_match("Bottle of alcohol-free wine", home_list), "Alcohol")
        << "a word of the list is flagged for a person to judge";
    EXPECT_FALSE(visitors::not_allowed_match("Sandwiches and crisps", home_list));
    EXPECT_FALSE(visitors::not_allowed_match("Highlighters", home_list)) << "whole words only";
    EXPECT_FALSE(visitors::not_allowed_match("A lighter", {})) << "no list, nothing flagged";
    EXPECT_EQ(visitors::flagged_items({"Cake", "a lighter"}, home_list),
              std::vector<std::string>{"a lighter"});
}

class VisitOverdue : public InLondon {};

TEST_F(VisitOverdue, StillSignedInFromBeforeTodayOrLateInTheEvening) {
    const auto now = utc("2026-05-12T14:30:00.000Z");  // 15:30 in London
    EXPECT_FALSE(visitors::overdue_flag(utc("2026-05-12T09:00:00.000Z"), now));
    EXPECT_EQ(visitors::overdue_flag(utc("2026-05-11T18:00:00.000Z"), now),
              "Overdue: still signed in since yesterday");
    EXPECT_EQ(visitors::overdue_flag(utc("2026-05-09T18:00:00.000Z"), now),
              "Overdue: still signed in since 9 May 2026");
    EXPECT_EQ(
        visitors::overdue_flag(utc("2026-05-12T16:00:00.000Z"), utc("2026-05-12T21:05:00.000Z")),
        "Overdue: still signed in after 22:00");
    EXPECT_FALSE(
        visitors::overdue_flag(utc("2026-05-12T16:00:00.000Z"), utc("2026-05-12T20:55:00.000Z")))
        << "21:55 in London is not late yet";
}

// A form as a browser sends it: a field may come more than once (checkboxes).
http::FormData form_of(const std::vector<std::pair<std::string, std::string>>& fields) {
    std::string body;
    for (const auto& [k, v] : fields) {
        body += (body.empty() ? "" : "&") + k + "=" + http::url_encode(v);
    }
    return http::FormData::from_urlencoded(body).value();
}

const visitors::HomeAtTheDoor at_the_door{{7, 8}, {3, 4}, home_list};

std::vector<std::pair<std::string, std::string>> good_visit() {
    return {{"visitor_name", "Casey Nolan"},
            {"organisation", "Social worker"},
            {"visiting", "7"},
            {"reason", "Statutory visit"},
            {"id_kind", "badge"},
            {"signed_in_on", "2026-05-12"},
            {"signed_in_time", "15:00"}};
}

class VisitForm : public InLondon {};

TEST_F(VisitForm, ReadsAVisitorWithTheirTimeAndWhoLetThemIn) {
    auto fields = good_visit();
    fields.emplace_back("visiting", "home");
    fields.emplace_back("items", "Laptop\nA lighter");
    fields.emplace_back("items_action", "Held in the office until she left");
    auto form = form_of(fields);
    http::FormReader reader(form);
    auto read = visitors::read_visit(reader, at_the_door, 4, test_now());
    ASSERT_TRUE(read.ok()) << read.error().message;
    EXPECT_EQ(read->children, std::vector<std::int64_t>{7});
    EXPECT_TRUE(read->visits_home);
    EXPECT_EQ(read->signed_in_at, utc("2026-05-12T14:00:00.000Z")) << "15:00 in London";
    EXPECT_EQ(read->let_in_by, 4) << "whoever signs them in, unless the form says";
    EXPECT_EQ(read->items_flagged, std::vector<std::string>{"A lighter"});
}

TEST_F(VisitForm, NoTimeGivenIsNow) {
    auto fields = good_visit();
    fields.resize(5);
    auto form = form_of(fields);
    http::FormReader reader(form);
    auto read = visitors::read_visit(reader, at_the_door, 3, test_now());
    ASSERT_TRUE(read.ok()) << read.error().message;
    EXPECT_EQ(read->signed_in_at, test_now());
}

struct Refusal {
    const char* name;
    std::vector<std::pair<std::string, std::string>> changes;  // replace, or add
    const char* field;
};

class VisitRefusal : public ::testing::TestWithParam<Refusal> {
  protected:
    void SetUp() override { set_display_zone("Europe/London"); }
};

TEST_P(VisitRefusal, IsRefusedAtItsField) {
    auto fields = good_visit();
    for (const auto& [k, v] : GetParam().changes) {
        auto at =
            std::find_if(fields.begin(), fields.end(), [&](const auto& f) { return f.first == k; });
        if (at == fields.end()) {
            fields.emplace_back(k, v);
        } else {
            at->second = v;
        }
    }
    auto form = form_of(fields);
    http::FormReader reader(form);
    auto read = visitors::read_visit(reader, at_the_door, 3, test_now());
    ASSERT_FALSE(read.ok());
    bool named = false;
    for (const auto& f : read.error().fields) {
        named = named || f.field == GetParam().field;
    }
    EXPECT_TRUE(named) << read.error().message;
}

const Refusal refusals[] = {
    {"NoName", {{"visitor_name", " "}}, "visitor_name"},
    {"NoReason", {{"reason", ""}}, "reason"},
    {"NoOneVisited", {{"visiting", ""}}, "visiting"},
    {"AChildOfAnotherHome", {{"visiting", "99"}}, "visiting"},
    {"NoIdentificationAnswer", {{"id_kind", ""}}, "id_kind"},
    {"NotSeenWithoutWhy", {{"id_kind", "not_seen"}}, "id_not_seen_why"},
    {"OtherWithoutWhat", {{"id_kind", "other"}}, "id_other"},
    {"AnItemNotAllowedWithoutWhatWasDone", {{"items", "Can of lager\nA lighter"}}, "items_action"},
    {"InTheFuture", {{"signed_in_time", "16:00"}}, "signed_in_time"},
    {"TomorrowsDay", {{"signed_in_on", "2026-05-13"}}, "signed_in_on"},
    {"LetInBySomeoneNotOfTheHome", {{"let_in_by", "99"}}, "let_in_by"},
    {"SupervisingWithoutTheChild",
     {{"supervises_contact", "yes"}, {"supervised_contact", "Mum"}},
     "supervised_child"},
    {"SupervisingAChildNotVisited",
     {{"supervises_contact", "yes"}, {"supervised_child", "8"}, {"supervised_contact", "Mum"}},
     "supervised_child"},
    {"SupervisingWithoutWhoseContact",
     {{"supervises_contact", "yes"}, {"supervised_child", "7"}},
     "supervised_contact"},
};
INSTANTIATE_TEST_SUITE_P(Visits, VisitRefusal, ::testing::ValuesIn(refusals),
                         [](const auto& p) { return std::string(p.param.name); });

class VisitSignOutForm : public InLondon {};

TEST_F(VisitSignOutForm, IsNowUnlessATimeIsGivenAfterTheyCame) {
    const auto came = utc("2026-05-12T13:00:00.000Z");  // 14:00 in London
    {
        auto form = form_of({});
        http::FormReader reader(form);
        auto read = visitors::read_sign_out(reader, came, test_now());
        ASSERT_TRUE(read.ok());
        EXPECT_EQ(*read, test_now());
    }
    {
        auto form = form_of({{"signed_out_time", "14:45"}});
        http::FormReader reader(form);
        auto read = visitors::read_sign_out(reader, came, test_now());
        ASSERT_TRUE(read.ok());
        EXPECT_EQ(*read, utc("2026-05-12T13:45:00.000Z"));
    }
    for (const char* refused : {"13:30", "14:00", "17:00"}) {
        auto form = form_of({{"signed_out_time", refused}});
        http::FormReader reader(form);
        auto read = visitors::read_sign_out(reader, came, test_now());
        ASSERT_FALSE(read.ok()) << refused;
        ASSERT_FALSE(read.error().fields.empty());
        EXPECT_EQ(read.error().fields.front().field, "signed_out_time") << refused;
    }
}

class VisitorsBookStore : public CaseRecordTest {
  protected:
    visitors::VisitDetails visit_at(Timestamp at, const char* name = "Casey Nolan") {
        visitors::VisitDetails d;
        d.visitor_name = name;
        d.organisation = "Social worker";
        d.reason = "Statutory visit";
        d.children = {child_};
        d.id_kind = "badge";
        d.let_in_by = chris_;
        d.signed_in_at = at;
        return d;
    }

    std::int64_t sign_in(const visitors::VisitDetails& d) {
        auto id = db_->write(
            [&](db::Connection& c) { return visitors::sign_in(c, home_, d, as(chris_), now_); });
        EXPECT_TRUE(id.ok()) << id.error().message;
        return id.value();
    }

    Status sign_out(std::int64_t id, Timestamp at) {
        return db_->write(
            [&](db::Connection& c) { return visitors::sign_out(c, id, at, as(dana_), now_); });
    }

    std::vector<visitors::Visit> here() {
        return db_->read([&](db::Connection& c) { return visitors::in_building(c, home_); })
            .value();
    }
};

TEST_F(VisitorsBookStore, AVisitToAChildIsInTheirChronologyAndTheBuildingUntilSignedOut) {
    const auto came = now_ - std::chrono::minutes{30};
    const auto id = sign_in(visit_at(came));
    ASSERT_EQ(here().size(), 1u);
    EXPECT_EQ(here().front().let_in_by_name, "Chris Okafor");
    EXPECT_EQ(count("SELECT COUNT(*) FROM chronology WHERE child_id = $1 AND kind = 'visitor' "
                    "AND source_type = 'visit'"),
              1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE record_type = 'visit' AND child_id IS "
                    "NULL AND $1 > 0"),
              1);

    const auto before = sign_out(id, came - std::chrono::minutes{1});
    ASSERT_FALSE(before.ok()) << "signed out before they came";
    EXPECT_EQ(before.error().kind, ErrorKind::invalid_input);
    ASSERT_TRUE(sign_out(id, now_).ok());
    EXPECT_TRUE(here().empty());
    const auto twice = sign_out(id, now_);
    ASSERT_FALSE(twice.ok());
    EXPECT_EQ(twice.error().kind, ErrorKind::conflict);
    const auto found =
        db_->read([&](db::Connection& c) { return visitors::find_visit(c, id); }).value();
    ASSERT_TRUE(found && found->signed_out_at);
    EXPECT_EQ(*found->signed_out_at, now_);
    EXPECT_EQ(found->signed_out_by, "Dana Lewis");
}

TEST_F(VisitorsBookStore, AChildOfAnotherHomeIsRefusedAndNothingIsSaved) {
    auto d = visit_at(now_);
    d.children = {child_ + 1000};
    auto id = db_->write(
        [&](db::Connection& c) { return visitors::sign_in(c, home_, d, as(chris_), now_); });
    ASSERT_FALSE(id.ok());
    EXPECT_EQ(id.error().kind, ErrorKind::invalid_input);
    EXPECT_EQ(count("SELECT COUNT(*) FROM visits WHERE $1 > 0"), 0);
    EXPECT_EQ(count("SELECT COUNT(*) FROM chronology WHERE child_id = $1 AND kind = 'visitor'"), 0);
}

TEST_F(VisitorsBookStore, EarlierDaysComeAPageAtATimeNewestFirst) {
    for (int day = 1; day <= 5; ++day) {
        const auto id = sign_in(visit_at(now_ - std::chrono::hours{24 * day}));
        ASSERT_TRUE(sign_out(id, now_ - std::chrono::hours{24 * day - 1}).ok());
    }
    sign_in(visit_at(now_ - std::chrono::minutes{5}, "Today's visitor"));
    const auto start_of_today = utc("2026-05-11T23:00:00.000Z");
    auto first = db_->read([&](db::Connection& c) {
                        return visitors::earlier_visits(c, home_, start_of_today, std::nullopt, 2);
                    })
                     .value();
    ASSERT_EQ(first.visits.size(), 2u);
    ASSERT_TRUE(first.next);
    EXPECT_GT(first.visits[0].details.signed_in_at, first.visits[1].details.signed_in_at);
    const auto cursor = visitors::decode_visit_cursor(visitors::encode(*first.next));
    ASSERT_TRUE(cursor);
    auto second = db_->read([&](db::Connection& c) {
                         return visitors::earlier_visits(c, home_, start_of_today, cursor, 2);
                     })
                      .value();
    ASSERT_EQ(second.visits.size(), 2u);
    EXPECT_LT(second.visits[0].details.signed_in_at, first.visits[1].details.signed_in_at);
    auto last = db_->read([&](db::Connection& c) {
                       return visitors::earlier_visits(c, home_, start_of_today, second.next, 2);
                   })
                    .value();
    ASSERT_EQ(last.visits.size(), 1u);
    EXPECT_FALSE(last.next);
    EXPECT_FALSE(visitors::decode_visit_cursor("yesterday"));
}

TEST_F(VisitorsBookStore, TheHomesListIsKeptAndAuditedOnlyWhenItChanges) {
    const std::vector<std::string> list{"Lighters", "Alcohol"};
    for (int i = 0; i < 2; ++i) {
        ASSERT_TRUE(db_->write([&](db::Connection& c) {
                           return visitors::keep_not_allowed_items(c, home_, list, as(manager_),
                                                                   tick());
                       })
                        .ok());
    }
    EXPECT_EQ(
        db_->read([&](db::Connection& c) { return visitors::not_allowed_items(c, home_); }).value(),
        list);
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE record_type = 'visitor_item_list' AND "
                    "$1 > 0"),
              1);
    const auto door =
        db_->read([&](db::Connection& c) { return visitors::door_of(c, home_); }).value();
    EXPECT_EQ(door.rules.not_allowed, list);
    EXPECT_EQ(door.rules.children, std::vector<std::int64_t>{child_});
    EXPECT_EQ(door.staff.size(), 3u) << "the manager and two support workers of Willow House";
}

}  // namespace visitors_test
