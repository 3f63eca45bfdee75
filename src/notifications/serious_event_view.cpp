#include "notifications/serious_event_view.hpp"

#include <fmt/format.h>

#include "deadlines/deadline_store.hpp"
#include "deadlines/deadline_view.hpp"

namespace hearth::notifications {

// One view of a serious event, for its page, its JSON, the lists and the API.
nlohmann::json serious_event_view(const SeriousEvent& e,
                                  const std::optional<deadlines::Deadline>& clock, Timestamp now) {
    const auto* kind = event_kind(e.event);
    nlohmann::json told = nlohmann::json::array();
    for (const auto& r : e.recipients) {
        told.push_back(
            {{"recipient", r.recipient},
             {"label", label_in(recipients(), r.recipient)},
             {"required", r.required},
             {"told", r.told_at.has_value()},
             {"named", r.named},
             {"method", r.method},
             {"method_label", r.method.empty() ? "" : label_in(methods(), r.method)},
             {"reference", r.reference},
             {"told_at", r.told_at ? nlohmann::json(format_utc(*r.told_at)) : nlohmann::json()},
             {"told_when", r.told_at ? format_local(*r.told_at) : ""},
             {"told_by", r.told_by ? nlohmann::json{{"id", *r.told_by}, {"name", r.told_by_name}}
                                   : nlohmann::json()}});
    }
    const auto owed = still_to_tell(e.recipients);
    std::string owed_text;
    for (const auto& o : owed) {
        owed_text += (owed_text.empty() ? "" : "; ") + o;
    }
    return {{"id", e.id},
            {"home_id", e.home_id},
            {"child", e.child_id ? nlohmann::json{{"id", *e.child_id}, {"name", e.child_name}}
                                 : nlohmann::json()},
            {"incident_id", e.incident_id ? nlohmann::json(*e.incident_id) : nlohmann::json()},
            {"outcome_of", e.outcome_of ? nlohmann::json(*e.outcome_of) : nlohmann::json()},
            {"event", e.event},
            {"label", kind ? kind->label : e.event},
            {"regulation", kind ? kind->regulation : ""},
            {"regulation_words", kind ? kind->words : ""},
            {"what_happened", e.what_happened},
            {"became_known_at", format_utc(e.became_known_at)},
            {"became_known", format_local(e.became_known_at)},
            {"withdrawn_reason", e.withdrawn_reason},
            {"recorded_by", e.created_by_name},
            {"recorded_at", format_utc(e.created_at)},
            {"recipients", told},
            {"still_to_tell", owed},
            {"still_to_tell_text", owed_text},
            {"all_told", owed.empty()},
            {"is_enquiry", e.event == enquiry},
            {"outcomes", e.outcomes},
            {"has_outcome", !e.outcomes.empty()},
            {"clock", clock ? deadlines::deadline_view(*clock, now) : nlohmann::json()},
            {"href", e.child_id ? fmt::format("/children/{}/serious-events/{}", *e.child_id, e.id)
                                : fmt::format("/homes/{}/serious-events/{}", e.home_id, e.id)}};
}

Result<std::optional<deadlines::Deadline>> clock_of(db::Connection& c, std::int64_t id) {
    auto all = TRY(deadlines::for_source(c, "serious_event", id));
    for (auto& d : all) {
        if (d.kind == clock_kind) {
            return std::optional<deadlines::Deadline>{std::move(d)};
        }
    }
    return std::optional<deadlines::Deadline>{};
}

Result<nlohmann::json> views_of(db::Connection& c, const std::vector<SeriousEvent>& list,
                                Timestamp now) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& e : list) {
        out.push_back(serious_event_view(e, TRY(clock_of(c, e.id)), now));
    }
    return out;
}

namespace {

Result<nlohmann::json> export_content(db::Connection& c, std::int64_t child_id) {
    const auto now =
        std::chrono::time_point_cast<std::chrono::milliseconds>(std::chrono::system_clock::now());
    return views_of(c, TRY(for_child(c, child_id)), now);
}

nlohmann::json export_blocks(const nlohmann::json& list) {
    namespace b = children::export_blocks;
    if (list.empty()) {
        return nlohmann::json::array(
            {b::paragraph("No serious event was notified about this child.")});
    }
    nlohmann::json blocks = nlohmann::json::array();
    for (const auto& e : list) {
        blocks.push_back(
            b::heading(fmt::format("{}, {}", e.value("label", ""), e.value("became_known", ""))));
        std::vector<std::vector<std::string>> rows;
        for (const auto& r : e["recipients"]) {
            std::string by;
            if (r["told_by"].is_object()) {
                by = r["told_by"].value("name", "");
            }
            rows.push_back(
                {r.value("label", ""),
                 r.value("told", false) ? r.value("told_when", "") : "Not told",
                 by + (r.value("method_label", "").empty() ? ""
                                                           : ", " + r.value("method_label", "")),
                 r.value("reference", "")});
        }
        blocks.push_back(b::fields({{"What happened", e.value("what_happened", "")},
                                    {"The law", e.value("regulation", "")},
                                    {"Withdrawn", e.value("withdrawn_reason", "")}}));
        blocks.push_back(
            b::table("Who was told", {"Who", "When", "By, and how", "Reference"}, rows));
    }
    return blocks;
}

}  // namespace

children::ExportSection serious_events_export_section() {
    return {"serious_events", "Serious events (Reg 40)", export_content, export_blocks};
}

}  // namespace hearth::notifications
