#include "language/matcher.hpp"

#include <algorithm>
#include <optional>

#include "language/pattern.hpp"

namespace hearth::language {

namespace {

constexpr std::size_t no_match = static_cast<std::size_t>(-1);

struct CodePoint {
    char32_t value = 0;
    std::size_t length = 0;  // bytes
};

// One code point of UTF-8 at `i`. A byte that does not start valid UTF-8 stands for itself, so
// any text can be checked.
CodePoint decode(std::string_view s, std::size_t i) {
    if (i >= s.size())
        return {0, 0};
    const auto b0 = static_cast<unsigned char>(s[i]);
    auto cont = [&](std::size_t k) {
        return i + k < s.size() && (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80;
    };
    auto bits = [&](std::size_t k) { return static_cast<char32_t>(s[i + k] & 0x3F); };
    if (b0 < 0x80)
        return {b0, 1};
    if ((b0 & 0xE0) == 0xC0 && cont(1))
        return {(static_cast<char32_t>(b0 & 0x1F) << 6) | bits(1), 2};
    if ((b0 & 0xF0) == 0xE0 && cont(1) && cont(2))
        return {(static_cast<char32_t>(b0 & 0x0F) << 12) | (bits(1) << 6) | bits(2), 3};
    if ((b0 & 0xF8) == 0xF0 && cont(1) && cont(2) && cont(3)) {
        return {
            (static_cast<char32_t>(b0 & 0x07) << 18) | (bits(1) << 12) | (bits(2) << 6) | bits(3),
            4};
    }
    return {b0, 1};
}

bool is_word(char32_t c) {
    if (c < 0x80)
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (c == 0xA0 || c == 0xAB || c == 0xBB || c == 0xD7 || c == 0xF7 || c == 0xFEFF)
        return false;
    // General and supplemental punctuation, and CJK punctuation: quotes, dashes, spaces.
    return !(c >= 0x2000 && c <= 0x206F) && !(c >= 0x2E00 && c <= 0x2E7F) &&
           !(c >= 0x3000 && c <= 0x303F);
}

bool is_apostrophe(char32_t c) {
    return c == '\'' || c == 0x2019 || c == 0x02BC;
}
bool is_double_quote(char32_t c) {
    return c == '"' || c == 0x201C || c == 0x201D || c == 0x201E;
}
bool opens_double(char32_t c) {
    return c == '"' || c == 0x201C || c == 0x201E;
}
bool is_single_quote(char32_t c) {
    return c == '\'' || c == 0x2018 || c == 0x2019 || c == 0x201A;
}
bool is_space(char32_t c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0;
}
// What may stand between the words of a pattern: spaces, line breaks and hyphens.
bool joins_words(char32_t c) {
    return is_space(c) || c == '-' || c == 0x2010 || c == 0x2011;
}

struct Token {
    std::size_t begin = 0;
    std::size_t end = 0;
    std::string folded;
    bool quoted = false;
};

std::vector<Token> tokens_of(std::string_view text,
                             const std::vector<std::pair<std::size_t, std::size_t>>& quoted) {
    std::vector<Token> out;
    std::size_t i = 0;
    while (i < text.size()) {
        auto cp = decode(text, i);
        if (!is_word(cp.value)) {
            i += cp.length;
            continue;
        }
        Token t;
        t.begin = i;
        std::size_t j = i;
        while (j < text.size()) {
            auto c = decode(text, j);
            if (is_word(c.value)) {
                j += c.length;
            } else if (is_apostrophe(c.value) && is_word(decode(text, j + c.length).value)) {
                j += c.length;  // inside a word: won't, LAC's
            } else {
                break;
            }
        }
        // The plural possessive: "the residents' meeting".
        if (j > t.begin && (text[j - 1] == 's' || text[j - 1] == 'S')) {
            auto c = decode(text, j);
            if (is_apostrophe(c.value) && !is_word(decode(text, j + c.length).value))
                j += c.length;
        }
        t.end = j;
        t.folded = fold(text.substr(t.begin, t.end - t.begin));
        t.quoted = std::any_of(quoted.begin(), quoted.end(), [&](const auto& q) {
            return t.begin >= q.first && t.begin < q.second;
        });
        out.push_back(std::move(t));
        i = j;
    }
    return out;
}

bool same_form(const PatternWord& w, const std::string& token) {
    auto has = [&](const std::string& form) {
        return std::binary_search(w.forms.begin(), w.forms.end(), form);
    };
    if (has(token))
        return true;
    // The possessive: "LAC's" is found by "lac", "residents'" by "residents".
    if (token.size() > 2 && token.compare(token.size() - 2, 2, "'s") == 0)
        return has(token.substr(0, token.size() - 2));
    return token.size() > 1 && token.back() == '\'' && has(token.substr(0, token.size() - 1));
}

class Text {
  public:
    explicit Text(std::string_view text)
        : text_(text), tokens_(tokens_of(text, quoted_spans(text))) {
        for (std::size_t k = 0; k + 1 < tokens_.size(); ++k) {
            bool joined = true;
            for (std::size_t i = tokens_[k].end; i < tokens_[k + 1].begin && joined;) {
                auto c = decode(text_, i);
                joined = joins_words(c.value);
                i += c.length;
            }
            joinable_.push_back(joined);
        }
    }

    std::size_t size() const { return tokens_.size(); }
    const Token& token(std::size_t k) const { return tokens_[k]; }

    // The end (one past the last token) of the longest match of `p` starting at token k.
    std::size_t longest_match(const Pattern& p, std::size_t word, std::size_t k, bool first) const {
        if (word == p.words.size())
            return first ? no_match : k;
        std::size_t best = no_match;
        const auto& w = p.words[word];
        if (k < tokens_.size() && !tokens_[k].quoted && (first || joinable_[k - 1]) &&
            same_form(w, tokens_[k].folded)) {
            best = longest_match(p, word + 1, k + 1, false);
        }
        if (w.optional) {
            auto skipped = longest_match(p, word + 1, k, first);
            if (skipped != no_match && (best == no_match || skipped > best))
                best = skipped;
        }
        return best;
    }

  private:
    std::string_view text_;
    std::vector<Token> tokens_;
    std::vector<bool> joinable_;
};

struct Span {
    std::size_t first = 0;  // tokens [first, last)
    std::size_t last = 0;
};

std::vector<Pattern> compiled(const std::vector<std::string>& patterns) {
    std::vector<Pattern> out;
    for (const auto& p : patterns) {
        // Every pattern was checked when it entered the list (validate()); one that does not
        // compile cannot match anything.
        if (auto c = compile_pattern(p); c.ok())
            out.push_back(std::move(c.value()));
    }
    return out;
}

std::vector<Span> spans_of(const Text& text, const std::vector<Pattern>& patterns) {
    std::vector<Span> out;
    for (std::size_t k = 0; k < text.size(); ++k) {
        for (const auto& p : patterns) {
            auto end = text.longest_match(p, 0, k, true);
            if (end != no_match)
                out.push_back({k, end});
        }
    }
    return out;
}

struct Candidate {
    std::size_t phrase = 0;  // index into the list
    std::size_t offset = 0;
    std::size_t end = 0;
};

}  // namespace

std::vector<std::pair<std::size_t, std::size_t>> quoted_spans(std::string_view text) {
    enum class Open { none, double_quote, single_quote };
    std::vector<std::pair<std::size_t, std::size_t>> out;
    Open open = Open::none;
    std::size_t start = 0;
    char32_t previous = 0;
    for (std::size_t i = 0; i < text.size();) {
        const auto cp = decode(text, i);
        const auto next = decode(text, i + cp.length).value;
        const bool between_letters = is_word(previous) && is_word(next);
        if (cp.value == '\n') {
            if (open != Open::none)
                out.emplace_back(start, i);
            open = Open::none;
        } else if (is_double_quote(cp.value) && open != Open::single_quote) {
            if (open == Open::none && opens_double(cp.value)) {
                open = Open::double_quote;
                start = i;
            } else if (open == Open::double_quote) {
                out.emplace_back(start, i + cp.length);
                open = Open::none;
            }
        } else if (is_single_quote(cp.value) && open != Open::double_quote && !between_letters) {
            if (open == Open::none && cp.value != 0x2019 && !is_word(previous) && next != 0 &&
                !is_space(next)) {
                open = Open::single_quote;
                start = i;
            } else if (open == Open::single_quote && cp.value != 0x2018 && cp.value != 0x201A &&
                       !is_word(next) && !is_space(previous)) {
                out.emplace_back(start, i + cp.length);
                open = Open::none;
            }
        }
        previous = cp.value;
        i += cp.length;
    }
    if (open != Open::none)
        out.emplace_back(start, text.size());
    return out;
}

std::vector<Finding> find_phrases(const std::vector<Phrase>& phrases, std::string_view text) {
    const Text words(text);
    std::vector<Candidate> candidates;
    for (std::size_t n = 0; n < phrases.size(); ++n) {
        auto found = spans_of(words, compiled(phrases[n].match));
        if (found.empty())
            continue;
        const auto exceptions = spans_of(words, compiled(phrases[n].not_when));
        std::erase_if(found, [&](const Span& s) {
            return std::any_of(exceptions.begin(), exceptions.end(), [&](const Span& e) {
                return e.first <= s.first && s.last <= e.last;
            });
        });
        // Matches of one phrase that overlap are one finding: "after contact with mum".
        std::sort(found.begin(), found.end(),
                  [](const Span& a, const Span& b) { return a.first < b.first; });
        std::optional<Span> current;
        auto flush = [&] {
            if (current) {
                candidates.push_back(
                    {n, words.token(current->first).begin, words.token(current->last - 1).end});
            }
        };
        for (const auto& s : found) {
            if (current && s.first < current->last) {
                current->last = std::max(current->last, s.last);
            } else {
                flush();
                current = s;
            }
        }
        flush();
    }
    // The more specific phrase wins where one is found inside another.
    std::stable_sort(candidates.begin(), candidates.end(),
                     [](const Candidate& a, const Candidate& b) {
                         if (a.offset != b.offset)
                             return a.offset < b.offset;
                         return a.end - a.offset > b.end - b.offset;
                     });
    std::vector<Finding> out;
    std::vector<Candidate> kept;
    for (const auto& c : candidates) {
        const bool inside = std::any_of(kept.begin(), kept.end(), [&](const Candidate& k) {
            return k.phrase != c.phrase && k.offset <= c.offset && c.end <= k.end;
        });
        if (inside)
            continue;
        kept.push_back(c);
        out.push_back({phrases[c.phrase], std::string(text.substr(c.offset, c.end - c.offset)),
                       c.offset, c.end - c.offset});
    }
    return out;
}

}  // namespace hearth::language
