#include "notifications/serious_event.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <limits>

namespace hearth::notifications {

const std::vector<EventKind>& serious_events() {
    static const std::vector<EventKind> all{
        {"death",
         "The death of a child",
         "Reg 40(1)",
         "If a child dies, the registered person must without delay notify HMCI, the placing "
         "authority, the Secretary of State, the local authority where the home is (if it is not "
         "the placing authority), the integrated care board for the home's area, and each other "
         "relevant person.",
         true,
         {"ofsted", "placing_authority", "secretary_of_state", "host_authority",
          "integrated_care_board"}},
        {"staff_referral",
         "A referral of someone working in the home under the Safeguarding Vulnerable Groups Act",
         "Reg 40(3)",
         "If a person working in the home is referred under section 35 of the Safeguarding "
         "Vulnerable Groups Act 2006 (the duty to refer to the Disclosure and Barring Service), "
         "the registered person must without delay notify HMCI, the placing authority and each "
         "other relevant person.",
         false,
         {"ofsted", "placing_authority"}},
        {"child_sexual_exploitation",
         "Child sexual exploitation, actual or suspected",
         "Reg 40(4)(a)",
         "HMCI and each other relevant person must be told without delay if a child is involved "
         "in or subject to, or is suspected of being involved in or subject to, sexual "
         "exploitation.",
         true,
         {"ofsted", "placing_authority"}},
        {"police_serious_incident",
         "A serious incident needing the police",
         "Reg 40(4)(b)",
         "HMCI and each other relevant person must be told without delay if an incident requiring "
         "police involvement occurs in relation to a child which the registered person considers "
         "to be serious.",
         true,
         {"ofsted", "placing_authority"}},
        {"allegation_against_staff",
         "An allegation of abuse against the home or someone working there",
         "Reg 40(4)(c)",
         "HMCI and each other relevant person must be told without delay if there is an "
         "allegation of abuse against the home or a person working there. An allegation of abuse "
         "is also referred promptly to the placing authority and the local authority where the "
         "home is (Reg 34(2)).",
         true,
         {"ofsted", "placing_authority", "host_authority"}},
        {enquiry,
         "A child protection enquiry",
         "Reg 40(4)(d)",
         "HMCI and each other relevant person must be told without delay if a child protection "
         "enquiry (an enquiry by a local authority into the protection of a child) is instigated "
         "in relation to a child. Its outcome is notified separately, when it is known.",
         true,
         {"ofsted", "placing_authority"}},
        {enquiry_outcome,
         "The outcome of a child protection enquiry",
         "Reg 40(4)(d)",
         "When a child protection enquiry has an outcome, HMCI and each other relevant person are "
         "told of it without delay.",
         true,
         {"ofsted", "placing_authority"}},
    };
    return all;
}

const EventKind* event_kind(const std::string& key) {
    const auto& all = serious_events();
    auto found =
        std::find_if(all.begin(), all.end(), [&](const EventKind& k) { return k.key == key; });
    return found == all.end() ? nullptr : &*found;
}

const std::vector<Choice>& recipients() {
    static const std::vector<Choice> all{
        {"ofsted", "Ofsted (HMCI)"},
        {"placing_authority", "The placing authority"},
        {"secretary_of_state", "The Secretary of State (Department for Education)"},
        {"host_authority", "The local authority where the home is"},
        {"integrated_care_board", "The integrated care board for the home's area"},
        {"parent", "A parent or someone with parental responsibility"},
        {"police", "The police"},
        {"lado", "The local authority designated officer (LADO)"},
        {"other", "Someone else relevant"},
    };
    return all;
}

const std::vector<Choice>& methods() {
    static const std::vector<Choice> all{
        {"online_form", "Online notification form"},
        {"phone", "Phone call"},
        {"secure_email", "Secure email"},
        {"email", "Email"},
        {"in_person", "In person"},
        {"letter", "Letter"},
    };
    return all;
}

namespace {
std::string normalised(const std::string& s) {
    std::string out;
    bool space = false;
    for (unsigned char ch : s) {
        if (std::isspace(ch)) {
            space = !out.empty();
            continue;
        }
        if (space) {
            out += ' ';
            space = false;
        }
        out += static_cast<char>(std::tolower(ch));
    }
    return out;
}
}  // namespace

bool same_authority(const std::string& a, const std::string& b) {
    const auto x = normalised(a);
    return !x.empty() && x == normalised(b);
}

std::vector<std::string> required_recipients(const EventKind& kind, bool has_child,
                                             const std::string& home_authority,
                                             const std::string& placing_authority) {
    std::vector<std::string> out;
    for (const auto& r : kind.required) {
        if (r == "placing_authority" && !has_child) {
            continue;  // a referral of staff not about one child: no one placing authority
        }
        if (r == "host_authority" && has_child &&
            same_authority(home_authority, placing_authority)) {
            continue;
        }
        if (r == "secretary_of_state" && same_authority(placing_authority, "Secretary of State")) {
            continue;
        }
        out.push_back(r);
    }
    return out;
}

std::vector<std::string> still_to_tell(const std::vector<Recipient>& all) {
    std::vector<std::string> out;
    for (const auto& r : all) {
        if (r.required && !r.told_at) {
            out.push_back(label_in(recipients(), r.recipient));
        }
    }
    return out;
}

std::optional<Timestamp> met_at(const std::vector<Recipient>& all) {
    std::optional<Timestamp> last;
    for (const auto& r : all) {
        if (!r.required) {
            continue;  // someone told beyond what the law asks never makes the clock late
        }
        if (!r.told_at) {
            return std::nullopt;
        }
        last = last ? std::max(*last, *r.told_at) : *r.told_at;
    }
    return last;
}

Result<NewSeriousEvent> read_serious_event(http::FormReader& f,
                                           const std::vector<std::int64_t>& children,
                                           Timestamp now) {
    NewSeriousEvent e;
    std::vector<std::string> keys;
    for (const auto& k : serious_events()) {
        keys.push_back(k.key);
    }
    e.event = f.choice("event", "the serious event", keys, true);
    const auto child = f.integer("child_id", "the child it is about", false, 1,
                                 std::numeric_limits<std::int64_t>::max());
    const auto* kind = event_kind(e.event);
    if (child && std::find(children.begin(), children.end(), *child) == children.end()) {
        f.fail("child_id", "Choose a child who lives in this home");
    } else if (child) {
        e.child_id = child;
    } else if (kind && kind->about_a_child) {
        f.fail("child_id",
               fmt::format("Choose the child it is about: {} is about a child", kind->label));
    }
    e.what_happened = f.text("what_happened", "what happened",
                             {.required = true, .max = 10000, .multiline = true});
    if (const auto at = f.moment("known_on", "the day it became known", "known_time",
                                 "the time it became known", now)) {
        e.became_known_at = *at;
    }
    TRY(f.finish());
    return e;
}

Result<Telling> read_telling(http::FormReader& f, const std::vector<std::int64_t>& staff,
                             Timestamp known, Timestamp now) {
    Telling t;
    t.recipient = f.choice("recipient", "who was told", keys_of(recipients()), true);
    t.named = f.text("named", "the name of who was told", {.required = true, .max = 200});
    t.method = f.choice("method", "how they were told", keys_of(methods()), true);
    t.reference = f.text("reference", "their reference", {.max = 100});
    const auto by =
        f.integer("told_by", "who told them", true, 1, std::numeric_limits<std::int64_t>::max());
    if (by && std::find(staff.begin(), staff.end(), *by) == staff.end()) {
        f.fail("told_by", "Choose someone who works in this home");
    } else if (by) {
        t.told_by = *by;
    }
    const auto at =
        f.moment("told_on", "the day they were told", "told_time", "the time they were told", now);
    if (at && *at < known - std::chrono::minutes{1}) {
        f.fail("told_time", "The time they were told must be after it became known");
    } else if (at) {
        t.told_at = *at;
    }
    TRY(f.finish());
    return t;
}

}  // namespace hearth::notifications
