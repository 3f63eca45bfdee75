#include "behaviour/incident_form.hpp"

#include <algorithm>

#include "behaviour/incident_lists.hpp"
#include "platform/views/form_view.hpp"

namespace hearth::behaviour {

namespace {
using views::FieldKind;
using views::FieldSpec;

}  // namespace

views::Options options(const std::vector<Person>& people) {
    views::Options out;
    for (const auto& p : people) {
        out.emplace_back(std::to_string(p.id), p.name);
    }
    return out;
}

// Those on shift now first, as the rota says: the likeliest to have been there.
views::Options staff_options(const Choosable& choosable) {
    views::Options on;
    views::Options off;
    for (const auto& p : choosable.staff) {
        if (std::find(choosable.on_shift.begin(), choosable.on_shift.end(), p.id) !=
            choosable.on_shift.end()) {
            on.emplace_back(std::to_string(p.id), p.name + " (on shift now)");
        } else {
            off.emplace_back(std::to_string(p.id), p.name);
        }
    }
    on.insert(on.end(), off.begin(), off.end());
    return on;
}

nlohmann::json incident_fields(const Choosable& choosable, const nlohmann::json& values,
                               const nlohmann::json& errors) {
    auto f = [&](const FieldSpec& spec) { return views::field(spec, values, errors); };
    auto prose = [&](const std::string& name, const std::string& label, const std::string& hint) {
        return f({name, label, FieldKind::textarea, hint, {}, "", "off", true});
    };
    nlohmann::json when = nlohmann::json::array({
        f({"occurred_on", "Day it happened", FieldKind::date, "For example, 12 5 2026"}),
        f({"occurred_time", "Time it began", FieldKind::time, "For example, 19:40"}),
        f({"ended_time", "Time it was over (optional)", FieldKind::time,
           "When everyone was calm and safe again"}),
        f({"ended_on", "Day it was over, if it ran past midnight (optional)", FieldKind::date}),
    });
    nlohmann::json who = nlohmann::json::array({
        f({"children", "Which children was it about?", FieldKind::checkboxes,
           "Each child's chronology shows the incident, and each child is asked for their own "
           "account",
           options(choosable.children)}),
        f({"location", "Where did it happen?", FieldKind::text, "For example, the kitchen"}),
        f({"staff_involved", "Staff involved", FieldKind::checkboxes, "",
           staff_options(choosable)}),
    });
    nlohmann::json before = nlohmann::json::array({
        prose("setting", "What was going on (optional)",
              "Who was around, what the day had been like"),
        prose("antecedents", "What happened just before",
              "Behaviour has a cause: what came before it is often the key to it"),
        f({"triggers", "What may have set it off (optional)", FieldKind::checkboxes,
           "Choose any that may have played a part", views::options_of(triggers())}),
    });
    nlohmann::json during = nlohmann::json::array({
        prose("behaviour", "What happened",
              "Describe what was seen and heard, plainly: what the child did and said, not a label "
              "for it"),
        f({"communicating", "What might the behaviour have been telling us? (optional)",
           FieldKind::checkboxes, "Behaviour is communication",
           views::options_of(communications())}),
        prose("communicating_note", "More about what it may have been telling us (optional)", ""),
        prose("deescalation", "What was tried to help, in order",
              "One step on each line, first to last. Start with what the child's plan says helps"),
        f({"restrictive_measure", "Was anyone held, or kept from going somewhere?",
           FieldKind::radios,
           "If so, the Reg 35 record of it is due within 24 hours of the time it began",
           views::options_of(restrictive_measures())}),
        f({"measure_began_on", "Day the hold or restriction began (if anyone was held or kept)",
           FieldKind::date}),
        f({"measure_began_time", "Time the hold or restriction began", FieldKind::time,
           "Its Reg 35 clocks run from this moment"}),
    });
    nlohmann::json after = nlohmann::json::array({
        prose("afterwards", "What happened after", "How it ended, and how everyone was afterwards"),
        f({"staff_assaulted", "Were any staff assaulted? (optional)", FieldKind::checkboxes,
           "They will each be offered a debrief", options(choosable.staff)}),
        f({"witnesses", "Who else saw it (optional)", FieldKind::textarea}),
        prose("injuries", "Injuries to anyone (optional)", "Leave empty if nobody was hurt"),
        prose("damage", "Damage to property (optional)", ""),
        prose("police", "Police involvement (optional)",
              "What the police did, and their reference number"),
        f({"notifiable", "Did it involve any of these serious events? (optional)",
           FieldKind::checkboxes,
           "Ofsted and the placing authority must be told without delay (Reg 40)",
           views::options_of(notifiable_events())}),
    });
    return {{"when", when}, {"who", who}, {"before", before}, {"during", during}, {"after", after}};
}

nlohmann::json values_of(const IncidentDetails& d) {
    nlohmann::json v = {{"occurred_on", format_date(local_date_of(d.occurred_at))},
                        {"occurred_time", format_local_time(d.occurred_at)},
                        {"children", views::id_values(d.children)},
                        {"location", d.location},
                        {"staff_involved", views::id_values(d.staff_involved)},
                        {"setting", d.setting},
                        {"antecedents", d.antecedents},
                        {"triggers", d.triggers},
                        {"behaviour", d.behaviour},
                        {"communicating", d.communicating},
                        {"communicating_note", d.communicating_note},
                        {"deescalation", views::one_a_line(d.deescalation)},
                        {"restrictive_measure", d.restrictive_measure},
                        {"afterwards", d.afterwards},
                        {"staff_assaulted", views::id_values(d.staff_assaulted)},
                        {"witnesses", d.witnesses},
                        {"injuries", d.injuries},
                        {"damage", d.damage},
                        {"police", d.police},
                        {"notifiable", d.notifiable}};
    if (d.measure_began_at) {
        v["measure_began_on"] = format_date(local_date_of(*d.measure_began_at));
        v["measure_began_time"] = format_local_time(*d.measure_began_at);
    }
    if (d.ended_at) {
        v["ended_time"] = format_local_time(*d.ended_at);
        if (local_date_of(*d.ended_at) != local_date_of(d.occurred_at)) {
            v["ended_on"] = format_date(local_date_of(*d.ended_at));
        }
    }
    return v;
}

nlohmann::json first_values(Timestamp now, std::optional<std::int64_t> child) {
    nlohmann::json v = {{"occurred_on", format_date(local_date_of(now))},
                        {"occurred_time", format_local_time(now)},
                        {"measure_began_on", format_date(local_date_of(now))},
                        {"restrictive_measure", "none"}};
    if (child) {
        v["children"] = nlohmann::json::array({std::to_string(*child)});
    }
    return v;
}

}  // namespace hearth::behaviour
