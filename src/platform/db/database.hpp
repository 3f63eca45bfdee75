#pragma once
// The thin driver interface both stores implement. SQL is written once, with $1..$n
// placeholders and portable types; a driver hides its dialect (see rewrite.hpp).
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "platform/result.hpp"

namespace hearth::db {

using Value = std::variant<std::nullptr_t, std::int64_t, double, std::string>;
using Params = std::vector<Value>;

inline Value nullable(const std::optional<std::string>& v) {
    return v ? Value{*v} : Value{nullptr};
}
inline Value nullable(const std::optional<std::int64_t>& v) {
    return v ? Value{*v} : Value{nullptr};
}

class Row {
  public:
    Row(std::vector<Value> cells, std::shared_ptr<const std::vector<std::string>> names)
        : cells_(std::move(cells)), names_(std::move(names)) {}

    bool is_null(std::size_t i) const {
        return std::holds_alternative<std::nullptr_t>(cells_.at(i));
    }
    std::int64_t integer(std::size_t i) const;
    double real(std::size_t i) const;
    std::string text(std::size_t i) const;  // empty for NULL
    std::optional<std::string> optional_text(std::size_t i) const;
    std::optional<std::int64_t> optional_integer(std::size_t i) const;
    bool boolean(std::size_t i) const { return integer(i) != 0; }
    std::size_t size() const { return cells_.size(); }
    const std::vector<std::string>& names() const { return *names_; }
    const Value& cell(std::size_t i) const { return cells_.at(i); }

  private:
    std::vector<Value> cells_;
    std::shared_ptr<const std::vector<std::string>> names_;
};

using Rows = std::vector<Row>;

enum class Store { sqlite, postgresql };

// A connection is used by one thread at a time, inside read() or write().
class Connection {
  public:
    virtual ~Connection() = default;
    virtual Result<Rows> query(std::string_view sql, const Params& params = {}) = 0;
    // Returns the number of rows changed.
    virtual Result<std::int64_t> execute(std::string_view sql, const Params& params = {}) = 0;
    // Several statements, no parameters: migrations only.
    virtual Status execute_script(std::string_view sql) = 0;
    // For the one query the stores write differently: full-text search (chronology_store.cpp).
    virtual Store store() const = 0;

    // For statements whose row count does not matter.
    Status run(std::string_view sql, const Params& params = {});
    Result<std::optional<Row>> query_one(std::string_view sql, const Params& params = {});
    // For INSERT ... RETURNING id.
    Result<std::int64_t> insert(std::string_view sql, const Params& params = {});
};

class Database {
  public:
    virtual ~Database() = default;
    virtual Store store() const = 0;
    virtual std::string describe() const = 0;  // for logs: never the password

    // fn runs in a transaction that sees one consistent snapshot.
    virtual Status read_raw(const std::function<Status(Connection&)>& fn) = 0;
    // fn runs in a transaction that may write; writers are serialised; an error rolls back.
    virtual Status write_raw(const std::function<Status(Connection&)>& fn) = 0;
    // Problems the store itself finds in its files or constraints; empty when sound.
    virtual Result<std::vector<std::string>> integrity_problems() = 0;
    virtual Status ping() = 0;
    // After rows were copied in with their ids: identity columns continue after the largest id.
    virtual Status after_bulk_load(Connection& c, const std::string& table) {
        (void)c;
        (void)table;
        return {};
    }
    // An online, consistent copy of the whole database into a new file.
    virtual Status backup_to(const std::string& path) = 0;
    // Runs fn while no other process migrates the same database.
    virtual Status with_migration_lock(const std::function<Status()>& fn) { return fn(); }

    template <typename F>
    auto read(F&& fn) -> decltype(fn(std::declval<Connection&>())) {
        return run(&Database::read_raw, std::forward<F>(fn));
    }
    template <typename F>
    auto write(F&& fn) -> decltype(fn(std::declval<Connection&>())) {
        return run(&Database::write_raw, std::forward<F>(fn));
    }

  private:
    template <typename F>
    auto run(Status (Database::*how)(const std::function<Status(Connection&)>&), F&& fn)
        -> decltype(fn(std::declval<Connection&>())) {
        using R = decltype(fn(std::declval<Connection&>()));
        std::optional<R> out;
        Status status = (this->*how)([&](Connection& c) -> Status {
            out.emplace(fn(c));
            if (!out->ok()) {
                return out->error();
            }
            return {};
        });
        if (!status.ok()) {
            if (out && !out->ok()) {
                return std::move(*out);
            }
            return status.take_error();
        }
        return std::move(*out);
    }
};

// Sees every statement a connection runs: for diagnostics, and for the test that explains every
// query the pages run (tests/unit/query_plans_test.cpp).
using StatementObserver = std::function<void(std::string_view sql, const Params& params)>;

struct DatabaseOptions {
    std::string url;      // sqlite:var/hearth.db, a path, or postgresql://...
    int connections = 6;  // pool size: the worker threads and a spare
    int busy_timeout_ms = 5000;
    StatementObserver observe_statement;
};

Result<std::unique_ptr<Database>> open_database(const DatabaseOptions& options);

// The file of a SQLite store's URL (sqlite:PATH or a bare path); nullopt for PostgreSQL.
std::optional<std::string> sqlite_file(const std::string& url);

}  // namespace hearth::db
