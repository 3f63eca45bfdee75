#include "platform/http/drafts.hpp"

namespace hearth::http::drafts {

Timestamp kept_since(Timestamp now, std::chrono::days kept_for) {
    return now - kept_for;
}

Result<std::int64_t> keep(db::Connection& c, std::int64_t person_id, const std::string& path,
                          const FormData& form, Timestamp now, std::chrono::days kept_for) {
    TRY(c.run("DELETE FROM drafts WHERE created_at < $1", {format_utc(kept_since(now, kept_for))}));
    nlohmann::json kept = form.typed_values();
    kept.erase("csrf_token");
    return c.insert(
        "INSERT INTO drafts (person_id, path, form, created_at) VALUES ($1, $2, $3, $4) "
        "RETURNING id",
        {person_id, path, kept.dump(), format_utc(now)});
}

Result<std::optional<FormData>> find(db::Connection& c, std::int64_t id, std::int64_t person_id,
                                     const std::string& path, Timestamp now,
                                     std::chrono::days kept_for) {
    auto row = TRY(
        c.query_one("SELECT form FROM drafts WHERE id = $1 AND person_id = $2 AND path = $3 AND "
                    "created_at >= $4",
                    {id, person_id, path, format_utc(kept_since(now, kept_for))}));
    if (!row) {
        return std::optional<FormData>{};
    }
    return std::optional<FormData>{TRY(FormData::from_json(row->text(0)))};
}

Status forget_person(db::Connection& c, std::int64_t person_id) {
    return c.run("DELETE FROM drafts WHERE person_id = $1", {person_id});
}

}  // namespace hearth::http::drafts
