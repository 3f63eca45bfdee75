#pragma once
// Records other capabilities keep that the response to a bullying concern makes: a new version of
// a child's risk assessment or behaviour support plan (plans), and a consequence given to a child
// who bullied, recorded as a Reg 35 measure under the Reg 19 rules that refuse a prohibited one
// (intervention). An outcome or a review links those it made. Each capability that keeps such
// records adds a source here; relationships knows nothing of how they are kept.
#include <algorithm>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "platform/clock.hpp"
#include "platform/db/database.hpp"

namespace hearth::relationships {

inline constexpr const char* plan_version_record = "plan_version";
inline constexpr const char* consequence_record = "consequence";

struct ResponseRecord {
    std::string kind;     // plan_version_record or consequence_record
    std::int64_t id = 0;  // the plan version's, or the measure's
    std::int64_t child_id = 0;
    std::string title;  // "Behaviour support plan, version 3"
    std::string href;
    Timestamp at{};
};

// A child's records of one kind made at or after `since`.
using ResponseRecordSource = std::function<Result<std::vector<ResponseRecord>>(
    db::Connection&, std::int64_t child_id, Timestamp since)>;

struct ResponseRecords {
    std::vector<ResponseRecordSource> sources;

    void add(ResponseRecordSource source) { sources.push_back(std::move(source)); }

    // Every source's records of the child since `since`, oldest first.
    Result<std::vector<ResponseRecord>> of(db::Connection& c, std::int64_t child_id,
                                           Timestamp since) const {
        std::vector<ResponseRecord> out;
        for (const auto& source : sources) {
            for (auto& r : TRY(source(c, child_id, since))) {
                out.push_back(std::move(r));
            }
        }
        std::stable_sort(
            out.begin(), out.end(),
            [](const ResponseRecord& a, const ResponseRecord& b) { return a.at < b.at; });
        return out;
    }
};

}  // namespace hearth::relationships
