#include "contact/restriction.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "contact/who.hpp"

namespace hearth::contact {

const std::vector<Choice>& contact_forms() {
    static const std::vector<Choice> all{
        {"visit_at_home", "Visits to the child at the home"},
        {"visit_away", "Visits by the child to them"},
        {"phone", "Telephone"},
        {"video", "Video call"},
        {"letter", "Letters"},
        {"email_text", "Email and text messages"},
        {"online", "Social media and other internet contact"},
    };
    return all;
}

const std::vector<Choice>& restriction_reasons() {
    static const std::vector<Choice> all{
        {"safeguard", "To safeguard the child"},
        {"welfare", "To promote the child's welfare"},
    };
    return all;
}

const std::vector<Choice>& restriction_bases() {
    static const std::vector<Choice> all{
        {"court_order", "A court order"},
        {"placing_authority", "The placing authority's decision"},
        {"home", "The home's own decision"},
    };
    return all;
}

const std::vector<Choice>& notice_methods() {
    static const std::vector<Choice> all{
        {"phone", "Phone call"},
        {"secure_email", "Secure email"},
        {"email", "Email"},
        {"in_person", "In person"},
    };
    return all;
}

bool is_emergency(const RestrictionDetails& d) {
    return d.basis == "home" && !d.agreed_beforehand;
}

namespace {
const std::vector<std::string> yes_no{"yes", "no"};
}  // namespace

Result<RestrictionDetails> read_restriction(http::FormReader& f,
                                            const std::vector<std::int64_t>& family, Date today) {
    RestrictionDetails d;
    const auto who = read_who(f, family, "who it restricts");
    d.family_member_id = who.family_member_id;
    d.person = who.person;
    d.forms = f.choices("forms", "which forms of contact it restricts", keys_of(contact_forms()));
    if (d.forms.empty()) {
        f.fail("forms", "Choose at least one form of contact it restricts");
    }
    d.reason =
        f.choice("reason", "why contact must be restricted", keys_of(restriction_reasons()), true);
    d.why = f.text("why", "what makes it necessary",
                   {.required = true, .max = 4000, .multiline = true});
    d.basis =
        f.choice("basis", "what the restriction rests on", keys_of(restriction_bases()), true);
    const auto starts = f.date("starts_on", "the day it starts", {.required = true});
    const auto ends = f.date("ends_on", "the day it ends", {});
    if (starts) {
        d.starts_on = *starts;
    }
    if (starts && ends && *ends < *starts) {
        f.fail("ends_on", "The day it ends must be on or after the day it starts");
    } else {
        d.ends_on = ends;
    }
    d.agreed_beforehand =
        f.choice("agreed_beforehand", "whether the social worker agreed it beforehand", yes_no,
                 true) == "yes";
    d.agreed_with = f.text("agreed_with", "who agreed it", {.max = 150});
    d.agreed_on =
        f.date("agreed_on", "the day they agreed it", {.not_after = today, .after_label = "today"});
    if (d.agreed_beforehand && d.agreed_with.empty()) {
        f.fail("agreed_with",
               "Enter who agreed it: the social worker, or who at the placing "
               "authority");
    }
    if (d.agreed_beforehand && !d.agreed_on) {
        f.fail("agreed_on", "Enter the day they agreed it");
    }
    const auto review =
        f.date("review_on", "the day it is reviewed", {.required = true, .not_before = today});
    if (review) {
        d.review_on = *review;
    }
    d.child_told = f.choice("child_told", "whether the child has been told", yes_no, true) == "yes";
    d.child_view = f.text("child_view", "what the child said", {.max = 4000, .multiline = true});
    d.not_told_why = f.text("not_told_why", "why the child has not been told yet",
                            {.max = 1000, .multiline = true});
    if (d.child_told && d.child_view.empty()) {
        f.fail("child_view", "Enter what the child said when they were told, in their words");
    }
    if (!d.child_told && d.not_told_why.empty()) {
        f.fail("not_told_why", "Enter why the child has not been told yet, and when they will be");
    }
    TRY(f.finish());
    return d;
}

Result<Notice> read_notice(http::FormReader& f, Timestamp imposed, Timestamp now) {
    Notice n;
    n.told =
        f.text("told", "who at the placing authority was told", {.required = true, .max = 200});
    n.method = f.choice("method", "how they were told", keys_of(notice_methods()), true);
    const auto at =
        f.moment("told_on", "the day they were told", "told_time", "the time they were told", now);
    if (at && *at < imposed - std::chrono::minutes{1}) {
        f.fail("told_time", "The time they were told must be after the restriction began");
    } else if (at) {
        n.told_at = *at;
    }
    TRY(f.finish());
    return n;
}

Result<Review> read_review(http::FormReader& f, Date today) {
    Review r;
    r.lifted = f.choice("outcome", "what was decided", {"continue", "lift"}, true) == "lift";
    r.decision = f.text("decision", "what was decided and why",
                        {.required = true, .max = 4000, .multiline = true});
    r.child_view = f.text("child_view", "what the child said",
                          {.required = true, .max = 4000, .multiline = true});
    r.next_review_on =
        f.date("next_review_on", "the day of the next review", {.not_before = today});
    if (!r.lifted && !r.next_review_on) {
        f.fail("next_review_on", "Enter when it is reviewed next, or lift it");
    }
    TRY(f.finish());
    return r;
}

bool covers(const RestrictionDetails& d, Date day, const std::string& form) {
    return day >= d.starts_on && (!d.ends_on || day <= *d.ends_on) &&
           std::find(d.forms.begin(), d.forms.end(), form) != d.forms.end();
}

}  // namespace hearth::contact
