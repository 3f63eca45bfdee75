#include "intervention/technique_store.hpp"

#include <algorithm>
#include <cctype>

namespace hearth::intervention {

namespace {

constexpr std::size_t longest_label = 120;

std::string folded(const std::string& s) {
    std::string out;
    for (unsigned char ch : s) {
        if (std::isalnum(ch)) {
            out.push_back(static_cast<char>(std::tolower(ch)));
        }
    }
    return out;
}

Status save(db::Connection& c, std::int64_t organisation_id, const Technique& t,
            const audit::Actor& actor, Timestamp now) {
    if (!actor.person_id) {
        return Error::internal("changing the techniques needs a signed-in manager");
    }
    return c.run(
        "INSERT INTO intervention_techniques (organisation_id, technique_key, label, retired, "
        "changed_by, changed_at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (organisation_id, "
        "technique_key) DO UPDATE SET label = excluded.label, retired = excluded.retired, "
        "changed_by = excluded.changed_by, changed_at = excluded.changed_at",
        {organisation_id, t.key, t.label, std::int64_t{t.retired}, *actor.person_id,
         format_utc(now)});
}

}  // namespace

std::string technique_key(const std::string& label) {
    std::string out;
    for (unsigned char ch : label) {
        if (std::isalnum(ch)) {
            out.push_back(static_cast<char>(std::tolower(ch)));
        } else if (!out.empty() && out.back() != '_') {
            out.push_back('_');
        }
    }
    while (!out.empty() && out.back() == '_') {
        out.pop_back();
    }
    return out;
}

Result<std::vector<Technique>> technique_list(db::Connection& c, std::int64_t organisation_id) {
    std::vector<Technique> out;
    for (const auto& d : default_techniques()) {
        out.push_back({d.key, d.label, false, false});
    }
    auto rows =
        TRY(c.query("SELECT technique_key, label, retired FROM intervention_techniques "
                    "WHERE organisation_id = $1 ORDER BY id",
                    {organisation_id}));
    for (const auto& r : rows) {
        const std::string key = r.text(0);
        auto found =
            std::find_if(out.begin(), out.end(), [&](const Technique& t) { return t.key == key; });
        if (found == out.end()) {
            out.push_back({key, r.text(1), r.boolean(2), true});
        } else {
            found->label = r.text(1);
            found->retired = r.boolean(2);
        }
    }
    return out;
}

Result<std::vector<Choice>> techniques_of(db::Connection& c, std::int64_t organisation_id) {
    auto all = TRY(technique_list(c, organisation_id));
    std::vector<Choice> out;
    for (const auto& t : all) {
        if (!t.retired) {
            out.push_back({t.key, t.label});
        }
    }
    return out;
}

Status add_technique(db::Connection& c, std::int64_t organisation_id, const std::string& label,
                     const audit::Actor& actor, Timestamp now) {
    const std::string key = technique_key(label);
    if (key.empty()) {
        return Error::invalid("label", "Enter the technique's name, as your scheme teaches it");
    }
    if (label.size() > longest_label) {
        return Error::invalid("label", "The technique's name must be " +
                                           std::to_string(longest_label) + " characters or fewer");
    }
    auto all = TRY(technique_list(c, organisation_id));
    for (const auto& t : all) {
        if (t.key == key || folded(t.label) == folded(label)) {
            return Error::invalid(
                "label", t.retired
                             ? "\"" + t.label + "\" is in the list already, retired: restore it"
                             : "\"" + t.label + "\" is in the list already");
        }
    }
    TRY(save(c, organisation_id, {key, label, false, true}, actor, now));
    return audit::append(
        c, actor,
        {"add_technique", "intervention_technique", key, std::nullopt, std::nullopt, label}, now);
}

Status set_retired(db::Connection& c, std::int64_t organisation_id, const std::string& key,
                   bool retired, const audit::Actor& actor, Timestamp now) {
    auto all = TRY(technique_list(c, organisation_id));
    auto found =
        std::find_if(all.begin(), all.end(), [&](const Technique& t) { return t.key == key; });
    if (found == all.end()) {
        return Error::not_found("That technique is not in the organisation's list.");
    }
    if (found->retired == retired) {
        return Error::conflict(retired ? "That technique was retired already."
                                       : "That technique is in use already.");
    }
    found->retired = retired;
    TRY(save(c, organisation_id, *found, actor, now));
    return audit::append(c, actor,
                         {retired ? "retire_technique" : "restore_technique",
                          "intervention_technique", key, std::nullopt, std::nullopt, found->label},
                         now);
}

}  // namespace hearth::intervention
