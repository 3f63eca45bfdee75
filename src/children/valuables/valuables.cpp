#include "children/valuables/valuables.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <limits>

namespace hearth::children {

namespace {

bool by_day_then_order(const LedgerEntry& a, const LedgerEntry& b) {
    return a.on < b.on || (a.on == b.on && a.id < b.id);
}

std::string trimmed(std::string_view s) {
    const auto first = s.find_first_not_of(" \t");
    if (first == std::string_view::npos) {
        return {};
    }
    const auto last = s.find_last_not_of(" \t");
    return std::string(s.substr(first, last - first + 1));
}

bool all_digits(std::string_view s) {
    return !s.empty() &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// "1,020" or "1020" -> "1020"; commas only between groups of three.
std::optional<std::string> whole_pounds(std::string_view s) {
    if (s.find(',') == std::string_view::npos) {
        return all_digits(s) ? std::optional<std::string>(s) : std::nullopt;
    }
    std::string out;
    std::size_t start = 0;
    bool first = true;
    while (start <= s.size()) {
        auto comma = s.find(',', start);
        auto group = s.substr(start, comma == std::string_view::npos ? s.npos : comma - start);
        if (!all_digits(group) || group.size() > 3 || (!first && group.size() != 3)) {
            return std::nullopt;
        }
        out += group;
        first = false;
        if (comma == std::string_view::npos) {
            break;
        }
        start = comma + 1;
    }
    return out;
}

}  // namespace

Holding held(const std::vector<LedgerEntry>& ledger) {
    Holding h;
    std::vector<std::int64_t> returned_items;
    for (const auto& e : ledger) {
        if (e.what == "money") {
            h.money_pence += e.entry == "deposit" ? e.amount_pence : -e.amount_pence;
        } else if (e.entry == "return" && e.item_id) {
            returned_items.push_back(*e.item_id);
        }
    }
    for (const auto& e : ledger) {
        if (e.what == "item" && e.entry == "deposit" &&
            std::find(returned_items.begin(), returned_items.end(), e.id) == returned_items.end()) {
            h.items.push_back(e);
        }
    }
    std::sort(h.items.begin(), h.items.end(), by_day_then_order);
    return h;
}

Status check_return(const std::vector<LedgerEntry>& ledger, const Return& r) {
    if (r.what == "item") {
        const auto item = std::find_if(ledger.begin(), ledger.end(), [&](const LedgerEntry& e) {
            return e.what == "item" && e.entry == "deposit" && r.item_id && e.id == *r.item_id;
        });
        if (item == ledger.end()) {
            return Error::invalid("item", "Choose an item the home holds for them");
        }
        const bool already = std::any_of(ledger.begin(), ledger.end(), [&](const LedgerEntry& e) {
            return e.entry == "return" && e.item_id == item->id;
        });
        if (already) {
            return Error::invalid("item", "That item has already been returned");
        }
        if (r.on < item->on) {
            return Error::invalid("returned_on",
                                  fmt::format("The item was deposited on {}: it cannot have been "
                                              "returned before then",
                                              format_local_date(item->on)));
        }
        return {};
    }
    // Money: what can be given back on r.on is the least the balance ever is from the end of that
    // day onwards, so a back-dated return cannot leave a later return unpaid.
    std::vector<LedgerEntry> money;
    for (const auto& e : ledger) {
        if (e.what == "money") {
            money.push_back(e);
        }
    }
    std::sort(money.begin(), money.end(), by_day_then_order);
    std::int64_t balance = 0;
    std::optional<std::int64_t> available;
    for (const auto& e : money) {
        if (e.on > r.on && !available) {
            available = balance;
        }
        balance += e.entry == "deposit" ? e.amount_pence : -e.amount_pence;
        if (available) {
            available = std::min(*available, balance);
        }
    }
    const std::int64_t can_give = std::max<std::int64_t>(0, available.value_or(balance));
    if (r.amount_pence > can_give) {
        if (can_give == 0) {
            return Error::invalid("amount",
                                  "The home holds no money for them on that day, so "
                                  "there is nothing to return");
        }
        return Error::invalid(
            "amount", fmt::format("The amount must be no more than {}: that is what the home holds "
                                  "for them on that day{}",
                                  format_pounds(can_give),
                                  available ? ", once later entries are counted" : ""));
    }
    return {};
}

std::optional<std::int64_t> parse_pounds(std::string_view text) {
    std::string s = trimmed(text);
    const std::string pound = "\xC2\xA3";  // £ in UTF-8
    if (s.rfind(pound, 0) == 0) {
        s = trimmed(s.substr(pound.size()));
    }
    const auto dot = s.find('.');
    auto whole = whole_pounds(std::string_view(s).substr(0, dot));
    if (!whole || whole->size() > 9) {
        return std::nullopt;
    }
    std::int64_t pence = std::stoll(*whole) * 100;
    if (dot != std::string::npos) {
        const std::string fraction = s.substr(dot + 1);
        if (!all_digits(fraction) || fraction.size() > 2) {
            return std::nullopt;
        }
        pence += std::stoll(fraction) * (fraction.size() == 1 ? 10 : 1);
    }
    return pence;
}

std::string format_pounds(std::int64_t pence) {
    const bool negative = pence < 0;
    const std::uint64_t p =
        negative ? 0 - static_cast<std::uint64_t>(pence) : static_cast<std::uint64_t>(pence);
    std::string whole = std::to_string(p / 100);
    for (int i = static_cast<int>(whole.size()) - 3; i > 0; i -= 3) {
        whole.insert(static_cast<std::size_t>(i), ",");
    }
    return fmt::format("{}\xC2\xA3{}.{:02}", negative ? "-" : "", whole, p % 100);
}

namespace {
std::optional<std::int64_t> read_amount(http::FormReader& f, const std::string& what) {
    const std::string amount = f.text("amount", "Amount", {.max = 20});
    if (what == "item") {
        if (!amount.empty()) {
            f.fail("amount", "Leave the amount empty for an item: describe the item instead");
        }
        return 0;
    }
    if (what != "money") {
        return std::nullopt;
    }
    if (amount.empty()) {
        f.fail("amount", "Enter the amount of money, like 20.00");
        return std::nullopt;
    }
    auto pence = parse_pounds(amount);
    if (!pence) {
        f.fail("amount", "Amount must be in pounds and pence, like 20.00");
        return std::nullopt;
    }
    if (*pence <= 0 || *pence > most_pence) {
        f.fail("amount", fmt::format("Amount must be more than £0 and no more than {}",
                                     format_pounds(most_pence)));
        return std::nullopt;
    }
    return pence;
}
}  // namespace

Result<Deposit> read_deposit(http::FormReader& f, Date today) {
    Deposit d;
    d.what = f.choice("what", "whether it is money or an item", {"money", "item"}, true);
    d.description = f.text("description", "a description", {.max = 200});
    if (d.what == "item" && d.description.empty()) {
        f.fail("description", "Describe the item, like \"Bank card\" or \"Silver necklace\"");
    }
    auto amount = read_amount(f, d.what);
    auto on = f.date("deposited_on", "the date it was deposited",
                     {.required = true, .not_after = today, .after_label = "today"});
    d.received_by = f.text("received_by", "who received it", {.required = true, .max = 150});
    d.notes = f.text("notes", "Notes", {.max = 1000, .multiline = true});
    TRY(f.finish());
    if (d.what == "money" && d.description.empty()) {
        d.description = "Money";
    }
    d.amount_pence = amount.value_or(0);
    d.on = *on;
    return d;
}

Result<Return> read_return(http::FormReader& f, Date today) {
    Return r;
    r.what = f.choice("what", "whether it is money or an item", {"money", "item"}, true);
    auto amount = read_amount(f, r.what);
    r.item_id = f.integer("item", "Item", false, 1, std::numeric_limits<std::int64_t>::max());
    if (r.what == "item" && !r.item_id) {
        f.fail("item", "Choose the item that was returned");
    }
    if (r.what == "money" && r.item_id) {
        f.fail("item", "Choose an item only when returning an item");
    }
    auto on = f.date("returned_on", "the date it was returned",
                     {.required = true, .not_after = today, .after_label = "today"});
    r.returned_to = f.text("returned_to", "who it was given to", {.required = true, .max = 150});
    r.returned_by = f.text("returned_by", "who gave it back", {.required = true, .max = 150});
    r.notes = f.text("notes", "Notes", {.max = 1000, .multiline = true});
    TRY(f.finish());
    r.amount_pence = amount.value_or(0);
    r.on = *on;
    return r;
}

}  // namespace hearth::children
