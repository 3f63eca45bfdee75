// The matcher over the list Hearth ships: sentences a support worker might write that must be
// flagged (with the phrase that must be found), and sentences that must not be. Then the rules
// that each must fail if broken: whole words, case, inflections, hyphens, quoted speech, and the
// list's own narrowing (not_when).
#include <gtest/gtest.h>

#include "language/matcher.hpp"
#include "language/pattern.hpp"
#include "language/phrase.hpp"

// Each test file's own names, apart from the others built beside it (tests/CMakeLists.txt).
namespace language_matcher_test {

using namespace hearth;
using namespace hearth::language;

namespace {

const std::vector<Phrase>& shipped() {
    return default_list().phrases;
}

std::string phrases_found(const std::string& text) {
    std::string out;
    for (const auto& f : find_phrases(shipped(), text))
        out += (out.empty() ? "" : "; ") + f.phrase.phrase + " [" + f.matched + "]";
    return out;
}

struct MustFlag {
    const char* sentence;
    const char* phrase;   // the list's phrase that must be found
    const char* matched;  // the words as written
};

// clang-format off
const MustFlag must_flag[] = {
    {"Aisha kicked off at tea time.", "kicked off", "kicked off"},
    {"Ben was kicking off in the lounge.", "kicked off", "kicking off"},
    {"He often kicks off after phone calls.", "kicked off", "kicks off"},
    {"She started to kick-off when asked.", "kicked off", "kick-off"},
    {"KICKED OFF again.", "kicked off", "KICKED OFF"},
    {"Kai was kicked\noff the bus? No - Kai kicked\noff.", "kicked off", "kicked\noff"},
    {"This is attention-seeking.", "attention-seeking", "attention-seeking"},
    {"Classic attention seeking behaviour.", "attention-seeking", "attention seeking"},
    {"He is an attention seeker.", "attention-seeking", "attention seeker"},
    {"She did it for attention.", "attention-seeking", "for attention"},
    {"Lily was being manipulative with staff.", "manipulative", "manipulative"},
    {"He manipulated the new member of staff.", "manipulative", "manipulated"},
    {"Zara absconded at 21:00.", "absconded", "absconded"},
    {"History of absconding from previous homes.", "absconded", "absconding"},
    {"Oscar refused his tea.", "refused", "refused"},
    {"Riley refuses to go to school.", "refused", "refuses"},
    {"Noor was refusing her medication.", "refused", "refusing"},
    {"Another school refusal today.", "refused", "refusal"},
    {"All LAC children attend the review.", "LAC", "LAC children"},
    {"Kai's LAC review is on Friday.", "LAC", "LAC"},
    {"As a looked after child she gets a PEP.", "looked after child (as a label)", "a looked after child"},
    {"Contact with mum went well.", "contact (when you mean family time)", "Contact with mum"},
    {"He had contact with his dad on Saturday.", "contact (when you mean family time)", "contact with his dad"},
    {"The contact visit was cancelled.", "contact (when you mean family time)", "contact visit"},
    {"Contact session at the family centre.", "contact (when you mean family time)", "Contact session"},
    {"She was upset after contact.", "contact (when you mean family time)", "after contact"},
    {"Supervised contact at 2pm.", "contact (when you mean family time)", "Supervised contact"},
    {"Mum's contact was moved to Tuesday.", "contact (when you mean family time)", "Mum's contact"},
    {"Ben went back to placement at 6pm.", "placement (when you mean home)", "back to placement"},
    {"She returned to the placement late.", "placement (when you mean home)", "returned to the placement"},
    {"He has challenging behaviour.", "challenging behaviour", "challenging behaviour"},
    {"Her behaviour was challenging this evening.", "challenging behaviour", "behaviour was challenging"},
    {"Kai became aggressive towards staff.", "aggressive", "aggressive"},
    {"Verbal aggression in the kitchen.", "aggressive", "aggression"},
    {"Oscar was non-compliant at bedtime.", "non-compliant", "non-compliant"},
    {"Noncompliance with the house rules.", "non-compliant", "Noncompliance"},
    {"Ben threw a tantrum in the car.", "threw a tantrum", "tantrum"},
    {"Lily was defiant when asked to tidy up.", "defiant", "defiant"},
    {"He went to respite for the weekend.", "respite", "respite"},
    {"Back on the unit by 9.", "the unit", "the unit"},
    {"All service users were informed.", "service user", "service users"},
    {"We have an empty bed from Monday.", "a bed (meaning a child's place)", "empty bed"},
    {"The placement broke down in March.", "placement breakdown", "placement broke down"},
    {"She is a difficult child to reach.", "difficult child", "difficult child"},
    {"He was naughty at school.", "naughty", "naughty"},
    {"She is very needy today.", "needy", "needy"},
    {"He is a liar.", "liar", "liar"},
    {"He lied to staff about where he had been.", "liar", "lied to"},
    {"Zara was putting herself at risk.", "putting themselves at risk", "putting herself at risk"},
    {"She refused to engage with the session.", "failed to engage", "refused to engage"},
    {"He won't engage with his social worker.", "failed to engage", "won't engage"},
    {"He won\xE2\x80\x99t engage with his social worker.", "failed to engage", "won\xE2\x80\x99t engage"},
    {"Riley is sulking in their room.", "sulking", "sulking"},
    {"Trying to split the staff team.", "splitting staff", "split the staff"},
    {"Playing staff off against each other.", "splitting staff", "Playing staff off"},
    {"Ozzy was AWOL overnight.", "AWOL", "AWOL"},
    {"Presented as low in mood.", "presenting as", "Presented as"},
    {"She met her natural mother.", "natural parents", "natural mother"},
    {"The other residents were in bed.", "residents", "other residents"},
    {"He was acting out all evening.", "acting out", "acting out"},
    {"She was sexually exploited; not a prostitute.", "child prostitute", "prostitute"},
    {"\xE2\x80\x9CNo,\xE2\x80\x9D she said, and kicked off.", "kicked off", "kicked off"},
    {"He said 'no' and refused.", "refused", "refused"},
};

// Sentences a careful worker writes, which must not be flagged.
const char* const must_not_flag[] = {
    "Aisha and her key worker baked a cake.",
    "I will contact the social worker tomorrow.",
    "Contact the school about the trip.",
    "She paid with her contactless card.",
    "We went to the community centre.",
    "The football match kicked off at three.",
    "Family time with Mum went well; she was smiling when she came home.",
    "Ben went to bed at 22:00.",
    "Kai was in bed by nine.",
    "She got a new bed for her room.",
    "Noor said she did not want to go to school; she told me she was worried about a test.",
    "The placement plan was reviewed with Riley.",
    "Her placing authority agreed the plan.",
    "Behaviour that challenges may be telling us something.",
    "She looked after her little brother at the park.",
    "He made eye contact and smiled.",
    "Zara was missing from 21:00 and came home at 23:30.",
    "Put the refuse out on Tuesday.",
    "After contact with the school, we agreed a plan.",
    "She said she felt manipulated by the older boys at the park.",
    "We discussed the residents' meeting.",
    "He acted out a scene from his favourite film.",
    "The unit of work at school was on volcanoes.",
    "Kai reached his goal and we celebrated.",
    "Lily worked hard on her engagement ring drawing.",
    "He chose not to have tea and said he was not hungry.",
    "The community nurse visited.",
    "Unity and kindness at the children's meeting.",
    "She said \"I kicked off because you didn't listen\" and we talked about it.",
    "He told me \xE2\x80\x9CI was attention-seeking, I know\xE2\x80\x9D and laughed.",
    "Her words: 'I refused because I was scared.'",
};
// clang-format on

TEST(LanguageMatcher, FlagsWhatItMust) {
    for (const auto& c : must_flag) {
        auto found = find_phrases(shipped(), c.sentence);
        const bool ok = std::any_of(found.begin(), found.end(), [&](const Finding& f) {
            return f.phrase.phrase == c.phrase && f.matched == c.matched;
        });
        EXPECT_TRUE(ok) << "\"" << c.sentence << "\" should flag " << c.phrase << " [" << c.matched
                        << "]; found: " << phrases_found(c.sentence);
    }
}

TEST(LanguageMatcher, LeavesAloneWhatItMust) {
    for (const char* sentence : must_not_flag) {
        EXPECT_EQ(phrases_found(sentence), "") << "\"" << sentence << "\"";
    }
}

}  // namespace

// The rules themselves, on small lists of their own, so that each test fails when its rule
// breaks whatever the shipped list says.
namespace {

Phrase phrase(std::int64_t id, const std::string& words, std::vector<std::string> match,
              std::vector<std::string> not_when = {}) {
    Phrase p;
    p.id = id;
    p.phrase = words;
    p.match = std::move(match);
    p.not_when = std::move(not_when);
    p.alternative = "something kinder";
    p.why = "because";
    return p;
}

std::vector<std::string> matched(const std::vector<Phrase>& list, const std::string& text) {
    std::vector<std::string> out;
    for (const auto& f : find_phrases(list, text))
        out.push_back(f.matched);
    return out;
}

using Found = std::vector<std::string>;

TEST(LanguageRules, WholeWordsOnly) {
    const std::vector<Phrase> list{phrase(1, "contact", {"contact"}), phrase(2, "unit", {"unit"})};
    EXPECT_EQ(matched(list, "contactless card"), Found{});
    EXPECT_EQ(matched(list, "recontact later"), Found{});
    EXPECT_EQ(matched(list, "the community centre and unity"), Found{});
    EXPECT_EQ(matched(list, "units of work"), Found{});
    EXPECT_EQ(matched(list, "unit2 and contact_3"), Found{"contact"});  // _ is not a letter
    EXPECT_EQ(matched(list, "(contact)"), Found{"contact"});
    EXPECT_EQ(matched(list, "the unit."), Found{"unit"});
}

TEST(LanguageRules, CaseDoesNotMatter) {
    const std::vector<Phrase> list{phrase(1, "kicked off", {"kicked off"})};
    EXPECT_EQ(matched(list, "KICKED OFF and Kicked Off and kIcKeD oFf"),
              (Found{"KICKED OFF", "Kicked Off", "kIcKeD oFf"}));
}

TEST(LanguageRules, RegularEndingsAndNamedForms) {
    const std::vector<Phrase> list{phrase(1, "kick off", {"kick+ off"}),
                                   phrase(2, "refuse", {"refuse+"}),
                                   phrase(3, "abscond", {"abscond+"}),
                                   phrase(4, "tantrum", {"threw|throws|throwing a tantrum"})};
    EXPECT_EQ(matched(list, "kick off, kicks off, kicked off, kicking off, kickoff"),
              (Found{"kick off", "kicks off", "kicked off", "kicking off"}));
    EXPECT_EQ(matched(list, "refuse refuses refused refusing refusal"),
              (Found{"refuse", "refuses", "refused", "refusing"}));
    EXPECT_EQ(matched(list, "abscond absconds absconded absconding abscondment"),
              (Found{"abscond", "absconds", "absconded", "absconding"}));
    EXPECT_EQ(matched(list, "threw a tantrum; throw a tantrum"), Found{"threw a tantrum"});
}

TEST(LanguageRules, RegularFormsOfAWord) {
    auto has = [](const std::string& word, const std::string& form) {
        auto forms = regular_forms(word);
        return std::find(forms.begin(), forms.end(), form) != forms.end();
    };
    EXPECT_EQ(regular_forms("kick").front(), "kick");
    for (const char* f : {"kicks", "kicked", "kicking"})
        EXPECT_TRUE(has("kick", f)) << f;
    for (const char* f : {"refuses", "refused", "refusing"})
        EXPECT_TRUE(has("refuse", f)) << f;
    for (const char* f : {"stops", "stopped", "stopping"})
        EXPECT_TRUE(has("stop", f)) << f;
    for (const char* f : {"worries", "worried", "worrying"})
        EXPECT_TRUE(has("worry", f)) << f;
    EXPECT_TRUE(has("put", "putting"));
    EXPECT_FALSE(has("kick", "kickking"));
    EXPECT_FALSE(has("play", "plaies"));
}

TEST(LanguageRules, HyphensSpacesAndLineBreaksAlike) {
    const std::vector<Phrase> list{phrase(1, "attention seeking", {"attention seeking"}),
                                   phrase(2, "non-compliant", {"non-compliant"})};
    EXPECT_EQ(matched(list, "attention-seeking"), Found{"attention-seeking"});
    EXPECT_EQ(matched(list, "attention  seeking"), Found{"attention  seeking"});
    EXPECT_EQ(matched(list, "attention\nseeking"), Found{"attention\nseeking"});
    EXPECT_EQ(matched(list, "non compliant and non-compliant"),
              (Found{"non compliant", "non-compliant"}));
    // Anything else between the words is not the phrase.
    EXPECT_EQ(matched(list, "attention, seeking"), Found{});
    EXPECT_EQ(matched(list, "attentionseeking"), Found{});
    EXPECT_EQ(matched(list, "attention \"seeking\""), Found{});
}

TEST(LanguageRules, QuotedSpeechIsTheChildsOwn) {
    const std::vector<Phrase> list{phrase(1, "kicked off", {"kick+ off"})};
    EXPECT_EQ(matched(list, "She said \"I kicked off\" and cried."), Found{});
    EXPECT_EQ(matched(list, "She said \xE2\x80\x9CI kicked off\xE2\x80\x9D and cried."), Found{});
    EXPECT_EQ(matched(list, "She said 'I kicked off' and cried."), Found{});
    EXPECT_EQ(matched(list, "She said \xE2\x80\x98I kicked off\xE2\x80\x99 and cried."), Found{});
    // Outside the quotes the staff member's own words are checked, before and after.
    EXPECT_EQ(matched(list, "He kicked off. He said \"I didn't kick off\". Then kicking off."),
              (Found{"kicked off", "kicking off"}));
    // Apostrophes are not quotation marks.
    EXPECT_EQ(matched(list, "He didn't want tea and kicked off in the boys' room."),
              Found{"kicked off"});
    EXPECT_EQ(matched(list, "It\xE2\x80\x99s Kai\xE2\x80\x99s turn; he kicked off."),
              Found{"kicked off"});
    // A mark never closed quotes only to the end of its line.
    EXPECT_EQ(matched(list, "She said \"I won't\nThen she kicked off."), Found{"kicked off"});
}

TEST(LanguageRules, QuotedSpans) {
    const std::string text = "a \"b c\" d 'e' f\xE2\x80\x9Cg\xE2\x80\x9D don't \"h\ni";
    auto spans = quoted_spans(text);
    ASSERT_EQ(spans.size(), 4u);
    EXPECT_EQ(text.substr(spans[0].first, spans[0].second - spans[0].first), "\"b c\"");
    EXPECT_EQ(text.substr(spans[1].first, spans[1].second - spans[1].first), "'e'");
    EXPECT_EQ(text.substr(spans[2].first, spans[2].second - spans[2].first),
              "\xE2\x80\x9Cg\xE2\x80\x9D");
    EXPECT_EQ(text.substr(spans[3].first, spans[3].second - spans[3].first), "\"h");
}

TEST(LanguageRules, OffsetsAndLengthsAreBytesOfTheText) {
    const std::vector<Phrase> list{phrase(7, "refused", {"refuse+"})};
    const std::string text = "Zo\xC3\xAB (\xE2\x80\x98Z\xE2\x80\x99) REFUSED tea";
    auto found = find_phrases(list, text);
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].phrase.id, 7);
    EXPECT_EQ(found[0].matched, "REFUSED");
    EXPECT_EQ(text.substr(found[0].offset, found[0].length), "REFUSED");
    EXPECT_EQ(found[0].offset, text.find("REFUSED"));
}

