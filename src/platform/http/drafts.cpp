#include "platform/http/drafts.hpp"

namespace hearth::http::drafts {

Result<std::int64_t> keep(db::Connection& c, std::int64_t person_id, const std::string& path,
                          const FormData& form, Timestamp now) {
    nlohmann::json kept = form.typed_values();
    kept.erase("csrf_token");
    return c.insert(
        "INSERT INTO drafts (person_id, path, form, created_at) VALUES ($1, $2, $3, $4) "
        "RETURNING id",
        {person_id, path, kept.dump(), format_utc(now)});
}

Result<std::optional<FormData>> find(db::Connection& c, std::int64_t id, std::int64_t person_id,
                                     const std::string& path) {
    auto row =
        TRY(c.query_one("SELECT form FROM drafts WHERE id = $1 AND person_id = $2 AND path = $3",
                        {id, person_id, path}));
    if (!row) {
        return std::optional<FormData>{};
    }
    return std::optional<FormData>{TRY(FormData::from_json(row->text(0)))};
}

}  // namespace hearth::http::drafts
