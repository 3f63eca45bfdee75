#include "plans/demo_plans.hpp"

#include <fmt/format.h>

#include <map>

#include "plans/plan_store.hpp"
#include "platform/months.hpp"

namespace hearth::demo {

namespace {

using namespace std::chrono_literals;
using Texts = std::map<std::string, std::string>;

// What is written about each demo child, in the order they were admitted. "{0}" is their name.
struct ChildPlans {
    const char* at_my_best;
    const char* triggers;
    const char* what_helps;
    const char* why_here;
    const char* family_time;
    const char* views;
    const char* not_asked;  // why their views are not recorded, when they are not
    const char* risk_kind;  // empty: no risk assessment beyond those added below
    const char* risk_level;
    const char* the_risk;
    const char* what_reduces;
};

constexpr ChildPlans children[] = {
    {"Funny, kind to the younger ones, loves drawing and cooking pasta for everyone",
     "Loud rooms and being rushed in the morning\nSigns: goes quiet, pulls her hood up",
     "Give her time and a choice of two things\nSit beside her rather than opposite\nHer "
     "sketchbook and headphones",
     "To live somewhere settled near her school while her family gets support",
     "Video call with her mum on Wednesdays at 6pm; a visit with her brother every other Saturday",
     "I like that it says I can have my headphones. I want more time with my brother.", "",
     "risk_online_safety", "low", "{0} sometimes talks to people online she has not met",
     "Staff chat with her about who she talks to; her phone is on the home's Wi-Fi with filters"},
    {"Confident, great at football, makes people laugh",
     "Being told no without a reason\nSigns: "
     "pacing, raised voice",
     "Explain the reason, calmly and once\nOffer a kick-about in the garden\nPraise him quietly, "
     "not in front of the others",
     "A home while the plan for him to return to his dad is worked on",
     "Phone call with his dad every evening; family time at his nan's on Sundays, supervised",
     "Ok. I don't like the bit about being told no but it's fair.", "", "", "", "", ""},
    {"Curious, asks brilliant questions, loves animals",
     "Changes of plan at short notice\nSigns: "
     "asks the same question many times",
     "Tell him the plan for the day at breakfast and warn him of changes early\nA visual timetable "
     "on his door\nTime with the home's rabbit",
     "Interim care while the court decides where he will live",
     "Family time with his mum twice a week at the family centre, supervised",
     "I want the rabbit bit to stay.", "", "risk_bullying", "medium",
     "{0} has been teased at school about living in a children's home",
     "Key-work sessions about friendships; his designated teacher checks in each week"},
    {"Caring, ambitious, a brilliant singer",
     "Feeling left out or talked about\nSigns: stays in "
     "her room, stops eating with everyone",
     "A quiet chat in the kitchen, just the two of you\nAsk about her singing\nLet her choose the "
     "film on Friday",
     "A long-term home until she is ready to move on to semi-independent living",
     "Family time with her grandparents every other weekend; letters to her sister",
     "I wrote most of this with Chris. It's right.", "", "risk_exploitation", "medium",
     "Older people {0} does not know well have offered her lifts and gifts",
     "Staff know her friends and where she goes; she texts when she arrives and leaves"},
    {"Thoughtful, good at maths, a loyal friend",
     "Noise late at night\nSigns: snapping at others, "
     "tired in the morning",
     "A calm bedtime routine and her own music\nAsk before coming into her room\nTime to talk "
     "after "
     "school",
     "To be safe and settled while her family works with the social worker",
     "Video calls with her aunt on Mondays and Thursdays",
     "It's fine. I want my aunt to visit here too.", "", "risk_online_safety", "low",
     "{0} shares photos on social media with friends",
     "Staff talk with her about privacy settings; she knows who to tell if something worries her"},
    {"Energetic, brilliant with his hands, fixes bikes",
     "Feeling blamed\nSigns: swearing, walking "
     "away",
     "Give him space and come back in ten minutes\nTalk side by side while doing something\nAsk "
     "for his help with a job",
     "A settled home and support to stay in college",
     "Family time with his mum on Saturdays; phone calls with his brother when he likes", "",
     "He did not want to read it today; he will go through it with his social worker at his review",
     "risk_going_missing", "low", "{0} has stayed out late without telling staff where he was",
     "Agreed times to be back, and a call to staff if he is running late"},
    {"Creative, gentle, great at board games",
     "Crowded places and unexpected touch\nSigns: covering "
     "ears, going very still",
     "Ask before any touch\nA quiet space with their weighted blanket\nWritten choices they can "
     "point to",
     "A home that can meet their sensory needs while their family is supported",
     "Family time with their parents at the home every Sunday afternoon",
     "They pointed to the happy face for every section and want more board games.", "",
     "risk_bullying", "low", "{0} can be left out by other young people at activities",
     "Staff plan activities with them and check in afterwards"},
    {"Determined, funny, good at looking after others",
     "Feeling that adults are not listening\n"
     "Signs: raised voice, leaving the room",
     "Listen first and repeat back what she said\nGive her time alone, then check in\nHer "
     "advocate's number is on her phone",
     "Remanded to the local authority: a safe home while her court case is heard",
     "Phone calls with her mum and sisters each evening; visits agreed with her social worker",
     "I don't agree with all of it but I know why it's there.", "", "risk_exploitation", "high",
     "People connected to her court case may try to contact {0} or ask her to carry things",
     "Agreed check-ins when she goes out; staff and her social worker share any worries the same "
     "day"},
};

std::string named(const char* text, const std::string& name) {
    return fmt::format(fmt::runtime(text), name);
}

plans::VersionInput version_of(const plans::PlanKind& kind, const Texts& texts,
                               const std::string& risk_level, Date effective, Date review,
                               std::string reason, const ChildPlans& child) {
    plans::VersionInput v;
    for (const auto& s : kind.sections) {
        auto it = texts.find(s.key);
        v.sections.push_back({s.key, s.label, it == texts.end() ? std::string{} : it->second});
    }
    v.risk_level = risk_level;
    v.effective_on = effective;
    v.review_by = review;
    v.reason = std::move(reason);
    v.child_views = child.views;
    v.views_not_asked = child.not_asked;
    return v;
}

struct Child {
    plans::Subject subject;
    std::string name;
    audit::Actor manager;
    audit::Actor key_worker;
};

Result<std::vector<Child>> demo_children(db::Connection& c) {
    auto rows =
        TRY(c.query("SELECT c.id, c.home_id, CASE WHEN c.preferred_name <> '' THEN "
                    "c.preferred_name ELSE c.first_name END, c.last_name FROM children c "
                    "ORDER BY c.id"));
    std::vector<Child> out;
    for (const auto& r : rows) {
        Child ch;
        ch.name = r.text(2);
        ch.subject = {r.integer(0), r.integer(1), r.text(2) + " " + r.text(3)};
        auto staff =
            TRY(c.query("SELECT p.id, p.name, r.role FROM roles r JOIN people p ON p.id "
                        "= r.person_id WHERE r.home_id = $1 AND r.ended_at IS NULL "
                        "ORDER BY p.id",
                        {ch.subject.home_id}));
        for (const auto& s : staff) {
            audit::Actor a{s.integer(0), s.text(1), "127.0.0.1", "demo"};
            if (s.text(2) == "registered_manager") {
                ch.manager = a;
            } else if (s.text(2) == "support_worker" && !ch.key_worker.person_id) {
                ch.key_worker = a;
            }
        }
        out.push_back(std::move(ch));
    }
    return out;
}

}  // namespace

Status create_demo_plans(db::Connection& c, Timestamp now) {
    auto kids = TRY(demo_children(c));
    const auto* placement = plans::find_kind("placement_plan");
    const auto* behaviour = plans::find_kind("behaviour_plan");
    const auto* missing = plans::find_kind("risk_going_missing");
    const auto day = [](Timestamp t) { return local_date_of(t); };
    for (std::size_t i = 0; i < kids.size() && i < std::size(children); ++i) {
        const Child& ch = kids[i];
        const ChildPlans& text = children[i];
        const Timestamp written = now - std::chrono::days{40 + static_cast<int>(i)};
        const Date effective = day(written);
        const Date review = add_months(effective, 3);

        const Texts placement_text{
            {"why_here", text.why_here},
            {"how_we_meet_my_needs",
             named("A key worker who meets {0} each week\nHelp with school mornings and "
                   "homework\nActivities {0} chooses each month",
                   ch.name)},
            {"family_time", text.family_time},
            {"contact_details", "Held by the home and agreed with the social worker"},
            {"agreed_with", "Agreed with the social worker at the placement planning meeting"}};
        auto placement_id =
            TRY(plans::start(c, ch.subject, *placement, "",
                             version_of(*placement, placement_text, "", effective, review,
                                        "Placement planning meeting after admission", text),
                             ch.key_worker, written));
        TRY(plans::sign_off(c, ch.subject, placement_id, 1, ch.manager, written + 24h));
        TRY(plans::record_sharing(c, placement_id, {1, {"child", "social_worker"}, "", effective},
                                  ch.key_worker, written + 26h));

        const Texts behaviour_text{
            {"at_my_best", text.at_my_best},
            {"triggers", text.triggers},
            {"what_helps", text.what_helps},
            {"staff_response",
             "Stay calm and keep your voice low\nOffer a choice and time\nPhysical intervention "
             "only "
             "as a last resort, to prevent injury"},
            {"praise", "Quietly, one to one, for the small things as well as the big ones"}};
        auto behaviour_id =
            TRY(plans::start(c, ch.subject, *behaviour, "",
                             version_of(*behaviour, behaviour_text, "", effective, review,
                                        "First behaviour plan, written with the child", text),
                             ch.key_worker, written + 2h));
        TRY(plans::sign_off(c, ch.subject, behaviour_id, 1, ch.manager, written + 25h));

        if (i == 0) {
            // A second version that shows what changed, not yet signed off.
            Texts changed = behaviour_text;
            changed["triggers"] =
                "Loud rooms, being rushed in the morning and long car journeys\n"
                "Signs: goes quiet, pulls her hood up";
            changed["what_helps"] =
                "Give her time and a choice of two things\nSit beside her "
                "rather than opposite\nHer sketchbook, headphones and a "
                "window seat in the car";
            const Timestamp later = now - std::chrono::days{5};
            auto number = TRY(plans::add_version(
                c, ch.subject, behaviour_id, 1,
                version_of(
                    *behaviour, changed, "", day(later), add_months(day(later), 3),
                    "Review after a hard car journey to family time",
                    {.views = "Yes the car thing is true. Window seat please.", .not_asked = ""}),
                ch.key_worker, later));
            (void)number;
        }
        if (i == 1) {
            // A review that is overdue: written a little over three months ago.
            const Timestamp long_ago = now - std::chrono::days{100};
            const Texts missing_text{
                {"the_risk", named("{0} has twice come home after the agreed time without "
                                   "telling staff where he was",
                                   ch.name)},
                {"more_likely", "After a difficult phone call; at weekends"},
                {"what_reduces",
                 "Agreed times with a text if he is late\nStaff check in after "
                 "phone calls"},
                {"if_it_happens",
                 "Follow the missing from care procedure: call him, then the "
                 "police after the agreed time; tell the manager on call"}};
            auto missing_id =
                TRY(plans::start(c, ch.subject, *missing, "",
                                 version_of(*missing, missing_text, "medium", day(long_ago),
                                            day(long_ago + std::chrono::days{90}),
                                            "After coming home late twice in one week", text),
                                 ch.key_worker, long_ago));
            TRY(plans::sign_off(c, ch.subject, missing_id, 1, ch.manager, long_ago + 24h));
        }
        if (*text.risk_kind != '\0') {
            const auto* kind = plans::find_kind(text.risk_kind);
            const Texts risk_text{{"the_risk", named(text.the_risk, ch.name)},
                                  {"what_reduces", text.what_reduces},
                                  {"if_it_happens",
                                   "Listen, keep them safe, and tell the registered manager and "
                                   "the social worker the same day"}};
            auto risk_id =
                TRY(plans::start(c, ch.subject, *kind, "",
                                 version_of(*kind, risk_text, text.risk_level, effective, review,
                                            "Risk assessment after admission", text),
                                 ch.key_worker, written + 3h));
            if (i % 3 != 2) {
                TRY(plans::sign_off(c, ch.subject, risk_id, 1, ch.manager, written + 26h));
            }
        }
    }
    return {};
}

}  // namespace hearth::demo
