#include "behaviour/incident_seen.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <utility>

namespace hearth::behaviour {

namespace {

bool among(const std::vector<std::int64_t>& ids, std::int64_t id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
}

template <typename T, typename Keep>
void keep_only(std::vector<T>& items, Keep keep) {
    items.erase(std::remove_if(items.begin(), items.end(), [&](const T& x) { return !keep(x); }),
                items.end());
}

// The incident with only the children that may be read about; the others, as "another young
// person".
SeenIncident children_seen(const std::vector<std::int64_t>& readable,
                           std::optional<std::int64_t> page_child, Incident incident) {
    SeenIncident seen;
    for (const auto& ch : incident.children) {
        const bool can_read = among(readable, ch.child_id);
        seen.children.push_back({can_read ? std::optional(ch.child_id) : std::nullopt,
                                 can_read ? ch.name : another_young_person,
                                 ch.child_id == page_child});
    }
    keep_only(incident.children,
              [&](const IncidentChild& ch) { return among(readable, ch.child_id); });
    keep_only(incident.details.children, [&](std::int64_t id) { return among(readable, id); });
    seen.incident = std::move(incident);
    return seen;
}

SeenIncident filtered(const std::vector<std::int64_t>& readable,
                      std::optional<std::int64_t> page_child, Everything all) {
    const std::int64_t incident_id = all.incident.id;
    SeenIncident seen = children_seen(readable, page_child, std::move(all.incident));
    auto readable_or_none = [&](std::optional<std::int64_t> child) {
        return !child || among(readable, *child);
    };
    keep_only(all.after.accounts, [&](const Account& a) { return among(readable, a.child_id); });
    keep_only(all.after.child_debriefs,
              [&](const ChildDebrief& d) { return among(readable, d.child_id); });
    keep_only(all.after.notifications,
              [&](const Notification& n) { return readable_or_none(n.child_id); });
    seen.after = std::move(all.after);
    keep_only(all.serious_events,
              [&](const notifications::SeriousEvent& e) { return readable_or_none(e.child_id); });
    seen.serious_events = std::move(all.serious_events);
    // A Reg 40 clock an incident kept before serious events had records of their own was the whole
    // incident's, under its first child: the reader sees it under the incident, not under a child
    // they may not read about.
    for (auto& d : all.clocks) {
        if (d.kind != notifications::clock_kind || d.source_type != "incident" ||
            readable_or_none(d.child_id)) {
            continue;
        }
        d.child_id.reset();
        d.child_name = another_young_person;
        d.link = readable.empty() ? std::string{}
                                  : fmt::format("/children/{}/incidents/{}/notifications",
                                                readable.front(), incident_id);
    }
    keep_only(all.clocks,
              [&](const deadlines::Deadline& d) { return readable_or_none(d.child_id); });
    seen.clocks = std::move(all.clocks);
    seen.versions = std::move(all.versions);
    seen.staff = std::move(all.staff);
    return seen;
}

}  // namespace

std::vector<std::int64_t> readable_children(const Reader& reader, const Incident& incident) {
    std::vector<std::int64_t> out;
    for (const auto& ch : incident.children) {
        if (may_read_child(reader, incident.home_id, ch.child_id)) {
            out.push_back(ch.child_id);
        }
    }
    return out;
}

SeenIncident seen_by(const Reader& reader, Incident incident, std::vector<Person> staff) {
    const auto readable = readable_children(reader, incident);
    SeenIncident seen = children_seen(readable, reader.scope.child_id, std::move(incident));
    seen.staff = std::move(staff);
    return seen;
}

SeenIncident seen_by(const Reader& reader, Everything all) {
    const auto readable = readable_children(reader, all.incident);
    return filtered(readable, reader.scope.child_id, std::move(all));
}

SeenIncident seen_in_record_of(std::int64_t child_id, Everything all) {
    return filtered({child_id}, child_id, std::move(all));
}

std::string child_seen_as(const SeenIncident& seen, std::int64_t child_id) {
    for (const auto& ch : seen.incident.children) {
        if (ch.child_id == child_id) {
            return ch.name;
        }
    }
    return another_young_person;
}

}  // namespace hearth::behaviour
