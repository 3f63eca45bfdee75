#include "contact/contact_log_view.hpp"

#include <fmt/format.h>

#include "deadlines/deadline_store.hpp"
#include "deadlines/deadline_view.hpp"

namespace hearth::contact {

namespace {
nlohmann::json moment_or_null(const std::optional<Timestamp>& t) {
    return t ? nlohmann::json(format_utc(*t)) : nlohmann::json();
}
std::string local_or_empty(const std::optional<Timestamp>& t) {
    return t ? format_local(*t) : "";
}
}  // namespace

Result<nlohmann::json> contact_view(db::Connection& c, const Contact& k, Timestamp now) {
    nlohmann::json concern_clock_view;
    if (k.concern_raised_at) {
        for (const auto& d : TRY(deadlines::for_source(c, "contact", k.id))) {
            if (d.kind == concern_clock) {
                concern_clock_view = deadlines::deadline_view(d, now);
            }
        }
    }
    const auto& d = k.details;
    const bool planned = d.state == "planned";
    return nlohmann::json{
        {"id", k.id},
        {"home_id", k.home_id},
        {"child", {{"id", k.child_id}, {"name", k.child_name}}},
        {"person", d.person},
        {"family_member_id",
         d.family_member_id ? nlohmann::json(*d.family_member_id) : nlohmann::json()},
        {"form", d.form},
        {"form_label", label_in(contact_forms(), d.form)},
        {"state", d.state},
        {"state_label", label_in(contact_states(), d.state)},
        {"planned", planned},
        {"happened", d.state == "happened"},
        {"cancelled", d.state == "cancelled"},
        {"overdue_outcome", planned && d.starts_at < now},
        {"starts_at", format_utc(d.starts_at)},
        {"when", format_local(d.starts_at)},
        {"place", d.place},
        {"supervision", d.supervision},
        {"supervision_label", label_in(supervisions(), d.supervision)},
        {"supervised_by", d.supervised_by},
        {"direction", d.direction},
        {"direction_label", d.direction.empty() ? "" : label_in(directions(), d.direction)},
        {"through_social_worker", d.through_social_worker},
        {"restriction_id", k.restriction_id ? nlohmann::json(*k.restriction_id) : nlohmann::json()},
        {"restriction_href", k.restriction_id ? fmt::format("/children/{}/contact/restrictions/{}",
                                                            k.child_id, *k.restriction_id)
                                              : ""},
        {"restriction_why", d.restriction_why},
        {"school_hours_why", d.school_hours_why},
        {"others_considered", d.others_considered},
        {"child_words", d.child_words},
        {"staff_view", d.staff_view},
        {"follow_up", d.follow_up},
        {"cancelled_by", k.cancelled_by},
        {"cancelled_by_label",
         k.cancelled_by.empty() ? "" : label_in(cancelled_by_whom(), k.cancelled_by)},
        {"cancelled_why", k.cancelled_why},
        {"child_took_it", k.child_took_it},
        {"concern",
         {{"raised", k.concern_raised_at.has_value()},
          {"about", k.concern},
          {"raised_with", k.concern_raised_with},
          {"raised_at", moment_or_null(k.concern_raised_at)},
          {"raised_when", local_or_empty(k.concern_raised_at)},
          {"raised_by", k.concern_raised_by},
          {"answer_by", moment_or_null(k.concern_answer_by)},
          {"answer_wanted", local_or_empty(k.concern_answer_by)},
          {"awaiting", k.concern_raised_at && !k.concern_agreed_at},
          {"agreed", k.concern_agreed},
          {"agreed_with", k.concern_agreed_with},
          {"agreed_at", moment_or_null(k.concern_agreed_at)},
          {"agreed_when", local_or_empty(k.concern_agreed_at)},
          {"recorded_by", k.concern_agreed_by},
          {"clock", concern_clock_view}}},
        {"recorded_by", k.created_by},
        {"recorded_at", format_utc(k.created_at)},
        {"outcome_at", moment_or_null(k.outcome_at)},
        {"outcome_by", k.outcome_by},
        {"version", k.version},
        {"href", fmt::format("/children/{}/contact/log/{}", k.child_id, k.id)}};
}

Result<nlohmann::json> contact_views(db::Connection& c, const std::vector<Contact>& list,
                                     Timestamp now) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& k : list) {
        out.push_back(TRY(contact_view(c, k, now)));
    }
    return out;
}

namespace {

constexpr int export_page = 500;

Result<nlohmann::json> contact_log_export_content(db::Connection& c, std::int64_t child_id) {
    const auto now =
        std::chrono::time_point_cast<std::chrono::milliseconds>(std::chrono::system_clock::now());
    nlohmann::json all = nlohmann::json::array();
    std::optional<chronology::Cursor> after;
    do {
        auto page = TRY(contacts_of(c, child_id, after, export_page));
        for (auto& v : TRY(contact_views(c, page.items, now))) {
            all.push_back(std::move(v));
        }
        after = page.next;
    } while (after);
    return all;
}

nlohmann::json contact_log_export_blocks(const nlohmann::json& list) {
    namespace b = children::export_blocks;
    if (list.empty()) {
        return nlohmann::json::array({b::paragraph("No contact was logged.")});
    }
    nlohmann::json blocks = nlohmann::json::array();
    std::vector<std::vector<std::string>> rows;
    for (const auto& k : list) {
        std::string how;
        if (k.value("cancelled", false)) {
            how = "Cancelled by " + k.value("cancelled_by_label", "") + ": " +
                  k.value("cancelled_why", "") +
                  " How the child took it: " + k.value("child_took_it", "");
        } else if (k.value("happened", false)) {
            how = k.value("child_words", "").empty()
                      ? k.value("staff_view", "")
                      : "\"" + k.value("child_words", "") + "\" " + k.value("staff_view", "");
        }
        rows.push_back({k.value("when", ""), k.value("form_label", ""), k.value("person", ""),
                        k.value("state_label", ""), k.value("supervised_by", ""), how});
    }
    blocks.push_back(
        b::table("Contact", {"When", "Form", "With", "", "Supervised by", "How it went"}, rows));
    for (const auto& k : list) {
        const auto& concern = k["concern"];
        if (!concern.value("raised", false)) {
            continue;
        }
        blocks.push_back(
            b::heading(fmt::format("Concern about {} with {}, {}", k.value("form_label", ""),
                                   k.value("person", ""), k.value("when", ""))));
        blocks.push_back(b::fields({{"What worried staff", concern.value("about", "")},
                                    {"Raised with", concern.value("raised_with", "") + ", " +
                                                        concern.value("raised_when", "")},
                                    {"Answer wanted by", concern.value("answer_wanted", "")},
                                    {"Agreed follow-up", concern.value("agreed", "")},
                                    {"Agreed with", concern.value("agreed_with", "")}}));
    }
    return blocks;
}

}  // namespace

children::ExportSection contact_log_export_section() {
    return {"contact_log", "Contact", contact_log_export_content, contact_log_export_blocks};
}

}  // namespace hearth::contact
