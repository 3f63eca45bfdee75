#pragma once
// The organisation's accredited physical intervention techniques: Hearth's defaults, with the
// organisation's own added, and any it does not teach retired. A retired technique stays in the
// records that used it (each keeps the label it was written with); it is only not offered again.
#include <string>
#include <vector>

#include "intervention/measure_lists.hpp"
#include "platform/audit/audit_trail.hpp"
#include "platform/db/database.hpp"

namespace hearth::intervention {

struct Technique {
    std::string key;
    std::string label;
    bool retired = false;
    bool own = false;  // added by the organisation, not one of Hearth's defaults
};

// Every technique, retired ones too: Hearth's defaults in their order, then the organisation's.
Result<std::vector<Technique>> technique_list(db::Connection& c, std::int64_t organisation_id);
// The techniques a Reg 35 record may name: the list less those retired.
Result<std::vector<Choice>> techniques_of(db::Connection& c, std::int64_t organisation_id);

// Refused at `label` when it is empty, too long, or names one already in the list.
Status add_technique(db::Connection& c, std::int64_t organisation_id, const std::string& label,
                     const audit::Actor& actor, Timestamp now);
// Retire or restore a technique of the list; refused with a conflict when it already is.
Status set_retired(db::Connection& c, std::int64_t organisation_id, const std::string& key,
                   bool retired, const audit::Actor& actor, Timestamp now);

// A technique's key from its label: lower case letters and digits joined by "_".
std::string technique_key(const std::string& label);

}  // namespace hearth::intervention
