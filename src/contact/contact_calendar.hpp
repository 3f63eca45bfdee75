#pragma once
// The contact planned at a home as an iCalendar feed (RFC 5545), so the rota can be planned around
// visits and calls: each contact's event comes from its one view (contact_log_view.hpp). A calendar
// app keeps what it is given, so an event carries only what planning the rota needs — the child,
// the form of contact, when, where and who supervises — and a link to the contact in Hearth, never
// what the child or staff said.
#include <nlohmann/json.hpp>
#include <string>

#include "platform/clock.hpp"

namespace hearth::contact {

// `contacts`: views of the contacts to show (a cancelled one tells the app to remove its event);
// `site`: where Hearth is served, for each event's link ("" leaves the link relative).
std::string contact_calendar(const std::string& calendar_name, const nlohmann::json& contacts,
                             const std::string& site, Timestamp now);

}  // namespace hearth::contact
