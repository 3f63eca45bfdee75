#pragma once
// JSON-lines logs on standard error: one object a line, with the request id where there is one.
#include <nlohmann/json.hpp>
#include <string_view>

namespace hearth::log {

void set_level(std::string_view level);
void info(std::string_view message, nlohmann::json fields = nlohmann::json::object());
void warn(std::string_view message, nlohmann::json fields = nlohmann::json::object());
void error(std::string_view message, nlohmann::json fields = nlohmann::json::object());

}  // namespace hearth::log
