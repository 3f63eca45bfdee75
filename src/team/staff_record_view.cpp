#include "team/staff_record_view.hpp"

#include <fmt/format.h>

#include "deadlines/deadline_view.hpp"
#include "team/training_view.hpp"

namespace hearth::team {

namespace {

constexpr std::chrono::days qualification_due_within{90};

nlohmann::json qualification_view(const QualificationRecord& q, Date today) {
    const auto standing = qualification_standing(q, today);
    return {{"id", q.id},
            {"qualification", qualification_key(q.qualification)},
            {"label", qualification_label(q.qualification)},
            {"registered_on", format_date(q.registered_on)},
            {"registered_on_text", format_local_date(q.registered_on)},
            {"achieve_by", format_date(q.achieve_by)},
            {"achieve_by_text", format_local_date(q.achieve_by)},
            {"achieved_on", q.achieved_on ? nlohmann::json(format_date(*q.achieved_on)) : nullptr},
            {"achieved_on_text", q.achieved_on ? format_local_date(*q.achieved_on) : ""},
            {"standing", standing},
            {"standing_label", standing == "achieved"   ? "Achieved"
                               : standing == "overdue"  ? "Past its day"
                               : standing == "due_soon" ? "Due soon"
                                                        : "Working towards it"},
            {"standing_tag", standing == "achieved"   ? "govuk-tag--green"
                             : standing == "overdue"  ? "govuk-tag--red"
                             : standing == "due_soon" ? "govuk-tag--yellow"
                                                      : "govuk-tag--blue"},
            {"is_open", !q.achieved_on}};
}

}  // namespace

std::string qualification_standing(const QualificationRecord& q, Date today) {
    if (q.achieved_on) {
        return "achieved";
    }
    if (q.achieve_by < today) {
        return "overdue";
    }
    if (std::chrono::sys_days{q.achieve_by} - std::chrono::sys_days{today} <=
        qualification_due_within) {
        return "due_soon";
    }
    return "working_towards";
}

nlohmann::json staff_record_view(const StaffRecord& r, std::int64_t home_id, Timestamp now) {
    const Date today = local_date_of(now);
    nlohmann::json roles = nlohmann::json::array();
    bool awaiting = false;
    for (const auto& role : r.roles) {
        awaiting = awaiting || role.awaiting_checks;
        roles.push_back({{"home_id", role.home_id},
                         {"home", role.home_name},
                         {"role", role_key(role.role)},
                         {"label", role_label(role.role)},
                         {"awaiting_checks", role.awaiting_checks}});
    }
    nlohmann::json details = nullptr;
    if (r.details) {
        const auto& d = *r.details;
        details = details_record(d);
        details["sex_key"] = d.sex;
        details["works_key"] = d.works;
        details["date_of_birth_text"] = format_local_date(d.date_of_birth);
        details["started_on_text"] = format_local_date(d.started_on);
        details["ended_on_text"] = d.ended_on ? format_local_date(*d.ended_on) : "";
        details["address_lines"] = d.address;
    }
    nlohmann::json checks = nlohmann::json::array();
    for (const auto& ch : r.checks) {
        checks.push_back({{"id", ch.id},
                          {"kind", check_key(ch.kind)},
                          {"label", check_label(ch.kind)},
                          {"what", ch.what},
                          {"dated", format_date(ch.dated)},
                          {"dated_text", format_local_date(ch.dated)},
                          {"note", ch.note},
                          {"recorded_by", ch.recorded_by},
                          {"recorded_at", format_utc(ch.recorded_at)}});
    }
    nlohmann::json starts = nlohmann::json::array();
    for (const auto& s : r.supervised_starts) {
        starts.push_back({{"id", s.id},
                          {"reason", s.reason},
                          {"checks_by", format_date(s.checks_by)},
                          {"checks_by_text", format_local_date(s.checks_by)},
                          {"recorded_by", s.recorded_by},
                          {"recorded_at", format_utc(s.recorded_at)}});
    }
    nlohmann::json qualifications = nlohmann::json::array();
    for (const auto& q : r.qualifications) {
        qualifications.push_back(qualification_view(q, today));
    }
    nlohmann::json clocks = nlohmann::json::array();
    for (const auto& d : r.clocks) {
        clocks.push_back(deadlines::deadline_view(d, now));
    }
    nlohmann::json requests = nlohmann::json::array();
    for (const auto& q : r.requests) {
        requests.push_back(
            {{"id", q.id},
             {"field", q.field},
             {"field_label", label_in(requestable_details(), q.field)},
             {"asked", q.asked},
             {"why", q.why},
             {"asked_at", format_utc(q.asked_at)},
             {"asked_when", format_local(q.asked_at)},
             {"answer", q.answer.empty() ? nlohmann::json() : nlohmann::json(q.answer)},
             {"answer_note", q.answer_note},
             {"answered_by", q.answered_by},
             {"answered_at",
              q.answered_at ? nlohmann::json(format_utc(*q.answered_at)) : nlohmann::json()},
             {"is_open", q.answer.empty()}});
    }
    const auto missing = missing_checks_of(r);
    return {{"id", r.person_id},
            {"href", fmt::format("/homes/{}/team/{}", home_id, r.person_id)},
            {"name", r.name},
            {"email", r.email},
            {"job_title", r.job_title},
            {"roles", roles},
            {"awaiting_checks", awaiting},
            {"details", details},
            {"version", r.version},
            {"updated_by", r.updated_by},
            {"updated_at", r.updated_at ? nlohmann::json(format_utc(*r.updated_at)) : nullptr},
            {"checks", checks},
            {"missing_checks", missing},
            {"checks_complete", missing.empty()},
            {"supervised_starts", starts},
            {"qualifications", qualifications},
            {"versions", amendments::versions_json(r.versions)},
            {"training", training_lines_view(r.training, today)},
            {"requests", requests},
            {"clocks", clocks}};
}

nlohmann::json team_view(const std::vector<TeamMember>& team, std::int64_t home_id, Date today) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& m : team) {
        std::string roles;
        nlohmann::json role_keys = nlohmann::json::array();
        for (auto role : m.roles) {
            roles += (roles.empty() ? "" : ", ") + std::string(role_label(role));
            role_keys.push_back(role_key(role));
        }
        nlohmann::json qualifications = nlohmann::json::array();
        for (const auto& q : m.qualifications) {
            qualifications.push_back(qualification_view(q, today));
        }
        const bool past_checks_day = m.checks_by && *m.checks_by < today;
        out.push_back(
            {{"id", m.person_id},
             {"href", fmt::format("/homes/{}/team/{}", home_id, m.person_id)},
             {"name", m.name},
             {"job_title", m.job_title},
             {"roles", role_keys},
             {"roles_text", roles},
             {"awaiting_checks", m.awaiting_checks},
             {"has_details", m.has_details},
             {"started_on", m.started_on ? nlohmann::json(format_date(*m.started_on)) : nullptr},
             {"started_on_text", m.started_on ? format_local_date(*m.started_on) : ""},
             {"missing_checks", m.missing},
             {"missing_text", fmt::format("{}", fmt::join(m.missing, "; "))},
             {"checks_complete", m.missing.empty()},
             {"supervised_until",
              m.checks_by ? nlohmann::json(format_date(*m.checks_by)) : nullptr},
             {"supervised_until_text", m.checks_by ? format_local_date(*m.checks_by) : ""},
             {"past_checks_day", past_checks_day},
             {"qualifications", qualifications}});
    }
    return out;
}

}  // namespace hearth::team
