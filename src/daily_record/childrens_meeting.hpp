#pragma once
// A children's meeting: the children of the home talk together with staff about life in the home
// (bullying guidance: "attend regular meetings where issues ... will be discussed"; Reg 7,
// children's views). Plain data and rules; read_meeting() names every field at fault.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "platform/amendments.hpp"
#include "platform/clock.hpp"
#include "platform/http/form.hpp"

namespace hearth::daily_record {

struct MeetingDetails {
    Timestamp held_at{};
    std::string topic;
    std::string discussion;     // what was talked about
    std::string children_said;  // in their words
    bool about_bullying = false;
};

Result<MeetingDetails> read_meeting(http::FormReader& form, Timestamp now);

nlohmann::json to_json(const MeetingDetails& d);
const amendments::FieldLabels& meeting_labels();

}  // namespace hearth::daily_record
