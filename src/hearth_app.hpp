#pragma once
// The application: every capability's routes on one router, over one set of services.
#include <memory>

#include "platform/http/router.hpp"

namespace hearth {

struct App {
    http::Router router;
};

std::unique_ptr<App> build_app(const Config& config);

}  // namespace hearth
