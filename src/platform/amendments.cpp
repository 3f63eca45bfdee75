#include "platform/amendments.hpp"

namespace hearth::amendments {

std::vector<FieldChange> changes_between(const nlohmann::json& before, const nlohmann::json& after,
                                         const FieldLabels& labels) {
    auto show = [](const nlohmann::json& v) -> std::string {
        if (v.is_string()) {
            return v.get<std::string>();
        }
        if (v.is_boolean()) {
            return v.get<bool>() ? "Yes" : "No";
        }
        if (v.is_null()) {
            return "";
        }
        return v.dump();
    };
    std::vector<FieldChange> out;
    for (const auto& [field, label] : labels) {
        const nlohmann::json b = before.contains(field) ? before[field] : nlohmann::json{};
        const nlohmann::json a = after.contains(field) ? after[field] : nlohmann::json{};
        // A yes/no field added to a record after some of its versions were kept was "no" in them.
        const auto no = [](const nlohmann::json& v) { return v.is_null() || v == false; };
        if (b != a && !(no(b) && no(a))) {
            out.push_back({field, label, show(b), show(a)});
        }
    }
    return out;
}

Result<std::int64_t> keep_version(db::Connection& c, const std::string& record_type,
                                  std::int64_t record_id, int version, const nlohmann::json& record,
                                  const std::string& reason, std::int64_t changed_by,
                                  Timestamp at) {
    return c.insert(
        "INSERT INTO record_versions (record_type, record_id, version, record, reason, "
        "changed_at, changed_by) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
        {record_type, record_id, std::int64_t{version}, record.dump(), reason, format_utc(at),
         changed_by});
}

Result<std::vector<Version>> versions_of(db::Connection& c, const std::string& record_type,
                                         std::int64_t record_id) {
    auto rows =
        TRY(c.query("SELECT v.version, v.record, v.reason, v.changed_at, p.name FROM "
                    "record_versions v JOIN people p ON p.id = v.changed_by WHERE "
                    "v.record_type = $1 AND v.record_id = $2 ORDER BY v.version DESC",
                    {record_type, record_id}));
    std::vector<Version> out;
    for (const auto& r : rows) {
        out.push_back({static_cast<int>(r.integer(0)), nlohmann::json::parse(r.text(1)), r.text(2),
                       parse_utc(r.text(3)).value_or(Timestamp{}), r.text(4)});
    }
    return out;
}

nlohmann::json versions_json(const std::vector<Version>& versions) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& v : versions) {
        out.push_back({{"version", v.version},
                       {"record", v.record},
                       {"reason", v.reason},
                       {"changed_at", format_utc(v.changed_at)},
                       {"changed_by", v.changed_by}});
    }
    return out;
}

}  // namespace hearth::amendments
