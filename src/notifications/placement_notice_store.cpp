#include "notifications/placement_notice_store.hpp"

#include <fmt/format.h>

#include "children/child_store.hpp"
#include "deadlines/deadline_store.hpp"
#include "organisation/settings.hpp"
#include "platform/amendments.hpp"

namespace hearth::notifications {

namespace {
constexpr const char* notice_type = "placement_notice";

constexpr const char* notice_columns =
    "n.id, n.home_id, n.child_id, n.occasion, n.occurred_on, n.local_authority, n.contents, "
    "n.sent_to, n.method, n.reference, n.sent_at, COALESCE(s.name, ''), COALESCE(r.name, ''), "
    "n.withdrawn_reason, n.created_at, "
    "CASE WHEN ch.preferred_name <> '' THEN ch.preferred_name ELSE ch.first_name END || ' ' || "
    "ch.last_name";
constexpr const char* notice_joins =
    "FROM placement_notices n JOIN children ch ON ch.id = n.child_id "
    "LEFT JOIN people s ON s.id = n.sent_by LEFT JOIN people r ON r.id = n.recorded_by";

PlacementNotice notice_from_row(const db::Row& r) {
    PlacementNotice n;
    n.id = r.integer(0);
    n.home_id = r.integer(1);
    n.child_id = r.integer(2);
    n.occasion = r.text(3);
    n.occurred_on = parse_date(r.text(4)).value_or(Date{});
    n.local_authority = r.text(5);
    if (!r.text(6).empty()) {
        n.sent = notice_from_json(nlohmann::json::parse(r.text(6), nullptr, false));
    }
    n.sent_to = r.text(7);
    n.method = r.text(8);
    n.reference = r.text(9);
    if (auto at = r.optional_text(10)) {
        n.sent_at = parse_utc(*at);
    }
    n.sent_by_name = r.text(11);
    n.recorded_by_name = r.text(12);
    n.withdrawn_reason = r.text(13);
    n.created_at = parse_utc(r.text(14)).value_or(Timestamp{});
    n.child_name = r.text(15);
    return n;
}

Result<std::vector<PlacementNotice>> load_notices(db::Connection& c, const std::string& where,
                                                  const db::Params& params,
                                                  const std::string& tail = "") {
    auto rows = TRY(c.query(fmt::format("SELECT {} {} WHERE {} ORDER BY n.occurred_on DESC, "
                                        "n.id DESC {}",
                                        notice_columns, notice_joins, where, tail),
                            params));
    std::vector<PlacementNotice> out;
    for (const auto& r : rows) {
        out.push_back(notice_from_row(r));
    }
    return out;
}

struct HomeAuthority {
    std::string name;
    std::string urn;
    std::string local_authority;
};

Result<HomeAuthority> home_authority(db::Connection& c, std::int64_t home_id) {
    auto row = TRY(c.query_one("SELECT name, ofsted_urn, local_authority FROM homes WHERE id = $1",
                               {home_id}));
    if (!row) {
        return Error::not_found("We could not find that home.");
    }
    return HomeAuthority{row->text(0), row->text(1), row->text(2)};
}

std::optional<Date> day_of(const children::Child& child, const std::string& occasion) {
    if (occasion == admission) {
        return child.details.admission_date;
    }
    return child.left_on;
}

Status start_notice_clock(db::Connection& c, const PlacementNotice& n, const std::string& name,
                          const audit::Actor& actor, Timestamp now) {
    deadlines::NewDeadline clock;
    clock.home_id = n.home_id;
    clock.child_id = n.child_id;
    clock.kind = notice_clock_kind;
    clock.title =
        fmt::format("Send {} notice of {}'s {} (Reg 41)",
                    n.local_authority.empty() ? "the home's local authority" : n.local_authority,
                    name, n.occasion == admission ? "admission" : "leaving");
    clock.source_type = notice_type;
    clock.source_id = n.id;
    clock.link = fmt::format("/children/{}/placement-notices/{}", n.child_id, n.id);
    clock.started_at = children::instant_of(n.occurred_on, now);
    clock.due_at = clock.started_at + std::chrono::hours{TRY(organisation::setting_of_home(
                                          c, n.home_id, organisation::reg41_target_hours))};
    TRY(deadlines::start(c, clock, actor, now));
    return {};
}

Result<std::optional<PlacementNotice>> notice_for(db::Connection& c, std::int64_t child_id,
                                                  const std::string& occasion) {
    auto found = TRY(load_notices(c, "n.child_id = $1 AND n.occasion = $2", {child_id, occasion}));
    if (found.empty()) {
        return std::optional<PlacementNotice>{};
    }
    return std::optional<PlacementNotice>{std::move(found.front())};
}

Status owe(db::Connection& c, const children::Child& child, const std::string& occasion,
           const audit::Actor& actor, Timestamp now) {
    const auto day = day_of(child, occasion);
    if (!day) {
        return {};
    }
    const auto home = TRY(home_authority(c, child.home_id));
    if (!notice_owed(home.local_authority, child.details.placing_authority)) {
        return {};
    }
    if (TRY(notice_for(c, child.id, occasion))) {
        return {};
    }
    PlacementNotice n;
    n.home_id = child.home_id;
    n.child_id = child.id;
    n.occasion = occasion;
    n.occurred_on = *day;
    n.local_authority = home.local_authority;
    n.id =
        TRY(c.insert("INSERT INTO placement_notices (home_id, child_id, occasion, occurred_on, "
                     "local_authority, created_at, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7) "
                     "RETURNING id",
                     {n.home_id, n.child_id, occasion, format_date(*day), home.local_authority,
                      format_utc(now), db::nullable(actor.person_id)}));
    TRY(start_notice_clock(c, n, children::known_as(child.details), actor, now));
    return audit::append(
        c, actor,
        {"create", notice_type, std::to_string(n.id), n.home_id, n.child_id,
         fmt::format("{} notice owed to {} (Reg 41)", occasion, home.local_authority)},
        {"placement_notices", n.id}, now);
}

Result<children::Child> child_of(db::Connection& c, std::int64_t child_id) {
    auto child = TRY(children::find(c, child_id));
    if (!child) {
        return Error::not_found("We could not find that child's record.");
    }
    return std::move(*child);
}

// Whether the placing authority named before this amendment was the home's own: then no notice
// was owed at the admission, and one is owed now that it is not.
Result<bool> was_owed_before(db::Connection& c, std::int64_t child_id,
                             const std::string& home_authority) {
    auto versions = TRY(amendments::versions_of(c, children::child_record_type, child_id));
    if (versions.size() < 2) {
        return true;
    }
    const auto before = children::from_json(versions[1].record);
    return notice_owed(home_authority, before.placing_authority);
}
}  // namespace

Status owe_on_admission(db::Connection& c, std::int64_t child_id, const audit::Actor& actor,
                        Timestamp now) {
    return owe(c, TRY(child_of(c, child_id)), admission, actor, now);
}

Status owe_on_leaving(db::Connection& c, std::int64_t child_id, const audit::Actor& actor,
                      Timestamp now) {
    return owe(c, TRY(child_of(c, child_id)), leaving, actor, now);
}

Status follow_case_record(db::Connection& c, std::int64_t child_id, const audit::Actor& actor,
                          Timestamp now) {
    const auto child = TRY(child_of(c, child_id));
    const auto home = TRY(home_authority(c, child.home_id));
    const bool owed = notice_owed(home.local_authority, child.details.placing_authority);
    for (const std::string occasion : {admission, leaving}) {
        const auto day = day_of(child, occasion);
        if (!day) {
            continue;
        }
        auto existing = TRY(notice_for(c, child_id, occasion));
        if (!existing) {
            if (owed && !TRY(was_owed_before(c, child_id, home.local_authority))) {
                TRY(owe(c, child, occasion, actor, now));
            }
            continue;
        }
        const auto& n = *existing;
        if (n.sent) {
            continue;  // what was sent stays as it was sent
        }
        if (!owed && n.withdrawn_reason.empty()) {
            const std::string reason = fmt::format(
                "The case record now names {} as the placing authority: it is the local "
                "authority where the home is, and needs no notice (Reg 41(2))",
                child.details.placing_authority);
            TRY(
                c.run("UPDATE placement_notices SET withdrawn_reason = $1, version = version + 1 "
                      "WHERE id = $2",
                      {reason, n.id}));
            TRY(deadlines::close(c, notice_type, n.id, notice_clock_kind, reason, actor, now));
            TRY(audit::append(
                c, actor,
                {"withdraw", notice_type, std::to_string(n.id), n.home_id, child_id, reason},
                {"placement_notices", n.id}, now));
        } else if (owed && !n.withdrawn_reason.empty()) {
            TRY(
                c.run("UPDATE placement_notices SET withdrawn_reason = '', occurred_on = $1, "
                      "local_authority = $2, version = version + 1 WHERE id = $3",
                      {format_date(*day), home.local_authority, n.id}));
            PlacementNotice again = n;
            again.occurred_on = *day;
            again.local_authority = home.local_authority;
            TRY(start_notice_clock(c, again, children::known_as(child.details), actor, now));
            TRY(audit::append(c, actor,
                              {"amend", notice_type, std::to_string(n.id), n.home_id, child_id,
                               "owed again: the placing authority is not the home's own"},
                              {"placement_notices", n.id}, now));
        } else if (owed && n.occurred_on != *day) {
            TRY(
                c.run("UPDATE placement_notices SET occurred_on = $1, version = version + 1 "
                      "WHERE id = $2",
                      {format_date(*day), n.id}));
            const auto started = children::instant_of(*day, now);
            const auto due = started + std::chrono::hours{TRY(organisation::setting_of_home(
                                           c, n.home_id, organisation::reg41_target_hours))};
            TRY(deadlines::move(c, notice_type, n.id, notice_clock_kind, started, due,
                                fmt::format("The case record now gives the {} as {}", occasion,
                                            format_local_date(*day)),
                                actor, now));
        }
    }
    return {};
}

Status record_sent(db::Connection& c, std::int64_t notice_id, const Sending& s,
                   const audit::Actor& actor, Timestamp now) {
    if (!actor.person_id) {
        return Error::internal("a notice needs a signed-in author");
    }
    auto found = TRY(find_notice(c, notice_id));
    if (!found) {
        return Error::not_found("We could not find that notice.");
    }
    if (found->sent) {
        return Error::conflict(
            fmt::format("This notice was recorded as sent already: {} sent it "
                        "{}.",
                        found->sent_by_name, format_local(*found->sent_at)));
    }
    if (!found->withdrawn_reason.empty()) {
        return Error::conflict("No notice is owed: " + found->withdrawn_reason);
    }
    const auto contents = as_sent(TRY(contents_of(c, *found)), s);
    TRY(
        c.run("UPDATE placement_notices SET contents = $1, sent_to = $2, method = $3, "
              "reference = $4, sent_at = $5, sent_by = $6, recorded_by = $7, recorded_at = $8, "
              "version = version + 1 WHERE id = $9 AND sent_at IS NULL",
              {to_json(contents).dump(), s.sent_to, s.method, s.reference, format_utc(s.sent_at),
               s.sent_by, *actor.person_id, format_utc(now), notice_id}));
    TRY(audit::append(
        c, actor,
        {"notify", notice_type, std::to_string(notice_id), found->home_id, found->child_id,
         fmt::format("{} notice sent to {} by {} at {}", found->occasion, s.sent_to,
                     label_in(written_methods(), s.method), format_utc(s.sent_at))},
        {"placement_notices", notice_id}, now));
    // Met when it was sent, which may be before it was written down here.
    TRY(deadlines::meet(c, notice_type, notice_id, notice_clock_kind, actor, s.sent_at,
                        "The notice was sent to " + s.sent_to));
    return {};
}

Result<std::optional<PlacementNotice>> find_notice(db::Connection& c, std::int64_t notice_id) {
    auto found = TRY(load_notices(c, "n.id = $1", {notice_id}));
    if (found.empty()) {
        return std::optional<PlacementNotice>{};
    }
    return std::optional<PlacementNotice>{std::move(found.front())};
}

Result<std::vector<PlacementNotice>> notices_of_home(db::Connection& c, std::int64_t home_id,
                                                     std::optional<std::int64_t> before,
                                                     int limit) {
    if (before) {
        return load_notices(c,
                            "n.home_id = $1 AND (n.occurred_on, n.id) < (SELECT x.occurred_on, "
                            "x.id FROM placement_notices x WHERE x.id = $2)",
                            {home_id, *before, std::int64_t{limit}}, "LIMIT $3");
    }
    return load_notices(c, "n.home_id = $1", {home_id, std::int64_t{limit}}, "LIMIT $2");
}

Result<std::vector<PlacementNotice>> notices_of_child(db::Connection& c, std::int64_t child_id) {
    return load_notices(c, "n.child_id = $1", {child_id});
}

Result<NoticeContents> contents_of(db::Connection& c, const PlacementNotice& n) {
    if (n.sent) {
        return *n.sent;
    }
    const auto child = TRY(child_of(c, n.child_id));
    const auto home = TRY(home_authority(c, n.home_id));
    return draft_notice(n.occasion, n.occurred_on, home.name, home.urn, n.local_authority,
                        child.details);
}

Status record_notice_read(db::Connection& c, const PlacementNotice& n, const std::string& how,
                          const audit::Actor& actor, Timestamp now) {
    return audit::append(
        c, actor, {"read", notice_type, std::to_string(n.id), n.home_id, n.child_id, how}, now);
}

Status resolve_notice_scope(db::Connection& c, std::int64_t notice_id, Scope& scope) {
    auto row = TRY(
        c.query_one("SELECT home_id, child_id FROM placement_notices WHERE id = $1", {notice_id}));
    const bool under_child = scope.child_id.has_value();
    if (!row || (under_child && row->integer(1) != *scope.child_id) ||
        (!under_child && scope.home_id && row->integer(0) != *scope.home_id)) {
        return Error::not_found("We could not find that notice.");
    }
    return {};
}

}  // namespace hearth::notifications
