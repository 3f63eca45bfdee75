#pragma once
#include <string>
#include <string_view>

namespace hearth::db {

// Portable SQL to SQLite's dialect: $n placeholders become ?n (string literals untouched), and
// the identity column type BIGSERIAL PRIMARY KEY becomes INTEGER PRIMARY KEY.
std::string to_sqlite_dialect(std::string_view sql);

}  // namespace hearth::db
