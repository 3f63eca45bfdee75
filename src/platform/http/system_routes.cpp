#include "platform/http/system_routes.hpp"

#include "platform/http/system_capability.hpp"

namespace hearth::http {

void add_system_routes(Router& router, const std::shared_ptr<const StaticFiles>& files,
                       std::string openapi_yaml) {
    router.add({"GET", "/healthz", Action::public_page,
                [](Context&) { return Response::text(200, "alive\n"); }, 0, false});
    router.add({"GET", "/readyz", Action::public_page,
                [](Context& ctx) {
                    Status ok = ctx.services.db.ping();
                    if (!ok.ok()) {
                        return Response::text(503, "database unreachable\n");
                    }
                    return Response::text(200, "ready\n");
                },
                0, false});
    router.add({"GET", "/metrics", Action::view_metrics, [](Context& ctx) {
                    return Response::text(200, ctx.services.metrics.prometheus_text(),
                                          "text/plain; version=0.0.4; charset=utf-8");
                }});
    router.add({"GET", "/static/*", Action::public_page,
                [files](Context& ctx) {
                    return files->serve(ctx.request.path.substr(std::string("/static/").size()));
                },
                0, false});
    router.add({"GET", "/api/v1/openapi.yaml", Action::public_page,
                [yaml = std::move(openapi_yaml)](Context&) {
                    return Response::text(200, yaml, "application/yaml");
                },
                0, false});
}

}  // namespace hearth::http

namespace hearth {
extern const char* const openapi_yaml_text;  // generated from docs/api/openapi.yaml
}  // namespace hearth

namespace hearth::http {

const Capability system_capability{
    "System", [](Registry& r) {
        add_system_routes(r.router,
                          std::make_shared<const StaticFiles>(r.config.web_dir + "/static"),
                          openapi_yaml_text);
    }};

}  // namespace hearth::http
