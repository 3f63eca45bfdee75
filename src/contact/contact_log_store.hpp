#pragma once
// The contact log in the database. Logging a contact writes it and, once it has happened, its
// chronology line in one transaction; a planned one records its outcome later (happened, or
// cancelled by whom and why), once. A concern about what a contact said is raised with the social
// worker with the time an answer is wanted — a clock met only by recording the follow-up they
// agreed.
#include <optional>
#include <string>
#include <vector>

#include "chronology/chronology.hpp"
#include "contact/contact_figures.hpp"
#include "contact/contact_log.hpp"
#include "platform/audit/audit_trail.hpp"
#include "platform/auth/permissions.hpp"
#include "platform/db/database.hpp"

namespace hearth::contact {

struct Contact {
    std::int64_t id = 0;
    std::int64_t home_id = 0;
    std::int64_t child_id = 0;
    std::string child_name;
    ContactDetails details;
    std::optional<std::int64_t> restriction_id;
    std::string cancelled_by;
    std::string cancelled_why;
    std::string child_took_it;
    std::string concern;
    std::string concern_raised_with;
    std::optional<Timestamp> concern_answer_by;
    std::optional<Timestamp> concern_raised_at;
    std::string concern_raised_by;
    std::string concern_agreed;
    std::string concern_agreed_with;
    std::optional<Timestamp> concern_agreed_at;
    std::string concern_agreed_by;
    Timestamp created_at{};
    std::string created_by;
    std::optional<Timestamp> outcome_at;
    std::string outcome_by;
    int version = 1;
};

Result<std::int64_t> log_contact(db::Connection& c, std::int64_t child_id, const ReadContact& r,
                                 const audit::Actor& actor, Timestamp now);
// Refused once it has an outcome, or when `read_version` is not the version stored.
Status record_outcome(db::Connection& c, std::int64_t contact_id, int read_version,
                      const Outcome& o, const audit::Actor& actor, Timestamp now);
// Refused for a contact that has not happened, and once a concern was raised.
Status raise_concern(db::Connection& c, std::int64_t contact_id, const Concern& concern,
                     const audit::Actor& actor, Timestamp now);
// Refused when no concern is awaiting an answer.
Status answer_concern(db::Connection& c, std::int64_t contact_id, const ConcernAnswer& answer,
                      const audit::Actor& actor, Timestamp now);

Result<std::optional<Contact>> find_contact(db::Connection& c, std::int64_t id);
// The child's log, newest first, a page at a time (`after`: where the last page ended).
struct ContactPage {
    std::vector<Contact> items;
    std::optional<chronology::Cursor> next;
};
Result<ContactPage> contacts_of(db::Connection& c, std::int64_t child_id,
                                std::optional<chronology::Cursor> after, int limit);
// Planned contacts still to come, soonest first.
Result<std::vector<Contact>> upcoming_contacts(db::Connection& c, std::int64_t child_id,
                                               Timestamp now, int limit);
// A home's contacts starting in [from, until), soonest first: the handover and the calendar.
Result<std::vector<Contact>> contacts_in_home(db::Connection& c, std::int64_t home_id,
                                              Timestamp from, Timestamp until, int limit);
// Concerns raised with a social worker and not yet answered, the soonest wanted first.
Result<std::vector<Contact>> concerns_awaiting(db::Connection& c, std::int64_t home_id);

// What the figures count of a home's contacts (or one child's) starting in [from, until).
Result<std::vector<ContactFact>> contact_facts(db::Connection& c, std::int64_t home_id,
                                               std::optional<std::int64_t> child_id, Timestamp from,
                                               Timestamp until);

// The child's restrictions in force on `day`, as the contact log checks them.
Result<std::vector<RestrictionInForce>> restrictions_in_force(db::Connection& c,
                                                              std::int64_t child_id, Date day);

Status record_contact_read(db::Connection& c, const Contact& contact, const audit::Actor& actor,
                           Timestamp now);
// For the router: a contact is reached under its child.
Status resolve_contact_scope(db::Connection& c, std::int64_t id, Scope& scope);

}  // namespace hearth::contact
