#pragma once
// Settings: defaults, then a TOML file, then HEARTH_* environment variables, then flags.
// Every setting is listed once, in config.cpp, with its description; --help prints that table.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "platform/result.hpp"

namespace hearth {

// The checkout's web/ folder; compiled into config.cpp alone so that every other object is the
// same whichever folder the checkout is in (and ccache can share it between clones).
std::string default_web_dir();

struct Config {
    std::string listen_address = "127.0.0.1";
    int port = 8080;
    std::string database = "sqlite:var/hearth.db";
    std::string web_dir = default_web_dir();
    std::string time_zone = "Europe/London";
    std::string public_url;  // e.g. https://hearth.example.org; https here makes cookies Secure
    std::string trusted_proxies;  // "127.0.0.1, ::1": whose X-Forwarded-For is believed

    int io_threads = 2;
    int worker_threads = 4;
    int worker_queue = 256;
    int max_connections = 512;
    int max_connections_per_address = 64;  // a trusted proxy's connections are not limited
    std::int64_t max_body_bytes = std::int64_t{1024} * 1024;
    int request_read_seconds = 20;
    int response_write_seconds = 20;
    int handle_seconds = 30;

    int session_idle_minutes = 30;
    int session_warn_minutes = 5;
    int session_max_hours = 12;
    int drafts_kept_days = 30;
    int sign_in_window_minutes = 15;
    int account_failures_before_delay = 5;
    int one_time_password_hours = 72;
    int api_token_days = 90;
    int address_failures_before_throttle = 30;
    // A second factor is always required of people who see more than one home and of anyone an
    // administrator requires it of; this requires it of everyone.
    bool second_factor_for_everyone = false;

    // The audit trail's keys and checkpoints, kept outside the database
    // (docs/decisions/0005-sign-in-and-sessions.md, audit chain). Empty paths mean beside a SQLite
    // database (PATH.audit-key, PATH.checkpoints); PostgreSQL has no default.
    std::string audit_key_file;
    std::string audit_key;  // the keys themselves, oldest first; when set, no file is read
    std::string audit_checkpoint_file;
    int audit_checkpoint_seconds = 600;

    std::string log_level = "info";
    bool demo = false;
};

struct SettingInfo {
    std::string key;  // TOML key; the environment variable is HEARTH_ + upper-case key
    std::string description;
    std::string default_value;
};

const std::vector<SettingInfo>& setting_infos();
std::string settings_help();

// Reads the TOML file (if path is not empty), then the environment.
Result<Config> load_config(const std::string& toml_path);
// The settings of a TOML document over `config`; `source` names the document in messages.
Status apply_toml(Config& config, std::string_view toml_text, const std::string& source);
Status apply_setting(Config& config, const std::string& key, const std::string& value,
                     const std::string& source);

}  // namespace hearth
