#include "children/child.hpp"

#include <algorithm>
#include <limits>

namespace hearth::children {

const std::vector<Choice>& legal_bases() {
    static const std::vector<Choice> all{
        {"s20", "Accommodated by agreement (section 20, Children Act 1989)"},
        {"s31", "Care order (section 31)"},
        {"s38", "Interim care order (section 38)"},
        {"s44", "Emergency protection order (section 44)"},
        {"remand", "Remanded to local authority accommodation"},
        {"short_breaks", "Short breaks"},
        {"other", "Other: recorded in the placement plan"},
    };
    return all;
}

const std::vector<Choice>& sexes() {
    static const std::vector<Choice> all{
        {"female", "Female"}, {"male", "Male"}, {"other", "Another description"}};
    return all;
}

namespace {
// Every field of the record, without finishing the form: the admit and amend readers add their own.
ChildDetails read_fields(http::FormReader& f, Date today) {
    ChildDetails d;
    d.first_name = f.text("first_name", "first name", {.required = true, .max = 100});
    d.last_name = f.text("last_name", "last name", {.required = true, .max = 100});
    d.preferred_name = f.text("preferred_name", "Preferred name", {.max = 100});
    d.previous_names = f.text("previous_names", "Previous names", {.max = 300});
    auto dob = f.date("date_of_birth", "date of birth",
                      {.required = true, .not_after = today, .after_label = "today"});
    d.sex = f.choice("sex", "sex", keys_of(sexes()), true);
    d.pronouns = f.text("pronouns", "Pronouns", {.max = 50});
    d.religion = f.text("religion", "Religion", {.max = 100});
    d.ethnicity = f.text("ethnicity", "Ethnicity", {.max = 100});
    d.language = f.text("language", "Language and cultural background", {.max = 300});
    d.legal_basis =
        f.choice("legal_basis", "the legal basis of the placement", keys_of(legal_bases()), true);
    d.placing_authority =
        f.text("placing_authority", "the placing authority", {.required = true, .max = 150});
    d.placing_authority_contact =
        f.text("placing_authority_contact", "Placing authority contact", {.max = 200});
    d.social_worker_name = f.text("social_worker_name", "Social worker", {.max = 150});
    d.social_worker_contact =
        f.text("social_worker_contact", "Social worker's contact details", {.max = 200});
    auto admitted = f.date("admission_date", "admission date",
                           {.required = true, .not_after = today, .after_label = "today"});
    d.address_before =
        f.text("address_before", "Address before coming here", {.max = 500, .multiline = true});
    d.iro_name = f.text("iro_name", "Independent Reviewing Officer", {.max = 150});
    d.iro_contact =
        f.text("iro_contact", "Independent Reviewing Officer's contact details", {.max = 200});
    d.independent_visitor = f.text("independent_visitor", "Independent visitor", {.max = 200});
    d.advocate = f.text("advocate", "Advocate", {.max = 200});
    d.school = f.text("school", "School or college", {.max = 200});
    d.designated_teacher = f.text("designated_teacher", "Designated teacher", {.max = 200});
    d.employer = f.text("employer", "Employer", {.max = 200});
    d.address_on_leaving =
        f.text("address_on_leaving", "Address on leaving", {.max = 500, .multiline = true});
    d.date_of_death =
        f.date("date_of_death", "date of death", {.not_after = today, .after_label = "today"});
    if (dob) {
        d.date_of_birth = *dob;
    }
    if (admitted) {
        d.admission_date = *admitted;
    }
    if (dob && admitted && *admitted < *dob) {
        f.fail("admission_date", "Admission date must be on or after the date of birth");
    }
    if (dob && whole_years_between(*dob, today) > 25) {
        f.fail("date_of_birth",
               "Date of birth must be within the last 25 years: children's homes care for children "
               "and young people");
    }
    if (dob && d.date_of_death && *d.date_of_death < *dob) {
        f.fail("date_of_death", "Date of death must be on or after the date of birth");
    }
    return d;
}
}  // namespace

Result<ChildDetails> read_child_details(http::FormReader& f, Date today) {
    ChildDetails d = read_fields(f, today);
    TRY(f.finish());
    return d;
}

Result<Admission> read_admission(http::FormReader& f, Date today) {
    Admission a;
    a.key_worker =
        f.integer("key_worker", "Key worker", false, 1, std::numeric_limits<std::int64_t>::max());
    a.details = read_fields(f, today);
    // These belong to the end of a placement: recorded when it ends, not on the day it starts.
    if (!a.details.address_on_leaving.empty()) {
        f.fail("address_on_leaving",
               "Address on leaving is recorded when the child leaves, not at admission");
    }
    if (a.details.date_of_death) {
        f.fail("date_of_death", "A date of death cannot be recorded at admission");
    }
    TRY(f.finish());
    return a;
}

nlohmann::json to_json(const ChildDetails& d) {
    return {{"first_name", d.first_name},
            {"last_name", d.last_name},
            {"preferred_name", d.preferred_name},
            {"previous_names", d.previous_names},
            {"date_of_birth", format_date(d.date_of_birth)},
            {"sex", d.sex},
            {"pronouns", d.pronouns},
            {"religion", d.religion},
            {"ethnicity", d.ethnicity},
            {"language", d.language},
            {"legal_basis", d.legal_basis},
            {"placing_authority", d.placing_authority},
            {"placing_authority_contact", d.placing_authority_contact},
            {"social_worker_name", d.social_worker_name},
            {"social_worker_contact", d.social_worker_contact},
            {"admission_date", format_date(d.admission_date)},
            {"address_before", d.address_before},
            {"iro_name", d.iro_name},
            {"iro_contact", d.iro_contact},
            {"independent_visitor", d.independent_visitor},
            {"advocate", d.advocate},
            {"school", d.school},
            {"designated_teacher", d.designated_teacher},
            {"employer", d.employer},
            {"address_on_leaving", d.address_on_leaving},
            {"date_of_death",
             d.date_of_death ? nlohmann::json(format_date(*d.date_of_death)) : nlohmann::json()}};
}

ChildDetails from_json(const nlohmann::json& j) {
    ChildDetails d;
    auto s = [&](const char* k) {
        return j.contains(k) && j[k].is_string() ? j[k].get<std::string>() : std::string{};
    };
    d.first_name = s("first_name");
    d.last_name = s("last_name");
    d.preferred_name = s("preferred_name");
    d.previous_names = s("previous_names");
    d.date_of_birth = parse_date(s("date_of_birth")).value_or(Date{});
    d.sex = s("sex");
    d.pronouns = s("pronouns");
    d.religion = s("religion");
    d.ethnicity = s("ethnicity");
    d.language = s("language");
    d.legal_basis = s("legal_basis");
    d.placing_authority = s("placing_authority");
    d.placing_authority_contact = s("placing_authority_contact");
    d.social_worker_name = s("social_worker_name");
    d.social_worker_contact = s("social_worker_contact");
    d.admission_date = parse_date(s("admission_date")).value_or(Date{});
    d.address_before = s("address_before");
    d.iro_name = s("iro_name");
    d.iro_contact = s("iro_contact");
    d.independent_visitor = s("independent_visitor");
    d.advocate = s("advocate");
    d.school = s("school");
    d.designated_teacher = s("designated_teacher");
    d.employer = s("employer");
    d.address_on_leaving = s("address_on_leaving");
    d.date_of_death = parse_date(s("date_of_death"));
    return d;
}

const amendments::FieldLabels& field_labels() {
    static const amendments::FieldLabels labels{
        {"first_name", "First name"},
        {"last_name", "Last name"},
        {"preferred_name", "Preferred name"},
        {"previous_names", "Previous names"},
        {"date_of_birth", "Date of birth"},
        {"sex", "Sex"},
        {"pronouns", "Pronouns"},
        {"religion", "Religion"},
        {"ethnicity", "Ethnicity"},
        {"language", "Language and cultural background"},
        {"legal_basis", "Legal basis of placement"},
        {"placing_authority", "Placing authority"},
        {"placing_authority_contact", "Placing authority contact"},
        {"social_worker_name", "Social worker"},
        {"social_worker_contact", "Social worker's contact details"},
        {"admission_date", "Admission date"},
        {"address_before", "Address before coming here"},
        {"iro_name", "Independent Reviewing Officer"},
        {"iro_contact", "Independent Reviewing Officer's contact details"},
        {"independent_visitor", "Independent visitor"},
        {"advocate", "Advocate"},
        {"school", "School or college"},
        {"designated_teacher", "Designated teacher"},
        {"employer", "Employer"},
        {"address_on_leaving", "Address on leaving"},
        {"date_of_death", "Date of death"},
    };
    return labels;
}

Timestamp instant_of(Date day, Timestamp now) {
    if (day == local_date_of(now)) {
        return now;
    }
    if (auto midnight = from_local(day, 0, 0)) {
        return *midnight;
    }
    // A zone whose clocks skip midnight: the first minute that day has.
    return from_local(day, 1, 0).value_or(Timestamp{std::chrono::sys_days{day}});
}

std::string known_as(const ChildDetails& d) {
    return d.preferred_name.empty() ? d.first_name : d.preferred_name;
}

std::string display_name(const ChildDetails& d) {
    return known_as(d) + " " + d.last_name;
}

int age_on(const ChildDetails& d, Date day) {
    return whole_years_between(d.date_of_birth, day);
}

}  // namespace hearth::children
