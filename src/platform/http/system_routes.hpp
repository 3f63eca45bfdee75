#pragma once
#include <memory>

#include "platform/http/router.hpp"
#include "platform/http/static_files.hpp"

namespace hearth::http {

// Health, readiness, metrics, static files and the API description.
void add_system_routes(Router& router, const std::shared_ptr<const StaticFiles>& files,
                       std::string openapi_yaml);

}  // namespace hearth::http
