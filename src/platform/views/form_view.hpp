#pragma once
// View models for GOV.UK form fields, rendered by the `field` template. Values come from the
// record, or from what the person typed when the page is shown again with errors.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "platform/choice.hpp"

namespace hearth::views {

enum class FieldKind {
    text,
    email,
    password,
    textarea,
    date,
    time,
    radios,
    checkboxes,
    checkbox,
    hidden
};

// Radio and checkbox options: key, label.
using Options = std::vector<std::pair<std::string, std::string>>;
// The options of a list of choices, in its order.
Options options_of(const std::vector<Choice>& choices);

struct FieldSpec {
    std::string name;
    std::string label;
    FieldKind kind = FieldKind::text;
    std::string hint;
    Options options;
    std::string width = "";  // a govuk-input--width-N class, or "" for full width
    std::string autocomplete = "off";
    // A textarea whose words Hearth checks as they are typed (language that cares): the
    // data-language-check attribute that web/static/hearth.js looks for.
    bool check_language = false;
};

// `values`: field name -> text (or list for checkboxes; name-day/-month/-year for dates);
// `errors`: field name -> message.
nlohmann::json field(const FieldSpec& spec, const nlohmann::json& values,
                     const nlohmann::json& errors);

// Chosen ids as a checkbox field's values.
nlohmann::json id_values(const std::vector<std::int64_t>& ids);
// Items one to a line, as a textarea shows a list.
std::string one_a_line(const std::vector<std::string>& items);

}  // namespace hearth::views
