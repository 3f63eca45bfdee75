#pragma once
#include "platform/http/router.hpp"

namespace hearth::daily_record {

// Children's meetings of a home: the list, writing one, reading and amending it.
void add_meeting_routes(http::Router& router);

}  // namespace hearth::daily_record
