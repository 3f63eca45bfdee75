// A child's relevant plans and risk assessments: the kinds as data, the rules of a version's dates,
// views and sharing, and the store: versions never overwritten, a stale write refused, sign-off
// that locks a version, review clocks met and started, the chronology told.
#include <gtest/gtest.h>

#include <set>

#include "children/child_store.hpp"
#include "chronology/chronology_store.hpp"
#include "deadlines/deadline_store.hpp"
#include "organisation/homes.hpp"
#include "plans/plan.hpp"
#include "plans/plan_export.hpp"
#include "plans/plan_glance.hpp"
#include "plans/plan_kinds.hpp"
#include "plans/plan_store.hpp"
#include "platform/auth/accounts.hpp"
#include "test_support.hpp"

using namespace hearth;
using namespace hearth::plans;
using namespace std::chrono_literals;

namespace {

Date date(const char* text) {
    return *parse_date(text);
}

const Date today = date("2026-05-12");

std::string encode(const std::map<std::string, std::string>& fields) {
    std::string body;
    for (const auto& [k, v] : fields)
        body += (body.empty() ? "" : "&") + http::url_encode(k) + "=" + http::url_encode(v);
    return body;
}

std::map<std::string, std::string> behaviour_fields() {
    return {{"section_at_my_best", "Funny and kind"},
            {"section_triggers", "Loud rooms"},
            {"section_what_helps", "Time and a choice of two things\nHer sketchbook"},
            {"section_staff_response", "Stay calm; offer a choice"},
            {"effective_on", "2026-05-12"},
            {"review_by", "2026-08-12"},
            {"reason", "First plan after admission"},
            {"child_views", "I like the sketchbook bit"}};
}

Result<VersionInput> read(const std::map<std::string, std::string>& fields, const char* kind_key,
                          std::optional<Date> previous = std::nullopt) {
    auto form = http::FormData::from_urlencoded(encode(fields));
    if (!form.ok())
        return form.error();
    http::FormReader reader(form.value());
    return read_version(reader, *find_kind(kind_key), today, previous);
}

std::vector<std::string> fields_at_fault(const Error& e) {
    std::vector<std::string> out;
    for (const auto& f : e.fields)
        out.push_back(f.field);
    return out;
}

template <typename T>
std::vector<std::string> fields_at_fault(const Result<T>& r) {
    return r.ok() ? std::vector<std::string>{} : fields_at_fault(r.error());
}

// Whether the refusal says `part` at `field`.
bool says_at(const Error& e, const std::string& field, const std::string& part) {
    for (const auto& f : e.fields) {
        if (f.field == field)
            return f.message.find(part) != std::string::npos;
    }
    return false;
}

template <typename T>
bool says_at(const Result<T>& r, const std::string& field, const std::string& part) {
    return !r.ok() && says_at(r.error(), field, part);
}

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

// ---- The rules of a version ----

TEST(PlanDates, ReviewMustComeAfterTheEffectiveDate) {
    EXPECT_TRUE(date_problems(today, date("2026-05-13"), today, std::nullopt).empty());
    for (const char* review : {"2026-05-12", "2026-05-11"}) {
        auto problems = date_problems(today, date(review), today, std::nullopt);
        ASSERT_EQ(problems.size(), 1u) << review;
        EXPECT_EQ(problems[0].field, "review_by");
        EXPECT_EQ(problems[0].message, "Review by date must be after the effective date");
    }
}

TEST(PlanDates, ReviewIsNoMoreThanSixMonthsAfterTheEffectiveDate) {
    EXPECT_TRUE(date_problems(today, date("2026-11-12"), today, std::nullopt).empty());
    auto late = date_problems(today, date("2026-11-13"), today, std::nullopt);
    ASSERT_EQ(late.size(), 1u);
    EXPECT_EQ(late[0].field, "review_by");
    EXPECT_EQ(late[0].message,
              "Review by date must be within 6 months of the effective date, by 12 November 2026 "
              "at the latest");
    auto decades = date_problems(today, date("2062-05-12"), today, std::nullopt);
    ASSERT_EQ(decades.size(), 1u);
    EXPECT_EQ(decades[0].field, "review_by");
    EXPECT_NE(decades[0].message.find("within 6 months"), std::string::npos);
    // From the last day of a month, six months on is the last day of a shorter month.
    EXPECT_EQ(add_months(date("2026-08-31"), 6), date("2027-02-28"));
    EXPECT_EQ(add_months(date("2027-08-31"), 6), date("2028-02-29"));
    EXPECT_EQ(add_months(date("2026-01-15"), 3), date("2026-04-15"));
    EXPECT_TRUE(
        date_problems(date("2026-08-31"), date("2027-02-28"), date("2026-08-31"), std::nullopt)
            .empty());
    auto short_month =
        date_problems(date("2026-08-31"), date("2027-03-01"), date("2026-08-31"), std::nullopt);
    ASSERT_EQ(short_month.size(), 1u);
    EXPECT_NE(short_month[0].message.find("by 28 February 2027 at the latest"), std::string::npos)
        << short_month[0].message;
}

TEST(PlanDates, ReviewIsNotAlreadyPast) {
    // Effective two months ago, review a week ago: the plan needs reviewing now, not recording.
    auto past = date_problems(date("2026-03-12"), date("2026-05-05"), today, std::nullopt);
    ASSERT_EQ(past.size(), 1u);
    EXPECT_EQ(past[0].field, "review_by");
    EXPECT_NE(past[0].message.find("must be today or later"), std::string::npos);
    EXPECT_TRUE(date_problems(date("2026-03-12"), today, today, std::nullopt).empty());
}

TEST(PlanDates, EffectiveDateIsNotFarAheadNorBeforeTheVersionItReplaces) {
    EXPECT_TRUE(date_problems(date("2026-08-12"), date("2026-09-01"), today, std::nullopt).empty());
    auto ahead = date_problems(date("2026-08-13"), date("2026-09-01"), today, std::nullopt);
    ASSERT_EQ(ahead.size(), 1u);
    EXPECT_EQ(ahead[0].field, "effective_on");
    EXPECT_NE(ahead[0].message.find("no more than 3 months from today"), std::string::npos)
        << ahead[0].message;
    auto before = date_problems(date("2026-05-01"), date("2026-06-01"), today, date("2026-05-02"));
    ASSERT_EQ(before.size(), 1u);
    EXPECT_EQ(before[0].field, "effective_on");
    EXPECT_EQ(before[0].message,
              "Effective date must be on or after 2 May 2026, when the version it replaces took "
              "effect");
    EXPECT_TRUE(
        date_problems(date("2026-05-02"), date("2026-06-01"), today, date("2026-05-02")).empty());
}

TEST(PlanForm, AValidFormBecomesAVersion) {
    auto v = read(behaviour_fields(), "behaviour_plan");
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
    auto v = read(fields, "behaviour_plan");
    ASSERT_FALSE(v.ok());
    EXPECT_EQ(fields_at_fault(v),
              (std::vector<std::string>{"section_triggers", "section_what_helps", "reason",
                                        "child_views", "review_by"}));
    EXPECT_TRUE(says_at(v, "section_triggers", "Enter "));
    EXPECT_TRUE(says_at(v, "section_what_helps", "Enter what helps me"));
    EXPECT_TRUE(says_at(v, "reason", "Enter why this version is being written"));
    EXPECT_TRUE(says_at(v, "child_views", "or say below why they were not asked"));
    EXPECT_TRUE(says_at(v, "review_by", "must be after the effective date"));
}

TEST(PlanForm, TheChildsViewsOrWhyTheyWereNotAsked) {
    auto fields = behaviour_fields();
    fields["child_views"] = "";
    auto none = read(fields, "behaviour_plan");
    ASSERT_FALSE(none.ok());
    EXPECT_EQ(fields_at_fault(none), std::vector<std::string>{"child_views"});
    EXPECT_TRUE(says_at(none, "child_views", "or say below why they were not asked"));
    fields["views_not_asked"] = "Asleep after a late night; key worker will ask tomorrow";
    auto why = read(fields, "behaviour_plan");
    ASSERT_TRUE(why.ok()) << why.error().message;
    EXPECT_EQ(why->views_not_asked, "Asleep after a late night; key worker will ask tomorrow");
}

TEST(PlanForm, ARiskAssessmentNeedsItsLevelAndAPlanHasNone) {
    std::map<std::string, std::string> risk{{"section_the_risk", "May go missing at night"},
                                            {"section_what_reduces", "Agreed times"},
                                            {"section_if_it_happens", "Missing procedure"},
                                            {"effective_on", "2026-05-12"},
                                            {"review_by", "2026-06-12"},
                                            {"reason", "After two late returns"},
                                            {"child_views", "Fair enough"}};
    auto no_level = read(risk, "risk_going_missing");
    ASSERT_FALSE(no_level.ok());
    EXPECT_EQ(fields_at_fault(no_level), std::vector<std::string>{"risk_level"});
    EXPECT_TRUE(says_at(no_level, "risk_level", "Select the level of risk"));
    risk["risk_level"] = "extreme";
    auto extreme = read(risk, "risk_going_missing");
    EXPECT_EQ(fields_at_fault(extreme), std::vector<std::string>{"risk_level"});
    EXPECT_TRUE(says_at(extreme, "risk_level", "from the list"));
    risk["risk_level"] = "high";
    auto ok = read(risk, "risk_going_missing");
    ASSERT_TRUE(ok.ok()) << ok.error().message;
    EXPECT_EQ(ok->risk_level, "high");
    // A plan has no level: the field is one Hearth does not know there.
    auto fields = behaviour_fields();
    fields["risk_level"] = "high";
    auto plan_level = read(fields, "behaviour_plan");
    EXPECT_EQ(fields_at_fault(plan_level), std::vector<std::string>{"risk_level"});
    EXPECT_TRUE(says_at(plan_level, "risk_level", "not a field Hearth knows here"));
}

TEST(PlanForm, SectionsHaveALimitAndUnknownFieldsAreRefused) {
    auto fields = behaviour_fields();
    fields["section_what_helps"] = std::string(longest_section + 1, 'x');
    fields["section_not_a_section"] = "x";
    auto v = read(fields, "behaviour_plan");
    ASSERT_FALSE(v.ok());
    EXPECT_EQ(fields_at_fault(v),
              (std::vector<std::string>{"section_what_helps", "section_not_a_section"}));
    EXPECT_TRUE(says_at(v, "section_what_helps", "characters or fewer"));
    EXPECT_TRUE(says_at(v, "section_not_a_section", "not a field Hearth knows here"));
}

TEST(PlanForm, ReadingTheDatesUsesTheVersionItReplaces) {
    auto v = read(behaviour_fields(), "behaviour_plan", date("2026-05-13"));
    ASSERT_FALSE(v.ok());
    EXPECT_EQ(fields_at_fault(v), std::vector<std::string>{"effective_on"});
    EXPECT_TRUE(
        says_at(v, "effective_on", "on or after 13 May 2026, when the version it replaces"));
}

TEST(PlanForm, AnotherAreaIsNamed) {
    auto form = http::FormData::from_urlencoded("area_name=");
    http::FormReader reader(form.value());
    EXPECT_EQ(read_area_name(reader, *find_kind("risk_other")), "");
    auto status = reader.finish();
    ASSERT_FALSE(status.ok());
    EXPECT_EQ(fields_at_fault(status.error()), std::vector<std::string>{"area_name"});
    EXPECT_TRUE(says_at(status.error(), "area_name", "Enter the area of risk"));
    auto named = http::FormData::from_urlencoded("area_name=Fire+setting");
    http::FormReader named_reader(named.value());
    EXPECT_EQ(read_area_name(named_reader, *find_kind("risk_other")), "Fire setting");
    EXPECT_TRUE(named_reader.finish().ok());
}

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

