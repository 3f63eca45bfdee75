#include "platform/config.hpp"

#include <fmt/format.h>
#include <toml++/toml.h>

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <iterator>
#include <optional>

namespace hearth {

namespace {

struct Setting {
    SettingInfo info;
    std::function<bool(Config&, const std::string&)> set;
    std::function<std::string(const Config&)> get;
};

template <typename T>
bool parse_number(const std::string& s, T& out, T min, T max) {
    T v{};
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc{} || p != s.data() + s.size() || v < min || v > max) {
        return false;
    }
    out = v;
    return true;
}

Setting text(std::string key, std::string desc, std::string Config::*field) {
    Config defaults;
    return {{key, std::move(desc), defaults.*field},
            [field](Config& c, const std::string& v) {
                c.*field = v;
                return true;
            },
            [field](const Config& c) { return c.*field; }};
}

Setting flag(std::string key, std::string desc, bool Config::*field) {
    Config defaults;
    return {{key, fmt::format("{} (true or false)", desc), defaults.*field ? "true" : "false"},
            [field](Config& c, const std::string& v) {
                if (v != "true" && v != "false") {
                    return false;
                }
                c.*field = v == "true";
                return true;
            },
            [field](const Config& c) { return std::string(c.*field ? "true" : "false"); }};
}

template <typename T>
Setting number(std::string key, std::string desc, T Config::*field, T min, T max) {
    Config defaults;
    return {{key, fmt::format("{} ({}..{})", desc, min, max), std::to_string(defaults.*field)},
            [=](Config& c, const std::string& v) { return parse_number(v, c.*field, min, max); },
            [field](const Config& c) { return std::to_string(c.*field); }};
}

const std::vector<Setting>& settings() {
    static const std::vector<Setting> all = [] {
        std::vector<Setting> s;
        s.push_back(text("listen_address", "Address to listen on", &Config::listen_address));
        s.push_back(
            number("port", "TCP port to listen on; 0 picks a free one", &Config::port, 0, 65535));
        s.push_back(
            text("database", "sqlite:PATH, a file path, or postgresql://...", &Config::database));
        s.push_back(text("web_dir", "Folder holding templates/ and static/", &Config::web_dir));
        s.push_back(text("time_zone", "Zone used to show times (stored times are UTC)",
                         &Config::time_zone));
        s.push_back(text("public_url", "The address people use; https:// makes cookies Secure",
                         &Config::public_url));
        s.push_back(text("trusted_proxies",
                         "Reverse proxies whose X-Forwarded-For and X-Forwarded-Proto are "
                         "believed: addresses or networks, comma-separated (127.0.0.1, ::1)",
                         &Config::trusted_proxies));
        s.push_back(number("io_threads", "Threads reading and writing sockets", &Config::io_threads,
                           1, 64));
        s.push_back(number("worker_threads", "Threads doing database work, hashing and rendering",
                           &Config::worker_threads, 1, 256));
        s.push_back(number("worker_queue", "Requests that may wait for a worker before 503",
                           &Config::worker_queue, 1, 100000));
        s.push_back(number("max_connections", "Open connections at once; more wait to be accepted",
                           &Config::max_connections, 1, 100000));
        s.push_back(number("max_connections_per_address",
                           "Open connections at once from one address; more are closed at once. "
                           "A trusted proxy's are not limited",
                           &Config::max_connections_per_address, 1, 100000));
        s.push_back(number<std::int64_t>("max_body_bytes",
                                         "Largest request body; larger ones are cut",
                                         &Config::max_body_bytes, 1024, 64LL * 1024 * 1024));
        s.push_back(number("request_read_seconds",
                           "Time to read a whole request, and the idle keep-alive limit",
                           &Config::request_read_seconds, 1, 600));
        s.push_back(number("response_write_seconds", "Time to write a response",
                           &Config::response_write_seconds, 1, 600));
        s.push_back(number("handle_seconds", "Time a request may take to be handled",
                           &Config::handle_seconds, 1, 600));
        s.push_back(number("session_idle_minutes", "Sign out after this long without a request",
                           &Config::session_idle_minutes, 1, 24 * 60));
        s.push_back(number("session_warn_minutes", "Warn this long before an idle sign-out",
                           &Config::session_warn_minutes, 1, 60));
        s.push_back(number("session_max_hours", "Sign out after this long whatever happens",
                           &Config::session_max_hours, 1, 24 * 7));
        s.push_back(number("drafts_kept_days",
                           "Days a draft kept at an idle sign-out waits for its person; all of "
                           "theirs go when they sign out",
                           &Config::drafts_kept_days, 1, 30));
        s.push_back(number("sign_in_window_minutes",
                           "Window in which an address's failed sign-ins count, and the longest "
                           "wait after failures to one account",
                           &Config::sign_in_window_minutes, 1, 24 * 60));
        s.push_back(number("account_failures_before_delay",
                           "Failed sign-ins to one account before each next attempt must wait, "
                           "twice as long each time",
                           &Config::account_failures_before_delay, 1, 1000));
        s.push_back(number("one_time_password_hours",
                           "How long a one-time password (a new person's, or after a reset) works",
                           &Config::one_time_password_hours, 1, 24 * 30));
        s.push_back(number("api_token_days",
                           "How long a new API token lasts unless its person chooses (at most 365)",
                           &Config::api_token_days, 1, 365));
        s.push_back(number("address_failures_before_throttle",
                           "Failed sign-ins from one address before it is refused",
                           &Config::address_failures_before_throttle, 1, 100000));
        s.push_back(flag("second_factor_for_everyone",
                         "Require a second factor of everyone, not only of people who see more "
                         "than one home and those an administrator requires it of",
                         &Config::second_factor_for_everyone));
        s.push_back(text("audit_key_file",
                         "File holding the audit trail's keys, oldest first (made by hearth init "
                         "or hearth demo); empty: beside a SQLite database as PATH.audit-key",
                         &Config::audit_key_file));
        s.push_back(text("audit_key",
                         "The audit trail's keys themselves (64 hex characters each, oldest "
                         "first, comma-separated) instead of audit_key_file",
                         &Config::audit_key));
        s.push_back(text("audit_checkpoint_file",
                         "File the head of the audit trail is appended to; empty: beside a "
                         "SQLite database as PATH.checkpoints",
                         &Config::audit_checkpoint_file));
        s.push_back(number("audit_checkpoint_seconds",
                           "Seconds between checkpoints of the audit trail's head (and one at "
                           "shutdown)",
                           &Config::audit_checkpoint_seconds, 1, 24 * 60 * 60));
        s.push_back(text("log_level", "trace, debug, info, warn or error", &Config::log_level));
        s.push_back(flag("demo", "Show the fictional-data banner", &Config::demo));
        return s;
    }();
    return all;
}

// toml++ 3.3.0 (Debian 12) reaches __builtin_unreachable, undefined behaviour, on most characters
// beyond ASCII where only TOML's syntax may stand (`é = 1`), after a backslash in a
// """string""", and wherever it reads on past a mistake to report it, which is hard to foretell
// without parsing TOML: the fuzz target found a new place each time one was excepted. Every
// setting is an address, a number, a path, a zone or a word, so a settings file is ASCII, but for
// the byte order mark some editors write at its start. The line of the first other character.
std::optional<std::size_t> line_beyond_ascii(std::string_view text) {
    if (text.starts_with("\xEF\xBB\xBF")) {
        text.remove_prefix(3);
    }
    const auto at = std::find_if(text.begin(), text.end(),
                                 [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
    if (at == text.end()) {
        return std::nullopt;
    }
    return 1 + static_cast<std::size_t>(std::count(text.begin(), at, '\n'));
}

bool has_control_character(std::string_view s) {
    return std::any_of(s.begin(), s.end(), [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return u < 0x20 || u == 0x7F;
    });
}

std::string env_name(const std::string& key) {
    std::string out = "HEARTH_";
    for (char c : key) {
        out.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
    }
    return out;
}

}  // namespace

std::string default_web_dir() {
    return HEARTH_SOURCE_DIR "/web";
}

const std::vector<SettingInfo>& setting_infos() {
    static const std::vector<SettingInfo> infos = [] {
        std::vector<SettingInfo> out;
        for (const auto& s : settings()) {
            out.push_back(s.info);
        }
        return out;
    }();
    return infos;
}

std::string settings_help() {
    std::string out =
        "Settings come from defaults, then the TOML file given by --config, then HEARTH_* "
        "environment\n"
        "variables. Each setting:\n";
    for (const auto& s : settings()) {
        out += fmt::format("  {:<34} {:<36} {}\n      default: {}\n", s.info.key,
                           env_name(s.info.key), s.info.description,
                           s.info.default_value.empty() ? "(none)" : s.info.default_value);
    }
    return out;
}

Status apply_setting(Config& config, const std::string& key, const std::string& value,
                     const std::string& source) {
    for (const auto& s : settings()) {
        if (s.info.key != key) {
            continue;
        }
        // A slip when the file was written, and a NUL would cut the value short where the zone or
        // the database's file name is handed on to C.
        if (has_control_character(value)) {
            return Error::invalid(
                key, fmt::format("{}: {} has a control character (a line break, tab or NUL) in it",
                                 source, key));
        }
        if (!s.set(config, value)) {
            return Error::invalid(key, fmt::format("{}: {} = \"{}\" is not valid: {}", source, key,
                                                   value, s.info.description));
        }
        return {};
    }
    return Error::invalid(key, fmt::format("{}: there is no setting called {}", source, key));
}

Status apply_toml(Config& config, std::string_view toml_text, const std::string& source) {
    if (const auto line = line_beyond_ascii(toml_text)) {
        return Error::invalid(
            "config", fmt::format("{}: line {}: a settings file may hold only ASCII characters",
                                  source, *line));
    }
    toml::table table;
    try {
        table = toml::parse(toml_text, source);
    } catch (const toml::parse_error& e) {
        return Error::invalid("config", fmt::format("{}: {}", source, e.description()));
    }
    for (const auto& [key, node] : table) {
        std::string value;
        if (auto s = node.value<std::string>()) {
            value = *s;
        } else if (const auto* i = node.as_integer()) {
            value = std::to_string(i->get());
        } else if (const auto* f = node.as_floating_point()) {
            // As text, for the setting's own check (8080.0 is 8080; 1e60 is refused): toml++ 3.3.0
            // turns a float into a whole number with a cast that is undefined beyond its range.
            value = fmt::format("{}", f->get());
        } else if (auto b = node.value<bool>()) {
            value = *b ? "true" : "false";
        } else {
            return Error::invalid(
                std::string(key.str()),
                fmt::format("{}: {} must be text, a number or true/false", source, key.str()));
        }
        TRY(apply_setting(config, std::string(key.str()), value, source));
    }
    return {};
}

Result<Config> load_config(const std::string& toml_path) {
    Config config;
    if (!toml_path.empty()) {
        std::ifstream in(toml_path, std::ios::binary);
        if (!in) {
            return Error::invalid("config",
                                  fmt::format("{}: the file could not be read", toml_path));
        }
        const std::string text{std::istreambuf_iterator<char>(in),
                               std::istreambuf_iterator<char>()};
        TRY(apply_toml(config, text, toml_path));
    }
    for (const auto& s : settings()) {
        if (const char* v = std::getenv(env_name(s.info.key).c_str())) {
            TRY(apply_setting(config, s.info.key, v, env_name(s.info.key)));
        }
    }
    return config;
}

}  // namespace hearth
