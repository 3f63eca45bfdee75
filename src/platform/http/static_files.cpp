#include "platform/http/static_files.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace hearth::http {

namespace {
std::string content_type_for(const std::filesystem::path& p) {
    const auto ext = p.extension().string();
    if (ext == ".js" || ext == ".mjs") {
        return "text/javascript; charset=utf-8";
    }
    if (ext == ".css") {
        return "text/css; charset=utf-8";
    }
    if (ext == ".svg") {
        return "image/svg+xml";
    }
    if (ext == ".png") {
        return "image/png";
    }
    if (ext == ".ico") {
        return "image/x-icon";
    }
    if (ext == ".woff2") {
        return "font/woff2";
    }
    if (ext == ".map" || ext == ".json") {
        return "application/json";
    }
    if (ext == ".yaml") {
        return "application/yaml";
    }
    return "application/octet-stream";
}
}  // namespace

StaticFiles::StaticFiles(const std::string& dir) {
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec)) {
        return;
    }
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dir, ec)) {
        if (!entry.is_regular_file()) {
            continue;
        }
        std::ifstream in(entry.path(), std::ios::binary);
        std::ostringstream body;
        body << in.rdbuf();
        auto rel = std::filesystem::relative(entry.path(), dir).generic_string();
        files_[rel] = File{body.str(), content_type_for(entry.path())};
    }
}

Response StaticFiles::serve(const std::string& path) const {
    auto it = files_.find(path);
    if (it == files_.end()) {
        return Response::text(404, "Not found");
    }
    Response r = Response::text(200, it->second.body, it->second.content_type);
    r.header("Cache-Control", "public, max-age=3600");
    return r;
}

}  // namespace hearth::http