    auto nobody = read_shared("version=2&shared_on=2026-05-11");
    EXPECT_EQ(fields_at_fault(nobody), std::vector<std::string>{"shared_with"});
    EXPECT_TRUE(says_at(nobody, "shared_with", "Select who it was shared with"));
    auto unknown = read_shared("version=2&shared_with=neighbour&shared_on=2026-05-11");
    EXPECT_EQ(fields_at_fault(unknown), std::vector<std::string>{"shared_with"});
    EXPECT_TRUE(says_at(unknown, "shared_with", "from the list"));
    auto future = read_shared("version=2&shared_with=child&shared_on=2026-05-13");
    EXPECT_EQ(fields_at_fault(future), std::vector<std::string>{"shared_on"});
    EXPECT_TRUE(says_at(future, "shared_on", "today or earlier"));
    auto no_version = read_shared("shared_with=child&shared_on=2026-05-11");
    EXPECT_EQ(fields_at_fault(no_version), std::vector<std::string>{"version"});
    EXPECT_TRUE(says_at(no_version, "version", "Enter version"));

    EXPECT_FALSE(sharing_problem(date("2026-05-11"), date("2026-05-11")).has_value());
    auto early = sharing_problem(date("2026-05-10"), date("2026-05-11"));
    ASSERT_TRUE(early.has_value());
    EXPECT_EQ(early->field, "shared_on");
    EXPECT_NE(early->message.find("on or after 11 May 2026, when this version was written"),
              std::string::npos);
}

