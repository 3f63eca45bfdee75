// The list Hearth ships (data/language-that-cares.toml) reads, says who wrote it, and holds what
// a children's home needs; and the reader refuses a list that is wrong, naming the phrase.
#include <gtest/gtest.h>

#include <set>

#include "language/matcher.hpp"
#include "language/phrase.hpp"

// Each test file's own names, apart from the others built beside it (tests/CMakeLists.txt).
namespace language_list_test {

using namespace hearth;
using namespace hearth::language;

namespace {

TEST(LanguageList, TheShippedListReads) {
    const auto& list = default_list();
    EXPECT_GE(list.version, 1);
    EXPECT_FALSE(list.written_by.empty());
    EXPECT_TRUE(list.written_on.has_value());
    EXPECT_GE(list.phrases.size(), 40u);
    std::set<std::int64_t> ids;
    std::set<std::string> names;
    for (const auto& p : list.phrases) {
        EXPECT_TRUE(ids.insert(p.id).second) << p.id;
        EXPECT_TRUE(names.insert(p.phrase).second) << p.phrase;
        EXPECT_LT(p.id, first_added_phrase_id);
        EXPECT_TRUE(validate(p).ok()) << p.phrase;
        // A why a support worker would read: one or two sentences.
        const auto sentences = std::count(p.why.begin(), p.why.end(), '.');
        EXPECT_GE(sentences, 1) << p.phrase;
        EXPECT_LE(sentences, 3) << p.phrase << ": " << p.why;
    }
}

TEST(LanguageList, HoldsWhatTheIssueNames) {
    // Each, written the way staff write it, is found by the phrase the list means it for.
    const std::pair<const char*, const char*> named[] = {
        {"kicked off", "kicked off"},
        {"kicking off", "kicked off"},
        {"attention-seeking", "attention-seeking"},
        {"manipulative", "manipulative"},
        {"absconded", "absconded"},
        {"refused", "refused"},
        {"LAC", "LAC"},
        {"a looked after child", "looked after child (as a label)"},
        {"contact with mum", "contact (when you mean family time)"},
        {"back at placement", "placement (when you mean home)"},
        {"challenging behaviour", "challenging behaviour"},
        {"aggressive", "aggressive"},
        {"non-compliant", "non-compliant"},
        {"tantrum", "threw a tantrum"},
        {"defiant", "defiant"},
        {"respite", "respite"},
        {"the unit", "the unit"},
        {"service user", "service user"},
        {"an empty bed", "a bed (meaning a child's place)"},
    };
    for (const auto& [words, phrase] : named) {
        auto found = find_phrases(default_list().phrases, words);
        ASSERT_EQ(found.size(), 1u) << words;
        EXPECT_EQ(found[0].phrase.phrase, phrase) << words;
    }
}

TEST(LanguageList, DoesNotFlagWhatIsFine) {
    for (const char* fine :
         {"key worker", "keyworker", "family time", "home", "went to bed",
          "behaviour that challenges", "missing from home", "physical intervention", "restraint",
          "placing authority", "placement plan", "contact details", "the child's views", "praise",
          "she chose not to"}) {
        EXPECT_TRUE(find_phrases(default_list().phrases, fine).empty()) << fine;
    }
}

const char* const good_list = R"(
version = 2
written_by = "Test"
written_on = 2026-05-12
reviewed_by = "A registered manager"
reviewed_on = 2026-05-20

[[phrase]]
id = 3
phrase = "kicked off"
match = ["kick+ off"]
alternative = "Say what happened"
why = "Because."
)";

TEST(LanguageList, ReadsAListWithItsReview) {
    auto list = parse_phrase_list(good_list);
    ASSERT_TRUE(list.ok()) << list.error().message;
    EXPECT_EQ(list->version, 2);
    EXPECT_EQ(list->reviewed_by, "A registered manager");
    ASSERT_TRUE(list->reviewed_on.has_value());
    EXPECT_EQ(format_date(*list->reviewed_on), "2026-05-20");
    ASSERT_EQ(list->phrases.size(), 1u);
    EXPECT_EQ(list->phrases[0].id, 3);
    EXPECT_EQ(list->phrases[0].match, std::vector<std::string>{"kick+ off"});
}

TEST(LanguageList, RefusesAListThatIsWrong) {
    auto with = [](const std::string& from, const std::string& to) {
        std::string text = good_list;
        text.replace(text.find(from), from.size(), to);
        return text;
    };
    const std::pair<std::string, std::string> wrong[] = {
        {with("version = 2", "version = 0"), "version"},
        {with("written_by = \"Test\"", ""), "written_by"},
        {with("reviewed_on = 2026-05-20", ""), "reviewed_by and reviewed_on"},
        {with("id = 3", "id = 0"), "id must be"},
        {with("id = 3", "id = 10001"), "id must be"},
        {with("why = \"Because.\"", ""), "why"},
        {with("alternative = \"Say what happened\"", ""), "alternative"},
        {with("match = [\"kick+ off\"]", "match = []"), "match"},
        {with("match = [\"kick+ off\"]", "match = [\"kick++ off\"]"), "kick++ off"},
        {with("match = [\"kick+ off\"]", "match = \"kick+ off\""), "list of text"},
        {with("why = \"Because.\"", "why = \"Because.\"\nwhy_not = \"x\""), "unknown field"},
        {good_list + std::string("\n[[phrase]]\nid = 3\nphrase = \"again\"\nmatch = [\"again\"]\n"
                                 "alternative = \"a\"\nwhy = \"b\"\n"),
         "used twice"},
        {"version = 1\nwritten_by = \"x\"\n", "no [[phrase]]"},
        {"version = [", "line 1"},
    };
    for (const auto& [text, says] : wrong) {
        auto list = parse_phrase_list(text);
        ASSERT_FALSE(list.ok()) << text;
        EXPECT_NE(list.error().message.find(says), std::string::npos)
            << list.error().message << " should mention " << says;
    }
}

TEST(LanguageList, APhraseNeedsItsWords) {
    Phrase p;
    p.phrase = "x";
    p.match = {"x"};
    p.alternative = "y";
    p.why = "z";
    EXPECT_TRUE(validate(p).ok());
    auto field_of = [](const Phrase& q) {
        auto v = validate(q);
        return v.ok() ? std::string() : v.error().fields.front().field;
    };
    Phrase q = p;
    q.phrase = "";
    EXPECT_EQ(field_of(q), "phrase");
    q = p;
    q.phrase = "two\nlines";
    EXPECT_EQ(field_of(q), "phrase");
    q = p;
    q.match = {};
    EXPECT_EQ(field_of(q), "match");
    q = p;
    q.not_when = {"(x)"};
    EXPECT_EQ(field_of(q), "not_when");
    q = p;
    q.why = std::string(601, 'w');
    EXPECT_EQ(field_of(q), "why");
    q = p;
    q.fine_when = std::string(401, 'f');
    EXPECT_EQ(field_of(q), "fine_when");
}

}  // namespace

}  // namespace language_list_test
