#include "team/supervision_view.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace hearth::team {

namespace {

std::string signatures_tag(Signatures s) {
    return s == Signatures::both ? "govuk-tag--green" : "govuk-tag--yellow";
}

nlohmann::json signed_at(const std::optional<Timestamp>& t) {
    return t ? nlohmann::json(format_utc(*t)) : nlohmann::json();
}

}  // namespace

bool reads_confidential(const Person& reader, const SupervisionRecord& s) {
    return reader.id == s.person_id || reader.id == s.supervisor_id ||
           holds_role(reader, Role::registered_manager, s.home_id);
}

nlohmann::json supervision_view(const SupervisionRecord& s, const Person& reader, bool whole) {
    const auto state =
        signatures(s.supervisor_signed_at.has_value(), s.person_signed_at.has_value());
    nlohmann::json out = {
        {"id", s.id},
        {"person", {{"id", s.person_id}, {"name", s.person_name}}},
        {"supervisor", {{"id", s.supervisor_id}, {"name", s.supervisor_name}}},
        {"held_on", format_date(s.held_on)},
        {"held_on_text", format_local_date(s.held_on)},
        {"signatures",
         {{"state", state == Signatures::both                  ? "signed"
                    : state == Signatures::awaiting_person     ? "awaiting_person"
                    : state == Signatures::awaiting_supervisor ? "awaiting_supervisor"
                                                               : "awaiting_both"},
          {"label", signatures_label(state)},
          {"tag", signatures_tag(state)},
          {"supervisor_signed_at", signed_at(s.supervisor_signed_at)},
          {"supervisor_signed_text",
           s.supervisor_signed_at ? format_local(*s.supervisor_signed_at) : ""},
          {"person_signed_at", signed_at(s.person_signed_at)},
          {"person_signed_text", s.person_signed_at ? format_local(*s.person_signed_at) : ""}}},
        {"href", fmt::format("/homes/{}/team/{}/supervision/{}", s.home_id, s.person_id, s.id)}};
    if (!whole) {
        return out;
    }
    const bool confidential_read = reads_confidential(reader, s);
    nlohmann::json headings = nlohmann::json::array();
    int withheld = 0;
    for (const auto& h : supervision_headings()) {
        auto found = s.discussed.find(h.key);
        if (found == s.discussed.end()) {
            continue;
        }
        const bool confidential =
            std::find(s.confidential.begin(), s.confidential.end(), h.key) != s.confidential.end();
        if (confidential && !confidential_read) {
            ++withheld;
            continue;
        }
        headings.push_back({{"key", h.key},
                            {"label", h.label},
                            {"text", found->second},
                            {"confidential", confidential}});
    }
    out["discussed"] = headings;
    out["confidential_withheld"] = withheld;
    out["has_withheld"] = withheld > 0;
    out["incidents"] = involvements_view(s.incidents);
    nlohmann::json actions = nlohmann::json::array();
    for (const auto& a : s.actions) {
        actions.push_back({{"id", a.id},
                           {"what", a.what},
                           {"owner", {{"id", a.owner_id}, {"name", a.owner_name}}},
                           {"due_on", format_date(a.due_on)},
                           {"due_on_text", format_local_date(a.due_on)}});
    }
    out["actions"] = actions;
    const bool is_supervisor = reader.id == s.supervisor_id;
    const bool is_person = reader.id == s.person_id;
    out["may_sign"] =
        (is_supervisor && !s.supervisor_signed_at) || (is_person && !s.person_signed_at);
    return out;
}

nlohmann::json involvements_view(const std::vector<Involvement>& incidents) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& i : incidents) {
        out.push_back({{"source_type", i.source_type},
                       {"source_id", i.source_id},
                       {"occurred_at", format_utc(i.occurred_at)},
                       {"summary", i.summary},
                       {"restraint", i.restraint},
                       {"href", i.href.empty() ? nlohmann::json() : nlohmann::json(i.href)}});
    }
    return out;
}

nlohmann::json arrangement_view(const Arrangement& a) {
    return {{"supervisor",
             a.supervisor_id ? nlohmann::json{{"id", *a.supervisor_id}, {"name", a.supervisor_name}}
                             : nlohmann::json()},
            {"named", a.named},
            {"every_days", a.every_days},
            {"own_rhythm", a.own_rhythm}};
}

}  // namespace hearth::team
