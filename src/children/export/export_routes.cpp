#include "children/export/export_routes.hpp"

#include <fmt/format.h>

#include "children/export/record_export.hpp"

namespace hearth::children {

namespace {

using http::Context;
using http::Response;

Result<Response> export_page(Context& ctx, const ExportSections& sections) {
    nlohmann::json parts = nlohmann::json::array();
    for (const auto& s : sections.all()) {
        parts.push_back({{"title", s.title}});
    }
    return ctx.page("child_export", "Export " + ctx.scope.child_name + "'s record",
                    {{"child", {{"id", ctx.param("child")}, {"name", ctx.scope.child_name}}},
                     {"sections", parts}});
}

// Downloaded from the Export tab as a file (JSON or HTML), or read through the JSON API.
enum class Download { json, html, api };

const char* kind_of(Download d) {
    switch (d) {
        case Download::json:
            return "json";
        case Download::html:
            return "html";
        case Download::api:
            break;
    }
    return "api";
}

Result<Response> download(Context& ctx, const ExportSections& sections, Download kind) {
    auto doc = TRY(export_record(ctx.services.db, sections, ctx.param("child"), kind_of(kind),
                                 ctx.actor(), ctx.now()));
    if (kind == Download::api) {
        return Response::json(200, doc);
    }
    Response r;
    if (kind == Download::json) {
        r = Response::json(200, doc);
    } else {
        auto html = TRY(record_html(doc, sections));
        r = Response::html(200, std::move(html));
    }
    // Named first: GCC 12 at -O2 wrongly warns (-Warray-bounds) when a temporary string is
    // moved into the header list here.
    const std::string name = "Content-Disposition";
    const std::string value =
        fmt::format("attachment; filename=\"{}.{}\"", export_file_stem(doc), kind_of(kind));
    r.header(name, value);
    return r;
}

}  // namespace

void add_export_routes(http::Router& router, const ExportSections& sections) {
    const ExportSections* s = &sections;
    router.add_child_tab({"Export", "/export", Action::export_child, 90});
    router.add({"GET", "/children/{child}/export", Action::export_child,
                [s](Context& ctx) { return export_page(ctx, *s); }});
    router.add({"GET", "/children/{child}/export/record.json", Action::export_child,
                [s](Context& ctx) { return download(ctx, *s, Download::json); }});
    router.add({"GET", "/children/{child}/export/record.html", Action::export_child,
                [s](Context& ctx) { return download(ctx, *s, Download::html); }});
    router.add({"GET", "/api/v1/children/{child}/export", Action::export_child,
                [s](Context& ctx) { return download(ctx, *s, Download::api); }});
}

}  // namespace hearth::children
