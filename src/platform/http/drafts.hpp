#pragma once
// What a person had typed when their session went idle, kept so that it comes back to the same
// form after they sign in again as the same person (docs/user-guide.md, "Signed out while
// typing"). Drafts belong to one person and one path; nobody else can bring one back.
#include <cstdint>
#include <optional>
#include <string>

#include "platform/clock.hpp"
#include "platform/db/database.hpp"
#include "platform/http/form.hpp"
#include "platform/result.hpp"

namespace hearth::http::drafts {

// Keeps the form (without its CSRF token, which will have changed) and returns the draft's id.
Result<std::int64_t> keep(db::Connection& c, std::int64_t person_id, const std::string& path,
                          const FormData& form, Timestamp now);

// The draft `id` if it is this person's, for this path.
Result<std::optional<FormData>> find(db::Connection& c, std::int64_t id, std::int64_t person_id,
                                     const std::string& path);

}  // namespace hearth::http::drafts
