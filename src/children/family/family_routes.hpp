#pragma once
#include "platform/http/router.hpp"

namespace hearth::children {

// The People tab (family and people with parental responsibility, and the professionals around the
// child), its forms, and /api/v1/children/{child}/family.
void add_family_routes(http::Router& router);

}  // namespace hearth::children
