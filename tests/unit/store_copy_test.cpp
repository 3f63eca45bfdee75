// `hearth migrate-store` copies the tables the migrations create, found by reading the migrations:
// every table the schema has must be among them, or its rows would be left behind.
#include "platform/db/store_copy.hpp"

#include <gtest/gtest.h>

#include <set>

#include "test_support.hpp"

// Each test file's own names, apart from the others built beside it (tests/CMakeLists.txt).
namespace store_copy_test {

using namespace hearth;

TEST(MigrateStore, TheTablesToCopyAreEveryTableOfTheSchema) {
    hearth::testing::TempDir dir;
    auto db = hearth::testing::open_migrated(dir.file("h.db"));
    auto rows = db->read([&](db::Connection& c) {
        return db->store() == db::Store::sqlite
                   // A full-text index and its shadow tables are rebuilt, not copied.
                   ? c.query(
                         "SELECT name FROM sqlite_master t WHERE type = 'table' AND name NOT "
                         "LIKE 'sqlite_%' AND NOT EXISTS (SELECT 1 FROM sqlite_master v "
                         "WHERE v.sql LIKE 'CREATE VIRTUAL TABLE%' AND t.name LIKE v.name "
                         "|| '%')")
                   : c.query(
                         "SELECT table_name FROM information_schema.tables WHERE "
                         "table_schema = current_schema() AND table_type = 'BASE TABLE'");
    });
    ASSERT_TRUE(rows.ok());
    std::set<std::string> schema;
    for (const auto& r : rows.value())
        schema.insert(r.text(0));
    // The migrations' own bookkeeping, which `migrate` writes on the target.
    schema.erase("schema_migrations");
    const auto listed = db::tables_in_creation_order();
    const std::set<std::string> copied(listed.begin(), listed.end());
    EXPECT_TRUE(copied.count("reg35_authorisations")) << "names with digits are read whole";
    for (const auto& table : schema)
        EXPECT_TRUE(copied.count(table)) << table << " would not be copied";
    for (const auto& table : copied)
        EXPECT_TRUE(schema.count(table)) << table << " is not a table of the schema";
}

}  // namespace store_copy_test
