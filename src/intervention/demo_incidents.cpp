#include "intervention/demo_incidents.hpp"

#include <array>

#include "behaviour/after_incident_store.hpp"
#include "behaviour/incident_store.hpp"
#include "intervention/measure_store.hpp"
#include "intervention/staff_store.hpp"
#include "notifications/serious_event_store.hpp"

namespace hearth::demo {

namespace {

using behaviour::IncidentDetails;
using intervention::MeasureDetails;

std::int64_t id_of(const DemoWorld& w, int index) {
    return w.people[static_cast<std::size_t>(index)];
}

struct Story {
    const char* location;
    const char* antecedents;
    const char* behaviour;
    const char* afterwards;
    const char* trigger;
    const char* communicating;
};

// What happens on hard evenings in a children's home, written as staff who care would write it.
constexpr std::array<Story, 6> stories{{
    {"the lounge", "Asked to come off the games console for tea after an hour's play.",
     "Shouted that it was not fair, threw the controller onto the sofa and kicked the door.",
     "Went to their room, then came down for tea twenty minutes later and ate with everyone.",
     "demand", "control"},
    {"the kitchen", "A phone call with mum was cut short when she had to go to work.",
     "Slammed cupboard doors and swore at staff who asked what was wrong.",
     "Talked with their key worker over a hot chocolate about missing mum.", "family_news", "loss"},
    {"the garden",
     "An argument with another young person about whose turn it was on the "
     "trampoline.",
     "Pushed the other young person, then ran to the bottom of the garden.",
     "Came back in when staff sat nearby without talking; said sorry later.", "peer_conflict",
     "unfairness"},
    {"the hallway",
     "Came home from school upset; a teacher had told them off in front of the "
     "class.",
     "Threw their school bag down the hall and punched the wall.",
     "Had a shower and some quiet time, then talked about school with staff.", "school", "shame"},
    {"the dining room", "The evening's plan to go to the cinema changed because of staffing.",
     "Threw a plate, which smashed on the floor, and refused to move away from the pieces.",
     "Helped sweep up once calm. Agreed a new day for the cinema.", "transition", "fear"},
    {"their bedroom", "Messages on their phone from someone at school late in the evening.",
     "Cried and shouted, threw things around the room and would not let staff in.",
     "Gave the phone to staff for the night and slept; talked about it at breakfast.", "online",
     "fear"},
}};

IncidentDetails incident_from(const Story& s, Timestamp when, std::int64_t child,
                              std::vector<std::int64_t> staff, const std::string& measure) {
    IncidentDetails d;
    d.occurred_at = when;
    d.ended_at = when + std::chrono::minutes{20};
    d.location = s.location;
    d.antecedents = s.antecedents;
    d.triggers = {s.trigger};
    d.behaviour = s.behaviour;
    d.communicating = {s.communicating};
    d.deescalation = {"A calm voice and open body language", "Offering choices", "Giving space"};
    d.afterwards = s.afterwards;
    d.restrictive_measure = measure;
    if (behaviour::is_restrictive(measure)) {
        d.measure_began_at = when + std::chrono::minutes{8};  // as its record below says
    }
    d.children = {child};
    d.staff_involved = std::move(staff);
    return d;
}

MeasureDetails hold_from(const IncidentDetails& i, std::vector<std::int64_t> held_by, int minutes) {
    MeasureDetails m;
    m.kind = "physical_intervention";
    m.started_at = i.occurred_at + std::chrono::minutes{8};
    m.ended_at = m.started_at + std::chrono::minutes{minutes};
    m.location = i.location;
    m.behaviour = i.behaviour;
    m.steps_to_avoid = "A calm voice and open body language; offering choices; giving space";
    m.description =
        "Two staff guided them to sit on the sofa and held their arms until they "
        "were calm enough to let go.";
    m.lawful_purpose = "prevent_injury_to_others";
    m.why_necessary =
        "They had picked up a broken piece of plate and were moving towards "
        "another young person; talking and space had not helped.";
    m.technique = "seated_hold";
    m.position = "seated";
    m.used_by = std::move(held_by);
    m.effect = "They calmed within minutes and the hold was let go. Nobody was hurt.";
    m.medical_check_offered = true;
    m.medical_check_outcome = "Declined: said they were not hurt. Checked again at bedtime.";
    m.rights_offered = {"medical", "advocate", "social_worker", "childrens_commissioner", "ofsted"};
    return m;
}

Result<behaviour::Incident> incident(db::Connection& c, std::int64_t id) {
    auto found = TRY(behaviour::find(c, id));
    if (!found) {
        return Error::internal("demo incident vanished");
    }
    return std::move(*found);
}

}  // namespace

Status add_incidents(db::Connection& c, const DemoWorld& w, Timestamp now) {
    const std::int64_t willow = w.homes[0];
    const std::int64_t harbour = w.homes[1];
    const behaviour::Home willow_home{willow, w.organisation};
    const behaviour::Home harbour_home{harbour, w.organisation};
    const auto sam = person(w, 2, "Sam Carter");
    const auto jo = person(w, 3, "Jo Whitfield");
    const auto chris = person(w, 4, "Chris Okafor");
    const auto morgan = person(w, 6, "Morgan Reid");
    const auto jamie = person(w, 8, "Jamie Fox");
    const std::int64_t aisha = w.children[0];
    const std::int64_t ben = w.children[1];
    const std::int64_t noor = w.children[4];

    // Accredited training: current for most; Dana's lapsed, so holding Aisha starts a clock.
    const Date today = local_date_of(now);
    auto days_from_today = [&](int days) {
        return Date{std::chrono::sys_days{today} + std::chrono::days{days}};
    };
    for (int index : {2, 3, 4, 6, 7, 8, 9}) {
        TRY(intervention::record_certificate(
            c, w.organisation, index < 6 ? willow : harbour,
            {id_of(w, index), "Accredited holds, level 2", days_from_today(-200),
             days_from_today(index == 9 ? 20 : 165)},
            index < 6 ? sam : morgan, now - std::chrono::hours{24 * 200}));
    }
    TRY(intervention::record_certificate(
        c, w.organisation, willow,
        {id_of(w, 5), "Accredited holds, level 2", days_from_today(-400), days_from_today(-35)},
        sam, now - std::chrono::hours{24 * 400}));
    TRY(intervention::authorise(c, willow, id_of(w, 3), {{id_of(w, 3), "Jo Whitfield"}}, sam,
                                now - std::chrono::hours{24 * 90}));

    // Incident 1: Aisha, last night. A hold, its record written; the staff not yet spoken to.
    const Timestamp last_night = at(now, 1, 19, 40);
    auto first = incident_from(stories[4], last_night, aisha, {id_of(w, 4), id_of(w, 5)},
                               "physical_intervention");
    first.injuries = "";
    auto first_id =
        TRY(behaviour::record(c, willow_home, first, chris, last_night + std::chrono::minutes{50}));
    auto first_incident = TRY(incident(c, first_id));
    TRY(intervention::record(c,
                             {&first_incident, aisha, w.organisation, "Seated hold (two adults)"},
                             hold_from(first, {id_of(w, 4), id_of(w, 5)}, 6), chris,
                             last_night + std::chrono::minutes{75}));
    TRY(behaviour::add_account(
        c, first_incident,
        {aisha, last_night + std::chrono::hours{14},
         "I was angry about the cinema. I didn't want to hurt anyone, I just "
         "wanted everyone to go away.",
         ""},
        jo, last_night + std::chrono::hours{14}));
    TRY(behaviour::add_child_debrief(
        c, first_incident,
        {aisha, last_night + std::chrono::hours{14}, id_of(w, 3),
         "Embarrassed this morning; angry last night because the plan changed again.",
         "Being told about changes earlier, and a quiet place to go.",
         "Wants to help choose the new cinema night.", "Can we go on Saturday instead?", ""},
        jo, last_night + std::chrono::hours{14}));
    auto staff_debrief = TRY(behaviour::add_staff_debrief(
        c, first_incident,
        {id_of(w, 4),
         last_night + std::chrono::hours{2},
         id_of(w, 3),
         "shaken",
         "Tired, but OK. Glad nobody was hurt.",
         "Changes of plan are hard for her: tell her early and give her a choice.",
         {"supervision", "peer_support"},
         "",
         "When a plan has to change, tell the young person as early as possible and offer "
         "a choice of what happens instead.",
         true},
        sam, last_night + std::chrono::hours{2}));
    (void)staff_debrief;
    TRY(behaviour::add_notification(c, first_incident,
                                    {aisha, "placing_authority", "Casey Nolan, Northshire", "phone",
                                     last_night + std::chrono::hours{13}, ""},
                                    sam, last_night + std::chrono::hours{13}));

    // Incident 2: Ben, last week. A consequence, and a restorative meeting.
    const Timestamp last_week = at(now, 6, 18, 10);
    auto second = incident_from(stories[3], last_week, ben, {id_of(w, 5)}, "none");
    second.damage = "A dent in the hallway wall.";
    auto second_id = TRY(behaviour::record(c, willow_home, second, person(w, 5, "Dana Lewis"),
                                           last_week + std::chrono::minutes{40}));
    auto second_incident = TRY(incident(c, second_id));
    MeasureDetails consequence;
    consequence.kind = "consequence";
    consequence.started_at = last_week + std::chrono::hours{1};
    consequence.behaviour = "Punched the hallway wall and dented it.";
    consequence.steps_to_avoid = "Space and quiet time; talking about school.";
    consequence.consequence_kind = "restorative_task";
    consequence.description = "Helps fill and paint the dent with staff at the weekend.";
    consequence.lasts = "Saturday morning";
    consequence.used_by = {id_of(w, 2)};
    consequence.child_view = "Fair enough. I'm good at painting.";
    consequence.effectiveness = "helped";
    TRY(intervention::record(c, {&second_incident, ben, w.organisation, ""}, consequence, sam,
                             last_week + std::chrono::hours{2}));
    TRY(behaviour::add_restorative(
        c, second_incident,
        {last_week + std::chrono::hours{24 * 3}, "meeting", "Ben, Dana Lewis, Sam Carter",
         "Ben talked about school; staff talked about feeling worried "
         "when he hurts himself. The wall is painted.",
         "Ben will say 'I need five minutes' when school has been hard."},
        sam, last_week + std::chrono::hours{24 * 3}));

    // Incident 3: Noor, three days ago: police came. Ofsted told; the placing authority not yet.
    const Timestamp three_days = at(now, 3, 22, 15);
    auto third = incident_from(stories[5], three_days, noor, {id_of(w, 8), id_of(w, 9)}, "none");
    third.police = "Police attended about the messages; reference NS-0457 (fictional).";
    third.notifiable = {"police_serious_incident"};
    auto third_id =
        TRY(behaviour::record(c, harbour_home, third, jamie, three_days + std::chrono::hours{1}));
    for (const auto& event : TRY(notifications::for_incident(c, third_id))) {
        TRY(notifications::record_told(
            c, event.id,
            {"ofsted", "Ofsted notifications", "online_form", "OF-2291 (fictional)",
             three_days + std::chrono::hours{11}, *morgan.person_id},
            morgan, three_days + std::chrono::hours{11}));
    }

    // Aisha, two weeks ago: her school told the local authority of something she said, and it
    // opened a child protection enquiry (no incident at the home). Ofsted and her placing authority
    // were told the same morning; the outcome, ten days ago, was notified on its own record.
    // Ofsted by its online form, with its reference; Westmere's duty team as `how`.
    auto tell_both = [&](std::int64_t event, const char* how, const char* reference,
                         Timestamp at_time) -> Status {
        TRY(notifications::record_told(
            c, event,
            {"ofsted", "Ofsted notifications", "online_form", reference, at_time, *sam.person_id},
            sam, at_time));
        return notifications::record_told(
            c, event, {"placing_authority", "Westmere duty team", how, "", at_time, *sam.person_id},
            sam, at_time);
    };
    const Timestamp enquiry_known = at(now, 14, 9, 30);
    const auto enquiry_id = TRY(notifications::raise(
        c,
        {willow,
         {aisha, notifications::enquiry,
          "Aisha's school contacted Westmere children's services about something she said in a "
          "lesson; the duty team opened an enquiry and visited her at the home.",
          enquiry_known},
         std::nullopt,
         std::nullopt},
        sam, enquiry_known + std::chrono::minutes{20}));
    TRY(tell_both(enquiry_id, "phone", "OF-2240 (fictional)",
                  enquiry_known + std::chrono::hours{2}));
    const Timestamp outcome_known = at(now, 10, 15, 0);
    const auto outcome = TRY(notifications::raise(
        c,
        {willow,
         {aisha, notifications::enquiry_outcome,
          "No further action: Aisha is safe; the social worker will visit weekly for a month and "
          "school will check in with her.",
          outcome_known},
         std::nullopt,
         enquiry_id},
        sam, outcome_known + std::chrono::minutes{30}));
    TRY(tell_both(outcome, "secure_email", "OF-2263 (fictional)",
                  outcome_known + std::chrono::hours{1}));

    // A year of the homes' lives, fewer hard evenings as the months go by (and more praise, in the
    // daily record's part): the figures and the warmth picture have something to show.
    for (int month = 11; month >= 1; --month) {
        const int per_month = 1 + month / 4;
        for (int k = 0; k < per_month; ++k) {
            const std::size_t child_index = static_cast<std::size_t>((month + k) % 8);
            const int home_index = w.child_home[child_index];
            const Timestamp when = at(now, month * 30 + k * 9, 16 + (month + k) % 6, 20);
            const bool held = (month + k) % 3 == 0;
            const std::vector<std::int64_t> staff =
                home_index == 0 ? std::vector<std::int64_t>{id_of(w, 4), id_of(w, 3)}
                                : std::vector<std::int64_t>{id_of(w, 8), id_of(w, 7)};
            const auto& writer = home_index == 0 ? chris : jamie;
            const auto& manager = home_index == 0 ? sam : morgan;
            auto d = incident_from(stories[static_cast<std::size_t>(month + k) % stories.size()],
                                   when, w.children[child_index], staff,
                                   held ? "physical_intervention" : "none");
            auto id = TRY(behaviour::record(c, home_index == 0 ? willow_home : harbour_home, d,
                                            writer, when + std::chrono::minutes{45}));
            if (!held) {
                continue;
            }
            auto i = TRY(incident(c, id));
            auto m = TRY(intervention::record(
                c, {&i, w.children[child_index], w.organisation, "Seated hold (two adults)"},
                hold_from(d, staff, 3 + (month * 7 + k) % 12), writer,
                when + std::chrono::minutes{70}));
            intervention::ReviewInput staff_review{
                staff, local_date_of(when + std::chrono::hours{20}),
                "Talked it through; the record is accurate.", "", 1};
            const intervention::Signer signer{*manager.person_id, true, false};
            TRY(intervention::sign(c, m, intervention::Stage::staff, staff_review, signer, manager,
                                   when + std::chrono::hours{20}));
            intervention::ReviewInput child_review{{},
                                                   local_date_of(when + std::chrono::hours{50}),
                                                   "Talked about what happened and what helps.",
                                                   "I was scared. I'm OK now.",
                                                   1};
            TRY(intervention::sign(c, m, intervention::Stage::child, child_review, signer, manager,
                                   when + std::chrono::hours{50}));
        }
    }
    return {};
}

}  // namespace hearth::demo
