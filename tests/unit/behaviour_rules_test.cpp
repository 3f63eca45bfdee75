// The rules of an incident and what follows it, as pure functions: the fields an incident must
// carry, who is offered a debrief, learning shared without names, what Reg 40 still waits for,
// the warmth picture, and the figures of restrictive practice.
#include <gtest/gtest.h>

#include "behaviour/after_incident.hpp"
#include "behaviour/incident.hpp"
#include "behaviour/notification.hpp"
#include "behaviour/warmth.hpp"
#include "intervention/figures.hpp"
#include "notifications/serious_event.hpp"
#include "platform/months.hpp"
#include "test_support.hpp"

// Each test file's own names, apart from the others built beside it (tests/CMakeLists.txt).
namespace behaviour_rules_test {

using namespace hearth;
using namespace hearth::behaviour;
using hearth::testing::fields_of;
using hearth::testing::FormRule;
using hearth::testing::json_form_of;
using hearth::testing::message_at;
using hearth::testing::refused_at;
using hearth::testing::test_now;
using hearth::testing::typed_over;
using hearth::testing::utc;

namespace {

const Choosable choosable{{{1, "Aisha Bennett"}, {2, "Ben Cole"}},
                          {{11, "Chris Okafor"}, {12, "Dana Lewis"}}};

nlohmann::json an_incident() {
    return {{"occurred_on", "2026-05-12"},
            {"occurred_time", "14:40"},
            {"ended_time", "15:00"},
            {"children", {"1"}},
            {"location", "The kitchen"},
            {"antecedents", "Asked to turn the game off for tea"},
            {"triggers", {"demand"}},
            {"behaviour", "Shouted and threw a cup at the wall"},
            {"communicating", {"control"}},
            {"deescalation", "A calm voice\nOffered a choice\nGave space"},
            {"afterwards", "Came down for tea twenty minutes later"},
            {"restrictive_measure", "none"},
            {"staff_involved", {"11"}}};
}

Result<IncidentDetails> read(const nlohmann::json& fields) {
    auto form = json_form_of(fields);
    http::FormReader reader(form);
    return read_incident(reader, choosable, test_now());
}

using hearth::testing::InLondon;
using IncidentForm = InLondon;
using Reg40 = InLondon;
using RestraintFigures = InLondon;
using StaffDebriefs = InLondon;
using Warmth = InLondon;

}  // namespace

TEST_F(IncidentForm, AnIncidentWithWhatCameBeforeAndWhatHelped) {
    auto d = read(an_incident());
    ASSERT_TRUE(d.ok()) << d.error().message;
    EXPECT_EQ(d->deescalation,
              (std::vector<std::string>{"A calm voice", "Offered a choice", "Gave space"}));
    ASSERT_TRUE(d->ended_at);
    EXPECT_EQ(*d->ended_at - d->occurred_at, std::chrono::minutes{20});
    EXPECT_EQ(title_of(*d), "Incident: The kitchen");
    EXPECT_FALSE(needs_staff_debriefs(*d));
    EXPECT_EQ(from_json(to_json(*d)).behaviour, d->behaviour);
}

TEST_F(IncidentForm, AHoldsClocksRunFromWhenItBeganWhichTheFormAsks) {
    auto typed = an_incident();
    typed["restrictive_measure"] = "physical_intervention";
    typed["measure_began_on"] = "2026-05-12";
    typed["measure_began_time"] = "14:52";
    auto d = read(typed);
    ASSERT_TRUE(d.ok()) << d.error().message;
    ASSERT_TRUE(d->measure_began_at);
    EXPECT_EQ(*d->measure_began_at - d->occurred_at, std::chrono::minutes{12});
    EXPECT_EQ(measure_began(*d), *d->measure_began_at);
    EXPECT_EQ(from_json(to_json(*d)).measure_began_at, d->measure_began_at);
    // Nobody held: the time offered is not kept, and the clocks would run from the incident.
    typed["restrictive_measure"] = "none";
    auto calm = read(typed);
    ASSERT_TRUE(calm.ok()) << calm.error().message;
    EXPECT_FALSE(calm->measure_began_at);
    EXPECT_EQ(measure_began(*calm), calm->occurred_at);
}

TEST_F(IncidentForm, EveryMissingPartIsNamedAtItsField) {
    auto d = read({{"occurred_on", "2026-05-12"}, {"occurred_time", "14:40"}});
    ASSERT_FALSE(d.ok());
    EXPECT_EQ(fields_of(d.error()),
              (std::vector<std::string>{"children", "location", "antecedents", "behaviour",
                                        "restrictive_measure", "afterwards", "staff_involved"}));
}

// Each rule of the incident form: typed over a valid incident, refused at its field with why.
// clang-format off
const FormRule incident_rules[] = {
    {"ARestrictiveMeasureNeedsTheDeescalationTriedFirst",
     {{"restrictive_measure", "physical_intervention"}, {"deescalation", ""},
      {"measure_began_on", "2026-05-12"}, {"measure_began_time", "14:45"}},
     "deescalation", "last resort"},
    {"AHoldSaysWhenItBeganItsClocksRunFromThen",
     {{"restrictive_measure", "physical_intervention"}, {"measure_began_on", "2026-05-12"}},
     "measure_began_time", "Enter the time the hold or restriction began"},
    {"AHoldBeganDuringItsIncidentNotBefore",
     {{"restrictive_measure", "restriction_of_liberty"}, {"measure_began_on", "2026-05-12"},
      {"measure_began_time", "14:30"}},
     "measure_began_time", "cannot have begun before the incident began"},
    {"AHoldBeganBeforeItsIncidentWasOver",
     {{"restrictive_measure", "physical_intervention"}, {"measure_began_on", "2026-05-12"},
      {"measure_began_time", "15:10"}},
     "measure_began_time", "before the incident was over"},
    {"TheEndComesAfterTheBeginning", {{"ended_time", "14:00"}},
     "ended_time", "after the time it started"},
    {"ChildrenAreChosenFromThoseOfTheHome", {{"children", {"9"}}},
     "children", "from the list"},
    {"StaffAreChosenFromThoseOfTheHome", {{"staff_involved", {"99"}}},
     "staff_involved", "from the list"},
    {"StaffAssaultedAreAmongTheStaffInvolved", {{"staff_assaulted", {"12"}}},
     "staff_assaulted", "Dana Lewis is not among the staff involved"},
    {"AnIncidentCannotBeInTheFuture", {{"occurred_time", "23:00"}, {"ended_time", nullptr}},
     "occurred_time", "now or earlier"},
};
// clang-format on

class IncidentFormRule : public InLondon, public ::testing::WithParamInterface<FormRule> {};

TEST_P(IncidentFormRule, IsRefusedAtItsFieldWithWhy) {
    EXPECT_TRUE(refused_at(read(typed_over(an_incident(), GetParam().typed)), GetParam().field,
                           GetParam().words));
}

INSTANTIATE_TEST_SUITE_P(IncidentForm, IncidentFormRule, ::testing::ValuesIn(incident_rules),
                         hearth::testing::RuleName());

TEST_F(IncidentForm, AnIncidentPastMidnightEndsTheNextDay) {
    auto past_midnight = an_incident();
    past_midnight["occurred_on"] = "2026-05-11";
    past_midnight["occurred_time"] = "23:40";
    past_midnight["ended_on"] = "2026-05-12";
    past_midnight["ended_time"] = "00:20";
    auto late = read(past_midnight);
    ASSERT_TRUE(late.ok()) << late.error().message;
    EXPECT_EQ(*late->ended_at - late->occurred_at, std::chrono::minutes{40});
}

TEST_F(StaffDebriefs, EveryoneAfterAHoldAndEachAssaultedMemberOfStaff) {
    IncidentDetails d;
    d.staff_involved = {11, 12};
    EXPECT_FALSE(needs_staff_debriefs(d));
    d.staff_assaulted = {12};
    EXPECT_TRUE(needs_staff_debriefs(d));
    EXPECT_EQ(staff_to_debrief(d), std::vector<std::int64_t>{12});
    d.restrictive_measure = "physical_intervention";
    EXPECT_EQ(staff_to_debrief(d), (std::vector<std::int64_t>{11, 12}));
}

TEST_F(StaffDebriefs, LearningIsSharedWithoutNames) {
    const std::vector<std::string> names{"Aisha", "Bennett", "Kai", "Chris", "Grant"};
    EXPECT_EQ(names_in("Aisha settled when we gave her space", names),
              std::vector<std::string>{"Aisha"});
    EXPECT_EQ(names_in("Kai's plan helped", names), std::vector<std::string>{"Kai"});
    EXPECT_TRUE(names_in("The Kaiser roll at lunch", names).empty());
    EXPECT_TRUE(names_in("We grant young people choices", names).empty());
    EXPECT_TRUE(names_in("Tell young people about changes early", names).empty());

    auto form = http::FormData::from_json(
        R"({"person_id": 11, "held_on": "2026-05-12", "held_time": "15:10", "held_by": 12,
            "wellbeing": "struggling", "support": ["supervision"],
            "learning": "Chris found the hold hard", "share_learning": true})");
    http::FormReader reader(form.value());
    auto d = read_staff_debrief(reader, choosable.staff, names, utc("2026-05-12T13:40:00.000Z"),
                                test_now());
    ASSERT_FALSE(d.ok());
    EXPECT_EQ(fields_of(d.error()), std::vector<std::string>{"learning"});
    EXPECT_NE(d.error().fields.front().message.find("Chris"), std::string::npos);
}

