#include "intervention/wording.hpp"

#include <algorithm>
#include <cctype>
#include <string_view>
#include <vector>

namespace hearth::intervention {

namespace {

using Words = std::vector<std::string>;

// Lower-case words; an apostrophe stays inside a word ("child's"), and a pound sign starts one.
Words words_of(const std::string& text) {
    Words out;
    std::string word;
    for (char ch : text) {
        const auto u = static_cast<unsigned char>(ch);
        if (std::isalnum(u) != 0 || u >= 0x80 || (ch == '\'' && !word.empty())) {
            word += static_cast<char>(std::tolower(u));
        } else if (!word.empty()) {
            out.push_back(word);
            word.clear();
        }
    }
    if (!word.empty()) {
        out.push_back(word);
    }
    for (auto& w : out) {
        if (w.size() > 2 && w.compare(w.size() - 2, 2, "'s") == 0) {
            w.resize(w.size() - 2);
        }
    }
    return out;
}

// A pattern word: "order" matches itself, "punish*" any word that starts with "punish", and "*"
// any one word.
bool matches(std::string_view pattern, const std::string& word) {
    if (pattern == "*") {
        return true;
    }
    if (!pattern.empty() && pattern.back() == '*') {
        pattern.remove_suffix(1);
        return word.compare(0, pattern.size(), pattern) == 0;
    }
    return word == pattern;
}

bool has_any(const Words& words, std::size_t at, const std::vector<std::string_view>& set) {
    return std::any_of(set.begin(), set.end(),
                       [&](std::string_view p) { return matches(p, words[at]); });
}

// A phrase: several pattern words in a row.
bool has_phrase(const Words& words, const std::vector<std::string_view>& phrase) {
    if (phrase.empty() || words.size() < phrase.size()) {
        return false;
    }
    for (std::size_t i = 0; i + phrase.size() <= words.size(); ++i) {
        bool all = true;
        for (std::size_t j = 0; j < phrase.size() && all; ++j) {
            all = matches(phrase[j], words[i + j]);
        }
        if (all) {
            return true;
        }
    }
    return false;
}

// Something taken away: a word for losing it up to five words before the thing ("no pudding",
// "misses his phone call home"), or shortly after it ("pudding taken away").
const std::vector<std::string_view> taking_away{
    "no",     "without", "withh*",   "lose",   "loses",  "losing",     "lost",    "miss",
    "misses", "missed",  "missing",  "stop",   "stops",  "stopp*",     "cancel*", "ban",
    "banned", "bans",    "deny",     "denied", "denies", "confiscat*", "remov*",  "docked",
    "dock",   "deduct*", "forfeit*", "skip",   "skips",  "skipped"};
const std::vector<std::string_view> taken_after{"taken",    "removed",     "stopped", "cancelled",
                                                "withheld", "confiscated", "docked",  "banned"};

bool taken(const Words& words, const std::vector<std::string_view>& things,
           const std::vector<std::string_view>& own_cues) {
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (!has_any(words, i, things)) {
            continue;
        }
        const std::size_t from = i >= 5 ? i - 5 : 0;
        for (std::size_t j = from; j < i; ++j) {
            if (has_any(words, j, taking_away) || has_any(words, j, own_cues)) {
                return true;
            }
        }
        for (std::size_t j = i + 1; j < words.size() && j <= i + 3; ++j) {
            if (has_any(words, j, taken_after)) {
                return true;
            }
        }
    }
    return false;
}

struct Rule {
    const char* key;
    std::vector<std::vector<std::string_view>> phrases;  // any of these, anywhere
    std::vector<std::string_view> things;                // any of these, taken away
    std::vector<std::string_view> cues{};                // more words for taking it, its own
};

const std::vector<Rule>& purpose_rules() {
    static const std::vector<Rule> rules{
        {"good_order", {{"good", "order"}, {"keep", "order"}, {"for", "discipline"}}, {}},
        {"pain",
         {{"pain", "compliance"},
          {"inflict*", "pain"},
          {"inflict*", "*", "pain"},
          {"using", "pain"},
          {"use", "of", "pain"}},
         {}},
        {"compliance",
         {{"compliance"},
          {"comply"},
          {"complied"},
          {"complies"},
          {"make", "*", "do", "as"},
          {"do", "as", "*", "was", "told"},
          {"to", "obey"}},
         {}},
        {"sanction",
         {{"punish*"},
          {"as", "a", "sanction"},
          {"enforce", "*", "sanction"},
          {"enforce", "the", "*"},
          {"teach", "*", "a", "lesson"}},
         {}},
    };
    return rules;
}

const std::vector<Rule>& sanction_rules() {
    static const std::vector<Rule> rules{
        {"corporal",
         {{"smack*"},
          {"slap*"},
          {"spank*"},
          {"corporal"},
          {"hit", "him"},
          {"hit", "her"},
          {"hit", "them"}},
         {}},
        {"intimate_search", {{"strip", "search*"}, {"intimate", "search*"}}, {}},
        {"sleep",
         {{"kept", "awake"},
          {"keep", "*", "awake"},
          {"kept", "*", "awake"},
          {"woken", "up"},
          {"wake", "*", "up"},
          {"no", "sleep"},
          {"sleep", "deprivation"},
          {"deprive*", "of", "sleep"},
          {"deprive*", "*", "of", "sleep"}},
         {}},
        {"clothing",
         {{"wear*", "pyjamas"},
          {"wear*", "*", "pyjamas"},
          {"wear*", "*", "uniform"},
          {"distinctive", "cloth*"},
          {"wear*", "a", "*", "vest"}},
         {"cloth*", "pyjamas"}},
        {"food_drink",
         {{"bread", "and", "water"}},
         {"pudding*", "dessert*", "sweet", "sweets", "snack*", "meal*", "dinner*", "supper*",
          "breakfast*", "lunch*", "tea", "food", "drink*", "takeaway*", "chocolate*", "crisps"}},
        {"medication",
         {},
         {"medication*", "medicine*", "inhaler*", "treatment*", "dentist*", "doctor*",
          "prescription*"}},
        {"aids",
         {},
         {"wheelchair*", "hearing", "glasses", "crutches", "walker", "communication", "aid",
          "aids"}},
        {"contact",
         {{"no", "contact"}, {"grounded", "from", "seeing"}},
         {"contact",  "family",       "call",      "calls",    "calling", "mum*",   "dad*",
          "mother*",  "father*",      "nan",       "nana",     "gran",    "granny", "grandma*",
          "grandad*", "grandparent*", "sister*",   "brother*", "aunt*",   "uncle*", "cousin*",
          "friend*",  "letter*",      "advocate*", "facetime"}},
        {"fine",
         {{"a", "fine"}, {"fined"}, {"fine", "of"}, {"£*", "fine"}},
         {"pocket", "money", "allowance"},
         {"pay", "pays", "paying", "paid"}},
        {"group",
         {{"group", "punishment"},
          {"everyone", "lose*"},
          {"everyone", "miss*"},
          {"everybody", "lose*"},
          {"everybody", "miss*"},
          {"all", "the", "children", "lose*"},
          {"all", "the", "young", "people", "lose*"},
          {"whole", "house", "lose*"},
          {"whole", "house", "miss*"},
          {"whole", "home", "lose*"},
          {"whole", "group"}},
         {}},
    };
    return rules;
}

const Rule* first_rule_in(const Words& words, const std::vector<Rule>& rules,
                          const std::string& skip = {}) {
    for (const auto& rule : rules) {
        if (rule.key == skip) {
            continue;
        }
        const bool said = std::any_of(rule.phrases.begin(), rule.phrases.end(),
                                      [&](const auto& p) { return has_phrase(words, p); });
        if (said || (!rule.things.empty() && taken(words, rule.things, rule.cues))) {
            return &rule;
        }
    }
    return nullptr;
}

}  // namespace

const Refusal* unlawful_purpose_in(const std::string& text) {
    const Rule* rule = first_rule_in(words_of(text), purpose_rules());
    return rule ? find_unlawful_purpose(rule->key) : nullptr;
}

const Refusal* prohibited_sanction_in(const std::string& text, const std::string& kind) {
    // Paying towards damage is reparation, the one lawful taking of money.
    const Rule* rule =
        first_rule_in(words_of(text), sanction_rules(), kind == "reparation" ? "fine" : "");
    return rule ? find_prohibited_sanction(rule->key) : nullptr;
}

}  // namespace hearth::intervention
