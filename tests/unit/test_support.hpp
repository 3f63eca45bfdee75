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
#include <regex>
#include <stdexcept>
#include <string>

#include "demo/demo_data.hpp"
#include "demo/scaled_demo.hpp"
#include "hearth_app.hpp"
#include "platform/clock.hpp"
#include "platform/config.hpp"
#include "platform/db/database.hpp"
#include "platform/db/migrations.hpp"
#include "platform/http/message.hpp"
#include "platform/http/metrics.hpp"
#include "platform/http/router.hpp"
#include "platform/log.hpp"

namespace hearth::testing {

// A fixed instant for tests: a weekday afternoon, after every demo admission date.
inline Timestamp test_now() {
    return *parse_utc("2026-05-12T14:30:00.000Z");
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
                auto made = demo::create_demo(db, test_now());
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

    // Signs in through the pages; returns the final response of POST /sign-in.
    http::Response sign_in(const std::string& email,
                           const std::string& password = demo::demo_password,
                           const std::string& extra = {}) {
        get("/sign-in");
        return post("/sign-in", "csrf_token=" + http::url_encode(csrf) +
                                    "&email=" + http::url_encode(email) +
                                    "&password=" + http::url_encode(password) + extra);
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

}  // namespace hearth::testing
