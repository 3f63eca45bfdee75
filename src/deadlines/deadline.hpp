#pragma once
// Deadlines: every clock that the law or the policy starts (Children's Homes (England) Regulations
// 2015). A capability starts one for an event, with what it is about, who must meet it and where to
// go to meet it; meeting it records who and when. Plain data and rules here; the store is
// deadline_store.hpp.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

#include "platform/auth/permissions.hpp"
#include "platform/clock.hpp"

namespace hearth::deadlines {

// Who must meet a clock: a role in the home (the registered manager) or a named person.
struct NewDeadline {
    std::int64_t home_id = 0;
    std::optional<std::int64_t> child_id;
    std::string kind;         // "plan_review", "reg35_record", ...
    std::string title;        // "Review Aisha's safety plan"
    std::string source_type;  // the record that started it
    std::int64_t source_id = 0;
    std::string link;  // where to go to meet it
    std::string owner_role = "registered_manager";
    std::optional<std::int64_t> owner_id;
    Timestamp started_at{};
    Timestamp due_at{};
};

enum class State { open, met, closed };

struct Deadline : NewDeadline {
    std::int64_t id = 0;
    State state = State::open;
    std::optional<Timestamp> met_at;
    std::string met_by_name;
    std::string met_note;
    std::string closed_reason;  // why a clock stopped without being met: the plan was replaced
    std::optional<Timestamp> escalated_at;
    std::string child_name;
    std::string home_name;
    std::string owner_name;
    int version = 1;
};

// Where a deadline stands at a moment: what a person should do about it.
enum class Standing { upcoming, due_soon, overdue, met_on_time, met_late, closed };
Standing standing(const Deadline& d, Timestamp now,
                  std::chrono::hours soon = std::chrono::hours{24});
std::string standing_label(Standing s);  // "Overdue"
std::string standing_tag(Standing s);    // the GOV.UK tag colour class: "govuk-tag--red"

// Whether a person may say by hand that a clock was met. A clock the law stops only by an act it
// names (a Reg 35 sign-off, a Reg 40 or Reg 41 notification to each recipient it requires, the
// notice of an emergency contact restriction and its review, the social worker's answer to a
// concern about a child's contact, a member of staff's checks, qualification and training, a
// supervision signed by both who held it) is met only when that act is recorded in Hearth, by
// someone the law allows, at that moment.
bool may_be_met_by_hand(const std::string& kind);

// The clocks of a member of staff's own record (team/: their checks, qualification, training, a
// correction they asked for). Like the record, they are read only by those who may read the home's
// staff records; every other clock is read by whoever may read the home's deadlines.
bool is_staff_record_clock(const std::string& kind);
// The clocks of supervision (team/supervision_store.hpp): to the next one, and each action agreed.
// Read by those who may read staff records, the clock's owner, and the supervisee of the next one.
bool is_supervision_clock(const std::string& kind);
bool may_read_clock(const Person& reader, const Deadline& d);

// "due in 3 hours", "2 days overdue": how far a deadline is from now, in words.
std::string distance_in_words(Timestamp due, Timestamp now);

// A clock set by a date (a plan's review-by date) runs to the end of that day in the home's zone.
Timestamp end_of_local_day(Date day);

}  // namespace hearth::deadlines
