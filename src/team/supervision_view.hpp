#pragma once
// How supervision reads: one view of each supervision, from which its page, its JSON and the API
// are rendered. The headings marked confidential are in it only for the two who held it and the
// home's registered manager; anyone else who may read it (the provider's administrator) is told
// that a heading is confidential, and nothing of what it says.
#include <nlohmann/json.hpp>

#include "team/supervision_store.hpp"

namespace hearth::team {

bool reads_confidential(const Person& reader, const SupervisionRecord& s);
// `whole`: with what was discussed, the incidents and the actions; else a line of the list.
nlohmann::json supervision_view(const SupervisionRecord& s, const Person& reader, bool whole);
nlohmann::json involvements_view(const std::vector<Involvement>& incidents);
nlohmann::json arrangement_view(const Arrangement& a);

}  // namespace hearth::team