TEST_F(StaffDebriefs, HeldWithSomeoneElseAndSupportOffered) {
    auto form = http::FormData::from_json(
        R"({"person_id": 11, "held_on": "2026-05-12", "held_time": "15:10", "held_by": 11,
            "wellbeing": "hurt"})");
    http::FormReader reader(form.value());
    auto d = read_staff_debrief(reader, choosable.staff, {}, utc("2026-05-12T13:40:00.000Z"),
                                test_now());
    ASSERT_FALSE(d.ok());
    EXPECT_EQ(fields_of(d.error()), (std::vector<std::string>{"held_by", "support"}));
    EXPECT_NE(message_at(d.error(), "held_by").find("with someone else"), std::string::npos);
    EXPECT_NE(message_at(d.error(), "support").find("Choose the support offered"),
              std::string::npos);
    StaffDebriefDetails hurt;
    hurt.wellbeing = "hurt";
    EXPECT_TRUE(needs_manager(hurt));
    hurt.wellbeing = "shaken";
    EXPECT_FALSE(needs_manager(hurt));
}

// Each rule of a child's account, typed over one given after the incident in their words.
// clang-format off
const FormRule account_rules[] = {
    {"TheirWordsOrWhyThereAreNone", {{"words", nullptr}}, "words", "in their own words"},
    {"GivenAfterTheIncidentBegan", {{"given_time", "12:00"}}, "given_time", "after the incident began"},
};
// clang-format on

