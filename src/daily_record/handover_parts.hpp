#pragma once
// The parts of a home's handover that other capabilities own: the contact of the shift and the
// concerns awaiting a social worker, the visitors still signed in. Each part is read in the
// handover's one snapshot and gives one view, which the page renders through the part's template
// and the handover's JSON carries under the part's key, so that the daily record knows nothing of
// who builds on its handover.
#include <functional>
#include <nlohmann/json.hpp>
#include <string>

#include "platform/db/database.hpp"
#include "platform/http/router.hpp"
#include "platform/in_order.hpp"

namespace hearth::daily_record {

// `since`: where this handover starts. A null view shows nothing.
using HandoverPartView = std::function<Result<nlohmann::json>(
    db::Connection&, const http::Context&, std::int64_t home_id, Timestamp since)>;

struct HandoverPart {
    int position = 100;         // top to bottom, under what was marked for handover
    std::string key;            // its place in the handover's JSON: "visitors"
    std::string template_name;  // rendered with the view, the home and the form token
    HandoverPartView view;
};

using HandoverParts = InOrder<HandoverPart>;

}  // namespace hearth::daily_record
