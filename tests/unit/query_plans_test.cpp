// Every page the load benchmark touches is served from indexes: each query those pages run is
// explained on provider-scale demo data, and the test fails if any plan scans a table that grows
// with time. SQLite: EXPLAIN QUERY PLAN; PostgreSQL: EXPLAIN with sequential scans priced out, so a
// "Seq Scan" appears only where no index can serve.
#include <gtest/gtest.h>

#include <mutex>
#include <regex>
#include <set>
#include <tuple>

#include "children/child.hpp"
#include "language/language_checks.hpp"
#include "test_support.hpp"

// Each test file's own names, apart from the others built beside it (tests/CMakeLists.txt).
namespace query_plans_test {

using namespace hearth;
using hearth::testing::Browser;
using hearth::testing::InProcessApp;

namespace {

const std::set<std::string> growing_tables{"audit_log",
                                           "children",
                                           "key_workers",
                                           "allocations",
                                           "people",
                                           "roles",
                                           "sessions",
                                           "sign_in_failures",
                                           "drafts",
                                           "api_tokens",
                                           "chronology",
                                           "daily_entries",
                                           "record_versions",
                                           "agreed_actions",
                                           "handovers",
                                           "childrens_meetings",
                                           "childrens_meeting_attendees",
                                           "deadlines",
                                           "family_members",
                                           "valuables",
                                           "leavings",
                                           "key_worker_changes",
                                           "plans",
                                           "plan_versions",
                                           "plan_sharing",
                                           "bullying_concerns",
                                           "bullying_concern_children",
                                           "bullying_stages",
                                           "managed_interactions",
                                           "language_changes",
                                           "language_checks",
                                           "language_months",
                                           "language_phrase_months",
                                           "incidents",
                                           "incident_children",
                                           "incident_accounts",
                                           "incident_notifications",
                                           "child_debriefs",
                                           "staff_debriefs",
                                           "restorative_follow_ups",
                                           "measures",
                                           "measure_reviews",
                                           "reg35_authorisations",
                                           "training_records",
                                           "contacts"};

struct Recorded {
    std::string sql;
    db::Params params;
};

// alias -> table, from "FROM children c" and "JOIN people u ON ...".
std::map<std::string, std::string> aliases_in(const std::string& sql) {
    std::map<std::string, std::string> out;
    static const std::regex from(
        R"((?:FROM|JOIN|UPDATE)\s+([a-z_][a-z0-9_]*)(?:\s+(?:AS\s+)?([a-z]+))?)");
    for (std::sregex_iterator it(sql.begin(), sql.end(), from), end; it != end; ++it) {
        const std::string table = (*it)[1];
        out[table] = table;
        const std::string alias = (*it)[2];
        if (!alias.empty() && alias != "WHERE" && alias != "ON" && alias != "SET" &&
            alias != "ORDER")
            out[alias] = table;
    }
    return out;
}

// The plan lines that scan a growing table; empty when the query is served from indexes.
std::vector<std::string> scans_of_growing_tables(db::Database& db, const Recorded& q) {
    std::vector<std::string> bad;
    if (db.store() == db::Store::sqlite) {
        auto plan = db.read(
            [&](db::Connection& c) { return c.query("EXPLAIN QUERY PLAN " + q.sql, q.params); });
        EXPECT_TRUE(plan.ok()) << q.sql << ": " << (plan.ok() ? "" : plan.error().detail);
        if (!plan.ok())
            return bad;
        const auto aliases = aliases_in(q.sql);
        static const std::regex scan(R"(^SCAN ([a-z_][a-z0-9_]*))");
        for (const auto& row : plan.value()) {
            const std::string detail = row.text(3);
            std::smatch m;
            if (!std::regex_search(detail, m, scan))
                continue;
            auto it = aliases.find(m[1]);
            if (it != aliases.end() && growing_tables.count(it->second))
                bad.push_back(detail);
        }
    } else {
        auto plan = db.write([&](db::Connection& c) -> Result<db::Rows> {
            TRY(c.execute_script("SET LOCAL enable_seqscan = off"));
            return c.query("EXPLAIN " + q.sql, q.params);
        });
        EXPECT_TRUE(plan.ok()) << q.sql << ": " << (plan.ok() ? "" : plan.error().detail);
        if (!plan.ok())
            return bad;
        static const std::regex seq(R"(Seq Scan on ([a-z_][a-z0-9_]*))");
        for (const auto& row : plan.value()) {
            const std::string line = row.text(0);
            std::smatch m;
            if (std::regex_search(line, m, seq) && growing_tables.count(m[1]))
                bad.push_back(line);
        }
    }
    return bad;
}

class QueryPlansStore : public ::testing::Test {
  protected:
    std::mutex mutex;
    bool recording = false;
    std::vector<Recorded> statements;
    std::unique_ptr<InProcessApp> app;

