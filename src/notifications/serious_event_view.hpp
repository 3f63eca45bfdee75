#pragma once
// One view of a serious event, decided here: its page, its JSON, the lists, the API and the
// child's export are all rendered from it.
#include <nlohmann/json.hpp>
#include <optional>
#include <vector>

#include "children/export/export_sections.hpp"
#include "deadlines/deadline.hpp"
#include "notifications/serious_event_store.hpp"

namespace hearth::notifications {

nlohmann::json serious_event_view(const SeriousEvent& e,
                                  const std::optional<deadlines::Deadline>& clock, Timestamp now);
// The event's Reg 40 clock, when it has one.
Result<std::optional<deadlines::Deadline>> clock_of(db::Connection& c, std::int64_t id);
Result<nlohmann::json> views_of(db::Connection& c, const std::vector<SeriousEvent>& list,
                                Timestamp now);

// The child's serious events in their export: every one, withdrawn or not, with who was told.
children::ExportSection serious_events_export_section();

}  // namespace hearth::notifications
