#include "language/phrase.hpp"

#include <fmt/format.h>
#include <toml++/toml.h>

#include <set>
#include <stdexcept>

#include "language/pattern.hpp"

namespace hearth {
extern const char* const language_that_cares_toml;  // generated from data/language-that-cares.toml
}

namespace hearth::language {

namespace {

constexpr std::size_t most_patterns = 40;

Status check_text(const std::string& field, const std::string& label, const std::string& value,
                  bool required, std::size_t max, bool multiline) {
    if (required && value.find_first_not_of(" \t\r\n") == std::string::npos) {
        return Error::invalid(field, fmt::format("Enter {}", label));
    }
    if (value.size() > max) {
        return Error::invalid(field, fmt::format("{} must be {} characters or fewer", label, max));
    }
    if (!multiline && value.find_first_of("\r\n") != std::string::npos) {
        return Error::invalid(field, fmt::format("{} must be on one line", label));
    }
    return {};
}

Status check_patterns(const std::string& field, const std::string& label,
                      const std::vector<std::string>& patterns, bool required) {
    if (required && patterns.empty()) {
        return Error::invalid(field, fmt::format("Enter at least one of {}", label));
    }
    if (patterns.size() > most_patterns) {
        return Error::invalid(field, fmt::format("{} can have at most {}", label, most_patterns));
    }
    for (const auto& p : patterns) {
        auto compiled = compile_pattern(p);
        if (!compiled.ok()) {
            return Error::invalid(field, fmt::format("{}: {}", label, compiled.error().message));
        }
    }
    return {};
}

std::vector<std::string> strings_of(const toml::table& t, std::string_view key,
                                    const std::string& where) {
    std::vector<std::string> out;
    const auto* node = t.get(key);
    if (node == nullptr) {
        return out;
    }
    const auto* array = node->as_array();
    if (array == nullptr) {
        throw std::runtime_error(fmt::format("{}: {} must be a list of text", where, key));
    }
    for (const auto& item : *array) {
        auto s = item.value<std::string>();
        if (!s) {
            throw std::runtime_error(fmt::format("{}: {} must be a list of text", where, key));
        }
        out.push_back(*s);
    }
    return out;
}

std::optional<Date> date_of(const toml::table& t, std::string_view key) {
    if (auto d = t[key].value<toml::date>()) {
        return Date{std::chrono::year{d->year}, std::chrono::month{d->month},
                    std::chrono::day{d->day}};
    }
    if (t.contains(key) && !t[key].value<std::string>().value_or("x").empty()) {
        throw std::runtime_error(fmt::format("{} must be a date, like 2026-05-12", key));
    }
    return std::nullopt;
}

PhraseList read_list(const toml::table& root) {
    PhraseList list;
    list.version = static_cast<int>(root["version"].value<std::int64_t>().value_or(0));
    if (list.version < 1) {
        throw std::runtime_error("version must be a whole number from 1");
    }
    list.written_by = root["written_by"].value<std::string>().value_or("");
    if (list.written_by.empty()) {
        throw std::runtime_error("written_by must say who wrote the list");
    }
    list.written_on = date_of(root, "written_on");
    list.reviewed_by = root["reviewed_by"].value<std::string>().value_or("");
    list.reviewed_on = date_of(root, "reviewed_on");
    if (list.reviewed_by.empty() != !list.reviewed_on.has_value()) {
        throw std::runtime_error("reviewed_by and reviewed_on go together");
    }
    const auto* phrases = root["phrase"].as_array();
    if (phrases == nullptr || phrases->empty()) {
        throw std::runtime_error("the list has no [[phrase]] entries");
    }
    std::set<std::int64_t> ids;
    for (const auto& node : *phrases) {
        const auto* t = node.as_table();
        if (t == nullptr) {
            throw std::runtime_error("each [[phrase]] must be a table");
        }
        Phrase p;
        p.id = (*t)["id"].value<std::int64_t>().value_or(0);
        const std::string where = fmt::format("phrase {}", p.id);
        if (p.id < 1 || p.id >= first_added_phrase_id) {
            throw std::runtime_error(
                fmt::format("{}: id must be from 1 to {}", where, first_added_phrase_id - 1));
        }
        if (!ids.insert(p.id).second) {
            throw std::runtime_error(fmt::format("{}: the id is used twice", where));
        }
        for (const auto& [key, value] : *t) {
            static const std::set<std::string_view> known{
                "id", "phrase", "match", "not_when", "alternative", "why", "fine_when"};
            if (!known.count(key.str())) {
                throw std::runtime_error(fmt::format("{}: unknown field {}", where, key.str()));
            }
        }
        p.phrase = (*t)["phrase"].value<std::string>().value_or("");
        p.match = strings_of(*t, "match", where);
        p.not_when = strings_of(*t, "not_when", where);
        p.alternative = (*t)["alternative"].value<std::string>().value_or("");
        p.why = (*t)["why"].value<std::string>().value_or("");
        p.fine_when = (*t)["fine_when"].value<std::string>().value_or("");
        if (auto valid = validate(p); !valid.ok()) {
            throw std::runtime_error(fmt::format("{} ({}): {}: {}", where, p.phrase,
                                                 valid.error().fields.front().field,
                                                 valid.error().message));
        }
        list.phrases.push_back(std::move(p));
    }
    return list;
}

}  // namespace

Status validate(const Phrase& p) {
    TRY(check_text("phrase", "the phrase", p.phrase, true, 80, false));
    TRY(check_patterns("match", "the words to look for", p.match, true));
    TRY(check_patterns("not_when", "the words that are fine", p.not_when, false));
    TRY(check_text("alternative", "a kinder alternative", p.alternative, true, 400, true));
    TRY(check_text("why", "why", p.why, true, 600, true));
    TRY(check_text("fine_when", "when it is fine", p.fine_when, false, 400, true));
    return {};
}

Result<PhraseList> parse_phrase_list(std::string_view toml_text) {
    try {
        return read_list(toml::parse(toml_text));
    } catch (const toml::parse_error& e) {
        return Error::invalid("list", fmt::format("line {}: {}", e.source().begin.line,
                                                  std::string(e.description())));
    } catch (const std::runtime_error& e) {
        return Error::invalid("list", e.what());
    }
}

const PhraseList& default_list() {
    // Checked by the unit tests; a list that does not read is a fault in this build, not in use.
    static const PhraseList list = [] {
        auto parsed = parse_phrase_list(language_that_cares_toml);
        if (!parsed.ok()) {
            throw std::logic_error("data/language-that-cares.toml: " + parsed.error().message);
        }
        return std::move(parsed.value());
    }();
    return list;
}

}  // namespace hearth::language
