#include "platform/views/views.hpp"

#include <fmt/format.h>

#include <kainjow/mustache.hpp>
#include <memory>
#include <regex>
#include <unordered_map>

namespace hearth::views {

namespace mu = kainjow::mustache;

namespace {

// An empty container of the JSON value's kind, or the scalar itself, as mustache data.
mu::data shell_of(const nlohmann::json& j) {
    switch (j.type()) {
        case nlohmann::json::value_t::object:
            return mu::data{mu::data::type::object};
        case nlohmann::json::value_t::array:
            return mu::data{mu::data::type::list};
        case nlohmann::json::value_t::string:
            // An empty string is false, as mustache's other implementations have it, so that
            // {{#note}}...{{/note}} shows nothing when there is no note. It renders as nothing.
            if (j.get_ref<const std::string&>().empty()) {
                return mu::data{mu::data::type::bool_false};
            }
            return mu::data{j.get_ref<const std::string&>()};
        case nlohmann::json::value_t::boolean:
            return j.get<bool>() ? mu::data{mu::data::type::bool_true}
                                 : mu::data{mu::data::type::bool_false};
        case nlohmann::json::value_t::number_integer:
        case nlohmann::json::value_t::number_unsigned:
            return mu::data{j.dump()};
        case nlohmann::json::value_t::number_float:
            return mu::data{fmt::format("{:.1f}", j.get<double>())};
        default:
            return mu::data{mu::data::type::bool_false};
    }
}

// Fills `out` (made by shell_of(j)) in place. kainjow's set() and push_back() copy what they are
// given, so a tree built bottom-up would be copied once for every level it sits under; here each
// child goes in empty and is filled where it lies. The const_cast is sound: get() and
// list_value() return views of data that `out` owns and that is not const.
void fill(mu::data& out, const nlohmann::json& j) {
    if (j.is_object()) {
        for (const auto& [k, v] : j.items()) {
            out.set(k, shell_of(v));
            if (v.is_structured()) {
                fill(const_cast<mu::data&>(*out.get(k)), v);
            }
        }
    } else if (j.is_array()) {
        for (const auto& v : j) {
            out.push_back(shell_of(v));
            if (v.is_structured()) {
                fill(const_cast<mu::data&>(out.list_value().back()), v);
            }
        }
    }
}

mu::data to_data(const nlohmann::json& j) {
    mu::data d = shell_of(j);
    fill(d, j);
    return d;
}

// A template with its partials ({{> _name}}) written into it, recursively, before it is compiled:
// kainjow parses a partial again every time it is rendered, and _field alone is rendered dozens
// of times a page. A partial is rendered in its caller's context either way.
std::string with_partials(const std::string& text, int depth = 0) {
    static const std::regex partial(R"(\{\{>\s*(_[A-Za-z0-9_]+)\s*\}\})");
    const auto& all = embedded_templates();
    std::string out;
    auto begin = std::sregex_iterator(text.begin(), text.end(), partial);
    std::size_t last = 0;
    for (auto it = begin; it != std::sregex_iterator(); ++it) {
        const auto& m = *it;
        out.append(text, last, static_cast<std::size_t>(m.position(0)) - last);
        auto found = all.find(m[1].str());
        if (found != all.end() && depth < 8) {
            out += with_partials(found->second, depth + 1);
        } else {
            out += m.str(0);
        }
        last = static_cast<std::size_t>(m.position(0) + m.length(0));
    }
    out.append(text, last, std::string::npos);
    return out;
}

struct Compiled {
    std::unordered_map<std::string, std::unique_ptr<mu::mustache>> templates;
};

Result<mu::mustache*> compiled(const std::string& name) {
    thread_local Compiled cache;
    auto it = cache.templates.find(name);
    if (it != cache.templates.end()) {
        return it->second.get();
    }
    const auto& all = embedded_templates();
    auto src = all.find(name);
    if (src == all.end()) {
        return Error::internal("no template named " + name);
    }
    auto t = std::make_unique<mu::mustache>(with_partials(src->second));
    if (!t->is_valid()) {
        return Error::internal(fmt::format("template {}: {}", name, t->error_message()));
    }
    auto* raw = t.get();
    cache.templates.emplace(name, std::move(t));
    return raw;
}

}  // namespace

Result<std::string> render(const std::string& name, const nlohmann::json& data) {
    mu::mustache* t = TRY(compiled(name));
    const mu::data d = to_data(data.is_object() ? data : nlohmann::json::object());
    std::string out = t->render(d);
    if (!t->is_valid()) {
        return Error::internal(fmt::format("template {}: {}", name, t->error_message()));
    }
    return out;
}

Result<std::string> page(const Frame& frame, const std::string& name, const nlohmann::json& data) {
    std::string content = TRY(render(name, data));
    nlohmann::json layout = {
        {"title", frame.title},
        {"request_id", frame.request_id},
        {"csrf_token", frame.csrf_token},
        {"nav", frame.nav},
        {"demo", frame.demo},
        {"content", content},
    };
    if (frame.person) {
        layout["person"] = *frame.person;
    }
    if (frame.session_expires_in_seconds) {
        layout["session"] = {{"expires_in", *frame.session_expires_in_seconds},
                             {"warn_before", frame.session_warn_before_seconds}};
    }
    return render("layout", layout);
}

nlohmann::json errors_view(const Error& error) {
    nlohmann::json list = nlohmann::json::array();
    nlohmann::json by_field = nlohmann::json::object();
    for (const auto& f : error.fields) {
        list.push_back({{"field", f.field}, {"message", f.message}});
        by_field[f.field] = f.message;
    }
    if (list.empty()) {
        list.push_back({{"field", ""}, {"message", error.message}});
    }
    return {{"has_errors", true}, {"errors", list}, {"error_for", by_field}};
}

}  // namespace hearth::views
