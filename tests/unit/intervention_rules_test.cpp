// The rules of a Reg 35 record, as pure functions: the lawful purposes of restraint and the words
// that say it was for something else, the sanctions Reg 19 prohibits, the fields the record must
// carry, the three clocks, who may sign, and accredited training.
#include <gtest/gtest.h>

#include "intervention/certificate.hpp"
#include "intervention/measure.hpp"
#include "intervention/reg35.hpp"
#include "intervention/technique_store.hpp"
#include "intervention/wording.hpp"
#include "test_support.hpp"

// Each test file's own names, apart from the others built beside it (tests/CMakeLists.txt).
namespace intervention_rules_test {

using namespace hearth;
using namespace hearth::intervention;
using hearth::testing::fields_of;
using hearth::testing::FormRule;
using hearth::testing::json_form_of;
using hearth::testing::message_at;
using hearth::testing::refused_at;
using hearth::testing::test_now;
using hearth::testing::typed_over;

namespace {

// The incident began at 14:00 UTC on the test day (15:00 in London).
const Timestamp incident_began = *parse_utc("2026-05-12T14:00:00.000Z");

const Choosable choosable{{{11, "Chris Okafor"}, {12, "Dana Lewis"}, {13, "Jo Whitfield"}},
                          default_techniques()};

nlohmann::json a_hold() {
    return {{"started_on", "2026-05-12"},
            {"started_time", "15:05"},
            {"ended_time", "15:11"},
            {"location", "The lounge"},
            {"behaviour", "Picked up a chair to throw at another young person"},
            {"steps_to_avoid", "Calm voice; space; offered a walk"},
            {"description", "Two staff guided her to the sofa and held her arms"},
            {"used_by", {"11", "12"}},
            {"lawful_purpose", "prevent_injury_to_others"},
            {"why_necessary", "She was about to throw the chair at another young person"},
            {"technique", "seated_hold"},
            {"position", "seated"},
            {"effect", "She calmed and was let go"},
            {"rights_offered", {"medical", "advocate"}}};
}

nlohmann::json a_consequence() {
    return {{"started_on", "2026-05-12"},
            {"started_time", "15:30"},
            {"behaviour", "Broke a window"},
            {"steps_to_avoid", "Talked about it"},
            {"consequence_kind", "reparation"},
            {"description", "Pays £5 of his pocket money towards the window"},
            {"lasts", "Two weeks"},
            {"for_child_alone", "yes"},
            {"used_by", {"13"}},
            {"child_view", "It's fair, I did break it"},
            {"effectiveness", "helped"}};
}

Result<MeasureDetails> read(const std::string& kind, const nlohmann::json& fields) {
    auto form = json_form_of(fields);
    http::FormReader reader(form);
    return read_measure(reader, kind, choosable, incident_began, test_now());
}

using hearth::testing::InLondon;
using InterventionTraining = InLondon;
using LawfulPurpose = InLondon;
using MeasureForm = InLondon;
using ProhibitedSanctions = InLondon;
using Reg35Clocks = InLondon;
using Reg35SignOff = InLondon;

}  // namespace

// ---- What restraint is for ----

TEST_F(LawfulPurpose, WordsThatSayItWasForSomethingElseAreFound) {
    const std::pair<const char*, const char*> unlawful[] = {
        {"To keep good order in the house", "good_order"},
        {"He would not comply with the instruction to go to his room", "compliance"},
        {"To make him do as he was told", "compliance"},
        {"She did not do as she was told so we held her", "compliance"},
        {"Held as a sanction for swearing", "sanction"},
        {"To enforce the consequence given earlier", "sanction"},
        {"As a punishment for breaking the TV", "sanction"},
        {"Pain compliance was used to release his grip", "pain"},
    };
    for (const auto& [text, key] : unlawful) {
        const Refusal* r = unlawful_purpose_in(text);
        ASSERT_NE(r, nullptr) << text;
        EXPECT_EQ(r->key, key) << text;
        EXPECT_FALSE(r->why.empty());
    }
}

TEST_F(LawfulPurpose, LawfulReasonsAreNotRefused) {
    for (const char* text : {
             "She was about to hit another young person with a chair",
             "He was running towards the road and would have been hit by a car",
             "To stop her hurting herself with broken glass",
             "He was going to hurt her: talking and space had not worked",
             "As a consequence of the kicking the window was about to break",
             "He was kicking the glass door, which would have shattered",
         }) {
        EXPECT_EQ(unlawful_purpose_in(text), nullptr) << text;
    }
}

// ---- What a consequence may not be (Reg 19) ----

TEST_F(ProhibitedSanctions, EachProhibitionIsFoundInPlainWords) {
    const std::pair<const char*, const char*> prohibited[] = {
        {"No pudding tonight", "food_drink"},
        {"Misses his evening snack", "food_drink"},
        {"Dessert taken away for the week", "food_drink"},
        {"No phone call to mum this evening", "contact"},
        {"Cancel family time on Saturday", "contact"},
        {"Loses his visit with his nan", "contact"},
        {"Not allowed to see friends: no friends round this week", "contact"},
        {"Must wear pyjamas all day", "clothing"},
        {"Kept up late and woken up early", "sleep"},
        {"Inhaler taken away until he apologises", "medication"},
        {"Fined £5", "fine"},
        {"Loses £3 of pocket money", "fine"},
        {"A strip search of her room and her", "intimate_search"},
        {"Wheelchair taken away for the evening", "aids"},
        {"Everyone loses the trip because of what he did", "group"},
        {"A smack on the hand", "corporal"},
    };
    for (const auto& [text, key] : prohibited) {
        const Refusal* r = prohibited_sanction_in(text, "loss_of_privilege");
        ASSERT_NE(r, nullptr) << text;
        EXPECT_EQ(r->key, key) << text;
    }
}

TEST_F(ProhibitedSanctions, LawfulConsequencesAreNotRefused) {
    for (const char* text : {
             "No games console until Saturday",
             "Helps cook dinner for everyone on Sunday as a way to say sorry",
             "Apologise to everyone at the house meeting",
             "Loses all of his screen time tonight",
             "Comes home an hour earlier on Friday",
             "Paints the dented wall with staff",
             "Writes a letter of apology to the neighbour",
             "She was fine about it",
         }) {
        EXPECT_EQ(prohibited_sanction_in(text, "loss_of_privilege"), nullptr) << text;
    }
}

TEST_F(ProhibitedSanctions, MoneyTowardsDamageIsReparationAndAllowed) {
    EXPECT_EQ(
        prohibited_sanction_in("Pays £5 of his pocket money towards the window", "reparation"),
        nullptr);
    ASSERT_NE(prohibited_sanction_in("Pays £5 of his pocket money towards the window",
                                     "loss_of_privilege"),
              nullptr);
    EXPECT_EQ(prohibited_sanction_in("Loses £5 of pocket money", "loss_of_privilege")->key, "fine");
}

// ---- The record ----

TEST_F(MeasureForm, AHoldWithEveryFieldIsARecord) {
    auto m = read("physical_intervention", a_hold());
    ASSERT_TRUE(m.ok()) << m.error().message;
    EXPECT_EQ(duration_minutes(*m), 6);
    EXPECT_EQ(m->lawful_purpose, "prevent_injury_to_others");
    EXPECT_EQ(m->used_by, (std::vector<std::int64_t>{11, 12}));
    EXPECT_FALSE(any_injury(*m));
    EXPECT_EQ(rights_not_offered(*m).size(), 3u);
    EXPECT_EQ(title_of(*m, "Seated hold (two adults)"),
              "Physical intervention: Seated hold (two adults), 6 minutes");
    EXPECT_EQ(from_json(to_json(*m)).why_necessary, m->why_necessary);
}

TEST_F(MeasureForm, AnUnlawfulPurposeIsRefusedWithWhy) {
    for (const char* key : {"good_order", "compliance", "sanction", "absconding", "pain"}) {
        auto fields = a_hold();
        fields["lawful_purpose"] = key;
        auto m = read("physical_intervention", fields);
        ASSERT_FALSE(m.ok()) << key;
        EXPECT_EQ(message_at(m.error(), "lawful_purpose"), find_unlawful_purpose(key)->why);
    }
    auto fields = a_hold();
    fields["why_necessary"] = "He would not go to his room, so for good order we escorted him";
    auto m = read("physical_intervention", fields);
    ASSERT_FALSE(m.ok());
    EXPECT_EQ(message_at(m.error(), "why_necessary"), find_unlawful_purpose("good_order")->why);
}

TEST_F(MeasureForm, AHoldCannotLastDays) {
    auto days = a_hold();
    days["started_on"] = "2026-05-09";
    days["ended_on"] = "2026-05-12";
    auto long_hold = read("physical_intervention", days);
    ASSERT_FALSE(long_hold.ok());
    // Started before its incident, and a hold of three days.
    EXPECT_EQ(fields_of(long_hold.error()),
              (std::vector<std::string>{"started_time", "ended_time"}));
    EXPECT_NE(message_at(long_hold.error(), "ended_time").find("cannot last more than 120 minutes"),
              std::string::npos);
}

TEST_F(MeasureForm, AnInjuryWithAMedicalCheckAndItsOutcomeIsARecord) {
    auto hurt = a_hold();
    hurt["injury_to_child"] = "A red mark on her wrist";
    hurt["medical_check_offered"] = true;
    hurt["medical_check_outcome"] = "Seen by the nurse at 17:00: no treatment needed";
    EXPECT_TRUE(read("physical_intervention", hurt).ok());
}

TEST_F(MeasureForm, AMeasurePlannedInTheEhcPlanWithItsReferenceRunsNoClocks) {
    auto exempt = a_hold();
    exempt["ehc_exempt"] = true;
    exempt["ehc_reference"] = "EHC plan section F, paragraph 4";
    auto ok = read("physical_intervention", exempt);
    ASSERT_TRUE(ok.ok());
    EXPECT_TRUE(ok->ehc_exempt);
    EXPECT_FALSE(clocks_apply(ok->ehc_exempt));
}

TEST_F(MeasureForm, AConsequenceCarriesTheChildsView) {
    auto c = read("consequence", a_consequence());
    ASSERT_TRUE(c.ok()) << c.error().message;
    EXPECT_EQ(c->child_view, "It's fair, I did break it");
    EXPECT_EQ(title_of(*c, ""), "Consequence: Putting right or paying towards damage (reparation)");
}

// A rule of the Reg 35 record, typed over a hold (or, for a consequence, over a consequence)
// with every field.
struct MeasureRule {
    const char* name;
    const char* kind;
    nlohmann::json typed;
    const char* field;
    const char* words;
};

void PrintTo(const MeasureRule& rule, std::ostream* out) {
    *out << rule.name << ": a " << rule.kind << " with " << rule.typed.dump();
}

// clang-format off
const MeasureRule measure_rules[] = {
    {"RestraintWithoutALawfulPurpose", "physical_intervention", {{"lawful_purpose", nullptr}},
     "lawful_purpose", "last resort"},
    {"TheEndMustComeAfterTheStart", "physical_intervention", {{"ended_time", "15:00"}},
     "ended_time", "after the time it started"},
    {"ARestrictionEndsAfterItStarted", "restriction_of_liberty",
     {{"ended_on", "2026-05-12"}, {"ended_time", "15:04"}},
     "ended_time", "after the time it started"},
    {"AMeasureIsUsedDuringItsIncidentNotBefore", "physical_intervention",
     {{"started_time", "14:30"}, {"ended_time", "14:35"}},
     "started_time", "must be after the incident began"},
    {"WhoHeldIsChosenFromTheIncidentsStaff", "physical_intervention", {{"used_by", {"99"}}},
     "used_by", "from the staff involved in the incident"},
    {"WhoHeldIsNamedOnce", "physical_intervention", {{"observed_by", {"12"}}},
     "observed_by", "Dana Lewis held them"},
    {"AnInjuryNeedsAMedicalCheckOffered", "physical_intervention",
     {{"injury_to_child", "A red mark on her wrist"}},
     "medical_check_offered", "offer a medical check"},
    {"AMedicalCheckNeedsItsOutcome", "physical_intervention",
     {{"injury_to_child", "A red mark on her wrist"}, {"medical_check_offered", true}},
     "medical_check_outcome", "Enter what came of the medical check"},
    {"TheEhcExemptionNeedsItsReference", "physical_intervention", {{"ehc_exempt", true}},
     "ehc_reference", "Enter where the EHC plan provides for this measure"},
    {"AConsequenceCarriesTheChildsView", "consequence", {{"child_view", nullptr}},
     "child_view", "what they think of it"},
    {"AConsequenceSaysHowWellItWorked", "consequence", {{"effectiveness", nullptr}},
     "effectiveness", "how well it worked"},
};
// clang-format on

class MeasureFormRule : public InLondon, public ::testing::WithParamInterface<MeasureRule> {};

TEST_P(MeasureFormRule, IsRefusedAtItsFieldWithWhy) {
    const auto& rule = GetParam();
    const auto base = std::string(rule.kind) == "consequence" ? a_consequence() : a_hold();
    EXPECT_TRUE(refused_at(read(rule.kind, typed_over(base, rule.typed)), rule.field, rule.words));
}

INSTANTIATE_TEST_SUITE_P(MeasureForm, MeasureFormRule, ::testing::ValuesIn(measure_rules),
                         hearth::testing::RuleName());

TEST_F(MeasureForm, AProhibitedConsequenceIsRefusedWithTheReason) {
    auto kind = a_consequence();
    kind["consequence_kind"] = "contact";
    auto k = read("consequence", kind);
    ASSERT_FALSE(k.ok());
    EXPECT_EQ(message_at(k.error(), "consequence_kind"), find_prohibited_sanction("contact")->why);

    auto words = a_consequence();
    words["consequence_kind"] = "loss_of_privilege";
    words["description"] = "No pudding for a week";
    auto w = read("consequence", words);
    ASSERT_FALSE(w.ok());
    EXPECT_EQ(message_at(w.error(), "description"), find_prohibited_sanction("food_drink")->why);

    auto group = a_consequence();
    group["for_child_alone"] = "no";
    auto g = read("consequence", group);
    ASSERT_FALSE(g.ok());
    EXPECT_EQ(message_at(g.error(), "for_child_alone"), find_prohibited_sanction("group")->why);
}

// ---- The three clocks and who may stop them ----

TEST_F(Reg35Clocks, RunFromTheMomentTheMeasureWasUsed) {
    const Timestamp used = *parse_utc("2026-05-12T19:40:00.000Z");
    const auto c = clocks_for(used);
    EXPECT_EQ(format_utc(c.record_due), "2026-05-13T19:40:00.000Z");
    EXPECT_EQ(format_utc(c.staff_review_due), "2026-05-14T19:40:00.000Z");
    EXPECT_EQ(format_utc(c.child_review_due), "2026-05-17T19:40:00.000Z");
    EXPECT_TRUE(clocks_apply(false));
    EXPECT_FALSE(clocks_apply(true));
}

TEST_F(Reg35SignOff, OnlyTheRegisteredManagerOrSomeoneAuthorised) {
    const std::vector<std::int64_t> used_by{11, 12};
    const Signer manager{1, true, false};
    const Signer deputy{13, false, true};
    const Signer unauthorised{14, false, false};
    EXPECT_FALSE(sign_off_problem(manager, Stage::staff, used_by, {11}));
    EXPECT_FALSE(sign_off_problem(deputy, Stage::staff, used_by, {12, 11}));
    auto p = sign_off_problem(unauthorised, Stage::staff, used_by, {11});
    ASSERT_TRUE(p);
    EXPECT_EQ(p->field, "signed");
    EXPECT_NE(p->message.find("authorised"), std::string::npos);
    auto child = sign_off_problem(unauthorised, Stage::child, used_by, {});
    ASSERT_TRUE(child);
    EXPECT_EQ(child->field, "signed");
    EXPECT_NE(child->message.find("authorised"), std::string::npos);
}

TEST_F(Reg35SignOff, WhoUsedTheMeasureMakesNeitherSignOff) {
    const Signer holder{11, false, true};
    auto p = sign_off_problem(holder, Stage::staff, {11, 12}, {12});
    ASSERT_TRUE(p);
    EXPECT_EQ(p->field, "signed");
    EXPECT_NE(p->message.find("You used this measure"), std::string::npos);
    // Nor do they confirm the conversation with the child: that is an independent look too.
    auto child = sign_off_problem(holder, Stage::child, {11, 12}, {});
    ASSERT_TRUE(child);
    EXPECT_EQ(child->field, "signed");
    EXPECT_NE(child->message.find("Reg 35(3)(c)"), std::string::npos) << child->message;
    EXPECT_FALSE(sign_off_problem({13, false, true}, Stage::child, {11, 12}, {}));
}

TEST_F(Reg35SignOff, EveryoneWhoUsedTheMeasureIsToBeSpokenTo) {
    EXPECT_EQ(not_yet_spoken_to({11, 12, 13}, {12}), (std::vector<std::int64_t>{11, 13}));
    EXPECT_TRUE(not_yet_spoken_to({11, 12}, {12, 11}).empty());
}

TEST_F(Reg35SignOff, TheStaffSpokenToMustHaveUsedTheMeasure) {
    const Signer manager{1, true, false};
    auto missing = sign_off_problem(manager, Stage::staff, {11}, {});
    ASSERT_TRUE(missing);
    EXPECT_EQ(missing->field, "spoke_to");
    EXPECT_NE(missing->message.find("Choose the members of staff"), std::string::npos);
    auto other = sign_off_problem(manager, Stage::staff, {11}, {11, 13});
    ASSERT_TRUE(other);
    EXPECT_EQ(other->field, "spoke_to");
    EXPECT_NE(other->message.find("Choose only people who used the measure"), std::string::npos);
}

TEST_F(Reg35SignOff, TheFormNeedsTheDayTheNoteAndTheConfirmation) {
    auto form = http::FormData::from_json(R"({"version": 1, "spoke_to": 11})");
    ASSERT_TRUE(form.ok());
    http::FormReader reader(form.value());
    auto r = read_review(reader, Stage::staff, Date{std::chrono::year{2026} / 5 / 12},
                         Date{std::chrono::year{2026} / 5 / 13});
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(fields_of(r.error()), (std::vector<std::string>{"spoke_on", "note", "signed"}));

    auto early = http::FormData::from_json(
        R"({"version": 1, "spoke_on": "2026-05-11", "note": "Talked", "child_said": "OK", "signed": true})");
    http::FormReader early_reader(early.value());
    auto e = read_review(early_reader, Stage::child, Date{std::chrono::year{2026} / 5 / 12},
                         Date{std::chrono::year{2026} / 5 / 13});
    ASSERT_FALSE(e.ok());
    EXPECT_EQ(fields_of(e.error()), std::vector<std::string>{"spoke_on"});
}

// ---- Accredited training ----

TEST_F(InterventionTraining, StandingFromTheLatestExpiry) {
    const Date day{std::chrono::year{2026} / 5 / 12};
    EXPECT_EQ(standing_on({}, day), Standing::missing);
    EXPECT_EQ(standing_on({Date{std::chrono::year{2026} / 5 / 11}}, day), Standing::expired);
    EXPECT_EQ(standing_on({Date{std::chrono::year{2026} / 5 / 12}}, day), Standing::expiring_soon);
    EXPECT_EQ(standing_on({Date{std::chrono::year{2026} / 6 / 11}}, day), Standing::expiring_soon);
    EXPECT_EQ(standing_on({Date{std::chrono::year{2026} / 6 / 12}}, day), Standing::current);
    EXPECT_EQ(
        standing_on({Date{std::chrono::year{2025} / 1 / 1}, Date{std::chrono::year{2027} / 1 / 1}},
                    day),
        Standing::current);
}

TEST_F(InterventionTraining, ACertificateExpiresAfterItWasAwardedAndWithinThreeYears) {
    auto read_cert = [](const nlohmann::json& j) {
        auto form = json_form_of(j);
        http::FormReader reader(form);
        return read_certificate(reader, choosable.staff, Date{std::chrono::year{2026} / 5 / 12});
    };
    EXPECT_TRUE(read_cert({{"person_id", 11},
                           {"course", "Accredited holds, level 2"},
                           {"awarded_on", "2026-05-01"},
                           {"expires_on", "2027-05-01"}})
                    .ok());
    auto backwards = read_cert({{"person_id", 11},
                                {"course", "Accredited holds"},
                                {"awarded_on", "2026-05-01"},
                                {"expires_on", "2026-04-01"}});
    ASSERT_FALSE(backwards.ok());
    EXPECT_EQ(fields_of(backwards.error()), std::vector<std::string>{"expires_on"});
    auto decades = read_cert({{"person_id", 11},
                              {"course", "Accredited holds"},
                              {"awarded_on", "2026-05-01"},
                              {"expires_on", "2036-05-01"}});
    ASSERT_FALSE(decades.ok());
    EXPECT_EQ(fields_of(decades.error()), std::vector<std::string>{"expires_on"});
    EXPECT_NE(message_at(decades.error(), "expires_on").find("more than 3 years"),
              std::string::npos);
    auto stranger = read_cert({{"person_id", 99},
                               {"course", "Accredited holds"},
                               {"awarded_on", "2026-05-01"},
                               {"expires_on", "2027-05-01"}});
    ASSERT_FALSE(stranger.ok());
    EXPECT_EQ(fields_of(stranger.error()), std::vector<std::string>{"person_id"});
}

TEST(Techniques, AKeyIsTheLabelInLowerCaseWordsJoinedByUnderscores) {
    EXPECT_EQ(technique_key("Figure of four (two adults)"), "figure_of_four_two_adults");
    EXPECT_EQ(technique_key("  Half-shield, one adult! "), "half_shield_one_adult");
    EXPECT_EQ(technique_key("(  )"), "");
}

}  // namespace intervention_rules_test
