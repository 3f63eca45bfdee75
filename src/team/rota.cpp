#include "team/rota.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "platform/icalendar.hpp"

namespace hearth::team {

namespace {

constexpr std::int64_t largest_person_id = 9'000'000'000'000'000'000;
constexpr auto longest_shift = std::chrono::hours{24};

// A time of day as the moment nearest `planned`: a waking night begun at 00:15 instead of 22:00
// began the next day, a late that ran to 00:30 ended the next day.
std::optional<Timestamp> nearest(Timestamp planned, int minutes) {
    std::optional<Timestamp> best;
    const Date day = local_date_of(planned);
    for (int offset : {-1, 0, 1}) {
        const auto at = from_local(Date{std::chrono::sys_days{day} + std::chrono::days{offset}},
                                   minutes / 60, minutes % 60);
        if (at && (!best || std::chrono::abs(*at - planned) < std::chrono::abs(*best - planned))) {
            best = at;
        }
    }
    return best;
}

}  // namespace

const std::vector<Choice>& shift_kinds() {
    static const std::vector<Choice> all{
        {"early", "Early"},       {"late", "Late"},
        {"long_day", "Long day"}, {"waking_night", "Waking night"},
        {"sleep_in", "Sleep-in"},
    };
    return all;
}

bool overnight(const std::string& kind) {
    return kind == "waking_night" || kind == "sleep_in";
}

const std::vector<Choice>& rota_roles() {
    static const std::vector<Choice> all{
        {"shift_lead", "Shift lead"},
        {"on_shift", "On shift"},
    };
    return all;
}

const std::vector<Choice>& shift_outcomes() {
    static const std::vector<Choice> all{
        {"worked", "Worked"},
        {"sick", "Off sick"},
        {"absent", "Absent"},
    };
    return all;
}

Result<ShiftInput> read_shift(http::FormReader& form, const std::vector<RotaPerson>& people) {
    ShiftInput s;
    s.agency_worker = form.text("agency_worker", "the agency worker's name", {.max = 200});
    auto person = form.integer("person_id", "who works the shift", false, 1, largest_person_id);
    if (person && !s.agency_worker.empty()) {
        form.fail("agency_worker", "Leave this empty when a member of staff works the shift");
    }
    if (!person && s.agency_worker.empty()) {
        form.fail("person_id", "Choose who works the shift, or name the agency worker");
    }
    if (person) {
        auto found = std::find_if(people.begin(), people.end(),
                                  [&](const RotaPerson& p) { return p.id == *person; });
        if (found == people.end()) {
            form.fail("person_id", "Choose someone who works at the home");
        }
    }
    s.agency = form.text("agency", "their agency", {.max = 200});
    s.agency_checks = form.text("agency_checks", "what the agency confirmed of their checks",
                                {.max = 2000, .multiline = true});
    if (!s.agency_worker.empty()) {
        if (s.agency.empty()) {
            form.fail("agency", "Enter the agency they come from");
        }
        if (s.agency_checks.empty()) {
            form.fail("agency_checks",
                      "Enter what the agency confirmed: their enhanced DBS, references, training");
        }
    }
    s.kind = form.choice("kind", "the kind of shift", keys_of(shift_kinds()), true);
    s.role = form.choice("role", "their part in it", keys_of(rota_roles()), true);
    const auto on = form.date("on", "the day it starts", {.required = true});
    const auto starts = form.time("starts", "the time it starts", true);
    const auto ends = form.time("ends", "the time it ends", true);
    const auto ends_on = form.date("ends_on", "the day it ends");
    std::optional<Timestamp> from;
    std::optional<Timestamp> to;
    if (on && starts) {
        from = from_local(*on, *starts / 60, *starts % 60);
        if (!from) {
            form.fail("starts", "That time does not happen that day: the clocks change");
        }
    }
    if (on && ends) {
        const Date end_day = ends_on
                                 ? *ends_on
                                 : (overnight(s.kind) && starts && *ends <= *starts
                                        ? Date{std::chrono::sys_days{*on} + std::chrono::days{1}}
                                        : *on);
        to = from_local(end_day, *ends / 60, *ends % 60);
        if (!to) {
            form.fail("ends", "That time does not happen that day: the clocks change");
        }
    }
    if (person && on) {
        auto found = std::find_if(people.begin(), people.end(),
                                  [&](const RotaPerson& p) { return p.id == *person; });
        if (found != people.end() && !found->checks_complete &&
            !(found->supervised_until && *on <= *found->supervised_until)) {
            form.fail("person_id",
                      fmt::format("{} cannot be on the rota that day: the registered manager has "
                                  "not recorded every check, or a supervised start that covers it",
                                  found->name));
        }
    }
    if (from && to) {
        if (*to <= *from) {
            form.fail("ends",
                      "The shift must end after it starts: for one past midnight, give the day "
                      "it ends");
        } else if (*to - *from > longest_shift) {
            form.fail("ends", "A shift is at most 24 hours: put a longer stretch on as two");
        }
    }
    TRY(form.finish());
    s.person_id = person;
    s.starts_at = *from;
    s.ends_at = *to;
    return s;
}

Result<OutcomeInput> read_outcome(http::FormReader& form, Timestamp starts_at, Timestamp ends_at,
                                  Timestamp now) {
    OutcomeInput o;
    o.outcome = form.choice("outcome", "what happened", keys_of(shift_outcomes()), true);
    if (!o.outcome.empty() && now < starts_at) {
        form.fail("outcome", "Record what happened once the shift has begun");
    }
    const auto starts = form.time("worked_starts", "the time they started", false);
    const auto ends = form.time("worked_ends", "the time they finished", false);
    o.note = form.text("note", "a note", {.max = 2000, .multiline = true});
    if ((o.outcome == "sick" || o.outcome == "absent") && o.note.empty()) {
        form.fail("note", "Enter who covered the shift, or that nobody could");
    }
    if ((starts || ends) && o.outcome != "worked") {
        form.fail(starts ? "worked_starts" : "worked_ends",
                  "Give the times only for a shift that was worked");
    }
    if (starts) {
        o.worked_starts_at = nearest(starts_at, *starts);
    }
    if (ends) {
        o.worked_ends_at = nearest(ends_at, *ends);
    }
    const auto began = o.worked_starts_at.value_or(starts_at);
    const auto ended = o.worked_ends_at.value_or(ends_at);
    if ((starts || ends) && ended <= began) {
        form.fail(ends ? "worked_ends" : "worked_starts", "They must finish after they start");
    } else if ((starts || ends) && ended - began > longest_shift) {
        form.fail(ends ? "worked_ends" : "worked_starts",
                  "A shift is at most 24 hours: check the times they worked");
    }
    if (now < ended && o.outcome == "worked" && ends) {
        form.fail("worked_ends", "Record when they finished once they have");
    }
    TRY(form.finish());
    return o;
}

Result<StaffingLevels> read_staffing(http::FormReader& form) {
    StaffingLevels levels;
    for (const auto& k : shift_kinds()) {
        auto n =
            form.integer(k.key, fmt::format("how many staff on a {} shift", k.label), false, 0, 30);
        levels[k.key] = static_cast<int>(n.value_or(0));
    }
    TRY(form.finish());
    return levels;
}

bool counts(const Shift& s) {
    return !s.outcome || *s.outcome == "worked";
}

bool on_shift_at(const Shift& s, Timestamp at) {
    return counts(s) && s.worked_starts_at.value_or(s.starts_at) <= at &&
           at < s.worked_ends_at.value_or(s.ends_at);
}

std::vector<Shortfall> shortfalls(const std::vector<Shift>& shifts, const StaffingLevels& levels,
                                  Date from, int days) {
    std::vector<Shortfall> out;
    for (int d = 0; d < days; ++d) {
        const Date day{std::chrono::sys_days{from} + std::chrono::days{d}};
        for (const auto& k : shift_kinds()) {
            auto promised = levels.find(k.key);
            if (promised == levels.end() || promised->second == 0) {
                continue;
            }
            const auto rota =
                static_cast<int>(std::count_if(shifts.begin(), shifts.end(), [&](const Shift& s) {
                    return s.kind == k.key && counts(s) && local_date_of(s.starts_at) == day;
                }));
            if (rota < promised->second) {
                out.push_back({day, k.key, promised->second, rota});
            }
        }
    }
    return out;
}

std::string shifts_calendar(const std::vector<std::pair<Shift, std::string>>& shifts,
                            Timestamp now) {
    std::string out;
    for (const char* l : {"BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Hearth//Shifts//EN",
                          "CALSCALE:GREGORIAN", "METHOD:PUBLISH", "X-WR-CALNAME:Your shifts"}) {
        out += icalendar::line(l);
    }
    const auto stamp = icalendar::moment(now);
    for (const auto& [s, home_name] : shifts) {
        out += icalendar::line("BEGIN:VEVENT");
        out += icalendar::line(fmt::format("UID:shift-{}@hearth", s.id));
        out += icalendar::line("DTSTAMP:" + stamp);
        out += icalendar::line("DTSTART:" +
                               icalendar::moment(s.worked_starts_at.value_or(s.starts_at)));
        out += icalendar::line("DTEND:" + icalendar::moment(s.worked_ends_at.value_or(s.ends_at)));
        out += icalendar::line(
            "SUMMARY:" +
            icalendar::text(fmt::format("{} at {}", label_in(shift_kinds(), s.kind), home_name)));
        out += icalendar::line("DESCRIPTION:" + icalendar::text(label_in(rota_roles(), s.role)));
        // Off sick or absent: the app takes the shift out of the calendar.
        out += icalendar::line(counts(s) ? "STATUS:CONFIRMED" : "STATUS:CANCELLED");
        out += icalendar::line("END:VEVENT");
    }
    out += icalendar::line("END:VCALENDAR");
    return out;
}

}  // namespace hearth::team
