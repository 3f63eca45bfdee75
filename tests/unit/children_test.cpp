// A child's record: the rules of its fields, and amendments that keep every version, refuse a
// stale write and never write half a change.
#include <gtest/gtest.h>

#include "children/child.hpp"
#include "children/child_store.hpp"
#include "children/reg44/reg44_consent.hpp"
#include "organisation/homes.hpp"
#include "platform/amendments.hpp"
#include "platform/auth/accounts.hpp"
#include "test_support.hpp"

// Each test file's own names, apart from the others built beside it (tests/CMakeLists.txt).
namespace children_test {

using namespace hearth;
using namespace hearth::children;
using hearth::testing::fields_of;
using hearth::testing::form_of;
using hearth::testing::message_at;
using hearth::testing::says;

namespace {

const Date today = hearth::testing::test_today();

std::map<std::string, std::string> valid_fields() {
    return {{"first_name", "Aisha"},
            {"last_name", "Bennett"},
            {"preferred_name", ""},
            {"date_of_birth-day", "17"},
            {"date_of_birth-month", "4"},
            {"date_of_birth-year", "2011"},
            {"sex", "female"},
            {"pronouns", "she/her"},
            {"legal_basis", "s31"},
            {"placing_authority", "Northshire County Council"},
            {"admission_date", "2024-09-02"}};
}

Result<ChildDetails> read_form(const std::map<std::string, std::string>& fields, Date on = today) {
    auto form = form_of(fields);
    http::FormReader reader(form);
    return read_child_details(reader, on);
}

TEST(ChildDetails, AValidFormBecomesARecord) {
    auto r = read_form(valid_fields());
    ASSERT_TRUE(r.ok()) << r.error().message;
    EXPECT_EQ(r->first_name, "Aisha");
    EXPECT_EQ(r->date_of_birth, *parse_date("2011-04-17"));
    EXPECT_EQ(r->admission_date, *parse_date("2024-09-02"));
    EXPECT_EQ(display_name(*r), "Aisha Bennett");
    EXPECT_EQ(age_on(*r, today), 15);
    r->preferred_name = "Ash";
    EXPECT_EQ(display_name(*r), "Ash Bennett");
}

TEST(ChildDetails, AFutureDateOfBirthIsRefusedByName) {
    auto fields = valid_fields();
    fields["date_of_birth-year"] = "2026";
    fields["date_of_birth-month"] = "5";
    fields["date_of_birth-day"] = "13";  // tomorrow
    auto r = read_form(fields);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(fields_of(r), std::vector<std::string>{"date_of_birth"});
    EXPECT_EQ(r.error().fields.front().message, "date of birth must be today or earlier");
    fields["date_of_birth-day"] = "12";  // born today: possible, if unusual
    fields["admission_date"] = "2026-05-12";
    EXPECT_TRUE(read_form(fields).ok());
}

TEST(ChildDetails, AdmissionBeforeBirthIsRefused) {
    auto fields = valid_fields();
    fields["admission_date"] = "2010-01-01";
    auto r = read_form(fields);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(fields_of(r), std::vector<std::string>{"admission_date"});
    EXPECT_NE(r.error().fields.front().message.find("after the date of birth"), std::string::npos);
}

TEST(ChildDetails, AFutureAdmissionIsRefused) {
    auto fields = valid_fields();
    fields["admission_date"] = "2026-06-01";
    auto r = read_form(fields);
    EXPECT_EQ(fields_of(r), std::vector<std::string>{"admission_date"});
    EXPECT_TRUE(says(message_at(r, "admission_date"), "today or earlier"));
}

TEST(ChildDetails, AnImpossibleDateOfBirthIsRefused) {
    auto fields = valid_fields();
    fields["date_of_birth-day"] = "30";
    fields["date_of_birth-month"] = "2";
    fields["date_of_birth-year"] = "2012";
    auto r = read_form(fields);
    EXPECT_EQ(fields_of(r), std::vector<std::string>{"date_of_birth"});
    EXPECT_TRUE(says(message_at(r, "date_of_birth"), "must be a real date"));
    fields = valid_fields();
    fields["date_of_birth-year"] = "1990";  // an adult: not a child in a children's home
    auto adult = read_form(fields);
    EXPECT_EQ(fields_of(adult), std::vector<std::string>{"date_of_birth"});
    EXPECT_TRUE(says(message_at(adult, "date_of_birth"), "within the last 25 years"));
}

TEST(ChildDetails, EachMissingRequiredFieldIsNamed) {
    for (const char* field :
         {"first_name", "last_name", "sex", "legal_basis", "placing_authority", "admission_date"}) {
        auto fields = valid_fields();
        fields.erase(field);
        auto r = read_form(fields);
        EXPECT_EQ(fields_of(r), std::vector<std::string>{field}) << field;
        const std::string said = message_at(r, field);
        EXPECT_TRUE(said.rfind("Enter ", 0) == 0 || said.rfind("Select ", 0) == 0)
            << field << ": " << said;
    }
    auto fields = valid_fields();
    fields.erase("date_of_birth-day");
    fields.erase("date_of_birth-month");
    fields.erase("date_of_birth-year");
    EXPECT_EQ(fields_of(read_form(fields)), std::vector<std::string>{"date_of_birth"});

    // All at once: every one named, not just the first.
    auto none = read_form({});
    EXPECT_EQ(fields_of(none),
              (std::vector<std::string>{"first_name", "last_name", "date_of_birth", "sex",
                                        "legal_basis", "placing_authority", "admission_date"}));
}

TEST(ChildDetails, BadChoicesAndUnknownFieldsAreRefused) {
    auto fields = valid_fields();
    fields["legal_basis"] = "s99";
    fields["sex"] = "robot";
    fields["favourite_colour"] = "green";
    // Key workers change only through a key-worker change, with the child's view.
    fields["key_workers"] = "5";
    auto r = read_form(fields);
    EXPECT_EQ(fields_of(r),
              (std::vector<std::string>{"sex", "legal_basis", "favourite_colour", "key_workers"}));
    EXPECT_TRUE(says(message_at(r, "sex"), "from the list"));
    EXPECT_TRUE(says(message_at(r, "legal_basis"), "from the list"));
    EXPECT_TRUE(says(message_at(r, "favourite_colour"), "not a field Hearth knows here"));
    EXPECT_TRUE(says(message_at(r, "key_workers"), "not a field Hearth knows here"));
}

Result<Admission> read_admission_form(const std::map<std::string, std::string>& fields) {
    auto form = form_of(fields);
    http::FormReader reader(form);
    return read_admission(reader, today);
}

TEST(Admission, NamesTheFirstKeyWorkerOrNone) {
    auto fields = valid_fields();
    auto none = read_admission_form(fields);
    ASSERT_TRUE(none.ok()) << none.error().message;
    EXPECT_FALSE(none->key_worker.has_value());
    fields["key_worker"] = "";  // the form's "Not yet" choice
    EXPECT_FALSE(read_admission_form(fields)->key_worker.has_value());
    fields["key_worker"] = "7";
    EXPECT_EQ(read_admission_form(fields)->key_worker, 7);
    fields["key_worker"] = "abc";
    auto bad = read_admission_form(fields);
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.error().fields.front().field, "key_worker");
    EXPECT_TRUE(says(message_at(bad, "key_worker"), "whole number"));
}

TEST(Admission, WhatBelongsToTheEndOfAPlacementIsRefused) {
    auto fields = valid_fields();
    fields["address_on_leaving"] = "Somewhere";
    fields["date_of_death"] = "2026-01-01";
    auto r = read_admission_form(fields);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(fields_of(r), (std::vector<std::string>{"address_on_leaving", "date_of_death"}));
    EXPECT_TRUE(says(message_at(r, "address_on_leaving"), "recorded when the child leaves"));
    EXPECT_TRUE(says(message_at(r, "date_of_death"), "cannot be recorded at admission"));
}

TEST(ChildDetails, ScheduleThreeFieldsAreReadWithTheirLimits) {
    auto fields = valid_fields();
    fields["address_before"] = "1 Elm Row\nWestmere";
    fields["school"] = "Westmere Academy";
    fields["designated_teacher"] = "Mr Okonjo";
    fields["employer"] = "Hollis Bakery";
    fields["iro_name"] = "Pat Hensley";
    fields["iro_contact"] = "01632 960220";
    fields["independent_visitor"] = "Marion Tate";
    fields["advocate"] = "Jordan Lee";
    fields["social_worker_contact"] = "01632 960210";
    auto r = read_form(fields);
    ASSERT_TRUE(r.ok()) << r.error().message;
    EXPECT_EQ(r->address_before, "1 Elm Row\nWestmere");
    EXPECT_EQ(r->iro_name, "Pat Hensley");
    EXPECT_EQ(r->designated_teacher, "Mr Okonjo");
    EXPECT_FALSE(r->date_of_death.has_value());

    fields["school"] = std::string(201, 'x');
    fields["address_before"] = std::string(501, 'x');
    auto too_long = read_form(fields);
    EXPECT_EQ(fields_of(too_long), (std::vector<std::string>{"address_before", "school"}));
    EXPECT_TRUE(says(message_at(too_long, "address_before"), "500 characters or fewer"));
    EXPECT_TRUE(says(message_at(too_long, "school"), "200 characters or fewer"));
}

TEST(ChildDetails, ADateOfDeathIsNotInTheFutureNorBeforeBirth) {
    auto fields = valid_fields();
    fields["date_of_death"] = "2026-05-12";
    auto r = read_form(fields);
    ASSERT_TRUE(r.ok()) << r.error().message;
    EXPECT_EQ(r->date_of_death, *parse_date("2026-05-12"));
    fields["date_of_death"] = "2026-05-13";
    auto tomorrow = read_form(fields);
    EXPECT_EQ(fields_of(tomorrow), std::vector<std::string>{"date_of_death"});
    EXPECT_TRUE(says(message_at(tomorrow, "date_of_death"), "today or earlier"));
    fields["date_of_death"] = "2011-04-16";  // the day before she was born
    auto before = read_form(fields);
    EXPECT_EQ(fields_of(before), std::vector<std::string>{"date_of_death"});
    EXPECT_NE(before.error().message.find("after the date of birth"), std::string::npos);
}

TEST(ChildDetails, JsonRoundTrip) {
    auto r = read_form(valid_fields());
    ASSERT_TRUE(r.ok());
    r->school = "Westmere Academy";
    r->date_of_death = *parse_date("2026-01-02");
    ChildDetails back = from_json(to_json(*r));
    EXPECT_EQ(to_json(back), to_json(*r));
    EXPECT_EQ(back.date_of_death, r->date_of_death);
    r->date_of_death.reset();
    EXPECT_TRUE(to_json(*r)["date_of_death"].is_null());
    EXPECT_FALSE(from_json(to_json(*r)).date_of_death.has_value());
}

TEST(InstantOf, TodayIsNowAndAnEarlierDayStartsAtLocalMidnight) {
    set_display_zone("Europe/London");
    const Timestamp now = hearth::testing::test_now();  // 15:30 in London, summer time
    EXPECT_EQ(instant_of(today, now), now);
    EXPECT_EQ(format_utc(instant_of(*parse_date("2026-05-01"), now)), "2026-04-30T23:00:00.000Z");
    EXPECT_EQ(format_utc(instant_of(*parse_date("2026-01-10"), now)), "2026-01-10T00:00:00.000Z");
}

TEST(ChangesBetween, ListsChangedFieldsInFormOrderWithLabels) {
    auto before = read_form(valid_fields());
    ASSERT_TRUE(before.ok());
    ChildDetails after = *before;
    after.preferred_name = "Ash";
    after.last_name = "Bennett-Hale";
    after.school = "Westmere Academy";
    auto changes = amendments::changes_between(to_json(*before), to_json(after), field_labels());
    ASSERT_EQ(changes.size(), 3u);
    EXPECT_EQ(changes[0].field, "last_name");
    EXPECT_EQ(changes[0].label, "Last name");
    EXPECT_EQ(changes[0].before, "Bennett");
    EXPECT_EQ(changes[0].after, "Bennett-Hale");
    EXPECT_EQ(changes[1].field, "preferred_name");
    EXPECT_EQ(changes[1].before, "");
    EXPECT_EQ(changes[1].after, "Ash");
    EXPECT_EQ(changes[2].field, "school");
    EXPECT_EQ(changes[2].label, "School or college");
    EXPECT_TRUE(
        amendments::changes_between(to_json(*before), to_json(*before), field_labels()).empty());
    // A field missing from an older stored version counts as blank, not as a crash.
    auto older = to_json(*before);
    older.erase("pronouns");
    auto added = amendments::changes_between(older, to_json(*before), field_labels());
    ASSERT_EQ(added.size(), 1u);
    EXPECT_EQ(added[0].field, "pronouns");
    EXPECT_EQ(added[0].before, "");
}

// The store, over a real database with one organisation, one home and a member of staff.
class ChildStore : public hearth::testing::InLondon {
  protected:
    void SetUp() override {
        InLondon::SetUp();
        db_ = hearth::testing::open_migrated(dir_.file("h.db"));
        Status made = db_->write([&](db::Connection& c) -> Status {
            const std::string at = format_utc(now_);
            auto org = TRY(organisation::create_organisation(c, "Test provider", at));
            home_ = TRY(organisation::create_home(c, org, "Willow House", "SC1", at));
            staff_ =
                TRY(hearth::testing::add_staff(c, org, home_, "Chris Okafor", "chris@example.org",
                                               Role::support_worker, now_, "RSW"));
            other_ = TRY(hearth::testing::add_staff(c, org, home_, "Dana Lewis", "dana@example.org",
                                                    Role::support_worker, now_, "RSW"));
            return {};
        });
        ASSERT_TRUE(made.ok()) << made.error().message;
        auto d = read_form(valid_fields());
        ASSERT_TRUE(d.ok());
        details_ = d.value();
        auto id = db_->write([&](db::Connection& c) {
            return admit(c, home_, details_, WhenAdmitted{}, actor(staff_), now_, staff_);
        });
        ASSERT_TRUE(id.ok()) << id.error().message;
        child_ = id.value();
    }

