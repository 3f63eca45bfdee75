#include "platform/db/postgres_database.hpp"

#include <fmt/format.h>
#include <libpq-fe.h>

#include <charconv>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <unordered_map>

namespace hearth::db {

namespace {

// Type OIDs from PostgreSQL's pg_type.h; stable across versions.
constexpr Oid bool_oid = 16, int8_oid = 20, int2_oid = 21, int4_oid = 23, float4_oid = 700,
              float8_oid = 701, numeric_oid = 1700;

std::string state_of(const PGresult* r) {
    const char* s = PQresultErrorField(r, PG_DIAG_SQLSTATE);
    return s ? s : "";
}

Error pg_error(PGconn* conn, const PGresult* r, std::string_view what) {
    const std::string state = r ? state_of(r) : "";
    std::string detail = fmt::format("postgresql {}: [{}] {}", what, state,
                                     r ? PQresultErrorMessage(r) : PQerrorMessage(conn));
    if (state.rfind("08", 0) == 0 || state == "57P01" || state == "57P02" || state == "57P03" ||
        PQstatus(conn) == CONNECTION_BAD) {
        return Error::make(ErrorKind::unavailable,
                           "The records cannot be reached just now. Please try again.", detail);
    }
    if (state == "40001" || state == "40P01" || state == "55P03") {
        return Error::make(ErrorKind::unavailable, "The records are busy. Please try again.",
                           detail + " (retry)");
    }
    if (state == "23505") {
        return Error::make(ErrorKind::conflict,
                           "This would clash with a record that already exists.", detail);
    }
    return Error::internal(detail);
}

bool retryable(const Error& e) {
    return e.detail.ends_with("(retry)");
}

struct ResultHandle {
    PGresult* r;
    explicit ResultHandle(PGresult* res) : r(res) {}
    ~ResultHandle() { PQclear(r); }
    ResultHandle(const ResultHandle&) = delete;
    ResultHandle& operator=(const ResultHandle&) = delete;
};

class PostgresConnection final : public Connection {
  public:
    PostgresConnection(std::string url, StatementObserver observer)
        : url_(std::move(url)), observer_(std::move(observer)) {}
    ~PostgresConnection() override {
        if (conn_) {
            PQfinish(conn_);
        }
    }
    PostgresConnection(const PostgresConnection&) = delete;
    PostgresConnection& operator=(const PostgresConnection&) = delete;

    Store store() const override { return Store::postgresql; }

    Status connect() {
        if (conn_ && PQstatus(conn_) == CONNECTION_OK) {
            return {};
        }
        if (conn_) {
            PQfinish(conn_);
        }
        prepared_.clear();
        conn_ = PQconnectdb(url_.c_str());
        if (PQstatus(conn_) != CONNECTION_OK) {
            std::string detail = PQerrorMessage(conn_);
            PQfinish(conn_);
            conn_ = nullptr;
            return Error::make(ErrorKind::unavailable,
                               "The records cannot be reached just now. Please try again.",
                               "postgresql connect: " + detail);
        }
        ResultHandle quiet(PQexec(conn_, "SET client_min_messages = warning"));
        return {};
    }

    bool healthy() const { return conn_ && PQstatus(conn_) == CONNECTION_OK; }

