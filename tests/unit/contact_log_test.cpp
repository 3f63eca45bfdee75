// The contact log on a set clock (a Tuesday, 15:30 in London): a contact is refused without who,
// which form, when, who supervises it, which way a letter went, or how it went for the child;
// contact with someone under a restriction covering that form is refused unless the person
// recording says why; a visit at the home planned in school hours says why, and how the other
// children were considered. A planned contact records what became of it once; a concern about what
// a contact said is raised with the social worker, and its clock is met only by recording the
// follow-up they agreed, at that moment. On SQLite, and on PostgreSQL when HEARTH_TEST_PG_URL is
// set.
#include <gtest/gtest.h>

#include "case_record_fixture.hpp"
#include "contact/contact_log_store.hpp"
#include "contact/restriction_store.hpp"
#include "contact/school_hours_store.hpp"
#include "deadlines/deadline_store.hpp"

namespace contact_log_test {

using namespace hearth;
using namespace hearth::testing;

contact::RestrictionInForce restriction_of_calls() {
    contact::RestrictionInForce r;
    r.id = 7;
    r.family_member_id = 3;
    r.person = "Ryan Ward";
    r.details.forms = {"phone", "visit_at_home"};
    r.details.starts_on = date("2026-05-01");
    r.details.ends_on = date("2026-05-31");
    r.basis_label = "A court order";
    return r;
}

TEST(ContactLogRule, ARestrictionCoversItsPersonItsFormsAndItsDays) {
    const std::vector<contact::RestrictionInForce> all{restriction_of_calls()};
    EXPECT_TRUE(contact::restriction_covering(all, 3, "", "phone", test_today()));
    EXPECT_TRUE(
        contact::restriction_covering(all, std::nullopt, " ryan  WARD", "phone", test_today()))
        << "the same name, however it was typed";
    EXPECT_FALSE(contact::restriction_covering(all, 4, "Jade Evans", "phone", test_today()));
    EXPECT_FALSE(contact::restriction_covering(all, 3, "", "letter", test_today()))
        << "letters are not restricted";
    EXPECT_FALSE(contact::restriction_covering(all, 3, "", "phone", date("2026-06-01")))
        << "after it ends";
}

TEST(ContactLogRule, SchoolHoursAreWeekdaysFromTheirStartToTheirEnd) {
    set_display_zone("Europe/London");
    const contact::SchoolHours usual;
    EXPECT_TRUE(contact::in_school_hours(usual, utc("2026-05-12T08:00:00.000Z")))
        << "09:00 in London on a Tuesday";
    EXPECT_FALSE(contact::in_school_hours(usual, utc("2026-05-12T14:30:00.000Z")))
        << "15:30: school is out";
    EXPECT_FALSE(contact::in_school_hours(usual, utc("2026-05-16T09:00:00.000Z"))) << "Saturday";
    contact::SchoolHours none;
    none.in_school = false;
    EXPECT_FALSE(contact::in_school_hours(none, utc("2026-05-12T09:00:00.000Z")));
    EXPECT_EQ(contact::describe(usual), "08:30 to 15:30, Monday to Friday");
}

http::FormData form_of(const std::map<std::string, std::string>& values) {
    std::string body;
    for (const auto& [k, v] : values) {
        body += (body.empty() ? "" : "&") + k + "=" + http::url_encode(v);
    }
    return http::FormData::from_urlencoded(body).value();
}

bool names(const Error& e, const std::string& field) {
    for (const auto& f : e.fields) {
        if (f.field == field) {
            return true;
        }
    }
    return false;
}

// In the home's zone, as the server reads every form.
contact::LogContext log_context() {
    set_display_zone("Europe/London");
    contact::LogContext context;
    context.family = {3, 4};
    context.restrictions = {restriction_of_calls()};
    context.now = test_now();
    return context;
}

// A call with Mum that happened this afternoon: the form every refusal below changes one part of.
std::map<std::string, std::string> a_call() {
    return {{"state", "happened"},         {"family_member_id", "4"}, {"form", "phone"},
            {"on", "2026-05-12"},          {"at", "14:00"},           {"supervision", "none"},
            {"staff_view", "Chatty after"}};
}

struct Refusal {
    const char* name;
    std::vector<std::pair<std::string, std::string>> fields;
    const char* field;
};

class ContactLogForm : public ::testing::TestWithParam<Refusal> {};

TEST_P(ContactLogForm, IsRefusedAtItsField) {
    auto values = a_call();
    for (const auto& [k, v] : GetParam().fields) {
        values[k] = v;
    }
    auto form = form_of(values);
    http::FormReader reader(form);
    auto read = contact::read_contact(reader, log_context());
    ASSERT_FALSE(read.ok());
    EXPECT_TRUE(names(read.error(), GetParam().field)) << read.error().message;
}

const Refusal log_refusals[] = {
    {"NoOne", {{"family_member_id", ""}}, "family_member_id"},
    {"NotOnTheFamilyList", {{"family_member_id", "99"}}, "family_member_id"},
    {"NoForm", {{"form", ""}}, "form"},
    {"HappenedLaterThanNow", {{"at", "18:00"}}, "on"},
    {"PlannedEarlierThanNow", {{"state", "planned"}}, "on"},
    {"SupervisedByNoOne", {{"supervision", "external"}}, "supervised_by"},
    {"ALetterGoingNoWay", {{"form", "letter"}}, "direction"},
    {"ACallThroughTheSocialWorker", {{"through_social_worker", "on"}}, "through_social_worker"},
    {"HappenedWithoutHowItWent", {{"staff_view", ""}}, "staff_view"},
    {"WithARestrictedPersonWithoutWhy", {{"family_member_id", "3"}}, "restriction_why"},
    {"AVisitInSchoolHoursWithoutWhy",
     {{"state", "planned"},
      {"form", "visit_at_home"},
      {"on", "2026-05-13"},
      {"at", "10:00"},
      {"others_considered", "They are at school too"}},
     "school_hours_why"},
    {"APlannedVisitWithoutTheOtherChildren",
     {{"state", "planned"}, {"form", "visit_at_home"}, {"on", "2026-05-13"}, {"at", "17:00"}},
     "others_considered"},
};
INSTANTIATE_TEST_SUITE_P(Contacts, ContactLogForm, ::testing::ValuesIn(log_refusals),
                         [](const auto& p) { return std::string(p.param.name); });

TEST(ContactLogRule, ARestrictedPersonsContactGoesAheadWhenTheRecorderSaysWhy) {
    auto values = a_call();
    values["family_member_id"] = "3";
    values["restriction_why"] = "Supervised by his social worker under the order";
    auto form = form_of(values);
    http::FormReader reader(form);
    auto read = contact::read_contact(reader, log_context());
    ASSERT_TRUE(read.ok()) << read.error().message;
    EXPECT_EQ(read->restriction_id, 7);
}

TEST(ContactLogRule, AVisitAfterSchoolNeedsNoReason) {
    auto values = a_call();
    values["state"] = "planned";
    values["form"] = "visit_at_home";
    values["on"] = "2026-05-13";
    values["at"] = "16:00";
    values["others_considered"] = "Kept the lounge free";
    values.erase("staff_view");
    auto form = form_of(values);
    http::FormReader reader(form);
    auto read = contact::read_contact(reader, log_context());
    ASSERT_TRUE(read.ok()) << read.error().message;
    EXPECT_EQ(read->details.starts_at, utc("2026-05-13T15:00:00.000Z"));
}

TEST(ContactLogRule, ACancelledContactSaysWhoWhyAndHowTheChildTookIt) {
    for (const char* missing : {"cancelled_by", "cancelled_why", "child_took_it"}) {
        std::map<std::string, std::string> values{{"outcome", "cancelled"},
                                                  {"cancelled_by", "family"},
                                                  {"cancelled_why", "Unwell"},
                                                  {"child_took_it", "Upset"}};
        values.erase(missing);
        auto form = form_of(values);
        http::FormReader reader(form);
        auto read = contact::read_outcome(reader, test_now(), test_now());
        ASSERT_FALSE(read.ok());
        EXPECT_TRUE(names(read.error(), missing)) << read.error().message;
    }
    auto early = form_of({{"outcome", "happened"}, {"staff_view", "Fine"}});
    http::FormReader reader(early);
    auto read = contact::read_outcome(reader, test_now() + std::chrono::hours{3}, test_now());
    ASSERT_FALSE(read.ok());
    EXPECT_TRUE(names(read.error(), "outcome")) << "it cannot have happened before its time";
}

TEST(ContactLogRule, AConcernWantsItsAnswerLaterThanNow) {
    auto form = form_of({{"about", "Asked to keep a secret"},
                         {"raised_with", "Sam Keane"},
                         {"answer_on", "2026-05-12"},
                         {"answer_time", "09:00"}});
    http::FormReader reader(form);
    auto read = contact::read_concern(reader, test_now());
    ASSERT_FALSE(read.ok());
    EXPECT_TRUE(names(read.error(), "answer_on"));
}

TEST(ContactLogRule, FiguresCountEachMonthAndWhoCancelled) {
    set_display_zone("Europe/London");
    const std::vector<contact::ContactFact> facts{
        {utc("2026-04-30T23:30:00.000Z"), "happened", ""},  // 1 May in London
        {utc("2026-05-03T10:00:00.000Z"), "cancelled", "family"},
        {utc("2026-05-04T10:00:00.000Z"), "cancelled", "social_worker"},
        {utc("2026-04-10T10:00:00.000Z"), "cancelled", "family"},
        {utc("2026-05-20T10:00:00.000Z"), "planned", ""},
        {utc("2025-01-01T10:00:00.000Z"), "happened", ""},  // outside the months asked for
    };
    const auto rows = contact::count_by_month(facts, {"2026-04", "2026-05"});
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0].happened, 0);
    EXPECT_EQ(rows[0].cancelled(), 1);
    EXPECT_EQ(rows[1].happened, 1) << "counted in the home's zone";
    EXPECT_EQ(rows[1].cancelled(), 2);
    EXPECT_EQ(rows[1].cancelled_by[1], 1) << "by the family";
    EXPECT_EQ(rows[1].cancelled_by[3], 1) << "by the social worker";
    EXPECT_EQ(rows[1].planned, 1);
}

