#include "contact/contact_log_store.hpp"

#include <fmt/format.h>

#include "children/child_store.hpp"
#include "children/family/family_store.hpp"
#include "chronology/chronology_store.hpp"
#include "contact/restriction_store.hpp"
#include "deadlines/deadline_store.hpp"

namespace hearth::contact {

namespace {
constexpr const char* contact_type = "contact";

constexpr const char* contact_columns =
    "k.id, k.home_id, k.child_id, k.family_member_id, k.person, k.form, k.state, k.starts_at, "
    "k.place, k.supervision, k.supervised_by, k.direction, k.through_social_worker, "
    "k.restriction_id, k.restriction_why, k.school_hours_why, k.others_considered, "
    "k.child_words, k.staff_view, k.follow_up, k.cancelled_by, k.cancelled_why, "
    "k.child_took_it, k.concern, k.concern_raised_with, k.concern_answer_by, "
    "k.concern_raised_at, COALESCE(rb.name, ''), k.concern_agreed, k.concern_agreed_with, "
    "k.concern_agreed_at, COALESCE(ab.name, ''), k.created_at, cb.name, k.outcome_at, "
    "COALESCE(ob.name, ''), k.version, "
    "CASE WHEN ch.preferred_name <> '' THEN ch.preferred_name ELSE ch.first_name END || ' ' || "
    "ch.last_name";
constexpr const char* contact_joins =
    "FROM contacts k JOIN children ch ON ch.id = k.child_id "
    "JOIN people cb ON cb.id = k.created_by LEFT JOIN people rb ON rb.id = k.concern_raised_by "
    "LEFT JOIN people ab ON ab.id = k.concern_agreed_by "
    "LEFT JOIN people ob ON ob.id = k.outcome_by";

std::optional<Timestamp> optional_moment(const db::Row& row, int i) {
    if (auto text = row.optional_text(i)) {
        return parse_utc(*text);
    }
    return std::nullopt;
}

Contact contact_from_row(const db::Row& row) {
    Contact k;
    k.id = row.integer(0);
    k.home_id = row.integer(1);
    k.child_id = row.integer(2);
    auto& d = k.details;
    d.family_member_id = row.optional_integer(3);
    d.person = row.text(4);
    d.form = row.text(5);
    d.state = row.text(6);
    d.starts_at = parse_utc(row.text(7)).value_or(Timestamp{});
    d.place = row.text(8);
    d.supervision = row.text(9);
    d.supervised_by = row.text(10);
    d.direction = row.text(11);
    d.through_social_worker = row.integer(12) != 0;
    k.restriction_id = row.optional_integer(13);
    d.restriction_why = row.text(14);
    d.school_hours_why = row.text(15);
    d.others_considered = row.text(16);
    d.child_words = row.text(17);
    d.staff_view = row.text(18);
    d.follow_up = row.text(19);
    k.cancelled_by = row.text(20);
    k.cancelled_why = row.text(21);
    k.child_took_it = row.text(22);
    k.concern = row.text(23);
    k.concern_raised_with = row.text(24);
    k.concern_answer_by = optional_moment(row, 25);
    k.concern_raised_at = optional_moment(row, 26);
    k.concern_raised_by = row.text(27);
    k.concern_agreed = row.text(28);
    k.concern_agreed_with = row.text(29);
    k.concern_agreed_at = optional_moment(row, 30);
    k.concern_agreed_by = row.text(31);
    k.created_at = parse_utc(row.text(32)).value_or(Timestamp{});
    k.created_by = row.text(33);
    k.outcome_at = optional_moment(row, 34);
    k.outcome_by = row.text(35);
    k.version = static_cast<int>(row.integer(36));
    k.child_name = row.text(37);
    return k;
}

Result<std::vector<Contact>> load_contacts(db::Connection& c, const std::string& where,
                                           const db::Params& params, const std::string& order) {
    auto rows = TRY(c.query(fmt::format("SELECT {} {} WHERE {} ORDER BY {}", contact_columns,
                                        contact_joins, where, order),
                            params));
    std::vector<Contact> out;
    out.reserve(rows.size());
    for (const auto& row : rows) {
        out.push_back(contact_from_row(row));
    }
    return out;
}

std::string contact_link(std::int64_t child_id, std::int64_t id) {
    return fmt::format("/children/{}/contact/log/{}", child_id, id);
}

std::string first_name_of(const std::string& name) {
    return name.substr(0, name.find(' '));
}

// The chronology's line for a contact that happened or was cancelled: about this child only.
chronology::NewEntry contact_entry(const Contact& k, const audit::Actor& actor) {
    const auto& d = k.details;
    const std::string form = label_in(contact_forms(), d.form);
    chronology::NewEntry e{k.child_id, k.home_id,    d.starts_at,
                           "contact",  contact_type, k.id,
                           "",         "",           contact_link(k.child_id, k.id),
                           false,      false,        actor.person_id,
                           actor.name};
    if (d.state == "cancelled") {
        e.title = fmt::format("{} with {} cancelled by {}", form, d.person,
                              label_in(cancelled_by_whom(), k.cancelled_by));
        e.summary = chronology::summarise(k.cancelled_why + " " + k.child_took_it);
    } else {
        e.title = fmt::format("{} with {}", form, d.person);
        e.summary = chronology::summarise(
            d.child_words.empty() ? d.staff_view : "\"" + d.child_words + "\" " + d.staff_view);
    }
    return e;
}
}  // namespace

Result<std::int64_t> log_contact(db::Connection& c, std::int64_t child_id, const ReadContact& r,
                                 const audit::Actor& actor, Timestamp now) {
    if (!actor.person_id) {
        return Error::internal("a contact needs a signed-in author");
    }
    auto child = TRY(children::find(c, child_id));
    if (!child) {
        return Error::not_found("We could not find that child's record.");
    }
    ContactDetails d = r.details;
    if (d.family_member_id) {
        auto member = TRY(children::find_family_member(c, child_id, *d.family_member_id));
        if (!member || member->ended_on) {
            return Error::invalid("family_member_id", "Choose someone on the child's family list");
        }
        d.person = member->details.name;
    }
    const auto id = TRY(c.insert(
        "INSERT INTO contacts (home_id, child_id, family_member_id, person, form, state, "
        "starts_at, place, supervision, supervised_by, direction, through_social_worker, "
        "restriction_id, restriction_why, school_hours_why, others_considered, child_words, "
        "staff_view, follow_up, created_at, created_by, outcome_at, outcome_by) VALUES ($1, $2, "
        "$3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, "
        "$22, $23) RETURNING id",
        {child->home_id,
         child_id,
         db::nullable(d.family_member_id),
         d.person,
         d.form,
         d.state,
         format_utc(d.starts_at),
         d.place,
         d.supervision,
         d.supervised_by,
         d.direction,
         std::int64_t{d.through_social_worker ? 1 : 0},
         db::nullable(r.restriction_id),
         d.restriction_why,
         d.school_hours_why,
         d.others_considered,
         d.child_words,
         d.staff_view,
         d.follow_up,
         format_utc(now),
         *actor.person_id,
         d.state == "happened" ? db::Value{format_utc(now)} : db::Value{},
         d.state == "happened" ? db::Value{*actor.person_id} : db::Value{}}));
    if (d.state == "happened") {
        Contact made;
        made.id = id;
        made.home_id = child->home_id;
        made.child_id = child_id;
        made.details = d;
        TRY(chronology::record(c, contact_entry(made, actor), now));
    }
    TRY(audit::append(
        c, actor,
        {"create", contact_type, std::to_string(id), child->home_id, child_id,
         fmt::format("{} {} with {}{}", d.state, d.form, d.person,
                     r.restriction_id ? " (under a restriction: " + d.restriction_why + ")" : "")},
        {"contacts", id}, now));
    return id;
}

Status record_outcome(db::Connection& c, std::int64_t contact_id, int read_version,
                      const Outcome& o, const audit::Actor& actor, Timestamp now) {
    auto found = TRY(find_contact(c, contact_id));
    if (!found) {
        return Error::not_found("We could not find that contact.");
    }
    if (found->details.state != "planned") {
        return Error::conflict(
            fmt::format("This contact was recorded as {} already.", found->details.state));
    }
    if (found->version != read_version) {
        return Error::conflict("Someone else changed this contact after you opened it.");
    }
    const std::string state = o.happened ? "happened" : "cancelled";
    TRY(
        c.run("UPDATE contacts SET state = $1, child_words = $2, staff_view = $3, follow_up = $4, "
              "cancelled_by = $5, cancelled_why = $6, child_took_it = $7, outcome_at = $8, "
              "outcome_by = $9, version = version + 1 WHERE id = $10",
              {state, o.child_words, o.staff_view, o.follow_up, o.happened ? "" : o.cancelled_by,
               o.happened ? "" : o.cancelled_why, o.happened ? "" : o.child_took_it,
               format_utc(now), *actor.person_id, contact_id}));
    Contact done = *found;
    done.details.state = state;
    done.details.child_words = o.child_words;
    done.details.staff_view = o.staff_view;
    done.cancelled_by = o.cancelled_by;
    done.cancelled_why = o.cancelled_why;
    done.child_took_it = o.child_took_it;
    TRY(chronology::record(c, contact_entry(done, actor), now));
    return audit::append(
        c, actor,
        {"update", contact_type, std::to_string(contact_id), found->home_id, found->child_id,
         o.happened ? "happened" : "cancelled by " + o.cancelled_by + ": " + o.cancelled_why},
        {"contacts", contact_id}, now);
}

Status raise_concern(db::Connection& c, std::int64_t contact_id, const Concern& concern,
                     const audit::Actor& actor, Timestamp now) {
    auto found = TRY(find_contact(c, contact_id));
    if (!found) {
        return Error::not_found("We could not find that contact.");
    }
    if (found->details.state != "happened") {
        return Error::conflict("A concern is raised about a contact that happened.");
    }
    if (found->concern_raised_at) {
        return Error::conflict(fmt::format("A concern was raised with {} already, at {}.",
                                           found->concern_raised_with,
                                           format_local(*found->concern_raised_at)));
    }
    TRY(
        c.run("UPDATE contacts SET concern = $1, concern_raised_with = $2, concern_answer_by = $3, "
              "concern_raised_at = $4, concern_raised_by = $5, version = version + 1 WHERE id = $6",
              {concern.about, concern.raised_with, format_utc(concern.answer_by), format_utc(now),
               *actor.person_id, contact_id}));
    const std::string link = contact_link(found->child_id, contact_id);
    deadlines::NewDeadline clock;
    clock.home_id = found->home_id;
    clock.child_id = found->child_id;
    clock.kind = concern_clock;
    clock.title =
        fmt::format("{} to agree what follows a concern about {}'s {} with {}", concern.raised_with,
                    first_name_of(found->child_name),
                    label_in(contact_forms(), found->details.form), found->details.person);
    clock.source_type = contact_type;
    clock.source_id = contact_id;
    clock.link = link;
    clock.started_at = now;
    clock.due_at = concern.answer_by;
    TRY(deadlines::start(c, clock, actor, now));
    TRY(chronology::record(
        c,
        {found->child_id, found->home_id, now, "contact", "contact_concern", contact_id,
         fmt::format("Concern about {} with {} raised with {}",
                     label_in(contact_forms(), found->details.form), found->details.person,
                     concern.raised_with),
         chronology::summarise(concern.about), link, true, true, actor.person_id, actor.name},
        now));
    return audit::append(
        c, actor,
        {"raise", contact_type, std::to_string(contact_id), found->home_id, found->child_id,
         fmt::format("concern raised with {}, answer by {}", concern.raised_with,
                     format_utc(concern.answer_by))},
        {"contacts", contact_id}, now);
}

Status answer_concern(db::Connection& c, std::int64_t contact_id, const ConcernAnswer& answer,
                      const audit::Actor& actor, Timestamp now) {
    auto found = TRY(find_contact(c, contact_id));
    if (!found) {
        return Error::not_found("We could not find that contact.");
    }
    if (!found->concern_raised_at) {
        return Error::conflict("No concern about this contact was raised with the social worker.");
    }
    if (found->concern_agreed_at) {
        return Error::conflict(
            fmt::format("What follows was agreed already, with {}.", found->concern_agreed_with));
    }
    TRY(
        c.run("UPDATE contacts SET concern_agreed = $1, concern_agreed_with = $2, "
              "concern_agreed_at = $3, concern_agreed_by = $4, version = version + 1 WHERE id = $5",
              {answer.agreed, answer.agreed_with, format_utc(now), *actor.person_id, contact_id}));
    TRY(deadlines::meet(c, contact_type, contact_id, concern_clock, actor, now,
                        "Follow-up agreed with " + answer.agreed_with));
    TRY(chronology::record(
        c,
        {found->child_id, found->home_id, now, "contact", "contact_concern_answer", contact_id,
         fmt::format("Follow-up agreed with {} on the concern about {} with {}", answer.agreed_with,
                     label_in(contact_forms(), found->details.form), found->details.person),
         chronology::summarise(answer.agreed), contact_link(found->child_id, contact_id), true,
         true, actor.person_id, actor.name},
        now));
    return audit::append(c, actor,
                         {"answer", contact_type, std::to_string(contact_id), found->home_id,
                          found->child_id, "follow-up agreed with " + answer.agreed_with},
                         {"contacts", contact_id}, now);
}

Result<std::optional<Contact>> find_contact(db::Connection& c, std::int64_t id) {
    auto found = TRY(load_contacts(c, "k.id = $1", {id}, "k.id"));
    if (found.empty()) {
        return std::optional<Contact>{};
    }
    return std::optional<Contact>{std::move(found.front())};
}

Result<ContactPage> contacts_of(db::Connection& c, std::int64_t child_id,
                                std::optional<chronology::Cursor> after, int limit) {
    ContactPage page;
    const std::string order = "k.starts_at DESC, k.id DESC";
    const std::string bounded = fmt::format("{} LIMIT {}", order, limit + 1);
    page.items =
        after ? TRY(load_contacts(c,
                                  "k.child_id = $1 AND (k.starts_at < $2 OR (k.starts_at = $2 AND "
                                  "k.id < $3))",
                                  {child_id, format_utc(after->occurred_at), after->id}, bounded))
              : TRY(load_contacts(c, "k.child_id = $1", {child_id}, bounded));
    if (page.items.size() > static_cast<std::size_t>(limit)) {
        page.items.pop_back();
        page.next = chronology::Cursor{page.items.back().details.starts_at, page.items.back().id};
    }
    return page;
}

Result<std::vector<Contact>> upcoming_contacts(db::Connection& c, std::int64_t child_id,
                                               Timestamp now, int limit) {
    return load_contacts(c, "k.child_id = $1 AND k.state = 'planned' AND k.starts_at >= $2",
                         {child_id, format_utc(now)},
                         fmt::format("k.starts_at, k.id LIMIT {}", limit));
}

Result<std::vector<Contact>> contacts_in_home(db::Connection& c, std::int64_t home_id,
                                              Timestamp from, Timestamp until, int limit) {
    return load_contacts(c, "k.home_id = $1 AND k.starts_at >= $2 AND k.starts_at < $3",
                         {home_id, format_utc(from), format_utc(until)},
                         fmt::format("k.starts_at, k.id LIMIT {}", limit));
}

Result<std::vector<Contact>> concerns_awaiting(db::Connection& c, std::int64_t home_id) {
    return load_contacts(
        c, "k.home_id = $1 AND k.concern_raised_at IS NOT NULL AND k.concern_agreed_at IS NULL",
        {home_id}, "k.concern_answer_by, k.id LIMIT 100");
}

Result<std::vector<ContactFact>> contact_facts(db::Connection& c, std::int64_t home_id,
                                               std::optional<std::int64_t> child_id, Timestamp from,
                                               Timestamp until) {
    const std::string sql =
        "SELECT starts_at, state, cancelled_by FROM contacts WHERE home_id = $1 AND "
        "starts_at >= $2 AND starts_at < $3";
    auto rows = child_id ? TRY(c.query(sql + " AND child_id = $4",
                                       {home_id, format_utc(from), format_utc(until), *child_id}))
                         : TRY(c.query(sql, {home_id, format_utc(from), format_utc(until)}));
    std::vector<ContactFact> out;
    out.reserve(rows.size());
    for (const auto& row : rows) {
        out.push_back({parse_utc(row.text(0)).value_or(Timestamp{}), row.text(1), row.text(2)});
    }
    return out;
}

Result<std::vector<RestrictionInForce>> restrictions_in_force(db::Connection& c,
                                                              std::int64_t child_id, Date day) {
    std::vector<RestrictionInForce> out;
    for (const auto& r : TRY(restrictions_of(c, child_id))) {
        const auto& d = r.details;
        if (!r.lifted_on && day >= d.starts_on && (!d.ends_on || day <= *d.ends_on)) {
            out.push_back(
                {r.id, d.family_member_id, d.person, d, label_in(restriction_bases(), d.basis)});
        }
    }
    return out;
}

Status record_contact_read(db::Connection& c, const Contact& k, const audit::Actor& actor,
                           Timestamp now) {
    return audit::append(
        c, actor, {"read", contact_type, std::to_string(k.id), k.home_id, k.child_id, ""}, now);
}

Status resolve_contact_scope(db::Connection& c, std::int64_t id, Scope& scope) {
    auto row = TRY(c.query_one("SELECT child_id FROM contacts WHERE id = $1", {id}));
    if (!row || !scope.child_id || row->integer(0) != *scope.child_id) {
        return Error::not_found("We could not find that contact.");
    }
    return {};
}

}  // namespace hearth::contact
