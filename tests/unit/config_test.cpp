#include "platform/config.hpp"

#include <gtest/gtest.h>

#include <utility>

// Each test file's own names, apart from the others built beside it (tests/CMakeLists.txt).
namespace config_test {

using namespace hearth;

// Found by tests/fuzz/settings.cpp: a control character in a text setting was taken, and a NUL cut
// the time zone or the database's file name short where they are handed on to C.
TEST(Settings, RefuseControlCharactersInText) {
    Config config;
    const Status read =
        apply_toml(config, "time_zone = \"Europe/London\\u0000Paris\"\n", "hearth.toml");
    ASSERT_FALSE(read.ok());
    EXPECT_EQ(read.error().fields.at(0).field, "time_zone");
    EXPECT_EQ(read.error().message,
              "hearth.toml: time_zone has a control character (a line break, tab or NUL) in it");
    EXPECT_FALSE(apply_setting(config, "log_level", "info\n", "HEARTH_LOG_LEVEL").ok());
    EXPECT_EQ(config.time_zone, "Europe/London");
    EXPECT_EQ(config.log_level, "info");
}

// Found by tests/fuzz/settings.cpp: toml++ 3.3.0 reaches __builtin_unreachable (undefined
// behaviour) on a character beyond ASCII in many places, some of them inside quotes.
TEST(Settings, RefuseCharactersBeyondAscii) {
    Config config;
    const std::pair<const char*, const char*> beyond[] = {
        {"port = 8080\n\xC3\xA9 = 1\n", "hearth.toml: line 2: "},
        {"port = 8080 \xE2\x80\x94\n", "hearth.toml: line 1: "},
        {"web_dir = \"\"\"/srv/\\\xC3\xA9\"\"\"\n", "hearth.toml: line 1: "},
        {"time_zone = Europe'\xEF\xB3\xBF'\n", "hearth.toml: line 1: "},
        {"port = 0['''\xEF\xBA\xBF'''\n", "hearth.toml: line 1: "},
        {"t =[6tes=''''V\xEF\xBB\xB7'\n", "hearth.toml: line 1: "},
        {"# Caf\xC3\xA9\n", "hearth.toml: line 1: "},
        {"\n\ndatabase = \"sqlite:var/caf\xC3\xA9.db\"\n", "hearth.toml: line 3: "},
    };
    for (const auto& [text, where] : beyond) {
        const Status read = apply_toml(config, text, "hearth.toml");
        ASSERT_FALSE(read.ok()) << text;
        EXPECT_EQ(read.error().message,
                  std::string(where) + "a settings file may hold only ASCII characters");
    }
    const Status read = apply_toml(config,
                                   "# The \"demo\" 'home'\n"
                                   "database = \"sqlite:var/demo \\\"1\\\".db\" # a comment\n"
                                   "public_url = 'https://hearth.example.org'\n"
                                   "web_dir = \"\"\"/srv/\"h\"/web\"\"\"\n"
                                   "log_level = '''warn'''\n",
                                   "hearth.toml");
    ASSERT_TRUE(read.ok()) << read.error().message;
    EXPECT_EQ(config.database, "sqlite:var/demo \"1\".db");
    EXPECT_EQ(config.web_dir, "/srv/\"h\"/web");
    // The byte order mark some editors put at the start of a file is not a stray character.
    EXPECT_TRUE(apply_toml(config, "\xEF\xBB\xBFport = 8081\n", "hearth.toml").ok());
    EXPECT_EQ(config.port, 8081);
}

// Found by tests/fuzz/settings.cpp: toml++ 3.3.0 turns a float too large for a whole number into
// one with an undefined cast (port = 7e60), and Debian's build happens to refuse it for the wrong
// reason.
TEST(Settings, ReadAFloatAsTheNumberItIs) {
    Config config;
    const Status huge = apply_toml(config, "port = 7e60\n", "hearth.toml");
    ASSERT_FALSE(huge.ok());
    EXPECT_EQ(
        huge.error().message,
        "hearth.toml: port = \"7e+60\" is not valid: TCP port to listen on; 0 picks a free one "
        "(0..65535)");
    EXPECT_FALSE(apply_toml(config, "port = 80.5\n", "hearth.toml").ok());
    ASSERT_TRUE(apply_toml(config, "port = 8081.0\n", "hearth.toml").ok());
    EXPECT_EQ(config.port, 8081);
}

}  // namespace config_test
