#pragma once
// A concern that a child is being bullied, from the first word to its outcome (Reg 34(3);
// docs/practice-guidance.md, countering bullying). The needs of the child who is bullied come
// first: they are listened to, kept safe now, and told and involved at each stage of the response
// (concern recorded, investigated, meeting, outcome, review); a stage at which they were not told
// owes it. A concern raised by a visitor or professional is followed up and they are told what was
// done. Plain data and rules; built from a form only through the readers below, which name every
// field at fault. The store is bullying_store.hpp.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "platform/amendments.hpp"
#include "platform/choice.hpp"
#include "platform/clock.hpp"
#include "platform/http/form.hpp"
#include "relationships/response_records.hpp"

namespace hearth::relationships {

// Who is thought to have bullied: children of the home, a group, an adult (a member of staff, a
// visitor, someone outside the home), or nobody knows yet.
const std::vector<Choice>& bullied_by();
// The forms bullying takes (seed 004, "What is bullying?").
const std::vector<Choice>& bullying_forms();
// The protected characteristic ridiculed, when that is the form it took.
const std::vector<Choice>& protected_characteristics();
const std::vector<Choice>& ways_it_came_to_light();
// The stages of the response, in order; "recorded" is the concern itself.
const std::vector<Choice>& response_stages();
const std::vector<Choice>& ways_of_telling();      // how the child was told
const std::vector<Choice>& safeguarding_routes();  // reg40, cp_referral
// The Reg 40 serious events bullying can be (notifications/serious_event.hpp): an investigation
// that finds one raises it, and the notification's own clock runs from the investigation.
const std::vector<Choice>& bullying_serious_events();

// Raised by someone from outside the home: they are told what was done, "promptly and fully".
bool raised_from_outside(const std::string& came_to_light);
inline constexpr const char* report_back_clock = "bullying_report_back";
inline constexpr int report_back_days = 7;
// The review the outcome sets; met only by recording the review.
inline constexpr const char* response_review_clock = "bullying_review";

// When and how the child was told at a stage, and what they said; or why not yet.
struct Telling {
    std::optional<Date> told_on;
    std::string how;
    std::string child_said;
    std::string not_told_why;

    bool told() const { return told_on.has_value(); }
};

struct ConcernDetails {
    std::int64_t child_id = 0;  // thought to be bullied
    std::vector<std::string> by_whom;
    std::vector<std::int64_t> by_children;  // of the home, when "children" is among by_whom
    std::string by_described;
    Timestamp occurred_at{};
    std::string place;
    std::vector<std::string> forms;
    std::string characteristic;
    std::string came_to_light;
    std::string raised_by;
    std::string child_words;
    std::int64_t owner_id = 0;
    std::string safety_plan;  // who they go to, what changes today
    std::string child_wants;  // their view of what should happen
    std::string child_part;   // by age and understanding, their part in choosing the response
    Telling telling;          // at the first stage: what happens next
};

struct Choosable {
    std::vector<std::int64_t> children;  // living in the home now
    std::vector<std::int64_t> owners;    // its registered manager and seniors
};

Result<ConcernDetails> read_concern(http::FormReader& form, const Choosable& choosable,
                                    Timestamp now);

// A correction of what was recorded: when and where it happened, the forms it took, who the
// group or adult is, what the child said, and how they are kept safe, with why. Who is in the
// concern, how it came to light and who leads it are not corrected here: a concern about the
// wrong children is closed at a review saying so, and recorded again.
struct Correction {
    ConcernDetails details;  // the concern as it is to read
    std::string reason;
    int version = 0;  // the version the reader corrected
};
Result<Correction> read_correction(http::FormReader& form, const ConcernDetails& current,
                                   Timestamp now);
// The details as each kept version holds them, and what each field is called.
nlohmann::json concern_json(const ConcernDetails& d);
const amendments::FieldLabels& concern_labels();

struct Stage {
    std::string stage;  // one of response_stages(), not "recorded"
    Timestamp happened_at{};
    std::string what;
    std::string who_came;      // a meeting
    std::string restorative;   // an outcome: what the child who bullied came to see
    std::string safeguarding;  // an investigation: "", reg40 or cp_referral
    std::string safeguarding_reference;
    std::string serious_event;      // reg40: which of bullying_serious_events()
    std::optional<Date> review_on;  // an outcome, or a review that continues
    bool closes = false;            // a review that closes the concern
    // An outcome or a review: the new versions of plans and the consequences it made, each about
    // one child of the concern.
    std::vector<ResponseRecord> changed;
    Telling telling;
};

// `concern_at`: when the bullying happened; no stage of the response comes before it. `offered`:
// the records of the concern's children since then that an outcome or a review may link.
Result<Stage> read_stage(http::FormReader& form, Timestamp concern_at, Timestamp now,
                         const std::vector<ResponseRecord>& offered = {});
// The key a form gives a record it offers: "plan_version:12".
std::string response_record_key(const ResponseRecord& r);
const std::vector<Choice>& response_record_kinds();
// That the child was told at a stage which owed it.
Result<Telling> read_told(http::FormReader& form, Date concern_on, Date today);

struct ReportBack {
    std::string told;  // who
    std::string how;
    std::string what;  // what they were told was done
    Timestamp told_at{};
};
Result<ReportBack> read_report_back(http::FormReader& form, Timestamp concern_at, Timestamp now);

// Whom the home tells of a concern, for each child in it: their social worker, their parents or
// carers, or another who must know (a school, an advocate).
const std::vector<Choice>& people_told();
// Ways to tell an adult; a child is told by ways_of_telling().
const std::vector<Choice>& ways_of_informing();

// The social worker or a parent or carer of one child in the concern told of it, and whether they
// were invited to a meeting about it.
struct Informed {
    std::int64_t child_id = 0;  // whose social worker or parent
    std::string who;            // people_told()
    std::string name;
    std::string how;  // ways_of_informing()
    Timestamp told_at{};
    bool invited = false;
    std::string what;  // what they were told, and what they said
};
// `children`: the children of the home in the concern, the child bullied first.
Result<Informed> read_informed(http::FormReader& form, const std::vector<std::int64_t>& children,
                               Timestamp concern_at, Timestamp now);

}  // namespace hearth::relationships
