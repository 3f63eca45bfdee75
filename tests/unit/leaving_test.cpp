// A child leaving: the record kept and readable, a new version with the address on leaving, key
// workers' spells ended, the chronology told; and the home's register of children (Schedule 4),
// leavers included, newest admissions first, a page at a time.
#include "children/leaving/leaving.hpp"

#include <gtest/gtest.h>

#include "case_record_fixture.hpp"
#include "children/leaving/leaving_store.hpp"
#include "deadlines/deadline_store.hpp"
#include "plans/plan_store.hpp"
#include "platform/amendments.hpp"

// Each test file's own names, apart from the others built beside it (tests/CMakeLists.txt).
namespace leaving_test {

using namespace hearth;
using namespace hearth::children;
using hearth::testing::fields_of;
using hearth::testing::form_of;
using hearth::testing::FormRule;
using hearth::testing::refused_at;
using hearth::testing::typed_over;

namespace {

const Date today = hearth::testing::test_today();
const Date admitted = *parse_date("2024-09-02");

std::map<std::string, std::string> good() {
    return {{"left_on", "2026-05-10"},
            {"destination", "Foster care with the Marsh family"},
            {"address", "1 Elm Row"},
            {"reason", "A long-term foster family near her school"},
            {"authority_informed_on", "2026-05-10"},
            {"authority_informed_who", "Casey Nolan"}};
}

Result<Leaving> leaving_form(const std::map<std::string, std::string>& fields) {
    auto form = form_of(fields);
    http::FormReader reader(form);
    return read_leaving(reader, today, admitted);
}

TEST(LeavingForm, ReadsALeavingAndNamesEveryFieldAtFault) {
    auto ok = leaving_form(good());
    ASSERT_TRUE(ok.ok()) << ok.error().message;
    EXPECT_EQ(ok->left_on, *parse_date("2026-05-10"));
    EXPECT_EQ(ok->authority_informed_who, "Casey Nolan");
    EXPECT_EQ(
        fields_of(leaving_form({}).error()),
        (std::vector<std::string>{"left_on", "destination", "reason", "authority_informed_on"}));
    auto fields = good();
    fields["left_on"] = "2024-09-02";  // the day they came is possible
    EXPECT_TRUE(leaving_form(fields).ok());
}

// clang-format off
const FormRule leaving_rules[] = {
    {"NotBeforeTheyCame", {{"left_on", "2024-09-01"}}, "left_on", "on or after"},
    {"NotInTheFuture", {{"left_on", "2026-05-13"}}, "left_on", "today or earlier"},
    {"TheAuthorityWasToldTodayOrEarlier", {{"authority_informed_on", "2026-05-13"}},
     "authority_informed_on", "today or earlier"},
};
// clang-format on

class LeavingFormRule : public ::testing::TestWithParam<FormRule> {};

TEST_P(LeavingFormRule, IsRefusedAtItsFieldWithWhy) {
    EXPECT_TRUE(refused_at(leaving_form(typed_over(good(), GetParam().typed)), GetParam().field,
                           GetParam().words));
}

INSTANTIATE_TEST_SUITE_P(LeavingForm, LeavingFormRule, ::testing::ValuesIn(leaving_rules),
                         hearth::testing::RuleName());

TEST(RegisterCursor, RoundTripsAndRefusesAnythingElse) {
    RegisterCursor c{*parse_date("2024-09-02"), 17};
    EXPECT_EQ(encode(c), "2024-09-02~17");
    auto back = decode_register_cursor(encode(c));
    ASSERT_TRUE(back.has_value());
    EXPECT_EQ(back->admitted, c.admitted);
    EXPECT_EQ(back->child_id, 17);
    for (const char* bad : {"", "2024-09-02", "2024-09-02~", "2024-13-02~1", "2024-09-02~0",
                            "2024-09-02~x", "~5", "2024-09-02~5~"}) {
        EXPECT_FALSE(decode_register_cursor(bad).has_value()) << bad;
    }
}

class LeavingStore : public hearth::testing::CaseRecordTest {
  protected:
    void SetUp() override {
        CaseRecordTest::SetUp();
        when_leaving_.add(plans::end_reviews_on_leaving);
    }
    // As the application joins it: the plans capability ends review clocks.
    children::WhenLeaving when_leaving_;
    Result<std::int64_t> leave(std::int64_t child, const char* on = "2026-05-10") {
        Leaving l;
        l.left_on = *parse_date(on);
        l.destination = "Foster care with the Marsh family";
        l.address = "1 Elm Row, Westmere";
        l.reason = "A long-term foster family near her school";
        l.authority_informed_on = *parse_date(on);
        l.authority_informed_who = "Casey Nolan";
        return db_->write([&](db::Connection& c) {
            return record_leaving(c, child, l, when_leaving_, as(manager_), tick());
        });
    }
    std::int64_t admit_on(const char* first, const char* day) {
        children::ChildDetails d = details_;
        d.first_name = first;
        d.admission_date = *parse_date(day);
        auto id = db_->write([&](db::Connection& c) {
            return children::admit(c, home_, d, children::WhenAdmitted{}, as(manager_), tick());
        });
        EXPECT_TRUE(id.ok());
        return id.ok() ? *id : 0;
    }
};

TEST_F(LeavingStore, TheRecordIsKeptWithANewVersionAndNoLongerListedAsLivingHere) {
    ASSERT_TRUE(leave(child_).ok());
    auto child = db_->read([&](db::Connection& c) { return children::find(c, child_); });
    ASSERT_TRUE(child.ok() && child.value());
    EXPECT_EQ((*child)->left_on, *parse_date("2026-05-10"));
    EXPECT_EQ((*child)->version, 2);
    EXPECT_EQ((*child)->details.address_on_leaving, "1 Elm Row, Westmere");
    EXPECT_TRUE((*child)->key_workers.empty());  // the spells ended with the placement
    auto versions = db_->read([&](db::Connection& c) {
        return amendments::versions_of(c, children::child_record_type, child_);
    });
    ASSERT_EQ(versions->size(), 2u);
    EXPECT_EQ((*versions)[0].reason, "Left the home: A long-term foster family near her school");
    EXPECT_EQ((*versions)[0].record["address_on_leaving"], "1 Elm Row, Westmere");

    auto living = db_->read([&](db::Connection& c) { return children::in_home(c, home_); });
    EXPECT_TRUE(living->empty());
    auto leaving = db_->read([&](db::Connection& c) { return leaving_of(c, child_); });
    ASSERT_TRUE(leaving.ok() && leaving.value());
    EXPECT_EQ((*leaving)->leaving.destination, "Foster care with the Marsh family");
    EXPECT_EQ((*leaving)->leaving.address, "1 Elm Row, Westmere");
    EXPECT_EQ((*leaving)->recorded_by, "Sam Carter");

    EXPECT_EQ(count("SELECT COUNT(*) FROM key_worker_changes WHERE kind = 'leaving' AND "
                    "child_id = $1"),
              1);
    auto entry = db_->read([&](db::Connection& c) {
        return c.query_one(
            "SELECT title, significant, link FROM chronology WHERE kind = "
            "'leaving' AND child_id = $1",
            {child_});
    });
    ASSERT_TRUE(entry.ok() && entry.value());
    EXPECT_EQ(entry.value()->text(0), "Left the home: Foster care with the Marsh family");
    EXPECT_TRUE(entry.value()->boolean(1));
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE record_type = 'leaving' AND "
                    "child_id = $1"),
              1);
}

