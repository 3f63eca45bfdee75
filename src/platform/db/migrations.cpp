#include "platform/db/migrations.hpp"

#include <fmt/format.h>

namespace hearth::db {

namespace {
constexpr const char* create_version_table =
    "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT "
    "NULL, "
    "applied_at TEXT NOT NULL)";

int highest_known() {
    int n = 0;
    for (const auto& m : embedded_migrations()) {
        n = std::max(n, m.number);
    }
    return n;
}

Status apply_missing(Database& db, const std::string& now_utc, int last,
                     std::vector<int>& applied) {
    auto state = TRY(schema_state(db));
    TRY(check_schema_serveable(state));
    for (const auto& m : embedded_migrations()) {
        if (m.number <= state.applied || m.number > last) {
            continue;
        }
        Status st = db.write_raw([&](Connection& c) -> Status {
            // Checked again inside the write transaction: another process may have applied it.
            auto done = TRY(c.query_one("SELECT 1 FROM schema_migrations WHERE version = $1",
                                        {std::int64_t{m.number}}));
            if (done) {
                return {};
            }
            TRY(c.execute_script(sql_for_store(m.sql, db.store())));
            TRY(c.run(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)",
                {std::int64_t{m.number}, m.name, now_utc}));
            applied.push_back(m.number);
            return {};
        });
        if (!st.ok()) {
            auto e = st.take_error();
            e.detail = fmt::format("migration {}: {}", m.name, e.detail);
            return e;
        }
    }
    return {};
}
}  // namespace

std::string sql_for_store(const std::string& sql, Store store) {
    constexpr std::string_view marker = "-- store: ";
    std::string out;
    bool keep = true;
    std::size_t start = 0;
    while (start < sql.size()) {
        std::size_t end = sql.find('\n', start);
        if (end == std::string::npos) {
            end = sql.size();
        }
        const std::string_view line(sql.data() + start, end - start);
        if (line.rfind(marker, 0) == 0) {
            const auto which = line.substr(marker.size());
            keep = which == "all" || (which == "sqlite" && store == Store::sqlite) ||
                   (which == "postgresql" && store == Store::postgresql);
        } else if (keep) {
            out.append(line);
            out.push_back('\n');
        }
        start = end + 1;
    }
    return out;
}

Result<SchemaState> schema_state(Database& db) {
    SchemaState state;
    state.known = highest_known();
    Status st = db.write_raw([&](Connection& c) -> Status {
        TRY(c.execute_script(create_version_table));
        auto row = TRY(c.query_one("SELECT COALESCE(MAX(version), 0) FROM schema_migrations"));
        state.applied = row ? static_cast<int>(row->integer(0)) : 0;
        return {};
    });
    if (!st.ok()) {
        return st.take_error();
    }
    return state;
}

Result<std::vector<int>> migrate(Database& db, const std::string& now_utc, int last) {
    std::vector<int> applied;
    TRY(db.with_migration_lock([&] { return apply_missing(db, now_utc, last, applied); }));
    return applied;
}

Status check_schema_serveable(const SchemaState& state) {
    if (state.applied > state.known) {
        return Error::make(ErrorKind::unavailable,
                           fmt::format("The database schema is at version {} but this Hearth "
                                       "knows only up to {}. Upgrade Hearth before serving.",
                                       state.applied, state.known));
    }
    return {};
}

}  // namespace hearth::db
