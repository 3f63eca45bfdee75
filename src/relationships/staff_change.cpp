#include "relationships/staff_change.hpp"

namespace hearth::relationships {

const std::vector<Choice>& staff_change_kinds() {
    static const std::vector<Choice> all{
        {"leaving", "Leaving the home"},
        {"moving_home", "Moving to another of our homes"},
        {"changing_shifts", "Changing shifts"},
        {"long_absence", "Away for a long time"},
    };
    return all;
}

Result<StaffChangeDetails> read_staff_change(http::FormReader& f, const std::string& child_name) {
    StaffChangeDetails d;
    d.staff_name = f.text("staff_name", "who is changing", {.required = true, .max = 200});
    d.kind = f.choice("kind", "what is changing", keys_of(staff_change_kinds()), true);
    const auto on = f.date("happens_on", "the day it happens", {.required = true});
    if (on) {
        d.happens_on = *on;
    }
    d.child_view = f.text("child_view", child_name + "'s view", {.max = 4000, .multiline = true});
    d.view_not_asked =
        f.text("view_not_asked", "why they could not be asked", {.max = 1000, .multiline = true});
    if (d.child_view.empty() && d.view_not_asked.empty()) {
        f.fail("child_view", "Enter what " + child_name +
                                 " said about it, in their words, or why they could not be asked");
    }
    d.keeping_in_touch = f.text("keeping_in_touch", "how the relationship is respected",
                                {.required = true, .max = 4000, .multiline = true});
    TRY(f.finish());
    return d;
}

Result<std::string> read_staff_change_response(http::FormReader& f) {
    auto response = f.text("response", "your response to what the child said",
                           {.required = true, .max = 4000, .multiline = true});
    TRY(f.finish());
    return response;
}

}  // namespace hearth::relationships
