// The charts every capability's figures use: escaping, scales and ticks, an empty data set, and
// what the markup must carry for assistive technology and the CSP.
#include "platform/views/charts.hpp"

#include <gtest/gtest.h>

#include <regex>
#include <stack>

// Each test file's own names, apart from the others built beside it (tests/CMakeLists.txt).
namespace charts_test {

using namespace hearth::views::charts;

namespace {

// Every element closed in order: enough of XML to catch markup that a browser would mangle.
bool balanced(const std::string& svg, std::string& problem) {
    std::stack<std::string> open;
    static const std::regex tag(R"(<(/?)([a-zA-Z]+)[^>]*?(/?)>)");
    for (std::sregex_iterator it(svg.begin(), svg.end(), tag), end; it != end; ++it) {
        const std::string name = (*it)[2];
        if ((*it)[3] == "/")
            continue;
        if ((*it)[1] == "/") {
            if (open.empty() || open.top() != name) {
                problem = "unexpected </" + name + ">";
                return false;
            }
            open.pop();
        } else {
            open.push(name);
        }
    }
    if (!open.empty())
        problem = "<" + open.top() + "> never closed";
    return open.empty();
}

Chart sample() {
    return {"rate",
            "Phrases per 100 entries",
            "Two homes over three months.",
            {"Mar 26", "Apr 26", "May 26"},
            {{"Organisation", {4.0, 3.5, 2.0}, true},
             {"Willow House", {5.0, std::nullopt, 1.0}, false},
             {"Harbour View", {3.0, 3.2, 3.1}, false}},
            "Per 100 entries",
            1};
}

int count(const std::string& text, const std::string& what) {
    int n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1))
        ++n;
    return n;
}

TEST(Charts, EscapeLeavesNoMarkup) {
    EXPECT_EQ(escape("<script>alert('x') & \"y\"</script>"),
              "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;");
    EXPECT_EQ(escape(std::string("a\x01"
                                 "b\x1f"
                                 "c\td")),
              "a b c\td");
    EXPECT_EQ(escape("Zo\xC3\xAB"), "Zo\xC3\xAB");
}

TEST(Charts, EveryTextIsEscaped) {
    Chart c = sample();
    c.id = "x\" onload=\"alert(1)";
    c.title = "<b>Title</b>";
    c.description = "A & B";
    c.categories[0] = "<i>Mar</i>";
    c.series[1].name = "Willow's \"House\" <script>";
    c.value_label = "<u>rate</u>";
    for (const auto& svg : {line_chart(c), bar_chart(c, BarLayout::grouped)}) {
        EXPECT_EQ(svg.find("<script"), std::string::npos);
        EXPECT_EQ(svg.find("<b>"), std::string::npos);
        EXPECT_EQ(svg.find("<i>"), std::string::npos);
        EXPECT_EQ(svg.find("<u>"), std::string::npos);
        EXPECT_EQ(svg.find("\" onload=\""), std::string::npos);
        EXPECT_NE(svg.find("&lt;b&gt;Title&lt;/b&gt;"), std::string::npos);
        EXPECT_NE(svg.find("Willow&#39;s &quot;House&quot; &lt;script&gt;"), std::string::npos);
        std::string problem;
        EXPECT_TRUE(balanced(svg, problem)) << problem;
    }
}

TEST(Charts, AnImageWithATitleAndADescription) {
    const std::string svg = line_chart(sample());
    EXPECT_EQ(svg.rfind("<svg ", 0), 0u);
    EXPECT_NE(svg.find(R"(role="img")"), std::string::npos);
    EXPECT_NE(svg.find(R"(aria-labelledby="rate-title rate-desc")"), std::string::npos);
    EXPECT_NE(svg.find(R"(<title id="rate-title">Phrases per 100 entries</title>)"),
              std::string::npos);
    EXPECT_NE(svg.find(R"(<desc id="rate-desc">Two homes over three months.</desc>)"),
              std::string::npos);
    // The CSP allows no style attribute and no script; colours come from classes.
    for (const auto& chart : {svg, bar_chart(sample(), BarLayout::stacked)}) {
        EXPECT_EQ(chart.find("style="), std::string::npos);
        EXPECT_EQ(chart.find("<script"), std::string::npos);
        EXPECT_FALSE(std::regex_search(chart, std::regex(" on[a-z]+=")));
        EXPECT_EQ(chart.find("fill=\"#"), std::string::npos);
    }
    EXPECT_NE(svg.find("hearth-chart__series--total"), std::string::npos);
    EXPECT_NE(svg.find("hearth-chart__series--2"), std::string::npos);
    EXPECT_NE(svg.find("hearth-chart__series--3"), std::string::npos);
    // A legend names every series.
    EXPECT_NE(svg.find(">Willow House</text>"), std::string::npos);
    EXPECT_NE(svg.find(">Harbour View</text>"), std::string::npos);
}

TEST(Charts, ALineBreaksWhereAValueIsMissing) {
    const std::string svg = line_chart(sample());
    static const std::regex willow(
        R"re(hearth-chart__series--2"><path class="hearth-chart__line" d="([^"]*)")re");
    std::smatch m;
    ASSERT_TRUE(std::regex_search(svg, m, willow));
    EXPECT_EQ(count(m[1], "M"), 2) << m[1];
    EXPECT_EQ(count(m[1], "L"), 0) << m[1];
}

