#include "language/matcher.hpp"

#include <algorithm>
#include <optional>
#include <unordered_map>

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
    if (i >= s.size()) {
        return {0, 0};
    }
    const auto b0 = static_cast<unsigned char>(s[i]);
    auto cont = [&](std::size_t k) {
        return i + k < s.size() && (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80;
    };
    auto bits = [&](std::size_t k) { return static_cast<char32_t>(s[i + k] & 0x3F); };
    if (b0 < 0x80) {
        return {b0, 1};
    }
    if ((b0 & 0xE0) == 0xC0 && cont(1)) {
        return {(static_cast<char32_t>(b0 & 0x1F) << 6) | bits(1), 2};
    }
    if ((b0 & 0xF0) == 0xE0 && cont(1) && cont(2)) {
        return {(static_cast<char32_t>(b0 & 0x0F) << 12) | (bits(1) << 6) | bits(2), 3};
    }
    if ((b0 & 0xF8) == 0xF0 && cont(1) && cont(2) && cont(3)) {
        return {
            (static_cast<char32_t>(b0 & 0x07) << 18) | (bits(1) << 12) | (bits(2) << 6) | bits(3),
            4};
    }
    return {b0, 1};
}

bool is_word(char32_t c) {
    if (c < 0x80) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
    if (c == 0xA0 || c == 0xAB || c == 0xBB || c == 0xD7 || c == 0xF7 || c == 0xFEFF) {
        return false;
    }
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
    // The word folded, and without a possessive ending: "LAC's" is also "lac", "residents'"
    // also "residents".
    std::vector<std::string> keys;
    bool quoted = false;
};

std::vector<std::string> keys_of(std::string folded) {
    std::vector<std::string> out{folded};
    if (folded.size() > 2 && folded.compare(folded.size() - 2, 2, "'s") == 0) {
        out.push_back(folded.substr(0, folded.size() - 2));
    } else if (folded.size() > 1 && folded.back() == '\'') {
        out.push_back(folded.substr(0, folded.size() - 1));
    }
    return out;
}

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
            // A letter, or an apostrophe inside a word: won't, LAC's.
            if (is_word(c.value) ||
                (is_apostrophe(c.value) && is_word(decode(text, j + c.length).value))) {
                j += c.length;
            } else {
                break;
            }
        }
        // The plural possessive: "the residents' meeting".
        if (j > t.begin && (text[j - 1] == 's' || text[j - 1] == 'S')) {
            auto c = decode(text, j);
            if (is_apostrophe(c.value) && !is_word(decode(text, j + c.length).value)) {
                j += c.length;
            }
        }
        t.end = j;
        t.keys = keys_of(fold(text.substr(t.begin, t.end - t.begin)));
        t.quoted = std::any_of(quoted.begin(), quoted.end(), [&](const auto& q) {
            return t.begin >= q.first && t.begin < q.second;
        });
        out.push_back(std::move(t));
        i = j;
    }
    return out;
}

bool same_form(const PatternWord& w, const Token& token) {
    return std::any_of(token.keys.begin(), token.keys.end(), [&](const std::string& key) {
        return std::binary_search(w.forms.begin(), w.forms.end(), key);
    });
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
        if (word == p.words.size()) {
            return first ? no_match : k;
        }
        std::size_t best = no_match;
        const auto& w = p.words[word];
        if (k < tokens_.size() && !tokens_[k].quoted && (first || joinable_[k - 1]) &&
            same_form(w, tokens_[k])) {
            best = longest_match(p, word + 1, k + 1, false);
        }
        if (w.optional) {
            auto skipped = longest_match(p, word + 1, k, first);
            if (skipped != no_match && (best == no_match || skipped > best)) {
                best = skipped;
            }
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

// Every pattern of a list, found by the forms a match of it can start with, so that each word of
// a text is tried only against the patterns that could start there.
class Index {
  public:
    struct Entry {
        std::size_t phrase = 0;  // in the list
        bool exception = false;  // a not_when pattern
        Pattern pattern;
    };

    explicit Index(const std::vector<Phrase>& phrases) {
        for (std::size_t n = 0; n < phrases.size(); ++n) {
            for (const auto& p : phrases[n].match) {
                add(n, false, p);
            }
            for (const auto& p : phrases[n].not_when) {
                add(n, true, p);
            }
        }
    }

    const Entry& entry(std::size_t i) const { return entries_[i]; }

    // The entries that may start at a token, each once, in the list's order.
    std::vector<std::size_t> starting_at(const Token& t) const {
        std::vector<std::size_t> out;
        for (const auto& key : t.keys) {
            auto it = by_first_.find(key);
            if (it != by_first_.end()) {
                out.insert(out.end(), it->second.begin(), it->second.end());
            }
        }
        std::sort(out.begin(), out.end());
        out.erase(std::unique(out.begin(), out.end()), out.end());
        return out;
    }

  private:
    void add(std::size_t phrase, bool exception, const std::string& text) {
        // Every pattern was checked when it entered the list (validate()); one that does not
        // compile cannot match anything.
        auto compiled = compile_pattern(text);
        if (!compiled.ok()) {
            return;
        }
        const std::size_t i = entries_.size();
        entries_.push_back({phrase, exception, std::move(compiled.value())});
        // A match starts with the first word, or a later one when those before are optional.
        for (const auto& w : entries_.back().pattern.words) {
            for (const auto& f : w.forms) {
                by_first_[f].push_back(i);
            }
            if (!w.optional) {
                break;
            }
        }
    }

    std::vector<Entry> entries_;
    std::unordered_map<std::string, std::vector<std::size_t>> by_first_;
};

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
            if (open != Open::none) {
                out.emplace_back(start, i);
            }
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
    if (open != Open::none) {
        out.emplace_back(start, text.size());
    }
    return out;
}

std::vector<Finding> find_phrases(const std::vector<Phrase>& phrases, std::string_view text) {
    const Text words(text);
    const Index index(phrases);
    // Every match of every pattern, by phrase: words [first, last) of the text.
    std::vector<std::vector<Span>> matches(phrases.size()), exceptions(phrases.size());
    for (std::size_t k = 0; k < words.size(); ++k) {
        if (words.token(k).quoted) {
            continue;
        }
        for (std::size_t i : index.starting_at(words.token(k))) {
            const auto& e = index.entry(i);
            const auto end = words.longest_match(e.pattern, 0, k, true);
            if (end != no_match) {
                (e.exception ? exceptions : matches)[e.phrase].push_back({k, end});
            }
        }
    }
    std::vector<Candidate> candidates;
    for (std::size_t n = 0; n < phrases.size(); ++n) {
        auto& found = matches[n];
        if (found.empty()) {
            continue;
        }
        std::erase_if(found, [&](const Span& s) {
            return std::any_of(exceptions[n].begin(), exceptions[n].end(), [&](const Span& e) {
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
                         if (a.offset != b.offset) {
                             return a.offset < b.offset;
                         }
                         return a.end - a.offset > b.end - b.offset;
                     });
    std::vector<Finding> out;
    std::vector<Candidate> kept;
    for (const auto& c : candidates) {
        const bool inside = std::any_of(kept.begin(), kept.end(), [&](const Candidate& k) {
            return k.phrase != c.phrase && k.offset <= c.offset && c.end <= k.end;
        });
        if (inside) {
            continue;
        }
        kept.push_back(c);
        out.push_back({phrases[c.phrase], std::string(text.substr(c.offset, c.end - c.offset)),
                       c.offset, c.end - c.offset});
    }
    return out;
}

}  // namespace hearth::language
