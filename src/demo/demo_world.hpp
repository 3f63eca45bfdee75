#pragma once
// What the small demo has made so far, for the parts of the demo that each capability adds.
#include <cstdint>
#include <vector>

namespace hearth::demo {

struct DemoWorld {
    std::int64_t organisation = 0;
    std::vector<std::int64_t> homes;     // Willow House, Harbour View
    std::vector<std::int64_t> people;    // in the order of demo_data.cpp's people
    std::vector<std::int64_t> children;  // in the order of demo_data.cpp's kids
    std::vector<int> child_home;         // index into homes, per child
};

}  // namespace hearth::demo