TEST(PlanRules, ARiseToHighIsSignificant) {
    EXPECT_TRUE(rose_to_high("", "high"));
    EXPECT_TRUE(rose_to_high("low", "high"));
    EXPECT_TRUE(rose_to_high("medium", "high"));
    EXPECT_FALSE(rose_to_high("high", "high"));
    EXPECT_FALSE(rose_to_high("high", "medium"));
    EXPECT_FALSE(rose_to_high("low", "medium"));
    EXPECT_FALSE(rose_to_high("", ""));
}

TEST(PlanRules, ReviewStandingRunsToTheEndOfTheDayInTheHomesZone) {
    set_display_zone("Europe/London");
    const Date review = date("2026-05-20");
    // British Summer Time: the end of 20 May in London is 23:00 UTC.
    EXPECT_EQ(review_standing(review, *parse_utc("2026-05-12T12:00:00.000Z")).standing,
              deadlines::Standing::upcoming);
    EXPECT_EQ(review_standing(review, *parse_utc("2026-05-14T12:00:00.000Z")).standing,
              deadlines::Standing::due_soon);
    EXPECT_EQ(review_standing(review, *parse_utc("2026-05-20T22:59:00.000Z")).standing,
              deadlines::Standing::due_soon);
    auto over = review_standing(review, *parse_utc("2026-05-20T23:00:00.000Z"));
    EXPECT_EQ(over.standing, deadlines::Standing::overdue);
    EXPECT_TRUE(over.overdue);
    EXPECT_EQ(over.label, "Review overdue");
    EXPECT_EQ(review_standing(review, *parse_utc("2026-05-23T23:00:00.000Z")).in_words,
              "3 days overdue");
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
        Person p;
        p.id = 7;
        p.organisation_id = 1;
        p.memberships = {{home, role}};
        return p;
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

// ---- The store, over a real database ----

class PlanStore : public ::testing::Test {
  protected:
    void SetUp() override {
        // Review dates end at midnight in the home's zone; the tests' instants are in BST.
        set_display_zone("Europe/London");
        db_ = hearth::testing::open_migrated(dir_.file("h.db"));
        Status made = db_->write([&](db::Connection& c) -> Status {
            const std::string at = format_utc(now_);
            auto org = TRY(organisation::create_organisation(c, "Test provider", at));
            home_ = TRY(organisation::create_home(c, org, "Willow House", "SC1", at));
            audit::Actor system{std::nullopt, "test", "", ""};
            writer_ = TRY(accounts::add_person(
                c, {org, "Chris Okafor", "chris@example.org", "RSW", "", false}, system, now_));
            TRY(accounts::give_role(c, writer_, home_, Role::support_worker, system, now_));
            manager_ = TRY(accounts::add_person(
                c, {org, "Sam Carter", "sam@example.org", "RM", "", false}, system, now_));
            TRY(accounts::give_role(c, manager_, home_, Role::registered_manager, system, now_));
            children::ChildDetails d;
            d.first_name = "Aisha";
            d.last_name = "Bennett";
            d.date_of_birth = date("2011-04-17");
            d.sex = "female";
            d.legal_basis = "s31";
            d.placing_authority = "Northshire County Council";
            d.admission_date = date("2024-09-02");
            auto child = TRY(children::admit(c, home_, d, writer(), now_));
            child_ = {child, home_, "Aisha Bennett"};
            return {};
        });
        ASSERT_TRUE(made.ok()) << made.error().message;
    }

    audit::Actor writer() { return {writer_, "Chris Okafor", "192.0.2.1", "r"}; }
    audit::Actor manager() { return {manager_, "Sam Carter", "192.0.2.2", "r"}; }

    VersionInput behaviour(const std::string& helps, Date effective, Date review) {
        auto v = read(behaviour_fields(), "behaviour_plan");
        EXPECT_TRUE(v.ok());
        VersionInput out = v.value();
        for (auto& s : out.sections) {
            if (s.key == "what_helps")
                s.text = helps;
        }
        out.effective_on = effective;
        out.review_by = review;
        return out;
    }
    VersionInput risk(const std::string& level, Date effective, Date review) {
        VersionInput v;
        for (const auto& s : find_kind("risk_going_missing")->sections)
            v.sections.push_back({s.key, s.label, s.required ? "Written" : ""});
        v.risk_level = level;
        v.effective_on = effective;
        v.review_by = review;
        v.reason = "Assessment after a late return";
        v.child_views = "Fair";
        return v;
    }

    Result<std::int64_t> start_plan(const char* kind, const VersionInput& v,
                                    const std::string& area = "") {
        return db_->write([&](db::Connection& c) {
            return start(c, child_, *find_kind(kind), area, v, writer(), now_);
        });
    }
    Result<int> new_version(std::int64_t plan, int read_version, const VersionInput& v) {
        return db_->write([&](db::Connection& c) {
            return add_version(c, child_, plan, read_version, v, writer(), now_);
        });
    }
    Status sign(std::int64_t plan, int version) {
        return db_->write(
            [&](db::Connection& c) { return sign_off(c, child_, plan, version, manager(), now_); });
    }
    Plan plan(std::int64_t id) {
        auto found = db_->read([&](db::Connection& c) { return find(c, id); });
        EXPECT_TRUE(found.ok() && found.value());
        return **found;
    }
    std::vector<Version> all_versions(std::int64_t id) {
        auto list = db_->read([&](db::Connection& c) { return versions(c, id, std::nullopt, 50); });
        EXPECT_TRUE(list.ok());
        return list.value();
    }
    std::vector<deadlines::Deadline> clocks(std::int64_t id) {
        auto list =
            db_->read([&](db::Connection& c) { return deadlines::for_source(c, "plan", id); });
        EXPECT_TRUE(list.ok());
        return list.value();
    }
    std::vector<chronology::Entry> timeline() {
        auto page = db_->read(
            [&](db::Connection& c) { return chronology::for_child(c, child_.child_id, {}, 50); });
        EXPECT_TRUE(page.ok());
        return page->entries;
    }
    std::int64_t count(const std::string& sql) {
        return hearth::testing::count_rows(*db_, sql, {child_.child_id});
    }

    hearth::testing::TempDir dir_;
    std::unique_ptr<db::Database> db_;
    Timestamp now_ = hearth::testing::test_now();
    std::int64_t home_ = 0, writer_ = 0, manager_ = 0;
    Subject child_;
};

TEST_F(PlanStore, StartingAPlanWritesVersionOneItsClockItsChronologyAndItsAudit) {
    auto id = start_plan("behaviour_plan", behaviour("Time", today, date("2026-08-12")));
    ASSERT_TRUE(id.ok()) << id.error().message;
    Plan p = plan(id.value());
    EXPECT_EQ(p.kind, "behaviour_plan");
    EXPECT_EQ(p.current.number, 1);
    EXPECT_EQ(p.current.author_name, "Chris Okafor");
    EXPECT_EQ(section_text(p.current.sections, "what_helps"), "Time");
    EXPECT_FALSE(p.current.signed_at.has_value());
    EXPECT_FALSE(p.last_signed.has_value());

    auto c = clocks(id.value());
    ASSERT_EQ(c.size(), 1u);
    EXPECT_EQ(c[0].kind, "plan_review");
    EXPECT_EQ(c[0].state, deadlines::State::open);
    EXPECT_EQ(c[0].owner_role, "registered_manager");
    EXPECT_EQ(c[0].child_id, child_.child_id);
    EXPECT_EQ(c[0].title, "Review Aisha Bennett's individual behaviour plan");
    EXPECT_EQ(c[0].link, "/children/" + std::to_string(child_.child_id) + "/plans/" +
                             std::to_string(id.value()));
    // The end of 12 August in London (BST) is 23:00 UTC.
    EXPECT_EQ(format_utc(c[0].due_at), "2026-08-12T23:00:00.000Z");

    auto t = timeline();
    ASSERT_FALSE(t.empty());
    EXPECT_EQ(t[0].kind, "plan");
    EXPECT_EQ(t[0].title, "Individual behaviour plan, version 1");
    EXPECT_EQ(t[0].summary, "First plan after admission");
    EXPECT_EQ(t[0].source_type, "plan_version");
    EXPECT_FALSE(t[0].significant);
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE record_type = 'plan_version' AND "
                    "action = 'create' AND child_id = $1"),
              1);
}

