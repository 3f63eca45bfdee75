#pragma once
// The three clocks of a Reg 35 record and who may stop them (Children's Homes (England) Regulations
// 2015). From the moment a measure is used: within 24 hours the record is made; within 48 hours the
// registered person, or someone they have authorised, has spoken to the member of staff who used it
// and signs the record as accurate; within 5 days they add that they have spoken to the child. A
// measure planned as routine in the child's EHC plan runs none of the three (Reg 35(4)). Pure rules
// of data and a clock, so tests set the time.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "behaviour/incident.hpp"
#include "platform/clock.hpp"
#include "platform/http/form.hpp"
#include "platform/result.hpp"

namespace hearth::intervention {

// The 24-hour clock of the record itself is behaviour::reg35_record_clock: an incident starts it.
inline constexpr std::chrono::hours staff_review_within{48};
inline constexpr std::chrono::hours child_review_within{24 * 5};
inline constexpr const char* staff_review_clock = "reg35_staff_review";
inline constexpr const char* child_review_clock = "reg35_child_review";

struct Clocks {
    Timestamp record_due{};
    Timestamp staff_review_due{};
    Timestamp child_review_due{};
};
Clocks clocks_for(Timestamp used_at);
// Whether the Reg 35 clocks run for a measure at all.
bool clocks_apply(bool ehc_exempt);

enum class Stage { staff, child };
std::string stage_key(Stage s);  // "staff", "child"
std::optional<Stage> stage_from(const std::string& key);

// Who is signing, as the home knows them.
struct Signer {
    std::int64_t person_id = 0;
    bool registered_manager = false;  // of the measure's home
    bool authorised = false;          // by that home's registered manager, and not ended
};

// Why this person may not make this sign-off, naming the field at fault; nothing when they may.
// Someone who used the measure signs neither stage: the sign-offs are an independent look at what
// they did, and at how the child saw it. `used_by`: who used the measure; `spoke_to`: the members
// of staff who used it that they say they spoke to (the staff stage: at least one).
std::optional<FieldError> sign_off_problem(const Signer& signer, Stage stage,
                                           const std::vector<std::int64_t>& used_by,
                                           const std::vector<std::int64_t>& spoke_to);

// Of the people who used a measure, those nobody has yet recorded speaking to, in `used_by` order.
std::vector<std::int64_t> not_yet_spoken_to(const std::vector<std::int64_t>& used_by,
                                            const std::vector<std::int64_t>& spoken_to);

// What a sign-off says: who they spoke to (the staff stage), on which day, and what was said.
struct ReviewInput {
    std::vector<std::int64_t> spoke_to;
    Date spoke_on{};
    std::string note;        // what they talked about; for the staff stage, that it is accurate
    std::string child_said;  // the child stage: what the child said about it
    int version = 0;         // the version of the record being signed
};
Result<ReviewInput> read_review(http::FormReader& form, Stage stage, Date measure_day, Date today);

// A later conversation with someone who used the measure whom the sign-off did not name.
struct ConversationInput {
    std::int64_t spoke_to = 0;
    Date spoke_on{};
    std::string note;
};
Result<ConversationInput> read_conversation(http::FormReader& form, Date measure_day, Date today);

}  // namespace hearth::intervention
