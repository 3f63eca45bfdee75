#pragma once
// How the training matrix and a person's training read: one view each, from which the pages, their
// JSON and the API are rendered (the CSV and the spreadsheet from the matrix itself).
#include <nlohmann/json.hpp>

#include "team/training_store.hpp"

namespace hearth::team {

// The shares per course, per home and overall.
nlohmann::json matrix_summary_view(const Matrix& m);
// The summary with every person's row of cells, for the JSON; `link_records`: each person carries
// the address of their staff record ("/homes/{home}/team/{person}").
nlohmann::json matrix_view(const Matrix& m, bool link_records);
// The same rows as the page's table head and body, escaped here, for `{{{table}}}`.
std::string matrix_table(const Matrix& m, bool link_records, bool across_homes);
// The share compliant per course as a bar chart, with its table beside it on the page.
std::string matrix_chart(const Matrix& m);
nlohmann::json training_lines_view(const std::vector<TrainingLine>& lines, Date today);

}  // namespace hearth::team
