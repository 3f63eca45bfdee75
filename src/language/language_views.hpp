#pragma once
// What the language pages and the API say about a phrase, in one place.
#include <nlohmann/json.hpp>

#include "language/organisation_list.hpp"

namespace hearth::language {

// The API's shape of a phrase of an organisation's list, with its history when asked.
nlohmann::json phrase_json(const OrganisationPhrase& p, bool with_history);

// A page's view of a phrase: its words, where it came from and its state, and its link.
nlohmann::json phrase_view(const OrganisationPhrase& p);

// The changes to a phrase, newest first, for a page: when, who, what and why.
nlohmann::json history_view(const OrganisationPhrase& p);

// The version of the file and whether it has been reviewed, for the list's page and the API.
nlohmann::json list_about(const PhraseList& list);

}  // namespace hearth::language
