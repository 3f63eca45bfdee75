#include "daily_record/daily_store.hpp"

#include <fmt/format.h>

#include "chronology/chronology_store.hpp"
#include "daily_record/action_store.hpp"
#include "language/language_checks.hpp"

namespace hearth::daily_record {

namespace {
constexpr const char* entry_record_type = "daily_entry";

constexpr const char* entry_columns =
    "e.id, e.child_id, e.home_id, e.kind, e.category, e.occurred_at, e.topic, e.body, "
    "e.child_words, e.significant, e.for_handover, e.created_by, a.name, e.created_at, "
    "e.updated_at, u.name, e.version, e.about_bullying";

Entry entry_from(const db::Row& r) {
    Entry e;
    e.id = r.integer(0);
    e.child_id = r.integer(1);
    e.home_id = r.integer(2);
    auto& d = e.details;
    d.kind = kind_from_key(r.text(3)).value_or(EntryKind::note);
    d.category = r.text(4);
    d.occurred_at = parse_utc(r.text(5)).value_or(Timestamp{});
    d.topic = r.text(6);
    d.body = r.text(7);
    d.child_words = r.text(8);
    d.significant = r.boolean(9);
    d.for_handover = r.boolean(10);
    e.author_id = r.integer(11);
    e.author_name = r.text(12);
    e.created_at = parse_utc(r.text(13)).value_or(Timestamp{});
    e.updated_at = parse_utc(r.text(14)).value_or(Timestamp{});
    e.updated_by_name = r.text(15);
    e.version = static_cast<int>(r.integer(16));
    d.about_bullying = r.boolean(17);
    return e;
}

std::string link_of(std::int64_t entry_id) {
    return fmt::format("/daily-record/{}", entry_id);
}

Result<std::int64_t> organisation_of(db::Connection& c, std::int64_t home_id) {
    auto row = TRY(c.query_one("SELECT organisation_id FROM homes WHERE id = $1", {home_id}));
    if (!row) {
        return Error::not_found("We could not find that home.");
    }
    return row->integer(0);
}

// Checked on every save, for the provider's figure; the page that saved shows what was found.
Status check_words(db::Connection& c, std::int64_t home_id, std::int64_t child_id,
                   std::int64_t entry_id, const EntryDetails& d, Timestamp now) {
    auto organisation = TRY(organisation_of(c, home_id));
    TRY(language::check_and_record(c, organisation, home_id, child_id, entry_record_type, entry_id,
                                   staff_words(d), now));
    return {};
}

std::string summary_of(const EntryDetails& d) {
    std::string text = d.body;
    if (!d.child_words.empty()) {
        text += " In their words: \u201c" + d.child_words + "\u201d";
    }
    return chronology::summarise(text);
}
}  // namespace

Result<std::int64_t> record(db::Connection& c, std::int64_t child_id, std::int64_t home_id,
                            const EntryDetails& d, const std::vector<std::string>& actions,
                            const audit::Actor& actor, Timestamp now) {
    if (!actor.person_id) {
        return Error::internal("a daily entry needs a signed-in author");
    }
    const std::string at = format_utc(now);
    auto id = TRY(c.insert(
        "INSERT INTO daily_entries (child_id, home_id, kind, category, occurred_at, "
        "topic, body, child_words, significant, for_handover, created_at, created_by, "
        "updated_at, updated_by, version, about_bullying) VALUES ($1, $2, $3, $4, $5, "
        "$6, $7, $8, $9, $10, $11, $12, $11, $12, 1, $13) RETURNING id",
        {child_id, home_id, kind_key(d.kind), d.category, format_utc(d.occurred_at), d.topic,
         d.body, d.child_words, std::int64_t{d.significant}, std::int64_t{d.for_handover}, at,
         *actor.person_id, std::int64_t{d.about_bullying}}));
    TRY(amendments::keep_version(c, entry_record_type, id, 1, to_json(d), "Written",
                                 *actor.person_id, now));
    TRY(chronology::record(c,
                           {child_id, home_id, d.occurred_at, chronology_kind(d.kind),
                            entry_record_type, id, title_of(d), summary_of(d), link_of(id),
                            d.significant, d.for_handover, actor.person_id, actor.name},
                           now));
    for (const auto& action : actions) {
        TRY(add_action(c, {home_id, child_id, entry_record_type, id, action}, actor, now));
    }
    TRY(check_words(c, home_id, child_id, id, d, now));
    TRY(audit::append(c, actor,
                      {"create", entry_record_type, std::to_string(id), home_id, child_id,
                       kind_key(d.kind) + ": " + title_of(d)},
                      {"daily_entries", id}, now));
    return id;
}

Status amend(db::Connection& c, std::int64_t entry_id, int read_version, const EntryDetails& d,
             const std::string& reason, const audit::Actor& actor, Timestamp now) {
    if (reason.empty()) {
        return Error::invalid("reason", "Enter why you are amending this entry");
    }
    if (!actor.person_id) {
        return Error::internal("an amendment needs a signed-in author");
    }
    auto current = TRY(find(c, entry_id));
    if (!current) {
        return Error::not_found("We could not find that entry.");
    }
    if (current->version != read_version) {
        return Error::conflict(
            fmt::format("{} amended this entry (version {}) after you opened it (version {}).",
                        current->updated_by_name, current->version, read_version));
    }
    const auto changes =
        amendments::changes_between(to_json(current->details), to_json(d), field_labels());
    if (changes.empty()) {
        return Error::invalid("reason", "Nothing was changed, so there is nothing to save");
    }
    auto n = TRY(c.execute(
        "UPDATE daily_entries SET category = $1, occurred_at = $2, topic = $3, "
        "body = $4, child_words = $5, significant = $6, for_handover = $7, "
        "updated_at = $8, updated_by = $9, version = version + 1, "
        "about_bullying = $12 WHERE id = $10 AND version = $11",
        {d.category, format_utc(d.occurred_at), d.topic, d.body, d.child_words,
         std::int64_t{d.significant}, std::int64_t{d.for_handover}, format_utc(now),
         *actor.person_id, entry_id, std::int64_t{read_version}, std::int64_t{d.about_bullying}}));
    if (n != 1) {
        return Error::conflict("Someone else amended this entry after you opened it.");
    }
    TRY(amendments::keep_version(c, entry_record_type, entry_id, read_version + 1, to_json(d),
                                 reason, *actor.person_id, now));
    TRY(chronology::revise(
        c, entry_record_type, entry_id,
        {title_of(d), summary_of(d), d.significant, d.for_handover, d.occurred_at}));
    TRY(check_words(c, current->home_id, current->child_id, entry_id, d, now));
    std::string fields;
    for (const auto& ch : changes) {
        fields += (fields.empty() ? "" : ", ") + ch.field;
    }
    return audit::append(
        c, actor,
        {"amend", entry_record_type, std::to_string(entry_id), current->home_id, current->child_id,
         fmt::format("version {}: {} ({})", read_version + 1, fields, reason)},
        {"daily_entries", entry_id}, now);
}

Result<std::optional<Entry>> find(db::Connection& c, std::int64_t entry_id) {
    auto row = TRY(c.query_one(fmt::format("SELECT {} FROM daily_entries e JOIN people a ON a.id = "
                                           "e.created_by JOIN people u ON u.id = e.updated_by "
                                           "WHERE e.id = $1",
                                           entry_columns),
                               {entry_id}));
    if (!row) {
        return std::optional<Entry>{};
    }
    return std::optional<Entry>{entry_from(*row)};
}

Status record_read(db::Connection& c, const Entry& e, const audit::Actor& actor, Timestamp now) {
    return audit::append(
        c, actor, {"read", entry_record_type, std::to_string(e.id), e.home_id, e.child_id, ""},
        now);
}

std::string staff_words(const EntryDetails& d) {
    return d.topic.empty() ? d.body : d.topic + "\n" + d.body;
}

Status resolve_scope(db::Connection& c, std::int64_t entry_id, Scope& scope) {
    auto row = TRY(c.query_one("SELECT child_id FROM daily_entries WHERE id = $1", {entry_id}));
    if (!row) {
        return Error::not_found("We could not find that entry.");
    }
    scope.child_id = row->integer(0);
    return {};
}

}  // namespace hearth::daily_record
