#pragma once
#include "platform/http/router.hpp"

namespace hearth::contact {

// What is agreed about a child's contact: arrangements, the digital contact agreement, and the
// social worker's own agreement to an arrangement or a restriction.
void add_arrangement_routes(http::Router& router);

}  // namespace hearth::contact
