// Portable SQL to SQLite's dialect.
#include "platform/db/rewrite.hpp"

#include <gtest/gtest.h>

// Each test file's own names, apart from the others built beside it (tests/CMakeLists.txt).
namespace rewrite_test {

using hearth::db::to_sqlite_dialect;

namespace {

TEST(SqliteDialect, NumberedPlaceholdersBecomeQuestionMarks) {
    EXPECT_EQ(to_sqlite_dialect("SELECT * FROM t WHERE a = $1 AND b = $2"),
              "SELECT * FROM t WHERE a = ?1 AND b = ?2");
    EXPECT_EQ(to_sqlite_dialect("VALUES ($10, $11, $1)"), "VALUES (?10, ?11, ?1)");
    EXPECT_EQ(to_sqlite_dialect("UPDATE t SET v=$1,w=$1"), "UPDATE t SET v=?1,w=?1");
}

TEST(SqliteDialect, StringLiteralsAreLeftAlone) {
    EXPECT_EQ(to_sqlite_dialect("SELECT '$1 costs $2' || $1"), "SELECT '$1 costs $2' || ?1");
    // A doubled quote inside a literal does not end it.
    EXPECT_EQ(to_sqlite_dialect("SELECT 'it''s $1', $2"), "SELECT 'it''s $1', ?2");
    EXPECT_EQ(to_sqlite_dialect("SELECT '', $1"), "SELECT '', ?1");
}

TEST(SqliteDialect, ADollarWithoutADigitIsNotAPlaceholder) {
    EXPECT_EQ(to_sqlite_dialect("SELECT $ FROM t"), "SELECT $ FROM t");
    EXPECT_EQ(to_sqlite_dialect("SELECT $a"), "SELECT $a");
    EXPECT_EQ(to_sqlite_dialect("SELECT 1 WHERE x = $"), "SELECT 1 WHERE x = $");
}

TEST(SqliteDialect, IdentityColumnsBecomeIntegerPrimaryKeys) {
    EXPECT_EQ(to_sqlite_dialect("CREATE TABLE t (id BIGSERIAL PRIMARY KEY, name TEXT)"),
              "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)");
    EXPECT_EQ(to_sqlite_dialect("CREATE TABLE a (id BIGSERIAL PRIMARY KEY);\nCREATE TABLE b (id "
                                "BIGSERIAL PRIMARY KEY);"),
              "CREATE TABLE a (id INTEGER PRIMARY KEY);\nCREATE TABLE b (id INTEGER PRIMARY KEY);");
    EXPECT_EQ(to_sqlite_dialect("CREATE TABLE t (n BIGINT NOT NULL)"),
              "CREATE TABLE t (n BIGINT NOT NULL)");
}

TEST(SqliteDialect, NothingElseChanges) {
    const char* sql = "SELECT a, b FROM t WHERE c > 3 ORDER BY a DESC LIMIT 10";
    EXPECT_EQ(to_sqlite_dialect(sql), sql);
    EXPECT_EQ(to_sqlite_dialect(""), "");
}

}  // namespace

}  // namespace rewrite_test
