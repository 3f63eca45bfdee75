#include "intervention/measure.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "intervention/wording.hpp"

namespace hearth::intervention {

namespace {

bool chosen_from(const std::vector<behaviour::Person>& people, std::int64_t id) {
    return std::any_of(people.begin(), people.end(),
                       [&](const behaviour::Person& p) { return p.id == id; });
}

std::vector<std::int64_t> read_staff(http::FormReader& f, const std::string& name,
                                     const std::string& label,
                                     const std::vector<behaviour::Person>& staff, bool required) {
    auto ids = f.ids(name, label);
    for (auto id : ids) {
        if (!chosen_from(staff, id)) {
            f.fail(name, fmt::format("Choose {} from the staff involved in the incident. If "
                                     "someone is missing, amend the incident first",
                                     label));
            return {};
        }
    }
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    if (required && ids.empty()) {
        f.fail(name, fmt::format("Choose {}", label));
    }
    return ids;
}

// A key from a list of choices; a key the law refuses is named with why, not as "not on the list".
std::string read_refusable(http::FormReader& f, const std::string& name, const std::string& label,
                           const std::vector<Choice>& allowed,
                           const Refusal* (*refused)(const std::string&),
                           const std::string& required_message) {
    std::string typed = f.has(name) ? f.text(name, label, {.max = 100}) : std::string{};
    if (const Refusal* r = refused(typed)) {
        f.fail(name, r->why);
        return {};
    }
    if (typed.empty()) {
        f.fail(name, required_message);
        return {};
    }
    if (std::none_of(allowed.begin(), allowed.end(),
                     [&](const Choice& c) { return c.key == typed; })) {
        f.fail(name, fmt::format("Select {} from the list", label));
        return {};
    }
    return typed;
}

std::string text_from(const nlohmann::json& j, const char* key) {
    return j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : std::string{};
}

template <typename T>
std::vector<T> list_from(const nlohmann::json& j, const char* key) {
    std::vector<T> out;
    if (!j.contains(key) || !j[key].is_array()) {
        return out;
    }
    for (const auto& v : j[key]) {
        if constexpr (std::is_same_v<T, std::string>) {
            if (v.is_string()) {
                out.push_back(v.get<std::string>());
            }
        } else {
            if (v.is_number_integer()) {
                out.push_back(v.get<T>());
            }
        }
    }
    return out;
}

void read_restraint(http::FormReader& f, MeasureDetails& d, const Choosable& choosable) {
    d.lawful_purpose = read_refusable(
        f, "lawful_purpose", "the lawful purpose", lawful_purposes(), find_unlawful_purpose,
        "Choose the lawful purpose: restraint is a last resort, only ever used to "
        "prevent injury to someone or serious damage to property");
    d.why_necessary = f.text("why_necessary", "why nothing less restrictive was enough",
                             {.required = true, .max = 4000, .multiline = true});
    if (const Refusal* r = unlawful_purpose_in(d.why_necessary + "\n" + d.description)) {
        f.fail("why_necessary", r->why);
    }
    if (d.kind == "physical_intervention") {
        d.technique =
            f.choice("technique", "the technique used", keys_of(choosable.techniques), true);
        d.position = f.choice("position", "the position", keys_of(positions()), true);
    } else {
        d.technique =
            f.choice("technique", "the technique used", keys_of(choosable.techniques), false);
        d.position = f.choice("position", "the position", keys_of(positions()), false);
    }
    d.observed_by = read_staff(f, "observed_by", "who observed", choosable.staff, false);
    for (auto id : d.observed_by) {
        if (std::find(d.used_by.begin(), d.used_by.end(), id) != d.used_by.end()) {
            f.fail("observed_by", fmt::format("{} held them: choose them once, as holding",
                                              behaviour::name_in(choosable.staff, id)));
            break;
        }
    }
    d.ehc_exempt = f.flag("ehc_exempt", "Planned in the EHC plan");
    d.ehc_reference = f.text("ehc_reference", "the EHC plan's reference for it", {.max = 200});
    if (d.ehc_exempt && d.ehc_reference.empty()) {
        f.fail("ehc_reference",
               "Enter where the EHC plan provides for this measure: only then is it exempt from "
               "the Reg 35 record (Reg 35(4))");
    }
}

void read_consequence(http::FormReader& f, MeasureDetails& d) {
    d.consequence_kind =
        read_refusable(f, "consequence_kind", "the kind of consequence", consequence_kinds(),
                       find_prohibited_sanction, "Choose the kind of consequence");
    const std::string alone =
        f.choice("for_child_alone", "whether it is for this child alone", {"yes", "no"}, true);
    if (alone == "no") {
        f.fail("for_child_alone", find_prohibited_sanction("group")->why);
    }
    d.lasts = f.text("lasts", "how long it lasts", {.required = true, .max = 200});
    if (const Refusal* r =
            prohibited_sanction_in(d.description + "\n" + d.lasts, d.consequence_kind)) {
        f.fail("description", r->why);
    }
    d.child_view = f.text("child_view", "what they think of it",
                          {.required = true, .max = 4000, .multiline = true});
    d.effectiveness =
        f.choice("effectiveness", "how well it worked", keys_of(effectiveness_levels()), true);
}

}  // namespace

Result<MeasureDetails> read_measure(http::FormReader& f, const std::string& kind,
                                    const Choosable& choosable, Timestamp incident_began,
                                    Timestamp now) {
    MeasureDetails d;
    d.kind = kind;
    const bool restraint = is_restraint(kind);
    const auto began = restraint ? f.moment("started_on", "the day it started", "started_time",
                                            "the time it started", now)
                                 : f.moment("started_on", "the day it was given", "started_time",
                                            "the time it was given", now);
    if (began && *began < incident_began - std::chrono::minutes{1}) {
        f.fail("started_time", fmt::format("The time {} must be after the incident began ({})",
                                           restraint ? "it started" : "it was given",
                                           format_local(incident_began)));
    }
    if (restraint) {
        d.ended_at =
            kind == "physical_intervention"
                ? f.ended(began, now, true, longest_hold,
                          fmt::format("A physical intervention cannot last more than {} minutes "
                                      "in one record: check the day and time it ended. Separate "
                                      "holds are separate measures",
                                      longest_hold.count()))
                : f.ended(began, now, true, longest_restriction,
                          fmt::format("A restriction of liberty cannot last more than {} hours "
                                      "in one record: check the day and time it ended",
                                      longest_restriction.count()));
    }
    d.location = f.text("location", "where it happened", {.required = restraint, .max = 200});
    d.behaviour =
        f.text("behaviour", restraint ? "the behaviour that led to it" : "what it was for",
               {.required = true, .max = 10000, .multiline = true});
    d.steps_to_avoid = f.text("steps_to_avoid", "what was tried first",
                              {.required = true, .max = 10000, .multiline = true});
    d.description = f.text("description", restraint ? "what was done" : "what the consequence is",
                           {.required = true, .max = 10000, .multiline = true});
    d.used_by = read_staff(f, "used_by", restraint ? "who held them" : "who gave the consequence",
                           choosable.staff, true);
    d.others_present =
        f.text("others_present", "everyone else who was there", {.max = 1000, .multiline = true});
    if (restraint) {
        read_restraint(f, d, choosable);
    } else {
        read_consequence(f, d);
    }
    d.effect = f.text("effect", "how well it worked and what followed",
                      {.required = restraint, .max = 4000, .multiline = true});
    d.injury_to_child =
        f.text("injury_to_child", "any injury to the child", {.max = 4000, .multiline = true});
    d.injury_to_others =
        f.text("injury_to_others", "any injury to anyone else", {.max = 4000, .multiline = true});
    d.medical_treatment =
        f.text("medical_treatment", "medical treatment given", {.max = 4000, .multiline = true});
    d.medical_check_offered = f.flag("medical_check_offered", "A medical check was offered");
    d.medical_check_outcome = f.text("medical_check_outcome", "what came of the medical check",
                                     {.max = 2000, .multiline = true});
    if (d.medical_check_offered && d.medical_check_outcome.empty()) {
        f.fail("medical_check_outcome",
               "Enter what came of the medical check: seen, declined, or arranged for when");
    }
    if (restraint && !d.medical_check_offered &&
        (!d.injury_to_child.empty() || !d.injury_to_others.empty())) {
        f.fail("medical_check_offered",
               "Someone was hurt: offer a medical check and record what came of it");
    }
    d.rights_offered =
        f.choices("rights_offered", "the rights they were told of", keys_of(rights()));
    if (began) {
        d.started_at = *began;
    }
    TRY(f.finish());
    return d;
}

int duration_minutes(const MeasureDetails& d) {
    if (!d.ended_at) {
        return 0;
    }
    return static_cast<int>(
        std::chrono::duration_cast<std::chrono::minutes>(*d.ended_at - d.started_at).count());
}

bool any_injury(const MeasureDetails& d) {
    return !d.injury_to_child.empty() || !d.injury_to_others.empty();
}

std::vector<std::string> rights_not_offered(const MeasureDetails& d) {
    std::vector<std::string> out;
    for (const auto& r : rights()) {
        if (std::find(d.rights_offered.begin(), d.rights_offered.end(), r.key) ==
            d.rights_offered.end()) {
            out.push_back(r.label);
        }
    }
    return out;
}

nlohmann::json to_json(const MeasureDetails& d) {
    return {{"kind", d.kind},
            {"started_at", format_utc(d.started_at)},
            {"ended_at", d.ended_at ? format_utc(*d.ended_at) : ""},
            {"location", d.location},
            {"behaviour", d.behaviour},
            {"steps_to_avoid", d.steps_to_avoid},
            {"description", d.description},
            {"used_by", d.used_by},
            {"others_present", d.others_present},
            {"lawful_purpose", d.lawful_purpose},
            {"why_necessary", d.why_necessary},
            {"technique", d.technique},
            {"position", d.position},
            {"observed_by", d.observed_by},
            {"consequence_kind", d.consequence_kind},
            {"lasts", d.lasts},
            {"child_view", d.child_view},
            {"effectiveness", d.effectiveness},
            {"effect", d.effect},
            {"injury_to_child", d.injury_to_child},
            {"injury_to_others", d.injury_to_others},
            {"medical_treatment", d.medical_treatment},
            {"medical_check_offered", d.medical_check_offered},
            {"medical_check_outcome", d.medical_check_outcome},
            {"rights_offered", d.rights_offered},
            {"ehc_exempt", d.ehc_exempt},
            {"ehc_reference", d.ehc_reference}};
}

MeasureDetails from_json(const nlohmann::json& j) {
    MeasureDetails d;
    d.kind = text_from(j, "kind");
    d.started_at = parse_utc(text_from(j, "started_at")).value_or(Timestamp{});
    d.ended_at = parse_utc(text_from(j, "ended_at"));
    d.location = text_from(j, "location");
    d.behaviour = text_from(j, "behaviour");
    d.steps_to_avoid = text_from(j, "steps_to_avoid");
    d.description = text_from(j, "description");
    d.used_by = list_from<std::int64_t>(j, "used_by");
    d.others_present = text_from(j, "others_present");
    d.lawful_purpose = text_from(j, "lawful_purpose");
    d.why_necessary = text_from(j, "why_necessary");
    d.technique = text_from(j, "technique");
    d.position = text_from(j, "position");
    d.observed_by = list_from<std::int64_t>(j, "observed_by");
    d.consequence_kind = text_from(j, "consequence_kind");
    d.lasts = text_from(j, "lasts");
    d.child_view = text_from(j, "child_view");
    d.effectiveness = text_from(j, "effectiveness");
    d.effect = text_from(j, "effect");
    d.injury_to_child = text_from(j, "injury_to_child");
    d.injury_to_others = text_from(j, "injury_to_others");
    d.medical_treatment = text_from(j, "medical_treatment");
    d.medical_check_offered = j.value("medical_check_offered", false);
    d.medical_check_outcome = text_from(j, "medical_check_outcome");
    d.rights_offered = list_from<std::string>(j, "rights_offered");
    d.ehc_exempt = j.value("ehc_exempt", false);
    d.ehc_reference = text_from(j, "ehc_reference");
    return d;
}

const amendments::FieldLabels& field_labels(const std::string& kind) {
    static const amendments::FieldLabels restraint{
        {"started_at", "When it started"},
        {"ended_at", "When it ended"},
        {"location", "Where"},
        {"behaviour", "The behaviour that led to it"},
        {"steps_to_avoid", "What was tried first"},
        {"description", "What was done"},
        {"lawful_purpose", "Lawful purpose"},
        {"why_necessary", "Why nothing less restrictive was enough"},
        {"technique", "Technique"},
        {"position", "Position"},
        {"used_by", "Who held them"},
        {"observed_by", "Who observed"},
        {"others_present", "Everyone else there"},
        {"effect", "How well it worked and what followed"},
        {"injury_to_child", "Injury to the child"},
        {"injury_to_others", "Injury to anyone else"},
        {"medical_treatment", "Medical treatment"},
        {"medical_check_offered", "Medical check offered"},
        {"medical_check_outcome", "What came of the medical check"},
        {"rights_offered", "Rights they were told of"},
        {"ehc_exempt", "Planned in the EHC plan"},
        {"ehc_reference", "EHC plan reference"},
    };
    static const amendments::FieldLabels consequence{
        {"started_at", "When it was given"},
        {"behaviour", "What it was for"},
        {"steps_to_avoid", "What was tried first"},
        {"consequence_kind", "Kind of consequence"},
        {"description", "The consequence"},
        {"lasts", "How long it lasts"},
        {"used_by", "Who gave it"},
        {"others_present", "Everyone else there"},
        {"child_view", "What they think of it"},
        {"effectiveness", "How well it worked"},
        {"effect", "What followed"},
    };
    return is_restraint(kind) ? restraint : consequence;
}

std::string title_of(const MeasureDetails& d, const std::string& technique_label) {
    if (d.kind == "consequence") {
        return "Consequence: " + label_in(consequence_kinds(), d.consequence_kind);
    }
    std::string title = label_in(measure_kinds(), d.kind);
    if (!technique_label.empty()) {
        title += ": " + technique_label;
    }
    const int minutes = duration_minutes(d);
    title += fmt::format(", {} {}", minutes, minutes == 1 ? "minute" : "minutes");
    return title;
}

}  // namespace hearth::intervention
