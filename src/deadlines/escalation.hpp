#pragma once
// Overdue clocks are escalated to the home's registered manager without anyone having to look:
// while Hearth serves, a background loop runs deadlines::escalate_overdue every minute. Several
// instances may run it at once; the database decides which one escalates each clock.
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "platform/clock.hpp"
#include "platform/db/database.hpp"

namespace hearth::deadlines {

class EscalationLoop {
  public:
    EscalationLoop(db::Database& db, const Clock& clock, std::chrono::seconds every);
    ~EscalationLoop();  // stops the loop and waits for it
    EscalationLoop(const EscalationLoop&) = delete;
    EscalationLoop& operator=(const EscalationLoop&) = delete;

  private:
    void run();

    db::Database& db_;
    const Clock& clock_;
    std::chrono::seconds every_;
    std::mutex mutex_;
    std::condition_variable wake_;
    bool stopping_ = false;
    std::thread thread_;
};

}  // namespace hearth::deadlines
