#include "children/key_workers/key_worker_store.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "children/child_store.hpp"
#include "chronology/chronology_store.hpp"

namespace hearth::children {

namespace {

std::string names(const std::vector<std::string>& list) {
    std::string out;
    for (std::size_t i = 0; i < list.size(); ++i) {
        out += (i == 0 ? "" : i + 1 == list.size() ? " and " : ", ") + list[i];
    }
    return out;
}

Result<std::int64_t> insert_change(db::Connection& c, std::int64_t child_id,
                                   const std::string& kind, const std::string& reason,
                                   const KeyWorkerChange* form, const audit::Actor& actor,
                                   const std::string& at) {
    return c.insert(
        "INSERT INTO key_worker_changes (child_id, kind, changed_at, changed_by, reason, "
        "child_view, view_not_asked, relationships) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) "
        "RETURNING id",
        {child_id, kind, at, db::nullable(actor.person_id), reason,
         form ? form->child_view : std::string(), form ? form->view_not_asked : std::string(),
         form ? form->relationships : std::string()});
}

Status start_spell(db::Connection& c, std::int64_t child_id, std::int64_t person_id,
                   std::int64_t change_id, const audit::Actor& actor, const std::string& at) {
    return c.run(
        "INSERT INTO key_workers (child_id, person_id, started_at, started_by, start_change_id) "
        "VALUES ($1, $2, $3, $4, $5)",
        {child_id, person_id, at, db::nullable(actor.person_id), change_id});
}

Status end_spell(db::Connection& c, std::int64_t child_id, std::int64_t person_id,
                 std::int64_t change_id, const audit::Actor& actor, const std::string& at) {
    return c.run(
        "UPDATE key_workers SET ended_at = $1, ended_by = $2, end_change_id = $3 "
        "WHERE child_id = $4 AND person_id = $5 AND ended_at IS NULL",
        {at, db::nullable(actor.person_id), change_id, child_id, person_id});
}

Result<std::vector<std::int64_t>> current_ids(db::Connection& c, std::int64_t child_id) {
    auto rows =
        TRY(c.query("SELECT person_id FROM key_workers WHERE child_id = $1 AND "
                    "ended_at IS NULL ORDER BY person_id",
                    {child_id}));
    std::vector<std::int64_t> out;
    for (const auto& r : rows) {
        out.push_back(r.integer(0));
    }
    return out;
}

Result<std::string> name_of(db::Connection& c, std::int64_t person_id) {
    auto row = TRY(c.query_one("SELECT name FROM people WHERE id = $1", {person_id}));
    return row ? row->text(0) : std::string();
}

}  // namespace

Result<std::vector<KeyWorkerSpell>> key_worker_spells(db::Connection& c, std::int64_t child_id) {
    auto rows =
        TRY(c.query("SELECT k.person_id, p.name, k.started_at, k.ended_at, k.start_change_id, "
                    "k.end_change_id FROM key_workers k JOIN people p ON p.id = k.person_id "
                    "WHERE k.child_id = $1 ORDER BY k.started_at DESC, k.id DESC",
                    {child_id}));
    std::vector<KeyWorkerSpell> out;
    for (const auto& r : rows) {
        out.push_back({r.integer(0), r.text(1), r.text(2), r.optional_text(3),
                       r.optional_integer(4), r.optional_integer(5)});
    }
    return out;
}

Result<std::vector<KeyWorkerChangeRecord>> key_worker_changes(db::Connection& c,
                                                              std::int64_t child_id) {
    auto rows =
        TRY(c.query("SELECT k.id, k.kind, k.changed_at, p.name, k.reason, k.child_view, "
                    "k.view_not_asked, k.relationships FROM key_worker_changes k "
                    "JOIN people p ON p.id = k.changed_by WHERE k.child_id = $1 "
                    "ORDER BY k.id DESC",
                    {child_id}));
    std::vector<KeyWorkerChangeRecord> out;
    for (const auto& r : rows) {
        out.push_back({r.integer(0),
                       r.text(1),
                       r.text(2),
                       r.text(3),
                       r.text(4),
                       r.text(5),
                       r.text(6),
                       r.text(7),
                       {},
                       {}});
    }
    auto spells = TRY(key_worker_spells(c, child_id));
    for (auto& change : out) {
        for (const auto& s : spells) {
            if (s.start_change_id == change.id) {
                change.started.push_back(s.name);
            }
            if (s.end_change_id == change.id) {
                change.ended.push_back(s.name);
            }
        }
    }
    return out;
}

Result<std::int64_t> latest_key_worker_change(db::Connection& c, std::int64_t child_id) {
    auto row =
        TRY(c.query_one("SELECT id FROM key_worker_changes WHERE child_id = $1 "
                        "ORDER BY id DESC LIMIT 1",
                        {child_id}));
    return row ? row->integer(0) : std::int64_t{0};
}

Result<std::vector<StaffMember>> staff_of_home(db::Connection& c, std::int64_t home_id) {
    auto rows =
        TRY(c.query("SELECT DISTINCT p.id, p.name FROM roles r JOIN people p ON p.id = r.person_id "
                    "WHERE r.home_id = $1 AND r.ended_at IS NULL AND p.disabled_at IS NULL "
                    "AND r.awaiting_checks_since IS NULL AND r.role IN ('registered_manager', "
                    "'deputy', 'support_worker') "
                    "ORDER BY p.name, p.id",
                    {home_id}));
    std::vector<StaffMember> out;
    for (const auto& r : rows) {
        out.push_back({r.integer(0), r.text(1)});
    }
    return out;
}

Status check_key_workers(db::Connection& c, std::int64_t home_id,
                         const std::vector<std::int64_t>& ids, const std::string& field) {
    for (auto id : ids) {
        auto row = TRY(c.query_one(
            "SELECT 1 FROM roles WHERE person_id = $1 AND home_id = $2 AND ended_at IS NULL "
            "AND awaiting_checks_since IS NULL AND role IN ('registered_manager', 'deputy', "
            "'support_worker')",
            {id, home_id}));
        if (!row) {
            return Error::invalid(field, "Key workers must be staff of this home");
        }
    }
    return {};
}

Status start_first_key_worker(db::Connection& c, std::int64_t child_id, std::int64_t person_id,
                              const audit::Actor& actor, Timestamp admitted) {
    const std::string at = format_utc(admitted);
    auto change = TRY(insert_change(c, child_id, "admission", "Named when they were admitted",
                                    nullptr, actor, at));
    return start_spell(c, child_id, person_id, change, actor, at);
}

Result<std::int64_t> change_key_workers(db::Connection& c, std::int64_t child_id,
                                        const KeyWorkerChange& change, const audit::Actor& actor,
                                        Timestamp now) {
    TRY(lock_child(c, child_id));
    auto child = TRY(find(c, child_id));
    if (!child) {
        return Error::not_found("We could not find that child's record.");
    }
    if (child->left_on) {
        return Error::conflict(
            fmt::format("{} left the home on {}: key workers are not changed after a child has "
                        "left.",
                        display_name(child->details), format_local_date(*child->left_on)));
    }
    auto latest = TRY(latest_key_worker_change(c, child_id));
    if (latest != change.read_change) {
        return Error::conflict(
            "Someone else changed these key workers after you opened the form. Check who they are "
            "now, below.");
    }
    auto current = TRY(current_ids(c, child_id));
    TRY(check_changes_something(current, change.key_worker_ids));
    TRY(check_key_workers(c, child->home_id, change.key_worker_ids, "key_workers"));

    const std::string at = format_utc(now);
    auto id = TRY(insert_change(c, child_id, "change", change.reason, &change, actor, at));
    std::vector<std::string> started, ended;
    for (auto person : current) {
        if (std::find(change.key_worker_ids.begin(), change.key_worker_ids.end(), person) !=
            change.key_worker_ids.end()) {
            continue;
        }
        TRY(end_spell(c, child_id, person, id, actor, at));
        auto name = TRY(name_of(c, person));
        ended.push_back(name);
    }
    for (auto person : change.key_worker_ids) {
        if (std::find(current.begin(), current.end(), person) != current.end()) {
            continue;
        }
        TRY(start_spell(c, child_id, person, id, actor, at));
        auto name = TRY(name_of(c, person));
        started.push_back(name);
    }
    std::string title = "Key workers changed";
    if (!started.empty() && !ended.empty()) {
        title = fmt::format("Key worker: {} in place of {}", names(started), names(ended));
    } else if (!started.empty()) {
        title = fmt::format("New key worker: {}", names(started));
    } else if (!ended.empty()) {
        title = fmt::format("No longer key worker: {}", names(ended));
    }
    const std::string name = display_name(child->details);
    const std::string view =
        change.child_view.empty()
            ? fmt::format("{} could not be asked: {}", name, change.view_not_asked)
            : fmt::format("{} said: \"{}\"", name, change.child_view);
    auto entry = TRY(chronology::record(c,
                                        {.child_id = child_id,
                                         .home_id = child->home_id,
                                         .occurred_at = now,
                                         .kind = "key_worker_change",
                                         .source_type = "key_worker_change",
                                         .source_id = id,
                                         .title = title,
                                         .summary = chronology::summarise(view),
                                         .link = fmt::format("/children/{}/key-workers", child_id),
                                         .significant = true,
                                         .author_id = actor.person_id,
                                         .author_name = actor.name},
                                        now));
    (void)entry;
    TRY(audit::append(c, actor,
                      {"create", "key_worker_change", std::to_string(id), child->home_id, child_id,
                       fmt::format("started: {}; ended: {}", names(started), names(ended))},
                      now));
    return id;
}

Status end_key_workers_on_leaving(db::Connection& c, std::int64_t child_id,
                                  const audit::Actor& actor, Timestamp now) {
    auto current = TRY(current_ids(c, child_id));
    if (current.empty()) {
        return {};
    }
    const std::string at = format_utc(now);
    auto change =
        TRY(insert_change(c, child_id, "leaving", "They left the home", nullptr, actor, at));
    for (auto person : current) {
        TRY(end_spell(c, child_id, person, change, actor, at));
    }
    return {};
}

}  // namespace hearth::children
