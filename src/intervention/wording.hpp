#pragma once
// What a Reg 35 record's own words say it was for. A form offers only lawful purposes and lawful
// consequences, but the words typed beside them can still say "to keep good order" or "no pudding
// tonight": Hearth reads them and refuses the record with the reason, naming the rule, rather than
// keep a record of an unlawful measure as if it were lawful. Pure functions of the text.
#include <string>

#include "intervention/measure_lists.hpp"

namespace hearth::intervention {

// The unlawful purpose that `text` states ("for good order", "to make him comply", "as a
// punishment"), or nullptr.
const Refusal* unlawful_purpose_in(const std::string& text);

// The Reg 19 prohibition that a consequence described by `text` falls under ("no pudding", "no
// phone call to mum", "fined £5"), or nullptr. `kind` is the consequence's kind: money taken
// towards damage is reparation, and allowed.
const Refusal* prohibited_sanction_in(const std::string& text, const std::string& kind);

}  // namespace hearth::intervention
