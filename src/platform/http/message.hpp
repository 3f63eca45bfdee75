#pragma once
// Hearth's own request and response, apart from RESTinio, so that routes can be driven
// in-process by tests and the server adapter is the only place that knows the library.
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace hearth::http {

struct Request {
    std::string method;  // GET, POST, PUT, PATCH, DELETE, HEAD
    std::string path;    // without the query
    std::multimap<std::string, std::string> query;
    std::map<std::string, std::string> headers;  // names in lower case
    std::string body;
    std::string remote_ip;               // the client's, behind a trusted proxy too (proxies.hpp)
    bool through_trusted_proxy = false;  // so its X-Forwarded-Proto may be believed
    std::string request_id;

    std::string header(const std::string& lower_name) const;
    std::string cookie(const std::string& name) const;
    std::optional<std::string> query_value(const std::string& name) const;
    bool wants_json() const;  // the API, or Accept: application/json
    bool is_htmx() const { return !header("hx-request").empty(); }
    bool is_state_changing() const { return method != "GET" && method != "HEAD"; }
};

struct Response {
    int status = 200;
    std::string content_type = "text/html; charset=utf-8";
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;

    static Response html(int status, std::string body);
    static Response json(int status, const nlohmann::json& body);
    static Response text(int status, std::string body,
                         std::string content_type = "text/plain; charset=utf-8");
    static Response redirect(const std::string& location);  // 303 See Other
    static Response no_content();
    Response& header(std::string name, std::string value) {
        headers.emplace_back(std::move(name), std::move(value));
        return *this;
    }
};

// Percent-decoding as forms and queries use it ("+" is a space). Nothing for bad escapes.
std::optional<std::string> url_decode(std::string_view in);
std::string url_encode(std::string_view in);
// `path` when it is a path on this site, else `fallback`: what a form or link says to go back to
// must never send someone elsewhere ("//evil.example", "/\\evil", control characters).
std::string local_path_or(const std::string& path, const std::string& fallback);
bool valid_utf8(std::string_view s);
std::string status_reason(int status);

}  // namespace hearth::http
