#pragma once
// An organisation's own list: the defaults of the file with the changes its managers made. A
// change is never overwritten: each is kept with who, when and why, and the list in use is
// worked out from all of them (effective_list), so the history of every phrase can be shown.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "language/phrase.hpp"
#include "platform/http/form.hpp"

namespace hearth::language {

enum class ChangeKind {
    add,      // a phrase of the organisation's own
    amend,    // new words for a phrase: what to look for, the alternative, why...
    retire,   // no longer flagged in this organisation
    restore,  // flagged again after being retired
};
std::string_view kind_key(ChangeKind k);
std::optional<ChangeKind> kind_from_key(std::string_view key);

struct Change {
    std::int64_t id = 0;
    std::int64_t phrase_id = 0;
    int version = 0;  // the version of the phrase this change made
    ChangeKind kind = ChangeKind::amend;
    Phrase phrase;  // for add and amend: the phrase as it is after the change
    std::string reason;
    std::optional<std::int64_t> changed_by;
    std::string changed_by_name;
    std::string changed_at;  // UTC
};

struct OrganisationPhrase {
    Phrase phrase;
    bool from_defaults = true;
    bool changed = false;  // amended by the organisation
    bool retired = false;
    // A phrase of the file starts at 1; a phrase the organisation added starts at 1 when added.
    // Every change adds one; a change names the version it read.
    int version = 1;
    std::vector<Change> history;  // oldest first
};

// The file's phrases in the file's order, then the organisation's own in the order they were
// added; retired ones included and marked. Changes to a phrase the file no longer has are left
// out with it. `changes` in any order.
std::vector<OrganisationPhrase> effective_list(const PhraseList& defaults,
                                               std::vector<Change> changes);

// The phrases to look for: the effective list without the retired ones.
std::vector<Phrase> in_use(const std::vector<OrganisationPhrase>& list);

const OrganisationPhrase* find_phrase(const std::vector<OrganisationPhrase>& list,
                                      std::int64_t phrase_id);

// A phrase from a manager's form or a JSON body; `id` is left for the caller. Errors are the
// reader's, named by field: call form.finish() after reading the rest.
Phrase read_phrase(http::FormReader& form);
// Why a change is being made: kept with it.
std::string read_reason(http::FormReader& form);

// Text search of the list: phrase, alternative, why and what is looked for, in any case.
bool mentions(const OrganisationPhrase& p, std::string_view words);

}  // namespace hearth::language
