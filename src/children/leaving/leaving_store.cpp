#include "children/leaving/leaving_store.hpp"

#include <fmt/format.h>

#include "children/child_store.hpp"
#include "children/key_workers/key_worker_store.hpp"
#include "chronology/chronology_store.hpp"

namespace hearth::children {

Result<std::optional<LeavingRecord>> leaving_of(db::Connection& c, std::int64_t child_id) {
    auto row =
        TRY(c.query_one("SELECT l.left_on, l.destination, l.reason, l.authority_informed_on, "
                        "l.authority_informed_who, l.recorded_at, p.name, ch.address_on_leaving "
                        "FROM leavings l JOIN people p ON p.id = l.recorded_by "
                        "JOIN children ch ON ch.id = l.child_id WHERE l.child_id = $1",
                        {child_id}));
    if (!row) {
        return std::optional<LeavingRecord>{};
    }
    LeavingRecord r;
    r.leaving.left_on = parse_date(row->text(0)).value_or(Date{});
    r.leaving.destination = row->text(1);
    r.leaving.reason = row->text(2);
    r.leaving.authority_informed_on = parse_date(row->text(3)).value_or(Date{});
    r.leaving.authority_informed_who = row->text(4);
    r.recorded_at = row->text(5);
    r.recorded_by = row->text(6);
    r.leaving.address = row->text(7);
    return std::optional<LeavingRecord>{std::move(r)};
}

Result<std::int64_t> record_leaving(db::Connection& c, std::int64_t child_id, const Leaving& l,
                                    const WhenLeaving& when_leaving, const audit::Actor& actor,
                                    Timestamp now) {
    TRY(lock_child(c, child_id));
    auto child = TRY(find(c, child_id));
    if (!child) {
        return Error::not_found("We could not find that child's record.");
    }
    if (child->left_on) {
        return Error::conflict(fmt::format("{} is already recorded as having left, on {}.",
                                           display_name(child->details),
                                           format_local_date(*child->left_on)));
    }
    if (l.left_on < child->details.admission_date) {
        return Error::invalid("left_on",
                              fmt::format("The date they left must be on or after the day they "
                                          "came to live here, {}",
                                          format_local_date(child->details.admission_date)));
    }
    const std::string at = format_utc(now);
    auto id =
        TRY(c.insert("INSERT INTO leavings (child_id, home_id, left_on, destination, reason, "
                     "authority_informed_on, authority_informed_who, recorded_at, recorded_by) "
                     "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
                     {child_id, child->home_id, format_date(l.left_on), l.destination, l.reason,
                      format_date(l.authority_informed_on), l.authority_informed_who, at,
                      db::nullable(actor.person_id)}));
    ChildDetails after = child->details;
    after.address_on_leaving = l.address;
    TRY(add_version(c, *child, after, "Left the home: " + l.reason, actor, now));
    TRY(c.run("UPDATE children SET left_on = $1 WHERE id = $2",
              {format_date(l.left_on), child_id}));
    TRY(end_key_workers_on_leaving(c, child_id, actor, now));
    TRY(when_leaving.run(c, child_id, actor, now));
    auto entry = TRY(chronology::record(c,
                                        {.child_id = child_id,
                                         .home_id = child->home_id,
                                         .occurred_at = instant_of(l.left_on, now),
                                         .kind = "leaving",
                                         .source_type = "leaving",
                                         .source_id = id,
                                         .title = fmt::format("Left the home: {}", l.destination),
                                         .summary = chronology::summarise(l.reason),
                                         .link = fmt::format("/children/{}#leaving", child_id),
                                         .significant = true,
                                         .author_id = actor.person_id,
                                         .author_name = actor.name},
                                        now));
    (void)entry;
    TRY(audit::append(c, actor,
                      {"create", "leaving", std::to_string(id), child->home_id, child_id,
                       fmt::format("left on {}", format_date(l.left_on))},
                      now));
    return id;
}

Result<RegisterPage> register_of(db::Connection& c, std::int64_t home_id,
                                 const std::optional<RegisterCursor>& after, int limit) {
    db::Params params{home_id};
    std::string where = "c.home_id = $1";
    if (after) {
        params.emplace_back(format_date(after->admitted));
        params.emplace_back(after->child_id);
        where += " AND (c.admission_date, c.id) < ($2, $3)";
    }
    params.emplace_back(std::int64_t{limit + 1});
    auto rows = TRY(c.query(
        fmt::format("SELECT c.id, c.preferred_name, c.first_name, c.last_name, c.date_of_birth, "
                    "c.admission_date, c.address_before, c.left_on, l.destination, "
                    "c.address_on_leaving, c.placing_authority, c.legal_basis, c.date_of_death, "
                    "c.reg44_consent FROM children c LEFT JOIN leavings l ON l.child_id = c.id "
                    "WHERE {} ORDER BY c.admission_date DESC, c.id DESC LIMIT ${}",
                    where, params.size()),
        params));
    RegisterPage page;
    for (const auto& r : rows) {
        RegisterEntry e;
        e.child_id = r.integer(0);
        e.name = (r.text(1).empty() ? r.text(2) : r.text(1)) + " " + r.text(3);
        e.date_of_birth = parse_date(r.text(4)).value_or(Date{});
        e.admitted = parse_date(r.text(5)).value_or(Date{});
        e.came_from = r.text(6);
        e.left_on = parse_date(r.text(7));
        const std::string destination = r.text(8), address = r.text(9);
        e.went_to = destination.empty() || address.empty()
                        ? destination + address
                        : std::string(destination).append(": ").append(address);
        e.placing_authority = r.text(10);
        e.legal_basis = r.text(11);
        e.date_of_death = parse_date(r.text(12));
        e.reg44_consent = r.boolean(13);
        page.entries.push_back(std::move(e));
    }
    if (static_cast<int>(page.entries.size()) > limit) {
        page.entries.pop_back();
        const auto& last = page.entries.back();
        page.next = RegisterCursor{last.admitted, last.child_id};
    }
    return page;
}

}  // namespace hearth::children
