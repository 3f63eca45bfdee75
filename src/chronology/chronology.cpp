#include "chronology/chronology.hpp"

#include <algorithm>

#include "platform/keyset.hpp"

namespace hearth::chronology {

const std::vector<Kind>& kinds() {
    static const std::vector<Kind> all{
        {"daily_note", "Daily note"},
        {"praise", "Praise and achievement"},
        {"key_work", "Key-work session"},
        {"childrens_meeting", "Children's meeting"},
        {"record_change", "Change to the case record"},
        {"admission", "Admission"},
        {"leaving", "Leaving"},
        {"key_worker_change", "Key worker change"},
        {"valuables", "Money and valuables"},
        {"plan", "Plan"},
        {"risk_assessment", "Risk assessment"},
        {"incident", "Incident"},
        {"incident_account", "In their own words"},
        {"physical_intervention", "Physical intervention or restriction"},
        {"consequence", "Consequence"},
        {"debrief", "Debrief"},
        {"restorative", "Restorative follow-up"},
    };
    return all;
}

bool is_kind(const std::string& key) {
    const auto& all = kinds();
    return std::any_of(all.begin(), all.end(), [&](const Kind& k) { return k.key == key; });
}

std::string kind_label(const std::string& key) {
    for (const auto& k : kinds()) {
        if (k.key == key) {
            return k.label;
        }
    }
    return key;
}

std::string encode(const Cursor& c) {
    return keyset_text(format_utc(c.occurred_at), c.id);
}

std::optional<Cursor> decode(const std::string& text) {
    auto parts = keyset_parts(text);
    if (!parts) {
        return std::nullopt;
    }
    auto at = parse_utc(parts->first);
    if (!at) {
        return std::nullopt;
    }
    return Cursor{*at, parts->second};
}

std::string summarise(const std::string& text, std::size_t limit) {
    if (text.size() <= limit) {
        return text;
    }
    std::size_t cut = text.rfind(' ', limit);
    if (cut == std::string::npos || cut < limit / 2) {
        cut = limit;
    }
    // Never cut inside a UTF-8 sequence: step back over continuation bytes.
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) {
        --cut;
    }
    return text.substr(0, cut) + "…";
}

}  // namespace hearth::chronology
