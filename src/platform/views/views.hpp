#pragma once
// The one way to render a page: a logic-less mustache template (HTML-escaped by default) over a
// JSON view model, inside the shared layout. Templates are compiled into the binary at build
// time and parsed once per thread.
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "platform/result.hpp"

namespace hearth::views {

const std::map<std::string, std::string>& embedded_templates();

// Renders one template. Templates named "_name" are available to it as partials ({{> _name}}).
Result<std::string> render(const std::string& name, const nlohmann::json& data);

// What the layout needs besides the page's own content.
struct Frame {
    std::string title;
    std::string request_id;
    std::string csrf_token;
    std::optional<nlohmann::json> person;  // {name, ...} when signed in
    nlohmann::json nav = nlohmann::json::array();
    std::optional<int> session_expires_in_seconds;
    int session_warn_before_seconds = 300;
    bool demo = false;
};

Result<std::string> page(const Frame& frame, const std::string& name, const nlohmann::json& data);

// GOV.UK error summary and per-field messages, from an invalid_input Error.
nlohmann::json errors_view(const Error& error);

}  // namespace hearth::views
