#pragma once
#include "chronology/kinds.hpp"
#include "platform/http/router.hpp"

namespace hearth::daily_record {

// The home's handover between shifts, and the record of handovers given.
void add_handover_routes(http::Router& router, const chronology::Kinds& kinds);

}  // namespace hearth::daily_record
