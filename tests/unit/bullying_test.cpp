// Bullying concerns and managed interactions on a set clock. A concern is refused without the
// child, who bullied them, the forms it took, how it came to light, what they said, who leads the
// response, how they are kept safe now, and, at every stage, when and how the child was told or
// why not yet; no stage comes before the bullying. Stored, it keeps each child's record about them
// (the other child is "another young person" in it), owes the child being told at a stage that did
// not, and a concern raised from outside the home owes its report back, met only at the moment it
// was given. A managed interaction shows in both children's chronologies without naming either,
// and its review meets its clock. On SQLite, and on PostgreSQL when HEARTH_TEST_PG_URL is set.
#include <gtest/gtest.h>

#include "case_record_fixture.hpp"
#include "chronology/chronology_store.hpp"
#include "deadlines/deadline_store.hpp"
#include "notifications/serious_event_store.hpp"
#include "relationships/bullying_figures.hpp"
#include "relationships/bullying_view.hpp"
#include "relationships/bullying_voice_store.hpp"
#include "relationships/friendship.hpp"
#include "relationships/managed_interaction_view.hpp"
#include "relationships/staff_change.hpp"

namespace bullying_test {

using namespace hearth;
using namespace hearth::testing;
using namespace hearth::relationships;

using Fields = std::vector<std::pair<std::string, std::string>>;

http::FormData form_of(std::map<std::string, std::string> values, const Fields& over) {
    for (const auto& [k, v] : over) {
        values[k] = v;
    }
    std::string body;
    for (const auto& [k, v] : values) {
        if (v == "<absent>") {
            continue;
        }
        body += (body.empty() ? "" : "&") + k + "=" + http::url_encode(v);
    }
    return http::FormData::from_urlencoded(body).value();
}

bool names_field(const Error& e, const std::string& field) {
    for (const auto& f : e.fields) {
        if (f.field == field) {
            return true;
        }
    }
    return false;
}

struct Refusal {
    const char* name;
    Fields fields;
    const char* field;
};

const std::map<std::string, std::string> a_concern{{"child_id", "1"},
                                                   {"by_whom", "children"},
                                                   {"by_children", "2"},
                                                   {"occurred_on", "2026-05-12"},
                                                   {"occurred_time", "13:00"},
                                                   {"place", "The lounge"},
                                                   {"forms", "names"},
                                                   {"came_to_light", "child_told"},
                                                   {"child_words", "They call me names"},
                                                   {"owner_id", "7"},
                                                   {"safety_plan", "She sits with staff"},
                                                   {"child_told", "yes"},
                                                   {"told_on", "2026-05-12"},
                                                   {"told_how", "in_person"},
                                                   {"child_said", "OK"}};

class BullyingConcernForm : public ::testing::TestWithParam<Refusal> {};

TEST_P(BullyingConcernForm, IsRefusedAtItsField) {
    auto form = form_of(a_concern, GetParam().fields);
    http::FormReader reader(form);
    auto read = read_concern(reader, {{1, 2, 3}, {7}}, test_now());
    ASSERT_FALSE(read.ok());
    EXPECT_TRUE(names_field(read.error(), GetParam().field)) << read.error().message;
}

const Refusal concern_refusals[] = {
    {"NoChild", {{"child_id", "<absent>"}}, "child_id"},
    {"AnUnknownChild", {{"child_id", "99"}}, "child_id"},
    {"NobodyBy", {{"by_whom", "<absent>"}}, "by_whom"},
    {"ChildrenButNoneChosen", {{"by_children", "<absent>"}}, "by_children"},
    {"TheChildAmongThoseBullyingThem", {{"by_children", "1"}}, "by_children"},
    {"AnAdultNotDescribed", {{"by_whom", "staff"}}, "by_described"},
    {"NoForm", {{"forms", "<absent>"}}, "forms"},
    {"RidiculeWithoutWhatFor", {{"forms", "ridicule"}}, "characteristic"},
    {"NotYetHappened", {{"occurred_time", "18:00"}}, "occurred_time"},
    {"RaisedByAParentWithoutWho", {{"came_to_light", "parent"}}, "raised_by"},
    {"NoWords", {{"child_words", ""}}, "child_words"},
    {"NobodyLeads", {{"owner_id", "4"}}, "owner_id"},
    {"NotKeptSafe", {{"safety_plan", ""}}, "safety_plan"},
    {"ToldWithoutHow", {{"told_how", "<absent>"}}, "told_how"},
    {"ToldWithoutWhatTheySaid", {{"child_said", ""}}, "child_said"},
    {"ToldBeforeItHappened", {{"told_on", "2026-05-01"}}, "told_on"},
    {"NotToldWithoutWhy", {{"child_told", "no"}}, "not_told_why"},
};
INSTANTIATE_TEST_SUITE_P(Concerns, BullyingConcernForm, ::testing::ValuesIn(concern_refusals),
                         [](const auto& p) { return std::string(p.param.name); });

const std::map<std::string, std::string> a_stage{{"stage", "meeting"},
                                                 {"happened_on", "2026-05-12"},
                                                 {"happened_time", "14:00"},
                                                 {"what", "Agreed a plan"},
                                                 {"who_came", "Sam, her social worker"},
                                                 {"child_told", "yes"},
                                                 {"told_on", "2026-05-12"},
                                                 {"told_how", "key_work"},
                                                 {"child_said", "Good"}};

class BullyingStageForm : public ::testing::TestWithParam<Refusal> {};

TEST_P(BullyingStageForm, IsRefusedAtItsField) {
    auto form = form_of(a_stage, GetParam().fields);
    http::FormReader reader(form);
    auto read = read_stage(reader, utc("2026-05-12T12:00:00.000Z"), test_now());
    ASSERT_FALSE(read.ok());
    EXPECT_TRUE(names_field(read.error(), GetParam().field)) << read.error().message;
}

const Refusal stage_refusals[] = {
    {"NoStage", {{"stage", "<absent>"}}, "stage"},
    {"TheConcernItselfAgain", {{"stage", "recorded"}}, "stage"},
    {"AMeetingBeforeTheConcern", {{"happened_time", "10:00"}}, "happened_on"},
    {"AMeetingWithoutWhoCame", {{"who_came", ""}}, "who_came"},
    {"AnOutcomeWithoutItsReview", {{"stage", "outcome"}}, "review_on"},
    {"AReviewThatNeitherClosesNorContinues", {{"stage", "review"}}, "review_on"},
    {"AnInvestigationWithoutSafeguardingAnswered", {{"stage", "investigated"}}, "safeguarding"},
    {"ARegFortyNotificationWithoutItsEvent",
     {{"stage", "investigated"}, {"safeguarding", "reg40"}},
     "serious_event"},
    {"ARegFortyNotificationOfAnEventBullyingIsNot",
     {{"stage", "investigated"}, {"safeguarding", "reg40"}, {"serious_event", "death"}},
     "serious_event"},
    {"AReferralWithoutItsReference",
     {{"stage", "investigated"}, {"safeguarding", "cp_referral"}},
     "safeguarding_reference"},
    {"AStageWithoutHowTheChildWasTold", {{"told_how", "<absent>"}}, "told_how"},
    {"AStageNeitherToldNorWhyNot", {{"child_told", "no"}}, "not_told_why"},
};
INSTANTIATE_TEST_SUITE_P(Stages, BullyingStageForm, ::testing::ValuesIn(stage_refusals),
                         [](const auto& p) { return std::string(p.param.name); });

// A correction reads what happened and how the child is kept safe, with why, over the concern as it
// is; who is in it stays as recorded.
TEST(BullyingCorrectionForm, NamesEachFieldAtFault) {
    ConcernDetails current;
    current.child_id = 1;
    current.by_whom = {"children"};
    current.by_children = {2};
    current.came_to_light = "child_told";
    const std::map<std::string, std::string> correction{
        {"occurred_on", "2026-05-12"}, {"occurred_time", "12:00"},
        {"place", "The hall"},         {"forms", "names"},
        {"child_words", "He said"},    {"safety_plan", "Staff near"},
        {"reason", "Wrong room"},      {"version", "3"}};
    auto read = [&](const Fields& over) {
        auto form = form_of(correction, over);
        http::FormReader reader(form);
        return read_correction(reader, current, test_now());
    };
    const auto whole = read({});
    ASSERT_TRUE(whole.ok()) << whole.error().message;
    EXPECT_EQ(whole->details.place, "The hall");
    EXPECT_EQ(whole->details.by_children, std::vector<std::int64_t>{2});
    EXPECT_EQ(whole->version, 3);
    for (const auto& [field, value] : Fields{{"reason", ""},
                                             {"version", "<absent>"},
                                             {"place", ""},
                                             {"forms", "<absent>"},
                                             {"child_words", ""},
                                             {"occurred_time", "18:00"},
                                             {"child_id", "2"}}) {
        const auto refused = read({{field, value}});
        ASSERT_FALSE(refused.ok()) << field;
        EXPECT_TRUE(
            names_field(refused.error(), field == "occurred_time" ? "occurred_time" : field))
            << field << ": " << refused.error().message;
    }
}

// An outcome or a review links only records it was offered: new versions of the children's plans
// and consequences recorded since the bullying.
TEST(BullyingStageChanges, LinkOnlyWhatWasOfferedAtAnOutcomeOrReview) {
    const std::vector<ResponseRecord> offered{
        {consequence_record, 7, 2, "Consequence: no console tonight", "/measures/7", test_now()},
        {plan_version_record, 12, 2, "Individual behaviour plan, version 3", "/children/2/plans/4",
         test_now()}};
    auto read = [&](const Fields& over) {
        auto form = form_of(a_stage, over);
        http::FormReader reader(form);
        return read_stage(reader, utc("2026-05-12T12:00:00.000Z"), test_now(), offered);
    };
    const Fields outcome{{"stage", "outcome"}, {"review_on", "2026-05-20"}, {"who_came", ""}};
    auto linked = read(Fields{outcome.begin(), outcome.end()});
    ASSERT_TRUE(linked.ok()) << linked.error().message;
    EXPECT_TRUE(linked->changed.empty());
    Fields both = outcome;
    both.push_back({"changed", "plan_version:12"});
    linked = read(both);
    ASSERT_TRUE(linked.ok()) << linked.error().message;
    ASSERT_EQ(linked->changed.size(), 1u);
    EXPECT_EQ(linked->changed[0].href, "/children/2/plans/4");
    Fields unknown = outcome;
    unknown.push_back({"changed", "consequence:8"});
    const auto refused = read(unknown);
    ASSERT_FALSE(refused.ok());
    EXPECT_TRUE(names_field(refused.error(), "changed"));
    const auto at_a_meeting = read({{"changed", "consequence:7"}});
    ASSERT_FALSE(at_a_meeting.ok());
    EXPECT_TRUE(names_field(at_a_meeting.error(), "changed"));
}

const std::map<std::string, std::string> told_of_it{
    {"child_id", "2"},  {"who", "parent_or_carer"}, {"name", "His dad"},   {"how", "phone"},
    {"invited", "yes"}, {"told_on", "2026-05-12"},  {"told_time", "14:00"}};

class BullyingInformedForm : public ::testing::TestWithParam<Refusal> {};

TEST_P(BullyingInformedForm, IsRefusedAtItsField) {
    auto form = form_of(told_of_it, GetParam().fields);
    http::FormReader reader(form);
    auto read = read_informed(reader, {1, 2}, utc("2026-05-12T12:00:00.000Z"), test_now());
    ASSERT_FALSE(read.ok());
    EXPECT_TRUE(names_field(read.error(), GetParam().field)) << read.error().message;
}

// Times typed are the home's: London.
using BullyingInformedRead = InLondon;

TEST_F(BullyingInformedRead, AWholeOneIsRead) {
    auto form = form_of(told_of_it, {});
    http::FormReader reader(form);
    auto read = read_informed(reader, {1, 2}, utc("2026-05-12T12:00:00.000Z"), test_now());
    ASSERT_TRUE(read.ok()) << read.error().message;
    EXPECT_EQ(read->child_id, 2);
    EXPECT_TRUE(read->invited);
    EXPECT_EQ(read->told_at, utc("2026-05-12T13:00:00.000Z")) << "14:00 in London in May";
}

const Refusal informed_refusals[] = {
    {"NoChild", {{"child_id", "<absent>"}}, "child_id"},
    {"AChildNotInTheConcern", {{"child_id", "3"}}, "child_id"},
    {"NobodySaid", {{"who", "<absent>"}}, "who"},
    {"SomeoneUnknown", {{"who", "neighbour"}}, "who"},
    {"NoName", {{"name", ""}}, "name"},
    {"NoHow", {{"how", "<absent>"}}, "how"},
    {"InvitedNotAnswered", {{"invited", "<absent>"}}, "invited"},
    {"ToldBeforeItHappened", {{"told_time", "11:00"}}, "told_on"},
    {"ToldInTheFuture", {{"told_time", "18:00"}}, "told_time"},
};
INSTANTIATE_TEST_SUITE_P(Informed, BullyingInformedForm, ::testing::ValuesIn(informed_refusals),
                         [](const auto& p) { return std::string(p.param.name); });

// An advocate offered to a child in the concern: which child, when, and what they chose, with the
// advocate's name once taken up.
const std::map<std::string, std::string> an_offer{
    {"child_id", "2"},
    {"offered_on", "2026-05-12"},
    {"answer", "taken_up"},
    {"advocate_name", "Rowan Ellis, Voices advocacy"}};

class BullyingAdvocateForm : public ::testing::TestWithParam<Refusal> {};

TEST_P(BullyingAdvocateForm, IsRefusedAtItsField) {
    auto form = form_of(an_offer, GetParam().fields);
    http::FormReader reader(form);
    auto read = read_advocate_offer(reader, {1, 2}, date("2026-05-10"), date("2026-05-12"));
    ASSERT_FALSE(read.ok());
    EXPECT_TRUE(names_field(read.error(), GetParam().field)) << read.error().message;
}

TEST(BullyingAdvocateRead, DeclinedNeedsNoName) {
    auto form = form_of(an_offer, {{"answer", "declined"}, {"advocate_name", ""}});
    http::FormReader reader(form);
    auto read = read_advocate_offer(reader, {1, 2}, date("2026-05-10"), date("2026-05-12"));
    ASSERT_TRUE(read.ok()) << read.error().message;
    EXPECT_EQ(read->child_id, 2);
    EXPECT_EQ(read->answer, "declined");
}

const Refusal advocate_refusals[] = {
    {"NoChild", {{"child_id", "<absent>"}}, "child_id"},
    {"AChildNotInTheConcern", {{"child_id", "3"}}, "child_id"},
    {"NoDay", {{"offered_on", "<absent>"}}, "offered_on"},
    {"BeforeTheBullying", {{"offered_on", "2026-05-09"}}, "offered_on"},
    {"Tomorrow", {{"offered_on", "2026-05-13"}}, "offered_on"},
    {"NoAnswer", {{"answer", "<absent>"}}, "answer"},
    {"AnAnswerNotOffered", {{"answer", "maybe"}}, "answer"},
    {"TakenUpWithoutTheAdvocate", {{"advocate_name", ""}}, "advocate_name"},
};
INSTANTIATE_TEST_SUITE_P(Advocates, BullyingAdvocateForm, ::testing::ValuesIn(advocate_refusals),
                         [](const auto& p) { return std::string(p.param.name); });

// A complaint: which child, when, in their words, about whom or what, and who looks into it (never
// the person complained about); its action and outcome whole, or not yet.
const std::map<std::string, std::string> a_complaint{
    {"child_id", "1"},
    {"made_on", "2026-05-11"},
    {"complaint", "Nobody listened when I said it was still happening."},
    {"about", "Sam Carter"},
    {"looked_into_by", "Jo Whitfield"}};

class BullyingComplaintForm : public ::testing::TestWithParam<Refusal> {};

TEST_P(BullyingComplaintForm, IsRefusedAtItsField) {
    auto form = form_of(a_complaint, GetParam().fields);
    http::FormReader reader(form);
    auto read = read_complaint(reader, {1, 2}, date("2026-05-10"), date("2026-05-12"));
    ASSERT_FALSE(read.ok());
    EXPECT_TRUE(names_field(read.error(), GetParam().field)) << read.error().message;
}

TEST(BullyingComplaintRead, AwaitsItsOutcomeOrHasItWhole) {
    auto form = form_of(a_complaint, {});
    http::FormReader reader(form);
    auto read = read_complaint(reader, {1, 2}, date("2026-05-10"), date("2026-05-12"));
    ASSERT_TRUE(read.ok()) << read.error().message;
    EXPECT_FALSE(read->outcome.has_outcome());
    auto answered = form_of(a_complaint, {{"action", "Spoke with both"},
                                          {"outcome", "Upheld: an apology"},
                                          {"outcome_on", "2026-05-12"}});
    http::FormReader again(answered);
    auto whole = read_complaint(again, {1, 2}, date("2026-05-10"), date("2026-05-12"));
    ASSERT_TRUE(whole.ok()) << whole.error().message;
    EXPECT_TRUE(whole->outcome.has_outcome());
}

const Refusal complaint_refusals[] = {
    {"AChildNotInTheConcern", {{"child_id", "3"}}, "child_id"},
    {"NoDay", {{"made_on", "<absent>"}}, "made_on"},
    {"BeforeTheBullying", {{"made_on", "2026-05-01"}}, "made_on"},
    {"NotInTheirWords", {{"complaint", ""}}, "complaint"},
    {"AboutNobody", {{"about", ""}}, "about"},
    {"NobodyLooksIntoIt", {{"looked_into_by", ""}}, "looked_into_by"},
    {"LookedIntoByThePersonComplainedAbout", {{"looked_into_by", "Sam Carter"}}, "looked_into_by"},
    {"AnActionWithoutItsOutcome", {{"action", "Spoke with both"}}, "outcome"},
    {"AnActionWithoutItsDay", {{"action", "Spoke with both"}, {"outcome", "Upheld"}}, "outcome_on"},
    {"AnOutcomeWithoutItsAction", {{"outcome", "Upheld"}, {"outcome_on", "2026-05-12"}}, "action"},
    {"AnOutcomeBeforeTheComplaint",
     {{"action", "x"}, {"outcome", "y"}, {"outcome_on", "2026-05-10"}},
     "outcome_on"},
};
INSTANTIATE_TEST_SUITE_P(Complaints, BullyingComplaintForm, ::testing::ValuesIn(complaint_refusals),
                         [](const auto& p) { return std::string(p.param.name); });

TEST(BullyingComplaintOutcome, IsWholeAndNotBeforeTheComplaint) {
    auto read = [](const Fields& over) {
        auto form = form_of(
            {{"action", "Spoke with both"}, {"outcome", "Upheld"}, {"outcome_on", "2026-05-12"}},
            over);
        http::FormReader reader(form);
        return read_complaint_outcome(reader, date("2026-05-11"), date("2026-05-12"));
    };
    EXPECT_TRUE(read({}).ok());
    for (const auto& [field, value] : Fields{{"action", ""},
                                             {"outcome", ""},
                                             {"outcome_on", "<absent>"},
                                             {"outcome_on", "2026-05-10"},
                                             {"outcome_on", "2026-05-13"}}) {
        const auto refused = read({{field, value}});
        ASSERT_FALSE(refused.ok()) << field << "=" << value;
        EXPECT_TRUE(names_field(refused.error(), field)) << refused.error().message;
    }
}

// A friendship: inside the home with a child who lives there, or outside with who they are; what
// it means to the child; its influence, with what staff noticed unless it is good for them; the
// plan; and, when it exploits or damages them, the risk assessment it rests on.
TEST(FriendshipForm, NamesEachFieldAtFault) {
    const std::map<std::string, std::string> outside{
        {"where", "outside"},     {"with_name", "Robin"},    {"who_they_are", "From football"},
        {"what_it_means", "Fun"}, {"influence", "positive"}, {"plan", "encourage"}};
    auto read = [&](const Fields& over, const std::vector<std::int64_t>& risks) {
        auto form = form_of(outside, over);
        http::FormReader reader(form);
        return read_friendship(reader, {2, 3}, risks, date("2026-05-12"));
    };
    auto refused = [&](const Fields& over, const std::string& field,
                       const std::vector<std::int64_t>& risks = {40}) {
        auto r = read(over, risks);
        return !r.ok() && names_field(r.error(), field);
    };
    ASSERT_TRUE(read({}, {}).ok());
    EXPECT_TRUE(refused({{"where", "<absent>"}}, "where"));
    EXPECT_TRUE(refused({{"with_name", ""}}, "with_name"));
    EXPECT_TRUE(refused({{"who_they_are", ""}}, "who_they_are"));
    EXPECT_TRUE(refused({{"where", "inside"}}, "other_child_id")) << "which child";
    EXPECT_TRUE(refused({{"where", "inside"}, {"other_child_id", "9"}}, "other_child_id"))
        << "not living here";
    EXPECT_TRUE(refused({{"what_it_means", ""}}, "what_it_means"));
    EXPECT_TRUE(refused({{"influence", "<absent>"}}, "influence"));
    EXPECT_TRUE(refused({{"influence", "worry"}}, "noticed"));
    EXPECT_TRUE(refused({{"plan", "<absent>"}}, "plan"));
    EXPECT_TRUE(refused({{"influence", "exploitative"}, {"noticed", "Gifts"}}, "risk_plan_id"));
    EXPECT_TRUE(refused({{"influence", "damaging"}, {"noticed", "Gifts"}}, "influence", {}))
        << "no risk assessment to rest on: write one first";
    EXPECT_TRUE(refused({{"risk_plan_id", "41"}}, "risk_plan_id")) << "not one of theirs";
    auto inside = read({{"where", "inside"}, {"other_child_id", "3"}}, {});
    ASSERT_TRUE(inside.ok()) << inside.error().message;
    EXPECT_EQ(inside->other_child_id, 3);
    EXPECT_TRUE(inside->with_name.empty()) << "a friend who lives here is known by their record";
    EXPECT_TRUE(refused({{"influence", "worry"}, {"noticed", "Gifts"}}, "look_again_by"))
        << "a worry is looked at again by a day";
    EXPECT_TRUE(
        refused({{"influence", "worry"}, {"noticed", "Gifts"}, {"look_again_by", "2026-05-11"}},
                "look_again_by"))
        << "not a day gone";
    auto linked = read({{"influence", "exploitative"},
                        {"noticed", "Gifts"},
                        {"risk_plan_id", "40"},
                        {"look_again_by", "2026-05-19"}},
                       {40});
    ASSERT_TRUE(linked.ok()) << linked.error().message;
    EXPECT_EQ(linked->look.risk_plan_id, 40);
    EXPECT_EQ(linked->look.look_again_by, date("2026-05-19"));
    auto good = read({{"look_again_by", "2026-05-19"}}, {});
    ASSERT_TRUE(good.ok());
    EXPECT_FALSE(good->look.look_again_by) << "good for them: no clock";

    auto look = [&](const std::map<std::string, std::string>& fields) {
        auto form = form_of(fields, {});
        http::FormReader reader(form);
        return read_friendship_look(reader, {}, date("2026-05-12"));
    };
    EXPECT_FALSE(look({{"influence", "positive"}}).ok()) << "the plan, unless it ended";
    auto ended = look({{"influence", "positive"}, {"ended", "yes"}});
    ASSERT_TRUE(ended.ok()) << ended.error().message;
    EXPECT_TRUE(ended->ended);
}

TEST(StaffChangeForm, TheChildsViewOrWhyNotAndHowTheRelationshipIsRespected) {
    const std::map<std::string, std::string> change{{"staff_name", "Dana Lewis"},
                                                    {"kind", "moving_home"},
                                                    {"happens_on", "2026-06-01"},
                                                    {"child_view", "Can she visit?"},
                                                    {"keeping_in_touch", "A goodbye tea"}};
    auto read = [&](const Fields& over) {
        auto form = form_of(change, over);
        http::FormReader reader(form);
        return read_staff_change(reader, "Aisha");
    };
    ASSERT_TRUE(read({}).ok());
    auto refused = [&](const Fields& over, const std::string& field) {
        auto r = read(over);
        return !r.ok() && names_field(r.error(), field);
    };
    EXPECT_TRUE(refused({{"staff_name", ""}}, "staff_name"));
    EXPECT_TRUE(refused({{"kind", "retiring"}}, "kind"));
    EXPECT_TRUE(refused({{"happens_on", "<absent>"}}, "happens_on"));
    EXPECT_TRUE(refused({{"child_view", ""}}, "child_view"));
    EXPECT_TRUE(refused({{"keeping_in_touch", ""}}, "keeping_in_touch"));
    EXPECT_TRUE(read({{"child_view", ""}, {"view_not_asked", "In hospital until Friday"}}).ok());
    auto form = form_of({{"response", ""}}, {});
    http::FormReader reader(form);
    EXPECT_FALSE(read_staff_change_response(reader).ok());
}

TEST(ManagedInteractionForm, NamesEachFieldAtFault) {
    auto refused = [](const Fields& over, const char* field) {
        auto form = form_of({{"other_child_id", "2"},
                             {"kind", "apart"},
                             {"where_when", "The games room after 8pm"},
                             {"why", "Pushing"},
                             {"source", "risk_assessment"},
                             {"agreed_by", "Sam Carter"},
                             {"starts_on", "2026-05-12"},
                             {"review_on", "2026-05-26"}},
                            over);
        http::FormReader reader(form);
        auto read = read_interaction(reader, {2, 3}, {5}, test_today());
        return !read.ok() && names_field(read.error(), field);
    };
    EXPECT_TRUE(refused({{"other_child_id", "9"}}, "other_child_id")) << "not living here";
    EXPECT_TRUE(refused({{"where_when", ""}}, "where_when")) << "apart: where or when";
    EXPECT_TRUE(refused({{"why", ""}}, "why"));
    EXPECT_TRUE(refused({{"source", "bullying_response"}}, "concern_id"));
    EXPECT_TRUE(refused({{"source", "bullying_response"}, {"concern_id", "6"}}, "concern_id"));
    EXPECT_TRUE(refused({{"agreed_by", ""}}, "agreed_by"));
    EXPECT_TRUE(refused({{"review_on", "2026-05-01"}}, "review_on"));
    EXPECT_FALSE(refused({{"kind", "not_alone"}, {"where_when", ""}}, "where_when"));
}

class BullyingStore : public CaseRecordTest {
  protected:
    void SetUp() override {
        CaseRecordTest::SetUp();
        auto kai = aisha_details();
        kai.first_name = "Kai";
        kai.last_name = "Donovan";
        auto id = db_->write([&](db::Connection& c) {
            return children::admit(c, home_, kai, children::WhenAdmitted{}, as(manager_), now_,
                                   chris_);
        });
        ASSERT_TRUE(id.ok()) << id.error().message;
        kai_ = id.value();
    }

