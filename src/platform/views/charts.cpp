#include "platform/views/charts.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace hearth::views::charts {

namespace {

// The drawing's own units; the SVG scales to the width of its container.
constexpr double width = 640;
constexpr double plot_top = 16;
constexpr double plot_height = 220;
constexpr double margin_left = 64;
constexpr double margin_right = 16;
constexpr double x_labels_height = 32;
constexpr double legend_row_height = 24;
constexpr double char_width = 7.5;  // of 14px text, near enough to lay labels out
constexpr int palette_size = 7;     // hearth-chart__series--1 ... --7 in hearth.scss

double plot_left() {
    return margin_left;
}
double plot_width() {
    return width - margin_left - margin_right;
}
double plot_bottom() {
    return plot_top + plot_height;
}

std::size_t characters(std::string_view s) {
    return static_cast<std::size_t>(std::count_if(
        s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

std::string number(double v) {
    // Coordinates: two decimals are finer than any screen.
    std::string s = fmt::format("{:.2f}", v);
    while (s.back() == '0') {
        s.pop_back();
    }
    if (s.back() == '.') {
        s.pop_back();
    }
    return s == "-0" ? "0" : s;
}

double nice_number(double x, bool round) {
    const double exponent = std::floor(std::log10(x));
    const double fraction = x / std::pow(10.0, exponent);
    double nice = 10;
    if (round) {
        nice = fraction < 1.5    ? 1
               : fraction < 2.25 ? 2
               : fraction < 3.5  ? 2.5
               : fraction < 7.5  ? 5
                                 : 10;
    } else {
        nice = fraction <= 1     ? 1
               : fraction <= 2   ? 2
               : fraction <= 2.5 ? 2.5
               : fraction <= 5   ? 5
                                 : 10;
    }
    return nice * std::pow(10.0, exponent);
}

std::string series_class(const Series& s, std::size_t index) {
    if (s.total) {
        return "hearth-chart__series hearth-chart__series--total";
    }
    return fmt::format("hearth-chart__series hearth-chart__series--{}", index % palette_size + 1);
}

// A marker for each series, told apart by shape as well as colour.
std::string marker(std::size_t index, bool total, double x, double y, const std::string& tip) {
    const std::string title = "<title>" + escape(tip) + "</title>";
    if (total) {
        return fmt::format(
            R"(<rect class="hearth-chart__marker" x="{}" y="{}" width="9" height="9">{}</rect>)",
            number(x - 4.5), number(y - 4.5), title);
    }
    switch (index % 4) {
        case 0:
            return fmt::format(
                R"(<circle class="hearth-chart__marker" cx="{}" cy="{}" r="4.5">{}</circle>)",
                number(x), number(y), title);
        case 1:
            return fmt::format(
                R"(<path class="hearth-chart__marker" d="M{} {}L{} {}L{} {}Z">{}</path>)",
                number(x), number(y - 5.5), number(x + 5.5), number(y + 4.5), number(x - 5.5),
                number(y + 4.5), title);
        case 2:
            return fmt::format(
                R"(<path class="hearth-chart__marker" d="M{} {}L{} {}L{} {}L{} {}Z">{}</path>)",
                number(x), number(y - 5.5), number(x + 5.5), number(y), number(x), number(y + 5.5),
                number(x - 5.5), number(y), title);
        default:
            return fmt::format(
                R"(<rect class="hearth-chart__marker" x="{}" y="{}" width="8" height="8">{}</rect>)",
                number(x - 4), number(y - 4), title);
    }
}

struct Frame {
    Scale scale;
    double height = 0;
    std::string legend;  // markup, already placed

    double y_of(double v) const {
        return plot_bottom() - (v - scale.min) / (scale.max - scale.min) * plot_height;
    }
};

std::string open_svg(const Chart& c, double height) {
    return fmt::format(
        R"(<svg class="hearth-chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {} {}" role="img" aria-labelledby="{}-title {}-desc" focusable="false"><title id="{}-title">{}</title><desc id="{}-desc">{}</desc>)",
        number(width), number(height), escape(c.id), escape(c.id), escape(c.id), escape(c.title),
        escape(c.id), escape(c.description));
}

// Legend items laid out in rows under the plot; a line swatch with its marker, or a block.
std::string legend(const Chart& c, bool lines, double top, int& rows) {
    rows = 0;
    if (c.series.size() < 2) {
        return {};
    }
    std::string out = R"(<g class="hearth-chart__legend">)";
    double x = plot_left();
    rows = 1;
    for (std::size_t i = 0; i < c.series.size(); ++i) {
        const auto& s = c.series[i];
        const double item = 36 + static_cast<double>(characters(s.name)) * char_width + 20;
        if (x + item > width - margin_right && x > plot_left()) {
            x = plot_left();
            ++rows;
        }
        const double y = top + (rows - 1) * legend_row_height + 12;
        out += fmt::format(R"(<g class="{}">)", series_class(s, i));
        if (lines) {
            out += fmt::format(R"(<path class="hearth-chart__line" d="M{} {}H{}"/>)", number(x),
                               number(y), number(x + 28));
            out += marker(i, s.total, x + 14, y, s.name);
        } else {
            out += fmt::format(
                R"(<rect class="hearth-chart__bar" x="{}" y="{}" width="20" height="14"/>)",
                number(x + 4), number(y - 7));
        }
        out += fmt::format(
            R"(<text class="hearth-chart__legend-text" x="{}" y="{}" dy="0.35em">{}</text></g>)",
            number(x + 36), number(y), escape(s.name));
        x += item;
    }
    return out + "</g>";
}

Frame frame(const Chart& c, double low, double high, bool lines) {
    Frame f;
    f.scale = nice_scale(low, high);
    int rows = 0;
    const double legend_top = plot_bottom() + x_labels_height;
    f.legend = legend(c, lines, legend_top, rows);
    f.height = legend_top + rows * legend_row_height + 8;
    return f;
}

// Grid lines and value labels up the side, the label of the values, and the categories along
// the bottom (every one that fits).
std::string axes(const Chart& c, const Frame& f) {
    std::string out = R"(<g class="hearth-chart__grid">)";
    for (double t : f.scale.ticks) {
        out +=
            fmt::format(R"(<line x1="{}" x2="{}" y1="{}" y2="{}"/>)", number(plot_left()),
                        number(plot_left() + plot_width()), number(f.y_of(t)), number(f.y_of(t)));
    }
    out += R"(</g><g class="hearth-chart__axis hearth-chart__axis--values">)";
    for (double t : f.scale.ticks) {
        out += fmt::format(R"(<text x="{}" y="{}" dy="0.35em" text-anchor="end">{}</text>)",
                           number(plot_left() - 8), number(f.y_of(t)),
                           escape(format_value(t, f.scale.step)));
    }
    out += "</g>";
    if (!c.value_label.empty()) {
        out += fmt::format(
            R"svg(<text class="hearth-chart__axis-label" transform="translate(14 {}) rotate(-90)" text-anchor="middle">{}</text>)svg",
            number(plot_top + plot_height / 2), escape(c.value_label));
    }
    out += fmt::format(
        R"(<g class="hearth-chart__axis hearth-chart__axis--categories"><line class="hearth-chart__baseline" x1="{}" x2="{}" y1="{}" y2="{}"/>)",
        number(plot_left()), number(plot_left() + plot_width()), number(f.y_of(f.scale.min)),
        number(f.y_of(f.scale.min)));
    const std::size_t n = c.categories.size();
    if (n > 0) {
        const double band = plot_width() / static_cast<double>(n);
        std::size_t longest = 1;
        for (const auto& label : c.categories) {
            longest = std::max(longest, characters(label));
        }
        const auto every = static_cast<std::size_t>(
            std::ceil((static_cast<double>(longest) * char_width + 8) / band));
        for (std::size_t i = 0; i < n; i += std::max<std::size_t>(every, 1)) {
            out += fmt::format(R"(<text x="{}" y="{}" text-anchor="middle">{}</text>)",
                               number(plot_left() + band * (static_cast<double>(i) + 0.5)),
                               number(plot_bottom() + 20), escape(c.categories[i]));
        }
    }
    return out + "</g>";
}

std::string nothing_to_show(const Frame& f) {
    return fmt::format(
        R"(<text class="hearth-chart__empty" x="{}" y="{}" text-anchor="middle">No figures yet</text>)",
        number(plot_left() + plot_width() / 2), number(f.y_of((f.scale.min + f.scale.max) / 2)));
}

bool has_values(const Chart& c) {
    return std::any_of(c.series.begin(), c.series.end(), [](const Series& s) {
        return std::any_of(s.values.begin(), s.values.end(),
                           [](const auto& v) { return v.has_value() && std::isfinite(*v); });
    });
}

std::string tip(const Chart& c, const Series& s, std::size_t i, double v) {
    const std::string category = i < c.categories.size() ? c.categories[i] : "";
    return fmt::format("{}, {}: {}", s.name, category,
                       format_value(v, std::pow(10.0, -c.value_decimals)));
}

}  // namespace

std::string escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char ch : text) {
        const auto u = static_cast<unsigned char>(ch);
        switch (ch) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&#39;";
                break;
            default:
                out.push_back(u < 0x20 && ch != '\t' && ch != '\n' && ch != '\r' ? ' ' : ch);
        }
    }
    return out;
}