    audit::Actor actor(std::int64_t who) {
        return {who, who == staff_ ? "Chris Okafor" : "Dana Lewis", "192.0.2.1", "r"};
    }

    Status amend_as(std::int64_t who, int read_version, const ChildDetails& d,
                    const std::string& reason) {
        now_ += std::chrono::minutes(5);
        return db_->write([&](db::Connection& c) {
            return amend(c, child_, read_version, d, reason, WhenAmended{}, actor(who), now_);
        });
    }

    std::int64_t count(const std::string& sql) {
        return hearth::testing::count_rows(*db_, sql, {child_});
    }
    std::int64_t versions_count() {
        return count(
            "SELECT COUNT(*) FROM record_versions WHERE record_type = 'child' AND record_id = $1");
    }
    std::int64_t amend_entries() {
        return count("SELECT COUNT(*) FROM audit_log WHERE action = 'amend' AND child_id = $1");
    }

    hearth::testing::TempDir dir_;
    std::unique_ptr<db::Database> db_;
    Timestamp now_ = hearth::testing::test_now();
    std::int64_t home_ = 0, staff_ = 0, other_ = 0, child_ = 0;
    ChildDetails details_;
};

TEST_F(ChildStore, AdmitWritesVersionOneAndAnAuditEntry) {
    auto found = db_->read([&](db::Connection& c) { return find(c, child_); });
    ASSERT_TRUE(found.ok() && found.value());
    EXPECT_EQ(found.value()->version, 1);
    EXPECT_EQ(found.value()->home_id, home_);
    EXPECT_EQ(found.value()->updated_by_name, "Chris Okafor");
    ASSERT_EQ(found.value()->key_workers.size(), 1u);
    EXPECT_EQ(found.value()->key_workers[0].name, "Chris Okafor");
    EXPECT_EQ(versions_count(), 1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'create' AND child_id = $1"), 1);
}

TEST_F(ChildStore, AmendKeepsEveryVersionWithItsReason) {
    ChildDetails changed = details_;
    changed.preferred_name = "Ash";
    Status ok = amend_as(other_, 1, changed, "She asked to be called Ash");
    ASSERT_TRUE(ok.ok()) << ok.error().message;

    auto list = db_->read(
        [&](db::Connection& c) { return amendments::versions_of(c, child_record_type, child_); });
    ASSERT_TRUE(list.ok());
    ASSERT_EQ(list->size(), 2u);
    const amendments::Version& v2 = (*list)[0];  // newest first
    const amendments::Version& v1 = (*list)[1];
    EXPECT_EQ(v2.version, 2);
    EXPECT_EQ(v2.reason, "She asked to be called Ash");
    EXPECT_EQ(v2.changed_by, "Dana Lewis");
    EXPECT_EQ(v2.record["preferred_name"], "Ash");
    EXPECT_EQ(v2.changed_at, now_);
    EXPECT_EQ(v1.version, 1);
    EXPECT_EQ(v1.reason, "Admitted");
    EXPECT_EQ(v1.changed_by, "Chris Okafor");
    EXPECT_EQ(v1.record["preferred_name"], "");  // the earlier text is kept

    auto now = db_->read([&](db::Connection& c) { return find(c, child_); });
    ASSERT_TRUE(now.ok() && now.value());
    EXPECT_EQ(now.value()->version, 2);
    EXPECT_EQ(now.value()->details.preferred_name, "Ash");
    EXPECT_EQ(now.value()->updated_by_name, "Dana Lewis");
    EXPECT_EQ(amend_entries(), 1);
    auto detail = db_->read([&](db::Connection& c) {
        return c.query_one("SELECT detail FROM audit_log WHERE action = 'amend' AND child_id = $1",
                           {child_});
    });
    ASSERT_TRUE(detail.ok() && detail.value());
    EXPECT_NE((*detail.value()).text(0).find("preferred_name"), std::string::npos);
}

TEST_F(ChildStore, AStaleVersionIsAConflictAndWritesNothing) {
    ChildDetails first = details_;
    first.preferred_name = "Ash";
    ASSERT_TRUE(amend_as(other_, 1, first, "Preferred name").ok());
    const auto versions_before = versions_count();
    const auto amends_before = amend_entries();

    // Chris opened the record at version 1 too, and saves after Dana.
    ChildDetails second = details_;
    second.pronouns = "they/them";
    Status stale = amend_as(staff_, 1, second, "Pronouns");
    ASSERT_FALSE(stale.ok());
    EXPECT_EQ(stale.error().kind, ErrorKind::conflict);
    EXPECT_NE(stale.error().message.find("Dana Lewis"), std::string::npos) << stale.error().message;

    EXPECT_EQ(versions_count(), versions_before);
    EXPECT_EQ(amend_entries(), amends_before);
    auto now = db_->read([&](db::Connection& c) { return find(c, child_); });
    ASSERT_TRUE(now.ok() && now.value());
    EXPECT_EQ(now.value()->version, 2);
    EXPECT_EQ(now.value()->details.pronouns, "she/her");
    EXPECT_EQ(now.value()->details.preferred_name, "Ash");
    EXPECT_EQ(count("SELECT COUNT(*) FROM chronology WHERE kind = 'record_change' AND "
                    "child_id = $1"),
              1);  // Dana's amendment only
}

TEST_F(ChildStore, AnAmendmentWithNoChangesIsRefused) {
    Status same = amend_as(staff_, 1, details_, "Checked it");
    ASSERT_FALSE(same.ok());
    EXPECT_EQ(same.error().kind, ErrorKind::invalid_input);
    ASSERT_EQ(same.error().fields.size(), 1u);
    EXPECT_EQ(same.error().fields.front().field, "reason");
    EXPECT_TRUE(says(same.error().message, "Nothing was changed")) << same.error().message;
    EXPECT_EQ(versions_count(), 1);
    EXPECT_EQ(amend_entries(), 0);
}

TEST_F(ChildStore, AnAmendmentNeedsAReason) {
    ChildDetails changed = details_;
    changed.religion = "Christian";
    Status no_reason = amend_as(staff_, 1, changed, "");
    ASSERT_FALSE(no_reason.ok());
    ASSERT_FALSE(no_reason.error().fields.empty());
    EXPECT_EQ(no_reason.error().fields.front().field, "reason");
    EXPECT_TRUE(says(no_reason.error().message, "Enter why you are changing this record"))
        << no_reason.error().message;
    EXPECT_EQ(versions_count(), 1);
}

TEST_F(ChildStore, TheFirstKeyWorkerMustBeStaffOfTheHomeAndNothingIsHalfAdmitted) {
    const auto children_before = hearth::testing::count_rows(*db_, "SELECT COUNT(*) FROM children");
    auto bad = db_->write([&](db::Connection& c) {
        return admit(c, home_, details_, WhenAdmitted{}, actor(staff_), now_, 9999);
    });
    ASSERT_FALSE(bad.ok());
    ASSERT_FALSE(bad.error().fields.empty());
    EXPECT_EQ(bad.error().fields.front().field, "key_worker");
    EXPECT_TRUE(says(bad.error().message, "must be staff of this home")) << bad.error().message;
    EXPECT_EQ(hearth::testing::count_rows(*db_, "SELECT COUNT(*) FROM children"), children_before);
}

TEST_F(ChildStore, AdmissionIsInTheChronologyWithTheFirstKeyWorker) {
    auto entry = db_->read([&](db::Connection& c) {
        return c.query_one(
            "SELECT kind, source_type, title, link, significant, occurred_at "
            "FROM chronology WHERE child_id = $1",
            {child_});
    });
    ASSERT_TRUE(entry.ok() && entry.value());
    const auto& r = *entry.value();
    EXPECT_EQ(r.text(0), "admission");
    EXPECT_EQ(r.text(1), "child_version");
    EXPECT_EQ(r.text(2), "Came to live at Willow House");
    EXPECT_EQ(r.text(3), "/children/" + std::to_string(child_));
    EXPECT_TRUE(r.boolean(4));
    // Admitted on 2 September 2024: the start of that day in London (summer time).
    EXPECT_EQ(r.text(5), "2024-09-01T23:00:00.000Z");
    EXPECT_EQ(count("SELECT COUNT(*) FROM key_worker_changes WHERE kind = 'admission' AND "
                    "child_id = $1"),
              1);
}

TEST_F(ChildStore, AnAmendmentIsInTheChronologyLinkedToItsVersion) {
    ChildDetails changed = details_;
    changed.school = "Westmere Academy";
    changed.iro_name = "Pat Hensley";
    ASSERT_TRUE(amend_as(other_, 1, changed, "From the placement plan").ok());
    auto entry = db_->read([&](db::Connection& c) {
        return c.query_one(
            "SELECT c.title, c.summary, c.link, c.author_name, c.source_type, v.record_type, "
            "v.record_id, v.version FROM chronology c JOIN record_versions v ON v.id = "
            "c.source_id WHERE c.kind = 'record_change' AND c.child_id = $1",
            {child_});
    });
    ASSERT_TRUE(entry.ok() && entry.value());
    EXPECT_EQ(entry.value()->text(0),
              "Record amended: Independent Reviewing Officer, School or college");
    EXPECT_EQ(entry.value()->text(1), "From the placement plan");
    EXPECT_EQ(entry.value()->text(2), "/children/" + std::to_string(child_) + "#version-2");
    EXPECT_EQ(entry.value()->text(3), "Dana Lewis");
    // The line names the version it is about: its row among the kept versions.
    EXPECT_EQ(entry.value()->text(4), "child_version");
    EXPECT_EQ(entry.value()->text(5), "child");
    EXPECT_EQ(entry.value()->integer(6), child_);
    EXPECT_EQ(entry.value()->integer(7), 2);
}

TEST_F(ChildStore, ReadsAreRecordedAndScopeIsResolved) {
    auto found = db_->read([&](db::Connection& c) { return find(c, child_); });
    ASSERT_TRUE(found.ok() && found.value());
    ASSERT_TRUE(db_->write([&](db::Connection& c) {
                       return record_read(c, *found.value(), actor(other_), now_);
                   })
                    .ok());
    auto readers = db_->read(
        [&](db::Connection& c) { return audit::for_child(c, child_, "read", std::nullopt, 10); });
    ASSERT_TRUE(readers.ok());
    ASSERT_EQ(readers->entries.size(), 1u);
    EXPECT_EQ(readers->entries[0].actor, "Dana Lewis");

    Scope scope;
    ASSERT_TRUE(db_->read([&](db::Connection& c) { return resolve_scope(c, child_, scope); }).ok());
    EXPECT_EQ(scope.home_id, home_);
    EXPECT_EQ(scope.child_id, child_);
    EXPECT_FALSE(scope.reg44_consent);
    Scope none;
    Status missing =
        db_->read([&](db::Connection& c) { return resolve_scope(c, child_ + 100, none); });
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().kind, ErrorKind::not_found);
}

// Reg 44(4)(b): the independent person reads the record only while the child and the placing
// authority both consent; each is recorded apart, and a withdrawal ends it.
TEST_F(ChildStore, TheIndependentPersonReadsOnlyWhileBothConsentsStand) {
    auto consent_now = [&] {
        Scope scope;
        EXPECT_TRUE(
            db_->read([&](db::Connection& c) { return resolve_scope(c, child_, scope); }).ok());
        return scope.reg44_consent;
    };
    auto record = [&](const std::string& party, bool consents) {
        Reg44Consent one{party, consents, "Said at a meeting", *parse_date("2026-10-01"), "", now_};
        return db_->write([&](db::Connection& c) {
            return record_reg44_consent(c, child_, one, actor(other_), now_);
        });
    };
    EXPECT_FALSE(consent_now());
    ASSERT_TRUE(record("child", true).ok());
    EXPECT_FALSE(consent_now()) << "the child's alone is not enough";
    ASSERT_TRUE(record("placing_authority", true).ok());
    EXPECT_TRUE(consent_now());
    ASSERT_TRUE(record("child", false).ok());
    EXPECT_FALSE(consent_now()) << "a withdrawal ends it";

    auto consents = db_->read([&](db::Connection& c) { return reg44_consents_of(c, child_); });
    ASSERT_TRUE(consents.ok());
    EXPECT_EQ(consents->history.size(), 3u);
    ASSERT_TRUE(consents->child.has_value());
    EXPECT_FALSE(consents->child->consents);
    EXPECT_EQ(consents->child->recorded_by, "Dana Lewis");
    EXPECT_EQ(hearth::testing::count_rows(
                  *db_, "SELECT COUNT(*) FROM audit_log WHERE action = 'reg44_consent_withdrawn'"),
              1);

    auto nobody = record("neighbour", true);
    ASSERT_FALSE(nobody.ok());
    EXPECT_EQ(nobody.error().fields.front().field, "party");
}

}  // namespace

}  // namespace children_test
