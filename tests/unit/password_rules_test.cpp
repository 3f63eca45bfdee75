// NCSC-style password rules: length, not composition; common passwords refused, even decorated.
#include "platform/auth/password_rules.hpp"

#include <gtest/gtest.h>

// Each test file's own names, apart from the others built beside it (tests/CMakeLists.txt).
namespace password_rules_test {

using namespace hearth;

namespace {

const char* const email = "sam.carter@example.org";

std::string refusal(std::string_view password, std::string_view for_email = email) {
    Status s = check_new_password(password, for_email, "new_password");
    if (s.ok())
        return {};
    EXPECT_EQ(s.error().kind, ErrorKind::invalid_input);
    EXPECT_EQ(s.error().fields.size(), 1u);
    if (!s.error().fields.empty()) {
        EXPECT_EQ(s.error().fields.front().field, "new_password");
    }
    return s.error().message;
}

bool mentions(const std::string& message, const char* word) {
    return message.find(word) != std::string::npos;
}

TEST(PasswordRules, AGoodPassphraseIsAccepted) {
    EXPECT_EQ(refusal("warm-kettle-blue-door"), "");
    EXPECT_EQ(refusal("orange tractor sings loudly"), "");
    EXPECT_EQ(refusal("correcthorsebattery"), "");  // no digits or symbols demanded
    EXPECT_EQ(refusal("ÉtéÀLaPlage"), "");          // 11 characters, more bytes
}

TEST(PasswordRules, LengthIsTheRule) {
    EXPECT_TRUE(mentions(refusal("short"), "at least 10 characters"));
    EXPECT_TRUE(mentions(refusal("nine-char"), "at least 10 characters"));
    EXPECT_EQ(refusal("ten-chars!"), "");
    // Characters, not bytes: nine accented letters are still too short.
    EXPECT_TRUE(mentions(refusal("ééééééééé"), "at least 10 characters"));
    // Built with append rather than operator+: GCC 12's -Warray-bounds misfires on the latter at
    // -O2.
    std::string longest(password_max_length - 1, 'x');
    longest.append("y");
    EXPECT_EQ(refusal(longest), "");
    std::string too_long(password_max_length + 1, 'z');
    too_long.append("y");
    EXPECT_TRUE(mentions(refusal(too_long), "or fewer"));
}

TEST(PasswordRules, CommonPasswordsAreRefused) {
    for (const char* p : {"1234567890", "qwertyuiop", "password123", "Password123", "PASSWORD12"}) {
        EXPECT_TRUE(mentions(refusal(p), "too common")) << p;
    }
}

TEST(PasswordRules, DecoratedCommonPasswordsAreRefused) {
    for (const char* p : {"Password2026!", "password!!!!", "!!Password!!", "2026qwerty2026",
                          "Letmein12345", "ILoveYou!2026"}) {
        EXPECT_TRUE(mentions(refusal(p), "too common")) << p;
    }
    EXPECT_TRUE(mentions(refusal("aaaaaaaaaaaa"), "too common"));
}

TEST(PasswordRules, TheirOwnEmailIsRefused) {
    EXPECT_TRUE(mentions(refusal("sam.carter-rules-ok"), "email"));
    EXPECT_TRUE(mentions(refusal("XSAM.CARTERX123"), "email"));
    // A short local part is not a meaningful match.
    EXPECT_EQ(refusal("jo-likes-long-walks", "jo@example.org"), "");
}

TEST(PasswordRules, TheServiceNameIsRefused) {
    EXPECT_TRUE(mentions(refusal("hearth2026!!"), "name of this service"));
    EXPECT_EQ(refusal("hearth-and-home-forever"), "");
}

}  // namespace

}  // namespace password_rules_test
