#include "plans/plan_views.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace hearth::plans {

namespace {

std::string family_key(Family f) {
    return f == Family::risk_assessment ? "risk_assessment" : "plan";
}

// A section's text as the page shows it: one paragraph a line, blank lines dropped.
nlohmann::json paragraphs(const std::string& text) {
    nlohmann::json out = nlohmann::json::array();
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos) {
            end = text.size();
        }
        const std::string line = text.substr(start, end - start);
        if (line.find_first_not_of(" \t") != std::string::npos) {
            out.push_back(line);
        }
        start = end + 1;
    }
    return out;
}

std::string sharing_label(const Sharing& s) {
    return s.with == "other" ? s.named : recipient_label(s.with);
}

}  // namespace

std::string plan_href(std::int64_t child_id, std::int64_t plan_id) {
    return fmt::format("/children/{}/plans/{}", child_id, plan_id);
}

nlohmann::json version_json(const Version& v) {
    nlohmann::json sections = nlohmann::json::array();
    for (const auto& s : v.sections) {
        sections.push_back({{"key", s.key}, {"label", s.label}, {"text", s.text}});
    }
    nlohmann::json sharing = nlohmann::json::array();
    for (const auto& s : v.sharing) {
        sharing.push_back({{"with", s.with},
                           {"label", sharing_label(s)},
                           {"named", s.named},
                           {"shared_on", format_date(s.shared_on)},
                           {"recorded_by", s.recorded_by}});
    }
    nlohmann::json out = {{"version", v.number},
                          {"sections", sections},
                          {"risk_level", v.risk_level.empty() ? nlohmann::json(nullptr)
                                                              : nlohmann::json(v.risk_level)},
                          {"effective_on", format_date(v.effective_on)},
                          {"review_by", format_date(v.review_by)},
                          {"reason", v.reason},
                          {"child_views", v.child_views},
                          {"views_not_asked", v.views_not_asked},
                          {"author", {{"id", v.author_id}, {"name", v.author_name}}},
                          {"written_at", format_utc(v.written_at)},
                          {"signed_off", nullptr},
                          {"sharing", sharing}};
    if (v.signed_at) {
        out["signed_off"] = {{"by", v.signed_by_name}, {"at", format_utc(*v.signed_at)}};
    }
    return out;
}

nlohmann::json plan_json(const Plan& p, Timestamp now) {
    const PlanKind* kind = find_kind(p.kind);
    const auto review = review_standing(p.current.review_by, now);
    return {{"id", p.id},
            {"child_id", p.child_id},
            {"kind", p.kind},
            {"family", kind ? family_key(kind->family) : "plan"},
            {"area_name", p.area_name},
            {"title", kind ? plan_title(*kind, p.area_name) : p.kind},
            {"current", version_json(p.current)},
            {"last_signed_version",
             p.last_signed ? nlohmann::json(*p.last_signed) : nlohmann::json(nullptr)},
            {"review",
             {{"by", format_date(p.current.review_by)},
              {"overdue", review.overdue},
              {"standing", review.label},
              {"in_words", review.in_words}}},
            {"href", plan_href(p.child_id, p.id)}};
}

nlohmann::json kinds_json(int longest_review_months) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& k : plan_kinds()) {
        nlohmann::json sections = nlohmann::json::array();
        for (const auto& s : k.sections) {
            sections.push_back({{"key", s.key},
                                {"field", section_field(s)},
                                {"label", s.label},
                                {"hint", s.hint},
                                {"required", s.required}});
        }
        out.push_back({{"key", k.key},
                       {"label", k.label},
                       {"family", family_key(k.family)},
                       {"description", k.description},
                       {"named_area", k.named_area},
                       {"sections", sections},
                       {"strategy_sections", k.strategy_sections}});
    }
    return {{"kinds", out},
            {"risk_levels", nlohmann::json::array({"low", "medium", "high"})},
            {"longest_review_months", longest_review_months},
            {"furthest_effective_months", furthest_effective_months}};
}

nlohmann::json pieces_json(const std::vector<WordChange>& changes) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& c : changes) {
        switch (c.kind) {
            case WordChange::Kind::kept:
                out.push_back({{"kept", true}, {"text", c.text}});
                break;
            case WordChange::Kind::removed:
                out.push_back({{"removed", true}, {"text", c.text}});
                break;
            case WordChange::Kind::added:
                out.push_back({{"added", true}, {"text", c.text}});
                break;
            case WordChange::Kind::line_break:
                out.push_back({{"line_break", true}});
                break;
        }
    }
    return out;
}

