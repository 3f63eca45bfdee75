#pragma once
#include "platform/http/router.hpp"

namespace hearth::contact {

// The home's contact in a calendar app: the page where a member of staff makes their own
// calendar address, and the feed that address reads.
void add_contact_calendar_routes(http::Router& router);

}  // namespace hearth::contact
