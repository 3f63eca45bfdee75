#include "children/export/record_export.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "children/child_store.hpp"
#include "platform/views/views.hpp"

namespace hearth::children {

Result<nlohmann::json> export_record(db::Database& db, const ExportSections& sections,
                                     std::int64_t child_id, const std::string& format,
                                     const audit::Actor& actor, Timestamp now) {
    return db.write([&](db::Connection& c) -> Result<nlohmann::json> {
        auto child = TRY(find(c, child_id));
        if (!child) {
            return Error::not_found("We could not find that child's record.");
        }
        auto home = TRY(c.query_one("SELECT name FROM homes WHERE id = $1", {child->home_id}));
        nlohmann::json parts = nlohmann::json::array();
        for (const auto& s : sections.all()) {
            auto content = TRY(s.read(c, child_id));
            parts.push_back({{"key", s.key}, {"title", s.title}, {"content", content}});
        }
        TRY(audit::append(c, actor,
                          {"export", "child", std::to_string(child_id), child->home_id, child_id,
                           fmt::format("whole record, {}", format)},
                          now));
        const auto& d = child->details;
        return nlohmann::json{
            {"format", "hearth.child-record"},
            {"format_version", export_format_version},
            {"exported_at", format_utc(now)},
            {"exported_by", actor.name},
            {"child",
             {{"id", child_id},
              {"name", display_name(d)},
              {"legal_name", d.first_name + " " + d.last_name},
              {"home", {{"id", child->home_id}, {"name", home ? home->text(0) : ""}}}}},
            {"sections", parts}};
    });
}

Result<std::string> record_html(const nlohmann::json& document, const ExportSections& sections) {
    nlohmann::json shown = nlohmann::json::array(), contents = nlohmann::json::array();
    for (const auto& part : document.at("sections")) {
        const std::string key = part.value("key", "");
        const auto& content = part.at("content");
        nlohmann::json blocks;
        const auto& all = sections.all();
        auto it = std::find_if(all.begin(), all.end(),
                               [&](const ExportSection& s) { return s.key == key; });
        blocks =
            it != all.end() && it->show ? it->show(content) : export_blocks::every_field(content);
        contents.push_back({{"key", key}, {"title", part.value("title", key)}});
        shown.push_back({{"key", key}, {"title", part.value("title", key)}, {"blocks", blocks}});
    }
    const auto& child = document.at("child");
    const auto at = parse_utc(document.value("exported_at", ""));
    return views::render(
        "child_record_export",
        {{"name", child.value("name", "")},
         {"legal_name", child.value("legal_name", "")},
         {"home", child.at("home").value("name", "")},
         {"exported_at", at ? format_local(*at) : document.value("exported_at", "")},
         {"exported_by", document.value("exported_by", "")},
         {"contents", contents},
         {"sections", shown}});
}

std::string export_file_stem(const nlohmann::json& document) {
    const std::string at = document.value("exported_at", "");
    const auto t = parse_utc(at);
    return fmt::format("hearth-record-{}-{}", document.at("child").value("id", std::int64_t{0}),
                       t ? format_date(local_date_of(*t)) : at.substr(0, 10));
}

}  // namespace hearth::children
