#pragma once
// The words of a Reg 35 record, as data: the kinds of measure, the lawful purposes of restraint
// (Reg 20) and the purposes that are never lawful, positions, the rights a child is told of after
// restraint, the consequences a home may use and the sanctions Reg 19 prohibits, and how well a
// consequence worked. Each list is a table in measure_lists.cpp.
#include <string>
#include <vector>

#include "platform/choice.hpp"

namespace hearth::intervention {

// physical_intervention, restriction_of_liberty (both restraint), consequence (discipline).
const std::vector<Choice>& measure_kinds();
bool is_restraint(const std::string& kind);

// Restraint is lawful only to prevent injury to any person, the child included, or serious damage
// to property (Reg 20); a secure home's "to prevent absconding" does not apply to these homes.
const std::vector<Choice>& lawful_purposes();

// What restraint is never for (Reg 20; Ofsted SCCIF): each with why, which the form shows when
// it refuses one.
struct Refusal {
    std::string key;
    std::string label;
    std::string why;
};
const std::vector<Refusal>& unlawful_purposes();  // good_order, compliance, sanction, ...
const Refusal* find_unlawful_purpose(const std::string& key);

// The techniques of an accredited scheme that Hearth starts an organisation with; each
// organisation adds its own scheme's and retires any it does not teach (intervention_techniques).
const std::vector<Choice>& default_techniques();

const std::vector<Choice>& positions();

// The rights a child who was restrained is told of: to see a medical professional, and to contact
// an advocate, their social worker, the Children's Commissioner or Ofsted.
const std::vector<Choice>& rights();

// Consequences a home may use, in proportion and linked to what happened.
const std::vector<Choice>& consequence_kinds();
// What Reg 19 prohibits as a sanction, each with why.
const std::vector<Refusal>& prohibited_sanctions();
const Refusal* find_prohibited_sanction(const std::string& key);

// How well a consequence worked, as the child and staff see it.
const std::vector<Choice>& effectiveness_levels();

}  // namespace hearth::intervention
