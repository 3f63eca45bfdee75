#include "relationships/managed_interaction_store.hpp"

#include <fmt/format.h>

#include "children/child_store.hpp"
#include "chronology/chronology_store.hpp"
#include "deadlines/deadline_store.hpp"

namespace hearth::relationships {

namespace {
constexpr const char* interaction_type = "managed_interaction";

constexpr const char* interaction_known_as_sql =
    "CASE WHEN {0}.preferred_name <> '' THEN {0}.preferred_name ELSE {0}.first_name END || ' ' "
    "|| {0}.last_name";

std::string interaction_select() {
    return fmt::format(
        "SELECT m.id, m.home_id, m.child_id, m.other_child_id, m.kind, m.where_when, m.why, "
        "m.source, m.concern_id, m.agreed_by, m.starts_on, m.review_on, m.ended_on, "
        "m.created_at, cb.name, {}, {} FROM managed_interactions m "
        "JOIN children a ON a.id = m.child_id JOIN children b ON b.id = m.other_child_id "
        "JOIN people cb ON cb.id = m.created_by",
        fmt::format(interaction_known_as_sql, "a"), fmt::format(interaction_known_as_sql, "b"));
}

std::optional<Date> interaction_date(const db::Row& row, int i) {
    if (auto text = row.optional_text(i)) {
        return parse_date(*text);
    }
    return std::nullopt;
}

ManagedInteraction interaction_from_row(const db::Row& row) {
    ManagedInteraction m;
    m.id = row.integer(0);
    m.home_id = row.integer(1);
    m.child_id = row.integer(2);
    auto& d = m.details;
    d.other_child_id = row.integer(3);
    d.kind = row.text(4);
    d.where_when = row.text(5);
    d.why = row.text(6);
    d.source = row.text(7);
    d.concern_id = row.optional_integer(8);
    d.agreed_by = row.text(9);
    d.starts_on = parse_date(row.text(10)).value_or(Date{});
    d.review_on = parse_date(row.text(11)).value_or(Date{});
    m.ended_on = interaction_date(row, 12);
    m.created_at = parse_utc(row.text(13)).value_or(Timestamp{});
    m.created_by = row.text(14);
    m.child_name = row.text(15);
    m.other_child_name = row.text(16);
    return m;
}

Result<std::vector<ManagedInteraction>> load_interactions(db::Connection& c,
                                                          const std::string& where,
                                                          const db::Params& params,
                                                          const std::string& order) {
    auto rows = TRY(c.query(
        fmt::format("{} WHERE {} ORDER BY {}", interaction_select(), where, order), params));
    std::vector<ManagedInteraction> out;
    for (const auto& row : rows) {
        out.push_back(interaction_from_row(row));
    }
    for (auto& m : out) {
        for (const auto& row : TRY(c.query(
                 "SELECT v.ended, v.decision, v.next_review_on, v.reviewed_at, p.name FROM "
                 "managed_interaction_reviews v JOIN people p ON p.id = v.reviewed_by WHERE "
                 "v.interaction_id = $1 ORDER BY v.id",
                 {m.id}))) {
            InteractionReviewRecord rec;
            rec.review.ended = row.integer(0) != 0;
            rec.review.decision = row.text(1);
            rec.review.next_review_on = interaction_date(row, 2);
            rec.reviewed_at = parse_utc(row.text(3)).value_or(Timestamp{});
            rec.reviewed_by = row.text(4);
            m.reviews.push_back(std::move(rec));
        }
    }
    return out;
}

std::string interaction_link(std::int64_t child_id, std::int64_t id) {
    return fmt::format("/children/{}/relationships/interactions/{}", child_id, id);
}

std::string interaction_first_name(const std::string& name) {
    return name.substr(0, name.find(' '));
}

Status start_interaction_review_clock(db::Connection& c, const ManagedInteraction& m,
                                      Date review_on, const audit::Actor& actor, Timestamp now) {
    deadlines::NewDeadline clock;
    clock.home_id = m.home_id;
    clock.child_id = m.child_id;
    clock.kind = interaction_review_clock;
    // Filed under the first child, whose deadlines their social worker reads: the other child
    // is not named.
    clock.title = fmt::format("Review the managed interaction of {} with another young person",
                              interaction_first_name(m.child_name));
    clock.source_type = interaction_type;
    clock.source_id = m.id;
    clock.link = interaction_link(m.child_id, m.id);
    clock.started_at = now;
    clock.due_at = deadlines::end_of_local_day(review_on);
    TRY(deadlines::start(c, clock, actor, now));
    return {};
}

// The line in one child's chronology: about them, never naming the other child.
Status chronicle_interaction(db::Connection& c, const ManagedInteraction& m, std::int64_t child_id,
                             Timestamp at, const std::string& title, const std::string& summary,
                             std::int64_t source_id, const std::string& source_type,
                             const audit::Actor& actor, Timestamp now) {
    TRY(chronology::record(c,
                           {child_id, m.home_id, at, "managed_interaction", source_type, source_id,
                            title, chronology::summarise(summary), interaction_link(child_id, m.id),
                            true, true, actor.person_id, actor.name},
                           now));
    return {};
}
}  // namespace

Result<std::int64_t> agree_interaction(db::Connection& c, std::int64_t child_id,
                                       const InteractionDetails& d, const audit::Actor& actor,
                                       Timestamp now) {
    if (!actor.person_id) {
        return Error::internal("a managed interaction needs a signed-in author");
    }
    auto child = TRY(children::find(c, child_id));
    auto other = TRY(children::find(c, d.other_child_id));
    if (!child) {
        return Error::not_found("We could not find that child's record.");
    }
    if (!other || other->home_id != child->home_id || other->left_on || other->id == child_id) {
        return Error::invalid("other_child_id", "Choose another child who lives in the home now");
    }
    const auto id = TRY(c.insert(
        "INSERT INTO managed_interactions (home_id, child_id, other_child_id, kind, where_when, "
        "why, source, concern_id, agreed_by, starts_on, review_on, created_at, created_by) "
        "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id",
        {child->home_id, child_id, d.other_child_id, d.kind, d.where_when, d.why, d.source,
         db::nullable(d.concern_id), d.agreed_by, format_date(d.starts_on),
         format_date(d.review_on), format_utc(now), *actor.person_id}));
    auto made = TRY(find_interaction(c, id));
    const auto at = children::instant_of(d.starts_on, now);
    const std::string what = label_in(interaction_kinds(), d.kind);
    for (const auto who : {child_id, d.other_child_id}) {
        TRY(chronicle_interaction(c, *made, who, at,
                                  d.kind == "not_alone"
                                      ? "Not to be alone with another young person"
                                      : "Kept apart from another young person",
                                  d.where_when.empty() ? d.why : d.where_when + ". " + d.why, id,
                                  interaction_type, actor, now));
    }
    TRY(start_interaction_review_clock(c, *made, d.review_on, actor, now));
    TRY(audit::append(c, actor,
                      {"create", interaction_type, std::to_string(id), child->home_id, child_id,
                       fmt::format("managed interaction agreed ({}; {})", what,
                                   label_in(interaction_sources(), d.source))},
                      {"managed_interactions", id}, now));
    return id;
}

Status review_interaction(db::Connection& c, std::int64_t id, const InteractionReview& r,
                          const audit::Actor& actor, Timestamp now) {
    auto found = TRY(find_interaction(c, id));
    if (!found) {
        return Error::not_found("We could not find that managed interaction.");
    }
    if (found->ended_on) {
        return Error::conflict("This managed interaction ended on " +
                               format_local_date(*found->ended_on) + ".");
    }
    const auto review_id = TRY(c.insert(
        "INSERT INTO managed_interaction_reviews (interaction_id, ended, decision, "
        "next_review_on, reviewed_at, reviewed_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        {id, std::int64_t{r.ended ? 1 : 0}, r.decision,
         r.next_review_on && !r.ended ? db::Value{format_date(*r.next_review_on)} : db::Value{},
         format_utc(now), *actor.person_id}));
    TRY(deadlines::meet(c, interaction_type, id, interaction_review_clock, actor, now,
                        r.ended ? "Reviewed and ended" : "Reviewed: it continues"));
    if (r.ended) {
        TRY(c.run(
            "UPDATE managed_interactions SET ended_on = $1, version = version + 1 WHERE id = $2",
            {format_date(local_date_of(now)), id}));
    } else {
        TRY(c.run(
            "UPDATE managed_interactions SET review_on = $1, version = version + 1 WHERE id = $2",
            {format_date(*r.next_review_on), id}));
        TRY(start_interaction_review_clock(c, *found, *r.next_review_on, actor, now));
    }
    const std::string title = r.ended ? "Managed interaction with another young person ended"
                                      : "Managed interaction with another young person reviewed: "
                                        "it continues";
    for (const auto who : {found->child_id, found->details.other_child_id}) {
        TRY(chronicle_interaction(c, *found, who, now, title, r.decision, review_id,
                                  "managed_interaction_review", actor, now));
    }
    return audit::append(
        c, actor,
        {"review", interaction_type, std::to_string(id), found->home_id, found->child_id,
         r.ended ? "ended" : "continues to " + format_date(*r.next_review_on)},
        {"managed_interactions", id}, now);
}

