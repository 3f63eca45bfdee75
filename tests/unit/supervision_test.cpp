// Supervision on a set clock: the form refuses, at the field, a day in the future or before the
// last supervision, a supervision with nothing written, a confidential heading with nothing under
// it, and an action without its owner or day or due before the supervision; each of the two signs
// once and nobody else signs; the clock to the next supervision is owned by the supervisor, met
// only at the second signature and started again from the day it was held; each action is a clock
// of its own; confidential headings are read only by the two and the registered manager; who may
// read, record and sign. On SQLite, and on PostgreSQL when HEARTH_TEST_PG_URL is set.
#include <gtest/gtest.h>

#include "case_record_fixture.hpp"
#include "deadlines/deadline_store.hpp"
#include "team/staff_record_store.hpp"
#include "team/supervision_store.hpp"
#include "team/supervision_view.hpp"

namespace supervision_test {

using namespace hearth;
using namespace hearth::testing;

using Fields = std::vector<std::pair<std::string, std::string>>;

http::FormData form_of(const Fields& fields) {
    std::string body;
    for (const auto& [k, v] : fields) {
        body += (body.empty() ? "" : "&") + k + "=" + http::url_encode(v);
    }
    return http::FormData::from_urlencoded(body).value();
}

const Date today{std::chrono::year{2026}, std::chrono::month{5}, std::chrono::day{12}};
const Date last{std::chrono::year{2026}, std::chrono::month{4}, std::chrono::day{10}};

Fields good() {
    return {{"held_on", "2026-05-11"},
            {"practice", "Bedtimes have settled"},
            {"reflection", "Found Tuesday's shouting hard; talked about what it was telling us"},
            {"wellbeing", "Tired after nights"},
            {"confidential", "wellbeing"},
            {"action1", "Book the PACE course"},
            {"action1_owner", "7"},
            {"action1_due", "2026-06-01"}};
}

Fields with(Fields fields, const std::string& name, const std::string& value) {
    for (auto& f : fields) {
        if (f.first == name) {
            f.second = value;
            return fields;
        }
    }
    fields.emplace_back(name, value);
    return fields;
}

Fields without(Fields fields, const std::string& name) {
    std::erase_if(fields, [&](const auto& f) { return f.first == name; });
    return fields;
}

Result<team::SupervisionInput> read(const Fields& fields) {
    const auto f = form_of(fields);
    http::FormReader r(f);
    return team::read_supervision(r, today, last, {3, 7});
}

std::string first_field(const Result<team::SupervisionInput>& r) {
    return r.ok() || r.error().fields.empty() ? "" : r.error().fields.front().field;
}

TEST(SupervisionForm, ReadsEachHeadingTheConfidentialOnesAndTheActions) {
    const auto s = read(good());
    ASSERT_TRUE(s.ok()) << s.error().message;
    EXPECT_EQ(s.value().discussed.size(), 3u);
    EXPECT_EQ(s.value().confidential, std::vector<std::string>{"wellbeing"});
    ASSERT_EQ(s.value().actions.size(), 1u);
    EXPECT_EQ(s.value().actions[0].owner_id, 7);
    EXPECT_EQ(format_date(s.value().actions[0].due_on), "2026-06-01");
}

TEST(SupervisionForm, NamesEachFieldItRefuses) {
    const struct {
        Fields fields;
        const char* field;
    } refused[] = {
        {with(good(), "held_on", "2026-05-13"), "held_on"},
        {with(good(), "held_on", "2026-04-09"), "held_on"},
        {without(good(), "held_on"), "held_on"},
        {{{"held_on", "2026-05-11"}}, "practice"},
        {with(good(), "confidential", "training"), "confidential"},
        {without(good(), "action1_owner"), "action1_owner"},
        {with(good(), "action1_owner", "99"), "action1_owner"},
        {without(good(), "action1_due"), "action1_due"},
        {with(good(), "action1_due", "2026-05-10"), "action1_due"},
        {with(without(good(), "action1"), "action1", ""), "action1"},
    };
    for (const auto& c : refused) {
        const auto s = read(c.fields);
        ASSERT_FALSE(s.ok()) << c.field;
        EXPECT_EQ(first_field(s), c.field);
    }
}

TEST(SupervisionSignatures, EachOfTheTwoSignsOnceAndNobodyElse) {
    using team::Signatures;
    EXPECT_EQ(team::signatures(false, false), Signatures::neither);
    EXPECT_EQ(team::signatures(true, false), Signatures::awaiting_person);
    EXPECT_EQ(team::signatures(false, true), Signatures::awaiting_supervisor);
    EXPECT_EQ(team::signatures(true, true), Signatures::both);
    EXPECT_EQ(team::signatures_label(Signatures::awaiting_person),
              "Awaiting the supervisee's signature");
    EXPECT_EQ(team::side_of(3, 7, 3, false, false).value(), team::Side::supervisor);
    EXPECT_EQ(team::side_of(7, 7, 3, true, false).value(), team::Side::person);
    EXPECT_EQ(team::side_of(3, 7, 3, true, false).error().fields.front().field, "signature");
    EXPECT_EQ(team::side_of(9, 7, 3, false, false).error().kind, ErrorKind::forbidden);
    EXPECT_EQ(format_date(team::next_supervision_due(last, 30)), "2026-05-10");
}

Person person_with(std::int64_t id, Role role) {
    Person p;
    p.id = id;
    p.organisation_id = 1;
    p.memberships.push_back({team::supervision_setting_for(role) || role == Role::independent_person
                                 ? std::optional<std::int64_t>(10)
                                 : std::nullopt,
                             role});
    return p;
}

TEST(SupervisionPermissions, TheTwoAndTheManagerReadItTheSupervisorOrManagerRecordsIt) {
    Scope about{1, 10, {}, false};
    about.staff_id = 7;
    about.staff_supervisor_id = 4;
    const auto supervisee = person_with(7, Role::support_worker);
    const auto supervisor = person_with(4, Role::deputy);
    const auto manager = person_with(3, Role::registered_manager);
    const auto colleague = person_with(8, Role::support_worker);
    const auto admin = person_with(1, Role::provider_administrator);
    const auto ri = person_with(2, Role::responsible_individual);
    for (const auto& p : {supervisee, supervisor, manager, admin}) {
        EXPECT_TRUE(can(p, Action::view_supervision, about)) << p.id;
    }
    for (const auto& p : {colleague, ri, person_with(9, Role::independent_person)}) {
        EXPECT_FALSE(can(p, Action::view_supervision, about)) << p.id;
    }
    EXPECT_TRUE(can(supervisor, Action::record_supervision, about));
    EXPECT_TRUE(can(manager, Action::record_supervision, about));
    EXPECT_FALSE(can(supervisee, Action::record_supervision, about)) << "not their own";
    EXPECT_FALSE(can(admin, Action::record_supervision, about));
    EXPECT_FALSE(can(colleague, Action::record_supervision, about));
    // A supervision the manager held while the deputy is named: the manager and the supervisee
    // sign it, and read it; the deputy reads it as the supervisor named now, and does not sign it.
    auto held = about;
    held.supervision_held_by = 3;
    EXPECT_TRUE(can(supervisee, Action::sign_supervision, held));
    EXPECT_TRUE(can(manager, Action::sign_supervision, held));
    EXPECT_FALSE(can(supervisor, Action::sign_supervision, held));
    EXPECT_TRUE(can(supervisor, Action::view_supervision, held));
    held.supervision_held_by = 4;
    EXPECT_TRUE(can(supervisor, Action::sign_supervision, held));
    for (const auto& p : {manager, admin, colleague, ri}) {
        EXPECT_FALSE(can(p, Action::sign_supervision, held)) << "not one of the two: " << p.id;
    }
    auto former = about;
    former.staff_supervisor_id = 3;
    former.supervision_held_by = 4;
    EXPECT_TRUE(can(supervisor, Action::view_supervision, former))
        << "who held it still reads it after another is named";
}

TEST(SupervisionClocks, TheNextIsMetOnlyBySignaturesAndReadByTheTwoAndTheManager) {
    deadlines::Deadline next;
    next.home_id = 10;
    next.kind = "supervision_due";
    next.source_type = "staff_supervision";
    next.source_id = 7;
    next.owner_id = 4;
    EXPECT_FALSE(deadlines::may_be_met_by_hand("supervision_due"));
    EXPECT_TRUE(deadlines::may_be_met_by_hand("supervision_action"));
    EXPECT_TRUE(deadlines::may_read_clock(person_with(7, Role::support_worker), next));
    EXPECT_TRUE(deadlines::may_read_clock(person_with(4, Role::deputy), next));
    EXPECT_TRUE(deadlines::may_read_clock(person_with(3, Role::registered_manager), next));
    EXPECT_FALSE(deadlines::may_read_clock(person_with(8, Role::support_worker), next));
    EXPECT_FALSE(deadlines::may_read_clock(person_with(5, Role::deputy), next));
    auto action = next;
    action.kind = "supervision_action";
    action.source_type = "supervision_action";
    action.source_id = 30;
    action.owner_id = 8;
    EXPECT_TRUE(deadlines::may_read_clock(person_with(8, Role::support_worker), action));
    EXPECT_FALSE(deadlines::may_read_clock(person_with(9, Role::support_worker), action));
}

TEST(SupervisionView, ConfidentialHeadingsOnlyForTheTwoAndTheManager) {
    team::SupervisionRecord s;
    s.id = 5;
    s.person_id = 7;
    s.supervisor_id = 4;
    s.home_id = 10;
    s.held_on = last;
    s.discussed = {{"practice", "Bedtimes"}, {"wellbeing", "Struggling since the move"}};
    s.confidential = {"wellbeing"};
    auto texts = [&](const Person& reader) {
        std::string all;
        const auto view = team::supervision_view(s, reader, true);
        for (const auto& h : view["discussed"]) {
            all += h["text"].get<std::string>() + "|";
        }
        return all;
    };
    for (const auto& p : {person_with(7, Role::support_worker), person_with(4, Role::deputy),
                          person_with(3, Role::registered_manager)}) {
        EXPECT_EQ(texts(p), "Bedtimes|Struggling since the move|") << p.id;
    }
    const auto admin = person_with(1, Role::provider_administrator);
    EXPECT_EQ(texts(admin), "Bedtimes|");
    EXPECT_EQ(team::supervision_view(s, admin, true)["confidential_withheld"], 1);
    EXPECT_EQ(team::supervision_view(s, admin, false).count("discussed"), 0u)
        << "a line of the list carries nothing discussed";
}

class SupervisionStore : public CaseRecordTest {
  protected:
    std::vector<deadlines::Deadline> clocks(const std::string& kind) {
        auto all =
            db_->read([&](db::Connection& c) { return deadlines::open_in_homes(c, {home_}, 500); })
                .value();
        std::erase_if(all, [&](const auto& d) { return d.kind != kind; });
        return all;
    }

