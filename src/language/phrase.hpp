#pragma once
// Language that cares (docs/user-guide.md; de-escalation guidance §4 and §16-23): the phrases
// Hearth flags as staff write about a child who may read the record later, each with a kinder, more
// precise alternative and why. The defaults are data (data/language-that-cares.toml, compiled
// into the binary); each organisation's managers change them for their organisation
// (organisation_list.hpp).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "platform/clock.hpp"
#include "platform/result.hpp"

namespace hearth::language {

struct Phrase {
    // Stable: given in the file for the defaults (never reused), and by the database for a
    // phrase an organisation adds (from first_added_phrase_id upwards).
    std::int64_t id = 0;
    std::string phrase;  // as people say it: "kicked off"
    // What to look for, one pattern each (see pattern.hpp for the syntax): "kick+ off".
    std::vector<std::string> match;
    // A finding wholly inside a match of one of these is not a finding: "contact with the school".
    std::vector<std::string> not_when;
    std::string alternative;  // kinder and more precise
    std::string why;          // one or two plain sentences a support worker would accept
    std::string fine_when;    // optional: finishes "These words are fine ...": "when you quote..."
};

inline constexpr std::int64_t first_added_phrase_id = 10001;

struct PhraseList {
    int version = 0;
    std::string written_by;
    std::optional<Date> written_on;
    std::string reviewed_by;  // empty until a practitioner has reviewed this version
    std::optional<Date> reviewed_on;
    std::vector<Phrase> phrases;
};

// Reads a list in the file's format; every problem names the phrase (by id) and the field.
Result<PhraseList> parse_phrase_list(std::string_view toml_text);

// The list every organisation starts from: data/language-that-cares.toml, compiled in.
const PhraseList& default_list();

// The rules a phrase must meet, from the file or from a manager's form. Errors name the field
// ("phrase", "match", "not_when", "alternative", "why", "fine_when").
Status validate(const Phrase& p);

}  // namespace hearth::language