Result<std::optional<ManagedInteraction>> find_interaction(db::Connection& c, std::int64_t id) {
    auto found = TRY(load_interactions(c, "m.id = $1", {id}, "m.id"));
    if (found.empty()) {
        return std::optional<ManagedInteraction>{};
    }
    return std::optional<ManagedInteraction>{std::move(found.front())};
}

Result<std::vector<ManagedInteraction>> interactions_of(db::Connection& c, std::int64_t child_id) {
    return load_interactions(c, "(m.child_id = $1 OR m.other_child_id = $1)", {child_id},
                             "m.ended_on IS NOT NULL, m.starts_on DESC, m.id DESC");
}

Result<std::vector<ManagedInteraction>> interactions_in_force_at_home(db::Connection& c,
                                                                      std::int64_t home_id,
                                                                      Date day) {
    return load_interactions(c,
                             "m.home_id = $1 AND m.ended_on IS NULL AND m.starts_on <= $2 AND "
                             "a.left_on IS NULL AND b.left_on IS NULL",
                             {home_id, format_date(day)}, "m.review_on, m.id");
}

Status record_interaction_read(db::Connection& c, const ManagedInteraction& m, const Reader& reader,
                               const audit::Actor& actor, Timestamp now) {
    for (const auto who : {m.child_id, m.details.other_child_id}) {
        if (may_read_child(reader, m.home_id, who)) {
            TRY(audit::append(c, actor,
                              {"read", interaction_type, std::to_string(m.id), m.home_id, who, ""},
                              now));
        }
    }
    return {};
}

Status resolve_interaction_scope(db::Connection& c, std::int64_t id, Scope& scope) {
    auto row = TRY(c.query_one(
        "SELECT child_id, other_child_id FROM managed_interactions WHERE id = $1", {id}));
    if (!row || !scope.child_id ||
        (row->integer(0) != *scope.child_id && row->integer(1) != *scope.child_id)) {
        return Error::not_found("We could not find that managed interaction.");
    }
    return {};
}

}  // namespace hearth::relationships
