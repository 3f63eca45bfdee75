#pragma once
// Advocates offered and complaints made by the children in a bullying concern, in the database
// (bullying_voice.hpp). Each write is refused for a child who is not in the concern, and writes
// its audit entry, and a complaint its line in that child's chronology alone, in one transaction.
// They are read with the concern (find_concern).
#include "platform/audit/audit_trail.hpp"
#include "platform/db/database.hpp"
#include "relationships/bullying_voice.hpp"

namespace hearth::relationships {

Result<std::int64_t> record_advocate_offer(db::Connection& c, std::int64_t concern_id,
                                           const AdvocateOffer& a, const audit::Actor& actor,
                                           Timestamp now);
Result<std::int64_t> record_complaint(db::Connection& c, std::int64_t concern_id,
                                      const Complaint& k, const audit::Actor& actor, Timestamp now);
// Refused for a complaint not of this concern, or one that has its outcome already.
Status record_complaint_outcome(db::Connection& c, std::int64_t concern_id,
                                std::int64_t complaint_id, const ComplaintOutcome& o,
                                const audit::Actor& actor, Timestamp now);

}  // namespace hearth::relationships
