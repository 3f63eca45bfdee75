#include "relationships/staff_change_store.hpp"

#include <fmt/format.h>

#include "children/child_store.hpp"
#include "chronology/chronology_store.hpp"

namespace hearth::relationships {

namespace {
constexpr const char* staff_change_type = "staff_change";

Result<std::vector<StaffChange>> load_staff_changes(db::Connection& c, const std::string& where,
                                                    const db::Params& params) {
    auto rows = TRY(c.query(
        fmt::format("SELECT s.id, s.home_id, s.child_id, s.staff_name, s.kind, s.happens_on, "
                    "s.child_view, s.view_not_asked, s.keeping_in_touch, s.created_at, p.name, "
                    "s.response, s.responded_at, COALESCE(r.name, '') FROM staff_changes s JOIN "
                    "people p ON p.id = s.created_by LEFT JOIN people r ON r.id = s.responded_by "
                    "WHERE {} ORDER BY s.id DESC",
                    where),
        params));
    std::vector<StaffChange> out;
    for (const auto& row : rows) {
        StaffChange s;
        s.id = row.integer(0);
        s.home_id = row.integer(1);
        s.child_id = row.integer(2);
        s.details.staff_name = row.text(3);
        s.details.kind = row.text(4);
        s.details.happens_on = parse_date(row.text(5)).value_or(Date{});
        s.details.child_view = row.text(6);
        s.details.view_not_asked = row.text(7);
        s.details.keeping_in_touch = row.text(8);
        s.created_at = parse_utc(row.text(9)).value_or(Timestamp{});
        s.created_by = row.text(10);
        s.response = row.text(11);
        if (auto at = row.optional_text(12)) {
            s.responded_at = parse_utc(*at);
        }
        s.responded_by = row.text(13);
        out.push_back(std::move(s));
    }
    return out;
}

std::string staff_change_title(const StaffChangeDetails& d) {
    return fmt::format("A change of staff: {} ({})", d.staff_name,
                       label_in(staff_change_kinds(), d.kind));
}
}  // namespace

Result<std::int64_t> record_staff_change(db::Connection& c, std::int64_t child_id,
                                         const StaffChangeDetails& d, const audit::Actor& actor,
                                         Timestamp now) {
    if (!actor.person_id) {
        return Error::internal("a change of staff needs a signed-in author");
    }
    auto child = TRY(children::find(c, child_id));
    if (!child) {
        return Error::not_found("We could not find that child's record.");
    }
    const auto id = TRY(c.insert(
        "INSERT INTO staff_changes (home_id, child_id, staff_name, kind, happens_on, child_view, "
        "view_not_asked, keeping_in_touch, created_at, created_by) VALUES ($1, $2, $3, $4, $5, "
        "$6, $7, $8, $9, $10) RETURNING id",
        {child->home_id, child_id, d.staff_name, d.kind, format_date(d.happens_on), d.child_view,
         d.view_not_asked, d.keeping_in_touch, format_utc(now), *actor.person_id}));
    TRY(chronology::record(
        c,
        {child_id, child->home_id, now, "staff_change", staff_change_type, id,
         staff_change_title(d),
         chronology::summarise(d.child_view.empty() ? "Not asked: " + d.view_not_asked
                                                    : "They said: " + d.child_view),
         fmt::format("/children/{}/relationships/staff-changes/{}", child_id, id), false, true,
         actor.person_id, actor.name},
        now));
    TRY(audit::append(c, actor,
                      {"create", staff_change_type, std::to_string(id), child->home_id, child_id,
                       staff_change_title(d)},
                      {"staff_changes", id}, now));
    return id;
}

Status respond_to_staff_change(db::Connection& c, std::int64_t id, const std::string& response,
                               const audit::Actor& actor, Timestamp now) {
    auto found = TRY(find_staff_change(c, id));
    if (!found) {
        return Error::not_found("We could not find that change of staff.");
    }
    if (!found->response.empty()) {
        return Error::conflict(found->responded_by + " responded to it already.");
    }
    TRY(
        c.run("UPDATE staff_changes SET response = $1, responded_at = $2, responded_by = $3 "
              "WHERE id = $4",
              {response, format_utc(now), *actor.person_id, id}));
    return audit::append(c, actor,
                         {"respond", staff_change_type, std::to_string(id), found->home_id,
                          found->child_id, "the registered manager's response"},
                         {"staff_changes", id}, now);
}

Result<std::optional<StaffChange>> find_staff_change(db::Connection& c, std::int64_t id) {
    auto found = TRY(load_staff_changes(c, "s.id = $1", {id}));
    if (found.empty()) {
        return std::optional<StaffChange>{};
    }
    return std::optional<StaffChange>{std::move(found.front())};
}

Result<std::vector<StaffChange>> staff_changes_of(db::Connection& c, std::int64_t child_id) {
    return load_staff_changes(c, "s.child_id = $1", {child_id});
}

Status record_staff_change_read(db::Connection& c, const StaffChange& s, const audit::Actor& actor,
                                Timestamp now) {
    return audit::append(
        c, actor, {"read", staff_change_type, std::to_string(s.id), s.home_id, s.child_id, ""},
        now);
}

Status resolve_staff_change_scope(db::Connection& c, std::int64_t id, Scope& scope) {
    auto row = TRY(c.query_one("SELECT child_id FROM staff_changes WHERE id = $1", {id}));
    if (!row || !scope.child_id || row->integer(0) != *scope.child_id) {
        return Error::not_found("We could not find that change of staff.");
    }
    return {};
}

}  // namespace hearth::relationships
