#include "intervention/measure_views.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "deadlines/deadline_view.hpp"

namespace hearth::intervention {

namespace {

std::string names(const std::vector<behaviour::Person>& people,
                  const std::vector<std::int64_t>& ids) {
    std::string out;
    for (auto id : ids) {
        out += (out.empty() ? "" : ", ") + behaviour::name_in(people, id);
    }
    return out;
}

nlohmann::json people_json(const std::vector<behaviour::Person>& people,
                           const std::vector<std::int64_t>& ids) {
    nlohmann::json out = nlohmann::json::array();
    for (auto id : ids) {
        out.push_back({{"id", id}, {"name", behaviour::name_in(people, id)}});
    }
    return out;
}

nlohmann::json review_json(const std::optional<Review>& r) {
    if (!r) {
        return nullptr;
    }
    return {{"spoke_on", format_date(r->spoke_on)}, {"note", r->note},
            {"child_said", r->child_said},          {"signed_version", r->signed_version},
            {"signed_by", r->signed_by_name},       {"signed_at", format_utc(r->signed_at)}};
}

nlohmann::json review_view(const std::optional<Review>& r, int version) {
    if (!r) {
        return false;
    }
    return {{"spoke_on", format_local_date(r->spoke_on)},
            {"note", r->note},
            {"child_said", r->child_said},
            {"signed_version", r->signed_version},
            {"signed_by", r->signed_by_name},
            {"signed_at", format_local(r->signed_at)},
            {"amended_since", r->signed_version != version}};
}

nlohmann::json spoken_to_json(const Measure& m) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& s : m.staff_spoken_to) {
        out.push_back({{"person", {{"id", s.person_id}, {"name", s.name}}},
                       {"spoke_on", format_date(s.spoke_on)},
                       {"note", s.note},
                       {"at_sign_off", s.at_sign_off},
                       {"recorded_by", s.recorded_by_name},
                       {"recorded_at", format_utc(s.recorded_at)}});
    }
    return out;
}

nlohmann::json spoken_to_view(const Measure& m) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& s : m.staff_spoken_to) {
        out.push_back({{"name", s.name},
                       {"spoke_on", format_local_date(s.spoke_on)},
                       {"note", s.note},
                       {"later", !s.at_sign_off},
                       {"recorded_by", s.recorded_by_name}});
    }
    return out;
}

int order_of(const std::string& kind) {
    if (kind == behaviour::reg35_record_clock) {
        return 0;
    }
    if (kind == staff_review_clock) {
        return 1;
    }
    return 2;
}

}  // namespace

std::string measure_href(std::int64_t id) {
    return fmt::format("/measures/{}", id);
}

nlohmann::json measure_json(const Measure& m, const std::vector<behaviour::Person>& people) {
    nlohmann::json j = to_json(m.details);
    j["id"] = m.id;
    j["incident_id"] = m.incident_id;
    j["child"] = {{"id", m.child_id}, {"name", m.child_name}};
    j["home_id"] = m.home_id;
    j["ended_at"] = m.details.ended_at ? nlohmann::json(format_utc(*m.details.ended_at))
                                       : nlohmann::json(nullptr);
    j["duration_minutes"] = duration_minutes(m.details);
    j["used_by"] = people_json(people, m.details.used_by);
    j["observed_by"] = people_json(people, m.details.observed_by);
    j["staff_review"] = review_json(m.staff_review);
    j["child_review"] = review_json(m.child_review);
    j["staff_spoken_to"] = spoken_to_json(m);
    j["not_yet_spoken_to"] = people_json(people, not_yet_spoken_to(m));
    j["author"] = {{"id", m.author_id}, {"name", m.author_name}};
    j["created_at"] = format_utc(m.created_at);
    j["updated_at"] = format_utc(m.updated_at);
    j["version"] = m.version;
    return j;
}

