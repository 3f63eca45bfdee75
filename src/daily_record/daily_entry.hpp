#pragma once
// What staff write about a child on shift: daily notes, praise and achievements ("however small",
// de-escalation guidance §14) and key-work sessions. Each entry is signed and dated by its author
// (Reg 36(1)(c)) and amended, never edited in place. Plain data and rules; built only through
// read_entry(), which names every field at fault.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "platform/amendments.hpp"
#include "platform/choice.hpp"
#include "platform/clock.hpp"
#include "platform/http/form.hpp"

namespace hearth::daily_record {

enum class EntryKind { note, praise, key_work };
std::string kind_key(EntryKind k);  // "note": also the chronology's kind via chronology_kind()
std::optional<EntryKind> kind_from_key(const std::string& key);
std::string chronology_kind(EntryKind k);  // "daily_note", "praise", "key_work"

// What an entry is about, in the home's words.
const std::vector<Choice>& categories();
std::string category_label(const std::string& key);

// One-tap praise on a tablet: the things staff most often notice. Any can be written instead.
const std::vector<Choice>& praise_moments();

struct EntryDetails {
    EntryKind kind = EntryKind::note;
    std::string category;
    Timestamp occurred_at{};
    std::string topic;        // key-work sessions: what it was about
    std::string body;         // what happened; what was talked about; what they did well
    std::string child_words;  // the child's own words, verbatim
    bool significant = false;
    bool for_handover = false;
    bool about_bullying = false;  // key-work sessions: bullying was talked about
};

// Reads and checks an entry of `kind` from a form or JSON body. `now` is the instant of saving:
// an entry cannot be about the future.
Result<EntryDetails> read_entry(http::FormReader& form, EntryKind kind, Timestamp now);

// Praise from the quick form: a moment chosen with one tap, or words typed, or both.
Result<EntryDetails> read_praise(http::FormReader& form, Timestamp now);

// The actions agreed in a key-work session: one per line of what was typed, blanks dropped.
std::vector<std::string> agreed_actions(const std::string& typed);

nlohmann::json to_json(const EntryDetails& d);
EntryDetails from_json(const nlohmann::json& j);
const amendments::FieldLabels& field_labels();

// The chronology's line for an entry: "Praise: helped cook tea for everyone".
std::string title_of(const EntryDetails& d);

}  // namespace hearth::daily_record
