#include "daily_record/action_store.hpp"

#include <fmt/format.h>

namespace hearth::daily_record {

namespace {
constexpr const char* action_columns =
    "x.id, x.home_id, x.child_id, x.source_type, x.source_id, x.description, "
    "COALESCE(CASE WHEN c.preferred_name <> '' THEN c.preferred_name ELSE c.first_name END || ' ' "
    "|| c.last_name, ''), x.state, x.done_at, COALESCE(d.name, ''), x.done_note, x.created_at, "
    "m.name, x.version";
constexpr const char* action_joins =
    "FROM agreed_actions x LEFT JOIN children c ON c.id = x.child_id LEFT JOIN people d ON "
    "d.id = x.done_by JOIN people m ON m.id = x.created_by";

std::string link_of(const std::string& source_type, std::int64_t source_id) {
    if (source_type == "childrens_meeting") {
        return fmt::format("/childrens-meetings/{}", source_id);
    }
    return fmt::format("/daily-record/{}", source_id);
}

AgreedAction action_from(const db::Row& r) {
    AgreedAction a;
    a.id = r.integer(0);
    a.home_id = r.integer(1);
    a.child_id = r.optional_integer(2);
    a.source_type = r.text(3);
    a.source_id = r.integer(4);
    a.description = r.text(5);
    a.child_name = r.text(6);
    a.done = r.text(7) == "done";
    if (auto at = r.optional_text(8)) {
        a.done_at = parse_utc(*at);
    }
    a.done_by_name = r.text(9);
    a.done_note = r.text(10);
    a.created_at = parse_utc(r.text(11)).value_or(Timestamp{});
    a.created_by_name = r.text(12);
    a.version = static_cast<int>(r.integer(13));
    a.source_link = link_of(a.source_type, a.source_id);
    return a;
}

std::vector<AgreedAction> actions_from(const db::Rows& rows) {
    std::vector<AgreedAction> out;
    for (const auto& r : rows) {
        out.push_back(action_from(r));
    }
    return out;
}
}  // namespace

Status add_action(db::Connection& c, const NewAction& a, const audit::Actor& actor, Timestamp now) {
    if (!actor.person_id) {
        return Error::internal("an action needs a signed-in author");
    }
    auto id =
        TRY(c.insert("INSERT INTO agreed_actions (home_id, child_id, source_type, source_id, "
                     "description, created_at, created_by) VALUES ($1, $2, $3, $4, $5, $6, "
                     "$7) RETURNING id",
                     {a.home_id, db::nullable(a.child_id), a.source_type, a.source_id,
                      a.description, format_utc(now), *actor.person_id}));
    return audit::append(
        c, actor,
        {"create", "agreed_action", std::to_string(id), a.home_id, a.child_id, a.description}, now);
}

Result<std::vector<AgreedAction>> open_actions(db::Connection& c, std::int64_t home_id, int limit) {
    auto rows = TRY(c.query(fmt::format("SELECT {} {} WHERE x.home_id = $1 AND x.state = 'open' "
                                        "ORDER BY x.created_at, x.id LIMIT $2",
                                        action_columns, action_joins),
                            {home_id, std::int64_t{limit}}));
    return actions_from(rows);
}

Result<std::vector<AgreedAction>> actions_of(db::Connection& c, const std::string& source_type,
                                             std::int64_t source_id) {
    auto rows = TRY(c.query(fmt::format("SELECT {} {} WHERE x.source_type = $1 AND x.source_id = "
                                        "$2 ORDER BY x.id",
                                        action_columns, action_joins),
                            {source_type, source_id}));
    return actions_from(rows);
}

Status mark_done(db::Connection& c, std::int64_t action_id, int read_version,
                 const std::string& note, const audit::Actor& actor, Timestamp now) {
    if (!actor.person_id) {
        return Error::internal("marking an action done needs a signed-in person");
    }
    auto row = TRY(c.query_one(
        fmt::format("SELECT {} {} WHERE x.id = $1", action_columns, action_joins), {action_id}));
    if (!row) {
        return Error::not_found("We could not find that action.");
    }
    const AgreedAction a = action_from(*row);
    if (a.done) {
        return Error::conflict(
            fmt::format("{} already recorded this action as done.", a.done_by_name));
    }
    auto n = TRY(c.execute(
        "UPDATE agreed_actions SET state = 'done', done_at = $1, done_by = $2, "
        "done_note = $3, version = version + 1 WHERE id = $4 AND version = $5 "
        "AND state = 'open'",
        {format_utc(now), *actor.person_id, note, action_id, std::int64_t{read_version}}));
    if (n != 1) {
        return Error::conflict("This action changed after you opened it.");
    }
    return audit::append(c, actor,
                         {"complete", "agreed_action", std::to_string(action_id), a.home_id,
                          a.child_id, a.description + (note.empty() ? "" : ": " + note)},
                         now);
}

Status resolve_action_scope(db::Connection& c, std::int64_t action_id, Scope& scope) {
    auto row =
        TRY(c.query_one("SELECT x.home_id, h.organisation_id, h.name FROM agreed_actions x "
                        "JOIN homes h ON h.id = x.home_id WHERE x.id = $1",
                        {action_id}));
    if (!row) {
        return Error::not_found("We could not find that action.");
    }
    scope.home_id = row->integer(0);
    scope.organisation_id = row->integer(1);
    scope.home_name = row->text(2);
    return {};
}

}  // namespace hearth::daily_record
