#include "daily_record/demo_daily_record.hpp"

#include <array>

#include "children/child_store.hpp"
#include "daily_record/childrens_meeting_store.hpp"
#include "daily_record/daily_store.hpp"
#include "daily_record/handover_store.hpp"

namespace hearth::demo {

namespace {
using daily_record::EntryDetails;
using daily_record::EntryKind;

struct Note {
    const char* category;
    const char* body;
    const char* words;  // the child's own words, or ""
};

constexpr std::array<Note, 8> notes{{
    {"education", "Went to school on time and came home pleased with a science test result.", ""},
    {"family_time",
     "Had a video call with their nan after tea. Talked for twenty minutes and was "
     "smiling afterwards.",
     "She said I can visit in the holidays"},
    {"emotional_wellbeing",
     "Was quiet after school and went to their room. Came down when offered "
     "a hot chocolate and talked about a falling-out with a friend.",
     "I just needed some space"},
    {"activities",
     "Went swimming with staff and two of the other children. Tried the diving board "
     "for the first time.",
     ""},
    {"health", "Dentist check-up this morning: no treatment needed. Next check in six months.", ""},
    {"independence",
     "Helped plan the shopping list and worked out the cost of the meal for "
     "everyone.",
     ""},
    {"friendships",
     "Invited a friend from school round after school; they played football in the "
     "garden until tea.",
     ""},
    {"daily_life", "Settled well at bedtime after reading for half an hour.", ""},
}};

constexpr std::array<const char*, 5> praise{
    "Made everyone a cup of tea without being asked",
    "Stayed calm and walked away when another young person shouted",
    "Finished their homework before tea",
    "Helped a new member of staff find their way around",
    "Said sorry and put things right after an argument",
};

// Written up a little after it happened, as on a real shift.
Timestamp written(const EntryDetails& e) {
    return e.occurred_at + std::chrono::minutes{25};
}

audit::Actor staff(const DemoWorld& w, int person_index, const char* name) {
    return {w.people[static_cast<std::size_t>(person_index)], name, "127.0.0.1", "demo"};
}
struct OlderNote {
    const char* category;
    const char* before;  // as it might once have been written
    const char* after;   // the same evening, written as the home writes now
};

constexpr std::array<OlderNote, 8> older_notes{{
    {"daily_life",
     "Kicked off at tea time when told there was no more squash. Refused to go to their room.",
     "Upset at tea time when there was no squash left; went to their room and came down after "
     "ten minutes to help wash up."},
    {"emotional_wellbeing", "Attention-seeking all evening and would not settle.",
     "Wanted an adult close by all evening; settled after a game of cards with staff."},
    {"daily_life", "Came back to placement at 22:40 after absconding from school at lunchtime.",
     "Left school at lunchtime without telling anyone and came home at 22:40. Said they had been "
     "at the park with friends; we talked about keeping safe."},
    {"family_time", "Contact with mum was cancelled. Aggressive towards staff afterwards.",
     "Family time with Mum was cancelled. Very upset and shouted at staff; we sat with them "
     "until they felt calmer."},
    {"daily_life", "Non-compliant at bedtime and defiant when asked to turn off the PlayStation.",
     "Did not want to turn off the PlayStation at bedtime; we agreed ten more minutes and they "
     "went up at 22:15."},
    {"activities", "Threw a tantrum in the car on the way back from respite.",
     "Cried and shouted in the car on the way back from the weekend stay; said they had not "
     "wanted it to end."},
    {"friendships", "Manipulative with the new member of staff to get extra screen time.",
     "Asked the new member of staff for extra screen time after the shift leader had said no; "
     "we agreed one answer as a team."},
    {"health", "Refused breakfast and refused the dentist appointment.",
     "Chose not to have breakfast and said they were scared of the dentist; we moved the "
     "appointment and will go together."},
}};

}  // namespace

// A note every five days for each child over the past year, from the day they came. The older
// the month, the more often a note is written the old way: the figure falls as the home's words
// change.
Status add_older_notes(db::Connection& c, const DemoWorld& w, Timestamp now) {
    const audit::Actor workers[2][2] = {{person(w, 4, "Chris Okafor"), person(w, 5, "Dana Lewis")},
                                        {person(w, 8, "Jamie Fox"), person(w, 9, "Robin Hale")}};
    for (std::size_t i = 0; i < w.children.size(); ++i) {
        auto child = TRY(children::find(c, w.children[i]));
        if (!child) {
            return Error::internal("a demo child is missing");
        }
        const auto home_index = static_cast<std::size_t>(w.child_home[i]);
        const std::chrono::sys_days admitted{child->details.admission_date};
        for (int month = 11; month >= 1; --month) {
            for (int slot = 0; slot < 6; ++slot) {
                const int days = month * 30 + slot * 5 + static_cast<int>(i % 5);
                const Timestamp when = at(now, days, 15 + slot, 0);
                if (std::chrono::floor<std::chrono::days>(when) < admitted) {
                    continue;
                }
                const auto& note = older_notes[(i * 3 + static_cast<std::size_t>(month + slot)) %
                                               older_notes.size()];
                const bool the_old_way =
                    (static_cast<int>(i) * 7 + month * 3 + slot * 5) % 24 < month;
                daily_record::EntryDetails e;
                e.kind = daily_record::EntryKind::note;
                e.category = note.category;
                e.body = the_old_way ? note.before : note.after;
                e.occurred_at = when;
                TRY(daily_record::record(c, w.children[i], w.homes[home_index], e, {},
                                         workers[home_index][(i + slot) % 2],
                                         when + std::chrono::minutes{25}));
            }
        }
    }
    return {};
}

namespace {

// Talking about bullying (docs/user-guide.md, "Relationships and bullying"): a children's meeting
// in each home six weeks ago, and key-work sessions with half the children this month; one child
// last talked about it in the spring, and the rest have not, so the home's page has each standing.
Status add_talks_about_bullying(db::Connection& c, const DemoWorld& w,
                                const audit::Actor (&workers)[2][2], Timestamp now) {
    for (std::size_t h = 0; h < w.homes.size(); ++h) {
        std::vector<std::int64_t> came;
        for (std::size_t i = 0; i < w.children.size(); ++i) {
            if (static_cast<std::size_t>(w.child_home[i]) == h && i % 3 != 2) {
                came.push_back(w.children[i]);
            }
        }
        daily_record::MeetingDetails m;
        m.held_at = at(now, 42, 18, 30);
        m.topic = "What bullying is, and who to tell";
        m.discussion =
            "We talked about what bullying can look like, online as well as in the home and at "
            "school, and agreed that everyone can tell any member of staff. We wrote the home's "
            "promise together and put it on the kitchen wall.";
        m.children_said = "Being left out on purpose is bullying too.";
        m.about_bullying = true;
        TRY(daily_record::record_meeting(c, w.homes[h], m, came, {}, workers[h][0],
                                         m.held_at + std::chrono::hours{1}));
    }
    for (std::size_t i = 0; i < w.children.size(); i += 2) {
        const auto home_index = static_cast<std::size_t>(w.child_home[i]);
        EntryDetails kw;
        kw.kind = EntryKind::key_work;
        kw.category = "friendships";
        kw.topic = "Feeling safe with the others";
        kw.body =
            "We talked about how things are with the others in the home and at school, "
            "what bullying is and who they could tell.";
        kw.occurred_at = at(now, i == 2 ? 150 : 20 + static_cast<int>(i), 16, 0);
        kw.about_bullying = true;
        TRY(daily_record::record(c, w.children[i], w.homes[home_index], kw, {},
                                 workers[home_index][1], written(kw)));
    }
    return {};
}

}  // namespace

Status add_daily_record(db::Connection& c, const DemoWorld& w, Timestamp now) {
    // Support workers of each home, from demo_data.cpp's people.
    const audit::Actor workers[2][2] = {{staff(w, 4, "Chris Okafor"), staff(w, 5, "Dana Lewis")},
                                        {staff(w, 8, "Jamie Fox"), staff(w, 9, "Robin Hale")}};
    for (std::size_t i = 0; i < w.children.size(); ++i) {
        const auto child = w.children[i];
        const auto home_index = static_cast<std::size_t>(w.child_home[i]);
        const auto home = w.homes[home_index];
        // Child 1's first entry is a key-work session with an open action: the permissions walk
        // and the tests open entry 1 and action 1.
        if (i == 0) {
            EntryDetails kw;
            kw.kind = EntryKind::key_work;
            kw.category = "education";
            kw.topic = "Feeling settled at school";
            kw.body =
                "We talked about how the new term is going. Maths feels hard but she likes "
                "her form tutor. We looked at her timetable together.";
            kw.child_words = "I want to try the homework club on Tuesdays";
            kw.occurred_at = at(now, 6, 17, 30);
            TRY(daily_record::record(
                c, child, home, kw,
                {"Ask school about homework club on Tuesdays", "Buy a scientific calculator"},
                workers[home_index][0], written(kw)));
        }
        for (int d = 12; d >= 1; --d) {
            const auto& n = notes[(i + static_cast<std::size_t>(d)) % notes.size()];
            EntryDetails e;
            e.kind = EntryKind::note;
            e.category = n.category;
            e.body = n.body;
            e.child_words = n.words;
            e.occurred_at = at(now, d, 18 + static_cast<int>(i % 3), 15);
            e.significant = d == 9 && i % 4 == 1;
            e.for_handover = d == 1;
            TRY(daily_record::record(c, child, home, e, {}, workers[home_index][(i + d) % 2],
                                     written(e)));
            if (d % 3 == 0) {
                EntryDetails p;
                p.kind = EntryKind::praise;
                p.category = "achievement";
                p.body = praise[(i + static_cast<std::size_t>(d)) % praise.size()];
                p.occurred_at = at(now, d, 16, 40);
                TRY(daily_record::record(c, child, home, p, {},
                                         workers[home_index][(i + d + 1) % 2], written(p)));
            }
        }
    }
    // Since last night's handover: a note about each child from this shift.
    for (std::size_t i = 0; i < w.children.size(); ++i) {
        const auto home_index = static_cast<std::size_t>(w.child_home[i]);
        EntryDetails e;
        e.kind = EntryKind::note;
        e.category = i % 2 == 0 ? "daily_life" : "emotional_wellbeing";
        e.body = i % 2 == 0
                     ? "Up and dressed in good time; ate breakfast with everyone."
                     : "A bit low this morning after a poor night's sleep. Perked up after a "
                       "walk to the shop with staff.";
        e.occurred_at = now - std::chrono::minutes{40 + 15 * static_cast<int>(i)};
        e.for_handover = i % 2 == 1;
        TRY(daily_record::record(c, w.children[i], w.homes[home_index], e, {},
                                 workers[home_index][0], e.occurred_at + std::chrono::minutes{5}));
    }
    // A children's meeting in each home last week, and the handover given last night.
    for (std::size_t h = 0; h < w.homes.size(); ++h) {
        std::vector<std::int64_t> came;
        for (std::size_t i = 0; i < w.children.size(); ++i) {
            if (static_cast<std::size_t>(w.child_home[i]) == h && i % 4 != 3) {
                came.push_back(w.children[i]);
            }
        }
        daily_record::MeetingDetails m;
        m.held_at = at(now, 5, 18, 30);
        m.topic = "Plans for the summer holidays";
        m.discussion =
            "We talked about day trips for the holidays and how to share the garden. "
            "Everyone had a say about the menu for the first week.";
        m.children_said = "Can we go to the beach? Pizza night on Fridays, please.";
        TRY(daily_record::record_meeting(
            c, w.homes[h], m, came,
            {"Find out the cost of a beach trip", "Add pizza night to the menu"}, workers[h][1],
            m.held_at + std::chrono::hours{1}));
        TRY(daily_record::give_handover(
            c, w.homes[h], "late", at(now, 1, 14, 0),
            "A calm evening. The boiler engineer comes at 10 tomorrow morning.", workers[h][0],
            at(now, 1, 22, 0)));
    }
    // Praise through the year, more of it as relationships grow: the warmth picture has something
    // to show.
    for (int month = 11; month >= 1; --month) {
        for (std::size_t i = 0; i < w.children.size(); ++i) {
            for (int p = 0; p < (month <= 6 ? 2 : 1); ++p) {
                EntryDetails praised;
                praised.kind = EntryKind::praise;
                praised.category = "achievement";
                praised.body = p % 2 == 0 ? "Helped cook tea for everyone"
                                          : "Stayed calm and walked away from an argument";
                praised.occurred_at = at(now, month * 30 + p * 9 + static_cast<int>(i), 17, 30);
                const auto home_index = static_cast<std::size_t>(w.child_home[i]);
                TRY(daily_record::record(c, w.children[i], w.homes[home_index], praised, {},
                                         workers[home_index][0],
                                         praised.occurred_at + std::chrono::minutes{10}));
            }
        }
    }
    return add_talks_about_bullying(c, w, workers, now);
}

}  // namespace hearth::demo
