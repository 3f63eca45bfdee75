#include "notifications/placement_notice_view.hpp"

#include <fmt/format.h>

#include "deadlines/deadline_store.hpp"
#include "deadlines/deadline_view.hpp"

namespace hearth::notifications {

namespace {
nlohmann::json says_view(const NoticeContents& says) {
    return {{"occasion_label", label_in(occasions(), says.occasion)},
            {"occurred", format_local_date(says.occurred_on)},
            {"home_name", says.home_name},
            {"home_urn", says.home_urn},
            {"local_authority", says.local_authority},
            {"child_name", says.child_name},
            {"date_of_birth", format_local_date(says.date_of_birth)},
            {"legal_basis", says.legal_basis},
            {"accommodated", says.accommodated},
            {"order", says.order},
            {"placing_authority", says.placing_authority},
            {"iro", says.iro},
            {"ehc", says.ehc},
            {"ehc_label", says.ehc.empty() ? "Asked when the notice is sent"
                                           : label_in(ehc_answers(), says.ehc)},
            {"ehc_authority", says.ehc_authority},
            {"gaps", says.gaps},
            {"complete", says.gaps.empty()}};
}

Result<std::optional<deadlines::Deadline>> notice_clock(db::Connection& c, std::int64_t id) {
    for (auto& d : TRY(deadlines::for_source(c, "placement_notice", id))) {
        if (d.kind == notice_clock_kind) {
            return std::optional<deadlines::Deadline>{std::move(d)};
        }
    }
    return std::optional<deadlines::Deadline>{};
}
}  // namespace

nlohmann::json placement_notice_view(const PlacementNotice& n, const NoticeContents& says,
                                     const std::optional<deadlines::Deadline>& clock,
                                     Timestamp now) {
    const std::string href = fmt::format("/children/{}/placement-notices/{}", n.child_id, n.id);
    return {{"id", n.id},
            {"home_id", n.home_id},
            {"child", {{"id", n.child_id}, {"name", n.child_name}}},
            {"occasion", n.occasion},
            {"occasion_label", label_in(occasions(), n.occasion)},
            {"is_admission", n.occasion == admission},
            {"occurred_on", format_date(n.occurred_on)},
            {"occurred", format_local_date(n.occurred_on)},
            {"local_authority", n.local_authority},
            {"sent", n.sent.has_value()},
            {"sent_to", n.sent_to},
            {"method", n.method},
            {"method_label", n.method.empty() ? "" : label_in(written_methods(), n.method)},
            {"reference", n.reference},
            {"sent_at", n.sent_at ? nlohmann::json(format_utc(*n.sent_at)) : nlohmann::json()},
            {"sent_when", n.sent_at ? format_local(*n.sent_at) : ""},
            {"sent_by", n.sent_by_name},
            {"recorded_by", n.recorded_by_name},
            {"withdrawn_reason", n.withdrawn_reason},
            {"notice", says_view(says)},
            {"clock", clock ? deadlines::deadline_view(*clock, now) : nlohmann::json()},
            {"href", href},
            {"download_href", href + "/notice.html"}};
}

Result<nlohmann::json> placement_notice_view(db::Connection& c, const PlacementNotice& n,
                                             Timestamp now) {
    return placement_notice_view(n, TRY(contents_of(c, n)), TRY(notice_clock(c, n.id)), now);
}

Result<nlohmann::json> notice_views_of(db::Connection& c, const std::vector<PlacementNotice>& list,
                                       Timestamp now) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& n : list) {
        out.push_back(TRY(placement_notice_view(c, n, now)));
    }
    return out;
}

namespace {

Result<nlohmann::json> notices_export_content(db::Connection& c, std::int64_t child_id) {
    const auto now =
        std::chrono::time_point_cast<std::chrono::milliseconds>(std::chrono::system_clock::now());
    return notice_views_of(c, TRY(notices_of_child(c, child_id)), now);
}

nlohmann::json notices_export_blocks(const nlohmann::json& list) {
    namespace b = children::export_blocks;
    if (list.empty()) {
        return nlohmann::json::array({b::paragraph(
            "No notice of an admission or leaving was owed to the home's local authority: it "
            "placed the child, or the notice predates Hearth.")});
    }
    nlohmann::json blocks = nlohmann::json::array();
    for (const auto& n : list) {
        const auto& says = n["notice"];
        blocks.push_back(b::heading(
            fmt::format("Notice of {}, {}", n.value("occasion", ""), n.value("occurred", ""))));
        blocks.push_back(b::fields(
            {{"To", n.value("local_authority", "")},
             {"Sent", n.value("sent", false)
                          ? fmt::format("{} by {}, {}, to {}", n.value("sent_when", ""),
                                        n.value("sent_by", ""), n.value("method_label", ""),
                                        n.value("sent_to", ""))
                          : "Not sent"},
             {"Reference", n.value("reference", "")},
             {"Withdrawn", n.value("withdrawn_reason", "")},
             {"Accommodated under section 20 or 21", says.value("accommodated", "")},
             {"Care or supervision order under section 31", says.value("order", "")},
             {"Placing authority", says.value("placing_authority", "")},
             {"Independent reviewing officer", says.value("iro", "")},
             {"EHC plan or statement", says.value("ehc_label", "")},
             {"Authority responsible for it", says.value("ehc_authority", "")}}));
    }
    return blocks;
}

}  // namespace

children::ExportSection placement_notices_export_section() {
    return {"placement_notices", "Notices of admission and leaving (Reg 41)",
            notices_export_content, notices_export_blocks};
}

}  // namespace hearth::notifications
