#pragma once
// A member of staff's record (issue 15): what Schedule 4 asks of each person working at a home, the
// checks that show they are fit to work with children (Reg 32(3) and Schedule 2), the supervised
// start a registered manager may allow while the last of them come back, and the qualification the
// role asks for (Reg 32(4): the Level 3 Diploma for residential childcare; Reg 28(2)(c): the Level
// 5 Diploma for a registered manager). Plain data and rules; the store is staff_record_store.hpp.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "platform/amendments.hpp"
#include "platform/auth/permissions.hpp"
#include "platform/choice.hpp"
#include "platform/clock.hpp"
#include "platform/http/form.hpp"

namespace hearth::team {

// Schedule 4: sex, date of birth, home address, qualifications and experience of work with
// children, full- or part-time (paid or not) with average hours a week, whether they live at the
// home, and the dates they started and stopped working there.
struct StaffDetails {
    std::string sex;
    Date date_of_birth{};
    std::string address;
    std::string experience;
    std::string works;  // "full_time", "part_time"
    bool paid = true;
    std::optional<int> hours_per_week;  // asked of part-time staff
    bool lives_at_home = false;
    Date started_on{};
    std::optional<Date> ended_on;
};

const std::vector<Choice>& staff_sexes();
const std::vector<Choice>& ways_of_working();
// Every field named when it is missing or wrong; nothing read half.
Result<StaffDetails> read_staff_details(http::FormReader& form, Date today);
// As record_versions keeps it, and as the page's history compares it.
nlohmann::json details_record(const StaffDetails& d);
const amendments::FieldLabels& details_labels();

// Schedule 2's information about a person, one kind of check at a time.
enum class CheckKind { identity, dbs, dbs_update, reference, employment_history, right_to_work };
const std::vector<Choice>& check_kinds();
std::optional<CheckKind> check_kind_from(const std::string& key);
std::string check_key(CheckKind k);
std::string check_label(CheckKind k);

struct CheckInput {
    CheckKind kind = CheckKind::identity;
    std::string what;  // the document seen, the certificate's number, the referee and their role
    Date dated{};      // seen, issued, received, checked on
    std::string note;  // the gaps and their explanation; the update service subscription
};
// Refused at the field: a day in the future, a DBS number that is not twelve digits, an employment
// history without what was said of its gaps.
Result<CheckInput> read_check(http::FormReader& form, Date today);

// Two references, one of them from the most recent employer (Schedule 2, paragraph 3).
inline constexpr int references_needed = 2;
// What is still to be recorded before the person is fit to work with children: empty when every
// check is. In the order of check_kinds().
std::vector<std::string> missing_checks(const std::vector<CheckKind>& recorded);

// A start under supervision before every check is recorded: why, and the day the rest must be
// recorded by (no later than `longest_days` from today).
struct SupervisedStart {
    std::string reason;
    Date checks_by{};
};
Result<SupervisedStart> read_supervised_start(http::FormReader& form, Date today, int longest_days);

// A correction a member of staff asks of their own record: the detail, what it should say and why.
// The details a form can apply when the registered manager accepts it; "other" for anything else,
// which the manager corrects by hand.
struct CorrectionRequest {
    std::string field;
    std::string asked;
    std::string why;
};
const std::vector<Choice>& requestable_details();
Result<CorrectionRequest> read_correction_request(http::FormReader& form);
// The details with what was asked in place, read as the details form reads them: refused at
// "asked" when it is not a value the detail can take (a date of birth that is not a date).
Result<StaffDetails> with_request(const StaffDetails& d, const CorrectionRequest& r, Date today);

enum class Qualification { level3_residential, level5_leadership };
const std::vector<Choice>& qualifications();
std::optional<Qualification> qualification_from(const std::string& key);
std::string qualification_key(Qualification q);
std::string qualification_label(Qualification q);
// The qualification a role with children asks for: Level 5 for a registered manager, Level 3 for
// the rest of the care team; none for other roles.
std::optional<Qualification> qualification_for(Role role);
// The day it must be achieved by: `years` (a setting) from the day they started in the role.
Date achieve_by(Date started_on, int years);

struct QualificationInput {
    Qualification qualification = Qualification::level3_residential;
    Date registered_on{};
};
Result<QualificationInput> read_qualification(http::FormReader& form, Date today);
// The day it was achieved: not before they registered on it, not in the future.
Result<Date> read_achieved(http::FormReader& form, Date registered_on, Date today);

}  // namespace hearth::team
