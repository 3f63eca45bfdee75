#pragma once
// Language that cares, for every capability that saves free text (daily notes, plans,
// incidents...). Like chronology::record, it is a plain call made inside the same db.write
// transaction as the save:
//
//   auto findings = TRY(language::check_and_record(c, organisation_id, home_id, child_id,
//                                                 "daily_entry", entry_id, text, now));
//
// and the page shown after the save (a redirect away) shows what was found then, when JavaScript
// did not already, from what the check kept rather than by matching the text again:
//
//   data.update(TRY(language::findings_when_saved(c, "daily_entry", entry_id)));
//   // then {{> _language_findings}}
//
// It warns; it never blocks a save. Pass only what staff wrote: the child's own words, kept
// verbatim in their own field, are not checked (quoted speech inside the text is skipped too).
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>
#include <vector>

#include "language/matcher.hpp"
#include "platform/clock.hpp"
#include "platform/db/database.hpp"

namespace hearth::language {

// Matches `text` against the organisation's list (the defaults with its own changes) and records
// the check for the provider's figure: one entry checked, and the phrases flagged in it. Saving
// the same record again (an amendment: same source_type and source_id) replaces that entry's
// count; it is not counted twice. The entry counts in the month, in the home's zone, that it was
// first saved.
Result<std::vector<Finding>> check_and_record(db::Connection& c, std::int64_t organisation_id,
                                              std::int64_t home_id,
                                              std::optional<std::int64_t> child_id,
                                              std::string_view source_type, std::int64_t source_id,
                                              std::string_view text, Timestamp at);

// The same findings without recording anything: the check as staff type.
Result<std::vector<Finding>> check(db::Connection& c, std::int64_t organisation_id,
                                   std::string_view text);

// What the last check_and_record of a record found, as findings_view made it then; an empty object
// when it was never checked.
Result<nlohmann::json> findings_when_saved(db::Connection& c, std::string_view source_type,
                                           std::int64_t source_id);

// The view model of the {{> _language_findings}} partial:
//   { "language_findings": { "count": N, "phrases": [ { "phrase", "matched", "times",
//     "alternative", "why", "fine_when", "has_fine_when" } ] } }
// with one row per phrase found (however many times); no "language_findings" key when nothing
// was found, so the partial renders nothing.
nlohmann::json findings_view(const std::vector<Finding>& findings);

}  // namespace hearth::language