class ChildAccountRule : public InLondon, public ::testing::WithParamInterface<FormRule> {};

TEST_P(ChildAccountRule, IsRefusedAtItsFieldWithWhy) {
    const nlohmann::json given{
        {"given_on", "2026-05-12"}, {"given_time", "15:20"}, {"words", "I was angry"}};
    auto form = json_form_of(typed_over(given, GetParam().typed));
    http::FormReader reader(form);
    EXPECT_TRUE(refused_at(read_account(reader, {1}, utc("2026-05-12T13:40:00.000Z"), test_now()),
                           GetParam().field, GetParam().words));
}

INSTANTIATE_TEST_SUITE_P(ChildAccounts, ChildAccountRule, ::testing::ValuesIn(account_rules),
                         hearth::testing::RuleName());

TEST_F(Reg40, EachEventNamesWhoMustBeToldAsTheRegulationDoes) {
    using notifications::required_recipients;
    const auto& death = *notifications::event_kind("death");
    EXPECT_EQ(
        required_recipients(death, true, "Northshire County Council", "Westmere City Council"),
        (std::vector<std::string>{"ofsted", "placing_authority", "secretary_of_state",
                                  "host_authority", "integrated_care_board"}));
    // The home's own authority placed the child: told once, as the placing authority.
    EXPECT_EQ(required_recipients(death, true, "Northshire County Council",
                                  " northshire  county council"),
              (std::vector<std::string>{"ofsted", "placing_authority", "secretary_of_state",
                                        "integrated_care_board"}));
    // Not knowing where the home is does not excuse telling it.
    EXPECT_EQ(required_recipients(*notifications::event_kind("allegation_against_staff"), true, "",
                                  "Westmere City Council"),
              (std::vector<std::string>{"ofsted", "placing_authority", "host_authority"}));
    EXPECT_EQ(required_recipients(*notifications::event_kind("police_serious_incident"), true,
                                  "Northshire County Council", "Westmere City Council"),
              (std::vector<std::string>{"ofsted", "placing_authority"}));
    // A referral of staff about no one child has no one placing authority.
    EXPECT_EQ(required_recipients(*notifications::event_kind("staff_referral"), false,
                                  "Northshire County Council", ""),
              (std::vector<std::string>{"ofsted"}));
    EXPECT_FALSE(notifications::same_authority("", ""));
}

