#include "daily_record/childrens_meeting_store.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <limits>

#include "chronology/chronology_store.hpp"
#include "daily_record/action_store.hpp"
#include "language/language_checks.hpp"

namespace hearth::daily_record {

namespace {
constexpr const char* meeting_record_type = "childrens_meeting";
constexpr const char* name_of_child =
    "CASE WHEN c.preferred_name <> '' THEN c.preferred_name ELSE c.first_name END || ' ' || "
    "c.last_name";
constexpr const char* meeting_columns =
    "m.id, m.home_id, m.held_at, m.topic, m.discussion, m.children_said, w.name, m.created_at, "
    "u.name, m.version, m.about_bullying";

Meeting meeting_from(const db::Row& r) {
    Meeting m;
    m.id = r.integer(0);
    m.home_id = r.integer(1);
    m.details.held_at = parse_utc(r.text(2)).value_or(Timestamp{});
    m.details.topic = r.text(3);
    m.details.discussion = r.text(4);
    m.details.children_said = r.text(5);
    m.written_by = r.text(6);
    m.created_at = parse_utc(r.text(7)).value_or(Timestamp{});
    m.updated_by_name = r.text(8);
    m.version = static_cast<int>(r.integer(9));
    m.details.about_bullying = r.boolean(10);
    return m;
}

Status load_attendees(db::Connection& c, Meeting& m) {
    auto rows = TRY(c.query(fmt::format("SELECT a.child_id, {} FROM childrens_meeting_attendees a "
                                        "JOIN children c ON c.id = a.child_id WHERE a.meeting_id = "
                                        "$1 ORDER BY c.first_name",
                                        name_of_child),
                            {m.id}));
    for (const auto& r : rows) {
        m.attendees.push_back({r.integer(0), r.text(1)});
    }
    return {};
}

// Checked on every save, for the provider's figure. What the children said is theirs: not checked.
Status check_words(db::Connection& c, std::int64_t home_id, std::int64_t meeting_id,
                   const MeetingDetails& d, Timestamp now) {
    auto row = TRY(c.query_one("SELECT organisation_id FROM homes WHERE id = $1", {home_id}));
    if (!row) {
        return Error::not_found("We could not find that home.");
    }
    TRY(language::check_and_record(c, row->integer(0), home_id, std::nullopt, meeting_record_type,
                                   meeting_id, d.topic + "\n" + d.discussion, now));
    return {};
}

std::string title_of(const MeetingDetails& d) {
    return "Children's meeting: " + d.topic;
}

// Each attending child's chronology line: what was talked about. What the children said together
// is the group's words, kept on the meeting
// (migrations/0010_meeting_lines_without_childrens_words.sql).
std::string summary_of(const MeetingDetails& d) {
    return chronology::summarise(d.discussion);
}
}  // namespace

Result<std::vector<Attendee>> children_living_in(db::Connection& c, std::int64_t home_id) {
    auto rows = TRY(c.query(fmt::format("SELECT c.id, {} FROM children c WHERE c.home_id = $1 AND "
                                        "c.left_on IS NULL ORDER BY c.first_name, c.last_name",
                                        name_of_child),
                            {home_id}));
    std::vector<Attendee> out;
    for (const auto& r : rows) {
        out.push_back({r.integer(0), r.text(1)});
    }
    return out;
}

Result<std::optional<Date>> youngest_born(db::Connection& c, std::int64_t home_id,
                                          const std::vector<std::int64_t>& children) {
    std::optional<Date> youngest;
    for (auto id : children) {
        auto row = TRY(c.query_one(
            "SELECT date_of_birth FROM children WHERE id = $1 AND home_id = $2", {id, home_id}));
        const auto born = row ? parse_date(row->text(0)) : std::nullopt;
        if (born && (!youngest || *born > *youngest)) {
            youngest = born;
        }
    }
    return youngest;
}

Result<std::optional<Date>> youngest_attendee_born(db::Connection& c, std::int64_t meeting_id) {
    auto row = TRY(c.query_one(
        "SELECT MAX(c.date_of_birth) FROM childrens_meeting_attendees a JOIN children c "
        "ON c.id = a.child_id WHERE a.meeting_id = $1",
        {meeting_id}));
    if (!row || row->is_null(0)) {
        return std::optional<Date>{};
    }
    return parse_date(row->text(0));
}

Result<std::int64_t> record_meeting(db::Connection& c, std::int64_t home_id,
                                    const MeetingDetails& d,
                                    const std::vector<std::int64_t>& attendees,
                                    const std::vector<std::string>& actions,
                                    const audit::Actor& actor, Timestamp now) {
    if (!actor.person_id) {
        return Error::internal("a meeting needs a signed-in author");
    }
    auto living = TRY(children_living_in(c, home_id));
    if (attendees.empty()) {
        return Error::invalid("attendees", "Choose the children who came to the meeting");
    }
    for (auto id : attendees) {
        if (std::none_of(living.begin(), living.end(),
                         [&](const Attendee& a) { return a.child_id == id; })) {
            return Error::invalid("attendees", "Choose children who live in this home");
        }
    }
    const std::string at = format_utc(now);
    auto id =
        TRY(c.insert("INSERT INTO childrens_meetings (home_id, held_at, topic, discussion, "
                     "children_said, created_at, created_by, updated_at, updated_by, version, "
                     "about_bullying) VALUES ($1, $2, $3, $4, $5, $6, $7, $6, $7, 1, $8) "
                     "RETURNING id",
                     {home_id, format_utc(d.held_at), d.topic, d.discussion, d.children_said, at,
                      *actor.person_id, std::int64_t{d.about_bullying}}));
    TRY(amendments::keep_version(c, meeting_record_type, id, 1, to_json(d), "Written",
                                 *actor.person_id, now));
    for (auto child : attendees) {
        TRY(c.run("INSERT INTO childrens_meeting_attendees (meeting_id, child_id) VALUES ($1, $2)",
                  {id, child}));
        TRY(chronology::record(
            c,
            {child, home_id, d.held_at, "childrens_meeting", meeting_record_type, id, title_of(d),
             summary_of(d), fmt::format("/childrens-meetings/{}", id), false, false,
             actor.person_id, actor.name},
            now));
    }
    for (const auto& action : actions) {
        TRY(add_action(c, {home_id, std::nullopt, meeting_record_type, id, action}, actor, now));
    }
    TRY(check_words(c, home_id, id, d, now));
    TRY(audit::append(c, actor,
                      {"create", meeting_record_type, std::to_string(id), home_id, std::nullopt,
                       fmt::format("{} ({} children)", title_of(d), attendees.size())},
                      now));
    return id;
}

Status amend_meeting(db::Connection& c, std::int64_t meeting_id, int read_version,
                     const MeetingDetails& d, const std::string& reason, const audit::Actor& actor,
                     Timestamp now) {
    if (reason.empty()) {
        return Error::invalid("reason", "Enter why you are amending this record");
    }
    if (!actor.person_id) {
        return Error::internal("an amendment needs a signed-in author");
    }
    auto current = TRY(find_meeting(c, meeting_id));
    if (!current) {
        return Error::not_found("We could not find that meeting.");
    }
    if (current->version != read_version) {
        return Error::conflict(
            fmt::format("{} amended this record (version {}) after you opened it (version {}).",
                        current->updated_by_name, current->version, read_version));
    }
    if (amendments::changes_between(to_json(current->details), to_json(d), meeting_labels())
            .empty()) {
        return Error::invalid("reason", "Nothing was changed, so there is nothing to save");
    }
    auto n =
        TRY(c.execute("UPDATE childrens_meetings SET held_at = $1, topic = $2, discussion = $3, "
                      "children_said = $4, updated_at = $5, updated_by = $6, version = version "
                      "+ 1, about_bullying = $9 WHERE id = $7 AND version = $8",
                      {format_utc(d.held_at), d.topic, d.discussion, d.children_said,
                       format_utc(now), *actor.person_id, meeting_id, std::int64_t{read_version},
                       std::int64_t{d.about_bullying}}));
    if (n != 1) {
        return Error::conflict("Someone else amended this record after you opened it.");
    }
    TRY(amendments::keep_version(c, meeting_record_type, meeting_id, read_version + 1, to_json(d),
                                 reason, *actor.person_id, now));
    TRY(chronology::revise(c, meeting_record_type, meeting_id,
                           {title_of(d), summary_of(d), false, false, d.held_at}));
    TRY(check_words(c, current->home_id, meeting_id, d, now));
    return audit::append(
        c, actor,
        {"amend", meeting_record_type, std::to_string(meeting_id), current->home_id, std::nullopt,
         fmt::format("version {}: {}", read_version + 1, reason)},
        now);
}

Result<std::optional<Meeting>> find_meeting(db::Connection& c, std::int64_t meeting_id) {
    auto row =
        TRY(c.query_one(fmt::format("SELECT {} FROM childrens_meetings m JOIN people w ON w.id "
                                    "= m.created_by JOIN people u ON u.id = m.updated_by WHERE "
                                    "m.id = $1",
                                    meeting_columns),
                        {meeting_id}));
    if (!row) {
        return std::optional<Meeting>{};
    }
    Meeting m = meeting_from(*row);
    TRY(load_attendees(c, m));
    return std::optional<Meeting>{std::move(m)};
}

Result<std::vector<Meeting>> meetings_of(db::Connection& c, std::int64_t home_id,
                                         std::optional<std::int64_t> before, int limit) {
    auto rows = TRY(c.query(
        fmt::format("SELECT {} FROM childrens_meetings m JOIN people w ON w.id = "
                    "m.created_by JOIN people u ON u.id = m.updated_by WHERE "
                    "m.home_id = $1 AND m.id < $2 ORDER BY m.id DESC LIMIT $3",
                    meeting_columns),
        {home_id, before.value_or(std::numeric_limits<std::int64_t>::max()), std::int64_t{limit}}));
    std::vector<Meeting> out;
    for (const auto& r : rows) {
        out.push_back(meeting_from(r));
        TRY(load_attendees(c, out.back()));
    }
    return out;
}

Status record_meeting_read(db::Connection& c, const Meeting& m, const audit::Actor& actor,
                           Timestamp now) {
    for (const auto& a : m.attendees) {
        TRY(audit::append(
            c, actor,
            {"read", meeting_record_type, std::to_string(m.id), m.home_id, a.child_id, ""}, now));
    }
    return {};
}

Status resolve_meeting_scope(db::Connection& c, std::int64_t meeting_id, Scope& scope) {
    auto row =
        TRY(c.query_one("SELECT m.home_id, h.organisation_id, h.name FROM childrens_meetings m "
                        "JOIN homes h ON h.id = m.home_id WHERE m.id = $1",
                        {meeting_id}));
    if (!row) {
        return Error::not_found("We could not find that meeting.");
    }
    scope.home_id = row->integer(0);
    scope.organisation_id = row->integer(1);
    scope.home_name = row->text(2);
    return {};
}

}  // namespace hearth::daily_record