TEST_F(LeavingStore, PlanReviewsStopButOtherClocksRunOn) {
    auto start = [&](const char* kind) {
        return db_->write([&](db::Connection& c) {
            return deadlines::start(
                c,
                {home_, child_, kind, "A clock", "plan", 1, "/x", "registered_manager",
                 std::nullopt, tick(), tick() + std::chrono::hours{48}},
                as(manager_), tick());
        });
    };
    auto review = start("plan_review");
    auto legal = start("reg35_record");
    ASSERT_TRUE(review.ok() && legal.ok());
    ASSERT_TRUE(leave(child_).ok());
    EXPECT_EQ(count("SELECT COUNT(*) FROM deadlines WHERE state = 'closed' AND kind = "
                    "'plan_review' AND child_id = $1"),
              1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM deadlines WHERE state = 'open' AND kind = "
                    "'reg35_record' AND child_id = $1"),
              1);
}

TEST_F(LeavingStore, LeavingTwiceIsAConflictAndWritesNothing) {
    ASSERT_TRUE(leave(child_).ok());
    auto again = leave(child_, "2026-05-11");
    ASSERT_FALSE(again.ok());
    EXPECT_EQ(again.error().kind, ErrorKind::conflict);
    EXPECT_NE(again.error().message.find("is already recorded as having left"), std::string::npos)
        << again.error().message;
    EXPECT_EQ(count("SELECT COUNT(*) FROM leavings WHERE child_id = $1"), 1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM record_versions WHERE record_type = 'child' AND "
                    "record_id = $1"),
              2);
}

TEST_F(LeavingStore, NotBeforeTheyCame) {
    auto early = leave(child_, "2024-09-01");
    ASSERT_FALSE(early.ok());
    EXPECT_EQ(fields_of(early.error()), std::vector<std::string>{"left_on"});
    EXPECT_NE(early.error().message.find("on or after the day they came to live here"),
              std::string::npos)
        << early.error().message;
    EXPECT_EQ(count("SELECT COUNT(*) FROM leavings WHERE child_id = $1"), 0);
}

TEST_F(LeavingStore, TheRegisterListsEveryAdmissionNewestFirstInPages) {
    const auto ben = admit_on("Ben", "2025-01-20");
    const auto kai = admit_on("Kai", "2025-06-11");
    const auto lily = admit_on("Lily", "2025-01-20");  // the same day as Ben
    ASSERT_TRUE(leave(ben, "2026-01-05").ok());

    std::vector<std::int64_t> seen;
    std::optional<RegisterCursor> after;
    int pages = 0;
    do {
        auto page = db_->read([&](db::Connection& c) { return register_of(c, home_, after, 2); });
        ASSERT_TRUE(page.ok());
        for (const auto& e : page->entries)
            seen.push_back(e.child_id);
        after = page->next;
        ++pages;
    } while (after);
    EXPECT_EQ(pages, 2);
    // Kai (June 2025), Lily and Ben (the same day: the later record first), Aisha (2024).
    EXPECT_EQ(seen, (std::vector<std::int64_t>{kai, lily, ben, child_}));

    auto all = db_->read([&](db::Connection& c) { return register_of(c, home_, {}, 10); });
    const auto& leaver = all->entries[2];
    EXPECT_EQ(leaver.child_id, ben);
    EXPECT_EQ(leaver.left_on, *parse_date("2026-01-05"));
    EXPECT_EQ(leaver.went_to, "Foster care with the Marsh family: 1 Elm Row, Westmere");
    EXPECT_EQ(leaver.placing_authority, "Northshire County Council");
    EXPECT_EQ(leaver.legal_basis, "s31");
    EXPECT_FALSE(all->entries[0].left_on.has_value());
    EXPECT_FALSE(all->next.has_value());
}

}  // namespace

}  // namespace leaving_test
