#pragma once
// The visitors' book in the database. Signing a visitor in writes the visit, the children it was
// to, a line in each of those children's chronologies and the audit entry, in one transaction;
// signing out records when they left and who saw them out, once. The home's list of items not
// allowed in is kept here too, audited with what it was before.
#include <optional>
#include <string>
#include <vector>

#include "platform/audit/audit_trail.hpp"
#include "platform/auth/permissions.hpp"
#include "platform/db/database.hpp"
#include "visitors/visit.hpp"

namespace hearth::visitors {

// A child or a member of staff, by the name they are known by.
struct Named {
    std::int64_t id = 0;
    std::string name;
};

struct Visit {
    std::int64_t id = 0;
    std::int64_t home_id = 0;
    VisitDetails details;
    std::vector<Named> children;
    std::string let_in_by_name;
    std::string supervised_child_name;
    std::optional<Timestamp> signed_out_at;
    std::string signed_out_by;
    Timestamp created_at{};
    std::string created_by;
};

// Keyset paging through the earlier days of the book, newest first: the position after the last
// visit shown. Encoded as "2026-05-11T09:30:00.000Z~17".
struct VisitCursor {
    Timestamp signed_in_at{};
    std::int64_t id = 0;
};
std::string encode(const VisitCursor& c);
std::optional<VisitCursor> decode_visit_cursor(const std::string& text);

struct VisitPage {
    std::vector<Visit> visits;
    std::optional<VisitCursor> next;  // set when there are older visits
};

// What the door knows of the home: the rules' part, with the names the form shows.
struct Door {
    HomeAtTheDoor rules;
    std::vector<Named> children;  // living there now
    std::vector<Named> staff;     // who may let a visitor in
};
Result<Door> door_of(db::Connection& c, std::int64_t home_id);

Result<std::int64_t> sign_in(db::Connection& c, std::int64_t home_id, const VisitDetails& d,
                             const audit::Actor& actor, Timestamp now);
// A conflict when they were signed out already.
Status sign_out(db::Connection& c, std::int64_t visit_id, Timestamp left_at,
                const audit::Actor& actor, Timestamp now);

Result<std::optional<Visit>> find_visit(db::Connection& c, std::int64_t id);
// Who is in the building now: every visitor of the home not signed out, the earliest first.
Result<std::vector<Visit>> in_building(db::Connection& c, std::int64_t home_id);
// Visitors signed in from `from` (the start of today, or of a shift), newest first.
Result<std::vector<Visit>> signed_in_since(db::Connection& c, std::int64_t home_id, Timestamp from);
// Visitors signed in before `before`, newest first, `limit` at a time.
Result<VisitPage> earlier_visits(db::Connection& c, std::int64_t home_id, Timestamp before,
                                 const std::optional<VisitCursor>& after, int limit);
// Every visit to the child, newest first.
Result<std::vector<Visit>> visits_to_child(db::Connection& c, std::int64_t child_id);

Result<std::vector<std::string>> not_allowed_items(db::Connection& c, std::int64_t home_id);
Status keep_not_allowed_items(db::Connection& c, std::int64_t home_id,
                              const std::vector<std::string>& items, const audit::Actor& actor,
                              Timestamp now);

// For the router: a visit is reached under its home.
Status resolve_visit_scope(db::Connection& c, std::int64_t id, Scope& scope);

}  // namespace hearth::visitors
