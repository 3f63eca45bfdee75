// Whose address a request is from behind a reverse proxy: X-Forwarded-For is believed only from the
// proxies the trusted_proxies setting names, and then only up to the first address that is not one.
#include "platform/http/proxies.hpp"

#include <gtest/gtest.h>

// Each test file's own names, apart from the others built beside it (tests/CMakeLists.txt).
namespace proxies_test {

using hearth::http::TrustedProxies;

namespace {

TrustedProxies proxies(const char* text) {
    auto parsed = TrustedProxies::parse(text);
    EXPECT_TRUE(parsed.ok()) << text;
    return parsed.ok() ? parsed.value() : TrustedProxies{};
}

}  // namespace

TEST(TrustedProxies, NobodyIsTrustedByDefault) {
    const auto none = proxies("");
    EXPECT_FALSE(none.trusts("127.0.0.1"));
    EXPECT_EQ(none.client_address("127.0.0.1", "203.0.113.9"), "127.0.0.1");
}

TEST(TrustedProxies, AddressesAndNetworksOfBothKinds) {
    const auto p = proxies("127.0.0.1, ::1 10.0.0.0/8,fd00::/8");
    EXPECT_TRUE(p.trusts("127.0.0.1"));
    EXPECT_TRUE(p.trusts("::ffff:127.0.0.1"));  // the same address, as IPv6 writes it
    EXPECT_FALSE(p.trusts("127.0.0.2"));
    EXPECT_TRUE(p.trusts("::1"));
    EXPECT_TRUE(p.trusts("10.200.3.4"));
    EXPECT_FALSE(p.trusts("11.0.0.1"));
    EXPECT_TRUE(p.trusts("fd12::7"));
    EXPECT_FALSE(p.trusts("fe80::1"));
    EXPECT_FALSE(p.trusts("not an address"));
}

TEST(TrustedProxies, TheNearestAddressThatIsNotAProxy) {
    const auto p = proxies("127.0.0.1, 10.0.0.0/8");
    // From a stranger, the header is whatever they chose to send.
    EXPECT_EQ(p.client_address("198.51.100.4", "203.0.113.9"), "198.51.100.4");
    // Through nginx: the client nginx saw.
    EXPECT_EQ(p.client_address("127.0.0.1", "203.0.113.9"), "203.0.113.9");
    // A client's own claim to the left of what the proxies added is not believed.
    EXPECT_EQ(p.client_address("127.0.0.1", "192.0.2.66, 203.0.113.9, 10.1.1.1"), "203.0.113.9");
    // Only proxies in the header, or none: the farthest proxy is as far as can be known.
    EXPECT_EQ(p.client_address("127.0.0.1", "10.1.1.1"), "10.1.1.1");
    EXPECT_EQ(p.client_address("127.0.0.1", ""), "127.0.0.1");
    // Something that is not an address stops the walk at the last one that was.
    EXPECT_EQ(p.client_address("127.0.0.1", "203.0.113.9, <script>, 10.1.1.1"), "10.1.1.1");
}

TEST(TrustedProxies, ASettingThatIsNotAnAddressIsRefusedNamingIt) {
    for (const char* bad : {"localhost", "127.0.0.1/33", "::1/129", "10.0.0.0/x", "300.1.1.1"}) {
        auto parsed = TrustedProxies::parse(bad);
        ASSERT_FALSE(parsed.ok()) << bad;
        EXPECT_EQ(parsed.error().fields.front().field, "trusted_proxies");
        EXPECT_NE(parsed.error().message.find(bad), std::string::npos) << parsed.error().message;
    }
}

}  // namespace proxies_test
