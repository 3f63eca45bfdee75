#include "platform/views/qr_code.hpp"

#include <fmt/format.h>
#include <qrencode.h>

#include <memory>

#include "platform/views/charts.hpp"

namespace hearth::views {

std::string qr_code_svg(std::string_view text, std::string_view label) {
    const std::string data(text);
    const std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
        QRcode_encodeString(data.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1), &QRcode_free);
    if (!code) {
        return {};
    }
    // Four modules of light margin all round, as readers expect (ISO/IEC 18004 quiet zone).
    constexpr int margin = 4;
    const int width = code->width;
    std::string path;
    for (int y = 0; y < width; ++y) {
        for (int x = 0; x < width; ++x) {
            if ((code->data[y * width + x] & 1) != 0) {
                path += fmt::format("M{} {}h1v1h-1z", x + margin, y + margin);
            }
        }
    }
    const int size = width + 2 * margin;
    return fmt::format(
        R"(<svg xmlns="http://www.w3.org/2000/svg" class="hearth-qr-code" viewBox="0 0 {0} {0}" )"
        R"(width="{1}" height="{1}" role="img" aria-label="{2}" shape-rendering="crispEdges">)"
        R"(<rect width="{0}" height="{0}" fill="#ffffff"/><path fill="#0b0c0c" d="{3}"/></svg>)",
        size, size * 5, charts::escape(label), path);
}

}  // namespace hearth::views
