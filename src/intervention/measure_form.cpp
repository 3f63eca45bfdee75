#include "intervention/measure_form.hpp"

#include "behaviour/incident_form.hpp"
#include "platform/views/form_view.hpp"

namespace hearth::intervention {

namespace {
using behaviour::options;
using views::FieldKind;
using views::FieldSpec;

nlohmann::json when_values(Timestamp at) {
    return {{"started_on", format_date(local_date_of(at))},
            {"started_time", format_local_time(at)}};
}
}  // namespace

nlohmann::json measure_fields(const std::string& kind, const Choosable& choosable,
                              const std::string& child_name, const nlohmann::json& values,
                              const nlohmann::json& errors) {
    auto f = [&](const FieldSpec& spec) { return views::field(spec, values, errors); };
    auto prose = [&](const std::string& name, const std::string& label, const std::string& hint) {
        return f({name, label, FieldKind::textarea, hint, {}, "", "off", true});
    };
    const bool restraint = is_restraint(kind);
    nlohmann::json when = nlohmann::json::array();
    nlohmann::json led = nlohmann::json::array();
    nlohmann::json done = nlohmann::json::array();
    nlohmann::json who = nlohmann::json::array();
    nlohmann::json after = nlohmann::json::array();
    if (restraint) {
        when.push_back(f({"started_on", "Day it started", FieldKind::date}));
        when.push_back(f({"started_time", "Time it started", FieldKind::time}));
        when.push_back(f({"ended_time", "Time it ended", FieldKind::time}));
        when.push_back(
            f({"ended_on", "Day it ended, if not the same day (optional)", FieldKind::date}));
        led.push_back(f({"location", "Where", FieldKind::text}));
        led.push_back(prose("behaviour", "The behaviour that led to it",
                            "What " + child_name + " was doing, plainly"));
        led.push_back(prose("steps_to_avoid", "What was tried first, to avoid it",
                            "From the incident's de-escalation: correct it if it is not all here"));
        done.push_back(
            prose("description", "What was done", "The hold or restriction, step by step"));
        done.push_back(f({"lawful_purpose", "Which lawful purpose applied?", FieldKind::radios,
                          "Restraint is lawful only to prevent injury to someone, the child "
                          "included, or serious damage to property (Reg 20). Never for good "
                          "order, compliance or as a sanction",
                          views::options_of(lawful_purposes())}));
        done.push_back(prose("why_necessary", "Why was nothing less restrictive enough?",
                             "What would have happened without it, and why the steps tried did "
                             "not work"));
        done.push_back(f({"technique", "Technique used", FieldKind::radios,
                          "From the organisation's accredited list",
                          views::options_of(choosable.techniques)}));
        done.push_back(
            f({"position", "Position", FieldKind::radios, "", views::options_of(positions())}));
        who.push_back(f({"used_by", "Who held " + child_name + "?", FieldKind::checkboxes,
                         "Or kept them from going somewhere", options(choosable.staff)}));
        who.push_back(f({"observed_by", "Who observed (optional)", FieldKind::checkboxes, "",
                         options(choosable.staff)}));
        who.push_back(f({"others_present", "Everyone else who was there (optional)",
                         FieldKind::textarea, "Other children and visitors, by name"}));
        after.push_back(prose("effect", "How well it worked, and what followed", ""));
        after.push_back(f({"injury_to_child", "Any injury to " + child_name + " (optional)",
                           FieldKind::textarea, "Leave empty if they were not hurt"}));
        after.push_back(
            f({"injury_to_others", "Any injury to anyone else (optional)", FieldKind::textarea}));
        after.push_back(
            f({"medical_treatment", "Medical treatment given (optional)", FieldKind::textarea}));
        after.push_back(
            f({"medical_check_offered", "A medical check was offered", FieldKind::checkbox}));
        after.push_back(f({"medical_check_outcome", "What came of the medical check",
                           FieldKind::textarea, "Seen by whom, declined, or arranged for when"}));
        after.push_back(
            f({"rights_offered", child_name + " was told they can", FieldKind::checkboxes,
               "Tick each one they were told of", views::options_of(rights())}));
        after.push_back(f({"ehc_exempt",
                           "This measure is planned as routine in " + child_name +
                               "'s education, health and care plan",
                           FieldKind::checkbox}));
        after.push_back(
            f({"ehc_reference", "Where the EHC plan provides for it (optional)", FieldKind::text,
               "Only then is it exempt from the Reg 35 clocks (Reg 35(4))"}));
    } else {
        when.push_back(f({"started_on", "Day it was given", FieldKind::date}));
        when.push_back(f({"started_time", "Time it was given", FieldKind::time}));
        led.push_back(prose("behaviour", "What it was for", "What " + child_name + " did"));
        led.push_back(prose("steps_to_avoid", "What was tried first", ""));
        done.push_back(f({"consequence_kind", "What kind of consequence?", FieldKind::radios,
                          "In proportion, linked to what happened, and lawful (Reg 19)",
                          views::options_of(consequence_kinds())}));
        done.push_back(prose("description", "The consequence", "What it is, in plain words"));
        done.push_back(f({"lasts", "How long it lasts", FieldKind::text,
                          "For example, this evening, or until Saturday"}));
        done.push_back(f({"for_child_alone",
                          "Is it for " + child_name + " alone?",
                          FieldKind::radios,
                          "Group punishment is never allowed",
                          {{"yes", "Yes"}, {"no", "No, others too"}}}));
        who.push_back(f({"used_by", "Who gave the consequence?", FieldKind::checkboxes, "",
                         options(choosable.staff)}));
        who.push_back(
            f({"others_present", "Everyone else who was there (optional)", FieldKind::textarea}));
        after.push_back(
            f({"child_view", "What does " + child_name + " think of it?", FieldKind::textarea,
               "In their words. If they did not want to say, write that"}));
        after.push_back(f({"effectiveness", "How well did it work?", FieldKind::radios, "",
                           views::options_of(effectiveness_levels())}));
        after.push_back(prose("effect", "What followed (optional)", ""));
    }
    return {{"when", when}, {"led", led}, {"done", done}, {"who", who}, {"after", after}};
}

nlohmann::json first_values(const std::string& kind, const behaviour::Incident& incident) {
    const auto& d = incident.details;
    nlohmann::json v =
        when_values(is_restraint(kind) ? behaviour::measure_began(d) : d.occurred_at);
    v["location"] = d.location;
    v["behaviour"] = d.behaviour;
    v["steps_to_avoid"] = views::one_a_line(d.deescalation);
    if (is_restraint(kind)) {
        v["used_by"] = views::id_values(d.staff_involved);
    }
    v["for_child_alone"] = "yes";
    return v;
}

nlohmann::json values_of(const MeasureDetails& d) {
    nlohmann::json v = when_values(d.started_at);
    v.update({{"location", d.location},
              {"behaviour", d.behaviour},
              {"steps_to_avoid", d.steps_to_avoid},
              {"description", d.description},
              {"lawful_purpose", d.lawful_purpose},
              {"why_necessary", d.why_necessary},
              {"technique", d.technique},
              {"position", d.position},
              {"used_by", views::id_values(d.used_by)},
              {"observed_by", views::id_values(d.observed_by)},
              {"others_present", d.others_present},
              {"consequence_kind", d.consequence_kind},
              {"lasts", d.lasts},
              {"for_child_alone", "yes"},
              {"child_view", d.child_view},
              {"effectiveness", d.effectiveness},
              {"effect", d.effect},
              {"injury_to_child", d.injury_to_child},
              {"injury_to_others", d.injury_to_others},
              {"medical_treatment", d.medical_treatment},
              {"medical_check_offered", d.medical_check_offered ? "yes" : ""},
              {"medical_check_outcome", d.medical_check_outcome},
              {"rights_offered", d.rights_offered},
              {"ehc_exempt", d.ehc_exempt ? "yes" : ""},
              {"ehc_reference", d.ehc_reference}});
    if (d.ended_at) {
        v["ended_time"] = format_local_time(*d.ended_at);
        if (local_date_of(*d.ended_at) != local_date_of(d.started_at)) {
            v["ended_on"] = format_date(local_date_of(*d.ended_at));
        }
    }
    return v;
}

}  // namespace hearth::intervention
