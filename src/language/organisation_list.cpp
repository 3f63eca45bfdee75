#include "language/organisation_list.hpp"

#include <algorithm>
#include <array>
#include <map>

#include "language/pattern.hpp"

namespace hearth::language {

namespace {

constexpr std::array<std::pair<ChangeKind, std::string_view>, 4> kinds{{
    {ChangeKind::add, "add"},
    {ChangeKind::amend, "amend"},
    {ChangeKind::retire, "retire"},
    {ChangeKind::restore, "restore"},
}};

void apply(OrganisationPhrase& p, const Change& c) {
    switch (c.kind) {
        case ChangeKind::add:
        case ChangeKind::amend:
            p.phrase = c.phrase;
            p.phrase.id = c.phrase_id;
            p.changed = p.changed || c.kind == ChangeKind::amend;
            break;
        case ChangeKind::retire:
            p.retired = true;
            break;
        case ChangeKind::restore:
            p.retired = false;
            break;
    }
    p.version = c.version;
    p.history.push_back(c);
}

}  // namespace

std::string_view kind_key(ChangeKind k) {
    for (const auto& [kind, key] : kinds) {
        if (kind == k) {
            return key;
        }
    }
    return "amend";
}

std::optional<ChangeKind> kind_from_key(std::string_view key) {
    for (const auto& [kind, k] : kinds) {
        if (k == key) {
            return kind;
        }
    }
    return std::nullopt;
}

std::vector<OrganisationPhrase> effective_list(const PhraseList& defaults,
                                               std::vector<Change> changes) {
    std::stable_sort(changes.begin(), changes.end(), [](const Change& a, const Change& b) {
        return a.phrase_id != b.phrase_id ? a.phrase_id < b.phrase_id : a.version < b.version;
    });
    std::vector<OrganisationPhrase> out;
    std::map<std::int64_t, std::size_t> at;
    for (const auto& p : defaults.phrases) {
        at[p.id] = out.size();
        out.push_back({p, true, false, false, 1, {}});
    }
    for (const auto& c : changes) {
        auto it = at.find(c.phrase_id);
        if (it == at.end()) {
            // Only an organisation's own phrase begins with its adding.
            if (c.kind != ChangeKind::add || c.phrase_id < first_added_phrase_id) {
                continue;
            }
            at[c.phrase_id] = out.size();
            out.push_back({c.phrase, false, false, false, 1, {}});
            it = at.find(c.phrase_id);
        }
        apply(out[it->second], c);
    }
    return out;
}

std::vector<Phrase> in_use(const std::vector<OrganisationPhrase>& list) {
    std::vector<Phrase> out;
    for (const auto& p : list) {
        if (!p.retired) {
            out.push_back(p.phrase);
        }
    }
    return out;
}

const OrganisationPhrase* find_phrase(const std::vector<OrganisationPhrase>& list,
                                      std::int64_t phrase_id) {
    for (const auto& p : list) {
        if (p.phrase.id == phrase_id) {
            return &p;
        }
    }
    return nullptr;
}

Phrase read_phrase(http::FormReader& form) {
    Phrase p;
    p.phrase = form.text("phrase", "the phrase", {.required = true, .max = 80});
    p.match = form.lines("match", "the words to look for", {.required = true, .max = 600}, 40);
    p.not_when = form.lines("not_when", "the words that are fine", {.max = 600}, 40);
    p.alternative = form.text("alternative", "a kinder alternative",
                              {.required = true, .max = 400, .multiline = true});
    p.why = form.text("why", "why", {.required = true, .max = 600, .multiline = true});
    p.fine_when = form.text("fine_when", "when it is fine", {.max = 400, .multiline = true});
    // The patterns' own rules, each error at its field.
    for (const auto& [field, patterns] :
         {std::pair<std::string, const std::vector<std::string>*>{"match", &p.match},
          {"not_when", &p.not_when}}) {
        for (const auto& pattern : *patterns) {
            if (auto compiled = compile_pattern(pattern); !compiled.ok()) {
                form.fail(field, compiled.error().message);
                break;
            }
        }
    }
    return p;
}

std::string read_reason(http::FormReader& form) {
    return form.text("reason", "why you are making this change",
                     {.required = true, .max = 1000, .multiline = true});
}

bool mentions(const OrganisationPhrase& p, std::string_view words) {
    const std::string wanted = fold(words);
    if (wanted.empty()) {
        return true;
    }
    auto has = [&](const std::string& s) { return fold(s).find(wanted) != std::string::npos; };
    return has(p.phrase.phrase) || has(p.phrase.alternative) || has(p.phrase.why) ||
           std::any_of(p.phrase.match.begin(), p.phrase.match.end(), has);
}

}  // namespace hearth::language