TEST_F(PlanStore, OnePlanOfEachKindAndAnotherAreaByItsName) {
    ASSERT_TRUE(start_plan("behaviour_plan", behaviour("Time", today, date("2026-08-12"))).ok());
    auto twice = start_plan("behaviour_plan", behaviour("Other", today, date("2026-08-12")));
    ASSERT_FALSE(twice.ok());
    EXPECT_EQ(twice.error().kind, ErrorKind::conflict);
    EXPECT_EQ(twice.error().message,
              "Aisha Bennett already has an individual behaviour plan. Open it and write a new "
              "version with your changes.");
    // Nothing of the refused plan was written.
    EXPECT_EQ(count("SELECT COUNT(*) FROM plans WHERE child_id = $1"), 1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM deadlines WHERE child_id = $1"), 1);

    ASSERT_TRUE(
        start_plan("risk_other", risk("low", today, date("2026-06-12")), "Fire setting").ok());
    ASSERT_TRUE(
        start_plan("risk_other", risk("low", today, date("2026-06-12")), "Road safety").ok());
    auto same_area =
        start_plan("risk_other", risk("low", today, date("2026-06-12")), "Fire setting");
    ASSERT_FALSE(same_area.ok());
    EXPECT_EQ(same_area.error().kind, ErrorKind::conflict);
    EXPECT_NE(same_area.error().message.find("Aisha Bennett already has a"), std::string::npos)
        << same_area.error().message;
    EXPECT_NE(same_area.error().message.find("Fire setting"), std::string::npos)
        << same_area.error().message;

    auto list = db_->read([&](db::Connection& c) { return for_child(c, child_.child_id); });
    ASSERT_TRUE(list.ok());
    ASSERT_EQ(list->size(), 3u);
    // In the order of the kinds, then by area.
    EXPECT_EQ((*list)[0].kind, "behaviour_plan");
    EXPECT_EQ((*list)[1].area_name, "Fire setting");
    EXPECT_EQ((*list)[2].area_name, "Road safety");
}

TEST_F(PlanStore, ANewVersionKeepsTheOldOneMeetsItsClockAndStartsTheNext) {
    auto id = start_plan("behaviour_plan", behaviour("Time", today, date("2026-08-12")));
    ASSERT_TRUE(id.ok());
    now_ += 48h;
    auto v2 = new_version(id.value(), 1,
                          behaviour("Time and music", date("2026-05-14"), date("2026-07-14")));
    ASSERT_TRUE(v2.ok()) << v2.error().message;
    EXPECT_EQ(v2.value(), 2);

    auto list = all_versions(id.value());
    ASSERT_EQ(list.size(), 2u);
    EXPECT_EQ(list[0].number, 2);
    EXPECT_EQ(section_text(list[0].sections, "what_helps"), "Time and music");
    EXPECT_EQ(list[1].number, 1);
    EXPECT_EQ(section_text(list[1].sections, "what_helps"), "Time");
    EXPECT_EQ(list[1].review_by, date("2026-08-12"));

    auto c = clocks(id.value());
    ASSERT_EQ(c.size(), 2u);
    // Soonest first: the new clock (14 July) comes before the met one (12 August).
    EXPECT_EQ(c[0].state, deadlines::State::open);
    EXPECT_EQ(format_utc(c[0].due_at), "2026-07-14T23:00:00.000Z");
    EXPECT_EQ(c[1].state, deadlines::State::met);
    EXPECT_EQ(c[1].met_at, now_);
    EXPECT_EQ(c[1].met_by_name, "Chris Okafor");
    EXPECT_EQ(c[1].met_note, "Version 2 written: First plan after admission");

    auto t = timeline();
    ASSERT_GE(t.size(), 2u);
    EXPECT_EQ(t[0].title, "Individual behaviour plan, version 2");
}

TEST_F(PlanStore, AStaleWriteIsRefusedAndChangesNothing) {
    auto id = start_plan("behaviour_plan", behaviour("Time", today, date("2026-08-12")));
    ASSERT_TRUE(id.ok());
    ASSERT_TRUE(
        new_version(id.value(), 1, behaviour("First change", today, date("2026-08-12"))).ok());
    const auto clocks_before = clocks(id.value()).size();
    const auto entries_before = timeline().size();
    auto stale = new_version(id.value(), 1, behaviour("Second change", today, date("2026-08-12")));
    ASSERT_FALSE(stale.ok());
    EXPECT_EQ(stale.error().kind, ErrorKind::conflict);
    EXPECT_EQ(stale.error().message,
              "Chris Okafor wrote version 2 of this plan after you opened version 1.");
    auto ahead = new_version(id.value(), 7, behaviour("Ahead", today, date("2026-08-12")));
    ASSERT_FALSE(ahead.ok());
    EXPECT_EQ(ahead.error().kind, ErrorKind::conflict);
    EXPECT_EQ(ahead.error().message,
              "Chris Okafor wrote version 2 of this plan after you opened version 7.");
    EXPECT_EQ(all_versions(id.value()).size(), 2u);
    EXPECT_EQ(plan(id.value()).current.number, 2);
    EXPECT_EQ(section_text(plan(id.value()).current.sections, "what_helps"), "First change");
    EXPECT_EQ(clocks(id.value()).size(), clocks_before);
    EXPECT_EQ(timeline().size(), entries_before);
}

TEST_F(PlanStore, DatesAreCheckedAgainstTheVersionReplacedBeforeAnythingIsWritten) {
    auto id = start_plan("behaviour_plan", behaviour("Time", today, date("2026-08-12")));
    ASSERT_TRUE(id.ok());
    auto early = new_version(id.value(), 1, behaviour("x", date("2026-05-11"), date("2026-06-01")));
    ASSERT_FALSE(early.ok());
    EXPECT_EQ(early.error().kind, ErrorKind::invalid_input);
    EXPECT_EQ(fields_at_fault(early.error()), std::vector<std::string>{"effective_on"});
    EXPECT_TRUE(says_at(early, "effective_on", "when the version it replaces took effect"));
    EXPECT_EQ(plan(id.value()).current.number, 1);
    auto c = clocks(id.value());
    ASSERT_EQ(c.size(), 1u);
    EXPECT_EQ(c[0].state, deadlines::State::open);  // not met by the refused version
}

TEST_F(PlanStore, SignOffRecordsWhoAndWhenAndLocksTheVersion) {
    auto id = start_plan("behaviour_plan", behaviour("Time", today, date("2026-08-12")));
    ASSERT_TRUE(id.ok());
    now_ += 3h;
    Status signed_ok = sign(id.value(), 1);
    ASSERT_TRUE(signed_ok.ok()) << signed_ok.error().message;
    Plan p = plan(id.value());
    ASSERT_TRUE(p.current.signed_at.has_value());
    EXPECT_EQ(*p.current.signed_at, now_);
    EXPECT_EQ(p.current.signed_by_name, "Sam Carter");
    EXPECT_EQ(p.last_signed, 1);

    // Signed once only.
    Status again = sign(id.value(), 1);
    ASSERT_FALSE(again.ok());
    EXPECT_EQ(again.error().kind, ErrorKind::conflict);
    EXPECT_EQ(again.error().message,
              "Version 1 was already signed off by Sam Carter on 12 May 2026, 18:30.");

    auto t = timeline();
    ASSERT_FALSE(t.empty());
    EXPECT_EQ(t[0].title, "Individual behaviour plan, version 1 signed off");
    EXPECT_EQ(t[0].source_type, "plan_sign_off");
    EXPECT_EQ(t[0].summary, "Signed off by Sam Carter, registered manager.");
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'sign_off' AND child_id = $1"),
              1);

    // A change to a signed version is a new version; the signed one stays as it was.
    const Version signed_version = p.current;
    now_ += 1h;
    ASSERT_TRUE(new_version(id.value(), 1, behaviour("Changed", today, date("2026-08-12"))).ok());
    auto list = all_versions(id.value());
    ASSERT_EQ(list.size(), 2u);
    EXPECT_FALSE(list[0].signed_at.has_value());
    EXPECT_EQ(list[1].signed_at, signed_version.signed_at);
    EXPECT_EQ(list[1].signed_by_name, "Sam Carter");
    EXPECT_EQ(sections_json(list[1].sections), sections_json(signed_version.sections));
    EXPECT_EQ(list[1].reason, signed_version.reason);
    EXPECT_EQ(list[1].review_by, signed_version.review_by);
    p = plan(id.value());
    EXPECT_EQ(p.current.number, 2);
    EXPECT_EQ(p.last_signed, 1);
}

