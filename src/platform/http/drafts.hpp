#pragma once
// What a person had typed when their session went idle, kept so that it comes back to the same
// form after they sign in again as the same person (docs/user-guide.md, "Signed out while
// typing"). Drafts belong to one person and one path; nobody else can bring one back. A draft
// holds what was typed about a child outside their record, so it is kept no longer than it is
// useful (issue 11): at most `drafts_kept_days`, and not past its person signing out.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

#include "platform/clock.hpp"
#include "platform/db/database.hpp"
#include "platform/http/form.hpp"
#include "platform/result.hpp"

namespace hearth::http::drafts {

// Drafts made before this moment are past keeping.
Timestamp kept_since(Timestamp now, std::chrono::days kept_for);

// Keeps the form (without its CSRF token, which will have changed) and returns the draft's id.
// Deletes every draft past keeping while it is there, so none outlives its days by long.
Result<std::int64_t> keep(db::Connection& c, std::int64_t person_id, const std::string& path,
                          const FormData& form, Timestamp now, std::chrono::days kept_for);

// The draft `id` if it is this person's, for this path, and not past keeping.
Result<std::optional<FormData>> find(db::Connection& c, std::int64_t id, std::int64_t person_id,
                                     const std::string& path, Timestamp now,
                                     std::chrono::days kept_for);

// Deletes every draft of this person: they signed out, so nothing of theirs is waiting.
Status forget_person(db::Connection& c, std::int64_t person_id);

}  // namespace hearth::http::drafts
