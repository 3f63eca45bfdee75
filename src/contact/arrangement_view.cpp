#include "contact/arrangement_view.hpp"

#include <fmt/format.h>

#include "contact/contact_log.hpp"
#include "deadlines/deadline_store.hpp"
#include "deadlines/deadline_view.hpp"

namespace hearth::contact {

nlohmann::json arrangement_view(const Arrangement& a) {
    const auto& d = a.details;
    std::string forms;
    for (const auto& f : d.forms) {
        forms += (forms.empty() ? "" : ", ") + label_in(contact_forms(), f);
    }
    return {
        {"id", a.id},
        {"home_id", a.home_id},
        {"child_id", a.child_id},
        {"person", d.person},
        {"family_member_id",
         d.family_member_id ? nlohmann::json(*d.family_member_id) : nlohmann::json()},
        {"forms", d.forms},
        {"forms_text", forms},
        {"how_often", d.how_often},
        {"place", d.place},
        {"supervision", d.supervision},
        {"supervision_label", label_in(supervisions(), d.supervision)},
        {"supervised_by", d.supervised_by},
        {"letterbox", d.letterbox},
        {"agreed_with", d.agreed_with},
        {"agreed_on", format_date(d.agreed_on)},
        {"agreed", format_local_date(d.agreed_on)},
        {"child_view", d.child_view},
        {"less_than_wished", d.less_than_wished},
        {"starts_on", format_date(d.starts_on)},
        {"starts", format_local_date(d.starts_on)},
        {"ended_on", a.ended_on ? nlohmann::json(format_date(*a.ended_on)) : nlohmann::json()},
        {"ended", a.ended_on ? format_local_date(*a.ended_on) : ""},
        {"end_reason", a.end_reason},
        {"in_force", !a.ended_on},
        {"plan_line", plan_line(d)},
        {"social_worker_confirmed", a.social_worker_confirmed_at.has_value()},
        {"social_worker_confirmed_at",
         a.social_worker_confirmed_at ? nlohmann::json(format_utc(*a.social_worker_confirmed_at))
                                      : nlohmann::json()},
        {"social_worker_confirmed_when",
         a.social_worker_confirmed_at ? format_local(*a.social_worker_confirmed_at) : ""},
        {"social_worker_confirmed_by", a.social_worker_confirmed_by},
        {"recorded_by", a.created_by},
        {"recorded_at", format_utc(a.created_at)},
        {"version", a.version},
        {"href", fmt::format("/children/{}/contact/arrangements/{}", a.child_id, a.id)}};
}

nlohmann::json arrangement_views(const std::vector<Arrangement>& list) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& a : list) {
        out.push_back(arrangement_view(a));
    }
    return out;
}

Result<nlohmann::json> digital_view(db::Connection& c, const DigitalRecord& r, Timestamp now) {
    nlohmann::json clock;
    for (const auto& d : TRY(deadlines::for_source(c, "digital_contact_agreement", r.id))) {
        clock = deadlines::deadline_view(d, now);
    }
    const auto& a = r.agreement;
    return nlohmann::json{{"id", r.id},
                          {"devices", a.devices},
                          {"platforms", a.platforms},
                          {"times", a.times},
                          {"limits", a.limits},
                          {"child_agreed_on", format_date(a.child_agreed_on)},
                          {"child_agreed", format_local_date(a.child_agreed_on)},
                          {"social_worker", a.social_worker},
                          {"social_worker_agreed_on", format_date(a.social_worker_agreed_on)},
                          {"social_worker_agreed", format_local_date(a.social_worker_agreed_on)},
                          {"manager", a.manager},
                          {"manager_agreed_on", format_date(a.manager_agreed_on)},
                          {"manager_agreed", format_local_date(a.manager_agreed_on)},
                          {"review_on", format_date(a.review_on)},
                          {"review_by", format_local_date(a.review_on)},
                          {"review_clock", clock},
                          {"in_force", !r.replaced_at},
                          {"replaced_at", r.replaced_at ? nlohmann::json(format_utc(*r.replaced_at))
                                                        : nlohmann::json()},
                          {"recorded_by", r.created_by},
                          {"recorded_at", format_utc(r.created_at)}};
}

namespace {

Result<nlohmann::json> arrangements_export_content(db::Connection& c, std::int64_t child_id) {
    const auto now =
        std::chrono::time_point_cast<std::chrono::milliseconds>(std::chrono::system_clock::now());
    nlohmann::json digital = nlohmann::json::array();
    for (const auto& r : TRY(digital_agreements_of(c, child_id))) {
        digital.push_back(TRY(digital_view(c, r, now)));
    }
    const auto arrangements = TRY(arrangements_of(c, child_id));
    return nlohmann::json{{"arrangements", arrangement_views(arrangements)}, {"digital", digital}};
}

nlohmann::json arrangements_export_blocks(const nlohmann::json& content) {
    namespace b = children::export_blocks;
    nlohmann::json blocks = nlohmann::json::array();
    std::vector<std::vector<std::string>> rows;
    for (const auto& a : content["arrangements"]) {
        rows.push_back(
            {a.value("plan_line", ""), a.value("starts", ""),
             a.value("ended", "").empty() ? "In force" : "Stopped " + a.value("ended", ""),
             a.value("child_view", "")});
    }
    blocks.push_back(rows.empty()
                         ? b::paragraph("No contact arrangements were recorded.")
                         : b::table("Contact arrangements",
                                    {"Arrangement", "From", "", "The child's view"}, rows));
    for (const auto& d : content["digital"]) {
        blocks.push_back(b::heading("Digital contact agreement" +
                                    std::string(d.value("in_force", false) ? " (in force)" : "")));
        blocks.push_back(
            b::fields({{"Devices", d.value("devices", "")},
                       {"Apps and platforms", d.value("platforms", "")},
                       {"When", d.value("times", "")},
                       {"Limits", d.value("limits", "")},
                       {"Agreed by the child", d.value("child_agreed", "")},
                       {"Agreed by the social worker",
                        d.value("social_worker", "") + ", " + d.value("social_worker_agreed", "")},
                       {"Agreed by the registered manager",
                        d.value("manager", "") + ", " + d.value("manager_agreed", "")},
                       {"Review by", d.value("review_by", "")}}));
    }
    return blocks;
}

}  // namespace

children::ExportSection arrangements_export_section() {
    return {"contact_arrangements", "Contact arrangements", arrangements_export_content,
            arrangements_export_blocks};
}

}  // namespace hearth::contact
