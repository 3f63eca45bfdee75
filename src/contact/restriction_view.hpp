#pragma once
// One view of a contact restriction, decided here: its page, its JSON, the child's contact page,
// the API and the child's export are all rendered from it.
#include <nlohmann/json.hpp>

#include "children/export/export_sections.hpp"
#include "contact/restriction_store.hpp"

namespace hearth::contact {

Result<nlohmann::json> restriction_view(db::Connection& c, const Restriction& r, Timestamp now);
Result<nlohmann::json> restriction_views(db::Connection& c, const std::vector<Restriction>& list,
                                         Timestamp now);

// The child's restrictions in their export, with each review.
children::ExportSection restrictions_export_section();

}  // namespace hearth::contact
