#pragma once
// The second factor (docs/decisions/0005-sign-in-and-sessions.md, second factor): a time-based
// one-time code, RFC 6238 as every authenticator app computes it (HMAC-SHA-1, six digits, a new
// code each 30 seconds; liboath), and single-use recovery codes for a lost phone. Pure rules here;
// what is stored is in second_factor_store.hpp.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "platform/auth/permissions.hpp"
#include "platform/clock.hpp"
#include "platform/result.hpp"

namespace hearth::second_factor {

constexpr int step_seconds = 30;
constexpr int code_digits = 6;
constexpr std::size_t secret_bytes = 20;  // RFC 4226's recommended 160 bits
constexpr int recovery_code_count = 10;

// Why a person must have a second factor, if they must.
enum class Required { no, several_homes, by_administrator, everyone };
// Someone who sees more than one home (the provider administrator and the responsible individual,
// roles in two homes or more, a social worker whose allocated children live in two homes or more)
// must; so must anyone an administrator requires it of, and everyone when the setting says so.
Required required_for(const Person& person, bool for_everyone);
std::string_view required_words(Required why);

std::string new_secret();  // secret_bytes random bytes
// The secret as an authenticator app is given it to type: base32 in groups of four.
std::string typed_key(std::string_view secret);
// The otpauth:// address a QR code carries (Google Authenticator's key URI format, which every app
// reads): issuer "Hearth", the person's email as the account.
std::string setup_address(std::string_view email, std::string_view secret);

// The code for the time step containing `at`.
std::string code_at(std::string_view secret, Timestamp at);
// The time step a typed code belongs to, when it is right now or one step either side (for a
// phone's clock a little out) and later than `last_step`: a code that worked once never works
// again (RFC 6238 section 5.2).
std::optional<std::int64_t> accepted_step(std::string_view secret, std::string_view typed,
                                          Timestamp now, std::int64_t last_step);
std::int64_t step_of(Timestamp at);

// Ten new recovery codes, each ten letters and digits as "abcde-23456" (no 0, 1, o or l).
std::vector<std::string> new_recovery_codes();
// What a typed recovery code is compared as: lower case, without spaces or hyphens.
std::string recovery_code_key(std::string_view typed);

}  // namespace hearth::second_factor
