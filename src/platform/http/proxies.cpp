#include "platform/http/proxies.hpp"

#include <asio/ip/address.hpp>
#include <charconv>

namespace hearth::http {

namespace {

// An address as 16 bytes, IPv4 mapped into IPv6, so that 127.0.0.1 and ::ffff:127.0.0.1 agree.
std::optional<std::array<std::uint8_t, 16>> bytes_of(std::string_view text) {
    asio::error_code ec;
    const auto address = asio::ip::make_address(std::string(text), ec);
    if (ec) {
        return std::nullopt;
    }
    if (address.is_v4()) {
        return asio::ip::make_address_v6(asio::ip::v4_mapped, address.to_v4()).to_bytes();
    }
    return address.to_v6().to_bytes();
}

std::string_view trimmed(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) {
        s.remove_prefix(1);
    }
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) {
        s.remove_suffix(1);
    }
    return s;
}

}  // namespace

Result<TrustedProxies> TrustedProxies::parse(std::string_view text) {
    TrustedProxies out;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const auto end = text.find_first_of(", ", pos);
        const auto entry = text.substr(pos, end == std::string_view::npos ? end : end - pos);
        pos = end == std::string_view::npos ? text.size() : end + 1;
        if (entry.empty()) {
            continue;
        }
        const auto slash = entry.find('/');
        const auto address = bytes_of(entry.substr(0, slash));
        if (!address) {
            return Error::invalid("trusted_proxies",
                                  "trusted_proxies: " + std::string(entry) + " is not an address");
        }
        Network n{*address, 128};
        if (slash != std::string_view::npos) {
            const auto len = entry.substr(slash + 1);
            int bits = -1;
            auto [p, ec] = std::from_chars(len.data(), len.data() + len.size(), bits);
            const bool v4 = entry.find(':') == std::string_view::npos;
            const int most = v4 ? 32 : 128;
            if (ec != std::errc{} || p != len.data() + len.size() || bits < 0 || bits > most) {
                return Error::invalid("trusted_proxies",
                                      "trusted_proxies: " + std::string(entry) +
                                          " has a prefix length that is not 0 to " +
                                          std::to_string(most));
            }
            n.prefix = v4 ? 96 + bits : bits;
        }
        out.networks_.push_back(n);
    }
    return out;
}

bool TrustedProxies::trusts(std::string_view address) const {
    const auto bytes = bytes_of(trimmed(address));
    if (!bytes) {
        return false;
    }
    for (const auto& n : networks_) {
        bool inside = true;
        for (int bit = 0; bit < n.prefix && inside; ++bit) {
            const auto byte = static_cast<std::size_t>(bit / 8);
            const int mask = 0x80 >> (bit % 8);
            inside = ((*bytes)[byte] & mask) == (n.bytes[byte] & mask);
        }
        if (inside) {
            return true;
        }
    }
    return false;
}

std::string TrustedProxies::client_address(const std::string& peer,
                                           std::string_view forwarded_for) const {
    if (!trusts(peer)) {
        return peer;
    }
    std::string nearest = peer;
    while (!forwarded_for.empty()) {
        const auto comma = forwarded_for.rfind(',');
        const auto entry = trimmed(
            comma == std::string_view::npos ? forwarded_for : forwarded_for.substr(comma + 1));
        forwarded_for =
            comma == std::string_view::npos ? std::string_view{} : forwarded_for.substr(0, comma);
        if (!bytes_of(entry)) {
            break;  // not an address: nothing to its left can be believed either
        }
        nearest = std::string(entry);
        if (!trusts(entry)) {
            break;
        }
    }
    return nearest;
}

}  // namespace hearth::http
