#include "daily_record/handover_store.hpp"

#include <fmt/format.h>

#include <limits>

namespace hearth::daily_record {

namespace {
constexpr const char* handover_columns =
    "h.id, h.home_id, h.shift, h.covers_from, h.given_at, p.name, h.notes";

Handover handover_from(const db::Row& r) {
    return {r.integer(0),
            r.integer(1),
            r.text(2),
            parse_utc(r.text(3)).value_or(Timestamp{}),
            parse_utc(r.text(4)).value_or(Timestamp{}),
            r.text(5),
            r.text(6)};
}
}  // namespace

Result<std::optional<Handover>> last_handover(db::Connection& c, std::int64_t home_id) {
    auto row = TRY(c.query_one(fmt::format("SELECT {} FROM handovers h JOIN people p ON p.id = "
                                           "h.given_by WHERE h.home_id = $1 ORDER BY h.id "
                                           "DESC LIMIT 1",
                                           handover_columns),
                               {home_id}));
    if (!row) {
        return std::optional<Handover>{};
    }
    return std::optional<Handover>{handover_from(*row)};
}

Result<std::int64_t> give_handover(db::Connection& c, std::int64_t home_id,
                                   const std::string& shift, Timestamp covers_from,
                                   const std::string& notes, const audit::Actor& actor,
                                   Timestamp now) {
    if (!actor.person_id) {
        return Error::internal("a handover needs a signed-in person");
    }
    auto id = TRY(c.insert(
        "INSERT INTO handovers (home_id, shift, covers_from, given_at, given_by, "
        "notes) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        {home_id, shift, format_utc(covers_from), format_utc(now), *actor.person_id, notes}));
    TRY(audit::append(
        c, actor,
        {"create", "handover", std::to_string(id), home_id, std::nullopt,
         fmt::format("{} handover, covering from {}", shift, format_utc(covers_from))},
        now));
    return id;
}

Result<std::vector<Handover>> handovers(db::Connection& c, std::int64_t home_id,
                                        std::optional<std::int64_t> before, int limit) {
    auto rows = TRY(c.query(
        fmt::format("SELECT {} FROM handovers h JOIN people p ON p.id = h.given_by "
                    "WHERE h.home_id = $1 AND h.id < $2 ORDER BY h.id DESC LIMIT $3",
                    handover_columns),
        {home_id, before.value_or(std::numeric_limits<std::int64_t>::max()), std::int64_t{limit}}));
    std::vector<Handover> out;
    for (const auto& r : rows) {
        out.push_back(handover_from(r));
    }
    return out;
}

}  // namespace hearth::daily_record
