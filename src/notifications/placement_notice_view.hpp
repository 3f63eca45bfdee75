#pragma once
// One view of a Reg 41 notice, decided here: its page, its JSON, the lists, the API, the printable
// notice and the child's export are all rendered from it.
#include <nlohmann/json.hpp>
#include <optional>
#include <vector>

#include "children/export/export_sections.hpp"
#include "deadlines/deadline.hpp"
#include "notifications/placement_notice_store.hpp"

namespace hearth::notifications {

// `says`: the notice as sent, or as drafted from the case record now (contents_of()).
nlohmann::json placement_notice_view(const PlacementNotice& n, const NoticeContents& says,
                                     const std::optional<deadlines::Deadline>& clock,
                                     Timestamp now);
Result<nlohmann::json> placement_notice_view(db::Connection& c, const PlacementNotice& n,
                                             Timestamp now);
Result<nlohmann::json> notice_views_of(db::Connection& c, const std::vector<PlacementNotice>& list,
                                       Timestamp now);

// The child's notices in their export, with what each said.
children::ExportSection placement_notices_export_section();

}  // namespace hearth::notifications
