#pragma once
#include "platform/http/router.hpp"

namespace hearth::contact {

// The contact log's pages and API: logging or planning a contact, what became of it, and a
// concern about what it said raised with the social worker.
void add_contact_log_routes(http::Router& router);

}  // namespace hearth::contact
