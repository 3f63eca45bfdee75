#pragma once
// Who a restriction, an arrangement or a contact is with: someone on the child's current family
// list, or someone named (a friend). One reader and one list of choices for all three forms.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "platform/db/database.hpp"
#include "platform/http/form.hpp"
#include "platform/views/form_view.hpp"

namespace hearth::contact {

struct Who {
    std::optional<std::int64_t> family_member_id;
    std::string person;
};

// Reads family_member_id (one of `family`, the ids of the child's current family list) or
// person. `who`: how the form's messages name them, "who it restricts".
Who read_who(http::FormReader& form, const std::vector<std::int64_t>& family,
             const std::string& who);

// The child's current family list as a form's choices: "Jade Evans (Mum)".
struct FamilyChoices {
    views::Options options;
    std::vector<std::int64_t> ids;
};
Result<FamilyChoices> family_choices(db::Connection& c, std::int64_t child_id);
// The same, read on its own for a form's page.
Result<FamilyChoices> family_choices(db::Database& db, std::int64_t child_id);

}  // namespace hearth::contact
