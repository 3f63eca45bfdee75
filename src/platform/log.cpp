#include "platform/log.hpp"

#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include "platform/clock.hpp"

namespace hearth::log {

namespace {
spdlog::logger& logger() {
    static auto instance = [] {
        auto l = spdlog::stderr_logger_mt("hearth");
        l->set_pattern("%v");
        l->flush_on(spdlog::level::info);
        return l;
    }();
    return *instance;
}

void write(spdlog::level::level_enum level, std::string_view message, nlohmann::json fields) {
    if (!logger().should_log(level)) {
        return;
    }
    fields["time"] = format_utc(SystemClock{}.now());
    fields["level"] = std::string(spdlog::level::to_string_view(level).data(),
                                  spdlog::level::to_string_view(level).size());
    fields["msg"] = message;
    logger().log(level, "{}",
                 fields.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}
}  // namespace

void set_level(std::string_view level) {
    logger().set_level(spdlog::level::from_str(std::string(level)));
}
void info(std::string_view m, nlohmann::json f) {
    write(spdlog::level::info, m, std::move(f));
}
void warn(std::string_view m, nlohmann::json f) {
    write(spdlog::level::warn, m, std::move(f));
}
void error(std::string_view m, nlohmann::json f) {
    write(spdlog::level::err, m, std::move(f));
}

}  // namespace hearth::log
