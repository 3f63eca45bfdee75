#pragma once
// The notice of a child's admission to the home, or of their leaving it, that the registered
// person owes in writing and without delay to the local authority where the home is, unless that
// authority placed the child (Children's Homes (England) Regulations 2015, Reg 41). Plain data and
// rules: whether one is owed, what it says (Reg 41(3)), and the form that records it sent, which
// names every field at fault. The store is placement_notice_store.hpp.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "children/child.hpp"
#include "platform/choice.hpp"
#include "platform/clock.hpp"
#include "platform/http/form.hpp"

namespace hearth::notifications {

const std::vector<Choice>& occasions();  // admission, leaving
inline constexpr const char* admission = "admission";
inline constexpr const char* leaving = "leaving";

// The clock: "without delay", held to the organisation's practice target (its setting, 24 hours
// unless changed) from the day of the admission or leaving.
inline constexpr const char* notice_clock_kind = "reg41_notice";

// Reg 41(2): none is owed when the local authority where the home is also placed the child. Not
// knowing where the home's authority is means the notice is owed.
bool notice_owed(const std::string& home_authority, const std::string& placing_authority);

// Reg 41(3)(b) and (c), read from the legal basis in the case record: whether the child is
// accommodated under section 20 or 21, and whether they are subject to a care or supervision order
// under section 31. Nothing when the case record does not say (a basis of "other"): then the form
// that sends the notice asks.
struct LegalPosition {
    std::string accommodated;
    std::string order;
};
std::optional<LegalPosition> legal_position(const std::string& legal_basis);

const std::vector<Choice>& ehc_answers();      // ehc_plan, sen_statement, neither
const std::vector<Choice>& written_methods();  // the notice is in writing (Reg 41(3))

// What the notice says. Before it is sent it is drafted from the case record as it is now; when it
// is sent it is fixed, so the record shows what the authority was told.
struct NoticeContents {
    std::string occasion;
    Date occurred_on{};
    std::string home_name;
    std::string home_urn;
    std::string local_authority;  // the authority told: where the home is
    std::string child_name;       // their legal name
    Date date_of_birth{};
    std::string legal_basis;        // as the case record names it
    std::string accommodated;       // Reg 41(3)(b)
    std::string order;              // Reg 41(3)(c)
    std::string placing_authority;  // Reg 41(3)(d)(i): the authority and its contact details
    std::string iro;                // Reg 41(3)(d)(ii): the IRO and their contact details
    std::string ehc;                // Reg 41(3)(e): a key of ehc_answers(); empty until sent
    std::string ehc_authority;      // the authority responsible for the plan or statement
    // What Reg 41(3) asks that the case record does not hold: the form that sends it asks.
    std::vector<std::string> gaps;
};
nlohmann::json to_json(const NoticeContents& n);
NoticeContents notice_from_json(const nlohmann::json& j);

// The notice drafted from the case record as it is now.
NoticeContents draft_notice(const std::string& occasion, Date occurred_on,
                            const std::string& home_name, const std::string& home_urn,
                            const std::string& local_authority, const children::ChildDetails& d);

// What the form gives when the notice was sent: to whom, how, when and by whom, and what the
// notice said where the case record could not say it. `staff`: who may have sent it. `from`: the
// start of the day of the admission or leaving; no notice of it is sent before.
struct Sending {
    std::string sent_to;
    std::string method;
    std::string reference;
    Timestamp sent_at{};
    std::int64_t sent_by = 0;
    std::string placing_authority;
    std::string iro;
    std::string ehc;
    std::string ehc_authority;
    std::string accommodated;  // only when the case record does not say
    std::string order;
};
Result<Sending> read_sending(http::FormReader& f, const std::vector<std::int64_t>& staff,
                             bool asks_legal_position, Timestamp from, Timestamp now);

// The notice as sent: the draft with what the form said.
NoticeContents as_sent(NoticeContents draft, const Sending& s);

}  // namespace hearth::notifications
