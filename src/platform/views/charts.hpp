#pragma once
// Charts for every capability's figures: pure C++ that draws a line chart or a bar chart as SVG
// markup, for a page to embed. Every piece of text is escaped here, so a template may include the
// result unescaped ({{{chart}}}); nothing else should ever be. The SVG is an image with a title
// and a description for assistive technology (role="img", <title>, <desc>); pages put a table of
// the same numbers beside it. No script and no style attributes (the CSP allows neither): series
// carry classes (hearth-chart__series--1 ... --7, and --total) that web/assets/hearth.scss colours
// from the GOV.UK palette, with a dash pattern and a marker shape each so that colour is never the
// only difference.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hearth::views::charts {

struct Series {
    std::string name;
    std::vector<std::optional<double>> values;  // one per category; none where there is no data
    bool total = false;  // a total beside its parts (the organisation beside its homes): darker
};

struct Chart {
    std::string id;           // unique in its page: the ids of its title and description
    std::string title;        // what the chart is, as a heading would say it
    std::string description;  // what it shows, in a sentence or two
    std::vector<std::string> categories;  // along the bottom, in order
    std::vector<Series> series;
    std::string value_label;  // up the side: "Phrases per 100 entries"
    int value_decimals = 1;   // in the tip of each point or bar: 0 for counts
};

enum class BarLayout { grouped, stacked };

// Lines break where a value is missing. With no values at all, the chart says so.
std::string line_chart(const Chart& chart);
// Stacked bars add the series up; negative values are drawn as zero there.
std::string bar_chart(const Chart& chart, BarLayout layout);

// The value axis: from min to max in steps of 1, 2, 2.5 or 5 times a power of ten, with at most
// `most_ticks` ticks; zero is always on it when the values do not cross it.
struct Scale {
    double min = 0;
    double max = 1;
    double step = 1;
    std::vector<double> ticks;
};
Scale nice_scale(double low, double high, int most_ticks = 6);

// A number as a tick shows it: as many decimals as the step needs, thousands separated by commas.
std::string format_value(double value, double step);

// Text for SVG: & < > " ' as entities, characters XML cannot carry as spaces.
std::string escape(std::string_view text);

}  // namespace hearth::views::charts
