#include "behaviour/incident.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "behaviour/incident_lists.hpp"

namespace hearth::behaviour {

namespace {

bool contains(const std::vector<std::int64_t>& ids, std::int64_t id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
}

bool chosen_from(const std::vector<Person>& people, std::int64_t id) {
    return std::any_of(people.begin(), people.end(), [&](const Person& p) { return p.id == id; });
}

// The youngest chosen child's date of birth: nothing it was about happened before it.
std::optional<Date> youngest_chosen_born(const std::vector<Person>& children,
                                         const std::vector<std::int64_t>& chosen) {
    std::optional<Date> youngest;
    for (const auto& child : children) {
        if (contains(chosen, child.id) && child.born && (!youngest || *child.born > *youngest)) {
            youngest = child.born;
        }
    }
    return youngest;
}

// Ids from a form, each checked against those who may be named.
std::vector<std::int64_t> read_people(http::FormReader& f, const std::string& name,
                                      const std::string& label, const std::vector<Person>& allowed,
                                      const std::string& who) {
    auto ids = f.ids(name, label);
    for (auto id : ids) {
        if (!chosen_from(allowed, id)) {
            f.fail(name, fmt::format("Choose {} from the list: {} only", label, who));
            return {};
        }
    }
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    return ids;
}

nlohmann::json ids_json(const std::vector<std::int64_t>& ids) {
    return nlohmann::json(ids);
}

std::vector<std::int64_t> ids_from(const nlohmann::json& j) {
    std::vector<std::int64_t> out;
    if (j.is_array()) {
        for (const auto& v : j) {
            if (v.is_number_integer()) {
                out.push_back(v.get<std::int64_t>());
            }
        }
    }
    return out;
}

std::vector<std::string> texts_from(const nlohmann::json& j) {
    std::vector<std::string> out;
    if (j.is_array()) {
        for (const auto& v : j) {
            if (v.is_string()) {
                out.push_back(v.get<std::string>());
            }
        }
    }
    return out;
}

std::string text_from(const nlohmann::json& j, const char* key) {
    return j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : std::string{};
}

}  // namespace

Result<IncidentDetails> read_incident(http::FormReader& f, const Choosable& choosable,
                                      Timestamp now) {
    IncidentDetails d;
    d.children = read_people(f, "children", "the children it was about", choosable.children,
                             "children who live here");
    if (d.children.empty()) {
        f.fail("children", "Choose the children it was about");
    }
    f.about_child(youngest_chosen_born(choosable.children, d.children));
    const auto began =
        f.moment("occurred_on", "the day it happened", "occurred_time", "the time it began", now);
    d.ended_at =
        f.ended(began, now, false, longest_incident,
                "The incident cannot have lasted more than a day: check the day and time it ended");
    d.location = f.text("location", "where it happened", {.required = true, .max = 200});
    d.setting = f.text("setting", "what was going on", {.max = 4000, .multiline = true});
    d.antecedents = f.text("antecedents", "what happened before",
                           {.required = true, .max = 10000, .multiline = true});
    d.triggers = f.choices("triggers", "what may have set it off", keys_of(triggers()));
    d.behaviour =
        f.text("behaviour", "what happened", {.required = true, .max = 10000, .multiline = true});
    d.communicating = f.choices("communicating", "what the behaviour may have been telling us",
                                keys_of(communications()));
    d.communicating_note =
        f.text("communicating_note", "more about what it may have been telling us",
               {.max = 4000, .multiline = true});
    d.restrictive_measure =
        f.choice("restrictive_measure", "whether anyone was held or kept from going somewhere",
                 keys_of(restrictive_measures()), true);
    const bool restrictive = is_restrictive(d.restrictive_measure);
    std::optional<Timestamp> measure_began;
    if (restrictive) {
        measure_began =
            f.moment("measure_began_on", "the day the hold or restriction began",
                     "measure_began_time", "the time the hold or restriction began", now);
    } else {
        f.allow("measure_began_on");  // the form offers them whatever the answer
        f.allow("measure_began_time");
    }
    if (measure_began && began) {
        const auto latest = d.ended_at.value_or(*began + longest_incident);
        if (*measure_began < *began) {
            f.fail("measure_began_time",
                   "The hold or restriction cannot have begun before the incident began");
        } else if (*measure_began > latest) {
            f.fail("measure_began_time",
                   "The hold or restriction must have begun before the incident was over");
        } else {
            d.measure_began_at = measure_began;
        }
    }
    d.deescalation = f.lines("deescalation", "the de-escalation tried", {.max = 300}, 20);
    if (is_restrictive(d.restrictive_measure) && d.deescalation.empty()) {
        f.fail("deescalation",
               "Enter the de-escalation tried first, in order: a restrictive measure is only ever "
               "a last resort");
    }
    d.afterwards = f.text("afterwards", "what happened after",
                          {.required = true, .max = 10000, .multiline = true});
    d.staff_involved = read_people(f, "staff_involved", "the staff involved", choosable.staff,
                                   "people who work here");
    if (d.staff_involved.empty()) {
        f.fail("staff_involved", "Choose the staff involved");
    }
    d.staff_assaulted = read_people(f, "staff_assaulted", "the staff who were assaulted",
                                    choosable.staff, "people who work here");
    for (auto id : d.staff_assaulted) {
        if (!contains(d.staff_involved, id)) {
            f.fail("staff_assaulted",
                   fmt::format("{} is not among the staff involved: choose them there too",
                               name_in(choosable.staff, id)));
            break;
        }
    }
    d.witnesses = f.text("witnesses", "who else saw it", {.max = 1000, .multiline = true});
    d.injuries = f.text("injuries", "injuries to anyone", {.max = 4000, .multiline = true});
    d.damage = f.text("damage", "damage to property", {.max = 4000, .multiline = true});
    d.police = f.text("police", "what the police did", {.max = 2000, .multiline = true});
    d.notifiable =
        f.choices("notifiable", "the serious events it involved", keys_of(notifiable_events()));
    if (began) {
        d.occurred_at = *began;
    }
    TRY(f.finish());
    return d;
}

Timestamp measure_began(const IncidentDetails& d) {
    return d.measure_began_at.value_or(d.occurred_at);
}

bool needs_staff_debriefs(const IncidentDetails& d) {
    return is_restrictive(d.restrictive_measure) || !d.staff_assaulted.empty();
}

std::vector<std::int64_t> staff_to_debrief(const IncidentDetails& d) {
    if (is_restrictive(d.restrictive_measure)) {
        return d.staff_involved;
    }
    return d.staff_assaulted;
}

nlohmann::json to_json(const IncidentDetails& d) {
    return {{"occurred_at", format_utc(d.occurred_at)},
            {"ended_at", d.ended_at ? format_utc(*d.ended_at) : ""},
            {"location", d.location},
            {"setting", d.setting},
            {"antecedents", d.antecedents},
            {"triggers", d.triggers},
            {"behaviour", d.behaviour},
            {"communicating", d.communicating},
            {"communicating_note", d.communicating_note},
            {"deescalation", d.deescalation},
            {"afterwards", d.afterwards},
            {"restrictive_measure", d.restrictive_measure},
            {"measure_began_at", d.measure_began_at ? format_utc(*d.measure_began_at) : ""},
            {"children", ids_json(d.children)},
            {"staff_involved", ids_json(d.staff_involved)},
            {"staff_assaulted", ids_json(d.staff_assaulted)},
            {"witnesses", d.witnesses},
            {"injuries", d.injuries},
            {"damage", d.damage},
            {"police", d.police},
            {"notifiable", d.notifiable}};
}

IncidentDetails from_json(const nlohmann::json& j) {
    IncidentDetails d;
    d.occurred_at = parse_utc(text_from(j, "occurred_at")).value_or(Timestamp{});
    d.ended_at = parse_utc(text_from(j, "ended_at"));
    d.location = text_from(j, "location");
    d.setting = text_from(j, "setting");
    d.antecedents = text_from(j, "antecedents");
    d.triggers = texts_from(j.value("triggers", nlohmann::json::array()));
    d.behaviour = text_from(j, "behaviour");
    d.communicating = texts_from(j.value("communicating", nlohmann::json::array()));
    d.communicating_note = text_from(j, "communicating_note");
    d.deescalation = texts_from(j.value("deescalation", nlohmann::json::array()));
    d.afterwards = text_from(j, "afterwards");
    d.restrictive_measure = text_from(j, "restrictive_measure");
    if (d.restrictive_measure.empty()) {
        d.restrictive_measure = "none";
    }
    d.measure_began_at = parse_utc(text_from(j, "measure_began_at"));
    d.children = ids_from(j.value("children", nlohmann::json::array()));
    d.staff_involved = ids_from(j.value("staff_involved", nlohmann::json::array()));
    d.staff_assaulted = ids_from(j.value("staff_assaulted", nlohmann::json::array()));
    d.witnesses = text_from(j, "witnesses");
    d.injuries = text_from(j, "injuries");
    d.damage = text_from(j, "damage");
    d.police = text_from(j, "police");
    d.notifiable = texts_from(j.value("notifiable", nlohmann::json::array()));
    return d;
}

const amendments::FieldLabels& field_labels() {
    static const amendments::FieldLabels labels{
        {"occurred_at", "When it began"},
        {"ended_at", "When it ended"},
        {"location", "Where it happened"},
        {"setting", "What was going on"},
        {"antecedents", "What happened before"},
        {"triggers", "What may have set it off"},
        {"behaviour", "What happened"},
        {"communicating", "What the behaviour may have been telling us"},
        {"communicating_note", "More about what it may have been telling us"},
        {"deescalation", "De-escalation tried, in order"},
        {"afterwards", "What happened after"},
        {"restrictive_measure", "Was anyone held or kept from going somewhere?"},
        {"measure_began_at", "When the hold or restriction began"},
        {"children", "Children it was about"},
        {"staff_involved", "Staff involved"},
        {"staff_assaulted", "Staff assaulted"},
        {"witnesses", "Who else saw it"},
        {"injuries", "Injuries"},
        {"damage", "Damage"},
        {"police", "Police"},
        {"notifiable", "Serious events to notify"},
    };
    return labels;
}

std::string title_of(const IncidentDetails& d) {
    std::string title = "Incident";
    if (!d.location.empty()) {
        title += ": " + d.location;
    }
    if (d.restrictive_measure == "physical_intervention") {
        title += " (physical intervention)";
    } else if (d.restrictive_measure == "restriction_of_liberty") {
        title += " (restriction of liberty)";
    }
    return title;
}

std::string name_in(const std::vector<Person>& people, std::int64_t id) {
    auto found =
        std::find_if(people.begin(), people.end(), [&](const Person& p) { return p.id == id; });
    return found == people.end() ? fmt::format("Person {}", id) : found->name;
}

}  // namespace hearth::behaviour
