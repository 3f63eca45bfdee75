#pragma once
// What the unit tests share: a temporary directory, a real migrated SQLite database in it, and
// the whole application driven in-process (no sockets) through a small cookie-keeping browser,
// with a clock the test sets. No mocks of our own database.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <stdlib.h>
#include <sys/file.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <ostream>
#include <regex>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "children/child.hpp"
#include "demo/demo_data.hpp"
#include "demo/scaled_demo.hpp"
#include "hearth_app.hpp"
#include "platform/audit/audit_keys.hpp"
#include "platform/auth/accounts.hpp"
#include "platform/auth/permissions.hpp"
#include "platform/auth/second_factor.hpp"
#include "platform/clock.hpp"
#include "platform/config.hpp"
#include "platform/db/database.hpp"
#include "platform/db/migrations.hpp"
#include "platform/http/form.hpp"
#include "platform/http/message.hpp"
#include "platform/http/metrics.hpp"
#include "platform/http/router.hpp"
#include "platform/log.hpp"

namespace hearth::testing {

// A fixed instant for tests: a weekday afternoon, after every demo admission date.
inline Timestamp test_now() {
    return *parse_utc("2026-05-12T14:30:00.000Z");
}

// A date or an instant a test writes out; the text is the test's own, so it is always valid.
inline Date date(const char* iso) {
    return *parse_date(iso);
}
inline Timestamp utc(const char* text) {
    return *parse_utc(text);
}

// The audit key the unit tests sign with, held for the whole process before any test runs. It is
// fixed, so that a template one test process built (HEARTH_TEST_TEMPLATES) verifies in every other;
// a test that runs `hearth` gives it the same key as HEARTH_AUDIT_KEY.
inline const std::string test_audit_key =
    "6865617274682d756e69742d74657374732d61756469742d6b65792d30303031";
inline const bool test_audit_key_held = [] {
    audit::hold_keys(audit::parse_keys(test_audit_key, "test_audit_key").value());
    return true;
}();

// The day of test_now(), in London and in UTC alike.
inline Date test_today() {
    return date("2026-05-12");
}

// Times in these tests are the home's, in Europe/London: the zone is process-wide, so each test
// that reads or shows a local time sets it rather than trusting the test before.
class InLondon : public ::testing::Test {
  protected:
    void SetUp() override { set_display_zone("Europe/London"); }
};

// The whole of a file, or nothing if it cannot be read.
inline std::string read_file(const std::string& path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

class TempDir {
  public:
    TempDir() {
        std::string pattern =
            (std::filesystem::temp_directory_path() / "hearth-test-XXXXXX").string();
        if (mkdtemp(pattern.data()) == nullptr)
            throw std::runtime_error("mkdtemp failed");
        path_ = pattern;
    }
    ~TempDir() {
        std::error_code ignored;
        std::filesystem::remove_all(path_, ignored);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    const std::filesystem::path& path() const { return path_; }
    std::string file(const std::string& name) const { return (path_ / name).string(); }

  private:
    std::filesystem::path path_;
};

// Tests that open a store belong to a suite whose name ends in "Store": scripts/test runs those,
// and only those, on PostgreSQL too. A test that opens one from another suite fails here, so no
// store test can quietly run on SQLite alone.
inline void require_store_suite() {
    const auto* test = ::testing::UnitTest::GetInstance()->current_test_info();
    const auto* suite = ::testing::UnitTest::GetInstance()->current_test_suite();
    const std::string name = test != nullptr    ? test->test_suite_name()
                             : suite != nullptr ? suite->name()
                                                : "";
    if (!name.ends_with("Store"))
        throw std::runtime_error("suite " + name +
                                 " opens a store: name it ...Store so it runs on PostgreSQL too");
}

// The store the unit tests run on: a SQLite file in the test's folder, or, when scripts/test has
// started a PostgreSQL cluster (HEARTH_TEST_PG_URL), a new database on it named after that file.
// `from_template` names a PostgreSQL database to copy (CREATE DATABASE ... TEMPLATE).
inline std::string database_url_for(const std::string& file,
                                    const std::string& from_template = {}) {
    require_store_suite();
    const char* pg = std::getenv("HEARTH_TEST_PG_URL");
    if (pg == nullptr || *pg == '\0') {
        if (std::getenv("HEARTH_TEST_REQUIRE_PG") != nullptr)
            throw std::runtime_error(
                "HEARTH_TEST_PG_URL is not set: run these through scripts/test");
        return "sqlite:" + file;
    }
    static int created = 0;
    const std::string name = "unit_" + std::to_string(::getpid()) + "_" + std::to_string(++created);
    const std::string admin(pg);
    const std::string copy = from_template.empty() ? "" : " TEMPLATE " + from_template;
    const std::string cmd =
        "psql '" + admin + "' -qc 'CREATE DATABASE " + name + copy + "' >/dev/null";
    if (std::system(cmd.c_str()) != 0)
        throw std::runtime_error("could not create " + name);
    return admin.substr(0, admin.rfind('/') + 1) + name;
}

// Runs SQL through the store's own command-line tool, as someone with access to it would.
inline int run_sql_tool(const std::string& url, const std::string& sql) {
    const std::string cmd = url.rfind("sqlite:", 0) == 0
                                ? "sqlite3 '" + url.substr(7) + "' \"" + sql + "\""
                                : "psql '" + url + "' -qc \"" + sql + "\" >/dev/null";
    return std::system(cmd.c_str());
}

// Opens the store at `url` and applies every migration; throws (a test failure) if either fails.
inline std::unique_ptr<db::Database> open_url_migrated(const std::string& url,
                                                       Timestamp now = test_now(),
                                                       db::StatementObserver observer = nullptr) {
    auto opened = db::open_database({url, 2, 5000, std::move(observer)});
    if (!opened.ok())
        throw std::runtime_error("open_database: " + opened.error().message + " " +
                                 opened.error().detail);
    auto applied = db::migrate(**opened, format_utc(now));
    if (!applied.ok()) {
        throw std::runtime_error("migrate: " + applied.error().message + " " +
                                 applied.error().detail);
    }
    return std::move(opened.value());
}

// What a test's store starts from: every migration applied as at test_now(), then what `fill` adds.
// `name` names the template built from it, so equal starts must have equal names.
struct StoreStart {
    std::string name;
    std::function<void(db::Database&)> fill;
};

inline StoreStart migrated_store() {
    return {"migrated", [](db::Database&) {}};
}

inline StoreStart demo_store() {
    return {"demo", [](db::Database& db) {
                Config config;
                auto app = build_app(config);
                auto made = demo::create_demo(db, app->registry.at<demo::DemoParts>(), test_now());
                if (!made.ok())
                    throw std::runtime_error("create_demo: " + made.error().message);
            }};
}

inline StoreStart scaled_demo_store(demo::Scale scale) {
    return {"scaled_" + std::to_string(scale.homes) + "_" + std::to_string(scale.years) + "_" +
                std::to_string(scale.seed),
            [scale](db::Database& db) {
                auto made = demo::create_scaled_demo(db, scale, test_now());
                if (!made.ok())
                    throw std::runtime_error("create_scaled_demo: " + made.error().message);
            }};
}

// Migrating and building demo data are most of a store test's time, and the same for every test
// that starts from the same StoreStart: each is built once into a template, and each test gets a
// copy (a file copy on SQLite, CREATE DATABASE ... TEMPLATE on PostgreSQL). scripts/test names a
// folder in HEARTH_TEST_TEMPLATES that every test process of the run shares, one process building
// each template under a lock while the others wait; run by hand, a process keeps its own.
inline std::string copy_of_template(const StoreStart& start, const std::string& file) {
    static TempDir own;
    const char* shared = std::getenv("HEARTH_TEST_TEMPLATES");
    const std::filesystem::path dir =
        shared != nullptr && *shared != '\0' ? std::filesystem::path(shared) : own.path();
    std::filesystem::create_directories(dir);
    const int lock = ::open((dir / (start.name + ".lock")).c_str(), O_CREAT | O_RDWR, 0600);
    if (lock < 0)
        throw std::runtime_error("cannot open the template's lock " + start.name);
    if (::flock(lock, LOCK_EX) != 0) {
        ::close(lock);
        throw std::runtime_error("cannot lock the template " + start.name);
    }
    std::string url;
    try {
        const auto ready = dir / (start.name + ".url");
        if (!std::filesystem::exists(ready)) {
            const std::string made = database_url_for((dir / (start.name + ".db")).string());
            start.fill(*open_url_migrated(made));  // closed at once: SQLite folds in its WAL,
                                                   // and PostgreSQL copies nothing connected
            std::ofstream(ready) << made;
        }
        std::string from;
        std::ifstream(ready) >> from;
        if (from.rfind("sqlite:", 0) == 0) {
            std::filesystem::copy_file(from.substr(7), file);
            url = database_url_for(file);
        } else {
            url = database_url_for(file, from.substr(from.rfind('/') + 1));
        }
    } catch (...) {
        ::close(lock);
        throw;
    }
    ::close(lock);
    return url;
}

// A new database for the test, on the store the suite runs on (see database_url_for), with every
// migration applied as at `now`.
inline std::unique_ptr<db::Database> open_migrated(const std::string& file,
                                                   Timestamp now = test_now()) {
    if (now != test_now())
        return open_url_migrated(database_url_for(file), now);
    return open_url_migrated(copy_of_template(migrated_store(), file), now);
}

inline std::int64_t count_rows(db::Database& db, const std::string& sql,
                               const db::Params& params = {}) {
    auto row = db.read([&](db::Connection& c) { return c.query_one(sql, params); });
    if (!row.ok() || !row.value())
        throw std::runtime_error("count failed: " + sql);
    return (*row.value()).integer(0);
}

// The application over a temporary database, as `hearth serve` builds it.
struct InProcessApp {
    explicit InProcessApp(bool with_demo = true, db::StatementObserver observer = nullptr,
                          std::optional<demo::Scale> scale = std::nullopt)
        : clock(test_now()) {
        log::set_level("error");  // a line per request would drown the test output
        const StoreStart start = scale       ? scaled_demo_store(*scale)
                                 : with_demo ? demo_store()
                                             : migrated_store();
        config.database = copy_of_template(start, dir.file("hearth.db"));
        db = open_url_migrated(config.database, clock.now(), std::move(observer));
        services = std::make_unique<http::Services>(http::Services{config, *db, clock, metrics});
        app = build_app(config);
    }

    TempDir dir;
    Config config;
    SetClock clock;
    http::Metrics metrics;
    std::unique_ptr<db::Database> db;
    std::unique_ptr<http::Services> services;
    std::unique_ptr<App> app;
};

inline std::string header_of(const http::Response& r, const std::string& name) {
    for (const auto& [k, v] : r.headers) {
        if (k == name)
            return v;
    }
    return {};
}

// Keeps cookies and the last CSRF token seen in a page, as a browser without JavaScript would.
class Browser {
  public:
    explicit Browser(InProcessApp& app, std::string ip = "192.0.2.10")
        : app_(app), ip_(std::move(ip)) {}

    http::Response send(const std::string& method, const std::string& target,
                        const std::string& body = {},
                        const std::string& content_type = "application/x-www-form-urlencoded",
                        std::map<std::string, std::string> headers = {}) {
        http::Request req;
        req.method = method;
        auto q = target.find('?');
        req.path = target.substr(0, q);
        if (q != std::string::npos) {
            std::string query = target.substr(q + 1);
            std::size_t pos = 0;
            while (pos <= query.size()) {
                auto end = query.find('&', pos);
                if (end == std::string::npos)
                    end = query.size();
                std::string pair = query.substr(pos, end - pos);
                auto eq = pair.find('=');
                auto name = http::url_decode(pair.substr(0, eq));
                auto value = http::url_decode(eq == std::string::npos ? "" : pair.substr(eq + 1));
                if (!pair.empty() && name && value)
                    req.query.emplace(*name, *value);
                pos = end + 1;
            }
        }
        req.headers = std::move(headers);
        if (!body.empty() || method != "GET")
            req.headers["content-type"] = content_type;
        std::string cookie_header;
        for (const auto& [k, v] : cookies)
            cookie_header += (cookie_header.empty() ? "" : "; ") + k + "=" + v;
        if (!cookie_header.empty())
            req.headers["cookie"] = cookie_header;
        req.body = body;
        req.remote_ip = ip_;
        req.request_id = "test-" + std::to_string(++requests_);
        http::Response r = app_.app->router.dispatch(req, *app_.services);
        for (const auto& [k, v] : r.headers) {
            if (k != "Set-Cookie")
                continue;
            auto eq = v.find('=');
            auto semi = v.find(';');
            std::string name = v.substr(0, eq);
            std::string value =
                v.substr(eq + 1, semi == std::string::npos ? std::string::npos : semi - eq - 1);
            if (v.find("Max-Age=0") != std::string::npos) {
                cookies.erase(name);
            } else {
                cookies[name] = value;
            }
        }
        static const std::regex csrf_in_page(R"re(name="csrf_token" value="([^"]+)")re");
        std::smatch m;
        if (std::regex_search(r.body, m, csrf_in_page))
            csrf = m[1];
        return r;
    }

    http::Response get(const std::string& target) { return send("GET", target); }
    http::Response post(const std::string& target, const std::string& form_body) {
        return send("POST", target, form_body);
    }

    // Signs in through the pages; returns the final response of POST /sign-in, or of the code that
    // follows it for the demo's accounts with a second factor (demo/demo_data.hpp's key).
    http::Response sign_in(const std::string& email,
                           const std::string& password = demo::demo_password,
                           const std::string& extra = {}) {
        get("/sign-in");
        http::Response r = post("/sign-in", "csrf_token=" + http::url_encode(csrf) +
                                                "&email=" + http::url_encode(email) +
                                                "&password=" + http::url_encode(password) + extra);
        if (r.status != 303 || header_of(r, "Location").rfind("/sign-in/code", 0) != 0) {
            return r;
        }
        get(header_of(r, "Location"));
        return post("/sign-in/code",
                    "csrf_token=" + http::url_encode(csrf) + "&code=" + demo_code_for(email));
    }

    // The demo key's code for a step the person has not used: a code works once, and tests sign
    // the same person in many times, so the set clock moves on to the next step when need be.
    std::string demo_code_for(const std::string& email) {
        auto used = app_.db->read([&](db::Connection& c) {
            return c.query_one(
                "SELECT f.last_step FROM second_factors f JOIN people p ON p.id = f.person_id "
                "WHERE p.email = $1",
                {email});
        });
        const std::int64_t last = used.ok() && used.value() ? used.value()->integer(0) : 0;
        while (second_factor::step_of(app_.clock.now()) + 1 <= last) {
            app_.clock.advance(std::chrono::seconds(second_factor::step_seconds));
        }
        const auto step = std::max(second_factor::step_of(app_.clock.now()), last + 1);
        return second_factor::code_at(
            demo::demo_second_factor_secret,
            Timestamp{std::chrono::seconds(step * second_factor::step_seconds)});
    }

    // Signs in and loads a page, so `csrf` is the session's token. Fails the test if sign-in fails.
    void sign_in_or_fail(const std::string& email) {
        http::Response r = sign_in(email);
        ASSERT_EQ(r.status, 303) << email << ": " << r.body.substr(0, 400);
        ASSERT_TRUE(cookies.count("hearth_session")) << email;
        http::Response account = get("/account");
        ASSERT_EQ(account.status, 200) << email;
    }

    std::map<std::string, std::string> cookies;
    std::string csrf;

  private:
    InProcessApp& app_;
    std::string ip_;
    int requests_ = 0;
};

// ---- Forms, and what a refusal says ----

// Fields as a browser would send them, URL-encoded.
inline std::string url_encoded(const std::map<std::string, std::string>& fields) {
    std::string body;
    for (const auto& [k, v] : fields)
        body += (body.empty() ? "" : "&") + http::url_encode(k) + "=" + http::url_encode(v);
    return body;
}

// A form as the browser would send it.
inline http::FormData form_of(const std::map<std::string, std::string>& fields) {
    auto form = http::FormData::from_urlencoded(url_encoded(fields));
    if (!form.ok())
        throw std::runtime_error("bad test form");
    return form.value();
}

// A JSON body as an API client would send it.
inline http::FormData json_form_of(const nlohmann::json& fields) {
    auto form = http::FormData::from_json(fields.dump());
    if (!form.ok())
        throw std::runtime_error("bad test JSON body: " + form.error().message);
    return form.value();
}

// The fields an error names, in order; none when there was no error.
inline std::vector<std::string> fields_of(const Error& e) {
    std::vector<std::string> out;
    for (const auto& f : e.fields)
        out.push_back(f.field);
    return out;
}
template <typename T>
std::vector<std::string> fields_of(const Result<T>& r) {
    return r.ok() ? std::vector<std::string>{} : fields_of(r.error());
}

// What the refusal says at `field`: empty when it was not refused there.
inline std::string message_at(const Error& e, const std::string& field) {
    for (const auto& f : e.fields) {
        if (f.field == field)
            return f.message;
    }
    return {};
}
template <typename T>
std::string message_at(const Result<T>& r, const std::string& field) {
    return r.ok() ? std::string{} : message_at(r.error(), field);
}

inline bool says(const std::string& message, const std::string& part) {
    return message.find(part) != std::string::npos;
}

// One rule of a form, a row of a table: what is typed over a form that is otherwise valid (a
// value replaces the field's, null leaves the field out), the one field the refusal must name,
// and words its message there must hold. `name` names the case in GoogleTest's output.
struct FormRule {
    const char* name;
    nlohmann::json typed;
    const char* field;
    const char* words;
};

inline void PrintTo(const FormRule& rule, std::ostream* out) {
    *out << rule.name << ": " << rule.typed.dump();
}

// The same, for a form whose whole body is written out as the browser sends it (a list is one
// field repeated, which a FormRule's values cannot say).
struct BodyRule {
    const char* name;
    const char* body;
    const char* field;
    const char* words;
};

inline void PrintTo(const BodyRule& rule, std::ostream* out) {
    *out << rule.name << ": " << rule.body;
}

// For INSTANTIATE_TEST_SUITE_P: each case is called by its row's name.
struct RuleName {
    template <typename Row>
    std::string operator()(const ::testing::TestParamInfo<Row>& info) const {
        return info.param.name;
    }
};

// `typed` over `fields`: each value replaces that field's, and null leaves the field out.
inline std::map<std::string, std::string> typed_over(std::map<std::string, std::string> fields,
                                                     const nlohmann::json& typed) {
    for (const auto& [k, v] : typed.items()) {
        if (v.is_null()) {
            fields.erase(k);
        } else {
            fields[k] = v.get<std::string>();
        }
    }
    return fields;
}
inline nlohmann::json typed_over(nlohmann::json fields, const nlohmann::json& typed) {
    fields.merge_patch(typed);
    return fields;
}

// Whether `r` was refused at `field` alone, with `words` in what it says there.
template <typename T>
::testing::AssertionResult refused_at(const Result<T>& r, const std::string& field,
                                      const std::string& words) {
    if (r.ok())
        return ::testing::AssertionFailure() << "accepted; expected a refusal at " << field;
    const auto named = fields_of(r);
    if (named != std::vector<std::string>{field}) {
        auto failure = ::testing::AssertionFailure() << "refused at";
        for (const auto& f : named)
            failure << " " << f;
        return failure << " (" << r.error().message << "); expected " << field << " alone";
    }
    const std::string said = message_at(r, field);
    if (!says(said, words))
        return ::testing::AssertionFailure()
               << field << " says \"" << said << "\", not \"" << words << "\"";
    return ::testing::AssertionSuccess();
}

// ---- People and children ----

// Someone with these roles, for can() and the rules that ask who is acting: no store involved.
inline Person person_with(std::int64_t org, std::vector<Membership> roles,
                          std::vector<std::int64_t> allocated = {}, std::int64_t id = 42) {
    Person p;
    p.id = id;
    p.organisation_id = org;
    p.name = "Test Person";
    p.memberships = std::move(roles);
    p.allocated_children = std::move(allocated);
    return p;
}

// A member of staff of `home` with `role`, added by the system as at `now`.
inline Result<std::int64_t> add_staff(db::Connection& c, std::int64_t org, std::int64_t home,
                                      const std::string& name, const std::string& email, Role role,
                                      Timestamp now, const std::string& job_title = "") {
    const audit::Actor system{std::nullopt, "test", "", ""};
    auto id = TRY(accounts::add_person(c, {org, name, email, job_title, "", false}, system, now));
    TRY(accounts::give_role(c, id, home, role, system, now));
    return id;
}

// The child most store tests admit: Aisha Bennett, born 17 April 2011, here since 2 September
// 2024 under a care order (s31) from Northshire.
inline children::ChildDetails aisha_details() {
    children::ChildDetails d;
    d.first_name = "Aisha";
    d.last_name = "Bennett";
    d.date_of_birth = date("2011-04-17");
    d.sex = "female";
    d.legal_basis = "s31";
    d.placing_authority = "Northshire County Council";
    d.admission_date = date("2024-09-02");
    return d;
}

}  // namespace hearth::testing
