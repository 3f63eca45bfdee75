#include "intervention/reg35.hpp"

#include <algorithm>
#include <limits>

namespace hearth::intervention {

Clocks clocks_for(Timestamp used_at) {
    return {used_at + behaviour::reg35_record_within, used_at + staff_review_within,
            used_at + child_review_within};
}

bool clocks_apply(bool ehc_exempt) {
    return !ehc_exempt;
}

std::string stage_key(Stage s) {
    return s == Stage::staff ? "staff" : "child";
}

std::optional<Stage> stage_from(const std::string& key) {
    if (key == "staff") {
        return Stage::staff;
    }
    if (key == "child") {
        return Stage::child;
    }
    return std::nullopt;
}

std::optional<FieldError> sign_off_problem(const Signer& signer, Stage stage,
                                           const std::vector<std::int64_t>& used_by,
                                           const std::vector<std::int64_t>& spoke_to) {
    if (!signer.registered_manager && !signer.authorised) {
        return FieldError{"signed",
                          "Only the registered manager, or someone they have authorised, can sign "
                          "a Reg 35 record. Ask the registered manager to authorise you"};
    }
    const bool used_it =
        std::find(used_by.begin(), used_by.end(), signer.person_id) != used_by.end();
    if (used_it) {
        return FieldError{
            "signed",
            stage == Stage::staff
                ? "You used this measure, so you cannot sign it: the registered manager or "
                  "another authorised person speaks to you and signs it (Reg 35(3)(b))"
                : "You used this measure, so you cannot confirm the conversation with the child "
                  "about it: the registered manager or another authorised person speaks to them "
                  "(Reg 35(3)(c))"};
    }
    if (stage == Stage::child) {
        return std::nullopt;
    }
    if (spoke_to.empty()) {
        return FieldError{"spoke_to",
                          "Choose the members of staff who used the measure that you spoke to"};
    }
    for (auto id : spoke_to) {
        if (std::find(used_by.begin(), used_by.end(), id) == used_by.end()) {
            return FieldError{
                "spoke_to",
                "Choose only people who used the measure: the sign-off is of what they did"};
        }
    }
    return std::nullopt;
}

std::vector<std::int64_t> not_yet_spoken_to(const std::vector<std::int64_t>& used_by,
                                            const std::vector<std::int64_t>& spoken_to) {
    std::vector<std::int64_t> out;
    for (auto id : used_by) {
        if (std::find(spoken_to.begin(), spoken_to.end(), id) == spoken_to.end()) {
            out.push_back(id);
        }
    }
    return out;
}

Result<ReviewInput> read_review(http::FormReader& f, Stage stage, Date measure_day, Date today) {
    ReviewInput r;
    r.version = static_cast<int>(
        f.integer("version", "the version you read", true, 1, 1'000'000'000).value_or(0));
    if (stage == Stage::staff) {
        r.spoke_to = f.ids("spoke_to", "the members of staff you spoke to");
        if (r.spoke_to.empty()) {
            f.fail("spoke_to",
                   "Choose the members of staff who used the measure that you spoke to");
        }
    }
    const auto on = f.date(
        "spoke_on",
        stage == Stage::staff ? "the day you spoke to them" : "the day you spoke to the child",
        {.required = true, .not_after = today, .not_before = measure_day, .after_label = "today"});
    r.note =
        f.text("note", "what you talked about", {.required = true, .max = 4000, .multiline = true});
    if (stage == Stage::child) {
        r.child_said = f.text("child_said", "what the child said about it",
                              {.required = true, .max = 4000, .multiline = true});
    }
    const bool signed_it = f.flag("signed", "I confirm");
    if (!signed_it) {
        f.fail("signed", stage == Stage::staff
                             ? "Confirm that you spoke to them and that the record is accurate"
                             : "Confirm that you spoke to the child about it");
    }
    TRY(f.finish());
    if (on) {
        r.spoke_on = *on;
    }
    return r;
}

Result<ConversationInput> read_conversation(http::FormReader& f, Date measure_day, Date today) {
    ConversationInput r;
    r.spoke_to = f.integer("spoke_to", "the member of staff you spoke to", true, 1,
                           std::numeric_limits<std::int64_t>::max())
                     .value_or(0);
    const auto on = f.date(
        "spoke_on", "the day you spoke to them",
        {.required = true, .not_after = today, .not_before = measure_day, .after_label = "today"});
    r.note =
        f.text("note", "what you talked about", {.required = true, .max = 4000, .multiline = true});
    TRY(f.finish());
    if (on) {
        r.spoke_on = *on;
    }
    return r;
}

}  // namespace hearth::intervention
