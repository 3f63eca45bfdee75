#pragma once
// One view of a contact arrangement and of a digital contact agreement, decided here: their pages,
// their JSON, the Contact tab, the API and the child's export are rendered from it.
#include <nlohmann/json.hpp>

#include "children/export/export_sections.hpp"
#include "contact/arrangement_store.hpp"

namespace hearth::contact {

nlohmann::json arrangement_view(const Arrangement& a);
nlohmann::json arrangement_views(const std::vector<Arrangement>& list);
Result<nlohmann::json> digital_view(db::Connection& c, const DigitalRecord& r, Timestamp now);

// The child's arrangements and digital contact agreements in their export.
children::ExportSection arrangements_export_section();

}  // namespace hearth::contact
