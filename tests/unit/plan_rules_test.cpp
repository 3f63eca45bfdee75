// The rules of a child's plans and risk assessments, as pure functions: the kinds as data, the
// version form (each rule a row of a table), sharing, a rise to high risk, and who may sign.
#include <gtest/gtest.h>

#include <set>

#include "plan_fixture.hpp"

// Each test file's own names, apart from the others built beside it (tests/CMakeLists.txt).
namespace plan_rules_test {

using namespace hearth;
using namespace hearth::plans;
using hearth::testing::behaviour_fields;
using hearth::testing::BodyRule;
using hearth::testing::date;
using hearth::testing::fields_of;
using hearth::testing::form_of;
using hearth::testing::message_at;
using hearth::testing::read_version_form;
using hearth::testing::refused_at;
using hearth::testing::says;
using hearth::testing::typed_over;

namespace {

const Date today = hearth::testing::test_today();

// ---- The kinds, as data ----

TEST(PlanKinds, EveryKindTheBriefNamesIsThereWithItsSections) {
    std::set<std::string> keys;
    for (const auto& k : plan_kinds()) {
        EXPECT_TRUE(keys.insert(k.key).second) << "twice: " << k.key;
        ASSERT_FALSE(k.sections.empty()) << k.key;
        std::set<std::string> sections;
        for (const auto& s : k.sections) {
            EXPECT_TRUE(sections.insert(s.key).second) << k.key << " has " << s.key << " twice";
            EXPECT_FALSE(s.label.empty()) << k.key << "." << s.key;
        }
        EXPECT_TRUE(std::any_of(k.sections.begin(), k.sections.end(),
                                [](const Section& s) { return s.required; }))
            << k.key << " asks for nothing";
        // What staff on shift see at a glance must be one of the kind's own sections.
        ASSERT_FALSE(k.strategy_sections.empty()) << k.key;
        for (const auto& s : k.strategy_sections)
            EXPECT_TRUE(sections.count(s)) << k.key << " shows " << s << " at a glance";
    }
    for (const char* key :
         {"placement_plan", "support_plan", "safety_plan", "behaviour_plan", "risk_self_harm",
          "risk_going_missing", "risk_exploitation", "risk_harmful_sexual_behaviour",
          "risk_bullying", "risk_online_safety", "risk_other"}) {
        EXPECT_NE(find_kind(key), nullptr) << key;
    }
    EXPECT_EQ(find_kind("nonsense"), nullptr);
}

TEST(PlanKinds, SectionsAPractitionerExpects) {
    auto keys_of = [](const char* kind) {
        std::vector<std::string> out;
        for (const auto& s : find_kind(kind)->sections)
            out.push_back(s.key);
        return out;
    };
    auto has = [&](const char* kind, const char* section) {
        auto keys = keys_of(kind);
        return std::find(keys.begin(), keys.end(), section) != keys.end();
    };
    for (const char* s : {"at_my_best", "triggers", "what_helps", "staff_response", "what_i_said"})
        EXPECT_TRUE(has("behaviour_plan", s)) << s;
    // Seed 003: the placement plan holds family time and the contact details agreed with the
    // social worker.
    EXPECT_TRUE(has("placement_plan", "family_time"));
    EXPECT_TRUE(has("placement_plan", "contact_details"));
    EXPECT_TRUE(has("placement_plan", "agreed_with"));
    for (const char* risk : {"risk_self_harm", "risk_bullying", "risk_other"}) {
        for (const char* s :
             {"the_risk", "more_likely", "less_likely", "what_reduces", "if_it_happens"}) {
            EXPECT_TRUE(has(risk, s)) << risk << "." << s;
        }
        EXPECT_EQ(find_kind(risk)->family, Family::risk_assessment);
    }
    EXPECT_TRUE(find_kind("risk_other")->named_area);
    EXPECT_FALSE(find_kind("risk_bullying")->named_area);
}

TEST(PlanKinds, Titles) {
    EXPECT_EQ(plan_title(*find_kind("safety_plan"), ""), "Safety plan");
    EXPECT_EQ(plan_title(*find_kind("risk_going_missing"), ""), "Risk assessment: going missing");
    EXPECT_EQ(plan_title(*find_kind("risk_other"), "Fire setting"),
              "Risk assessment: Fire setting");
    EXPECT_EQ(version_title("Safety plan", 3), "Safety plan, version 3");
}

// ---- The version form ----

TEST(PlanForm, AValidFormBecomesAVersion) {
    auto v = read_version_form(behaviour_fields(), "behaviour_plan");
    ASSERT_TRUE(v.ok()) << v.error().message;
    const auto& kind = *find_kind("behaviour_plan");
    ASSERT_EQ(v->sections.size(), kind.sections.size());
    EXPECT_EQ(v->sections[0].key, "at_my_best");
    EXPECT_EQ(section_text(v->sections, "what_helps"),
              "Time and a choice of two things\nHer sketchbook");
    EXPECT_EQ(section_text(v->sections, "praise"), "");
    EXPECT_EQ(v->effective_on, today);
    EXPECT_EQ(v->review_by, date("2026-08-12"));
    EXPECT_EQ(v->risk_level, "");
    EXPECT_EQ(v->child_views, "I like the sketchbook bit");
    // The stored form keeps the labels it was written under.
    auto back = sections_from_json(sections_json(v->sections));
    ASSERT_EQ(back.size(), v->sections.size());
    EXPECT_EQ(back[2].label, v->sections[2].label);
    EXPECT_EQ(back[3].text, v->sections[3].text);
}

TEST(PlanForm, EveryProblemIsNamedAtItsField) {
    auto fields = behaviour_fields();
    fields.erase("section_what_helps");
    fields["section_triggers"] = "   ";
    fields["review_by"] = "2026-05-01";
    fields["child_views"] = "";
    fields["reason"] = "";
    auto v = read_version_form(fields, "behaviour_plan");
    ASSERT_FALSE(v.ok());
    EXPECT_EQ(fields_of(v), (std::vector<std::string>{"section_triggers", "section_what_helps",
                                                      "reason", "child_views", "review_by"}));
    EXPECT_TRUE(says(message_at(v, "section_triggers"), "Enter "));
    EXPECT_TRUE(says(message_at(v, "section_what_helps"), "Enter what helps me"));
    EXPECT_TRUE(says(message_at(v, "reason"), "Enter why this version is being written"));
    EXPECT_TRUE(says(message_at(v, "child_views"), "or say below why they were not asked"));
    EXPECT_TRUE(says(message_at(v, "review_by"), "must be after the effective date"));
}

TEST(PlanForm, WhyTheChildsViewsWereNotAskedStandsForThem) {
    auto fields = behaviour_fields();
    fields["child_views"] = "";
    fields["views_not_asked"] = "Asleep after a late night; key worker will ask tomorrow";
    auto why = read_version_form(fields, "behaviour_plan");
    ASSERT_TRUE(why.ok()) << why.error().message;
    EXPECT_EQ(why->views_not_asked, "Asleep after a late night; key worker will ask tomorrow");
}

// A risk assessment of going missing, every section it needs written.
std::map<std::string, std::string> risk_fields() {
    return {{"section_the_risk", "May go missing at night"},
            {"section_what_reduces", "Agreed times"},
            {"section_if_it_happens", "Missing procedure"},
            {"effective_on", "2026-05-12"},
            {"review_by", "2026-06-12"},
            {"reason", "After two late returns"},
            {"child_views", "Fair enough"}};
}

TEST(PlanForm, ARiskAssessmentCarriesItsLevel) {
    auto fields = risk_fields();
    fields["risk_level"] = "high";
    auto ok = read_version_form(fields, "risk_going_missing");
    ASSERT_TRUE(ok.ok()) << ok.error().message;
    EXPECT_EQ(ok->risk_level, "high");
}

// A rule of the version form, typed over a valid version of a `kind` (an individual behaviour
// plan, or a risk assessment of going missing with its level); `replaces` is when the version it
// replaces took effect, if there is one.
struct VersionRule {
    const char* name;
    const char* kind;
    nlohmann::json typed;
    const char* replaces;
    const char* field;
    const char* words;
};

void PrintTo(const VersionRule& rule, std::ostream* out) {
    *out << rule.name << ": a " << rule.kind << " with " << rule.typed.dump();
}

const std::string longest_section_and_one(longest_section + 1, 'x');

// clang-format off
const VersionRule version_rules[] = {
    {"ASectionTheKindNeedsIsWritten", "behaviour_plan", {{"section_what_helps", nullptr}}, nullptr,
     "section_what_helps", "Enter what helps me"},
    {"ASectionOfSpacesIsNotWritten", "behaviour_plan", {{"section_triggers", "   "}}, nullptr,
     "section_triggers", "Enter "},
    {"TheReasonForTheVersion", "behaviour_plan", {{"reason", ""}}, nullptr,
     "reason", "Enter why this version is being written"},
    {"TheChildsViewsOrWhyTheyWereNotAsked", "behaviour_plan", {{"child_views", ""}}, nullptr,
     "child_views", "or say below why they were not asked"},
    {"ReviewAfterTheEffectiveDate", "behaviour_plan", {{"review_by", "2026-05-12"}}, nullptr,
     "review_by", "must be after the effective date"},
    {"ReviewWithinSixMonths", "behaviour_plan", {{"review_by", "2026-11-13"}}, nullptr,
     "review_by", "within 6 months of the effective date"},
    {"EffectiveNoMoreThanThreeMonthsAhead", "behaviour_plan",
     {{"effective_on", "2026-08-13"}, {"review_by", "2026-09-01"}}, nullptr,
     "effective_on", "no more than 3 months from today"},
    {"ReadingTheDatesUsesTheVersionItReplaces", "behaviour_plan", {}, "2026-05-13",
     "effective_on", "on or after 13 May 2026, when the version it replaces"},
    {"ASectionHasALimit", "behaviour_plan", {{"section_what_helps", longest_section_and_one}}, nullptr,
     "section_what_helps", "characters or fewer"},
    {"AnUnknownSectionIsRefused", "behaviour_plan", {{"section_not_a_section", "x"}}, nullptr,
     "section_not_a_section", "not a field Hearth knows here"},
    {"APlanHasNoRiskLevel", "behaviour_plan", {{"risk_level", "high"}}, nullptr,
     "risk_level", "not a field Hearth knows here"},
    {"ARiskAssessmentNeedsItsLevel", "risk_going_missing", {}, nullptr,
     "risk_level", "Select the level of risk"},
    {"ARiskLevelIsFromTheList", "risk_going_missing", {{"risk_level", "extreme"}}, nullptr,
     "risk_level", "from the list"},
};
// clang-format on

class PlanVersionRule : public ::testing::TestWithParam<VersionRule> {};

TEST_P(PlanVersionRule, IsRefusedAtItsFieldWithWhy) {
    const auto& rule = GetParam();
    const auto valid =
        std::string(rule.kind) == "behaviour_plan" ? behaviour_fields() : risk_fields();
    const auto replaces = rule.replaces ? std::optional<Date>(date(rule.replaces)) : std::nullopt;
    EXPECT_TRUE(refused_at(read_version_form(typed_over(valid, rule.typed), rule.kind, replaces),
                           rule.field, rule.words));
}

INSTANTIATE_TEST_SUITE_P(PlanForm, PlanVersionRule, ::testing::ValuesIn(version_rules),
                         hearth::testing::RuleName());

TEST(PlanForm, AnotherAreaIsNamed) {
    auto form = http::FormData::from_urlencoded("area_name=");
    http::FormReader reader(form.value());
    EXPECT_EQ(read_area_name(reader, *find_kind("risk_other")), "");
    auto status = reader.finish();
    ASSERT_FALSE(status.ok());
    EXPECT_EQ(fields_of(status.error()), std::vector<std::string>{"area_name"});
    EXPECT_TRUE(says(message_at(status.error(), "area_name"), "Enter the area of risk"));
    auto named = http::FormData::from_urlencoded("area_name=Fire+setting");
    http::FormReader named_reader(named.value());
    EXPECT_EQ(read_area_name(named_reader, *find_kind("risk_other")), "Fire setting");
    EXPECT_TRUE(named_reader.finish().ok());
}

// ---- Sharing ----

Result<SharingInput> read_shared(const std::string& body) {
    auto form = http::FormData::from_urlencoded(body);
    http::FormReader reader(form.value());
    return read_sharing(reader, today);
}

TEST(PlanSharing, WhoAndWhen) {
    auto ok = read_shared(
        "version=2&shared_with=social_worker&shared_with=child&shared_with_others=Aunt+Jo&"
        "shared_on=2026-05-11");
    ASSERT_TRUE(ok.ok()) << ok.error().message;
    EXPECT_EQ(ok->version, 2);
    // In the order of the recipients, whatever order they came in.
    EXPECT_EQ(ok->with, (std::vector<std::string>{"child", "social_worker"}));
    EXPECT_EQ(ok->others, "Aunt Jo");
    EXPECT_EQ(ok->shared_on, date("2026-05-11"));

    EXPECT_FALSE(sharing_problem(date("2026-05-11"), date("2026-05-11")).has_value());
    auto early = sharing_problem(date("2026-05-10"), date("2026-05-11"));
    ASSERT_TRUE(early.has_value());
    EXPECT_EQ(early->field, "shared_on");
    EXPECT_NE(early->message.find("on or after 11 May 2026, when this version was written"),
              std::string::npos);
}

// clang-format off
const BodyRule sharing_rules[] = {
    {"SharedWithSomeone", "version=2&shared_on=2026-05-11",
     "shared_with", "Select who it was shared with"},
    {"SharedWithSomeoneOnTheList", "version=2&shared_with=neighbour&shared_on=2026-05-11",
     "shared_with", "from the list"},
    {"SharedTodayOrEarlier", "version=2&shared_with=child&shared_on=2026-05-13",
     "shared_on", "today or earlier"},
    {"SharedWhichVersion", "shared_with=child&shared_on=2026-05-11",
     "version", "Enter version"},
};
// clang-format on

class PlanSharingRule : public ::testing::TestWithParam<BodyRule> {};

TEST_P(PlanSharingRule, IsRefusedAtItsFieldWithWhy) {
    EXPECT_TRUE(refused_at(read_shared(GetParam().body), GetParam().field, GetParam().words));
}

INSTANTIATE_TEST_SUITE_P(PlanSharing, PlanSharingRule, ::testing::ValuesIn(sharing_rules),
                         hearth::testing::RuleName());

// ---- A rise to high risk, and lists ----

TEST(PlanRules, ARiseToHighIsSignificant) {
    EXPECT_TRUE(rose_to_high("", "high"));
    EXPECT_TRUE(rose_to_high("low", "high"));
    EXPECT_TRUE(rose_to_high("medium", "high"));
    EXPECT_FALSE(rose_to_high("high", "high"));
    EXPECT_FALSE(rose_to_high("high", "medium"));
    EXPECT_FALSE(rose_to_high("low", "medium"));
    EXPECT_FALSE(rose_to_high("", ""));
}

TEST(PlanRules, LinesForAList) {
    EXPECT_EQ(lines_of("- Time\n\n* A choice\n  \u2022 Her sketchbook  \nMusic"),
              (std::vector<std::string>{"Time", "A choice", "Her sketchbook", "Music"}));
    EXPECT_TRUE(lines_of("").empty());
    EXPECT_TRUE(lines_of(" \n\n").empty());
}

// ---- Who may sign ----

TEST(PlanPermissions, OnlyTheHomesRegisteredManagerSignsOff) {
    auto person = [](Role role, std::optional<std::int64_t> home) {
        return hearth::testing::person_with(1, {{home, role}});
    };
    const Scope child{1, 10, 3, false};
    EXPECT_TRUE(can(person(Role::registered_manager, 10), Action::sign_off_plan, child));
    EXPECT_FALSE(can(person(Role::registered_manager, 11), Action::sign_off_plan, child));
    EXPECT_FALSE(can(person(Role::deputy, 10), Action::sign_off_plan, child));
    EXPECT_FALSE(can(person(Role::support_worker, 10), Action::sign_off_plan, child));
    EXPECT_FALSE(
        can(person(Role::provider_administrator, std::nullopt), Action::sign_off_plan, child));
    EXPECT_FALSE(
        can(person(Role::responsible_individual, std::nullopt), Action::sign_off_plan, child));
    // Writing a version is for the home's staff.
    EXPECT_TRUE(can(person(Role::support_worker, 10), Action::write_plan, child));
    EXPECT_TRUE(can(person(Role::deputy, 10), Action::write_plan, child));
    EXPECT_FALSE(can(person(Role::support_worker, 11), Action::write_plan, child));
    EXPECT_FALSE(can(person(Role::social_worker, std::nullopt), Action::write_plan, child));
    // A child who has left: their plans are read, not written.
    Scope left = child;
    left.child_has_left = true;
    EXPECT_FALSE(can(person(Role::support_worker, 10), Action::write_plan, left));
    EXPECT_TRUE(can(person(Role::support_worker, 10), Action::view_child, left));
}

}  // namespace

}  // namespace plan_rules_test
