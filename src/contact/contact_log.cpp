#include "contact/contact_log.hpp"

#include <fmt/format.h>

#include <cctype>

#include "contact/who.hpp"

namespace hearth::contact {

const std::vector<Choice>& contact_states() {
    static const std::vector<Choice> all{
        {"planned", "Planned"},
        {"happened", "Happened"},
        {"cancelled", "Cancelled"},
    };
    return all;
}

const std::vector<Choice>& supervisions() {
    static const std::vector<Choice> all{
        {"none", "Not supervised"},
        {"staff", "Supervised by the home's staff"},
        {"external", "Supervised by someone the social worker arranged"},
    };
    return all;
}

const std::vector<Choice>& directions() {
    static const std::vector<Choice> all{
        {"to_child", "To the child"},
        {"from_child", "From the child"},
    };
    return all;
}

const std::vector<Choice>& cancelled_by_whom() {
    static const std::vector<Choice> all{
        {"child", "The child"},    {"family", "Their family or friend"},
        {"home", "The home"},      {"social_worker", "The social worker"},
        {"other", "Someone else"},
    };
    return all;
}

bool has_direction(const std::string& form) {
    return form == "letter" || form == "email_text";
}

bool is_visit_at_home(const std::string& form) {
    return form == "visit_at_home";
}

namespace {

std::string folded(const std::string& name) {
    std::string out;
    for (const char ch : name) {
        if (std::isspace(static_cast<unsigned char>(ch)) == 0) {
            out += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        }
    }
    return out;
}

// A contact can be a little ahead of the tablet's clock; anything more is in the future.
constexpr auto log_grace = std::chrono::minutes{5};

}  // namespace

std::optional<RestrictionInForce> restriction_covering(
    const std::vector<RestrictionInForce>& restrictions, std::optional<std::int64_t> member,
    const std::string& person, const std::string& form, Date day) {
    for (const auto& r : restrictions) {
        const bool same = (member && r.family_member_id == member) ||
                          (!person.empty() && folded(person) == folded(r.person));
        if (same && covers(r.details, day, form)) {
            return r;
        }
    }
    return std::nullopt;
}

Result<ReadContact> read_contact(http::FormReader& f, const LogContext& context) {
    ReadContact out;
    ContactDetails& d = out.details;
    const auto who = read_who(f, context.family, "who the contact is with");
    d.family_member_id = who.family_member_id;
    d.person = who.person;
    d.form = f.choice("form", "the form of contact", keys_of(contact_forms()), true);
    d.state = f.choice("state", "whether it is planned or happened", {"planned", "happened"}, true);
    const auto day = f.date("on", "the day of the contact", {.required = true});
    const auto minutes = f.time("at", "the time of the contact", true);
    std::optional<Timestamp> when;
    if (day && minutes) {
        when = from_local(*day, *minutes / 60, *minutes % 60);
        if (!when) {
            f.fail("at", "The clocks changed at that time: enter the time as the clock showed it");
        }
    }
    if (when && d.state == "happened" && *when > context.now + log_grace) {
        f.fail("on", "A contact that happened cannot be later than now: record it as planned");
    } else if (when && d.state == "planned" && *when <= context.now) {
        f.fail("on", "A planned contact is later than now: record one that is over as happened");
    } else if (when) {
        d.starts_at = *when;
    }
    d.place = f.text("place", "where it is", {.max = 200});
    d.supervision =
        f.choice("supervision", "whether it is supervised", keys_of(supervisions()), true);
    d.supervised_by = f.text("supervised_by", "who supervises it", {.max = 200});
    if ((d.supervision == "staff" || d.supervision == "external") && d.supervised_by.empty()) {
        f.fail("supervised_by", "Enter who supervises it");
    }
    d.direction =
        f.choice("direction", "whether it was to or from the child", keys_of(directions()), false);
    if (has_direction(d.form) && d.direction.empty()) {
        f.fail("direction", "Choose whether it was to or from the child");
    }
    d.through_social_worker = f.flag("through_social_worker", "sent through the social worker");
    if (d.through_social_worker && d.form != "letter") {
        f.fail("through_social_worker",
               "Only a letter is sent to the social worker to check and pass on");
    }
    d.restriction_why = f.text("restriction_why", "why it may go ahead despite the restriction",
                               {.max = 2000, .multiline = true});
    d.school_hours_why = f.text("school_hours_why", "why the visit is in school hours",
                                {.max = 2000, .multiline = true});
    d.others_considered =
        f.text("others_considered", "how the other children living there were considered",
               {.max = 2000, .multiline = true});
    d.child_words = f.text("child_words", "how it went, in the child's words",
                           {.max = 4000, .multiline = true});
    d.staff_view = f.text("staff_view", "how it went for the child, as staff saw it",
                          {.max = 4000, .multiline = true});
    d.follow_up = f.text("follow_up", "what follows", {.max = 2000, .multiline = true});
    if (d.state == "happened" && d.staff_view.empty()) {
        f.fail("staff_view", "Enter how it went for the child, as you saw it");
    }
    if (when && !d.form.empty()) {
        const Date on = local_date_of(*when);
        if (auto r = restriction_covering(context.restrictions, d.family_member_id, d.person,
                                          d.form, on)) {
            if (d.restriction_why.empty()) {
                f.fail("restriction_why",
                       fmt::format("{} with {} is restricted ({}, since {}): say why this contact "
                                   "may go ahead, or do not record it",
                                   label_in(contact_forms(), d.form), r->person, r->basis_label,
                                   format_local_date(r->details.starts_on)));
            } else {
                out.restriction_id = r->id;
            }
        }
    }
    if (when && d.state == "planned" && is_visit_at_home(d.form)) {
        if (in_school_hours(context.school, *when) && d.school_hours_why.empty()) {
            f.fail("school_hours_why",
                   fmt::format("The visit is in the child's school hours ({}): say why it cannot "
                               "be outside them",
                               describe(context.school)));
        }
        if (d.others_considered.empty()) {
            f.fail("others_considered",
                   "Enter how the other children living there were considered");
        }
    }
    TRY(f.finish());
    return out;
}

Result<Outcome> read_outcome(http::FormReader& f, Timestamp planned_at, Timestamp now) {
    Outcome o;
    o.happened =
        f.choice("outcome", "whether it happened", {"happened", "cancelled"}, true) == "happened";
    o.child_words = f.text("child_words", "how it went, in the child's words",
                           {.max = 4000, .multiline = true});
    o.staff_view = f.text("staff_view", "how it went for the child, as staff saw it",
                          {.max = 4000, .multiline = true});
    o.follow_up = f.text("follow_up", "what follows", {.max = 2000, .multiline = true});
    o.cancelled_by =
        f.choice("cancelled_by", "who cancelled it", keys_of(cancelled_by_whom()), false);
    o.cancelled_why =
        f.text("cancelled_why", "why it was cancelled", {.max = 2000, .multiline = true});
    o.child_took_it =
        f.text("child_took_it", "how the child took it", {.max = 4000, .multiline = true});
    if (o.happened) {
        if (planned_at > now + log_grace) {
            f.fail("outcome", fmt::format("It is planned for {}: it cannot have happened yet",
                                          format_local(planned_at)));
        }
        if (o.staff_view.empty()) {
            f.fail("staff_view", "Enter how it went for the child, as you saw it");
        }
    } else {
        if (o.cancelled_by.empty()) {
            f.fail("cancelled_by", "Choose who cancelled it");
        }
        if (o.cancelled_why.empty()) {
            f.fail("cancelled_why", "Enter why it was cancelled");
        }
        if (o.child_took_it.empty()) {
            f.fail("child_took_it", "Enter how the child took it");
        }
    }
    TRY(f.finish());
    return o;
}

Result<Concern> read_concern(http::FormReader& f, Timestamp now) {
    Concern c;
    c.about = f.text("about", "what in it worries you",
                     {.required = true, .max = 4000, .multiline = true});
    c.raised_with = f.text("raised_with", "the social worker it is raised with",
                           {.required = true, .max = 200});
    const auto day = f.date("answer_on", "the day an answer is wanted", {.required = true});
    const auto minutes = f.time("answer_time", "the time an answer is wanted", true);
    if (day && minutes) {
        const auto by = from_local(*day, *minutes / 60, *minutes % 60);
        if (!by) {
            f.fail("answer_time", "The clocks changed at that time: choose another");
        } else if (*by <= now) {
            f.fail("answer_on", "The time an answer is wanted must be later than now");
        } else {
            c.answer_by = *by;
        }
    }
    TRY(f.finish());
    return c;
}

Result<ConcernAnswer> read_concern_answer(http::FormReader& f) {
    ConcernAnswer a;
    a.agreed = f.text("agreed", "the follow-up agreed",
                      {.required = true, .max = 4000, .multiline = true});
    a.agreed_with = f.text("agreed_with", "who agreed it", {.required = true, .max = 200});
    TRY(f.finish());
    return a;
}

}  // namespace hearth::contact
