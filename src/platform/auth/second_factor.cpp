#include "platform/auth/second_factor.hpp"

#include <liboath/oath.h>

#include <algorithm>
#include <cctype>
#include <mutex>

#include "platform/crypto.hpp"

namespace hearth::second_factor {

namespace {
void start_liboath() {
    static std::once_flag once;
    std::call_once(once, [] { oath_init(); });
}

std::time_t seconds_of(Timestamp at) {
    return static_cast<std::time_t>(
        std::chrono::duration_cast<std::chrono::seconds>(at.time_since_epoch()).count());
}

std::string url_escaped(std::string_view s) {
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out;
    for (const char ch : s) {
        const auto u = static_cast<unsigned char>(ch);
        if (std::isalnum(u) || ch == '-' || ch == '.' || ch == '_' || ch == '~' || ch == '@') {
            out += ch;
        } else {
            out += '%';
            out += hex[u >> 4];
            out += hex[u & 0xF];
        }
    }
    return out;
}

std::string base32(std::string_view bytes) {
    start_liboath();
    char* out = nullptr;
    std::size_t length = 0;
    if (oath_base32_encode(bytes.data(), bytes.size(), &out, &length) != OATH_OK) {
        return {};
    }
    std::string text(out, length);
    free(out);  // NOLINT(cppcoreguidelines-no-malloc): liboath allocates with malloc
    text.erase(std::remove(text.begin(), text.end(), '='), text.end());
    return text;
}
}  // namespace

Required required_for(const Person& person, bool for_everyone) {
    std::vector<std::int64_t> homes;
    for (const auto& m : person.memberships) {
        // A social worker sees the homes their allocated children live in.
        if (m.role == Role::social_worker) {
            continue;
        }
        if (is_organisation_wide(m.role) || !m.home_id) {
            return Required::several_homes;
        }
        if (std::find(homes.begin(), homes.end(), *m.home_id) == homes.end()) {
            homes.push_back(*m.home_id);
        }
    }
    if (homes.size() > 1 || person.allocated_homes > 1) {
        return Required::several_homes;
    }
    if (person.second_factor_required) {
        return Required::by_administrator;
    }
    return for_everyone ? Required::everyone : Required::no;
}

std::string_view required_words(Required why) {
    switch (why) {
        case Required::several_homes:
            return "Required: this account sees more than one home";
        case Required::by_administrator:
            return "Required by an administrator";
        case Required::everyone:
            return "Required of everyone in the organisation";
        case Required::no:
            break;
    }
    return "Not required";
}

std::string new_secret() {
    return crypto::random_bytes(secret_bytes);
}

std::string typed_key(std::string_view secret) {
    const std::string key = base32(secret);
    std::string out;
    for (std::size_t i = 0; i < key.size(); ++i) {
        if (i > 0 && i % 4 == 0) {
            out += ' ';
        }
        out += key[i];
    }
    return out;
}

std::string setup_address(std::string_view email, std::string_view secret) {
    return "otpauth://totp/Hearth:" + url_escaped(email) + "?secret=" + base32(secret) +
           "&issuer=Hearth&algorithm=SHA1&digits=" + std::to_string(code_digits) +
           "&period=" + std::to_string(step_seconds);
}

std::int64_t step_of(Timestamp at) {
    return static_cast<std::int64_t>(seconds_of(at)) / step_seconds;
}

std::string code_at(std::string_view secret, Timestamp at) {
    start_liboath();
    char code[code_digits + 1] = {};
    if (oath_totp_generate(secret.data(), secret.size(), seconds_of(at), step_seconds, 0,
                           code_digits, code) != OATH_OK) {
        return {};
    }
    return code;
}

std::optional<std::int64_t> accepted_step(std::string_view secret, std::string_view typed,
                                          Timestamp now, std::int64_t last_step) {
    std::string code;
    for (const char ch : typed) {
        if (std::isdigit(static_cast<unsigned char>(ch))) {
            code += ch;
        } else if (ch != ' ' && ch != '-') {
            return std::nullopt;
        }
    }
    if (code.size() != code_digits) {
        return std::nullopt;
    }
    start_liboath();
    int position = 0;
    std::uint64_t counter = 0;
    const int found = oath_totp_validate3(secret.data(), secret.size(), seconds_of(now),
                                          step_seconds, 0, 1, &position, &counter, code.c_str());
    if (found < 0 || static_cast<std::int64_t>(counter) <= last_step) {
        return std::nullopt;
    }
    return static_cast<std::int64_t>(counter);
}

std::vector<std::string> new_recovery_codes() {
    static constexpr std::string_view letters = "abcdefghijkmnpqrstuvwxyz23456789";
    std::vector<std::string> codes;
    for (int i = 0; i < recovery_code_count; ++i) {
        const std::string bytes = crypto::random_bytes(10);
        std::string code;
        for (std::size_t j = 0; j < bytes.size(); ++j) {
            if (j == 5) {
                code += '-';
            }
            code += letters[static_cast<unsigned char>(bytes[j]) % letters.size()];
        }
        codes.push_back(code);
    }
    return codes;
}

std::string recovery_code_key(std::string_view typed) {
    std::string out;
    for (const char ch : typed) {
        if (ch != ' ' && ch != '-') {
            out += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        }
    }
    return out;
}

}  // namespace hearth::second_factor
