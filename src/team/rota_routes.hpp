#pragma once
#include "platform/http/router.hpp"

namespace hearth::team {

// A home's rota a week at a time (planned and worked, its shortfalls, who is on shift now), each
// shift with what happened on it, the staffing the statement of purpose promises; each person's own
// shifts with their calendar address. The API mirrors the rota.
void add_rota_routes(http::Router& router);
// At handover: who is on shift now, by the rota (daily_record::HandoverParts).
Result<nlohmann::json> handover_on_shift(db::Connection& c, const http::Context& ctx,
                                         std::int64_t home_id, Timestamp since);

}  // namespace hearth::team
