#pragma once
// What a form shown again after a refused save carries (see FormAgain in router.hpp): what was
// typed, and the version of the record it is now written against. After a conflict that is the
// version now current, which the person is about to see; after invalid input it is still the one
// they read, so a second save is checked against the same record.
#include <nlohmann/json.hpp>

#include "platform/http/router.hpp"

namespace hearth::http {

int version_again(const Context& ctx, const Error& e, int current);

nlohmann::json typed_again(const Context& ctx, const Error& e, int current);

}  // namespace hearth::http