    Result<Rows> query(std::string_view sql, const Params& params) override {
        if (observer_) {
            observer_(sql, params);
        }
        std::string name = TRY(prepare(sql));
        std::vector<std::string> texts(params.size());
        std::vector<const char*> values(params.size(), nullptr);
        for (std::size_t i = 0; i < params.size(); ++i) {
            std::visit(
                [&](const auto& v) {
                    using T = std::decay_t<decltype(v)>;
                    if constexpr (std::is_same_v<T, std::nullptr_t>) {
                        values[i] = nullptr;
                    } else if constexpr (std::is_same_v<T, std::string>) {
                        values[i] = v.c_str();
                    } else {
                        texts[i] = fmt::format("{}", v);
                        values[i] = texts[i].c_str();
                    }
                },
                params[i]);
        }
        ResultHandle res(PQexecPrepared(conn_, name.c_str(), static_cast<int>(params.size()),
                                        values.data(), nullptr, nullptr, 0));
        auto status = PQresultStatus(res.r);
        if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) {
            return pg_error(conn_, res.r, "query");
        }
        last_changes_ = 0;
        if (const char* n = PQcmdTuples(res.r); n && *n) {
            last_changes_ = std::atoll(n);
        }
        Rows rows;
        const int nrows = PQntuples(res.r), ncols = PQnfields(res.r);
        auto names = std::make_shared<std::vector<std::string>>();
        for (int c = 0; c < ncols; ++c) {
            names->emplace_back(PQfname(res.r, c));
        }
        rows.reserve(static_cast<std::size_t>(nrows));
        for (int r = 0; r < nrows; ++r) {
            std::vector<Value> cells;
            cells.reserve(static_cast<std::size_t>(ncols));
            for (int c = 0; c < ncols; ++c) {
                if (PQgetisnull(res.r, r, c)) {
                    cells.emplace_back(nullptr);
                    continue;
                }
                const char* text = PQgetvalue(res.r, r, c);
                const auto len = static_cast<std::size_t>(PQgetlength(res.r, r, c));
                switch (PQftype(res.r, c)) {
                    case int2_oid:
                    case int4_oid:
                    case int8_oid: {
                        std::int64_t v = 0;
                        std::from_chars(text, text + len, v);
                        cells.emplace_back(v);
                        break;
                    }
                    case bool_oid:
                        cells.emplace_back(std::int64_t{text[0] == 't'});
                        break;
                    case float4_oid:
                    case float8_oid:
                    case numeric_oid:
                        cells.emplace_back(std::strtod(text, nullptr));
                        break;
                    default:
                        cells.emplace_back(std::string(text, len));
                }
            }
            rows.emplace_back(std::move(cells), names);
        }
        return rows;
    }

    Result<std::int64_t> execute(std::string_view sql, const Params& params) override {
        TRY(query(sql, params));
        return last_changes_;
    }

    Status execute_script(std::string_view sql) override {
        ResultHandle res(PQexec(conn_, std::string(sql).c_str()));
        auto status = PQresultStatus(res.r);
        if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
            return pg_error(conn_, res.r, "script");
        }
        return {};
    }

  private:
    Result<std::string> prepare(std::string_view sql) {
        auto it = prepared_.find(std::string(sql));
        if (it != prepared_.end()) {
            return it->second;
        }
        std::string name = "s" + std::to_string(prepared_.size() + 1);
        ResultHandle res(PQprepare(conn_, name.c_str(), std::string(sql).c_str(), 0, nullptr));
        if (PQresultStatus(res.r) != PGRES_COMMAND_OK) {
            return pg_error(conn_, res.r, "prepare: " + std::string(sql));
        }
        prepared_.emplace(std::string(sql), name);
        return name;
    }

    std::string url_;
    StatementObserver observer_;
    PGconn* conn_ = nullptr;
    std::unordered_map<std::string, std::string> prepared_;
    std::int64_t last_changes_ = 0;
};

class PostgresDatabase final : public Database {
  public:
    PostgresDatabase(std::string url, DatabaseOptions options)
        : url_(std::move(url)), options_(std::move(options)) {
        for (int i = 0; i < std::max(1, options_.connections); ++i) {
            idle_.push_back(std::make_unique<PostgresConnection>(url_, options_.observe_statement));
        }
    }

    Store store() const override { return Store::postgresql; }
    std::string describe() const override {
        // Never the password: keep the scheme, host and database only.
        auto at = url_.find('@');
        return at == std::string::npos ? url_ : "postgresql://…" + url_.substr(at);
    }

    Status read_raw(const std::function<Status(Connection&)>& fn) override {
        return run("BEGIN READ ONLY", fn, 1);
    }
    Status write_raw(const std::function<Status(Connection&)>& fn) override {
        return run("BEGIN", fn, 5);
    }

