#pragma once
// A change of staff that matters to a child: a member of staff they are close to leaves, moves to
// another home, changes shifts or is away a long time (the positive relationships guidance,
// docs/practice-guidance.md: "the registered person will respond to children's views about changes
// to staff", and positive relationships are respected and kept as far as possible). The child's
// view in their words, or why they could not be asked; how the relationship is respected; and the
// registered manager's response to what the child said. As key-worker changes are
// (children/key_workers/key_worker_change.hpp). Plain data and rules.
#include <optional>
#include <string>
#include <vector>

#include "platform/choice.hpp"
#include "platform/clock.hpp"
#include "platform/http/form.hpp"

namespace hearth::relationships {

const std::vector<Choice>& staff_change_kinds();  // leaving, moving_home, changing_shifts, ...

struct StaffChangeDetails {
    std::string staff_name;
    std::string kind;
    Date happens_on{};
    std::string child_view;      // what the child said, in their words
    std::string view_not_asked;  // or why they could not be asked
    std::string keeping_in_touch;
};

// `child_name` is how the messages name the child.
Result<StaffChangeDetails> read_staff_change(http::FormReader& form, const std::string& child_name);
// The registered manager's response to the child's view.
Result<std::string> read_staff_change_response(http::FormReader& form);

}  // namespace hearth::relationships
