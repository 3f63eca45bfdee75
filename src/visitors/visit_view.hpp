#pragma once
// One view of a visit, decided here: the visitors' book, a visit's page, "who is in the building
// now", the handover's part, the API and their JSON are all rendered from it. A child's export
// has its own narrower view, about that child only.
#include <nlohmann/json.hpp>

#include "children/export/export_sections.hpp"
#include "visitors/visit_store.hpp"

namespace hearth::visitors {

nlohmann::json visit_view(const Visit& v, Timestamp now);
nlohmann::json visit_views(const std::vector<Visit>& list, Timestamp now);

// The visits to the child in their export: never naming another child, nor giving the reason of a
// visit to several children (it may be about them).
children::ExportSection visits_export_section();

}  // namespace hearth::visitors
