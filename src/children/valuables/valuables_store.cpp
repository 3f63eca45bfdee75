#include "children/valuables/valuables_store.hpp"

#include <fmt/format.h>

#include "children/child_store.hpp"
#include "chronology/chronology_store.hpp"

namespace hearth::children {

namespace {
struct Written {
    std::int64_t id = 0;
    std::int64_t home_id = 0;
};

Status tell(db::Connection& c, std::int64_t child_id, const Written& w, Date on,
            const std::string& title, const std::string& summary, const audit::Actor& actor,
            Timestamp now) {
    auto entry = TRY(
        chronology::record(c,
                           {.child_id = child_id,
                            .home_id = w.home_id,
                            .occurred_at = instant_of(on, now),
                            .kind = "valuables",
                            .source_type = "valuables",
                            .source_id = w.id,
                            .title = title,
                            .summary = chronology::summarise(summary),
                            .link = fmt::format("/children/{}/valuables#entry-{}", child_id, w.id),
                            .author_id = actor.person_id,
                            .author_name = actor.name},
                           now));
    (void)entry;
    return audit::append(
        c, actor, {"create", "valuables", std::to_string(w.id), w.home_id, child_id, title}, now);
}

// The child, locked for this transaction so that two returns cannot both spend the same balance.
Result<Child> child_for_ledger(db::Connection& c, std::int64_t child_id) {
    TRY(lock_child(c, child_id));
    auto child = TRY(find(c, child_id));
    if (!child) {
        return Error::not_found("We could not find that child's record.");
    }
    return std::move(*child);
}
}  // namespace

Result<std::vector<LedgerEntry>> ledger_of(db::Connection& c, std::int64_t child_id) {
    auto rows = TRY(
        c.query("SELECT v.id, v.entry, v.what, v.description, v.amount_pence, v.item_id, "
                "v.on_date, v.received_by, v.returned_to, v.returned_by, v.notes, v.recorded_at, "
                "p.name FROM valuables v JOIN people p ON p.id = v.recorded_by "
                "WHERE v.child_id = $1 ORDER BY v.id",
                {child_id}));
    std::vector<LedgerEntry> out;
    for (const auto& r : rows) {
        LedgerEntry e;
        e.id = r.integer(0);
        e.entry = r.text(1);
        e.what = r.text(2);
        e.description = r.text(3);
        e.amount_pence = r.optional_integer(4).value_or(0);
        e.item_id = r.optional_integer(5);
        e.on = parse_date(r.text(6)).value_or(Date{});
        e.received_by = r.text(7);
        e.returned_to = r.text(8);
        e.returned_by = r.text(9);
        e.notes = r.text(10);
        e.recorded_at = r.text(11);
        e.recorded_by = r.text(12);
        out.push_back(std::move(e));
    }
    return out;
}

Result<std::int64_t> record_deposit(db::Connection& c, std::int64_t child_id, const Deposit& d,
                                    const audit::Actor& actor, Timestamp now) {
    auto child = TRY(child_for_ledger(c, child_id));
    if (child.left_on) {
        return Error::conflict(fmt::format(
            "{} left the home on {}: nothing more can be deposited for them. Money and valuables "
            "still held can be returned.",
            display_name(child.details), format_local_date(*child.left_on)));
    }
    if (d.on < child.details.admission_date) {
        return Error::invalid("deposited_on",
                              fmt::format("The date it was deposited must be on or after the day "
                                          "they came to live here, {}",
                                          format_local_date(child.details.admission_date)));
    }
    Written w{0, child.home_id};
    const bool money = d.what == "money";
    w.id =
        TRY(c.insert("INSERT INTO valuables (child_id, entry, what, description, amount_pence, "
                     "on_date, received_by, notes, recorded_at, recorded_by) VALUES ($1, "
                     "'deposit', $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
                     {child_id, d.what, d.description,
                      money ? db::Value{d.amount_pence} : db::Value{nullptr}, format_date(d.on),
                      d.received_by, d.notes, format_utc(now), db::nullable(actor.person_id)}));
    const std::string title =
        money ? fmt::format("Money deposited for safe keeping: {}", format_pounds(d.amount_pence))
              : fmt::format("Deposited for safe keeping: {}", d.description);
    TRY(tell(c, child_id, w, d.on, title,
             fmt::format("{}. Received by {}.", d.description, d.received_by), actor, now));
    return w.id;
}

Result<std::int64_t> record_return(db::Connection& c, std::int64_t child_id, const Return& r,
                                   const audit::Actor& actor, Timestamp now) {
    auto child = TRY(child_for_ledger(c, child_id));
    auto ledger = TRY(ledger_of(c, child_id));
    TRY(check_return(ledger, r));
    std::string description = "Money";
    if (r.what == "item") {
        for (const auto& e : ledger) {
            if (e.id == *r.item_id) {
                description = e.description;
            }
        }
    }
    Written w{0, child.home_id};
    const bool money = r.what == "money";
    w.id = TRY(c.insert(
        "INSERT INTO valuables (child_id, entry, what, description, amount_pence, "
        "item_id, on_date, returned_to, returned_by, notes, recorded_at, "
        "recorded_by) VALUES ($1, 'return', $2, $3, $4, $5, $6, $7, $8, $9, $10, "
        "$11) RETURNING id",
        {child_id, r.what, description, money ? db::Value{r.amount_pence} : db::Value{nullptr},
         db::nullable(r.item_id), format_date(r.on), r.returned_to, r.returned_by, r.notes,
         format_utc(now), db::nullable(actor.person_id)}));
    const std::string title = money
                                  ? fmt::format("Money returned: {}", format_pounds(r.amount_pence))
                                  : fmt::format("Returned: {}", description);
    TRY(tell(c, child_id, w, r.on, title,
             fmt::format("Given to {} by {}.", r.returned_to, r.returned_by), actor, now));
    return w.id;
}

}  // namespace hearth::children
