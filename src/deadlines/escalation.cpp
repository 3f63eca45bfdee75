#include "deadlines/escalation.hpp"

#include "deadlines/deadline_store.hpp"
#include "platform/log.hpp"

namespace hearth::deadlines {

EscalationLoop::EscalationLoop(db::Database& db, const Clock& clock, std::chrono::seconds every)
    : db_(db), clock_(clock), every_(every), thread_([this] { run(); }) {}

EscalationLoop::~EscalationLoop() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    thread_.join();
}

void EscalationLoop::run() {
    std::unique_lock lock(mutex_);
    while (!stopping_) {
        lock.unlock();
        auto escalated =
            db_.write([&](db::Connection& c) { return escalate_overdue(c, clock_.now()); });
        if (!escalated.ok()) {
            log::error(
                "escalating overdue deadlines failed",
                {{"detail", escalated.error().detail}, {"message", escalated.error().message}});
        } else if (escalated.value() > 0) {
            log::info("overdue deadlines escalated", {{"count", escalated.value()}});
        }
        lock.lock();
        wake_.wait_for(lock, every_, [this] { return stopping_; });
    }
}

}  // namespace hearth::deadlines
