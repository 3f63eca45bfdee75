#pragma once
// The handlers of the plan routes, shared between plan_routes.cpp (reading) and
// plan_write_routes.cpp (writing). Internal to the plans capability.
#include "plans/plan_store.hpp"
#include "platform/http/router.hpp"

namespace hearth::plans::pages {

// The child the request is about, as the router resolved them.
Subject subject_of(const http::Context& ctx);
// "Aisha": the first word of the name the record uses for them.
std::string first_name_of(const http::Context& ctx);

http::Response list(http::Context& ctx);
http::Response plan(http::Context& ctx);
http::Response kinds(http::Context& ctx);

http::Response new_plan_form(http::Context& ctx);
http::Response start_plan(http::Context& ctx);
http::Response new_version_form(http::Context& ctx);
http::Response add_version(http::Context& ctx);
http::Response sign_off_page(http::Context& ctx);
http::Response sign_off(http::Context& ctx);
http::Response sharing_page(http::Context& ctx);
http::Response record_sharing(http::Context& ctx);

}  // namespace hearth::plans::pages
