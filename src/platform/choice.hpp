#pragma once
// An option of a list a form offers: the key a record stores and the label people read. Every
// capability's lists (triggers, categories, legal bases, plan kinds…) are vectors of these.
#include <string>
#include <vector>

namespace hearth {

struct Choice {
    std::string key;
    std::string label;
};

std::vector<std::string> keys_of(const std::vector<Choice>& choices);
// The label of `key`; the key itself when the list no longer has it (an older record's value).
std::string label_in(const std::vector<Choice>& choices, const std::string& key);
std::vector<std::string> labels_in(const std::vector<Choice>& choices,
                                   const std::vector<std::string>& keys);

}  // namespace hearth
