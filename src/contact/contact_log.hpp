#pragma once
// The contact log: each contact with family and friends, planned or that happened — with whom,
// which form, when, supervised by whom, how it went for the child in their words and the staff
// member's, and what follows. A planned contact that did not happen says who cancelled it, why,
// and how the child took it. Contact with someone under a restriction that covers its form is
// refused unless the person recording says why it may go ahead (supervised under the order, for
// example); a visit to the child at the home is planned outside their school hours, or says why
// not, and how the other children living there were considered (docs/practice-guidance.md,
// contact). Plain data and rules; built from a form only through the readers below, which name
// every field at fault. The store is contact_log_store.hpp.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "contact/restriction.hpp"
#include "contact/school_hours.hpp"
#include "platform/choice.hpp"
#include "platform/clock.hpp"
#include "platform/http/form.hpp"

namespace hearth::contact {

const std::vector<Choice>& contact_states();     // planned, happened, cancelled
const std::vector<Choice>& supervisions();       // none, staff, external
const std::vector<Choice>& directions();         // to the child, from the child
const std::vector<Choice>& cancelled_by_whom();  // the child, the family, the home, ...

// Letters and messages go one way or the other; their direction is asked.
bool has_direction(const std::string& form);
// A visit to the child at the home: planned around school and the other children.
bool is_visit_at_home(const std::string& form);

// The clock of a concern about what a contact said: an answer from the social worker by the time
// the home asked for it, met only by recording the follow-up they agreed.
inline constexpr const char* concern_clock = "contact_concern";

struct ContactDetails {
    std::optional<std::int64_t> family_member_id;  // someone on the child's family list, or
    std::string person;                            // someone named here (a friend)
    std::string form;
    std::string state;  // planned or happened when recorded; cancelled only as an outcome
    Timestamp starts_at{};
    std::string place;
    std::string supervision;
    std::string supervised_by;
    std::string direction;
    bool through_social_worker = false;  // a letter the social worker checks and passes on
    std::string restriction_why;         // why it may go ahead despite a restriction
    std::string school_hours_why;
    std::string others_considered;
    std::string child_words;
    std::string staff_view;
    std::string follow_up;
};

// A restriction in force as the contact log sees it: who, and which forms, on which days.
struct RestrictionInForce {
    std::int64_t id = 0;
    std::optional<std::int64_t> family_member_id;
    std::string person;
    RestrictionDetails details;
    std::string basis_label;
};

// The restriction, if any, that covers contact in `form` with this person on `day`: the same
// family-list entry, or the same name (letters and case aside).
std::optional<RestrictionInForce> restriction_covering(
    const std::vector<RestrictionInForce>& restrictions, std::optional<std::int64_t> member,
    const std::string& person, const std::string& form, Date day);

// What a contact form is read against: the child's family list, the restrictions in force, their
// school hours, and the time now (in the home's zone).
struct LogContext {
    std::vector<std::int64_t> family;
    std::vector<RestrictionInForce> restrictions;
    SchoolHours school;
    Timestamp now{};
};

struct ReadContact {
    ContactDetails details;
    std::optional<std::int64_t> restriction_id;  // the restriction it goes ahead under
};
Result<ReadContact> read_contact(http::FormReader& form, const LogContext& context);

// What became of a planned contact: it happened (how it went) or it was cancelled.
struct Outcome {
    bool happened = false;
    std::string child_words;
    std::string staff_view;
    std::string follow_up;
    std::string cancelled_by;
    std::string cancelled_why;
    std::string child_took_it;
};
// `planned_at`: a contact cannot be recorded as happening before its time.
Result<Outcome> read_outcome(http::FormReader& form, Timestamp planned_at, Timestamp now);

// A concern about what a letter, call or message said, raised with the social worker: what, with
// whom, and by when an answer is wanted.
struct Concern {
    std::string about;
    std::string raised_with;
    Timestamp answer_by{};
};
Result<Concern> read_concern(http::FormReader& form, Timestamp now);

// The follow-up the social worker agreed.
struct ConcernAnswer {
    std::string agreed;
    std::string agreed_with;
};
Result<ConcernAnswer> read_concern_answer(http::FormReader& form);

}  // namespace hearth::contact
