#include "children/reg44/reg44_consent.hpp"

#include <fmt/format.h>

namespace hearth::children {

const std::vector<Choice>& reg44_parties() {
    static const std::vector<Choice> parties{{"child", "The child"},
                                             {"placing_authority", "The placing authority"}};
    return parties;
}

Result<Reg44Consents> reg44_consents_of(db::Connection& c, std::int64_t child_id) {
    auto rows = TRY(c.query(
        "SELECT r.party, r.consents, r.given_by, r.given_on, COALESCE(p.name, ''), r.recorded_at "
        "FROM reg44_consents r LEFT JOIN people p ON p.id = r.recorded_by "
        "WHERE r.child_id = $1 ORDER BY r.id DESC",
        {child_id}));
    Reg44Consents out;
    for (const auto& r : rows) {
        Reg44Consent one{r.text(0), r.boolean(1),
                         r.text(2), parse_date(r.text(3)).value_or(Date{}),
                         r.text(4), parse_utc(r.text(5)).value_or(Timestamp{})};
        auto& now = one.party == "child" ? out.child : out.placing_authority;
        if (!now) {
            now = one;
        }
        out.history.push_back(std::move(one));
    }
    return out;
}

Status record_reg44_consent(db::Connection& c, std::int64_t child_id, const Reg44Consent& consent,
                            const audit::Actor& actor, Timestamp now) {
    std::vector<FieldError> errors;
    const auto parties = keys_of(reg44_parties());
    if (std::find(parties.begin(), parties.end(), consent.party) == parties.end()) {
        errors.push_back({"party",
                          "Choose whose consent this is: the child's or the placing "
                          "authority's"});
    }
    if (consent.given_by.empty() || consent.given_by.size() > 300) {
        errors.push_back({"given_by", "Say who gave or withdrew it, in 300 characters or fewer"});
    }
    if (!errors.empty()) {
        return Error::invalid_fields(std::move(errors));
    }
    const std::string at = format_utc(now);
    TRY(
        c.run("INSERT INTO reg44_consents (child_id, party, consents, given_by, given_on, "
              "recorded_by, recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
              {child_id, consent.party, std::int64_t{consent.consents}, consent.given_by,
               format_date(consent.given_on), db::nullable(actor.person_id), at}));
    const auto standing = TRY(reg44_consents_of(c, child_id));
    auto home = TRY(c.query_one("SELECT home_id FROM children WHERE id = $1", {child_id}));
    if (!home) {
        return Error::not_found("We could not find that child's record.");
    }
    TRY(c.run("UPDATE children SET reg44_consent = $1 WHERE id = $2",
              {std::int64_t{standing.both()}, child_id}));
    return audit::append(
        c, actor,
        {consent.consents ? "reg44_consent_given" : "reg44_consent_withdrawn", "child",
         std::to_string(child_id), home->integer(0), child_id,
         fmt::format("{}: {} on {}; independent person may read: {}", consent.party,
                     consent.given_by, format_date(consent.given_on),
                     standing.both() ? "yes" : "no")},
        now);
}

}  // namespace hearth::children
