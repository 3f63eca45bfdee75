#pragma once
// Whether each child of a home has talked about bullying lately, in a key-work session or a
// children's meeting (the anti-bullying guidance, docs/practice-guidance.md: every child knows what
// bullying is, who to tell and that they will be listened to). Plain data and one rule.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "platform/clock.hpp"

namespace hearth::daily_record {

// Where a child last talked about it: the key-work session or meeting, and when.
struct TalkedAt {
    std::int64_t record_id = 0;
    Timestamp at{};
};

struct ChildTalked {
    std::int64_t child_id = 0;
    std::string name;
    std::optional<TalkedAt> key_work;
    std::optional<TalkedAt> meeting;
};

enum class TalkStanding { lately, not_lately, never };

// Lately: within the last three months of `now` (the home's review of its anti-bullying work each
// quarter); otherwise not lately, or never if no session or meeting is marked.
constexpr int lately_days = 92;
TalkStanding standing_of(const ChildTalked& c, Timestamp now);
std::string standing_key(TalkStanding s);    // "lately", "not_lately", "never"
std::string standing_label(TalkStanding s);  // "In the last 3 months", ...

// The later of the two, if any.
std::optional<Timestamp> last_talked(const ChildTalked& c);

}  // namespace hearth::daily_record