class ContactLogStore : public CaseRecordTest {
  protected:
    std::int64_t log(const contact::ContactDetails& d) {
        auto id = db_->write([&](db::Connection& c) {
            return contact::log_contact(c, child_, {d, std::nullopt}, as(chris_), now_);
        });
        EXPECT_TRUE(id.ok()) << id.error().message;
        return id.value();
    }

    static contact::ContactDetails call(const char* state, Timestamp at) {
        contact::ContactDetails d;
        d.person = "Grace Bennett, big sister";
        d.form = "phone";
        d.state = state;
        d.starts_at = at;
        d.supervision = "none";
        d.staff_view = *state == 'h' ? "Laughing on the phone" : "";
        return d;
    }

    std::optional<deadlines::Deadline> concern_clock(std::int64_t id, deadlines::State state) {
        const auto all =
            db_->read([&](db::Connection& c) { return deadlines::for_source(c, "contact", id); })
                .value();
        for (const auto& d : all) {
            if (d.kind == contact::concern_clock && d.state == state) {
                return d;
            }
        }
        return std::nullopt;
    }
};

TEST_F(ContactLogStore, APlannedContactIsInTheChronologyOnceWhatBecameOfItIsRecorded) {
    const auto id = log(call("planned", now_ + std::chrono::hours{4}));
    const std::string lines =
        "SELECT COUNT(*) FROM chronology WHERE child_id = $1 AND source_type = 'contact'";
    EXPECT_EQ(count(lines), 0) << "nothing has happened yet";
    const contact::Outcome cancelled{
        false, "", "", "", "family", "Grace was ill", "Sad, then wrote her a card"};
    const auto stale = db_->write([&](db::Connection& c) {
        return contact::record_outcome(c, id, 2, cancelled, as(chris_), tick());
    });
    ASSERT_FALSE(stale.ok());
    EXPECT_EQ(stale.error().kind, ErrorKind::conflict) << "a version nobody read";
    ASSERT_TRUE(db_->write([&](db::Connection& c) {
                       return contact::record_outcome(c, id, 1, cancelled, as(chris_), tick());
                   })
                    .ok());
    EXPECT_EQ(count(lines), 1);
    const auto found =
        db_->read([&](db::Connection& c) { return contact::find_contact(c, id); }).value();
    ASSERT_TRUE(found);
    EXPECT_EQ(found->details.state, "cancelled");
    EXPECT_EQ(found->cancelled_by, "family");
    const auto twice = db_->write([&](db::Connection& c) {
        return contact::record_outcome(c, id, found->version, cancelled, as(chris_), tick());
    });
    ASSERT_FALSE(twice.ok());
    EXPECT_EQ(twice.error().kind, ErrorKind::conflict) << "what became of it is recorded once";
}

