#pragma once
// Supervision (issue 15; Reg 33(4)(b): practice-related supervision by an appropriate person). Each
// member of staff has a supervisor (their registered manager, or a named senior) and a rhythm (the
// setting for their role, monthly by default). A supervision says what was discussed under each
// heading, how the children's behaviour has affected them and their practice (seeds 000, 001), what
// is to be done by whom and when; headings marked confidential are read only by the two and the
// registered manager. Each of the two signs it; until both have, it is awaiting the other.
// Plain data and rules; the store is supervision_store.hpp.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "platform/auth/permissions.hpp"
#include "platform/choice.hpp"
#include "platform/clock.hpp"
#include "platform/http/form.hpp"

namespace hearth::team {

// The headings of a supervision, in the order it is held: the children they key-work, the
// incidents they were part of since the last one (listed by Hearth), their practice, their
// wellbeing, their training, the positive relationships policy, and their reflection.
const std::vector<Choice>& supervision_headings();
inline constexpr const char* reflection_heading = "reflection";

struct SupervisionAction {
    std::string what;
    std::int64_t owner_id = 0;
    Date due_on{};
};
inline constexpr int most_supervision_actions = 5;

struct SupervisionInput {
    Date held_on{};
    std::map<std::string, std::string> discussed;  // heading key -> what was said; empty left out
    std::vector<std::string> confidential;         // heading keys, in heading order
    std::vector<SupervisionAction> actions;
};
// Refused at the field: a day in the future or before their last supervision, nothing written
// under any heading, a heading marked confidential with nothing under it, an action without its
// owner (one of `owners`) or its day, or due before the supervision.
Result<SupervisionInput> read_supervision(http::FormReader& form, Date today,
                                          std::optional<Date> last_held,
                                          const std::vector<std::int64_t>& owners);

// Who supervises, and how often when not the setting for their role.
struct ArrangementInput {
    std::int64_t supervisor_id = 0;
    std::optional<int> every_days;
};
Result<ArrangementInput> read_arrangement(http::FormReader& form, std::int64_t person_id,
                                          const std::vector<std::int64_t>& supervisors);
// The setting that gives a role's rhythm; none for a role without supervision here.
std::optional<std::string> supervision_setting_for(Role role);

// Each of the two signs once; the record is whole when both have.
enum class Signatures { neither, awaiting_person, awaiting_supervisor, both };
Signatures signatures(bool supervisor_signed, bool person_signed);
std::string signatures_label(Signatures s);  // "Awaiting their signature"
enum class Side { supervisor, person };
// Which of the two `signer` is, refused when neither or when they have signed already.
Result<Side> side_of(std::int64_t signer, std::int64_t person_id, std::int64_t supervisor_id,
                     bool supervisor_signed, bool person_signed);

// The day the next one is due: `every_days` after this one was held.
Date next_supervision_due(Date held_on, int every_days);

}  // namespace hearth::team
