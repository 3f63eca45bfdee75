#include "intervention/certificate.hpp"

#include <algorithm>
#include <limits>

namespace hearth::intervention {

Result<CertificateInput> read_certificate(http::FormReader& f,
                                          const std::vector<behaviour::Person>& staff, Date today) {
    CertificateInput c;
    const auto person = f.integer("person_id", "who the certificate is for", true, 1,
                                  std::numeric_limits<std::int64_t>::max());
    if (person && std::none_of(staff.begin(), staff.end(),
                               [&](const behaviour::Person& p) { return p.id == *person; })) {
        f.fail("person_id", "Choose someone who works in this home");
    }
    c.course = f.text("course", "the course and its level", {.required = true, .max = 200});
    const auto awarded = f.date("awarded_on", "the day it was awarded",
                                {.required = true, .not_after = today, .after_label = "today"});
    const auto expires = f.date("expires_on", "the day it expires", {.required = true});
    if (awarded && expires) {
        const auto lasts = std::chrono::sys_days{*expires} - std::chrono::sys_days{*awarded};
        if (*expires <= *awarded) {
            f.fail("expires_on", "The day it expires must be after the day it was awarded");
        } else if (lasts > std::chrono::days{366 * longest_certificate_years}) {
            f.fail("expires_on",
                   "A certificate lasting more than 3 years is not one we know of: "
                   "check the year it expires");
        }
    }
    TRY(f.finish());
    c.person_id = person.value_or(0);
    if (awarded) {
        c.awarded_on = *awarded;
    }
    if (expires) {
        c.expires_on = *expires;
    }
    return c;
}

Standing standing_on(const std::vector<Date>& expiry_dates, Date day) {
    if (expiry_dates.empty()) {
        return Standing::missing;
    }
    const Date latest = *std::max_element(expiry_dates.begin(), expiry_dates.end());
    if (latest < day) {
        return Standing::expired;
    }
    if (std::chrono::sys_days{latest} - std::chrono::sys_days{day} <= expiring_within) {
        return Standing::expiring_soon;
    }
    return Standing::current;
}

std::string standing_label(Standing s) {
    switch (s) {
        case Standing::current:
            return "Current";
        case Standing::expiring_soon:
            return "Expires soon";
        case Standing::expired:
            return "Expired";
        case Standing::missing:
            return "None recorded";
    }
    return "None recorded";
}

std::string standing_tag(Standing s) {
    switch (s) {
        case Standing::current:
            return "govuk-tag--green";
        case Standing::expiring_soon:
            return "govuk-tag--yellow";
        case Standing::expired:
        case Standing::missing:
            return "govuk-tag--red";
    }
    return "govuk-tag--red";
}

}  // namespace hearth::intervention
