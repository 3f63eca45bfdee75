#pragma once
// Finding the phrases of a list in what someone wrote. Pure: a list and a text in, findings out.
//   - Case does not matter, and words are whole words: "contact" is not in "contactless", nor
//     "unit" in "community".
//   - Between the words of a pattern the text may have spaces, line breaks or hyphens:
//     "attention seeking" finds "attention-seeking".
//   - Inflections are the list's to say: "kick+ off" finds kicks, kicked and kicking off;
//     "threw|throws a tantrum" names the forms (pattern.hpp).
//   - What is inside quotation marks ("...", “...”, '...', ‘...’) is not checked: staff record
//     the child's own words verbatim, and those are the child's to choose.
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "language/phrase.hpp"

namespace hearth::language {

struct Finding {
    Phrase phrase;           // the entry of the list that was found
    std::string matched;     // the words as written: "Kicking-off"
    std::size_t offset = 0;  // in bytes, into the text checked
    std::size_t length = 0;  // in bytes
};

// Findings in the order they appear. Where two phrases are found in the same words, the longer
// (more specific) one is kept: "refused to engage" rather than "refused" inside it.
std::vector<Finding> find_phrases(const std::vector<Phrase>& phrases, std::string_view text);

// The byte ranges [begin, end) of the text that are quoted speech. An opening mark that is never
// closed quotes to the end of its line, so a stray mark cannot hide the rest of a note.
std::vector<std::pair<std::size_t, std::size_t>> quoted_spans(std::string_view text);

}  // namespace hearth::language
