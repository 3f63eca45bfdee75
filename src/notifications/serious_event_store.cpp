#include "notifications/serious_event_store.hpp"

#include <fmt/format.h>

#include <map>
#include <set>

#include "children/child_store.hpp"
#include "chronology/chronology_store.hpp"
#include "deadlines/deadline_store.hpp"
#include "organisation/settings.hpp"

namespace hearth::notifications {

namespace {
constexpr const char* record_type = "serious_event";

constexpr const char* columns =
    "e.id, e.home_id, e.child_id, e.incident_id, e.outcome_of, e.event, e.what_happened, "
    "e.became_known_at, e.withdrawn_reason, e.created_at, a.name, "
    "COALESCE(CASE WHEN ch.preferred_name <> '' THEN ch.preferred_name ELSE ch.first_name END || "
    "' ' || ch.last_name, '')";
constexpr const char* joins =
    "FROM serious_events e JOIN people a ON a.id = e.created_by "
    "LEFT JOIN children ch ON ch.id = e.child_id";

SeriousEvent from_row(const db::Row& r) {
    SeriousEvent e;
    e.id = r.integer(0);
    e.home_id = r.integer(1);
    e.child_id = r.optional_integer(2);
    e.incident_id = r.optional_integer(3);
    e.outcome_of = r.optional_integer(4);
    e.event = r.text(5);
    e.what_happened = r.text(6);
    e.became_known_at = parse_utc(r.text(7)).value_or(Timestamp{});
    e.withdrawn_reason = r.text(8);
    e.created_at = parse_utc(r.text(9)).value_or(Timestamp{});
    e.created_by_name = r.text(10);
    e.child_name = r.text(11);
    return e;
}

Status load_recipients(db::Connection& c, std::vector<SeriousEvent>& events) {
    for (auto& e : events) {
        auto rows = TRY(c.query(
            "SELECT r.recipient, r.required, r.named, r.method, r.reference, r.told_at, "
            "r.told_by, COALESCE(p.name, '') FROM serious_event_recipients r LEFT JOIN people p "
            "ON p.id = r.told_by WHERE r.serious_event_id = $1 ORDER BY r.required DESC, r.id",
            {e.id}));
        for (const auto& r : rows) {
            Recipient x;
            x.recipient = r.text(0);
            x.required = r.integer(1) != 0;
            x.named = r.text(2);
            x.method = r.text(3);
            x.reference = r.text(4);
            if (auto at = r.optional_text(5)) {
                x.told_at = parse_utc(*at);
            }
            x.told_by = r.optional_integer(6);
            x.told_by_name = r.text(7);
            e.recipients.push_back(std::move(x));
        }
        for (const auto& r : TRY(c.query(
                 "SELECT id FROM serious_events WHERE outcome_of = $1 ORDER BY id", {e.id}))) {
            e.outcomes.push_back(r.integer(0));
        }
    }
    return {};
}

Result<std::vector<SeriousEvent>> load(db::Connection& c, const std::string& where,
                                       const db::Params& params, const std::string& tail = "") {
    auto rows = TRY(c.query(fmt::format("SELECT {} {} WHERE {} ORDER BY e.became_known_at DESC, "
                                        "e.id DESC {}",
                                        columns, joins, where, tail),
                            params));
    std::vector<SeriousEvent> out;
    for (const auto& r : rows) {
        out.push_back(from_row(r));
    }
    TRY(load_recipients(c, out));
    return out;
}

std::string link_of(std::int64_t home_id, std::optional<std::int64_t> child_id, std::int64_t id) {
    return child_id ? fmt::format("/children/{}/serious-events/{}", *child_id, id)
                    : fmt::format("/homes/{}/serious-events/{}", home_id, id);
}

std::string first_word(const std::string& name) {
    return name.substr(0, name.find(' '));
}
}  // namespace

Result<std::int64_t> raise(db::Connection& c, const Raising& r, const audit::Actor& actor,
                           Timestamp now) {
    if (!actor.person_id) {
        return Error::internal("a serious event needs a signed-in author");
    }
    const auto* kind = event_kind(r.event.event);
    if (!kind) {
        return Error::invalid("event", "Choose the serious event");
    }
    auto home = TRY(c.query_one("SELECT local_authority FROM homes WHERE id = $1", {r.home_id}));
    if (!home) {
        return Error::not_found("We could not find that home.");
    }
    std::string placing_authority, child_name;
    if (r.event.child_id) {
        auto child = TRY(children::find(c, *r.event.child_id));
        if (!child || child->home_id != r.home_id) {
            return Error::invalid("child_id", "Choose a child who lives in this home");
        }
        placing_authority = child->details.placing_authority;
        child_name = children::display_name(child->details);
    }
    const auto id = TRY(c.insert(
        "INSERT INTO serious_events (home_id, child_id, incident_id, event, outcome_of, "
        "what_happened, became_known_at, created_at, created_by) VALUES ($1, $2, $3, $4, $5, $6, "
        "$7, $8, $9) RETURNING id",
        {r.home_id, db::nullable(r.event.child_id), db::nullable(r.incident_id), r.event.event,
         db::nullable(r.outcome_of), r.event.what_happened, format_utc(r.event.became_known_at),
         format_utc(now), *actor.person_id}));
    for (const auto& who : required_recipients(*kind, r.event.child_id.has_value(), home->text(0),
                                               placing_authority)) {
        TRY(
            c.run("INSERT INTO serious_event_recipients (serious_event_id, recipient, required) "
                  "VALUES ($1, $2, 1)",
                  {id, who}));
    }
    const std::string link = link_of(r.home_id, r.event.child_id, id);
    if (r.event.child_id) {
        TRY(chronology::record(
            c,
            {*r.event.child_id, r.home_id, r.event.became_known_at, "serious_event", record_type,
             id, kind->label, chronology::summarise(r.event.what_happened), link, true, true,
             actor.person_id, actor.name},
            now));
    }
    deadlines::NewDeadline clock;
    clock.home_id = r.home_id;
    clock.child_id = r.event.child_id;
    clock.kind = clock_kind;
    clock.title = child_name.empty()
                      ? fmt::format("Notify Ofsted and everyone Reg 40 names: {}", kind->label)
                      : fmt::format("Notify Ofsted and everyone Reg 40 names: {} ({})", kind->label,
                                    first_word(child_name));
    clock.source_type = record_type;
    clock.source_id = id;
    clock.link = link;
    clock.started_at = r.event.became_known_at;
    clock.due_at = r.event.became_known_at + std::chrono::hours{TRY(organisation::setting_of_home(
                                                 c, r.home_id, organisation::reg40_target_hours))};
    TRY(deadlines::start(c, clock, actor, now));
    TRY(audit::append(c, actor,
                      {"create", record_type, std::to_string(id), r.home_id, r.event.child_id,
                       fmt::format("{} ({})", kind->label, kind->regulation)},
                      {"serious_events", id}, now));
    return id;
}

Status record_told(db::Connection& c, std::int64_t event_id, const Telling& t,
                   const audit::Actor& actor, Timestamp now) {
    if (!actor.person_id) {
        return Error::internal("a notification needs a signed-in author");
    }
    auto found = TRY(find(c, event_id));
    if (!found) {
        return Error::not_found("We could not find that serious event.");
    }
    if (!found->withdrawn_reason.empty()) {
        return Error::conflict("This serious event was withdrawn: " + found->withdrawn_reason);
    }
    auto existing = std::find_if(found->recipients.begin(), found->recipients.end(),
                                 [&](const Recipient& r) { return r.recipient == t.recipient; });
    const db::Params told{t.named,    t.method,         t.reference,     format_utc(t.told_at),
                          t.told_by,  *actor.person_id, format_utc(now), event_id,
                          t.recipient};
    if (existing != found->recipients.end() && existing->told_at) {
        return Error::conflict(fmt::format("{} was recorded as told already: {} told them {}.",
                                           label_in(recipients(), t.recipient),
                                           existing->told_by_name,
                                           format_local(*existing->told_at)));
    }
    if (existing != found->recipients.end()) {
        TRY(
            c.run("UPDATE serious_event_recipients SET named = $1, method = $2, reference = $3, "
                  "told_at = $4, told_by = $5, recorded_by = $6, recorded_at = $7 WHERE "
                  "serious_event_id = $8 AND recipient = $9 AND told_at IS NULL",
                  told));
    } else {
        TRY(
            c.run("INSERT INTO serious_event_recipients (named, method, reference, told_at, "
                  "told_by, recorded_by, recorded_at, serious_event_id, recipient, required) "
                  "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 0)",
                  told));
    }
    auto now_is = TRY(find(c, event_id));
    const auto row =
        TRY(c.query_one("SELECT id FROM serious_event_recipients WHERE serious_event_id = $1 AND "
                        "recipient = $2",
                        {event_id, t.recipient}));
    TRY(audit::append(
        c, actor,
        {"notify", record_type, std::to_string(event_id), found->home_id, found->child_id,
         fmt::format("{} told by {} at {}", label_in(recipients(), t.recipient),
                     label_in(methods(), t.method), format_utc(t.told_at))},
        {"serious_event_recipients", row ? row->integer(0) : 0}, now));
    if (auto met = met_at(now_is->recipients)) {
        // Met when the last of them was told, which may be before it was written down here.
        TRY(deadlines::meet(c, record_type, event_id, clock_kind, actor, *met,
                            "Ofsted and everyone else Reg 40 names for it were told"));
    }
    return {};
}

Status withdraw(db::Connection& c, std::int64_t event_id, const std::string& reason,
                const audit::Actor& actor, Timestamp now) {
    auto found = TRY(find(c, event_id));
    if (!found || !found->withdrawn_reason.empty()) {
        return {};
    }
    TRY(c.run(
        "UPDATE serious_events SET withdrawn_reason = $1, version = version + 1 WHERE id = $2",
        {reason, event_id}));
    TRY(deadlines::close(c, record_type, event_id, clock_kind, reason, actor, now));
    return audit::append(c, actor,
                         {"withdraw", record_type, std::to_string(event_id), found->home_id,
                          found->child_id, reason},
                         {"serious_events", event_id}, now);
}

Result<std::optional<SeriousEvent>> find(db::Connection& c, std::int64_t event_id) {
    auto found = TRY(load(c, "e.id = $1", {event_id}));
    if (found.empty()) {
        return std::optional<SeriousEvent>{};
    }
    return std::optional<SeriousEvent>{std::move(found.front())};
}

Result<std::vector<SeriousEvent>> for_home(db::Connection& c, std::int64_t home_id,
                                           std::optional<std::int64_t> before, int limit) {
    if (before) {
        return load(c,
                    "e.home_id = $1 AND (e.became_known_at, e.id) < (SELECT x.became_known_at, "
                    "x.id FROM serious_events x WHERE x.id = $2)",
                    {home_id, *before, std::int64_t{limit}}, "LIMIT $3");
    }
    return load(c, "e.home_id = $1", {home_id, std::int64_t{limit}}, "LIMIT $2");
}

Result<std::vector<SeriousEvent>> for_child(db::Connection& c, std::int64_t child_id) {
    return load(c, "e.child_id = $1", {child_id});
}

Result<std::vector<SeriousEvent>> for_incident(db::Connection& c, std::int64_t incident_id) {
    return load(c, "e.incident_id = $1", {incident_id});
}

Result<EventCounts> counts_in(db::Connection& c, const std::vector<std::int64_t>& home_ids,
                              Timestamp from, Timestamp until) {
    EventCounts out;
    std::map<std::string, int> counted;
    std::set<std::int64_t> exploited;
    for (auto home : home_ids) {
        auto rows =
            TRY(c.query("SELECT event, child_id FROM serious_events WHERE home_id = $1 AND "
                        "became_known_at >= $2 AND became_known_at < $3 AND withdrawn_reason = ''",
                        {home, format_utc(from), format_utc(until)}));
        for (const auto& r : rows) {
            ++counted[r.text(0)];
            if (r.text(0) == "child_sexual_exploitation" && r.optional_integer(1)) {
                exploited.insert(*r.optional_integer(1));
            }
        }
    }
    for (const auto& k : serious_events()) {
        out.by_event.emplace_back(k.key, counted[k.key]);
    }
    out.children_exploited = static_cast<int>(exploited.size());
    return out;
}

Status record_read(db::Connection& c, const SeriousEvent& e, const audit::Actor& actor,
                   Timestamp now) {
    return audit::append(
        c, actor, {"read", record_type, std::to_string(e.id), e.home_id, e.child_id, ""}, now);
}

Status resolve_scope(db::Connection& c, std::int64_t event_id, Scope& scope) {
    auto row =
        TRY(c.query_one("SELECT home_id, child_id FROM serious_events WHERE id = $1", {event_id}));
    const bool under_child = scope.child_id.has_value();
    if (!row || (under_child && row->optional_integer(1) != scope.child_id) ||
        (!under_child && scope.home_id && row->integer(0) != *scope.home_id)) {
        return Error::not_found("We could not find that serious event.");
    }
    return {};
}

}  // namespace hearth::notifications
