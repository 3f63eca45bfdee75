#pragma once
// Each child in a bullying concern, the child bullied and each child of the home thought to have
// bullied, may have an advocate and may complain (Reg 7, advocacy support; Reg 39, complaints;
// docs/user-guide.md, "Relationships and bullying"). An advocate is offered, and taken up, declined
// or still being thought about, with the advocate's name once there is one. A complaint is recorded
// in the child's words with who looks into it (never the person complained about), and later the
// action taken and its outcome, until which it awaits one. Each is about that child alone. Plain
// data and rules; built from a form only through the readers below, which name every field at
// fault.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "platform/choice.hpp"
#include "platform/clock.hpp"
#include "platform/http/form.hpp"

namespace hearth::relationships {

const std::vector<Choice>& advocate_answers();  // taken_up, declined, thinking

struct AdvocateOffer {
    std::int64_t child_id = 0;
    Date offered_on{};
    std::string answer;  // advocate_answers()
    std::string advocate_name;
    std::string notes;  // what the child said, how it was offered
};

// `children`: the children of the home in the concern; `concern_on`: the day of the bullying.
Result<AdvocateOffer> read_advocate_offer(http::FormReader& form,
                                          const std::vector<std::int64_t>& children,
                                          Date concern_on, Date today);

struct ComplaintOutcome {
    std::string action;   // what was done to look into it and put it right
    std::string outcome;  // what was found and decided, and what the child was told
    std::optional<Date> outcome_on;

    bool has_outcome() const { return outcome_on.has_value(); }
};

struct Complaint {
    std::int64_t child_id = 0;
    Date made_on{};
    std::string complaint;  // in the child's words
    std::string about;      // who or what it is about
    std::string looked_into_by;
    ComplaintOutcome outcome;  // empty until it has one
};

Result<Complaint> read_complaint(http::FormReader& form, const std::vector<std::int64_t>& children,
                                 Date concern_on, Date today);
// The outcome of a complaint made on `made_on`.
Result<ComplaintOutcome> read_complaint_outcome(http::FormReader& form, Date made_on, Date today);

}  // namespace hearth::relationships
