#pragma once
// A serious event the registered person must notify without delay (Children's Homes (England)
// Regulations 2015, Reg 40): which events, in the regulation's words; who must be told of each;
// and the clock, met when the last of them was told, at that moment. Plain data and rules; built
// from a form only through read_serious_event() and read_telling(), which name every field at
// fault. The store is serious_event_store.hpp.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "platform/choice.hpp"
#include "platform/clock.hpp"
#include "platform/http/form.hpp"

namespace hearth::notifications {

// One kind of serious event, as Reg 40 lists them.
struct EventKind {
    std::string key;
    std::string label;       // "A serious incident needing the police"
    std::string regulation;  // "Reg 40(4)(b)"
    std::string words;       // what the regulation says, for the form's help text
    bool about_a_child = true;
    // Who the regulation names for it, beyond "each other relevant person".
    std::vector<std::string> required;
};
const std::vector<EventKind>& serious_events();
const EventKind* event_kind(const std::string& key);
// The event an enquiry's outcome is recorded as, with its own clock (Reg 40(4)(d)).
inline constexpr const char* enquiry = "child_protection_enquiry";
inline constexpr const char* enquiry_outcome = "child_protection_enquiry_outcome";

const std::vector<Choice>& recipients();  // ofsted, placing_authority, host_authority, ...
const std::vector<Choice>& methods();     // phone, email, secure email, online form, ...

// Whether two names are the same local authority: "Northshire County Council" and "northshire
// county council " are. Empty is never the same as anything: not knowing is not knowing.
bool same_authority(const std::string& a, const std::string& b);

// Who must be told of an event, in the order the regulation names them. The local authority where
// the home is is not asked to be told twice when it is also the child's placing authority.
std::vector<std::string> required_recipients(const EventKind& kind, bool has_child,
                                             const std::string& home_authority,
                                             const std::string& placing_authority);

// The clock: "without delay", held to the organisation's practice target (its setting, 24 hours
// unless changed) from when the event became known.
inline constexpr const char* clock_kind = "reg40_notification";

// A recipient, told or still to be told.
struct Recipient {
    std::string recipient;  // a key of recipients()
    bool required = false;
    std::string named;  // who exactly: "Duty desk, Ofsted", "Northshire duty team"
    std::string method;
    std::string reference;
    std::optional<Timestamp> told_at;
    std::optional<std::int64_t> told_by;
    std::string told_by_name;
};
// The required recipients not yet told, as their labels; empty once the clock is met.
std::vector<std::string> still_to_tell(const std::vector<Recipient>& all);
// The moment the last required recipient was told: when the clock was met. Nothing until then.
std::optional<Timestamp> met_at(const std::vector<Recipient>& all);

// What the form gives for a new serious event. `children`: those living in the home.
struct NewSeriousEvent {
    std::optional<std::int64_t> child_id;
    std::string event;
    std::string what_happened;
    Timestamp became_known_at{};
};
Result<NewSeriousEvent> read_serious_event(http::FormReader& form,
                                           const std::vector<std::int64_t>& children,
                                           Timestamp now);

// That someone was told. `known`: when the event became known; nobody is told before it.
// `staff`: who may have told them (the home's staff).
struct Telling {
    std::string recipient;
    std::string named;
    std::string method;
    std::string reference;
    Timestamp told_at{};
    std::int64_t told_by = 0;
};
Result<Telling> read_telling(http::FormReader& form, const std::vector<std::int64_t>& staff,
                             Timestamp known, Timestamp now);

}  // namespace hearth::notifications
