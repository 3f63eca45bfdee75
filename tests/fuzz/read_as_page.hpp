#pragma once
// Reads a form by the rules the pages use, and checks what the reader let through. The form and
// JSON targets share it: both kinds of body become the same FormData.
#include "platform/http/form.hpp"

namespace hearth::fuzz {

void read_as_page(const http::FormData& form);

}  // namespace hearth::fuzz
