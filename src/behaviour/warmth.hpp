#pragma once
// The warmth picture (de-escalation guidance §14: a "high warmth, low criticism" relationship
// promotes positive social interactions): the praise and achievements recorded about a child, or a
// home, beside its incidents and consequences, month by month. Pure: the counts come from the
// chronology.
#include <optional>
#include <string>
#include <vector>

#include "chronology/chronology_store.hpp"

namespace hearth::behaviour {

// The chronology's kinds the picture counts.
const std::vector<std::string>& warmth_kinds();

struct WarmthMonth {
    std::string month;  // "2026-05", in the home's zone
    int praise = 0;
    int incidents = 0;
    int consequences = 0;
    int restraints = 0;
};

// One row for each of `months` (oldest first), counting the occurrences that fall in it.
std::vector<WarmthMonth> warmth_by_month(const std::vector<chronology::Occurrence>& occurrences,
                                         const std::vector<std::string>& months);

// Moments of praise for each incident or consequence; none when there were neither.
std::optional<double> warmth_ratio(int praise, int incidents, int consequences);

// The period in a sentence: "12 moments of praise for every incident or consequence".
std::string warmth_words(int praise, int incidents, int consequences);

}  // namespace hearth::behaviour
