#pragma once
// A change of a child's key workers, and what the child said about it. Seed 000: "the registered
// person will respond to children's views about changes to staff", and "where positive
// relationships exist between children and staff this will be respected and maintained as far as
// possible". So a change records why, the child's view in their own words (or why they could not
// be asked), and how a relationship that is changing will be kept.
#include <cstdint>
#include <string>
#include <vector>

#include "platform/http/form.hpp"

namespace hearth::children {

struct KeyWorkerChange {
    std::vector<std::int64_t> key_worker_ids;  // who the key workers are from now on
    std::string reason;
    std::string child_view;        // what the child said, in their words
    std::string view_not_asked;    // or why they could not be asked
    std::string relationships;     // how relationships with staff stepping back are kept
    std::int64_t read_change = 0;  // the latest change the person saw: a stale form is refused
};

// Validates every field and finishes the form. `child_name` is how the messages name the child.
Result<KeyWorkerChange> read_key_worker_change(http::FormReader& form,
                                               const std::string& child_name);

// A change must change something: refused, naming the field, when `wanted` is who it already is.
Status check_changes_something(const std::vector<std::int64_t>& current,
                               const std::vector<std::int64_t>& wanted);

}  // namespace hearth::children
