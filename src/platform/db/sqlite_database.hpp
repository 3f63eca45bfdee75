#pragma once
#include <memory>

#include "platform/db/database.hpp"

namespace hearth::db {

// SQLite in WAL mode, foreign keys on, synchronous=FULL. Writers take one in-process lock
// and then BEGIN IMMEDIATE, so "database is locked" never reaches a person: other processes
// (the CLI beside a running server) wait on the busy timeout.
Result<std::unique_ptr<Database>> open_sqlite(const std::string& path,
                                              const DatabaseOptions& options);

}  // namespace hearth::db
