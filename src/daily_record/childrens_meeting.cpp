#include "daily_record/childrens_meeting.hpp"

namespace hearth::daily_record {

Result<MeetingDetails> read_meeting(http::FormReader& f, Timestamp now) {
    MeetingDetails d;
    const auto held_at =
        f.moment("held_on", "the day of the meeting", "held_time", "the time of the meeting", now);
    d.topic = f.text("topic", "what the meeting was about", {.required = true, .max = 200});
    d.discussion = f.text("discussion", "what was talked about",
                          {.required = true, .max = 10000, .multiline = true});
    d.children_said =
        f.text("children_said", "What the children said", {.max = 10000, .multiline = true});
    d.about_bullying = f.flag("about_bullying", "We talked about bullying");
    if (held_at) {
        d.held_at = *held_at;
    }
    TRY(f.finish());
    return d;
}

nlohmann::json to_json(const MeetingDetails& d) {
    nlohmann::json j = {{"held_at", format_utc(d.held_at)},
                        {"topic", d.topic},
                        {"discussion", d.discussion},
                        {"children_said", d.children_said},
                        {"about_bullying", d.about_bullying}};
    return j;
}

const amendments::FieldLabels& meeting_labels() {
    static const amendments::FieldLabels labels{
        {"held_at", "When it was held"},
        {"topic", "What it was about"},
        {"discussion", "What was talked about"},
        {"children_said", "What the children said"},
        {"about_bullying", "Talked about bullying"},
    };
    return labels;
}

}  // namespace hearth::daily_record
