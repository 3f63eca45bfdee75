// A reflective practice session or team meeting on a set clock: a day to come, nobody who came or
// someone who does not work here, a child or piece of shared learning not among those offered, a
// theme without its words and nothing learned are each refused at the field; a child is kept only
// when the session was about one.
#include "team/team_session.hpp"

#include <gtest/gtest.h>

#include "platform/http/form.hpp"
#include "platform/http/message.hpp"
#include "team/team_session_view.hpp"

namespace team_session_test {

using namespace hearth;

using Fields = std::vector<std::pair<std::string, std::string>>;

http::FormData form_of(const Fields& fields) {
    std::string body;
    for (const auto& [k, v] : fields) {
        body += (body.empty() ? "" : "&") + k + "=" + http::url_encode(v);
    }
    return http::FormData::from_urlencoded(body).value();
}

const Date today{std::chrono::year{2026}, std::chrono::month{5}, std::chrono::day{12}};

Fields good() {
    return {{"kind", "reflective_practice"},
            {"held_on", "2026-05-12"},
            {"attendees", "7"},
            {"attendees", "8"},
            {"about", "child"},
            {"child_id", "21"},
            {"learned", "Same adult on the school run"}};
}

Fields with(Fields fields, const std::string& name, const std::string& value) {
    for (auto& f : fields) {
        if (f.first == name) {
            f.second = value;
            return fields;
        }
    }
    fields.emplace_back(name, value);
    return fields;
}

Result<team::SessionInput> read(const Fields& fields) {
    const auto f = form_of(fields);
    http::FormReader r(f);
    return team::read_session(r, today, {7, 8, 9}, {21, 22}, {301});
}

TEST(TeamSessionForm, ReadsWhoCameAndWhatItWasAbout) {
    const auto s = read(good());
    ASSERT_TRUE(s.ok()) << s.error().message;
    EXPECT_EQ(s.value().attendees, (std::vector<std::int64_t>{7, 8}));
    EXPECT_EQ(s.value().child_id, 21);
    const auto theme = read(with(with(good(), "about", "theme"), "topic", "Bedtimes"));
    ASSERT_TRUE(theme.ok()) << theme.error().message;
    EXPECT_FALSE(theme.value().child_id) << "a child is kept only when it was about one";
}

TEST(TeamSessionForm, NamesEachFieldItRefuses) {
    Fields nobody = good();
    std::erase_if(nobody, [](const auto& f) { return f.first == "attendees"; });
    const struct {
        Fields fields;
        const char* field;
    } refused[] = {
        {with(good(), "held_on", "2026-05-13"), "held_on"},
        {nobody, "attendees"},
        {with(good(), "attendees", "99"), "attendees"},
        {with(good(), "child_id", "23"), "child_id"},
        {with(good(), "about", "shared_learning"), "shared_learning_id"},
        {with(good(), "about", "theme"), "topic"},
        {with(good(), "learned", ""), "learned"},
        {with(good(), "kind", "party"), "kind"},
    };
    for (const auto& c : refused) {
        const auto s = read(c.fields);
        ASSERT_FALSE(s.ok()) << c.field;
        EXPECT_EQ(s.error().fields.front().field, c.field);
    }
}

TEST(TeamSessionView, AChildIsNamedOnlyToWhoMayReadThem) {
    team::TeamSession s;
    s.id = 3;
    s.home_id = 10;
    s.kind = "reflective_practice";
    s.held_on = today;
    s.about = "child";
    s.child_id = 21;
    s.child_name = "Aisha Bennett";
    s.learned = "Same adult on the school run";
    const auto reader_at = [](std::int64_t home) {
        Person p;
        p.id = 5;
        p.organisation_id = 1;
        p.memberships.push_back({home, Role::support_worker});
        return p;
    };
    const auto here = reader_at(10);
    Scope scope{1, 10, {}, false};
    const auto seen = team::session_view(s, Reader{here, scope}).dump();
    EXPECT_NE(seen.find("Aisha Bennett"), std::string::npos);
    const auto elsewhere = reader_at(11);
    Scope theirs{1, 11, {}, false};
    const auto hidden = team::session_view(s, Reader{elsewhere, theirs});
    EXPECT_EQ(hidden.dump().find("Aisha"), std::string::npos) << hidden.dump();
    EXPECT_TRUE(hidden["child"]["id"].is_null());
}

}  // namespace team_session_test