    ConcernDetails concern(const char* came_to_light = "child_told") {
        ConcernDetails d;
        d.child_id = child_;
        d.by_whom = {"children"};
        d.by_children = {kai_};
        d.occurred_at = now_ - std::chrono::hours{2};
        d.place = "The lounge";
        d.forms = {"names", "excluding"};
        d.came_to_light = came_to_light;
        d.raised_by = *came_to_light == 'p' ? "Her aunt" : "";
        d.child_words = "Words-only-in-her-record";
        d.owner_id = manager_;
        d.safety_plan = "She sits with staff";
        d.telling = {today_, "in_person", "OK", ""};
        return d;
    }

    std::int64_t record(const ConcernDetails& d) {
        auto id = db_->write(
            [&](db::Connection& c) { return record_concern(c, home_, d, as(chris_), now_); });
        EXPECT_TRUE(id.ok()) << id.error().message;
        return id.ok() ? id.value() : 0;
    }

    Concern found(std::int64_t id) {
        return *db_->read([&](db::Connection& c) { return find_concern(c, id); }).value();
    }

    std::optional<deadlines::Deadline> clock(const char* source, std::int64_t id,
                                             const std::string& kind, deadlines::State state) {
        const auto all =
            db_->read([&](db::Connection& c) { return deadlines::for_source(c, source, id); })
                .value();
        for (const auto& d : all) {
            if (d.kind == kind && d.state == state) {
                return d;
            }
        }
        return std::nullopt;
    }

