#pragma once
// NCSC-style: length, not composition; refuse the passwords people commonly choose.
#include <string_view>

#include "platform/result.hpp"

namespace hearth {

constexpr std::size_t password_min_length = 10;
constexpr std::size_t password_max_length = 256;

// `field` names the form field that holds the password, for the error message.
Status check_new_password(std::string_view password, std::string_view email,
                          std::string_view field);

}  // namespace hearth
