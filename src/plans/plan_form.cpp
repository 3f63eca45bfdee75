#include "plans/plan_form.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "platform/views/form_view.hpp"

namespace hearth::plans {

namespace {
using views::FieldKind;
using views::FieldSpec;

}  // namespace

nlohmann::json values_from(const Version& current, Date today) {
    nlohmann::json v = nlohmann::json::object();
    for (const auto& s : current.sections) {
        v["section_" + s.key] = s.text;
    }
    v["risk_level"] = current.risk_level;
    v["effective_on"] = format_date(std::max(today, current.effective_on));
    return v;
}

nlohmann::json first_values(Date today) {
    return {{"effective_on", format_date(today)}};
}

nlohmann::json version_fields(const PlanKind& kind, const nlohmann::json& values,
                              const nlohmann::json& errors, const std::string& child_name,
                              bool naming_area, int longest_review_months) {
    auto f = [&](const FieldSpec& spec) { return views::field(spec, values, errors); };
    nlohmann::json sections = nlohmann::json::array();
    for (const auto& s : kind.sections) {
        sections.push_back(f({section_field(s),
                              s.required ? s.label : s.label + " (optional)",
                              FieldKind::textarea,
                              s.hint,
                              {},
                              ""}));
    }
    nlohmann::json out = {{"sections", sections}};
    if (naming_area) {
        out["area"] = f({"area_name",
                         "The area of risk",
                         FieldKind::text,
                         "In a few words, for example \"Fire setting\" or \"Road safety\"",
                         {},
                         "govuk-input--width-30"});
    }
    if (kind.family == Family::risk_assessment) {
        out["risk_level"] =
            f({"risk_level", "Level of risk now", FieldKind::radios,
               "As the assessment judges it today", views::options_of(risk_levels()), ""});
    }
    out["dates"] = nlohmann::json::array({
        f({"effective_on",
           "Effective date",
           FieldKind::date,
           "The day this version takes effect. For example, 12 5 2026",
           {},
           ""}),
        f({"review_by",
           "Review by",
           FieldKind::date,
           fmt::format("After the effective date, and no more than {} months after it",
                       longest_review_months),
           {},
           ""}),
    });
    out["reason"] = f({"reason",
                       "Why is this version being written?",
                       FieldKind::textarea,
                       "Kept with the version and shown in the chronology. For example, \"Review "
                       "after the children's meeting\"",
                       {},
                       ""});
    out["views"] = nlohmann::json::array({
        f({"child_views",
           fmt::format("What {} thinks about their plan", child_name),
           FieldKind::textarea,
           "In their own words, as they said it",
           {},
           ""}),
        f({"views_not_asked",
           "If they were not asked, or did not want to say, why (optional)",
           FieldKind::textarea,
           "",
           {},
           ""}),
    });
    return out;
}

nlohmann::json sharing_fields(const nlohmann::json& values, const nlohmann::json& errors) {
    auto f = [&](const FieldSpec& spec) { return views::field(spec, values, errors); };
    return nlohmann::json::array({
        f({"shared_with", "Who was it shared with?", FieldKind::checkboxes,
           "Select everyone it was shared with on that day", views::options_of(recipients()), ""}),
        f({"shared_with_others",
           "Anyone else (optional)",
           FieldKind::text,
           "Name them, for example \"Aunt Jo\" or \"CAMHS nurse\"",
           {},
           ""}),
        f({"shared_on", "When was it shared?", FieldKind::date, "For example, 12 5 2026", {}, ""}),
    });
}

}  // namespace hearth::plans