Scale nice_scale(double low, double high, int most_ticks) {
    Scale s;
    if (!std::isfinite(low) || !std::isfinite(high)) {
        low = 0;
        high = 1;
    }
    if (low > high) {
        std::swap(low, high);
    }
    // Bars and rates start from zero: an axis that does not would exaggerate every change.
    low = std::min(low, 0.0);
    high = std::max(high, 0.0);
    if (high - low < 1e-9) {
        high = low + 1;
    }
    most_ticks = std::max(most_ticks, 2);
    const double range = nice_number(high - low, false);
    s.step = nice_number(range / (most_ticks - 1), true);
    while ((std::ceil(high / s.step - 1e-9) - std::floor(low / s.step + 1e-9)) + 1 > most_ticks) {
        s.step = nice_number(s.step * 1.01, false);
    }
    s.min = std::floor(low / s.step + 1e-9) * s.step;
    s.max = std::ceil(high / s.step - 1e-9) * s.step;
    for (double t = s.min; t <= s.max + s.step / 2; t += s.step) {
        s.ticks.push_back(std::round(t / s.step) * s.step);
    }
    return s;
}

std::string format_value(double value, double step) {
    int decimals = 0;
    for (double scaled = std::abs(step);
         decimals < 3 && std::abs(scaled - std::round(scaled)) > 1e-6; scaled *= 10) {
        ++decimals;
    }
    std::string digits = fmt::format("{:.{}f}", std::abs(value), decimals);
    if (digits.find_first_not_of("0.") == std::string::npos) {
        value = 0;  // no "-0"
    }
    const auto point = digits.find('.');
    std::string whole = digits.substr(0, point);
    const std::string rest = point == std::string::npos ? "" : digits.substr(point);
    for (int i = static_cast<int>(whole.size()) - 3; i > 0; i -= 3) {
        whole.insert(static_cast<std::size_t>(i), ",");
    }
    return (value < 0 ? "-" : "") + whole + rest;
}

