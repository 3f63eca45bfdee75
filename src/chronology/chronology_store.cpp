#include "chronology/chronology_store.hpp"

#include <fmt/format.h>

#include <cctype>

namespace hearth::chronology {

namespace {
constexpr const char* columns =
    "c.id, c.child_id, c.home_id, c.occurred_at, c.kind, c.source_type, c.source_id, c.title, "
    "c.summary, c.link, c.significant, c.for_handover, c.amended, c.author_id, c.author_name, "
    "c.recorded_at, CASE WHEN ch.preferred_name <> '' THEN ch.preferred_name ELSE ch.first_name "
    "END || ' ' || ch.last_name";
// Every query names the child beside the entry: the handover and search list several children.
constexpr const char* child_join = "JOIN children ch ON ch.id = c.child_id";

Entry from_row(const db::Row& r) {
    Entry e;
    e.id = r.integer(0);
    e.child_id = r.integer(1);
    e.home_id = r.integer(2);
    e.occurred_at = parse_utc(r.text(3)).value_or(Timestamp{});
    e.kind = r.text(4);
    e.source_type = r.text(5);
    e.source_id = r.integer(6);
    e.title = r.text(7);
    e.summary = r.text(8);
    e.link = r.text(9);
    e.significant = r.boolean(10);
    e.for_handover = r.boolean(11);
    e.amended = r.boolean(12);
    e.author_id = r.optional_integer(13);
    e.author_name = r.text(14);
    e.recorded_at = parse_utc(r.text(15)).value_or(Timestamp{});
    e.child_name = r.text(16);
    return e;
}

std::vector<Entry> entries_of(const db::Rows& rows) {
    std::vector<Entry> out;
    out.reserve(rows.size());
    for (const auto& r : rows) {
        out.push_back(from_row(r));
    }
    return out;
}

}  // namespace

Result<std::int64_t> record(db::Connection& c, const NewEntry& e, Timestamp recorded_at) {
    return c.insert(
        "INSERT INTO chronology (child_id, home_id, occurred_at, kind, source_type, source_id, "
        "title, summary, link, significant, for_handover, author_id, author_name, recorded_at) "
        "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id",
        {e.child_id, e.home_id, format_utc(e.occurred_at), e.kind, e.source_type, e.source_id,
         e.title, e.summary, e.link, std::int64_t{e.significant}, std::int64_t{e.for_handover},
         db::nullable(e.author_id), e.author_name, format_utc(recorded_at)});
}

Status revise(db::Connection& c, const std::string& source_type, std::int64_t source_id,
              const Revision& r) {
    db::Params params{
        r.title,     r.summary, std::int64_t{r.significant}, std::int64_t{r.for_handover},
        source_type, source_id};
    std::string set_time, only_child;
    if (r.occurred_at) {
        params.emplace_back(format_utc(*r.occurred_at));
        set_time = fmt::format(", occurred_at = ${}", params.size());
    }
    if (r.child_id) {
        params.emplace_back(*r.child_id);
        only_child = fmt::format(" AND child_id = ${}", params.size());
    }
    return c.run(fmt::format("UPDATE chronology SET title = $1, summary = $2, significant = $3, "
                             "for_handover = $4, amended = 1{} WHERE source_type = $5 AND "
                             "source_id = $6{}",
                             set_time, only_child),
                 params);
}

Result<Page> for_child(db::Connection& c, std::int64_t child_id, const Filter& f, int limit) {
    db::Params params{child_id};
    std::string where = "c.child_id = $1";
    auto add = [&](const std::string& condition, db::Value v) {
        params.push_back(std::move(v));
        where += fmt::format(" AND {}${}", condition, params.size());
    };
    if (f.kind) {
        add("c.kind = ", *f.kind);
    }
    if (f.significant_only) {
        add("c.significant = ", std::int64_t{1});
    }
    if (f.from) {
        add("c.occurred_at >= ", format_utc(*f.from));
    }
    if (f.until) {
        add("c.occurred_at < ", format_utc(*f.until));
    }
    if (f.after) {
        params.emplace_back(format_utc(f.after->occurred_at));
        const auto at = params.size();
        params.emplace_back(f.after->id);
        // A row-value comparison, which both stores serve as a range of the index: the page
        // 10,000 entries deep starts where it should instead of walking there.
        where += fmt::format(" AND (c.occurred_at, c.id) < (${}, ${})", at, params.size());
    }
    params.emplace_back(std::int64_t{limit + 1});
    auto rows = TRY(c.query(fmt::format("SELECT {} FROM chronology c {} WHERE {} ORDER BY "
                                        "c.occurred_at DESC, c.id DESC LIMIT ${}",
                                        columns, child_join, where, params.size()),
                            params));
    Page page;
    page.entries = entries_of(rows);
    if (static_cast<int>(page.entries.size()) > limit) {
        page.entries.pop_back();
        const auto& last = page.entries.back();
        page.next = Cursor{last.occurred_at, last.id};
    }
    return page;
}

Result<std::vector<Entry>> recorded_in_home(db::Connection& c, std::int64_t home_id,
                                            Timestamp since, Timestamp until, int limit) {
    auto rows = TRY(c.query(fmt::format("SELECT {} FROM chronology c {} WHERE c.home_id = $1 AND "
                                        "c.recorded_at >= $2 AND c.recorded_at < $3 "
                                        "ORDER BY c.recorded_at, c.id LIMIT $4",
                                        columns, child_join),
                            {home_id, format_utc(since), format_utc(until), std::int64_t{limit}}));
    return entries_of(rows);
}

namespace {
Result<std::vector<Occurrence>> occurrences(db::Connection& c, const char* column, std::int64_t id,
                                            const std::vector<std::string>& kinds, Timestamp from) {
    std::vector<Occurrence> out;
    // One indexed range for each kind: (child_id or home_id, kind, occurred_at).
    for (const auto& kind : kinds) {
        auto rows =
            TRY(c.query(fmt::format("SELECT c.occurred_at FROM chronology c WHERE c.{} = $1 "
                                    "AND c.kind = $2 AND c.occurred_at >= $3",
                                    column),
                        {id, kind, format_utc(from)}));
        for (const auto& r : rows) {
            if (auto at = parse_utc(r.text(0))) {
                out.push_back({kind, *at});
            }
        }
    }
    return out;
}
}  // namespace

Result<std::vector<Occurrence>> occurrences_for_child(db::Connection& c, std::int64_t child_id,
                                                      const std::vector<std::string>& kinds,
                                                      Timestamp from) {
    return occurrences(c, "child_id", child_id, kinds, from);
}

Result<std::vector<Occurrence>> occurrences_in_home(db::Connection& c, std::int64_t home_id,
                                                    const std::vector<std::string>& kinds,
                                                    Timestamp from) {
    return occurrences(c, "home_id", home_id, kinds, from);
}

std::string fts5_query(const std::string& text) {
    std::vector<std::string> words;
    std::string word;
    auto flush = [&] {
        if (!word.empty()) {
            words.push_back(std::move(word));
        }
        word.clear();
    };
    for (char ch : text) {
        const auto u = static_cast<unsigned char>(ch);
        // Letters, digits and every byte of a UTF-8 letter make words; the rest separates them.
        if (std::isalnum(u) || u >= 0x80) {
            word.push_back(ch);
        } else {
            flush();
        }
    }
    flush();
    std::string out;
    for (std::size_t i = 0; i < words.size(); ++i) {
        out += (i ? " " : "") + std::string("\"") + words[i] + "\"";
    }
    return out;
}

Result<std::vector<Entry>> search(db::Connection& c, std::int64_t home_id, const std::string& text,
                                  int limit) {
    if (c.store() == db::Store::sqlite) {
        const std::string query = fts5_query(text);
        if (query.empty()) {
            return std::vector<Entry>{};
        }
        auto rows = TRY(c.query(fmt::format("SELECT {} FROM chronology_search s JOIN chronology c "
                                            "ON c.id = s.rowid {} WHERE chronology_search MATCH $1 "
                                            "AND c.home_id = $2 ORDER BY s.rank LIMIT $3",
                                            columns, child_join),
                                {query, home_id, std::int64_t{limit}}));
        return entries_of(rows);
    }
    auto rows =
        TRY(c.query(fmt::format("SELECT {} FROM chronology c {} WHERE c.search @@ "
                                "websearch_to_tsquery('english', $1) AND c.home_id = $2 "
                                "ORDER BY ts_rank(c.search, websearch_to_tsquery('english', "
                                "$1)) DESC, c.occurred_at DESC LIMIT $3",
                                columns, child_join),
                    {text, home_id, std::int64_t{limit}}));
    return entries_of(rows);
}

}  // namespace hearth::chronology
