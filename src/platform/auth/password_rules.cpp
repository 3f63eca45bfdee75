#include "platform/auth/password_rules.hpp"

#include <algorithm>
#include <cctype>
#include <sstream>
#include <string>
#include <unordered_set>

namespace hearth {

extern const char* const common_passwords_text;  // generated from data/common-passwords.txt

namespace {
const std::unordered_set<std::string>& common_passwords() {
    static const std::unordered_set<std::string> words = [] {
        std::unordered_set<std::string> out;
        std::istringstream in(common_passwords_text);
        for (std::string line; std::getline(in, line);) {
            if (!line.empty() && line[0] != '#') {
                out.insert(line);
            }
        }
        return out;
    }();
    return words;
}

std::size_t characters(std::string_view s) {
    return static_cast<std::size_t>(std::count_if(
        s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

std::string lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

// "Password2026!" is "password" with decoration; people add digits and symbols to the end.
std::string undecorated(std::string s) {
    while (!s.empty() && !std::isalpha(static_cast<unsigned char>(s.back()))) {
        s.pop_back();
    }
    while (!s.empty() && !std::isalpha(static_cast<unsigned char>(s.front()))) {
        s.erase(0, 1);
    }
    return s;
}

bool single_character_repeated(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [&](char c) { return c == s[0]; });
}
}  // namespace

Status check_new_password(std::string_view password, std::string_view email,
                          std::string_view field) {
    const std::string f(field);
    const auto n = characters(password);
    if (n < password_min_length) {
        return Error::invalid(
            f, "Password must be at least " + std::to_string(password_min_length) +
                   " characters long. A few ordinary words together make a good one.");
    }
    if (n > password_max_length) {
        return Error::invalid(
            f, "Password must be " + std::to_string(password_max_length) + " characters or fewer");
    }
    const std::string low = lower(password);
    const auto& common = common_passwords();
    if (common.count(low) || common.count(undecorated(low)) || single_character_repeated(low)) {
        return Error::invalid(f,
                              "Password is too common and easy to guess. Choose another, such as "
                              "three random words.");
    }
    std::string local = lower(email.substr(0, email.find('@')));
    if (local.size() >= 4 && low.find(local) != std::string::npos) {
        return Error::invalid(f, "Password must not contain your email address");
    }
    if (low.find("hearth") != std::string::npos && characters(undecorated(low)) <= 8) {
        return Error::invalid(f, "Password must not be the name of this service");
    }
    return {};
}

}  // namespace hearth
