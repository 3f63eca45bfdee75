// The TOML settings reader: a settings file as an administrator may write it, mistakes and all.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "platform/config.hpp"
#include "property.hpp"

using namespace hearth;

namespace {

bool showable(const std::string& s) {
    return !fuzz::has_control(s, false);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    Config config;
    const Status read = apply_toml(config, text, "hearth.toml");
    if (!read.ok()) {
        fuzz::holds(
            !read.error().fields.empty() && read.error().message.starts_with("hearth.toml: "),
            "a refused settings file names the file and the setting at fault");
        return 0;
    }
    fuzz::holds(config.port >= 0 && config.port <= 65535, "the port is a TCP port");
    fuzz::holds(config.io_threads >= 1 && config.worker_threads >= 1 && config.worker_queue >= 1 &&
                    config.max_connections >= 1,
                "there is at least one of each thread, queue place and connection");
    fuzz::holds(config.max_body_bytes >= 1024 && config.session_idle_minutes >= 1 &&
                    config.session_warn_minutes >= 1 && config.session_max_hours >= 1,
                "limits and session times are positive");
    // A setting with a control character in it is a slip, and a NUL would cut it short where the
    // zone and the database's file name are handed on to C.
    fuzz::holds(showable(config.listen_address) && showable(config.database) &&
                    showable(config.web_dir) && showable(config.time_zone) &&
                    showable(config.public_url) && showable(config.trusted_proxies) &&
                    showable(config.log_level),
                "a text setting has no control characters");
    return 0;
}
