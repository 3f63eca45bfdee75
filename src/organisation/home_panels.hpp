#pragma once
// The panels of a home's dashboard that other capabilities own: the visitors' book shows who is in
// the building now. Each is rendered by its owner, read in the dashboard's one snapshot, and
// placed by position, so that the dashboard knows nothing of who builds on it.
#include <functional>
#include <string>

#include "platform/db/database.hpp"
#include "platform/http/router.hpp"
#include "platform/in_order.hpp"

namespace hearth::organisation {

// Renders the panel as HTML (through views::render, so escaped like any page), or "" for nothing.
using HomePanelRender =
    std::function<Result<std::string>(db::Connection&, const http::Context&, std::int64_t home_id)>;

struct HomePanel {
    int position = 100;  // top to bottom, under the home's links
    HomePanelRender render;
};

using HomePanels = InOrder<HomePanel>;

}  // namespace hearth::organisation
