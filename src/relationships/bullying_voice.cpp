#include "relationships/bullying_voice.hpp"

namespace hearth::relationships {

const std::vector<Choice>& advocate_answers() {
    static const std::vector<Choice> all{
        {"taken_up", "Taken up"},
        {"declined", "Declined"},
        {"thinking", "Thinking about it"},
    };
    return all;
}

namespace {

std::int64_t read_whose(http::FormReader& f, const std::vector<std::int64_t>& children,
                        const std::string& label) {
    std::vector<std::string> whose;
    for (auto id : children) {
        whose.push_back(std::to_string(id));
    }
    const auto child = f.choice("child_id", label, whose, true);
    return child.empty() ? 0 : std::stoll(child);
}

}  // namespace

Result<AdvocateOffer> read_advocate_offer(http::FormReader& f,
                                          const std::vector<std::int64_t>& children,
                                          Date concern_on, Date today) {
    AdvocateOffer a;
    a.child_id = read_whose(f, children, "which child was offered an advocate");
    a.offered_on = f.date("offered_on", "the day it was offered",
                          {.required = true,
                           .not_after = today,
                           .not_before = concern_on,
                           .after_label = "today"})
                       .value_or(Date{});
    a.answer = f.choice("answer", "what they chose", keys_of(advocate_answers()), true);
    a.advocate_name = f.text("advocate_name", "the advocate's name", {.max = 200});
    if (a.answer == "taken_up" && a.advocate_name.empty()) {
        f.fail("advocate_name", "Enter the advocate's name, and how the child can reach them");
    }
    a.notes = f.text("notes", "what the child said", {.max = 4000, .multiline = true});
    TRY(f.finish());
    return a;
}

namespace {

ComplaintOutcome read_outcome(http::FormReader& f, Date made_on, Date today, bool required) {
    ComplaintOutcome o;
    o.action = f.text("action", "the action taken", {.max = 4000, .multiline = true});
    o.outcome = f.text("outcome", "the outcome", {.max = 4000, .multiline = true});
    // An outcome is recorded whole, or not yet: never an action without what came of it.
    const bool whole = required || !o.action.empty() || !o.outcome.empty();
    o.outcome_on = f.date(
        "outcome_on", "the day of the outcome",
        {.required = whole, .not_after = today, .not_before = made_on, .after_label = "today"});
    if (whole || o.outcome_on) {
        if (o.action.empty()) {
            f.fail("action", "Enter the action taken");
        }
        if (o.outcome.empty()) {
            f.fail("outcome", "Enter the outcome, and what the child was told");
        }
    }
    return o;
}

}  // namespace

Result<Complaint> read_complaint(http::FormReader& f, const std::vector<std::int64_t>& children,
                                 Date concern_on, Date today) {
    Complaint k;
    k.child_id = read_whose(f, children, "which child complained");
    const auto made = f.date(
        "made_on", "the day they complained",
        {.required = true, .not_after = today, .not_before = concern_on, .after_label = "today"});
    k.made_on = made.value_or(Date{});
    k.complaint = f.text("complaint", "their complaint, in their words",
                         {.required = true, .max = 4000, .multiline = true});
    k.about = f.text("about", "who or what it is about", {.required = true, .max = 200});
    k.looked_into_by =
        f.text("looked_into_by", "who looks into it", {.required = true, .max = 200});
    // Reg 39: the person complained about takes no part in looking into it.
    if (!k.about.empty() && !k.looked_into_by.empty() && k.about == k.looked_into_by) {
        f.fail("looked_into_by", "Someone other than the person complained about looks into it");
    }
    k.outcome = read_outcome(f, made.value_or(concern_on), today, false);
    TRY(f.finish());
    return k;
}

Result<ComplaintOutcome> read_complaint_outcome(http::FormReader& f, Date made_on, Date today) {
    auto o = read_outcome(f, made_on, today, true);
    TRY(f.finish());
    return o;
}

}  // namespace hearth::relationships
