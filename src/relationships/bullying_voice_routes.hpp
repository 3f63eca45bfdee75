#pragma once
#include "platform/http/router.hpp"

namespace hearth::relationships {

// Beside a bullying concern: an advocate offered to a child in it, a complaint one of them made,
// and that complaint's outcome (bullying_voice.hpp). Each is a form of its own page and an API
// operation, and shows on the concern's page with the child it is about.
void add_bullying_voice_routes(http::Router& router);

}  // namespace hearth::relationships
