#include "relationships/bullying_concern.hpp"

#include <algorithm>
#include <limits>

#include "notifications/serious_event.hpp"

namespace hearth::relationships {

const std::vector<Choice>& bullied_by() {
    static const std::vector<Choice> all{
        {"children", "One or more children of the home"},
        {"group", "A group"},
        {"staff", "A member of staff"},
        {"visitor", "A visitor"},
        {"outside", "Someone outside the home"},
        {"not_known", "Not known"},
    };
    return all;
}

const std::vector<Choice>& bullying_forms() {
    static const std::vector<Choice> all{
        {"physical", "Physical: hitting, pushing, spitting"},
        {"online", "Misusing phones, the internet or social media"},
        {"property", "Taking, hiding or damaging their things"},
        {"names", "Offensive names"},
        {"rumours", "Teasing or rumours about them or their family"},
        {"belittling", "Belittling what they can do or have done"},
        {"notes", "Offensive notes or graffiti"},
        {"excluding", "Leaving them out of a group"},
        {"ridicule", "Ridiculing who they are"},
    };
    return all;
}

const std::vector<Choice>& protected_characteristics() {
    static const std::vector<Choice> all{
        {"ethnicity", "Ethnicity"},
        {"gender", "Gender"},
        {"sexual_orientation", "Sexual orientation"},
        {"religion", "Religion"},
        {"disability", "Disability"},
        {"appearance", "Appearance"},
        {"speech", "Way of speaking or mannerisms"},
        {"other", "Another protected characteristic"},
    };
    return all;
}

const std::vector<Choice>& ways_it_came_to_light() {
    static const std::vector<Choice> all{
        {"child_told", "The child told us"},
        {"another_child", "Another child told us"},
        {"staff_saw", "Staff saw it"},
        {"parent", "A parent or carer"},
        {"social_worker", "A social worker"},
        {"visitor_professional", "A visitor or professional (an independent visitor, an advocate)"},
    };
    return all;
}

const std::vector<Choice>& response_stages() {
    static const std::vector<Choice> all{
        {"recorded", "Concern recorded"},
        {"investigated", "Investigated"},
        {"meeting", "Meeting"},
        {"outcome", "Outcome"},
        {"review", "Review"},
    };
    return all;
}

const std::vector<Choice>& ways_of_telling() {
    static const std::vector<Choice> all{
        {"in_person", "Talking with them"},
        {"key_work", "In a key-work session"},
        {"phone", "By phone"},
        {"letter", "In writing"},
    };
    return all;
}

const std::vector<Choice>& safeguarding_routes() {
    static const std::vector<Choice> all{
        {"reg40", "A Reg 40 notification"},
        {"cp_referral", "A child protection referral"},
    };
    return all;
}

const std::vector<Choice>& bullying_serious_events() {
    static const std::vector<Choice> all = [] {
        std::vector<Choice> out;
        for (const char* key : {notifications::enquiry, "allegation_against_staff",
                                "police_serious_incident", "child_sexual_exploitation"}) {
            const auto* kind = notifications::event_kind(key);
            out.push_back({kind->key, kind->label + " (" + kind->regulation + ")"});
        }
        return out;
    }();
    return all;
}

bool raised_from_outside(const std::string& came_to_light) {
    return came_to_light == "parent" || came_to_light == "social_worker" ||
           came_to_light == "visitor_professional";
}

namespace {

const std::vector<std::string> yes_no{"yes", "no"};

bool listed(const std::vector<std::int64_t>& ids, std::int64_t id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
}

bool has(const std::vector<std::string>& keys, const char* key) {
    return std::find(keys.begin(), keys.end(), key) != keys.end();
}

// Told, with when, how and what they said; or not yet, with why. `asks_whether`: the form asks
// whether they were told (a stage); otherwise it records that they were (a stage that owed it).
Telling read_telling(http::FormReader& f, Date first_day, Date today, bool asks_whether) {
    Telling t;
    const bool told = !asks_whether || f.choice("child_told", "whether the child has been told",
                                                yes_no, true) == "yes";
    t.told_on = f.date(
        "told_on", "the day they were told",
        {.required = told, .not_after = today, .not_before = first_day, .after_label = "today"});
    t.how = f.choice("told_how", "how they were told", keys_of(ways_of_telling()), told);
    t.child_said = f.text("child_said", "what the child said",
                          {.required = told, .max = 4000, .multiline = true});
    t.not_told_why = f.text("not_told_why", "why the child has not been told yet",
                            {.max = 1000, .multiline = true});
    if (!told) {
        t.told_on.reset();
        t.how.clear();
        t.child_said.clear();
        if (t.not_told_why.empty()) {
            f.fail("not_told_why",
                   "Enter why the child has not been told yet, and when they will be");
        }
    } else {
        t.not_told_why.clear();
    }
    return t;
}

// What happened, as the child and staff tell it, and how they are kept safe: all that a
// correction may change. `d.by_whom` is read already. Returns when it happened, if it could be
// read.
std::optional<Timestamp> read_account(http::FormReader& f, ConcernDetails& d, Timestamp now) {
    d.by_described = f.text("by_described", "who they are", {.max = 1000, .multiline = true});
    const bool someone_else = has(d.by_whom, "group") || has(d.by_whom, "staff") ||
                              has(d.by_whom, "visitor") || has(d.by_whom, "outside");
    if (someone_else && d.by_described.empty()) {
        f.fail("by_described", "Say who the group or the adult is, as far as anyone knows");
    }
    const auto at = f.moment("occurred_on", "the day it happened", "occurred_time",
                             "the time it happened", now);
    if (at) {
        d.occurred_at = *at;
    }
    d.place = f.text("place", "where it happened", {.required = true, .max = 200});
    d.forms = f.choices("forms", "the forms it took", keys_of(bullying_forms()));
    if (d.forms.empty()) {
        f.fail("forms", "Choose at least one form it took");
    }
    d.characteristic = f.choice("characteristic", "who they are that was ridiculed",
                                keys_of(protected_characteristics()), false);
    if (has(d.forms, "ridicule") && d.characteristic.empty()) {
        f.fail("characteristic", "Choose what about who they are was ridiculed");
    }
    if (!has(d.forms, "ridicule")) {
        d.characteristic.clear();
    }
    d.child_words = f.text("child_words", "what the child said",
                           {.required = true, .max = 10000, .multiline = true});
    d.safety_plan = f.text("safety_plan", "how they are kept safe now",
                           {.required = true, .max = 4000, .multiline = true});
    d.child_wants =
        f.text("child_wants", "what they want to happen", {.max = 4000, .multiline = true});
    d.child_part = f.text("child_part", "their part in choosing the response",
                          {.max = 4000, .multiline = true});
    return at;
}

}  // namespace

Result<ConcernDetails> read_concern(http::FormReader& f, const Choosable& choosable,
                                    Timestamp now) {
    ConcernDetails d;
    constexpr auto most = std::numeric_limits<std::int64_t>::max();
    const auto child = f.integer("child_id", "the child thought to be bullied", true, 1, most);
    if (child && !listed(choosable.children, *child)) {
        f.fail("child_id", "Choose a child who lives in the home now");
    } else if (child) {
        d.child_id = *child;
    }
    d.by_whom = f.choices("by_whom", "who is thought to have bullied them", keys_of(bullied_by()));
    if (d.by_whom.empty()) {
        f.fail("by_whom", "Choose who is thought to have bullied them, or \"Not known\"");
    }
    d.by_children = f.ids("by_children", "the children thought to have bullied them");
    bool refused = false;
    for (const auto id : d.by_children) {
        if (!listed(choosable.children, id)) {
            f.fail("by_children", "Choose the children from the list: children who live here only");
            refused = true;
            break;
        }
        if (id == d.child_id) {
            f.fail("by_children", "The child who is bullied cannot be among those bullying them");
            refused = true;
            break;
        }
    }
    if (refused) {
        d.by_children.clear();
    } else if (has(d.by_whom, "children") && d.by_children.empty()) {
        f.fail("by_children", "Choose the children of the home thought to have bullied them");
    }
    if (!has(d.by_whom, "children")) {
        d.by_children.clear();
    }
    const auto at = read_account(f, d, now);
    d.came_to_light =
        f.choice("came_to_light", "how it came to light", keys_of(ways_it_came_to_light()), true);
    d.raised_by = f.text("raised_by", "who raised it", {.max = 200});
    if (raised_from_outside(d.came_to_light) && d.raised_by.empty()) {
        f.fail("raised_by",
               "Enter who raised it, and who they are to the child: they are told "
               "what was done");
    }
    const auto owner = f.integer("owner_id", "who it was reported to", true, 1, most);
    if (owner && !listed(choosable.owners, *owner)) {
        f.fail("owner_id", "Choose the registered manager or a senior of the home");
    } else if (owner) {
        d.owner_id = *owner;
    }
    d.telling =
        read_telling(f, at ? local_date_of(*at) : local_date_of(now), local_date_of(now), true);
    TRY(f.finish());
    return d;
}

std::string response_record_key(const ResponseRecord& r) {
    return r.kind + ":" + std::to_string(r.id);
}

const std::vector<Choice>& response_record_kinds() {
    static const std::vector<Choice> all{
        {plan_version_record, "A new version of a plan or risk assessment"},
        {consequence_record, "A consequence (recorded under the Reg 19 rules)"},
    };
    return all;
}

Result<Correction> read_correction(http::FormReader& f, const ConcernDetails& current,
                                   Timestamp now) {
    Correction c;
    c.details = current;
    read_account(f, c.details, now);
    c.reason = f.text("reason", "why you are correcting it", {.required = true, .max = 1000});
    c.version = static_cast<int>(
        f.integer("version", "the version you corrected", true, 1, 1000000).value_or(0));
    TRY(f.finish());
    return c;
}

nlohmann::json concern_json(const ConcernDetails& d) {
    return {
        {"occurred_at", format_utc(d.occurred_at)},
        {"place", d.place},
        {"forms", nlohmann::json(labels_in(bullying_forms(), d.forms))},
        {"characteristic",
         d.characteristic.empty() ? "" : label_in(protected_characteristics(), d.characteristic)},
        {"by_described", d.by_described},
        {"child_words", d.child_words},
        {"safety_plan", d.safety_plan},
        {"child_wants", d.child_wants},
        {"child_part", d.child_part}};
}

const amendments::FieldLabels& concern_labels() {
    static const amendments::FieldLabels all{{"occurred_at", "When it happened"},
                                             {"place", "Where"},
                                             {"forms", "The forms it took"},
                                             {"characteristic", "Who they are that was ridiculed"},
                                             {"by_described", "Who the group or adult is"},
                                             {"child_words", "What the child said"},
                                             {"safety_plan", "Keeping them safe now"},
                                             {"child_wants", "What they want to happen"},
                                             {"child_part", "Their part in the response"}};
    return all;
}

Result<Stage> read_stage(http::FormReader& f, Timestamp concern_at, Timestamp now,
                         const std::vector<ResponseRecord>& offered) {
    Stage s;
    std::vector<std::string> later;
    for (const auto& c : response_stages()) {
        if (c.key != "recorded") {
            later.push_back(c.key);
        }
    }
    s.stage = f.choice("stage", "which stage", later, true);
    const auto at = f.moment("happened_on", "the day of this stage", "happened_time",
                             "the time of this stage", now);
    if (at && *at < concern_at) {
        f.fail("happened_on", s.stage == "meeting"
                                  ? "The meeting cannot have been before the bullying it is about"
                                  : "This stage cannot have been before the bullying it is about");
    } else if (at) {
        s.happened_at = *at;
    }
    s.what = f.text("what", "what happened at this stage",
                    {.required = true, .max = 10000, .multiline = true});
    s.who_came = f.text("who_came", "who came", {.max = 1000, .multiline = true});
    if (s.stage == "meeting" && s.who_came.empty()) {
        f.fail("who_came", "Enter who came to the meeting");
    }
    s.restorative = f.text("restorative", "what the other child came to see about their behaviour",
                           {.max = 4000, .multiline = true});
    s.safeguarding = f.choice("safeguarding", "whether it is a safeguarding matter",
                              {"no", "reg40", "cp_referral"}, s.stage == "investigated");
    if (s.safeguarding == "no") {
        s.safeguarding.clear();
    }
    s.safeguarding_reference = f.text("safeguarding_reference", "the referral", {.max = 200});
    s.serious_event = f.choice("serious_event", "which serious event it is",
                               keys_of(bullying_serious_events()), s.safeguarding == "reg40");
    if (s.safeguarding != "reg40") {
        s.serious_event.clear();
    }
    // A Reg 40 notification is raised as its own record, with whom it must reach and its clock;
    // a child protection referral is recorded here: to whom, when, and its reference.
    if (s.safeguarding == "cp_referral" && s.safeguarding_reference.empty()) {
        f.fail("safeguarding_reference", "Enter the referral: to whom, when, and its reference");
    }
    const auto today = local_date_of(now);
    s.review_on = f.date("review_on", "the day of the review", {.not_before = today});
    const bool closing =
        f.choice("closes", "whether the concern is closed", yes_no, false) == "yes";
    s.closes = s.stage == "review" && closing;
    if (s.stage == "outcome" && !s.review_on) {
        f.fail("review_on", "Enter when the response is reviewed");
    }
    if (s.stage == "review" && !closing && !s.review_on) {
        f.fail("review_on", "Enter when it is reviewed next, or close the concern");
    }
    std::vector<std::string> keys;
    for (const auto& r : offered) {
        keys.push_back(response_record_key(r));
    }
    for (const auto& key : f.choices("changed", "what the response changed", keys)) {
        const auto r = std::find_if(offered.begin(), offered.end(), [&](const ResponseRecord& o) {
            return response_record_key(o) == key;
        });
        s.changed.push_back(*r);
    }
    if (!s.changed.empty() && s.stage != "outcome" && s.stage != "review") {
        f.fail("changed", "Link the plans and consequences at the outcome or a review");
    }
    s.telling = read_telling(f, local_date_of(concern_at), today, true);
    TRY(f.finish());
    return s;
}

Result<Telling> read_told(http::FormReader& f, Date concern_on, Date today) {
    auto t = read_telling(f, concern_on, today, false);
    TRY(f.finish());
    return t;
}

const std::vector<Choice>& people_told() {
    static const std::vector<Choice> all{
        {"social_worker", "Their social worker"},
        {"parent_or_carer", "A parent or carer"},
        {"other", "Someone else who must know (their school, their advocate)"},
    };
    return all;
}

const std::vector<Choice>& ways_of_informing() {
    static const std::vector<Choice> all{
        {"in_person", "In person"}, {"phone", "By phone"},   {"video", "By video call"},
        {"email", "By email"},      {"letter", "By letter"},
    };
    return all;
}

Result<Informed> read_informed(http::FormReader& f, const std::vector<std::int64_t>& children,
                               Timestamp concern_at, Timestamp now) {
    Informed i;
    std::vector<std::string> whose;
    for (auto id : children) {
        whose.push_back(std::to_string(id));
    }
    const std::string child = f.choice("child_id", "whose social worker or parent", whose, true);
    i.child_id = child.empty() ? 0 : std::stoll(child);
    i.who = f.choice("who", "who was told", keys_of(people_told()), true);
    i.name = f.text("name", "their name", {.required = true, .max = 200});
    i.how = f.choice("how", "how they were told", keys_of(ways_of_informing()), true);
    i.invited =
        f.choice("invited", "whether they were invited to a meeting", {"yes", "no"}, true) == "yes";
    i.what = f.text("what", "what they were told", {.max = 4000, .multiline = true});
    const auto at =
        f.moment("told_on", "the day they were told", "told_time", "the time they were told", now);
    if (at && *at < concern_at) {
        f.fail("told_on", "They cannot have been told before the bullying happened");
    } else if (at) {
        i.told_at = *at;
    }
    TRY(f.finish());
    return i;
}

Result<ReportBack> read_report_back(http::FormReader& f, Timestamp concern_at, Timestamp now) {
    ReportBack r;
    r.told = f.text("told", "who was told", {.required = true, .max = 200});
    r.how = f.choice("how", "how they were told", keys_of(ways_of_telling()), true);
    r.what = f.text("what", "what they were told was done",
                    {.required = true, .max = 4000, .multiline = true});
    const auto at =
        f.moment("told_on", "the day they were told", "told_time", "the time they were told", now);
    if (at && *at < concern_at) {
        f.fail("told_on", "They cannot have been told before the bullying happened");
    } else if (at) {
        r.told_at = *at;
    }
    TRY(f.finish());
    return r;
}

}  // namespace hearth::relationships
