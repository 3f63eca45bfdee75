#pragma once
// The parts of a child's whole record, for the export a child (or someone for them) receives in
// answer to a subject access request or when they leave. Each capability adds its own section once,
// in its entry point (its capability.cpp, see platform/capability.hpp):
//
//     r.at<children::ExportSections>().add(daily_record_export_section());
//
// A section says what it is called, reads its part of the record as JSON (inside the export's one
// transaction, so the whole file is one moment of the record), and says how the printable HTML
// shows it. This header depends on the platform only, so any capability may include it.
#include <cstdint>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "platform/db/database.hpp"

namespace hearth::children {

struct ExportSection {
    std::string key;    // "daily_record": the section's name in the JSON file
    std::string title;  // "Daily record": its heading in the printable document
    // Everything this section holds about the child: every entry, version and amendment.
    std::function<Result<nlohmann::json>(db::Connection&, std::int64_t child_id)> read;
    // How the printable document shows what read() returned, as blocks (see export_blocks below).
    // Left empty, the document lays out every field of the JSON as it is: complete, plainer.
    std::function<nlohmann::json(const nlohmann::json& content)> show;
};

class ExportSections {
  public:
    // Sections appear in the order they are added. A second section with the same key is a
    // programming error, refused so that no part of the record silently replaces another.
    void add(ExportSection section);
    const std::vector<ExportSection>& all() const { return sections_; }

  private:
    std::vector<ExportSection> sections_;
};

// The blocks a section's show() returns: a JSON array of these, in order.
namespace export_blocks {
nlohmann::json heading(const std::string& text);
nlohmann::json paragraph(const std::string& text);
// A list of labelled values; an empty value is shown as "Not recorded".
nlohmann::json fields(const std::vector<std::pair<std::string, std::string>>& rows);
// A table; each row has one cell per column.
nlohmann::json table(const std::string& caption, const std::vector<std::string>& columns,
                     const std::vector<std::vector<std::string>>& rows);
// What the document shows for a section without show(): every field of `content`, nested lists
// and objects included.
nlohmann::json every_field(const nlohmann::json& content);

// What show() reads of a section's JSON: a field as text ("Yes"/"No" for a flag, "" when it is
// absent or a list), and a stored UTC time or date in the home's words ("12 May 2026, 15:30").
std::string text_of(const nlohmann::json& j, const char* key);
std::string when_of(const nlohmann::json& j, const char* key);
}  // namespace export_blocks

}  // namespace hearth::children
