#include "children/export/export_sections.hpp"

#include <stdexcept>

#include "platform/clock.hpp"

namespace hearth::children {

void ExportSections::add(ExportSection section) {
    for (const auto& s : sections_) {
        if (s.key == section.key) {
            throw std::logic_error("two export sections are called " + section.key);
        }
    }
    sections_.push_back(std::move(section));
}

namespace export_blocks {

nlohmann::json heading(const std::string& text) {
    return {{"is_heading", true}, {"text", text}};
}

nlohmann::json paragraph(const std::string& text) {
    return {{"is_paragraph", true}, {"text", text}};
}

nlohmann::json fields(const std::vector<std::pair<std::string, std::string>>& rows) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& [label, value] : rows) {
        list.push_back({{"label", label},
                        {"value", value.empty() ? "Not recorded" : value},
                        {"missing", value.empty()}});
    }
    return {{"is_fields", true}, {"rows", list}};
}

nlohmann::json table(const std::string& caption, const std::vector<std::string>& columns,
                     const std::vector<std::vector<std::string>>& rows) {
    nlohmann::json body = nlohmann::json::array();
    for (const auto& row : rows) {
        nlohmann::json cells = nlohmann::json::array();
        for (const auto& cell : row) {
            cells.push_back({{"text", cell}});
        }
        body.push_back({{"cells", cells}});
    }
    nlohmann::json heads = nlohmann::json::array();
    for (const auto& c : columns) {
        heads.push_back({{"text", c}});
    }
    return {{"is_table", true},
            {"caption", caption},
            {"columns", heads},
            {"rows", body},
            {"empty", rows.empty()}};
}

namespace {
// "date_of_birth" -> "Date of birth"
std::string label_of(const std::string& key) {
    std::string out = key;
    for (auto& c : out) {
        if (c == '_') {
            c = ' ';
        }
    }
    if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') {
        out[0] = static_cast<char>(out[0] - 'a' + 'A');
    }
    return out;
}

std::string text_of(const nlohmann::json& v) {
    if (v.is_string()) {
        return v.get<std::string>();
    }
    if (v.is_boolean()) {
        return v.get<bool>() ? "Yes" : "No";
    }
    if (v.is_null()) {
        return "";
    }
    return v.dump();
}

bool is_plain(const nlohmann::json& v) {
    return !v.is_object() && !v.is_array();
}

void add_blocks(const nlohmann::json& content, const std::string& title, nlohmann::json& out,
                int depth) {
    if (content.is_object()) {
        std::vector<std::pair<std::string, std::string>> rows;
        std::vector<std::pair<std::string, const nlohmann::json*>> nested;
        for (const auto& [k, v] : content.items()) {
            if (is_plain(v)) {
                rows.emplace_back(label_of(k), text_of(v));
            } else {
                nested.emplace_back(k, &v);
            }
        }
        if (!title.empty() && depth > 0) {
            out.push_back(heading(title));
        }
        if (!rows.empty()) {
            out.push_back(fields(rows));
        }
        for (const auto& [k, v] : nested) {
            add_blocks(*v, label_of(k), out, depth + 1);
        }
        return;
    }
    if (content.is_array()) {
        if (!title.empty() && depth > 0) {
            out.push_back(heading(title));
        }
        if (content.empty()) {
            out.push_back(paragraph("None recorded."));
            return;
        }
        for (const auto& item : content) {
            if (is_plain(item)) {
                out.push_back(paragraph(text_of(item)));
            } else {
                add_blocks(item, "", out, depth + 1);
            }
        }
        return;
    }
    out.push_back(paragraph(text_of(content)));
}
}  // namespace

nlohmann::json every_field(const nlohmann::json& content) {
    nlohmann::json out = nlohmann::json::array();
    add_blocks(content, "", out, 0);
    return out;
}

std::string text_of(const nlohmann::json& j, const char* key) {
    if (!j.is_object() || !j.contains(key)) {
        return "";
    }
    const auto& v = j.at(key);
    if (v.is_string()) {
        return v.get<std::string>();
    }
    if (v.is_boolean()) {
        return v.get<bool>() ? "Yes" : "No";
    }
    if (v.is_number()) {
        return v.dump();
    }
    return "";
}

std::string when_of(const nlohmann::json& j, const char* key) {
    std::string raw = text_of(j, key);
    if (auto t = parse_utc(raw)) {
        return format_local(*t);
    }
    if (auto d = parse_date(raw)) {
        return format_local_date(*d);
    }
    return raw;
}

}  // namespace export_blocks

}  // namespace hearth::children
