#pragma once
// The figure's totals from the database: a dozen rows a home, kept up to date by each check
// (language_checks.hpp), so the provider's page never reads the checks themselves.
#include <cstdint>
#include <string>
#include <vector>

#include "language/figures.hpp"
#include "platform/db/database.hpp"

namespace hearth::language {

// Every home of the organisation, months from `first_month` on.
Result<std::vector<HomeMonth>> month_totals(db::Connection& c, std::int64_t organisation_id,
                                            const std::string& first_month);

struct PhraseTotal {
    std::int64_t phrase_id = 0;
    std::string phrase;
    std::int64_t flagged = 0;
};
// The phrases flagged most from `first_month` on: the organisation's, or only these homes'.
Result<std::vector<PhraseTotal>> most_flagged(db::Connection& c, std::int64_t organisation_id,
                                              const std::string& first_month,
                                              const std::optional<std::vector<std::int64_t>>& homes,
                                              int limit);

}  // namespace hearth::language
