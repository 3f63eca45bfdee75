#pragma once
// The panels of a child's Overview that other capabilities own: the plans capability shows the
// child at a glance (plans, risks, who must not be near whom), the daily record the latest of the
// chronology with one-tap praise. Each is rendered by its owner, read in the page's one snapshot,
// and placed by position, so that the children capability knows nothing of who builds on it.
#include <functional>
#include <string>
#include <vector>

#include "children/child_store.hpp"
#include "platform/db/database.hpp"
#include "platform/http/router.hpp"
#include "platform/in_order.hpp"

namespace hearth::children {

// Renders the panel as HTML (through views::render, so escaped like any page), or "" for nothing.
using ChildPanelRender =
    std::function<Result<std::string>(db::Connection&, const http::Context&, const Child&)>;

struct ChildPanel {
    int position = 100;  // top to bottom, whoever added them first
    ChildPanelRender render;
};

using ChildPanels = InOrder<ChildPanel>;

}  // namespace hearth::children
