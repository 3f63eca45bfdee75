#pragma once
// The one way to bind and validate input. HTML forms and JSON bodies become the same FormData;
// a FormReader takes each field by name with its rule, collects every error with the field's
// name and a message for the person, and refuses fields nobody asked for.
#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "platform/clock.hpp"
#include "platform/http/message.hpp"
#include "platform/result.hpp"

namespace hearth::http {

struct FormValue {
    enum class Type { text, number, boolean, null, list };
    Type type = Type::text;
    std::string text;
    std::vector<std::string> list;
};

class FormData {
  public:
    static Result<FormData> from_urlencoded(std::string_view body);
    static Result<FormData> from_json(std::string_view body);
    // By Content-Type; anything else is 415.
    static Result<FormData> from_request(const Request& request);

    const FormValue* find(const std::string& name) const;
    std::string get(const std::string& name) const;
    nlohmann::json typed_values() const;  // what was typed, to show it again
    const std::map<std::string, FormValue>& values() const { return values_; }
    void set(const std::string& name, std::string value) {
        values_[name] = FormValue{FormValue::Type::text, std::move(value), {}};
    }

  private:
    std::map<std::string, FormValue> values_;
};

struct TextRule {
    bool required = false;
    std::size_t max = 200;
    bool multiline = false;
};

struct DateRule {
    bool required = false;
    std::optional<Date> not_after;  // e.g. today, for a date of birth
    std::optional<Date> not_before;
    std::string after_label;  // "today", used in the message
};

class FormReader {
  public:
    // The CSRF token is a field of every form; the router checked it before any handler reads the
    // form, so a reader accepts it without asking.
    explicit FormReader(const FormData& form) : form_(form) { seen_.insert("csrf_token"); }

    std::string text(const std::string& name, const std::string& label, TextRule rule = {});
    std::optional<Date> date(const std::string& name, const std::string& label, DateRule rule = {});
    // A time of day "HH:MM" (24-hour), as minutes since midnight.
    std::optional<int> time(const std::string& name, const std::string& label, bool required);
    // A moment that has already happened, typed as a day (`day_name`) and a time (`time_name`) in
    // the home's zone. Refused when it is later than `now` (with a few minutes' grace for a tablet
    // whose clock runs ahead), and when the clocks skipped that time. Labels are as in the
    // messages: "the day it happened", "the time it happened".
    std::optional<Timestamp> moment(const std::string& day_name, const std::string& day_label,
                                    const std::string& time_name, const std::string& time_label,
                                    Timestamp now, bool required = true);
    // When something that began at `began` ended, typed as a time (`ended_time`) on the day it
    // began, or on the day given (`ended_on`) when it ran past midnight. Refused when it is not
    // after `began`, is later than `now`, or is more than `longest` after `began`: then
    // `too_long` is the message. Nothing when `began` could not be read.
    std::optional<Timestamp> ended(std::optional<Timestamp> began, Timestamp now, bool required,
                                   std::chrono::minutes longest, const std::string& too_long);
    std::optional<std::int64_t> integer(const std::string& name, const std::string& label,
                                        bool required, std::int64_t min, std::int64_t max);
    bool flag(const std::string& name, const std::string& label);
    std::string choice(const std::string& name, const std::string& label,
                       const std::vector<std::string>& keys, bool required);
    std::vector<std::int64_t> ids(const std::string& name, const std::string& label);
    // Several short texts: a JSON list of strings, or a textarea with one a line. Blank lines are
    // left out; `rule` applies to each line (its `required`: at least one line).
    std::vector<std::string> lines(const std::string& name, const std::string& label, TextRule rule,
                                   std::size_t most);
    // Checkboxes (or a JSON list of text): every value one of `keys`, each once, in `keys` order.
    std::vector<std::string> choices(const std::string& name, const std::string& label,
                                     const std::vector<std::string>& keys);
    // The form is about a child born on `born`: every date it reads before that day is refused,
    // naming the field, as a slip of the keyboard (0205 for 2025) rather than a day of their life.
    void about_child(std::optional<Date> born) { born_ = born; }
    // A field no rule reads, let through with its date parts (NAME-day, ...).
    void allow(const std::string& name) {
        seen_.insert(name);
        dates_.insert(name);
    }
    void fail(const std::string& name, const std::string& message);
    bool has(const std::string& name) const { return form_.find(name) != nullptr; }
    // Every error so far, and an error for each field that no rule asked for.
    Status finish();

  private:
    const FormValue* take(const std::string& name);
    std::optional<std::string> scalar(const std::string& name, const std::string& label);

    const FormData& form_;
    std::set<std::string> seen_;
    std::set<std::string> dates_;  // what may come as parts of a date: NAME-day, -month, -year
    std::vector<FieldError> errors_;
    std::optional<Date> born_;
};

}  // namespace hearth::http
