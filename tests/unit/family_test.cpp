// A child's parents and people with parental responsibility: read with every field named, amended
// with every version kept, ended rather than deleted, and a stale write refused.
#include <gtest/gtest.h>

#include "case_record_fixture.hpp"
#include "children/family/family_member.hpp"
#include "children/family/family_store.hpp"
#include "platform/amendments.hpp"

// Each test file's own names, apart from the others built beside it (tests/CMakeLists.txt).
namespace family_test {

using namespace hearth;
using namespace hearth::children;
using hearth::testing::fields_of;
using hearth::testing::form_of;
using hearth::testing::FormRule;
using hearth::testing::refused_at;
using hearth::testing::typed_over;

namespace {

const Date today = hearth::testing::test_today();

Result<FamilyMemberDetails> member_form(const std::map<std::string, std::string>& fields) {
    auto form = form_of(fields);
    http::FormReader reader(form);
    return read_family_member(reader);
}

TEST(FamilyMemberForm, ReadsAnEntryAndNamesEveryMissingField) {
    auto ok = member_form({{"name", "Jade Bennett"},
                           {"relationship", "Mum"},
                           {"parental_responsibility", "yes"},
                           {"contact_details", "07700 900123"}});
    ASSERT_TRUE(ok.ok()) << ok.error().message;
    EXPECT_EQ(ok->name, "Jade Bennett");
    EXPECT_TRUE(ok->parental_responsibility);
    EXPECT_EQ(describe(*ok), "Mum (parental responsibility)");
    auto none = member_form({});
    EXPECT_EQ(fields_of(none.error()),
              (std::vector<std::string>{"name", "relationship", "parental_responsibility"}));
}

// Jade, Mum, with parental responsibility: every field the form asks for.
std::map<std::string, std::string> jade() {
    return {{"name", "Jade Bennett"},
            {"relationship", "Mum"},
            {"parental_responsibility", "yes"},
            {"contact_details", "07700 900123"}};
}

const std::string notes_too_long(2001, 'x');

// clang-format off
const FormRule member_rules[] = {
    {"TheirName", {{"name", nullptr}}, "name", "Enter "},
    {"WhoTheyAreToTheChild", {{"relationship", nullptr}}, "relationship", "Enter "},
    {"ParentalResponsibilityIsYesOrNo", {{"parental_responsibility", "maybe"}},
     "parental_responsibility", "from the list"},
    {"NotesHaveALimit", {{"notes", notes_too_long}}, "notes", "2000 characters or fewer"},
};
// clang-format on

class FamilyMemberFormRule : public ::testing::TestWithParam<FormRule> {};

TEST_P(FamilyMemberFormRule, IsRefusedAtItsFieldWithWhy) {
    EXPECT_TRUE(refused_at(member_form(typed_over(jade(), GetParam().typed)), GetParam().field,
                           GetParam().words));
}

INSTANTIATE_TEST_SUITE_P(FamilyMemberForm, FamilyMemberFormRule, ::testing::ValuesIn(member_rules),
                         hearth::testing::RuleName());

TEST(FamilyMemberForm, JsonSaysTrueOrFalse) {
    auto form = http::FormData::from_json(
        R"({"name": "Ryan", "relationship": "Dad", "parental_responsibility": false})");
    ASSERT_TRUE(form.ok());
    http::FormReader reader(form.value());
    auto d = read_family_member(reader);
    ASSERT_TRUE(d.ok()) << d.error().message;
    EXPECT_FALSE(d->parental_responsibility);
}

Result<FamilyMemberEnding> ending_form(const std::map<std::string, std::string>& fields) {
    auto form = form_of(fields);
    http::FormReader reader(form);
    return read_family_member_ending(reader, today);
}

TEST(FamilyMemberForm, AnEndingIsDatedAndSaysWhy) {
    auto ok = ending_form({{"ended_on", "2026-05-01"}, {"reason", "Order ended"}});
    ASSERT_TRUE(ok.ok());
    EXPECT_EQ(ok->ended_on, *parse_date("2026-05-01"));
    EXPECT_EQ(fields_of(ending_form({}).error()), (std::vector<std::string>{"ended_on", "reason"}));
}

// clang-format off
const FormRule ending_rules[] = {
    {"NotInTheFuture", {{"ended_on", "2026-05-13"}}, "ended_on", "today or earlier"},
    {"SaysWhy", {{"reason", nullptr}}, "reason", "Enter "},
};
// clang-format on

class FamilyMemberEndingRule : public ::testing::TestWithParam<FormRule> {};

TEST_P(FamilyMemberEndingRule, IsRefusedAtItsFieldWithWhy) {
    const std::map<std::string, std::string> ended{{"ended_on", "2026-05-01"}, {"reason", "x"}};
    EXPECT_TRUE(refused_at(ending_form(typed_over(ended, GetParam().typed)), GetParam().field,
                           GetParam().words));
}

INSTANTIATE_TEST_SUITE_P(FamilyMemberEnding, FamilyMemberEndingRule,
                         ::testing::ValuesIn(ending_rules), hearth::testing::RuleName());

TEST(FamilyChanges, LabelledInFormOrderWithDatesWritten) {
    FamilyMemberDetails before{"Jade", "Mum", true, "", ""};
    FamilyMemberDetails after{"Jade", "Mum", false, "07700 900123", ""};
    auto changes = family_changes_between(version_record(before, std::nullopt, ""),
                                          version_record(after, *parse_date("2026-05-01"), "Why"));
    ASSERT_EQ(changes.size(), 4u);
    EXPECT_EQ(changes[0].label, "Parental responsibility");
    EXPECT_EQ(changes[0].before, "Yes");
    EXPECT_EQ(changes[0].after, "No");
    EXPECT_EQ(changes[1].label, "Contact details");
    EXPECT_EQ(changes[2].label, "No longer applies from");
    EXPECT_EQ(changes[2].after, "1 May 2026");
    EXPECT_EQ(changes[3].after, "Why");
}

class FamilyStore : public hearth::testing::CaseRecordTest {
  protected:
    std::int64_t add(const FamilyMemberDetails& d) {
        auto id = db_->write([&](db::Connection& c) {
            return add_family_member(c, child_, d, as(manager_), tick());
        });
        EXPECT_TRUE(id.ok()) << (id.ok() ? "" : id.error().message);
        return id.ok() ? *id : 0;
    }
    Status amend(std::int64_t member, int version, const FamilyMemberDetails& d,
                 const std::string& reason, std::int64_t child = 0) {
        return db_->write([&](db::Connection& c) {
            return amend_family_member(c, child ? child : child_, member, version, d, reason,
                                       as(dana_), tick());
        });
    }
    Status end(std::int64_t member, int version, const char* on) {
        return db_->write([&](db::Connection& c) {
            return end_family_member(c, child_, member, version,
                                     {*parse_date(on), "The order ended"}, as(manager_), tick());
        });
    }
    std::vector<FamilyMember> list() {
        auto l = db_->read([&](db::Connection& c) { return family_of(c, child_); });
        EXPECT_TRUE(l.ok());
        return l.ok() ? *l : std::vector<FamilyMember>{};
    }
    std::vector<amendments::Version> versions_of(std::int64_t member) {
        auto l = db_->read([&](db::Connection& c) {
            return amendments::versions_of(c, family_member_record_type, member);
        });
        EXPECT_TRUE(l.ok());
        return l.ok() ? *l : std::vector<amendments::Version>{};
    }
};

TEST_F(FamilyStore, AnAmendmentKeepsTheEarlierVersion) {
    const auto mum = add({"Jade Bennett", "Mum", true, "07700 900123", ""});
    ASSERT_TRUE(amend(mum, 1, {"Jade Bennett", "Mum", true, "07700 900999", ""}, "New phone").ok());
    auto v = versions_of(mum);
    ASSERT_EQ(v.size(), 2u);
    EXPECT_EQ(v[0].version, 2);
    EXPECT_EQ(v[0].reason, "New phone");
    EXPECT_EQ(v[0].changed_by, "Dana Lewis");
    EXPECT_EQ(v[0].record["contact_details"], "07700 900999");
    EXPECT_EQ(v[1].record["contact_details"], "07700 900123");
    EXPECT_EQ(v[1].reason, "Added to the list");
    auto l = list();
    ASSERT_EQ(l.size(), 1u);
    EXPECT_EQ(l[0].version, 2);
    EXPECT_EQ(l[0].updated_by_name, "Dana Lewis");
    EXPECT_EQ(count("SELECT COUNT(*) FROM chronology WHERE source_type = 'family_member_version' "
                    "AND child_id = $1"),
              2);
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE record_type = 'family_member' AND "
                    "child_id = $1"),
              2);
}

