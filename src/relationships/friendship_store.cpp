#include "relationships/friendship_store.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "children/child_store.hpp"
#include "chronology/chronology_store.hpp"
#include "deadlines/deadline_store.hpp"

namespace hearth::relationships {

namespace {
constexpr const char* friendship_type = "friendship";

Result<std::vector<Friendship>> load_friendships(db::Connection& c, const std::string& where,
                                                 const db::Params& params) {
    auto rows = TRY(c.query(
        fmt::format(
            "SELECT f.id, f.home_id, f.child_id, f.other_child_id, f.with_name, f.who_they_are, "
            "f.what_it_means, f.created_at, p.name, CASE WHEN o.id IS NULL THEN '' WHEN "
            "o.preferred_name <> '' THEN o.preferred_name || ' ' || o.last_name ELSE "
            "o.first_name || ' ' || o.last_name END FROM friendships f JOIN people p ON p.id = "
            "f.created_by LEFT JOIN children o ON o.id = f.other_child_id WHERE {} ORDER BY f.id "
            "DESC",
            where),
        params));
    std::vector<Friendship> out;
    for (const auto& row : rows) {
        Friendship f;
        f.id = row.integer(0);
        f.home_id = row.integer(1);
        f.child_id = row.integer(2);
        f.details.other_child_id = row.optional_integer(3);
        f.details.with_name = row.text(4);
        f.details.who_they_are = row.text(5);
        f.details.what_it_means = row.text(6);
        f.created_at = parse_utc(row.text(7)).value_or(Timestamp{});
        f.created_by = row.text(8);
        f.other_child_name = row.text(9);
        out.push_back(std::move(f));
    }
    for (auto& f : out) {
        for (const auto& row : TRY(c.query(
                 "SELECT r.id, r.influence, r.noticed, r.plan, r.plan_detail, r.risk_plan_id, "
                 "r.reviewed_at, p.name, r.look_again_by FROM friendship_reviews r JOIN people "
                 "p ON p.id = "
                 "r.reviewed_by WHERE r.friendship_id = $1 ORDER BY r.id",
                 {f.id}))) {
            FriendshipLookRecord rec;
            rec.id = row.integer(0);
            rec.look.influence = row.text(1);
            rec.look.noticed = row.text(2);
            rec.look.plan = row.text(3);
            rec.look.ended = rec.look.plan == "ended";
            rec.look.plan = rec.look.ended ? "" : rec.look.plan;
            rec.look.plan_detail = row.text(4);
            rec.look.risk_plan_id = row.optional_integer(5);
            rec.looked_at = parse_utc(row.text(6)).value_or(Timestamp{});
            rec.looked_by = row.text(7);
            if (auto by = row.optional_text(8)) {
                rec.look.look_again_by = parse_date(*by);
            }
            f.looks.push_back(std::move(rec));
        }
        if (!f.looks.empty()) {
            f.details.look = f.looks.front().look;
        }
    }
    return out;
}

Result<std::int64_t> insert_look(db::Connection& c, std::int64_t friendship_id,
                                 const FriendshipLook& look, const audit::Actor& actor,
                                 Timestamp now) {
    return c.insert(
        "INSERT INTO friendship_reviews (friendship_id, influence, noticed, plan, plan_detail, "
        "risk_plan_id, reviewed_at, reviewed_by, look_again_by) VALUES ($1, $2, $3, $4, $5, $6, "
        "$7, $8, $9) RETURNING id",
        {friendship_id, look.influence, look.noticed, look.ended ? std::string("ended") : look.plan,
         look.plan_detail, db::nullable(look.risk_plan_id), format_utc(now), *actor.person_id,
         look.look_again_by ? db::Value{format_date(*look.look_again_by)} : db::Value{}});
}

// Each look meets the clock the one before set, and sets its own when it is to be looked at again.
// Filed under the child, whose deadlines their social worker reads: a friend who lives here is
// not named.
Status set_look_clock(db::Connection& c, std::int64_t id, std::int64_t home_id,
                      std::int64_t child_id, const std::string& child_name,
                      const FriendshipDetails& d, const FriendshipLook& look,
                      const audit::Actor& actor, Timestamp now) {
    TRY(deadlines::meet(c, friendship_type, id, friendship_look_clock, actor, now,
                        look.ended ? "The friendship ended" : "Looked at again"));
    if (!look.look_again_by) {
        return {};
    }
    deadlines::NewDeadline clock;
    clock.home_id = home_id;
    clock.child_id = child_id;
    clock.kind = friendship_look_clock;
    clock.title = fmt::format("Look again at {}'s friendship with {}",
                              child_name.substr(0, child_name.find(' ')),
                              d.other_child_id ? "another young person" : d.with_name);
    clock.source_type = friendship_type;
    clock.source_id = id;
    clock.link = fmt::format("/children/{}/relationships/friendships/{}", child_id, id);
    clock.started_at = now;
    clock.due_at = deadlines::end_of_local_day(*look.look_again_by);
    TRY(deadlines::start(c, clock, actor, now));
    return {};
}

// The child's chronology line: the friend outside the home by name, one who lives here never.
std::string friendship_title(const FriendshipDetails& d, const FriendshipLook& look, bool first) {
    const std::string who = d.other_child_id ? "another young person" : d.with_name;
    if (look.ended) {
        return "Friendship with " + who + " ended";
    }
    return fmt::format("{} with {}: {}", first ? "Friendship" : "Friendship looked at again", who,
                       label_in(friendship_influences(), look.influence));
}

Status chronicle_friendship(db::Connection& c, std::int64_t child_id, std::int64_t home_id,
                            std::int64_t id, const std::string& title, const FriendshipLook& look,
                            std::int64_t source_id, const std::string& source_type,
                            const audit::Actor& actor, Timestamp now) {
    const std::string plan =
        look.ended ? look.noticed
                   : label_in(friendship_plans(), look.plan) + ". " + look.plan_detail;
    TRY(chronology::record(
        c,
        {child_id, home_id, now, "friendship", source_type, source_id, title,
         chronology::summarise(plan),
         fmt::format("/children/{}/relationships/friendships/{}", child_id, id),
         needs_risk_assessment(look.influence), false, actor.person_id, actor.name},
        now));
    return {};
}
}  // namespace

Result<std::int64_t> record_friendship(db::Connection& c, std::int64_t child_id,
                                       const FriendshipDetails& d, const audit::Actor& actor,
                                       Timestamp now) {
    if (!actor.person_id) {
        return Error::internal("a friendship needs a signed-in author");
    }
    auto child = TRY(children::find(c, child_id));
    if (!child) {
        return Error::not_found("We could not find that child's record.");
    }
    if (d.other_child_id) {
        auto other = TRY(children::find(c, *d.other_child_id));
        if (!other || other->home_id != child->home_id || other->left_on || other->id == child_id) {
            return Error::invalid("other_child_id",
                                  "Choose another child who lives in the home now");
        }
    }
    const auto id = TRY(c.insert(
        "INSERT INTO friendships (home_id, child_id, other_child_id, with_name, who_they_are, "
        "what_it_means, created_at, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) "
        "RETURNING id",
        {child->home_id, child_id, db::nullable(d.other_child_id), d.with_name, d.who_they_are,
         d.what_it_means, format_utc(now), *actor.person_id}));
    TRY(insert_look(c, id, d.look, actor, now));
    TRY(set_look_clock(c, id, child->home_id, child_id, children::display_name(child->details), d,
                       d.look, actor, now));
    TRY(chronicle_friendship(c, child_id, child->home_id, id, friendship_title(d, d.look, true),
                             d.look, id, friendship_type, actor, now));
    TRY(audit::append(c, actor,
                      {"create", friendship_type, std::to_string(id), child->home_id, child_id,
                       fmt::format("friendship recorded ({}; {})",
                                   label_in(friendship_influences(), d.look.influence),
                                   label_in(friendship_plans(), d.look.plan))},
                      {"friendships", id}, now));
    return id;
}

Status look_again_at_friendship(db::Connection& c, std::int64_t id, const FriendshipLook& look,
                                const audit::Actor& actor, Timestamp now) {
    if (!actor.person_id) {
        return Error::internal("a friendship needs a signed-in author");
    }
    auto found = TRY(find_friendship(c, id));
    if (!found) {
        return Error::not_found("We could not find that friendship.");
    }
    if (found->now().ended) {
        return Error::conflict("This friendship was recorded as ended.");
    }
    const auto look_id = TRY(insert_look(c, id, look, actor, now));
    auto child = TRY(children::find(c, found->child_id));
    TRY(set_look_clock(c, id, found->home_id, found->child_id,
                       child ? children::display_name(child->details) : "", found->details, look,
                       actor, now));
    TRY(chronicle_friendship(c, found->child_id, found->home_id, id,
                             friendship_title(found->details, look, false), look, look_id,
                             "friendship_review", actor, now));
    return audit::append(
        c, actor,
        {"review", friendship_type, std::to_string(id), found->home_id, found->child_id,
         look.ended ? "ended"
                    : fmt::format("{}; {}", label_in(friendship_influences(), look.influence),
                                  label_in(friendship_plans(), look.plan))},
        {"friendships", id}, now);
}

Result<std::optional<Friendship>> find_friendship(db::Connection& c, std::int64_t id) {
    auto found = TRY(load_friendships(c, "f.id = $1", {id}));
    if (found.empty()) {
        return std::optional<Friendship>{};
    }
    return std::optional<Friendship>{std::move(found.front())};
}

Result<std::vector<Friendship>> friendships_of(db::Connection& c, std::int64_t child_id) {
    auto all = TRY(load_friendships(c, "f.child_id = $1", {child_id}));
    std::stable_partition(all.begin(), all.end(),
                          [](const Friendship& f) { return !f.now().ended; });
    return all;
}

Status record_friendship_read(db::Connection& c, const Friendship& f, const Reader& reader,
                              const audit::Actor& actor, Timestamp now) {
    TRY(audit::append(
        c, actor, {"read", friendship_type, std::to_string(f.id), f.home_id, f.child_id, ""}, now));
    if (f.details.other_child_id && may_read_child(reader, f.home_id, *f.details.other_child_id)) {
        TRY(audit::append(c, actor,
                          {"read", friendship_type, std::to_string(f.id), f.home_id,
                           *f.details.other_child_id, ""},
                          now));
    }
    return {};
}

Status resolve_friendship_scope(db::Connection& c, std::int64_t id, Scope& scope) {
    auto row = TRY(c.query_one("SELECT child_id FROM friendships WHERE id = $1", {id}));
    if (!row || !scope.child_id || row->integer(0) != *scope.child_id) {
        return Error::not_found("We could not find that friendship.");
    }
    return {};
}

}  // namespace hearth::relationships
