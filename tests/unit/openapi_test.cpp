// The API description and the router agree: every route under /api/v1 is documented in
// docs/api/openapi.yaml, and every documented path and method is a route.
#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>

#include "test_support.hpp"

using namespace hearth;

using hearth::testing::read_file;

namespace {

const std::string openapi_path = HEARTH_SOURCE_DIR "/docs/api/openapi.yaml";

// "GET /api/v1/children/{child}" for each operation under `paths:`. A tiny reader for the shape our
// document keeps: path keys two spaces in, methods four spaces in.
std::set<std::string> documented_operations(const std::string& yaml) {
    std::set<std::string> out;
    std::istringstream in(yaml);
    bool in_paths = false;
    std::string path;
    for (std::string line; std::getline(in, line);) {
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        if (line.empty() || line.find_first_not_of(' ') == std::string::npos)
            continue;
        if (line[0] != ' ' && line[0] != '#') {
            in_paths = line == "paths:";
            continue;
        }
        if (!in_paths)
            continue;
        if (line.rfind("  /", 0) == 0 && line.back() == ':') {
            path = line.substr(2, line.size() - 3);
            continue;
        }
        if (line.size() > 4 && line.rfind("    ", 0) == 0 && line[4] != ' ') {
            std::string key = line.substr(4, line.find(':') - 4);
            for (const char* method : {"get", "post", "put", "patch", "delete"}) {
                if (key == method) {
                    std::string upper;
                    for (char c : key)
                        upper.push_back(
                            static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
                    out.insert(upper + " " + path);
                }
            }
        }
    }
    return out;
}

std::set<std::string> api_routes() {
    Config config;
    auto app = build_app(config);
    std::set<std::string> out;
    for (const auto& r : app->router.routes()) {
        if (r.pattern.rfind("/api/v1/", 0) == 0)
            out.insert(r.method + " " + r.pattern);
    }
    return out;
}

TEST(OpenApi, TheReaderFindsOperations) {
    auto ops = documented_operations(
        "openapi: 3.0.3\npaths:\n  /api/v1/a/{home}:\n    parameters: []\n    get:\n      summary: "
        "x\n"
        "    post:\n      responses: {}\n  /api/v1/b:\n    put:\n      x: 1\ncomponents:\n  "
        "/not/a/path:\n"
        "    get:\n");
    EXPECT_EQ(ops, (std::set<std::string>{"GET /api/v1/a/{home}", "POST /api/v1/a/{home}",
                                          "PUT /api/v1/b"}));
}

TEST(OpenApi, EveryApiRouteIsDocumented) {
    const std::string yaml = read_file(openapi_path);
    ASSERT_FALSE(yaml.empty()) << openapi_path;
    auto documented = documented_operations(yaml);
    auto routes = api_routes();
    ASSERT_FALSE(routes.empty());
    for (const auto& r : routes)
        EXPECT_TRUE(documented.count(r)) << r << " is a route but not in openapi.yaml";
}

TEST(OpenApi, EveryDocumentedOperationIsARoute) {
    auto documented = documented_operations(read_file(openapi_path));
    ASSERT_FALSE(documented.empty());
    auto routes = api_routes();
    for (const auto& d : documented)
        EXPECT_TRUE(routes.count(d)) << d << " is documented but is not a route";
}

TEST(OpenApiServedStore, TheServedDocumentIsTheOneInTheRepository) {
    hearth::testing::InProcessApp app(false);
    hearth::testing::Browser b(app);
    http::Response r = b.get("/api/v1/openapi.yaml");
    ASSERT_EQ(r.status, 200);
    EXPECT_EQ(r.content_type, "application/yaml");
    EXPECT_EQ(r.body, read_file(openapi_path));
}

}  // namespace
