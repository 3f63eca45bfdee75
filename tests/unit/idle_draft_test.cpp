// Nothing typed is lost to an idle sign-out: the amend form posted after the session went idle is
// kept as a draft, and comes back, to the same person only, after they sign in again.
#include <gtest/gtest.h>

#include <regex>

#include "test_support.hpp"

// Each test file's own names, apart from the others built beside it (tests/CMakeLists.txt).
namespace idle_draft_test {

using namespace hearth;
using hearth::testing::Browser;
using hearth::testing::header_of;
using hearth::testing::InProcessApp;

namespace {

// Child 1 (Aisha Bennett) as the amend form would send it, with a new preferred name.
std::string amend_body(const std::string& csrf, int version, const std::string& preferred) {
    return "csrf_token=" + http::url_encode(csrf) + "&version=" + std::to_string(version) +
           "&first_name=Aisha&last_name=Bennett&preferred_name=" + http::url_encode(preferred) +
           "&previous_names=&date_of_birth-day=17&date_of_birth-month=4&date_of_birth-year=2011"
           "&sex=female&pronouns=she%2Fher&religion=None&ethnicity=White+British&language=English"
           "&legal_basis=s31&placing_authority=Northshire+County+Council"
           "&placing_authority_contact=Placements+team%2C+01632+960100&social_worker_name=Casey+"
           "Nolan"
           "&admission_date-day=2&admission_date-month=9&admission_date-year=2024"
           "&reason=" +
           http::url_encode("She asked to be called Ash");
}

std::string query_value(const std::string& location, const std::string& name) {
    std::smatch m;
    std::regex re("[?&]" + name + "=([^&]*)");
    return std::regex_search(location, m, re) ? std::string(m[1]) : std::string();
}

class IdleDraftStore : public ::testing::Test {
  protected:
    InProcessApp app_;
    std::chrono::minutes idle() const {
        return std::chrono::minutes(app_.config.session_idle_minutes);
    }
};

TEST_F(IdleDraftStore, WhatWasTypedComesBackAfterSigningInAgain) {
    Browser b(app_);
    b.sign_in_or_fail("rsw1.willow@example.org");
    ASSERT_EQ(b.get("/children/1/edit").status, 200);
    const std::string csrf = b.csrf;

    app_.clock.advance(idle() + std::chrono::minutes(1));
    http::Response posted = b.post("/children/1", amend_body(csrf, 1, "Ash"));
    ASSERT_EQ(posted.status, 303) << posted.body.substr(0, 300);
    const std::string location = header_of(posted, "Location");
    EXPECT_EQ(location.rfind("/sign-in?", 0), 0u) << location;
    EXPECT_EQ(query_value(location, "timed_out"), "1") << location;
    EXPECT_EQ(query_value(location, "next"), http::url_encode("/children/1")) << location;
    const std::string draft = query_value(location, "draft");
    ASSERT_FALSE(draft.empty()) << location;
    // Nothing was saved: the record is still at version 1.
    EXPECT_EQ(hearth::testing::count_rows(*app_.db, "SELECT version FROM children WHERE id = 1"),
              1);

    // The sign-in page says the typing was kept, and carries the way back.
    http::Response page = b.get(location);
    ASSERT_EQ(page.status, 200);
    EXPECT_NE(page.body.find("We kept what you were typing"), std::string::npos);
    EXPECT_NE(page.body.find("name=\"draft\" value=\"" + draft + "\""), std::string::npos);

    http::Response signed_in = b.post("/sign-in", "csrf_token=" + http::url_encode(b.csrf) +
                                                      "&email=rsw1.willow%40example.org&password=" +
                                                      http::url_encode(demo::demo_password) +
                                                      "&next=%2Fchildren%2F1&draft=" + draft);
    ASSERT_EQ(signed_in.status, 303) << signed_in.body.substr(0, 300);
    EXPECT_EQ(header_of(signed_in, "Location"), "/children/1?draft=" + draft);

    http::Response form = b.get("/children/1?draft=" + draft);
    ASSERT_EQ(form.status, 200);
    EXPECT_NE(form.body.find("We kept what you were typing"), std::string::npos);
    EXPECT_NE(form.body.find("name=\"preferred_name\" type=\"text\" value=\"Ash\""),
              std::string::npos)
        << "the typed preferred name is not in the form";
    EXPECT_NE(form.body.find("She asked to be called Ash"), std::string::npos)
        << "the reason was lost";
    EXPECT_NE(form.body.find("name=\"version\" value=\"1\""), std::string::npos);

    // And saving it from there works: the version they read is still current.
    http::Response saved = b.post("/children/1", amend_body(b.csrf, 1, "Ash"));
    ASSERT_EQ(saved.status, 303) << saved.body.substr(0, 500);
    EXPECT_EQ(header_of(saved, "Location"), "/children/1/record?amended=1");
    EXPECT_EQ(hearth::testing::count_rows(*app_.db, "SELECT version FROM children WHERE id = 1"),
              2);
    EXPECT_EQ(
        hearth::testing::count_rows(
            *app_.db, "SELECT COUNT(*) FROM children WHERE id = 1 AND preferred_name = 'Ash'"),
        1);
}

TEST_F(IdleDraftStore, AnotherPersonCannotLoadTheDraft) {
    Browser b(app_);
    b.sign_in_or_fail("rsw1.willow@example.org");
    ASSERT_EQ(b.get("/children/1/edit").status, 200);
    app_.clock.advance(idle() + std::chrono::minutes(1));
    http::Response posted = b.post("/children/1", amend_body(b.csrf, 1, "Ash"));
    const std::string draft = query_value(header_of(posted, "Location"), "draft");
    ASSERT_FALSE(draft.empty());

    Browser other(app_, "192.0.2.99");
    other.sign_in_or_fail("rsw2.willow@example.org");  // same home, may amend child 1 too
    http::Response r = other.get("/children/1?draft=" + draft);
    ASSERT_EQ(r.status, 200);
    EXPECT_EQ(r.body.find("We kept what you were typing"), std::string::npos);
    EXPECT_EQ(r.body.find("value=\"Ash\""), std::string::npos);
    EXPECT_EQ(r.body.find("She asked to be called Ash"), std::string::npos);

    // Nor does signing in with someone else's draft number bring it to them.
    Browser third(app_, "192.0.2.98");
    http::Response via_sign_in = third.sign_in("deputy.willow@example.org", demo::demo_password,
                                               "&next=%2Fchildren%2F1&draft=" + draft);
    ASSERT_EQ(via_sign_in.status, 303);
    http::Response page = third.get(header_of(via_sign_in, "Location"));
    EXPECT_EQ(page.body.find("She asked to be called Ash"), std::string::npos);
}

TEST_F(IdleDraftStore, AnActiveSessionIsNotSignedOut) {
    Browser b(app_);
    b.sign_in_or_fail("rsw1.willow@example.org");
    // Each request moves the idle limit on: four requests, each just inside it.
    for (int i = 0; i < 4; ++i) {
        app_.clock.advance(idle() - std::chrono::minutes(1));
        ASSERT_EQ(b.get("/children/1").status, 200) << i;
    }
    app_.clock.advance(idle());
    http::Response r = b.get("/children/1");
    ASSERT_EQ(r.status, 303);
    EXPECT_EQ(query_value(header_of(r, "Location"), "timed_out"), "1");
}

TEST_F(IdleDraftStore, PastTheLongestLimitThereIsNoDraft) {
    Browser b(app_);
    b.sign_in_or_fail("rsw1.willow@example.org");
    app_.clock.advance(std::chrono::hours(app_.config.session_max_hours) + std::chrono::minutes(1));
    http::Response posted = b.post("/children/1", amend_body(b.csrf, 1, "Ash"));
    ASSERT_EQ(posted.status, 303);
    const std::string location = header_of(posted, "Location");
    EXPECT_EQ(location.rfind("/sign-in?", 0), 0u);
    EXPECT_TRUE(query_value(location, "draft").empty()) << location;
}

// A draft waits for its person at most drafts_kept_days (issue 11): after that it does not come
// back, and the next draft kept by anyone deletes it.
TEST_F(IdleDraftStore, ADraftPastItsDaysDoesNotComeBackAndIsDeleted) {
    Browser b(app_);
    b.sign_in_or_fail("rsw1.willow@example.org");
    ASSERT_EQ(b.get("/children/1/edit").status, 200);
    app_.clock.advance(idle() + std::chrono::minutes(1));
    const std::string draft = query_value(
        header_of(b.post("/children/1", amend_body(b.csrf, 1, "Ash")), "Location"), "draft");
    ASSERT_FALSE(draft.empty());

    app_.clock.advance(std::chrono::days(app_.config.drafts_kept_days) + std::chrono::hours(1));
    Browser again(app_);
    again.sign_in_or_fail("rsw1.willow@example.org");
    http::Response form = again.get("/children/1?draft=" + draft);
    ASSERT_EQ(form.status, 200);
    EXPECT_EQ(form.body.find("She asked to be called Ash"), std::string::npos);

    // Someone else's session goes idle while they type: keeping their draft deletes the old one.
    Browser other(app_, "192.0.2.99");
    other.sign_in_or_fail("rsw2.willow@example.org");
    ASSERT_EQ(other.get("/children/1/edit").status, 200);
    app_.clock.advance(idle() + std::chrono::minutes(1));
    http::Response kept = other.post("/children/1", amend_body(other.csrf, 1, "Aisha B"));
    ASSERT_FALSE(query_value(header_of(kept, "Location"), "draft").empty())
        << kept.status << " " << header_of(kept, "Location");
    // (SQLite may give the new draft the old one's id, so the old one is found by its person.)
    EXPECT_EQ(hearth::testing::count_rows(
                  *app_.db,
                  "SELECT COUNT(*) FROM drafts d JOIN people p ON p.id = d.person_id "
                  "WHERE p.email = 'rsw1.willow@example.org'"),
              0);
    EXPECT_EQ(hearth::testing::count_rows(*app_.db, "SELECT COUNT(*) FROM drafts"), 1);
}

// Signing out deletes every draft of the person signing out, and nobody else's.
TEST_F(IdleDraftStore, SigningOutDeletesTheirDrafts) {
    for (const char* email : {"rsw1.willow@example.org", "rsw2.willow@example.org"}) {
        Browser b(app_, email[3] == '1' ? "192.0.2.10" : "192.0.2.99");
        b.sign_in_or_fail(email);
        ASSERT_EQ(b.get("/children/1/edit").status, 200);
        app_.clock.advance(idle() + std::chrono::minutes(1));
        ASSERT_EQ(b.post("/children/1", amend_body(b.csrf, 1, "Ash")).status, 303);
    }
    ASSERT_EQ(hearth::testing::count_rows(*app_.db, "SELECT COUNT(*) FROM drafts"), 2);

    Browser b(app_);
    b.sign_in_or_fail("rsw1.willow@example.org");
    ASSERT_EQ(b.get("/children/1").status, 200);
    ASSERT_EQ(b.post("/sign-out", "csrf_token=" + http::url_encode(b.csrf)).status, 303);
    EXPECT_EQ(hearth::testing::count_rows(
                  *app_.db,
                  "SELECT COUNT(*) FROM drafts d JOIN people p ON p.id = d.person_id "
                  "WHERE p.email = 'rsw1.willow@example.org'"),
              0);
    EXPECT_EQ(hearth::testing::count_rows(*app_.db, "SELECT COUNT(*) FROM drafts"), 1);
}

}  // namespace

}  // namespace idle_draft_test
