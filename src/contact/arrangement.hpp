#pragma once
// What is agreed about a child's contact (docs/practice-guidance.md, contact): with whom, which
// forms, how often, where, supervised or not and by whom, agreed by the registered manager with the
// social worker (who, and when), with the child's view — and, when face-to-face contact is less
// often than they would like, why. Letterbox contact under a court order is recorded with the
// local authority's agreement. And the child's digital contact agreement: devices, platforms,
// times and limits, agreed by the child, their social worker and the registered manager, each on a
// date, reviewed by its date. Plain data and rules; the store is arrangement_store.hpp.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "platform/clock.hpp"
#include "platform/http/form.hpp"

namespace hearth::contact {

// The review clock of a digital contact agreement: met only by the agreement that replaces it.
inline constexpr const char* digital_review_clock = "digital_contact_review";

struct ArrangementDetails {
    std::optional<std::int64_t> family_member_id;
    std::string person;
    std::vector<std::string> forms;
    std::string how_often;
    std::string place;
    std::string supervision;
    std::string supervised_by;
    bool letterbox = false;
    std::string agreed_with;
    Date agreed_on{};
    std::string child_view;
    std::string less_than_wished;
    Date starts_on{};
};

// `family`: the ids of the child's current family list. `today` is in the home's zone.
Result<ArrangementDetails> read_arrangement(http::FormReader& form,
                                            const std::vector<std::int64_t>& family, Date today);

// An arrangement that stopped: on which day (today at the latest), why, and what the child said.
struct ArrangementEnding {
    Date ended_on{};
    std::string reason;
    std::string child_view;
};
Result<ArrangementEnding> read_arrangement_ending(http::FormReader& form, Date starts_on,
                                                  Date today);

// A line of the placement plan's contact section: "Jade Evans (Mum): Visits by the child to them,
// every other Saturday, at a family centre, supervised by Chris Okafor. Agreed with ...".
std::string plan_line(const ArrangementDetails& d);

struct DigitalAgreement {
    std::string devices;
    std::string platforms;
    std::string times;
    std::string limits;
    Date child_agreed_on{};
    std::string social_worker;
    Date social_worker_agreed_on{};
    std::string manager;
    Date manager_agreed_on{};
    Date review_on{};
};
Result<DigitalAgreement> read_digital_agreement(http::FormReader& form, Date today);

}  // namespace hearth::contact
