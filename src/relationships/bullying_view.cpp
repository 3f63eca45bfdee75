#include "relationships/bullying_view.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "children/child_store.hpp"
#include "deadlines/deadline_store.hpp"
#include "deadlines/deadline_view.hpp"
#include "notifications/serious_event_store.hpp"
#include "organisation/homes.hpp"
#include "platform/views/history_view.hpp"
#include "relationships/managed_interaction_view.hpp"

namespace hearth::relationships {

SeenConcern seen_by(const Reader& reader, const Concern& k) {
    SeenConcern seen;
    seen.whole = may_read_child(reader, k.home_id, k.details.child_id);
    for (const auto& other : k.by_children) {
        if (may_read_child(reader, k.home_id, other.id)) {
            seen.readable.push_back(other.id);
        }
    }
    seen.from_child = k.details.child_id;
    if (reader.scope.child_id && std::find(seen.readable.begin(), seen.readable.end(),
                                           *reader.scope.child_id) != seen.readable.end()) {
        seen.from_child = *reader.scope.child_id;
    }
    return seen;
}

SeenConcern seen_in_record_of(std::int64_t child_id, const Concern& k) {
    SeenConcern seen;
    seen.whole = child_id == k.details.child_id;
    if (!seen.whole) {
        seen.readable.push_back(child_id);
    }
    seen.from_child = child_id;
    return seen;
}

namespace {

nlohmann::json labels(const std::vector<Choice>& choices, const std::vector<std::string>& keys) {
    return nlohmann::json(labels_in(choices, keys));
}

std::string joined(const std::vector<std::string>& items, const char* between) {
    std::string out;
    for (const auto& i : items) {
        out += (out.empty() ? "" : between) + i;
    }
    return out;
}

// `about_others`: the work with the children who bullied (restorative) is about them, shown only to
// a reader who may read about each of them.
// What an outcome or review changed, each record about one child: shown with that child's name
// only to a reader who may read about them.
nlohmann::json changed_view(const std::vector<ResponseRecord>& changed, const Concern& k,
                            const SeenConcern& seen) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& r : changed) {
        std::string name;
        if (seen.whole && r.child_id == k.details.child_id) {
            name = k.child_name;
        }
        for (const auto& other : k.by_children) {
            if (other.id == r.child_id && std::find(seen.readable.begin(), seen.readable.end(),
                                                    other.id) != seen.readable.end()) {
                name = other.name;
            }
        }
        if (name.empty()) {
            continue;
        }
        out.push_back({{"kind", r.kind},
                       {"kind_label", label_in(response_record_kinds(), r.kind)},
                       {"id", r.id},
                       {"child", {{"id", r.child_id}, {"name", name}}},
                       {"title", r.title},
                       {"href", r.href},
                       {"at", format_utc(r.at)}});
    }
    return out;
}

// `notification`: the Reg 40 serious event the stage raised, as the stage shows it; null if none.
nlohmann::json stage_view(const StageRecord& s, const Concern& k, const SeenConcern& seen,
                          bool about_others, const nlohmann::json& notification) {
    const bool whole = seen.whole;
    const auto changed = changed_view(s.stage.changed, k, seen);
    const auto& t = s.stage.telling;
    nlohmann::json v = {{"id", s.id},
                        {"stage", s.stage.stage},
                        {"label", label_in(response_stages(), s.stage.stage)},
                        {"happened_at", format_utc(s.stage.happened_at)},
                        {"when", format_local(s.stage.happened_at)},
                        {"restorative", about_others ? s.stage.restorative : ""},
                        {"changed", changed},
                        {"has_changed", !changed.empty()},
                        {"recorded_by", s.recorded_by}};
    if (!whole) {
        return v;
    }
    v.update({{"what", s.stage.what},
              {"who_came", s.stage.who_came},
              {"safeguarding", s.stage.safeguarding},
              {"safeguarding_label", s.stage.safeguarding.empty()
                                         ? ""
                                         : label_in(safeguarding_routes(), s.stage.safeguarding)},
              {"safeguarding_reference", s.stage.safeguarding_reference},
              {"serious_event", notification},
              {"child_told", t.told()},
              {"told_on", t.told_on ? nlohmann::json(format_date(*t.told_on)) : nlohmann::json()},
              {"told", t.told_on ? format_local_date(*t.told_on) : ""},
              {"told_how", t.how},
              {"told_how_label", t.how.empty() ? "" : label_in(ways_of_telling(), t.how)},
              {"child_said", t.child_said},
              {"not_told_why", t.not_told_why},
              {"owing", !t.told()}});
    return v;
}

