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
// The organisation's longest time between reviews of a plan, in months (its setting).
Result<int> longest_review(const http::Context& ctx);

Result<http::Response> list(http::Context& ctx);
Result<http::Response> plan(http::Context& ctx);
Result<http::Response> kinds(http::Context& ctx);

// Each write, and its form shown again after a refused save (Route::again).
Result<http::Response> new_plan_form(http::Context& ctx);
Result<http::Response> start_plan(http::Context& ctx);
Result<http::Response> start_plan_again(http::Context& ctx, const Error& e);
Result<http::Response> new_version_form(http::Context& ctx);
Result<http::Response> add_version(http::Context& ctx);
Result<http::Response> add_version_again(http::Context& ctx, const Error& e);
Result<http::Response> sign_off_page(http::Context& ctx);
Result<http::Response> sign_off(http::Context& ctx);
Result<http::Response> sign_off_again(http::Context& ctx, const Error& e);
Result<http::Response> sharing_page(http::Context& ctx);
Result<http::Response> record_sharing(http::Context& ctx);
Result<http::Response> record_sharing_again(http::Context& ctx, const Error& e);

}  // namespace hearth::plans::pages
