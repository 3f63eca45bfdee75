#include "platform/views/views.hpp"

#include <fmt/format.h>

#include <kainjow/mustache.hpp>
#include <memory>
#include <unordered_map>

namespace hearth::views {

namespace mu = kainjow::mustache;

namespace {

mu::data to_data(const nlohmann::json& j) {
    switch (j.type()) {
        case nlohmann::json::value_t::object: {
            mu::data d{mu::data::type::object};
            for (auto& [k, v] : j.items())
                d.set(k, to_data(v));
            return d;
        }
        case nlohmann::json::value_t::array: {
            mu::data d{mu::data::type::list};
            for (auto& v : j)
                d.push_back(to_data(v));
            return d;
        }
        case nlohmann::json::value_t::string:
            return mu::data{j.get<std::string>()};
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

struct Compiled {
    std::unordered_map<std::string, std::unique_ptr<mu::mustache>> templates;
};

Result<mu::mustache*> compiled(const std::string& name) {
    thread_local Compiled cache;
    auto it = cache.templates.find(name);
    if (it != cache.templates.end())
        return it->second.get();
    const auto& all = embedded_templates();
    auto src = all.find(name);
    if (src == all.end())
        return Error::internal("no template named " + name);
    auto t = std::make_unique<mu::mustache>(src->second);
    if (!t->is_valid())
        return Error::internal(fmt::format("template {}: {}", name, t->error_message()));
    auto* raw = t.get();
    cache.templates.emplace(name, std::move(t));
    return raw;
}

}  // namespace

Result<std::string> render(const std::string& name, const nlohmann::json& data) {
    TRY(mu::mustache * t, compiled(name));
    mu::data d = to_data(data.is_object() ? data : nlohmann::json::object());
    // Partials are the templates whose names start with "_", so they never shadow page data.
    for (const auto& [partial_name, text] : embedded_templates()) {
        if (partial_name.empty() || partial_name[0] != '_')
            continue;
        const std::string* body = &text;
        d.set(partial_name, mu::partial{[body]() { return *body; }});
    }
    std::string out = t->render(d);
    if (!t->is_valid())
        return Error::internal(fmt::format("template {}: {}", name, t->error_message()));
    return out;
}

Result<std::string> page(const Frame& frame, const std::string& name, const nlohmann::json& data) {
    TRY(std::string content, render(name, data));
    nlohmann::json layout = {
        {"title", frame.title},
        {"request_id", frame.request_id},
        {"csrf_token", frame.csrf_token},
        {"nav", frame.nav},
        {"demo", frame.demo},
        {"content", content},
    };
    if (frame.person)
        layout["person"] = *frame.person;
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
    if (list.empty())
        list.push_back({{"field", ""}, {"message", error.message}});
    return {{"has_errors", true}, {"errors", list}, {"error_for", by_field}};
}

}  // namespace hearth::views
