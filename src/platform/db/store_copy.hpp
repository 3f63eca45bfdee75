#pragma once
// Moving a whole Hearth database from one store to another (a home outgrowing SQLite), and
// proving the copy: the same rows in every table, and the audit chain verified on the target.
#include <string>
#include <vector>

#include "platform/db/database.hpp"

namespace hearth::db {

struct TableCount {
    std::string table;
    std::int64_t source = 0;
    std::int64_t target = 0;
};

struct CopyReport {
    std::vector<TableCount> tables;
    std::int64_t audit_entries = 0;
};

// Tables in the order the migrations create them, which is an order foreign keys allow, leaving
// out those a later migration drops.
std::vector<std::string> tables_in_creation_order();

// The target must be migrated and hold no records; the copy refuses to write into one that does.
Result<CopyReport> copy_store(Database& source, Database& target);

}  // namespace hearth::db
