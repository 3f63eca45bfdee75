#pragma once
// What managers see of restrictive practice (relational practice guidance: "the use of behavioural
// audits to monitor progress"): incidents, restraints and children restrained per month; when in
// the day and week they happen; what set incidents off; who held; how long holds lasted; injuries.
// And the counts Ofsted asks for before an inspection, for any dates. Pure: the rows come from
// figures_store.
#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "platform/clock.hpp"

namespace hearth::intervention {

struct RestraintRow {
    std::int64_t home_id = 0;
    std::int64_t child_id = 0;
    Timestamp at{};
    int minutes = 0;
    std::vector<std::int64_t> used_by;
    bool injury = false;
    // The incident says the child was held or restricted, and its Reg 35 record is still owed: it
    // is counted, and when, who and how long are not yet known.
    bool record_owed = false;
};

struct IncidentRow {
    std::int64_t home_id = 0;
    Timestamp at{};
    std::vector<std::string> triggers;
};

// Parts of the day, in the home's zone: 00:00-02:59 ... 21:00-23:59.
inline constexpr int day_bands = 8;
std::string band_label(int band);  // "18:00 to 20:59"
// How long holds lasted.
inline constexpr int duration_buckets = 5;
std::string duration_label(int bucket);  // "Under 5 minutes", ..., "30 minutes or more"
int duration_bucket(int minutes);

struct MonthFigures {
    std::string month;
    int incidents = 0;
    int restraints = 0;
    int children_restrained = 0;
    int injuries = 0;
};

struct Figures {
    std::vector<MonthFigures> months;
    std::array<int, day_bands> by_band{};
    std::array<int, 7> by_weekday{};  // Monday first
    std::map<std::string, int> by_trigger;
    std::map<std::int64_t, int> by_staff;  // restraints each person held in
    std::array<int, duration_buckets> by_duration{};
    int incidents = 0;
    int restraints = 0;
    int children_restrained = 0;
    int injuries = 0;
    int total_minutes = 0;
    int records_owed = 0;  // restraints counted whose Reg 35 record is still owed
};

// Rows outside `months` are left out.
Figures build_figures(const std::vector<std::string>& months,
                      const std::vector<IncidentRow>& incidents,
                      const std::vector<RestraintRow>& restraints);

// Ofsted's pre-inspection counts for [from, until): restraints, and how many children they were of.
// Every measure an incident records counts, written up or not; `records_owed` says how many of
// them still have no Reg 35 record.
struct OfstedCounts {
    int restraints = 0;
    int children_restrained = 0;
    int records_owed = 0;
};
OfstedCounts ofsted_counts(const std::vector<RestraintRow>& restraints, Timestamp from,
                           Timestamp until);

// A CSV field: quoted when it holds a comma, quote or line break; a leading = + - @ is made text
// so that a spreadsheet never reads it as a formula.
std::string csv_field(const std::string& text);

}  // namespace hearth::intervention
