#include "contact/arrangement_store.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "children/child_store.hpp"
#include "children/family/family_store.hpp"
#include "chronology/chronology_store.hpp"
#include "contact/contact_log.hpp"
#include "deadlines/deadline_store.hpp"
#include "plans/plan_kinds.hpp"
#include "plans/plan_store.hpp"

namespace hearth::contact {

namespace {
constexpr const char* arrangement_type = "contact_arrangement";

constexpr const char* arrangement_columns =
    "a.id, a.home_id, a.child_id, a.family_member_id, a.person, a.forms, a.how_often, a.place, "
    "a.supervision, a.supervised_by, a.letterbox, a.agreed_with, a.agreed_on, a.child_view, "
    "a.less_than_wished, a.starts_on, a.ended_on, a.end_reason, a.social_worker_confirmed_at, "
    "COALESCE(sw.name, ''), a.created_at, cb.name, a.version";
constexpr const char* arrangement_joins =
    "FROM contact_arrangements a JOIN people cb ON cb.id = a.created_by "
    "LEFT JOIN people sw ON sw.id = a.social_worker_confirmed_by";

Arrangement arrangement_from_row(const db::Row& row) {
    Arrangement a;
    a.id = row.integer(0);
    a.home_id = row.integer(1);
    a.child_id = row.integer(2);
    auto& d = a.details;
    d.family_member_id = row.optional_integer(3);
    d.person = row.text(4);
    const auto forms = nlohmann::json::parse(row.text(5), nullptr, false);
    if (forms.is_array()) {
        d.forms = forms.get<std::vector<std::string>>();
    }
    d.how_often = row.text(6);
    d.place = row.text(7);
    d.supervision = row.text(8);
    d.supervised_by = row.text(9);
    d.letterbox = row.integer(10) != 0;
    d.agreed_with = row.text(11);
    d.agreed_on = parse_date(row.text(12)).value_or(Date{});
    d.child_view = row.text(13);
    d.less_than_wished = row.text(14);
    d.starts_on = parse_date(row.text(15)).value_or(Date{});
    if (auto ended = row.optional_text(16)) {
        a.ended_on = parse_date(*ended);
    }
    a.end_reason = row.text(17);
    if (auto at = row.optional_text(18)) {
        a.social_worker_confirmed_at = parse_utc(*at);
    }
    a.social_worker_confirmed_by = row.text(19);
    a.created_at = parse_utc(row.text(20)).value_or(Timestamp{});
    a.created_by = row.text(21);
    a.version = static_cast<int>(row.integer(22));
    return a;
}

Result<std::vector<Arrangement>> load_arrangements(db::Connection& c, const std::string& where,
                                                   const db::Params& params) {
    auto rows = TRY(c.query(fmt::format("SELECT {} {} WHERE {} ORDER BY a.ended_on IS NOT NULL, "
                                        "a.starts_on DESC, a.id DESC",
                                        arrangement_columns, arrangement_joins, where),
                            params));
    std::vector<Arrangement> out;
    for (const auto& row : rows) {
        out.push_back(arrangement_from_row(row));
    }
    return out;
}

std::string arrangement_link(std::int64_t child_id, std::int64_t id) {
    return fmt::format("/children/{}/contact/arrangements/{}", child_id, id);
}

// The placement plan follows the arrangements: a new version whose contact section lists those in
// force, carrying every other section over, for the registered manager's usual sign-off. Nothing
// when the child has no placement plan yet.
Result<std::optional<int>> follow_in_placement_plan(db::Connection& c, const children::Child& child,
                                                    const std::string& why,
                                                    const std::string& child_view,
                                                    const audit::Actor& actor, Timestamp now) {
    std::optional<plans::Plan> placement;
    for (auto& p : TRY(plans::for_child(c, child.id))) {
        if (p.kind == "placement_plan") {
            placement = std::move(p);
        }
    }
    if (!placement) {
        return std::optional<int>{};
    }
    std::string lines;
    for (const auto& a : TRY(arrangements_of(c, child.id))) {
        if (!a.ended_on) {
            lines += (lines.empty() ? "" : "\n") + plan_line(a.details);
        }
    }
    plans::VersionInput v;
    v.sections = placement->current.sections;
    for (auto& s : v.sections) {
        if (s.key == "family_time") {
            s.text = lines.empty() ? "No contact arrangements are in force." : lines;
        }
    }
    const Date today = local_date_of(now);
    v.risk_level = placement->current.risk_level;
    v.effective_on = today;
    v.review_by = placement->current.review_by > today
                      ? placement->current.review_by
                      : Date{std::chrono::sys_days{today} + std::chrono::days{28}};
    v.reason = "Contact arrangements changed: " + why;
    v.child_views = child_view;
    const plans::Subject subject{child.id, child.home_id, children::display_name(child.details)};
    return std::optional<int>{TRY(
        plans::add_version(c, subject, placement->id, placement->current.number, v, actor, now))};
}
}  // namespace

Result<PlanFollowed> make_arrangement(db::Connection& c, std::int64_t child_id,
                                      const ArrangementDetails& given, const audit::Actor& actor,
                                      Timestamp now) {
    auto child = TRY(children::find(c, child_id));
    if (!child) {
        return Error::not_found("We could not find that child's record.");
    }
    ArrangementDetails d = given;
    if (d.family_member_id) {
        auto member = TRY(children::find_family_member(c, child_id, *d.family_member_id));
        if (!member || member->ended_on) {
            return Error::invalid("family_member_id", "Choose someone on the child's family list");
        }
        d.person = fmt::format("{} ({})", member->details.name, member->details.relationship);
    }
    const auto id = TRY(c.insert(
        "INSERT INTO contact_arrangements (home_id, child_id, family_member_id, person, forms, "
        "how_often, place, supervision, supervised_by, letterbox, agreed_with, agreed_on, "
        "child_view, less_than_wished, starts_on, created_at, created_by) VALUES ($1, $2, $3, $4, "
        "$5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17) RETURNING id",
        {child->home_id, child_id, db::nullable(d.family_member_id), d.person,
         nlohmann::json(d.forms).dump(), d.how_often, d.place, d.supervision, d.supervised_by,
         std::int64_t{d.letterbox ? 1 : 0}, d.agreed_with, format_date(d.agreed_on), d.child_view,
         d.less_than_wished, format_date(d.starts_on), format_utc(now), *actor.person_id}));
    TRY(chronology::record(
        c,
        {child_id, child->home_id, now, "contact_arrangement", arrangement_type, id,
         "Contact agreed: " + d.person, chronology::summarise(plan_line(d)),
         arrangement_link(child_id, id), false, false, actor.person_id, actor.name},
        now));
    TRY(audit::append(
        c, actor,
        {"create", arrangement_type, std::to_string(id), child->home_id, child_id, plan_line(d)},
        {"contact_arrangements", id}, now));
    const auto version = TRY(follow_in_placement_plan(
        c, *child, "contact with " + d.person + " agreed", d.child_view, actor, now));
    return PlanFollowed{id, version};
}

Result<PlanFollowed> end_arrangement(db::Connection& c, std::int64_t arrangement_id,
                                     const ArrangementEnding& e, const audit::Actor& actor,
                                     Timestamp now) {
    auto found = TRY(find_arrangement(c, arrangement_id));
    if (!found) {
        return Error::not_found("We could not find that arrangement.");
    }
    if (found->ended_on) {
        return Error::conflict("This arrangement stopped on " +
                               format_local_date(*found->ended_on) + ".");
    }
    auto child = TRY(children::find(c, found->child_id));
    TRY(
        c.run("UPDATE contact_arrangements SET ended_on = $1, end_reason = $2, version = version "
              "+ 1 WHERE id = $3",
              {format_date(e.ended_on), e.reason, arrangement_id}));
    TRY(chronology::record(
        c,
        {found->child_id, found->home_id, now, "contact_arrangement", "contact_arrangement_end",
         arrangement_id, "Contact arrangement stopped: " + found->details.person,
         chronology::summarise(e.reason + " The child said: " + e.child_view),
         arrangement_link(found->child_id, arrangement_id), true, true, actor.person_id,
         actor.name},
        now));
    TRY(audit::append(c, actor,
                      {"end", arrangement_type, std::to_string(arrangement_id), found->home_id,
                       found->child_id, e.reason},
                      {"contact_arrangements", arrangement_id}, now));
    const auto version = TRY(follow_in_placement_plan(
        c, *child, "contact with " + found->details.person + " stopped: " + e.reason, e.child_view,
        actor, now));
    return PlanFollowed{arrangement_id, version};
}

namespace {
Status confirm(db::Connection& c, const char* table, const char* type, std::int64_t id,
               const audit::Actor& social_worker, Timestamp now) {
    auto row = TRY(c.query_one(
        fmt::format("SELECT home_id, child_id, social_worker_confirmed_at FROM {} WHERE id = $1",
                    table),
        {id}));
    if (!row) {
        return Error::not_found("We could not find that record.");
    }
    if (row->optional_text(2)) {
        return Error::conflict("The social worker's agreement was recorded already.");
    }
    TRY(c.run(fmt::format("UPDATE {} SET social_worker_confirmed_at = $1, "
                          "social_worker_confirmed_by = $2, version = version + 1 WHERE id = $3",
                          table),
              {format_utc(now), *social_worker.person_id, id}));
    return audit::append(c, social_worker,
                         {"agree", type, std::to_string(id), row->integer(0), row->integer(1),
                          "the social worker's agreement"},
                         {table, id}, now);
}
}  // namespace

Status confirm_arrangement(db::Connection& c, std::int64_t arrangement_id,
                           const audit::Actor& social_worker, Timestamp now) {
    return confirm(c, "contact_arrangements", arrangement_type, arrangement_id, social_worker, now);
}

Status confirm_restriction(db::Connection& c, std::int64_t restriction_id,
                           const audit::Actor& social_worker, Timestamp now) {
    return confirm(c, "contact_restrictions", "contact_restriction", restriction_id, social_worker,
                   now);
}

Result<std::optional<Arrangement>> find_arrangement(db::Connection& c, std::int64_t id) {
    auto found = TRY(load_arrangements(c, "a.id = $1", {id}));
    if (found.empty()) {
        return std::optional<Arrangement>{};
    }
    return std::optional<Arrangement>{std::move(found.front())};
}

Result<std::vector<Arrangement>> arrangements_of(db::Connection& c, std::int64_t child_id) {
    return load_arrangements(c, "a.child_id = $1", {child_id});
}

Result<std::int64_t> agree_digital_contact(db::Connection& c, std::int64_t child_id,
                                           const DigitalAgreement& a, const audit::Actor& actor,
                                           Timestamp now) {
    auto child = TRY(children::find(c, child_id));
    if (!child) {
        return Error::not_found("We could not find that child's record.");
    }
    auto last = TRY(c.query_one(
        "SELECT id FROM digital_contact_agreements WHERE child_id = $1 AND replaced_at IS NULL",
        {child_id}));
    const auto id = TRY(c.insert(
        "INSERT INTO digital_contact_agreements (home_id, child_id, devices, platforms, times, "
        "limits, child_agreed_on, social_worker, social_worker_agreed_on, manager, "
        "manager_agreed_on, review_on, created_at, created_by) VALUES ($1, $2, $3, $4, $5, $6, "
        "$7, $8, $9, $10, $11, $12, $13, $14) RETURNING id",
        {child->home_id, child_id, a.devices, a.platforms, a.times, a.limits,
         format_date(a.child_agreed_on), a.social_worker, format_date(a.social_worker_agreed_on),
         a.manager, format_date(a.manager_agreed_on), format_date(a.review_on), format_utc(now),
         *actor.person_id}));
    if (last) {
        const auto replaced = last->integer(0);
        TRY(c.run("UPDATE digital_contact_agreements SET replaced_at = $1 WHERE id = $2",
                  {format_utc(now), replaced}));
        TRY(deadlines::meet(c, "digital_contact_agreement", replaced, digital_review_clock, actor,
                            now, "Reviewed: a new agreement was made"));
    }
    const std::string link = fmt::format("/children/{}/contact/digital", child_id);
    deadlines::NewDeadline clock;
    clock.home_id = child->home_id;
    clock.child_id = child_id;
    clock.kind = digital_review_clock;
    clock.title = fmt::format("Review {}'s digital contact agreement with them",
                              children::known_as(child->details));
    clock.source_type = "digital_contact_agreement";
    clock.source_id = id;
    clock.link = link;
    clock.started_at = now;
    clock.due_at = from_local(Date{std::chrono::sys_days{a.review_on} + std::chrono::days{1}}, 0, 0)
                       .value_or(now);
    TRY(deadlines::start(c, clock, actor, now));
    TRY(chronology::record(
        c,
        {child_id, child->home_id, now, "contact_arrangement", "digital_contact_agreement", id,
         "Digital contact agreed", chronology::summarise(a.platforms + ". " + a.times), link, false,
         false, actor.person_id, actor.name},
        now));
    TRY(audit::append(c, actor,
                      {"create", "digital_contact_agreement", std::to_string(id), child->home_id,
                       child_id, "review by " + format_date(a.review_on)},
                      {"digital_contact_agreements", id}, now));
    return id;
}

Result<std::vector<DigitalRecord>> digital_agreements_of(db::Connection& c, std::int64_t child_id) {
    auto rows = TRY(c.query(
        "SELECT d.id, d.child_id, d.devices, d.platforms, d.times, d.limits, d.child_agreed_on, "
        "d.social_worker, d.social_worker_agreed_on, d.manager, d.manager_agreed_on, d.review_on, "
        "d.replaced_at, d.created_at, p.name FROM digital_contact_agreements d JOIN people p ON "
        "p.id = d.created_by WHERE d.child_id = $1 ORDER BY d.id DESC",
        {child_id}));
    std::vector<DigitalRecord> out;
    for (const auto& row : rows) {
        DigitalRecord r;
        r.id = row.integer(0);
        r.child_id = row.integer(1);
        auto& a = r.agreement;
        a.devices = row.text(2);
        a.platforms = row.text(3);
        a.times = row.text(4);
        a.limits = row.text(5);
        a.child_agreed_on = parse_date(row.text(6)).value_or(Date{});
        a.social_worker = row.text(7);
        a.social_worker_agreed_on = parse_date(row.text(8)).value_or(Date{});
        a.manager = row.text(9);
        a.manager_agreed_on = parse_date(row.text(10)).value_or(Date{});
        a.review_on = parse_date(row.text(11)).value_or(Date{});
        if (auto at = row.optional_text(12)) {
            r.replaced_at = parse_utc(*at);
        }
        r.created_at = parse_utc(row.text(13)).value_or(Timestamp{});
        r.created_by = row.text(14);
        out.push_back(std::move(r));
    }
    return out;
}

Status resolve_arrangement_scope(db::Connection& c, std::int64_t id, Scope& scope) {
    auto row = TRY(c.query_one("SELECT child_id FROM contact_arrangements WHERE id = $1", {id}));
    if (!row || !scope.child_id || row->integer(0) != *scope.child_id) {
        return Error::not_found("We could not find that arrangement.");
    }
    return {};
}

}  // namespace hearth::contact