TEST_F(PlanStore, OnlyTheCurrentVersionIsSigned) {
    auto id = start_plan("behaviour_plan", behaviour("Time", today, date("2026-08-12")));
    ASSERT_TRUE(id.ok());
    ASSERT_TRUE(new_version(id.value(), 1, behaviour("Changed", today, date("2026-08-12"))).ok());
    Status old = sign(id.value(), 1);
    ASSERT_FALSE(old.ok());
    EXPECT_EQ(old.error().kind, ErrorKind::conflict);
    EXPECT_EQ(old.error().message,
              "Version 1 is no longer the current version: Chris Okafor wrote version 2 since. "
              "Read it before you sign it off.");
    EXPECT_FALSE(all_versions(id.value())[1].signed_at.has_value());
    Status missing = sign(id.value(), 9);
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().kind, ErrorKind::conflict);
    EXPECT_EQ(missing.error().message,
              "Version 9 is no longer the current version: Chris Okafor wrote version 2 since. "
              "Read it before you sign it off.");
    EXPECT_TRUE(sign(id.value(), 2).ok());
}

TEST_F(PlanStore, ARiskRisingToHighIsASignificantEvent) {
    auto id = start_plan("risk_going_missing", risk("medium", today, date("2026-06-12")));
    ASSERT_TRUE(id.ok());
    EXPECT_FALSE(timeline()[0].significant);
    EXPECT_EQ(timeline()[0].kind, "risk_assessment");
    EXPECT_EQ(timeline()[0].title, "Risk assessment: going missing, version 1");
    ASSERT_TRUE(new_version(id.value(), 1, risk("high", today, date("2026-06-12"))).ok());
    EXPECT_TRUE(timeline()[0].significant);
    ASSERT_TRUE(new_version(id.value(), 2, risk("high", today, date("2026-06-12"))).ok());
    EXPECT_FALSE(timeline()[0].significant);
    ASSERT_TRUE(new_version(id.value(), 3, risk("low", today, date("2026-06-12"))).ok());
    EXPECT_FALSE(timeline()[0].significant);
    // A first assessment at high is a rise from nothing.
    auto high = start_plan("risk_self_harm", risk("high", today, date("2026-06-12")));
    ASSERT_TRUE(high.ok());
    EXPECT_TRUE(timeline()[0].significant);
}

