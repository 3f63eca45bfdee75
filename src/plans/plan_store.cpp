#include "plans/plan_store.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "chronology/chronology_store.hpp"
#include "deadlines/deadline_store.hpp"
#include "organisation/settings.hpp"

namespace hearth::plans {

namespace {

constexpr const char* version_columns =
    "v.id, v.version, v.sections, v.risk_level, v.effective_on, v.review_by, v.reason, "
    "v.child_views, v.views_not_asked, v.author_id, a.name, v.written_at, v.signed_at, "
    "COALESCE(s.name, '')";
constexpr const char* version_joins =
    "JOIN people a ON a.id = v.author_id LEFT JOIN people s ON s.id = v.signed_by";

// Reads the version columns starting at `at`.
Version version_from(const db::Row& r, std::size_t at) {
    Version v;
    v.id = r.integer(at);
    v.number = static_cast<int>(r.integer(at + 1));
    v.sections = sections_from_json(r.text(at + 2));
    v.risk_level = r.text(at + 3);
    v.effective_on = parse_date(r.text(at + 4)).value_or(Date{});
    v.review_by = parse_date(r.text(at + 5)).value_or(Date{});
    v.reason = r.text(at + 6);
    v.child_views = r.text(at + 7);
    v.views_not_asked = r.text(at + 8);
    v.author_id = r.integer(at + 9);
    v.author_name = r.text(at + 10);
    v.written_at = parse_utc(r.text(at + 11)).value_or(Timestamp{});
    if (auto at_signed = r.optional_text(at + 12)) {
        v.signed_at = parse_utc(*at_signed);
    }
    v.signed_by_name = r.text(at + 13);
    return v;
}

std::string plan_query(const std::string& where) {
    return fmt::format(
        "SELECT p.id, p.child_id, p.home_id, p.kind, p.area_name, p.created_at, {}, "
        "(SELECT MAX(l.version) FROM plan_versions l WHERE l.plan_id = p.id AND l.signed_at IS "
        "NOT NULL) "
        "FROM plans p JOIN plan_versions v ON v.plan_id = p.id AND v.version = p.current_version "
        "{} WHERE {}",
        version_columns, version_joins, where);
}

Plan plan_from(const db::Row& r) {
    Plan p;
    p.id = r.integer(0);
    p.child_id = r.integer(1);
    p.home_id = r.integer(2);
    p.kind = r.text(3);
    p.area_name = r.text(4);
    p.created_at = parse_utc(r.text(5)).value_or(Timestamp{});
    p.current = version_from(r, 6);
    if (auto signed_version = r.optional_integer(20)) {
        p.last_signed = static_cast<int>(*signed_version);
    }
    return p;
}

std::size_t kind_order(const std::string& key) {
    const auto& kinds = plan_kinds();
    for (std::size_t i = 0; i < kinds.size(); ++i) {
        if (kinds[i].key == key) {
            return i;
        }
    }
    return kinds.size();
}

std::string plan_link(const Subject& child, std::int64_t plan_id) {
    return fmt::format("/children/{}/plans/{}", child.child_id, plan_id);
}

// Kinds are only ever added, so a stored kind that Hearth no longer knows is our fault.
Result<const PlanKind*> kind_of(const Plan& p) {
    const PlanKind* k = find_kind(p.kind);
    if (!k) {
        return Error::internal("unknown plan kind " + p.kind);
    }
    return k;
}

Result<std::int64_t> insert_version(db::Connection& c, std::int64_t plan_id, int number,
                                    const VersionInput& v, const audit::Actor& actor,
                                    Timestamp now) {
    return c.insert(
        "INSERT INTO plan_versions (plan_id, version, sections, risk_level, effective_on, "
        "review_by, reason, child_views, views_not_asked, author_id, written_at) VALUES ($1, $2, "
        "$3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id",
        {plan_id, std::int64_t{number}, sections_json(v.sections), v.risk_level,
         format_date(v.effective_on), format_date(v.review_by), v.reason, v.child_views,
         v.views_not_asked, db::nullable(actor.person_id), format_utc(now)});
}

// What every new version does beside itself: its chronology entry, its review clock, its audit.
Status after_version(db::Connection& c, const Subject& child, std::int64_t plan_id,
                     const PlanKind& kind, const std::string& title, std::int64_t version_id,
                     int number, const VersionInput& v, const std::string& previous_level,
                     const audit::Actor& actor, Timestamp now) {
    const std::string link = plan_link(child, plan_id);
    chronology::NewEntry entry;
    entry.child_id = child.child_id;
    entry.home_id = child.home_id;
    entry.occurred_at = now;
    entry.kind = kind.family == Family::risk_assessment ? "risk_assessment" : "plan";
    entry.source_type = "plan_version";
    entry.source_id = version_id;
    entry.title = version_title(title, number);
    entry.summary = chronology::summarise(v.reason);
    entry.link = fmt::format("{}?version={}", link, number);
    entry.significant =
        kind.family == Family::risk_assessment && rose_to_high(previous_level, v.risk_level);
    entry.author_id = actor.person_id;
    entry.author_name = actor.name;
    TRY(chronology::record(c, entry, now));

    deadlines::NewDeadline review;
    review.home_id = child.home_id;
    review.child_id = child.child_id;
    review.kind = "plan_review";
    review.title = child.child_name.empty()
                       ? fmt::format("Review the {}", lower_first(title))
                       : fmt::format("Review {}'s {}", child.child_name, lower_first(title));
    review.source_type = "plan";
    review.source_id = plan_id;
    review.link = link;
    review.owner_role = "registered_manager";
    review.started_at = now;
    review.due_at = deadlines::end_of_local_day(v.review_by);
    TRY(deadlines::start(c, review, actor, now));

    return audit::append(
        c, actor,
        {"create", "plan_version", std::to_string(version_id), child.home_id, child.child_id,
         fmt::format("{}: {}", version_title(title, number), v.reason)},
        now);
}

}  // namespace

Result<std::vector<Plan>> for_child(db::Connection& c, std::int64_t child_id) {
    auto rows = TRY(c.query(plan_query("p.child_id = $1"), {child_id}));
    std::vector<Plan> out;
    for (const auto& r : rows) {
        out.push_back(plan_from(r));
    }
    std::stable_sort(out.begin(), out.end(), [](const Plan& a, const Plan& b) {
        const auto ka = kind_order(a.kind), kb = kind_order(b.kind);
        return ka != kb ? ka < kb : a.area_name < b.area_name;
    });
    return out;
}

Result<std::optional<Plan>> find(db::Connection& c, std::int64_t plan_id) {
    auto row = TRY(c.query_one(plan_query("p.id = $1"), {plan_id}));
    if (!row) {
        return std::optional<Plan>{};
    }
    return std::optional<Plan>{plan_from(*row)};
}

Result<std::vector<Version>> versions(db::Connection& c, std::int64_t plan_id,
                                      std::optional<int> from, int limit) {
    auto rows =
        TRY(c.query(fmt::format("SELECT {} FROM plan_versions v {} WHERE v.plan_id = $1 "
                                "AND v.version <= $2 ORDER BY v.version DESC LIMIT $3",
                                version_columns, version_joins),
                    {plan_id, std::int64_t{from.value_or(1'000'000'000)}, std::int64_t{limit}}));
    std::vector<Version> out;
    for (const auto& r : rows) {
        out.push_back(version_from(r, 0));
    }
    return out;
}

Result<std::optional<Version>> version(db::Connection& c, std::int64_t plan_id, int number) {
    auto list = TRY(versions(c, plan_id, number, 1));
    if (list.empty() || list.front().number != number) {
        return std::optional<Version>{};
    }
    return std::optional<Version>{std::move(list.front())};
}

Status load_sharing(db::Connection& c, std::vector<Version>& list) {
    for (auto& v : list) {
        auto rows =
            TRY(c.query("SELECT s.shared_with, s.named, s.shared_on, p.name FROM "
                        "plan_sharing s JOIN people p ON p.id = s.recorded_by WHERE "
                        "s.plan_version_id = $1 ORDER BY s.shared_on, s.id",
                        {v.id}));
        v.sharing.clear();
        for (const auto& r : rows) {
            v.sharing.push_back(
                {r.text(0), r.text(1), parse_date(r.text(2)).value_or(Date{}), r.text(3)});
        }
    }
    return {};
}

Result<std::int64_t> start(db::Connection& c, const Subject& child, const PlanKind& kind,
                           const std::string& area_name, const VersionInput& v,
                           const audit::Actor& actor, Timestamp now) {
    const std::string title = plan_title(kind, area_name);
    auto existing =
        TRY(c.query_one("SELECT id FROM plans WHERE child_id = $1 AND kind = $2 AND "
                        "area_name = $3",
                        {child.child_id, kind.key, area_name}));
    if (existing) {
        const std::string what = lower_first(title);
        const bool vowel = std::string_view("aeiou").find(what.front()) != std::string_view::npos;
        return Error::conflict(
            fmt::format("{} already has {} {}. Open it and write a new version with your changes.",
                        child.child_name.empty() ? std::string("This child") : child.child_name,
                        vowel ? "an" : "a", what));
    }
    auto plan_id =
        TRY(c.insert("INSERT INTO plans (child_id, home_id, kind, area_name, current_version, "
                     "created_at, created_by) VALUES ($1, $2, $3, $4, 1, $5, $6) RETURNING id",
                     {child.child_id, child.home_id, kind.key, area_name, format_utc(now),
                      db::nullable(actor.person_id)}));
    auto version_id = TRY(insert_version(c, plan_id, 1, v, actor, now));
    TRY(audit::append(
        c, actor, {"create", "plan", std::to_string(plan_id), child.home_id, child.child_id, title},
        now));
    TRY(after_version(c, child, plan_id, kind, title, version_id, 1, v, "", actor, now));
    return plan_id;
}

Result<int> add_version(db::Connection& c, const Subject& child, std::int64_t plan_id,
                        int read_version, const VersionInput& v, const audit::Actor& actor,
                        Timestamp now) {
    auto found = TRY(find(c, plan_id));
    if (!found || found->child_id != child.child_id) {
        return Error::not_found("We could not find that plan.");
    }
    const Plan& plan = *found;
    if (plan.current.number != read_version) {
        return Error::conflict(
            fmt::format("{} wrote version {} of this plan after you opened version {}.",
                        plan.current.author_name, plan.current.number, read_version));
    }
    // Checked again here, against the version this one replaces, in the same transaction.
    auto problems =
        date_problems(v.effective_on, v.review_by, local_date_of(now), plan.current.effective_on,
                      TRY(organisation::setting_of_home(c, child.home_id,
                                                        organisation::plan_review_longest_months)));
    if (!problems.empty()) {
        return Error::invalid_fields(std::move(problems));
    }
    const int number = read_version + 1;
    auto moved =
        TRY(c.execute("UPDATE plans SET current_version = $1 WHERE id = $2 AND "
                      "current_version = $3",
                      {std::int64_t{number}, plan_id, std::int64_t{read_version}}));
    if (moved != 1) {
        return Error::conflict(
            "Someone else wrote a new version of this plan after you opened it.");
    }
    const PlanKind* kind = TRY(kind_of(plan));
    const std::string title = plan_title(*kind, plan.area_name);
    auto version_id = TRY(insert_version(c, plan_id, number, v, actor, now));
    // The new version is the review the open clock waited for.
    TRY(deadlines::meet(
        c, "plan", plan_id, "plan_review", actor, now,
        fmt::format("Version {} written: {}", number, chronology::summarise(v.reason, 200))));
    TRY(after_version(c, child, plan_id, *kind, title, version_id, number, v,
                      plan.current.risk_level, actor, now));
    return number;
}

Status sign_off(db::Connection& c, const Subject& child, std::int64_t plan_id, int number,
                const audit::Actor& actor, Timestamp now) {
    auto found = TRY(find(c, plan_id));
    if (!found || found->child_id != child.child_id) {
        return Error::not_found("We could not find that plan.");
    }
    const Plan& plan = *found;
    if (plan.current.number != number) {
        return Error::conflict(fmt::format(
            "Version {} is no longer the current version: {} wrote version {} since. Read it "
            "before you sign it off.",
            number, plan.current.author_name, plan.current.number));
    }
    if (plan.current.signed_at) {
        return Error::conflict(fmt::format("Version {} was already signed off by {} on {}.", number,
                                           plan.current.signed_by_name,
                                           format_local(*plan.current.signed_at)));
    }
    // Signed once, and only while it is still the current version.
    auto n =
        TRY(c.execute("UPDATE plan_versions SET signed_by = $1, signed_at = $2 WHERE id = $3 "
                      "AND signed_at IS NULL AND version = (SELECT current_version FROM plans "
                      "WHERE id = $4)",
                      {db::nullable(actor.person_id), format_utc(now), plan.current.id, plan_id}));
    if (n != 1) {
        return Error::conflict("This version changed after you opened it. Read it again first.");
    }
    const PlanKind* kind = TRY(kind_of(plan));
    const std::string title = version_title(plan_title(*kind, plan.area_name), number);
    chronology::NewEntry entry;
    entry.child_id = child.child_id;
    entry.home_id = child.home_id;
    entry.occurred_at = now;
    entry.kind = kind->family == Family::risk_assessment ? "risk_assessment" : "plan";
    entry.source_type = "plan_sign_off";
    entry.source_id = plan.current.id;
    entry.title = title + " signed off";
    entry.summary = fmt::format("Signed off by {}, registered manager.", actor.name);
    entry.link = fmt::format("{}?version={}", plan_link(child, plan_id), number);
    entry.author_id = actor.person_id;
    entry.author_name = actor.name;
    TRY(chronology::record(c, entry, now));
    return audit::append(c, actor,
                         {"sign_off", "plan_version", std::to_string(plan.current.id),
                          child.home_id, child.child_id, title},
                         now);
}

Status record_sharing(db::Connection& c, std::int64_t plan_id, const SharingInput& s,
                      const audit::Actor& actor, Timestamp now) {
    auto plan = TRY(find(c, plan_id));
    if (!plan) {
        return Error::not_found("We could not find that plan.");
    }
    auto shared = TRY(version(c, plan_id, s.version));
    if (!shared) {
        return Error::invalid("version", fmt::format("This plan has no version {}", s.version));
    }
    if (auto problem = sharing_problem(s.shared_on, local_date_of(shared->written_at))) {
        return Error::invalid(problem->field, problem->message);
    }
    const std::string at = format_utc(now);
    std::string who;
    auto add = [&](const std::string& with, const std::string& named) -> Status {
        who += (who.empty() ? "" : ", ") + (named.empty() ? recipient_label(with) : named);
        return c.run(
            "INSERT INTO plan_sharing (plan_version_id, shared_with, named, shared_on, "
            "recorded_by, recorded_at) VALUES ($1, $2, $3, $4, $5, $6)",
            {shared->id, with, named, format_date(s.shared_on), db::nullable(actor.person_id), at});
    };
    for (const auto& with : s.with) {
        TRY(add(with, ""));
    }
    if (!s.others.empty()) {
        TRY(add("other", s.others));
    }
    const PlanKind* kind = TRY(kind_of(*plan));
    const std::string title = version_title(plan_title(*kind, plan->area_name), shared->number);
    return audit::append(
        c, actor,
        {"create", "plan_sharing", std::to_string(shared->id), plan->home_id, plan->child_id,
         fmt::format("{} shared with {} on {}", title, who, format_date(s.shared_on))},
        now);
}

Status record_read(db::Connection& c, const Subject& child, const std::string& record_type,
                   const std::string& record_id, const audit::Actor& actor, Timestamp now) {
    return audit::append(c, actor,
                         {"read", record_type, record_id, child.home_id, child.child_id, ""}, now);
}

Status resolve_scope(db::Connection& c, std::int64_t plan_id, Scope& scope) {
    auto row = TRY(c.query_one("SELECT child_id FROM plans WHERE id = $1", {plan_id}));
    if (!row || !scope.child_id || *scope.child_id != row->integer(0)) {
        return Error::not_found("We could not find that plan in this child's record.");
    }
    return {};
}

Status end_reviews_on_leaving(db::Connection& c, std::int64_t child_id, const audit::Actor& actor,
                              Timestamp now) {
    TRY(deadlines::close_for_child(
        c, child_id, "plan_review",
        "They left the home: their plans are reviewed where they live now", actor, now));
    return {};
}

}  // namespace hearth::plans
