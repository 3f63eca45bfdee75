#include "contact/restriction_store.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "children/child_store.hpp"
#include "children/family/family_store.hpp"
#include "chronology/chronology_store.hpp"
#include "deadlines/deadline_store.hpp"

namespace hearth::contact {

namespace {
constexpr const char* restriction_type = "contact_restriction";

constexpr const char* restriction_columns =
    "r.id, r.home_id, r.child_id, r.family_member_id, r.person, r.forms, r.reason, r.why, "
    "r.basis, r.starts_on, r.ends_on, r.agreed_beforehand, r.agreed_with, r.agreed_on, "
    "r.review_on, r.child_told, r.child_view, r.not_told_why, r.notice_told, r.notice_method, "
    "r.notice_at, COALESCE(nb.name, ''), r.lifted_on, r.created_at, cb.name, "
    "r.social_worker_confirmed_at, COALESCE(swc.name, ''), "
    "CASE WHEN ch.preferred_name <> '' THEN ch.preferred_name ELSE ch.first_name END || ' ' || "
    "ch.last_name";
constexpr const char* restriction_joins =
    "FROM contact_restrictions r JOIN children ch ON ch.id = r.child_id "
    "JOIN people cb ON cb.id = r.created_by LEFT JOIN people nb ON nb.id = r.notice_by "
    "LEFT JOIN people swc ON swc.id = r.social_worker_confirmed_by";

std::optional<Date> optional_date(const db::Row& row, int i) {
    if (auto text = row.optional_text(i)) {
        return parse_date(*text);
    }
    return std::nullopt;
}

Restriction restriction_from_row(const db::Row& row) {
    Restriction r;
    r.id = row.integer(0);
    r.home_id = row.integer(1);
    r.child_id = row.integer(2);
    auto& d = r.details;
    d.family_member_id = row.optional_integer(3);
    d.person = row.text(4);
    const auto forms = nlohmann::json::parse(row.text(5), nullptr, false);
    if (forms.is_array()) {
        d.forms = forms.get<std::vector<std::string>>();
    }
    d.reason = row.text(6);
    d.why = row.text(7);
    d.basis = row.text(8);
    d.starts_on = parse_date(row.text(9)).value_or(Date{});
    d.ends_on = optional_date(row, 10);
    d.agreed_beforehand = row.integer(11) != 0;
    d.agreed_with = row.text(12);
    d.agreed_on = optional_date(row, 13);
    d.review_on = parse_date(row.text(14)).value_or(Date{});
    d.child_told = row.integer(15) != 0;
    d.child_view = row.text(16);
    d.not_told_why = row.text(17);
    r.notice_told = row.text(18);
    r.notice_method = row.text(19);
    if (auto at = row.optional_text(20)) {
        r.notice_at = parse_utc(*at);
    }
    r.notice_by = row.text(21);
    r.lifted_on = optional_date(row, 22);
    r.created_at = parse_utc(row.text(23)).value_or(Timestamp{});
    r.created_by = row.text(24);
    if (auto at = row.optional_text(25)) {
        r.social_worker_confirmed_at = parse_utc(*at);
    }
    r.social_worker_confirmed_by = row.text(26);
    r.child_name = row.text(27);
    return r;
}

Result<std::vector<Restriction>> load_restrictions(
    db::Connection& c, const std::string& where, const db::Params& params,
    const std::string& order = "r.lifted_on IS NOT NULL, r.starts_on DESC, r.id DESC") {
    auto rows = TRY(c.query(fmt::format("SELECT {} {} WHERE {} ORDER BY {}", restriction_columns,
                                        restriction_joins, where, order),
                            params));
    std::vector<Restriction> out;
    for (const auto& row : rows) {
        out.push_back(restriction_from_row(row));
    }
    for (auto& r : out) {
        for (const auto& row : TRY(c.query(
                 "SELECT v.lifted, v.decision, v.child_view, v.next_review_on, v.reviewed_at, "
                 "p.name FROM contact_restriction_reviews v JOIN people p ON p.id = v.reviewed_by "
                 "WHERE v.restriction_id = $1 ORDER BY v.id",
                 {r.id}))) {
            ReviewRecord rec;
            rec.review.lifted = row.integer(0) != 0;
            rec.review.decision = row.text(1);
            rec.review.child_view = row.text(2);
            rec.review.next_review_on = optional_date(row, 3);
            rec.reviewed_at = parse_utc(row.text(4)).value_or(Timestamp{});
            rec.reviewed_by = row.text(5);
            r.reviews.push_back(std::move(rec));
        }
    }
    return out;
}

std::string restriction_link(std::int64_t child_id, std::int64_t id) {
    return fmt::format("/children/{}/contact/restrictions/{}", child_id, id);
}

Status start_review_clock(db::Connection& c, const Restriction& r, Date review_on,
                          const audit::Actor& actor, Timestamp now) {
    deadlines::NewDeadline clock;
    clock.home_id = r.home_id;
    clock.child_id = r.child_id;
    clock.kind = review_clock;
    clock.title = fmt::format("Review the restriction of {}'s contact with {}",
                              r.child_name.substr(0, r.child_name.find(' ')), r.details.person);
    clock.source_type = restriction_type;
    clock.source_id = r.id;
    clock.link = restriction_link(r.child_id, r.id);
    clock.started_at = now;
    clock.due_at = deadlines::end_of_local_day(review_on);
    TRY(deadlines::start(c, clock, actor, now));
    return {};
}
}  // namespace

Result<std::int64_t> restrict_contact(db::Connection& c, std::int64_t child_id,
                                      const RestrictionDetails& given, const audit::Actor& actor,
                                      Timestamp now) {
    if (!actor.person_id) {
        return Error::internal("a restriction needs a signed-in author");
    }
    auto child = TRY(children::find(c, child_id));
    if (!child) {
        return Error::not_found("We could not find that child's record.");
    }
    RestrictionDetails d = given;
    if (d.family_member_id) {
        auto member = TRY(children::find_family_member(c, child_id, *d.family_member_id));
        if (!member || member->ended_on) {
            return Error::invalid("family_member_id", "Choose someone on the child's family list");
        }
        d.person = member->details.name;
    }
    const auto id = TRY(c.insert(
        "INSERT INTO contact_restrictions (home_id, child_id, family_member_id, person, forms, "
        "reason, why, basis, starts_on, ends_on, agreed_beforehand, agreed_with, agreed_on, "
        "review_on, child_told, child_view, not_told_why, created_at, created_by) VALUES ($1, $2, "
        "$3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19) "
        "RETURNING id",
        {child->home_id, child_id, db::nullable(d.family_member_id), d.person,
         nlohmann::json(d.forms).dump(), d.reason, d.why, d.basis, format_date(d.starts_on),
         d.ends_on ? db::Value{format_date(*d.ends_on)} : db::Value{},
         std::int64_t{d.agreed_beforehand ? 1 : 0}, d.agreed_with,
         d.agreed_on ? db::Value{format_date(*d.agreed_on)} : db::Value{}, format_date(d.review_on),
         std::int64_t{d.child_told ? 1 : 0}, d.child_view, d.not_told_why, format_utc(now),
         *actor.person_id}));
    Restriction made;
    made.id = id;
    made.home_id = child->home_id;
    made.child_id = child_id;
    made.child_name = children::display_name(child->details);
    made.details = d;
    const std::string link = restriction_link(child_id, id);
    std::string forms;
    for (const auto& f : d.forms) {
        forms += (forms.empty() ? "" : ", ") + label_in(contact_forms(), f);
    }
    TRY(chronology::record(
        c,
        {child_id, child->home_id, children::instant_of(d.starts_on, now), "contact_restriction",
         restriction_type, id, fmt::format("Contact with {} restricted: {}", d.person, forms),
         chronology::summarise(d.why), link, true, true, actor.person_id, actor.name},
        now));
    TRY(start_review_clock(c, made, d.review_on, actor, now));
    if (is_emergency(d)) {
        deadlines::NewDeadline clock;
        clock.home_id = child->home_id;
        clock.child_id = child_id;
        clock.kind = emergency_notice_clock;
        clock.title = fmt::format(
            "Give {} full details of the emergency restriction of {}'s "
            "contact",
            child->details.placing_authority, children::known_as(child->details));
        clock.source_type = restriction_type;
        clock.source_id = id;
        clock.link = link;
        clock.started_at = children::instant_of(d.starts_on, now);
        clock.due_at = clock.started_at + std::chrono::hours{emergency_notice_hours};
        TRY(deadlines::start(c, clock, actor, now));
    }
    TRY(audit::append(c, actor,
                      {"create", restriction_type, std::to_string(id), child->home_id, child_id,
                       fmt::format("contact with {} restricted ({}; {})", d.person, forms,
                                   label_in(restriction_bases(), d.basis))},
                      {"contact_restrictions", id}, now));
    return id;
}

Status record_notice(db::Connection& c, std::int64_t restriction_id, const Notice& n,
                     const audit::Actor& actor, Timestamp now) {
    auto found = TRY(find_restriction(c, restriction_id));
    if (!found) {
        return Error::not_found("We could not find that restriction.");
    }
    if (!is_emergency(found->details)) {
        return Error::conflict(
            "No notice is owed: the restriction was agreed beforehand, or is "
            "not the home's own.");
    }
    if (found->notice_at) {
        return Error::conflict(
            fmt::format("The placing authority was recorded as told already: "
                        "{} at {}.",
                        found->notice_told, format_local(*found->notice_at)));
    }
    TRY(
        c.run("UPDATE contact_restrictions SET notice_told = $1, notice_method = $2, "
              "notice_at = $3, notice_by = $4, version = version + 1 WHERE id = $5",
              {n.told, n.method, format_utc(n.told_at), *actor.person_id, restriction_id}));
    TRY(audit::append(c, actor,
                      {"notify", restriction_type, std::to_string(restriction_id), found->home_id,
                       found->child_id,
                       fmt::format("placing authority told: {} by {} at {}", n.told,
                                   label_in(notice_methods(), n.method), format_utc(n.told_at))},
                      {"contact_restrictions", restriction_id}, now));
    TRY(deadlines::meet(c, restriction_type, restriction_id, emergency_notice_clock, actor,
                        n.told_at, "The placing authority was given full details: " + n.told));
    return {};
}

Status record_review(db::Connection& c, std::int64_t restriction_id, const Review& r,
                     const audit::Actor& actor, Timestamp now) {
    auto found = TRY(find_restriction(c, restriction_id));
    if (!found) {
        return Error::not_found("We could not find that restriction.");
    }
    if (found->lifted_on) {
        return Error::conflict("This restriction was lifted on " +
                               format_local_date(*found->lifted_on) + ".");
    }
    const auto review_id = TRY(c.insert(
        "INSERT INTO contact_restriction_reviews (restriction_id, lifted, decision, "
        "child_view, next_review_on, reviewed_at, reviewed_by) VALUES ($1, $2, $3, $4, "
        "$5, $6, $7) RETURNING id",
        {restriction_id, std::int64_t{r.lifted ? 1 : 0}, r.decision, r.child_view,
         r.next_review_on && !r.lifted ? db::Value{format_date(*r.next_review_on)} : db::Value{},
         format_utc(now), *actor.person_id}));
    TRY(deadlines::meet(c, restriction_type, restriction_id, review_clock, actor, now,
                        r.lifted ? "Reviewed and lifted" : "Reviewed: it continues"));
    if (r.lifted) {
        TRY(
            c.run("UPDATE contact_restrictions SET lifted_on = $1, version = version + 1 WHERE "
                  "id = $2",
                  {format_date(local_date_of(now)), restriction_id}));
    } else {
        TRY(
            c.run("UPDATE contact_restrictions SET review_on = $1, version = version + 1 WHERE "
                  "id = $2",
                  {format_date(*r.next_review_on), restriction_id}));
        TRY(start_review_clock(c, *found, *r.next_review_on, actor, now));
    }
    TRY(chronology::record(
        c,
        {found->child_id, found->home_id, now, "contact_restriction", "contact_restriction_review",
         review_id,
         fmt::format("Restriction of contact with {} {}", found->details.person,
                     r.lifted ? "lifted" : "reviewed: it continues"),
         chronology::summarise(r.decision), restriction_link(found->child_id, restriction_id),
         r.lifted, true, actor.person_id, actor.name},
        now));
    return audit::append(
        c, actor,
        {"review", restriction_type, std::to_string(restriction_id), found->home_id,
         found->child_id, r.lifted ? "lifted" : "continues to " + format_date(*r.next_review_on)},
        {"contact_restrictions", restriction_id}, now);
}

Result<std::optional<Restriction>> find_restriction(db::Connection& c, std::int64_t id) {
    auto found = TRY(load_restrictions(c, "r.id = $1", {id}));
    if (found.empty()) {
        return std::optional<Restriction>{};
    }
    return std::optional<Restriction>{std::move(found.front())};
}

Result<std::vector<Restriction>> restrictions_of(db::Connection& c, std::int64_t child_id) {
    return load_restrictions(c, "r.child_id = $1", {child_id});
}

Result<std::vector<Restriction>> restrictions_in_force_in_homes(
    db::Connection& c, const std::vector<std::int64_t>& home_ids, Date day) {
    std::vector<Restriction> out;
    for (const auto home : home_ids) {
        const auto today = format_date(day);
        for (auto& r : TRY(load_restrictions(
                 c,
                 "r.home_id = $1 AND r.lifted_on IS NULL AND r.starts_on <= $2 AND "
                 "(r.ends_on IS NULL OR r.ends_on >= $2)",
                 {home, today}, "r.review_on, r.id"))) {
            out.push_back(std::move(r));
        }
    }
    std::stable_sort(out.begin(), out.end(), [](const Restriction& a, const Restriction& b) {
        return a.details.review_on < b.details.review_on;
    });
    return out;
}

Result<std::vector<Restriction>> restrictions_in_force_at_home(db::Connection& c,
                                                               std::int64_t home_id, Date day) {
    return load_restrictions(c,
                             "ch.home_id = $1 AND ch.left_on IS NULL AND r.lifted_on IS NULL AND "
                             "r.starts_on <= $2 AND (r.ends_on IS NULL OR r.ends_on >= $2)",
                             {home_id, format_date(day)}, "r.review_on, r.id");
}

Status record_restriction_read(db::Connection& c, const Restriction& r, const audit::Actor& actor,
                               Timestamp now) {
    return audit::append(
        c, actor, {"read", restriction_type, std::to_string(r.id), r.home_id, r.child_id, ""}, now);
}

Status resolve_restriction_scope(db::Connection& c, std::int64_t id, Scope& scope) {
    auto row = TRY(c.query_one("SELECT child_id FROM contact_restrictions WHERE id = $1", {id}));
    if (!row || !scope.child_id || row->integer(0) != *scope.child_id) {
        return Error::not_found("We could not find that restriction.");
    }
    return {};
}

}  // namespace hearth::contact
