#pragma once
// A child leaving the home (Schedule 3 and 4): when, where they went and the address, why, and
// when the placing authority was told. Their record stays, readable, until its retention date; it
// is no longer in the list of children living here.
#include <cstdint>
#include <optional>
#include <string>

#include "platform/clock.hpp"
#include "platform/http/form.hpp"

namespace hearth::children {

struct Leaving {
    Date left_on{};
    std::string destination;  // where they went: "Foster care with the Marsh family"
    std::string address;      // the address on leaving, when it may be recorded
    std::string reason;
    Date authority_informed_on{};
    std::string authority_informed_who;  // who at the placing authority was told
};

// Validates every field and finishes the form. A child cannot leave before they were admitted, and
// nothing here is in the future (`today`, in the home's zone).
Result<Leaving> read_leaving(http::FormReader& form, Date today, Date admitted);

// A line of Schedule 4's register of children.
struct RegisterEntry {
    std::int64_t child_id = 0;
    std::string name;
    Date date_of_birth{};
    Date admitted{};
    std::string came_from;  // the address before coming to the home
    std::optional<Date> left_on;
    std::string went_to;  // where they went, and the address on leaving
    std::string placing_authority;
    std::string legal_basis;
    std::optional<Date> date_of_death;
    bool reg44_consent = false;
};

// Keyset paging through the register, newest admission first: the position after the last line
// shown. Encoded as "2024-09-02~17".
struct RegisterCursor {
    Date admitted{};
    std::int64_t child_id = 0;
};
std::string encode(const RegisterCursor& c);
std::optional<RegisterCursor> decode_register_cursor(const std::string& text);

}  // namespace hearth::children