TEST_F(ContactLogStore, AConcernIsMetOnlyByTheFollowUpTheSocialWorkerAgreed) {
    const auto planned = log(call("planned", now_ + std::chrono::hours{4}));
    const contact::Concern concern{"Asked her to keep a meeting secret", "Sam Keane",
                                   now_ + std::chrono::hours{24}};
    const auto early = db_->write([&](db::Connection& c) {
        return contact::raise_concern(c, planned, concern, as(chris_), tick());
    });
    ASSERT_FALSE(early.ok()) << "a concern is about a contact that happened";

    const auto id = log(call("happened", now_ - std::chrono::hours{1}));
    ASSERT_TRUE(db_->write([&](db::Connection& c) {
                       return contact::raise_concern(c, id, concern, as(chris_), now_);
                   })
                    .ok());
    const auto open = concern_clock(id, deadlines::State::open);
    ASSERT_TRUE(open);
    EXPECT_EQ(open->started_at, now_);
    EXPECT_EQ(open->due_at, concern.answer_by) << "when the home asked for an answer";
    const auto by_hand = db_->write([&](db::Connection& c) {
        return deadlines::meet_by_hand(c, open->id, open->version, as(manager_), tick(),
                                       "Rang her");
    });
    EXPECT_FALSE(by_hand.ok()) << "only the agreed follow-up, recorded, meets it";

    const auto answered_at = concern.answer_by + std::chrono::hours{6};
    ASSERT_TRUE(db_->write([&](db::Connection& c) {
                       return contact::answer_concern(c, id, {"She will speak to Mum", "Sam Keane"},
                                                      as(manager_), answered_at);
                   })
                    .ok());
    const auto met = concern_clock(id, deadlines::State::met);
    ASSERT_TRUE(met);
    EXPECT_EQ(met->met_at, answered_at);
    EXPECT_GT(met->met_at, met->due_at) << "late, and shown as late";
    const auto twice = db_->write([&](db::Connection& c) {
        return contact::answer_concern(c, id, {"Again", "Sam Keane"}, as(manager_), tick());
    });
    ASSERT_FALSE(twice.ok());
    EXPECT_EQ(twice.error().kind, ErrorKind::conflict);
    EXPECT_EQ(count("SELECT COUNT(*) FROM chronology WHERE child_id = $1 AND source_type IN "
                    "('contact_concern', 'contact_concern_answer')"),
              2);
}

TEST_F(ContactLogStore, AChildsSchoolHoursAreTheirOwnElseTheirHomesElseTheUsualDay) {
    auto hours = [&] {
        return db_
            ->read([&](db::Connection& c) { return contact::school_hours_of_child(c, child_); })
            .value();
    };
    EXPECT_EQ(hours().whose, "usual");
    contact::SchoolHours home_day;
    home_day.starts = 9 * 60;
    home_day.ends = 15 * 60;
    ASSERT_TRUE(db_->write([&](db::Connection& c) {
                       return contact::set_home_school_hours(c, home_, home_day, as(manager_),
                                                             tick());
                   })
                    .ok());
    EXPECT_EQ(hours().whose, "home");
    EXPECT_EQ(hours().hours.starts, 9 * 60);
    contact::SchoolHours none;
    none.in_school = false;
    ASSERT_TRUE(db_->write([&](db::Connection& c) {
                       return contact::set_child_school_hours(c, child_, none, as(manager_),
                                                              tick());
                   })
                    .ok());
    EXPECT_EQ(hours().whose, "child");
    EXPECT_FALSE(hours().hours.in_school);
}

}  // namespace contact_log_test
