#pragma once
// How the training matrix and a person's training read: one view each, from which the pages, their
// JSON and the API are rendered (the CSV and the spreadsheet from the matrix itself).
#include <nlohmann/json.hpp>

#include "team/training_store.hpp"

namespace hearth::team {

// `record_href`: where a person's name links ("/homes/{home}/team/{person}"), or none.
nlohmann::json matrix_view(const Matrix& m, bool link_records);
// The share compliant per course as a bar chart, with its table beside it on the page.
std::string matrix_chart(const Matrix& m);
nlohmann::json training_lines_view(const std::vector<TrainingLine>& lines, Date today);

}  // namespace hearth::team
