#pragma once
// Who a request is from, behind a reverse proxy. The connection's address is the proxy's; the
// client's is in X-Forwarded-For, which anyone can send. It is believed only from the proxies
// the `trusted_proxies` setting names (docs/decisions/0005-sign-in-and-sessions.md): otherwise a
// client could give itself any address in the audit trail, or escape the sign-in throttle by
// address, and everyone behind nginx would share one address and one throttle.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "platform/result.hpp"

namespace hearth::http {

class TrustedProxies {
  public:
    // "127.0.0.1, ::1, 10.0.0.0/8": addresses and networks, separated by commas or spaces. An
    // empty text trusts nobody. Refused, naming the entry, when one is not an address.
    static Result<TrustedProxies> parse(std::string_view text);

    bool trusts(std::string_view address) const;

    // The client's address: the connection's, or when that is a trusted proxy, the nearest address
    // in X-Forwarded-For that is not one (proxies append, so the right-most entries are theirs).
    std::string client_address(const std::string& peer, std::string_view forwarded_for) const;

  private:
    struct Network {
        std::array<std::uint8_t, 16> bytes{};  // IPv4 as IPv4-mapped IPv6
        int prefix = 128;
    };
    std::vector<Network> networks_;
};

}  // namespace hearth::http
