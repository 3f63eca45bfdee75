#pragma once
// An incident: behaviour that challenged, understood before it is judged (de-escalation guidance
// §13, §16): what came before it, the behaviour described plainly, what it may have been
// communicating, the de-escalation tried in order, what happened after; who was there, any injury,
// damage or police, and whether it is a serious event to notify (Reg 40). Plain data and rules;
// built from a form only through read_incident(), which names every field at fault.
#include <chrono>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "platform/amendments.hpp"
#include "platform/clock.hpp"
#include "platform/http/form.hpp"

namespace hearth::behaviour {

struct IncidentDetails {
    Timestamp occurred_at{};
    std::optional<Timestamp> ended_at;
    std::string location;
    std::string setting;                     // who was around and what was going on
    std::string antecedents;                 // what happened before
    std::vector<std::string> triggers;       // keys of triggers()
    std::string behaviour;                   // what the child did, described plainly
    std::vector<std::string> communicating;  // keys of communications()
    std::string communicating_note;
    std::vector<std::string> deescalation;     // what was tried, in the order it was tried
    std::string afterwards;                    // what happened after
    std::string restrictive_measure = "none";  // a key of restrictive_measures()
    // When the hold or restriction began: its Reg 35 clocks run from then (Reg 35(3)). Only when a
    // restrictive measure was used.
    std::optional<Timestamp> measure_began_at;
    std::vector<std::int64_t> children;  // the children it is about: one or more
    std::vector<std::int64_t> staff_involved;
    std::vector<std::int64_t> staff_assaulted;  // of the staff involved: each is offered a debrief
    std::string witnesses;
    std::string injuries;  // to anyone; empty when nobody was hurt
    std::string damage;
    std::string police;  // what the police did, and their reference; empty when not involved
    std::vector<std::string> notifiable;  // keys of notifiable_events()
};

// Who the form may name: the children living in the home and the people working there.
struct Person {
    std::int64_t id = 0;
    std::string name;
    std::optional<Date> born;  // a child's date of birth
};
struct Choosable {
    std::vector<Person> children;
    std::vector<Person> staff;
    // On shift now by the rota (team/rota_store): offered first, and said so.
    std::vector<std::int64_t> on_shift;
};

// The clocks an incident starts. For each child, when a restrictive measure was used: the 24 hours
// for its Reg 35 record from when the measure began, met when the intervention capability writes
// that record. For a serious
// event: Reg 40's "without delay", held to a practice target, met once Ofsted and every child's
// placing authority are told.
inline constexpr const char* reg35_record_clock = "reg35_record";
inline constexpr std::chrono::hours reg35_record_within{24};

// The longest an incident can run: a record that spans more than a day is two incidents, or a
// slip of the finger.
inline constexpr std::chrono::hours longest_incident{24};

// When the incident's Reg 35 record clocks run from: when the measure began, or for an incident
// written before Hearth asked, when the incident began.
Timestamp measure_began(const IncidentDetails& d);

Result<IncidentDetails> read_incident(http::FormReader& form, const Choosable& choosable,
                                      Timestamp now);

// Whether the incident asks for a staff debrief: after every physical intervention or restriction
// and after an assault on staff (relational practice guidance: staff are supported after
// incidents).
bool needs_staff_debriefs(const IncidentDetails& d);
// The staff each of whom should be offered one: everyone involved when a measure was used, and
// everyone assaulted.
std::vector<std::int64_t> staff_to_debrief(const IncidentDetails& d);

nlohmann::json to_json(const IncidentDetails& d);
IncidentDetails from_json(const nlohmann::json& j);
const amendments::FieldLabels& field_labels();

// The chronology's line: "Incident in the kitchen: physical intervention used".
std::string title_of(const IncidentDetails& d);

std::string name_in(const std::vector<Person>& people, std::int64_t id);

}  // namespace hearth::behaviour
