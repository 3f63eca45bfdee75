#include "language/figures_store.hpp"

#include <algorithm>
#include <map>

namespace hearth::language {

Result<std::vector<HomeMonth>> month_totals(db::Connection& c, std::int64_t organisation_id,
                                            const std::string& first_month) {
    auto rows =
        TRY(c.query("SELECT home_id, month, entries, entries_flagged, flagged "
                    "FROM language_months WHERE organisation_id = $1 AND month >= $2",
                    {organisation_id, first_month}));
    std::vector<HomeMonth> out;
    for (const auto& r : rows) {
        out.push_back(
            {r.integer(0), r.text(1), MonthTotal{r.integer(2), r.integer(3), r.integer(4)}});
    }
    return out;
}

Result<std::vector<PhraseTotal>> most_flagged(db::Connection& c, std::int64_t organisation_id,
                                              const std::string& first_month,
                                              const std::optional<std::vector<std::int64_t>>& homes,
                                              int limit) {
    std::vector<db::Row> rows;
    if (homes) {
        for (auto home : *homes) {
            auto some =
                TRY(c.query("SELECT phrase_id, phrase, flagged FROM language_phrase_months "
                            "WHERE home_id = $1 AND month >= $2 AND organisation_id = $3",
                            {home, first_month, organisation_id}));
            rows.insert(rows.end(), some.begin(), some.end());
        }
    } else {
        rows =
            TRY(c.query("SELECT phrase_id, phrase, flagged FROM language_phrase_months "
                        "WHERE organisation_id = $1 AND month >= $2",
                        {organisation_id, first_month}));
    }
    // Added up here rather than in SQL: the same few rows either way, and one query per home.
    std::map<std::int64_t, PhraseTotal> totals;
    for (const auto& r : rows) {
        auto& t = totals[r.integer(0)];
        t.phrase_id = r.integer(0);
        if (!r.text(1).empty()) {
            t.phrase = r.text(1);
        }
        t.flagged += r.integer(2);
    }
    std::vector<PhraseTotal> out;
    for (auto& [id, t] : totals) {
        if (t.flagged > 0) {
            out.push_back(std::move(t));
        }
    }
    std::stable_sort(out.begin(), out.end(), [](const PhraseTotal& a, const PhraseTotal& b) {
        return a.flagged > b.flagged;
    });
    if (out.size() > static_cast<std::size_t>(limit)) {
        out.resize(static_cast<std::size_t>(limit));
    }
    return out;
}

}  // namespace hearth::language
