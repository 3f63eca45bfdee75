// What a child's plans look like to a reader: the glance on the child's page, the plan's page
// keeping what was typed through an idle sign-out, and every version in the child's export.
#include <gtest/gtest.h>

#include "plan_fixture.hpp"
#include "plans/plan_export.hpp"
#include "plans/plan_glance.hpp"

// Each test file's own names, apart from the others built beside it (tests/CMakeLists.txt).
namespace plan_pages_test {

using namespace hearth;
using namespace hearth::plans;
using namespace std::chrono_literals;
using hearth::testing::Browser;
using hearth::testing::count_rows;
using hearth::testing::date;
using hearth::testing::fields_of;
using hearth::testing::header_of;
using hearth::testing::InProcessApp;
using hearth::testing::message_at;
using hearth::testing::PlanStore;
using hearth::testing::says;

namespace {

const Date today = hearth::testing::test_today();

TEST_F(PlanStore, TheChildsPageAtAGlance) {
    auto empty = db_->read(
        [&](db::Connection& c) { return glance(c, child_, std::vector<std::string>{}, now_); });
    ASSERT_TRUE(empty.ok());
    EXPECT_FALSE((*empty)["has_plans"].get<bool>());
    EXPECT_FALSE((*empty)["has_risks"].get<bool>());
    EXPECT_FALSE((*empty)["has_key_workers"].get<bool>());

    auto behaviour_id = start_plan(
        "behaviour_plan", behaviour("- Time\n- Her sketchbook", today, date("2026-08-12")));
    ASSERT_TRUE(behaviour_id.ok());
    auto risk_id = start_plan("risk_going_missing", risk("high", today, date("2026-05-20")));
    ASSERT_TRUE(risk_id.ok());
    ASSERT_TRUE(sign(risk_id.value(), 1).ok());
    auto data = db_->read([&](db::Connection& c) {
        return glance(c, child_, {"Chris Okafor", "Dana Lewis"},
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
}

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
    EXPECT_EQ(count_rows(*app.db, "SELECT current_version FROM plans WHERE id = 2"), 2);

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
    auto all = db_->read([&](db::Connection& c) { return everything_about(c, child_); });
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
    all = db_->read([&](db::Connection& c) { return everything_about(c, child_); });
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

}  // namespace plan_pages_test
