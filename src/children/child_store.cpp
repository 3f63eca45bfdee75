#include "children/child_store.hpp"

#include <fmt/format.h>

#include "children/key_workers/key_worker_store.hpp"
#include "chronology/chronology_store.hpp"
#include "platform/amendments.hpp"

namespace hearth::children {

namespace {
constexpr const char* child_columns =
    "c.id, c.home_id, c.first_name, c.last_name, c.preferred_name, c.previous_names, "
    "c.date_of_birth, c.sex, c.pronouns, c.religion, c.ethnicity, c.language, c.legal_basis, "
    "c.placing_authority, c.placing_authority_contact, c.social_worker_name, c.admission_date, "
    "c.reg44_consent, c.created_at, c.updated_at, u.name, c.version, c.social_worker_contact, "
    "c.address_before, c.iro_name, c.iro_contact, c.independent_visitor, c.advocate, c.school, "
    "c.designated_teacher, c.employer, c.address_on_leaving, c.date_of_death, c.left_on";

// The columns a version writes, in the order of detail_params(): $1..$24.
constexpr const char* detail_columns[] = {"first_name",
                                          "last_name",
                                          "preferred_name",
                                          "previous_names",
                                          "date_of_birth",
                                          "sex",
                                          "pronouns",
                                          "religion",
                                          "ethnicity",
                                          "language",
                                          "legal_basis",
                                          "placing_authority",
                                          "placing_authority_contact",
                                          "social_worker_name",
                                          "admission_date",
                                          "social_worker_contact",
                                          "address_before",
                                          "iro_name",
                                          "iro_contact",
                                          "independent_visitor",
                                          "advocate",
                                          "school",
                                          "designated_teacher",
                                          "employer",
                                          "address_on_leaving",
                                          "date_of_death"};
constexpr std::size_t detail_count = std::size(detail_columns);

Child from_row(const db::Row& r) {
    Child ch;
    ch.id = r.integer(0);
    ch.home_id = r.integer(1);
    auto& d = ch.details;
    d.first_name = r.text(2);
    d.last_name = r.text(3);
    d.preferred_name = r.text(4);
    d.previous_names = r.text(5);
    d.date_of_birth = parse_date(r.text(6)).value_or(Date{});
    d.sex = r.text(7);
    d.pronouns = r.text(8);
    d.religion = r.text(9);
    d.ethnicity = r.text(10);
    d.language = r.text(11);
    d.legal_basis = r.text(12);
    d.placing_authority = r.text(13);
    d.placing_authority_contact = r.text(14);
    d.social_worker_name = r.text(15);
    d.admission_date = parse_date(r.text(16)).value_or(Date{});
    ch.reg44_consent = r.boolean(17);
    ch.created_at = r.text(18);
    ch.updated_at = r.text(19);
    ch.updated_by_name = r.text(20);
    ch.version = static_cast<int>(r.integer(21));
    d.social_worker_contact = r.text(22);
    d.address_before = r.text(23);
    d.iro_name = r.text(24);
    d.iro_contact = r.text(25);
    d.independent_visitor = r.text(26);
    d.advocate = r.text(27);
    d.school = r.text(28);
    d.designated_teacher = r.text(29);
    d.employer = r.text(30);
    d.address_on_leaving = r.text(31);
    d.date_of_death = parse_date(r.text(32));
    ch.left_on = parse_date(r.text(33));
    return ch;
}

Status load_key_workers(db::Connection& c, Child& ch) {
    auto rows = TRY(
        c.query("SELECT k.person_id, p.name FROM key_workers k JOIN people p ON p.id = k.person_id "
                "WHERE k.child_id = $1 AND k.ended_at IS NULL ORDER BY p.name",
                {ch.id}));
    for (const auto& r : rows) {
        ch.key_workers.push_back({r.integer(0), r.text(1)});
    }
    return {};
}

Result<std::vector<Child>> many(db::Connection& c, const std::string& where,
                                const db::Params& params) {
    auto rows =
        TRY(c.query(fmt::format("SELECT {} FROM children c JOIN people u ON u.id = c.updated_by {} "
                                "ORDER BY c.last_name, c.first_name",
                                child_columns, where),
                    params));
    std::vector<Child> out;
    for (const auto& r : rows) {
        out.push_back(from_row(r));
        TRY(load_key_workers(c, out.back()));
    }
    return out;
}

db::Params detail_params(const ChildDetails& d) {
    return {d.first_name,
            d.last_name,
            d.preferred_name,
            d.previous_names,
            format_date(d.date_of_birth),
            d.sex,
            d.pronouns,
            d.religion,
            d.ethnicity,
            d.language,
            d.legal_basis,
            d.placing_authority,
            d.placing_authority_contact,
            d.social_worker_name,
            format_date(d.admission_date),
            d.social_worker_contact,
            d.address_before,
            d.iro_name,
            d.iro_contact,
            d.independent_visitor,
            d.advocate,
            d.school,
            d.designated_teacher,
            d.employer,
            d.address_on_leaving,
            d.date_of_death ? db::Value{format_date(*d.date_of_death)} : db::Value{nullptr}};
}

std::string labels_of(const std::vector<amendments::FieldChange>& changes) {
    std::string out;
    for (const auto& ch : changes) {
        out += (out.empty() ? "" : ", ") + ch.label;
    }
    return out;
}
}  // namespace

Result<std::vector<Child>> in_home(db::Connection& c, std::int64_t home_id) {
    return many(c, "WHERE c.home_id = $1 AND c.left_on IS NULL", {home_id});
}

Result<std::vector<Child>> allocated_to(db::Connection& c, std::int64_t person_id) {
    return many(c,
                "JOIN allocations a ON a.child_id = c.id AND a.ended_at IS NULL "
                "WHERE a.person_id = $1 AND c.left_on IS NULL",
                {person_id});
}

Result<std::optional<Child>> find(db::Connection& c, std::int64_t child_id) {
    auto list = TRY(many(c, "WHERE c.id = $1", {child_id}));
    if (list.empty()) {
        return std::optional<Child>{};
    }
    return std::optional<Child>{std::move(list.front())};
}

Result<std::int64_t> admit(db::Connection& c, std::int64_t home_id, const ChildDetails& d,
                           const WhenAdmitted& when_admitted, const audit::Actor& actor,
                           Timestamp now, std::optional<std::int64_t> first_key_worker) {
    if (first_key_worker) {
        TRY(check_key_workers(c, home_id, {*first_key_worker}, "key_worker"));
    }
    const std::string at = format_utc(now);
    db::Params params{home_id};
    std::string columns = "home_id", placeholders = "$1";
    for (std::size_t i = 0; i < detail_count; ++i) {
        columns += fmt::format(", {}", detail_columns[i]);
        placeholders += fmt::format(", ${}", i + 2);
    }
    for (auto& p : detail_params(d)) {
        params.push_back(std::move(p));
    }
    params.push_back(at);
    params.push_back(db::nullable(actor.person_id));
    const auto n = params.size();
    auto id =
        TRY(c.insert(fmt::format("INSERT INTO children ({}, created_at, created_by, "
                                 "updated_at, updated_by, version) VALUES ({}, ${}, ${}, ${}, "
                                 "${}, 1) RETURNING id",
                                 columns, placeholders, n - 1, n, n - 1, n),
                     params));
    auto version_id = TRY(amendments::keep_version(c, child_record_type, id, 1, to_json(d),
                                                   "Admitted", *actor.person_id, now));
    if (first_key_worker) {
        TRY(start_first_key_worker(c, id, *first_key_worker, actor,
                                   instant_of(d.admission_date, now)));
    }
    auto home = TRY(c.query_one("SELECT name FROM homes WHERE id = $1", {home_id}));
    auto entry = TRY(chronology::record(
        c,
        {.child_id = id,
         .home_id = home_id,
         .occurred_at = instant_of(d.admission_date, now),
         .kind = "admission",
         .source_type = "child_version",
         .source_id = version_id,
         .title = fmt::format("Came to live at {}", home ? home->text(0) : "the home"),
         .summary = fmt::format("Placed by {}: {}.", d.placing_authority,
                                label_in(legal_bases(), d.legal_basis)),
         .link = fmt::format("/children/{}", id),
         .significant = true,
         .author_id = actor.person_id,
         .author_name = actor.name},
        now));
    (void)entry;
    TRY(audit::append(c, actor, {"create", "child", std::to_string(id), home_id, id, "admitted"},
                      now));
    TRY(when_admitted.run(c, id, actor, now));
    return id;
}

Result<std::int64_t> add_version(db::Connection& c, const Child& current, const ChildDetails& d,
                                 const std::string& reason, const audit::Actor& actor,
                                 Timestamp at) {
    db::Params params = detail_params(d);
    std::string sets;
    for (std::size_t i = 0; i < detail_count; ++i) {
        sets += fmt::format("{}{} = ${}", i ? ", " : "", detail_columns[i], i + 1);
    }
    params.push_back(format_utc(at));
    params.push_back(db::nullable(actor.person_id));
    params.push_back(current.id);
    params.push_back(std::int64_t{current.version});
    const auto n = params.size();
    auto changed =
        TRY(c.execute(fmt::format("UPDATE children SET {}, updated_at = ${}, updated_by = ${}, "
                                  "version = version + 1 WHERE id = ${} AND version = ${}",
                                  sets, n - 3, n - 2, n - 1, n),
                      params));
    if (changed != 1) {
        return Error::conflict("Someone else changed this record after you opened it.");
    }
    return amendments::keep_version(c, child_record_type, current.id, current.version + 1,
                                    to_json(d), reason, *actor.person_id, at);
}

Status amend(db::Connection& c, std::int64_t child_id, int read_version, const ChildDetails& d,
             const std::string& reason, const WhenAmended& when_amended, const audit::Actor& actor,
             Timestamp now) {
    if (reason.empty()) {
        return Error::invalid("reason", "Enter why you are changing this record");
    }
    auto current = TRY(find(c, child_id));
    if (!current) {
        return Error::not_found("There is no such child");
    }
    if (current->version != read_version) {
        return Error::conflict(
            fmt::format("{} changed this record (version {}) after you opened it (version {}).",
                        current->updated_by_name, current->version, read_version));
    }
    const auto changes =
        amendments::changes_between(to_json(current->details), to_json(d), field_labels());
    if (changes.empty()) {
        return Error::invalid("reason", "Nothing was changed, so there is nothing to save");
    }
    auto version_id = TRY(add_version(c, *current, d, reason, actor, now));
    const int version = read_version + 1;
    auto entry =
        TRY(chronology::record(c,
                               {.child_id = child_id,
                                .home_id = current->home_id,
                                .occurred_at = now,
                                .kind = "record_change",
                                .source_type = "child_version",
                                .source_id = version_id,
                                .title = "Record amended: " + labels_of(changes),
                                .summary = chronology::summarise(reason),
                                .link = fmt::format("/children/{}#version-{}", child_id, version),
                                .author_id = actor.person_id,
                                .author_name = actor.name},
                               now));
    (void)entry;
    std::string fields;
    for (const auto& ch : changes) {
        fields += (fields.empty() ? "" : ", ") + ch.field;
    }
    TRY(audit::append(c, actor,
                      {"amend", "child", std::to_string(child_id), current->home_id, child_id,
                       fmt::format("version {}: {} ({})", version, fields, reason)},
                      now));
    return when_amended.run(c, child_id, actor, now);
}

Status record_read(db::Connection& c, const Child& child, const audit::Actor& actor,
                   Timestamp now) {
    return audit::append(
        c, actor, {"read", "child", std::to_string(child.id), child.home_id, child.id, ""}, now);
}

Result<Child> open_record(db::Connection& c, std::int64_t child_id, const audit::Actor& actor,
                          Timestamp now) {
    auto child = TRY(find(c, child_id));
    if (!child) {
        return Error::not_found("We could not find that child's record.");
    }
    TRY(record_read(c, *child, actor, now));
    return std::move(*child);
}

Status lock_child(db::Connection& c, std::int64_t child_id) {
    // An update that changes nothing still takes the row's lock until the transaction ends.
    auto n = TRY(c.execute("UPDATE children SET version = version WHERE id = $1", {child_id}));
    if (n != 1) {
        return Error::not_found("We could not find that child's record.");
    }
    return {};
}

Status resolve_scope(db::Connection& c, std::int64_t child_id, Scope& scope) {
    auto row = TRY(
        c.query_one("SELECT c.home_id, h.organisation_id, c.reg44_consent, c.preferred_name, "
                    "c.first_name, c.last_name, h.name, c.left_on, c.date_of_birth FROM children c "
                    "JOIN homes h ON h.id = c.home_id WHERE c.id = $1",
                    {child_id}));
    if (!row) {
        return Error::not_found(
            "We could not find that child's record. It may have been moved to another home.");
    }
    scope.home_id = row->integer(0);
    scope.organisation_id = row->integer(1);
    scope.child_id = child_id;
    scope.reg44_consent = row->boolean(2);
    scope.child_name = (row->text(3).empty() ? row->text(4) : row->text(3)) + " " + row->text(5);
    scope.home_name = row->text(6);
    scope.child_has_left = !row->is_null(7);
    scope.child_born = parse_date(row->text(8));
    return {};
}

}  // namespace hearth::children
