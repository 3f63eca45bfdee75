#include "platform/db/sqlite_database.hpp"

#include <fmt/format.h>
#include <sqlite3.h>

#include <condition_variable>
#include <filesystem>
#include <mutex>
#include <unordered_map>

#include "platform/db/postgres_database.hpp"
#include "platform/db/rewrite.hpp"

namespace hearth::db {

namespace {

Error sqlite_error(sqlite3* db, std::string_view what) {
    int code = sqlite3_extended_errcode(db);
    std::string detail = fmt::format("sqlite {}: {} ({})", what, sqlite3_errmsg(db), code);
    int primary = code & 0xff;
    if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED) {
        return Error::make(ErrorKind::unavailable, "The records are busy. Please try again.",
                           detail);
    }
    if (primary == SQLITE_CONSTRAINT) {
        return Error::make(ErrorKind::conflict,
                           "This would clash with a record that already exists.", detail);
    }
    return Error::internal(detail);
}

class SqliteConnection final : public Connection {
  public:
    SqliteConnection(sqlite3* db, StatementObserver observer)
        : db_(db), observer_(std::move(observer)) {}
    ~SqliteConnection() override {
        for (auto& [sql, stmt] : cache_) {
            sqlite3_finalize(stmt);
        }
        sqlite3_close_v2(db_);
    }
    SqliteConnection(const SqliteConnection&) = delete;
    SqliteConnection& operator=(const SqliteConnection&) = delete;

    Store store() const override { return Store::sqlite; }

    Result<Rows> query(std::string_view sql, const Params& params) override {
        if (observer_) {
            observer_(sql, params);
        }
        sqlite3_stmt* stmt = TRY(prepare(sql));
        TRY(bind(stmt, params));
        Rows rows;
        std::shared_ptr<std::vector<std::string>> names;
        for (;;) {
            int rc = sqlite3_step(stmt);
            if (rc == SQLITE_DONE) {
                break;
            }
            if (rc != SQLITE_ROW) {
                auto err = sqlite_error(db_, "step");
                sqlite3_reset(stmt);
                return err;
            }
            int n = sqlite3_column_count(stmt);
            if (!names) {
                names = std::make_shared<std::vector<std::string>>();
                for (int i = 0; i < n; ++i) {
                    names->emplace_back(sqlite3_column_name(stmt, i));
                }
            }
            std::vector<Value> cells;
            cells.reserve(static_cast<std::size_t>(n));
            for (int i = 0; i < n; ++i) {
                switch (sqlite3_column_type(stmt, i)) {
                    case SQLITE_NULL:
                        cells.emplace_back(nullptr);
                        break;
                    case SQLITE_INTEGER:
                        cells.emplace_back(std::int64_t{sqlite3_column_int64(stmt, i)});
                        break;
                    case SQLITE_FLOAT:
                        cells.emplace_back(sqlite3_column_double(stmt, i));
                        break;
                    default: {
                        const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt, i));
                        cells.emplace_back(std::string(
                            p, static_cast<std::size_t>(sqlite3_column_bytes(stmt, i))));
                    }
                }
            }
            rows.emplace_back(std::move(cells), names);
        }
        sqlite3_reset(stmt);
        sqlite3_clear_bindings(stmt);
        return rows;
    }

    Result<std::int64_t> execute(std::string_view sql, const Params& params) override {
        TRY(query(sql, params));
        return static_cast<std::int64_t>(sqlite3_changes64(db_));
    }

    Status execute_script(std::string_view sql) override {
        std::string text = to_sqlite_dialect(sql);
        char* message = nullptr;
        if (sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
            std::string detail = message ? message : "unknown";
            sqlite3_free(message);
            return Error::internal("sqlite script: " + detail);
        }
        return {};
    }

    sqlite3* handle() { return db_; }

  private:
    Result<sqlite3_stmt*> prepare(std::string_view sql) {
        auto it = cache_.find(std::string(sql));
        if (it != cache_.end()) {
            return it->second;
        }
        std::string text = to_sqlite_dialect(sql);
        sqlite3_stmt* stmt = nullptr;
        if (sqlite3_prepare_v3(db_, text.c_str(), static_cast<int>(text.size()),
                               SQLITE_PREPARE_PERSISTENT, &stmt, nullptr) != SQLITE_OK) {
            return sqlite_error(db_, "prepare: " + text);
        }
        cache_.emplace(std::string(sql), stmt);
        return stmt;
    }

    Status bind(sqlite3_stmt* stmt, const Params& params) {
        for (std::size_t i = 0; i < params.size(); ++i) {
            int index = static_cast<int>(i + 1);
            int rc = std::visit(
                [&](const auto& v) -> int {
                    using T = std::decay_t<decltype(v)>;
                    if constexpr (std::is_same_v<T, std::nullptr_t>) {
                        return sqlite3_bind_null(stmt, index);
                    } else if constexpr (std::is_same_v<T, std::int64_t>) {
                        return sqlite3_bind_int64(stmt, index, v);
                    } else if constexpr (std::is_same_v<T, double>) {
                        return sqlite3_bind_double(stmt, index, v);
                    } else {
                        return sqlite3_bind_text(stmt, index, v.data(), static_cast<int>(v.size()),
                                                 SQLITE_TRANSIENT);
                    }
                },
                params[i]);
            if (rc != SQLITE_OK) {
                return sqlite_error(db_, "bind");
            }
        }
        return {};
    }

    sqlite3* db_;
    StatementObserver observer_;
    std::unordered_map<std::string, sqlite3_stmt*> cache_;
};

