#pragma once
// A child's parents and the people with parental responsibility for them (Schedule 3): the list
// the contact capability builds on. An entry is amended, keeping every earlier version, or ended
// when it no longer applies (a parental responsibility order ends, a person dies); never deleted.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "platform/amendments.hpp"
#include "platform/clock.hpp"
#include "platform/http/form.hpp"

namespace hearth::children {

struct FamilyMemberDetails {
    std::string name;
    std::string relationship;  // in the family's own words: "Mum", "Grandad", "Stepfather"
    bool parental_responsibility = false;
    std::string contact_details;  // phone, email, address: what staff need to reach them
    std::string notes;
};

struct FamilyMember {
    std::int64_t id = 0;
    std::int64_t child_id = 0;
    FamilyMemberDetails details;
    std::optional<Date> ended_on;  // set when the entry no longer applies
    std::string end_reason;
    int version = 0;
    std::string created_at;
    std::string updated_at;
    std::string updated_by_name;
};

// Validates every field and finishes the form.
Result<FamilyMemberDetails> read_family_member(http::FormReader& form);

// Ending an entry: the day it stopped applying and why.
struct FamilyMemberEnding {
    Date ended_on{};
    std::string reason;
};
// `today` is in the home's zone. Finishes the form.
Result<FamilyMemberEnding> read_family_member_ending(http::FormReader& form, Date today);

nlohmann::json to_json(const FamilyMemberDetails& d);
// What a version stores: the details, and the ending once there is one.
nlohmann::json version_record(const FamilyMemberDetails& d, const std::optional<Date>& ended_on,
                              const std::string& end_reason);

// The fields of a stored version and their labels, in the order of the form.
const amendments::FieldLabels& family_field_labels();
// How a value of a stored version reads on the page: a date as the home writes dates.
std::string shown_family_value(const std::string& value);

// What changed between two stored versions, labelled, in the order of the form.
struct FamilyChange {
    std::string label;
    std::string before;
    std::string after;
};
std::vector<FamilyChange> family_changes_between(const nlohmann::json& before,
                                                 const nlohmann::json& after);

// "Mum (parental responsibility)": a line for lists and the chronology.
std::string describe(const FamilyMemberDetails& d);

}  // namespace hearth::children
