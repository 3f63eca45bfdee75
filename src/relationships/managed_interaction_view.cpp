#include "relationships/managed_interaction_view.hpp"

#include <fmt/format.h>

#include "deadlines/deadline_store.hpp"
#include "deadlines/deadline_view.hpp"

namespace hearth::relationships {

namespace {

// Who the other child is to this reader; `readable` false in a child's own record.
nlohmann::json other_child(const ManagedInteraction& m, std::int64_t page_child, bool readable) {
    const bool page_is_first = page_child == m.child_id;
    const auto id = page_is_first ? m.details.other_child_id : m.child_id;
    const auto& name = page_is_first ? m.other_child_name : m.child_name;
    if (!readable) {
        return {{"id", nullptr}, {"name", another_young_person}, {"named", false}};
    }
    return {{"id", id}, {"name", name}, {"named", true}};
}

nlohmann::json view_of(const ManagedInteraction& m, std::int64_t page_child, bool other_readable,
                       const nlohmann::json& review_clock, Timestamp now) {
    nlohmann::json reviews = nlohmann::json::array();
    for (const auto& v : m.reviews) {
        reviews.push_back(
            {{"ended", v.review.ended},
             {"decision", v.review.decision},
             {"next_review_on", v.review.next_review_on
                                    ? nlohmann::json(format_date(*v.review.next_review_on))
                                    : nlohmann::json()},
             {"reviewed_at", format_utc(v.reviewed_at)},
             {"reviewed_when", format_local(v.reviewed_at)},
             {"reviewed_by", v.reviewed_by}});
    }
    const auto& d = m.details;
    const auto page_name = page_child == m.child_id ? m.child_name : m.other_child_name;
    return {{"id", m.id},
            {"home_id", m.home_id},
            {"child", {{"id", page_child}, {"name", page_name}}},
            {"other_child", other_child(m, page_child, other_readable)},
            {"kind", d.kind},
            {"kind_label", label_in(interaction_kinds(), d.kind)},
            {"where_when", d.where_when},
            {"why", d.why},
            {"source", d.source},
            {"source_label", label_in(interaction_sources(), d.source)},
            {"concern_id", d.concern_id ? nlohmann::json(*d.concern_id) : nlohmann::json()},
            {"agreed_by", d.agreed_by},
            {"starts_on", format_date(d.starts_on)},
            {"starts", format_local_date(d.starts_on)},
            {"review_on", format_date(d.review_on)},
            {"review_by", format_local_date(d.review_on)},
            {"review_clock", review_clock},
            {"in_force", in_force(d, m.ended_on, local_date_of(now))},
            {"ended_on", m.ended_on ? nlohmann::json(format_date(*m.ended_on)) : nlohmann::json()},
            {"ended", m.ended_on ? format_local_date(*m.ended_on) : ""},
            {"reviews", reviews},
            {"has_reviews", !reviews.empty()},
            {"recorded_by", m.created_by},
            {"recorded_at", format_utc(m.created_at)},
            {"href", fmt::format("/children/{}/relationships/interactions/{}", page_child, m.id)}};
}

}  // namespace

Result<nlohmann::json> interaction_view(db::Connection& c, const ManagedInteraction& m,
                                        const Reader& reader, std::int64_t page_child,
                                        Timestamp now) {
    // When it is due and how it stands: the clock itself is filed under one of the children, and
    // is read in full on that child's deadlines.
    nlohmann::json clock;
    for (const auto& d : TRY(deadlines::for_source(c, "managed_interaction", m.id))) {
        if (d.kind == interaction_review_clock &&
            (d.state == deadlines::State::open || clock.is_null())) {
            const auto full = deadlines::deadline_view(d, now);
            clock = nlohmann::json::object();
            for (const char* key : {"due", "due_at", "distance", "standing", "tag", "state"}) {
                if (full.contains(key)) {
                    clock[key] = full[key];
                }
            }
        }
    }
    const auto other = page_child == m.child_id ? m.details.other_child_id : m.child_id;
    return view_of(m, page_child, may_read_child(reader, m.home_id, other), clock, now);
}

Result<nlohmann::json> interaction_views(db::Connection& c,
                                         const std::vector<ManagedInteraction>& list,
                                         const Reader& reader, std::int64_t page_child,
                                         Timestamp now) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& m : list) {
        out.push_back(TRY(interaction_view(c, m, reader, page_child, now)));
    }
    return out;
}

namespace {

Result<nlohmann::json> interactions_export_content(db::Connection& c, std::int64_t child_id) {
    const auto now =
        std::chrono::time_point_cast<std::chrono::milliseconds>(std::chrono::system_clock::now());
    nlohmann::json out = nlohmann::json::array();
    for (const auto& m : TRY(interactions_of(c, child_id))) {
        out.push_back(view_of(m, child_id, false, nlohmann::json(), now));
    }
    return out;
}

nlohmann::json interactions_export_blocks(const nlohmann::json& list) {
    namespace b = children::export_blocks;
    if (list.empty()) {
        return nlohmann::json::array({b::paragraph("No managed interactions were recorded.")});
    }
    nlohmann::json blocks = nlohmann::json::array();
    for (const auto& m : list) {
        blocks.push_back(b::heading(fmt::format(
            "{} another young person, from {}",
            m.value("kind", "") == "not_alone" ? "Not to be alone with" : "Kept apart from",
            m.value("starts", ""))));
        blocks.push_back(b::fields({{"Where or when", m.value("where_when", "")},
                                    {"Why", m.value("why", "")},
                                    {"From", m.value("source_label", "")},
                                    {"Agreed by", m.value("agreed_by", "")},
                                    {"Ended", m.value("ended", "")}}));
        std::vector<std::vector<std::string>> rows;
        for (const auto& v : m["reviews"]) {
            rows.push_back({v.value("reviewed_when", ""), v.value("decision", ""),
                            v.value("reviewed_by", "")});
        }
        if (!rows.empty()) {
            blocks.push_back(b::table("Reviews", {"When", "Decided", "By"}, rows));
        }
    }
    return blocks;
}

}  // namespace

children::ExportSection interactions_export_section() {
    return {"managed_interactions", "Managed interactions", interactions_export_content,
            interactions_export_blocks};
}

}  // namespace hearth::relationships
