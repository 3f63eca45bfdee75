#pragma once
// A person's second factor and recovery codes as stored (migrations/0017_second_factor.sql). The
// secret is sealed with a key derived from the audit trail's key, which is kept outside the
// database (audit_keys.hpp): a copy of the database alone cannot make codes.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "platform/audit/audit_trail.hpp"
#include "platform/db/database.hpp"

namespace hearth::second_factor {

struct Enrolment {
    std::string secret;  // opened
    std::optional<Timestamp> confirmed_at;
    std::int64_t last_step = 0;
    int recovery_codes_left = 0;
};

Result<std::optional<Enrolment>> find(db::Connection& c, std::int64_t person_id);

// A new secret for the person to add to their app, not asked for until confirmed; replaces one
// being set up. A conflict when one is already confirmed: it is turned off first.
Result<std::string> start(db::Connection& c, std::int64_t person_id, const audit::Actor& actor,
                          Timestamp now);
// The first code from the app confirms it: from then it is asked for at each sign-in. Returns the
// recovery codes, shown once. A wrong code is refused at the field "code".
Result<std::vector<std::string>> confirm(db::Connection& c, std::int64_t person_id,
                                         const std::string& code, const audit::Actor& actor,
                                         Timestamp now);
// A second factor with a secret already known, confirmed at once: the fictional demo's accounts,
// whose key is published (demo/demo_data.hpp).
Status set_up_with(db::Connection& c, std::int64_t person_id, std::string_view secret,
                   const audit::Actor& actor, Timestamp now);
// A new set of recovery codes; the old ones stop working.
Result<std::vector<std::string>> renew_recovery_codes(db::Connection& c, std::int64_t person_id,
                                                      const audit::Actor& actor, Timestamp now);
// Removes the second factor and its recovery codes: the person turning it off, or an administrator
// for someone who lost their phone (`why` says which, in the trail). A conflict when there is
// none.
Status remove(db::Connection& c, std::int64_t person_id, const std::string& why,
              const audit::Actor& actor, Timestamp now);
// Whether an administrator requires one of the person whatever their roles.
Status set_required(db::Connection& c, std::int64_t person_id, bool required,
                    const audit::Actor& actor, Timestamp now);

// What was typed at sign-in: a code from the app, or an unused recovery code (then used up).
// Both are written down so neither works twice.
enum class Checked { wrong, code, recovery_code };
Result<Checked> check(db::Connection& c, std::int64_t person_id, const std::string& typed,
                      Timestamp now);

}  // namespace hearth::second_factor
