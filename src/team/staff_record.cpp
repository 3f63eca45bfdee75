#include "team/staff_record.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "platform/months.hpp"

namespace hearth::team {

namespace {

// Nobody working in a children's home is younger than this on the day they start.
constexpr int youngest_worker_years = 18;

// 29 February, years on or before, is the last day of that February.
Date years_after(Date day, int years) {
    return add_months(day, years * 12);
}

std::string digits_of(const std::string& text) {
    std::string out;
    for (const char ch : text) {
        if (std::isdigit(static_cast<unsigned char>(ch))) {
            out += ch;
        } else if (ch != ' ' && ch != '-') {
            return "";
        }
    }
    return out;
}

// What each kind of check asks for: the label of its "what", of its day, and of its note, and
// whether the note is required.
struct CheckWords {
    CheckKind kind;
    const char* what;
    const char* dated;
    const char* note;
    bool note_required;
};
constexpr CheckWords check_words[] = {
    {CheckKind::identity, "the document seen with their photograph", "the day it was seen",
     "anything to add", false},
    {CheckKind::dbs, "the enhanced DBS certificate's number", "the day it was issued",
     "whether they subscribe to the update service, and anything the certificate disclosed", false},
    {CheckKind::dbs_update, "the certificate's number checked on the update service",
     "the day it was checked", "what the update service said", true},
    {CheckKind::reference, "who gave the reference, and their role", "the day it was received",
     "what it said of their work with children", false},
    {CheckKind::employment_history, "the history's dates, from school to now",
     "the day it was checked", "each gap and how they explained it", true},
    {CheckKind::right_to_work, "the document seen", "the day it was seen", "anything to add",
     false},
};

const CheckWords& words_for(CheckKind k) {
    return *std::find_if(std::begin(check_words), std::end(check_words),
                         [&](const CheckWords& w) { return w.kind == k; });
}

}  // namespace

const std::vector<Choice>& staff_sexes() {
    static const std::vector<Choice> all{
        {"female", "Female"}, {"male", "Male"}, {"other", "Other"}};
    return all;
}

const std::vector<Choice>& ways_of_working() {
    static const std::vector<Choice> all{{"full_time", "Full-time"}, {"part_time", "Part-time"}};
    return all;
}

Result<StaffDetails> read_staff_details(http::FormReader& form, Date today) {
    StaffDetails d;
    d.sex = form.choice("sex", "their sex", keys_of(staff_sexes()), true);
    auto born =
        form.date("date_of_birth", "their date of birth",
                  {.required = true, .not_after = years_after(today, -youngest_worker_years)});
    d.address = form.text("address", "their home address",
                          {.required = true, .max = 500, .multiline = true});
    d.experience =
        form.text("experience", "their qualifications and experience of work with children",
                  {.required = true, .max = 4000, .multiline = true});
    d.works = form.choice("works", "whether they work full-time or part-time",
                          keys_of(ways_of_working()), true);
    d.paid = form.choice("paid", "whether they are paid", {"yes", "no"}, true) != "no";
    const auto hours = form.integer("hours_per_week", "the average hours they work a week",
                                    d.works == "part_time", 1, 60);
    if (d.works == "part_time") {
        d.hours_per_week = hours;
    }
    d.lives_at_home =
        form.choice("lives_at_home", "whether they live at the home", {"yes", "no"}, true) == "yes";
    auto started = form.date("started_on", "the day they started working here",
                             {.required = true, .not_after = today, .after_label = "today"});
    auto ended = form.date("ended_on", "the day they stopped working here",
                           {.not_after = today, .after_label = "today"});
    if (started && ended && *ended < *started) {
        form.fail("ended_on",
                  "The day they stopped working here must be on or after the day they "
                  "started");
    }
    if (born && started && *started < *born) {
        form.fail("started_on", "The day they started must be after their date of birth");
    }
    TRY(form.finish());
    d.date_of_birth = *born;
    d.started_on = *started;
    d.ended_on = ended;
    return d;
}

nlohmann::json details_record(const StaffDetails& d) {
    return {{"sex", label_in(staff_sexes(), d.sex)},
            {"date_of_birth", format_date(d.date_of_birth)},
            {"address", d.address},
            {"experience", d.experience},
            {"works", label_in(ways_of_working(), d.works)},
            {"paid", d.paid ? "Yes" : "No"},
            {"hours_per_week", d.hours_per_week ? std::to_string(*d.hours_per_week) : ""},
            {"lives_at_home", d.lives_at_home ? "Yes" : "No"},
            {"started_on", format_date(d.started_on)},
            {"ended_on", d.ended_on ? format_date(*d.ended_on) : ""}};
}

const amendments::FieldLabels& details_labels() {
    static const amendments::FieldLabels labels{
        {"sex", "Sex"},
        {"date_of_birth", "Date of birth"},
        {"address", "Home address"},
        {"experience", "Qualifications and experience of work with children"},
        {"works", "Full-time or part-time"},
        {"paid", "Paid"},
        {"hours_per_week", "Average hours a week"},
        {"lives_at_home", "Lives at the home"},
        {"started_on", "Started working here"},
        {"ended_on", "Stopped working here"},
    };
    return labels;
}

const std::vector<Choice>& requestable_details() {
    static const std::vector<Choice> all{
        {"address", "Home address"},
        {"experience", "Qualifications and experience of work with children"},
        {"date_of_birth", "Date of birth (as 1990-03-14)"},
        {"hours_per_week", "Average hours a week"},
        {"other", "Something else"},
    };
    return all;
}

Result<CorrectionRequest> read_correction_request(http::FormReader& form) {
    CorrectionRequest r;
    r.field = form.choice("field", "which detail is wrong", keys_of(requestable_details()), true);
    r.asked = form.text("asked", "what it should say",
                        {.required = true, .max = 4000, .multiline = true});
    r.why =
        form.text("because", "why it is wrong", {.required = true, .max = 2000, .multiline = true});
    TRY(form.finish());
    return r;
}

Result<StaffDetails> with_request(const StaffDetails& d, const CorrectionRequest& r, Date today) {
    if (r.field == "other") {
        return Error::invalid("field", "Something else is corrected by hand, then accepted");
    }
    if (r.field == "hours_per_week" && d.works != "part_time") {
        return Error::invalid("asked",
                              "Hours a week are kept for part-time staff: ask for "
                              "something else, saying you work part-time now");
    }
    auto values = TRY(http::FormData::from_urlencoded(""));
    values.set("sex", d.sex);
    values.set("date_of_birth", format_date(d.date_of_birth));
    values.set("address", d.address);
    values.set("experience", d.experience);
    values.set("works", d.works);
    values.set("paid", d.paid ? "yes" : "no");
    values.set("hours_per_week", d.hours_per_week ? std::to_string(*d.hours_per_week) : "");
    values.set("lives_at_home", d.lives_at_home ? "yes" : "no");
    values.set("started_on", format_date(d.started_on));
    values.set("ended_on", d.ended_on ? format_date(*d.ended_on) : "");
    values.set(r.field, r.asked);
    http::FormReader reader(values);
    auto read = read_staff_details(reader, today);
    if (!read.ok()) {
        const auto& fields = read.error().fields;
        return Error::invalid("asked",
                              fields.empty() ? read.error().message : fields.front().message);
    }
    return read;
}

const std::vector<Choice>& check_kinds() {
    static const std::vector<Choice> all{
        {"identity", "Identity seen, with a photograph"},
        {"dbs", "Enhanced DBS certificate, with the children's barred list"},
        {"dbs_update", "DBS update service check"},
        {"reference", "Reference"},
        {"employment_history", "Full employment history, gaps explained"},
        {"right_to_work", "Right to work in the UK"},
    };
    return all;
}

std::optional<CheckKind> check_kind_from(const std::string& key) {
    for (const auto& w : check_words) {
        if (check_key(w.kind) == key) {
            return w.kind;
        }
    }
    return std::nullopt;
}

std::string check_key(CheckKind k) {
    return check_kinds()[static_cast<std::size_t>(k)].key;
}

std::string check_label(CheckKind k) {
    return check_kinds()[static_cast<std::size_t>(k)].label;
}

Result<CheckInput> read_check(http::FormReader& form, Date today) {
    const auto key = form.choice("kind", "which check this is", keys_of(check_kinds()), true);
    const auto kind = check_kind_from(key);
    const auto& words = words_for(kind.value_or(CheckKind::identity));
    CheckInput in;
    in.kind = kind.value_or(CheckKind::identity);
    in.what = form.text("what", words.what, {.required = true, .max = 300});
    auto dated = form.date("dated", words.dated,
                           {.required = true, .not_after = today, .after_label = "today"});
    in.note = form.text("note", words.note,
                        {.required = kind && words.note_required, .max = 4000, .multiline = true});
    if (kind == CheckKind::dbs || kind == CheckKind::dbs_update) {
        // A DBS certificate's number is twelve digits.
        if (!in.what.empty() && digits_of(in.what).size() != 12) {
            form.fail("what", "Enter the certificate's number: twelve digits, as printed on it");
        }
    }
    TRY(form.finish());
    in.dated = *dated;
    if (kind == CheckKind::dbs || kind == CheckKind::dbs_update) {
        in.what = digits_of(in.what);
    }
    return in;
}

std::vector<std::string> missing_checks(const std::vector<CheckKind>& recorded) {
    auto count = [&](CheckKind k) { return std::count(recorded.begin(), recorded.end(), k); };
    std::vector<std::string> out;
    for (const auto k : {CheckKind::identity, CheckKind::dbs, CheckKind::reference,
                         CheckKind::employment_history, CheckKind::right_to_work}) {
        if (k == CheckKind::reference) {
            const auto have = count(k);
            if (have < references_needed) {
                out.push_back(have == 0 ? "Two references" : fmt::format("A second reference"));
            }
        } else if (count(k) == 0) {
            out.push_back(check_label(k));
        }
    }
    return out;
}

Result<SupervisedStart> read_supervised_start(http::FormReader& form, Date today,
                                              int longest_days) {
    SupervisedStart s;
    s.reason = form.text("why", "why they may start under supervision before every check is back",
                         {.required = true, .max = 4000, .multiline = true});
    const Date latest{std::chrono::sys_days{today} + std::chrono::days{longest_days}};
    auto by = form.date("checks_by", "the day every check must be recorded by",
                        {.required = true,
                         .not_after = latest,
                         .not_before = today,
                         .after_label = fmt::format("{} days from today", longest_days)});
    TRY(form.finish());
    s.checks_by = *by;
    return s;
}

const std::vector<Choice>& qualifications() {
    static const std::vector<Choice> all{
        {"level3_residential",
         "Level 3 Diploma for Residential Childcare (England), or one at least equivalent"},
        {"level5_leadership",
         "Level 5 Diploma in Leadership and Management for Residential Childcare (England)"},
    };
    return all;
}

std::optional<Qualification> qualification_from(const std::string& key) {
    if (key == "level3_residential") {
        return Qualification::level3_residential;
    }
    if (key == "level5_leadership") {
        return Qualification::level5_leadership;
    }
    return std::nullopt;
}

std::string qualification_key(Qualification q) {
    return qualifications()[static_cast<std::size_t>(q)].key;
}

std::string qualification_label(Qualification q) {
    return qualifications()[static_cast<std::size_t>(q)].label;
}

std::optional<Qualification> qualification_for(Role role) {
    switch (role) {
        case Role::registered_manager:
            return Qualification::level5_leadership;
        case Role::deputy:
        case Role::support_worker:
            return Qualification::level3_residential;
        default:
            return std::nullopt;
    }
}

Date achieve_by(Date started_on, int years) {
    return years_after(started_on, years);
}

Result<QualificationInput> read_qualification(http::FormReader& form, Date today) {
    QualificationInput in;
    const auto key =
        form.choice("qualification", "the qualification", keys_of(qualifications()), true);
    auto on = form.date("registered_on", "the day they registered on it",
                        {.required = true, .not_after = today, .after_label = "today"});
    TRY(form.finish());
    in.qualification = *qualification_from(key);
    in.registered_on = *on;
    return in;
}

Result<Date> read_achieved(http::FormReader& form, Date registered_on, Date today) {
    auto on = form.date("achieved_on", "the day they achieved it",
                        {.required = true,
                         .not_after = today,
                         .not_before = registered_on,
                         .after_label = "today"});
    TRY(form.finish());
    return *on;
}

}  // namespace hearth::team
