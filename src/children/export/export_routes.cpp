#include "children/export/export_routes.hpp"

#include <fmt/format.h>

#include "children/export/record_export.hpp"

namespace hearth::children {

namespace {

using http::Context;
using http::Response;

Response export_page(Context& ctx, const ExportSections& sections) {
    nlohmann::json parts = nlohmann::json::array();
    for (const auto& s : sections.all())
        parts.push_back({{"title", s.title}});
    return ctx.page("child_export", "Export " + ctx.scope.child_name + "'s record",
                    {{"child", {{"id", ctx.param("child")}, {"name", ctx.scope.child_name}}},
                     {"sections", parts}});
}

// `kind`: "json" or "html", downloaded from the Export tab as a file; "api" for the JSON API.
Response download(Context& ctx, const ExportSections& sections, const std::string& kind) {
    auto doc =
        export_record(ctx.services.db, sections, ctx.param("child"), kind, ctx.actor(), ctx.now());
    if (!doc.ok())
        return ctx.error(doc.error());
    if (kind == "api")
        return Response::json(200, *doc);
    Response r;
    if (kind == "json") {
        r = Response::json(200, *doc);
    } else {
        auto html = record_html(*doc, sections);
        if (!html.ok())
            return ctx.error(html.error());
        r = Response::html(200, std::move(*html));
    }
    r.header("Content-Disposition",
             fmt::format("attachment; filename=\"{}.{}\"", export_file_stem(*doc), kind));
    return r;
}

}  // namespace

void add_export_routes(http::Router& router, const ExportSections& sections) {
    const ExportSections* s = &sections;
    router.add_child_tab({"Export", "/export", Action::export_child, 90});
    router.add({"GET", "/children/{child}/export", Action::export_child,
                [s](Context& ctx) { return export_page(ctx, *s); }});
    router.add({"GET", "/children/{child}/export/record.json", Action::export_child,
                [s](Context& ctx) { return download(ctx, *s, "json"); }});
    router.add({"GET", "/children/{child}/export/record.html", Action::export_child,
                [s](Context& ctx) { return download(ctx, *s, "html"); }});
    router.add({"GET", "/api/v1/children/{child}/export", Action::export_child,
                [s](Context& ctx) { return download(ctx, *s, "api"); }});
}

}  // namespace hearth::children
