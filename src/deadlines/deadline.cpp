#include "deadlines/deadline.hpp"

#include <fmt/format.h>

namespace hearth::deadlines {

Standing standing(const Deadline& d, Timestamp now, std::chrono::hours soon) {
    switch (d.state) {
        case State::closed:
            return Standing::closed;
        case State::met:
            return d.met_at && *d.met_at > d.due_at ? Standing::met_late : Standing::met_on_time;
        case State::open:
            break;
    }
    if (now >= d.due_at) {
        return Standing::overdue;
    }
    if (d.due_at - now <= soon) {
        return Standing::due_soon;
    }
    return Standing::upcoming;
}

bool may_be_met_by_hand(const std::string& kind) {
    return kind.rfind("reg35_", 0) != 0 && kind.rfind("reg40_", 0) != 0 &&
           kind.rfind("reg41_", 0) != 0 && kind.rfind("contact_restriction_", 0) != 0 &&
           kind != "contact_concern" && kind != "digital_contact_review" &&
           kind.rfind("bullying_", 0) != 0 && kind != "managed_interaction_review" &&
           kind != "friendship_look_again" && !is_staff_record_clock(kind) &&
           kind != "supervision_due";
}

bool is_staff_record_clock(const std::string& kind) {
    return kind == "staff_checks" || kind == "staff_qualification" ||
           kind == "staff_correction_request" || kind == "training_new_starter" ||
           kind == "training_refresh";
}

bool is_supervision_clock(const std::string& kind) {
    return kind == "supervision_due" || kind == "supervision_action";
}

bool may_read_clock(const Person& reader, const Deadline& d) {
    const bool supervision = is_supervision_clock(d.kind);
    if (!is_staff_record_clock(d.kind) && !supervision) {
        return true;
    }
    Scope home;
    home.organisation_id = reader.organisation_id;
    home.home_id = d.home_id;
    if (can(reader, Action::view_team, home)) {
        return true;
    }
    // The supervisor owns the clock to the next supervision, which is about the supervisee (its
    // source); an action is read by whoever must do it.
    return supervision && ((d.owner_id && *d.owner_id == reader.id) ||
                           (d.kind == "supervision_due" && d.source_id == reader.id));
}

std::string standing_label(Standing s) {
    switch (s) {
        case Standing::upcoming:
            return "Upcoming";
        case Standing::due_soon:
            return "Due soon";
        case Standing::overdue:
            return "Overdue";
        case Standing::met_on_time:
            return "Met";
        case Standing::met_late:
            return "Met late";
        case Standing::closed:
            return "Closed";
    }
    return "";
}

std::string standing_tag(Standing s) {
    switch (s) {
        case Standing::upcoming:
            return "govuk-tag--blue";
        case Standing::due_soon:
            return "govuk-tag--yellow";
        case Standing::overdue:
            return "govuk-tag--red";
        case Standing::met_on_time:
            return "govuk-tag--green";
        case Standing::met_late:
            return "govuk-tag--orange";
        case Standing::closed:
            return "govuk-tag--grey";
    }
    return "";
}

std::string distance_in_words(Timestamp due, Timestamp now) {
    using namespace std::chrono;
    const bool past = due < now;
    const auto gap = duration_cast<minutes>(past ? now - due : due - now);
    std::string amount;
    if (gap < hours{1}) {
        const auto m = std::max<long>(1, static_cast<long>(gap.count()));
        amount = fmt::format("{} minute{}", m, m == 1 ? "" : "s");
    } else if (gap < hours{48}) {
        const auto h = duration_cast<hours>(gap).count();
        amount = fmt::format("{} hour{}", h, h == 1 ? "" : "s");
    } else {
        const auto d = duration_cast<days>(gap).count();
        amount = fmt::format("{} day{}", d, d == 1 ? "" : "s");
    }
    return past ? amount + " overdue" : "due in " + amount;
}

Timestamp end_of_local_day(Date day) {
    const Date next{std::chrono::sys_days{day} + std::chrono::days{1}};
    // Midnight always exists in Europe/London; a zone whose change skips midnight falls back to
    // UTC.
    return from_local(next, 0, 0)
        .value_or(
            std::chrono::time_point_cast<std::chrono::milliseconds>(std::chrono::sys_days{next}));
}

}  // namespace hearth::deadlines
