#pragma once
#include <nlohmann/json.hpp>

#include "platform/http/router.hpp"
#include "platform/views/form_view.hpp"
#include "relationships/bullying_store.hpp"

namespace hearth::relationships {

// A home's bullying concerns: recording one in a minute, the response stage by stage with the
// child told at each, reporting back to whoever raised it, and each concern from a child's page.
// `responses`: the records of other capabilities an outcome or a review may link.
void add_bullying_routes(http::Router& router, const ResponseRecords& responses);

// For the forms beside a concern's page (bullying_voice_routes.cpp): the concern the route
// reaches; the concern as the reader sees it, recording the read; and the answer after a change
// (the concern's JSON, or back to its page).
Result<Concern> concern_reached(http::Context& ctx);
Result<nlohmann::json> concern_seen(db::Connection& c, const http::Context& ctx, std::int64_t id);
Result<http::Response> concern_changed(http::Context& ctx);

// The fields of what happened and how the child is kept safe, as the form that records a concern
// and the form that corrects one both ask them, in the order of the correction form.
const std::vector<views::FieldSpec>& account_fields();
const views::FieldSpec& account_field(const std::string& name);

}  // namespace hearth::relationships