    void SetUp() override {
        app = std::make_unique<InProcessApp>(
            false,
            [this](std::string_view sql, const db::Params& params) {
                std::lock_guard lock(mutex);
                if (recording)
                    statements.push_back({std::string(sql), params});
            },
            demo::Scale{3, 1, 7});
    }
    // Explains every statement recorded, once each; fails on any scan of a growing table.
    void check_plans();
};

TEST_F(QueryPlansStore, EveryQueryOfTheBenchmarkedPagesUsesAnIndex) {
    Browser browser(*app);
    browser.sign_in_or_fail("admin@example.org");
    auto child = app->db->read([](db::Connection& c) {
        return c.query_one(
            "SELECT id FROM children WHERE home_id = 1 AND left_on IS NULL ORDER BY id LIMIT 1");
    });
    ASSERT_TRUE(child.ok() && child.value());
    const std::string child_id = std::to_string(child.value()->integer(0));

    recording = true;
    const std::vector<std::string> pages{
        "/",
        "/organisation",
        "/homes/1",
        "/homes/1/children",
        "/homes/1/people",
        "/homes/1/audit",
        "/homes/1/audit?before=5000",
        "/children/" + child_id,
        "/children/" + child_id + "/edit",
        "/api/v1/homes/1/audit",
        "/children/" + child_id + "/chronology",
        "/children/" + child_id + "/chronology?significant=1",
        "/children/" + child_id + "/chronology?kind=praise",
        "/children/" + child_id + "/chronology?from=2026-01-01&to=2026-03-31",
        "/children/" + child_id + "/deadlines",
        "/homes/1/handover",
        "/homes/1/handovers",
        "/homes/1/deadlines",
        "/deadlines",
        "/homes/1/childrens-meetings",
        "/homes/1/search?q=school+science"};
    for (const auto& page : pages) {
        auto r = browser.get(page);
        EXPECT_TRUE(r.status == 200 || r.status == 303) << page << " " << r.status;
    }
    // A later page of the chronology: the keyset condition must use the index too.
    auto first =
        nlohmann::json::parse(browser.get("/api/v1/children/" + child_id + "/chronology").body);
    ASSERT_TRUE(first["next"].is_string()) << "the demo child has more than a page of entries";
    EXPECT_EQ(browser
                  .get("/children/" + child_id +
                       "/chronology?after=" + http::url_encode(first["next"].get<std::string>()))
                  .status,
              200);
    // The benchmark's write: an amendment of the child's record through the API.
    auto current = nlohmann::json::parse(browser.get("/api/v1/children/" + child_id).body);
    nlohmann::json amendment = nlohmann::json::object();
    for (const auto& [field, label] : children::field_labels())
        amendment[field] = current[field];
    amendment["pronouns"] = "they/them";
    amendment["version"] = current["version"];
    amendment["reason"] = "Asked to be called they";
    auto saved = browser.send("PUT", "/api/v1/children/" + child_id, amendment.dump(),
                              "application/json", {{"x-csrf-token", browser.csrf}});
    EXPECT_EQ(saved.status, 200) << saved.body;

    // A child's plans, written by the home's registered manager: start one, write a version, sign
    // it off, record its sharing, read it all.
    auto manager_email = app->db->read([](db::Connection& c) {
        return c.query_one(
            "SELECT p.email FROM roles r JOIN people p ON p.id = r.person_id WHERE "
            "r.home_id = 1 AND r.role = 'registered_manager' AND r.ended_at IS "
            "NULL ORDER BY p.id LIMIT 1");
    });
    ASSERT_TRUE(manager_email.ok() && manager_email.value());
    recording = false;
    Browser manager(*app);
    manager.sign_in_or_fail(manager_email.value()->text(0));
    recording = true;
    const std::string plans = "/api/v1/children/" + child_id + "/plans";
    nlohmann::json plan = {{"kind", "safety_plan"},
                           {"section_what_worries_us", "Late nights out"},
                           {"section_what_keeps_me_safe", "Texting staff"},
                           {"section_staff_actions", "Call at the agreed time"},
                           {"effective_on", "2026-05-12"},
                           {"review_by", "2026-08-12"},
                           {"reason", "First safety plan"},
                           {"child_views", "Ok"}};
    auto started = manager.send("POST", plans, plan.dump(), "application/json",
                                {{"x-csrf-token", manager.csrf}});
    ASSERT_EQ(started.status, 201) << started.body;
    const std::string plan_id =
        std::to_string(nlohmann::json::parse(started.body)["id"].get<int>());
    plan.erase("kind");
    plan["version"] = 1;
    plan["reason"] = "Reviewed";
    auto next = manager.send("POST", plans + "/" + plan_id + "/versions", plan.dump(),
                             "application/json", {{"x-csrf-token", manager.csrf}});
    EXPECT_EQ(next.status, 201) << next.body;
    auto signed_off = manager.send("POST", plans + "/" + plan_id + "/sign-off",
                                   nlohmann::json{{"version", 2}}.dump(), "application/json",
                                   {{"x-csrf-token", manager.csrf}});
    EXPECT_EQ(signed_off.status, 200) << signed_off.body;
    auto shared = manager.send(
        "POST", plans + "/" + plan_id + "/sharing",
        nlohmann::json{{"version", 2}, {"shared_with", {"child"}}, {"shared_on", "2026-05-12"}}
            .dump(),
        "application/json", {{"x-csrf-token", manager.csrf}});
    EXPECT_EQ(shared.status, 201) << shared.body;
    const std::string page = "/children/" + child_id + "/plans/" + plan_id;
    for (const auto& p :
         {"/children/" + child_id + "/plans", page, page + "?version=1", page + "?history=1",
          page + "/versions/new", page + "/sharing", page + "/sign-off", plans,
          plans + "/" + plan_id, "/children/" + child_id}) {
        auto r = manager.get(p);
        EXPECT_EQ(r.status, 200) << p;
    }
    recording = false;
    ASSERT_GT(statements.size(), 20u);
    check_plans();
}

// The pages and writes of the whole case record: family, key workers, money and valuables,
// leaving, the register of children and the export.
TEST_F(QueryPlansStore, EveryQueryOfTheCaseRecordPagesUsesAnIndex) {
    Browser browser(*app);
    browser.sign_in_or_fail("admin@example.org");
    auto child = app->db->read([](db::Connection& c) {
        return c.query_one(
            "SELECT id FROM children WHERE home_id = 1 AND left_on IS NULL ORDER BY id LIMIT 1");
    });
    ASSERT_TRUE(child.ok() && child.value());
    const std::string id = std::to_string(child.value()->integer(0));
    const std::string base = "/api/v1/children/" + id;
    auto api = [&](const std::string& method, const std::string& path, const nlohmann::json& body) {
        auto r = browser.send(method, path, body.dump(), "application/json",
                              {{"x-csrf-token", browser.csrf}});
        EXPECT_LT(r.status, 300) << method << " " << path << ": " << r.body;
        return r;
    };

    recording = true;
    auto member = nlohmann::json::parse(
        api("POST", base + "/family",
            {{"name", "Jade"}, {"relationship", "Mum"}, {"parental_responsibility", true}})
            .body);
    api("PUT", base + "/family/" + std::to_string(member["id"].get<int>()),
        {{"name", "Jade"},
         {"relationship", "Mum"},
         {"parental_responsibility", true},
         {"contact_details", "07700 900123"},
         {"version", 1},
         {"reason", "Phone"}});
    api("POST", base + "/valuables/deposits",
        {{"what", "money"},
         {"amount", "20.00"},
         {"deposited_on", format_date(local_date_of(app->clock.now()))},
         {"received_by", "Staff"}});
    api("POST", base + "/valuables/returns",
        {{"what", "money"},
         {"amount", "5"},
         {"returned_on", format_date(local_date_of(app->clock.now()))},
         {"returned_to", "Them"},
         {"returned_by", "Staff"}});
    auto workers = nlohmann::json::parse(browser.get(base + "/key-workers").body);
    api("POST", base + "/key-workers",
        {{"key_workers", nlohmann::json::array()},
         {"reason", "Test"},
         {"child_view", "Fine"},
         {"read_change", workers["latest_change"]}});
    // The second page of the register starts after a line of the first.
    const auto first = nlohmann::json::parse(browser.get("/api/v1/homes/1/register").body);
    ASSERT_FALSE(first["children"].empty());
    const std::string after = first["children"][0]["admitted_on"].get<std::string>() + "~" +
                              std::to_string(first["children"][0]["child_id"].get<int>());
    const std::vector<std::string> pages{"/children/" + id + "/people",
                                         "/children/" + id + "/key-workers",
                                         "/children/" + id + "/key-workers/change",
                                         "/children/" + id + "/valuables",
                                         "/children/" + id + "/valuables/return",
                                         "/children/" + id + "/export",
                                         "/children/" + id + "/export/record.html",
                                         "/homes/1/register",
                                         "/homes/1/register?after=" + after};
    for (const auto& page : pages) {
        auto r = browser.get(page);
        EXPECT_EQ(r.status, 200) << page;
    }
    api("POST", base + "/leaving",
        {{"left_on", format_date(local_date_of(app->clock.now()))},
         {"destination", "Home to mum"},
         {"reason", "Planned"},
         {"authority_informed_on", format_date(local_date_of(app->clock.now()))}});
    recording = false;
    ASSERT_GT(statements.size(), 30u);
    check_plans();
}

// Language that cares: the organisation's list, its figures, a check as staff type, and the check
// another capability records when it saves (twice: the second is an amendment).
TEST_F(QueryPlansStore, EveryQueryOfTheLanguagePagesUsesAnIndex) {
    Browser browser(*app);
    browser.sign_in_or_fail("admin@example.org");
    recording = true;
    for (const std::string page :
         {"/organisation/language", "/organisation/language?q=contact", "/organisation/language/1",
          "/organisation/language/figures", "/api/v1/language/figures"}) {
        auto r = browser.get(page);
        EXPECT_EQ(r.status, 200) << page;
    }
    auto checked = browser.send("POST", "/language/check",
                                "csrf_token=" + browser.csrf + "&text=He+kicked+off",
                                "application/x-www-form-urlencoded", {{"hx-request", "true"}});
    EXPECT_EQ(checked.status, 200);
    auto added = browser.send("POST", "/api/v1/language/phrases",
                              nlohmann::json{{"phrase", "lost it"},
                                             {"match", {"lose+|lost it"}},
                                             {"alternative", "Say what happened"},
                                             {"why", "It says nothing."},
                                             {"reason", "Team meeting"}}
                                  .dump(),
                              "application/json", {{"x-csrf-token", browser.csrf}});
    EXPECT_EQ(added.status, 201) << added.body;
    for (const char* text : {"She refused tea.", "She chose not to have tea."}) {
        auto recorded = app->db->write([&](db::Connection& c) {
            return language::check_and_record(c, 1, 1, std::nullopt, "daily_entry", 1, text,
                                              app->clock.now());
        });
        EXPECT_TRUE(recorded.ok());
    }
    recording = false;
    ASSERT_GT(statements.size(), 10u);
    check_plans();
}

// The contact a home's staff see every shift, on a provider's data: the Contact tab, the figures,
// the handover and the calendar feed a calendar app reads through its address.
TEST_F(QueryPlansStore, EveryQueryOfTheContactPagesUsesAnIndex) {
    auto found =
        app->db->read([](db::Connection& c) -> Result<std::pair<std::string, std::string>> {
            auto child = TRY(c.query_one(
                "SELECT child_id FROM contacts WHERE home_id = 1 AND state = 'planned' LIMIT 1"));
            auto manager = TRY(
                c.query_one("SELECT p.email FROM roles r JOIN people p ON p.id = r.person_id WHERE "
                            "r.home_id = 1 AND r.role = 'registered_manager' AND r.ended_at IS "
                            "NULL ORDER BY p.id LIMIT 1"));
            if (!child || !manager)
                return Error::not_found("no planned contact or manager in home 1");
            return std::pair{std::to_string(child->integer(0)), manager->text(0)};
        });
    ASSERT_TRUE(found.ok()) << "the provider-scale demo plans contact";
    const auto& [child_id, manager_email] = found.value();
    Browser manager(*app);
    manager.sign_in_or_fail(manager_email);
    auto made = manager.send("POST", "/homes/1/contact/calendar",
                             "csrf_token=" + manager.csrf + "&password=" + demo::demo_password,
                             "application/x-www-form-urlencoded");
    ASSERT_EQ(made.status, 201) << made.body.substr(0, 300);
    std::smatch address;
    ASSERT_TRUE(std::regex_search(
        made.body, address, std::regex(R"(/homes/1/contact/calendar\.ics\?key=([a-z_0-9A-Z-]+))")));
    const std::string feed = address[0];
    recording = true;
    for (const std::string& page : std::vector<std::string>{
             "/children/" + child_id + "/contact", "/children/" + child_id + "/contact/figures",
             "/homes/1/contact-figures", "/homes/1/handover", "/children/" + child_id}) {
        auto r = manager.get(page);
        EXPECT_EQ(r.status, 200) << page << ": " << r.body.substr(0, 300);
    }
    Browser calendar_app(*app);
    auto events = calendar_app.get(feed);
    EXPECT_EQ(events.status, 200) << events.body.substr(0, 300);
    EXPECT_NE(events.body.find("BEGIN:VEVENT"), std::string::npos);
    recording = false;
    ASSERT_GT(statements.size(), 20u);
    check_plans();
}

TEST_F(QueryPlansStore, EveryQueryOfTheBullyingPagesUsesAnIndex) {
    auto found = app->db->read(
        [](db::Connection& c) -> Result<std::tuple<std::string, std::string, std::string>> {
            auto concern = TRY(c.query_one(
                "SELECT k.id, k.child_id FROM bullying_concerns k JOIN managed_interactions m ON "
                "m.concern_id = k.id WHERE k.home_id = 1 ORDER BY k.id DESC LIMIT 1"));
            auto manager = TRY(
                c.query_one("SELECT p.email FROM roles r JOIN people p ON p.id = r.person_id WHERE "
                            "r.home_id = 1 AND r.role = 'registered_manager' AND r.ended_at IS "
                            "NULL ORDER BY p.id LIMIT 1"));
            if (!concern || !manager)
                return Error::not_found("no bullying concern kept apart, or manager, in home 1");
            return std::tuple{std::to_string(concern->integer(0)),
                              std::to_string(concern->integer(1)), manager->text(0)};
        });
    ASSERT_TRUE(found.ok()) << "the provider-scale demo records bullying concerns";
    const auto& [concern, child_id, manager_email] = found.value();
    Browser manager(*app);
    manager.sign_in_or_fail(manager_email);
    recording = true;
    for (const std::string& page : std::vector<std::string>{
             "/homes/1/bullying", "/homes/1/bullying/" + concern,
             "/children/" + child_id + "/relationships",
             "/children/" + child_id + "/bullying/" + concern, "/homes/1/handover", "/homes/1",
             "/children/" + child_id, "/homes/1/talked-about-bullying"}) {
        auto r = manager.get(page);
        EXPECT_EQ(r.status, 200) << page << ": " << r.body.substr(0, 300);
    }
    recording = false;
    ASSERT_GT(statements.size(), 20u);
    check_plans();
}

void QueryPlansStore::check_plans() {
    std::set<std::string> explained;
    for (const auto& q : statements) {
        if (q.sql.rfind("INSERT", 0) == 0 || !explained.insert(q.sql).second)
            continue;
        for (const auto& scan : scans_of_growing_tables(*app->db, q)) {
            ADD_FAILURE() << "scans a table that grows with time: " << scan << "\n  in: " << q.sql;
        }
    }
    EXPECT_GT(explained.size(), 10u);
}

TEST(QueryPlanCheckStore, FindsAScanWhenThereIsOne) {
    // The check itself must be able to fail: a query on an unindexed column is a scan.
    InProcessApp app;
    auto bad = scans_of_growing_tables(
        *app.db, {"SELECT seq FROM audit_log WHERE detail = $1", {std::string("x")}});
    EXPECT_FALSE(bad.empty());
}

}  // namespace

// Behaviour support and physical intervention: an incident with a hold and its Reg 35 record and
// sign-off, what followed it, then every page that reads them: the home's and the child's
// incidents, the figures, Ofsted's counts, the warmth picture and the learning shared.
TEST_F(QueryPlansStore, EveryQueryOfTheBehaviourPagesUsesAnIndex) {
    auto found =
        app->db->read([](db::Connection& c) -> Result<std::pair<std::string, std::string>> {
            auto child =
                TRY(c.query_one("SELECT id FROM children WHERE home_id = 1 AND left_on IS "
                                "NULL ORDER BY id LIMIT 1"));
            auto manager = TRY(
                c.query_one("SELECT p.email FROM roles r JOIN people p ON p.id = r.person_id WHERE "
                            "r.home_id = 1 AND r.role = 'registered_manager' AND r.ended_at IS "
                            "NULL ORDER BY p.id LIMIT 1"));
            if (!child || !manager)
                return Error::not_found("no child or manager in home 1");
            return std::pair{std::to_string(child->integer(0)), manager->text(0)};
        });
    ASSERT_TRUE(found.ok());
    const auto& [child_id, manager_email] = found.value();
    auto staff = app->db->read([](db::Connection& c) {
        return c.query(
            "SELECT person_id FROM roles WHERE home_id = 1 AND role = "
            "'support_worker' AND ended_at IS NULL ORDER BY person_id LIMIT 2");
    });
    ASSERT_TRUE(staff.ok() && staff.value().size() == 2);
    const std::string holder = std::to_string(staff.value()[0].integer(0));
    const std::string helper = std::to_string(staff.value()[1].integer(0));
    Browser manager(*app);
    manager.sign_in_or_fail(manager_email);
    const auto send = [&](const std::string& path, const nlohmann::json& body) {
        return manager.send("POST", path, body.dump(), "application/json",
                            {{"x-csrf-token", manager.csrf}});
    };
    const auto began = app->clock.now() - std::chrono::hours{2};
    const std::string on = format_date(local_date_of(began));
    const std::string at = format_local_time(began);
    const std::string ended = format_local_time(began + std::chrono::minutes{20});

    recording = true;
    auto incident =
        send("/api/v1/homes/1/incidents", {{"occurred_on", on},
                                           {"occurred_time", at},
                                           {"ended_time", ended},
                                           {"children", {child_id}},
                                           {"location", "the lounge"},
                                           {"antecedents", "Asked to come off the console for tea"},
                                           {"triggers", {"demand"}},
                                           {"behaviour", "Threw the controller at the window"},
                                           {"deescalation", "A calm voice\nGave space"},
                                           {"afterwards", "Calm after twenty minutes"},
                                           {"restrictive_measure", "physical_intervention"},
                                           {"measure_began_on", on},
                                           {"measure_began_time", at},
                                           {"staff_involved", {holder, helper}}});
    ASSERT_EQ(incident.status, 201) << incident.body;
    const std::string base = "/children/" + child_id + "/incidents/" +
                             std::to_string(nlohmann::json::parse(incident.body)["id"].get<int>());
    auto hold = send("/api/v1" + base + "/measures",
                     {{"kind", "physical_intervention"},
                      {"started_on", on},
                      {"started_time", at},
                      {"ended_time", format_local_time(began + std::chrono::minutes{5})},
                      {"location", "the lounge"},
                      {"behaviour", "Picked up a chair to throw at another young person"},
                      {"steps_to_avoid", "A calm voice; gave space"},
                      {"description", "Guided to the sofa and held until calm"},
                      {"lawful_purpose", "prevent_injury_to_others"},
                      {"why_necessary", "He was about to throw the chair at someone"},
                      {"technique", "seated_hold"},
                      {"position", "seated"},
                      {"used_by", {holder, helper}},
                      {"effect", "Calm within minutes"},
                      {"rights_offered", {"medical", "advocate"}}});
    ASSERT_EQ(hold.status, 201) << hold.body;
    const std::string measure = std::to_string(nlohmann::json::parse(hold.body)["id"].get<int>());
    auto signed_off = send("/api/v1/measures/" + measure + "/staff-review",
                           {{"version", 1},
                            {"spoke_to", std::stoll(holder)},
                            {"spoke_on", format_date(local_date_of(app->clock.now()))},
                            {"note", "Talked it through"},
                            {"signed", true}});
    EXPECT_EQ(signed_off.status, 204) << signed_off.body;
    auto account = send("/api/v1" + base + "/accounts",
                        {{"child_id", std::stoll(child_id)},
                         {"given_on", format_date(local_date_of(app->clock.now()))},
                         {"given_time", format_local_time(app->clock.now())},
                         {"words", "I was cross about tea"}});
    EXPECT_EQ(account.status, 201) << account.body;
    for (const std::string& page : std::vector<std::string>{
             "/homes/1/incidents", "/children/" + child_id + "/incidents", base,
             "/measures/" + measure, "/homes/1/restrictive-practice", "/homes/1/ofsted-counts",
             "/homes/1/warmth", "/organisation/shared-learning", "/homes/1/reg35-signers",
             "/homes/1/intervention-training", "/organisation/intervention-techniques",
             "/homes/1"}) {
        auto r = manager.get(page);
        EXPECT_EQ(r.status, 200) << page << ": " << r.body.substr(0, 300);
    }
    Browser admin(*app);
    recording = false;
    admin.sign_in_or_fail("admin@example.org");
    recording = true;
    for (const std::string page :
         {"/organisation/restrictive-practice", "/organisation/ofsted-counts",
          "/organisation/ofsted-counts?format=csv"}) {
        auto r = admin.get(page);
        EXPECT_EQ(r.status, 200) << page << ": " << r.body.substr(0, 300);
    }
    recording = false;
    ASSERT_GT(statements.size(), 30u);
    check_plans();
}

}  // namespace query_plans_test
