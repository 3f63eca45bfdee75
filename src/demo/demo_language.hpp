#pragma once
// Language that cares in the demo: the organisation's own changes to its list, and the checks
// behind the provider's figure. Fictional, like all demo data.
#include <cstdint>
#include <vector>

#include "platform/audit/audit_trail.hpp"
#include "platform/clock.hpp"
#include "platform/db/database.hpp"

namespace hearth::demo {

struct LanguageDemo {
    std::int64_t organisation_id = 0;
    audit::Actor willow_manager;
    audit::Actor harbour_manager;
    audit::Actor administrator;
    // The demo children with their home, and the words of their case record.
    struct ChildWords {
        std::int64_t child_id = 0;
        std::int64_t home_id = 0;
        std::string words;
    };
    std::vector<ChildWords> children;
};

Status create_language_demo(db::Connection& c, const LanguageDemo& demo, Timestamp now);

}  // namespace hearth::demo