TEST_F(PlanStore, ClocksWithASetTime) {
    auto id = start_plan("behaviour_plan", behaviour("Time", today, date("2026-05-20")));
    ASSERT_TRUE(id.ok());
    auto c = clocks(id.value());
    ASSERT_EQ(c.size(), 1u);
    EXPECT_EQ(deadlines::standing(c[0], now_), deadlines::Standing::upcoming);
    EXPECT_EQ(deadlines::standing(c[0], *parse_utc("2026-05-20T12:00:00.000Z")),
              deadlines::Standing::due_soon);
    const Timestamp late = *parse_utc("2026-05-21T09:00:00.000Z");
    EXPECT_EQ(deadlines::standing(c[0], late), deadlines::Standing::overdue);
    // Escalated to the registered manager once overdue; a late new version meets it, late.
    auto escalated =
        db_->write([&](db::Connection& conn) { return deadlines::escalate_overdue(conn, late); });
    ASSERT_TRUE(escalated.ok());
    EXPECT_EQ(escalated.value(), 1);
    now_ = late;
    ASSERT_TRUE(
        new_version(id.value(), 1, behaviour("Reviewed", date("2026-05-21"), date("2026-08-21")))
            .ok());
    c = clocks(id.value());
    ASSERT_EQ(c.size(), 2u);
    EXPECT_EQ(deadlines::standing(c[0], late), deadlines::Standing::met_late);
    EXPECT_EQ(deadlines::standing(c[1], late), deadlines::Standing::upcoming);
}