TEST_F(FamilyStore, AStaleOrEmptyAmendmentIsRefusedAndWritesNothing) {
    const auto mum = add({"Jade Bennett", "Mum", true, "", ""});
    ASSERT_TRUE(amend(mum, 1, {"Jade Bennett", "Mum", true, "07700 900123", ""}, "Phone").ok());
    Status stale = amend(mum, 1, {"Jade B", "Mum", true, "", ""}, "Spelling");
    ASSERT_FALSE(stale.ok());
    EXPECT_EQ(stale.error().kind, ErrorKind::conflict);
    EXPECT_NE(stale.error().message.find("Dana Lewis changed this entry (version 2)"),
              std::string::npos)
        << stale.error().message;
    Status same = amend(mum, 2, {"Jade Bennett", "Mum", true, "07700 900123", ""}, "Checked");
    ASSERT_FALSE(same.ok());
    EXPECT_EQ(fields_of(same.error()), std::vector<std::string>{"reason"});
    EXPECT_NE(same.error().message.find("Nothing was changed"), std::string::npos);
    Status no_reason = amend(mum, 2, {"Jade", "Mum", true, "", ""}, "");
    ASSERT_FALSE(no_reason.ok());
    EXPECT_EQ(fields_of(no_reason.error()), std::vector<std::string>{"reason"});
    EXPECT_NE(no_reason.error().message.find("Enter why you are changing this entry"),
              std::string::npos);
    EXPECT_EQ(versions_of(mum).size(), 2u);
    EXPECT_EQ(list()[0].details.name, "Jade Bennett");
}