    std::vector<chronology::Entry> timeline(std::int64_t child) {
        return db_->read([&](db::Connection& c) { return chronology::for_child(c, child, {}, 50); })
            .value()
            .entries;
    }

    std::int64_t kai_ = 0;
};

TEST_F(BullyingStore, EachChildsRecordIsAboutThemAlone) {
    const auto id = record(concern());
    for (const auto& e : timeline(kai_)) {
        EXPECT_EQ(e.title.find("Aisha"), std::string::npos) << e.title;
        EXPECT_EQ(e.summary.find("Words-only-in-her-record"), std::string::npos) << e.summary;
    }
    bool in_hers = false;
    for (const auto& e : timeline(child_)) {
        in_hers = in_hers || e.summary.find("Words-only-in-her-record") != std::string::npos;
        EXPECT_EQ(e.title.find("Kai"), std::string::npos) << e.title;
    }
    EXPECT_TRUE(in_hers);

    const auto k = found(id);
    auto his = db_->read([&](db::Connection& c) {
                      return concern_view(c, k, seen_in_record_of(kai_, k), now_);
                  })
                   .value();
    EXPECT_FALSE(his["whole"].get<bool>());
    EXPECT_EQ(his["child"]["name"], "another young person");
    EXPECT_EQ(his.dump().find("Words-only-in-her-record"), std::string::npos);
    EXPECT_EQ(his.dump().find("She sits with staff"), std::string::npos);
    auto hers = db_->read([&](db::Connection& c) {
                       return concern_view(c, k, seen_in_record_of(child_, k), now_);
                   })
                    .value();
    EXPECT_TRUE(hers["whole"].get<bool>());
    EXPECT_EQ(hers["by_children"][0]["name"], "another young person");
    EXPECT_TRUE(hers["by_children"][0]["id"].is_null());
}

// Whose social worker or parent was told is about that child: each child's record, and a reader of
// one child only, sees theirs alone; a child the concern is not about is refused.
TEST_F(BullyingStore, WhoWasToldOfItIsInTheRecordOfTheChildTheyAreFor) {
    const auto id = record(concern());
    auto tell = [&](std::int64_t child, const char* who, const char* name) {
        return db_->write([&](db::Connection& c) {
            return record_informed(c, id,
                                   {child, who, name, "phone", now_ - std::chrono::hours{1}, true,
                                    "A meeting on Thursday"},
                                   as(manager_), now_);
        });
    };
    ASSERT_TRUE(tell(kai_, "parent_or_carer", "Kais-dad").ok());
    ASSERT_TRUE(tell(child_, "social_worker", "Her-social-worker").ok());
    auto stranger = tell(kai_ + 1000, "parent_or_carer", "Nobody");
    ASSERT_FALSE(stranger.ok());
    EXPECT_TRUE(names_field(stranger.error(), "child_id"));

    const auto k = found(id);
    ASSERT_EQ(k.informed.size(), 2u);
    auto seen = [&](const SeenConcern& s) {
        return db_->read([&](db::Connection& c) { return concern_view(c, k, s, now_); })
            .value()
            .dump();
    };
    const auto his = seen(seen_in_record_of(kai_, k));
    EXPECT_NE(his.find("Kais-dad"), std::string::npos);
    EXPECT_EQ(his.find("Her-social-worker"), std::string::npos);
    const auto hers = seen(seen_in_record_of(child_, k));
    EXPECT_NE(hers.find("Her-social-worker"), std::string::npos);
    EXPECT_EQ(hers.find("Kais-dad"), std::string::npos);
    SeenConcern staff{true, {kai_}, child_};
    auto whole = db_->read([&](db::Connection& c) { return concern_view(c, k, staff, now_); });
    ASSERT_TRUE(whole.ok());
    ASSERT_EQ(whole.value()["informed"].size(), 2u);
    EXPECT_TRUE(whole.value()["informed"][0]["social_worker_told"].get<bool>());
    EXPECT_FALSE(whole.value()["informed"][0]["parent_told"].get<bool>());
    EXPECT_TRUE(whole.value()["informed"][1]["parent_told"].get<bool>());
    EXPECT_EQ(count_rows(*db_,
                         "SELECT COUNT(*) FROM audit_log WHERE action = 'inform' AND record_id = "
                         "$1",
                         {std::to_string(id)}),
              2);
}

// An advocate and a complaint are about the child they are for: in that child's record alone, and
// a complaint's outcome is recorded once.
TEST_F(BullyingStore, EachChildsAdvocateAndComplaintsAreInTheirRecordAlone) {
    const auto id = record(concern());
    auto offer = [&](std::int64_t child, const char* name) {
        return db_->write([&](db::Connection& c) {
            return record_advocate_offer(c, id, {child, today_, "taken_up", name, ""}, as(manager_),
                                         now_);
        });
    };
    ASSERT_TRUE(offer(child_, "Her-advocate").ok());
    ASSERT_TRUE(offer(kai_, "His-advocate").ok());
    const auto stranger = offer(manager_ + 1000, "Nobody");
    ASSERT_FALSE(stranger.ok());
    EXPECT_EQ(stranger.error().fields.front().field, "child_id");

    Complaint m{kai_, today_, "His-complaint-words", "The consequence", "Jo Whitfield", {}};
    const auto complaint = db_->write(
        [&](db::Connection& c) { return record_complaint(c, id, m, as(manager_), now_); });
    ASSERT_TRUE(complaint.ok()) << complaint.error().message;

    auto k = found(id);
    ASSERT_EQ(k.advocates.size(), 2u);
    ASSERT_EQ(k.complaints.size(), 1u);
    auto seen = [&](const SeenConcern& s) {
        return db_->read([&](db::Connection& c) { return concern_view(c, k, s, now_); })
            .value()
            .dump();
    };
    const auto his = seen(seen_in_record_of(kai_, k));
    EXPECT_NE(his.find("His-complaint-words"), std::string::npos);
    EXPECT_NE(his.find("His-advocate"), std::string::npos);
    EXPECT_EQ(his.find("Her-advocate"), std::string::npos);
    const auto hers = seen(seen_in_record_of(child_, k));
    EXPECT_EQ(hers.find("His-complaint-words"), std::string::npos);
    EXPECT_EQ(hers.find("His-advocate"), std::string::npos);
    EXPECT_NE(hers.find("Her-advocate"), std::string::npos);
    bool in_his = false;
    for (const auto& e : timeline(kai_)) {
        in_his = in_his || e.summary == "His-complaint-words";
    }
    EXPECT_TRUE(in_his);
    for (const auto& e : timeline(child_)) {
        EXPECT_EQ(e.summary.find("His-complaint-words"), std::string::npos);
    }

    const ComplaintOutcome outcome{"Looked again at the consequence", "Upheld", today_};
    auto answer = [&](Timestamp at) {
        return db_->write([&](db::Connection& c) {
            return record_complaint_outcome(c, id, complaint.value(), outcome, as(manager_), at);
        });
    };
    const auto answered = answer(tick());
    ASSERT_TRUE(answered.ok()) << answered.error().message;
    EXPECT_TRUE(found(id).complaints.front().complaint.outcome.has_outcome());
    const auto twice = answer(tick());
    ASSERT_FALSE(twice.ok());
    EXPECT_EQ(twice.error().kind, ErrorKind::conflict);
    EXPECT_EQ(count_rows(*db_,
                         "SELECT COUNT(*) FROM audit_log WHERE action IN ('advocate', 'complaint', "
                         "'complaint_outcome') AND record_id = $1",
                         {std::to_string(id)}),
              4);
}

// A correction keeps every version whole; refused when it changes nothing, when the concern
// changed since it was read, or when the bullying would come after its response began. Each
// child's chronology line is revised as that child's.
TEST_F(BullyingStore, ACorrectionKeepsEachVersionAndEachChildsLineAboutThem) {
    const auto id = record(concern());
    Stage s;
    s.stage = "investigated";
    s.happened_at = tick();
    s.what = "Spoke with both";
    s.telling = {today_, "in_person", "OK", ""};
    ASSERT_TRUE(
        db_->write([&](db::Connection& c) { return add_stage(c, id, s, as(manager_), now_); })
            .ok());
    const auto k = found(id);
    auto correct = [&](const Correction& x) {
        return db_->write(
            [&](db::Connection& c) { return correct_concern(c, id, x, as(manager_), tick()); });
    };
    Correction same{k.details, "Checking", k.version};
    const auto nothing = correct(same);
    ASSERT_FALSE(nothing.ok());
    EXPECT_EQ(nothing.error().fields.front().field, "reason");
    Correction later = same;
    later.details.occurred_at = s.happened_at + std::chrono::minutes{1};
    const auto after_response = correct(later);
    ASSERT_FALSE(after_response.ok());
    EXPECT_EQ(after_response.error().fields.front().field, "occurred_on");
    Correction stale = same;
    stale.details.place = "The hall";
    stale.version = k.version - 1;
    EXPECT_EQ(correct(stale).error().kind, ErrorKind::conflict);

    Correction fixed = same;
    fixed.details.place = "The dining room";
    fixed.details.child_words = "Corrected-words-only-in-her-record";
    fixed.reason = "She told us again";
    const auto done = correct(fixed);
    ASSERT_TRUE(done.ok()) << done.error().message;
    const auto now = found(id);
    EXPECT_EQ(now.details.place, "The dining room");
    EXPECT_EQ(now.version, k.version + 1);
    const auto kept = db_->read([&](db::Connection& c) {
                             return amendments::versions_of(c, "bullying_concern", id);
                         })
                          .value();
    ASSERT_EQ(kept.size(), 2u);
    EXPECT_EQ(kept[0].reason, "She told us again");
    EXPECT_EQ(kept[1].record["place"], "The lounge");
    for (const auto& e : timeline(kai_)) {
        EXPECT_EQ(e.summary.find("Corrected-words"), std::string::npos) << e.summary;
    }
    bool revised = false;
    for (const auto& e : timeline(child_)) {
        revised = revised || (e.summary == "Corrected-words-only-in-her-record" && e.amended);
    }
    EXPECT_TRUE(revised);
}

TEST_F(BullyingStore, AStageNotToldOwesItUntilTheChildIsTold) {
    const auto id = record(concern());
    EXPECT_EQ(found(id).owing(), 0);
    Stage s;
    s.stage = "investigated";
    s.happened_at = tick();
    s.what = "Spoke with both";
    s.telling.not_told_why = "Asleep: told in the morning";
    ASSERT_TRUE(
        db_->write([&](db::Connection& c) { return add_stage(c, id, s, as(manager_), now_); })
            .ok());
    auto k = found(id);
    EXPECT_EQ(k.owing(), 1);
    const auto stage_id = k.stages.back().id;
    const Telling told{today_, "key_work", "Thanks", ""};
    ASSERT_TRUE(db_->write([&](db::Connection& c) {
                       return record_told(c, id, stage_id, told, as(manager_), tick());
                   })
                    .ok());
    EXPECT_EQ(found(id).owing(), 0);
    const auto twice = db_->write([&](db::Connection& c) {
        return record_told(c, id, stage_id, told, as(manager_), tick());
    });
    ASSERT_FALSE(twice.ok());
    EXPECT_EQ(twice.error().kind, ErrorKind::conflict);
}

TEST_F(BullyingStore, AnInvestigationFindingARegFortyEventRaisesTheNotification) {
    const auto id = record(concern());
    Stage s;
    s.stage = "investigated";
    s.happened_at = tick();
    s.what = "He was made to hand over his phone by an older boy, with threats.";
    s.safeguarding = "reg40";
    s.serious_event = "police_serious_incident";
    s.telling = {today_, "in_person", "OK", ""};
    ASSERT_TRUE(
        db_->write([&](db::Connection& c) { return add_stage(c, id, s, as(manager_), now_); })
            .ok());
    const auto k = found(id);
    ASSERT_TRUE(k.stages.back().serious_event_id);
    EXPECT_EQ(k.stages.back().stage.serious_event, "police_serious_incident");
    const auto event = db_->read([&](db::Connection& c) {
                              return notifications::find(c, *k.stages.back().serious_event_id);
                          })
                           .value();
    ASSERT_TRUE(event);
    EXPECT_EQ(event->child_id, child_);
    EXPECT_EQ(event->became_known_at, s.happened_at);
    EXPECT_EQ(event->what_happened, s.what);
    EXPECT_FALSE(notifications::still_to_tell(event->recipients).empty());
    EXPECT_TRUE(
        clock("serious_event", event->id, notifications::clock_kind, deadlines::State::open));

    SeenConcern staff{true, {kai_}, child_};
    const auto whole =
        db_->read([&](db::Connection& c) { return concern_view(c, k, staff, now_); }).value();
    const auto& link = whole["stages"].back()["serious_event"];
    EXPECT_EQ(link["id"].get<std::int64_t>(), event->id);
    EXPECT_FALSE(link["everyone_told"].get<bool>());
    const auto his = db_->read([&](db::Connection& c) {
                            return concern_view(c, k, seen_in_record_of(kai_, k), now_);
                        })
                         .value();
    EXPECT_FALSE(his["stages"].back().contains("serious_event"))
        << "the notification is about the child bullied, not in his record";

    Stage none = s;
    none.safeguarding.clear();
    none.serious_event.clear();
    ASSERT_TRUE(
        db_->write([&](db::Connection& c) { return add_stage(c, id, none, as(manager_), tick()); })
            .ok());
    EXPECT_FALSE(found(id).stages.back().serious_event_id);
}

TEST_F(BullyingStore, RaisedFromOutsideOwesAReportBackMetWhenItWasGiven) {
    const auto id = record(concern("parent"));
    const auto owed = clock("bullying_concern", id, report_back_clock, deadlines::State::open);
    ASSERT_TRUE(owed);
    EXPECT_EQ(owed->due_at, now_ + std::chrono::days{report_back_days});
    const auto told_at = now_ + std::chrono::hours{30};
    ASSERT_TRUE(db_->write([&](db::Connection& c) {
                       return record_report_back(c, id,
                                                 {"Her aunt", "phone", "What was done", told_at},
                                                 as(manager_), told_at + std::chrono::hours{2});
                   })
                    .ok());
    const auto met = clock("bullying_concern", id, report_back_clock, deadlines::State::met);
    ASSERT_TRUE(met);
    EXPECT_EQ(met->met_at, told_at);
    const auto unasked = record(concern());
    EXPECT_FALSE(clock("bullying_concern", unasked, report_back_clock, deadlines::State::open));
    EXPECT_FALSE(db_->write([&](db::Connection& c) {
                        return record_report_back(c, unasked, {"Nobody", "phone", "x", now_},
                                                  as(manager_), now_);
                    })
                     .ok());
}

TEST_F(BullyingStore, AnOutcomeSetsTheReviewAndAClosingReviewMeetsIt) {
    const auto id = record(concern());
    Stage outcome;
    outcome.stage = "outcome";
    outcome.happened_at = tick();
    outcome.what = "Restorative conversation";
    outcome.restorative = "He saw how it felt";
    outcome.review_on = date("2026-05-26");
    outcome.telling = {today_, "in_person", "Fair", ""};
    ASSERT_TRUE(
        db_->write([&](db::Connection& c) { return add_stage(c, id, outcome, as(manager_), now_); })
            .ok());
    const auto review =
        clock("bullying_concern", id, response_review_clock, deadlines::State::open);
    ASSERT_TRUE(review);
    EXPECT_EQ(review->due_at, utc("2026-05-26T23:00:00.000Z"));
    bool restorative_in_his = false;
    for (const auto& e : timeline(kai_)) {
        restorative_in_his = restorative_in_his || e.summary == "He saw how it felt";
    }
    EXPECT_TRUE(restorative_in_his) << "the restorative work is about him: in his record";

    Stage closing;
    closing.stage = "review";
    closing.happened_at = tick();
    closing.what = "It has stopped";
    closing.closes = true;
    closing.telling = {today_, "key_work", "It's stopped", ""};
    ASSERT_TRUE(
        db_->write([&](db::Connection& c) { return add_stage(c, id, closing, as(manager_), now_); })
            .ok());
    EXPECT_TRUE(clock("bullying_concern", id, response_review_clock, deadlines::State::met));
    EXPECT_TRUE(found(id).closed_at);
    const auto after = db_->write(
        [&](db::Connection& c) { return add_stage(c, id, closing, as(manager_), tick()); });
    ASSERT_FALSE(after.ok());
    EXPECT_EQ(after.error().kind, ErrorKind::conflict);
}

TEST_F(BullyingStore, AManagedInteractionIsInBothRecordsAndReviewedByItsDate) {
    InteractionDetails d;
    d.other_child_id = kai_;
    d.kind = "not_alone";
    d.why = "Until the review";
    d.source = "risk_assessment";
    d.agreed_by = "Sam Carter";
    d.starts_on = today_;
    d.review_on = date("2026-05-26");
    auto id = db_->write(
        [&](db::Connection& c) { return agree_interaction(c, child_, d, as(manager_), now_); });
    ASSERT_TRUE(id.ok()) << id.error().message;
    for (const auto who : {child_, kai_}) {
        bool shown = false;
        for (const auto& e : timeline(who)) {
            shown = shown || e.title == "Not to be alone with another young person";
            EXPECT_EQ(e.title.find("Kai"), std::string::npos);
            EXPECT_EQ(e.title.find("Aisha"), std::string::npos);
        }
        EXPECT_TRUE(shown) << who;
    }
    EXPECT_TRUE(
        clock("managed_interaction", *id, interaction_review_clock, deadlines::State::open));
    auto self = d;
    self.other_child_id = child_;
    EXPECT_FALSE(db_->write([&](db::Connection& c) {
                        return agree_interaction(c, child_, self, as(manager_), now_);
                    })
                     .ok())
        << "not with themselves";

    const InteractionReview end{true, "They get on now", std::nullopt};
    ASSERT_TRUE(db_->write([&](db::Connection& c) {
                       return review_interaction(c, *id, end, as(manager_), tick());
                   })
                    .ok());
    EXPECT_TRUE(clock("managed_interaction", *id, interaction_review_clock, deadlines::State::met));
    const auto m = *db_->read([&](db::Connection& c) { return find_interaction(c, *id); }).value();
    EXPECT_TRUE(m.ended_on);
    EXPECT_FALSE(in_force(m.details, m.ended_on, today_));
    EXPECT_FALSE(db_->write([&](db::Connection& c) {
                        return review_interaction(c, *id, end, as(manager_), tick());
                    })
                     .ok())
        << "ended once";
}

}  // namespace bullying_test