TEST_F(Reg40, MetWhenTheLastRequiredRecipientWasToldAndNeverLaterForOthers) {
    const Timestamp known = utc("2026-05-12T14:00:00.000Z");
    std::vector<notifications::Recipient> all{{"ofsted", true}, {"placing_authority", true}};
    EXPECT_EQ(notifications::still_to_tell(all),
              (std::vector<std::string>{"Ofsted (HMCI)", "The placing authority"}));
    EXPECT_FALSE(notifications::met_at(all));
    all[0].told_at = known + std::chrono::hours{2};
    EXPECT_FALSE(notifications::met_at(all));
    all[1].told_at = known + std::chrono::hours{5};
    // A parent told two days later was never required: the clock was met at five hours.
    notifications::Recipient parent{"parent", false};
    parent.told_at = known + std::chrono::hours{48};
    all.push_back(parent);
    EXPECT_TRUE(notifications::still_to_tell(all).empty());
    EXPECT_EQ(notifications::met_at(all), known + std::chrono::hours{5});
}

TEST_F(Warmth, PraiseBesideIncidentsAndConsequencesByMonth) {
    const auto months = months_ending(Date{std::chrono::year{2026} / 5 / 12}, 3);
    ASSERT_EQ(months, (std::vector<std::string>{"2026-03", "2026-04", "2026-05"}));
    const std::vector<chronology::Occurrence> occurrences{
        {"praise", utc("2026-03-02T10:00:00.000Z")},
        {"praise", utc("2026-05-01T10:00:00.000Z")},
        {"praise", utc("2026-05-02T10:00:00.000Z")},
        {"praise", utc("2026-05-03T10:00:00.000Z")},
        {"incident", utc("2026-05-04T10:00:00.000Z")},
        {"consequence", utc("2026-05-04T11:00:00.000Z")},
        {"physical_intervention", utc("2026-05-04T10:10:00.000Z")},
        // 23:30 UTC on 30 April is 00:30 on 1 May in London: May's.
        {"incident", utc("2026-04-30T23:30:00.000Z")},
        {"incident", utc("2025-01-01T10:00:00.000Z")},
    };
    const auto rows = warmth_by_month(occurrences, months);
    ASSERT_EQ(rows.size(), 3u);
    EXPECT_EQ(rows[0].praise, 1);
    EXPECT_EQ(rows[1].incidents, 0);
    EXPECT_EQ(rows[2].praise, 3);
    EXPECT_EQ(rows[2].incidents, 2);
    EXPECT_EQ(rows[2].consequences, 1);
    EXPECT_EQ(rows[2].restraints, 1);
    EXPECT_DOUBLE_EQ(*warmth_ratio(3, 2, 1), 1.0);
    EXPECT_FALSE(warmth_ratio(3, 0, 0));
    EXPECT_EQ(warmth_words(12, 2, 1), "4 moments of praise for every incident or consequence");
    EXPECT_EQ(warmth_words(5, 2, 0), "2.5 moments of praise for every incident or consequence");
    EXPECT_EQ(warmth_words(1, 0, 0), "1 moment of praise, and no incidents or consequences");
    EXPECT_EQ(warmth_words(0, 0, 0), "Nothing recorded yet");
}