TEST_F(PlanStore, SharingIsRecordedAfterTheVersionWithoutChangingIt) {
    auto id = start_plan("behaviour_plan", behaviour("Time", today, date("2026-08-12")));
    ASSERT_TRUE(id.ok());
    ASSERT_TRUE(sign(id.value(), 1).ok());
    Status shared = db_->write([&](db::Connection& c) {
        return record_sharing(c, id.value(), {1, {"child", "iro"}, "Aunt Jo", today}, writer(),
                              now_);
    });
    ASSERT_TRUE(shared.ok()) << shared.error().message;
    auto list = all_versions(id.value());
    auto loaded = db_->read([&](db::Connection& c) -> Result<std::vector<Version>> {
        TRY(load_sharing(c, list));
        return list;
    });
    ASSERT_TRUE(loaded.ok());
    const auto& sharing = loaded->front().sharing;
    ASSERT_EQ(sharing.size(), 3u);
    EXPECT_EQ(sharing[0].with, "child");
    EXPECT_EQ(sharing[1].with, "iro");
    EXPECT_EQ(sharing[2].with, "other");
    EXPECT_EQ(sharing[2].named, "Aunt Jo");
    EXPECT_EQ(sharing[0].recorded_by, "Chris Okafor");
    EXPECT_TRUE(loaded->front().signed_at.has_value());

    Status early = db_->write([&](db::Connection& c) {
        return record_sharing(c, id.value(), {1, {"child"}, "", date("2026-05-11")}, writer(),
                              now_);
    });
    ASSERT_FALSE(early.ok());
    EXPECT_EQ(fields_at_fault(early.error()), std::vector<std::string>{"shared_on"});
    EXPECT_TRUE(says_at(early, "shared_on", "when this version was written"));
    Status no_version = db_->write([&](db::Connection& c) {
        return record_sharing(c, id.value(), {4, {"child"}, "", today}, writer(), now_);
    });
    ASSERT_FALSE(no_version.ok());
    EXPECT_EQ(fields_at_fault(no_version.error()), std::vector<std::string>{"version"});
    EXPECT_TRUE(says_at(no_version, "version", "This plan has no version 4"));
    EXPECT_EQ(hearth::testing::count_rows(*db_, "SELECT COUNT(*) FROM plan_sharing"), 3);
}

TEST_F(PlanStore, TheChildsPageAtAGlance) {
    auto empty = db_->read([&](db::Connection& c) {
        return glance(c, child_.child_id, std::vector<std::string>{}, now_);
    });
    ASSERT_TRUE(empty.ok());
    EXPECT_FALSE((*empty)["has_plans"].get<bool>());
    EXPECT_FALSE((*empty)["has_risks"].get<bool>());
    EXPECT_FALSE((*empty)["has_key_workers"].get<bool>());
    EXPECT_FALSE((*empty)["has_interactions"].get<bool>());

    auto behaviour_id = start_plan(
        "behaviour_plan", behaviour("- Time\n- Her sketchbook", today, date("2026-08-12")));
    ASSERT_TRUE(behaviour_id.ok());
    auto risk_id = start_plan("risk_going_missing", risk("high", today, date("2026-05-20")));
    ASSERT_TRUE(risk_id.ok());
    ASSERT_TRUE(sign(risk_id.value(), 1).ok());
    auto data = db_->read([&](db::Connection& c) {
        return glance(c, child_.child_id, {"Chris Okafor", "Dana Lewis"},
                      *parse_utc("2026-05-22T09:00:00.000Z"));
    });
    ASSERT_TRUE(data.ok());
    const auto& g = data.value();
    EXPECT_EQ(g["key_workers"], nlohmann::json({"Chris Okafor", "Dana Lewis"}));
    EXPECT_EQ(g["key_worker_label"], "Key workers");
    ASSERT_EQ(g["plans"].size(), 1u);
    EXPECT_EQ(g["plans"][0]["title"], "Individual behaviour plan");
    EXPECT_TRUE(g["plans"][0]["awaiting_sign_off"].get<bool>());
    ASSERT_EQ(g["plans"][0]["strategies"].size(), 1u);
    EXPECT_EQ(g["plans"][0]["strategies"][0]["label"], "What helps me");
    EXPECT_EQ(g["plans"][0]["strategies"][0]["lines"], nlohmann::json({"Time", "Her sketchbook"}));
    ASSERT_EQ(g["risks"].size(), 1u);
    EXPECT_EQ(g["risks"][0]["title"], "Risk assessment: going missing");
    EXPECT_EQ(g["risks"][0]["level"], "High");
    EXPECT_EQ(g["risks"][0]["review_by"], "20 May 2026");
    EXPECT_TRUE(g["risks"][0]["overdue"].get<bool>());
    EXPECT_FALSE(g["risks"][0]["awaiting_sign_off"].get<bool>());
    EXPECT_TRUE(g["has_overdue"].get<bool>());
    EXPECT_EQ(g["overdue_text"], "1 review is overdue");
    EXPECT_EQ(g["interactions"], nlohmann::json::array());
}

}  // namespace

