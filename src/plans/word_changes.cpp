#include "plans/word_changes.hpp"

#include <algorithm>
#include <cstdint>

namespace hearth::plans {

namespace {

constexpr std::string_view line_break = "\n";

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

// Words, with one "\n" token for each run of white space that holds a line break.
std::vector<std::string_view> tokens_of(std::string_view text) {
    std::vector<std::string_view> out;
    std::size_t i = 0;
    while (i < text.size()) {
        if (is_space(text[i]) || text[i] == '\n') {
            bool broke = false;
            while (i < text.size() && (is_space(text[i]) || text[i] == '\n')) {
                broke = broke || text[i] == '\n';
                ++i;
            }
            if (broke && !out.empty()) {
                out.push_back(line_break);
            }
            continue;
        }
        const std::size_t start = i;
        while (i < text.size() && !is_space(text[i]) && text[i] != '\n') {
            ++i;
        }
        out.push_back(text.substr(start, i - start));
    }
    if (!out.empty() && out.back() == line_break) {
        out.pop_back();
    }
    return out;
}

class Builder {
  public:
    void add(WordChange::Kind kind, std::string_view token) {
        if (token == line_break) {
            // The shape of the newer text is shown: a line break it dropped is not drawn.
            if (kind != WordChange::Kind::removed) {
                out_.push_back({WordChange::Kind::line_break, {}});
            }
            return;
        }
        if (!out_.empty() && out_.back().kind == kind) {
            out_.back().text.push_back(' ');
            out_.back().text.append(token);
            return;
        }
        out_.push_back({kind, std::string(token)});
    }
    std::vector<WordChange> take() { return std::move(out_); }

  private:
    std::vector<WordChange> out_;
};

}  // namespace

std::vector<WordChange> word_changes(std::string_view before, std::string_view after,
                                     std::size_t max_cells) {
    const auto a = tokens_of(before);
    const auto b = tokens_of(after);
    // What the texts share at their beginning and end needs no table.
    std::size_t head = 0;
    while (head < a.size() && head < b.size() && a[head] == b[head]) {
        ++head;
    }
    std::size_t tail = 0;
    while (tail < a.size() - head && tail < b.size() - head &&
           a[a.size() - 1 - tail] == b[b.size() - 1 - tail]) {
        ++tail;
    }
    const std::size_t n = a.size() - head - tail;
    const std::size_t m = b.size() - head - tail;

    Builder out;
    for (std::size_t i = 0; i < head; ++i) {
        out.add(WordChange::Kind::kept, a[i]);
    }

    if (n > 0 && m > 0 && n * m <= max_cells) {
        // lcs[i][j]: the longest common subsequence of the middles' suffixes a[i..], b[j..].
        const std::size_t width = m + 1;
        std::vector<std::uint32_t> lcs((n + 1) * width, 0);
        auto at = [&](std::size_t i, std::size_t j) -> std::uint32_t& {
            return lcs[i * width + j];
        };
        for (std::size_t i = n; i-- > 0;) {
            for (std::size_t j = m; j-- > 0;) {
                at(i, j) = a[head + i] == b[head + j] ? at(i + 1, j + 1) + 1
                                                      : std::max(at(i + 1, j), at(i, j + 1));
            }
        }
        // Walk the table from the start; on a tie, removals come before additions, so a replaced
        // phrase reads as "old words, then new words".
        std::size_t i = 0, j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a[head + i] == b[head + j]) {
                out.add(WordChange::Kind::kept, a[head + i]);
                ++i;
                ++j;
            } else if (j == m || (i < n && at(i + 1, j) >= at(i, j + 1))) {
                out.add(WordChange::Kind::removed, a[head + i]);
                ++i;
            } else {
                out.add(WordChange::Kind::added, b[head + j]);
                ++j;
            }
        }
    } else {
        for (std::size_t i = 0; i < n; ++i) {
            out.add(WordChange::Kind::removed, a[head + i]);
        }
        for (std::size_t j = 0; j < m; ++j) {
            out.add(WordChange::Kind::added, b[head + j]);
        }
    }

    for (std::size_t i = a.size() - tail; i < a.size(); ++i) {
        out.add(WordChange::Kind::kept, a[i]);
    }
    return out.take();
}

bool has_changes(const std::vector<WordChange>& changes) {
    return std::any_of(changes.begin(), changes.end(), [](const WordChange& c) {
        return c.kind == WordChange::Kind::removed || c.kind == WordChange::Kind::added;
    });
}

}  // namespace hearth::plans
