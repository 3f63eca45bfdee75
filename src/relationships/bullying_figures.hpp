#pragma once
// Seeing the pattern of bullying (docs/practice-guidance.md, countering bullying; Reg 34(3)): for a
// home or across homes, the concerns by month, by the form they took, by place and by time of day;
// the children involved more than once; how long the response took to reach its outcome; and how
// many stages still owe a child being told. Pure counting over the concerns the store read.
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "relationships/bullying_store.hpp"

namespace hearth::relationships {

// The parts of the day a concern is counted in, by the local time it happened.
const std::vector<Choice>& times_of_day();  // morning, afternoon, evening, night

struct Counted {
    std::string key;  // a month "2026-05", a form, a place, a time of day
    int count = 0;
};

struct InvolvedChild {
    std::int64_t child_id = 0;
    std::string name;
    int as_bullied = 0;
    int as_bullying = 0;
};

struct BullyingFigures {
    std::vector<Counted> by_month;          // every month asked for, in order, zero included
    std::vector<Counted> by_form;           // every form, in bullying_forms() order
    std::vector<Counted> by_place;          // the places, the most first
    std::vector<Counted> by_time;           // every part of the day, in order
    std::vector<InvolvedChild> repeatedly;  // children of the home in two or more concerns
    int concerns = 0;
    int open = 0;
    int owing = 0;                                 // stages at which the child was not told
    std::optional<double> median_days_to_outcome;  // of those that reached an outcome
};

// `months`: "YYYY-MM", oldest first; concerns outside them are not counted.
BullyingFigures count_concerns(const std::vector<Concern>& concerns,
                               const std::vector<std::string>& months);

}  // namespace hearth::relationships