std::string line_chart(const Chart& c) {
    double low = 0, high = 0;
    for (const auto& s : c.series) {
        for (const auto& v : s.values) {
            if (v && std::isfinite(*v)) {
                low = std::min(low, *v);
                high = std::max(high, *v);
            }
        }
    }
    const Frame f = frame(c, low, high, true);
    std::string out = open_svg(c, f.height) + axes(c, f);
    if (!has_values(c)) {
        out += nothing_to_show(f);
    }
    const double band = c.categories.empty()
                            ? plot_width()
                            : plot_width() / static_cast<double>(c.categories.size());
    // Totals last, so they are drawn over their parts.
    std::vector<std::size_t> order(c.series.size());
    for (std::size_t i = 0; i < order.size(); ++i) {
        order[i] = i;
    }
    std::stable_partition(order.begin(), order.end(),
                          [&](std::size_t i) { return !c.series[i].total; });
    for (std::size_t i : order) {
        const auto& s = c.series[i];
        std::string path, markers;
        bool pen_down = false;
        for (std::size_t k = 0; k < s.values.size() && k < c.categories.size(); ++k) {
            const auto& v = s.values[k];
            if (!v || !std::isfinite(*v)) {
                pen_down = false;
                continue;
            }
            const double x = plot_left() + band * (static_cast<double>(k) + 0.5);
            const double y = f.y_of(*v);
            path += fmt::format("{}{} {}", pen_down ? "L" : "M", number(x), number(y));
            pen_down = true;
            markers += marker(i, s.total, x, y, tip(c, s, k, *v));
        }
        out += fmt::format(R"(<g class="{}">)", series_class(s, i));
        if (!path.empty()) {
            out += fmt::format(R"(<path class="hearth-chart__line" d="{}"/>)", path);
        }
        out += markers + "</g>";
    }
    return out + f.legend + "</svg>";
}

