// Connection slots by address (issue 11): one address holds at most its share of the slots, a
// trusted proxy any number, and slots run short when fewer than a quarter are free.
#include "platform/http/connection_slots.hpp"

#include <gtest/gtest.h>

// Each test file's own names, apart from the others built beside it (tests/CMakeLists.txt).
namespace connection_slots_test {

using hearth::http::admits_another;
using hearth::http::ConnectionSlots;
using hearth::http::SlotLimits;
using hearth::http::slots_short;
using hearth::http::TrustedProxies;

TEST(ConnectionSlots, AnAddressHoldsAtMostItsShare) {
    const SlotLimits limits{.total = 512, .per_address = 64};
    EXPECT_TRUE(admits_another(0, limits, false));
    EXPECT_TRUE(admits_another(63, limits, false));
    EXPECT_FALSE(admits_another(64, limits, false));
    EXPECT_TRUE(admits_another(1000, limits, true));
}

TEST(ConnectionSlots, SlotsRunShortWhenFewerThanAQuarterAreFree) {
    const SlotLimits limits{.total = 512, .per_address = 64};
    EXPECT_FALSE(slots_short(0, limits));
    EXPECT_FALSE(slots_short(384, limits));
    EXPECT_TRUE(slots_short(385, limits));
    EXPECT_TRUE(slots_short(512, limits));
    EXPECT_TRUE(slots_short(1, SlotLimits{.total = 1, .per_address = 1}));
}

TEST(ConnectionSlots, CountsOpenConnectionsByAddressUntilClosed) {
    ConnectionSlots slots(SlotLimits{.total = 8, .per_address = 2},
                          TrustedProxies::parse("10.0.0.1").value());
    slots.opened(1, "192.0.2.7");
    slots.opened(2, "192.0.2.7");
    EXPECT_FALSE(slots.admits("192.0.2.7"));
    EXPECT_TRUE(slots.admits("192.0.2.8"));
    slots.closed(1);
    slots.closed(1);  // restinio may tell of one close twice; it frees one slot
    EXPECT_TRUE(slots.admits("192.0.2.7"));
    slots.opened(3, "192.0.2.7");
    EXPECT_FALSE(slots.admits("192.0.2.7"));

    for (std::uint64_t id = 10; id < 14; ++id) {
        slots.opened(id, "10.0.0.1");
    }
    EXPECT_TRUE(slots.admits("10.0.0.1"));  // the proxy's clients are limited by the proxy
    EXPECT_FALSE(slots.short_of_slots());   // 6 of 8 open: 2 free is a quarter
    slots.opened(14, "10.0.0.1");
    EXPECT_TRUE(slots.short_of_slots());
    slots.closed(14);
    EXPECT_FALSE(slots.short_of_slots());
}

}  // namespace connection_slots_test
