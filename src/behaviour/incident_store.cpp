#include "behaviour/incident_store.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "behaviour/incident_lists.hpp"
#include "children/child_store.hpp"
#include "chronology/chronology_store.hpp"
#include "deadlines/deadline_store.hpp"
#include "language/language_checks.hpp"
#include "notifications/serious_event_store.hpp"
#include "organisation/homes.hpp"

namespace hearth::behaviour {

namespace {
constexpr const char* record_type = "incident";

constexpr const char* columns =
    "i.id, i.home_id, i.occurred_at, i.ended_at, i.location, i.setting, i.antecedents, "
    "i.triggers, i.behaviour, i.communicating, i.communicating_note, i.deescalation, "
    "i.afterwards, i.restrictive_measure, i.staff_involved, i.staff_assaulted, i.witnesses, "
    "i.injuries, i.damage, i.police, i.notifiable, i.created_by, a.name, i.created_at, "
    "i.updated_at, u.name, i.version, i.measure_began_at";
constexpr const char* joins =
    "FROM incidents i JOIN people a ON a.id = i.created_by JOIN people u ON u.id = i.updated_by";

constexpr const char* name_of_child =
    "CASE WHEN c.preferred_name <> '' THEN c.preferred_name ELSE c.first_name END || ' ' || "
    "c.last_name";

nlohmann::json parsed(const std::string& text) {
    auto j = nlohmann::json::parse(text, nullptr, false);
    return j.is_discarded() ? nlohmann::json::array() : j;
}

Incident from_row(const db::Row& r) {
    Incident i;
    i.id = r.integer(0);
    i.home_id = r.integer(1);
    nlohmann::json j = {{"occurred_at", r.text(2)},
                        {"ended_at", r.text(3)},
                        {"location", r.text(4)},
                        {"setting", r.text(5)},
                        {"antecedents", r.text(6)},
                        {"triggers", parsed(r.text(7))},
                        {"behaviour", r.text(8)},
                        {"communicating", parsed(r.text(9))},
                        {"communicating_note", r.text(10)},
                        {"deescalation", parsed(r.text(11))},
                        {"afterwards", r.text(12)},
                        {"restrictive_measure", r.text(13)},
                        {"staff_involved", parsed(r.text(14))},
                        {"staff_assaulted", parsed(r.text(15))},
                        {"witnesses", r.text(16)},
                        {"injuries", r.text(17)},
                        {"damage", r.text(18)},
                        {"police", r.text(19)},
                        {"notifiable", parsed(r.text(20))},
                        {"measure_began_at", r.optional_text(27).value_or("")}};
    i.details = from_json(j);
    i.author_id = r.integer(21);
    i.author_name = r.text(22);
    i.created_at = parse_utc(r.text(23)).value_or(Timestamp{});
    i.updated_at = parse_utc(r.text(24)).value_or(Timestamp{});
    i.updated_by_name = r.text(25);
    i.version = static_cast<int>(r.integer(26));
    return i;
}

// The children of the incidents, by incident, in one query.
Status load_children(db::Connection& c, std::vector<Incident>& incidents) {
    if (incidents.empty()) {
        return {};
    }
    db::Params params;
    std::string list;
    for (const auto& i : incidents) {
        params.emplace_back(i.id);
        list += fmt::format("{}${}", list.empty() ? "" : ", ", params.size());
    }
    auto rows = TRY(c.query(fmt::format("SELECT l.incident_id, l.id, l.child_id, {} FROM "
                                        "incident_children l JOIN children c ON c.id = l.child_id "
                                        "WHERE l.incident_id IN ({}) ORDER BY l.id",
                                        name_of_child, list),
                            params));
    for (auto& i : incidents) {
        i.details.children.clear();
        for (const auto& r : rows) {
            if (r.integer(0) != i.id) {
                continue;
            }
            i.children.push_back({r.integer(1), r.integer(2), r.text(3)});
            i.details.children.push_back(r.integer(2));
        }
    }
    return {};
}

std::string link_of(std::int64_t child_id, std::int64_t incident_id) {
    return fmt::format("/children/{}/incidents/{}", child_id, incident_id);
}

std::string summary_of(const IncidentDetails& d) {
    return chronology::summarise(d.behaviour);
}

bool significant(const IncidentDetails& d) {
    return is_restrictive(d.restrictive_measure) || !d.notifiable.empty() || !d.police.empty() ||
           !d.injuries.empty();
}

std::string first_name(const std::string& name) {
    return name.substr(0, name.find(' '));
}

// The clocks an incident starts for a child: the Reg 35 record of a restrictive measure.
Status start_child_clocks(db::Connection& c, std::int64_t home_id, std::int64_t incident_id,
                          const IncidentChild& child, const IncidentDetails& d,
                          const audit::Actor& actor, Timestamp now) {
    if (!is_restrictive(d.restrictive_measure)) {
        return {};
    }
    deadlines::NewDeadline clock;
    clock.home_id = home_id;
    clock.child_id = child.child_id;
    clock.kind = reg35_record_clock;
    clock.title =
        fmt::format("Write the Reg 35 record of the measure used with {}", first_name(child.name));
    clock.source_type = "incident_child";
    clock.source_id = child.link_id;
    clock.link = link_of(child.child_id, incident_id) + "/measures?kind=" + d.restrictive_measure;
    clock.owner_role = "registered_manager";
    clock.started_at = measure_began(d);
    clock.due_at = measure_began(d) + reg35_record_within;
    TRY(deadlines::start(c, clock, actor, now));
    return {};
}

// The incident now says the measure began at another time: its record clock, while the record is
// still owed, runs from then. Once written, the record's own time governs (measure_store.cpp).
Status move_record_clock(db::Connection& c, const IncidentChild& child, const IncidentDetails& d,
                         const audit::Actor& actor, Timestamp now) {
    auto clocks = TRY(deadlines::for_source(c, "incident_child", child.link_id));
    for (const auto& clock : clocks) {
        if (clock.kind == reg35_record_clock && clock.state == deadlines::State::open) {
            TRY(deadlines::move(
                c, "incident_child", child.link_id, reg35_record_clock, measure_began(d),
                measure_began(d) + reg35_record_within,
                fmt::format("amended: the measure began {}", format_local(measure_began(d))), actor,
                now));
        }
    }
    return {};
}

// Each serious event the incident records is raised for each child it is about, once: an event
// the incident already raised for that child is not raised again.
Status raise_serious_events(db::Connection& c, std::int64_t home_id, const Incident& incident,
                            const audit::Actor& actor, Timestamp now) {
    auto raised = TRY(notifications::for_incident(c, incident.id));
    for (const auto& child : incident.children) {
        for (const auto& event : incident.details.notifiable) {
            const bool already = std::any_of(raised.begin(), raised.end(), [&](const auto& e) {
                return e.child_id == child.child_id && e.event == event &&
                       e.withdrawn_reason.empty();
            });
            if (already) {
                continue;
            }
            TRY(notifications::raise(
                c,
                {home_id,
                 {child.child_id, event, incident.details.behaviour, incident.details.occurred_at},
                 incident.id,
                 std::nullopt},
                actor, now));
        }
    }
    return {};
}

// An amendment that takes a serious event off the incident withdraws what it raised, saying why.
Status withdraw_serious_events(db::Connection& c, const Incident& incident,
                               const std::string& reason, const audit::Actor& actor,
                               Timestamp now) {
    auto raised = TRY(notifications::for_incident(c, incident.id));
    for (const auto& e : raised) {
        const auto& now_recorded = incident.details.notifiable;
        if (std::find(now_recorded.begin(), now_recorded.end(), e.event) != now_recorded.end()) {
            continue;
        }
        TRY(notifications::withdraw(
            c, e.id,
            fmt::format("Amended: the incident is no longer recorded as {}. {}",
                        label_in(notifiable_events(), e.event), reason),
            actor, now));
    }
    return {};
}

Status check_words(db::Connection& c, const Home& home, const Incident& i, Timestamp now) {
    std::optional<std::int64_t> child;
    if (!i.children.empty()) {
        child = i.children.front().child_id;
    }
    TRY(language::check_and_record(c, home.organisation_id, home.home_id, child, record_type, i.id,
                                   staff_words(i.details), now));
    return {};
}

Result<std::vector<IncidentChild>> add_children(db::Connection& c, std::int64_t incident_id,
                                                const std::vector<std::int64_t>& ids) {
    std::vector<IncidentChild> out;
    for (auto child_id : ids) {
        auto link =
            TRY(c.insert("INSERT INTO incident_children (incident_id, child_id) VALUES ($1, $2) "
                         "RETURNING id",
                         {incident_id, child_id}));
        auto row = TRY(c.query_one(
            fmt::format("SELECT {} FROM children c WHERE c.id = $1", name_of_child), {child_id}));
        out.push_back({link, child_id, row ? row->text(0) : std::string{}});
    }
    return out;
}

Status chronicle(db::Connection& c, std::int64_t home_id, std::int64_t incident_id,
                 const IncidentChild& child, const IncidentDetails& d, const audit::Actor& actor,
                 Timestamp now) {
    TRY(chronology::record(
        c,
        {child.child_id, home_id, d.occurred_at, "incident", record_type, incident_id, title_of(d),
         summary_of(d), link_of(child.child_id, incident_id), significant(d), true, actor.person_id,
         actor.name},
        now));
    return {};
}

db::Params detail_params(const IncidentDetails& d) {
    return {format_utc(d.occurred_at),
            d.ended_at ? db::Value{format_utc(*d.ended_at)} : db::Value{nullptr},
            d.location,
            d.setting,
            d.antecedents,
            nlohmann::json(d.triggers).dump(),
            d.behaviour,
            nlohmann::json(d.communicating).dump(),
            d.communicating_note,
            nlohmann::json(d.deescalation).dump(),
            d.afterwards,
            d.restrictive_measure,
            nlohmann::json(d.staff_involved).dump(),
            nlohmann::json(d.staff_assaulted).dump(),
            d.witnesses,
            d.injuries,
            d.damage,
            d.police,
            nlohmann::json(d.notifiable).dump(),
            d.measure_began_at ? db::Value{format_utc(*d.measure_began_at)} : db::Value{nullptr}};
}

Status check_living_here(db::Connection& c, std::int64_t home_id,
                         const std::vector<std::int64_t>& children) {
    auto choosable = TRY(choosable_in(c, home_id));
    for (auto id : children) {
        if (std::none_of(choosable.children.begin(), choosable.children.end(),
                         [&](const Person& p) { return p.id == id; })) {
            return Error::invalid("children", "Choose children who live in this home");
        }
    }
    return {};
}
}  // namespace

Result<std::int64_t> record(db::Connection& c, const Home& home, const IncidentDetails& d,
                            const audit::Actor& actor, Timestamp now) {
    if (!actor.person_id) {
        return Error::internal("an incident needs a signed-in author");
    }
    if (d.children.empty()) {
        return Error::invalid("children", "Choose the children it was about");
    }
    TRY(check_living_here(c, home.home_id, d.children));
    const std::string at = format_utc(now);
    db::Params params{home.home_id};
    for (auto& p : detail_params(d)) {
        params.push_back(std::move(p));
    }
    params.emplace_back(at);
    params.emplace_back(*actor.person_id);
    auto id = TRY(
        c.insert("INSERT INTO incidents (home_id, occurred_at, ended_at, location, setting, "
                 "antecedents, triggers, behaviour, communicating, communicating_note, "
                 "deescalation, afterwards, restrictive_measure, staff_involved, staff_assaulted, "
                 "witnesses, injuries, damage, police, notifiable, measure_began_at, created_at, "
                 "created_by, updated_at, updated_by, version) VALUES ($1, $2, $3, $4, $5, $6, "
                 "$7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, "
                 "$23, $22, $23, 1) RETURNING id",
                 params));
    TRY(amendments::keep_version(c, record_type, id, 1, to_json(d), "Written", *actor.person_id,
                                 now));
    Incident made;
    made.id = id;
    made.home_id = home.home_id;
    made.details = d;
    made.children = TRY(add_children(c, id, d.children));
    for (const auto& child : made.children) {
        TRY(chronicle(c, home.home_id, id, child, d, actor, now));
        TRY(start_child_clocks(c, home.home_id, id, child, d, actor, now));
        TRY(audit::append(
            c, actor,
            {"create", record_type, std::to_string(id), home.home_id, child.child_id, title_of(d)},
            {"incidents", id}, now));
    }
    TRY(raise_serious_events(c, home.home_id, made, actor, now));
    TRY(check_words(c, home, made, now));
    return id;
}

Status amend(db::Connection& c, const Home& home, std::int64_t incident_id, int read_version,
             const IncidentDetails& d, const std::string& reason, const audit::Actor& actor,
             Timestamp now) {
    if (reason.empty()) {
        return Error::invalid("reason", "Enter why you are amending this incident");
    }
    if (!actor.person_id) {
        return Error::internal("an amendment needs a signed-in author");
    }
    auto current = TRY(find(c, incident_id));
    if (!current) {
        return Error::not_found("We could not find that incident.");
    }
    if (current->version != read_version) {
        return Error::conflict(
            fmt::format("{} amended this incident (version {}) after you opened it (version {}).",
                        current->updated_by_name, current->version, read_version));
    }
    for (const auto& child : current->children) {
        if (std::find(d.children.begin(), d.children.end(), child.child_id) == d.children.end()) {
            return Error::invalid(
                "children",
                fmt::format("{} cannot be taken off this incident: it is in their record. If they "
                            "were named by mistake, say so in the reason and in what happened",
                            child.name));
        }
    }
    std::vector<std::int64_t> added;
    for (auto id : d.children) {
        if (std::none_of(current->children.begin(), current->children.end(),
                         [&](const IncidentChild& ch) { return ch.child_id == id; })) {
            added.push_back(id);
        }
    }
    TRY(check_living_here(c, current->home_id, added));
    if (is_restrictive(current->details.restrictive_measure) &&
        !is_restrictive(d.restrictive_measure)) {
        // The Reg 35 record met its clock when it was written: then a measure was used.
        for (const auto& child : current->children) {
            auto clocks = TRY(deadlines::for_source(c, "incident_child", child.link_id));
            for (const auto& clock : clocks) {
                if (clock.kind == reg35_record_clock && clock.state == deadlines::State::met) {
                    return Error::invalid("restrictive_measure",
                                          "A Reg 35 record of a measure has been written for "
                                          "this incident, so it cannot now say that nobody was "
                                          "held");
                }
            }
        }
    }
    const auto changes =
        amendments::changes_between(to_json(current->details), to_json(d), field_labels());
    if (changes.empty()) {
        return Error::invalid("reason", "Nothing was changed, so there is nothing to save");
    }
    db::Params params = detail_params(d);
    params.emplace_back(format_utc(now));
    params.emplace_back(*actor.person_id);
    params.emplace_back(incident_id);
    params.emplace_back(std::int64_t{read_version});
    auto n =
        TRY(c.execute("UPDATE incidents SET occurred_at = $1, ended_at = $2, location = $3, "
                      "setting = $4, antecedents = $5, triggers = $6, behaviour = $7, "
                      "communicating = $8, communicating_note = $9, deescalation = $10, "
                      "afterwards = $11, restrictive_measure = $12, staff_involved = $13, "
                      "staff_assaulted = $14, witnesses = $15, injuries = $16, damage = $17, "
                      "police = $18, notifiable = $19, measure_began_at = $20, updated_at = $21, "
                      "updated_by = $22, version = version + 1 WHERE id = $23 AND version = $24",
                      params));
    if (n != 1) {
        return Error::conflict("Someone else amended this incident after you opened it.");
    }
    TRY(amendments::keep_version(c, record_type, incident_id, read_version + 1, to_json(d), reason,
                                 *actor.person_id, now));
    TRY(chronology::revise(c, record_type, incident_id,
                           {title_of(d), summary_of(d), significant(d), true, d.occurred_at}));
    Incident now_is = *current;
    now_is.details = d;
    auto new_children = TRY(add_children(c, incident_id, added));
    for (const auto& child : new_children) {
        TRY(chronicle(c, current->home_id, incident_id, child, d, actor, now));
        now_is.children.push_back(child);
    }
    // A measure reported only now starts its clocks now, from when it was used.
    const bool newly_restrictive = !is_restrictive(current->details.restrictive_measure) &&
                                   is_restrictive(d.restrictive_measure);
    for (const auto& child : now_is.children) {
        const bool is_new = std::find(added.begin(), added.end(), child.child_id) != added.end();
        if (newly_restrictive || is_new) {
            TRY(start_child_clocks(c, current->home_id, incident_id, child, d, actor, now));
        }
        if (!is_restrictive(d.restrictive_measure) &&
            is_restrictive(current->details.restrictive_measure)) {
            TRY(deadlines::close(c, "incident_child", child.link_id, reg35_record_clock,
                                 "Amended: no measure was used", actor, now));
        } else if (!is_new && !newly_restrictive && is_restrictive(d.restrictive_measure) &&
                   measure_began(d) != measure_began(current->details)) {
            TRY(move_record_clock(c, child, d, actor, now));
        }
    }
    TRY(withdraw_serious_events(c, now_is, reason, actor, now));
    TRY(raise_serious_events(c, current->home_id, now_is, actor, now));
    TRY(check_words(c, home, now_is, now));
    std::string fields;
    for (const auto& ch : changes) {
        fields += (fields.empty() ? "" : ", ") + ch.field;
    }
    for (const auto& child : now_is.children) {
        TRY(audit::append(
            c, actor,
            {"amend", record_type, std::to_string(incident_id), current->home_id, child.child_id,
             fmt::format("version {}: {} ({})", read_version + 1, fields, reason)},
            {"incidents", incident_id}, now));
    }
    return {};
}

Result<std::optional<Incident>> find(db::Connection& c, std::int64_t incident_id) {
    auto rows =
        TRY(c.query(fmt::format("SELECT {} {} WHERE i.id = $1", columns, joins), {incident_id}));
    if (rows.empty()) {
        return std::optional<Incident>{};
    }
    std::vector<Incident> one{from_row(rows.front())};
    TRY(load_children(c, one));
    return std::optional<Incident>{std::move(one.front())};
}

Status record_read(db::Connection& c, const Incident& incident, const audit::Actor& actor,
                   Timestamp now) {
    for (const auto& child : incident.children) {
        TRY(audit::append(c, actor,
                          {"read", record_type, std::to_string(incident.id), incident.home_id,
                           child.child_id, ""},
                          now));
    }
    return {};
}

Result<Page> for_home(db::Connection& c, std::int64_t home_id,
                      std::optional<chronology::Cursor> after, int limit) {
    db::Params params{home_id};
    std::string where = "i.home_id = $1";
    if (after) {
        params.emplace_back(format_utc(after->occurred_at));
        params.emplace_back(after->id);
        where += " AND (i.occurred_at < $2 OR (i.occurred_at = $2 AND i.id < $3))";
    }
    params.emplace_back(std::int64_t{limit + 1});
    auto rows = TRY(c.query(fmt::format("SELECT {} {} WHERE {} ORDER BY i.occurred_at DESC, i.id "
                                        "DESC LIMIT ${}",
                                        columns, joins, where, params.size()),
                            params));
    Page page;
    for (const auto& r : rows) {
        if (static_cast<int>(page.incidents.size()) == limit) {
            const auto& last = page.incidents.back();
            page.next = chronology::Cursor{last.details.occurred_at, last.id};
            break;
        }
        page.incidents.push_back(from_row(r));
    }
    TRY(load_children(c, page.incidents));
    page.staff = TRY(staff_named(c, page.incidents));
    return page;
}

Result<Page> for_child(db::Connection& c, std::int64_t child_id,
                       std::optional<chronology::Cursor> after, int limit) {
    db::Params params{child_id};
    std::string where = "l.child_id = $1";
    if (after) {
        params.emplace_back(format_utc(after->occurred_at));
        params.emplace_back(after->id);
        where += " AND (i.occurred_at < $2 OR (i.occurred_at = $2 AND i.id < $3))";
    }
    params.emplace_back(std::int64_t{limit + 1});
    auto rows = TRY(
        c.query(fmt::format("SELECT {} FROM incident_children l JOIN incidents i ON i.id = "
                            "l.incident_id JOIN people a ON a.id = i.created_by JOIN people u ON "
                            "u.id = i.updated_by WHERE {} ORDER BY i.occurred_at DESC, i.id DESC "
                            "LIMIT ${}",
                            columns, where, params.size()),
                params));
    Page page;
    for (const auto& r : rows) {
        if (static_cast<int>(page.incidents.size()) == limit) {
            const auto& last = page.incidents.back();
            page.next = chronology::Cursor{last.details.occurred_at, last.id};
            break;
        }
        page.incidents.push_back(from_row(r));
    }
    TRY(load_children(c, page.incidents));
    page.staff = TRY(staff_named(c, page.incidents));
    return page;
}

Result<std::vector<Person>> staff_named(db::Connection& c, const std::vector<Incident>& incidents) {
    std::vector<std::int64_t> ids;
    for (const auto& i : incidents) {
        ids.insert(ids.end(), i.details.staff_involved.begin(), i.details.staff_involved.end());
        ids.insert(ids.end(), i.details.staff_assaulted.begin(), i.details.staff_assaulted.end());
    }
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    return people_named(c, ids);
}

Result<std::vector<Person>> people_named(db::Connection& c, const std::vector<std::int64_t>& ids) {
    std::vector<Person> out;
    if (ids.empty()) {
        return out;
    }
    db::Params params;
    std::string list;
    for (auto id : ids) {
        params.emplace_back(id);
        list += fmt::format("{}${}", list.empty() ? "" : ", ", params.size());
    }
    auto rows = TRY(c.query(
        fmt::format("SELECT id, name FROM people WHERE id IN ({}) ORDER BY name", list), params));
    for (const auto& r : rows) {
        out.push_back({r.integer(0), r.text(1)});
    }
    return out;
}

Result<Choosable> choosable_in(db::Connection& c, std::int64_t home_id) {
    Choosable out;
    auto kids = TRY(children::in_home(c, home_id));
    for (const auto& k : kids) {
        if (!k.left_on) {
            out.children.push_back(
                {k.id, children::display_name(k.details), k.details.date_of_birth});
        }
    }
    auto people = TRY(organisation::people_of_home(c, home_id));
    for (const auto& p : people) {
        const bool works_here = std::any_of(p.roles.begin(), p.roles.end(), [](Role r) {
            return r == Role::registered_manager || r == Role::deputy || r == Role::support_worker;
        });
        if (works_here && !p.disabled) {
            out.staff.push_back({p.person_id, p.name});
        }
    }
    return out;
}

std::string staff_words(const IncidentDetails& d) {
    std::string out;
    for (const std::string* part : {&d.setting, &d.antecedents, &d.behaviour, &d.communicating_note,
                                    &d.afterwards, &d.injuries, &d.damage, &d.police}) {
        if (!part->empty()) {
            out += *part + "\n";
        }
    }
    for (const auto& step : d.deescalation) {
        out += step + "\n";
    }
    return out;
}

Status resolve_scope(db::Connection& c, std::int64_t incident_id, Scope& scope) {
    if (!scope.child_id) {
        return Error::not_found("We could not find that incident.");
    }
    auto row =
        TRY(c.query_one("SELECT id FROM incident_children WHERE incident_id = $1 AND "
                        "child_id = $2",
                        {incident_id, *scope.child_id}));
    if (!row) {
        return Error::not_found("We could not find that incident in this child's record.");
    }
    return {};
}

}  // namespace hearth::behaviour
