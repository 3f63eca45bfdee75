#include "platform/db/store_copy.hpp"

#include <fmt/format.h>

#include <regex>

#include "platform/audit/audit_trail.hpp"
#include "platform/db/migrations.hpp"

namespace hearth::db {

namespace {
constexpr int batch_rows = 500;

Result<std::int64_t> count_rows(Database& db, const std::string& table) {
    auto row =
        TRY(db.read([&](Connection& c) { return c.query_one("SELECT COUNT(*) FROM " + table); }));
    return row ? row->integer(0) : 0;
}

// The seed row of audit_head is part of the schema, not a record.
bool holds_records(const std::string& table) {
    return table != "audit_head" && table != "schema_migrations";
}
}  // namespace

std::vector<std::string> tables_in_creation_order() {
    std::vector<std::string> out;
    // A table a later migration drops (its rows moved to another) is no longer there to copy.
    static const std::regex statement(
        R"((CREATE|DROP) TABLE (?:IF (?:NOT )?EXISTS )?([a-z_][a-z0-9_]*))");
    for (const auto& m : embedded_migrations()) {
        for (std::sregex_iterator it(m.sql.begin(), m.sql.end(), statement), end; it != end; ++it) {
            if ((*it)[1] == "CREATE") {
                out.push_back((*it)[2]);
            } else {
                std::erase(out, (*it)[2].str());
            }
        }
    }
    return out;
}

Result<CopyReport> copy_store(Database& source, Database& target) {
    const auto tables = tables_in_creation_order();
    for (const auto& t : tables) {
        if (!holds_records(t)) {
            continue;
        }
        auto n = TRY(count_rows(target, t));
        if (n > 0) {
            return Error::make(
                ErrorKind::conflict,
                fmt::format("The target already holds records ({} rows in {}). Hearth copies only "
                            "into an empty database, so nothing is overwritten.",
                            n, t));
        }
    }
    // One transaction on the target: a copy that fails part-way leaves the target as it was.
    TRY(target.write([&](Connection& into) -> Status {
        for (const auto& t : tables) {
            if (!holds_records(t))
                continue;
            for (std::int64_t offset = 0;;) {
                // Every table's first column is its id (or seq): page by it, in order.
                auto rows = TRY(source.read([&](Connection& c) {
                    return c.query(fmt::format("SELECT * FROM {} ORDER BY 1 LIMIT $1 OFFSET $2", t),
                                   {std::int64_t{batch_rows}, offset});
                }));
                if (rows.empty())
                    break;
                const auto& names = rows.front().names();
                std::string columns, placeholders;
                for (std::size_t i = 0; i < names.size(); ++i) {
                    columns += (i ? ", " : "") + names[i];
                    placeholders += fmt::format("{}${}", i ? ", " : "", i + 1);
                }
                const std::string insert =
                    fmt::format("INSERT INTO {} ({}) VALUES ({})", t, columns, placeholders);
                for (const auto& r : rows) {
                    Params params;
                    for (std::size_t i = 0; i < r.size(); ++i) {
                        params.push_back(r.cell(i));
                    }
                    TRY(into.run(insert, params));
                }
                offset += static_cast<std::int64_t>(rows.size());
                if (static_cast<int>(rows.size()) < batch_rows)
                    break;
            }
            TRY(target.after_bulk_load(into, t));
        }
        auto head = TRY(source.read([](Connection& c) {
            return c.query_one("SELECT last_seq, last_hash FROM audit_head WHERE id = 1");
        }));
        if (!head)
            return Error::internal("the source has no audit_head row");
        return into.run("UPDATE audit_head SET last_seq = $1, last_hash = $2 WHERE id = 1",
                        {head->integer(0), head->text(1)});
    }));
    CopyReport report;
    for (const auto& t : tables) {
        auto s = TRY(count_rows(source, t));
        auto d = TRY(count_rows(target, t));
        report.tables.push_back({t, s, d});
        if (s != d) {
            return Error::internal(fmt::format(
                "copy of {} is short: {} rows in the source, {} in the target", t, s, d));
        }
    }
    auto verified = TRY(audit::verify(target, audit::held_keys()));
    if (verified.first_broken_seq) {
        return Error::internal("the audit chain does not verify on the target: " +
                               verified.problem);
    }
    report.audit_entries = verified.entries;
    return report;
}

}  // namespace hearth::db
