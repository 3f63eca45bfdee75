// The JSON reader: an API client's body, read strictly (no NUL, nothing after the document, no key
// twice) into the same FormData a form becomes, then by the pages' rules.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "property.hpp"
#include "read_as_page.hpp"

using namespace hearth;

namespace {

bool accepted(std::string_view body) {
    return http::FormData::from_json(body).ok();
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    set_display_zone("Europe/London");
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view body(reinterpret_cast<const char*>(data), size);
    const auto form = http::FormData::from_json(body);
    if (!form.ok()) {
        return 0;
    }
    fuzz::holds(http::valid_utf8(body) && body.find('\0') == std::string_view::npos,
                "an accepted body is UTF-8 with no NUL byte");
    const auto doc = nlohmann::json::parse(body);
    fuzz::holds(doc.is_object() && doc.size() == form->values().size(),
                "an accepted body is an object, each of its keys one field");
    for (const auto& [key, value] : doc.items()) {
        const http::FormValue* field = form->find(key);
        fuzz::holds(field != nullptr, "every key of the document is a field");
        fuzz::holds(!value.is_string() || field->text == value.get<std::string>(),
                    "a string is read as it was sent");
        fuzz::holds(!value.is_array() || field->list.size() == value.size(),
                    "a list is read whole");
    }
    // The document as Hearth itself writes it reads the same: nothing depends on how it was spelt.
    const std::string again = doc.dump();
    const auto reread = http::FormData::from_json(again);
    fuzz::holds(reread.ok() && reread->typed_values() == form->typed_values(),
                "the document written out again reads the same");
    fuzz::holds(!accepted(again + std::string(1, '\0') + "{}"),
                "a NUL byte and anything after the document are refused");
    if (!doc.empty()) {
        const std::string first_key = nlohmann::json(doc.begin().key()).dump();
        fuzz::holds(!accepted("{" + first_key + ":null," + again.substr(1)),
                    "a key given twice is refused");
        const auto one_item = http::FormData::from_json("{" + first_key + ":[\"x\"]}");
        fuzz::holds(one_item.ok(), "a list of one text reads as a list");
        http::FormReader reader(one_item.value());
        reader.text(doc.begin().key(), "the field");
        fuzz::holds(!reader.finish().ok(), "a list of one is not taken for a single text");
    }
    fuzz::read_as_page(form.value());
    return 0;
}