std::string bar_chart(const Chart& c, BarLayout layout) {
    const std::size_t n = c.categories.size();
    double low = 0, high = 0;
    for (std::size_t k = 0; k < n; ++k) {
        double stack = 0;
        for (const auto& s : c.series) {
            if (k >= s.values.size() || !s.values[k] || !std::isfinite(*s.values[k])) {
                continue;
            }
            const double v = *s.values[k];
            if (layout == BarLayout::stacked) {
                stack += std::max(v, 0.0);
            } else {
                low = std::min(low, v);
                high = std::max(high, v);
            }
        }
        high = std::max(high, stack);
    }
    const Frame f = frame(c, low, high, false);
    std::string out = open_svg(c, f.height) + axes(c, f);
    if (!has_values(c)) {
        out += nothing_to_show(f);
    }
    const double band = n == 0 ? plot_width() : plot_width() / static_cast<double>(n);
    const double bars = static_cast<double>(std::max<std::size_t>(c.series.size(), 1));
    const double group = band * 0.7;
    const double gap = 1;
    std::vector<double> stacked(n, 0);
    for (std::size_t i = 0; i < c.series.size(); ++i) {
        const auto& s = c.series[i];
        out += fmt::format(R"(<g class="{}">)", series_class(s, i));
        for (std::size_t k = 0; k < n && k < s.values.size(); ++k) {
            const auto& v = s.values[k];
            if (!v || !std::isfinite(*v)) {
                continue;
            }
            const double left = plot_left() + band * static_cast<double>(k) + (band - group) / 2;
            double x = left, w = group, from = 0, to = *v;
            if (layout == BarLayout::stacked) {
                from = stacked[k];
                to = from + std::max(*v, 0.0);
                stacked[k] = to;
            } else {
                w = group / bars;
                x = left + w * static_cast<double>(i);
            }
            const double top = f.y_of(std::max(from, to));
            const double bottom = f.y_of(std::min(from, to));
            out += fmt::format(
                R"(<rect class="hearth-chart__bar" x="{}" y="{}" width="{}" height="{}"><title>{}</title></rect>)",
                number(x + gap / 2), number(top), number(std::max(w - gap, 1.0)),
                number(std::max(bottom - top, 0.0)), escape(tip(c, s, k, *v)));
        }
        out += "</g>";
    }
    return out + f.legend + "</svg>";
}

}  // namespace hearth::views::charts
