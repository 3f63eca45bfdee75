#pragma once
// A measure of control, discipline or restraint used with one child (Reg 35): a physical
// intervention, a restriction of their liberty of movement (recorded as restraint), or a
// consequence. The record carries every field Reg 35(3)(a) asks for. Restraint states which lawful
// purpose applied and why nothing less restrictive was enough (Reg 20); a consequence is refused
// when Reg 19 prohibits it, and carries the child's view and how well it worked. Plain data and
// rules; built from a form only through read_measure(), which names every field at fault.
#include <chrono>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "behaviour/incident.hpp"
#include "intervention/measure_lists.hpp"
#include "platform/amendments.hpp"
#include "platform/clock.hpp"
#include "platform/http/form.hpp"

namespace hearth::intervention {

struct MeasureDetails {
    std::string kind;  // a key of measure_kinds()
    Timestamp started_at{};
    std::optional<Timestamp> ended_at;  // restraint: when it ended
    std::string location;
    std::string behaviour;              // the behaviour that led to it
    std::string steps_to_avoid;         // the methods used, or steps taken, to avoid it
    std::string description;            // what was done
    std::vector<std::int64_t> used_by;  // who used it: held the child, or decided the consequence
    std::string others_present;         // everyone else there, by name

    // Restraint.
    std::string lawful_purpose;  // a key of lawful_purposes()
    std::string why_necessary;   // why less restrictive steps were not enough
    std::string technique;       // a key of the organisation's accredited techniques
    std::string position;        // a key of positions()
    std::vector<std::int64_t> observed_by;

    // A consequence.
    std::string consequence_kind;  // a key of consequence_kinds()
    std::string lasts;             // for how long: "this evening", "until Saturday"
    std::string child_view;        // what the child thinks of it, in their words
    std::string effectiveness;     // a key of effectiveness_levels()

    // Both.
    std::string effect;  // its effectiveness and consequences
    std::string injury_to_child;
    std::string injury_to_others;
    std::string medical_treatment;
    bool medical_check_offered = false;
    std::string medical_check_outcome;
    std::vector<std::string> rights_offered;  // keys of rights()
    bool ehc_exempt = false;                  // Reg 35(4): planned as routine in the EHC plan
    std::string ehc_reference;
};

// What the form may choose from: the incident's staff, and the organisation's techniques.
struct Choosable {
    std::vector<behaviour::Person> staff;
    std::vector<Choice> techniques;
};

// The longest one measure can last: more is a slip of the finger (a hold of days), or several
// measures each needing its own record.
inline constexpr std::chrono::minutes longest_hold{120};
inline constexpr std::chrono::hours longest_restriction{12};

// `incident_began`: a measure is used during its incident, not before it began.
Result<MeasureDetails> read_measure(http::FormReader& form, const std::string& kind,
                                    const Choosable& choosable, Timestamp incident_began,
                                    Timestamp now);

// Whole minutes from start to end; 0 for a consequence.
int duration_minutes(const MeasureDetails& d);
bool any_injury(const MeasureDetails& d);
// The rights not yet recorded as offered, as their labels.
std::vector<std::string> rights_not_offered(const MeasureDetails& d);

nlohmann::json to_json(const MeasureDetails& d);
MeasureDetails from_json(const nlohmann::json& j);
const amendments::FieldLabels& field_labels(const std::string& kind);

// "Physical intervention: seated hold, 6 minutes".
std::string title_of(const MeasureDetails& d, const std::string& technique_label);

}  // namespace hearth::intervention
