#pragma once
// A child living in a home: the Schedule 3 basics of their case record (Reg 36).
// Plain data and rules; built only through read_child_details(), which names every field at fault.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "platform/amendments.hpp"
#include "platform/choice.hpp"
#include "platform/clock.hpp"
#include "platform/http/form.hpp"

namespace hearth::children {

const std::vector<Choice>& legal_bases();  // the statutory basis of the placement
const std::vector<Choice>& sexes();

struct ChildDetails {
    std::string first_name;
    std::string last_name;
    std::string preferred_name;
    std::string previous_names;
    Date date_of_birth{};
    std::string sex;
    std::string pronouns;
    std::string religion;
    std::string ethnicity;
    std::string language;  // first language, cultural and linguistic background
    std::string legal_basis;
    std::string placing_authority;
    std::string placing_authority_contact;
    std::string social_worker_name;
    std::string social_worker_contact;
    Date admission_date{};
    std::string address_before;  // where they lived before coming to the home
    std::string iro_name;        // Independent Reviewing Officer
    std::string iro_contact;
    std::string independent_visitor;  // name, and how to reach them
    std::string advocate;
    std::string school;  // school or college
    std::string designated_teacher;
    std::string employer;
    std::string
        address_on_leaving;  // written when they leave (leaving.hpp), corrected by amendment
    std::optional<Date> date_of_death;  // rarely used; the retention rule needs it (Reg 36(2))
};

// Validates every field against the rules of a case record. `today` is in the home's zone.
Result<ChildDetails> read_child_details(http::FormReader& form, Date today);

// What the admit form gives: the record as far as it is known on the day, and the first key
// worker. Key workers change afterwards only through a key-worker change, with the child's view
// (key_workers/key_worker_change.hpp).
struct Admission {
    ChildDetails details;
    std::optional<std::int64_t> key_worker;
};
Result<Admission> read_admission(http::FormReader& form, Date today);

// The stored shape of a version, for history and the API.
nlohmann::json to_json(const ChildDetails& d);
ChildDetails from_json(const nlohmann::json& j);

// The case record's fields as the form names them, in its order: what changed between two versions
// is amendments::changes_between(before, after, field_labels()).
const amendments::FieldLabels& field_labels();

// When something recorded as happening on `day` goes in the chronology: now if that is today,
// otherwise the start of that day in the home's zone.
Timestamp instant_of(Date day, Timestamp now);

std::string known_as(const ChildDetails& d);      // the name they are called by: "Ash"
std::string display_name(const ChildDetails& d);  // the preferred name when there is one
int age_on(const ChildDetails& d, Date day);

}  // namespace hearth::children
