#pragma once
#include <nlohmann/json.hpp>

#include "contact/school_hours_store.hpp"
#include "platform/http/router.hpp"

namespace hearth::contact {

// One view of school hours: the Contact tab, its JSON and the school-hours pages and API.
nlohmann::json school_hours_view(const SchoolHoursSetting& setting);

// A child's school hours and their home's default, each a page with its form and an API.
void add_school_hours_routes(http::Router& router);

}  // namespace hearth::contact
