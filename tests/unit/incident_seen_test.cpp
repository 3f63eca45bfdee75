// What one reader sees of an incident about several children (src/behaviour/incident_seen.hpp):
// decided once, from the reader's scope, for the page, its JSON, the API and the export alike.
#include "behaviour/incident_seen.hpp"

#include <gtest/gtest.h>

#include "behaviour/incident.hpp"
#include "test_support.hpp"

// Each test file's own names, apart from the others built beside it (tests/CMakeLists.txt).
namespace incident_seen_test {

using namespace hearth;
using namespace hearth::behaviour;
using hearth::testing::person_with;

namespace {

constexpr std::int64_t home = 1, aisha = 11, kai = 12;

Incident about_both() {
    Incident i;
    i.id = 5;
    i.home_id = home;
    i.children = {{101, aisha, "Aisha Bennett"}, {102, kai, "Kai Donovan"}};
    i.details.children = {aisha, kai};
    return i;
}

Everything everything() {
    Everything all;
    all.incident = about_both();
    Account a;
    a.id = 1;
    a.child_id = aisha;
    a.words = "Aisha's words";
    Account k;
    k.id = 2;
    k.child_id = kai;
    k.words = "Kai's words";
    all.after.accounts = {a, k};
    ChildDebrief d;
    d.child_id = kai;
    d.felt = "Kai felt";
    all.after.child_debriefs = {d};
    Notification ofsted;
    ofsted.recipient = "ofsted";
    Notification kais_authority;
    kais_authority.recipient = "placing_authority";
    kais_authority.child_id = kai;
    kais_authority.named = "Kai's duty team";
    all.after.notifications = {ofsted, kais_authority};
    deadlines::Deadline aishas_clock;
    aishas_clock.child_id = aisha;
    aishas_clock.kind = "reg35_record";
    deadlines::Deadline kais_clock;
    kais_clock.child_id = kai;
    kais_clock.kind = "reg35_record";
    kais_clock.child_name = "Kai Donovan";
    // A Reg 40 clock kept by the incident before serious events had records of their own.
    deadlines::Deadline reg40;
    reg40.child_id = kai;
    reg40.kind = notifications::clock_kind;
    reg40.source_type = "incident";
    reg40.child_name = "Kai Donovan";
    reg40.link = "/children/12/incidents/5/notifications";
    all.clocks = {aishas_clock, kais_clock, reg40};
    notifications::SeriousEvent aishas_event;
    aishas_event.id = 71;
    aishas_event.child_id = aisha;
    aishas_event.event = "police_serious_incident";
    notifications::SeriousEvent kais_event = aishas_event;
    kais_event.id = 72;
    kais_event.child_id = kai;
    all.serious_events = {aishas_event, kais_event};
    all.staff = {{aisha, "A member of staff whose id is Aisha's"}};
    return all;
}

hearth::Person social_worker_of(std::int64_t child) {
    return person_with(1, {{std::nullopt, Role::social_worker}}, {child}, 90);
}

Scope page_of(std::int64_t child) {
    Scope s;
    s.organisation_id = 1;
    s.home_id = home;
    s.child_id = child;
    return s;
}

TEST(IncidentSeen, ASocialWorkerSeesTheirChildAndAnotherYoungPersonWithNothingOfTheirs) {
    const hearth::Person sw = social_worker_of(aisha);
    const Scope page = page_of(aisha);
    const SeenIncident seen = seen_by(Reader{sw, page}, everything());

    ASSERT_EQ(seen.children.size(), 2u);
    EXPECT_EQ(seen.children[0].child_id, aisha);
    EXPECT_EQ(seen.children[0].name, "Aisha Bennett");
    EXPECT_TRUE(seen.children[0].is_page_child);
    EXPECT_EQ(seen.children[1].child_id, std::nullopt);
    EXPECT_EQ(seen.children[1].name, "another young person");
    ASSERT_EQ(seen.incident.children.size(), 1u);
    EXPECT_EQ(seen.incident.details.children, std::vector<std::int64_t>{aisha});

    ASSERT_EQ(seen.after.accounts.size(), 1u);
    EXPECT_EQ(seen.after.accounts[0].words, "Aisha's words");
    EXPECT_TRUE(seen.after.child_debriefs.empty());
    ASSERT_EQ(seen.after.notifications.size(), 1u);
    EXPECT_EQ(seen.after.notifications[0].recipient, "ofsted");

    // Aisha's clock, and the incident's Reg 40 clock under her rather than under Kai.
    ASSERT_EQ(seen.clocks.size(), 2u);
    EXPECT_EQ(seen.clocks[0].child_id, aisha);
    EXPECT_EQ(seen.clocks[1].kind, notifications::clock_kind);
    EXPECT_EQ(seen.clocks[1].child_id, std::nullopt);
    EXPECT_EQ(seen.clocks[1].child_name, "another young person");
    EXPECT_EQ(seen.clocks[1].link, "/children/11/incidents/5/notifications");

    // Aisha's serious event, not Kai's.
    ASSERT_EQ(seen.serious_events.size(), 1u);
    EXPECT_EQ(seen.serious_events[0].id, 71);

    // A child's id in a version is never read as a member of staff with the same id.
    EXPECT_EQ(child_seen_as(seen, aisha), "Aisha Bennett");
    EXPECT_EQ(child_seen_as(seen, kai), "another young person");
}

TEST(IncidentSeen, StaffOfTheHomeSeeEveryChild) {
    const hearth::Person worker = person_with(1, {{home, Role::support_worker}}, {}, 3);
    const Scope page = page_of(aisha);
    const SeenIncident seen = seen_by(Reader{worker, page}, everything());
    EXPECT_EQ(seen.incident.children.size(), 2u);
    EXPECT_EQ(seen.children[1].child_id, kai);
    EXPECT_EQ(seen.after.accounts.size(), 2u);
    EXPECT_EQ(seen.after.child_debriefs.size(), 1u);
    EXPECT_EQ(seen.after.notifications.size(), 2u);
    EXPECT_EQ(seen.clocks.size(), 3u);
    EXPECT_EQ(seen.serious_events.size(), 2u);
    EXPECT_FALSE(seen.withheld());
}

TEST(IncidentSeen, TheRegulation44VisitorReadsOnlyAChildWhoConsented) {
    const hearth::Person visitor = person_with(1, {{home, Role::independent_person}}, {}, 4);
    Scope home_page;
    home_page.organisation_id = 1;
    home_page.home_id = home;
    // From the home's list no child's consent is known: the incident is shown only as having been.
    const SeenIncident listed = seen_by(Reader{visitor, home_page}, about_both(), {});
    EXPECT_TRUE(listed.withheld());
    EXPECT_EQ(listed.children[0].name, "another young person");

    Scope consented = page_of(aisha);
    consented.reg44_consent = true;
    const SeenIncident seen = seen_by(Reader{visitor, consented}, everything());
    EXPECT_EQ(seen.incident.children.size(), 1u);
    EXPECT_EQ(seen.children[1].name, "another young person");
    EXPECT_EQ(seen.after.accounts.size(), 1u);
}

TEST(IncidentSeen, InAChildsOwnRecordEveryOtherChildIsAnotherYoungPerson) {
    const SeenIncident seen = seen_in_record_of(kai, everything());
    EXPECT_EQ(seen.children[0].name, "another young person");
    EXPECT_EQ(seen.children[1].name, "Kai Donovan");
    ASSERT_EQ(seen.after.accounts.size(), 1u);
    EXPECT_EQ(seen.after.accounts[0].words, "Kai's words");
    EXPECT_EQ(seen.after.child_debriefs.size(), 1u);
}

}  // namespace

}  // namespace incident_seen_test
