#include "plans/behaviour_support.hpp"

#include <fmt/format.h>

#include "plans/plan_store.hpp"

namespace hearth::plans {

namespace {
constexpr const char* kind_key = "behaviour_plan";
}

Result<BehaviourSupport> behaviour_support(db::Connection& c, std::int64_t child_id) {
    BehaviourSupport s;
    s.child_id = child_id;
    s.href = fmt::format("/children/{}/plans/new?kind={}", child_id, kind_key);
    auto list = TRY(for_child(c, child_id));
    for (const auto& p : list) {
        if (p.kind != kind_key) {
            continue;
        }
        s.has_plan = true;
        s.href = fmt::format("/children/{}/plans/{}", child_id, p.id);
        s.new_version_href = s.href + "/versions/new";
        s.version = p.current.number;
        s.written_at = p.current.written_at;
        s.triggers = lines_of(section_text(p.current.sections, "triggers"));
        s.what_helps = lines_of(section_text(p.current.sections, "what_helps"));
        s.staff_response = lines_of(section_text(p.current.sections, "staff_response"));
    }
    return s;
}

bool review_prompted(const BehaviourSupport& s, Timestamp incident_at) {
    return !s.has_plan || s.written_at < incident_at;
}

}  // namespace hearth::plans
