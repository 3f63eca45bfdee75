#include "plans/plan.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>

#include "platform/months.hpp"

namespace hearth::plans {

std::string lower_first(std::string s) {
    if (!s.empty()) {
        s[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(s[0])));
    }
    return s;
}

namespace {
int level_rank(const std::string& key) {
    if (key == "low") {
        return 1;
    }
    if (key == "medium") {
        return 2;
    }
    if (key == "high") {
        return 3;
    }
    return 0;
}
}  // namespace

const std::vector<Choice>& risk_levels() {
    static const std::vector<Choice> all{{"low", "Low"}, {"medium", "Medium"}, {"high", "High"}};
    return all;
}

std::string risk_level_label(const std::string& key) {
    return label_in(risk_levels(), key);
}

std::string risk_level_tag(const std::string& key) {
    if (key == "high") {
        return "govuk-tag--red";
    }
    if (key == "medium") {
        return "govuk-tag--yellow";
    }
    return "govuk-tag--blue";
}

bool rose_to_high(const std::string& before, const std::string& after) {
    return level_rank(after) == 3 && level_rank(before) < 3;
}

const std::vector<Choice>& recipients() {
    static const std::vector<Choice> all{
        {"child", "The child"},
        {"parents", "Parents or people with parental responsibility"},
        {"social_worker", "Social worker"},
        {"iro", "Independent reviewing officer"},
        {"school", "School or college"},
        {"placing_authority", "Placing authority"},
    };
    return all;
}

std::string recipient_label(const std::string& key) {
    return label_in(recipients(), key);
}

std::vector<FieldError> date_problems(Date effective_on, Date review_by, Date today,
                                      std::optional<Date> previous_effective_on,
                                      int longest_review_months) {
    std::vector<FieldError> out;
    if (effective_on > add_months(today, furthest_effective_months)) {
        out.push_back(
            {"effective_on", fmt::format("Effective date must be no more than {} months from today",
                                         furthest_effective_months)});
    } else if (previous_effective_on && effective_on < *previous_effective_on) {
        out.push_back({"effective_on",
                       fmt::format("Effective date must be on or after {}, when the version it "
                                   "replaces took effect",
                                   format_local_date(*previous_effective_on))});
    }
    if (review_by <= effective_on) {
        out.push_back({"review_by", "Review by date must be after the effective date"});
    } else if (review_by < today) {
        out.push_back({"review_by",
                       "Review by date must be today or later: a plan already past its review "
                       "needs reviewing now"});
    } else if (review_by > add_months(effective_on, longest_review_months)) {
        out.push_back(
            {"review_by",
             fmt::format("Review by date must be within {} months of the effective date, by {} at "
                         "the latest",
                         longest_review_months,
                         format_local_date(add_months(effective_on, longest_review_months)))});
    }
    return out;
}

std::string section_field(const Section& s) {
    return "section_" + s.key;
}

Result<VersionInput> read_version(http::FormReader& f, const PlanKind& kind, Date today,
                                  std::optional<Date> previous_effective_on,
                                  int longest_review_months) {
    VersionInput v;
    for (const auto& s : kind.sections) {
        const std::string field = section_field(s);
        std::string text = f.text(field, s.label, {.max = longest_section, .multiline = true});
        if (s.required && text.empty()) {
            f.fail(field, "Enter " + lower_first(s.label));
        }
        v.sections.push_back({s.key, s.label, std::move(text)});
    }
    if (kind.family == Family::risk_assessment) {
        v.risk_level = f.choice("risk_level", "the level of risk", keys_of(risk_levels()), true);
    }
    auto effective = f.date("effective_on", "effective date", {.required = true});
    auto review = f.date("review_by", "review by date", {.required = true});
    v.reason = f.text("reason", "why this version is being written",
                      {.required = true, .max = 1000, .multiline = true});
    v.child_views = f.text("child_views", "What the child thinks about their plan",
                           {.max = longest_section, .multiline = true});
    v.views_not_asked = f.text("views_not_asked", "Why the child's views are not recorded",
                               {.max = 1000, .multiline = true});
    if (v.child_views.empty() && v.views_not_asked.empty()) {
        f.fail("child_views",
               "Enter what the child thinks about their plan, in their words, or say below why "
               "they were not asked");
    }
    if (effective && review) {
        v.effective_on = *effective;
        v.review_by = *review;
        for (const auto& problem : date_problems(*effective, *review, today, previous_effective_on,
                                                 longest_review_months)) {
            f.fail(problem.field, problem.message);
        }
    }
    TRY(f.finish());
    return v;
}

