// The organisation's accredited techniques, kept by its managers: the list a Reg 35 record names
// its technique from.
#include <fmt/format.h>

#include "intervention/intervention_routes.hpp"
#include "intervention/technique_store.hpp"
#include "platform/views/form_view.hpp"
#include "platform/views/views.hpp"

namespace hearth::intervention {

using http::Context;
using http::Response;

namespace {

constexpr const char* page_path = "/organisation/intervention-techniques";

Result<Response> techniques_page(const Context& ctx, const std::optional<Error>& error,
                                 int status) {
    auto list = TRY(ctx.services.db.read(
        [&](db::Connection& c) { return technique_list(c, ctx.person.organisation_id); }));
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& t : list) {
        rows.push_back({{"key", t.key},
                        {"label", t.label},
                        {"retired", t.retired},
                        {"own", t.own},
                        {"standing", t.retired ? "Retired" : "In use"},
                        {"tag", t.retired ? "govuk-tag--grey" : "govuk-tag--green"}});
    }
    if (ctx.request.wants_json()) {
        return Response::json(200, {{"techniques", rows}});
    }
    nlohmann::json view = {{"rows", rows},
                           {"action", page_path},
                           {"changed", ctx.request.query_value("changed").has_value()}};
    nlohmann::json errors = nlohmann::json::object();
    if (error) {
        view.update(views::errors_view(*error));
        errors = view["error_for"];
    }
    view["label_field"] = views::field(
        {"label", "Name of the technique", views::FieldKind::text,
         "As your accredited scheme names it, for example \"Figure of four (two adults)\""},
        ctx.form ? ctx.form->typed_values() : nlohmann::json::object(), errors);
    return ctx.page("intervention_techniques", "Physical intervention techniques", view, status);
}

Result<Response> techniques(Context& ctx) {
    return techniques_page(ctx, std::nullopt, 200);
}

Result<Response> change_techniques(Context& ctx) {
    http::FormReader reader(*ctx.form);
    const std::string change =
        reader.choice("change", "what to change", {"add", "retire", "restore"}, true);
    const std::string label = reader.text("label", "the name of the technique", {.max = 200});
    const std::string key = reader.text("key", "the technique", {.max = 200});
    if (change != "add" && key.empty()) {
        reader.fail("key", "Choose the technique to " + change);
    }
    TRY(reader.finish());
    TRY(ctx.services.db.write([&](db::Connection& c) -> Status {
        const std::int64_t org = ctx.person.organisation_id;
        if (change == "add")
            return add_technique(c, org, label, ctx.actor(), ctx.now());
        return set_retired(c, org, key, change == "retire", ctx.actor(), ctx.now());
    }));
    if (ctx.request.wants_json()) {
        return Response::no_content();
    }
    return Response::redirect(fmt::format("{}?changed=1", page_path));
}

// The list again with what was typed and the message at it. A technique retired or restored
// already is a conflict the list has nothing to show for: that is the error page.
Result<Response> change_techniques_again(Context& ctx, const Error& e) {
    if (e.kind != ErrorKind::invalid_input) {
        return e;
    }
    return techniques_page(ctx, e, 400);
}

}  // namespace

void add_technique_routes(http::Router& router) {
    router.add({"GET", page_path, Action::manage_techniques, techniques});
    router.add({.method = "POST",
                .pattern = page_path,
                .action = Action::manage_techniques,
                .handler = change_techniques,
                .again = change_techniques_again});
    router.add({"GET", "/api/v1/organisation/intervention-techniques", Action::manage_techniques,
                techniques});
    router.add({"POST", "/api/v1/organisation/intervention-techniques", Action::manage_techniques,
                change_techniques});
}

}  // namespace hearth::intervention