class SqliteDatabase final : public Database {
  public:
    SqliteDatabase(std::string path, DatabaseOptions options)
        : path_(std::move(path)), options_(std::move(options)) {}

    Status open() {
        for (int i = 0; i < std::max(1, options_.connections); ++i) {
            auto c = TRY(connect());
            idle_.push_back(std::move(c));
        }
        return {};
    }

    Store store() const override { return Store::sqlite; }
    std::string describe() const override { return "sqlite:" + path_; }

    Status read_raw(const std::function<Status(Connection&)>& fn) override {
        auto lease = acquire();
        return in_transaction(*lease, "BEGIN", fn);
    }

    Status write_raw(const std::function<Status(Connection&)>& fn) override {
        auto lease = acquire();
        std::lock_guard writer(write_mutex_);
        return in_transaction(*lease, "BEGIN IMMEDIATE", fn);
    }

    Result<std::vector<std::string>> integrity_problems() override {
        std::vector<std::string> problems;
        TRY(read_raw([&](Connection& c) -> Status {
            auto rows = TRY(c.query("PRAGMA integrity_check"));
            for (auto& r : rows) {
                if (r.text(0) != "ok")
                    problems.push_back("integrity: " + r.text(0));
            }
            auto fk = TRY(c.query("PRAGMA foreign_key_check"));
            for (auto& r : fk) {
                problems.push_back(fmt::format("foreign key: table {} row {} refers to missing {}",
                                               r.text(0), r.text(1), r.text(2)));
            }
            return {};
        }));
        return problems;
    }

