#pragma once
// Who holds the server's connection slots (max_connections), by the address each connection comes
// from (issue 11, docs/decisions/0002-http-server-robustness.md). Without a share per address, a
// thousand slow or idle connections from one machine take every slot and nobody else is answered
// until the read limit frees some. A trusted proxy (nginx) is exempt: every connection through it
// comes from its address, and it limits its own clients (deploy/nginx.conf).
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <unordered_map>

#include "platform/http/proxies.hpp"

namespace hearth::http {

struct SlotLimits {
    int total = 512;       // max_connections
    int per_address = 64;  // max_connections_per_address
};

// A new connection from an address that already holds `held` is taken only below its share.
bool admits_another(int held, const SlotLimits& limits, bool from_trusted_proxy);

// Slots run short when fewer than a quarter are free: a connection kept idle after its answer
// would then hold a slot that a new client needs, so answers close their connection instead.
bool slots_short(int open, const SlotLimits& limits);

// The connections open now. Called from restinio's I/O threads: on accept (admits), and from its
// connection-state listener (opened, closed); closed may be told twice for one connection.
class ConnectionSlots {
  public:
    ConnectionSlots(SlotLimits limits, TrustedProxies proxies);

    bool admits(const std::string& address) const;
    void opened(std::uint64_t connection, const std::string& address);
    void closed(std::uint64_t connection);
    bool short_of_slots() const;

  private:
    const SlotLimits limits_;
    const TrustedProxies proxies_;
    mutable std::mutex mutex_;
    std::unordered_map<std::uint64_t, std::string> address_of_;
    std::map<std::string, int, std::less<>> held_by_;
};

}  // namespace hearth::http
