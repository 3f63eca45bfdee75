#pragma once
// A member of staff's accredited physical intervention certificate (relational practice guidance:
// "accredited physical intervention with expiry"). Staff without a current one are warned when they
// are recorded as holding a child, and the registered manager is given a clock to put it right. The
// workforce capability's training matrix will keep every course; this is the one the intervention
// capability cannot wait for. Plain data and rules.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "behaviour/incident.hpp"
#include "platform/clock.hpp"
#include "platform/http/form.hpp"

namespace hearth::intervention {

struct CertificateInput {
    std::int64_t person_id = 0;
    std::string course;  // the accredited scheme and level: "Accredited holds, level 2"
    Date awarded_on{};
    Date expires_on{};
};

// Certificates last a year or two; longer than this is a slip of the finger.
inline constexpr int longest_certificate_years = 3;

Result<CertificateInput> read_certificate(http::FormReader& form,
                                          const std::vector<behaviour::Person>& staff, Date today);

enum class Standing { current, expiring_soon, expired, missing };
// Where a person's training stands on `day`, from their certificates' expiry dates (the latest
// counts). Expiring soon: within 30 days.
Standing standing_on(const std::vector<Date>& expiry_dates, Date day);
std::string standing_label(Standing s);  // "Current", "Expired"
std::string standing_tag(Standing s);    // the GOV.UK tag colour class

inline constexpr std::chrono::days expiring_within{30};
// The registered manager's clock to arrange training, once someone without it has held a child:
// as long as the organisation's setting (organisation/settings.hpp).
inline constexpr const char* training_clock = "intervention_training";

}  // namespace hearth::intervention
