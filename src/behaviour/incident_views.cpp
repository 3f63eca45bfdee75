#include "behaviour/incident_views.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "behaviour/incident_lists.hpp"

namespace hearth::behaviour {

namespace {

nlohmann::json names(const std::vector<Person>& people, const std::vector<std::int64_t>& ids) {
    nlohmann::json out = nlohmann::json::array();
    for (auto id : ids) {
        out.push_back(name_in(people, id));
    }
    return out;
}

nlohmann::json people_json(const std::vector<Person>& people,
                           const std::vector<std::int64_t>& ids) {
    nlohmann::json out = nlohmann::json::array();
    for (auto id : ids) {
        out.push_back({{"id", id}, {"name", name_in(people, id)}});
    }
    return out;
}

std::string joined(const nlohmann::json& items, const std::string& between = ", ") {
    std::string out;
    for (const auto& i : items) {
        out += (out.empty() ? "" : between) + i.get<std::string>();
    }
    return out;
}

std::string duration_words(Timestamp from, Timestamp to) {
    const auto minutes = std::chrono::duration_cast<std::chrono::minutes>(to - from).count();
    if (minutes < 60) {
        return fmt::format("{} {}", minutes, minutes == 1 ? "minute" : "minutes");
    }
    return fmt::format("{} h {} min", minutes / 60, minutes % 60);
}

}  // namespace

std::string incident_href(std::int64_t child_id, std::int64_t incident_id) {
    return fmt::format("/children/{}/incidents/{}", child_id, incident_id);
}

nlohmann::json incident_json(const SeenIncident& seen) {
    const Incident& i = seen.incident;
    const auto& staff = seen.staff;
    nlohmann::json j = to_json(i.details);
    j["id"] = i.id;
    j["home_id"] = i.home_id;
    j["children"] = nlohmann::json::array();
    for (const auto& ch : seen.children) {
        j["children"].push_back(
            {{"id", ch.child_id ? nlohmann::json(*ch.child_id) : nlohmann::json(nullptr)},
             {"name", ch.name}});
    }
    j["staff_involved"] = people_json(staff, i.details.staff_involved);
    j["staff_assaulted"] = people_json(staff, i.details.staff_assaulted);
    j["ended_at"] = i.details.ended_at ? nlohmann::json(format_utc(*i.details.ended_at))
                                       : nlohmann::json(nullptr);
    j["measure_began_at"] = i.details.measure_began_at
                                ? nlohmann::json(format_utc(*i.details.measure_began_at))
                                : nlohmann::json(nullptr);
    j["author"] = {{"id", i.author_id}, {"name", i.author_name}};
    j["created_at"] = format_utc(i.created_at);
    j["updated_at"] = format_utc(i.updated_at);
    j["version"] = i.version;
    return j;
}

nlohmann::json after_json(const AfterIncident& a) {
    nlohmann::json out = {{"accounts", nlohmann::json::array()},
                          {"notifications", nlohmann::json::array()},
                          {"child_debriefs", nlohmann::json::array()},
                          {"staff_debriefs", nlohmann::json::array()},
                          {"restorative", nlohmann::json::array()}};
    for (const auto& x : a.accounts) {
        out["accounts"].push_back({{"id", x.id},
                                   {"child_id", x.child_id},
                                   {"given_at", format_utc(x.given_at)},
                                   {"words", x.words},
                                   {"declined", x.declined},
                                   {"heard_by", x.heard_by_name}});
    }
    for (const auto& n : a.notifications) {
        out["notifications"].push_back(
            {{"id", n.id},
             {"child_id", n.child_id ? nlohmann::json(*n.child_id) : nlohmann::json(nullptr)},
             {"recipient", n.recipient},
             {"named", n.named},
             {"method", n.method},
             {"notified_at", format_utc(n.notified_at)},
             {"reference", n.reference},
             {"recorded_by", n.recorded_by_name}});
    }
    for (const auto& d : a.child_debriefs) {
        out["child_debriefs"].push_back({{"id", d.id},
                                         {"child_id", d.child_id},
                                         {"held_at", format_utc(d.held_at)},
                                         {"held_by", d.held_by_name},
                                         {"felt", d.felt},
                                         {"would_help", d.would_help},
                                         {"repair", d.repair},
                                         {"child_words", d.child_words},
                                         {"declined", d.declined}});
    }
    for (const auto& d : a.staff_debriefs) {
        out["staff_debriefs"].push_back({{"id", d.id},
                                         {"person", {{"id", d.person_id}, {"name", d.person_name}}},
                                         {"held_at", format_utc(d.held_at)},
                                         {"held_by", d.held_by_name},
                                         {"wellbeing", d.wellbeing},
                                         {"how_they_are", d.how_they_are},
                                         {"learnt", d.learnt},
                                         {"support", d.support},
                                         {"support_note", d.support_note},
                                         {"learning", d.learning},
                                         {"share_learning", d.share_learning}});
    }
    for (const auto& f : a.restorative) {
        out["restorative"].push_back({{"id", f.id},
                                      {"held_at", format_utc(f.held_at)},
                                      {"form", f.form},
                                      {"taking_part", f.taking_part},
                                      {"outcome", f.outcome},
                                      {"agreed", f.agreed}});
    }
    return out;
}

nlohmann::json incident_view(const SeenIncident& seen) {
    const Incident& i = seen.incident;
    const auto& staff = seen.staff;
    const auto& d = i.details;
    nlohmann::json children = nlohmann::json::array();
    for (const auto& ch : seen.children) {
        children.push_back({{"sep", children.empty() ? "" : ", "},
                            {"name", ch.name},
                            {"href", ch.child_id ? incident_href(*ch.child_id, i.id) : ""},
                            {"readable", ch.child_id.has_value()},
                            {"is_page_child", ch.is_page_child}});
    }
    const auto trigger_labels = labels_in(triggers(), d.triggers);
    const auto communicating_labels = labels_in(communications(), d.communicating);
    const auto notifiable_labels = labels_in(notifiable_events(), d.notifiable);
    return {{"id", i.id},
            {"when", format_local(d.occurred_at)},
            {"ended", d.ended_at ? format_local_time(*d.ended_at) : ""},
            {"lasted", d.ended_at ? duration_words(d.occurred_at, *d.ended_at) : ""},
            {"location", d.location},
            {"setting", d.setting},
            {"antecedents", d.antecedents},
            {"triggers_text", joined(trigger_labels, "; ")},
            {"has_triggers", !trigger_labels.empty()},
            {"behaviour", d.behaviour},
            {"communicating_text", joined(communicating_labels, "; ")},
            {"has_communicating", !communicating_labels.empty() || !d.communicating_note.empty()},
            {"communicating_note", d.communicating_note},
            {"deescalation", d.deescalation},
            {"has_deescalation", !d.deescalation.empty()},
            {"afterwards", d.afterwards},
            {"is_restrictive", is_restrictive(d.restrictive_measure)},
            {"restrictive", label_in(restrictive_measures(), d.restrictive_measure)},
            {"children", children},
            {"staff_involved", joined(names(staff, d.staff_involved))},
            {"staff_assaulted", joined(names(staff, d.staff_assaulted))},
            {"witnesses", d.witnesses},
            {"injuries", d.injuries},
            {"damage", d.damage},
            {"police", d.police},
            {"notifiable_text", joined(notifiable_labels, "; ")},
            {"is_notifiable", !notifiable_labels.empty()},
            {"written_by", i.author_name},
            {"written_at", format_local(i.created_at)},
            {"version", i.version},
            {"amended", i.version > 1}};
}

std::string shown_value(const SeenIncident& seen, const std::string& field,
                        const std::string& value) {
    if (field == "occurred_at" || field == "ended_at" || field == "measure_began_at") {
        if (auto t = parse_utc(value)) {
            return format_local(*t);
        }
        return value;
    }
    auto j = nlohmann::json::parse(value, nullptr, false);
    if (!j.is_array()) {
        if (field == "restrictive_measure") {
            return label_in(restrictive_measures(), value);
        }
        return value;
    }
    std::vector<std::string> out;
    for (const auto& item : j) {
        if (item.is_number_integer() && field == "children") {
            out.push_back(child_seen_as(seen, item.get<std::int64_t>()));
        } else if (item.is_number_integer()) {
            out.push_back(name_in(seen.staff, item.get<std::int64_t>()));
        } else if (item.is_string() && field == "triggers") {
            out.push_back(label_in(triggers(), item.get<std::string>()));
        } else if (item.is_string() && field == "communicating") {
            out.push_back(label_in(communications(), item.get<std::string>()));
        } else if (item.is_string() && field == "notifiable") {
            out.push_back(label_in(notifiable_events(), item.get<std::string>()));
        } else if (item.is_string()) {
            out.push_back(item.get<std::string>());
        }
    }
    std::string text;
    for (const auto& o : out) {
        text += (text.empty() ? "" : field == "deescalation" ? "; " : ", ") + o;
    }
    return text;
}

}  // namespace hearth::behaviour
