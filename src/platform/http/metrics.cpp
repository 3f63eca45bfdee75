#include "platform/http/metrics.hpp"

#include <fmt/format.h>

namespace hearth::http {

namespace {
std::string label(const std::string& v) {
    std::string out;
    for (char c : v) {
        if (c == '"' || c == '\\') {
            out.push_back('\\');
        }
        out.push_back(c);
    }
    return out;
}
}  // namespace

void Metrics::record(const std::string& route, int status, std::chrono::microseconds elapsed) {
    const double seconds = static_cast<double>(elapsed.count()) / 1e6;
    std::lock_guard lock(mutex_);
    ++requests_[{route, status}];
    auto& l = latency_[route];
    for (std::size_t i = 0; i < buckets_seconds.size(); ++i) {
        if (seconds <= buckets_seconds[i]) {
            ++l.counts[i];
        }
    }
    ++l.total;
    l.sum_seconds += seconds;
}

std::string Metrics::prometheus_text() const {
    std::lock_guard lock(mutex_);
    std::string out =
        "# HELP hearth_http_requests_total Requests answered, by route and status.\n"
        "# TYPE hearth_http_requests_total counter\n";
    for (const auto& [key, n] : requests_) {
        out += fmt::format("hearth_http_requests_total{{route=\"{}\",status=\"{}\"}} {}\n",
                           label(key.first), key.second, n);
    }
    out +=
        "# HELP hearth_http_request_duration_seconds Time from request to response, by route.\n"
        "# TYPE hearth_http_request_duration_seconds histogram\n";
    for (const auto& [route, l] : latency_) {
        for (std::size_t i = 0; i < buckets_seconds.size(); ++i) {
            out += fmt::format(
                "hearth_http_request_duration_seconds_bucket{{route=\"{}\",le=\"{}\"}} {}\n",
                label(route), buckets_seconds[i], l.counts[i]);
        }
        out += fmt::format(
            "hearth_http_request_duration_seconds_bucket{{route=\"{}\",le=\"+Inf\"}} {}\n",
            label(route), l.total);
        out += fmt::format("hearth_http_request_duration_seconds_sum{{route=\"{}\"}} {:.6f}\n",
                           label(route), l.sum_seconds);
        out += fmt::format("hearth_http_request_duration_seconds_count{{route=\"{}\"}} {}\n",
                           label(route), l.total);
    }
    out += fmt::format(
        "# HELP hearth_worker_queue_depth Requests waiting for a worker thread.\n"
        "# TYPE hearth_worker_queue_depth gauge\nhearth_worker_queue_depth {}\n",
        queue_depth_.load());
    return out;
}

}  // namespace hearth::http
