#pragma once
// Requests by route and status, and a latency histogram per route, in Prometheus text format.
#include <array>
#include <atomic>
#include <chrono>
#include <map>
#include <mutex>
#include <string>

namespace hearth::http {

class Metrics {
  public:
    void record(const std::string& route, int status, std::chrono::microseconds elapsed);
    void set_queue_depth(long depth) { queue_depth_ = depth; }
    std::string prometheus_text() const;

    static constexpr std::array<double, 12> buckets_seconds{0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                                            0.1,   0.25,   0.5,   1.0,  2.5,   5.0};

  private:
    struct Latency {
        std::array<long long, buckets_seconds.size()> counts{};
        long long total = 0;
        double sum_seconds = 0;
    };
    mutable std::mutex mutex_;
    std::map<std::pair<std::string, int>, long long> requests_;
    std::map<std::string, Latency> latency_;
    std::atomic<long> queue_depth_{0};
};

}  // namespace hearth::http