// The children of the concern the reader may read about, the child bullied first: what is about
// each of them (who of theirs was told, their advocate, their complaints) is shown only with the
// rest of their record.
std::vector<std::pair<std::int64_t, std::string>> children_seen(const Concern& k,
                                                                const SeenConcern& seen) {
    std::vector<std::pair<std::int64_t, std::string>> children;
    if (seen.whole) {
        children.emplace_back(k.details.child_id, k.child_name);
    }
    for (const auto& other : k.by_children) {
        if (std::find(seen.readable.begin(), seen.readable.end(), other.id) !=
            seen.readable.end()) {
            children.emplace_back(other.id, other.name);
        }
    }
    return children;
}

// Who was told of the concern, for each child the reader may read about.
nlohmann::json informed_view(const Concern& k, const SeenConcern& seen) {
    const auto children = children_seen(k, seen);
    nlohmann::json out = nlohmann::json::array();
    for (const auto& [child_id, name] : children) {
        nlohmann::json told = nlohmann::json::array();
        bool social_worker = false;
        bool parent = false;
        for (const auto& r : k.informed) {
            const auto& i = r.informed;
            if (i.child_id != child_id) {
                continue;
            }
            social_worker = social_worker || i.who == "social_worker";
            parent = parent || i.who == "parent_or_carer";
            told.push_back({{"id", r.id},
                            {"who", i.who},
                            {"who_label", label_in(people_told(), i.who)},
                            {"name", i.name},
                            {"how", i.how},
                            {"how_label", label_in(ways_of_informing(), i.how)},
                            {"told_at", format_utc(i.told_at)},
                            {"when", format_local(i.told_at)},
                            {"invited", i.invited},
                            {"what", i.what},
                            {"recorded_by", r.recorded_by}});
        }
        out.push_back({{"child", {{"id", child_id}, {"name", name}}},
                       {"told", told},
                       {"has_told", !told.empty()},
                       {"social_worker_told", social_worker},
                       {"parent_told", parent}});
    }
    return out;
}

// The Reg 40 notification a stage raised: what it is, and whom it has still to reach.
Result<nlohmann::json> notification_view(db::Connection& c, std::int64_t id) {
    const auto e = TRY(notifications::find(c, id));
    if (!e) {
        return Error::internal("a bullying stage links a serious event that does not exist");
    }
    const auto* kind = notifications::event_kind(e->event);
    const auto waiting = notifications::still_to_tell(e->recipients);
    return nlohmann::json{
        {"id", e->id},
        {"event", e->event},
        {"label", kind ? kind->label : e->event},
        {"href", fmt::format("/children/{}/serious-events/{}", e->child_id.value_or(0), e->id)},
        {"still_to_tell", waiting},
        {"still_to_tell_text", joined(waiting, ", ")},
        {"everyone_told", waiting.empty()},
        {"withdrawn", !e->withdrawn_reason.empty()}};
}

