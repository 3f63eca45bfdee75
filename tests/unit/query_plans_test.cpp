// Every page the load benchmark touches is served from indexes: each query those pages run is
// explained on provider-scale demo data, and the test fails if any plan scans a table that grows
// with time. SQLite: EXPLAIN QUERY PLAN; PostgreSQL: EXPLAIN with sequential scans priced out, so a
// "Seq Scan" appears only where no index can serve.
#include <gtest/gtest.h>

#include <mutex>
#include <regex>
#include <set>

#include "children/child.hpp"
#include "language/language_checks.hpp"
#include "test_support.hpp"

using namespace hearth;
using hearth::testing::Browser;
using hearth::testing::InProcessApp;

namespace {

const std::set<std::string> growing_tables{
    "audit_log",       "children",           "child_versions",
    "key_workers",     "allocations",        "people",
    "roles",           "sessions",           "sign_in_failures",
    "drafts",          "api_tokens",         "chronology",
    "daily_entries",   "record_versions",    "agreed_actions",
    "handovers",       "childrens_meetings", "childrens_meeting_attendees",
    "deadlines",       "language_changes",   "language_checks",
    "language_months", "language_phrase_months"};

struct Recorded {
    std::string sql;
    db::Params params;
};

// alias -> table, from "FROM children c" and "JOIN people u ON ...".
std::map<std::string, std::string> aliases_in(const std::string& sql) {
    std::map<std::string, std::string> out;
    static const std::regex from(R"((?:FROM|JOIN|UPDATE)\s+([a-z_]+)(?:\s+(?:AS\s+)?([a-z]+))?)");
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
        static const std::regex scan(R"(^SCAN ([a-z_]+))");
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
            CHECK_OK(c.execute_script("SET LOCAL enable_seqscan = off"));
            return c.query("EXPLAIN " + q.sql, q.params);
        });
        EXPECT_TRUE(plan.ok()) << q.sql << ": " << (plan.ok() ? "" : plan.error().detail);
        if (!plan.ok())
            return bad;
        static const std::regex seq(R"(Seq Scan on ([a-z_]+))");
        for (const auto& row : plan.value()) {
            const std::string line = row.text(0);
            std::smatch m;
            if (std::regex_search(line, m, seq) && growing_tables.count(m[1]))
                bad.push_back(line);
        }
    }
    return bad;
}

class QueryPlans : public ::testing::Test {
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
};

TEST_F(QueryPlans, EveryQueryOfTheBenchmarkedPagesUsesAnIndex) {
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
    amendment["key_workers"] = nlohmann::json::array();
    for (const auto& k : current["key_workers"])
        amendment["key_workers"].push_back(k["person_id"]);
    amendment["pronouns"] = "they/them";
    amendment["version"] = current["version"];
    amendment["reason"] = "Asked to be called they";
    auto saved = browser.send("PUT", "/api/v1/children/" + child_id, amendment.dump(),
                              "application/json", {{"x-csrf-token", browser.csrf}});
    EXPECT_EQ(saved.status, 200) << saved.body;
    // Language that cares: the organisation's list, its figures, a check as staff type, and
    // the check another capability records when it saves (twice: the second is an amendment).
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
    for (const char* text : {"She refused tea.", "She chose not to have tea."}) {
        auto recorded = app->db->write([&](db::Connection& c) {
            return language::check_and_record(c, 1, 1, std::stoll(child_id), "daily_entry", 1, text,
                                              app->clock.now());
        });
        EXPECT_TRUE(recorded.ok());
    }
    recording = false;

    ASSERT_GT(statements.size(), 20u);
    std::set<std::string> explained;
    for (const auto& q : statements) {
        if (q.sql.rfind("INSERT", 0) == 0 || !explained.insert(q.sql).second)
            continue;
        for (const auto& scan : scans_of_growing_tables(*app->db, q)) {
            ADD_FAILURE() << "scans a table that grows with time: " << scan << "\n  in: " << q.sql;
        }
    }
    EXPECT_GT(explained.size(), 15u);
}

TEST(QueryPlanCheck, FindsAScanWhenThereIsOne) {
    // The check itself must be able to fail: a query on an unindexed column is a scan.
    InProcessApp app;
    auto bad = scans_of_growing_tables(
        *app.db, {"SELECT seq FROM audit_log WHERE detail = $1", {std::string("x")}});
    EXPECT_FALSE(bad.empty());
}

}  // namespace