    Status backup_to(const std::string& path) override {
        // The backup API copies pages under a read transaction: consistent while the server writes.
        std::error_code ec;
        if (std::filesystem::exists(path, ec)) {
            return Error::invalid("backup", "The backup file already exists; choose a new name");
        }
        auto lease = acquire();
        sqlite3* into = nullptr;
        if (sqlite3_open_v2(path.c_str(), &into, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                            nullptr) != SQLITE_OK) {
            sqlite3_close_v2(into);
            return Error::invalid("backup", "The backup file cannot be created at " + path);
        }
        sqlite3_backup* b = sqlite3_backup_init(into, "main", (**lease).handle(), "main");
        int rc = SQLITE_OK;
        if (b) {
            do {
                rc = sqlite3_backup_step(b, 256);
                if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) {
                    sqlite3_sleep(20);
                }
            } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
            sqlite3_backup_finish(b);
        }
        Status result = rc == SQLITE_DONE ? Status{} : Status(sqlite_error(into, "backup"));
        sqlite3_close_v2(into);
        return result;
    }

    Status ping() override {
        return read_raw([](Connection& c) -> Status {
            TRY(c.query("SELECT 1"));
            return {};
        });
    }

  private:
    struct Lease {
        SqliteDatabase* owner;
        std::unique_ptr<SqliteConnection> conn;
        ~Lease() { owner->release(std::move(conn)); }
        SqliteConnection& operator*() { return *conn; }
    };

    std::unique_ptr<Lease> acquire() {
        std::unique_lock lock(pool_mutex_);
        pool_cv_.wait(lock, [&] { return !idle_.empty(); });
        auto c = std::move(idle_.back());
        idle_.pop_back();
        return std::unique_ptr<Lease>(new Lease{this, std::move(c)});
    }
    void release(std::unique_ptr<SqliteConnection> c) {
        {
            std::lock_guard lock(pool_mutex_);
            idle_.push_back(std::move(c));
        }
        pool_cv_.notify_one();
    }

    static Status in_transaction(Lease& lease, const char* begin,
                                 const std::function<Status(Connection&)>& fn) {
        SqliteConnection& c = *lease;
        TRY(c.execute_script(begin));
        Status result = fn(c);
        if (!result.ok()) {
            (void)c.execute_script("ROLLBACK");
            return result;
        }
        Status committed = c.execute_script("COMMIT");
        if (!committed.ok()) {
            (void)c.execute_script("ROLLBACK");
        }
        return committed;
    }

    Result<std::unique_ptr<SqliteConnection>> connect() {
        sqlite3* raw = nullptr;
        int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
        if (sqlite3_open_v2(path_.c_str(), &raw, flags, nullptr) != SQLITE_OK) {
            std::string detail = raw ? sqlite3_errmsg(raw) : "out of memory";
            sqlite3_close_v2(raw);
            return Error::make(ErrorKind::unavailable, "The database could not be opened",
                               "sqlite open " + path_ + ": " + detail);
        }
        auto conn = std::make_unique<SqliteConnection>(raw, options_.observe_statement);
        sqlite3_busy_timeout(raw, options_.busy_timeout_ms);
        sqlite3_extended_result_codes(raw, 1);
        TRY(conn->execute_script(
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;"
            "PRAGMA temp_store=MEMORY;"));
        return conn;
    }

    std::string path_;
    DatabaseOptions options_;
    std::mutex pool_mutex_;
    std::condition_variable pool_cv_;
    std::vector<std::unique_ptr<SqliteConnection>> idle_;
    std::mutex write_mutex_;
};

}  // namespace

Result<std::unique_ptr<Database>> open_sqlite(const std::string& path,
                                              const DatabaseOptions& options) {
    std::filesystem::path p(path);
    if (p.has_parent_path()) {
        std::error_code ec;
        std::filesystem::create_directories(p.parent_path(), ec);
    }
    auto db = std::make_unique<SqliteDatabase>(path, options);
    TRY(db->open());
    return std::unique_ptr<Database>(std::move(db));
}

std::optional<std::string> sqlite_file(const std::string& url) {
    if (url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0) {
        return std::nullopt;
    }
    return url.rfind("sqlite:", 0) == 0 ? url.substr(7) : url;
}

Result<std::unique_ptr<Database>> open_database(const DatabaseOptions& options) {
    const auto path = sqlite_file(options.url);
    if (!path) {
        return open_postgres(options.url, options);
    }
    if (path->empty()) {
        return Error::invalid("database", "Give a database file or URL");
    }
    return open_sqlite(*path, options);
}

}  // namespace hearth::db
