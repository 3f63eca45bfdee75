#pragma once
#include "platform/http/router.hpp"

namespace hearth::daily_record {

// The home's handover between shifts, and the record of handovers given.
void add_handover_routes(http::Router& router);

}  // namespace hearth::daily_record
