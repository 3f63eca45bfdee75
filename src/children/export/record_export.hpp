#pragma once
// A child's whole record as one file set, for a subject access request or for the child when they
// leave: a JSON document with every section (export_sections.hpp), and the same as one readable,
// printable HTML document. Exporting is itself an audited event, written in the same transaction
// as the reads, so the audit trail says exactly what left Hearth and when.
#include <nlohmann/json.hpp>
#include <string>

#include "children/export/export_sections.hpp"
#include "platform/audit/audit_trail.hpp"
#include "platform/clock.hpp"
#include "platform/db/database.hpp"

namespace hearth::children {

inline constexpr int export_format_version = 1;

// `format` says what the export is for in the audit entry: "json", "html", "api", "cli".
Result<nlohmann::json> export_record(db::Database& db, const ExportSections& sections,
                                     std::int64_t child_id, const std::string& format,
                                     const audit::Actor& actor, Timestamp now);

// The printable document: self-contained HTML (its own small stylesheet, no scripts, nothing
// fetched), in the home's time zone. Sections are shown as they declare; a section the document
// has but the registry does not (an older export) is laid out field by field.
Result<std::string> record_html(const nlohmann::json& document, const ExportSections& sections);

// "hearth-record-17-2026-05-12": the files' name, without an extension.
std::string export_file_stem(const nlohmann::json& document);

}  // namespace hearth::children