std::string read_area_name(http::FormReader& f, const PlanKind& kind) {
    if (!kind.named_area) {
        return {};
    }
    return f.text("area_name", "the area of risk", {.required = true, .max = 100});
}

Result<SharingInput> read_sharing(http::FormReader& f, Date today) {
    SharingInput s;
    auto version = f.integer("version", "version", true, 1, 1'000'000);
    s.with = f.choices("shared_with", "who it was shared with", keys_of(recipients()));
    s.others = f.text("shared_with_others", "Anyone else it was shared with", {.max = 300});
    auto on = f.date("shared_on", "the date it was shared",
                     {.required = true, .not_after = today, .after_label = "today"});
    if (s.with.empty() && s.others.empty()) {
        f.fail("shared_with", "Select who it was shared with, or name them below");
    }
    TRY(f.finish());
    s.version = static_cast<int>(*version);
    s.shared_on = *on;
    return s;
}

std::optional<FieldError> sharing_problem(Date shared_on, Date written_on) {
    if (shared_on < written_on) {
        return FieldError{"shared_on",
                          fmt::format("The date it was shared must be on or after {}, when this "
                                      "version was written",
                                      format_local_date(written_on))};
    }
    return std::nullopt;
}

std::string sections_json(const std::vector<SectionText>& sections) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& s : sections) {
        out.push_back({{"key", s.key}, {"label", s.label}, {"text", s.text}});
    }
    return out.dump();
}

std::vector<SectionText> sections_from_json(const std::string& text) {
    std::vector<SectionText> out;
    const auto doc = nlohmann::json::parse(text, nullptr, false);
    if (!doc.is_array()) {
        return out;
    }
    for (const auto& s : doc) {
        out.push_back({s.value("key", std::string{}), s.value("label", std::string{}),
                       s.value("text", std::string{})});
    }
    return out;
}

std::string section_text(const std::vector<SectionText>& sections, const std::string& key) {
    for (const auto& s : sections) {
        if (s.key == key) {
            return s.text;
        }
    }
    return {};
}

ReviewStanding review_standing(Date review_by, Timestamp now) {
    deadlines::Deadline clock;
    clock.due_at = deadlines::end_of_local_day(review_by);
    ReviewStanding out;
    out.standing = deadlines::standing(clock, now, review_due_soon);
    out.overdue = out.standing == deadlines::Standing::overdue;
    out.tag = deadlines::standing_tag(out.standing);
    out.in_words = deadlines::distance_in_words(clock.due_at, now);
    switch (out.standing) {
        case deadlines::Standing::overdue:
            out.label = "Review overdue";
            break;
        case deadlines::Standing::due_soon:
            out.label = "Review due soon";
            break;
        default:
            out.label = "Review planned";
            break;
    }
    return out;
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos) {
            end = text.size();
        }
        std::string line = text.substr(start, end - start);
        const auto first = line.find_first_not_of(" \t");
        line = first == std::string::npos ? std::string{} : line.substr(first);
        for (std::string_view bullet : {"- ", "* ", "\u2022 "}) {
            if (line.rfind(bullet, 0) == 0) {
                line = line.substr(bullet.size());
                break;
            }
        }
        while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) {
            line.pop_back();
        }
        if (!line.empty()) {
            out.push_back(std::move(line));
        }
        start = end + 1;
    }
    return out;
}

std::string version_title(const std::string& plan_title, int version) {
    return fmt::format("{}, version {}", plan_title, version);
}

}  // namespace hearth::plans
