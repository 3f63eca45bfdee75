#pragma once
// The parts of an incident's page that other capabilities own: the intervention capability shows
// the Reg 35 records written for it there. Each part is rendered by its owner and placed on the
// page in order, so that behaviour knows nothing of the capabilities that build on it. A part is
// given the incident as the reader sees it, and shows nothing of a child not among its children.
#include <functional>
#include <string>
#include <vector>

#include "behaviour/incident_seen.hpp"
#include "platform/db/database.hpp"
#include "platform/http/router.hpp"

namespace hearth::behaviour {

// Renders the part as HTML (through views::render, so escaped like any page), or "" for nothing.
using IncidentSection =
    std::function<Result<std::string>(db::Connection&, const http::Context&, const SeenIncident&)>;

class IncidentSections {
  public:
    void add(IncidentSection section) { sections_.push_back(std::move(section)); }
    const std::vector<IncidentSection>& all() const { return sections_; }

  private:
    std::vector<IncidentSection> sections_;
};

}  // namespace hearth::behaviour
