#include "demo/demo_data.hpp"

#include <fmt/format.h>

#include "children/child_store.hpp"
#include "children/reg44/reg44_consent.hpp"
#include "organisation/homes.hpp"
#include "platform/auth/accounts.hpp"
#include "platform/auth/second_factor.hpp"
#include "platform/auth/second_factor_store.hpp"
#include "platform/crypto.hpp"
#include "platform/demo_world.hpp"

namespace hearth::demo {

namespace {

struct DemoPerson {
    const char* name;
    const char* email;
    const char* job;
    Role role;
    int home;  // index into homes, or -1 for organisation-wide
};

struct DemoChild {
    const char* first;
    const char* last;
    const char* preferred;
    const char* dob;
    const char* sex;
    const char* pronouns;
    const char* legal_basis;
    const char* authority;
    const char* admitted;
    int home;
    bool consent;
};

constexpr DemoPerson people[] = {
    {"Alex Morgan", "admin@example.org", "Provider administrator", Role::provider_administrator,
     -1},
    {"Priya Shah", "ri@example.org", "Responsible individual", Role::responsible_individual, -1},
    {"Sam Carter", "manager.willow@example.org", "Registered manager", Role::registered_manager, 0},
    {"Jo Whitfield", "deputy.willow@example.org", "Deputy manager", Role::deputy, 0},
    {"Chris Okafor", "rsw1.willow@example.org", "Residential support worker", Role::support_worker,
     0},
    {"Dana Lewis", "rsw2.willow@example.org", "Residential support worker", Role::support_worker,
     0},
    {"Morgan Reid", "manager.harbour@example.org", "Registered manager", Role::registered_manager,
     1},
    {"Taylor Brooks", "deputy.harbour@example.org", "Team leader", Role::deputy, 1},
    {"Jamie Fox", "rsw1.harbour@example.org", "Residential support worker", Role::support_worker,
     1},
    {"Robin Hale", "rsw2.harbour@example.org", "Residential support worker", Role::support_worker,
     1},
    {"Casey Nolan", "social.worker@example.org", "Social worker, Northshire", Role::social_worker,
     -1},
    {"Elliot Price", "reg44@example.org", "Independent person", Role::independent_person, 0},
};

constexpr DemoChild kids[] = {
    {"Aisha", "Bennett", "", "2011-04-17", "female", "she/her", "s31", "Northshire County Council",
     "2024-09-02", 0, true},
    {"Benjamin", "Cole", "Ben", "2010-11-03", "male", "he/him", "s20", "Northshire County Council",
     "2025-01-20", 0, false},
    {"Kai", "Donovan", "", "2012-06-29", "male", "he/him", "s38", "Eastbrook Borough Council",
     "2025-06-11", 0, false},
    {"Lily", "Evans-Ward", "Lil", "2009-12-08", "female", "she/her", "s31", "Westmere City Council",
     "2023-03-15", 0, true},
    {"Noor", "Farah", "", "2011-08-21", "female", "she/her", "s20", "Eastbrook Borough Council",
     "2024-11-04", 1, false},
    {"Oscar", "Grant", "Ozzy", "2010-02-14", "male", "he/him", "s31", "Northshire County Council",
     "2022-07-30", 1, false},
    {"Riley", "Hughes", "", "2012-10-05", "other", "they/them", "s31", "Westmere City Council",
     "2025-04-22", 1, false},
    {"Zara", "Iqbal", "", "2009-05-30", "female", "she/her", "remand", "Eastbrook Borough Council",
     "2026-02-09", 1, false},
};

}  // namespace

Status give_demo_second_factors(db::Connection& c, Timestamp now) {
    const audit::Actor system{std::nullopt, "demo", "127.0.0.1", "demo"};
    for (const auto& row : TRY(c.query("SELECT id FROM people ORDER BY id"))) {
        const auto person = TRY(accounts::load_person(c, row.integer(0)));
        if (person && second_factor::required_for(*person, false) != second_factor::Required::no) {
            TRY(second_factor::set_up_with(c, person->id, demo_second_factor_secret, system, now));
        }
    }
    return {};
}

Result<DemoSummary> create_demo(db::Database& db, const DemoParts& parts, Timestamp now) {
    auto hash = TRY(crypto::hash_password(demo_password));
    DemoSummary summary;
    summary.organisation = "Brightwater Children's Services (fictional)";
    TRY(db.write([&](db::Connection& c) -> Status {
        auto existing = TRY(c.query_one("SELECT id FROM organisations"));
        if (existing) {
            return Error::make(ErrorKind::conflict,
                               "This database already holds an organisation; demo data goes only "
                               "into an empty one.");
        }
        const std::string at = format_utc(now);
        audit::Actor system{std::nullopt, "demo", "127.0.0.1", "demo"};
        auto org = TRY(organisation::create_organisation(c, summary.organisation, at));
        std::int64_t homes[2];
        homes[0] = TRY(organisation::create_home(c, org, "Willow House", "SC000101", at));
        homes[1] = TRY(organisation::create_home(c, org, "Harbour View", "SC000102", at));
        // Both homes are in Northshire: its children placed by Northshire need no second notice
        // as the home's local authority (Reg 40(1)(d), Reg 41(2)).
        TRY(
            c.run("UPDATE homes SET local_authority = 'Northshire County Council' WHERE "
                  "organisation_id = $1",
                  {org}));
        DemoWorld world{org, {homes[0], homes[1]}, {}, {}, {}};
        std::vector<std::int64_t>& person_ids = world.people;
        for (const auto& p : people) {
            accounts::NewPerson np{org, p.name, p.email, p.job, hash, false};
            auto id = TRY(accounts::add_person(c, np, system, now));
            std::optional<std::int64_t> home;
            if (p.home >= 0)
                home = homes[p.home];
            TRY(accounts::give_role(c, id, home, p.role, system, now));
            person_ids.push_back(id);
            summary.accounts.emplace_back(p.email, std::string(role_label(p.role)));
        }
        int n = 0;
        for (const auto& k : kids) {
            children::ChildDetails d;
            d.first_name = k.first;
            d.last_name = k.last;
            d.preferred_name = k.preferred;
            d.date_of_birth = *parse_date(k.dob);
            d.sex = k.sex;
            d.pronouns = k.pronouns;
            d.religion = n % 3 == 0 ? "None" : (n % 3 == 1 ? "Christian" : "Muslim");
            d.ethnicity = n % 2 == 0 ? "White British" : "Mixed: White and Black Caribbean";
            d.language = "English";
            d.legal_basis = k.legal_basis;
            d.placing_authority = k.authority;
            d.placing_authority_contact = "Placements team, 01632 960" + std::to_string(100 + n);
            d.social_worker_name = k.authority == std::string("Northshire County Council")
                                       ? "Casey Nolan"
                                       : "Duty social worker";
            d.admission_date = *parse_date(k.admitted);
            // Key workers: the two support workers of the home, one each.
            const std::int64_t key_worker =
                person_ids[static_cast<std::size_t>(k.home == 0 ? 4 + n % 2 : 8 + n % 2)];
            audit::Actor manager{person_ids[k.home == 0 ? 2 : 6], people[k.home == 0 ? 2 : 6].name,
                                 "127.0.0.1", "demo"};
            // Admitted long ago: the notifications capability's demo part records the notices that
            // were sent then (Reg 41), rather than owing them now.
            auto child_id = TRY(children::admit(c, homes[k.home], d, children::WhenAdmitted{},
                                                manager, now, key_worker));
            if (k.consent) {
                // Both consents, as the registered manager records them (Reg 44(4)(b)).
                const Date asked = d.admission_date;
                TRY(children::record_reg44_consent(
                    c, child_id,
                    {"child", true, std::string(k.first) + ", at their admission meeting", asked,
                     "", now},
                    manager, now));
                TRY(children::record_reg44_consent(
                    c, child_id,
                    {"placing_authority", true,
                     d.social_worker_name + ", social worker, " + std::string(k.authority), asked,
                     "", now},
                    manager, now));
            }
            world.children.push_back(child_id);
            world.child_home.push_back(k.home);
            if (k.authority == std::string("Northshire County Council")) {
                TRY(c.run(
                    "INSERT INTO allocations (person_id, child_id, started_at) VALUES ($1, $2, $3)",
                    {person_ids[10], child_id, at}));
            }
            ++n;
        }
        TRY(give_demo_second_factors(c, now));
        for (const auto& part : parts.all()) {
            TRY(part.add(c, world, now));
        }
        return {};
    }));
    return summary;
}

}  // namespace hearth::demo
