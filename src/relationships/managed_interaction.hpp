#pragma once
// A managed interaction: two children of the home who must not be alone together, or who are kept
// apart in named places or at named times (docs/practice-guidance.md, positive relationships:
// "staff may consider managing certain relationships by limiting the interactions between those
// children"). Why, what it rests on (a risk assessment or the response to a bullying concern), who
// agreed it, and a review by its date. Plain data and rules; built from a form only through
// read_interaction() and read_interaction_review(), which name every field at fault. The store is
// managed_interaction_store.hpp.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "platform/choice.hpp"
#include "platform/clock.hpp"
#include "platform/http/form.hpp"

namespace hearth::relationships {

const std::vector<Choice>& interaction_kinds();    // not_alone, apart
const std::vector<Choice>& interaction_sources();  // risk_assessment, bullying_response

// Met only by recording the review.
inline constexpr const char* interaction_review_clock = "managed_interaction_review";

struct InteractionDetails {
    std::int64_t other_child_id = 0;
    std::string kind;
    std::string where_when;  // the places or times they are kept apart
    std::string why;
    std::string source;
    std::optional<std::int64_t> concern_id;  // the bullying concern whose response it is
    std::string agreed_by;                   // who agreed it, and their role
    Date starts_on{};
    Date review_on{};
};

// `others`: the other children living in the home now; `concerns`: the bullying concerns about the
// child it may come from. `today` is in the home's zone.
Result<InteractionDetails> read_interaction(http::FormReader& form,
                                            const std::vector<std::int64_t>& others,
                                            const std::vector<std::int64_t>& concerns, Date today);

struct InteractionReview {
    bool ended = false;
    std::string decision;  // what was decided and why
    std::optional<Date> next_review_on;
};
Result<InteractionReview> read_interaction_review(http::FormReader& form, Date today);

// Whether it holds on `day`.
bool in_force(const InteractionDetails& d, std::optional<Date> ended_on, Date day);

}  // namespace hearth::relationships
