#pragma once
// The chronology in the database. Capabilities call record() in the same transaction as the
// record it shows, and revise() when that record is amended; pages read through the rest.
#include <optional>
#include <string>
#include <vector>

#include "chronology/chronology.hpp"
#include "platform/db/database.hpp"

namespace hearth::chronology {

Result<std::int64_t> record(db::Connection& c, const NewEntry& entry, Timestamp recorded_at);

// After the record an entry shows was amended: its new title and text, marked as amended.
struct Revision {
    std::string title;
    std::string summary;
    bool significant = false;
    bool for_handover = false;
    std::optional<Timestamp> occurred_at;  // when the amendment corrected the time
    // Only that child's line: a record shown in several children's chronologies, each line about
    // that child alone, is revised line by line.
    std::optional<std::int64_t> child_id;
};
Status revise(db::Connection& c, const std::string& source_type, std::int64_t source_id,
              const Revision& revision);

// One child's timeline, newest first, a page at a time.
Result<Page> for_child(db::Connection& c, std::int64_t child_id, const Filter& filter, int limit);

// What a home recorded in [since, until), oldest first: the handover.
Result<std::vector<Entry>> recorded_in_home(db::Connection& c, std::int64_t home_id,
                                            Timestamp since, Timestamp until, int limit);

// When entries of some kinds happened, from `from` on: what a figure counts (the warmth picture
// sets praise beside incidents). One child's, or a whole home's.
struct Occurrence {
    std::string kind;
    Timestamp at{};
};
Result<std::vector<Occurrence>> occurrences_for_child(db::Connection& c, std::int64_t child_id,
                                                      const std::vector<std::string>& kinds,
                                                      Timestamp from);
Result<std::vector<Occurrence>> occurrences_in_home(db::Connection& c, std::int64_t home_id,
                                                    const std::vector<std::string>& kinds,
                                                    Timestamp from);

// Full-text search of a home's chronology, best match first. FTS5 in SQLite, tsvector in
// PostgreSQL. The caller shows each result only to those who may read that child's record.
Result<std::vector<Entry>> search(db::Connection& c, std::int64_t home_id, const std::string& text,
                                  int limit);

// The words of a search, each quoted for FTS5 so that nothing typed is read as its syntax. Every
// word must match (after stemming), as PostgreSQL's websearch_to_tsquery does.
std::string fts5_query(const std::string& text);

}  // namespace hearth::chronology
