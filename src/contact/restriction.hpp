#pragma once
// A restriction of a child's contact with someone: who, which forms of contact, why (to safeguard
// the child or to promote their welfare), on what basis (a court order, the placing authority's
// decision, or the home's own), from when to when, and whether the social worker agreed it
// beforehand. The home restricts contact only when it must (docs/practice-guidance.md, contact):
// never as a sanction (Reg 19). One the home imposes in an emergency without that agreement is
// notified to the placing authority within 24 hours, and every restriction is reviewed by its date
// with the child's view. Plain data and rules; built from a form only through read_restriction()
// and the readers below, which name every field at fault. The store is restriction_store.hpp.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "platform/choice.hpp"
#include "platform/clock.hpp"
#include "platform/http/form.hpp"

namespace hearth::contact {

// The forms contact takes (seed 003: visits both ways, telephone, letters, email and text, social
// media and other internet contact).
const std::vector<Choice>& contact_forms();
const std::vector<Choice>& restriction_reasons();  // safeguard, welfare
const std::vector<Choice>& restriction_bases();    // court_order, placing_authority, home
const std::vector<Choice>& notice_methods();       // how the placing authority was told

// The clocks: the emergency notice to the placing authority (24 hours, met only by recording that
// it was given), and the review by its date (met only by recording the review).
inline constexpr const char* emergency_notice_clock = "contact_restriction_notice";
inline constexpr const char* review_clock = "contact_restriction_review";
inline constexpr int emergency_notice_hours = 24;

struct RestrictionDetails {
    std::optional<std::int64_t> family_member_id;  // someone on the child's family list, or
    std::string person;                            // someone named here (a friend)
    std::vector<std::string> forms;
    std::string reason;
    std::string why;
    std::string basis;
    Date starts_on{};
    std::optional<Date> ends_on;
    bool agreed_beforehand = false;
    std::string agreed_with;  // the social worker, when agreed beforehand
    std::optional<Date> agreed_on;
    Date review_on{};
    bool child_told = false;
    std::string child_view;    // what they said, when told
    std::string not_told_why;  // why not yet, when not
};

// Imposed by the home in an emergency, without the placing authority's prior agreement: the
// placing authority is owed full details within 24 hours.
bool is_emergency(const RestrictionDetails& d);

// `family`: the ids of the child's current family list. `today` is in the home's zone.
Result<RestrictionDetails> read_restriction(http::FormReader& form,
                                            const std::vector<std::int64_t>& family, Date today);

// That the placing authority was given full details: who, how and when. `imposed`: when the
// restriction began; nobody is told before it.
struct Notice {
    std::string told;  // who at the placing authority
    std::string method;
    Timestamp told_at{};
};
Result<Notice> read_notice(http::FormReader& form, Timestamp imposed, Timestamp now);

// A review by its date: what was decided, with the child's view. Continuing sets the next review.
struct Review {
    bool lifted = false;
    std::string decision;  // what was decided and why
    std::string child_view;
    std::optional<Date> next_review_on;
};
Result<Review> read_review(http::FormReader& form, Date today);

// Whether a restriction in force on `day` covers contact in `form`.
bool covers(const RestrictionDetails& d, Date day, const std::string& form);

}  // namespace hearth::contact
