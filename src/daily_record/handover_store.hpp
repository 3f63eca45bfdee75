#pragma once
// Handovers in the database: each is kept, with who gave it, when and what they said.
#include <optional>
#include <string>
#include <vector>

#include "platform/audit/audit_trail.hpp"
#include "platform/db/database.hpp"

namespace hearth::daily_record {

struct Handover {
    std::int64_t id = 0;
    std::int64_t home_id = 0;
    std::string shift;
    Timestamp covers_from{};
    Timestamp given_at{};
    std::string given_by_name;
    std::string notes;
};

Result<std::optional<Handover>> last_handover(db::Connection& c, std::int64_t home_id);
Result<std::int64_t> give_handover(db::Connection& c, std::int64_t home_id,
                                   const std::string& shift, Timestamp covers_from,
                                   const std::string& notes, const audit::Actor& actor,
                                   Timestamp now);
// Newest first; `before` is the id the previous page ended at.
Result<std::vector<Handover>> handovers(db::Connection& c, std::int64_t home_id,
                                        std::optional<std::int64_t> before, int limit);

}  // namespace hearth::daily_record
