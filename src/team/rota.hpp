#pragma once
// The rota (issue 15; Schedule 4 para 7: the duty roster as arranged and as actually worked). Each
// shift is one person's: a member of staff, whose checks must be recorded (or a supervised start)
// before they are put on it (Reg 32), or an agency worker named with their agency and what it
// confirmed of their checks. The home's statement of purpose promises how many staff each kind of
// shift has; a day whose rota falls short of that is flagged. Plain data and rules; the store is
// rota_store.hpp.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "platform/choice.hpp"
#include "platform/clock.hpp"
#include "platform/http/form.hpp"

namespace hearth::team {

// Early, late, long day, waking night, sleep-in: the kinds a home's rota is made of.
const std::vector<Choice>& shift_kinds();
// A kind that runs past midnight: its end is on the next day unless another is given.
bool overnight(const std::string& kind);
const std::vector<Choice>& rota_roles();      // shift lead, on shift
const std::vector<Choice>& shift_outcomes();  // worked, sick, absent

// Who may be put on the rota, and whether they are fit to be (Reg 32).
struct RotaPerson {
    std::int64_t id = 0;
    std::string name;
    bool checks_complete = false;
    // Their checks are not all back: the day a supervised start allows them to work until.
    std::optional<Date> supervised_until;
};

struct ShiftInput {
    std::optional<std::int64_t> person_id;  // none: an agency worker
    std::string agency_worker;
    std::string agency;
    std::string agency_checks;
    std::string kind;
    std::string role;
    Timestamp starts_at{};
    Timestamp ends_at{};
};
// Refused at the field: someone who does not work here, or whose checks are not recorded and who
// has no supervised start; an agency worker without their agency or what it confirmed of their
// checks; a shift ending before it starts, or longer than a day.
Result<ShiftInput> read_shift(http::FormReader& form, const std::vector<RotaPerson>& people);

struct OutcomeInput {
    std::string outcome;                        // a key of shift_outcomes()
    std::optional<Timestamp> worked_starts_at;  // when worked at other times than planned
    std::optional<Timestamp> worked_ends_at;
    std::string note;
};
// Refused at the field: an outcome recorded before the shift began, worked times that end before
// they start, sickness or absence without a note of cover.
Result<OutcomeInput> read_outcome(http::FormReader& form, Timestamp starts_at, Timestamp ends_at,
                                  Timestamp now);

// How many staff each kind of shift has, as the statement of purpose promises.
using StaffingLevels = std::map<std::string, int>;
Result<StaffingLevels> read_staffing(http::FormReader& form);

// One shift as the rota shows it.
struct Shift {
    std::int64_t id = 0;
    std::optional<std::int64_t> person_id;
    std::string name;  // the member of staff's, or the agency worker's
    std::string agency;
    std::string agency_checks;
    std::string kind;
    std::string role;
    Timestamp starts_at{};
    Timestamp ends_at{};
    bool planned = true;
    std::optional<std::string> outcome;
    std::optional<Timestamp> worked_starts_at;
    std::optional<Timestamp> worked_ends_at;
    std::string outcome_note;
};
// Counted for the staffing of its day: planned or added, and not someone off sick or absent.
bool counts(const Shift& s);
// Whether someone is there at `at`: by the times worked when they differ.
bool on_shift_at(const Shift& s, Timestamp at);

// A day and kind of shift with fewer people than the statement of purpose promises.
struct Shortfall {
    Date day{};
    std::string kind;
    int promised = 0;
    int rota = 0;
};
// For each day from `from` for `days`, each kind with a promised number: the shifts of that kind
// beginning that day (in the home's zone) that count.
std::vector<Shortfall> shortfalls(const std::vector<Shift>& shifts, const StaffingLevels& levels,
                                  Date from, int days);

// A person's shifts, each with its home's name, as an iCalendar feed (RFC 5545): one event each,
// known to the app by the shift's id; a shift they were off sick from or absent is cancelled.
std::string shifts_calendar(const std::vector<std::pair<Shift, std::string>>& shifts,
                            Timestamp now);

}  // namespace hearth::team
