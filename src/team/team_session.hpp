#pragma once
// Reflective practice sessions and team meetings (issue 15; seed 002): when, who came, what it was
// about, what was learned and what is to be done; and the figures a manager and an inspector look
// for — supervision on time for each person, sessions held each month, who has not been to one in
// three months. Plain data and rules; the store is team_session_store.hpp.
#include <optional>
#include <string>
#include <vector>

#include "platform/choice.hpp"
#include "platform/clock.hpp"
#include "platform/http/form.hpp"

namespace hearth::team {

const std::vector<Choice>& session_kinds();   // reflective practice, team meeting
const std::vector<Choice>& session_abouts();  // shared learning, a child, the policy, a theme

struct SessionInput {
    std::string kind;
    Date held_on{};
    std::vector<std::int64_t> attendees;
    std::string about;
    std::optional<std::int64_t> child_id;
    std::optional<std::int64_t> shared_learning_id;
    std::string topic;
    std::string learned;
    std::string actions;
};
// Refused at the field: a day in the future, nobody who came (or someone who does not work here),
// a child or a piece of shared learning not among those offered when the session was about one, a
// theme without its words, nothing learned.
Result<SessionInput> read_session(http::FormReader& form, Date today,
                                  const std::vector<std::int64_t>& staff,
                                  const std::vector<std::int64_t>& children,
                                  const std::vector<std::int64_t>& learning);

}  // namespace hearth::team