TEST(Charts, NiceScalesAndTicks) {
    auto s = nice_scale(0, 7.3);
    EXPECT_EQ(s.min, 0);
    EXPECT_EQ(s.max, 8);
    EXPECT_EQ(s.step, 2);
    EXPECT_EQ(s.ticks, (std::vector<double>{0, 2, 4, 6, 8}));

    s = nice_scale(0, 100);
    EXPECT_EQ(s.ticks, (std::vector<double>{0, 20, 40, 60, 80, 100}));

    s = nice_scale(0, 0.37);
    EXPECT_DOUBLE_EQ(s.step, 0.1);
    EXPECT_DOUBLE_EQ(s.max, 0.4);

    s = nice_scale(0, 1234);
    EXPECT_LE(s.ticks.size(), 6u);
    EXPECT_GE(s.max, 1234);
    EXPECT_EQ(s.min, 0);

    // Zero is on the axis, and negative values get room below it.
    s = nice_scale(-3, 9);
    EXPECT_LE(s.min, -3);
    EXPECT_GE(s.max, 9);
    EXPECT_NE(std::find(s.ticks.begin(), s.ticks.end(), 0.0), s.ticks.end());

    // Nothing to show, or all zero: a sensible axis all the same.
    for (auto [lo, hi] : {std::pair{0.0, 0.0}, std::pair{5.0, 5.0}}) {
        s = nice_scale(lo, hi);
        EXPECT_LT(s.min, s.max);
        EXPECT_GE(s.ticks.size(), 2u);
        EXPECT_LE(s.ticks.size(), 6u);
    }
    EXPECT_EQ(nice_scale(0, std::nan("")).ticks.front(), 0);
}

TEST(Charts, TickLabels) {
    EXPECT_EQ(format_value(0, 0.5), "0.0");
    EXPECT_EQ(format_value(2.5, 0.5), "2.5");
    EXPECT_EQ(format_value(0.25, 0.25), "0.25");
    EXPECT_EQ(format_value(20, 5), "20");
    EXPECT_EQ(format_value(12500, 2500), "12,500");
    EXPECT_EQ(format_value(1234567, 1), "1,234,567");
    EXPECT_EQ(format_value(-1500, 500), "-1,500");
    EXPECT_EQ(format_value(-0.0001, 0.1), "0.0");
}

TEST(Charts, AnEmptyDataSetSaysSo) {
    Chart empty{"empty", "Nothing yet", "No entries have been checked.", {}, {}, "Per 100", 1};
    for (const auto& svg : {line_chart(empty), bar_chart(empty, BarLayout::grouped),
                            bar_chart(empty, BarLayout::stacked)}) {
        EXPECT_NE(svg.find("No figures yet"), std::string::npos);
        EXPECT_NE(svg.find("<title id=\"empty-title\">"), std::string::npos);
        std::string problem;
        EXPECT_TRUE(balanced(svg, problem)) << problem;
    }
    // Categories and series with no values at all are empty too.
    Chart no_values = sample();
    for (auto& s : no_values.series)
        s.values.assign(3, std::nullopt);
    EXPECT_NE(line_chart(no_values).find("No figures yet"), std::string::npos);
    EXPECT_EQ(line_chart(sample()).find("No figures yet"), std::string::npos);
}

TEST(Charts, StackedBarsAddUp) {
    Chart c{"entries",
            "Entries",
            "Entries each month.",
            {"Apr", "May"},
            {{"Flagged", {10.0, 0.0}, false}, {"Not flagged", {30.0, 40.0}, false}},
            "Entries",
            0};
    const std::string svg = bar_chart(c, BarLayout::stacked);
    // The axis reaches the tallest stack (40), not just the tallest bar.
    EXPECT_NE(svg.find(">40</text>"), std::string::npos);
    static const std::regex bar(
        R"re(<rect class="hearth-chart__bar" x="[^"]*" y="([^"]*)" width="[^"]*" height="([^"]*)"><title>([^<]*)</title>)re");
    double april = 0;
    int bars = 0;
    for (std::sregex_iterator it(svg.begin(), svg.end(), bar), end; it != end; ++it, ++bars) {
        if (std::string((*it)[3]).find("Apr") != std::string::npos)
            april += std::stod((*it)[2]);
    }
    EXPECT_EQ(bars, 4);
    // 40 of a 220-high plot whose axis runs to 40: the whole height.
    EXPECT_NEAR(april, 220, 0.05);
    EXPECT_NE(svg.find("<title>Flagged, Apr: 10</title>"), std::string::npos);
}

TEST(Charts, LabelsThatDoNotFitAreThinned) {
    Chart c = sample();
    c.categories.clear();
    for (int i = 0; i < 36; ++i)
        c.categories.push_back("Month " + std::to_string(i));
    for (auto& s : c.series)
        s.values.assign(36, 1.0);
    const std::string svg = line_chart(c);
    const int shown = count(svg, ">Month ");
    EXPECT_GT(shown, 3);
    EXPECT_LT(shown, 36);
}

}  // namespace

}  // namespace charts_test