    Status with_migration_lock(const std::function<Status()>& fn) override {
        // A session-level advisory lock on its own connection: several instances starting together
        // apply each migration once; the others wait here, then find nothing left to do.
        PostgresConnection locker(url_, nullptr);
        TRY(locker.connect());
        TRY(locker.execute_script("SELECT pg_advisory_lock(7412060)"));
        Status result = fn();
        (void)locker.execute_script("SELECT pg_advisory_unlock(7412060)");
        return result;
    }

    Status after_bulk_load(Connection& c, const std::string& table) override {
        auto has_id = TRY(c.query_one(
            "SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema() "
            "AND table_name = $1 AND column_name = 'id'",
            {table}));
        if (!has_id) {
            return {};
        }
        auto seq = TRY(c.query_one("SELECT pg_get_serial_sequence($1, 'id')", {table}));
        if (!seq || seq->is_null(0)) {
            return {};
        }
        return c.run(
            fmt::format("SELECT setval('{}', COALESCE((SELECT MAX(id) FROM {}), 0) + 1, false)",
                        seq->text(0), table));
    }

    Status backup_to(const std::string& path) override {
        (void)path;
        return Error::invalid(
            "backup",
            "For PostgreSQL use pg_dump and pg_restore, as the administrator's guide "
            "describes: they copy a live database consistently.");
    }

    Result<std::vector<std::string>> integrity_problems() override {
        std::vector<std::string> problems;
        // PostgreSQL checks constraints as it writes; what can go wrong is an index or page, which
        // amcheck would find, but it needs superuser. Confirm the catalogue answers and constraints
        // hold.
        TRY(read_raw([&](Connection& c) -> Status {
            auto rows =
                TRY(c.query("SELECT conname, conrelid::regclass::text FROM pg_constraint "
                            "WHERE NOT convalidated AND connamespace = 'public'::regnamespace"));
            for (const auto& r : rows) {
                problems.push_back("constraint not validated: " + r.text(0) + " on " + r.text(1));
            }
            return {};
        }));
        return problems;
    }

    Status ping() override {
        return read_raw([](Connection& c) -> Status {
            TRY(c.query("SELECT 1"));
            return {};
        });
    }

  private:
    Status run(const char* begin, const std::function<Status(Connection&)>& fn, int attempts) {
        for (int attempt = 1;; ++attempt) {
            std::unique_ptr<PostgresConnection> conn;
            {
                std::unique_lock lock(mutex_);
                cv_.wait(lock, [&] { return !idle_.empty(); });
                conn = std::move(idle_.back());
                idle_.pop_back();
            }
            Status result = once(*conn, begin, fn);
            {
                std::lock_guard lock(mutex_);
                idle_.push_back(std::move(conn));
            }
            cv_.notify_one();
            if (result.ok() || !retryable(result.error()) || attempt >= attempts) {
                return result;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(5 * attempt));
        }
    }

    static Status once(PostgresConnection& c, const char* begin,
                       const std::function<Status(Connection&)>& fn) {
        TRY(c.connect());
        Status began = c.execute_script(begin);
        if (!began.ok()) {
            // The server may have restarted since this connection's last use: reconnect once.
            if (c.healthy()) {
                return began;
            }
            TRY(c.connect());
            TRY(c.execute_script(begin));
        }
        Status result = fn(c);
        if (!result.ok()) {
            if (c.healthy()) {
                (void)c.execute_script("ROLLBACK");
            }
            return result;
        }
        Status committed = c.execute_script("COMMIT");
        if (!committed.ok() && c.healthy()) {
            (void)c.execute_script("ROLLBACK");
        }
        return committed;
    }

    std::string url_;
    DatabaseOptions options_;
    std::mutex mutex_;
    std::condition_variable cv_;
    std::vector<std::unique_ptr<PostgresConnection>> idle_;
};

}  // namespace

Result<std::unique_ptr<Database>> open_postgres(const std::string& url,
                                                const DatabaseOptions& options) {
    auto db = std::make_unique<PostgresDatabase>(url, options);
    TRY(db->ping());
    return std::unique_ptr<Database>(std::move(db));
}

}  // namespace hearth::db
