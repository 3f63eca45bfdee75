#include "children/export/case_record_sections.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "children/child_store.hpp"
#include "children/family/family_store.hpp"
#include "children/key_workers/key_worker_store.hpp"
#include "children/leaving/leaving_store.hpp"
#include "children/retention.hpp"
#include "children/valuables/valuables_store.hpp"
#include "chronology/chronology_store.hpp"
#include "platform/amendments.hpp"

namespace hearth::children {

namespace {

using export_blocks::text_of;
using export_blocks::when_of;

using Rows = std::vector<std::pair<std::string, std::string>>;

std::string joined(const nlohmann::json& list) {
    std::string out;
    for (const auto& item : list) {
        out +=
            (out.empty() ? "" : ", ") + (item.is_string() ? item.get<std::string>() : item.dump());
    }
    return out;
}

// A field of the record as a person reads it: choices by their label, dates written out.
std::string shown_field(const std::string& field, const nlohmann::json& record) {
    std::string raw = text_of(record, field.c_str());
    if (field == "sex") {
        return label_in(sexes(), raw);
    }
    if (field == "legal_basis") {
        return label_in(legal_bases(), raw);
    }
    if (auto d = parse_date(raw)) {
        return format_local_date(*d);
    }
    return raw;
}

Rows record_rows(const nlohmann::json& record) {
    Rows rows;
    for (const auto& [field, label] : field_labels()) {
        rows.emplace_back(label, shown_field(field, record));
    }
    return rows;
}

// 1. The record as it is now.
Result<nlohmann::json> record_content(db::Connection& c, std::int64_t child_id) {
    auto child = TRY(find(c, child_id));
    if (!child) {
        return Error::not_found("We could not find that child's record.");
    }
    nlohmann::json key_workers = nlohmann::json::array();
    for (const auto& k : child->key_workers) {
        key_workers.push_back(k.name);
    }
    const auto& d = child->details;
    return nlohmann::json{
        {"id", child->id},
        {"home_id", child->home_id},
        {"version", child->version},
        {"record", to_json(d)},
        {"key_workers", key_workers},
        {"left_on", child->left_on ? nlohmann::json(format_date(*child->left_on)) : nullptr},
        {"retention_date", format_date(retention_date(d.date_of_birth, d.date_of_death))},
        {"created_at", child->created_at},
        {"updated_at", child->updated_at},
        {"updated_by", child->updated_by_name}};
}

nlohmann::json record_blocks(const nlohmann::json& j) {
    Rows rows = record_rows(j.at("record"));
    rows.emplace_back("Key workers now", joined(j.at("key_workers")));
    rows.emplace_back("Left the home", when_of(j, "left_on"));
    rows.emplace_back("Version of the record", text_of(j, "version"));
    rows.emplace_back("Last changed",
                      when_of(j, "updated_at") + ", by " + text_of(j, "updated_by"));
    rows.emplace_back("Kept until at least", when_of(j, "retention_date"));
    return nlohmann::json::array({export_blocks::fields(rows)});
}

// 2. Every version, the first included, with what each changed.
Result<nlohmann::json> versions_content(db::Connection& c, std::int64_t child_id) {
    auto list = TRY(amendments::versions_of(c, child_record_type, child_id));
    // Oldest first: the story of the record in the order it happened. `list` is newest first.
    std::reverse(list.begin(), list.end());
    nlohmann::json out = amendments::versions_json(list);
    for (std::size_t i = 0; i < list.size(); ++i) {
        nlohmann::json changes = nlohmann::json::array();
        if (i > 0) {
            for (const auto& ch :
                 amendments::changes_between(list[i - 1].record, list[i].record, field_labels())) {
                changes.push_back({{"field", ch.field},
                                   {"label", ch.label},
                                   {"before", ch.before},
                                   {"after", ch.after}});
            }
        }
        out[i]["changes"] = changes;
    }
    return out;
}

nlohmann::json versions_blocks(const nlohmann::json& list) {
    nlohmann::json blocks = nlohmann::json::array();
    for (const auto& v : list) {
        blocks.push_back(export_blocks::heading(
            fmt::format("Version {}: {}", text_of(v, "version"), text_of(v, "reason"))));
        blocks.push_back(export_blocks::paragraph(
            fmt::format("By {}, {}", text_of(v, "changed_by"), when_of(v, "changed_at"))));
        if (v.value("version", 0) == 1) {
            blocks.push_back(export_blocks::fields(record_rows(v.at("record"))));
            continue;
        }
        if (v.at("changes").empty()) {
            blocks.push_back(export_blocks::paragraph("No field of the record changed."));
            continue;
        }
        std::vector<std::vector<std::string>> rows;
        for (const auto& ch : v.at("changes")) {
            rows.push_back({text_of(ch, "label"), text_of(ch, "before"), text_of(ch, "after")});
        }
        blocks.push_back(export_blocks::table("What changed in version " + text_of(v, "version"),
                                              {"What", "Before", "After"}, rows));
    }
    return blocks;
}

// 3. Family and people with parental responsibility, with every version of each entry.
Result<nlohmann::json> family_content(db::Connection& c, std::int64_t child_id) {
    auto members = TRY(family_of(c, child_id));
    nlohmann::json out = nlohmann::json::array();
    for (const auto& m : members) {
        auto list = TRY(amendments::versions_of(c, family_member_record_type, m.id));
        // Oldest first: the export reads each version against the one before it.
        std::reverse(list.begin(), list.end());
        nlohmann::json j = version_record(m.details, m.ended_on, m.end_reason);
        j["id"] = m.id;
        j["version"] = m.version;
        j["versions"] = amendments::versions_json(list);
        out.push_back(j);
    }
    return out;
}

nlohmann::json family_blocks(const nlohmann::json& list) {
    nlohmann::json blocks = nlohmann::json::array();
    if (list.empty()) {
        blocks.push_back(export_blocks::paragraph("No one was recorded."));
    }
    for (const auto& m : list) {
        blocks.push_back(export_blocks::heading(text_of(m, "name")));
        Rows rows{{"Relationship", text_of(m, "relationship")},
                  {"Parental responsibility", text_of(m, "parental_responsibility")},
                  {"Contact details", text_of(m, "contact_details")},
                  {"Notes", text_of(m, "notes")}};
        if (m.contains("ended_on")) {
            rows.emplace_back("No longer applies from", when_of(m, "ended_on"));
            rows.emplace_back("Why", text_of(m, "end_reason"));
        }
        blocks.push_back(export_blocks::fields(rows));
        std::vector<std::vector<std::string>> history;
        nlohmann::json before = nlohmann::json::object();
        for (const auto& v : m.at("versions")) {
            std::string what;
            for (const auto& ch : family_changes_between(before, v.at("record"))) {
                what += (what.empty() ? "" : "; ") +
                        fmt::format("{}: {}", ch.label, ch.after.empty() ? "(blank)" : ch.after);
            }
            history.push_back({text_of(v, "version"), when_of(v, "changed_at"),
                               text_of(v, "changed_by"), text_of(v, "reason"), what});
            before = v.at("record");
        }
        blocks.push_back(export_blocks::table("Every version of this entry",
                                              {"Version", "When", "Who", "Why", "What it said"},
                                              history));
    }
    return blocks;
}

// 4. Key workers: every spell, every change with the child's view.
Result<nlohmann::json> key_workers_content(db::Connection& c, std::int64_t child_id) {
    auto spells = TRY(key_worker_spells(c, child_id));
    auto changes = TRY(key_worker_changes(c, child_id));
    nlohmann::json s = nlohmann::json::array(), ch = nlohmann::json::array();
    for (const auto& k : spells) {
        s.push_back({{"name", k.name},
                     {"started_at", k.started_at},
                     {"ended_at", k.ended_at ? nlohmann::json(*k.ended_at) : nullptr}});
    }
    for (auto k = changes.rbegin(); k != changes.rend(); ++k) {
        ch.push_back({{"kind", k->kind},
                      {"changed_at", k->changed_at},
                      {"changed_by", k->changed_by},
                      {"reason", k->reason},
                      {"child_view", k->child_view},
                      {"view_not_asked", k->view_not_asked},
                      {"relationships", k->relationships},
                      {"started", k->started},
                      {"ended", k->ended}});
    }
    return nlohmann::json{{"spells", s}, {"changes", ch}};
}

nlohmann::json key_workers_blocks(const nlohmann::json& j) {
    nlohmann::json blocks = nlohmann::json::array();
    std::vector<std::vector<std::string>> spells;
    for (const auto& s : j.at("spells")) {
        spells.push_back({text_of(s, "name"), when_of(s, "started_at"),
                          s.at("ended_at").is_null() ? "Now" : when_of(s, "ended_at")});
    }
    blocks.push_back(export_blocks::table("Everyone who has been a key worker",
                                          {"Key worker", "From", "To"}, spells));
    for (const auto& c : j.at("changes")) {
        if (text_of(c, "kind") != "change") {
            continue;
        }
        blocks.push_back(
            export_blocks::heading("Key workers changed, " + when_of(c, "changed_at")));
        Rows rows{{"Changed by", text_of(c, "changed_by")},
                  {"New key worker", joined(c.at("started"))},
                  {"Stepped back", joined(c.at("ended"))},
                  {"Why", text_of(c, "reason")}};
        if (!text_of(c, "child_view").empty()) {
            rows.emplace_back("What the child said", text_of(c, "child_view"));
        } else {
            rows.emplace_back("Why the child could not be asked", text_of(c, "view_not_asked"));
        }
        rows.emplace_back("Keeping relationships", text_of(c, "relationships"));
        blocks.push_back(export_blocks::fields(rows));
    }
    return blocks;
}

// 5. Money and valuables: the whole ledger and what is held.
Result<nlohmann::json> valuables_content(db::Connection& c, std::int64_t child_id) {
    auto ledger = TRY(ledger_of(c, child_id));
    const Holding h = held(ledger);
    nlohmann::json entries = nlohmann::json::array(), items = nlohmann::json::array();
    for (const auto& e : ledger) {
        entries.push_back(
            {{"id", e.id},
             {"entry", e.entry},
             {"what", e.what},
             {"description", e.description},
             {"amount_pence", e.what == "money" ? nlohmann::json(e.amount_pence) : nullptr},
             {"item_id", e.item_id ? nlohmann::json(*e.item_id) : nullptr},
             {"on", format_date(e.on)},
             {"received_by", e.received_by},
             {"returned_to", e.returned_to},
             {"returned_by", e.returned_by},
             {"notes", e.notes},
             {"recorded_at", e.recorded_at},
             {"recorded_by", e.recorded_by}});
    }
    for (const auto& i : h.items) {
        items.push_back(i.description);
    }
    return nlohmann::json{
        {"money_held_pence", h.money_pence}, {"items_held", items}, {"entries", entries}};
}

nlohmann::json valuables_blocks(const nlohmann::json& j) {
    nlohmann::json blocks = nlohmann::json::array();
    blocks.push_back(export_blocks::fields(
        {{"Money held", format_pounds(j.at("money_held_pence").get<std::int64_t>())},
         {"Items held", j.at("items_held").empty() ? "None" : joined(j.at("items_held"))}}));
    std::vector<std::vector<std::string>> rows;
    for (const auto& e : j.at("entries")) {
        const bool in = text_of(e, "entry") == "deposit";
        const std::string amount = e.at("amount_pence").is_null()
                                       ? ""
                                       : format_pounds(e.at("amount_pence").get<std::int64_t>());
        rows.push_back(
            {when_of(e, "on"), in ? "Deposited" : "Returned", text_of(e, "description"), amount,
             in ? "Received by " + text_of(e, "received_by")
                : "Given to " + text_of(e, "returned_to") + " by " + text_of(e, "returned_by"),
             text_of(e, "notes")});
    }
    blocks.push_back(export_blocks::table("Every deposit and return",
                                          {"Date", "What", "Description", "Amount", "Who", "Notes"},
                                          rows));
    return blocks;
}

// 6. Leaving.
Result<nlohmann::json> leaving_content(db::Connection& c, std::int64_t child_id) {
    auto l = TRY(leaving_of(c, child_id));
    if (!l) {
        // Records that came from elsewhere (an import) may know the day and nothing more.
        auto row = TRY(c.query_one("SELECT left_on FROM children WHERE id = $1", {child_id}));
        if (!row || row->is_null(0)) {
            return nlohmann::json(nullptr);
        }
        return nlohmann::json{{"left_on", row->text(0)}};
    }
    return nlohmann::json{{"left_on", format_date(l->leaving.left_on)},
                          {"destination", l->leaving.destination},
                          {"address", l->leaving.address},
                          {"reason", l->leaving.reason},
                          {"authority_informed_on", format_date(l->leaving.authority_informed_on)},
                          {"authority_informed_who", l->leaving.authority_informed_who},
                          {"recorded_at", l->recorded_at},
                          {"recorded_by", l->recorded_by}};
}

nlohmann::json leaving_blocks(const nlohmann::json& j) {
    if (j.is_null()) {
        return nlohmann::json::array({export_blocks::paragraph("Still living at the home.")});
    }
    if (!j.contains("destination")) {
        return nlohmann::json::array({export_blocks::paragraph(
            "Left on " + when_of(j, "left_on") + ". Nothing more was recorded about leaving.")});
    }
    return nlohmann::json::array({export_blocks::fields(
        {{"Left on", when_of(j, "left_on")},
         {"Went to", text_of(j, "destination")},
         {"Address on leaving", text_of(j, "address")},
         {"Why", text_of(j, "reason")},
         {"Placing authority told on", when_of(j, "authority_informed_on")},
         {"Who was told", text_of(j, "authority_informed_who")},
         {"Recorded by", text_of(j, "recorded_by") + ", " + when_of(j, "recorded_at")}})});
}

// 7. The chronology: everything recorded about the child, by every capability, oldest first.
Result<nlohmann::json> chronology_content(db::Connection& c, const chronology::Kinds& kinds,
                                          std::int64_t child_id) {
    constexpr int batch = 1000;
    std::vector<chronology::Entry> all;
    chronology::Filter filter;
    for (;;) {
        auto page = TRY(chronology::for_child(c, child_id, filter, batch));
        all.insert(all.end(), page.entries.begin(), page.entries.end());
        if (!page.next) {
            break;
        }
        filter.after = page.next;
    }
    nlohmann::json out = nlohmann::json::array();
    for (auto e = all.rbegin(); e != all.rend(); ++e) {
        out.push_back({{"occurred_at", format_utc(e->occurred_at)},
                       {"kind", e->kind},
                       {"kind_label", kinds.label(e->kind)},
                       {"title", e->title},
                       {"summary", e->summary},
                       {"link", e->link},
                       {"significant", e->significant},
                       {"amended", e->amended},
                       {"author", e->author_name},
                       {"recorded_at", format_utc(e->recorded_at)}});
    }
    return out;
}

nlohmann::json chronology_blocks(const nlohmann::json& list) {
    std::vector<std::vector<std::string>> rows;
    for (const auto& e : list) {
        std::string what = text_of(e, "title");
        if (e.value("amended", false)) {
            what += " (amended)";
        }
        rows.push_back({when_of(e, "occurred_at"), text_of(e, "kind_label"), what,
                        text_of(e, "summary"), text_of(e, "author")});
    }
    return nlohmann::json::array({export_blocks::table(
        "Everything recorded, oldest first", {"When", "Kind", "What", "Summary", "By"}, rows)});
}

}  // namespace

void add_case_record_sections(ExportSections& sections, const chronology::Kinds& kinds) {
    sections.add({"case_record", "Case record", record_content, record_blocks});
    sections.add(
        {"record_versions", "Every version of the case record", versions_content, versions_blocks});
    sections.add({"family", "Family and people with parental responsibility", family_content,
                  family_blocks});
    sections.add({"key_workers", "Key workers", key_workers_content, key_workers_blocks});
    sections.add({"valuables", "Money and valuables", valuables_content, valuables_blocks});
    sections.add({"leaving", "Leaving", leaving_content, leaving_blocks});
    sections.add({"chronology", "Chronology",
                  [&kinds](db::Connection& c, std::int64_t child_id) {
                      return chronology_content(c, kinds, child_id);
                  },
                  chronology_blocks});
}

}  // namespace hearth::children
