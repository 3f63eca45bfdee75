#pragma once
#include "platform/http/router.hpp"

namespace hearth::chronology {

// A child's chronology (pages, print, API) and full-text search of a home's records.
void add_routes(http::Router& router);

}  // namespace hearth::chronology
