#pragma once
// The kinds of record a child's chronology shows. Each capability adds the kinds it writes when it
// joins (docs/architecture.md), so the chronology knows them without knowing who writes them: its
// filter lists them in the order they were added, and its entries are labelled from them.
#include <algorithm>
#include <string>
#include <vector>

namespace hearth::chronology {

struct Kind {
    std::string key;    // "daily_note", as written in an entry's kind
    std::string label;  // "Daily note"
};

class Kinds {
  public:
    void add(const std::vector<Kind>& kinds) {
        kinds_.insert(kinds_.end(), kinds.begin(), kinds.end());
    }
    const std::vector<Kind>& all() const { return kinds_; }
    bool has(const std::string& key) const {
        return std::any_of(kinds_.begin(), kinds_.end(),
                           [&](const Kind& k) { return k.key == key; });
    }
    // The key itself for a kind nobody added, so an entry still reads.
    std::string label(const std::string& key) const {
        auto it =
            std::find_if(kinds_.begin(), kinds_.end(), [&](const Kind& k) { return k.key == key; });
        return it == kinds_.end() ? key : it->label;
    }

  private:
    std::vector<Kind> kinds_;
};

}  // namespace hearth::chronology
