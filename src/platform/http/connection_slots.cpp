#include "platform/http/connection_slots.hpp"

#include <utility>

namespace hearth::http {

bool admits_another(int held, const SlotLimits& limits, bool from_trusted_proxy) {
    return from_trusted_proxy || held < limits.per_address;
}

bool slots_short(int open, const SlotLimits& limits) {
    return limits.total - open < (limits.total + 3) / 4;
}

ConnectionSlots::ConnectionSlots(SlotLimits limits, TrustedProxies proxies)
    : limits_(limits), proxies_(std::move(proxies)) {}

bool ConnectionSlots::admits(const std::string& address) const {
    const std::lock_guard lock(mutex_);
    const auto it = held_by_.find(address);
    return admits_another(it == held_by_.end() ? 0 : it->second, limits_, proxies_.trusts(address));
}

void ConnectionSlots::opened(std::uint64_t connection, const std::string& address) {
    const std::lock_guard lock(mutex_);
    if (address_of_.emplace(connection, address).second) {
        ++held_by_[address];
    }
}

void ConnectionSlots::closed(std::uint64_t connection) {
    const std::lock_guard lock(mutex_);
    const auto it = address_of_.find(connection);
    if (it == address_of_.end()) {
        return;
    }
    const auto held = held_by_.find(it->second);
    if (--held->second == 0) {
        held_by_.erase(held);
    }
    address_of_.erase(it);
}

bool ConnectionSlots::short_of_slots() const {
    const std::lock_guard lock(mutex_);
    return slots_short(static_cast<int>(address_of_.size()), limits_);
}

}  // namespace hearth::http
