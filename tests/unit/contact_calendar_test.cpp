// The contact calendar as iCalendar (RFC 5545): every line ends in CRLF and none is longer than 75
// octets (folded without splitting a character); text is escaped; each contact is one event with a
// stable UID, an hour from its start, its status (a cancelled one tells the app to remove it), and
// only what the rota needs — never what the child or staff said.
#include "contact/contact_calendar.hpp"

#include <gtest/gtest.h>

#include "platform/icalendar.hpp"

namespace contact_calendar_test {

using namespace hearth;

nlohmann::json a_visit() {
    return {{"id", 42},
            {"child", {{"id", 3}, {"name", "Kai O'Neill"}}},
            {"form_label", "Visit to the child at the home"},
            {"supervision", "staff"},
            {"supervision_label", "Supervised by the home's staff"},
            {"supervised_by", "Sam Okafor, deputy"},
            {"place", "The family room; garden if dry"},
            {"starts_at", "2026-12-08T16:30:00.000Z"},
            {"href", "/children/3/contact/log/42"},
            {"version", 2},
            {"cancelled", false},
            {"child_words", "I don't want him to come"},
            {"staff_view", "Kai was anxious before"}};
}

std::vector<std::string> lines_of(const std::string& ics) {
    std::vector<std::string> out;
    std::size_t start = 0;
    for (auto end = ics.find("\r\n"); end != std::string::npos; end = ics.find("\r\n", start)) {
        out.push_back(ics.substr(start, end - start));
        start = end + 2;
    }
    EXPECT_EQ(start, ics.size()) << "the calendar ends with CRLF and has no bare line feeds";
    return out;
}

// The content lines with their folds undone.
std::vector<std::string> unfolded(const std::vector<std::string>& lines) {
    std::vector<std::string> out;
    for (const auto& l : lines) {
        if (!l.empty() && l.front() == ' ') {
            out.back() += l.substr(1);
        } else {
            out.push_back(l);
        }
    }
    return out;
}

bool has(const std::vector<std::string>& lines, const std::string& line) {
    return std::find(lines.begin(), lines.end(), line) != lines.end();
}

const Timestamp now = *parse_utc("2026-12-07T10:00:00.000Z");

TEST(ContactCalendar, AContactIsOneEventOfAnHourWithWhatTheRotaNeeds) {
    const auto ics =
        contact::contact_calendar("Contact at Willow House", nlohmann::json::array({a_visit()}),
                                  "https://hearth.example.org", now);
    const auto lines = unfolded(lines_of(ics));
    EXPECT_EQ(lines.front(), "BEGIN:VCALENDAR");
    EXPECT_EQ(lines.back(), "END:VCALENDAR");
    EXPECT_TRUE(has(lines, "VERSION:2.0"));
    EXPECT_TRUE(has(lines, "X-WR-CALNAME:Contact at Willow House"));
    EXPECT_TRUE(has(lines, "UID:contact-42@hearth"));
    EXPECT_TRUE(has(lines, "SEQUENCE:2"));
    EXPECT_TRUE(has(lines, "DTSTAMP:20261207T100000Z"));
    EXPECT_TRUE(has(lines, "DTSTART:20261208T163000Z"));
    EXPECT_TRUE(has(lines, "DTEND:20261208T173000Z"));
    EXPECT_TRUE(has(lines,
                    "SUMMARY:Kai O'Neill: Visit to the child at the home (supervised by Sam "
                    "Okafor\\, deputy)"));
    EXPECT_TRUE(has(lines, "LOCATION:The family room\\; garden if dry"));
    EXPECT_TRUE(has(lines, "URL:https://hearth.example.org/children/3/contact/log/42"));
    EXPECT_TRUE(has(lines, "STATUS:CONFIRMED"));
    EXPECT_EQ(ics.find("want him"), std::string::npos) << "never the child's words";
    EXPECT_EQ(ics.find("anxious"), std::string::npos) << "never staff's view";
}

TEST(ContactCalendar, ACancelledContactTellsTheAppToRemoveIt) {
    auto k = a_visit();
    k["cancelled"] = true;
    k["supervision"] = "none";
    k["place"] = "";
    const auto lines = unfolded(lines_of(contact::contact_calendar(
        "Contact", nlohmann::json::array({k}), "https://h.example", now)));
    EXPECT_TRUE(has(lines, "STATUS:CANCELLED"));
    EXPECT_TRUE(has(lines, "SUMMARY:Kai O'Neill: Visit to the child at the home"));
    EXPECT_TRUE(std::none_of(lines.begin(), lines.end(),
                             [](const std::string& l) { return l.rfind("LOCATION:", 0) == 0; }));
}

TEST(ContactCalendar, SupervisedWithNoNameSaysByWhom) {
    auto k = a_visit();
    k["supervised_by"] = "";
    const auto lines = unfolded(lines_of(contact::contact_calendar(
        "Contact", nlohmann::json::array({k}), "https://h.example", now)));
    EXPECT_TRUE(has(lines,
                    "SUMMARY:Kai O'Neill: Visit to the child at the home (Supervised by "
                    "the home's staff)"));
}

TEST(ContactCalendar, TextIsEscaped) {
    EXPECT_EQ(icalendar::text("a\\b;c,d\ne\r\nf"), "a\\\\b\\;c\\,d\\ne\\nf");
}

TEST(ContactCalendar, LongLinesFoldAt75OctetsWithoutSplittingACharacter) {
    const std::string name(70, 'a');
    const std::string line = "SUMMARY:" + name + "\xC3\xA9\xC3\xA9\xC3\xA9" + std::string(100, 'b');
    const auto folded = icalendar::line(line);
    const auto lines = lines_of(folded);
    ASSERT_GT(lines.size(), 2U);
    for (const auto& l : lines) {
        EXPECT_LE(l.size(), 75U) << l;
        EXPECT_NE(static_cast<unsigned char>(l.back()) & 0xC0U, 0xC0U)
            << "no line ends on the first byte of a character";
        const auto first = static_cast<unsigned char>(l[l.front() == ' ' ? 1 : 0]);
        EXPECT_NE(first & 0xC0U, 0x80U) << "no line starts inside a character";
    }
    EXPECT_EQ(unfolded(lines).front(), line);
    EXPECT_EQ(icalendar::line("BEGIN:VEVENT"), "BEGIN:VEVENT\r\n");
}

}  // namespace contact_calendar_test
