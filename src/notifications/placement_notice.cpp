#include "notifications/placement_notice.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <limits>

#include "notifications/serious_event.hpp"

namespace hearth::notifications {

const std::vector<Choice>& occasions() {
    static const std::vector<Choice> all{
        {admission, "Admission"},
        {leaving, "Leaving"},
    };
    return all;
}

bool notice_owed(const std::string& home_authority, const std::string& placing_authority) {
    return !same_authority(home_authority, placing_authority);
}

std::optional<LegalPosition> legal_position(const std::string& legal_basis) {
    // Children removed under Part V (an emergency protection order) or remanded are accommodated
    // under section 21; an interim care order is made under section 38, not section 31.
    static const std::vector<std::pair<std::string, LegalPosition>> known{
        {"s20", {"Yes: accommodated under section 20", "No"}},
        {"short_breaks", {"Yes: accommodated under section 20, for short breaks", "No"}},
        {"s44",
         {"Yes: accommodated under section 21, under an emergency protection order (section 44)",
          "No"}},
        {"remand",
         {"Yes: accommodated under section 21, remanded to local authority accommodation", "No"}},
        {"s31", {"No", "Yes: a care order under section 31"}},
        {"s38", {"No", "No full order under section 31: an interim care order under section 38"}},
    };
    for (const auto& [key, position] : known) {
        if (key == legal_basis) {
            return position;
        }
    }
    return std::nullopt;
}

const std::vector<Choice>& ehc_answers() {
    static const std::vector<Choice> all{
        {"ehc_plan", "Yes: an education, health and care (EHC) plan"},
        {"sen_statement", "Yes: a statement of special educational needs"},
        {"neither", "No: neither an EHC plan nor a statement"},
    };
    return all;
}

const std::vector<Choice>& written_methods() {
    static const std::vector<Choice> all{
        {"secure_email", "Secure email"},
        {"email", "Email"},
        {"online_form", "The authority's online form"},
        {"letter", "Letter"},
        {"by_hand", "Delivered by hand"},
    };
    return all;
}

nlohmann::json to_json(const NoticeContents& n) {
    return {{"occasion", n.occasion},
            {"occurred_on", format_date(n.occurred_on)},
            {"home_name", n.home_name},
            {"home_urn", n.home_urn},
            {"local_authority", n.local_authority},
            {"child_name", n.child_name},
            {"date_of_birth", format_date(n.date_of_birth)},
            {"legal_basis", n.legal_basis},
            {"accommodated", n.accommodated},
            {"order", n.order},
            {"placing_authority", n.placing_authority},
            {"iro", n.iro},
            {"ehc", n.ehc},
            {"ehc_authority", n.ehc_authority}};
}

NoticeContents notice_from_json(const nlohmann::json& j) {
    NoticeContents n;
    n.occasion = j.value("occasion", "");
    n.occurred_on = parse_date(j.value("occurred_on", "")).value_or(Date{});
    n.home_name = j.value("home_name", "");
    n.home_urn = j.value("home_urn", "");
    n.local_authority = j.value("local_authority", "");
    n.child_name = j.value("child_name", "");
    n.date_of_birth = parse_date(j.value("date_of_birth", "")).value_or(Date{});
    n.legal_basis = j.value("legal_basis", "");
    n.accommodated = j.value("accommodated", "");
    n.order = j.value("order", "");
    n.placing_authority = j.value("placing_authority", "");
    n.iro = j.value("iro", "");
    n.ehc = j.value("ehc", "");
    n.ehc_authority = j.value("ehc_authority", "");
    return n;
}

namespace {
std::string joined(const std::string& a, const std::string& b) {
    if (a.empty() || b.empty()) {
        return a + b;
    }
    return a + ", " + b;
}
}  // namespace

NoticeContents draft_notice(const std::string& occasion, Date occurred_on,
                            const std::string& home_name, const std::string& home_urn,
                            const std::string& local_authority, const children::ChildDetails& d) {
    NoticeContents n;
    n.occasion = occasion;
    n.occurred_on = occurred_on;
    n.home_name = home_name;
    n.home_urn = home_urn;
    n.local_authority = local_authority;
    n.child_name = d.first_name + " " + d.last_name;
    n.date_of_birth = d.date_of_birth;
    n.legal_basis = label_in(children::legal_bases(), d.legal_basis);
    if (auto position = legal_position(d.legal_basis)) {
        n.accommodated = position->accommodated;
        n.order = position->order;
    }
    n.placing_authority = joined(d.placing_authority, d.placing_authority_contact);
    n.iro = joined(d.iro_name, d.iro_contact);
    if (d.placing_authority_contact.empty()) {
        n.gaps.emplace_back("the placing authority's contact details");
    }
    if (d.iro_name.empty() || d.iro_contact.empty()) {
        n.gaps.emplace_back("the independent reviewing officer and their contact details");
    }
    if (n.accommodated.empty()) {
        n.gaps.emplace_back(
            "whether they are accommodated under section 20 or 21, or subject to "
            "an order under section 31");
    }
    return n;
}

Result<Sending> read_sending(http::FormReader& f, const std::vector<std::int64_t>& staff,
                             bool asks_legal_position, Timestamp from, Timestamp now) {
    Sending s;
    s.sent_to = f.text("sent_to", "who at the local authority it was sent to",
                       {.required = true, .max = 200});
    s.method = f.choice("method", "how it was sent", keys_of(written_methods()), true);
    s.reference = f.text("reference", "their reference", {.max = 100});
    const auto by =
        f.integer("sent_by", "who sent it", true, 1, std::numeric_limits<std::int64_t>::max());
    if (by && std::find(staff.begin(), staff.end(), *by) == staff.end()) {
        f.fail("sent_by", "Choose someone who works in this home");
    } else if (by) {
        s.sent_by = *by;
    }
    const auto at =
        f.moment("sent_on", "the day it was sent", "sent_time", "the time it was sent", now);
    if (at && *at < from) {
        f.fail("sent_on",
               "The day it was sent must be on or after the day of the admission or "
               "leaving");
    } else if (at) {
        s.sent_at = *at;
    }
    s.placing_authority =
        f.text("placing_authority", "the placing authority and its contact details",
               {.required = true, .max = 400, .multiline = true});
    s.iro = f.text("iro", "the independent reviewing officer and their contact details",
                   {.required = true, .max = 400, .multiline = true});
    s.ehc = f.choice("ehc", "whether the child has an EHC plan or a statement",
                     keys_of(ehc_answers()), true);
    s.ehc_authority = f.text(
        "ehc_authority", "the local authority responsible for the plan or statement", {.max = 200});
    if ((s.ehc == "ehc_plan" || s.ehc == "sen_statement") && s.ehc_authority.empty()) {
        f.fail("ehc_authority", "Enter the local authority responsible for the plan or statement");
    }
    if (asks_legal_position) {
        s.accommodated =
            f.text("accommodated", "whether they are accommodated under section 20 or 21",
                   {.required = true, .max = 300});
        s.order = f.text("order", "whether they are subject to a care or supervision order",
                         {.required = true, .max = 300});
    }
    TRY(f.finish());
    return s;
}

NoticeContents as_sent(NoticeContents draft, const Sending& s) {
    draft.placing_authority = s.placing_authority;
    draft.iro = s.iro;
    draft.ehc = s.ehc;
    draft.ehc_authority = s.ehc == "neither" ? "" : s.ehc_authority;
    if (!s.accommodated.empty()) {
        draft.accommodated = s.accommodated;
        draft.order = s.order;
    }
    return draft;
}

}  // namespace hearth::notifications
