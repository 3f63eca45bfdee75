#pragma once
// One view of a managed interaction, decided here from its reader: its page, its JSON, the child's
// Relationships tab and Overview, the handover, the API and the child's export are all rendered
// from it. The other child is named only to a reader who may read about them; to anyone else, and
// in a child's own record (their export), they are "another young person".
#include <nlohmann/json.hpp>

#include "children/export/export_sections.hpp"
#include "relationships/managed_interaction_store.hpp"

namespace hearth::relationships {

inline constexpr const char* another_young_person = "another young person";

// As seen from `page_child`'s side (either of its children).
Result<nlohmann::json> interaction_view(db::Connection& c, const ManagedInteraction& m,
                                        const Reader& reader, std::int64_t page_child,
                                        Timestamp now);
Result<nlohmann::json> interaction_views(db::Connection& c,
                                         const std::vector<ManagedInteraction>& list,
                                         const Reader& reader, std::int64_t page_child,
                                         Timestamp now);

// The child's managed interactions in their export, with each review.
children::ExportSection interactions_export_section();

}  // namespace hearth::relationships
