#pragma once
// The friendships that matter to a child, inside the home and outside it
// (docs/practice-guidance.md, positive relationships: staff help each child make and keep good
// friendships, and notice the ones that harm). Who the friend is, what the friendship means to the
// child, what influence it has with what staff noticed, and the plan: encourage it, help them keep
// in touch, arrange visits, or limit it. A friendship that exploits or damages the child rests on
// one of their risk assessments. Each look at it is a review kept beside the others. Plain data and
// rules; built from a form only through the readers below. The store is friendship_store.hpp.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "platform/choice.hpp"
#include "platform/clock.hpp"
#include "platform/http/form.hpp"

namespace hearth::relationships {

const std::vector<Choice>& friendship_influences();  // positive, worry, exploitative, damaging
const std::vector<Choice>& friendship_plans();       // encourage, keep_in_touch, visits, limit
// An exploitative or damaging friendship must rest on a risk assessment.
bool needs_risk_assessment(const std::string& influence);
// A friendship that worries staff, exploits or damages the child is looked at again by a day set
// at each look: its clock, met only by looking at it again (or its ending).
inline constexpr const char* friendship_look_clock = "friendship_look_again";

// How it stands: its influence and the plan. `ended`: the friendship is over.
struct FriendshipLook {
    std::string influence;
    std::string noticed;  // what staff noticed; needed unless the influence is positive
    std::string plan;
    std::string plan_detail;
    std::optional<std::int64_t> risk_plan_id;
    std::optional<Date> look_again_by;  // needed unless it is good for them, or over
    bool ended = false;
};

struct FriendshipDetails {
    std::optional<std::int64_t> other_child_id;  // a child of the home
    std::string with_name;                       // or someone outside the home
    std::string who_they_are;
    std::string what_it_means;
    FriendshipLook look;
};

// `others`: the other children living in the home now; `risk_plans`: the child's risk assessments.
Result<FriendshipDetails> read_friendship(http::FormReader& form,
                                          const std::vector<std::int64_t>& others,
                                          const std::vector<std::int64_t>& risk_plans, Date today);
Result<FriendshipLook> read_friendship_look(http::FormReader& form,
                                            const std::vector<std::int64_t>& risk_plans,
                                            Date today);

}  // namespace hearth::relationships
