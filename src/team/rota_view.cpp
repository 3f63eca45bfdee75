#include "team/rota_view.hpp"

#include <fmt/format.h>

namespace hearth::team {

namespace {

constexpr int days_in_week = 7;

// "Tuesday 8 December 2026".
std::string day_text(Date d) {
    static const char* const names[] = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                        "Friday", "Saturday", "Sunday"};
    const auto iso = std::chrono::weekday{std::chrono::sys_days{d}}.iso_encoding();
    return fmt::format("{} {}", names[iso - 1], format_local_date(d));
}

std::string outcome_tag(const Shift& s) {
    if (!s.outcome) {
        return "govuk-tag--grey";
    }
    return *s.outcome == "worked" ? "govuk-tag--green" : "govuk-tag--red";
}

nlohmann::json optional_time(const std::optional<Timestamp>& t) {
    return t ? nlohmann::json(format_utc(*t)) : nlohmann::json();
}

}  // namespace

nlohmann::json shift_view(const Shift& s, std::int64_t home_id, Timestamp now, bool with_checks) {
    const bool agency = !s.person_id;
    return {{"id", s.id},
            {"person_id", s.person_id ? nlohmann::json(*s.person_id) : nlohmann::json()},
            {"name", s.name},
            {"agency", agency ? nlohmann::json(s.agency) : nlohmann::json()},
            {"agency_checks",
             agency && with_checks ? nlohmann::json(s.agency_checks) : nlohmann::json()},
            {"is_agency", agency},
            {"kind", s.kind},
            {"kind_label", label_in(shift_kinds(), s.kind)},
            {"role", s.role},
            {"role_label", label_in(rota_roles(), s.role)},
            {"starts_at", format_utc(s.starts_at)},
            {"ends_at", format_utc(s.ends_at)},
            {"times",
             fmt::format("{} to {}", format_local_time(s.starts_at), format_local_time(s.ends_at))},
            {"planned", s.planned},
            {"outcome", s.outcome ? nlohmann::json(*s.outcome) : nlohmann::json()},
            {"outcome_label", s.outcome           ? label_in(shift_outcomes(), *s.outcome)
                              : now < s.starts_at ? "Planned"
                                                  : "Not yet recorded"},
            {"outcome_tag", outcome_tag(s)},
            {"worked_starts_at", optional_time(s.worked_starts_at)},
            {"worked_ends_at", optional_time(s.worked_ends_at)},
            {"worked_times",
             s.worked_starts_at || s.worked_ends_at
                 ? fmt::format("worked {} to {}",
                               format_local_time(s.worked_starts_at.value_or(s.starts_at)),
                               format_local_time(s.worked_ends_at.value_or(s.ends_at)))
                 : ""},
            {"outcome_note", s.outcome_note},
            {"may_record_outcome", !s.outcome && now >= s.starts_at},
            {"href", fmt::format("/homes/{}/rota/shifts/{}", home_id, s.id)}};
}

nlohmann::json week_view(const std::vector<Shift>& shifts, const StaffingLevels& levels,
                         std::int64_t home_id, Date from, Timestamp now, bool with_checks) {
    const auto short_of = shortfalls(shifts, levels, from, days_in_week);
    nlohmann::json days = nlohmann::json::array();
    for (int d = 0; d < days_in_week; ++d) {
        const Date day{std::chrono::sys_days{from} + std::chrono::days{d}};
        nlohmann::json kinds = nlohmann::json::array();
        for (const auto& k : shift_kinds()) {
            nlohmann::json on = nlohmann::json::array();
            for (const auto& s : shifts) {
                if (s.kind == k.key && local_date_of(s.starts_at) == day) {
                    on.push_back(shift_view(s, home_id, now, with_checks));
                }
            }
            const auto promised = levels.find(k.key);
            const int wanted = promised == levels.end() ? 0 : promised->second;
            bool is_short = false;
            for (const auto& sf : short_of) {
                is_short = is_short || (sf.day == day && sf.kind == k.key);
            }
            kinds.push_back({{"kind", k.key},
                             {"label", k.label},
                             {"shifts", on},
                             {"promised", wanted},
                             {"is_short", is_short}});
        }
        days.push_back({{"day", format_date(day)}, {"day_text", day_text(day)}, {"kinds", kinds}});
    }
    nlohmann::json shortfall = nlohmann::json::array();
    for (const auto& sf : short_of) {
        shortfall.push_back(
            {{"day", format_date(sf.day)},
             {"kind", sf.kind},
             {"promised", sf.promised},
             {"rota", sf.rota},
             {"text", fmt::format("{}, {}: {} on the rota of the {} the statement of purpose "
                                  "promises",
                                  day_text(sf.day), label_in(shift_kinds(), sf.kind), sf.rota,
                                  sf.promised)}});
    }
    nlohmann::json staffing = nlohmann::json::object();
    for (const auto& k : shift_kinds()) {
        auto found = levels.find(k.key);
        staffing[k.key] = found == levels.end() ? 0 : found->second;
    }
    return {{"from", format_date(from)},
            {"to",
             format_date(Date{std::chrono::sys_days{from} + std::chrono::days{days_in_week - 1}})},
            {"days", days},
            {"shortfalls", shortfall},
            {"staffing", staffing}};
}

nlohmann::json on_shift_view(const std::vector<Shift>& shifts) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& s : shifts) {
        out.push_back({{"person_id", s.person_id ? nlohmann::json(*s.person_id) : nlohmann::json()},
                       {"name", s.name},
                       {"is_agency", !s.person_id},
                       {"agency", s.agency},
                       {"kind_label", label_in(shift_kinds(), s.kind)},
                       {"role_label", label_in(rota_roles(), s.role)},
                       {"until", format_local_time(s.worked_ends_at.value_or(s.ends_at))}});
    }
    return out;
}

}  // namespace hearth::team
