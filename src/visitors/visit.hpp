#pragma once
// A visit in the home's visitors' book (Schedule 4: every visitor to the home and to children,
// their names and the reasons for the visit): who came, whom they came to see, why, the
// identification seen or why none was, what they brought in checked against the home's list of
// items not allowed in (contact guidance: visitors must not bring or leave anything that is a risk
// to the children), who let them in, and whether the social worker supplied them to supervise a
// child's contact. Plain data and rules; built from a form only through read_visit() and
// read_sign_out(), which name every field at fault. The store is visit_store.hpp.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "platform/choice.hpp"
#include "platform/clock.hpp"
#include "platform/http/form.hpp"

namespace hearth::visitors {

// The identification seen at the door, and "not_seen" with the reason why.
const std::vector<Choice>& id_kinds();
inline constexpr const char* id_not_seen = "not_seen";
// In who_visited: the visitor came to the home or its staff rather than to a child.
inline constexpr const char* visiting_home = "home";

// Late evening: a visitor still signed in from this time of the home's day is flagged.
inline constexpr int late_evening_minutes = 22 * 60;

// What the form knows of the home when a visitor is signed in.
struct HomeAtTheDoor {
    std::vector<std::int64_t> children;  // those living there now
    std::vector<std::int64_t> staff;     // those who may let a visitor in
    std::vector<std::string> not_allowed;
};

struct VisitDetails {
    std::string visitor_name;
    std::string organisation;  // their organisation, or who they are to the child
    std::string reason;
    bool visits_home = false;            // to the home or its staff
    std::vector<std::int64_t> children;  // the children of the home they came to see
    std::string id_kind;
    std::string id_other;
    std::string id_not_seen_why;
    std::vector<std::string> items;
    std::vector<std::string> items_flagged;  // those on the home's list
    std::string items_action;                // what was done with those
    std::int64_t let_in_by = 0;
    std::optional<std::int64_t> supervises_child_id;
    std::string supervised_contact;  // whose contact with the child
    std::string supplied_by;
    Timestamp signed_in_at{};
};

// The entry of the home's list an item matches, if any: the item's words include a thing the
// entry names, ignoring case, punctuation and a plural "s" ("Lighters" matches "a lighter",
// "Knives and blades" matches "craft blades").
std::optional<std::string> not_allowed_match(const std::string& item,
                                             const std::vector<std::string>& not_allowed);
std::vector<std::string> flagged_items(const std::vector<std::string>& items,
                                       const std::vector<std::string>& not_allowed);

// `actor`: who is signing the visitor in, who let them in unless the form says otherwise.
Result<VisitDetails> read_visit(http::FormReader& form, const HomeAtTheDoor& home,
                                std::int64_t actor, Timestamp now);

// When they left: now, unless a time (and a day, if not today) is given. Refused before they
// signed in and after now.
Result<Timestamp> read_sign_out(http::FormReader& form, Timestamp signed_in_at, Timestamp now);

// The home's list of items not allowed in, one a line.
Result<std::vector<std::string>> read_not_allowed(http::FormReader& form);

// Why a visitor still signed in at `now` needs following up at handover: signed in before today,
// or still here in the late evening. Nothing otherwise.
std::optional<std::string> overdue_flag(Timestamp signed_in_at, Timestamp now);

}  // namespace hearth::visitors
