#include "relationships/managed_interaction.hpp"

#include <algorithm>
#include <limits>

namespace hearth::relationships {

const std::vector<Choice>& interaction_kinds() {
    static const std::vector<Choice> all{
        {"not_alone", "Not to be alone together"},
        {"apart", "Kept apart in named places or at named times"},
    };
    return all;
}

const std::vector<Choice>& interaction_sources() {
    static const std::vector<Choice> all{
        {"risk_assessment", "A risk assessment"},
        {"bullying_response", "The response to a bullying concern"},
    };
    return all;
}

namespace {
bool among_ids(const std::vector<std::int64_t>& ids, std::int64_t id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
}
}  // namespace

Result<InteractionDetails> read_interaction(http::FormReader& f,
                                            const std::vector<std::int64_t>& others,
                                            const std::vector<std::int64_t>& concerns, Date today) {
    InteractionDetails d;
    const auto other = f.integer("other_child_id", "the other child", true, 1,
                                 std::numeric_limits<std::int64_t>::max());
    if (other && !among_ids(others, *other)) {
        f.fail("other_child_id", "Choose another child who lives in the home now");
    } else if (other) {
        d.other_child_id = *other;
    }
    d.kind = f.choice("kind", "what is to be managed", keys_of(interaction_kinds()), true);
    d.where_when = f.text("where_when", "the places or times they are kept apart",
                          {.max = 1000, .multiline = true});
    if (d.kind == "apart" && d.where_when.empty()) {
        f.fail("where_when", "Name the places or times they are kept apart");
    }
    d.why = f.text("why", "why it is needed", {.required = true, .max = 4000, .multiline = true});
    d.source = f.choice("source", "what it comes from", keys_of(interaction_sources()), true);
    const auto concern = f.integer("concern_id", "the bullying concern", false, 1,
                                   std::numeric_limits<std::int64_t>::max());
    if (concern && !among_ids(concerns, *concern)) {
        f.fail("concern_id", "Choose one of the bullying concerns about this child");
    } else {
        d.concern_id = concern;
    }
    if (d.source == "bullying_response" && !concern && concerns.empty()) {
        f.fail("source",
               "No bullying concern is recorded about this child: record the concern first, or "
               "choose a risk assessment");
    } else if (d.source == "bullying_response" && !concern) {
        f.fail("concern_id", "Choose the bullying concern whose response it is");
    }
    d.agreed_by = f.text("agreed_by", "who agreed it", {.required = true, .max = 200});
    const auto starts = f.date("starts_on", "the day it starts", {.required = true});
    if (starts) {
        d.starts_on = *starts;
    }
    const auto review =
        f.date("review_on", "the day it is reviewed", {.required = true, .not_before = today});
    if (review && starts && *review < *starts) {
        f.fail("review_on", "The review must be on or after the day it starts");
    } else if (review) {
        d.review_on = *review;
    }
    TRY(f.finish());
    return d;
}

Result<InteractionReview> read_interaction_review(http::FormReader& f, Date today) {
    InteractionReview r;
    r.ended = f.choice("outcome", "what was decided", {"continue", "end"}, true) == "end";
    r.decision = f.text("decision", "what was decided and why",
                        {.required = true, .max = 4000, .multiline = true});
    r.next_review_on =
        f.date("next_review_on", "the day of the next review", {.not_before = today});
    if (!r.ended && !r.next_review_on) {
        f.fail("next_review_on", "Enter when it is reviewed next, or end it");
    }
    TRY(f.finish());
    return r;
}

bool in_force(const InteractionDetails& d, std::optional<Date> ended_on, Date day) {
    return !ended_on && day >= d.starts_on;
}

}  // namespace hearth::relationships
