#include "visitors/visit_store.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "children/child_store.hpp"
#include "chronology/chronology_store.hpp"
#include "organisation/homes.hpp"
#include "platform/keyset.hpp"

namespace hearth::visitors {

namespace {
constexpr const char* visit_type = "visit";

constexpr const char* visit_child_name =
    "CASE WHEN ch.preferred_name <> '' THEN ch.preferred_name ELSE ch.first_name END || ' ' || "
    "ch.last_name";

constexpr const char* visit_columns =
    "v.id, v.home_id, v.visitor_name, v.organisation, v.reason, v.visits_home, v.id_kind, "
    "v.id_other, v.id_not_seen_why, v.items, v.items_flagged, v.items_action, v.let_in_by, "
    "li.name, v.supervises_child_id, v.supervised_contact, v.supplied_by, v.signed_in_at, "
    "v.signed_out_at, COALESCE(so.name, ''), v.created_at, cb.name";
constexpr const char* visit_joins =
    "FROM visits v JOIN people li ON li.id = v.let_in_by JOIN people cb ON cb.id = v.created_by "
    "LEFT JOIN people so ON so.id = v.signed_out_by";

std::vector<std::string> visit_list_of(const std::string& text) {
    const auto json = nlohmann::json::parse(text, nullptr, false);
    return json.is_array() ? json.get<std::vector<std::string>>() : std::vector<std::string>{};
}

Visit visit_from_row(const db::Row& row) {
    Visit v;
    v.id = row.integer(0);
    v.home_id = row.integer(1);
    auto& d = v.details;
    d.visitor_name = row.text(2);
    d.organisation = row.text(3);
    d.reason = row.text(4);
    d.visits_home = row.boolean(5);
    d.id_kind = row.text(6);
    d.id_other = row.text(7);
    d.id_not_seen_why = row.text(8);
    d.items = visit_list_of(row.text(9));
    d.items_flagged = visit_list_of(row.text(10));
    d.items_action = row.text(11);
    d.let_in_by = row.integer(12);
    v.let_in_by_name = row.text(13);
    d.supervises_child_id = row.optional_integer(14);
    d.supervised_contact = row.text(15);
    d.supplied_by = row.text(16);
    d.signed_in_at = parse_utc(row.text(17)).value_or(Timestamp{});
    if (auto out = row.optional_text(18)) {
        v.signed_out_at = parse_utc(*out);
    }
    v.signed_out_by = row.text(19);
    v.created_at = parse_utc(row.text(20)).value_or(Timestamp{});
    v.created_by = row.text(21);
    return v;
}

Result<std::vector<Visit>> load_visits(db::Connection& c, const std::string& where,
                                       const db::Params& params, const std::string& order) {
    auto rows = TRY(c.query(
        fmt::format("SELECT {} {} WHERE {} ORDER BY {}", visit_columns, visit_joins, where, order),
        params));
    std::vector<Visit> out;
    for (const auto& row : rows) {
        out.push_back(visit_from_row(row));
    }
    for (auto& v : out) {
        for (const auto& row : TRY(c.query(
                 fmt::format("SELECT ch.id, {} FROM visit_children vc JOIN children ch ON ch.id = "
                             "vc.child_id WHERE vc.visit_id = $1 ORDER BY ch.first_name, ch.id",
                             visit_child_name),
                 {v.id}))) {
            v.children.push_back({row.integer(0), row.text(1)});
            v.details.children.push_back(row.integer(0));
            if (v.details.supervises_child_id == row.integer(0)) {
                v.supervised_child_name = row.text(1);
            }
        }
    }
    return out;
}

std::string visit_link(std::int64_t home_id, std::int64_t id) {
    return fmt::format("/homes/{}/visitors/{}", home_id, id);
}

// The line in one child's chronology: about that child only, never naming another (a visit to
// several children keeps its reason in the visitors' book).
chronology::NewEntry visit_entry(const Visit& v, std::int64_t child_id, const audit::Actor& actor) {
    const auto& d = v.details;
    const std::string who =
        d.organisation.empty() ? d.visitor_name : d.visitor_name + " (" + d.organisation + ")";
    const bool supervising = d.supervises_child_id == child_id;
    const std::string title = supervising ? fmt::format("Visitor: {}, supervising contact with {}",
                                                        who, d.supervised_contact)
                                          : "Visitor: " + who;
    const std::string summary = v.details.children.size() == 1
                                    ? chronology::summarise(d.reason)
                                    : "A visit to more than one child of the home: the reason is "
                                      "in the home's visitors' book.";
    return {child_id,  v.home_id,  d.signed_in_at,
            "visitor", visit_type, v.id,
            title,     summary,    visit_link(v.home_id, v.id),
            false,     false,      actor.person_id,
            actor.name};
}
}  // namespace

std::string encode(const VisitCursor& c) {
    return keyset_text(format_utc(c.signed_in_at), c.id);
}

std::optional<VisitCursor> decode_visit_cursor(const std::string& text) {
    auto parts = keyset_parts(text);
    if (!parts) {
        return std::nullopt;
    }
    auto at = parse_utc(parts->first);
    if (!at) {
        return std::nullopt;
    }
    return VisitCursor{*at, parts->second};
}

Result<Door> door_of(db::Connection& c, std::int64_t home_id) {
    Door out;
    for (const auto& child : TRY(children::in_home(c, home_id))) {
        out.rules.children.push_back(child.id);
        out.children.push_back({child.id, children::display_name(child.details)});
    }
    for (const auto& p : TRY(organisation::people_of_home(c, home_id))) {
        const bool works_here = std::any_of(p.roles.begin(), p.roles.end(), [](Role r) {
            return r == Role::registered_manager || r == Role::deputy || r == Role::support_worker;
        });
        if (works_here && !p.disabled) {
            out.rules.staff.push_back(p.person_id);
            out.staff.push_back({p.person_id, p.name});
        }
    }
    out.rules.not_allowed = TRY(not_allowed_items(c, home_id));
    return out;
}

Result<std::int64_t> sign_in(db::Connection& c, std::int64_t home_id, const VisitDetails& d,
                             const audit::Actor& actor, Timestamp now) {
    if (!actor.person_id) {
        return Error::internal("a visitor is signed in by someone signed in");
    }
    const auto id = TRY(c.insert(
        "INSERT INTO visits (home_id, visitor_name, organisation, reason, visits_home, id_kind, "
        "id_other, id_not_seen_why, items, items_flagged, items_action, let_in_by, "
        "supervises_child_id, supervised_contact, supplied_by, signed_in_at, created_at, "
        "created_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, "
        "$16, $17, $18) RETURNING id",
        {home_id, d.visitor_name, d.organisation, d.reason, std::int64_t{d.visits_home ? 1 : 0},
         d.id_kind, d.id_other, d.id_not_seen_why, nlohmann::json(d.items).dump(),
         nlohmann::json(d.items_flagged).dump(), d.items_action, d.let_in_by,
         db::nullable(d.supervises_child_id), d.supervised_contact, d.supplied_by,
         format_utc(d.signed_in_at), format_utc(now), *actor.person_id}));
    Visit made;
    made.id = id;
    made.home_id = home_id;
    made.details = d;
    for (const auto child_id : d.children) {
        auto child = TRY(children::find(c, child_id));
        if (!child || child->home_id != home_id) {
            return Error::invalid("visiting", "Choose a child who lives in this home");
        }
        TRY(c.run("INSERT INTO visit_children (visit_id, child_id) VALUES ($1, $2)",
                  {id, child_id}));
    }
    for (const auto child_id : d.children) {
        TRY(chronology::record(c, visit_entry(made, child_id, actor), now));
    }
    std::string detail =
        fmt::format("{} signed in at {}", d.visitor_name, format_utc(d.signed_in_at));
    if (!d.items_flagged.empty()) {
        detail +=
            fmt::format("; {} item(s) not allowed in: {}", d.items_flagged.size(), d.items_action);
    }
    TRY(audit::append(c, actor,
                      {"create", visit_type, std::to_string(id), home_id, std::nullopt, detail},
                      {"visits", id}, now));
    return id;
}

Status sign_out(db::Connection& c, std::int64_t visit_id, Timestamp left_at,
                const audit::Actor& actor, Timestamp now) {
    auto found = TRY(find_visit(c, visit_id));
    if (!found) {
        return Error::not_found("We could not find that visit.");
    }
    if (found->signed_out_at) {
        return Error::conflict(fmt::format("{} was signed out already, at {}.",
                                           found->details.visitor_name,
                                           format_local(*found->signed_out_at)));
    }
    if (left_at <= found->details.signed_in_at) {
        return Error::invalid("signed_out_time",
                              "The time they left must be after they signed in, at " +
                                  format_local(found->details.signed_in_at));
    }
    TRY(
        c.run("UPDATE visits SET signed_out_at = $1, signed_out_by = $2, version = version + 1 "
              "WHERE id = $3 AND signed_out_at IS NULL",
              {format_utc(left_at), *actor.person_id, visit_id}));
    return audit::append(
        c, actor,
        {"sign_out", visit_type, std::to_string(visit_id), found->home_id, std::nullopt,
         fmt::format("{} signed out at {}", found->details.visitor_name, format_utc(left_at))},
        {"visits", visit_id}, now);
}

Result<std::optional<Visit>> find_visit(db::Connection& c, std::int64_t id) {
    auto found = TRY(load_visits(c, "v.id = $1", {id}, "v.id"));
    if (found.empty()) {
        return std::optional<Visit>{};
    }
    return std::optional<Visit>{std::move(found.front())};
}

Result<std::vector<Visit>> in_building(db::Connection& c, std::int64_t home_id) {
    return load_visits(c, "v.home_id = $1 AND v.signed_out_at IS NULL", {home_id},
                       "v.signed_in_at, v.id");
}

Result<std::vector<Visit>> signed_in_since(db::Connection& c, std::int64_t home_id,
                                           Timestamp from) {
    return load_visits(c, "v.home_id = $1 AND v.signed_in_at >= $2", {home_id, format_utc(from)},
                       "v.signed_in_at DESC, v.id DESC");
}

Result<VisitPage> earlier_visits(db::Connection& c, std::int64_t home_id, Timestamp before,
                                 const std::optional<VisitCursor>& after, int limit) {
    std::vector<Visit> found;
    if (after) {
        found = TRY(load_visits(
            c,
            "v.home_id = $1 AND v.signed_in_at < $2 AND (v.signed_in_at < $3 OR (v.signed_in_at "
            "= $3 AND v.id < $4))",
            {home_id, format_utc(before), format_utc(after->signed_in_at), after->id,
             std::int64_t{limit + 1}},
            "v.signed_in_at DESC, v.id DESC LIMIT $5"));
    } else {
        found = TRY(load_visits(c, "v.home_id = $1 AND v.signed_in_at < $2",
                                {home_id, format_utc(before), std::int64_t{limit + 1}},
                                "v.signed_in_at DESC, v.id DESC LIMIT $3"));
    }
    VisitPage page;
    if (static_cast<int>(found.size()) > limit) {
        found.pop_back();
        page.next = VisitCursor{found.back().details.signed_in_at, found.back().id};
    }
    page.visits = std::move(found);
    return page;
}

Result<std::vector<Visit>> visits_to_child(db::Connection& c, std::int64_t child_id) {
    return load_visits(c,
                       "v.id IN (SELECT vc.visit_id FROM visit_children vc WHERE vc.child_id = $1)",
                       {child_id}, "v.signed_in_at DESC, v.id DESC");
}

Result<std::vector<std::string>> not_allowed_items(db::Connection& c, std::int64_t home_id) {
    auto row =
        TRY(c.query_one("SELECT items FROM visitor_item_lists WHERE home_id = $1", {home_id}));
    return row ? visit_list_of(row->text(0)) : std::vector<std::string>{};
}

Status keep_not_allowed_items(db::Connection& c, std::int64_t home_id,
                              const std::vector<std::string>& items, const audit::Actor& actor,
                              Timestamp now) {
    if (!actor.person_id) {
        return Error::internal("the home's list is kept by someone signed in");
    }
    const auto before = TRY(not_allowed_items(c, home_id));
    if (before == items) {
        return {};
    }
    const std::string text = nlohmann::json(items).dump();
    auto row = TRY(c.query_one("SELECT id FROM visitor_item_lists WHERE home_id = $1", {home_id}));
    std::int64_t id = 0;
    if (row) {
        id = row->integer(0);
        TRY(
            c.run("UPDATE visitor_item_lists SET items = $1, updated_at = $2, updated_by = $3, "
                  "version = version + 1 WHERE id = $4",
                  {text, format_utc(now), *actor.person_id, id}));
    } else {
        id = TRY(c.insert(
            "INSERT INTO visitor_item_lists (home_id, items, updated_at, updated_by) VALUES ($1, "
            "$2, $3, $4) RETURNING id",
            {home_id, text, format_utc(now), *actor.person_id}));
    }
    return audit::append(
        c, actor,
        {"change", "visitor_item_list", std::to_string(id), home_id, std::nullopt,
         fmt::format("items not allowed in: {}; was {}", text, nlohmann::json(before).dump())},
        {"visitor_item_lists", id}, now);
}

Status resolve_visit_scope(db::Connection& c, std::int64_t id, Scope& scope) {
    auto row = TRY(c.query_one("SELECT home_id FROM visits WHERE id = $1", {id}));
    if (!row || !scope.home_id || row->integer(0) != *scope.home_id) {
        return Error::not_found("We could not find that visit.");
    }
    return {};
}

}  // namespace hearth::visitors
