#include "organisation/homes.hpp"

#include <fmt/format.h>

namespace hearth::organisation {

namespace {
constexpr const char* home_columns =
    "h.id, h.organisation_id, h.name, COALESCE(h.ofsted_urn, ''), "
    "(SELECT COUNT(*) FROM children c WHERE c.home_id = h.id AND c.left_on IS NULL), "
    "(SELECT COUNT(DISTINCT r.person_id) FROM roles r WHERE r.home_id = h.id AND r.ended_at IS "
    "NULL "
    " AND r.role IN ('registered_manager', 'deputy', 'support_worker')), h.local_authority, "
    "h.private_phone_kind, h.private_phone";

Home home_from(const db::Row& r) {
    return Home{r.integer(0), r.integer(1), r.text(2), r.text(3), r.integer(4),
                r.integer(5), r.text(6),    r.text(7), r.text(8)};
}
}  // namespace

Result<std::string> organisation_name(db::Connection& c, std::int64_t organisation_id) {
    auto row = TRY(c.query_one("SELECT name FROM organisations WHERE id = $1", {organisation_id}));
    return row ? row->text(0) : std::string{};
}

Result<std::vector<Home>> homes_of(db::Connection& c, std::int64_t organisation_id) {
    auto rows = TRY(c.query(std::string("SELECT ") + home_columns +
                                " FROM homes h WHERE h.organisation_id = $1 ORDER BY h.name",
                            {organisation_id}));
    std::vector<Home> out;
    for (const auto& r : rows) {
        out.push_back(home_from(r));
    }
    return out;
}

Result<std::optional<Home>> find_home(db::Connection& c, std::int64_t home_id) {
    auto row = TRY(c.query_one(
        std::string("SELECT ") + home_columns + " FROM homes h WHERE h.id = $1", {home_id}));
    if (!row) {
        return std::optional<Home>{};
    }
    return std::optional<Home>{home_from(*row)};
}

Result<std::vector<StaffMember>> people_of_home(db::Connection& c, std::int64_t home_id) {
    auto rows = TRY(
        c.query("SELECT p.id, p.name, p.email, COALESCE(p.job_title, ''), r.role, p.disabled_at, "
                "r.awaiting_checks_since FROM roles r JOIN people p ON p.id = r.person_id "
                "WHERE r.home_id = $1 AND r.ended_at IS NULL ORDER BY p.name, p.id",
                {home_id}));
    std::vector<StaffMember> out;
    for (const auto& r : rows) {
        if (out.empty() || out.back().person_id != r.integer(0)) {
            out.push_back({r.integer(0), r.text(1), r.text(2), r.text(3), {}, {}, !r.is_null(5)});
        }
        if (auto role = role_from_key(r.text(4))) {
            (r.is_null(6) ? out.back().roles : out.back().awaiting_roles).push_back(*role);
        }
    }
    return out;
}

Result<std::int64_t> create_organisation(db::Connection& c, const std::string& name,
                                         const std::string& at) {
    if (name.empty()) {
        return Error::invalid("organisation", "Enter the organisation's name");
    }
    return c.insert("INSERT INTO organisations (name, created_at) VALUES ($1, $2) RETURNING id",
                    {name, at});
}

Result<std::int64_t> create_home(db::Connection& c, std::int64_t organisation_id,
                                 const std::string& name, const std::string& ofsted_urn,
                                 const std::string& at) {
    if (name.empty()) {
        return Error::invalid("home", "Enter the home's name");
    }
    return c.insert(
        "INSERT INTO homes (organisation_id, name, ofsted_urn, created_at) VALUES ($1, $2, $3, $4) "
        "RETURNING id",
        {organisation_id, name, ofsted_urn, at});
}

const std::vector<Choice>& private_phone_kinds() {
    static const std::vector<Choice> all{
        {"home_phone", "The home's phone, taken to a private place"},
        {"mobile", "A dedicated mobile phone"},
    };
    return all;
}

Result<HomeDetails> read_home_details(http::FormReader& form) {
    HomeDetails d;
    d.ofsted_urn = form.text("ofsted_urn", "the home's Ofsted URN", {.max = 20});
    d.local_authority = form.text("local_authority", "the local authority where the home is",
                                  {.required = true, .max = 150});
    d.private_phone_kind = form.choice("private_phone_kind", "which phone children use privately",
                                       keys_of(private_phone_kinds()), false);
    d.private_phone = form.text("private_phone", "how children can make calls privately",
                                {.max = 1000, .multiline = true});
    if (!d.private_phone.empty() && d.private_phone_kind.empty()) {
        form.fail("private_phone_kind", "Choose which phone children use to call privately");
    }
    TRY(form.finish());
    return d;
}

Status change_home_details(db::Connection& c, std::int64_t home_id, const HomeDetails& d,
                           const audit::Actor& actor, Timestamp now) {
    auto before = TRY(find_home(c, home_id));
    if (!before) {
        return Error::not_found("We could not find that home.");
    }
    if (before->ofsted_urn == d.ofsted_urn && before->local_authority == d.local_authority &&
        before->private_phone_kind == d.private_phone_kind &&
        before->private_phone == d.private_phone) {
        return {};
    }
    TRY(
        c.run("UPDATE homes SET ofsted_urn = $1, local_authority = $2, private_phone_kind = $3, "
              "private_phone = $4 WHERE id = $5",
              {d.ofsted_urn, d.local_authority, d.private_phone_kind, d.private_phone, home_id}));
    return audit::append(
        c, actor,
        {"change", "home", std::to_string(home_id), home_id, std::nullopt,
         fmt::format("Ofsted URN {}, was {}; local authority {}, was {}; private phone {}: {}, "
                     "was {}: {}",
                     d.ofsted_urn, before->ofsted_urn, d.local_authority, before->local_authority,
                     d.private_phone_kind, d.private_phone, before->private_phone_kind,
                     before->private_phone)},
        now);
}

Status resolve_home_scope(db::Connection& c, std::int64_t home_id, Scope& scope) {
    auto row = TRY(c.query_one("SELECT organisation_id, name FROM homes WHERE id = $1", {home_id}));
    if (!row) {
        return Error::not_found("We could not find that home.");
    }
    scope.home_id = home_id;
    scope.organisation_id = row->integer(0);
    scope.home_name = row->text(1);
    return {};
}

}  // namespace hearth::organisation
