#pragma once
// Money and valuables a child deposited with the home for safe keeping, and their return
// (Schedule 3): a ledger that is only ever added to. Money is whole pence, shown as pounds; a
// return can never give back more than the home holds for the child, on its date or after it.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "platform/clock.hpp"
#include "platform/http/form.hpp"

namespace hearth::children {

// The largest single amount Hearth accepts: far above pocket money, far below overflow.
inline constexpr std::int64_t most_pence = 100'000'000;  // £1,000,000

struct LedgerEntry {
    std::int64_t id = 0;
    std::string entry;  // "deposit" or "return"
    std::string what;   // "money" or "item"
    std::string description;
    std::int64_t amount_pence = 0;        // money only
    std::optional<std::int64_t> item_id;  // an item's return: the deposit it gives back
    Date on{};
    std::string received_by;  // deposit: the member of staff who took it
    std::string returned_to;  // return: who it was given to
    std::string returned_by;  // return: the member of staff who gave it
    std::string notes;
    std::string recorded_at;
    std::string recorded_by;
};

struct Deposit {
    std::string what;
    std::string description;
    std::int64_t amount_pence = 0;
    Date on{};
    std::string received_by;
    std::string notes;
};

struct Return {
    std::string what;
    std::int64_t amount_pence = 0;        // money
    std::optional<std::int64_t> item_id;  // an item
    Date on{};
    std::string returned_to;
    std::string returned_by;
    std::string notes;
};

// What the home holds for the child now.
struct Holding {
    std::int64_t money_pence = 0;
    std::vector<LedgerEntry> items;  // deposits of items not yet returned, oldest first
};
Holding held(const std::vector<LedgerEntry>& ledger);

// Refuses a return the ledger cannot pay: more money than was held on its day or any day after
// it, or an item that was not deposited by then or was already returned. Names the field.
Status check_return(const std::vector<LedgerEntry>& ledger, const Return& r);

// "20", "20.5", "£1,020.50" -> pence; nullopt for anything else, negatives and more than two
// decimal places included.
std::optional<std::int64_t> parse_pounds(std::string_view text);
std::string format_pounds(std::int64_t pence);  // "£1,020.50"

// Both validate every field and finish the form. `today` is in the home's zone.
Result<Deposit> read_deposit(http::FormReader& form, Date today);
Result<Return> read_return(http::FormReader& form, Date today);

}  // namespace hearth::children
