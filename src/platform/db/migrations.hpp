#pragma once
#include <limits>
#include <string>
#include <vector>

#include "platform/db/database.hpp"

namespace hearth::db {

struct Migration {
    int number;
    std::string name;
    std::string sql;
};

const std::vector<Migration>& embedded_migrations();  // generated from migrations/*.sql

// The part of a migration a store runs. Most SQL is portable; where the stores differ (full-text
// search), a line "-- store: sqlite" or "-- store: postgresql" starts SQL for that store only,
// and "-- store: all" returns to SQL for both.
std::string sql_for_store(const std::string& sql, Store store);

struct SchemaState {
    int applied = 0;  // highest migration applied to the database
    int known = 0;    // highest migration this binary carries
};

Result<SchemaState> schema_state(Database& db);
// Applies every migration the database lacks, each in its own transaction, up to and including
// `last` (a test of a migration stops before it, to build the store an older Hearth left). Returns
// the numbers applied.
Result<std::vector<int>> migrate(Database& db, const std::string& now_utc,
                                 int last = std::numeric_limits<int>::max());
// A binary older than the schema it finds must not serve: it would not know the newer columns'
// rules.
Status check_schema_serveable(const SchemaState& state);

}  // namespace hearth::db
