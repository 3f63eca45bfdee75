#include "relationships/relationships_demo.hpp"

#include "relationships/bullying_store.hpp"
#include "relationships/bullying_voice_store.hpp"
#include "relationships/managed_interaction_store.hpp"
#include "relationships/staff_change_store.hpp"

namespace hearth::relationships {

namespace {

Date days_from(Date day, int days) {
    return Date{std::chrono::sys_days{day} + std::chrono::days{days}};
}

Telling told(Date on, const char* how, const char* said) {
    return {on, how, said, ""};
}

Stage stage(const char* which, Timestamp at, const char* what, Telling telling) {
    Stage s;
    s.stage = which;
    s.happened_at = at;
    s.what = what;
    s.telling = std::move(telling);
    return s;
}

// A closed concern of the year gone: recorded, investigated, an outcome, and a review that closed
// it, the child told at each stage.
struct PastConcern {
    int days_ago;
    std::size_t child;     // index into the demo's children
    std::size_t by_child;  // index, or the child's own index for nobody of the home
    std::vector<std::string> by_whom;
    const char* by_described;
    const char* place;
    std::vector<std::string> forms;
    const char* came_to_light;
    const char* raised_by;
    const char* words;
    const char* outcome;
    const char* restorative;
};

}  // namespace

Status add_relationships_demo(db::Connection& c, const demo::DemoWorld& world, Timestamp now) {
    const Date today = local_date_of(now);
    const auto child = [&](std::size_t i) { return world.children[i]; };
    const auto sam = demo::person(world, 2, "Sam Carter");
    const auto chris = demo::person(world, 4, "Chris Okafor");
    const auto morgan = demo::person(world, 6, "Morgan Reid");
    const auto jamie = demo::person(world, 8, "Jamie Fox");

    // Willow House, open: Aisha left out and called names in the lounge; the response under way.
    const auto began = demo::at(now, 6, 19, 30);
    ConcernDetails open;
    open.child_id = child(0);
    open.by_whom = {"children"};
    open.by_children = {child(2)};
    open.occurred_at = began;
    open.place = "The lounge, during the film night";
    open.forms = {"names", "excluding"};
    open.came_to_light = "child_told";
    open.child_words =
        "They said I couldn't sit with them and called me the new girl all night. It happens "
        "every film night.";
    open.owner_id = world.people[2];
    open.safety_plan =
        "Aisha can come to Chris or Sam at any time; she sits with staff at film nights this week "
        "and chooses the next film.";
    open.child_wants = "I want it to stop. I don't want him in trouble with everyone watching.";
    open.child_part = "She chose to talk it through with Sam first, and not in a group meeting.";
    open.telling =
        told(local_date_of(began), "in_person", "OK. Can it just be you that knows for now?");
    const auto concern = TRY(record_concern(c, world.homes[0], open, chris, began));
    TRY(add_stage(c, concern,
                  stage("investigated", demo::at(now, 5, 16, 0),
                        "Sam spoke with both young people and with Dana, who was on shift. The "
                        "names were said more than once; the other young person agreed he had "
                        "kept the seat from her. Not a safeguarding matter.",
                        told(days_from(today, -5), "in_person", "I'm glad you believed me.")),
                  sam, demo::at(now, 5, 16, 0)));
    auto meeting = stage("meeting", demo::at(now, 4, 17, 0),
                         "Agreed: a restorative conversation, film nights planned with the young "
                         "people, and the key workers check in each evening this week.",
                         told(days_from(today, -4), "key_work",
                              "Fine, as long as I don't have to sit next to him yet."));
    meeting.who_came = "Sam Carter; Aisha's social worker (by phone); Aisha's key worker";
    // Aisha's social worker and her dad told the day after, and invited to the meeting; Kai's mum
    // told at the meeting. Nobody has told Kai's social worker yet: the concern shows it.
    TRY(record_informed(
        c, concern,
        {child(0), "social_worker", "Casey Nolan", "phone", demo::at(now, 5, 10, 15), true,
         "Told what Aisha said and how she is kept safe; she joined the meeting "
         "by phone."},
        sam, demo::at(now, 5, 10, 20)));
    TRY(record_informed(
        c, concern,
        {child(0), "parent_or_carer", "Aisha's dad", "phone", demo::at(now, 5, 18, 0), true,
         "He asked to be told how film night goes; he could not come to the "
         "meeting."},
        sam, demo::at(now, 5, 18, 5)));
    TRY(record_informed(
        c, concern,
        {child(2), "parent_or_carer", "Kai's mum", "in_person", demo::at(now, 4, 17, 45), false,
         "Told after the meeting what her son had done and the restorative "
         "conversation planned; she will talk with him at the weekend."},
        sam, demo::at(now, 4, 18, 0)));
    TRY(add_stage(c, concern, meeting, sam, demo::at(now, 4, 17, 0)));
    auto outcome = stage("outcome", demo::at(now, 2, 15, 0),
                         "A restorative conversation held; film night seats are chosen by a rota "
                         "the young people wrote. The risk assessments of both were reviewed.",
                         {std::nullopt, "", "",
                          "Aisha is with her dad until tomorrow: Sam tells her on her return."});
    outcome.restorative =
        "He said he hadn't thought how it felt to be new; he chose to say sorry in his own words.";
    outcome.review_on = days_from(today, 12);
    TRY(add_stage(c, concern, outcome, sam, demo::at(now, 2, 15, 0)));
    // Aisha took up an advocate; Kai declined one, and complained about his consequence: it
    // awaits its outcome.
    TRY(record_advocate_offer(c, concern,
                              {child(0), days_from(today, -5), "taken_up",
                               "Rowan Ellis, Voices advocacy (Tuesdays, or by text)",
                               "She wants someone who is not staff at the meeting."},
                              sam, demo::at(now, 5, 16, 30)));
    TRY(record_advocate_offer(c, concern,
                              {child(2), days_from(today, -4), "declined", "",
                               "He said his key worker is enough for now."},
                              sam, demo::at(now, 4, 18, 10)));
    TRY(record_complaint(c, concern,
                         {child(2),
                          days_from(today, -2),
                          "It's not fair I lost film night when she said things to me too.",
                          "The consequence after the meeting",
                          "Jo Whitfield, deputy manager",
                          {}},
                         chris, demo::at(now, 2, 19, 0)));

    InteractionDetails apart;
    apart.other_child_id = child(2);
    apart.kind = "not_alone";
    apart.why = "Until the review of the bullying response: they are not left alone together.";
    apart.source = "bullying_response";
    apart.concern_id = concern;
    apart.agreed_by = "Sam Carter, registered manager";
    apart.starts_on = days_from(today, -4);
    apart.review_on = days_from(today, 12);
    TRY(agree_interaction(c, child(0), apart, sam, demo::at(now, 4, 17, 30)));

    // Harbour View: kept apart after 8pm, from their risk assessments.
    InteractionDetails evenings;
    evenings.other_child_id = child(6);
    evenings.kind = "apart";
    evenings.where_when = "Not in the games room together after 8pm; separate tables at tea";
    evenings.why = "Arguments late in the evening have twice ended in pushing.";
    evenings.source = "risk_assessment";
    evenings.agreed_by = "Morgan Reid, registered manager";
    evenings.starts_on = days_from(today, -40);
    evenings.review_on = days_from(today, 10);
    TRY(agree_interaction(c, child(5), evenings, morgan, demo::at(now, 40, 10, 0)));

    // Harbour View, open: Noor left out by a group at school and online; nothing done yet.
    const auto noticed = demo::at(now, 1, 16, 45);
    ConcernDetails group;
    group.child_id = child(4);
    group.by_whom = {"group"};
    group.by_described = "A group of girls in her year at school, and their group chat";
    group.occurred_at = noticed;
    group.place = "School, and online";
    group.forms = {"excluding", "online"};
    group.came_to_light = "another_child";
    group.child_words = "Noor said: they made a new group chat without me and put the photo in it.";
    group.owner_id = world.people[6];
    group.safety_plan =
        "Noor keeps her phone with her; she and Jamie look at the messages together tonight and "
        "save them. School's designated safeguarding lead is called tomorrow.";
    group.telling = {std::nullopt, "", "",
                     "Noor was asleep when it came to light: Jamie tells her in the morning."};
    TRY(record_concern(c, world.homes[1], group, jamie, noticed));

    // The year gone, closed.
    const std::vector<PastConcern> past{
        {300,
         1,
         1,
         {"outside"},
         "An older boy on the estate",
         "The walk home from the shop",
         {"names", "belittling"},
         "parent",
         "Ben's aunt, on a Sunday visit",
         "He says I'm thick and everyone knows it.",
         "Ben walks back with staff for a month; the police community officer spoke with the boy.",
         ""},
        {190,
         3,
         2,
         {"children"},
         "",
         "The kitchen",
         {"property"},
         "staff_saw",
         "",
         "Someone keeps taking my art pens.",
         "The pens were returned; each young person has a locked drawer.",
         "He came to see the pens mattered to her because her nan gave them to her."},
        {80,
         6,
         5,
         {"children"},
         "",
         "The garden",
         {"physical"},
         "child_told",
         "",
         "He pushed me off the bench, twice.",
         "A restorative meeting; the risk assessments were reviewed and evenings managed.",
         "He said he was angry about his own contact being cancelled, not at Riley."},
    };
    for (const auto& p : past) {
        const auto at = demo::at(now, p.days_ago, 17, 0);
        const auto home = world.homes[static_cast<std::size_t>(world.child_home[p.child])];
        const auto& owner = home == world.homes[0] ? sam : morgan;
        ConcernDetails d;
        d.child_id = child(p.child);
        d.by_whom = p.by_whom;
        if (p.by_child != p.child) {
            d.by_children = {child(p.by_child)};
        }
        d.by_described = p.by_described;
        d.occurred_at = at;
        d.place = p.place;
        d.forms = p.forms;
        d.came_to_light = p.came_to_light;
        d.raised_by = p.raised_by;
        d.child_words = p.words;
        d.owner_id = *owner.person_id;
        d.safety_plan = "Staff nearby at the times it happened; they know who to go to.";
        const Date on = local_date_of(at);
        d.telling = told(on, "in_person", "Thanks for listening.");
        const auto id = TRY(record_concern(c, home, d, owner, at));
        if (*p.raised_by) {
            TRY(record_report_back(
                c, id,
                {p.raised_by, "phone", "What was done, and that Ben was kept informed.",
                 demo::at(now, p.days_ago - 3, 12, 0)},
                owner, demo::at(now, p.days_ago - 3, 12, 0)));
        }
        TRY(add_stage(c, id,
                      stage("investigated", demo::at(now, p.days_ago - 1, 15, 0),
                            "Spoken with everyone who was there; what the child said was "
                            "borne out. Not a safeguarding matter.",
                            told(days_from(on, 1), "in_person", "OK.")),
                      owner, demo::at(now, p.days_ago - 1, 15, 0)));
        auto result = stage("outcome", demo::at(now, p.days_ago - 4, 15, 0), p.outcome,
                            told(days_from(on, 4), "key_work", "That's fair."));
        result.restorative = p.restorative;
        result.review_on = days_from(on, 18);
        TRY(add_stage(c, id, result, owner, demo::at(now, p.days_ago - 4, 15, 0)));
        auto review = stage("review", demo::at(now, p.days_ago - 18, 15, 0),
                            "Nothing further has happened; the child says things are better.",
                            told(days_from(on, 18), "key_work", "It's stopped."));
        review.closes = true;
        TRY(add_stage(c, id, review, owner, demo::at(now, p.days_ago - 18, 15, 0)));
    }
    // Dana, whom Aisha trusts, moves to Harbour House next month: Aisha's view, not yet answered.
    StaffChangeDetails dana;
    dana.staff_name = "Dana Lewis";
    dana.kind = "moving_home";
    dana.happens_on = days_from(today, 24);
    dana.child_view =
        "I'm gutted. She's the one who does my hair before school. Can she still "
        "come to my birthday?";
    dana.keeping_in_touch =
        "Dana will tell Aisha herself this week; a goodbye tea on her last shift, and Dana is "
        "invited to Aisha's birthday.";
    TRY(record_staff_change(c, child(0), dana, chris, demo::at(now, 1, 17, 0)));
    return {};
}

}  // namespace hearth::relationships
