#pragma once
// Amendments: records about children are never overwritten. Each version of a record is kept
// whole, with who made it, when and why, and a page shows what changed between two versions.
// The record_versions table holds them for every record type that does not keep its own.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "platform/clock.hpp"
#include "platform/db/database.hpp"

namespace hearth::amendments {

// Field name -> the label people know it by, in the order a form shows them.
using FieldLabels = std::vector<std::pair<std::string, std::string>>;

struct FieldChange {
    std::string field;
    std::string label;
    std::string before;
    std::string after;
};
// What changed between two stored versions of a record, in the order of `labels`.
std::vector<FieldChange> changes_between(const nlohmann::json& before, const nlohmann::json& after,
                                         const FieldLabels& labels);

struct Version {
    int version = 0;
    nlohmann::json record;
    std::string reason;
    Timestamp changed_at{};
    std::string changed_by;
};

// Returns the kept version's row id, for a chronology line about that one version.
Result<std::int64_t> keep_version(db::Connection& c, const std::string& record_type,
                                  std::int64_t record_id, int version, const nlohmann::json& record,
                                  const std::string& reason, std::int64_t changed_by, Timestamp at);
// Newest first.
Result<std::vector<Version>> versions_of(db::Connection& c, const std::string& record_type,
                                         std::int64_t record_id);

// Every version as the JSON and the exports show it: version, record, reason, changed_at (UTC),
// changed_by.
nlohmann::json versions_json(const std::vector<Version>& versions);

}  // namespace hearth::amendments