TEST_F(RestraintFigures, PatternsByTimeDayStaffAndDuration) {
    using intervention::IncidentRow;
    using intervention::RestraintRow;
    const std::vector<std::string> months{"2026-04", "2026-05"};
    const std::vector<IncidentRow> incidents{
        {1, utc("2026-05-04T18:00:00.000Z"), {"demand", "family_news"}},
        {1, utc("2026-05-06T18:00:00.000Z"), {"demand"}},
        {1, utc("2026-03-06T18:00:00.000Z"), {"school"}},
    };
    // Monday 4 May 19:10 and Wednesday 6 May 07:10 in London; one in April for child 3.
    const std::vector<RestraintRow> restraints{
        {1, 2, utc("2026-05-04T18:10:00.000Z"), 4, {11, 12}, false},
        {1, 2, utc("2026-05-06T06:10:00.000Z"), 12, {11}, true},
        {1, 3, utc("2026-04-20T12:00:00.000Z"), 35, {12}, false},
    };
    const auto f = intervention::build_figures(months, incidents, restraints);
    EXPECT_EQ(f.incidents, 2);
    EXPECT_EQ(f.restraints, 3);
    EXPECT_EQ(f.children_restrained, 2);
    EXPECT_EQ(f.injuries, 1);
    EXPECT_EQ(f.months[1].restraints, 2);
    EXPECT_EQ(f.months[1].children_restrained, 1);
    EXPECT_EQ(f.by_trigger.at("demand"), 2);
    EXPECT_EQ(f.by_trigger.count("school"), 0u);
    EXPECT_EQ(f.by_band[6], 1);     // 18:00 to 20:59
    EXPECT_EQ(f.by_band[2], 1);     // 06:00 to 08:59
    EXPECT_EQ(f.by_weekday[0], 2);  // Monday 4 May and Monday 20 April
    EXPECT_EQ(f.by_weekday[2], 1);  // Wednesday
    EXPECT_EQ(f.by_staff.at(11), 2);
    EXPECT_EQ(f.by_staff.at(12), 2);
    EXPECT_EQ(f.by_duration[0], 1);
    EXPECT_EQ(f.by_duration[2], 1);
    EXPECT_EQ(f.by_duration[4], 1);
    EXPECT_EQ(intervention::band_label(6), "18:00 to 20:59");

    const auto counts = intervention::ofsted_counts(restraints, utc("2026-05-01T00:00:00.000Z"),
                                                    utc("2026-05-06T06:10:00.000Z"));
    EXPECT_EQ(counts.restraints, 1);
    EXPECT_EQ(counts.children_restrained, 1);
}

TEST_F(RestraintFigures, CsvFieldsAreQuotedAndNeverFormulas) {
    EXPECT_EQ(intervention::csv_field("Willow House"), "Willow House");
    EXPECT_EQ(intervention::csv_field("Willow, House"), "\"Willow, House\"");
    EXPECT_EQ(intervention::csv_field("The \"Willow\""), "\"The \"\"Willow\"\"\"");
    EXPECT_EQ(intervention::csv_field("=HYPERLINK(1)"), "'=HYPERLINK(1)");
}

}  // namespace behaviour_rules_test
