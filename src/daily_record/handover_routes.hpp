#pragma once
#include "chronology/kinds.hpp"
#include "daily_record/handover_parts.hpp"
#include "platform/http/router.hpp"

namespace hearth::daily_record {

// The home's handover between shifts, and the record of handovers given. `parts`: what other
// capabilities add to it, filled before the first request.
void add_handover_routes(http::Router& router, const chronology::Kinds& kinds,
                         const HandoverParts& parts);

}  // namespace hearth::daily_record
