#include "platform/choice.hpp"

#include <algorithm>

namespace hearth {

std::vector<std::string> keys_of(const std::vector<Choice>& choices) {
    std::vector<std::string> out;
    out.reserve(choices.size());
    for (const auto& c : choices) {
        out.push_back(c.key);
    }
    return out;
}

std::string label_in(const std::vector<Choice>& choices, const std::string& key) {
    auto found =
        std::find_if(choices.begin(), choices.end(), [&](const Choice& c) { return c.key == key; });
    return found == choices.end() ? key : found->label;
}

std::vector<std::string> labels_in(const std::vector<Choice>& choices,
                                   const std::vector<std::string>& keys) {
    std::vector<std::string> out;
    out.reserve(keys.size());
    for (const auto& k : keys) {
        out.push_back(label_in(choices, k));
    }
    return out;
}

}  // namespace hearth
