#pragma once
// The words an incident record is written in, as data: what can come before behaviour that
// challenges, what the behaviour may be communicating, the de-escalation staff can try, whether a
// restrictive measure was used, and the serious events that Reg 40 says must be notified. Each
// list is a table in incident_lists.cpp; adding a row is all a new choice needs.
#include <string>
#include <vector>

#include "platform/choice.hpp"

namespace hearth::behaviour {

// Antecedents and triggers: what was going on before (de-escalation guidance §13: "recognise and
// address the antecedents of behaviours").
const std::vector<Choice>& triggers();

// What the behaviour may have been telling us (de-escalation guidance §16, §20: "behaviour is a
// means of communication and has a cause and a purpose").
const std::vector<Choice>& communications();

// De-escalation staff can try before anything restrictive (de-escalation guidance §19: "diversion,
// reassurance, clear limits, choices"; relational practice guidance: PACE). The child's own plan's
// strategies come first on the form.
const std::vector<Choice>& deescalation_steps();

// Whether a measure of control or restraint was used in the incident: anything but "none" starts
// the 24-hour clock for its Reg 35 record, for each child.
const std::vector<Choice>& restrictive_measures();
bool is_restrictive(const std::string& key);

// Serious events that must be notified without delay (Reg 40(4)).
const std::vector<Choice>& notifiable_events();

}  // namespace hearth::behaviour
