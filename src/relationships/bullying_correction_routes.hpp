#pragma once
#include "platform/http/router.hpp"

namespace hearth::relationships {

// Correcting what a bullying concern recorded, with why: its page, and the API's PUT. Every
// version is kept whole and shown as the concern's history (bullying_store.hpp, correct_concern).
void add_bullying_correction_routes(http::Router& router);

}  // namespace hearth::relationships