namespace {

using hearth::testing::Browser;
using hearth::testing::header_of;
using hearth::testing::InProcessApp;

// Nothing typed is lost to an idle sign-out: a new version posted after the session went idle
// comes back, after signing in again, to the plan's own address as the form with what was typed.
TEST(PlanPagesStore, AVersionTypedWhenSignedOutComesBack) {
    InProcessApp app;
    Browser b(app);
    b.sign_in_or_fail("rsw1.willow@example.org");
    // Child 1's individual behaviour plan (the demo's plan 2) is at version 2.
    ASSERT_EQ(b.get("/children/1/plans/2/versions/new").status, 200);
    const std::string csrf = b.csrf;
    app.clock.advance(std::chrono::minutes(app.config.session_idle_minutes + 1));
    http::Response posted =
        b.post("/children/1/plans/2",
               "csrf_token=" + http::url_encode(csrf) +
                   "&version=2&section_what_helps=" + http::url_encode("A walk before tea") +
                   "&reason=" + http::url_encode("Typed before a long phone call"));
    ASSERT_EQ(posted.status, 303);
    const std::string location = header_of(posted, "Location");
    const auto at = location.find("draft=");
    ASSERT_NE(at, std::string::npos) << location;
    const std::string draft = location.substr(at + 6, location.find('&', at) - at - 6);
    EXPECT_EQ(
        hearth::testing::count_rows(*app.db, "SELECT current_version FROM plans WHERE id = 2"), 2);

    b.sign_in_or_fail("rsw1.willow@example.org");
    http::Response form = b.get("/children/1/plans/2?draft=" + draft);
    ASSERT_EQ(form.status, 200);
    EXPECT_NE(form.body.find("We kept what you were typing"), std::string::npos);
    EXPECT_NE(form.body.find(">A walk before tea</textarea>"), std::string::npos);
    EXPECT_NE(form.body.find(">Typed before a long phone call</textarea>"), std::string::npos);
    EXPECT_NE(form.body.find("name=\"version\" value=\"2\""), std::string::npos);
    // Without the draft, the same address is the plan itself.
    http::Response plan = b.get("/children/1/plans/2");
    EXPECT_EQ(plan.body.find("We kept what you were typing"), std::string::npos);
    EXPECT_NE(plan.body.find("History of this plan"), std::string::npos);
}

}  // namespace

namespace {

// The export of a child's whole record holds every plan with every version, oldest first.
TEST_F(PlanStore, EverythingAboutTheChildsPlansForTheirExport) {
    auto id = start_plan("behaviour_plan", behaviour("Time", today, date("2026-08-12")));
    ASSERT_TRUE(id.ok());
    ASSERT_TRUE(sign(id.value(), 1).ok());
    ASSERT_TRUE(
        new_version(id.value(), 1, behaviour("Time and music", today, date("2026-08-12"))).ok());
    Status shared = db_->write([&](db::Connection& c) {
        return record_sharing(c, id.value(), {1, {"child"}, "", today}, writer(), now_);
    });
    ASSERT_TRUE(shared.ok());
    auto all = db_->read([&](db::Connection& c) { return everything_about(c, child_.child_id); });
    ASSERT_TRUE(all.ok()) << all.error().detail;
    const auto& plans = (*all)["plans"];
    ASSERT_EQ(plans.size(), 1u);
    EXPECT_EQ(plans[0]["title"], "Individual behaviour plan");
    EXPECT_EQ(plans[0]["current_version"], 2);
    ASSERT_EQ(plans[0]["versions"].size(), 2u);
    EXPECT_EQ(plans[0]["versions"][0]["version"], 1);
    EXPECT_EQ(plans[0]["versions"][0]["signed_off"]["by"], "Sam Carter");
    EXPECT_EQ(plans[0]["versions"][0]["sharing"][0]["with"], "child");
    EXPECT_EQ(plans[0]["versions"][1]["version"], 2);
    EXPECT_TRUE(plans[0]["versions"][1]["signed_off"].is_null());

    // Read a page at a time, none is left out however many there are.
    for (int v = 2; v < 123; ++v) {
        ASSERT_TRUE(new_version(id.value(), v,
                                behaviour("Week " + std::to_string(v), today, date("2026-08-12")))
                        .ok());
    }
    all = db_->read([&](db::Connection& c) { return everything_about(c, child_.child_id); });
    ASSERT_TRUE(all.ok());
    const auto& versions_out = (*all)["plans"][0]["versions"];
    ASSERT_EQ(versions_out.size(), 123u);
    for (int i = 0; i < 123; ++i)
        EXPECT_EQ(versions_out[static_cast<std::size_t>(i)]["version"], i + 1);

    // The printable document: the plan's title, then every version with its parts in words.
    const auto blocks = export_blocks_of(*all);
    ASSERT_EQ(blocks.size(), 124u);
    EXPECT_EQ(blocks[0]["text"], "Individual behaviour plan");
    const auto first = blocks[1]["rows"].dump();
    EXPECT_NE(first.find("Signed off"), std::string::npos);
    EXPECT_NE(first.find("Sam Carter"), std::string::npos);
    EXPECT_NE(first.find("What helps me"), std::string::npos);
    EXPECT_NE(first.find("The child, 2026-05-12"), std::string::npos);
    EXPECT_EQ(export_blocks_of({{"plans", nlohmann::json::array()}})[0]["text"],
              "No plans or risk assessments were written.");
    EXPECT_EQ(export_section().key, "plans");
}

}  // namespace
