#include "contact/restriction_view.hpp"

#include <fmt/format.h>

#include "deadlines/deadline_store.hpp"
#include "deadlines/deadline_view.hpp"

namespace hearth::contact {

namespace {
nlohmann::json date_or_null(const std::optional<Date>& d) {
    return d ? nlohmann::json(format_date(*d)) : nlohmann::json();
}

std::string forms_text(const std::vector<std::string>& forms) {
    std::string out;
    for (const auto& f : forms) {
        out += (out.empty() ? "" : ", ") + label_in(contact_forms(), f);
    }
    return out;
}
}  // namespace

Result<nlohmann::json> restriction_view(db::Connection& c, const Restriction& r, Timestamp now) {
    nlohmann::json notice_clock, next_review_clock;
    for (const auto& d : TRY(deadlines::for_source(c, "contact_restriction", r.id))) {
        if (d.kind == emergency_notice_clock) {
            notice_clock = deadlines::deadline_view(d, now);
        } else if (d.kind == review_clock &&
                   (d.state == deadlines::State::open || next_review_clock.is_null())) {
            next_review_clock = deadlines::deadline_view(d, now);
        }
    }
    nlohmann::json reviews = nlohmann::json::array();
    for (const auto& v : r.reviews) {
        reviews.push_back({{"lifted", v.review.lifted},
                           {"decision", v.review.decision},
                           {"child_view", v.review.child_view},
                           {"next_review_on", date_or_null(v.review.next_review_on)},
                           {"reviewed_at", format_utc(v.reviewed_at)},
                           {"reviewed_when", format_local(v.reviewed_at)},
                           {"reviewed_by", v.reviewed_by}});
    }
    const auto& d = r.details;
    const Date today = local_date_of(now);
    const bool in_force =
        !r.lifted_on && today >= d.starts_on && (!d.ends_on || today <= *d.ends_on);
    return nlohmann::json{
        {"id", r.id},
        {"home_id", r.home_id},
        {"child", {{"id", r.child_id}, {"name", r.child_name}}},
        {"person", d.person},
        {"family_member_id",
         d.family_member_id ? nlohmann::json(*d.family_member_id) : nlohmann::json()},
        {"forms", d.forms},
        {"forms_text", forms_text(d.forms)},
        {"reason", d.reason},
        {"reason_label", label_in(restriction_reasons(), d.reason)},
        {"why", d.why},
        {"basis", d.basis},
        {"basis_label", label_in(restriction_bases(), d.basis)},
        {"starts_on", format_date(d.starts_on)},
        {"starts", format_local_date(d.starts_on)},
        {"ends_on", date_or_null(d.ends_on)},
        {"ends", d.ends_on ? format_local_date(*d.ends_on) : "Until it is lifted"},
        {"agreed_beforehand", d.agreed_beforehand},
        {"agreed_with", d.agreed_with},
        {"agreed_on", date_or_null(d.agreed_on)},
        {"agreed", d.agreed_on ? format_local_date(*d.agreed_on) : ""},
        {"social_worker_confirmed", r.social_worker_confirmed_at.has_value()},
        {"social_worker_confirmed_at",
         r.social_worker_confirmed_at ? nlohmann::json(format_utc(*r.social_worker_confirmed_at))
                                      : nlohmann::json()},
        {"social_worker_confirmed_when",
         r.social_worker_confirmed_at ? format_local(*r.social_worker_confirmed_at) : ""},
        {"social_worker_confirmed_by", r.social_worker_confirmed_by},
        {"emergency", is_emergency(d)},
        {"notice",
         {{"owed", is_emergency(d) && !r.notice_at},
          {"told", r.notice_told},
          {"method_label",
           r.notice_method.empty() ? "" : label_in(notice_methods(), r.notice_method)},
          {"told_at", r.notice_at ? nlohmann::json(format_utc(*r.notice_at)) : nlohmann::json()},
          {"told_when", r.notice_at ? format_local(*r.notice_at) : ""},
          {"recorded_by", r.notice_by},
          {"clock", notice_clock}}},
        {"review_on", format_date(d.review_on)},
        {"review_by", format_local_date(d.review_on)},
        {"review_clock", next_review_clock},
        {"child_told", d.child_told},
        {"child_view", d.child_view},
        {"not_told_why", d.not_told_why},
        {"in_force", in_force},
        {"lifted_on", date_or_null(r.lifted_on)},
        {"lifted", r.lifted_on ? format_local_date(*r.lifted_on) : ""},
        {"reviews", reviews},
        {"has_reviews", !reviews.empty()},
        {"recorded_by", r.created_by},
        {"recorded_at", format_utc(r.created_at)},
        {"href", fmt::format("/children/{}/contact/restrictions/{}", r.child_id, r.id)}};
}

Result<nlohmann::json> restriction_views(db::Connection& c, const std::vector<Restriction>& list,
                                         Timestamp now) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& r : list) {
        out.push_back(TRY(restriction_view(c, r, now)));
    }
    return out;
}

namespace {

Result<nlohmann::json> restrictions_export_content(db::Connection& c, std::int64_t child_id) {
    const auto now =
        std::chrono::time_point_cast<std::chrono::milliseconds>(std::chrono::system_clock::now());
    return restriction_views(c, TRY(restrictions_of(c, child_id)), now);
}

nlohmann::json restrictions_export_blocks(const nlohmann::json& list) {
    namespace b = children::export_blocks;
    if (list.empty()) {
        return nlohmann::json::array({b::paragraph("No contact was restricted.")});
    }
    nlohmann::json blocks = nlohmann::json::array();
    for (const auto& r : list) {
        blocks.push_back(b::heading(fmt::format("Contact with {} restricted from {}",
                                                r.value("person", ""), r.value("starts", ""))));
        const auto& notice = r["notice"];
        blocks.push_back(
            b::fields({{"Forms of contact", r.value("forms_text", "")},
                       {"Why", r.value("reason_label", "") + ": " + r.value("why", "")},
                       {"On what basis", r.value("basis_label", "")},
                       {"Until", r.value("ends", "")},
                       {"Agreed beforehand with", r.value("agreed_with", "")},
                       {"Placing authority told",
                        notice.value("told", "").empty()
                            ? ""
                            : notice.value("told", "") + ", " + notice.value("told_when", "")},
                       {"What the child said", r.value("child_view", "")},
                       {"Lifted", r.value("lifted", "")}}));
        std::vector<std::vector<std::string>> rows;
        for (const auto& v : r["reviews"]) {
            rows.push_back({v.value("reviewed_when", ""), v.value("decision", ""),
                            v.value("child_view", ""), v.value("reviewed_by", "")});
        }
        if (!rows.empty()) {
            blocks.push_back(
                b::table("Reviews", {"When", "Decided", "The child's view", "By"}, rows));
        }
    }
    return blocks;
}

}  // namespace

children::ExportSection restrictions_export_section() {
    return {"contact_restrictions", "Contact restrictions", restrictions_export_content,
            restrictions_export_blocks};
}

}  // namespace hearth::contact
