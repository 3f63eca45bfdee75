#pragma once
// The panels of a child's Overview that other capabilities own: the plans capability shows the
// child at a glance (plans, risks, who must not be near whom), the daily record the latest of the
// chronology with one-tap praise. Each is rendered by its owner, read in the page's one snapshot,
// and placed by position, so that the children capability knows nothing of who builds on it.
#include <algorithm>
#include <functional>
#include <string>
#include <vector>

#include "children/child_store.hpp"
#include "platform/db/database.hpp"
#include "platform/http/router.hpp"

namespace hearth::children {

// Renders the panel as HTML (through views::render, so escaped like any page), or "" for nothing.
using ChildPanelRender =
    std::function<Result<std::string>(db::Connection&, const http::Context&, const Child&)>;

struct ChildPanel {
    int position = 100;  // top to bottom, whoever added them first
    ChildPanelRender render;
};

class ChildPanels {
  public:
    void add(ChildPanel panel) {
        auto at = std::upper_bound(
            panels_.begin(), panels_.end(), panel.position,
            [](int position, const ChildPanel& p) { return position < p.position; });
        panels_.insert(at, std::move(panel));
    }
    const std::vector<ChildPanel>& all() const { return panels_; }

  private:
    std::vector<ChildPanel> panels_;
};

}  // namespace hearth::children
