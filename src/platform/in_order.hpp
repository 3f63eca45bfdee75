#pragma once
// The parts an extension point holds in order of their position, whoever added them first: the
// panels of a child's Overview, the parts of the demo. `Part` has an `int position`.
#include <algorithm>
#include <vector>

namespace hearth {

template <typename Part>
class InOrder {
  public:
    void add(Part part) {
        auto at =
            std::upper_bound(parts_.begin(), parts_.end(), part.position,
                             [](int position, const Part& p) { return position < p.position; });
        parts_.insert(at, std::move(part));
    }
    const std::vector<Part>& all() const { return parts_; }

  private:
    std::vector<Part> parts_;
};

}  // namespace hearth
