#include "daily_record/daily_entry.hpp"

#include <algorithm>

#include "chronology/chronology.hpp"

namespace hearth::daily_record {

std::string kind_key(EntryKind k) {
    switch (k) {
        case EntryKind::note:
            return "note";
        case EntryKind::praise:
            return "praise";
        case EntryKind::key_work:
            return "key_work";
    }
    return "note";
}

std::optional<EntryKind> kind_from_key(const std::string& key) {
    for (auto k : {EntryKind::note, EntryKind::praise, EntryKind::key_work}) {
        if (kind_key(k) == key) {
            return k;
        }
    }
    return std::nullopt;
}

std::string chronology_kind(EntryKind k) {
    return k == EntryKind::note ? "daily_note" : kind_key(k);
}

const std::vector<Choice>& categories() {
    static const std::vector<Choice> all{
        {"daily_life", "Everyday life"},
        {"education", "Education and learning"},
        {"health", "Health"},
        {"emotional_wellbeing", "Feelings and emotional wellbeing"},
        {"family_time", "Family time and keeping in touch"},
        {"friendships", "Friendships and relationships"},
        {"activities", "Activities and interests"},
        {"independence", "Independence and life skills"},
        {"achievement", "Achievement"},
        {"concern", "A worry or concern"},
    };
    return all;
}

std::string category_label(const std::string& key) {
    return label_in(categories(), key);
}

const std::vector<Choice>& praise_moments() {
    static const std::vector<Choice> all{
        {"school", "Went to school or college"},  {"kindness", "Was kind to someone"},
        {"helped", "Helped around the home"},     {"tried", "Tried something new"},
        {"calm", "Stayed calm when it was hard"}, {"talked", "Talked about how they felt"},
        {"asked_for_help", "Asked for help"},     {"routine", "Kept to their routine"},
    };
    return all;
}

Result<EntryDetails> read_entry(http::FormReader& f, EntryKind kind, Timestamp now) {
    EntryDetails d;
    d.kind = kind;
    const auto at = f.moment("occurred_on", "the day it happened", "occurred_time",
                             "the time it happened", now);
    if (kind == EntryKind::praise) {
        d.category = "achievement";
        d.body = f.text("body", "what they did well",
                        {.required = true, .max = 2000, .multiline = true});
    } else {
        d.category = f.choice("category", "what the entry is about", keys_of(categories()), true);
        if (kind == EntryKind::key_work) {
            d.topic = f.text("topic", "what the session was about", {.required = true, .max = 200});
            d.body = f.text("body", "what you talked about",
                            {.required = true, .max = 10000, .multiline = true});
        } else {
            d.body = f.text("body", "what happened",
                            {.required = true, .max = 10000, .multiline = true});
        }
    }
    d.child_words =
        f.text("child_words", "The child's own words", {.max = 5000, .multiline = true});
    if (kind == EntryKind::key_work) {
        d.about_bullying = f.flag("about_bullying", "We talked about bullying");
    }
    d.significant = f.flag("significant", "Significant event");
    d.for_handover = f.flag("for_handover", "For handover");
    if (at) {
        d.occurred_at = *at;
    }
    TRY(f.finish());
    return d;
}

Result<EntryDetails> read_praise(http::FormReader& f, Timestamp now) {
    EntryDetails d;
    d.kind = EntryKind::praise;
    d.category = "achievement";
    d.occurred_at = now;
    const std::string moment = f.choice("moment", "a moment", keys_of(praise_moments()), false);
    const std::string words =
        f.text("body", "what they did well", {.max = 2000, .multiline = true});
    d.for_handover = f.flag("for_handover", "For handover");
    // A moment that is not one of ours has its own message; don't add a second.
    const bool moment_sent = f.has("moment") && !f.text("moment", "a moment").empty();
    if (moment.empty() && words.empty() && !moment_sent) {
        f.fail("body", "Choose a moment or write what they did well");
    }
    TRY(f.finish());
    if (moment.empty()) {
        d.body = words;
    } else if (words.empty()) {
        d.body = label_in(praise_moments(), moment);
    } else {
        d.body = label_in(praise_moments(), moment) + ": " + words;
    }
    return d;
}

std::vector<std::string> agreed_actions(const std::string& typed) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= typed.size()) {
        std::size_t end = typed.find('\n', start);
        if (end == std::string::npos) {
            end = typed.size();
        }
        std::string line = typed.substr(start, end - start);
        const auto first = line.find_first_not_of(" \t-•*");
        const auto last = line.find_last_not_of(" \t\r");
        if (first != std::string::npos && last != std::string::npos && last >= first) {
            out.push_back(line.substr(first, last - first + 1));
        }
        start = end + 1;
    }
    return out;
}

nlohmann::json to_json(const EntryDetails& d) {
    nlohmann::json j = {{"kind", kind_key(d.kind)},
                        {"category", d.category},
                        {"occurred_at", format_utc(d.occurred_at)},
                        {"topic", d.topic},
                        {"body", d.body},
                        {"child_words", d.child_words},
                        {"significant", d.significant},
                        {"for_handover", d.for_handover},
                        {"about_bullying", d.about_bullying}};
    return j;
}

EntryDetails from_json(const nlohmann::json& j) {
    EntryDetails d;
    d.kind = kind_from_key(j.value("kind", "note")).value_or(EntryKind::note);
    d.category = j.value("category", "");
    d.occurred_at = parse_utc(j.value("occurred_at", "")).value_or(Timestamp{});
    d.topic = j.value("topic", "");
    d.body = j.value("body", "");
    d.child_words = j.value("child_words", "");
    d.significant = j.value("significant", false);
    d.for_handover = j.value("for_handover", false);
    d.about_bullying = j.value("about_bullying", false);
    return d;
}

const amendments::FieldLabels& field_labels() {
    static const amendments::FieldLabels labels{
        {"occurred_at", "When it happened"},      {"category", "What it is about"},
        {"topic", "What the session was about"},  {"body", "What was written"},
        {"child_words", "The child's own words"}, {"significant", "Significant event"},
        {"for_handover", "For handover"},         {"about_bullying", "Talked about bullying"},
    };
    return labels;
}

std::string title_of(const EntryDetails& d) {
    switch (d.kind) {
        case EntryKind::praise:
            return "Praise: " + chronology::summarise(d.body, 80);
        case EntryKind::key_work:
            return "Key-work session: " + d.topic;
        case EntryKind::note:
            break;
    }
    return category_label(d.category);
}

}  // namespace hearth::daily_record
