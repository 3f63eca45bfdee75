#include "language/pattern.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace hearth::language {

namespace {

constexpr std::size_t longest_pattern = 600;
constexpr std::size_t most_words = 12;

bool is_vowel(char c) {
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

bool is_form_byte(unsigned char c) {
    return std::isalnum(c) != 0 || c == '\'' || c >= 0x80;
}

Error bad(std::string_view pattern, const std::string& what) {
    return Error::invalid("pattern", fmt::format("In \"{}\": {}", pattern, what));
}

Result<PatternWord> compile_word(std::string_view pattern, std::string_view word) {
    PatternWord out;
    if (word.size() >= 2 && word.front() == '(' && word.back() == ')') {
        out.optional = true;
        word = word.substr(1, word.size() - 2);
    }
    if (word.find_first_of("()") != std::string_view::npos) {
        return bad(pattern, "brackets go round one whole word, like (his|her)");
    }
    std::size_t start = 0;
    while (start <= word.size()) {
        auto bar = word.find('|', start);
        if (bar == std::string_view::npos) {
            bar = word.size();
        }
        std::string form = fold(word.substr(start, bar - start));
        bool regular = !form.empty() && form.back() == '+';
        if (regular) {
            form.pop_back();
        }
        if (form.empty()) {
            return bad(pattern, "there is an empty word; check for a | or + on its own");
        }
        if (form.find('+') != std::string::npos) {
            return bad(pattern, "a + goes only at the end of a word, like kick+");
        }
        if (form.front() == '\'' || form.back() == '\'') {
            return bad(pattern, "an apostrophe goes inside a word, like won't");
        }
        for (unsigned char c : form) {
            if (!is_form_byte(c)) {
                return bad(pattern, fmt::format("'{}' cannot be in a word: use letters, digits "
                                                "and apostrophes, | between forms, + for endings",
                                                static_cast<char>(c)));
            }
        }
        if (regular) {
            for (auto& f : regular_forms(form)) {
                out.forms.push_back(std::move(f));
            }
        } else {
            out.forms.push_back(std::move(form));
        }
        start = bar + 1;
    }
    std::sort(out.forms.begin(), out.forms.end());
    out.forms.erase(std::unique(out.forms.begin(), out.forms.end()), out.forms.end());
    return out;
}

}  // namespace

std::string fold(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        // U+2019 (right single quotation mark) and U+02BC (modifier apostrophe) as '.
        if (c == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80 &&
            static_cast<unsigned char>(text[i + 2]) == 0x99) {
            out.push_back('\'');
            i += 2;
        } else if (c == 0xCA && i + 1 < text.size() &&
                   static_cast<unsigned char>(text[i + 1]) == 0xBC) {
            out.push_back('\'');
            i += 1;
        } else {
            out.push_back(c < 0x80 ? static_cast<char>(std::tolower(c)) : static_cast<char>(c));
        }
    }
    return out;
}

std::vector<std::string> regular_forms(std::string_view form) {
    const std::string w(form);
    std::vector<std::string> out{w, w + "s", w + "es", w + "ed", w + "ing"};
    const char last = w.back();
    if (last == 'e') {
        const std::string stem = w.substr(0, w.size() - 1);
        out.push_back(w + "d");
        out.push_back(stem + "ing");
    }
    if (w.size() >= 2 && last == 'y' && !is_vowel(w[w.size() - 2])) {
        const std::string stem = w.substr(0, w.size() - 1);
        out.push_back(stem + "ies");
        out.push_back(stem + "ied");
    }
    // A short vowel before a last consonant doubles it: stop, stopped; put, putting.
    if (w.size() >= 3 && std::isalpha(static_cast<unsigned char>(last)) && !is_vowel(last) &&
        last != 'w' && last != 'x' && last != 'y' && is_vowel(w[w.size() - 2]) &&
        !is_vowel(w[w.size() - 3])) {
        out.push_back(w + last + "ed");
        out.push_back(w + last + "ing");
    }
    return out;
}

Result<Pattern> compile_pattern(std::string_view text) {
    if (text.size() > longest_pattern) {
        return bad(text.substr(0, 40),
                   fmt::format("a pattern must be {} characters or fewer", longest_pattern));
    }
    Pattern out;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && (text[i] == ' ' || text[i] == '-' || text[i] == '\t')) {
            ++i;
        }
        if (i == text.size()) {
            break;
        }
        std::size_t end = i;
        while (end < text.size() && text[end] != ' ' && text[end] != '-' && text[end] != '\t') {
            ++end;
        }
        auto word = TRY(compile_word(text, text.substr(i, end - i)));
        out.words.push_back(std::move(word));
        i = end;
    }
    if (out.words.empty()) {
        return Error::invalid("pattern", "A pattern needs at least one word");
    }
    if (out.words.size() > most_words) {
        return bad(text, fmt::format("a pattern can have at most {} words", most_words));
    }
    if (std::all_of(out.words.begin(), out.words.end(),
                    [](const PatternWord& w) { return w.optional; })) {
        return bad(text, "at least one word must not be in brackets");
    }
    return out;
}

}  // namespace hearth::language
