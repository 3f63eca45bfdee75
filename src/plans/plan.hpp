#pragma once
// A child's relevant plan or risk assessment and its versions: plain data and the rules of what
// may be written (Children's Homes Regulations 2015: "relevant plan, risk assessment: its own
// review date; reviewed, with the child's views"). Built from a form only through read_version()
// and read_sharing(), which name every field at fault.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "deadlines/deadline.hpp"
#include "plans/plan_kinds.hpp"
#include "platform/choice.hpp"
#include "platform/clock.hpp"
#include "platform/http/form.hpp"

namespace hearth::plans {

// The level of a risk, as the assessment judges it now.
const std::vector<Choice>& risk_levels();  // low, medium, high
// "Placement plan" -> "placement plan", for a plan's title inside a sentence.
std::string lower_first(std::string s);
std::string risk_level_label(const std::string& key);
std::string risk_level_tag(const std::string& key);  // the GOV.UK tag colour class
// A new assessment at high, or a change to high from a lower level: a significant event.
bool rose_to_high(const std::string& before, const std::string& after);

// Who a version can be shared with; anyone else is named in words.
const std::vector<Choice>& recipients();
std::string recipient_label(const std::string& key);

struct SectionText {
    std::string key;
    std::string label;
    std::string text;
};

// What a writer gives for a version: the first of a plan, or a new one.
struct VersionInput {
    std::vector<SectionText> sections;  // in the kind's order
    std::string risk_level;             // empty for a plan that is not a risk assessment
    Date effective_on{};
    Date review_by{};
    std::string reason;
    std::string child_views;      // "what I think about my plan", in the child's words
    std::string views_not_asked;  // or why they were not asked, or did not want to say
};

// The longest a review can be put off, counted from the version's effective date, is the
// organisation's setting (organisation/settings.hpp, six calendar months unless it is changed):
// the child's own statutory review comes at least every six months once a placement has settled,
// and looks at these plans. It also catches the slip of a finger that puts a review in 2062.
// How far ahead a version can take effect: written before a planned move or a change of school.
inline constexpr int furthest_effective_months = 3;

// The rules on a version's dates, each naming the field at fault. `previous_effective_on` is the
// effective date of the version it replaces, when there is one: versions follow one another.
std::vector<FieldError> date_problems(Date effective_on, Date review_by, Date today,
                                      std::optional<Date> previous_effective_on,
                                      int longest_review_months);

// Sections are sent as section_KEY (section_what_helps).
std::string section_field(const Section& s);
inline constexpr std::size_t longest_section = 4000;

Result<VersionInput> read_version(http::FormReader& form, const PlanKind& kind, Date today,
                                  std::optional<Date> previous_effective_on,
                                  int longest_review_months);

// The name of an "another area" risk assessment, read when the plan is started.
std::string read_area_name(http::FormReader& form, const PlanKind& kind);

struct SharingInput {
    int version = 0;                // the version that was shared
    std::vector<std::string> with;  // keys of recipients()
    std::string others;             // anyone else, named
    Date shared_on{};
};
Result<SharingInput> read_sharing(http::FormReader& form, Date today);
// A version cannot be shared before it was written.
std::optional<FieldError> sharing_problem(Date shared_on, Date written_on);

// The stored form of a version's sections: JSON [{key, label, text}].
std::string sections_json(const std::vector<SectionText>& sections);
std::vector<SectionText> sections_from_json(const std::string& text);
// The text of one section, or empty when the version has no such section.
std::string section_text(const std::vector<SectionText>& sections, const std::string& key);

// Where a plan's review stands: its review-by date runs to the end of that day in the home's zone,
// and is "due soon" in the last week before it.
struct ReviewStanding {
    deadlines::Standing standing = deadlines::Standing::upcoming;
    std::string label;     // "Review overdue"
    std::string tag;       // the GOV.UK tag colour class
    std::string in_words;  // "3 days overdue", "due in 20 days"
    bool overdue = false;
};
inline constexpr std::chrono::hours review_due_soon{24 * 7};
ReviewStanding review_standing(Date review_by, Timestamp now);

// The lines of a section as a list: blank lines dropped, and a leading "- ", "* " or "• " taken
// off, since the page draws its own bullets.
std::vector<std::string> lines_of(const std::string& text);

// "Safety plan, version 3": the chronology's title for a version.
std::string version_title(const std::string& plan_title, int version);

}  // namespace hearth::plans
