#pragma once
// Who was told about an incident, when and how: the placing authority and parents
// (docs/user-guide.md, "When things are hard: incidents"). A serious event is notified on its own
// record, with everyone Reg 40 names (notifications/serious_event.hpp). Plain data and rules; built
// only through read_notification().
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "behaviour/incident_lists.hpp"
#include "platform/clock.hpp"
#include "platform/http/form.hpp"

namespace hearth::behaviour {

const std::vector<Choice>& recipients();  // placing_authority, parent, ofsted, police, ...
const std::vector<Choice>& methods();     // phone, email, secure email, in person, ...
// A recipient told about one child (their placing authority, their parent), not the incident.
bool is_about_a_child(const std::string& recipient);

struct NotificationInput {
    std::optional<std::int64_t> child_id;  // for a placing authority or a parent
    std::string recipient;
    std::string named;  // who was told: "Duty team, Northshire", "Aisha's mum"
    std::string method;
    Timestamp notified_at{};
    std::string reference;  // Ofsted's or the police's reference, when given
};

// `children`: the incident's children, one of whom a placing authority or parent must be about.
// `began`: when the incident began; nobody is told before it.
Result<NotificationInput> read_notification(http::FormReader& form,
                                            const std::vector<std::int64_t>& children,
                                            Timestamp began, Timestamp now);

struct Notification : NotificationInput {
    std::int64_t id = 0;
    std::string child_name;
    std::string recorded_by_name;
    Timestamp recorded_at{};
};

}  // namespace hearth::behaviour
