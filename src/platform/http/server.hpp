#pragma once
// The HTTP server: RESTinio on Asio, the only file that knows the library (docs/decisions/0002).
#include <atomic>
#include <functional>

#include "platform/http/router.hpp"

namespace hearth::http {

struct ServerHooks {
    // Called once the socket listens, with the port actually bound (useful when port = 0).
    std::function<void(int port)> on_listening;
};

// Serves until SIGINT or SIGTERM, then lets in-flight requests finish and returns.
Status serve(const Router& router, Services& services, const ServerHooks& hooks);

}  // namespace hearth::http
