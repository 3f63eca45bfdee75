// The form reader: a urlencoded body as any client may send it, read by the pages' rules.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "property.hpp"
#include "read_as_page.hpp"

using namespace hearth;

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    set_display_zone("Europe/London");
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view body(reinterpret_cast<const char*>(data), size);
    const auto form = http::FormData::from_urlencoded(body);
    if (!form.ok()) {
        return 0;
    }
    for (const auto& [name, value] : form->values()) {
        fuzz::holds(http::valid_utf8(name), "a field's name is UTF-8");
        for (const auto& item : value.list) {
            fuzz::holds(http::valid_utf8(item), "a field's value is UTF-8");
        }
        fuzz::holds(
            value.type == http::FormValue::Type::text || value.type == http::FormValue::Type::list,
            "a form's field is text or, given twice, a list");
        fuzz::holds(!value.list.empty() && value.text == value.list.front(),
                    "a form's field keeps its first value");
    }
    fuzz::read_as_page(form.value());
    return 0;
}
