#pragma once
// Values the law leaves to the home: each has a default (Hearth's until the organisation changes
// it), the bounds a sensible value keeps to, and where it comes from. Rules the law fixes (the
// 24-hour, 48-hour and 5-day Reg 35 clocks, Reg 19's prohibited measures) are not settings.
// Changed by the provider's administrator on the settings page; every change is audited.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "platform/audit/audit_trail.hpp"
#include "platform/db/database.hpp"

namespace hearth::organisation {

struct Setting {
    std::string key;
    std::string label;  // "Notice of a serious event (Reg 40)"
    std::string unit;   // "hours", "days", "months"
    int default_value = 0;
    int least = 1;
    int most = 1;
    std::string source;  // why this default, and what leaves it to the home
};
const std::vector<Setting>& settings();
const Setting* find_setting(const std::string& key);

// The keys the capabilities read.
inline constexpr const char* reg40_target_hours = "reg40_target_hours";
inline constexpr const char* reg41_target_hours = "reg41_target_hours";
inline constexpr const char* plan_review_longest_months = "plan_review_longest_months";
inline constexpr const char* untrained_hold_training_days = "untrained_hold_training_days";
inline constexpr const char* staff_wellbeing_check_hours = "staff_wellbeing_check_hours";
inline constexpr const char* supervised_start_longest_days = "supervised_start_longest_days";
inline constexpr const char* level3_within_years = "level3_within_years";
inline constexpr const char* level5_within_years = "level5_within_years";
inline constexpr const char* supervision_every_days_support_worker =
    "supervision_every_days_support_worker";
inline constexpr const char* supervision_every_days_deputy = "supervision_every_days_deputy";
inline constexpr const char* supervision_every_days_registered_manager =
    "supervision_every_days_registered_manager";

// The value in force for an organisation: its own, or the default.
Result<int> setting(db::Connection& c, std::int64_t organisation_id, const std::string& key);
// The same, for the organisation a home belongs to.
Result<int> setting_of_home(db::Connection& c, std::int64_t home_id, const std::string& key);

struct SettingValue {
    Setting setting;
    int value = 0;
    bool changed = false;  // the organisation's own, not the default
    std::string changed_by;
    std::optional<Timestamp> changed_at;
};
Result<std::vector<SettingValue>> settings_of(db::Connection& c, std::int64_t organisation_id);

// Refused, naming the setting's field, when a value is outside its bounds. Only values that differ
// from those in force are written and audited.
Status change_settings(db::Connection& c, std::int64_t organisation_id,
                       const std::vector<std::pair<std::string, int>>& values,
                       const audit::Actor& actor, Timestamp now);

}  // namespace hearth::organisation