TEST_F(FamilyStore, AnEntryThatNoLongerAppliesIsEndedNotDeleted) {
    const auto aunt = add({"Kerry Evans", "Aunt", true, "", ""});
    const auto mum = add({"Jade Bennett", "Mum", true, "", ""});
    ASSERT_TRUE(end(aunt, 1, "2026-05-01").ok());
    auto l = list();
    ASSERT_EQ(l.size(), 2u);
    EXPECT_EQ(l[0].id, mum);  // those who still apply come first
    EXPECT_EQ(l[1].id, aunt);
    EXPECT_EQ(l[1].ended_on, *parse_date("2026-05-01"));
    EXPECT_EQ(l[1].end_reason, "The order ended");
    EXPECT_EQ(l[1].details.name, "Kerry Evans");
    auto v = versions_of(aunt);
    ASSERT_EQ(v.size(), 2u);
    EXPECT_EQ(v[0].record["ended_on"], "2026-05-01");
    EXPECT_FALSE(v[1].record.contains("ended_on"));
    // Ending it again is a conflict, not a second ending.
    Status again = end(aunt, 2, "2026-05-02");
    ASSERT_FALSE(again.ok());
    EXPECT_EQ(again.error().kind, ErrorKind::conflict);
    EXPECT_EQ(again.error().message, "This entry already stopped applying on 1 May 2026.");
    EXPECT_EQ(count("SELECT COUNT(*) FROM family_members WHERE child_id = $1"), 2);
}

TEST_F(FamilyStore, AnotherChildsEntryIsNotFound) {
    const auto mum = add({"Jade Bennett", "Mum", true, "", ""});
    auto other = db_->write([&](db::Connection& c) {
        return children::admit(c, home_, details_, children::WhenAdmitted{}, as(manager_), tick());
    });
    ASSERT_TRUE(other.ok());
    Status wrong = amend(mum, 1, {"X", "Mum", true, "", ""}, "Wrong child", *other);
    ASSERT_FALSE(wrong.ok());
    EXPECT_EQ(wrong.error().kind, ErrorKind::not_found);
    EXPECT_EQ(wrong.error().message, "We could not find that person on the child's list.");
    EXPECT_EQ(versions_of(mum).size(), 1u);
}

}  // namespace

}  // namespace family_test
