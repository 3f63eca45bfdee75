#pragma once
// The fields of the incident form, drawn by the shared _field template, with values from the
// record, what was typed, or a kept draft. Internal to the behaviour capability.
#include <nlohmann/json.hpp>
#include <string>

#include "behaviour/incident.hpp"
#include "behaviour/incident_lists.hpp"
#include "platform/views/form_view.hpp"

namespace hearth::behaviour {

// Radio and checkbox options of these people (by id); of choices, views::options_of().
views::Options options(const std::vector<Person>& people);

// Groups of fields, in the order the form asks them: when, who, before, during, after, and what
// else happened.
nlohmann::json incident_fields(const Choosable& choosable, const nlohmann::json& values,
                               const nlohmann::json& errors);

// The values of a saved incident, as the form shows them for an amendment.
nlohmann::json values_of(const IncidentDetails& d);
// A new incident: now, and the child it was started from.
nlohmann::json first_values(Timestamp now, std::optional<std::int64_t> child);

}  // namespace hearth::behaviour
