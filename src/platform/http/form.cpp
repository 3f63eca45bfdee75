#include "platform/http/form.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>

namespace hearth::http {

namespace {
std::size_t characters(std::string_view s) {
    return static_cast<std::size_t>(std::count_if(
        s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

std::string trim(std::string s) {
    auto not_space = [](unsigned char c) { return !std::isspace(c); };
    s.erase(s.begin(), std::find_if(s.begin(), s.end(), not_space));
    s.erase(std::find_if(s.rbegin(), s.rend(), not_space).base(), s.end());
    return s;
}

std::string normalise_newlines(std::string s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\r') {
            out.push_back('\n');
            if (i + 1 < s.size() && s[i + 1] == '\n') {
                ++i;
            }
        } else {
            out.push_back(s[i]);
        }
    }
    return out;
}

bool has_control_characters(std::string_view s, bool multiline) {
    return std::any_of(s.begin(), s.end(), [&](char c) {
        auto u = static_cast<unsigned char>(c);
        if (multiline && (c == '\n' || c == '\t')) {
            return false;
        }
        return u < 0x20 || u == 0x7F;
    });
}

Error bad_body(std::string message) {
    return Error::make(ErrorKind::invalid_input, std::move(message));
}
}  // namespace

Result<FormData> FormData::from_urlencoded(std::string_view body) {
    FormData form;
    std::size_t pos = 0;
    while (pos <= body.size() && !body.empty()) {
        std::size_t end = body.find('&', pos);
        if (end == std::string_view::npos) {
            end = body.size();
        }
        std::string_view pair = body.substr(pos, end - pos);
        if (!pair.empty()) {
            auto eq = pair.find('=');
            auto name = url_decode(pair.substr(0, eq));
            auto value =
                url_decode(eq == std::string_view::npos ? std::string_view{} : pair.substr(eq + 1));
            if (!name || !value) {
                return bad_body("The form could not be read: it has a broken % escape");
            }
            if (!valid_utf8(*name) || !valid_utf8(*value)) {
                return bad_body("The form could not be read: it is not valid UTF-8 text");
            }
            auto [it, inserted] = form.values_.try_emplace(*name);
            FormValue& slot = it->second;
            if (inserted) {
                slot.text = *value;
                slot.list.push_back(*value);
            } else {
                // A second value under one name: checkboxes and multiple selections.
                slot.list.push_back(*value);
                slot.type = FormValue::Type::list;
            }
        }
        pos = end + 1;
        if (end == body.size()) {
            break;
        }
    }
    return form;
}

Result<FormData> FormData::from_json(std::string_view body) {
    if (!valid_utf8(body)) {
        return bad_body("The request is not valid UTF-8 text");
    }
    // A NUL byte is never part of JSON text (RFC 8259 section 7: control characters in a string
    // are escaped), but the parser takes one as the end of the input and would read only what is
    // before it: a body with anything after its document is refused, not half read.
    if (const auto nul = body.find('\0'); nul != std::string_view::npos) {
        return bad_body(fmt::format("The request is not valid JSON (at byte {})", nul + 1));
    }
    // A key given twice in one object has no agreed meaning (RFC 8259 section 4): refused, as a
    // form field given twice is, rather than keeping whichever came last. One set of keys for
    // each object being read, innermost last.
    std::vector<std::set<std::string>> keys_at_depth;
    std::optional<std::string> twice;
    const nlohmann::json::parser_callback_t note_keys =
        [&](int /*depth*/, nlohmann::json::parse_event_t event, nlohmann::json& parsed) {
            using Event = nlohmann::json::parse_event_t;
            if (event == Event::object_start) {
                keys_at_depth.emplace_back();
            } else if (event == Event::object_end) {
                keys_at_depth.pop_back();
            } else if (event == Event::key && !keys_at_depth.empty() && !twice &&
                       !keys_at_depth.back().insert(parsed.get<std::string>()).second) {
                twice = parsed.get<std::string>();
            }
            return true;
        };
    nlohmann::json doc;
    try {
        doc = nlohmann::json::parse(body, note_keys);
    } catch (const nlohmann::json::parse_error& e) {
        return bad_body(fmt::format("The request is not valid JSON (at byte {})", e.byte));
    } catch (const nlohmann::json::exception&) {
        // Well-formed but unreadable, like a number too large for a double (1e400): the
        // sender's fault, so a 400 rather than the 500 an unhandled exception would give.
        return bad_body("The request is not valid JSON: it has a number too large to read");
    }
    if (twice) {
        return Error::invalid(*twice, fmt::format("{} is given more than once", *twice));
    }
    if (!doc.is_object()) {
        return bad_body("The request must be a JSON object");
    }
    FormData form;
    for (auto& [key, v] : doc.items()) {
        FormValue value;
        if (v.is_string()) {
            value.text = v.get<std::string>();
        } else if (v.is_boolean()) {
            value.type = FormValue::Type::boolean;
            value.text = v.get<bool>() ? "true" : "false";
        } else if (v.is_number()) {  // integer or not
            value.type = FormValue::Type::number;
            value.text = v.dump();
        } else if (v.is_null()) {
            value.type = FormValue::Type::null;
        } else if (v.is_array()) {
            value.type = FormValue::Type::list;
            for (auto& item : v) {
                if (item.is_number_integer()) {
                    value.list.push_back(item.dump());
                } else if (item.is_string()) {
                    value.list.push_back(item.get<std::string>());
                } else {
                    Error e = Error::invalid(
                        key, fmt::format("{} must be a list of text or whole numbers", key));
                    return e;
                }
            }
        } else {
            return Error::invalid(key, fmt::format("{} must not be an object", key));
        }
        form.values_[key] = std::move(value);
    }
    return form;
}

Result<FormData> FormData::from_request(const Request& request) {
    // Media types are case-insensitive and may have spaces before parameters (RFC 9110 8.3.1).
    const std::string header = request.header("content-type");
    std::string type = trim(header.substr(0, header.find(';')));
    std::transform(type.begin(), type.end(), type.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (type == "application/x-www-form-urlencoded" || (type.empty() && request.body.empty())) {
        return from_urlencoded(request.body);
    }
    if (type == "application/json") {
        return from_json(request.body);
    }
    return Error::make(ErrorKind::invalid_input,
                       "Send the request as application/json or as a form "
                       "(application/x-www-form-urlencoded)",
                       "415");
}

const FormValue* FormData::find(const std::string& name) const {
    auto it = values_.find(name);
    return it == values_.end() ? nullptr : &it->second;
}

std::string FormData::get(const std::string& name) const {
    auto* v = find(name);
    return v ? v->text : std::string{};
}

nlohmann::json FormData::typed_values() const {
    nlohmann::json out = nlohmann::json::object();
    for (const auto& [k, v] : values_) {
        if (v.type == FormValue::Type::list || v.list.size() > 1) {
            out[k] = v.list;
        } else {
            out[k] = v.text;
        }
    }
    return out;
}

const FormValue* FormReader::take(const std::string& name) {
    seen_.insert(name);
    return form_.find(name);
}

void FormReader::fail(const std::string& name, const std::string& message) {
    if (std::none_of(errors_.begin(), errors_.end(),
                     [&](const FieldError& e) { return e.field == name; })) {
        errors_.push_back({name, message});
    }
}

std::optional<std::string> FormReader::scalar(const std::string& name, const std::string& label) {
    const FormValue* v = take(name);
    if (!v || v->type == FormValue::Type::null) {
        return std::string{};
    }
    // A list is never one value, even a JSON list of one: the API says a string, and a list
    // read as its only item would accept what the schema does not.
    if (v->type == FormValue::Type::list) {
        fail(name, fmt::format("{} must be a single value", label));
        return std::nullopt;
    }
    return v->text;
}

std::string FormReader::text(const std::string& name, const std::string& label, TextRule rule) {
    const FormValue* raw = form_.find(name);
    if (raw && (raw->type == FormValue::Type::number || raw->type == FormValue::Type::boolean)) {
        take(name);
        fail(name, fmt::format("{} must be text", label));
        return {};
    }
    auto value = scalar(name, label);
    if (!value) {
        return {};
    }
    std::string s = trim(normalise_newlines(*value));
    if (rule.required && s.empty()) {
        fail(name, fmt::format("Enter {}", label));
    } else if (characters(s) > rule.max) {
        fail(name, fmt::format("{} must be {} characters or fewer", label, rule.max));
    } else if (has_control_characters(s, rule.multiline)) {
        fail(name, fmt::format("{} contains characters that cannot be shown", label));
    }
    return s;
}

std::optional<Date> FormReader::date(const std::string& name, const std::string& label,
                                     DateRule rule) {
    dates_.insert(name);
    std::string text;
    const bool split =
        form_.find(name + "-day") || form_.find(name + "-month") || form_.find(name + "-year");
    if (split) {
        auto d = scalar(name + "-day", label), m = scalar(name + "-month", label),
             y = scalar(name + "-year", label);
        if (!d || !m || !y) {
            return std::nullopt;
        }
        auto t = [](std::string s) { return trim(std::move(s)); };
        std::string dd = t(*d), mm = t(*m), yy = t(*y);
        if (dd.empty() && mm.empty() && yy.empty()) {
            text.clear();
        } else if (dd.empty() || mm.empty() || yy.empty()) {
            fail(name, fmt::format("{} must include a day, month and year", label));
            return std::nullopt;
        } else {
            if (dd.size() == 1) {
                dd = "0" + dd;
            }
            if (mm.size() == 1) {
                mm = "0" + mm;
            }
            text = yy + "-" + mm + "-" + dd;
        }
    } else {
        const FormValue* raw = form_.find(name);
        if (raw && raw->type != FormValue::Type::text && raw->type != FormValue::Type::null) {
            take(name);
            fail(name, fmt::format("{} must be a date written as YYYY-MM-DD", label));
            return std::nullopt;
        }
        auto v = scalar(name, label);
        if (!v) {
            return std::nullopt;
        }
        text = trim(*v);
    }
    if (text.empty()) {
        if (rule.required) {
            fail(name, fmt::format("Enter {}", label));
        }
        return std::nullopt;
    }
    auto date = parse_date(text);
    if (!date) {
        fail(name, fmt::format("{} must be a real date, in a year from {} to {}", label,
                               earliest_year, latest_year));
        return std::nullopt;
    }
    if (rule.not_after && *date > *rule.not_after) {
        fail(name, fmt::format("{} must be {} or earlier", label,
                               rule.after_label.empty() ? format_local_date(*rule.not_after)
                                                        : rule.after_label));
        return std::nullopt;
    }
    if (rule.not_before && *date < *rule.not_before) {
        fail(name,
             fmt::format("{} must be on or after {}", label, format_local_date(*rule.not_before)));
        return std::nullopt;
    }
    if (born_ && *date < *born_) {
        std::string said = label;
        said[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(said[0])));
        fail(name, fmt::format("{} must be on or after {}, the day they were born", said,
                               format_local_date(*born_)));
        return std::nullopt;
    }
    return date;
}

std::optional<int> FormReader::time(const std::string& name, const std::string& label,
                                    bool required) {
    const FormValue* raw = form_.find(name);
    if (raw && raw->type != FormValue::Type::text && raw->type != FormValue::Type::null) {
        take(name);
        fail(name, fmt::format("{} must be a time written as HH:MM", label));
        return std::nullopt;
    }
    auto v = scalar(name, label);
    if (!v) {
        return std::nullopt;
    }
    const std::string s = trim(*v);
    if (s.empty()) {
        if (required) {
            fail(name, fmt::format("Enter {}", label));
        }
        return std::nullopt;
    }
    const auto colon = s.find(':');
    int hour = -1, minute = -1;
    if (colon != std::string::npos && colon >= 1 && colon <= 2 && s.size() == colon + 3) {
        auto [p1, e1] = std::from_chars(s.data(), s.data() + colon, hour);
        auto [p2, e2] = std::from_chars(s.data() + colon + 1, s.data() + s.size(), minute);
        if (e1 != std::errc{} || p1 != s.data() + colon || e2 != std::errc{} ||
            p2 != s.data() + s.size()) {
            hour = -1;
        }
    }
    if (hour < 0 || hour > 23 || minute < 0 || minute > 59) {
        fail(name, fmt::format("{} must be a real time, like 14:05", label));
        return std::nullopt;
    }
    return hour * 60 + minute;
}

std::optional<Timestamp> FormReader::moment(const std::string& day_name,
                                            const std::string& day_label,
                                            const std::string& time_name,
                                            const std::string& time_label, Timestamp now,
                                            bool required) {
    const auto day =
        date(day_name, day_label,
             {.required = required, .not_after = local_date_of(now), .after_label = "today"});
    const auto minutes = time(time_name, time_label, required || day.has_value());
    if (!day || !minutes) {
        return std::nullopt;
    }
    std::string said = time_label;
    if (!said.empty()) {
        said[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(said[0])));
    }
    const auto at = from_local(*day, *minutes / 60, *minutes % 60);
    if (!at) {
        fail(time_name, said + " does not exist on that day: the clocks went forward");
        return std::nullopt;
    }
    if (*at > now + std::chrono::minutes{5}) {
        fail(time_name, said + " must be now or earlier");
        return std::nullopt;
    }
    return at;
}

std::optional<Timestamp> FormReader::ended(std::optional<Timestamp> began, Timestamp now,
                                           bool required, std::chrono::minutes longest,
                                           const std::string& too_long) {
    const auto day = date("ended_on", "the day it ended",
                          {.not_after = local_date_of(now), .after_label = "today"});
    const auto minutes = time("ended_time", "the time it ended", required || day.has_value());
    if (!minutes || !began) {
        return std::nullopt;
    }
    const Date on = day.value_or(local_date_of(*began));
    const auto at = from_local(on, *minutes / 60, *minutes % 60);
    if (!at) {
        fail("ended_time", "The time it ended does not exist on that day: the clocks went forward");
        return std::nullopt;
    }
    if (*at <= *began) {
        fail("ended_time",
             "The time it ended must be after the time it started. If it ran past midnight, give "
             "the day it ended");
        return std::nullopt;
    }
    if (*at - *began > longest) {
        fail("ended_time", too_long);
        return std::nullopt;
    }
    if (*at > now + std::chrono::minutes{5}) {
        fail("ended_time", "The time it ended must be now or earlier");
        return std::nullopt;
    }
    return at;
}

std::optional<std::int64_t> FormReader::integer(const std::string& name, const std::string& label,
                                                bool required, std::int64_t min, std::int64_t max) {
    const FormValue* raw = form_.find(name);
    if (raw && raw->type == FormValue::Type::boolean) {
        take(name);
        fail(name, fmt::format("{} must be a whole number", label));
        return std::nullopt;
    }
    auto v = scalar(name, label);
    if (!v) {
        return std::nullopt;
    }
    std::string s = trim(*v);
    if (s.empty()) {
        if (required) {
            fail(name, fmt::format("Enter {}", label));
        }
        return std::nullopt;
    }
    std::int64_t out = 0;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    if (ec != std::errc{} || p != s.data() + s.size()) {
        fail(name, fmt::format("{} must be a whole number", label));
        return std::nullopt;
    }
    if (out < min || out > max) {
        fail(name, fmt::format("{} must be between {} and {}", label, min, max));
        return std::nullopt;
    }
    return out;
}

bool FormReader::flag(const std::string& name, const std::string& label) {
    auto v = scalar(name, label);
    if (!v) {
        return false;
    }
    if (v->empty() || *v == "false" || *v == "no") {
        return false;
    }
    if (*v == "true" || *v == "yes" || *v == "on") {
        return true;
    }
    fail(name, fmt::format("{} must be yes or no", label));
    return false;
}

std::string FormReader::choice(const std::string& name, const std::string& label,
                               const std::vector<std::string>& keys, bool required) {
    auto v = scalar(name, label);
    if (!v) {
        return {};
    }
    if (v->empty()) {
        if (required) {
            fail(name, fmt::format("Select {}", label));
        }
        return {};
    }
    if (std::find(keys.begin(), keys.end(), *v) == keys.end()) {
        fail(name, fmt::format("Select {} from the list", label));
        return {};
    }
    return *v;
}

std::vector<std::int64_t> FormReader::ids(const std::string& name, const std::string& label) {
    const FormValue* v = take(name);
    std::vector<std::int64_t> out;
    if (!v || v->type == FormValue::Type::null) {
        return out;
    }
    std::vector<std::string> items =
        v->type == FormValue::Type::list ? v->list : std::vector<std::string>{v->text};
    for (const auto& item : items) {
        if (item.empty()) {
            continue;
        }
        std::int64_t id = 0;
        auto [p, ec] = std::from_chars(item.data(), item.data() + item.size(), id);
        if (ec != std::errc{} || p != item.data() + item.size() || id <= 0) {
            fail(name, fmt::format("{} must be chosen from the list", label));
            return {};
        }
        out.push_back(id);
    }
    return out;
}

std::vector<std::string> FormReader::lines(const std::string& name, const std::string& label,
                                           TextRule rule, std::size_t most) {
    const FormValue* v = take(name);
    std::vector<std::string> out;
    if (v && (v->type == FormValue::Type::number || v->type == FormValue::Type::boolean)) {
        fail(name, fmt::format("{} must be text, one a line", label));
        return out;
    }
    std::vector<std::string> items;
    if (v && v->type == FormValue::Type::list) {
        items = v->list;
    } else if (v && v->type == FormValue::Type::text) {
        const std::string all = normalise_newlines(v->text);
        std::size_t start = 0;
        while (start <= all.size()) {
            auto end = all.find('\n', start);
            if (end == std::string::npos) {
                end = all.size();
            }
            items.push_back(all.substr(start, end - start));
            start = end + 1;
        }
    }
    for (auto& item : items) {
        std::string s = trim(item);
        if (s.empty()) {
            continue;
        }
        if (characters(s) > rule.max) {
            fail(name,
                 fmt::format("Each line of {} must be {} characters or fewer", label, rule.max));
            return {};
        }
        if (has_control_characters(s, false)) {
            fail(name, fmt::format("{} contains characters that cannot be shown", label));
            return {};
        }
        out.push_back(std::move(s));
    }
    if (rule.required && out.empty()) {
        fail(name, fmt::format("Enter {}", label));
    } else if (out.size() > most) {
        fail(name, fmt::format("{} can have at most {} lines", label, most));
    }
    return out;
}

std::vector<std::string> FormReader::choices(const std::string& name, const std::string& label,
                                             const std::vector<std::string>& keys) {
    const FormValue* v = take(name);
    if (!v || v->type == FormValue::Type::null) {
        return {};
    }
    if (v->type == FormValue::Type::number || v->type == FormValue::Type::boolean) {
        fail(name, fmt::format("{} must be chosen from the list", label));
        return {};
    }
    const std::vector<std::string> items =
        v->type == FormValue::Type::list ? v->list : std::vector<std::string>{v->text};
    std::vector<std::string> out;
    for (const auto& key : keys) {
        if (std::find(items.begin(), items.end(), key) != items.end()) {
            out.push_back(key);
        }
    }
    for (const auto& item : items) {
        if (!item.empty() && std::find(keys.begin(), keys.end(), item) == keys.end()) {
            fail(name, fmt::format("Select {} from the list", label));
            return {};
        }
    }
    return out;
}

Status FormReader::finish() {
    for (const auto& [name, value] : form_.values()) {
        // A part of a date the reader asked for or allowed ("born-day" of "born"), and nothing
        // longer: "born-day-day" is no part of anything.
        bool part_of_a_date = false;
        for (std::string_view suffix : {"-day", "-month", "-year"}) {
            part_of_a_date =
                part_of_a_date || (name.size() > suffix.size() && name.ends_with(suffix) &&
                                   dates_.count(name.substr(0, name.size() - suffix.size())) > 0);
        }
        if (!seen_.count(name) && !part_of_a_date) {
            errors_.push_back({name, fmt::format("{} is not a field Hearth knows here", name)});
        }
    }
    if (errors_.empty()) {
        return {};
    }
    return Error::invalid_fields(errors_);
}

}  // namespace hearth::http
