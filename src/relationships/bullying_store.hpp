#pragma once
// Bullying concerns in the database. Recording one writes it, its first stage (the concern
// recorded, with what the child was told), a line in the chronology of each child of the home it
// is about (each about that child alone: the child who bullied is told of as "another young
// person" in the other's record, and likewise) and, when someone from outside the home raised it,
// the clock to tell them what was done, in one transaction. Each later stage is added the same
// way; an outcome or a continuing review starts the review's clock, a review meets it.
#include <optional>
#include <string>
#include <vector>

#include "platform/audit/audit_trail.hpp"
#include "platform/auth/permissions.hpp"
#include "platform/db/database.hpp"
#include "relationships/bullying_concern.hpp"
#include "relationships/bullying_voice.hpp"

namespace hearth::relationships {

// What a concern is in the audit trail, the clocks and the chronology.
inline constexpr const char* concern_record_type = "bullying_concern";

struct StageRecord {
    std::int64_t id = 0;
    Stage stage;
    std::optional<std::int64_t> serious_event_id;  // the Reg 40 notification it raised
    Timestamp recorded_at{};
    std::string recorded_by;
};

struct NamedChild {
    std::int64_t id = 0;
    std::string name;
};

struct InformedRecord {
    std::int64_t id = 0;
    Informed informed;
    std::string recorded_by;
};

struct AdvocateRecord {
    std::int64_t id = 0;
    AdvocateOffer offer;
    std::string recorded_by;
};

struct ComplaintRecord {
    std::int64_t id = 0;
    Complaint complaint;
    std::string recorded_by;
};

struct Concern {
    std::int64_t id = 0;
    std::int64_t home_id = 0;
    ConcernDetails details;
    std::string child_name;
    std::vector<NamedChild> by_children;
    std::string owner_name;
    ReportBack report_back;  // told empty until it is recorded
    std::optional<Date> review_on;
    std::optional<Timestamp> closed_at;
    Timestamp created_at{};
    std::string created_by;
    std::vector<StageRecord> stages;          // the concern recorded first
    std::vector<InformedRecord> informed;     // in the order they were told
    std::vector<AdvocateRecord> advocates;    // in the order they were offered
    std::vector<ComplaintRecord> complaints;  // in the order they were made
    int version = 1;                          // of the row: every change adds one

    // The stages at which the child was not told, and so owe it.
    int owing() const;
    // Whether a child of the home is in it: the child bullied, or one thought to have bullied.
    bool about(std::int64_t child_id) const;
    // The children of the home in it, the child bullied first.
    std::vector<std::int64_t> children() const;
};

Result<std::int64_t> record_concern(db::Connection& c, std::int64_t home_id,
                                    const ConcernDetails& d, const audit::Actor& actor,
                                    Timestamp now);
// Keeps the concern as it was and as corrected, each version whole with who and why, and revises
// each child's chronology line. Refused when nothing changed, when the concern changed since
// `k.version`, or when the bullying would be after a stage of its response.
Status correct_concern(db::Connection& c, std::int64_t concern_id, const Correction& k,
                       const audit::Actor& actor, Timestamp now);

// Refused once the concern is closed. An investigation that finds a Reg 40 serious event raises
// it for the child bullied, in the same transaction.
Status add_stage(db::Connection& c, std::int64_t concern_id, const Stage& s,
                 const audit::Actor& actor, Timestamp now);
// Refused when the child was recorded as told at that stage already.
Status record_told(db::Connection& c, std::int64_t concern_id, std::int64_t stage_id,
                   const Telling& t, const audit::Actor& actor, Timestamp now);
// Refused when nobody from outside raised it, or they were told already.
Status record_report_back(db::Connection& c, std::int64_t concern_id, const ReportBack& r,
                          const audit::Actor& actor, Timestamp now);

// Refused for a child who is not in the concern. A closed concern may still be told of.
Result<std::int64_t> record_informed(db::Connection& c, std::int64_t concern_id, const Informed& i,
                                     const audit::Actor& actor, Timestamp now);

Result<std::optional<Concern>> find_concern(db::Connection& c, std::int64_t id);
// A home's open concerns, the newest first.
Result<std::vector<Concern>> open_concerns(db::Connection& c, std::int64_t home_id);
// A home's closed concerns, the newest first, `limit` at a time before concern `before`.
Result<std::vector<Concern>> closed_concerns(db::Connection& c, std::int64_t home_id,
                                             std::optional<std::int64_t> before, int limit);
// Every concern a child is part of, as the child bullied or among those thought to have bullied.
Result<std::vector<Concern>> concerns_of(db::Connection& c, std::int64_t child_id);
// The concerns of the home that happened in [from, until), oldest first: what the figures count.
Result<std::vector<Concern>> concerns_between(db::Connection& c, std::int64_t home_id,
                                              Timestamp from, Timestamp until);

// Reading a concern is reading the record of each of its children the reader may read about.
Status record_concern_read(db::Connection& c, const Concern& k, const Reader& reader,
                           const audit::Actor& actor, Timestamp now);
// For the router: a concern is reached under its home, or under any child it is about.
Status resolve_concern_scope(db::Connection& c, std::int64_t id, Scope& scope);

}  // namespace hearth::relationships
