#include "contact/school_hours_store.hpp"

#include <fmt/format.h>

#include "children/child_store.hpp"

namespace hearth::contact {

namespace {

std::optional<int> minutes_of(const std::string& text) {
    int hours = 0;
    int minutes = 0;
    if (text.size() != 5 || std::sscanf(text.c_str(), "%2d:%2d", &hours, &minutes) != 2) {
        return std::nullopt;
    }
    return (hours * 60) + minutes;
}

std::string hh_mm(int minutes) {
    return fmt::format("{:02}:{:02}", minutes / 60, minutes % 60);
}

Result<std::optional<SchoolHours>> stored_hours(db::Connection& c, const char* column,
                                                std::int64_t id) {
    auto row = TRY(c.query_one(
        fmt::format("SELECT in_school, starts, ends FROM school_hours WHERE {} = $1", column),
        {id}));
    if (!row) {
        return std::optional<SchoolHours>{};
    }
    SchoolHours h;
    h.in_school = row->integer(0) != 0;
    if (auto s = minutes_of(row->text(1))) {
        h.starts = *s;
    }
    if (auto e = minutes_of(row->text(2))) {
        h.ends = *e;
    }
    return std::optional<SchoolHours>{h};
}

Status store_hours(db::Connection& c, const char* column, std::int64_t id, std::int64_t home_id,
                   std::optional<std::int64_t> child_id, const SchoolHours& hours,
                   const std::string& before, const audit::Actor& actor, Timestamp now) {
    TRY(c.run(fmt::format("DELETE FROM school_hours WHERE {} = $1", column), {id}));
    const auto row = TRY(c.insert(
        fmt::format("INSERT INTO school_hours ({}, in_school, starts, ends, changed_at, "
                    "changed_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
                    column),
        {id, std::int64_t{hours.in_school ? 1 : 0}, hours.in_school ? hh_mm(hours.starts) : "",
         hours.in_school ? hh_mm(hours.ends) : "", format_utc(now), *actor.person_id}));
    return audit::append(c, actor,
                         {"update", "school_hours", std::to_string(row), home_id, child_id,
                          fmt::format("{} (before: {})", describe(hours), before)},
                         {"school_hours", row}, now);
}

}  // namespace

Result<SchoolHoursSetting> school_hours_of_home(db::Connection& c, std::int64_t home_id) {
    if (auto own = TRY(stored_hours(c, "home_id", home_id))) {
        return SchoolHoursSetting{*own, "home"};
    }
    return SchoolHoursSetting{SchoolHours{}, "usual"};
}

Result<SchoolHoursSetting> school_hours_of_child(db::Connection& c, std::int64_t child_id) {
    if (auto own = TRY(stored_hours(c, "child_id", child_id))) {
        return SchoolHoursSetting{*own, "child"};
    }
    auto row = TRY(c.query_one("SELECT home_id FROM children WHERE id = $1", {child_id}));
    if (!row) {
        return Error::not_found("We could not find that child's record.");
    }
    return school_hours_of_home(c, row->integer(0));
}

Status set_home_school_hours(db::Connection& c, std::int64_t home_id, const SchoolHours& hours,
                             const audit::Actor& actor, Timestamp now) {
    const auto before = TRY(school_hours_of_home(c, home_id));
    return store_hours(c, "home_id", home_id, home_id, std::nullopt, hours, describe(before.hours),
                       actor, now);
}

Status set_child_school_hours(db::Connection& c, std::int64_t child_id, const SchoolHours& hours,
                              const audit::Actor& actor, Timestamp now) {
    auto child = TRY(children::find(c, child_id));
    if (!child) {
        return Error::not_found("We could not find that child's record.");
    }
    const auto before = TRY(school_hours_of_child(c, child_id));
    return store_hours(c, "child_id", child_id, child->home_id, child_id, hours,
                       describe(before.hours), actor, now);
}

}  // namespace hearth::contact
