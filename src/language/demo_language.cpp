#include "language/demo_language.hpp"

#include <array>

#include "language/language_store.hpp"

namespace hearth::demo {

namespace {

// Hearth's list has these ids (data/language-that-cares.toml).
constexpr std::int64_t refused = 5;
constexpr std::int64_t residents = 52;

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

}  // namespace

Status add_language(db::Connection& c, const DemoWorld& world, Timestamp now) {
    return change_the_list(c, world, now);
}

}  // namespace hearth::demo
