// Key-worker changes: the child's view in their words or why they could not be asked, every spell
// and change kept, a stale change refused, and a child who has left keeps the history.
#include <gtest/gtest.h>

#include "case_record_fixture.hpp"
#include "children/key_workers/key_worker_change.hpp"
#include "children/key_workers/key_worker_store.hpp"

// Each test file's own names, apart from the others built beside it (tests/CMakeLists.txt).
namespace key_workers_test {

using namespace hearth;
using namespace hearth::children;
using hearth::testing::BodyRule;
using hearth::testing::fields_of;
using hearth::testing::form_of;
using hearth::testing::refused_at;

namespace {

Result<KeyWorkerChange> change_form(const std::string& body) {
    auto form = http::FormData::from_urlencoded(body);
    if (!form.ok())
        return form.error();
    http::FormReader reader(form.value());
    return read_key_worker_change(reader, "Aisha");
}

TEST(KeyWorkerChangeForm, NeedsTheChildsViewOrWhyTheyCouldNotBeAsked) {
    auto with_view = change_form(
        "key_workers=5&key_workers=6&reason=Nights&child_view=I+like+Dana&read_change=3");
    ASSERT_TRUE(with_view.ok()) << with_view.error().message;
    EXPECT_EQ(with_view->key_worker_ids, (std::vector<std::int64_t>{5, 6}));
    EXPECT_EQ(with_view->child_view, "I like Dana");
    EXPECT_EQ(with_view->read_change, 3);
    auto not_asked =
        change_form("key_workers=5&reason=Nights&view_not_asked=In+hospital&read_change=0");
    ASSERT_TRUE(not_asked.ok());
    EXPECT_EQ(not_asked->view_not_asked, "In hospital");

    auto bare = change_form("");
    EXPECT_EQ(fields_of(bare.error()),
              (std::vector<std::string>{"reason", "read_change", "child_view"}));
}

// clang-format off
const BodyRule change_rules[] = {
    {"TheChildsViewOrWhyTheyCouldNotBeAsked", "key_workers=5&reason=Nights&read_change=0",
     "child_view", "what Aisha said"},
    {"NotBothTheirViewAndWhyTheyCouldNotBeAsked",
     "key_workers=5&reason=Nights&child_view=Yes&view_not_asked=No&read_change=0",
     "view_not_asked", "You have written what Aisha said"},
};
// clang-format on

class KeyWorkerChangeFormRule : public ::testing::TestWithParam<BodyRule> {};

TEST_P(KeyWorkerChangeFormRule, IsRefusedAtItsFieldWithWhy) {
    EXPECT_TRUE(refused_at(change_form(GetParam().body), GetParam().field, GetParam().words));
}

INSTANTIATE_TEST_SUITE_P(KeyWorkerChangeForm, KeyWorkerChangeFormRule,
                         ::testing::ValuesIn(change_rules), hearth::testing::RuleName());

TEST(KeyWorkerChangeForm, SomeoneNamedTwiceIsOneKeyWorker) {
    auto r = change_form(
        "key_workers=6&key_workers=5&key_workers=6&reason=x&child_view=y&"
        "read_change=0");
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->key_worker_ids, (std::vector<std::int64_t>{5, 6}));
}

TEST(KeyWorkerChangeForm, AChangeMustChangeSomething) {
    for (const auto& [now, wanted] :
         {std::pair<std::vector<std::int64_t>, std::vector<std::int64_t>>{{5, 6}, {6, 5}},
          {{}, {}},
          {{5}, {5, 5}}}) {
        Status same = check_changes_something(now, wanted);
        ASSERT_FALSE(same.ok());
        EXPECT_EQ(fields_of(same.error()), std::vector<std::string>{"key_workers"});
        EXPECT_NE(same.error().message.find("already their key workers"), std::string::npos);
    }
    EXPECT_TRUE(check_changes_something({5}, {6}).ok());
    EXPECT_TRUE(check_changes_something({5}, {}).ok());
    EXPECT_TRUE(check_changes_something({}, {5}).ok());
}

class KeyWorkerStore : public hearth::testing::CaseRecordTest {
  protected:
    Result<std::int64_t> change(std::vector<std::int64_t> to, std::int64_t read_change,
                                const std::string& view = "I'll miss Chris") {
        KeyWorkerChange k;
        k.key_worker_ids = std::move(to);
        k.reason = "Chris is moving to nights";
        k.child_view = view;
        k.view_not_asked = view.empty() ? "She was away on the school trip" : "";
        k.relationships = "Chris keeps Friday baking once a month";
        k.read_change = read_change;
        return db_->write([&](db::Connection& c) {
            return change_key_workers(c, child_, k, as(manager_), tick());
        });
    }
    std::int64_t latest() {
        auto l = db_->read([&](db::Connection& c) { return latest_key_worker_change(c, child_); });
        return l.ok() ? *l : -1;
    }
};

TEST_F(KeyWorkerStore, AChangeEndsAndStartsSpellsWithTheChildsView) {
    const auto admitted = latest();
    ASSERT_GT(admitted, 0);  // the first key worker was named at admission
    auto id = change({dana_}, admitted);
    ASSERT_TRUE(id.ok()) << id.error().message;

    auto spells = db_->read([&](db::Connection& c) { return key_worker_spells(c, child_); });
    ASSERT_TRUE(spells.ok());
    ASSERT_EQ(spells->size(), 2u);
    EXPECT_EQ((*spells)[0].name, "Dana Lewis");
    EXPECT_FALSE((*spells)[0].ended_at.has_value());
    EXPECT_EQ((*spells)[0].start_change_id, *id);
    EXPECT_EQ((*spells)[1].name, "Chris Okafor");
    EXPECT_TRUE((*spells)[1].ended_at.has_value());
    EXPECT_EQ((*spells)[1].end_change_id, *id);
    EXPECT_EQ((*spells)[1].start_change_id, admitted);

    auto changes = db_->read([&](db::Connection& c) { return key_worker_changes(c, child_); });
    ASSERT_TRUE(changes.ok());
    ASSERT_EQ(changes->size(), 2u);
    const auto& c = (*changes)[0];
    EXPECT_EQ(c.kind, "change");
    EXPECT_EQ(c.changed_by, "Sam Carter");
    EXPECT_EQ(c.child_view, "I'll miss Chris");
    EXPECT_EQ(c.relationships, "Chris keeps Friday baking once a month");
    EXPECT_EQ(c.started, std::vector<std::string>{"Dana Lewis"});
    EXPECT_EQ(c.ended, std::vector<std::string>{"Chris Okafor"});
    EXPECT_EQ((*changes)[1].kind, "admission");

    auto child = db_->read([&](db::Connection& c2) { return children::find(c2, child_); });
    ASSERT_EQ((*child)->key_workers.size(), 1u);
    EXPECT_EQ((*child)->key_workers[0].name, "Dana Lewis");

    auto entry = db_->read([&](db::Connection& c2) {
        return c2.query_one(
            "SELECT title, summary, link FROM chronology WHERE kind = "
            "'key_worker_change' AND child_id = $1",
            {child_});
    });
    ASSERT_TRUE(entry.ok() && entry.value());
    EXPECT_EQ(entry.value()->text(0), "Key worker: Dana Lewis in place of Chris Okafor");
    EXPECT_EQ(entry.value()->text(1), "Aisha Bennett said: \"I'll miss Chris\"");
    EXPECT_EQ(entry.value()->text(2), "/children/" + std::to_string(child_) + "/key-workers");
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE record_type = 'key_worker_change' AND "
                    "child_id = $1"),
              1);
}

