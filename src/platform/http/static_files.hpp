#pragma once
// web/static, read into memory once at start: small, immutable, and served without touching disk.
#include <map>
#include <string>

#include "platform/http/router.hpp"

namespace hearth::http {

class StaticFiles {
  public:
    explicit StaticFiles(const std::string& dir);
    Response serve(const std::string& path) const;  // path below /static/
    std::size_t count() const { return files_.size(); }

  private:
    struct File {
        std::string body;
        std::string content_type;
    };
    std::map<std::string, File> files_;
};

}  // namespace hearth::http
