#pragma once
// "A new version shows what changed": the words of one text that were kept, removed and added in
// the next, found as the longest common subsequence of their words. Pure, so tests pin it down.
#include <string>
#include <string_view>
#include <vector>

namespace hearth::plans {

struct WordChange {
    enum class Kind { kept, removed, added, line_break };
    Kind kind = Kind::kept;
    std::string text;  // words joined by single spaces; empty for a line break
};

// Words are runs of anything but white space; a line break of the newer text is its own piece so
// a list keeps its shape (a change of line breaks alone is not a change of words). Neighbouring
// words of one kind come out as one piece. Texts too long to compare word by word in reasonable
// time (more than max_cells word pairs once their shared beginning and end are set aside) come out
// as the whole middle removed and the whole middle added.
std::vector<WordChange> word_changes(std::string_view before, std::string_view after,
                                     std::size_t max_cells = 4'000'000);

bool has_changes(const std::vector<WordChange>& changes);

}  // namespace hearth::plans
