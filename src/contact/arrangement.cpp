#include "contact/arrangement.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "contact/contact_log.hpp"
#include "contact/who.hpp"
#include "platform/choice.hpp"

namespace hearth::contact {

Result<ArrangementDetails> read_arrangement(http::FormReader& f,
                                            const std::vector<std::int64_t>& family, Date today) {
    ArrangementDetails d;
    const auto who = read_who(f, family, "who it is with");
    d.family_member_id = who.family_member_id;
    d.person = who.person;
    d.forms = f.choices("forms", "which forms of contact", keys_of(contact_forms()));
    if (d.forms.empty()) {
        f.fail("forms", "Choose at least one form of contact");
    }
    d.how_often = f.text("how_often", "how often", {.required = true, .max = 200});
    d.place = f.text("place", "where", {.max = 200});
    d.supervision =
        f.choice("supervision", "whether it is supervised", keys_of(supervisions()), true);
    d.supervised_by = f.text("supervised_by", "who supervises it", {.max = 200});
    if ((d.supervision == "staff" || d.supervision == "external") && d.supervised_by.empty()) {
        f.fail("supervised_by", "Enter who supervises it");
    }
    d.letterbox = f.flag("letterbox", "letterbox contact");
    if (d.letterbox && std::find(d.forms.begin(), d.forms.end(), "letter") == d.forms.end()) {
        f.fail("letterbox", "Letterbox contact is by letter: choose Letters too");
    }
    d.agreed_with = f.text("agreed_with", "the social worker it was agreed with",
                           {.required = true, .max = 200});
    const auto agreed = f.date("agreed_on", "the day it was agreed",
                               {.required = true, .not_after = today, .after_label = "today"});
    if (agreed) {
        d.agreed_on = *agreed;
    }
    d.child_view = f.text("child_view", "what the child thinks of it",
                          {.required = true, .max = 4000, .multiline = true});
    d.less_than_wished = f.text("less_than_wished", "why it is less often than they would like",
                                {.max = 4000, .multiline = true});
    const auto starts = f.date("starts_on", "the day it starts", {.required = true});
    if (starts) {
        d.starts_on = *starts;
    }
    TRY(f.finish());
    return d;
}

Result<ArrangementEnding> read_arrangement_ending(http::FormReader& f, Date starts_on, Date today) {
    ArrangementEnding e;
    const auto ended = f.date("ended_on", "the day it stopped",
                              {.required = true, .not_after = today, .after_label = "today"});
    if (ended && *ended < starts_on) {
        f.fail("ended_on", "The day it stopped must be on or after the day it started");
    } else if (ended) {
        e.ended_on = *ended;
    }
    e.reason = f.text("reason", "why it stops", {.required = true, .max = 2000, .multiline = true});
    e.child_view = f.text("child_view", "what the child thinks of it",
                          {.required = true, .max = 4000, .multiline = true});
    TRY(f.finish());
    return e;
}

std::string plan_line(const ArrangementDetails& d) {
    std::string forms;
    for (const auto& f : d.forms) {
        forms += (forms.empty() ? "" : ", ") + label_in(contact_forms(), f);
    }
    std::string line = fmt::format("{}: {}, {}", d.person, forms, d.how_often);
    if (!d.place.empty()) {
        line += ", " + d.place;
    }
    line += d.supervised_by.empty() ? ". Not supervised."
                                    : fmt::format(". Supervised by {}.", d.supervised_by);
    if (d.letterbox) {
        line += " Letterbox contact through the local authority.";
    }
    return line +
           fmt::format(" Agreed with {} on {}.", d.agreed_with, format_local_date(d.agreed_on));
}

Result<DigitalAgreement> read_digital_agreement(http::FormReader& f, Date today) {
    DigitalAgreement a;
    a.devices =
        f.text("devices", "the devices", {.required = true, .max = 1000, .multiline = true});
    a.platforms = f.text("platforms", "the apps and platforms",
                         {.required = true, .max = 1000, .multiline = true});
    a.times = f.text("times", "when", {.required = true, .max = 1000, .multiline = true});
    a.limits = f.text("limits", "the limits agreed", {.max = 2000, .multiline = true});
    const http::DateRule agreed{.required = true, .not_after = today, .after_label = "today"};
    auto day = [&](const char* name, const char* label, Date& into) {
        if (auto d = f.date(name, label, agreed)) {
            into = *d;
        }
    };
    day("child_agreed_on", "the day the child agreed it", a.child_agreed_on);
    a.social_worker = f.text("social_worker", "the social worker", {.required = true, .max = 200});
    day("social_worker_agreed_on", "the day the social worker agreed it",
        a.social_worker_agreed_on);
    a.manager = f.text("manager", "the registered manager", {.required = true, .max = 200});
    day("manager_agreed_on", "the day the registered manager agreed it", a.manager_agreed_on);
    const auto review = f.date("review_on", "the day it is reviewed",
                               {.required = true, .not_before = today, .after_label = "today"});
    if (review) {
        a.review_on = *review;
    }
    TRY(f.finish());
    return a;
}

}  // namespace hearth::contact
