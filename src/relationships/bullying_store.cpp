#include "relationships/bullying_store.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <limits>
#include <nlohmann/json.hpp>

#include "children/child_store.hpp"
#include "chronology/chronology_store.hpp"
#include "deadlines/deadline_store.hpp"
#include "notifications/serious_event_store.hpp"

namespace hearth::relationships {

int Concern::owing() const {
    return static_cast<int>(std::count_if(stages.begin(), stages.end(), [](const StageRecord& s) {
        return !s.stage.telling.told();
    }));
}

bool Concern::about(std::int64_t child_id) const {
    return child_id == details.child_id ||
           std::any_of(by_children.begin(), by_children.end(),
                       [&](const NamedChild& b) { return b.id == child_id; });
}

std::vector<std::int64_t> Concern::children() const {
    std::vector<std::int64_t> out{details.child_id};
    for (const auto& b : by_children) {
        out.push_back(b.id);
    }
    return out;
}

namespace {
constexpr const char* concern_type = concern_record_type;

constexpr const char* concern_known_as_sql =
    "CASE WHEN ch.preferred_name <> '' THEN ch.preferred_name ELSE ch.first_name END || ' ' || "
    "ch.last_name";

std::vector<std::string> texts_of(const std::string& json) {
    const auto j = nlohmann::json::parse(json, nullptr, false);
    std::vector<std::string> out;
    if (j.is_array()) {
        for (const auto& v : j) {
            if (v.is_string()) {
                out.push_back(v.get<std::string>());
            }
        }
    }
    return out;
}

std::optional<Date> concern_date(const db::Row& row, int i) {
    if (auto text = row.optional_text(i)) {
        return parse_date(*text);
    }
    return std::nullopt;
}

Concern concern_from_row(const db::Row& row) {
    Concern k;
    k.id = row.integer(0);
    k.home_id = row.integer(1);
    auto& d = k.details;
    d.child_id = row.integer(2);
    d.by_whom = texts_of(row.text(3));
    d.by_described = row.text(4);
    d.occurred_at = parse_utc(row.text(5)).value_or(Timestamp{});
    d.place = row.text(6);
    d.forms = texts_of(row.text(7));
    d.characteristic = row.text(8);
    d.came_to_light = row.text(9);
    d.raised_by = row.text(10);
    d.child_words = row.text(11);
    d.owner_id = row.integer(12);
    d.safety_plan = row.text(13);
    d.child_wants = row.text(14);
    d.child_part = row.text(15);
    k.report_back.told = row.text(16);
    k.report_back.how = row.text(17);
    k.report_back.what = row.text(18);
    if (auto at = row.optional_text(19)) {
        k.report_back.told_at = parse_utc(*at).value_or(Timestamp{});
    }
    k.review_on = concern_date(row, 20);
    if (auto at = row.optional_text(21)) {
        k.closed_at = parse_utc(*at);
    }
    k.created_at = parse_utc(row.text(22)).value_or(Timestamp{});
    k.created_by = row.text(23);
    k.owner_name = row.text(24);
    k.child_name = row.text(25);
    k.version = static_cast<int>(row.integer(26));
    return k;
}

Result<std::vector<Concern>> load_concerns(db::Connection& c, const std::string& where,
                                           const db::Params& params, const std::string& tail) {
    auto rows = TRY(c.query(
        fmt::format(
            "SELECT k.id, k.home_id, k.child_id, k.by_whom, k.by_described, k.occurred_at, "
            "k.place, k.forms, k.characteristic, k.came_to_light, k.raised_by, k.child_words, "
            "k.owner_id, k.safety_plan, k.child_wants, k.child_part, k.reported_back_to, "
            "k.reported_back_how, k.reported_back_what, k.reported_back_at, k.review_on, "
            "k.closed_at, k.created_at, cb.name, ow.name, {}, k.version FROM bullying_concerns k "
            "JOIN children ch ON ch.id = k.child_id JOIN people cb ON cb.id = k.created_by "
            "JOIN people ow ON ow.id = k.owner_id WHERE {} {}",
            concern_known_as_sql, where, tail),
        params));
    std::vector<Concern> out;
    for (const auto& row : rows) {
        out.push_back(concern_from_row(row));
    }
    for (auto& k : out) {
        for (const auto& row : TRY(c.query(
                 fmt::format("SELECT ch.id, {} FROM bullying_concern_children b JOIN children ch "
                             "ON ch.id = b.child_id WHERE b.concern_id = $1 ORDER BY ch.id",
                             concern_known_as_sql),
                 {k.id}))) {
            k.by_children.push_back({row.integer(0), row.text(1)});
            k.details.by_children.push_back(row.integer(0));
        }
        for (const auto& row : TRY(c.query(
                 "SELECT s.id, s.stage, s.happened_at, s.what, s.who_came, s.restorative, "
                 "s.safeguarding, s.safeguarding_reference, s.child_told_on, s.child_told_how, "
                 "s.child_said, s.not_told_why, s.recorded_at, p.name, s.serious_event_id, "
                 "e.event FROM bullying_stages s LEFT JOIN serious_events e ON e.id = "
                 "s.serious_event_id "
                 "JOIN people p ON p.id = s.recorded_by WHERE s.concern_id = $1 ORDER BY s.id",
                 {k.id}))) {
            StageRecord s;
            s.id = row.integer(0);
            s.stage.stage = row.text(1);
            s.stage.happened_at = parse_utc(row.text(2)).value_or(Timestamp{});
            s.stage.what = row.text(3);
            s.stage.who_came = row.text(4);
            s.stage.restorative = row.text(5);
            s.stage.safeguarding = row.text(6);
            s.stage.safeguarding_reference = row.text(7);
            s.stage.telling.told_on = concern_date(row, 8);
            s.stage.telling.how = row.text(9);
            s.stage.telling.child_said = row.text(10);
            s.stage.telling.not_told_why = row.text(11);
            s.recorded_at = parse_utc(row.text(12)).value_or(Timestamp{});
            s.recorded_by = row.text(13);
            if (!row.is_null(14)) {
                s.serious_event_id = row.integer(14);
                s.stage.serious_event = row.text(15);
            }
            k.stages.push_back(std::move(s));
        }
        for (const auto& row : TRY(c.query(
                 "SELECT r.stage_id, r.kind, r.record_id, r.child_id, r.title, r.href, r.made_at "
                 "FROM bullying_stage_records r JOIN bullying_stages s ON s.id = r.stage_id "
                 "WHERE s.concern_id = $1 ORDER BY r.id",
                 {k.id}))) {
            for (auto& s : k.stages) {
                if (s.id == row.integer(0)) {
                    s.stage.changed.push_back({row.text(1), row.integer(2), row.integer(3),
                                               row.text(4), row.text(5),
                                               parse_utc(row.text(6)).value_or(Timestamp{})});
                }
            }
        }
        for (const auto& row : TRY(c.query(
                 "SELECT i.id, i.child_id, i.who, i.name, i.how, i.told_at, i.invited, i.what, "
                 "p.name FROM bullying_informed i JOIN people p ON p.id = i.recorded_by WHERE "
                 "i.concern_id = $1 ORDER BY i.told_at, i.id",
                 {k.id}))) {
            k.informed.push_back(
                {row.integer(0),
                 {row.integer(1), row.text(2), row.text(3), row.text(4),
                  parse_utc(row.text(5)).value_or(Timestamp{}), row.boolean(6), row.text(7)},
                 row.text(8)});
        }
        for (const auto& row : TRY(c.query(
                 "SELECT a.id, a.child_id, a.offered_on, a.answer, a.advocate_name, a.notes, "
                 "p.name FROM bullying_advocates a JOIN people p ON p.id = a.recorded_by WHERE "
                 "a.concern_id = $1 ORDER BY a.offered_on, a.id",
                 {k.id}))) {
            k.advocates.push_back({row.integer(0),
                                   {row.integer(1), concern_date(row, 2).value_or(Date{}),
                                    row.text(3), row.text(4), row.text(5)},
                                   row.text(6)});
        }
        for (const auto& row : TRY(c.query(
                 "SELECT m.id, m.child_id, m.made_on, m.complaint, m.about, m.looked_into_by, "
                 "m.action, m.outcome, m.outcome_on, p.name FROM bullying_complaints m JOIN people "
                 "p ON p.id = m.recorded_by WHERE m.concern_id = $1 ORDER BY m.made_on, m.id",
                 {k.id}))) {
            k.complaints.push_back({row.integer(0),
                                    {row.integer(1),
                                     concern_date(row, 2).value_or(Date{}),
                                     row.text(3),
                                     row.text(4),
                                     row.text(5),
                                     {row.text(6), row.text(7), concern_date(row, 8)}},
                                    row.text(9)});
        }
    }
    return out;
}

std::string concern_link(std::int64_t child_id, std::int64_t id) {
    return fmt::format("/children/{}/bullying/{}", child_id, id);
}

std::string forms_text(const std::vector<std::string>& forms) {
    std::string out;
    for (const auto& f : forms) {
        out += (out.empty() ? "" : "; ") + label_in(bullying_forms(), f);
    }
    return out;
}

std::string concern_first_name(const std::string& name) {
    return name.substr(0, name.find(' '));
}

Status start_concern_review_clock(db::Connection& c, const Concern& k, Date review_on,
                                  const audit::Actor& actor, Timestamp now) {
    deadlines::NewDeadline clock;
    clock.home_id = k.home_id;
    clock.child_id = k.details.child_id;
    clock.kind = response_review_clock;
    clock.title =
        fmt::format("Review the response to the bullying of {}", concern_first_name(k.child_name));
    clock.source_type = concern_type;
    clock.source_id = k.id;
    clock.link = fmt::format("/homes/{}/bullying/{}", k.home_id, k.id);
    clock.owner_id = k.details.owner_id;
    clock.started_at = now;
    clock.due_at = deadlines::end_of_local_day(review_on);
    TRY(deadlines::start(c, clock, actor, now));
    return {};
}

Result<std::int64_t> insert_stage(db::Connection& c, std::int64_t concern_id, const Stage& s,
                                  const audit::Actor& actor, Timestamp now) {
    const auto& t = s.telling;
    return c.insert(
        "INSERT INTO bullying_stages (concern_id, stage, happened_at, what, who_came, restorative, "
        "safeguarding, safeguarding_reference, child_told_on, child_told_how, child_said, "
        "not_told_why, told_recorded_by, recorded_at, recorded_by) VALUES ($1, $2, $3, $4, $5, $6, "
        "$7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING id",
        {concern_id, s.stage, format_utc(s.happened_at), s.what, s.who_came, s.restorative,
         s.safeguarding, s.safeguarding_reference,
         t.told_on ? db::Value{format_date(*t.told_on)} : db::Value{}, t.how, t.child_said,
         t.not_told_why, t.told() ? db::Value{*actor.person_id} : db::Value{}, format_utc(now),
         *actor.person_id});
}

// A line in the bullied child's chronology and in each other child's, each about that child alone.
Status chronicle_concern(db::Connection& c, const Concern& k, Timestamp at,
                         const std::string& bullied_title, const std::string& bullied_summary,
                         const std::string& others_title, const std::string& others_summary,
                         const std::string& source_type, std::int64_t source_id,
                         const audit::Actor& actor, Timestamp now) {
    TRY(chronology::record(
        c,
        {k.details.child_id, k.home_id, at, "bullying", source_type, source_id, bullied_title,
         chronology::summarise(bullied_summary), concern_link(k.details.child_id, k.id), true, true,
         actor.person_id, actor.name},
        now));
    for (const auto& other : k.by_children) {
        TRY(chronology::record(
            c,
            {other.id, k.home_id, at, "bullying", source_type, source_id, others_title,
             chronology::summarise(others_summary), concern_link(other.id, k.id), true, true,
             actor.person_id, actor.name},
            now));
    }
    return {};
}

}  // namespace

Result<std::int64_t> record_concern(db::Connection& c, std::int64_t home_id,
                                    const ConcernDetails& d, const audit::Actor& actor,
                                    Timestamp now) {
    if (!actor.person_id) {
        return Error::internal("a bullying concern needs a signed-in author");
    }
    for (const auto id : [&] {
             auto all = d.by_children;
             all.push_back(d.child_id);
             return all;
         }()) {
        auto child = TRY(children::find(c, id));
        if (!child || child->home_id != home_id || child->left_on) {
            return Error::invalid(id == d.child_id ? "child_id" : "by_children",
                                  "Choose a child who lives in the home now");
        }
    }
    const auto id = TRY(c.insert(
        "INSERT INTO bullying_concerns (home_id, child_id, by_whom, by_described, occurred_at, "
        "place, forms, characteristic, came_to_light, raised_by, child_words, owner_id, "
        "safety_plan, child_wants, child_part, created_at, created_by) VALUES ($1, $2, $3, $4, "
        "$5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17) RETURNING id",
        {home_id, d.child_id, nlohmann::json(d.by_whom).dump(), d.by_described,
         format_utc(d.occurred_at), d.place, nlohmann::json(d.forms).dump(), d.characteristic,
         d.came_to_light, d.raised_by, d.child_words, d.owner_id, d.safety_plan, d.child_wants,
         d.child_part, format_utc(now), *actor.person_id}));
    for (const auto other : d.by_children) {
        TRY(c.run("INSERT INTO bullying_concern_children (concern_id, child_id) VALUES ($1, $2)",
                  {id, other}));
    }
    auto made = TRY(find_concern(c, id));
    Stage first;
    first.stage = "recorded";
    first.happened_at = now;
    first.what =
        fmt::format("Recorded, and reported to {}, who leads the response.", made->owner_name);
    first.telling = d.telling;
    TRY(insert_stage(c, id, first, actor, now));
    TRY(chronicle_concern(c, *made, d.occurred_at, "Bullying concern: " + forms_text(d.forms),
                          d.child_words, "A concern that they bullied another young person",
                          forms_text(d.forms) + " (" + d.place + ")", concern_type, id, actor,
                          now));
    if (raised_from_outside(d.came_to_light)) {
        deadlines::NewDeadline clock;
        clock.home_id = home_id;
        clock.child_id = d.child_id;
        clock.kind = report_back_clock;
        clock.title = fmt::format("Tell {} what was done about the bullying concern", d.raised_by);
        clock.source_type = concern_type;
        clock.source_id = id;
        clock.link = fmt::format("/homes/{}/bullying/{}", home_id, id);
        clock.owner_id = d.owner_id;
        clock.started_at = now;
        clock.due_at = now + std::chrono::days{report_back_days};
        TRY(deadlines::start(c, clock, actor, now));
    }
    TRY(audit::append(c, actor,
                      {"create", concern_type, std::to_string(id), home_id, d.child_id,
                       fmt::format("bullying concern recorded ({})", forms_text(d.forms))},
                      {"bullying_concerns", id}, now));
    return id;
}

Status add_stage(db::Connection& c, std::int64_t concern_id, const Stage& s,
                 const audit::Actor& actor, Timestamp now) {
    auto found = TRY(find_concern(c, concern_id));
    if (!found) {
        return Error::not_found("We could not find that concern.");
    }
    if (found->closed_at) {
        return Error::conflict("This concern was closed on " + format_local(*found->closed_at) +
                               ".");
    }
    // The child is told and involved at each stage (docs/practice-guidance.md, countering
    // bullying): a concern is not closed while any stage, this one included, owes them that.
    if (s.closes && !s.telling.told()) {
        return Error::invalid("child_told",
                              "Tell the child the concern is closed, and record what they said, "
                              "before closing it");
    }
    if (s.closes && found->owing() > 0) {
        return Error::invalid("closes",
                              "The child has not been told at every stage: record that they were "
                              "told before closing the concern");
    }
    const auto stage_id = TRY(insert_stage(c, concern_id, s, actor, now));
    for (const auto& r : s.changed) {
        if (!found->about(r.child_id)) {
            return Error::invalid("changed",
                                  "Link only the records of the children in the concern");
        }
        TRY(c.run(
            "INSERT INTO bullying_stage_records (stage_id, child_id, kind, record_id, title, href, "
            "made_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
            {stage_id, r.child_id, r.kind, r.id, r.title, r.href, format_utc(r.at)}));
    }
    if (s.safeguarding == "reg40") {
        const auto event_id = TRY(
            notifications::raise(c,
                                 {found->home_id,
                                  {found->details.child_id, s.serious_event, s.what, s.happened_at},
                                  std::nullopt,
                                  std::nullopt},
                                 actor, now));
        TRY(c.run("UPDATE bullying_stages SET serious_event_id = $1 WHERE id = $2",
                  {event_id, stage_id}));
    }
    if (s.stage == "review") {
        TRY(deadlines::meet(c, concern_type, concern_id, response_review_clock, actor, now,
                            s.closes ? "Reviewed and closed" : "Reviewed: the response continues"));
    }
    if (s.closes) {
        TRY(
            c.run("UPDATE bullying_concerns SET closed_at = $1, review_on = NULL, "
                  "version = version + 1 WHERE id = $2",
                  {format_utc(now), concern_id}));
    } else if (s.review_on && (s.stage == "outcome" || s.stage == "review")) {
        if (s.stage == "outcome") {
            TRY(deadlines::meet(c, concern_type, concern_id, response_review_clock, actor, now,
                                "A new outcome set the review again"));
        }
        TRY(c.run(
            "UPDATE bullying_concerns SET review_on = $1, version = version + 1 WHERE id = $2",
            {format_date(*s.review_on), concern_id}));
        TRY(start_concern_review_clock(c, *found, *s.review_on, actor, now));
    }
    const auto label = label_in(response_stages(), s.stage);
    TRY(chronicle_concern(c, *found, s.happened_at, "Bullying concern: " + label, s.what,
                          "A concern that they bullied another young person: " + label,
                          s.restorative, "bullying_stage", stage_id, actor, now));
    return audit::append(
        c, actor,
        {"stage", concern_type, std::to_string(concern_id), found->home_id, found->details.child_id,
         label + (s.telling.told() ? "; the child told" : "; the child not told")},
        {"bullying_concerns", concern_id}, now);
}

Status record_told(db::Connection& c, std::int64_t concern_id, std::int64_t stage_id,
                   const Telling& t, const audit::Actor& actor, Timestamp now) {
    auto found = TRY(find_concern(c, concern_id));
    if (!found) {
        return Error::not_found("We could not find that concern.");
    }
    const auto stage = std::find_if(found->stages.begin(), found->stages.end(),
                                    [&](const StageRecord& s) { return s.id == stage_id; });
    if (stage == found->stages.end()) {
        return Error::invalid("stage_id", "Choose a stage of this concern");
    }
    if (stage->stage.telling.told()) {
        return Error::conflict("The child was recorded as told at this stage on " +
                               format_local_date(*stage->stage.telling.told_on) + ".");
    }
    TRY(
        c.run("UPDATE bullying_stages SET child_told_on = $1, child_told_how = $2, "
              "child_said = $3, told_recorded_by = $4 WHERE id = $5",
              {format_date(*t.told_on), t.how, t.child_said, *actor.person_id, stage_id}));
    TRY(c.run("UPDATE bullying_concerns SET version = version + 1 WHERE id = $1", {concern_id}));
    return audit::append(
        c, actor,
        {"told", concern_type, std::to_string(concern_id), found->home_id, found->details.child_id,
         "the child told: " + label_in(response_stages(), stage->stage.stage)},
        {"bullying_concerns", concern_id}, now);
}

Status record_report_back(db::Connection& c, std::int64_t concern_id, const ReportBack& r,
                          const audit::Actor& actor, Timestamp now) {
    auto found = TRY(find_concern(c, concern_id));
    if (!found) {
        return Error::not_found("We could not find that concern.");
    }
    if (!raised_from_outside(found->details.came_to_light)) {
        return Error::conflict("Nobody from outside the home raised this concern.");
    }
    if (!found->report_back.told.empty()) {
        return Error::conflict("They were told what was done already: " + found->report_back.told +
                               ", " + format_local(found->report_back.told_at) + ".");
    }
    TRY(
        c.run("UPDATE bullying_concerns SET reported_back_to = $1, reported_back_how = $2, "
              "reported_back_what = $3, reported_back_at = $4, version = version + 1 WHERE id = $5",
              {r.told, r.how, r.what, format_utc(r.told_at), concern_id}));
    TRY(deadlines::meet(c, concern_type, concern_id, report_back_clock, actor, r.told_at,
                        "Told what was done: " + r.told));
    return audit::append(c, actor,
                         {"report_back", concern_type, std::to_string(concern_id), found->home_id,
                          found->details.child_id, "told what was done: " + r.told},
                         {"bullying_concerns", concern_id}, now);
}

Result<std::int64_t> record_informed(db::Connection& c, std::int64_t concern_id, const Informed& i,
                                     const audit::Actor& actor, Timestamp now) {
    if (!actor.person_id) {
        return Error::internal("who was told needs a signed-in author");
    }
    auto found = TRY(find_concern(c, concern_id));
    if (!found) {
        return Error::not_found("We could not find that concern.");
    }
    const auto& k = *found;
    if (!k.about(i.child_id)) {
        return Error::invalid("child_id", "Choose a child this concern is about");
    }
    auto id = TRY(c.insert(
        "INSERT INTO bullying_informed (concern_id, child_id, who, name, how, told_at, invited, "
        "what, recorded_at, recorded_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) "
        "RETURNING id",
        {concern_id, i.child_id, i.who, i.name, i.how, format_utc(i.told_at),
         std::int64_t{i.invited}, i.what, format_utc(now), *actor.person_id}));
    TRY(audit::append(c, actor,
                      {"inform", concern_type, std::to_string(concern_id), k.home_id, i.child_id,
                       fmt::format("{} told: {}", label_in(people_told(), i.who), i.name)},
                      {"bullying_informed", id}, now));
    return id;
}

Status correct_concern(db::Connection& c, std::int64_t concern_id, const Correction& k,
                       const audit::Actor& actor, Timestamp now) {
    if (!actor.person_id) {
        return Error::internal("a correction needs a signed-in author");
    }
    auto found = TRY(find_concern(c, concern_id));
    if (!found) {
        return Error::not_found("We could not find that concern.");
    }
    const auto& was = *found;
    if (was.version != k.version) {
        return Error::conflict(
            "The concern changed after you opened it: look at it again, then correct it.");
    }
    const auto changes = amendments::changes_between(concern_json(was.details),
                                                     concern_json(k.details), concern_labels());
    if (changes.empty()) {
        return Error::invalid("reason", "Nothing was changed: correct a field, or go back");
    }
    for (const auto& s : was.stages) {
        if (s.stage.stage != "recorded" && s.stage.happened_at < k.details.occurred_at) {
            return Error::invalid("occurred_on", "The response began " +
                                                     format_local(s.stage.happened_at) +
                                                     ": the bullying happened before it");
        }
    }
    const auto kept = TRY(amendments::versions_of(c, concern_type, concern_id));
    int next = static_cast<int>(kept.size()) + 1;
    if (kept.empty()) {
        TRY(amendments::keep_version(c, concern_type, concern_id, next++, concern_json(was.details),
                                     "As first recorded", *actor.person_id, was.created_at));
    }
    TRY(amendments::keep_version(c, concern_type, concern_id, next, concern_json(k.details),
                                 k.reason, *actor.person_id, now));
    const auto& d = k.details;
    const auto updated = TRY(c.execute(
        "UPDATE bullying_concerns SET occurred_at = $1, place = $2, forms = $3, characteristic = "
        "$4, by_described = $5, child_words = $6, safety_plan = $7, child_wants = $8, child_part = "
        "$9, version = version + 1 WHERE id = $10 AND version = $11",
        {format_utc(d.occurred_at), d.place, nlohmann::json(d.forms).dump(), d.characteristic,
         d.by_described, d.child_words, d.safety_plan, d.child_wants, d.child_part, concern_id,
         std::int64_t{k.version}}));
    if (updated != 1) {
        return Error::conflict("Someone else changed the concern after you opened it.");
    }
    // Each child's line stays about that child alone, as record_concern wrote it.
    TRY(chronology::revise(
        c, concern_type, concern_id,
        {"Bullying concern: " + forms_text(d.forms), chronology::summarise(d.child_words), true,
         true, d.occurred_at, d.child_id}));
    for (const auto& other : was.by_children) {
        TRY(chronology::revise(c, concern_type, concern_id,
                               {"A concern that they bullied another young person",
                                chronology::summarise(forms_text(d.forms) + " (" + d.place + ")"),
                                true, true, d.occurred_at, other.id}));
    }
    std::string fields;
    for (const auto& ch : changes) {
        fields += (fields.empty() ? "" : ", ") + ch.label;
    }
    return audit::append(c, actor,
                         {"amend", concern_type, std::to_string(concern_id), was.home_id,
                          d.child_id, fmt::format("corrected: {} ({})", fields, k.reason)},
                         {"bullying_concerns", concern_id}, now);
}

Result<std::optional<Concern>> find_concern(db::Connection& c, std::int64_t id) {
    auto found = TRY(load_concerns(c, "k.id = $1", {id}, ""));
    if (found.empty()) {
        return std::optional<Concern>{};
    }
    return std::optional<Concern>{std::move(found.front())};
}

Result<std::vector<Concern>> open_concerns(db::Connection& c, std::int64_t home_id) {
    return load_concerns(c, "k.home_id = $1 AND k.closed_at IS NULL", {home_id},
                         "ORDER BY k.occurred_at DESC, k.id DESC");
}

Result<std::vector<Concern>> closed_concerns(db::Connection& c, std::int64_t home_id,
                                             std::optional<std::int64_t> before, int limit) {
    return load_concerns(c, "k.home_id = $1 AND k.closed_at IS NOT NULL AND k.id < $2",
                         {home_id, before.value_or(std::numeric_limits<std::int64_t>::max())},
                         fmt::format("ORDER BY k.id DESC LIMIT {}", limit));
}

Result<std::vector<Concern>> concerns_of(db::Connection& c, std::int64_t child_id) {
    return load_concerns(
        c,
        "(k.child_id = $1 OR k.id IN (SELECT concern_id FROM bullying_concern_children "
        "WHERE child_id = $1))",
        {child_id}, "ORDER BY k.occurred_at DESC, k.id DESC");
}

Result<std::vector<Concern>> concerns_between(db::Connection& c, std::int64_t home_id,
                                              Timestamp from, Timestamp until) {
    return load_concerns(c, "k.home_id = $1 AND k.occurred_at >= $2 AND k.occurred_at < $3",
                         {home_id, format_utc(from), format_utc(until)},
                         "ORDER BY k.occurred_at, k.id");
}

Status record_concern_read(db::Connection& c, const Concern& k, const Reader& reader,
                           const audit::Actor& actor, Timestamp now) {
    std::vector<std::int64_t> children{k.details.child_id};
    for (const auto& other : k.by_children) {
        children.push_back(other.id);
    }
    for (const auto who : children) {
        if (may_read_child(reader, k.home_id, who)) {
            TRY(audit::append(
                c, actor, {"read", concern_type, std::to_string(k.id), k.home_id, who, ""}, now));
        }
    }
    return {};
}

Status resolve_concern_scope(db::Connection& c, std::int64_t id, Scope& scope) {
    if (scope.child_id) {
        auto row = TRY(c.query_one(
            "SELECT 1 FROM bullying_concerns WHERE id = $1 AND (child_id = $2 OR EXISTS (SELECT 1 "
            "FROM bullying_concern_children WHERE concern_id = $1 AND child_id = $2))",
            {id, *scope.child_id}));
        if (!row) {
            return Error::not_found("We could not find that concern.");
        }
        return {};
    }
    auto row = TRY(c.query_one("SELECT home_id FROM bullying_concerns WHERE id = $1", {id}));
    if (!row || !scope.home_id || row->integer(0) != *scope.home_id) {
        return Error::not_found("We could not find that concern.");
    }
    return {};
}

}  // namespace hearth::relationships
