// The matcher over the list Hearth ships: sentences a support worker might write that must be
// flagged (with the phrase that must be found), and sentences that must not be. Then the rules
// that each must fail if broken: whole words, case, inflections, hyphens, quoted speech, and the
// list's own narrowing (not_when).
#include "language/matcher.hpp"

#include <gtest/gtest.h>

#include "language/pattern.hpp"
#include "language/phrase.hpp"

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
        EXPECT_TRUE(ok) << "\"" << c.sentence << "\" should flag " << c.phrase << " ["
                        << c.matched << "]; found: " << phrases_found(c.sentence);
    }
}

TEST(LanguageMatcher, LeavesAloneWhatItMust) {
    for (const char* sentence : must_not_flag) {
        EXPECT_EQ(phrases_found(sentence), "") << "\"" << sentence << "\"";
    }
}

}  // namespace