TEST_F(KeyWorkerStore, WhyTheChildCouldNotBeAskedIsKeptInsteadOfTheirView) {
    ASSERT_TRUE(change({chris_, dana_}, latest(), "").ok());
    auto changes = db_->read([&](db::Connection& c) { return key_worker_changes(c, child_); });
    EXPECT_EQ((*changes)[0].view_not_asked, "She was away on the school trip");
    EXPECT_EQ((*changes)[0].started, std::vector<std::string>{"Dana Lewis"});
    EXPECT_TRUE((*changes)[0].ended.empty());
    auto summary = db_->read([&](db::Connection& c) {
        return c.query_one(
            "SELECT summary FROM chronology WHERE kind = 'key_worker_change' AND "
            "child_id = $1",
            {child_});
    });
    EXPECT_EQ(summary.value()->text(0),
              "Aisha Bennett could not be asked: She was away on the school trip");
}

TEST_F(KeyWorkerStore, AStaleChangeIsAConflictAndWritesNothing) {
    const auto admitted = latest();
    ASSERT_TRUE(change({dana_}, admitted).ok());
    const auto spells = count("SELECT COUNT(*) FROM key_workers WHERE child_id = $1");
    // Someone opened the form before that change, and saves after it.
    auto stale = change({chris_, dana_}, admitted);
    ASSERT_FALSE(stale.ok());
    EXPECT_EQ(stale.error().kind, ErrorKind::conflict);
    EXPECT_NE(stale.error().message.find("Someone else changed these key workers"),
              std::string::npos)
        << stale.error().message;
    EXPECT_EQ(count("SELECT COUNT(*) FROM key_workers WHERE child_id = $1"), spells);
    EXPECT_EQ(count("SELECT COUNT(*) FROM key_worker_changes WHERE child_id = $1"), 2);
    EXPECT_EQ(count("SELECT COUNT(*) FROM chronology WHERE kind = 'key_worker_change' AND "
                    "child_id = $1"),
              1);
}

TEST_F(KeyWorkerStore, OnlyStaffOfTheHomeAndOnlyARealChange) {
    auto elsewhere = change({elsewhere_}, latest());
    ASSERT_FALSE(elsewhere.ok());
    EXPECT_EQ(fields_of(elsewhere.error()), std::vector<std::string>{"key_workers"});
    EXPECT_NE(elsewhere.error().message.find("must be staff of this home"), std::string::npos)
        << elsewhere.error().message;
    auto same = change({chris_}, latest());
    ASSERT_FALSE(same.ok());
    EXPECT_EQ(fields_of(same.error()), std::vector<std::string>{"key_workers"});
    EXPECT_NE(same.error().message.find("already their key workers"), std::string::npos)
        << same.error().message;
    EXPECT_EQ(count("SELECT COUNT(*) FROM key_worker_changes WHERE child_id = $1"), 1);
}

TEST_F(KeyWorkerStore, StaffOfTheHomeAreOffered) {
    auto staff = db_->read([&](db::Connection& c) { return staff_of_home(c, home_); });
    ASSERT_TRUE(staff.ok());
    std::vector<std::string> names;
    for (const auto& s : *staff)
        names.push_back(s.name);
    EXPECT_EQ(names, (std::vector<std::string>{"Chris Okafor", "Dana Lewis", "Sam Carter"}));
}

}  // namespace

}  // namespace key_workers_test
