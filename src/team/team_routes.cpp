// The pages of the team: a home's team for its registered manager (whose checks are missing, who
// started under supervision and until when, where each qualification stands), and one person's
// staff record, with the forms that record their details, a check, a supervised start, a
// qualification and its achievement. Plain forms that post back and redirect; the page, its JSON
// and the API are rendered from one view (staff_record_view). A person reads their own record; no
// colleague reads another's.
#include <fmt/format.h>

#include "daily_record/handover_parts.hpp"
#include "organisation/settings.hpp"
#include "platform/demo_world.hpp"
#include "platform/views/form_view.hpp"
#include "platform/views/views.hpp"
#include "team/capability.hpp"
#include "team/rota_routes.hpp"
#include "team/staff_record_store.hpp"
#include "team/staff_record_view.hpp"
#include "team/supervision_routes.hpp"
#include "team/team_demo.hpp"
#include "team/team_session_routes.hpp"
#include "team/training_routes.hpp"
#include "team/training_view.hpp"

namespace hearth::team {

namespace {

using http::Context;
using http::Response;

std::string record_path(const Context& ctx) {
    return fmt::format("/homes/{}/team/{}", ctx.param("home"), ctx.param("staff"));
}

nlohmann::json yes_no(bool b) {
    return b ? "yes" : "no";
}

Result<Response> team_page(Context& ctx) {
    const auto home_id = ctx.param("home");
    // What the team's records say of each person is read from them: audited as one read.
    auto team =
        TRY(ctx.services.db.write([&](db::Connection& c) -> Result<std::vector<TeamMember>> {
            auto members = TRY(team_of_home(c, home_id));
            TRY(audit::append(c, ctx.actor(),
                              {"read", "team", std::to_string(home_id), home_id, std::nullopt,
                               fmt::format("{} staff records", members.size())},
                              ctx.now()));
            return members;
        }));
    const auto members = team_view(team, home_id, ctx.today());
    if (ctx.request.wants_json()) {
        return Response::json(200, {{"team", members}});
    }
    int awaiting = 0;
    int supervised = 0;
    for (const auto& m : members) {
        awaiting += m["awaiting_checks"].get<bool>() ? 1 : 0;
        supervised +=
            !m["checks_complete"].get<bool>() && !m["awaiting_checks"].get<bool>() ? 1 : 0;
    }
    return ctx.page("team", "The team: " + ctx.scope.home_name,
                    {{"home", {{"id", home_id}, {"name", ctx.scope.home_name}}},
                     {"team", members},
                     {"awaiting", awaiting},
                     {"has_awaiting", awaiting > 0},
                     {"supervised", supervised},
                     {"people_href", fmt::format("/homes/{}/people", home_id)}});
}

// The record page, with each form a manager may use; `form` says which one was posted when it is
// shown again with what was typed and its errors.
Result<Response> show_record(Context& ctx, const std::string& form, const nlohmann::json& typed,
                             const std::optional<Error>& error, int status) {
    const auto home_id = ctx.param("home");
    const auto person_id = ctx.param("staff");
    auto record = TRY(ctx.services.db.write([&](db::Connection& c) {
        return read_staff_record(c, person_id, home_id, ctx.actor(), ctx.now());
    }));
    auto data = staff_record_view(record, home_id, ctx.now());
    if (ctx.request.wants_json()) {
        if (error) {
            return *error;
        }
        return Response::json(status, data);
    }
    nlohmann::json view = {{"record", data},
                           {"home", {{"id", home_id}, {"name", ctx.scope.home_name}}},
                           {"is_own", person_id == ctx.person.id},
                           {"done", ctx.request.query_value("done").value_or("")},
                           {"has_checks", !data["checks"].empty()},
                           {"has_qualifications", !data["qualifications"].empty()},
                           {"has_versions", !data["versions"].empty()},
                           {"has_training", !data["training"].empty()},
                           {"has_clocks", !data["clocks"].empty()}};
    nlohmann::json errors = nlohmann::json::object();
    if (error) {
        view.update(views::errors_view(*error));
        errors = view["error_for"];
    }
    view["has_requests"] = !data["requests"].empty();
    view["export_href"] = fmt::format("/homes/{}/team/{}/export", home_id, person_id);
    view["supervision_href"] = fmt::format("/homes/{}/team/{}/supervision", home_id, person_id);
    using views::FieldKind;
    if (can(ctx.person, Action::request_staff_correction, ctx.scope)) {
        const auto rv = form == "correction" ? typed : nlohmann::json::object();
        auto r_field = [&](const views::FieldSpec& spec) { return views::field(spec, rv, errors); };
        view["request_fields"] =
            nlohmann::json::array({r_field({"field", "Which detail is wrong?", FieldKind::radios,
                                            "", views::options_of(requestable_details())}),
                                   r_field({"asked", "What should it say?", FieldKind::textarea}),
                                   r_field({"because", "Why is it wrong?", FieldKind::textarea,
                                            "For example: I moved house in March"})});
        view["open_correction"] = form == "correction";
        view["has_request_fields"] = true;
    }
    if (!can(ctx.person, Action::manage_staff_record, ctx.scope)) {
        return ctx.page("staff_record", "Staff record: " + record.name, view, status);
    }
    // One request answered at a time, the oldest first (the list is newest first).
    const auto nv = form == "answer" ? typed : nlohmann::json{{"answer", "accept"}};
    auto& asked = view["record"]["requests"];
    for (auto it = asked.rbegin(); it != asked.rend(); ++it) {
        auto& q = *it;
        if (q["is_open"].get<bool>()) {
            const bool this_one = form == "answer" && ctx.params.count("correction") != 0 &&
                                  ctx.param("correction") == q["id"].get<std::int64_t>();
            const auto& errs = this_one ? errors : nlohmann::json::object();
            q["has_answer_fields"] = true;
            q["answer_fields"] = nlohmann::json::array(
                {views::field({"answer", "Your answer", FieldKind::radios, "",
                               views::Options{{"accept", "Accept: correct the record as asked"},
                                              {"decline", "Decline"}}},
                              this_one ? nv : nlohmann::json{{"answer", "accept"}}, errs),
                 views::field({"declined_because", "If you decline: why", FieldKind::textarea},
                              this_one ? nv : nlohmann::json::object(), errs)});
            break;
        }
    }
    view["can_manage"] = true;
    view["open_" + (form.empty() ? std::string("none") : form)] = true;
    const auto values_for = [&](const std::string& which, const nlohmann::json& fallback) {
        return form == which ? typed : fallback;
    };
    nlohmann::json details_values = nlohmann::json::object();
    if (record.details) {
        const auto& d = *record.details;
        details_values = {
            {"sex", d.sex},
            {"date_of_birth", format_date(d.date_of_birth)},
            {"address", d.address},
            {"experience", d.experience},
            {"works", d.works},
            {"paid", yes_no(d.paid)},
            {"hours_per_week", d.hours_per_week ? std::to_string(*d.hours_per_week) : ""},
            {"lives_at_home", yes_no(d.lives_at_home)},
            {"started_on", format_date(d.started_on)},
            {"ended_on", d.ended_on ? format_date(*d.ended_on) : ""}};
    } else {
        details_values = {{"paid", "yes"}, {"lives_at_home", "no"}, {"works", "full_time"}};
    }
    const auto dv = values_for("details", details_values);
    auto details_field = [&](const views::FieldSpec& spec) {
        return views::field(spec, dv, errors);
    };
    const views::Options yes_no_options{{"yes", "Yes"}, {"no", "No"}};
    nlohmann::json details_fields = nlohmann::json::array(
        {details_field({"sex", "Sex", FieldKind::radios, "", views::options_of(staff_sexes())}),
         details_field({"date_of_birth", "Date of birth", FieldKind::date}),
         details_field({"address", "Home address", FieldKind::textarea}),
         details_field({"experience", "Qualifications and experience of work with children",
                        FieldKind::textarea,
                        "What they hold and where they have worked with children before"}),
         details_field({"works", "Full-time or part-time", FieldKind::radios, "",
                        views::options_of(ways_of_working())}),
         details_field({"hours_per_week",
                        "If part-time: average hours a week",
                        FieldKind::text,
                        "",
                        {},
                        "govuk-input--width-3"}),
         details_field({"paid", "Paid", FieldKind::radios, "", yes_no_options}),
         details_field(
             {"lives_at_home", "Do they live at the home?", FieldKind::radios, "", yes_no_options}),
         details_field({"started_on", "The day they started working here", FieldKind::date}),
         details_field(
             {"ended_on", "The day they stopped working here, if they have", FieldKind::date})});
    if (record.details) {
        details_fields.push_back(
            details_field({"reason", "Why is it corrected?", FieldKind::textarea,
                           "Every earlier version is kept and shown with this reason"}));
    }
    view["details_fields"] = details_fields;
    const auto cv = values_for("check", nlohmann::json{{"dated", format_date(ctx.today())}});
    auto check_field = [&](const views::FieldSpec& spec) { return views::field(spec, cv, errors); };
    view["check_fields"] = nlohmann::json::array(
        {check_field(
             {"kind", "Which check?", FieldKind::radios, "", views::options_of(check_kinds())}),
         check_field({"what", "What was seen, or who gave it", FieldKind::text,
                      "The document seen; the DBS certificate's twelve-digit number; the referee "
                      "and their role; the dates of the employment history"}),
         check_field({"dated", "When", FieldKind::date,
                      "The day it was seen, issued, received or checked"}),
         check_field({"note", "Notes", FieldKind::textarea,
                      "For the employment history: each gap and how they explained it. For an "
                      "update service check: what it said"})});
    if (!data["checks_complete"].get<bool>()) {
        const int longest = TRY(ctx.services.db.read([&](db::Connection& c) {
            return organisation::setting_of_home(c, home_id,
                                                 organisation::supervised_start_longest_days);
        }));
        const auto sv = values_for("supervised", nlohmann::json::object());
        auto start_field = [&](const views::FieldSpec& spec) {
            return views::field(spec, sv, errors);
        };
        view["has_supervised_fields"] = true;
        view["supervised_fields"] = nlohmann::json::array(
            {start_field({"why", "Why may they start before every check is back?",
                          FieldKind::textarea,
                          "What is back already, what is not, and how they will be supervised "
                          "until it is"}),
             start_field({"checks_by", "Every check recorded by", FieldKind::date,
                          fmt::format("No more than {} days from today", longest)})});
    }
    const auto qv =
        values_for("qualification", nlohmann::json{{"registered_on", format_date(ctx.today())}});
    auto q_field = [&](const views::FieldSpec& spec) { return views::field(spec, qv, errors); };
    view["qualification_fields"] = nlohmann::json::array(
        {q_field({"qualification", "Qualification", FieldKind::radios, "",
                  views::options_of(qualifications())}),
         q_field({"registered_on", "The day they registered on it", FieldKind::date})});
    const auto tv =
        values_for("training", nlohmann::json{{"completed_on", format_date(ctx.today())}});
    auto t_field = [&](const views::FieldSpec& spec) { return views::field(spec, tv, errors); };
    views::Options courses;
    for (const auto& course : record.programme) {
        courses.emplace_back(course.key, course.name);
    }
    view["training_fields"] = nlohmann::json::array(
        {t_field({"course", "Course", FieldKind::radios, "", courses}),
         t_field({"completed_on", "The day they completed it", FieldKind::date}),
         t_field({"provider", "Who provided it", FieldKind::text,
                  "For the physical intervention course: the accredited scheme and level"}),
         t_field({"certificate",
                  "Certificate number, if there is one",
                  FieldKind::text,
                  "",
                  {},
                  "govuk-input--width-20"}),
         t_field({"expires_on", "The day it expires", FieldKind::date,
                  "Leave empty for the programme's: from the day it was completed"})});
    const auto av =
        values_for("achieved", nlohmann::json{{"achieved_on", format_date(ctx.today())}});
    // One qualification's achievement at a time: the form's fields are the page's once.
    for (auto& q : view["record"]["qualifications"]) {
        if (q["is_open"].get<bool>()) {
            q["has_achieved_fields"] = true;
            q["achieved_fields"] = nlohmann::json::array(
                {views::field({"achieved_on", "The day they achieved it", FieldKind::date}, av,
                              form == "achieved" && ctx.params.count("qualification") != 0 &&
                                      ctx.param("qualification") == q["id"].get<std::int64_t>()
                                  ? errors
                                  : nlohmann::json::object())});
            break;
        }
    }
    return ctx.page("staff_record", "Staff record: " + record.name, view, status);
}

Result<Response> record_page(Context& ctx) {
    return show_record(ctx, "", nlohmann::json::object(), std::nullopt, 200);
}

Result<Response> done(Context& ctx, const std::string& what, int status) {
    if (ctx.request.wants_json()) {
        return show_record(ctx, "", nlohmann::json::object(), std::nullopt, status);
    }
    return Response::redirect(record_path(ctx) + "?done=" + what);
}

Result<Response> save_details_route(Context& ctx) {
    http::FormReader reader(*ctx.form);
    const auto version = reader.integer("version", "the version you read", false, 0, 1'000'000);
    const auto reason =
        reader.text("reason", "why it is corrected", {.max = 2000, .multiline = true});
    const auto d = TRY(read_staff_details(reader, ctx.today()));
    TRY(ctx.services.db.write([&](db::Connection& c) {
        return save_details(c, ctx.param("staff"), ctx.param("home"), d,
                            static_cast<int>(version.value_or(0)), reason, ctx.actor(), ctx.now());
    }));
    return done(ctx, "details", 200);
}

Result<Response> add_check(Context& ctx) {
    http::FormReader reader(*ctx.form);
    const auto in = TRY(read_check(reader, ctx.today()));
    TRY(ctx.services.db.write([&](db::Connection& c) {
        return record_check(c, ctx.param("staff"), ctx.param("home"), in, ctx.actor(), ctx.now());
    }));
    return done(ctx, "check", 201);
}

Result<Response> add_supervised_start(Context& ctx) {
    const auto home_id = ctx.param("home");
    const int longest = TRY(ctx.services.db.read([&](db::Connection& c) {
        return organisation::setting_of_home(c, home_id,
                                             organisation::supervised_start_longest_days);
    }));
    http::FormReader reader(*ctx.form);
    const auto s = TRY(read_supervised_start(reader, ctx.today(), longest));
    TRY(ctx.services.db.write([&](db::Connection& c) {
        return record_supervised_start(c, ctx.param("staff"), home_id, s, ctx.actor(), ctx.now());
    }));
    return done(ctx, "supervised", 201);
}

Result<Response> add_qualification(Context& ctx) {
    http::FormReader reader(*ctx.form);
    const auto in = TRY(read_qualification(reader, ctx.today()));
    TRY(ctx.services.db.write([&](db::Connection& c) {
        return record_qualification(c, ctx.param("staff"), ctx.param("home"), in, ctx.actor(),
                                    ctx.now());
    }));
    return done(ctx, "qualification", 201);
}

Result<Response> add_training(Context& ctx, const AfterTraining& after) {
    const auto home_id = ctx.param("home");
    const auto courses = TRY(ctx.services.db.read(
        [&](db::Connection& c) { return programme(c, ctx.person.organisation_id); }));
    http::FormReader reader(*ctx.form);
    const auto in = TRY(read_training(reader, courses, ctx.param("staff"), ctx.today()));
    TRY(ctx.services.db.write([&](db::Connection& c) {
        return record_training(c, ctx.person.organisation_id, home_id, in, ctx.actor(), ctx.now(),
                               &after);
    }));
    return done(ctx, "training", 201);
}

Result<Response> ask_for_correction(Context& ctx) {
    http::FormReader reader(*ctx.form);
    const auto r = TRY(read_correction_request(reader));
    TRY(ctx.services.db.write([&](db::Connection& c) {
        return ask_correction(c, ctx.param("staff"), ctx.param("home"), r, ctx.actor(), ctx.now());
    }));
    return done(ctx, "correction", 201);
}

Result<Response> answer_correction_route(Context& ctx) {
    http::FormReader reader(*ctx.form);
    const auto answer = reader.choice("answer", "your answer", {"accept", "decline"}, true);
    const auto note =
        reader.text("declined_because", "why it is declined", {.max = 2000, .multiline = true});
    TRY(reader.finish());
    TRY(ctx.services.db.write([&](db::Connection& c) {
        return answer_correction(c, ctx.param("staff"), ctx.param("home"), ctx.param("correction"),
                                 answer == "accept", note, ctx.actor(), ctx.now());
    }));
    return done(ctx, "answer", 200);
}

// The whole record as a file, for the person's own subject access request: the one view the page
// and the API are rendered from, its export audited.
Result<Response> export_record(Context& ctx) {
    const auto home_id = ctx.param("home");
    const auto person_id = ctx.param("staff");
    auto record = TRY(ctx.services.db.write([&](db::Connection& c) -> Result<StaffRecord> {
        auto r = TRY(read_staff_record(c, person_id, home_id, ctx.actor(), ctx.now()));
        TRY(audit::append(c, ctx.actor(),
                          {"export", staff_record_type, std::to_string(person_id), home_id,
                           std::nullopt, "the whole staff record"},
                          ctx.now()));
        return r;
    }));
    nlohmann::json file = {{"exported_at", format_utc(ctx.now())},
                           {"exported_by", ctx.person.name},
                           {"staff_record", staff_record_view(record, home_id, ctx.now())}};
    return Response::text(200, file.dump(2), "application/json; charset=utf-8")
        .header("Content-Disposition",
                fmt::format("attachment; filename=\"staff-record-{}.json\"", person_id));
}

Result<Response> achieved(Context& ctx) {
    const auto person_id = ctx.param("staff");
    const auto id = ctx.param("qualification");
    const auto found = TRY(ctx.services.db.read(
        [&](db::Connection& c) { return find_qualification(c, person_id, id); }));
    if (!found) {
        return Error::not_found("We could not find that qualification.");
    }
    http::FormReader reader(*ctx.form);
    const auto on = TRY(read_achieved(reader, found->registered_on, ctx.today()));
    TRY(ctx.services.db.write([&](db::Connection& c) {
        return record_achieved(c, person_id, id, on, ctx.actor(), ctx.now());
    }));
    return done(ctx, "achieved", 200);
}

http::FormAgain again(const char* form) {
    return [form](Context& ctx, const Error& e) {
        return show_record(ctx, form, ctx.form->typed_values(), e, http::status_for(e.kind));
    };
}

void add_team_routes(http::Router& router, const AfterTraining& after) {
    const http::Handler training = [&after](Context& ctx) { return add_training(ctx, after); };
    router.add_scope_resolver("staff",
                              [](db::Connection& c, std::int64_t id, Scope& scope) -> Status {
                                  TRY(resolve_staff_scope(c, id, scope));
                                  return resolve_supervisor(c, id, scope);
                              });
    // After the staff member's ("staff" comes before "supervision"): the record must be theirs.
    router.add_scope_resolver("supervision", resolve_supervision);
    const std::string home = "/homes/{home}/team";
    const std::string one = home + "/{staff}";
    router.add({"GET", home, Action::view_team, team_page});
    router.add({"GET", one, Action::view_staff_record, record_page});
    const struct {
        const char* path;
        http::Handler handler;
        const char* form;
    } forms[] = {{"/details", save_details_route, "details"},
                 {"/checks", add_check, "check"},
                 {"/training", training, "training"},
                 {"/supervised-start", add_supervised_start, "supervised"},
                 {"/qualifications", add_qualification, "qualification"},
                 {"/qualifications/{qualification}/achieved", achieved, "achieved"},
                 {"/corrections/{correction}/answer", answer_correction_route, "answer"}};
    for (const auto& f : forms) {
        router.add({.method = "POST",
                    .pattern = one + f.path,
                    .action = Action::manage_staff_record,
                    .handler = f.handler,
                    .again = again(f.form)});
    }
    router.add({.method = "POST",
                .pattern = one + "/corrections",
                .action = Action::request_staff_correction,
                .handler = ask_for_correction,
                .again = again("correction")});
    router.add({"GET", one + "/export", Action::view_staff_record, export_record});
    const std::string api = "/api/v1/homes/{home}/team";
    router.add({"GET", api, Action::view_team, team_page});
    router.add({"GET", api + "/{staff}", Action::view_staff_record, record_page});
    router.add({"PUT", api + "/{staff}/details", Action::manage_staff_record, save_details_route});
    router.add({"POST", api + "/{staff}/checks", Action::manage_staff_record, add_check});
    router.add({"POST", api + "/{staff}/corrections", Action::request_staff_correction,
                ask_for_correction});
    router.add({"POST", api + "/{staff}/corrections/{correction}/answer",
                Action::manage_staff_record, answer_correction_route});
    router.add({"POST", api + "/{staff}/training", Action::manage_staff_record, training});
    router.add({"POST", api + "/{staff}/supervised-start", Action::manage_staff_record,
                add_supervised_start});
    router.add(
        {"POST", api + "/{staff}/qualifications", Action::manage_staff_record, add_qualification});
    router.add({"POST", api + "/{staff}/qualifications/{qualification}/achieved",
                Action::manage_staff_record, achieved});
}

}  // namespace

const Capability capability{
    "The team", [](Registry& r) {
        add_team_routes(r.router, r.at<AfterTraining>());
        add_training_routes(r.router);
        add_supervision_routes(r.router, r.at<StaffInvolvements>());
        add_rota_routes(r.router);
        add_team_session_routes(r.router);
        r.at<daily_record::HandoverParts>().add(
            {5, "on_shift", "rota_handover", handover_on_shift});
        r.at<demo::DemoParts>().add({31, demo::add_team});
        r.at<demo::DemoParts>().add({32, demo::add_rota});
        r.at<demo::DemoParts>().add({46, demo::add_team_sessions});
        const auto& involvements = r.at<StaffInvolvements>();
        r.at<demo::DemoParts>().add(
            {45, [&involvements](db::Connection& c, const demo::DemoWorld& w, Timestamp now) {
                 return demo::add_supervision(c, w, now, involvements);
             }});
    }};

}  // namespace hearth::team
