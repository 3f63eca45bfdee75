#include "children/family/family_store.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "children/child_store.hpp"
#include "chronology/chronology_store.hpp"
#include "platform/amendments.hpp"

namespace hearth::children {

namespace {
constexpr const char* columns =
    "f.id, f.child_id, f.name, f.relationship, f.parental_responsibility, f.contact_details, "
    "f.notes, f.ended_on, f.end_reason, f.version, f.created_at, f.updated_at, u.name";

FamilyMember from_row(const db::Row& r) {
    FamilyMember m;
    m.id = r.integer(0);
    m.child_id = r.integer(1);
    m.details.name = r.text(2);
    m.details.relationship = r.text(3);
    m.details.parental_responsibility = r.boolean(4);
    m.details.contact_details = r.text(5);
    m.details.notes = r.text(6);
    m.ended_on = parse_date(r.text(7));
    m.end_reason = r.text(8);
    m.version = static_cast<int>(r.integer(9));
    m.created_at = r.text(10);
    m.updated_at = r.text(11);
    m.updated_by_name = r.text(12);
    return m;
}

Result<std::int64_t> keep_family_version(db::Connection& c, const FamilyMember& m, int version,
                                         const std::string& reason, const audit::Actor& actor,
                                         Timestamp at) {
    return amendments::keep_version(c, family_member_record_type, m.id, version,
                                    version_record(m.details, m.ended_on, m.end_reason), reason,
                                    *actor.person_id, at);
}

struct Written {
    FamilyMember member;
    std::int64_t version_id = 0;
    std::int64_t home_id = 0;
};

// The chronology entry and audit entry every change of the list writes.
Status tell(db::Connection& c, const Written& w, const std::string& title,
            const std::string& summary, const std::string& action, const audit::Actor& actor,
            Timestamp now) {
    auto entry = TRY(chronology::record(
        c,
        {.child_id = w.member.child_id,
         .home_id = w.home_id,
         .occurred_at = now,
         .kind = "record_change",
         .source_type = "family_member_version",
         .source_id = w.version_id,
         .title = title,
         .summary = chronology::summarise(summary),
         .link = fmt::format("/children/{}/people#family-{}", w.member.child_id, w.member.id),
         .author_id = actor.person_id,
         .author_name = actor.name},
        now));
    (void)entry;
    return audit::append(c, actor,
                         {action, "family_member", std::to_string(w.member.id), w.home_id,
                          w.member.child_id, fmt::format("version {}", w.member.version)},
                         now);
}

// The entry as this writer must find it: on the child's list, at the version they read.
Result<FamilyMember> current(db::Connection& c, std::int64_t child_id, std::int64_t member_id,
                             int read_version) {
    auto found = TRY(find_family_member(c, child_id, member_id));
    if (!found) {
        return Error::not_found("We could not find that person on the child's list.");
    }
    if (found->version != read_version) {
        return Error::conflict(
            fmt::format("{} changed this entry (version {}) after you opened it (version {}).",
                        found->updated_by_name, found->version, read_version));
    }
    return std::move(*found);
}

Result<std::int64_t> home_of(db::Connection& c, std::int64_t child_id) {
    auto row = TRY(c.query_one("SELECT home_id FROM children WHERE id = $1", {child_id}));
    if (!row) {
        return Error::not_found("We could not find that child's record.");
    }
    return row->integer(0);
}

// The new version of an entry: the row, with its version moved on only if still at the one read.
Status update_row(db::Connection& c, const FamilyMember& m, int read_version,
                  const audit::Actor& actor, const std::string& at) {
    auto n = TRY(c.execute(
        "UPDATE family_members SET name = $1, relationship = $2, "
        "parental_responsibility = $3, contact_details = $4, notes = $5, ended_on = $6, "
        "end_reason = $7, updated_at = $8, updated_by = $9, version = version + 1 "
        "WHERE id = $10 AND version = $11",
        {m.details.name, m.details.relationship, std::int64_t{m.details.parental_responsibility},
         m.details.contact_details, m.details.notes,
         m.ended_on ? db::Value{format_date(*m.ended_on)} : db::Value{nullptr}, m.end_reason, at,
         db::nullable(actor.person_id), m.id, std::int64_t{read_version}}));
    if (n != 1) {
        return Error::conflict("Someone else changed this entry after you opened it.");
    }
    return {};
}
}  // namespace

Result<std::vector<FamilyMember>> family_of(db::Connection& c, std::int64_t child_id) {
    auto rows = TRY(
        c.query(fmt::format("SELECT {} FROM family_members f JOIN people u ON u.id = f.updated_by "
                            "WHERE f.child_id = $1 ORDER BY f.id",
                            columns),
                {child_id}));
    std::vector<FamilyMember> out;
    for (const auto& r : rows) {
        out.push_back(from_row(r));
    }
    std::stable_partition(out.begin(), out.end(),
                          [](const FamilyMember& m) { return !m.ended_on.has_value(); });
    return out;
}

Result<std::optional<FamilyMember>> find_family_member(db::Connection& c, std::int64_t child_id,
                                                       std::int64_t member_id) {
    auto row =
        TRY(c.query_one(fmt::format("SELECT {} FROM family_members f JOIN people u ON "
                                    "u.id = f.updated_by WHERE f.id = $1 AND f.child_id = $2",
                                    columns),
                        {member_id, child_id}));
    if (!row) {
        return std::optional<FamilyMember>{};
    }
    return std::optional<FamilyMember>{from_row(*row)};
}

Result<std::int64_t> add_family_member(db::Connection& c, std::int64_t child_id,
                                       const FamilyMemberDetails& d, const audit::Actor& actor,
                                       Timestamp now) {
    auto home_id = TRY(home_of(c, child_id));
    const std::string at = format_utc(now);
    Written w;
    w.home_id = home_id;
    w.member.child_id = child_id;
    w.member.details = d;
    w.member.version = 1;
    w.member.id =
        TRY(c.insert("INSERT INTO family_members (child_id, name, relationship, "
                     "parental_responsibility, contact_details, notes, created_at, created_by, "
                     "updated_at, updated_by, version) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $7, "
                     "$8, 1) RETURNING id",
                     {child_id, d.name, d.relationship, std::int64_t{d.parental_responsibility},
                      d.contact_details, d.notes, at, db::nullable(actor.person_id)}));
    w.version_id = TRY(keep_family_version(c, w.member, 1, "Added to the list", actor, now));
    TRY(tell(c, w,
             fmt::format("Added to family and people with parental responsibility: {}", d.name),
             describe(d), "create", actor, now));
    return w.member.id;
}

Status amend_family_member(db::Connection& c, std::int64_t child_id, std::int64_t member_id,
                           int read_version, const FamilyMemberDetails& d,
                           const std::string& reason, const audit::Actor& actor, Timestamp now) {
    if (reason.empty()) {
        return Error::invalid("reason", "Enter why you are changing this entry");
    }
    auto before = TRY(current(c, child_id, member_id, read_version));
    Written w;
    w.member = before;
    w.member.details = d;
    const auto changes =
        family_changes_between(version_record(before.details, before.ended_on, before.end_reason),
                               version_record(d, before.ended_on, before.end_reason));
    if (changes.empty()) {
        return Error::invalid("reason", "Nothing was changed, so there is nothing to save");
    }
    const std::string at = format_utc(now);
    TRY(update_row(c, w.member, read_version, actor, at));
    w.member.version = read_version + 1;
    w.home_id = TRY(home_of(c, child_id));
    w.version_id = TRY(keep_family_version(c, w.member, w.member.version, reason, actor, now));
    std::string what;
    for (const auto& ch : changes) {
        what += (what.empty() ? "" : ", ") + ch.label;
    }
    return tell(c, w, fmt::format("Family entry amended: {} ({})", d.name, what), reason, "amend",
                actor, now);
}

Status end_family_member(db::Connection& c, std::int64_t child_id, std::int64_t member_id,
                         int read_version, const FamilyMemberEnding& ending,
                         const audit::Actor& actor, Timestamp now) {
    auto before = TRY(current(c, child_id, member_id, read_version));
    if (before.ended_on) {
        return Error::conflict(fmt::format("This entry already stopped applying on {}.",
                                           format_local_date(*before.ended_on)));
    }
    Written w;
    w.member = before;
    w.member.ended_on = ending.ended_on;
    w.member.end_reason = ending.reason;
    const std::string at = format_utc(now);
    TRY(update_row(c, w.member, read_version, actor, at));
    w.member.version = read_version + 1;
    w.home_id = TRY(home_of(c, child_id));
    w.version_id = TRY(keep_family_version(c, w.member, w.member.version,
                                           "No longer applies: " + ending.reason, actor, now));
    return tell(c, w,
                fmt::format("Family entry no longer applies: {} ({})", before.details.name,
                            before.details.relationship),
                ending.reason, "amend", actor, now);
}

}  // namespace hearth::children
