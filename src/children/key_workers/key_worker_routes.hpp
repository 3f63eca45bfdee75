#pragma once
#include "platform/http/router.hpp"

namespace hearth::children {

// The Key workers tab (who they are now, every past key worker, each change with the child's view),
// the change form, and /api/v1/children/{child}/key-workers.
void add_key_worker_routes(http::Router& router);

}  // namespace hearth::children