TEST(LanguageRules, NotWhenNarrowsAPhrase) {
    const std::vector<Phrase> list{phrase(1, "contact",
                                          {"contact with (his|her) mum|dad", "after contact"},
                                          {"after contact with the|a|his|her"})};
    EXPECT_EQ(matched(list, "after contact she cried"), Found{"after contact"});
    EXPECT_EQ(matched(list, "after contact with the school we spoke"), Found{});
    // The narrower pattern still finds what lies beyond the exception.
    EXPECT_EQ(matched(list, "after contact with her mum"), Found{"contact with her mum"});
    EXPECT_EQ(matched(list, "contact with mum and contact the school"), Found{"contact with mum"});
}

TEST(LanguageRules, OptionalWords) {
    const std::vector<Phrase> list{phrase(1, "contact", {"contact with (his|her) mum"})};
    EXPECT_EQ(matched(list, "contact with mum, contact with her mum, contact with their mum"),
              (Found{"contact with mum", "contact with her mum"}));
}

TEST(LanguageRules, OverlapsAreOneFindingAndTheMoreSpecificPhraseWins) {
    const std::vector<Phrase> list{phrase(1, "refused", {"refuse+"}),
                                   phrase(2, "refused to engage", {"refuse+ to engage"}),
                                   phrase(3, "contact", {"after contact", "contact with mum"})};
    auto found = find_phrases(list, "She refused to engage after contact with mum.");
    ASSERT_EQ(found.size(), 2u);
    EXPECT_EQ(found[0].phrase.id, 2);
    EXPECT_EQ(found[0].matched, "refused to engage");
    EXPECT_EQ(found[1].phrase.id, 3);
    EXPECT_EQ(found[1].matched, "after contact with mum");
    EXPECT_EQ(matched(list, "She refused."), Found{"refused"});
}

