#include "children/family/family_member.hpp"

namespace hearth::children {

const amendments::FieldLabels& family_field_labels() {
    static const amendments::FieldLabels all{
        {"name", "Name"},
        {"relationship", "Relationship to the child"},
        {"parental_responsibility", "Parental responsibility"},
        {"contact_details", "Contact details"},
        {"notes", "Notes"},
        {"ended_on", "No longer applies from"},
        {"end_reason", "Why it no longer applies"},
    };
    return all;
}

std::string shown_family_value(const std::string& value) {
    const auto day = parse_date(value);
    return day ? format_local_date(*day) : value;
}

Result<FamilyMemberDetails> read_family_member(http::FormReader& f) {
    FamilyMemberDetails d;
    d.name = f.text("name", "their name", {.required = true, .max = 150});
    d.relationship =
        f.text("relationship", "their relationship to the child", {.required = true, .max = 100});
    // "yes" and "no" from the form's radios; true and false from JSON.
    const std::string pr =
        f.choice("parental_responsibility", "whether they have parental responsibility",
                 {"yes", "no", "true", "false"}, true);
    d.parental_responsibility = pr == "yes" || pr == "true";
    d.contact_details =
        f.text("contact_details", "Contact details", {.max = 500, .multiline = true});
    d.notes = f.text("notes", "Notes", {.max = 2000, .multiline = true});
    TRY(f.finish());
    return d;
}

Result<FamilyMemberEnding> read_family_member_ending(http::FormReader& f, Date today) {
    FamilyMemberEnding e;
    auto on = f.date("ended_on", "the date it stopped applying",
                     {.required = true, .not_after = today, .after_label = "today"});
    e.reason = f.text("reason", "why it no longer applies",
                      {.required = true, .max = 1000, .multiline = true});
    TRY(f.finish());
    e.ended_on = *on;
    return e;
}

nlohmann::json to_json(const FamilyMemberDetails& d) {
    return {{"name", d.name},
            {"relationship", d.relationship},
            {"parental_responsibility", d.parental_responsibility},
            {"contact_details", d.contact_details},
            {"notes", d.notes}};
}

nlohmann::json version_record(const FamilyMemberDetails& d, const std::optional<Date>& ended_on,
                              const std::string& end_reason) {
    nlohmann::json j = to_json(d);
    if (ended_on) {
        j["ended_on"] = format_date(*ended_on);
        j["end_reason"] = end_reason;
    }
    return j;
}

std::vector<FamilyChange> family_changes_between(const nlohmann::json& before,
                                                 const nlohmann::json& after) {
    std::vector<FamilyChange> out;
    for (const auto& ch : amendments::changes_between(before, after, family_field_labels())) {
        out.push_back({ch.label, shown_family_value(ch.before), shown_family_value(ch.after)});
    }
    return out;
}

std::string describe(const FamilyMemberDetails& d) {
    return d.relationship + (d.parental_responsibility ? " (parental responsibility)" : "");
}

}  // namespace hearth::children
