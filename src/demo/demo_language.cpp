#include "demo/demo_language.hpp"

#include "language/language_checks.hpp"
#include "language/language_store.hpp"

namespace hearth::demo {

namespace {

// Hearth's list has these ids (data/language-that-cares.toml).
constexpr std::int64_t refused = 5;
constexpr std::int64_t residents = 52;

}  // namespace

Status create_language_demo(db::Connection& c, const LanguageDemo& demo, Timestamp now) {
    using namespace language;
    const auto org = demo.organisation_id;

    // A default retired, with the children's reason.
    CHECK_OK(set_retired(c, org, residents, 1, true,
                         "The children at Willow House named their own meeting the residents' "
                         "meeting and asked us to keep the word.",
                         demo.willow_manager, now));

    // A phrase of the organisation's own.
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
    TRY(auto added, add_phrase(c, org, blew_up,
                               "Agreed at the Harbour View team meeting: \"blew up\" keeps "
                               "appearing in handovers.",
                               demo.harbour_manager, now));
    (void)added;

    // A default's alternative in the organisation's own practice.
    TRY(auto list, organisation_list(c, org));
    const auto* refusing = find_phrase(list, refused);
    if (refusing == nullptr)
        return Error::internal("the demo expects phrase 5 (refused) on Hearth's list");
    Phrase kinder = refusing->phrase;
    kinder.alternative =
        "\"Chose not to\", \"said no to\", \"did not want to\", with the reason they gave, in "
        "their own words.";
    CHECK_OK(amend_phrase(c, org, refused, 1, kinder,
                          "Our recording guidance asks for the child's own reason every time.",
                          demo.administrator, now));

    // Daily notes do not exist yet (issue 4's daily record is being built beside this): the
    // figure starts from the words of the children's case records, checked as they were admitted.
    for (const auto& child : demo.children) {
        TRY(auto findings, check_and_record(c, org, child.home_id, child.child_id, "child_record",
                                            child.child_id, child.words, now));
        (void)findings;
    }
    return {};
}

}  // namespace hearth::demo
