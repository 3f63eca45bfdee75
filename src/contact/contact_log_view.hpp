#pragma once
// One view of a contact in the log, decided here: its page, its JSON, the child's contact page,
// the handover, the API and the child's export are all rendered from it.
#include <nlohmann/json.hpp>

#include "children/export/export_sections.hpp"
#include "contact/contact_log_store.hpp"

namespace hearth::contact {

Result<nlohmann::json> contact_view(db::Connection& c, const Contact& k, Timestamp now);
Result<nlohmann::json> contact_views(db::Connection& c, const std::vector<Contact>& list,
                                     Timestamp now);

// The child's whole contact log in their export, with each concern and what was agreed.
children::ExportSection contact_log_export_section();

}  // namespace hearth::contact
