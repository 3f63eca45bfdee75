#include "relationships/bullying_voice_store.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "chronology/chronology_store.hpp"
#include "relationships/bullying_store.hpp"

namespace hearth::relationships {

namespace {

Result<Concern> concern_about(db::Connection& c, std::int64_t concern_id, std::int64_t child_id,
                              const audit::Actor& actor) {
    if (!actor.person_id) {
        return Error::internal("a child's advocate or complaint needs a signed-in author");
    }
    auto found = TRY(find_concern(c, concern_id));
    if (!found) {
        return Error::not_found("We could not find that concern.");
    }
    if (!found->about(child_id)) {
        return Error::invalid("child_id", "Choose a child this concern is about");
    }
    return std::move(*found);
}

db::Value optional_day(const std::optional<Date>& d) {
    return d ? db::Value{format_date(*d)} : db::Value{};
}

// The complaint is about the child who made it: a line in their chronology alone.
Status chronicle_complaint(db::Connection& c, const Concern& k, std::int64_t child_id, Timestamp at,
                           const std::string& title, const std::string& summary,
                           const char* source_type, std::int64_t complaint_id,
                           const audit::Actor& actor, Timestamp now) {
    TRY(chronology::record(
        c,
        {child_id, k.home_id, at, "bullying", source_type, complaint_id, title,
         chronology::summarise(summary), fmt::format("/children/{}/bullying/{}", child_id, k.id),
         true, false, actor.person_id, actor.name},
        now));
    return {};
}

// A day in the chronology, at midday, or now when that is still to come.
Timestamp day_of(Date d, Timestamp now) {
    return std::min(now, from_local(d, 12, 0).value_or(now));
}

}  // namespace

Result<std::int64_t> record_advocate_offer(db::Connection& c, std::int64_t concern_id,
                                           const AdvocateOffer& a, const audit::Actor& actor,
                                           Timestamp now) {
    const auto k = TRY(concern_about(c, concern_id, a.child_id, actor));
    const auto id = TRY(c.insert(
        "INSERT INTO bullying_advocates (concern_id, child_id, offered_on, answer, advocate_name, "
        "notes, recorded_at, recorded_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
        {concern_id, a.child_id, format_date(a.offered_on), a.answer, a.advocate_name, a.notes,
         format_utc(now), *actor.person_id}));
    TRY(audit::append(
        c, actor,
        {"advocate", concern_record_type, std::to_string(concern_id), k.home_id, a.child_id,
         "An advocate offered: " + label_in(advocate_answers(), a.answer)},
        {"bullying_advocates", id}, now));
    return id;
}

Result<std::int64_t> record_complaint(db::Connection& c, std::int64_t concern_id,
                                      const Complaint& m, const audit::Actor& actor,
                                      Timestamp now) {
    const auto k = TRY(concern_about(c, concern_id, m.child_id, actor));
    const auto& o = m.outcome;
    const auto id = TRY(c.insert(
        "INSERT INTO bullying_complaints (concern_id, child_id, made_on, complaint, about, "
        "looked_into_by, action, outcome, outcome_on, outcome_recorded_by, recorded_at, "
        "recorded_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id",
        {concern_id, m.child_id, format_date(m.made_on), m.complaint, m.about, m.looked_into_by,
         o.action, o.outcome, optional_day(o.outcome_on),
         o.has_outcome() ? db::Value{*actor.person_id} : db::Value{}, format_utc(now),
         *actor.person_id}));
    TRY(chronicle_complaint(c, k, m.child_id, day_of(m.made_on, now),
                            "Made a complaint about the response to bullying", m.complaint,
                            "bullying_complaint", id, actor, now));
    TRY(audit::append(c, actor,
                      {"complaint", concern_record_type, std::to_string(concern_id), k.home_id,
                       m.child_id, "A complaint about: " + m.about},
                      {"bullying_complaints", id}, now));
    return id;
}

Status record_complaint_outcome(db::Connection& c, std::int64_t concern_id,
                                std::int64_t complaint_id, const ComplaintOutcome& o,
                                const audit::Actor& actor, Timestamp now) {
    auto found = TRY(find_concern(c, concern_id));
    if (!found) {
        return Error::not_found("We could not find that concern.");
    }
    const auto& list = found->complaints;
    const auto m = std::find_if(list.begin(), list.end(),
                                [&](const ComplaintRecord& r) { return r.id == complaint_id; });
    if (m == list.end()) {
        return Error::invalid("complaint_id", "Choose a complaint made about this concern");
    }
    if (m->complaint.outcome.has_outcome()) {
        return Error::conflict("This complaint's outcome was recorded on " +
                               format_local_date(*m->complaint.outcome.outcome_on) + ".");
    }
    TRY(
        c.run("UPDATE bullying_complaints SET action = $1, outcome = $2, outcome_on = $3, "
              "outcome_recorded_by = $4 WHERE id = $5 AND outcome_on IS NULL",
              {o.action, o.outcome, optional_day(o.outcome_on), *actor.person_id, complaint_id}));
    TRY(chronicle_complaint(c, *found, m->complaint.child_id, now, "Their complaint was answered",
                            o.outcome, "bullying_complaint_outcome", complaint_id, actor, now));
    return audit::append(c, actor,
                         {"complaint_outcome", concern_record_type, std::to_string(concern_id),
                          found->home_id, m->complaint.child_id, "A complaint's outcome"},
                         {"bullying_complaints", complaint_id}, now);
}

}  // namespace hearth::relationships
