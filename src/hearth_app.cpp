#include "hearth_app.hpp"

#include "behaviour/behaviour_routes.hpp"
#include "behaviour/incident_export.hpp"
#include "children/child_routes.hpp"
#include "children/export/case_record_sections.hpp"
#include "chronology/chronology_routes.hpp"
#include "daily_record/childrens_meeting_routes.hpp"
#include "daily_record/daily_export.hpp"
#include "daily_record/daily_routes.hpp"
#include "daily_record/handover_routes.hpp"
#include "deadlines/deadline_export.hpp"
#include "deadlines/deadline_routes.hpp"
#include "intervention/intervention_routes.hpp"
#include "intervention/measure_export.hpp"
#include "language/language_routes.hpp"
#include "organisation/organisation_routes.hpp"
#include "plans/plan_export.hpp"
#include "plans/plan_routes.hpp"
#include "platform/audit/audit_routes.hpp"
#include "platform/auth/auth_routes.hpp"
#include "platform/http/system_routes.hpp"

namespace hearth {

extern const char* const openapi_yaml_text;  // generated from docs/api/openapi.yaml

std::unique_ptr<App> build_app(const Config& config) {
    auto app = std::make_unique<App>();
    auto files = std::make_shared<const http::StaticFiles>(config.web_dir + "/static");
    http::add_system_routes(app->router, files, openapi_yaml_text);
    auth::add_routes(app->router);
    organisation::add_routes(app->router);
    children::add_case_record_sections(app->record_export);
    app->record_export.add(plans::export_section());
    app->record_export.add(daily_record::daily_record_export_section());
    app->record_export.add(daily_record::childrens_meetings_export_section());
    app->record_export.add(behaviour::incidents_export_section());
    app->record_export.add(intervention::measures_export_section());
    app->record_export.add(deadlines::deadlines_export_section());
    children::add_routes(app->router, app->record_export);
    plans::add_routes(app->router);
    chronology::add_routes(app->router);
    daily_record::add_routes(app->router);
    daily_record::add_handover_routes(app->router);
    daily_record::add_meeting_routes(app->router);
    deadlines::add_routes(app->router);
    behaviour::add_routes(app->router, app->incident_sections);
    intervention::add_routes(app->router, app->incident_sections);
    language::add_routes(app->router);
    audit::add_routes(app->router);
    return app;
}

}  // namespace hearth