// Each child's advocate and complaints, and the people outside the home they can talk to: their
// advocate and independent visitor as their record names them, and the home's Reg 44 visitors.
Result<nlohmann::json> voice_view(db::Connection& c, const Concern& k, const SeenConcern& seen) {
    const auto children = children_seen(k, seen);
    std::vector<std::string> visitors;
    if (!children.empty()) {
        for (const auto& p : TRY(organisation::people_of_home(c, k.home_id))) {
            const bool visits = std::find(p.roles.begin(), p.roles.end(),
                                          Role::independent_person) != p.roles.end();
            if (visits && !p.disabled) {
                visitors.push_back(p.name);
            }
        }
    }
    nlohmann::json out = nlohmann::json::array();
    for (const auto& [child_id, name] : children) {
        const auto child = TRY(children::find(c, child_id));
        nlohmann::json advocates = nlohmann::json::array();
        for (const auto& r : k.advocates) {
            const auto& a = r.offer;
            if (a.child_id == child_id) {
                advocates.push_back({{"id", r.id},
                                     {"offered_on", format_date(a.offered_on)},
                                     {"offered", format_local_date(a.offered_on)},
                                     {"answer", a.answer},
                                     {"answer_label", label_in(advocate_answers(), a.answer)},
                                     {"advocate_name", a.advocate_name},
                                     {"notes", a.notes},
                                     {"recorded_by", r.recorded_by}});
            }
        }
        nlohmann::json complaints = nlohmann::json::array();
        bool awaiting = false;
        for (const auto& r : k.complaints) {
            const auto& m = r.complaint;
            if (m.child_id != child_id) {
                continue;
            }
            const auto& o = m.outcome;
            awaiting = awaiting || !o.has_outcome();
            complaints.push_back(
                {{"id", r.id},
                 {"made_on", format_date(m.made_on)},
                 {"made", format_local_date(m.made_on)},
                 {"complaint", m.complaint},
                 {"about", m.about},
                 {"looked_into_by", m.looked_into_by},
                 {"has_outcome", o.has_outcome()},
                 {"action", o.action},
                 {"outcome", o.outcome},
                 {"outcome_on",
                  o.outcome_on ? nlohmann::json(format_date(*o.outcome_on)) : nlohmann::json()},
                 {"outcome_day", o.outcome_on ? format_local_date(*o.outcome_on) : ""},
                 {"recorded_by", r.recorded_by}});
        }
        out.push_back({{"child", {{"id", child_id}, {"name", name}}},
                       {"advocates", advocates},
                       {"has_advocate_offer", !advocates.empty()},
                       {"complaints", complaints},
                       {"awaiting_outcome", awaiting},
                       {"talk_to",
                        {{"advocate", child ? child->details.advocate : ""},
                         {"independent_visitor", child ? child->details.independent_visitor : ""},
                         {"reg44_visitors", visitors},
                         {"reg44_visitors_text", joined(visitors, ", ")}}}});
    }
    return out;
}

// Every version of what was recorded, newest first, with what changed from the one before.
nlohmann::json history_of(const std::vector<amendments::Version>& versions) {
    return views::history_view(versions, concern_labels(),
                               [](const std::string& field, const std::string& value) {
                                   if (field == "occurred_at") {
                                       if (auto t = parse_utc(value)) {
                                           return format_local(*t);
                                       }
                                   }
                                   return value;
                               });
}

}  // namespace

