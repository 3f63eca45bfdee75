#include "demo/demo_daily_record.hpp"

#include <array>

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
    return {};
}

}  // namespace hearth::demo
