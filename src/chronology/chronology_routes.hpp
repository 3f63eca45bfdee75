#pragma once
#include "chronology/kinds.hpp"
#include "platform/http/router.hpp"

namespace hearth::chronology {

// A child's chronology (pages, print, API) and full-text search of a home's records, with the
// kinds of entry the capabilities added (filled in as they join, read when a request comes).
void add_routes(http::Router& router, const Kinds& kinds);

}  // namespace hearth::chronology
