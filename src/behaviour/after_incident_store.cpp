#include "behaviour/after_incident_store.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "chronology/chronology_store.hpp"
#include "deadlines/deadline_store.hpp"
#include "organisation/settings.hpp"

namespace hearth::behaviour {

namespace {

std::string child_link(std::int64_t child_id, std::int64_t incident_id) {
    return fmt::format("/children/{}/incidents/{}", child_id, incident_id);
}

std::string name_of(const Incident& incident, std::int64_t child_id) {
    for (const auto& ch : incident.children) {
        if (ch.child_id == child_id) {
            return ch.name;
        }
    }
    return {};
}

Timestamp when(const db::Row& r, std::size_t i) {
    return parse_utc(r.text(i)).value_or(Timestamp{});
}

std::vector<std::string> texts(const std::string& json) {
    auto j = nlohmann::json::parse(json, nullptr, false);
    std::vector<std::string> out;
    if (j.is_array()) {
        for (const auto& v : j) {
            if (v.is_string()) {
                out.push_back(v.get<std::string>());
            }
        }
    }
    return out;
}

Status chronicle(db::Connection& c, const Incident& incident, std::int64_t child_id,
                 const std::string& kind, const std::string& source_type, std::int64_t source_id,
                 Timestamp at, const std::string& title, const std::string& text,
                 const audit::Actor& actor, Timestamp now) {
    TRY(chronology::record(c,
                           {child_id, incident.home_id, at, kind, source_type, source_id, title,
                            chronology::summarise(text), child_link(child_id, incident.id), false,
                            true, actor.person_id, actor.name},
                           now));
    return {};
}

Status audited(db::Connection& c, const audit::Actor& actor, const Incident& incident,
               const std::string& record_type, std::int64_t id,
               std::optional<std::int64_t> child_id, const std::string& detail, Timestamp now) {
    return audit::append(c, actor,
                         {"create", record_type, std::to_string(id), incident.home_id, child_id,
                          fmt::format("incident {}: {}", incident.id, detail)},
                         now);
}

}  // namespace

Result<AfterIncident> after_incident(db::Connection& c, std::int64_t incident_id) {
    AfterIncident out;
    auto accounts = TRY(
        c.query("SELECT a.id, a.child_id, a.given_at, a.words, a.declined, p.name FROM "
                "incident_accounts a JOIN people p ON p.id = a.heard_by WHERE a.incident_id = $1 "
                "ORDER BY a.child_id, a.given_at, a.id",
                {incident_id}));
    for (const auto& r : accounts) {
        Account a;
        a.id = r.integer(0);
        a.child_id = r.integer(1);
        a.given_at = when(r, 2);
        a.words = r.text(3);
        a.declined = r.text(4);
        a.heard_by_name = r.text(5);
        out.accounts.push_back(std::move(a));
    }
    auto told = TRY(
        c.query("SELECT n.id, n.child_id, n.recipient, n.named, n.method, n.notified_at, "
                "n.reference, p.name, n.recorded_at FROM incident_notifications n JOIN people p "
                "ON p.id = n.recorded_by WHERE n.incident_id = $1 ORDER BY n.notified_at, n.id",
                {incident_id}));
    for (const auto& r : told) {
        Notification n;
        n.id = r.integer(0);
        n.child_id = r.optional_integer(1);
        n.recipient = r.text(2);
        n.named = r.text(3);
        n.method = r.text(4);
        n.notified_at = when(r, 5);
        n.reference = r.text(6);
        n.recorded_by_name = r.text(7);
        n.recorded_at = when(r, 8);
        out.notifications.push_back(std::move(n));
    }
    auto child_debriefs = TRY(
        c.query("SELECT d.id, d.child_id, d.held_at, d.held_by, h.name, d.felt, d.would_help, "
                "d.repair, d.child_words, d.declined, w.name, d.created_at FROM child_debriefs d "
                "JOIN people h ON h.id = d.held_by JOIN people w ON w.id = d.created_by WHERE "
                "d.incident_id = $1 ORDER BY d.held_at, d.id",
                {incident_id}));
    for (const auto& r : child_debriefs) {
        ChildDebrief d;
        d.id = r.integer(0);
        d.child_id = r.integer(1);
        d.held_at = when(r, 2);
        d.held_by = r.integer(3);
        d.held_by_name = r.text(4);
        d.felt = r.text(5);
        d.would_help = r.text(6);
        d.repair = r.text(7);
        d.child_words = r.text(8);
        d.declined = r.text(9);
        d.written_by_name = r.text(10);
        d.written_at = when(r, 11);
        out.child_debriefs.push_back(std::move(d));
    }
    auto staff_debriefs = TRY(
        c.query("SELECT d.id, d.person_id, s.name, d.held_at, d.held_by, h.name, d.wellbeing, "
                "d.how_they_are, d.learnt, d.support, d.support_note, d.learning, "
                "d.share_learning, d.created_at FROM staff_debriefs d JOIN people s ON s.id = "
                "d.person_id JOIN people h ON h.id = d.held_by WHERE d.incident_id = $1 ORDER BY "
                "d.held_at, d.id",
                {incident_id}));
    for (const auto& r : staff_debriefs) {
        StaffDebrief d;
        d.id = r.integer(0);
        d.person_id = r.integer(1);
        d.person_name = r.text(2);
        d.held_at = when(r, 3);
        d.held_by = r.integer(4);
        d.held_by_name = r.text(5);
        d.wellbeing = r.text(6);
        d.how_they_are = r.text(7);
        d.learnt = r.text(8);
        d.support = texts(r.text(9));
        d.support_note = r.text(10);
        d.learning = r.text(11);
        d.share_learning = r.boolean(12);
        d.written_at = when(r, 13);
        out.staff_debriefs.push_back(std::move(d));
    }
    auto restorative = TRY(
        c.query("SELECT f.id, f.held_at, f.form, f.taking_part, f.outcome, f.agreed, w.name, "
                "f.created_at FROM restorative_follow_ups f JOIN people w ON w.id = f.created_by "
                "WHERE f.incident_id = $1 ORDER BY f.held_at, f.id",
                {incident_id}));
    for (const auto& r : restorative) {
        RestorativeFollowUp f;
        f.id = r.integer(0);
        f.held_at = when(r, 1);
        f.form = r.text(2);
        f.taking_part = r.text(3);
        f.outcome = r.text(4);
        f.agreed = r.text(5);
        f.written_by_name = r.text(6);
        f.written_at = when(r, 7);
        out.restorative.push_back(std::move(f));
    }
    return out;
}

Result<std::int64_t> add_account(db::Connection& c, const Incident& incident, const AccountInput& a,
                                 const audit::Actor& actor, Timestamp now) {
    if (!actor.person_id) {
        return Error::internal("an account needs a signed-in listener");
    }
    auto id =
        TRY(c.insert("INSERT INTO incident_accounts (incident_id, child_id, given_at, words, "
                     "declined, heard_by, recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7) "
                     "RETURNING id",
                     {incident.id, a.child_id, format_utc(a.given_at), a.words, a.declined,
                      *actor.person_id, format_utc(now)}));
    const std::string name = name_of(incident, a.child_id);
    const std::string first = name.substr(0, name.find(' '));
    TRY(chronicle(c, incident, a.child_id, "incident_account", "incident_account", id, a.given_at,
                  a.words.empty() ? fmt::format("No account yet from {}", first)
                                  : fmt::format("What {} said happened", first),
                  a.words.empty() ? a.declined : "\u201c" + a.words + "\u201d", actor, now));
    TRY(audited(c, actor, incident, "incident_account", id, a.child_id, "the child's account",
                now));
    return id;
}

Result<std::int64_t> add_notification(db::Connection& c, const Incident& incident,
                                      const NotificationInput& n, const audit::Actor& actor,
                                      Timestamp now) {
    if (!actor.person_id) {
        return Error::internal("a notification needs a signed-in author");
    }
    auto id =
        TRY(c.insert("INSERT INTO incident_notifications (incident_id, child_id, recipient, "
                     "named, method, notified_at, reference, recorded_by, recorded_at) "
                     "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
                     {incident.id, db::nullable(n.child_id), n.recipient, n.named, n.method,
                      format_utc(n.notified_at), n.reference, *actor.person_id, format_utc(now)}));
    TRY(audited(c, actor, incident, "incident_notification", id, n.child_id,
                fmt::format("{} told by {}", label_in(recipients(), n.recipient),
                            label_in(methods(), n.method)),
                now));
    return id;
}

Result<std::int64_t> add_child_debrief(db::Connection& c, const Incident& incident,
                                       const ChildDebriefDetails& d, const audit::Actor& actor,
                                       Timestamp now) {
    if (!actor.person_id) {
        return Error::internal("a debrief needs a signed-in author");
    }
    auto id = TRY(
        c.insert("INSERT INTO child_debriefs (incident_id, child_id, held_at, held_by, "
                 "felt, would_help, repair, child_words, declined, created_at, "
                 "created_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) "
                 "RETURNING id",
                 {incident.id, d.child_id, format_utc(d.held_at), d.held_by, d.felt, d.would_help,
                  d.repair, d.child_words, d.declined, format_utc(now), *actor.person_id}));
    const std::string text =
        d.declined.empty() ? d.felt + (d.would_help.empty() ? "" : " " + d.would_help) : d.declined;
    TRY(chronicle(
        c, incident, d.child_id, "debrief", "child_debrief", id, d.held_at,
        d.declined.empty() ? "Debrief after the incident" : "Debrief offered after the incident",
        text, actor, now));
    TRY(audited(c, actor, incident, "child_debrief", id, d.child_id, "the child's debrief", now));
    return id;
}

Result<std::int64_t> add_staff_debrief(db::Connection& c, const Incident& incident,
                                       const StaffDebriefDetails& d, const audit::Actor& actor,
                                       Timestamp now) {
    if (!actor.person_id) {
        return Error::internal("a debrief needs a signed-in author");
    }
    auto id = TRY(c.insert(
        "INSERT INTO staff_debriefs (incident_id, home_id, person_id, held_at, held_by, "
        "wellbeing, how_they_are, learnt, support, support_note, learning, "
        "share_learning, created_at, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7, "
        "$8, $9, $10, $11, $12, $13, $14) RETURNING id",
        {incident.id, incident.home_id, d.person_id, format_utc(d.held_at), d.held_by, d.wellbeing,
         d.how_they_are, d.learnt, nlohmann::json(d.support).dump(), d.support_note, d.learning,
         std::int64_t{d.share_learning}, format_utc(now), *actor.person_id}));
    if (needs_manager(d)) {
        auto named = TRY(c.query_one("SELECT name FROM people WHERE id = $1", {d.person_id}));
        deadlines::NewDeadline clock;
        clock.home_id = incident.home_id;
        clock.kind = wellbeing_clock;
        clock.title = fmt::format("Check in with {} after the incident",
                                  named ? named->text(0) : std::string("a member of staff"));
        clock.source_type = "staff_debrief";
        clock.source_id = id;
        clock.link = child_link(incident.children.empty() ? 0 : incident.children.front().child_id,
                                incident.id) +
                     "#staff-debriefs";
        clock.owner_role = "registered_manager";
        clock.started_at = now;
        clock.due_at = now + std::chrono::hours{TRY(organisation::setting_of_home(
                                 c, incident.home_id, organisation::staff_wellbeing_check_hours))};
        TRY(deadlines::start(c, clock, actor, now));
    }
    TRY(audited(c, actor, incident, "staff_debrief", id, std::nullopt,
                fmt::format("staff debrief of person {}", d.person_id), now));
    return id;
}

Result<std::int64_t> add_restorative(db::Connection& c, const Incident& incident,
                                     const RestorativeDetails& d, const audit::Actor& actor,
                                     Timestamp now) {
    if (!actor.person_id) {
        return Error::internal("a follow-up needs a signed-in author");
    }
    auto id =
        TRY(c.insert("INSERT INTO restorative_follow_ups (incident_id, held_at, form, "
                     "taking_part, outcome, agreed, created_at, created_by) VALUES ($1, $2, "
                     "$3, $4, $5, $6, $7, $8) RETURNING id",
                     {incident.id, format_utc(d.held_at), d.form, d.taking_part, d.outcome,
                      d.agreed, format_utc(now), *actor.person_id}));
    for (const auto& child : incident.children) {
        TRY(chronicle(c, incident, child.child_id, "restorative", "restorative_follow_up", id,
                      d.held_at, label_in(restorative_forms(), d.form), d.outcome, actor, now));
        TRY(audited(c, actor, incident, "restorative_follow_up", id, child.child_id,
                    label_in(restorative_forms(), d.form), now));
    }
    return id;
}

Result<std::vector<std::string>> names_in_organisation(db::Connection& c,
                                                       std::int64_t organisation_id) {
    std::vector<std::string> out;
    auto add = [&](const std::string& name) {
        std::size_t start = 0;
        while (start < name.size()) {
            auto end = name.find(' ', start);
            if (end == std::string::npos) {
                end = name.size();
            }
            if (end > start) {
                out.push_back(name.substr(start, end - start));
            }
            start = end + 1;
        }
    };
    auto kids =
        TRY(c.query("SELECT c.first_name, c.last_name, c.preferred_name FROM children c "
                    "JOIN homes h ON h.id = c.home_id WHERE h.organisation_id = $1",
                    {organisation_id}));
    for (const auto& r : kids) {
        add(r.text(0));
        add(r.text(1));
        add(r.text(2));
    }
    auto staff =
        TRY(c.query("SELECT name FROM people WHERE organisation_id = $1", {organisation_id}));
    for (const auto& r : staff) {
        add(r.text(0));
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

Result<std::vector<SharedLearning>> shared_learning(db::Connection& c, std::int64_t organisation_id,
                                                    std::optional<std::int64_t> before, int limit) {
    db::Params params{organisation_id};
    std::string where = "d.share_learning = 1 AND h.organisation_id = $1";
    if (before) {
        params.emplace_back(*before);
        where += " AND d.id < $2";
    }
    params.emplace_back(std::int64_t{limit});
    auto rows = TRY(
        c.query(fmt::format("SELECT d.id, d.held_at, d.learning, i.restrictive_measure FROM "
                            "staff_debriefs d JOIN homes h ON h.id = d.home_id JOIN incidents i ON "
                            "i.id = d.incident_id WHERE {} ORDER BY d.id DESC LIMIT ${}",
                            where, params.size()),
                params));
    std::vector<SharedLearning> out;
    for (const auto& r : rows) {
        out.push_back({r.integer(0), when(r, 1), r.text(2), r.text(3) != "none"});
    }
    return out;
}

}  // namespace hearth::behaviour