namespace bullying_test {

Concern counted_concern(const char* at, std::int64_t bullied, std::vector<std::int64_t> by,
                        std::vector<std::string> forms, const char* place,
                        std::optional<int> outcome_after_hours, bool told) {
    Concern k;
    k.details.child_id = bullied;
    k.child_name = "Child " + std::to_string(bullied);
    k.details.occurred_at = utc(at);
    k.details.forms = std::move(forms);
    k.details.place = place;
    for (const auto id : by) {
        k.by_children.push_back({id, "Child " + std::to_string(id)});
    }
    StageRecord first;
    first.stage.stage = "recorded";
    if (told) {
        first.stage.telling.told_on = local_date_of(k.details.occurred_at);
    }
    k.stages.push_back(first);
    if (outcome_after_hours) {
        StageRecord outcome;
        outcome.stage.stage = "outcome";
        outcome.stage.happened_at =
            k.details.occurred_at + std::chrono::hours{*outcome_after_hours};
        outcome.stage.telling.told_on = local_date_of(outcome.stage.happened_at);
        k.stages.push_back(outcome);
        k.closed_at = outcome.stage.happened_at;
    }
    return k;
}

TEST(BullyingFigures, CountByMonthFormPlaceAndTimeWithTheChildrenInvolvedMoreThanOnce) {
    const std::vector<Concern> concerns{
        counted_concern("2026-03-04T08:30:00.000Z", 1, {2}, {"names", "excluding"}, "The lounge",
                        48, true),
        counted_concern("2026-04-10T18:00:00.000Z", 1, {3}, {"names"}, "The lounge", 96, true),
        counted_concern("2026-04-20T21:30:00.000Z", 3, {}, {"online"}, "Online", std::nullopt,
                        false),
        counted_concern("2025-12-01T12:00:00.000Z", 2, {1}, {"physical"}, "The garden", 24, true),
    };
    const auto f = count_concerns(concerns, {"2026-03", "2026-04", "2026-05"});
    EXPECT_EQ(f.concerns, 3) << "the one before the months is not counted";
    ASSERT_EQ(f.by_month.size(), 3u);
    EXPECT_EQ(f.by_month[0].count, 1);
    EXPECT_EQ(f.by_month[1].count, 2);
    EXPECT_EQ(f.by_month[2].count, 0) << "an empty month is shown as none";
    EXPECT_EQ(f.by_form.front().key, "physical");
    EXPECT_EQ(f.by_form.front().count, 0);
    const auto names = std::find_if(f.by_form.begin(), f.by_form.end(),
                                    [](const Counted& c) { return c.key == "names"; });
    EXPECT_EQ(names->count, 2);
    EXPECT_EQ(f.by_place.front().key, "The lounge");
    EXPECT_EQ(f.by_place.front().count, 2);
    // 08:30 UTC in March is 08:30 in London (morning); 18:00 UTC in April is 19:00 (evening);
    // 21:30 UTC is 22:30 (night).
    EXPECT_EQ(f.by_time[0].count, 1);
    EXPECT_EQ(f.by_time[1].count, 0);
    EXPECT_EQ(f.by_time[2].count, 1);
    EXPECT_EQ(f.by_time[3].count, 1);
    ASSERT_EQ(f.repeatedly.size(), 2u) << "child 1 twice bullied; child 3 bullied and bullying";
    EXPECT_EQ(f.repeatedly[0].child_id, 1);
    EXPECT_EQ(f.repeatedly[0].as_bullied, 2);
    EXPECT_EQ(f.repeatedly[1].child_id, 3);
    EXPECT_EQ(f.repeatedly[1].as_bullying, 1);
    EXPECT_EQ(f.open, 1);
    EXPECT_EQ(f.owing, 1);
    ASSERT_TRUE(f.median_days_to_outcome);
    EXPECT_DOUBLE_EQ(*f.median_days_to_outcome, 3.0) << "2 and 4 days";
}

TEST_F(BullyingStore, AConcernIsClosedOnlyOnceTheChildWasToldAtEveryStage) {
    auto d = concern();
    d.telling = {std::nullopt, "", "", "Asleep"};
    const auto id = record(d);
    Stage closing;
    closing.stage = "review";
    closing.happened_at = tick();
    closing.what = "It has stopped";
    closing.closes = true;
    closing.telling = {today_, "key_work", "Good", ""};
    auto refused = db_->write(
        [&](db::Connection& c) { return add_stage(c, id, closing, as(manager_), now_); });
    ASSERT_FALSE(refused.ok());
    EXPECT_TRUE(names_field(refused.error(), "closes"));
    closing.telling = {std::nullopt, "", "", "Not yet"};
    refused = db_->write(
        [&](db::Connection& c) { return add_stage(c, id, closing, as(manager_), now_); });
    ASSERT_FALSE(refused.ok());
    EXPECT_TRUE(names_field(refused.error(), "child_told"));
    EXPECT_FALSE(found(id).closed_at) << "nothing saved";
    EXPECT_EQ(found(id).stages.size(), 1u);
}

}  // namespace bullying_test
