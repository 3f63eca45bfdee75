#include "intervention/measure_store.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "behaviour/incident_lists.hpp"
#include "chronology/chronology_store.hpp"
#include "deadlines/deadline_store.hpp"
#include "intervention/certificate.hpp"
#include "language/language_checks.hpp"
#include "organisation/settings.hpp"
#include "team/training_programme.hpp"

namespace hearth::intervention {

namespace {
constexpr const char* record_type = "measure";

constexpr const char* columns =
    "m.id, m.incident_id, m.child_id, m.home_id, m.details, m.created_by, a.name, m.created_at, "
    "m.updated_at, u.name, m.version, "
    "CASE WHEN c.preferred_name <> '' THEN c.preferred_name ELSE c.first_name END || ' ' || "
    "c.last_name";
constexpr const char* joins =
    "FROM measures m JOIN people a ON a.id = m.created_by JOIN people u ON u.id = m.updated_by "
    "JOIN children c ON c.id = m.child_id";

Measure from_row(const db::Row& r) {
    Measure m;
    m.id = r.integer(0);
    m.incident_id = r.integer(1);
    m.child_id = r.integer(2);
    m.home_id = r.integer(3);
    auto j = nlohmann::json::parse(r.text(4), nullptr, false);
    m.details = from_json(j.is_discarded() ? nlohmann::json::object() : j);
    m.author_id = r.integer(5);
    m.author_name = r.text(6);
    m.created_at = parse_utc(r.text(7)).value_or(Timestamp{});
    m.updated_at = parse_utc(r.text(8)).value_or(Timestamp{});
    m.updated_by_name = r.text(9);
    m.version = static_cast<int>(r.integer(10));
    m.child_name = r.text(11);
    return m;
}

Status load_reviews(db::Connection& c, std::vector<Measure>& measures) {
    for (auto& m : measures) {
        auto rows =
            TRY(c.query("SELECT r.stage, r.spoke_on, r.note, r.child_said, r.signed_version, "
                        "b.name, r.signed_at FROM measure_reviews r JOIN people b ON b.id = "
                        "r.signed_by WHERE r.measure_id = $1",
                        {m.id}));
        for (const auto& r : rows) {
            Review v;
            v.stage = stage_from(r.text(0)).value_or(Stage::staff);
            v.spoke_on = parse_date(r.text(1)).value_or(Date{});
            v.note = r.text(2);
            v.child_said = r.text(3);
            v.signed_version = static_cast<int>(r.integer(4));
            v.signed_by_name = r.text(5);
            v.signed_at = parse_utc(r.text(6)).value_or(Timestamp{});
            (v.stage == Stage::staff ? m.staff_review : m.child_review) = std::move(v);
        }
        auto spoken =
            TRY(c.query("SELECT s.person_id, p.name, s.spoke_on, s.note, b.name, s.recorded_at, "
                        "s.at_sign_off FROM measure_staff_conversations s JOIN people p ON p.id = "
                        "s.person_id JOIN people b ON b.id = s.recorded_by WHERE s.measure_id = "
                        "$1 ORDER BY s.id",
                        {m.id}));
        for (const auto& r : spoken) {
            m.staff_spoken_to.push_back(
                {r.integer(0), r.text(1), parse_date(r.text(2)).value_or(Date{}), r.text(3),
                 r.text(4), parse_utc(r.text(5)).value_or(Timestamp{}), r.integer(6) != 0});
        }
    }
    return {};
}

std::string link_of(std::int64_t id) {
    return fmt::format("/measures/{}", id);
}

std::string first_name(const std::string& name) {
    return name.substr(0, name.find(' '));
}

std::string chronology_kind(const MeasureDetails& d) {
    return is_restraint(d.kind) ? "physical_intervention" : "consequence";
}

std::string summary_of(const MeasureDetails& d) {
    return chronology::summarise(d.description);
}

std::string staff_words(const MeasureDetails& d) {
    std::string out;
    for (const std::string* part :
         {&d.behaviour, &d.steps_to_avoid, &d.description, &d.why_necessary, &d.effect,
          &d.injury_to_child, &d.injury_to_others, &d.medical_check_outcome}) {
        if (!part->empty()) {
            out += *part + "\n";
        }
    }
    return out;
}

Status start_reviews(db::Connection& c, std::int64_t id, std::int64_t home_id,
                     std::int64_t child_id, const std::string& child_name, const MeasureDetails& d,
                     const audit::Actor& actor, Timestamp now) {
    if (!clocks_apply(d.ehc_exempt)) {
        return {};
    }
    const auto due = clocks_for(d.started_at);
    const std::string what = is_restraint(d.kind) ? "physical intervention" : "consequence";
    deadlines::NewDeadline staff;
    staff.home_id = home_id;
    staff.child_id = child_id;
    staff.kind = staff_review_clock;
    staff.title = fmt::format("Speak to the staff and sign the {} record for {}", what,
                              first_name(child_name));
    staff.source_type = record_type;
    staff.source_id = id;
    staff.link = link_of(id) + "/staff-review";
    staff.started_at = d.started_at;
    staff.due_at = due.staff_review_due;
    auto a = TRY(deadlines::start(c, staff, actor, now));
    deadlines::NewDeadline child = staff;
    child.kind = child_review_clock;
    child.title = fmt::format("Speak to {} about the {}", first_name(child_name), what);
    child.link = link_of(id) + "/child-review";
    child.due_at = due.child_review_due;
    TRY(deadlines::start(c, child, actor, now));
    (void)a;
    return {};
}

std::string exemption_reason(const MeasureDetails& d) {
    return fmt::format(
        "Planned as routine in the child's EHC plan ({}): no Reg 35 clock runs (Reg 35(4))",
        d.ehc_reference);
}

// The 24-hour record clock: the incident started it when it said a measure was used, from the
// time it said the measure began; the record now says when it began, and the clock runs from that.
// A measure the incident did not mention (a consequence, or a hold it left out) starts its own,
// met as it is written. A measure planned as routine in the EHC plan runs no clock: the incident's
// is closed, saying why.
Status meet_record_clock(db::Connection& c, const behaviour::Incident& incident, std::int64_t id,
                         std::int64_t child_id, const std::string& child_name,
                         const MeasureDetails& d, const audit::Actor& actor, Timestamp now) {
    int met = 0;
    for (const auto& ch : incident.children) {
        if (ch.child_id != child_id || !is_restraint(d.kind)) {
            continue;
        }
        if (!clocks_apply(d.ehc_exempt)) {
            TRY(deadlines::close(c, "incident_child", ch.link_id, behaviour::reg35_record_clock,
                                 exemption_reason(d), actor, now));
            return {};
        }
        TRY(deadlines::move(c, "incident_child", ch.link_id, behaviour::reg35_record_clock,
                            d.started_at, clocks_for(d.started_at).record_due,
                            "the Reg 35 record says when the measure began", actor, now));
        met = TRY(deadlines::meet(c, "incident_child", ch.link_id, behaviour::reg35_record_clock,
                                  actor, now, "The Reg 35 record was written"));
    }
    if (met > 0 || !clocks_apply(d.ehc_exempt)) {
        return {};
    }
    deadlines::NewDeadline clock;
    clock.home_id = incident.home_id;
    clock.child_id = child_id;
    clock.kind = behaviour::reg35_record_clock;
    clock.title =
        fmt::format("Write the Reg 35 record of the measure used with {}", first_name(child_name));
    clock.source_type = record_type;
    clock.source_id = id;
    clock.link = link_of(id);
    clock.started_at = d.started_at;
    clock.due_at = clocks_for(d.started_at).record_due;
    TRY(deadlines::start(c, clock, actor, now));
    TRY(deadlines::meet(c, record_type, id, behaviour::reg35_record_clock, actor, now,
                        "The Reg 35 record was written"));
    return {};
}

// An amendment that changes when the measure began, or whether it is planned in the EHC plan,
// moves, closes or starts its clocks; each change is in the trail with its reason.
Status follow_amendment(db::Connection& c, const Measure& before, const MeasureDetails& d,
                        const audit::Actor& actor, Timestamp now) {
    const std::string why = "amended: ";
    if (d.ehc_exempt && !before.details.ehc_exempt) {
        for (const char* kind :
             {behaviour::reg35_record_clock, staff_review_clock, child_review_clock}) {
            TRY(deadlines::close(c, record_type, before.id, kind, why + exemption_reason(d), actor,
                                 now));
        }
        auto incident = TRY(behaviour::find(c, before.incident_id));
        for (const auto& ch :
             incident ? incident->children : std::vector<behaviour::IncidentChild>{}) {
            if (ch.child_id == before.child_id) {
                TRY(deadlines::close(c, "incident_child", ch.link_id, behaviour::reg35_record_clock,
                                     why + exemption_reason(d), actor, now));
            }
        }
        return {};
    }
    if (!d.ehc_exempt && before.details.ehc_exempt) {
        // The record was written when it was written: its clock is met then, in time or not.
        deadlines::NewDeadline clock;
        clock.home_id = before.home_id;
        clock.child_id = before.child_id;
        clock.kind = behaviour::reg35_record_clock;
        clock.title = fmt::format("Write the Reg 35 record of the measure used with {}",
                                  first_name(before.child_name));
        clock.source_type = record_type;
        clock.source_id = before.id;
        clock.link = link_of(before.id);
        clock.started_at = d.started_at;
        clock.due_at = clocks_for(d.started_at).record_due;
        TRY(deadlines::start(c, clock, actor, now));
        TRY(deadlines::meet(c, record_type, before.id, behaviour::reg35_record_clock, actor,
                            before.created_at,
                            "The Reg 35 record was written; amended: not planned in the EHC plan"));
        return start_reviews(c, before.id, before.home_id, before.child_id, before.child_name, d,
                             actor, now);
    }
    if (d.started_at == before.details.started_at || d.ehc_exempt) {
        return {};
    }
    const auto due = clocks_for(d.started_at);
    const std::string reason =
        fmt::format("amended: the measure began {}", format_local(d.started_at));
    TRY(deadlines::move(c, record_type, before.id, behaviour::reg35_record_clock, d.started_at,
                        due.record_due, reason, actor, now));
    TRY(deadlines::move(c, record_type, before.id, staff_review_clock, d.started_at,
                        due.staff_review_due, reason, actor, now));
    TRY(deadlines::move(c, record_type, before.id, child_review_clock, d.started_at,
                        due.child_review_due, reason, actor, now));
    auto incident = TRY(behaviour::find(c, before.incident_id));
    for (const auto& ch : incident ? incident->children : std::vector<behaviour::IncidentChild>{}) {
        if (ch.child_id != before.child_id) {
            continue;
        }
        // The incident's record clock ran from this measure when it was the one that met it.
        auto clocks = TRY(deadlines::for_source(c, "incident_child", ch.link_id));
        for (const auto& clock : clocks) {
            if (clock.kind == behaviour::reg35_record_clock &&
                clock.started_at == before.details.started_at) {
                TRY(deadlines::move(c, "incident_child", ch.link_id, behaviour::reg35_record_clock,
                                    d.started_at, due.record_due, reason, actor, now));
            }
        }
    }
    return {};
}

Status check_words(db::Connection& c, std::int64_t organisation_id, std::int64_t home_id,
                   std::int64_t child_id, std::int64_t id, const MeasureDetails& d, Timestamp now) {
    TRY(language::check_and_record(c, organisation_id, home_id, child_id, record_type, id,
                                   staff_words(d), now));
    return {};
}

std::string child_name_of(const behaviour::Incident& incident, std::int64_t child_id) {
    for (const auto& ch : incident.children) {
        if (ch.child_id == child_id) {
            return ch.name;
        }
    }
    return {};
}
}  // namespace

Result<std::int64_t> record(db::Connection& c, const Writing& w, const MeasureDetails& d,
                            const audit::Actor& actor, Timestamp now) {
    if (!actor.person_id || !w.incident) {
        return Error::internal("a Reg 35 record needs a signed-in author and its incident");
    }
    const behaviour::Incident& incident = *w.incident;
    if (std::none_of(
            incident.children.begin(), incident.children.end(),
            [&](const behaviour::IncidentChild& ch) { return ch.child_id == w.child_id; })) {
        return Error::not_found("We could not find that child in this incident.");
    }
    if (is_restraint(d.kind) && !behaviour::is_restrictive(incident.details.restrictive_measure)) {
        return Error::invalid("kind",
                              "The incident says nobody was held or kept from going somewhere: "
                              "amend the incident first, then write this record");
    }
    const std::string name = child_name_of(incident, w.child_id);
    const std::string at = format_utc(now);
    auto id = TRY(
        c.insert("INSERT INTO measures (incident_id, child_id, home_id, kind, started_at, "
                 "ended_at, duration_minutes, details, used_by, technique, injury, ehc_exempt, "
                 "ehc_reference, created_at, created_by, updated_at, updated_by, version) VALUES "
                 "($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $14, $15, 1) "
                 "RETURNING id",
                 {incident.id, w.child_id, incident.home_id, d.kind, format_utc(d.started_at),
                  d.ended_at ? db::Value{format_utc(*d.ended_at)} : db::Value{nullptr},
                  std::int64_t{duration_minutes(d)}, to_json(d).dump(),
                  nlohmann::json(d.used_by).dump(), d.technique, std::int64_t{any_injury(d)},
                  std::int64_t{d.ehc_exempt}, d.ehc_reference, at, *actor.person_id}));
    TRY(amendments::keep_version(c, record_type, id, 1, to_json(d), "Written", *actor.person_id,
                                 now));
    TRY(chronology::record(c,
                           {w.child_id, incident.home_id, d.started_at, chronology_kind(d),
                            record_type, id, title_of(d, w.technique_label), summary_of(d),
                            link_of(id), is_restraint(d.kind), true, actor.person_id, actor.name},
                           now));
    TRY(meet_record_clock(c, incident, id, w.child_id, name, d, actor, now));
    TRY(start_reviews(c, id, incident.home_id, w.child_id, name, d, actor, now));
    if (is_restraint(d.kind)) {
        TRY(check_training(c, incident.home_id, d.used_by, local_date_of(d.started_at), actor,
                           now));
    }
    TRY(check_words(c, w.organisation_id, incident.home_id, w.child_id, id, d, now));
    TRY(audit::append(c, actor,
                      {"create", record_type, std::to_string(id), incident.home_id, w.child_id,
                       fmt::format("incident {}: {}", incident.id, title_of(d, w.technique_label))},
                      {"measures", id}, now));
    return id;
}

Status amend(db::Connection& c, std::int64_t measure_id, int read_version, const MeasureDetails& d,
             const std::string& technique_label, std::int64_t organisation_id,
             const std::string& reason, const audit::Actor& actor, Timestamp now) {
    if (reason.empty()) {
        return Error::invalid("reason", "Enter why you are amending this record");
    }
    if (!actor.person_id) {
        return Error::internal("an amendment needs a signed-in author");
    }
    auto current = TRY(find(c, measure_id));
    if (!current) {
        return Error::not_found("We could not find that record.");
    }
    if (current->version != read_version) {
        return Error::conflict(
            fmt::format("{} amended this record (version {}) after you opened it (version {}).",
                        current->updated_by_name, current->version, read_version));
    }
    if (current->details.kind != d.kind) {
        return Error::invalid("kind", "A record keeps its kind: write a new record instead");
    }
    const auto changes =
        amendments::changes_between(to_json(current->details), to_json(d), field_labels(d.kind));
    if (changes.empty()) {
        return Error::invalid("reason", "Nothing was changed, so there is nothing to save");
    }
    auto n = TRY(c.execute(
        "UPDATE measures SET started_at = $1, ended_at = $2, duration_minutes = $3, "
        "details = $4, used_by = $5, technique = $6, injury = $7, ehc_exempt = $8, "
        "ehc_reference = $9, updated_at = $10, updated_by = $11, version = version + 1 "
        "WHERE id = $12 AND version = $13",
        {format_utc(d.started_at),
         d.ended_at ? db::Value{format_utc(*d.ended_at)} : db::Value{nullptr},
         std::int64_t{duration_minutes(d)}, to_json(d).dump(), nlohmann::json(d.used_by).dump(),
         d.technique, std::int64_t{any_injury(d)}, std::int64_t{d.ehc_exempt}, d.ehc_reference,
         format_utc(now), *actor.person_id, measure_id, std::int64_t{read_version}}));
    if (n != 1) {
        return Error::conflict("Someone else amended this record after you opened it.");
    }
    TRY(amendments::keep_version(c, record_type, measure_id, read_version + 1, to_json(d), reason,
                                 *actor.person_id, now));
    TRY(chronology::revise(
        c, record_type, measure_id,
        {title_of(d, technique_label), summary_of(d), is_restraint(d.kind), true, d.started_at}));
    TRY(follow_amendment(c, *current, d, actor, now));
    TRY(check_words(c, organisation_id, current->home_id, current->child_id, measure_id, d, now));
    std::string fields;
    for (const auto& ch : changes) {
        fields += (fields.empty() ? "" : ", ") + ch.field;
    }
    const bool after_signing = current->staff_review || current->child_review;
    return audit::append(
        c, actor,
        {"amend", record_type, std::to_string(measure_id), current->home_id, current->child_id,
         fmt::format("version {}{}: {} ({})", read_version + 1,
                     after_signing ? ", after it was signed" : "", fields, reason)},
        {"measures", measure_id}, now);
}

Result<std::optional<Measure>> find(db::Connection& c, std::int64_t measure_id) {
    auto rows =
        TRY(c.query(fmt::format("SELECT {} {} WHERE m.id = $1", columns, joins), {measure_id}));
    if (rows.empty()) {
        return std::optional<Measure>{};
    }
    std::vector<Measure> one{from_row(rows.front())};
    TRY(load_reviews(c, one));
    return std::optional<Measure>{std::move(one.front())};
}

namespace {

Result<std::vector<Measure>> measures_where(db::Connection& c, const char* where,
                                            const db::Params& params) {
    auto rows = TRY(c.query(
        fmt::format("SELECT {} {} WHERE {} ORDER BY m.started_at, m.id", columns, joins, where),
        params));
    std::vector<Measure> out;
    for (const auto& r : rows) {
        out.push_back(from_row(r));
    }
    TRY(load_reviews(c, out));
    return out;
}

}  // namespace

Result<std::vector<Measure>> for_incident(db::Connection& c, std::int64_t incident_id) {
    return measures_where(c, "m.incident_id = $1", {incident_id});
}

Result<std::vector<Measure>> consequences_since(db::Connection& c, std::int64_t child_id,
                                                Timestamp since) {
    return measures_where(c, "m.child_id = $1 AND m.started_at >= $2 AND m.kind = $3",
                          {child_id, format_utc(since), std::string("consequence")});
}

Status record_read(db::Connection& c, const Measure& m, const audit::Actor& actor, Timestamp now) {
    return audit::append(
        c, actor, {"read", record_type, std::to_string(m.id), m.home_id, m.child_id, ""}, now);
}

Result<Signer> signer_for(db::Connection& c, const Person& person, std::int64_t home_id) {
    Signer s;
    s.person_id = person.id;
    s.registered_manager = holds_role(person, Role::registered_manager, home_id);
    auto row =
        TRY(c.query_one("SELECT id FROM reg35_authorisations WHERE home_id = $1 AND "
                        "person_id = $2 AND ended_at IS NULL",
                        {home_id, person.id}));
    s.authorised = row.has_value();
    return s;
}

Status sign(db::Connection& c, std::int64_t measure_id, Stage stage, const ReviewInput& r,
            const Signer& signer, const audit::Actor& actor, Timestamp now) {
    auto current = TRY(find(c, measure_id));
    if (!current) {
        return Error::not_found("We could not find that record.");
    }
    const auto& done = stage == Stage::staff ? current->staff_review : current->child_review;
    if (done) {
        return Error::conflict(fmt::format("{} signed this on {}.", done->signed_by_name,
                                           format_local(done->signed_at)));
    }
    if (current->version != r.version) {
        return Error::conflict(fmt::format(
            "{} amended this record (version {}) after you opened it (version {}): read it "
            "again before you sign it.",
            current->updated_by_name, current->version, r.version));
    }
    if (auto problem = sign_off_problem(signer, stage, current->details.used_by, r.spoke_to)) {
        return Error::invalid(problem->field, problem->message);
    }
    if (r.spoke_on < local_date_of(current->details.started_at)) {
        return Error::invalid("spoke_on",
                              "The day you spoke must be on or after the day it was used");
    }
    const auto review = TRY(
        c.insert("INSERT INTO measure_reviews (measure_id, stage, spoke_to, spoke_on, note, "
                 "child_said, signed_version, signed_by, signed_at) VALUES ($1, $2, $3, $4, $5, "
                 "$6, $7, $8, $9) RETURNING id",
                 {measure_id, stage_key(stage),
                  r.spoke_to.empty() ? db::Value{nullptr} : db::Value{r.spoke_to.front()},
                  format_date(r.spoke_on), r.note, r.child_said, std::int64_t{r.version},
                  signer.person_id, format_utc(now)}));
    for (auto person : r.spoke_to) {
        TRY(
            c.run("INSERT INTO measure_staff_conversations (measure_id, person_id, spoke_on, "
                  "note, at_sign_off, recorded_by, recorded_at) VALUES ($1, $2, $3, $4, 1, $5, $6)",
                  {measure_id, person, format_date(r.spoke_on), r.note, signer.person_id,
                   format_utc(now)}));
    }
    TRY(deadlines::meet(
        c, record_type, measure_id, stage == Stage::staff ? staff_review_clock : child_review_clock,
        actor, now,
        stage == Stage::staff ? "Spoke to the staff; signed as accurate" : "Spoke to the child"));
    return audit::append(
        c, actor,
        {"sign", record_type, std::to_string(measure_id), current->home_id, current->child_id,
         fmt::format("{} review of version {}", stage_key(stage), r.version)},
        {"measure_reviews", review}, now);
}

std::vector<std::int64_t> not_yet_spoken_to(const Measure& m) {
    std::vector<std::int64_t> spoken;
    for (const auto& s : m.staff_spoken_to) {
        spoken.push_back(s.person_id);
    }
    return not_yet_spoken_to(m.details.used_by, spoken);
}

Status record_conversation(db::Connection& c, std::int64_t measure_id, const ConversationInput& r,
                           const Signer& signer, const audit::Actor& actor, Timestamp now) {
    auto current = TRY(find(c, measure_id));
    if (!current) {
        return Error::not_found("We could not find that record.");
    }
    if (!current->staff_review) {
        return Error::invalid("spoke_to",
                              "Sign the record first: the sign-off names who you spoke to");
    }
    const auto owed = not_yet_spoken_to(*current);
    if (std::find(owed.begin(), owed.end(), r.spoke_to) == owed.end()) {
        return Error::invalid("spoke_to",
                              "Choose someone who used the measure and has not yet been spoken to");
    }
    if (auto problem =
            sign_off_problem(signer, Stage::staff, current->details.used_by, {r.spoke_to})) {
        return Error::invalid(problem->field == "signed" ? "spoke_to" : problem->field,
                              problem->message);
    }
    if (r.spoke_on < local_date_of(current->details.started_at)) {
        return Error::invalid("spoke_on",
                              "The day you spoke must be on or after the day it was used");
    }
    const auto id = TRY(
        c.insert("INSERT INTO measure_staff_conversations (measure_id, person_id, spoke_on, "
                 "note, at_sign_off, recorded_by, recorded_at) VALUES ($1, $2, $3, $4, 0, $5, $6) "
                 "RETURNING id",
                 {measure_id, r.spoke_to, format_date(r.spoke_on), r.note, signer.person_id,
                  format_utc(now)}));
    return audit::append(
        c, actor,
        {"spoke_to_staff", record_type, std::to_string(measure_id), current->home_id,
         current->child_id,
         fmt::format("spoke to person {} on {}", r.spoke_to, format_date(r.spoke_on))},
        {"measure_staff_conversations", id}, now);
}

Result<std::vector<behaviour::Person>> check_training(db::Connection& c, std::int64_t home_id,
                                                      const std::vector<std::int64_t>& people,
                                                      Date day, const audit::Actor& actor,
                                                      Timestamp now) {
    std::vector<behaviour::Person> untrained;
    auto named = TRY(behaviour::people_named(c, people));
    for (const auto& p : named) {
        auto rows =
            TRY(c.query("SELECT expires_on FROM training_records WHERE person_id = $1 AND "
                        "course_key = $2 AND expires_on IS NOT NULL ORDER BY expires_on DESC "
                        "LIMIT 1",
                        {p.id, std::string(team::physical_intervention_course)}));
        std::vector<Date> expiry;
        for (const auto& r : rows) {
            if (auto d = parse_date(r.text(0))) {
                expiry.push_back(*d);
            }
        }
        const auto standing = standing_on(expiry, day);
        if (standing == Standing::current || standing == Standing::expiring_soon) {
            continue;
        }
        untrained.push_back(p);
        auto open = TRY(deadlines::for_source(c, "person", p.id));
        const bool already = std::any_of(open.begin(), open.end(), [&](const auto& d) {
            return d.kind == training_clock && d.home_id == home_id &&
                   d.state == deadlines::State::open;
        });
        if (already) {
            continue;
        }
        deadlines::NewDeadline clock;
        clock.home_id = home_id;
        clock.kind = training_clock;
        clock.title =
            fmt::format("{} held a child without current accredited training: arrange it", p.name);
        clock.source_type = "person";
        clock.source_id = p.id;
        clock.link = fmt::format("/homes/{}/intervention-training", home_id);
        clock.started_at = now;
        clock.due_at = now + std::chrono::days{TRY(organisation::setting_of_home(
                                 c, home_id, organisation::untrained_hold_training_days))};
        TRY(deadlines::start(c, clock, actor, now));
    }
    return untrained;
}

Status resolve_scope(db::Connection& c, std::int64_t measure_id, Scope& scope) {
    auto row = TRY(c.query_one("SELECT child_id FROM measures WHERE id = $1", {measure_id}));
    if (!row) {
        return Error::not_found("We could not find that record.");
    }
    scope.child_id = row->integer(0);
    return {};
}

}  // namespace hearth::intervention
