#include "deadlines/deadline_store.hpp"

#include <fmt/format.h>

namespace hearth::deadlines {

namespace {
constexpr const char* columns =
    "d.id, d.home_id, d.child_id, d.kind, d.title, d.source_type, d.source_id, d.link, "
    "d.owner_role, d.owner_id, d.started_at, d.due_at, d.state, d.met_at, "
    "COALESCE(m.name, ''), d.met_note, d.closed_reason, d.escalated_at, "
    "COALESCE(CASE WHEN ch.preferred_name <> '' THEN ch.preferred_name ELSE ch.first_name END || "
    "' ' || ch.last_name, ''), h.name, COALESCE(o.name, ''), d.version";
constexpr const char* joins =
    "FROM deadlines d JOIN homes h ON h.id = d.home_id "
    "LEFT JOIN children ch ON ch.id = d.child_id LEFT JOIN people m ON m.id = d.met_by "
    "LEFT JOIN people o ON o.id = d.owner_id";

State state_from(const std::string& s) {
    if (s == "met") {
        return State::met;
    }
    if (s == "closed") {
        return State::closed;
    }
    return State::open;
}

Deadline from_row(const db::Row& r) {
    Deadline d;
    d.id = r.integer(0);
    d.home_id = r.integer(1);
    d.child_id = r.optional_integer(2);
    d.kind = r.text(3);
    d.title = r.text(4);
    d.source_type = r.text(5);
    d.source_id = r.integer(6);
    d.link = r.text(7);
    d.owner_role = r.text(8);
    d.owner_id = r.optional_integer(9);
    d.started_at = parse_utc(r.text(10)).value_or(Timestamp{});
    d.due_at = parse_utc(r.text(11)).value_or(Timestamp{});
    d.state = state_from(r.text(12));
    if (auto at = r.optional_text(13)) {
        d.met_at = parse_utc(*at);
    }
    d.met_by_name = r.text(14);
    d.met_note = r.text(15);
    d.closed_reason = r.text(16);
    if (auto at = r.optional_text(17)) {
        d.escalated_at = parse_utc(*at);
    }
    d.child_name = r.text(18);
    d.home_name = r.text(19);
    d.owner_name = r.text(20);
    d.version = static_cast<int>(r.integer(21));
    return d;
}

std::vector<Deadline> deadlines_of(const db::Rows& rows) {
    std::vector<Deadline> out;
    out.reserve(rows.size());
    for (const auto& r : rows) {
        out.push_back(from_row(r));
    }
    return out;
}

std::string id_list(const std::vector<std::int64_t>& ids, db::Params& params) {
    std::string out;
    for (auto id : ids) {
        params.emplace_back(id);
        out += fmt::format("{}${}", out.empty() ? "" : ", ", params.size());
    }
    return out;
}

audit::Event event_for(const Deadline& d, const std::string& action, const std::string& detail) {
    return {action, "deadline", std::to_string(d.id), d.home_id, d.child_id, detail};
}

// Settles the open clocks that `where` selects, one at a time so that each is audited.
Result<int> settle(db::Connection& c, const std::string& where, const db::Params& params, State to,
                   const audit::Actor& actor, Timestamp at, const std::string& text) {
    auto rows = TRY(c.query(
        fmt::format("SELECT {} {} WHERE {} AND d.state = 'open'", columns, joins, where), params));
    int n = 0;
    for (const auto& r : rows) {
        const Deadline d = from_row(r);
        if (to == State::met) {
            TRY(
                c.run("UPDATE deadlines SET state = 'met', met_at = $1, met_by = $2, "
                      "met_note = $3, version = version + 1 WHERE id = $4 AND state = 'open'",
                      {format_utc(at), db::nullable(actor.person_id), text, d.id}));
            const bool late = at > d.due_at;
            TRY(audit::append(
                c, actor,
                event_for(d, "meet", fmt::format("{}{}: {}", d.title, late ? " (late)" : "", text)),
                at));
        } else {
            TRY(
                c.run("UPDATE deadlines SET state = 'closed', closed_reason = $1, "
                      "version = version + 1 WHERE id = $2 AND state = 'open'",
                      {text, d.id}));
            TRY(audit::append(c, actor, event_for(d, "close", d.title + ": " + text), at));
        }
        ++n;
    }
    return n;
}
}  // namespace

Result<std::int64_t> start(db::Connection& c, const NewDeadline& d, const audit::Actor& actor,
                           Timestamp now) {
    auto id = TRY(
        c.insert("INSERT INTO deadlines (home_id, child_id, kind, title, source_type, source_id, "
                 "link, owner_role, owner_id, started_at, due_at, created_by) VALUES ($1, $2, $3, "
                 "$4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id",
                 {d.home_id, db::nullable(d.child_id), d.kind, d.title, d.source_type, d.source_id,
                  d.link, d.owner_role, db::nullable(d.owner_id), format_utc(d.started_at),
                  format_utc(d.due_at), db::nullable(actor.person_id)}));
    TRY(audit::append(c, actor,
                      {"create", "deadline", std::to_string(id), d.home_id, d.child_id,
                       fmt::format("{}: due {}", d.title, format_utc(d.due_at))},
                      now));
    return id;
}

Result<int> meet(db::Connection& c, const std::string& source_type, std::int64_t source_id,
                 const std::string& kind, const audit::Actor& actor, Timestamp at,
                 const std::string& note) {
    return settle(c, "d.source_type = $1 AND d.source_id = $2 AND d.kind = $3",
                  {source_type, source_id, kind}, State::met, actor, at, note);
}

Status meet_by_hand(db::Connection& c, std::int64_t deadline_id, int read_version,
                    const audit::Actor& actor, Timestamp at, const std::string& note) {
    if (note.empty()) {
        return Error::invalid("note", "Enter how this was met, so that it can be evidenced");
    }
    auto found = TRY(find(c, deadline_id));
    if (!found) {
        return Error::not_found("We could not find that deadline.");
    }
    if (!may_be_met_by_hand(found->kind)) {
        return Error::invalid("note",
                              "This clock is met only by the act the law names, recorded where "
                              "it is made: go to the record and make it there");
    }
    if (found->state != State::open || found->version != read_version) {
        return Error::conflict(
            found->state == State::met
                ? fmt::format("{} already recorded this as met.", found->met_by_name)
                : std::string("This deadline changed after you opened it."));
    }
    auto n = TRY(settle(c, "d.id = $1", {deadline_id}, State::met, actor, at, note));
    if (n != 1) {
        return Error::conflict("This deadline changed after you opened it.");
    }
    return {};
}

Result<int> move(db::Connection& c, const std::string& source_type, std::int64_t source_id,
                 const std::string& kind, Timestamp started_at, Timestamp due_at,
                 const std::string& reason, const audit::Actor& actor, Timestamp at) {
    auto rows = TRY(c.query(fmt::format("SELECT {} {} WHERE d.source_type = $1 AND d.source_id = "
                                        "$2 AND d.kind = $3 AND d.state <> 'closed'",
                                        columns, joins),
                            {source_type, source_id, kind}));
    int n = 0;
    for (const auto& r : rows) {
        const Deadline d = from_row(r);
        if (d.started_at == started_at && d.due_at == due_at) {
            continue;
        }
        // A clock escalated while it was overdue is escalated again if it is overdue once more.
        TRY(
            c.run("UPDATE deadlines SET started_at = $1, due_at = $2, escalated_at = NULL, "
                  "version = version + 1 WHERE id = $3",
                  {format_utc(started_at), format_utc(due_at), d.id}));
        TRY(audit::append(c, actor,
                          event_for(d, "move",
                                    fmt::format("{}: due {}, was {} ({})", d.title,
                                                format_utc(due_at), format_utc(d.due_at), reason)),
                          at));
        ++n;
    }
    return n;
}

Result<int> close(db::Connection& c, const std::string& source_type, std::int64_t source_id,
                  const std::string& kind, const std::string& reason, const audit::Actor& actor,
                  Timestamp at) {
    return settle(c, "d.source_type = $1 AND d.source_id = $2 AND d.kind = $3",
                  {source_type, source_id, kind}, State::closed, actor, at, reason);
}

Status meet_clock(db::Connection& c, std::int64_t deadline_id, const audit::Actor& actor,
                  Timestamp at, const std::string& note) {
    TRY(settle(c, "d.id = $1", {deadline_id}, State::met, actor, at, note));
    return {};
}

Status close_clock(db::Connection& c, std::int64_t deadline_id, const std::string& reason,
                   const audit::Actor& actor, Timestamp at) {
    TRY(settle(c, "d.id = $1", {deadline_id}, State::closed, actor, at, reason));
    return {};
}

Result<int> close_for_child(db::Connection& c, std::int64_t child_id, const std::string& kind,
                            const std::string& reason, const audit::Actor& actor, Timestamp at) {
    return settle(c, "d.child_id = $1 AND d.kind = $2", {child_id, kind}, State::closed, actor, at,
                  reason);
}

Result<std::optional<Deadline>> find(db::Connection& c, std::int64_t deadline_id) {
    auto row = TRY(
        c.query_one(fmt::format("SELECT {} {} WHERE d.id = $1", columns, joins), {deadline_id}));
    if (!row) {
        return std::optional<Deadline>{};
    }
    return std::optional<Deadline>{from_row(*row)};
}

Result<std::vector<Deadline>> open_in_homes(db::Connection& c,
                                            const std::vector<std::int64_t>& home_ids, int limit) {
    if (home_ids.empty()) {
        return std::vector<Deadline>{};
    }
    db::Params params;
    const std::string ids = id_list(home_ids, params);
    params.emplace_back(std::int64_t{limit});
    auto rows = TRY(c.query(fmt::format("SELECT {} {} WHERE d.home_id IN ({}) AND d.state = "
                                        "'open' ORDER BY d.due_at, d.id LIMIT ${}",
                                        columns, joins, ids, params.size()),
                            params));
    return deadlines_of(rows);
}

Result<std::vector<Deadline>> settled_in_homes(db::Connection& c,
                                               const std::vector<std::int64_t>& home_ids,
                                               Timestamp since, int limit) {
    if (home_ids.empty()) {
        return std::vector<Deadline>{};
    }
    db::Params params;
    const std::string ids = id_list(home_ids, params);
    params.emplace_back(format_utc(since));
    const auto since_at = params.size();
    params.emplace_back(std::int64_t{limit});
    auto rows =
        TRY(c.query(fmt::format("SELECT {} {} WHERE d.home_id IN ({}) AND d.state = 'met' AND "
                                "d.met_at >= ${} ORDER BY d.met_at DESC, d.id DESC LIMIT ${}",
                                columns, joins, ids, since_at, params.size()),
                    params));
    return deadlines_of(rows);
}

Result<std::vector<Deadline>> for_child(db::Connection& c, std::int64_t child_id, int limit) {
    auto open = TRY(c.query(fmt::format("SELECT {} {} WHERE d.child_id = $1 AND d.state = 'open' "
                                        "ORDER BY d.due_at, d.id LIMIT $2",
                                        columns, joins),
                            {child_id, std::int64_t{limit}}));
    auto met = TRY(c.query(fmt::format("SELECT {} {} WHERE d.child_id = $1 AND d.state = 'met' "
                                       "ORDER BY d.due_at DESC, d.id DESC LIMIT $2",
                                       columns, joins),
                           {child_id, std::int64_t{limit}}));
    auto out = deadlines_of(open);
    for (auto& d : deadlines_of(met)) {
        out.push_back(std::move(d));
    }
    return out;
}

Result<std::vector<Deadline>> for_source(db::Connection& c, const std::string& source_type,
                                         std::int64_t source_id) {
    auto rows = TRY(c.query(fmt::format("SELECT {} {} WHERE d.source_type = $1 AND d.source_id = "
                                        "$2 ORDER BY d.due_at, d.id",
                                        columns, joins),
                            {source_type, source_id}));
    return deadlines_of(rows);
}

Result<int> escalate_overdue(db::Connection& c, Timestamp now) {
    auto rows = TRY(c.query(fmt::format("SELECT {} {} WHERE d.state = 'open' AND d.escalated_at "
                                        "IS NULL AND d.due_at <= $1 ORDER BY d.due_at LIMIT 500",
                                        columns, joins),
                            {format_utc(now)}));
    const audit::Actor system{std::nullopt, "Hearth (deadline clock)", "", ""};
    int n = 0;
    for (const auto& r : rows) {
        const Deadline d = from_row(r);
        auto changed =
            TRY(c.execute("UPDATE deadlines SET escalated_at = $1 WHERE id = $2 AND "
                          "escalated_at IS NULL AND state = 'open'",
                          {format_utc(now), d.id}));
        if (changed != 1) {
            continue;  // another instance escalated it first
        }
        TRY(audit::append(
            c, system,
            event_for(d, "escalate",
                      fmt::format("{}: overdue since {}, escalated to the registered manager",
                                  d.title, format_utc(d.due_at))),
            now));
        ++n;
    }
    return n;
}

Status resolve_scope(db::Connection& c, std::int64_t deadline_id, Scope& scope) {
    auto row =
        TRY(c.query_one("SELECT d.home_id, h.organisation_id, d.child_id FROM deadlines d "
                        "JOIN homes h ON h.id = d.home_id WHERE d.id = $1",
                        {deadline_id}));
    if (!row) {
        return Error::not_found("We could not find that deadline.");
    }
    scope.home_id = row->integer(0);
    scope.organisation_id = row->integer(1);
    return {};
}

}  // namespace hearth::deadlines
