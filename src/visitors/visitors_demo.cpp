#include "visitors/visitors_demo.hpp"

#include "visitors/visit_store.hpp"

namespace hearth::demo {

namespace {

struct DemoVisitor {
    const char* name;
    const char* organisation;
    const char* reason;
    int child;  // index into the home's children, or -1 for the home
    const char* id_kind;
    int hour;
    int minute;
    int stays;  // minutes
    int supervises = -1;
    const char* contact_with = "";
    const char* supplied_by = "";
};

// Each home's visitors, in the order they come round in the month.
const std::vector<DemoVisitor>& demo_visitors(std::size_t home) {
    static const std::vector<DemoVisitor> willow{
        {"Casey Nolan", "Social worker, Northshire County Council",
         "Statutory visit: time with Aisha on her own, and a look at her room.", 0, "badge", 16, 0,
         75},
        {"Hannah Mills", "Independent reviewing officer, Northshire County Council",
         "To meet Ben before his review and hear what he wants to say at it.", 1, "badge", 15, 45,
         60},
        {"Elliot Price", "Independent person (Reg 44)",
         "Monthly Reg 44 visit: talked with children and staff and read the home's records.", -1,
         "photo_id", 10, 0, 180},
        {"Tom Barker", "Barker Plumbing and Heating", "Boiler service.", -1, "photo_id", 9, 30,
         120},
        {"Pat Quinn", "Contact supervisor, Westmere City Council",
         "To supervise Lily's family time with her mum.", 3, "badge", 14, 0, 120, 3,
         "her mum, Jade Evans", "Sam Keane, social worker"},
        {"Ola Adeyemi", "Social worker, Eastbrook Borough Council",
         "Statutory visit, and to go through Kai's online safety plan with him.", 2, "badge", 16,
         30, 60},
        {"Grace Bennett", "Aisha's big sister", "Tea with Aisha after school.", 0, "not_seen", 17,
         0, 90},
    };
    static const std::vector<DemoVisitor> harbour{
        {"Ravi Patel", "Social worker, Eastbrook Borough Council",
         "Statutory visit: saw Noor on her own.", 0, "badge", 16, 15, 60},
        {"Dawn Grant", "Mum", "Family time after school.", 1, "driving_licence", 17, 0, 90},
        {"Mark Ellis", "Independent reviewing officer, Westmere City Council",
         "To meet Riley before their review.", 2, "badge", 15, 30, 45},
        {"Frances Lowe", "Independent person (Reg 44)",
         "Monthly Reg 44 visit: talked with children and staff and read the home's records.", -1,
         "passport", 10, 30, 150},
        {"Kim Webb", "Webb Electrical", "Fire alarm test and a new light in the kitchen.", -1,
         "photo_id", 9, 0, 90},
        {"Ali Reza", "Contact supervisor, Eastbrook Borough Council",
         "To supervise Noor's time with her dad.", 0, "badge", 14, 30, 90, 0,
         "her dad, Yusuf Farah", "Ravi Patel, social worker"},
        {"Suzy Hart", "Youth justice worker, Eastbrook Borough Council",
         "To see Zara about her bail conditions.", 3, "badge", 11, 0, 45},
    };
    return home == 0 ? willow : harbour;
}

Result<audit::Actor> demo_actor(db::Connection& c, std::int64_t person_id) {
    auto row = TRY(c.query_one("SELECT name FROM people WHERE id = $1", {person_id}));
    return audit::Actor{person_id, row ? row->text(0) : "demo", "127.0.0.1", "demo"};
}

visitors::VisitDetails demo_details(const DemoVisitor& v, const std::vector<std::int64_t>& kids,
                                    std::int64_t let_in, Timestamp at) {
    visitors::VisitDetails d;
    d.visitor_name = v.name;
    d.organisation = v.organisation;
    d.reason = v.reason;
    if (v.child < 0) {
        d.visits_home = true;
    } else {
        d.children = {kids[static_cast<std::size_t>(v.child)]};
    }
    d.id_kind = v.id_kind;
    if (d.id_kind == visitors::id_not_seen) {
        d.id_not_seen_why = "Known to staff: she visits every month and is on the family list.";
    }
    if (v.supervises >= 0) {
        d.supervises_child_id = kids[static_cast<std::size_t>(v.supervises)];
        d.supervised_contact = v.contact_with;
        d.supplied_by = v.supplied_by;
    }
    d.let_in_by = let_in;
    d.signed_in_at = at;
    return d;
}

}  // namespace

Status add_visitors(db::Connection& c, const DemoWorld& world, Timestamp now) {
    const std::vector<std::string> not_allowed{"Lighters",  "Matches",           "Alcohol",
                                               "Medicines", "Knives and blades", "Aerosols"};
    for (std::size_t home = 0; home < world.homes.size() && home < 2; ++home) {
        const auto home_id = world.homes[home];
        std::vector<std::int64_t> kids;
        for (std::size_t i = 0; i < world.children.size(); ++i) {
            if (world.child_home[i] == static_cast<int>(home)) {
                kids.push_back(world.children[i]);
            }
        }
        // The registered manager, the deputy and the two support workers of the home.
        std::vector<audit::Actor> staff;
        for (std::size_t i = home == 0 ? 2 : 6, end = i + 4; i < end; ++i) {
            staff.push_back(TRY(demo_actor(c, world.people[i])));
        }
        TRY(visitors::keep_not_allowed_items(c, home_id, not_allowed, staff[0], at(now, 31, 9, 0)));
        const auto& cycle = demo_visitors(home);
        for (int day = 30, n = 0; day >= 1; --day) {
            for (int k = 0; k < (day % 3 == 0 ? 3 : 2); ++k, ++n) {
                const auto& v = cycle[static_cast<std::size_t>(n) % cycle.size()];
                const auto& by = staff[static_cast<std::size_t>(n) % staff.size()];
                const auto in = at(now, day, v.hour, v.minute);
                const auto id = TRY(visitors::sign_in(
                    c, home_id, demo_details(v, kids, *by.person_id, in), by, in));
                const auto out = in + std::chrono::minutes{v.stays};
                TRY(visitors::sign_out(c, id, out, by, out));
            }
        }
        // Now: a visitor with a child, and at Willow House the contractor who never signed out
        // yesterday, flagged at handover.
        const auto& sw = cycle[0];
        const auto arrived = now - std::chrono::minutes{home == 0 ? 25 : 40};
        TRY(visitors::sign_in(c, home_id, demo_details(sw, kids, *staff[2].person_id, arrived),
                              staff[2], arrived));
        if (home == 0) {
            const auto yesterday = at(now, 1, 17, 30);
            auto d = demo_details(cycle[3], kids, *staff[3].person_id, yesterday);
            d.reason = "To fix a leak under the kitchen sink.";
            d.items = {"Toolbox", "Aerosols of pipe freezer"};
            d.items_flagged = visitors::flagged_items(d.items, not_allowed);
            d.items_action = "The pipe freezer stayed in his van.";
            TRY(visitors::sign_in(c, home_id, d, staff[3], yesterday));
            // A mum's lighter, held in the office until she left.
            const auto came = at(now, 12, 17, 0);
            DemoVisitor mum{"Michelle Bennett",
                            "Mum",
                            "Family time after school.",
                            0,
                            "driving_licence",
                            17,
                            0,
                            90};
            auto visit = demo_details(mum, kids, *staff[2].person_id, came);
            visit.items = {"A birthday card", "A lighter"};
            visit.items_flagged = visitors::flagged_items(visit.items, not_allowed);
            visit.items_action = "The lighter was held in the office until she left.";
            const auto id = TRY(visitors::sign_in(c, home_id, visit, staff[2], came));
            const auto left = came + std::chrono::minutes{90};
            TRY(visitors::sign_out(c, id, left, staff[2], left));
        }
    }
    return {};
}

}  // namespace hearth::demo
