#include "children/child_store.hpp"

#include <fmt/format.h>

namespace hearth::children {

namespace {
constexpr const char* child_columns =
    "c.id, c.home_id, c.first_name, c.last_name, c.preferred_name, c.previous_names, "
    "c.date_of_birth, c.sex, "
    "c.pronouns, c.religion, c.ethnicity, c.language, c.legal_basis, c.placing_authority, "
    "c.placing_authority_contact, c.social_worker_name, c.admission_date, c.reg44_consent, "
    "c.created_at, "
    "c.updated_at, u.name, c.version";

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
    d.reg44_consent = r.boolean(17);
    ch.created_at = r.text(18);
    ch.updated_at = r.text(19);
    ch.updated_by_name = r.text(20);
    ch.version = static_cast<int>(r.integer(21));
    return ch;
}

Status load_key_workers(db::Connection& c, Child& ch) {
    TRY(auto rows,
        c.query("SELECT k.person_id, p.name FROM key_workers k JOIN people p ON p.id = k.person_id "
                "WHERE k.child_id = $1 AND k.ended_at IS NULL ORDER BY p.name",
                {ch.id}));
    for (const auto& r : rows) {
        ch.key_workers.push_back({r.integer(0), r.text(1)});
        ch.details.key_worker_ids.push_back(r.integer(0));
    }
    return {};
}

Result<std::vector<Child>> many(db::Connection& c, const std::string& where,
                                const db::Params& params) {
    TRY(auto rows,
        c.query(fmt::format("SELECT {} FROM children c JOIN people u ON u.id = c.updated_by {} "
                            "ORDER BY c.last_name, c.first_name",
                            child_columns, where),
                params));
    std::vector<Child> out;
    for (const auto& r : rows) {
        out.push_back(from_row(r));
        CHECK_OK(load_key_workers(c, out.back()));
    }
    return out;
}

// Key workers are staff of the child's home.
Status check_key_workers(db::Connection& c, std::int64_t home_id,
                         const std::vector<std::int64_t>& ids) {
    for (auto id : ids) {
        TRY(auto row,
            c.query_one(
                "SELECT 1 FROM roles WHERE person_id = $1 AND home_id = $2 AND ended_at IS NULL "
                "AND role IN ('registered_manager', 'deputy', 'support_worker')",
                {id, home_id}));
        if (!row)
            return Error::invalid("key_workers", "Key workers must be staff of this home");
    }
    return {};
}

Status set_key_workers(db::Connection& c, std::int64_t child_id,
                       const std::vector<std::int64_t>& wanted,
                       const std::vector<std::int64_t>& current, const audit::Actor& actor,
                       const std::string& at) {
    for (auto id : current) {
        if (std::find(wanted.begin(), wanted.end(), id) != wanted.end())
            continue;
        CHECK_OK(
            c.run("UPDATE key_workers SET ended_at = $1, ended_by = $2 WHERE child_id = $3 AND "
                  "person_id = $4 "
                  "AND ended_at IS NULL",
                  {at, db::nullable(actor.person_id), child_id, id}));
    }
    for (auto id : wanted) {
        if (std::find(current.begin(), current.end(), id) != current.end())
            continue;
        CHECK_OK(
            c.run("INSERT INTO key_workers (child_id, person_id, started_at, started_by) VALUES "
                  "($1, $2, $3, $4)",
                  {child_id, id, at, db::nullable(actor.person_id)}));
    }
    return {};
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
            std::int64_t{d.reg44_consent}};
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
    TRY(auto list, many(c, "WHERE c.id = $1", {child_id}));
    if (list.empty())
        return std::optional<Child>{};
    return std::optional<Child>{std::move(list.front())};
}

Result<std::vector<Version>> versions(db::Connection& c, std::int64_t child_id) {
    TRY(auto rows,
        c.query(
            "SELECT v.version, v.record, v.reason, v.changed_at, p.name FROM child_versions v "
            "JOIN people p ON p.id = v.changed_by WHERE v.child_id = $1 ORDER BY v.version DESC",
            {child_id}));
    std::vector<Version> out;
    for (const auto& r : rows) {
        out.push_back({static_cast<int>(r.integer(0)), nlohmann::json::parse(r.text(1)), r.text(2),
                       r.text(3), r.text(4)});
    }
    return out;
}

