// "A new version shows what changed": the word-level difference between two texts, found as the
// longest common subsequence of their words.
#include "plans/word_changes.hpp"

#include <gtest/gtest.h>

// Each test file's own names, apart from the others built beside it (tests/CMakeLists.txt).
namespace word_changes_test {

using namespace hearth::plans;
using Kind = WordChange::Kind;

namespace {

// A compact picture of the pieces: "=kept -removed +added |" (a line break is "|").
std::string picture(const std::vector<WordChange>& changes) {
    std::string out;
    for (const auto& c : changes) {
        if (!out.empty())
            out += " ";
        switch (c.kind) {
            case Kind::kept:
                out += "=" + c.text;
                break;
            case Kind::removed:
                out += "-" + c.text;
                break;
            case Kind::added:
                out += "+" + c.text;
                break;
            case Kind::line_break:
                out += "|";
                break;
        }
    }
    return out;
}

std::string diff(std::string_view a, std::string_view b) {
    return picture(word_changes(a, b));
}

TEST(WordChanges, IdenticalTextsAreOneKeptPiece) {
    auto same = word_changes("Give her time and a choice", "Give her time and a choice");
    EXPECT_EQ(picture(same), "=Give her time and a choice");
    EXPECT_FALSE(has_changes(same));
}

TEST(WordChanges, EmptyTexts) {
    EXPECT_EQ(diff("", ""), "");
    EXPECT_FALSE(has_changes(word_changes("", "")));
    EXPECT_EQ(diff("", "A new section"), "+A new section");
    EXPECT_EQ(diff("An old section", ""), "-An old section");
    EXPECT_TRUE(has_changes(word_changes("", "x")));
}

TEST(WordChanges, AReplacedWordIsRemovedThenAdded) {
    EXPECT_EQ(diff("the cat sat on the mat", "the dog sat on the mat"),
              "=the -cat +dog =sat on the mat");
}

TEST(WordChanges, InsertionsAndDeletionsKeepTheWordsAround) {
    EXPECT_EQ(diff("Sit beside her", "Sit quietly beside her"), "=Sit +quietly =beside her");
    EXPECT_EQ(diff("Sit quietly beside her", "Sit beside her"), "=Sit -quietly =beside her");
    EXPECT_EQ(diff("a b c d e", "a c e"), "=a -b =c -d =e");
    EXPECT_EQ(diff("a c e", "a b c d e"), "=a +b =c +d =e");
}

TEST(WordChanges, FindsTheLongestCommonSubsequenceNotTheFirstMatch) {
    // A greedy match of "a" to the first "a" would lose "b c d"; the longest keeps four words.
    EXPECT_EQ(diff("a b c d", "x a y b c d"), "+x =a +y =b c d");
    EXPECT_EQ(diff("b c d a", "a b c d"), "+a =b c d -a");
    // Repeated words: the longest common subsequence is "the the" plus "mat".
    EXPECT_EQ(diff("the mat the cat", "the the mat"), "=the -mat =the -cat +mat");
}

TEST(WordChanges, NeighbouringWordsOfOneKindArePiecedTogether) {
    EXPECT_EQ(diff("one two three four five", "one six seven five"),
              "=one -two three four +six seven =five");
}

TEST(WordChanges, WhiteSpaceIsNotAChangeButLineBreaksKeepTheListsShape) {
    EXPECT_EQ(diff("Give  her\ttime", "Give her time"), "=Give her time");
    EXPECT_FALSE(has_changes(word_changes("Give  her\ttime", "Give her time")));
    EXPECT_EQ(diff("Sketchbook\nHeadphones", "Sketchbook\nHeadphones\nA window seat"),
              "=Sketchbook | =Headphones | +A window seat");
    // Blank lines, and breaks at either end, are one break or none.
    EXPECT_EQ(diff("\n\nA\n\n\nB\n", "A\nB"), "=A | =B");
    // A line break the newer text dropped is not drawn, and is not a change of words.
    EXPECT_EQ(diff("A\nB", "A B"), "=A B");
    EXPECT_FALSE(has_changes(word_changes("A\nB", "A B")));
}

TEST(WordChanges, WordsInAnyScriptStayWhole) {
    EXPECT_EQ(diff("Noor likes café visits", "Noor likes café trips — weekly"),
              "=Noor likes café -visits +trips — weekly");
}

TEST(WordChanges, TextsTooLongToCompareComeOutAsTheMiddleReplaced) {
    // With room for only a few word pairs, the shared start and end are still kept.
    EXPECT_EQ(picture(word_changes("a b c d e z", "a x c y e z", 4)), "=a -b c d +x c y =e z");
    EXPECT_EQ(picture(word_changes("a b c d e z", "a x c y e z")), "=a -b +x =c -d +y =e z");
    // The same large texts in both: the shared start covers them, no table is needed.
    std::string big;
    for (int i = 0; i < 5000; ++i)
        big += "word" + std::to_string(i) + " ";
    auto changes = word_changes(big, big + "more", 10);
    ASSERT_EQ(changes.size(), 2u);
    EXPECT_EQ(changes[0].kind, Kind::kept);
    EXPECT_EQ(changes[1].kind, Kind::added);
    EXPECT_EQ(changes[1].text, "more");
}

TEST(WordChanges, JoiningTheKeptAndAddedPiecesGivesTheNewerText) {
    const std::string before = "Stay calm and keep your voice low\nOffer a choice\nTime alone";
    const std::string after =
        "Stay calm, keep your voice low\nOffer a choice of two\nTime with Chris";
    std::string rebuilt_after, rebuilt_before;
    for (const auto& c : word_changes(before, after)) {
        if (c.kind == Kind::line_break) {
            rebuilt_after += "\n";
            continue;
        }
        auto& a = rebuilt_after;
        auto& b = rebuilt_before;
        if (c.kind != Kind::removed)
            a += (a.empty() || a.back() == '\n' ? "" : " ") + c.text;
        if (c.kind != Kind::added)
            b += (b.empty() ? "" : " ") + c.text;
    }
    EXPECT_EQ(rebuilt_after, after);
    EXPECT_EQ(rebuilt_before, "Stay calm and keep your voice low Offer a choice Time alone");
}

}  // namespace

}  // namespace word_changes_test