Result<nlohmann::json> concern_view(db::Connection& c, const Concern& k, const SeenConcern& seen,
                                    Timestamp now) {
    const auto& d = k.details;
    nlohmann::json by_children = nlohmann::json::array();
    for (const auto& other : k.by_children) {
        const bool named =
            std::find(seen.readable.begin(), seen.readable.end(), other.id) != seen.readable.end();
        by_children.push_back(
            named ? nlohmann::json{{"id", other.id}, {"name", other.name}}
                  : nlohmann::json{{"id", nullptr}, {"name", another_young_person}});
    }
    const bool about_others =
        std::all_of(k.by_children.begin(), k.by_children.end(), [&](const NamedChild& other) {
            return std::find(seen.readable.begin(), seen.readable.end(), other.id) !=
                   seen.readable.end();
        });
    nlohmann::json stages = nlohmann::json::array();
    for (const auto& s : k.stages) {
        nlohmann::json notification;
        if (seen.whole && s.serious_event_id) {
            notification = TRY(notification_view(c, *s.serious_event_id));
        }
        stages.push_back(stage_view(s, k, seen, about_others, notification));
    }
    std::vector<std::string> by_names;
    for (const auto& b : by_children) {
        by_names.push_back(b["name"].get<std::string>());
    }
    nlohmann::json view = {
        {"id", k.id},
        {"home_id", k.home_id},
        {"whole", seen.whole},
        {"child", seen.whole ? nlohmann::json{{"id", d.child_id}, {"name", k.child_name}}
                             : nlohmann::json{{"id", nullptr}, {"name", another_young_person}}},
        {"by_whom", d.by_whom},
        {"by_whom_labels", labels(bullied_by(), d.by_whom)},
        {"by_children", by_children},
        {"by_children_text", joined(by_names, ", ")},
        {"occurred_at", format_utc(d.occurred_at)},
        {"when", format_local(d.occurred_at)},
        {"place", d.place},
        {"forms", d.forms},
        {"forms_text", joined(labels_in(bullying_forms(), d.forms), "; ")},
        {"stages", stages},
        {"informed", informed_view(k, seen)},
        {"voices", TRY(voice_view(c, k, seen))},
        {"open", !k.closed_at},
        {"closed_at", k.closed_at ? nlohmann::json(format_utc(*k.closed_at)) : nlohmann::json()},
        {"closed", k.closed_at ? format_local(*k.closed_at) : ""},
        {"owner", k.owner_name},
        {"href", fmt::format("/children/{}/bullying/{}", seen.from_child, k.id)},
        {"home_href", fmt::format("/homes/{}/bullying/{}", k.home_id, k.id)}};
    if (!seen.whole) {
        return view;
    }
    nlohmann::json review_clock, report_clock;
    for (const auto& dl : TRY(deadlines::for_source(c, "bullying_concern", k.id))) {
        if (dl.kind == response_review_clock &&
            (dl.state == deadlines::State::open || review_clock.is_null())) {
            review_clock = deadlines::deadline_view(dl, now);
        } else if (dl.kind == report_back_clock) {
            report_clock = deadlines::deadline_view(dl, now);
        }
    }
    const bool outside = raised_from_outside(d.came_to_light);
    view.update(
        {{"by_described", d.by_described},
         {"characteristic", d.characteristic},
         {"characteristic_label",
          d.characteristic.empty() ? "" : label_in(protected_characteristics(), d.characteristic)},
         {"came_to_light", d.came_to_light},
         {"came_to_light_label", label_in(ways_it_came_to_light(), d.came_to_light)},
         {"raised_by", d.raised_by},
         {"child_words", d.child_words},
         {"owner_id", d.owner_id},
         {"safety_plan", d.safety_plan},
         {"child_wants", d.child_wants},
         {"child_part", d.child_part},
         {"owing", k.owing()},
         {"has_owing", k.owing() > 0},
         {"report_back",
          {{"owed", outside && k.report_back.told.empty()},
           {"raised_from_outside", outside},
           {"told", k.report_back.told},
           {"how_label",
            k.report_back.how.empty() ? "" : label_in(ways_of_telling(), k.report_back.how)},
           {"what", k.report_back.what},
           {"told_at", k.report_back.told.empty()
                           ? nlohmann::json()
                           : nlohmann::json(format_utc(k.report_back.told_at))},
           {"told_when", k.report_back.told.empty() ? "" : format_local(k.report_back.told_at)},
           {"clock", report_clock}}},
         {"review_on", k.review_on ? nlohmann::json(format_date(*k.review_on)) : nlohmann::json()},
         {"review_by", k.review_on ? format_local_date(*k.review_on) : ""},
         {"review_clock", review_clock},
         {"recorded_by", k.created_by},
         {"recorded_at", format_utc(k.created_at)},
         {"version", k.version},
         {"history", history_of(TRY(amendments::versions_of(c, concern_record_type, k.id)))}});
    view["corrected"] = !view["history"].empty();
    return view;
}

