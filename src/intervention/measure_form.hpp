#pragma once
// The fields of the Reg 35 record's form, for a restraint or a consequence, drawn by the shared
// _field template. Internal to the intervention capability.
#include <nlohmann/json.hpp>

#include "behaviour/incident_store.hpp"
#include "intervention/measure.hpp"

namespace hearth::intervention {

// Groups of fields in the order the form asks them: when, what led to it, what was done and why,
// who, and what followed.
nlohmann::json measure_fields(const std::string& kind, const Choosable& choosable,
                              const std::string& child_name, const nlohmann::json& values,
                              const nlohmann::json& errors);

// A new record starts from its incident: its time, place, behaviour and de-escalation.
nlohmann::json first_values(const std::string& kind, const behaviour::Incident& incident);
nlohmann::json values_of(const MeasureDetails& d);

}  // namespace hearth::intervention
