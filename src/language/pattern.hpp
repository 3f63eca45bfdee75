#pragma once
// The small language of the list's patterns, so that the list, not code, says what to look for.
// A pattern is words separated by spaces or hyphens; in the text, any run of spaces, line breaks
// and hyphens may stand between them. Each word is
//   form          one form, matched whole and in any case: "unit" (not "units", not "community")
//   a|b|c         any of these forms: "threw|throws|throwing"
//   form+         the form with its regular endings: kick+ is kick, kicks, kicked, kicking;
//                 refuse+ is refuse, refuses, refused, refusing; stop+ adds stopped, stopping;
//                 worry+ adds worries, worried. A + can follow any form of a|b list.
//   (word)        an optional word, itself a form or a|b list: "contact with (his|her) mum"
// Forms are letters and digits, with apostrophes inside them ("won't"); a form in the text with
// 's after it is still that form ("LAC's" is found by "lac").
#include <string>
#include <string_view>
#include <vector>

#include "platform/result.hpp"

namespace hearth::language {

struct PatternWord {
    std::vector<std::string> forms;  // lower case, sorted, without repeats
    bool optional = false;
};

struct Pattern {
    std::vector<PatternWord> words;
};

// An error for the person says what is wrong with the pattern, quoting it.
Result<Pattern> compile_pattern(std::string_view text);

// The regular endings of a form, the form itself first.
std::vector<std::string> regular_forms(std::string_view form);

// The lower case Hearth compares in: ASCII letters folded, curly apostrophes made straight.
std::string fold(std::string_view text);

}  // namespace hearth::language
