#include "intervention/intervention_routes.hpp"

#include <fmt/format.h>

#include "behaviour/incident_sections.hpp"
#include "children/export/export_sections.hpp"
#include "chronology/kinds.hpp"
#include "intervention/capability.hpp"
#include "intervention/demo_incidents.hpp"
#include "intervention/measure_export.hpp"
#include "intervention/measure_store.hpp"
#include "intervention/staff_store.hpp"
#include "relationships/response_records.hpp"
#include "team/training_store.hpp"

namespace hearth::intervention {

void add_routes(http::Router& router, behaviour::IncidentSections& sections) {
    add_measure_routes(router, sections);
    add_staff_routes(router);
    add_figure_routes(router);
    add_technique_routes(router);
}

namespace {

// The consequences a child was given since `since`, each a Reg 35 record kept under the Reg 19
// rules: what a response to bullying used (relationships/response_records.hpp).
Result<std::vector<relationships::ResponseRecord>> consequences_given(db::Connection& c,
                                                                      std::int64_t child_id,
                                                                      Timestamp since) {
    std::vector<relationships::ResponseRecord> out;
    for (const auto& m : TRY(consequences_since(c, child_id, since))) {
        const auto& d = m.details;
        out.push_back({relationships::consequence_record, m.id, child_id,
                       fmt::format("Consequence, {}: {}{}", format_local(d.started_at),
                                   label_in(consequence_kinds(), d.consequence_kind),
                                   d.lasts.empty() ? "" : " (" + d.lasts + ")"),
                       fmt::format("/measures/{}", m.id), d.started_at});
    }
    return out;
}

}  // namespace

const Capability capability{
    "Physical intervention", [](Registry& r) {
        r.at<chronology::Kinds>().add(
            {{"physical_intervention", "Physical intervention or restriction"},
             {"consequence", "Consequence"}});
        add_routes(r.router, r.at<behaviour::IncidentSections>());
        r.at<children::ExportSections>().add(measures_export_section());
        r.at<relationships::ResponseRecords>().add(consequences_given);
        r.at<demo::DemoParts>().add({40, demo::add_incidents});
        r.at<team::AfterTraining>().add({50, meet_untrained_hold_clock});
    }};

}  // namespace hearth::intervention
