#pragma once
// A fixed set of threads for blocking work (database, password hashing, rendering), with a bounded
// queue: when it is full the caller is told at once, and answers 503, rather than queueing forever.
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace hearth::http {

class WorkerPool {
  public:
    WorkerPool(int threads, int queue_limit);
    ~WorkerPool();
    WorkerPool(const WorkerPool&) = delete;
    WorkerPool& operator=(const WorkerPool&) = delete;

    bool try_post(std::function<void()> job);
    long queued() const;
    // Finishes every queued job, then stops the threads.
    void drain_and_stop();

  private:
    void run();
    mutable std::mutex mutex_;
    std::condition_variable cv_;
    std::deque<std::function<void()>> jobs_;
    std::vector<std::thread> threads_;
    std::size_t limit_;
    bool stopping_ = false;
};

}  // namespace hearth::http
