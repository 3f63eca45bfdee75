#include "notifications/placement_notice_demo.hpp"

#include <fmt/format.h>

#include "notifications/placement_notice_store.hpp"

namespace hearth::demo {

Status add_placement_notices(db::Connection& c, const DemoWorld& world, Timestamp now) {
    // The demo's children were admitted before there was a Hearth to owe their notices: owed now,
    // and sent on the afternoon of each admission or leaving by the home's registered manager.
    const audit::Actor system{std::nullopt, "demo", "127.0.0.1", "demo"};
    for (const auto& row : TRY(c.query("SELECT id, left_on FROM children ORDER BY id"))) {
        TRY(notifications::owe_on_admission(c, row.integer(0), system, now));
        if (row.optional_text(1)) {
            TRY(notifications::owe_on_leaving(c, row.integer(0), system, now));
        }
    }
    for (std::size_t k = 0; k < world.homes.size(); ++k) {
        const std::int64_t manager_id = world.people[k == 0 ? 2 : 6];
        auto manager = TRY(c.query_one("SELECT name FROM people WHERE id = $1", {manager_id}));
        const audit::Actor actor{manager_id, manager ? manager->text(0) : "", "127.0.0.1", "demo"};
        for (const auto& n : TRY(notifications::notices_of_home(c, world.homes[k], {}, 1000))) {
            const auto says = TRY(notifications::contents_of(c, n));
            notifications::Sending s;
            s.sent_to = "Children's services front door";
            s.method = "secure_email";
            s.reference = fmt::format("NCC-R41-{}", 4400 + n.id);
            s.sent_at = from_local(n.occurred_on, 16, 30).value_or(now);
            s.sent_by = manager_id;
            s.placing_authority = says.placing_authority;
            s.iro = says.iro.empty()
                        ? "Not yet appointed: ask the placing authority's placements team"
                        : says.iro;
            s.ehc = n.child_name.rfind("Kai", 0) == 0 ? "ehc_plan" : "neither";
            s.ehc_authority = s.ehc == "ehc_plan" ? "Eastbrook Borough Council" : "";
            TRY(notifications::record_sent(c, n.id, s, actor, std::min(s.sent_at, now)));
        }
    }
    return {};
}

}  // namespace hearth::demo