namespace {

Result<nlohmann::json> concerns_export_content(db::Connection& c, std::int64_t child_id) {
    const auto now =
        std::chrono::time_point_cast<std::chrono::milliseconds>(std::chrono::system_clock::now());
    nlohmann::json out = nlohmann::json::array();
    for (const auto& k : TRY(concerns_of(c, child_id))) {
        out.push_back(TRY(concern_view(c, k, seen_in_record_of(child_id, k), now)));
    }
    return out;
}

nlohmann::json concerns_export_blocks(const nlohmann::json& list) {
    namespace b = children::export_blocks;
    if (list.empty()) {
        return nlohmann::json::array({b::paragraph("No bullying concern was recorded.")});
    }
    nlohmann::json blocks = nlohmann::json::array();
    for (const auto& k : list) {
        const bool whole = k.value("whole", false);
        blocks.push_back(
            b::heading(fmt::format("{}, {}",
                                   whole ? "A concern that they were bullied"
                                         : "A concern that they bullied another young person",
                                   k.value("when", ""))));
        if (whole) {
            blocks.push_back(b::fields({{"Where", k.value("place", "")},
                                        {"The forms it took", k.value("forms_text", "")},
                                        {"By", k.value("by_children_text", "")},
                                        {"What they said", k.value("child_words", "")},
                                        {"Keeping them safe", k.value("safety_plan", "")},
                                        {"What they wanted to happen", k.value("child_wants", "")},
                                        {"Closed", k.value("closed", "")}}));
        } else {
            blocks.push_back(b::fields({{"Where", k.value("place", "")},
                                        {"The forms it took", k.value("forms_text", "")},
                                        {"Closed", k.value("closed", "")}}));
        }
        std::vector<std::vector<std::string>> rows;
        for (const auto& s : k["stages"]) {
            std::vector<std::string> changed;
            for (const auto& c : s["changed"]) {
                changed.push_back(c.value("title", ""));
            }
            const auto what = whole ? s.value("what", "") : s.value("restorative", "");
            rows.push_back({s.value("when", ""), s.value("label", ""),
                            changed.empty() ? what : what + " Changed: " + joined(changed, "; "),
                            whole ? (s.value("child_told", false)
                                         ? s.value("told", "") + ": " + s.value("child_said", "")
                                         : "Not told: " + s.value("not_told_why", ""))
                                  : ""});
        }
        blocks.push_back(
            b::table("The response", {"When", "Stage", "What happened", "Told"}, rows));
        std::vector<std::vector<std::string>> told;
        for (const auto& child : k["informed"]) {
            for (const auto& t : child["told"]) {
                told.push_back({t.value("when", ""),
                                t.value("who_label", "") + ": " + t.value("name", ""),
                                t.value("how_label", ""), t.value("invited", false) ? "Yes" : "No",
                                t.value("what", "")});
            }
        }
        if (!told.empty()) {
            blocks.push_back(b::table("Who was told of it",
                                      {"When", "Who", "How", "Invited to a meeting", "What"},
                                      told));
        }
        std::vector<std::vector<std::string>> advocates, complaints;
        for (const auto& v : k["voices"]) {
            for (const auto& a : v["advocates"]) {
                advocates.push_back({a.value("offered", ""), a.value("answer_label", ""),
                                     a.value("advocate_name", ""), a.value("notes", "")});
            }
            for (const auto& m : v["complaints"]) {
                const bool answered = m.value("has_outcome", false);
                complaints.push_back({m.value("made", ""), m.value("complaint", ""),
                                      m.value("about", ""), m.value("looked_into_by", ""),
                                      answered ? m.value("action", "") + " Outcome, " +
                                                     m.value("outcome_day", "") + ": " +
                                                     m.value("outcome", "")
                                               : "Awaiting its outcome"});
            }
        }
        if (!advocates.empty()) {
            blocks.push_back(
                b::table("An advocate", {"Offered", "They chose", "Advocate", "Notes"}, advocates));
        }
        if (!complaints.empty()) {
            blocks.push_back(b::table(
                "Their complaints",
                {"Made", "In their words", "About", "Looked into by", "Action and outcome"},
                complaints));
        }
    }
    return blocks;
}

}  // namespace

children::ExportSection concerns_export_section() {
    return {"bullying_concerns", "Bullying concerns", concerns_export_content,
            concerns_export_blocks};
}

}  // namespace hearth::relationships
