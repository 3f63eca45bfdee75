#pragma once
#include "platform/http/router.hpp"

namespace hearth::relationships {

// Changes of staff that matter to a child: recording one with the child's view from their
// Relationships tab, its page, and the registered manager's response; and the same through the API.
void add_staff_change_routes(http::Router& router);

}  // namespace hearth::relationships
