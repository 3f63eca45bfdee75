#include "platform/audit/audit_routes.hpp"

#include <fmt/format.h>

#include "platform/audit/capability.hpp"

namespace hearth::audit {

namespace {

using http::Context;
using http::Response;

constexpr int page_size = 50;

std::string action_label(const std::string& action) {
    if (action == "read") {
        return "Read";
    }
    if (action == "create") {
        return "Created";
    }
    if (action == "amend") {
        return "Amended";
    }
    if (action == "sign_in") {
        return "Signed in";
    }
    if (action == "sign_in_failed") {
        return "Failed sign-in";
    }
    if (action == "sign_out") {
        return "Signed out";
    }
    if (action == "give_role") {
        return "Role given";
    }
    return action;
}

Result<Response> trail(Context& ctx) {
    const auto home_id = ctx.param("home");
    std::optional<std::int64_t> before;
    if (auto b = ctx.request.query_value("before")) {
        char* end = nullptr;
        long long v = std::strtoll(b->c_str(), &end, 10);
        if (end == b->c_str() || *end != '\0' || v <= 0) {
            return Error::invalid("before", "before must be a whole number from a previous page");
        }
        before = v;
    }
    auto page = TRY(ctx.services.db.read(
        [&](db::Connection& c) { return for_home(c, home_id, before, page_size); }));
    nlohmann::json entries = nlohmann::json::array();
    for (const auto& e : page.entries) {
        nlohmann::json j = {{"seq", e.seq},
                            {"at", e.at},
                            {"actor", e.actor},
                            {"action", e.action},
                            {"record_type", e.record_type},
                            {"record_id", e.record_id},
                            {"ip", e.ip},
                            {"request_id", e.request_id},
                            {"detail", e.detail},
                            {"hash", e.hash}};
        if (!ctx.request.wants_json()) {
            j["when"] = format_local(parse_utc(e.at).value_or(Timestamp{}));
            j["action_label"] = action_label(e.action);
            j["is_child"] = e.record_type == "child";
        }
        entries.push_back(j);
    }
    nlohmann::json data = {{"entries", entries}};
    if (page.older_than) {
        data["older_than"] = *page.older_than;
    }
    if (ctx.request.wants_json()) {
        return Response::json(200, data);
    }
    data["home_id"] = home_id;
    data["has_older"] = page.older_than.has_value();
    data["is_first_page"] = !before.has_value();
    return ctx.page("audit", "Audit trail", data);
}

}  // namespace

void add_routes(http::Router& router) {
    router.add({"GET", "/homes/{home}/audit", Action::view_audit, trail});
    router.add({"GET", "/api/v1/homes/{home}/audit", Action::view_audit, trail});
}

const Capability capability{"Audit trail", [](Registry& r) { add_routes(r.router); }};

}  // namespace hearth::audit
