#include "contact/who.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <limits>

#include "children/family/family_store.hpp"

namespace hearth::contact {

Who read_who(http::FormReader& f, const std::vector<std::int64_t>& family, const std::string& who) {
    Who out;
    const auto member =
        f.integer("family_member_id", who, false, 1, std::numeric_limits<std::int64_t>::max());
    out.person = f.text("person", "the name of " + who, {.max = 150});
    if (member && std::find(family.begin(), family.end(), *member) == family.end()) {
        f.fail("family_member_id", "Choose someone on the child's family list");
    } else if (member) {
        out.family_member_id = member;
    } else if (out.person.empty()) {
        f.fail("family_member_id",
               fmt::format("Choose {} from the family list, or give their name", who));
    }
    return out;
}

Result<FamilyChoices> family_choices(db::Connection& c, std::int64_t child_id) {
    FamilyChoices out;
    for (const auto& m : TRY(children::family_of(c, child_id))) {
        if (!m.ended_on) {
            out.options.emplace_back(std::to_string(m.id), fmt::format("{} ({})", m.details.name,
                                                                       m.details.relationship));
            out.ids.push_back(m.id);
        }
    }
    return out;
}

Result<FamilyChoices> family_choices(db::Database& db, std::int64_t child_id) {
    return db.read([&](db::Connection& c) { return family_choices(c, child_id); });
}

}  // namespace hearth::contact
