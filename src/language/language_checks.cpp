#include "language/language_checks.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "language/language_store.hpp"
#include "platform/months.hpp"

namespace hearth::language {

namespace {

using Counts = std::map<std::int64_t, std::int64_t>;  // phrase id -> times flagged

Counts counts_of(const std::vector<Finding>& findings) {
    Counts out;
    for (const auto& f : findings) {
        ++out[f.phrase.id];
    }
    return out;
}

std::string to_text(const Counts& counts) {
    nlohmann::json j = nlohmann::json::object();
    for (const auto& [id, n] : counts) {
        j[std::to_string(id)] = n;
    }
    return j.dump();
}

Counts from_text(const std::string& text) {
    Counts out;
    auto j = nlohmann::json::parse(text, nullptr, false);
    if (!j.is_object()) {
        return out;
    }
    for (const auto& [id, n] : j.items()) {
        if (n.is_number_integer()) {
            out[std::stoll(id)] = n.get<std::int64_t>();
        }
    }
    return out;
}

std::int64_t total(const Counts& counts) {
    std::int64_t n = 0;
    for (const auto& [id, times] : counts) {
        n += times;
    }
    return n;
}

// Adds to a home's month: the figure's totals, kept beside the checks.
Status add_to_month(db::Connection& c, std::int64_t organisation_id, std::int64_t home_id,
                    const std::string& month, std::int64_t entries, std::int64_t entries_flagged,
                    std::int64_t flagged) {
    return c.run(
        "INSERT INTO language_months (home_id, month, organisation_id, entries, entries_flagged, "
        "flagged) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (home_id, month) DO UPDATE SET "
        "entries = language_months.entries + excluded.entries, "
        "entries_flagged = language_months.entries_flagged + excluded.entries_flagged, "
        "flagged = language_months.flagged + excluded.flagged",
        {home_id, month, organisation_id, entries, entries_flagged, flagged});
}

Status add_to_phrases(db::Connection& c, std::int64_t organisation_id, std::int64_t home_id,
                      const std::string& month, const Counts& before, const Counts& after,
                      const std::vector<OrganisationPhrase>& list) {
    Counts change = after;
    for (const auto& [id, n] : before) {
        change[id] -= n;
    }
    for (const auto& [id, delta] : change) {
        if (delta == 0) {
            continue;
        }
        const auto* p = find_phrase(list, id);
        TRY(c.run(
            "INSERT INTO language_phrase_months (home_id, month, phrase_id, organisation_id, "
            "phrase, flagged) VALUES ($1, $2, $3, $4, $5, $6) "
            "ON CONFLICT (home_id, month, phrase_id) DO UPDATE SET "
            "flagged = language_phrase_months.flagged + excluded.flagged, "
            "phrase = CASE WHEN excluded.phrase = '' THEN language_phrase_months.phrase "
            "ELSE excluded.phrase END",
            {home_id, month, id, organisation_id, p ? p->phrase.phrase : std::string(), delta}));
    }
    return {};
}

}  // namespace

Result<std::vector<Finding>> check(db::Connection& c, std::int64_t organisation_id,
                                   std::string_view text) {
    auto list = TRY(organisation_list(c, organisation_id));
    return find_phrases(in_use(list), text);
}

Result<std::vector<Finding>> check_and_record(db::Connection& c, std::int64_t organisation_id,
                                              std::int64_t home_id,
                                              std::optional<std::int64_t> child_id,
                                              std::string_view source_type, std::int64_t source_id,
                                              std::string_view text, Timestamp at) {
    auto list = TRY(organisation_list(c, organisation_id));
    auto findings = find_phrases(in_use(list), text);
    const Counts now = counts_of(findings);
    const std::int64_t flagged = total(now);
    auto before =
        TRY(c.query_one("SELECT home_id, month, phrases FROM language_checks "
                        "WHERE source_type = $1 AND source_id = $2",
                        {std::string(source_type), source_id}));
    if (!before) {
        const std::string month = month_of(at);
        TRY(c.run(
            "INSERT INTO language_checks (organisation_id, home_id, child_id, source_type, "
            "source_id, month, flagged, phrases, findings, first_checked_at, checked_at) "
            "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10)",
            {organisation_id, home_id, db::nullable(child_id), std::string(source_type), source_id,
             month, flagged, to_text(now), findings_view(findings).dump(), format_utc(at)}));
        TRY(add_to_month(c, organisation_id, home_id, month, 1, flagged > 0 ? 1 : 0, flagged));
        TRY(add_to_phrases(c, organisation_id, home_id, month, {}, now, list));
        return findings;
    }
    // An amendment: the entry is counted once, in its first month and home, with what it says now.
    const std::int64_t first_home = before->integer(0);
    const std::string month = before->text(1);
    const Counts earlier = from_text(before->text(2));
    const std::int64_t was = total(earlier);
    TRY(
        c.run("UPDATE language_checks SET flagged = $1, phrases = $2, findings = $3, "
              "checked_at = $4 WHERE source_type = $5 AND source_id = $6",
              {flagged, to_text(now), findings_view(findings).dump(), format_utc(at),
               std::string(source_type), source_id}));
    TRY(add_to_month(c, organisation_id, first_home, month, 0,
                     (flagged > 0 ? 1 : 0) - (was > 0 ? 1 : 0), flagged - was));
    TRY(add_to_phrases(c, organisation_id, first_home, month, earlier, now, list));
    return findings;
}

Result<nlohmann::json> findings_when_saved(db::Connection& c, std::string_view source_type,
                                           std::int64_t source_id) {
    auto row = TRY(c.query_one(
        "SELECT findings FROM language_checks WHERE source_type = $1 AND source_id = $2",
        {std::string(source_type), source_id}));
    if (!row) {
        return nlohmann::json::object();
    }
    auto view = nlohmann::json::parse(row->text(0), nullptr, false);
    return view.is_object() ? view : nlohmann::json::object();
}

nlohmann::json findings_view(const std::vector<Finding>& findings) {
    if (findings.empty()) {
        return nlohmann::json::object();
    }
    struct Row {
        const Finding* first = nullptr;
        std::vector<std::string> matched;
        int times = 0;
    };
    std::vector<Row> rows;
    for (const auto& f : findings) {
        auto it = std::find_if(rows.begin(), rows.end(),
                               [&](const Row& r) { return r.first->phrase.id == f.phrase.id; });
        if (it == rows.end()) {
            rows.push_back({&f, {}, 0});
            it = rows.end() - 1;
        }
        ++it->times;
        if (std::find(it->matched.begin(), it->matched.end(), f.matched) == it->matched.end()) {
            it->matched.push_back(f.matched);
        }
    }
    nlohmann::json phrases = nlohmann::json::array();
    for (const auto& r : rows) {
        std::string matched;
        for (const auto& m : r.matched) {
            matched += (matched.empty() ? "" : "\", \"") + m;
        }
        const auto& p = r.first->phrase;
        phrases.push_back({{"id", p.id},
                           {"phrase", p.phrase},
                           {"matched", matched},
                           {"times", r.times},
                           {"many", r.times > 1},
                           {"alternative", p.alternative},
                           {"why", p.why},
                           {"fine_when", p.fine_when},
                           {"has_fine_when", !p.fine_when.empty()}});
    }
    return {{"language_findings",
             {{"count", findings.size()}, {"phrases", phrases}, {"one", rows.size() == 1}}}};
}

}  // namespace hearth::language
