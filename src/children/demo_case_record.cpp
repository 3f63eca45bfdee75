#include "children/demo_case_record.hpp"

#include <fmt/format.h>

#include "children/child_store.hpp"
#include "children/family/family_store.hpp"
#include "children/key_workers/key_worker_store.hpp"
#include "children/leaving/leaving_store.hpp"
#include "children/valuables/valuables_store.hpp"

namespace hearth::demo {

namespace {

Result<audit::Actor> staff(db::Connection& c, const std::string& email) {
    auto row = TRY(c.query_one("SELECT id, name FROM people WHERE email = $1", {email}));
    if (!row) {
        return Error::internal("demo: no " + email);
    }
    return audit::Actor{row->integer(0), row->text(1), "127.0.0.1", "demo"};
}

Result<std::int64_t> child_named(db::Connection& c, const std::string& first,
                                 const std::string& last) {
    auto row = TRY(c.query_one("SELECT id FROM children WHERE first_name = $1 AND last_name = $2",
                               {first, last}));
    if (!row) {
        return Error::internal(fmt::format("demo: no child {} {}", first, last));
    }
    return row->integer(0);
}

Date days_before(Date day, int days) {
    return Date{std::chrono::sys_days{day} - std::chrono::days{days}};
}

// Lily (Willow House): everything Schedule 3 asks for, as a well-kept record has it.
Status lily(db::Connection& c, const children::WhenAmended& when_amended, Timestamp now,
            const audit::Actor& manager, const audit::Actor& chris) {
    auto id = TRY(child_named(c, "Lily", "Evans-Ward"));
    auto found = TRY(children::find(c, id));
    children::ChildDetails d = found->details;
    d.social_worker_contact = "01632 960210, westmere.duty@example.org";
    d.address_before = "Flat 3, 27 Tannery Row, Westmere WM4 9ZZ";
    d.iro_name = "Pat Hensley";
    d.iro_contact = "01632 960220";
    d.independent_visitor = "Marion Tate, through Westmere Independent Visitors, 01632 960230";
    d.advocate = "Jordan Lee, Westmere Children's Advocacy, 01632 960240";
    d.school = "Westmere Sixth Form College";
    d.designated_teacher = "Mr A. Okonjo, designated teacher, 01632 960250";
    d.employer = "Hollis Bakery (Saturday job)";
    TRY(children::amend(c, id, found->version, d,
                        "Details from the placement plan meeting with her social worker",
                        when_amended, manager, now));

    const children::FamilyMemberDetails family[] = {
        {"Jade Evans", "Mum", true, "07700 900123", "Family time every other Saturday afternoon."},
        {"Ryan Ward", "Dad", true, "Through her social worker", ""},
        {"Lorraine Evans", "Nan", false, "07700 900456",
         "Lily rings her Nan on Sunday evenings and looks forward to it."},
    };
    for (const auto& f : family) {
        TRY(children::add_family_member(c, id, f, manager, now));
    }
    auto aunt = TRY(
        children::add_family_member(c, id,
                                    {"Kerry Evans", "Aunt", true, "07700 900789",
                                     "Shared parental responsibility under a child arrangements "
                                     "order."},
                                    manager, now));
    TRY(children::end_family_member(
        c, id, aunt, 1,
        {days_before(local_date_of(now), 200),
         "The child arrangements order ended when the care order was made."},
        manager, now));

    const Date today = local_date_of(now);
    children::Deposit card{"item",     "Bank card (Westmere Building Society)",
                           0,          days_before(today, 30),
                           chris.name, "Kept in the office safe."};
    TRY(children::record_deposit(c, id, card, chris, now));
    children::Deposit wages{
        "money", "Wages from her Saturday job", 2000, days_before(today, 6), chris.name, ""};
    TRY(children::record_deposit(c, id, wages, chris, now));

    children::KeyWorkerChange change;
    change.key_worker_ids = {*chris.person_id};
    change.reason = "Dana is moving to the night team for the next six months.";
    change.child_view =
        "I'll miss Dana but Chris is alright. Can Dana still help me with my college forms?";
    change.relationships =
        "Dana will keep helping Lily with her college application on Tuesday afternoons until it "
        "is sent.";
    change.read_change = TRY(children::latest_key_worker_change(c, id));
    TRY(children::change_key_workers(c, id, change, manager, now));
    return {};
}

// Aisha (Willow House): her family list, as it is on the day she came.
Status aisha(db::Connection& c, Timestamp now, const audit::Actor& manager) {
    auto id = TRY(child_named(c, "Aisha", "Bennett"));
    const children::FamilyMemberDetails family[] = {
        {"Michelle Bennett", "Mum", true, "07700 900321",
         "Family time is agreed in Aisha's placement plan."},
        {"Grace Bennett", "Big sister", false, "07700 900654",
         "Aisha and Grace video call on Wednesdays."},
    };
    for (const auto& f : family) {
        TRY(children::add_family_member(c, id, f, manager, now));
    }
    return {};
}

// The family lists of the other children living in the homes, so that each has people to be in
// touch with (their contact is in the contact log's demo).
Status other_families(db::Connection& c, Timestamp now, const audit::Actor& willow,
                      const audit::Actor& harbour) {
    struct Family {
        const char* first;
        const char* last;
        bool at_harbour;
        children::FamilyMemberDetails members[2];
    };
    const Family families[] = {
        {"Benjamin",
         "Cole",
         false,
         {{"Tasha Cole", "Mum", true, "07700 900111", ""},
          {"Derek Cole", "Grandad", false, "07700 900112", "Ben's football buddy on Saturdays."}}},
        {"Kai",
         "Donovan",
         false,
         {{"Leanne Donovan", "Mum", true, "07700 900121", ""},
          {"Shay Donovan", "Older brother", false, "07700 900122", "Texts most evenings."}}},
        {"Noor",
         "Farah",
         true,
         {{"Amina Farah", "Mum", true, "07700 900131", "Speaks Somali at home; Noor interprets."},
          {"Yusuf Farah", "Uncle", false, "07700 900132", ""}}},
        {"Oscar",
         "Grant",
         true,
         {{"Paula Grant", "Mum", true, "07700 900141", ""},
          {"Milo Grant", "Little brother", false, "Through his foster carers, 07700 900142",
           "Lives with foster carers; visits are arranged through them."}}},
        {"Riley",
         "Hughes",
         true,
         {{"Sian Hughes", "Mum", true, "07700 900151", ""},
          {"Gwen Hughes", "Nan", false, "07700 900152", ""}}},
        {"Zara",
         "Iqbal",
         true,
         {{"Nadia Iqbal", "Mum", true, "07700 900161", ""},
          {"Imran Iqbal", "Dad", true, "07700 900162", ""}}},
    };
    for (const auto& f : families) {
        auto id = TRY(child_named(c, f.first, f.last));
        for (const auto& m : f.members) {
            TRY(children::add_family_member(c, id, m, f.at_harbour ? harbour : willow, now));
        }
    }
    return {};
}

// Mia lived at Willow House and left last year; her record is kept, and she is in the register.
Status mia(db::Connection& c, const children::PlacementSteps& steps, Timestamp now,
           const audit::Actor& manager, const audit::Actor& chris) {
    auto home = TRY(c.query_one("SELECT id FROM homes WHERE name = 'Willow House'"));
    if (!home) {
        return Error::internal("demo: no Willow House");
    }
    const Date today = local_date_of(now);
    children::ChildDetails d;
    d.first_name = "Mia";
    d.last_name = "Thornton";
    d.date_of_birth = days_before(today, 17 * 365 + 40);
    d.sex = "female";
    d.pronouns = "she/her";
    d.religion = "None";
    d.ethnicity = "White British";
    d.language = "English";
    d.legal_basis = "s31";
    d.placing_authority = "Westmere City Council";
    d.placing_authority_contact = "Placements team, 01632 960300";
    d.social_worker_name = "Sam Keane";
    d.admission_date = days_before(today, 2 * 365 + 20);
    d.address_before = "12 Orchard Walk, Westmere WM2 8ZZ";
    d.school = "Westmere Academy";
    auto id =
        TRY(children::admit(c, home->integer(0), d, steps.admitted, manager, now, chris.person_id));
    children::Leaving left;
    left.left_on = days_before(today, 365 + 10);
    left.destination = "Long-term foster care with the Ashworth family";
    left.address =
        "Care of Westmere City Council, Children's Services, Civic Way, Westmere WM1 9ZZ";
    left.reason =
        "Mia and her social worker found a foster family near her school. She moved after three "
        "planned visits, and chose to come back for tea a month later.";
    left.authority_informed_on = left.left_on;
    left.authority_informed_who = "Sam Keane, social worker";
    TRY(children::record_leaving(c, id, left, steps.leaving, manager, now));
    return {};
}

}  // namespace

Status create_case_record_demo(db::Connection& c, const children::PlacementSteps& steps,
                               Timestamp now) {
    auto manager = TRY(staff(c, "manager.willow@example.org"));
    auto chris = TRY(staff(c, "rsw1.willow@example.org"));
    TRY(aisha(c, now, manager));
    TRY(lily(c, steps.amended, now, manager, chris));
    auto harbour = TRY(staff(c, "manager.harbour@example.org"));
    TRY(other_families(c, now, manager, harbour));
    return mia(c, steps, now, manager, chris);
}

}  // namespace hearth::demo
