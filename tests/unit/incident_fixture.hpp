#pragma once
// What the tests of incidents and their Reg 35 records share: the demo's Willow House and its
// people, an incident with a hold and the hold's record, and a store fixture with the time set.
#include <gtest/gtest.h>

#include <utility>
#include <vector>

#include "behaviour/incident_store.hpp"
#include "deadlines/deadline_store.hpp"
#include "intervention/measure_store.hpp"
#include "test_support.hpp"

namespace hearth::testing::willow_house {

// The demo's Willow House: home 1, Kai is child 3; Sam Carter (3) manages it, Jo Whitfield (4) is
// the deputy, Chris Okafor (5) and Dana Lewis (6) support workers.
constexpr std::int64_t willow = 1;
constexpr std::int64_t kai = 3;
constexpr std::int64_t lily = 4;
const audit::Actor chris{5, "Chris Okafor", "127.0.0.1", "test"};
const audit::Actor sam{3, "Sam Carter", "127.0.0.1", "test"};

// A member of Willow House's staff, as the sign-off rules see them.
inline Person person(std::int64_t id, Role role) {
    return hearth::testing::person_with(1, {{willow, role}}, {}, id);
}

inline behaviour::IncidentDetails a_hold_incident(Timestamp at) {
    behaviour::IncidentDetails d;
    d.occurred_at = at;
    d.location = "the lounge";
    d.antecedents = "Asked to come off the console";
    d.behaviour = "Threw the controller at another young person";
    d.deescalation = {"Calm voice", "Space"};
    d.afterwards = "Calm after ten minutes";
    d.restrictive_measure = "physical_intervention";
    d.children = {kai};
    d.staff_involved = {5, 6};
    return d;
}

inline intervention::MeasureDetails a_hold(Timestamp at) {
    intervention::MeasureDetails m;
    m.kind = "physical_intervention";
    m.started_at = at + std::chrono::minutes{5};
    m.ended_at = at + std::chrono::minutes{9};
    m.location = "the lounge";
    m.behaviour = "Picked up a chair to throw";
    m.steps_to_avoid = "Calm voice; space";
    m.description = "Guided to the sofa and held";
    m.lawful_purpose = "prevent_injury_to_others";
    m.why_necessary = "About to throw the chair at another young person";
    m.technique = "seated_hold";
    m.position = "seated";
    m.used_by = {5, 6};
    m.effect = "Calmed";
    return m;
}

class IncidentStoreFixture : public hearth::testing::InLondon {
  protected:
    template <typename F>
    auto write(F&& f) {
        return app.db->write(std::forward<F>(f));
    }

    behaviour::Incident incident(std::int64_t id) {
        auto found = app.db->read([&](db::Connection& c) { return behaviour::find(c, id); });
        EXPECT_TRUE(found.ok() && found.value());
        return **found;
    }

    std::vector<deadlines::Deadline> clocks(const std::string& type, std::int64_t id) {
        auto found =
            app.db->read([&](db::Connection& c) { return deadlines::for_source(c, type, id); });
        EXPECT_TRUE(found.ok());
        return found.ok() ? found.value() : std::vector<deadlines::Deadline>{};
    }

    static const deadlines::Deadline* of_kind(const std::vector<deadlines::Deadline>& all,
                                              const std::string& kind) {
        for (const auto& d : all) {
            if (d.kind == kind)
                return &d;
        }
        return nullptr;
    }

    // Kai's incident with a hold at `at`, and its Reg 35 record written `written_after` later.
    std::pair<std::int64_t, std::int64_t> hold_at(Timestamp at,
                                                  std::chrono::minutes written_after) {
        auto id = write([&](db::Connection& c) {
            return behaviour::record(c, {willow, 1}, a_hold_incident(at), chris, at);
        });
        EXPECT_TRUE(id.ok()) << (id.ok() ? "" : id.error().message);
        auto i = incident(id.value());
        auto m = write([&](db::Connection& c) {
            return intervention::record(c, {&i, kai, 1, "Seated hold"}, a_hold(at), chris,
                                        at + written_after);
        });
        EXPECT_TRUE(m.ok()) << (m.ok() ? "" : m.error().message);
        return {id.value(), m.value()};
    }

    InProcessApp app;
    const Timestamp used = test_now() - std::chrono::hours{3};
};

}  // namespace hearth::testing::willow_house
