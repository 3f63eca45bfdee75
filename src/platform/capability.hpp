#pragma once
// How a capability joins Hearth (docs/architecture.md). Each capability has one entry point, a
// Capability, whose join() registers everything it brings: its routes and scope resolvers on the
// router, and its parts of the places other capabilities open to it — the sections of a child's
// export, the panels of a child's overview, the sections of an incident's page. Those places are
// "extension points": plain classes declared by the capability that owns the page, and held here
// once each, so that the owner knows nothing of who extends it and hearth_app only lists the
// capabilities.
#include <map>
#include <memory>
#include <string>
#include <typeindex>

#include "platform/config.hpp"
#include "platform/http/router.hpp"

namespace hearth {

class Registry {
  public:
    Registry(const Config& config_in, http::Router& router_in)
        : config(config_in), router(router_in) {}

    const Config& config;
    http::Router& router;

    // The one instance of an extension point, made on first use; it lives as long as the
    // registry, which outlives the router's routes that hold references to it.
    template <typename Point>
    Point& at() {
        auto& slot = points_[std::type_index(typeid(Point))];
        if (!slot) {
            slot = std::make_shared<Point>();
        }
        return *static_cast<Point*>(slot.get());
    }

  private:
    std::map<std::type_index, std::shared_ptr<void>> points_;
};

struct Capability {
    std::string name;  // in the home's words: "Behaviour and incidents"
    void (*join)(Registry& registry);
};

}  // namespace hearth