nlohmann::json measure_view(const Measure& m, const std::vector<behaviour::Person>& people,
                            const std::vector<Choice>& techniques) {
    const auto& d = m.details;
    const bool restraint = is_restraint(d.kind);
    const auto not_offered = rights_not_offered(d);
    std::string not_offered_text;
    for (const auto& r : not_offered) {
        not_offered_text += (not_offered_text.empty() ? "" : "; ") + r;
    }
    std::string offered_text;
    for (const auto& r : labels_in(rights(), d.rights_offered)) {
        offered_text += (offered_text.empty() ? "" : "; ") + r;
    }
    const int minutes = duration_minutes(d);
    return {{"id", m.id},
            {"title", title_of(d, label_in(techniques, d.technique))},
            {"kind", label_in(measure_kinds(), d.kind)},
            {"is_restraint", restraint},
            {"child_name", m.child_name},
            {"when", format_local(d.started_at)},
            {"ended", d.ended_at ? format_local(*d.ended_at) : ""},
            {"duration", fmt::format("{} {}", minutes, minutes == 1 ? "minute" : "minutes")},
            {"location", d.location},
            {"behaviour", d.behaviour},
            {"steps_to_avoid", d.steps_to_avoid},
            {"description", d.description},
            {"lawful_purpose", label_in(lawful_purposes(), d.lawful_purpose)},
            {"why_necessary", d.why_necessary},
            {"technique", label_in(techniques, d.technique)},
            {"position", label_in(positions(), d.position)},
            {"used_by", names(people, d.used_by)},
            {"observed_by", names(people, d.observed_by)},
            {"others_present", d.others_present},
            {"consequence_kind", label_in(consequence_kinds(), d.consequence_kind)},
            {"lasts", d.lasts},
            {"child_view", d.child_view},
            {"effectiveness", label_in(effectiveness_levels(), d.effectiveness)},
            {"effect", d.effect},
            {"injury_to_child", d.injury_to_child},
            {"injury_to_others", d.injury_to_others},
            {"medical_treatment", d.medical_treatment},
            {"medical_check_offered", d.medical_check_offered},
            {"medical_check_outcome", d.medical_check_outcome},
            {"rights_offered", offered_text},
            {"rights_not_offered", not_offered_text},
            {"has_rights_not_offered", restraint && !not_offered.empty()},
            {"ehc_exempt", d.ehc_exempt},
            {"ehc_reference", d.ehc_reference},
            {"staff_review", review_view(m.staff_review, m.version)},
            {"child_review", review_view(m.child_review, m.version)},
            {"signed", m.staff_review.has_value()},
            {"spoken_to", spoken_to_view(m)},
            {"not_yet_spoken_to", names(people, not_yet_spoken_to(m))},
            {"owes_conversations", m.staff_review && !not_yet_spoken_to(m).empty()},
            {"written_by", m.author_name},
            {"written_at", format_local(m.created_at)},
            {"version", m.version},
            {"amended", m.version > 1},
            {"href", measure_href(m.id)}};
}

nlohmann::json clocks_view(const std::vector<deadlines::Deadline>& clocks, Timestamp now) {
    std::vector<const deadlines::Deadline*> sorted;
    for (const auto& c : clocks) {
        if (c.kind == behaviour::reg35_record_clock || c.kind == staff_review_clock ||
            c.kind == child_review_clock) {
            sorted.push_back(&c);
        }
    }
    std::stable_sort(sorted.begin(), sorted.end(), [](const auto* a, const auto* b) {
        return order_of(a->kind) < order_of(b->kind);
    });
    nlohmann::json out = nlohmann::json::array();
    for (const auto* c : sorted) {
        auto v = deadlines::deadline_view(*c, now);
        v["law"] = c->kind == behaviour::reg35_record_clock ? "Within 24 hours: the record"
                   : c->kind == staff_review_clock
                       ? "Within 48 hours: spoken to the staff, signed as accurate"
                       : "Within 5 days: spoken to the child";
        out.push_back(std::move(v));
    }
    return out;
}

std::string shown_value(const std::vector<behaviour::Person>& people,
                        const std::vector<Choice>& techniques, const std::string& field,
                        const std::string& value) {
    if (field == "started_at" || field == "ended_at") {
        if (auto t = parse_utc(value)) {
            return format_local(*t);
        }
        return value;
    }
    if (field == "lawful_purpose") {
        return label_in(lawful_purposes(), value);
    }
    if (field == "technique") {
        return label_in(techniques, value);
    }
    if (field == "position") {
        return label_in(positions(), value);
    }
    if (field == "consequence_kind") {
        return label_in(consequence_kinds(), value);
    }
    if (field == "effectiveness") {
        return label_in(effectiveness_levels(), value);
    }
    auto j = nlohmann::json::parse(value, nullptr, false);
    if (!j.is_array()) {
        return value;
    }
    std::string out;
    for (const auto& item : j) {
        std::string one = item.is_number_integer()
                              ? behaviour::name_in(people, item.get<std::int64_t>())
                          : item.is_string() && field == "rights_offered"
                              ? label_in(rights(), item.get<std::string>())
                          : item.is_string() ? item.get<std::string>()
                                             : item.dump();
        out += (out.empty() ? "" : ", ") + one;
    }
    return out;
}

}  // namespace hearth::intervention
