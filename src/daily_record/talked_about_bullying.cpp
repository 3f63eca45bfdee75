#include "daily_record/talked_about_bullying.hpp"

namespace hearth::daily_record {

std::optional<Timestamp> last_talked(const ChildTalked& c) {
    std::optional<Timestamp> last;
    for (const auto& at : {c.key_work, c.meeting}) {
        if (at && (!last || at->at > *last)) {
            last = at->at;
        }
    }
    return last;
}

TalkStanding standing_of(const ChildTalked& c, Timestamp now) {
    const auto last = last_talked(c);
    if (!last) {
        return TalkStanding::never;
    }
    return now - *last <= std::chrono::days(lately_days) ? TalkStanding::lately
                                                         : TalkStanding::not_lately;
}

std::string standing_key(TalkStanding s) {
    switch (s) {
        case TalkStanding::lately:
            return "lately";
        case TalkStanding::not_lately:
            return "not_lately";
        case TalkStanding::never:
            return "never";
    }
    return "never";
}

std::string standing_label(TalkStanding s) {
    switch (s) {
        case TalkStanding::lately:
            return "In the last 3 months";
        case TalkStanding::not_lately:
            return "Not in the last 3 months";
        case TalkStanding::never:
            return "Not yet";
    }
    return "Not yet";
}

}  // namespace hearth::daily_record