    Result<std::int64_t> hold(std::int64_t person, Date held_on, std::int64_t supervisor) {
        team::SupervisionInput in;
        in.held_on = held_on;
        in.discussed["practice"] = "Bedtimes have settled";
        in.actions.push_back({"Book the PACE course", person,
                              Date{std::chrono::sys_days{held_on} + std::chrono::days{14}}});
        return db_->write([&](db::Connection& c) {
            return team::record_supervision(c, person, home_, in, {}, as(supervisor), tick());
        });
    }

    Status sign(std::int64_t id, std::int64_t person, std::int64_t who) {
        return db_->write([&](db::Connection& c) {
            return team::sign_supervision(c, id, person, home_, as(who), tick());
        });
    }
};

TEST_F(SupervisionStore, ANewStartersFirstSupervisionIsDueTheirRhythmFromStarting) {
    team::StaffDetails d;
    d.sex = "female";
    d.date_of_birth = Date{std::chrono::year{1994}, std::chrono::month{3}, std::chrono::day{2}};
    d.address = "12 Elm Road";
    d.experience = "A special school";
    d.works = "full_time";
    d.started_on = Date{std::chrono::sys_days{today_} - std::chrono::days{10}};
    ASSERT_TRUE(db_->write([&](db::Connection& c) {
                       return team::save_details(c, dana_, home_, d, 0, "", as(manager_), tick());
                   })
                    .ok());
    const auto due = clocks("supervision_due");
    ASSERT_EQ(due.size(), 1u);
    EXPECT_EQ(due[0].owner_id, manager_) << "the registered manager supervises by default";
    EXPECT_EQ(due[0].source_id, dana_);
    EXPECT_EQ(due[0].due_at, deadlines::end_of_local_day(Date{std::chrono::sys_days{d.started_on} +
                                                              std::chrono::days{30}}));
}

TEST_F(SupervisionStore, TheClockIsMetAtTheSecondSignatureAndTheNextStartsFromTheDayHeld) {
    ASSERT_TRUE(db_->write([&](db::Connection& c) {
                       return team::start_first_supervision_clock(c, chris_, home_, today_,
                                                                  as(manager_), tick());
                   })
                    .ok());
    const Date held{std::chrono::sys_days{today_} - std::chrono::days{1}};
    const auto id = hold(chris_, held, manager_);
    ASSERT_TRUE(id.ok()) << id.error().message;
    ASSERT_EQ(clocks("supervision_action").size(), 1u);
    EXPECT_EQ(clocks("supervision_action")[0].owner_id, chris_);

    EXPECT_EQ(sign(id.value(), chris_, dana_).error().kind, ErrorKind::forbidden)
        << "only the two sign it";
    ASSERT_TRUE(sign(id.value(), chris_, manager_).ok());
    EXPECT_EQ(sign(id.value(), chris_, manager_).error().fields.front().field, "signature");
    ASSERT_EQ(clocks("supervision_due").size(), 1u) << "one signature does not meet it";
    const auto first = clocks("supervision_due")[0].id;

    ASSERT_TRUE(sign(id.value(), chris_, chris_).ok());
    const auto signed_at = now_;
    const auto met = db_->read([&](db::Connection& c) { return deadlines::find(c, first); });
    ASSERT_TRUE(met.ok() && met.value());
    EXPECT_EQ(met.value()->state, deadlines::State::met);
    EXPECT_EQ(met.value()->met_at, signed_at) << "met at the moment of the second signature";
    const auto next = clocks("supervision_due");
    ASSERT_EQ(next.size(), 1u);
    EXPECT_EQ(next[0].due_at, deadlines::end_of_local_day(
                                  Date{std::chrono::sys_days{held} + std::chrono::days{30}}));

    const auto record = db_->write([&](db::Connection& c) {
        return team::read_supervision_record(c, id.value(), chris_, home_, as(chris_), tick());
    });
    ASSERT_TRUE(record.ok());
    EXPECT_TRUE(record.value().supervisor_signed_at && record.value().person_signed_at);
    EXPECT_EQ(record.value().actions.size(), 1u);

    const auto earlier =
        hold(chris_, Date{std::chrono::sys_days{held} - std::chrono::days{3}}, manager_);
    ASSERT_FALSE(earlier.ok()) << "not before the last one";
    EXPECT_EQ(earlier.error().fields.front().field, "held_on");
}

TEST_F(SupervisionStore, ANamedSupervisorTakesTheClockAndTheRhythmMovesItsDay) {
    ASSERT_TRUE(db_->write([&](db::Connection& c) {
                       return team::start_first_supervision_clock(c, chris_, home_, today_,
                                                                  as(manager_), tick());
                   })
                    .ok());
    const auto deputy = db_->write([&](db::Connection& c) -> Result<std::int64_t> {
        auto org = TRY(c.query_one("SELECT organisation_id FROM homes WHERE id = $1", {home_}));
        return add_staff(c, org->integer(0), home_, "Jo Whitfield", "jo@example.org", Role::deputy,
                         now_);
    });
    ASSERT_TRUE(deputy.ok()) << deputy.error().message;
    const auto choices =
        db_->read([&](db::Connection& c) { return team::supervisor_choices(c, chris_, home_); })
            .value();
    ASSERT_EQ(choices.size(), 2u) << "the home's manager and its deputy";
    ASSERT_TRUE(db_->write([&](db::Connection& c) {
                       return team::set_arrangement(c, chris_, home_, {deputy.value(), 14},
                                                    as(manager_), tick());
                   })
                    .ok());
    const auto due = clocks("supervision_due");
    ASSERT_EQ(due.size(), 1u) << "the old clock closed, one running";
    EXPECT_EQ(due[0].owner_id, deputy.value()) << "the named supervisor owns it";
    EXPECT_EQ(due[0].due_at, deadlines::end_of_local_day(
                                 Date{std::chrono::sys_days{today_} + std::chrono::days{14}}))
        << "none held yet: the new rhythm from today";
    const auto same = db_->write([&](db::Connection& c) {
        return team::set_arrangement(c, chris_, home_, {deputy.value(), 14}, as(manager_), tick());
    });
    ASSERT_FALSE(same.ok());
    EXPECT_EQ(same.error().fields.front().field, "supervisor_id");
    auto a = db_->read([&](db::Connection& c) { return team::arrangement_of(c, chris_, home_); })
                 .value();
    EXPECT_EQ(a.every_days, 14);
    EXPECT_EQ(a.supervisor_id, deputy.value());
    EXPECT_TRUE(a.named && a.own_rhythm);

    // The deputy leaves the home: the registered manager supervises again.
    ASSERT_TRUE(db_->write([&](db::Connection& c) {
                       return c.run("UPDATE roles SET ended_at = $1 WHERE person_id = $2",
                                    {format_utc(now_), deputy.value()});
                   })
                    .ok());
    a = db_->read([&](db::Connection& c) { return team::arrangement_of(c, chris_, home_); })
            .value();
    EXPECT_EQ(a.supervisor_id, manager_);
}

TEST_F(SupervisionStore, ASupervisionSignedLateMeetsNothingAndAHomesClockIsItsOwn) {
    ASSERT_TRUE(db_->write([&](db::Connection& c) {
                       return team::start_first_supervision_clock(c, chris_, home_, today_,
                                                                  as(manager_), tick());
                   })
                    .ok());
    const Date january{std::chrono::sys_days{today_} - std::chrono::days{40}};
    const Date february{std::chrono::sys_days{today_} - std::chrono::days{10}};
    const auto first = hold(chris_, january, manager_);
    const auto second = hold(chris_, february, manager_);
    ASSERT_TRUE(first.ok() && second.ok());
    ASSERT_TRUE(sign(second.value(), chris_, manager_).ok());
    ASSERT_TRUE(sign(second.value(), chris_, chris_).ok());
    const auto next = clocks("supervision_due");
    ASSERT_EQ(next.size(), 1u);
    ASSERT_TRUE(sign(first.value(), chris_, manager_).ok());
    ASSERT_TRUE(sign(first.value(), chris_, chris_).ok());
    const auto after = clocks("supervision_due");
    ASSERT_EQ(after.size(), 1u);
    EXPECT_EQ(after[0].id, next[0].id) << "the earlier supervision, signed late, meets nothing";
    const auto elsewhere = db_->write([&](db::Connection& c) {
        return team::sign_supervision(c, second.value(), chris_, home_ + 1, as(chris_), tick());
    });
    ASSERT_FALSE(elsewhere.ok());
    EXPECT_EQ(elsewhere.error().kind, ErrorKind::not_found) << "not this home's supervision";
}

}  // namespace supervision_test
