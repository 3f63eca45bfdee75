#include "demo/demo_language.hpp"

#include <array>

#include "children/child_store.hpp"
#include "daily_record/daily_store.hpp"
#include "language/language_store.hpp"

namespace hearth::demo {

namespace {

// Hearth's list has these ids (data/language-that-cares.toml).
constexpr std::int64_t refused = 5;
constexpr std::int64_t residents = 52;

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

Status change_the_list(db::Connection& c, const DemoWorld& w, Timestamp now) {
    using namespace language;
    const auto org = w.organisation;
    TRY(set_retired(c, org, residents, 1, true,
                    "The children at Willow House named their own meeting the residents' "
                    "meeting and asked us to keep the word.",
                    person(w, 2, "Sam Carter"), now));

    Phrase blew_up;
    blew_up.phrase = "blew up";
    blew_up.match = {"blow+|blew|blown up (at)"};
    blew_up.not_when = {
        "blow+|blew|blown up (the|a|some|his|her|their) balloon|balloons|ball|paddling|lilo|"
        "airbed|tyre|tyres|photo|photos|picture|pictures"};
    blew_up.alternative =
        "Say what happened: \"shouted at Jamie and slammed the door when his phone was taken\".";
    blew_up.why =
        "It makes a child's anger sound like an explosion from nowhere. Something led up to it: "
        "write that too.";
    TRY(add_phrase(c, org, blew_up,
                   "Agreed at the Harbour View team meeting: \"blew up\" keeps "
                   "appearing in handovers.",
                   person(w, 6, "Morgan Reid"), now));

    auto list = TRY(organisation_list(c, org));
    const auto* refusing = find_phrase(list, refused);
    if (refusing == nullptr) {
        return Error::internal("the demo expects phrase 5 (refused) on Hearth's list");
    }
    Phrase kinder = refusing->phrase;
    kinder.alternative =
        "\"Chose not to\", \"said no to\", \"did not want to\", with the reason they gave, in "
        "their own words.";
    return amend_phrase(c, org, refused, 1, kinder,
                        "Our recording guidance asks for the child's own reason every time.",
                        person(w, 0, "Alex Morgan"), now);
}

// A note every five days for each child over the past year, from the day they came. The older
// the month, the more often a note is written the old way: the figure falls as the home's words
// change.
Status write_older_notes(db::Connection& c, const DemoWorld& w, Timestamp now) {
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

}  // namespace

Status add_language(db::Connection& c, const DemoWorld& world, Timestamp now) {
    TRY(change_the_list(c, world, now));
    return write_older_notes(c, world, now);
}

}  // namespace hearth::demo