nlohmann::json changes_json(const std::optional<Version>& before, const Version& after) {
    nlohmann::json sections = nlohmann::json::array();
    nlohmann::json facts = nlohmann::json::array();
    if (!before) {
        return {{"first", true}, {"sections", sections}, {"facts", facts}, {"has_changes", false}};
    }
    auto compare = [&](const std::string& key, const std::string& label, const std::string& was,
                       const std::string& now) {
        const auto changes = word_changes(was, now);
        if (!has_changes(changes)) {
            return;
        }
        sections.push_back({{"key", key}, {"label", label}, {"pieces", pieces_json(changes)}});
    };
    for (const auto& s : after.sections) {
        compare(s.key, s.label, section_text(before->sections, s.key), s.text);
    }
    // A section the newer version no longer has: its words were all removed.
    for (const auto& s : before->sections) {
        const bool kept = std::any_of(after.sections.begin(), after.sections.end(),
                                      [&](const SectionText& a) { return a.key == s.key; });
        if (!kept) {
            compare(s.key, s.label, s.text, "");
        }
    }
    compare("child_views", "What the child thinks about their plan", before->child_views,
            after.child_views);
    auto fact = [&](const std::string& label, const std::string& was, const std::string& now) {
        if (was != now) {
            facts.push_back({{"label", label}, {"before", was}, {"after", now}});
        }
    };
    if (!after.risk_level.empty() || !before->risk_level.empty()) {
        fact("Level of risk", risk_level_label(before->risk_level),
             risk_level_label(after.risk_level));
    }
    fact("Effective date", format_local_date(before->effective_on),
         format_local_date(after.effective_on));
    fact("Review by", format_local_date(before->review_by), format_local_date(after.review_by));
    const bool any = !sections.empty() || !facts.empty();
    return {{"first", false}, {"sections", sections}, {"facts", facts}, {"has_changes", any}};
}

nlohmann::json version_view(const Version& v, Timestamp now) {
    nlohmann::json sections = nlohmann::json::array();
    for (const auto& s : v.sections) {
        auto paras = paragraphs(s.text);
        sections.push_back({{"label", s.label}, {"paragraphs", paras}, {"empty", paras.empty()}});
    }
    nlohmann::json sharing = nlohmann::json::array();
    for (const auto& s : v.sharing) {
        sharing.push_back({{"label", sharing_label(s)},
                           {"shared_on", format_local_date(s.shared_on)},
                           {"recorded_by", s.recorded_by}});
    }
    const auto review = review_standing(v.review_by, now);
    nlohmann::json out = {{"version", v.number},
                          {"sections", sections},
                          {"has_level", !v.risk_level.empty()},
                          {"level", risk_level_label(v.risk_level)},
                          {"level_tag", risk_level_tag(v.risk_level)},
                          {"effective_on", format_local_date(v.effective_on)},
                          {"review_by", format_local_date(v.review_by)},
                          {"review_label", review.label},
                          {"review_tag", review.tag},
                          {"review_in_words", review.in_words},
                          {"overdue", review.overdue},
                          {"reason", v.reason},
                          {"author", v.author_name},
                          {"written_at", format_local(v.written_at)},
                          {"signed", v.signed_at.has_value()},
                          {"signed_by", v.signed_by_name},
                          {"signed_at", v.signed_at ? format_local(*v.signed_at) : ""},
                          {"child_views", paragraphs(v.child_views)},
                          {"has_child_views", !v.child_views.empty()},
                          {"views_not_asked", v.views_not_asked},
                          {"has_views_not_asked", !v.views_not_asked.empty()},
                          {"sharing", sharing},
                          {"has_sharing", !sharing.empty()}};
    return out;
}

nlohmann::json list_view(const std::vector<Plan>& plans, std::int64_t child_id, Timestamp now) {
    nlohmann::json plan_rows = nlohmann::json::array();
    nlohmann::json risk_rows = nlohmann::json::array();
    for (const auto& p : plans) {
        const PlanKind* kind = find_kind(p.kind);
        if (!kind) {
            continue;
        }
        const auto review = review_standing(p.current.review_by, now);
        nlohmann::json row = {
            {"title", plan_title(*kind, p.area_name)},
            {"href", plan_href(child_id, p.id)},
            {"version", p.current.number},
            {"signed", p.current.signed_at.has_value()},
            {"has_last_signed", p.last_signed.has_value()},
            {"last_signed", p.last_signed.value_or(0)},
            {"review_by", format_local_date(p.current.review_by)},
            {"review_label", review.label},
            {"review_tag", review.tag},
            {"review_in_words", review.in_words},
            {"level", risk_level_label(p.current.risk_level)},
            {"level_tag", risk_level_tag(p.current.risk_level)},
        };
        (kind->family == Family::risk_assessment ? risk_rows : plan_rows).push_back(row);
    }
    return {{"plan_rows", plan_rows},
            {"has_plan_rows", !plan_rows.empty()},
            {"risk_rows", risk_rows},
            {"has_risk_rows", !risk_rows.empty()}};
}

}  // namespace hearth::plans
