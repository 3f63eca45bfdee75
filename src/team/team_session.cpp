#include "team/team_session.hpp"

#include <algorithm>
#include <set>

namespace hearth::team {

namespace {

bool among(const std::vector<std::int64_t>& ids, std::int64_t id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
}

constexpr std::int64_t largest_record_id = 9'000'000'000'000'000'000;

}  // namespace

const std::vector<Choice>& session_kinds() {
    static const std::vector<Choice> all{
        {"reflective_practice", "Reflective practice session"},
        {"team_meeting", "Team meeting"},
    };
    return all;
}

const std::vector<Choice>& session_abouts() {
    static const std::vector<Choice> all{
        {"shared_learning", "Learning shared from an incident"},
        {"child", "A child's needs"},
        {"policy", "The positive relationships policy"},
        {"theme", "A theme"},
    };
    return all;
}

Result<SessionInput> read_session(http::FormReader& form, Date today,
                                  const std::vector<std::int64_t>& staff,
                                  const std::vector<std::int64_t>& children,
                                  const std::vector<std::int64_t>& learning) {
    SessionInput s;
    s.kind = form.choice("kind", "the kind of session", keys_of(session_kinds()), true);
    auto held = form.date("held_on", "the day it was held",
                          {.required = true, .not_after = today, .after_label = "today"});
    s.attendees = form.ids("attendees", "who came");
    if (s.attendees.empty()) {
        form.fail("attendees", "Choose who came");
    } else if (std::set<std::int64_t>(s.attendees.begin(), s.attendees.end()).size() !=
               s.attendees.size()) {
        form.fail("attendees", "Choose each person once");
    } else if (std::any_of(s.attendees.begin(), s.attendees.end(),
                           [&](std::int64_t id) { return !among(staff, id); })) {
        form.fail("attendees", "Choose those who work at the home");
    }
    s.about = form.choice("about", "what it was about", keys_of(session_abouts()), true);
    s.child_id = form.integer("child_id", "which child", false, 1, largest_record_id);
    s.shared_learning_id =
        form.integer("shared_learning_id", "which learning", false, 1, largest_record_id);
    s.topic = form.text("topic", "the theme", {.max = 500});
    if (s.about == "child" && (!s.child_id || !among(children, *s.child_id))) {
        form.fail("child_id", "Choose the child it was about");
    }
    if (s.about == "shared_learning" &&
        (!s.shared_learning_id || !among(learning, *s.shared_learning_id))) {
        form.fail("shared_learning_id", "Choose the learning it took");
    }
    if (s.about == "theme" && s.topic.empty()) {
        form.fail("topic", "Enter the theme");
    }
    if (s.about != "child") {
        s.child_id.reset();
    }
    if (s.about != "shared_learning") {
        s.shared_learning_id.reset();
    }
    s.learned = form.text("learned", "what was learned",
                          {.required = true, .max = 10000, .multiline = true});
    s.actions = form.text("actions", "what is to be done", {.max = 4000, .multiline = true});
    TRY(form.finish());
    s.held_on = *held;
    return s;
}

}  // namespace hearth::team