TEST(LanguageRules, ThePossessiveIsTheWord) {
    const std::vector<Phrase> list{phrase(1, "LAC", {"lac"}),
                                   phrase(2, "residents", {"residents"})};
    EXPECT_EQ(matched(list, "the LAC's review"), Found{"LAC's"});
    EXPECT_EQ(matched(list, "the residents' meeting"), Found{"residents'"});
    EXPECT_EQ(matched(list, "lacs and lace"), Found{});
}

TEST(LanguageRules, NothingInNothingOut) {
    EXPECT_TRUE(find_phrases(shipped(), "").empty());
    EXPECT_TRUE(find_phrases({}, "kicked off").empty());
    // Bytes that are not UTF-8 are checked like any others, without going past the end.
    EXPECT_EQ(matched(shipped(), std::string("\xFF\xFE kicked off \xC3")), Found{"kicked off"});
}

TEST(LanguagePatterns, RefusedWithAReason) {
    const std::pair<std::string, const char*> refused[] = {
        {"", "needs at least one word"},
        {"   ", "needs at least one word"},
        {"kick++ off", "a + goes only at the end of a word"},
        {"ki+ck", "a + goes only at the end of a word"},
        {"(a b)", "brackets go round one whole word"},
        {"(a", "brackets go round one whole word"},
        {"a)", "brackets go round one whole word"},
        {"a||b", "there is an empty word"},
        {"|a", "there is an empty word"},
        {"'won", "an apostrophe goes inside a word"},
        {"won'", "an apostrophe goes inside a word"},
        {"(only)", "at least one word must not be in brackets"},
        {"kick! off", "'!' cannot be in a word"},
        {"a.b", "'.' cannot be in a word"},
        {"x < y", "'<' cannot be in a word"},
        {std::string(601, 'a'), "characters or fewer"},
        {"a b c d e f g h i j k l m", "a pattern can have at most"},
    };
    for (const auto& [bad, why] : refused) {
        auto p = compile_pattern(bad);
        ASSERT_FALSE(p.ok()) << "\"" << bad << "\" should be refused";
        ASSERT_EQ(p.error().fields.size(), 1u) << bad;
        EXPECT_EQ(p.error().fields.front().field, "pattern") << bad;
        EXPECT_NE(p.error().message.find(why), std::string::npos)
            << "\"" << bad << "\": " << p.error().message << " should say " << why;
    }
}

TEST(LanguagePatterns, ReadAsDocumented) {
    auto p = compile_pattern("Contact with (his|HER) mum|dad+  visit-time");
    ASSERT_TRUE(p.ok()) << p.error().message;
    ASSERT_EQ(p->words.size(), 6u);
    EXPECT_EQ(p->words[0].forms, std::vector<std::string>{"contact"});
    EXPECT_TRUE(p->words[2].optional);
    EXPECT_EQ(p->words[2].forms, (std::vector<std::string>{"her", "his"}));
    EXPECT_FALSE(p->words[3].optional);
    const auto& forms = p->words[3].forms;
    for (const char* f : {"mum", "dad", "dads", "dadded", "dadding"})
        EXPECT_TRUE(std::find(forms.begin(), forms.end(), f) != forms.end()) << f;
    EXPECT_EQ(p->words[5].forms, std::vector<std::string>{"time"});
    EXPECT_TRUE(compile_pattern("won't engage").ok());
}

}  // namespace

}  // namespace language_matcher_test
