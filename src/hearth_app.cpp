#include "hearth_app.hpp"

#include "behaviour/capability.hpp"
#include "children/capability.hpp"
#include "chronology/capability.hpp"
#include "contact/capability.hpp"
#include "daily_record/capability.hpp"
#include "deadlines/capability.hpp"
#include "intervention/capability.hpp"
#include "language/capability.hpp"
#include "notifications/capability.hpp"
#include "organisation/capability.hpp"
#include "plans/capability.hpp"
#include "platform/audit/capability.hpp"
#include "platform/auth/capability.hpp"
#include "platform/http/system_capability.hpp"
#include "relationships/capability.hpp"
#include "team/capability.hpp"
#include "visitors/capability.hpp"

namespace hearth {

const std::vector<const Capability*>& capabilities() {
    static const std::vector<const Capability*> all{
        &http::system_capability,   &auth::capability,          &organisation::capability,
        &children::capability,      &plans::capability,         &chronology::capability,
        &daily_record::capability,  &behaviour::capability,     &intervention::capability,
        &deadlines::capability,     &notifications::capability, &contact::capability,
        &relationships::capability, &visitors::capability,      &language::capability,
        &team::capability,          &audit::capability,
    };
    return all;
}

std::unique_ptr<App> build_app(const Config& config) {
    auto app = std::make_unique<App>(config);
    for (const Capability* capability : capabilities()) {
        capability->join(app->registry);
    }
    return app;
}

}  // namespace hearth
