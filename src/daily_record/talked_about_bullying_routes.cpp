#include "daily_record/talked_about_bullying_routes.hpp"

#include "daily_record/talked_about_bullying_store.hpp"
#include "platform/views/views.hpp"

namespace hearth::daily_record {

namespace {

using http::Context;
using http::Response;

// The session or meeting as the API gives it; the page adds the day it was, in the home's words.
nlohmann::json talked_json(const std::optional<TalkedAt>& at, bool for_page) {
    if (!at) {
        return nullptr;
    }
    nlohmann::json j = {{"id", at->record_id}, {"at", format_utc(at->at)}};
    if (for_page) {
        j["when"] = format_local_date(local_date_of(at->at));
    }
    return j;
}

Result<Response> talked_page(Context& ctx) {
    const auto home_id = ctx.param("home");
    auto children = TRY(
        ctx.services.db.read([&](db::Connection& c) { return talked_about_bullying(c, home_id); }));
    const bool for_page = !ctx.request.wants_json();
    nlohmann::json rows = nlohmann::json::array();
    int lately = 0;
    for (const auto& child : children) {
        const auto standing = standing_of(child, ctx.now());
        lately += standing == TalkStanding::lately ? 1 : 0;
        nlohmann::json row = {{"child_id", child.child_id},
                              {"name", child.name},
                              {"key_work_session", talked_json(child.key_work, for_page)},
                              {"childrens_meeting", talked_json(child.meeting, for_page)},
                              {"standing", standing_key(standing)}};
        if (for_page) {
            row["standing_label"] = standing_label(standing);
            row["tag"] = standing == TalkStanding::lately  ? "govuk-tag--green"
                         : standing == TalkStanding::never ? "govuk-tag--red"
                                                           : "govuk-tag--yellow";
        }
        rows.push_back(row);
    }
    nlohmann::json out = {{"home_id", home_id},
                          {"children", rows},
                          {"lately", lately},
                          {"living_here", children.size()},
                          {"lately_days", lately_days}};
    if (!for_page) {
        return Response::json(200, out);
    }
    out["home"] = {{"id", home_id}, {"name", ctx.scope.home_name}};
    out["has_children"] = !children.empty();
    return ctx.page("talked_about_bullying",
                    "Who has talked about bullying: " + ctx.scope.home_name, out);
}

}  // namespace

void add_talked_about_bullying_routes(http::Router& router) {
    router.add({"GET", "/homes/{home}/talked-about-bullying", Action::view_bullying, talked_page});
    router.add(
        {"GET", "/api/v1/homes/{home}/talked-about-bullying", Action::view_bullying, talked_page});
}

}  // namespace hearth::daily_record