Result<std::int64_t> admit(db::Connection& c, std::int64_t home_id, const ChildDetails& d,
                           const audit::Actor& actor, Timestamp now) {
    CHECK_OK(check_key_workers(c, home_id, d.key_worker_ids));
    const std::string at = format_utc(now);
    db::Params params{home_id};
    for (auto& p : detail_params(d))
        params.push_back(std::move(p));
    params.push_back(at);
    params.push_back(db::nullable(actor.person_id));
    TRY(auto id,
        c.insert(
            "INSERT INTO children (home_id, first_name, last_name, preferred_name, previous_names, "
            "date_of_birth, sex, pronouns, religion, ethnicity, language, legal_basis, "
            "placing_authority, "
            "placing_authority_contact, social_worker_name, admission_date, reg44_consent, "
            "created_at, "
            "created_by, updated_at, updated_by, version) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, "
            "$9, "
            "$10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $18, $19, 1) RETURNING id",
            params));
    CHECK_OK(set_key_workers(c, id, d.key_worker_ids, {}, actor, at));
    CHECK_OK(c.run(
        "INSERT INTO child_versions (child_id, version, record, reason, changed_at, changed_by) "
        "VALUES ($1, 1, $2, $3, $4, $5)",
        {id, to_json(d).dump(), std::string("Admitted"), at, db::nullable(actor.person_id)}));
    CHECK_OK(audit::append(c, actor,
                           {"create", "child", std::to_string(id), home_id, id, "admitted"}, now));
    return id;
}

Status amend(db::Connection& c, std::int64_t child_id, int read_version, const ChildDetails& d,
             const std::string& reason, const audit::Actor& actor, Timestamp now) {
    if (reason.empty())
        return Error::invalid("reason", "Enter why you are changing this record");
    TRY(auto current, find(c, child_id));
    if (!current)
        return Error::not_found("There is no such child");
    CHECK_OK(check_key_workers(c, current->home_id, d.key_worker_ids));
    const auto changes = changes_between(to_json(current->details), to_json(d));
    if (current->version != read_version) {
        return Error::conflict(
            fmt::format("{} changed this record (version {}) after you opened it (version {}).",
                        current->updated_by_name, current->version, read_version));
    }
    if (changes.empty())
        return Error::invalid("reason", "Nothing was changed, so there is nothing to save");
    const std::string at = format_utc(now);
    db::Params params = detail_params(d);
    params.push_back(at);
    params.push_back(db::nullable(actor.person_id));
    params.push_back(child_id);
    params.push_back(std::int64_t{read_version});
    TRY(auto n,
        c.execute(
            "UPDATE children SET first_name = $1, last_name = $2, preferred_name = $3, "
            "previous_names = $4, date_of_birth = $5, sex = $6, pronouns = $7, religion = $8, "
            "ethnicity = $9, language = $10, legal_basis = $11, placing_authority = $12, "
            "placing_authority_contact = $13, social_worker_name = $14, admission_date = $15, "
            "reg44_consent = $16, updated_at = $17, updated_by = $18, version = version + 1 "
            "WHERE id = $19 AND version = $20",
            params));
    if (n != 1)
        return Error::conflict("Someone else changed this record after you opened it.");
    CHECK_OK(
        set_key_workers(c, child_id, d.key_worker_ids, current->details.key_worker_ids, actor, at));
    CHECK_OK(c.run(
        "INSERT INTO child_versions (child_id, version, record, reason, changed_at, changed_by) "
        "VALUES ($1, $2, $3, $4, $5, $6)",
        {child_id, std::int64_t{read_version + 1}, to_json(d).dump(), reason, at,
         db::nullable(actor.person_id)}));
    std::string fields;
    for (const auto& ch : changes)
        fields += (fields.empty() ? "" : ", ") + ch.field;
    return audit::append(c, actor,
                         {"amend", "child", std::to_string(child_id), current->home_id, child_id,
                          fmt::format("version {}: {} ({})", read_version + 1, fields, reason)},
                         now);
}

Status record_read(db::Connection& c, const Child& child, const audit::Actor& actor,
                   Timestamp now) {
    return audit::append(
        c, actor, {"read", "child", std::to_string(child.id), child.home_id, child.id, ""}, now);
}

Status resolve_scope(db::Connection& c, std::int64_t child_id, Scope& scope) {
    TRY(auto row,
        c.query_one("SELECT c.home_id, h.organisation_id, c.reg44_consent, c.preferred_name, "
                    "c.first_name, c.last_name, h.name, c.left_on FROM children c "
                    "JOIN homes h ON h.id = c.home_id WHERE c.id = $1",
                    {child_id}));
    if (!row)
        return Error::not_found(
            "We could not find that child's record. It may have been moved to another home.");
    scope.home_id = row->integer(0);
    scope.organisation_id = row->integer(1);
    scope.child_id = child_id;
    scope.reg44_consent = row->boolean(2);
    scope.child_name = (row->text(3).empty() ? row->text(4) : row->text(3)) + " " + row->text(5);
    scope.home_name = row->text(6);
    scope.child_has_left = !row->is_null(7);
    return {};
}

}  // namespace hearth::children
