#include "language/language_views.hpp"

#include <fmt/format.h>

namespace hearth::language {

namespace {

std::string when(const std::string& utc) {
    return format_local(parse_utc(utc).value_or(Timestamp{}));
}

std::string what_changed(const Change& c) {
    switch (c.kind) {
        case ChangeKind::add:
            return "Added for your organisation";
        case ChangeKind::amend:
            return "Changed";
        case ChangeKind::retire:
            return "Retired: no longer flagged";
        case ChangeKind::restore:
            return "Flagged again";
    }
    return "Changed";
}

nlohmann::json lines(const std::vector<std::string>& items) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& i : items) {
        out.push_back(i);
    }
    return out;
}

}  // namespace

nlohmann::json phrase_json(const OrganisationPhrase& p, bool with_history) {
    nlohmann::json j = {{"id", p.phrase.id},
                        {"phrase", p.phrase.phrase},
                        {"match", lines(p.phrase.match)},
                        {"not_when", lines(p.phrase.not_when)},
                        {"alternative", p.phrase.alternative},
                        {"why", p.phrase.why},
                        {"fine_when", p.phrase.fine_when},
                        {"from_defaults", p.from_defaults},
                        {"changed", p.changed},
                        {"retired", p.retired},
                        {"version", p.version}};
    if (with_history) {
        j["history"] = nlohmann::json::array();
        for (const auto& c : p.history) {
            j["history"].push_back({{"version", c.version},
                                    {"kind", kind_key(c.kind)},
                                    {"reason", c.reason},
                                    {"changed_by", c.changed_by_name},
                                    {"changed_at", c.changed_at}});
        }
    }
    return j;
}

nlohmann::json phrase_view(const OrganisationPhrase& p) {
    std::string origin = "Hearth's list";
    if (!p.from_defaults) {
        origin = "Your organisation's own";
    } else if (p.changed) {
        origin = "Hearth's list, changed by your organisation";
    }
    return {{"id", p.phrase.id},
            {"href", fmt::format("/organisation/language/{}", p.phrase.id)},
            {"phrase", p.phrase.phrase},
            {"alternative", p.phrase.alternative},
            {"why", p.phrase.why},
            {"fine_when", p.phrase.fine_when},
            {"has_fine_when", !p.phrase.fine_when.empty()},
            {"match", lines(p.phrase.match)},
            {"not_when", lines(p.phrase.not_when)},
            {"has_not_when", !p.phrase.not_when.empty()},
            {"origin", origin},
            {"own", !p.from_defaults},
            {"changed", p.changed},
            {"retired", p.retired},
            {"version", p.version}};
}

nlohmann::json history_view(const OrganisationPhrase& p) {
    nlohmann::json out = nlohmann::json::array();
    for (auto it = p.history.rbegin(); it != p.history.rend(); ++it) {
        out.push_back({{"version", it->version},
                       {"what", what_changed(*it)},
                       {"reason", it->reason},
                       {"who", it->changed_by_name},
                       {"when", when(it->changed_at)}});
    }
    return out;
}

nlohmann::json list_about(const PhraseList& list) {
    nlohmann::json j = {{"version", list.version},
                        {"written_by", list.written_by},
                        {"reviewed", !list.reviewed_by.empty()},
                        {"reviewed_by", list.reviewed_by}};
    j["written_on"] = list.written_on ? format_date(*list.written_on) : "";
    j["reviewed_on"] = list.reviewed_on ? format_date(*list.reviewed_on) : "";
    j["written_on_label"] = list.written_on ? format_local_date(*list.written_on) : "";
    j["reviewed_on_label"] = list.reviewed_on ? format_local_date(*list.reviewed_on) : "";
    return j;
}

}  // namespace hearth::language
