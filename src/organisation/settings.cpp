#include "organisation/settings.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace hearth::organisation {

const std::vector<Setting>& settings() {
    static const std::vector<Setting> all{
        {reg40_target_hours, "Notice of a serious event (Reg 40)", "hours", 24, 1, 72,
         "Reg 40 asks for notice \"without delay\" and sets no number of hours; 24 is the practice "
         "target most providers' procedures set. A serious event's clock runs this long from when "
         "it became known."},
        {reg41_target_hours,
         "Notice of an admission or a leaving to the home's local authority (Reg 41)", "hours", 24,
         1, 120,
         "Reg 41 asks for written notice \"without delay\" to the local authority where the home "
         "is, unless it placed the child, and sets no number of hours. The notice's clock runs "
         "this long from the day of the admission or leaving."},
        {plan_review_longest_months, "Longest time between reviews of a plan", "months", 6, 1, 12,
         "The Guide to the Children's Homes Regulations asks that plans and risk assessments are "
         "reviewed regularly, and care plans are reviewed at least every six months once a "
         "placement has settled (Care Planning, Placement and Case Review (England) Regulations "
         "2010, reg 33). A plan's review-by date can be no later than this after it takes effect."},
        {untrained_hold_training_days, "Training after a hold by someone untrained", "days", 14, 1,
         90,
         "The accredited physical intervention scheme (seeds' behaviour policy) expects only "
         "trained staff to hold a child; the law sets no window for arranging training after an "
         "untrained hold. The registered manager's clock to arrange it runs this long."},
        {staff_wellbeing_check_hours, "Check in with staff who are struggling after an incident",
         "hours", 24, 1, 168,
         "Relational practice guidance asks that staff are supported after incidents; no "
         "regulation sets a time. The registered manager's clock to check in runs this long from "
         "the debrief."},
        {supervised_start_longest_days,
         "Longest start under supervision before every check is back", "days", 42, 1, 90,
         "Reg 32 and Schedule 2 ask for each check before someone works with children; a "
         "registered "
         "manager may let them start under supervision while the last come back, saying why. The "
         "day by which every check must be recorded can be no later than this from that day."},
        {level3_within_years, "Level 3 Diploma for care staff, from starting", "years", 2, 1, 5,
         "Reg 32(4) asks that staff who work with children hold the Level 3 Diploma for "
         "Residential Childcare, or one at least equivalent, within two years of starting. The "
         "clock runs this long from the day they started."},
        {level5_within_years, "Level 5 Diploma for a registered manager, from starting", "years", 3,
         1, 5,
         "Reg 28(2)(c) asks that a registered manager holds the Level 5 Diploma in Leadership and "
         "Management for Residential Childcare within three years of starting to manage the home. "
         "The clock runs this long from the day they started."},
        {supervision_every_days_support_worker, "Supervision of a support worker, every", "days",
         30, 7, 92,
         "Reg 33(4)(b) asks that staff receive practice-related supervision by an appropriate "
         "person; it sets no interval. Monthly is the common practice this default follows; the "
         "registered manager may set a shorter one for a person."},
        {supervision_every_days_deputy, "Supervision of a deputy manager, every", "days", 30, 7, 92,
         "Reg 33(4)(b), as for every member of staff; monthly by default."},
        {supervision_every_days_registered_manager, "Supervision of a registered manager, every",
         "days", 30, 7, 92,
         "Reg 33(4)(b), as for every member of staff; the provider's responsible individual or a "
         "named senior supervises the registered manager, monthly by default."},
    };
    return all;
}

const Setting* find_setting(const std::string& key) {
    const auto& all = settings();
    auto found =
        std::find_if(all.begin(), all.end(), [&](const Setting& s) { return s.key == key; });
    return found == all.end() ? nullptr : &*found;
}

Result<int> setting(db::Connection& c, std::int64_t organisation_id, const std::string& key) {
    const auto* s = find_setting(key);
    if (!s) {
        return Error::internal("no setting " + key);
    }
    auto row = TRY(c.query_one(
        "SELECT value FROM organisation_settings WHERE organisation_id = $1 AND key = $2",
        {organisation_id, key}));
    return row ? static_cast<int>(row->integer(0)) : s->default_value;
}

Result<int> setting_of_home(db::Connection& c, std::int64_t home_id, const std::string& key) {
    auto row = TRY(c.query_one("SELECT organisation_id FROM homes WHERE id = $1", {home_id}));
    if (!row) {
        return Error::not_found("We could not find that home.");
    }
    return setting(c, row->integer(0), key);
}

Result<std::vector<SettingValue>> settings_of(db::Connection& c, std::int64_t organisation_id) {
    auto rows =
        TRY(c.query("SELECT s.key, s.value, p.name, s.changed_at FROM organisation_settings s JOIN "
                    "people p ON p.id = s.changed_by WHERE s.organisation_id = $1",
                    {organisation_id}));
    std::vector<SettingValue> out;
    for (const auto& s : settings()) {
        SettingValue v{s, s.default_value, false, "", std::nullopt};
        for (const auto& r : rows) {
            if (r.text(0) == s.key) {
                v.value = static_cast<int>(r.integer(1));
                v.changed = true;
                v.changed_by = r.text(2);
                v.changed_at = parse_utc(r.text(3));
            }
        }
        out.push_back(std::move(v));
    }
    return out;
}

Status change_settings(db::Connection& c, std::int64_t organisation_id,
                       const std::vector<std::pair<std::string, int>>& values,
                       const audit::Actor& actor, Timestamp now) {
    if (!actor.person_id) {
        return Error::internal("a setting is changed by a signed-in person");
    }
    std::vector<FieldError> problems;
    for (const auto& [key, value] : values) {
        const auto* s = find_setting(key);
        if (!s) {
            problems.push_back({key, "Hearth has no such setting"});
        } else if (value < s->least || value > s->most) {
            problems.push_back({key, fmt::format("{} must be from {} to {} {}", s->label, s->least,
                                                 s->most, s->unit)});
        }
    }
    if (!problems.empty()) {
        return Error::invalid_fields(problems);
    }
    for (const auto& [key, value] : values) {
        const int before = TRY(setting(c, organisation_id, key));
        if (before == value) {
            continue;
        }
        TRY(c.run("DELETE FROM organisation_settings WHERE organisation_id = $1 AND key = $2",
                  {organisation_id, key}));
        TRY(
            c.run("INSERT INTO organisation_settings (organisation_id, key, value, changed_by, "
                  "changed_at) VALUES ($1, $2, $3, $4, $5)",
                  {organisation_id, key, std::int64_t{value}, *actor.person_id, format_utc(now)}));
        TRY(audit::append(c, actor,
                          {"change", "setting", key, std::nullopt, std::nullopt,
                           fmt::format("{}: {} {}, was {}", find_setting(key)->label, value,
                                       find_setting(key)->unit, before)},
                          now));
    }
    return {};
}

}  // namespace hearth::organisation
