#pragma once
// What the tests of a child's plans share: a behaviour plan's form as typed, and the store's
// fixture (CaseRecordTest's home, staff and child) with the steps a plan goes through.
#include <gtest/gtest.h>

#include <map>
#include <optional>
#include <string>

#include "case_record_fixture.hpp"
#include "chronology/chronology_store.hpp"
#include "deadlines/deadline_store.hpp"
#include "plans/plan.hpp"
#include "plans/plan_kinds.hpp"
#include "plans/plan_store.hpp"

namespace hearth::testing {

// A first individual behaviour plan, every section the kind needs written.
inline std::map<std::string, std::string> behaviour_fields() {
    return {{"section_at_my_best", "Funny and kind"},
            {"section_triggers", "Loud rooms"},
            {"section_what_helps", "Time and a choice of two things\nHer sketchbook"},
            {"section_staff_response", "Stay calm; offer a choice"},
            {"effective_on", "2026-05-12"},
            {"review_by", "2026-08-12"},
            {"reason", "First plan after admission"},
            {"child_views", "I like the sketchbook bit"}};
}

// The version form of a plan of `kind_key`, read on test_today(); `previous` is when the version
// it replaces took effect.
inline Result<plans::VersionInput> read_version_form(
    const std::map<std::string, std::string>& fields, const char* kind_key,
    std::optional<Date> previous = std::nullopt) {
    auto form = form_of(fields);
    http::FormReader reader(form);
    return plans::read_version(reader, *plans::find_kind(kind_key), test_today(), previous, 6);
}

// The store, over a real database.
class PlanStore : public CaseRecordTest {
  protected:
    void SetUp() override {
        CaseRecordTest::SetUp();
        subject_ = {child_, home_, "Aisha Bennett"};
    }

    // Chris Okafor writes the plans; Sam Carter, the registered manager, signs them off.
    audit::Actor writer() const { return as(chris_); }
    audit::Actor manager() const { return as(manager_); }

    plans::VersionInput behaviour(const std::string& helps, Date effective, Date review) {
        auto v = read_version_form(behaviour_fields(), "behaviour_plan");
        EXPECT_TRUE(v.ok());
        plans::VersionInput out = v.value();
        for (auto& s : out.sections) {
            if (s.key == "what_helps")
                s.text = helps;
        }
        out.effective_on = effective;
        out.review_by = review;
        return out;
    }
    plans::VersionInput risk(const std::string& level, Date effective, Date review) {
        plans::VersionInput v;
        for (const auto& s : plans::find_kind("risk_going_missing")->sections)
            v.sections.push_back({s.key, s.label, s.required ? "Written" : ""});
        v.risk_level = level;
        v.effective_on = effective;
        v.review_by = review;
        v.reason = "Assessment after a late return";
        v.child_views = "Fair";
        return v;
    }

    Result<std::int64_t> start_plan(const char* kind, const plans::VersionInput& v,
                                    const std::string& area = "") {
        return db_->write([&](db::Connection& c) {
            return plans::start(c, subject_, *plans::find_kind(kind), area, v, writer(), now_);
        });
    }
    Result<int> new_version(std::int64_t plan, int read_version, const plans::VersionInput& v) {
        return db_->write([&](db::Connection& c) {
            return plans::add_version(c, subject_, plan, read_version, v, writer(), now_);
        });
    }
    Status sign(std::int64_t plan, int version) {
        return db_->write([&](db::Connection& c) {
            return plans::sign_off(c, subject_, plan, version, manager(), now_);
        });
    }
    plans::Plan plan(std::int64_t id) {
        auto found = db_->read([&](db::Connection& c) { return plans::find(c, id); });
        EXPECT_TRUE(found.ok() && found.value());
        return **found;
    }
    std::vector<plans::Version> all_versions(std::int64_t id) {
        auto list =
            db_->read([&](db::Connection& c) { return plans::versions(c, id, std::nullopt, 50); });
        EXPECT_TRUE(list.ok());
        return list.value();
    }
    std::vector<deadlines::Deadline> clocks(std::int64_t id) {
        auto list =
            db_->read([&](db::Connection& c) { return deadlines::for_source(c, "plan", id); });
        EXPECT_TRUE(list.ok());
        return list.value();
    }
    std::vector<chronology::Entry> timeline() {
        auto page =
            db_->read([&](db::Connection& c) { return chronology::for_child(c, child_, {}, 50); });
        EXPECT_TRUE(page.ok());
        return page->entries;
    }
    plans::Subject subject_;
};

}  // namespace hearth::testing
