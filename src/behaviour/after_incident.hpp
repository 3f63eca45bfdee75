#pragma once
// What happens after an incident: the child's account in their own words, their debrief with
// someone they trust, each member of staff's debrief and wellbeing check (relational practice
// guidance: staff who are not supported after restraint burn out), and the restorative conversation
// or meeting that puts things right (relational practice guidance: "a restorative approach to
// conflict resolution"). Each is written once and never changed. Plain data and rules; each is
// built only through its read_ function, which names every field at fault.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "behaviour/incident.hpp"
#include "behaviour/incident_lists.hpp"
#include "platform/clock.hpp"
#include "platform/http/form.hpp"

namespace hearth::behaviour {

// What a child says happened, when they are ready: their words, or that they did not want to say.
struct AccountInput {
    std::int64_t child_id = 0;
    Timestamp given_at{};
    std::string words;
    std::string declined;
};
Result<AccountInput> read_account(http::FormReader& form, const std::vector<std::int64_t>& children,
                                  Timestamp began, Timestamp now);

struct ChildDebriefDetails {
    std::int64_t child_id = 0;
    Timestamp held_at{};
    std::int64_t held_by = 0;  // someone the child trusts: not necessarily who was there
    std::string felt;          // how they felt, then and now
    std::string would_help;    // what would help next time
    std::string repair;        // what they want to put right, and how
    std::string child_words;
    std::string declined;  // they did not want a debrief: why, and when it will be offered again
};
Result<ChildDebriefDetails> read_child_debrief(http::FormReader& form,
                                               const std::vector<std::int64_t>& children,
                                               const std::vector<Person>& staff, Timestamp began,
                                               Timestamp now);

// How a member of staff is after the incident, as they say it.
const std::vector<Choice>& wellbeing_levels();  // ok, shaken, hurt, struggling
// What the home offers them.
const std::vector<Choice>& staff_support();

struct StaffDebriefDetails {
    std::int64_t person_id = 0;
    Timestamp held_at{};
    std::int64_t held_by = 0;
    std::string wellbeing;  // a key of wellbeing_levels()
    std::string how_they_are;
    std::string learnt;                // what they learnt about the child, and about themselves
    std::vector<std::string> support;  // keys of staff_support()
    std::string support_note;
    std::string learning;  // what other homes could learn from it, without names
    bool share_learning = false;
};
// `names`: every name of the organisation's children and staff, which shared learning must not
// carry.
Result<StaffDebriefDetails> read_staff_debrief(http::FormReader& form,
                                               const std::vector<Person>& staff,
                                               const std::vector<std::string>& names,
                                               Timestamp began, Timestamp now);
// A debrief that asks the manager to do something now: the member of staff is hurt or struggling.
bool needs_manager(const StaffDebriefDetails& d);

// The names found in `text`, as written with a capital: learning shared across homes is without
// them. Whole words only: "Kai" is found in "Kai said", not in "Kaiser".
std::vector<std::string> names_in(const std::string& text, const std::vector<std::string>& names);

const std::vector<Choice>& restorative_forms();  // conversation, meeting
struct RestorativeDetails {
    Timestamp held_at{};
    std::string form;         // a key of restorative_forms()
    std::string taking_part;  // who took part
    std::string outcome;      // how it went
    std::string agreed;       // what was agreed to put things right
};
Result<RestorativeDetails> read_restorative(http::FormReader& form, Timestamp began, Timestamp now);

}  // namespace hearth::behaviour
