#pragma once
// The chronology: one timeline per child of everything recorded about them, by every capability
// (bullying guidance: "recorded on the child's daily records"). Each capability keeps its own
// record, with its amendments, and tells the chronology what to show through chronology_store.hpp;
// this file is the plain data and the rules for paging through it.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "platform/clock.hpp"

namespace hearth::chronology {

// What a capability writes when it records something about a child.
struct NewEntry {
    std::int64_t child_id = 0;
    std::int64_t home_id = 0;
    Timestamp occurred_at{};
    std::string kind;         // a key its capability added to Kinds (kinds.hpp)
    std::string source_type;  // the record it shows: "daily_entry", "plan_version", ...
    std::int64_t source_id = 0;
    std::string title;    // a line: "Praise: helped cook tea"
    std::string summary;  // the text, or its first part
    std::string link;     // where the whole record is: "/children/3/daily/17"
    bool significant = false;
    bool for_handover = false;
    std::optional<std::int64_t> author_id;
    std::string author_name;
};

struct Entry : NewEntry {
    std::int64_t id = 0;
    Timestamp recorded_at{};
    bool amended = false;
    std::string child_name;  // the name they are known by
};

// Keyset paging: the position after the last entry shown, newest first. Stable while entries are
// added, and as fast for page 1,000 as for page 1.
struct Cursor {
    Timestamp occurred_at{};
    std::int64_t id = 0;
};
std::string encode(const Cursor& c);                    // "2026-05-12T14:30:00.000Z~1234"
std::optional<Cursor> decode(const std::string& text);  // nullopt when it is not one of ours

struct Filter {
    std::optional<std::string> kind;
    std::optional<Timestamp> from;   // inclusive
    std::optional<Timestamp> until;  // exclusive
    bool significant_only = false;
    std::optional<Cursor> after;
};

struct Page {
    std::vector<Entry> entries;
    std::optional<Cursor> next;  // set when there are older entries
};

// A short summary for the timeline: whole words, at most `limit` characters, with an ellipsis.
std::string summarise(const std::string& text, std::size_t limit = 280);

}  // namespace hearth::chronology
