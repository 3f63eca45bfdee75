#pragma once
// A QR code as SVG markup (libqrencode), for the page that sets up a second factor: the phone's
// camera reads the otpauth:// address from it. Like a chart (charts.hpp) the text it carries is
// escaped here, so a template may include it unescaped ({{{qr_code}}}). Empty when the text is too
// long for a QR code.
#include <string>
#include <string_view>

namespace hearth::views {

std::string qr_code_svg(std::string_view text, std::string_view label);

}  // namespace hearth::views
