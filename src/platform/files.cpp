#include "platform/files.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace hearth::files {

namespace {
// Writes all of text to fd, saves it to the disk and closes fd, whatever happens.
Status write_and_close(int fd, const std::filesystem::path& path, const std::string& text) {
    std::size_t done = 0;
    while (done < text.size()) {
        const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            const int err = errno;
            ::close(fd);
            return Error::internal(
                fmt::format("writing {}: {}", path.string(), std::strerror(err)));
        }
        done += static_cast<std::size_t>(n);
    }
    if (::fsync(fd) != 0) {
        const int err = errno;
        ::close(fd);
        return Error::internal(fmt::format("saving {}: {}", path.string(), std::strerror(err)));
    }
    if (::close(fd) != 0) {
        return Error::internal(fmt::format("saving {}: {}", path.string(), std::strerror(errno)));
    }
    return {};
}
}  // namespace

Status write_new_file(const std::filesystem::path& path, const std::string& text,
                      const std::string& field) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
        return Error::invalid(
            field, fmt::format("Could not create {}: {}", path.string(), std::strerror(errno)));
    }
    return write_and_close(fd, path, text);
}

Status append_to_file(const std::filesystem::path& path, const std::string& text) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
    if (fd < 0) {
        return Error::internal(
            fmt::format("opening {} to add to it: {}", path.string(), std::strerror(errno)));
    }
    return write_and_close(fd, path, text);
}

}  // namespace hearth::files
