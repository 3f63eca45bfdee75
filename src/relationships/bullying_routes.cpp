// The pages of a home's bullying concerns. The home's list and a concern's page are for those who
// work in the home and oversight; a concern reached from a child's page is seen as that reader may
// see it (seen_by). Every page, its JSON and the API are rendered from one view (concern_view).
#include "relationships/bullying_routes.hpp"

#include <fmt/format.h>

#include "children/child_store.hpp"
#include "platform/views/form_view.hpp"
#include "platform/views/views.hpp"
#include "relationships/bullying_view.hpp"

namespace hearth::relationships {

namespace {

using http::Context;
using http::Response;

constexpr int closed_page_size = 25;

const views::Options& yes_no_options() {
    static const views::Options all{{"yes", "Yes"}, {"no", "No"}};
    return all;
}

// What the form offers: the children living in the home, and who may own the response.
struct ConcernChoices {
    Choosable ids;
    views::Options children;
    views::Options owners;
};

Result<ConcernChoices> concern_choices(db::Database& db, std::int64_t home_id) {
    return db.read([&](db::Connection& c) -> Result<ConcernChoices> {
        ConcernChoices out;
        for (const auto& child : TRY(children::in_home(c, home_id))) {
            out.children.emplace_back(std::to_string(child.id),
                                      children::display_name(child.details));
            out.ids.children.push_back(child.id);
        }
        for (const auto& row : TRY(c.query(
                 "SELECT DISTINCT p.id, p.name FROM roles r JOIN people p ON p.id = r.person_id "
                 "WHERE r.home_id = $1 AND r.ended_at IS NULL AND p.disabled_at IS NULL AND "
                 "r.awaiting_checks_since IS NULL AND r.role IN ('registered_manager', 'deputy') "
                 "ORDER BY p.name, p.id",
                 {home_id}))) {
            out.owners.emplace_back(std::to_string(row.integer(0)), row.text(1));
            out.ids.owners.push_back(row.integer(0));
        }
        return out;
    });
}

// When and how the child was told, and what they said; or why not yet.
nlohmann::json telling_fields(const std::function<nlohmann::json(const views::FieldSpec&)>& f,
                              bool asks_whether) {
    nlohmann::json out = nlohmann::json::array();
    if (asks_whether) {
        out.push_back(
            f({"child_told", "Has the child been told what happens next?", views::FieldKind::radios,
               "They are told and supported to know what is happening at each stage",
               yes_no_options()}));
    }
    out.push_back(f({"told_on", "Day they were told", views::FieldKind::date}));
    out.push_back(f({"told_how", "How were they told?", views::FieldKind::radios, "",
                     views::options_of(ways_of_telling())}));
    out.push_back(
        f({"child_said", "What the child said, in their words", views::FieldKind::textarea}));
    if (asks_whether) {
        out.push_back(f({"not_told_why", "If not yet: why, and when they will be",
                         views::FieldKind::textarea}));
    }
    return out;
}

Result<Response> show_new_concern(const Context& ctx, const ConcernChoices& choices,
                                  const nlohmann::json& values, const std::optional<Error>& error,
                                  int status) {
    const auto home_id = ctx.param("home");
    nlohmann::json view = {{"action", fmt::format("/homes/{}/bullying", home_id)},
                           {"home_id", home_id}};
    nlohmann::json errors = nlohmann::json::object();
    if (error) {
        view.update(views::errors_view(*error));
        errors = view["error_for"];
    }
    auto f = [&](const views::FieldSpec& spec) { return views::field(spec, values, errors); };
    auto account = [&](const std::string& name) { return f(account_field(name)); };
    view["who"] = nlohmann::json::array(
        {f({"child_id", "Who is thought to be bullied?", views::FieldKind::radios, "",
            choices.children}),
         f({"by_whom", "Who by?", views::FieldKind::checkboxes, "Choose all that apply",
            views::options_of(bullied_by())}),
         f({"by_children", "Which children of the home?", views::FieldKind::checkboxes,
            "Each child's own record shows the concern without naming the other",
            choices.children}),
         account("by_described")});
    view["what"] = nlohmann::json::array(
        {account("occurred_on"), account("occurred_time"), account("place"), account("forms"),
         account("characteristic"),
         f({"came_to_light", "How did it come to light?", views::FieldKind::radios, "",
            views::options_of(ways_it_came_to_light())}),
         f({"raised_by", "Who raised it (a parent, a social worker, a visitor)?",
            views::FieldKind::text, "They are told what was done: Hearth starts that clock"}),
         account("child_words")});
    view["now"] = nlohmann::json::array(
        {f({"owner_id", "Reported to", views::FieldKind::radios,
            "The registered manager or the senior on shift, who leads the response",
            choices.owners}),
         account("safety_plan"), account("child_wants"), account("child_part")});
    view["told"] = telling_fields(f, true);
    return ctx.page("bullying_concern_form", "Record a bullying concern", view, status);
}

Result<Response> new_concern(Context& ctx) {
    const auto choices = TRY(concern_choices(ctx.services.db, ctx.param("home")));
    nlohmann::json values = {{"occurred_on", format_date(ctx.today())}};
    if (auto child = ctx.request.query_value("child")) {
        values["child_id"] = *child;
    }
    if (ctx.draft) {
        values = ctx.draft->typed_values();
    }
    return show_new_concern(ctx, choices, values, std::nullopt, 200);
}

}  // namespace

const std::vector<views::FieldSpec>& account_fields() {
    auto prose = [](const std::string& name, const std::string& label, const std::string& hint) {
        return views::FieldSpec{name, label, views::FieldKind::textarea, hint, {}, "", "off", true};
    };
    static const std::vector<views::FieldSpec> all{
        {"by_described", "The group or the adult: who, as far as anyone knows",
         views::FieldKind::textarea},
        {"occurred_on", "Day it happened", views::FieldKind::date},
        {"occurred_time", "Time it happened", views::FieldKind::time,
         "Your best estimate if nobody knows exactly"},
        {"place", "Where did it happen?", views::FieldKind::text,
         "For example: the lounge; on the school bus; online"},
        {"forms", "What form did it take?", views::FieldKind::checkboxes, "Choose all that apply",
         views::options_of(bullying_forms())},
        {"characteristic", "If they were ridiculed for who they are: for what?",
         views::FieldKind::radios, "", views::options_of(protected_characteristics())},
        prose("child_words", "What the child said, in their own words",
              "Listen without judging; write what they said, not what you think it means"),
        prose("safety_plan", "Keeping them safe now", "Who they can go to, and what changes today"),
        prose("child_wants", "What they want to happen (optional)", ""),
        prose("child_part", "Their part in choosing the response (optional)",
              "As far as their age and understanding allow")};
    return all;
}

const views::FieldSpec& account_field(const std::string& name) {
    const auto& all = account_fields();
    return *std::find_if(all.begin(), all.end(),
                         [&](const views::FieldSpec& f) { return f.name == name; });
}

Result<nlohmann::json> concern_seen(db::Connection& c, const Context& ctx, std::int64_t id) {
    auto found = TRY(find_concern(c, id));
    if (!found) {
        return Error::not_found("We could not find that concern.");
    }
    TRY(record_concern_read(c, *found, ctx.reader(), ctx.actor(), ctx.now()));
    return concern_view(c, *found, seen_by(ctx.reader(), *found), ctx.now());
}

namespace {

Result<Response> create_concern(Context& ctx) {
    const auto home_id = ctx.param("home");
    const auto choices = TRY(concern_choices(ctx.services.db, home_id));
    http::FormReader reader(*ctx.form);
    const auto d = TRY(read_concern(reader, choices.ids, ctx.now()));
    const auto id = TRY(ctx.services.db.write(
        [&](db::Connection& c) { return record_concern(c, home_id, d, ctx.actor(), ctx.now()); }));
    if (ctx.request.wants_json()) {
        auto made = TRY(ctx.services.db.write(
            [&](db::Connection& c) -> Result<nlohmann::json> { return concern_seen(c, ctx, id); }));
        return Response::json(201, made).header(
            "Location", fmt::format("/api/v1/homes/{}/bullying-concerns/{}", home_id, id));
    }
    return Response::redirect(fmt::format("/homes/{}/bullying/{}?saved=1", home_id, id));
}

Result<Response> create_concern_again(Context& ctx, const Error& e) {
    const auto choices = TRY(concern_choices(ctx.services.db, ctx.param("home")));
    return show_new_concern(ctx, choices, ctx.form->typed_values(), e, http::status_for(e.kind));
}

// The home's concerns: those open, then the closed a page at a time.
Result<Response> concerns_page(Context& ctx) {
    const auto home_id = ctx.param("home");
    std::optional<std::int64_t> before;
    if (auto b = ctx.request.query_value("before")) {
        try {
            before = std::stoll(*b);
        } catch (const std::exception&) {
            return Error::invalid("before", "That page of closed concerns does not exist");
        }
    }
    nlohmann::json open = nlohmann::json::array(), closed = nlohmann::json::array();
    std::optional<std::int64_t> next;
    TRY(ctx.services.db.write([&](db::Connection& c) -> Status {
        if (!before) {
            for (const auto& k : TRY(open_concerns(c, home_id))) {
                TRY(record_concern_read(c, k, ctx.reader(), ctx.actor(), ctx.now()));
                open.push_back(TRY(concern_view(c, k, seen_by(ctx.reader(), k), ctx.now())));
            }
        }
        auto page = TRY(closed_concerns(c, home_id, before, closed_page_size + 1));
        if (static_cast<int>(page.size()) > closed_page_size) {
            page.pop_back();
            next = page.back().id;
        }
        for (const auto& k : page) {
            TRY(record_concern_read(c, k, ctx.reader(), ctx.actor(), ctx.now()));
            closed.push_back(TRY(concern_view(c, k, seen_by(ctx.reader(), k), ctx.now())));
        }
        return {};
    }));
    if (ctx.request.wants_json()) {
        return Response::json(200, {{"open", open},
                                    {"closed", closed},
                                    {"next", next ? nlohmann::json(*next) : nlohmann::json()}});
    }
    return ctx.page(
        "bullying_concerns", "Bullying concerns: " + ctx.scope.home_name,
        {{"home_id", home_id},
         {"open", open},
         {"has_open", !open.empty()},
         {"closed", closed},
         {"has_closed", !closed.empty()},
         {"first_page", !before.has_value()},
         {"next_href",
          next ? fmt::format("/homes/{}/bullying?before={}#closed", home_id, *next) : ""},
         {"can_record", can(ctx.person, Action::record_bullying, ctx.scope)}});
}

// Which form on the concern's page an error belongs to.
enum class Part { none, stage };

// The records of the concern's children since the bullying that an outcome or a review may
// link: new versions of their plans, and consequences.
Result<std::vector<ResponseRecord>> records_to_link(Context& ctx, const ResponseRecords& responses,
                                                    const Concern& k) {
    return ctx.services.db.read([&](db::Connection& c) -> Result<std::vector<ResponseRecord>> {
        std::vector<ResponseRecord> out;
        for (const auto child : k.children()) {
            for (auto& r : TRY(responses.of(c, child, k.details.occurred_at))) {
                out.push_back(std::move(r));
            }
        }
        return out;
    });
}

Result<Response> show_concern(Context& ctx, const ResponseRecords& responses, Part part,
                              const nlohmann::json& values, const std::optional<Error>& error,
                              int status) {
    const auto id = ctx.param("bullying_concern");
    auto data = TRY(ctx.services.db.write(
        [&](db::Connection& c) -> Result<nlohmann::json> { return concern_seen(c, ctx, id); }));
    if (ctx.request.wants_json()) {
        return Response::json(200, data);
    }
    nlohmann::json view = {{"concern", data},
                           {"saved", ctx.request.query_value("saved").has_value()},
                           {"from_home", !ctx.scope.child_id.has_value()}};
    if (error) {
        view.update(views::errors_view(*error));
    }
    auto fields_for = [&](Part which) {
        const nlohmann::json errors =
            error && part == which ? view["error_for"] : nlohmann::json::object();
        const nlohmann::json shown = part == which ? values : nlohmann::json::object();
        return std::function<nlohmann::json(const views::FieldSpec&)>(
            [errors, shown](const views::FieldSpec& spec) {
                return views::field(spec, shown, errors);
            });
    };
    Scope home_scope = ctx.scope;
    home_scope.child_id.reset();
    const bool leads = !ctx.scope.child_id && data["open"].get<bool>() &&
                       can(ctx.person, Action::respond_to_bullying, home_scope);
    const std::string base = data["home_href"].get<std::string>();
    if (leads) {
        auto f = fields_for(Part::stage);
        views::Options stages;
        for (const auto& s : response_stages()) {
            if (s.key != "recorded") {
                stages.emplace_back(s.key, s.label);
            }
        }
        const auto k = TRY(concern_reached(ctx));
        views::Options records;
        for (const auto& r : TRY(records_to_link(ctx, responses, k))) {
            std::string name = k.child_name;
            for (const auto& b : k.by_children) {
                name = b.id == r.child_id ? b.name : name;
            }
            records.emplace_back(response_record_key(r), name + ": " + r.title);
        }
        view["stage_action"] = base + "/stages";
        view["stage_fields"] = nlohmann::json::array(
            {f({"stage", "Which stage?", views::FieldKind::radios, "", stages}),
             f({"happened_on", "Day", views::FieldKind::date}),
             f({"happened_time", "Time", views::FieldKind::time}),
             f({"what", "What happened", views::FieldKind::textarea,
                "Investigated: who was spoken to, what they said, and the findings. Meeting: what "
                "was agreed. Outcome: the response; link below the consequences and the new "
                "versions of plans it made. Review: how things are now"}),
             f({"who_came", "Who came (a meeting)", views::FieldKind::textarea}),
             f({"safeguarding", "Is it a safeguarding matter? (an investigation)",
                views::FieldKind::radios, "",
                views::Options{{"no", "No"},
                               {"reg40", "Yes: a Reg 40 notification"},
                               {"cp_referral", "Yes: a child protection referral"}}}),
             f({"serious_event", "Which serious event? (a Reg 40 notification)",
                views::FieldKind::radios,
                "Hearth raises the notification, with whom it must reach and its clock",
                views::options_of(bullying_serious_events())}),
             f({"safeguarding_reference", "The referral (a child protection referral)",
                views::FieldKind::text, "To whom, when, and its reference"}),
             f({"restorative", "Restorative work with the child who bullied (an outcome)",
                views::FieldKind::textarea,
                "What they came to see about their behaviour and its effect"}),
             f({"changed", "What the response changed (an outcome or a review)",
                views::FieldKind::checkboxes,
                records.empty()
                    ? "No new version of a plan or risk assessment, and no consequence, has been "
                      "recorded for these children since the bullying: write them in their plans "
                      "and with the incident, then link them here"
                    : "New versions of the children's plans and risk assessments, and consequences "
                      "recorded under the home's rules, since the bullying",
                records}),
             f({"review_on", "Review by (an outcome, or a review that continues)",
                views::FieldKind::date}),
             f({"closes", "Close the concern? (a review)", views::FieldKind::radios, "",
                yes_no_options()})});
        for (auto& field : telling_fields(f, true)) {
            view["stage_fields"].push_back(field);
        }
        view["told_href"] = base + "/told";
        view["report_href"] = data["report_back"]["owed"].get<bool>() ? base + "/report-back" : "";
    }
    if (!ctx.scope.child_id && can(ctx.person, Action::respond_to_bullying, home_scope)) {
        view["correct_href"] = base + "/correct";
        view["informed_href"] = base + "/informed";
        view["advocate_href"] = base + "/advocates";
        view["outcome_href"] = base + "/complaint-outcome";
    }
    if (!ctx.scope.child_id && can(ctx.person, Action::record_bullying, home_scope)) {
        view["complaint_href"] = base + "/complaints";
    }
    return ctx.page("bullying_concern", "Bullying concern", view, status);
}

}  // namespace

Result<Concern> concern_reached(Context& ctx) {
    return ctx.services.db.read([&](db::Connection& c) -> Result<Concern> {
        auto found = TRY(find_concern(c, ctx.param("bullying_concern")));
        if (!found) {
            return Error::not_found("We could not find that concern.");
        }
        return *found;
    });
}

Result<Response> concern_changed(Context& ctx) {
    if (ctx.request.wants_json()) {
        auto data = TRY(ctx.services.db.write([&](db::Connection& c) -> Result<nlohmann::json> {
            return concern_seen(c, ctx, ctx.param("bullying_concern"));
        }));
        return Response::json(200, data);
    }
    return Response::redirect(
        fmt::format("/homes/{}/bullying/{}", ctx.param("home"), ctx.param("bullying_concern")));
}

namespace {

Result<Response> stage_added(Context& ctx, const ResponseRecords& responses) {
    const auto k = TRY(concern_reached(ctx));
    const auto offered = TRY(records_to_link(ctx, responses, k));
    http::FormReader reader(*ctx.form);
    const auto s = TRY(read_stage(reader, k.details.occurred_at, ctx.now(), offered));
    TRY(ctx.services.db.write(
        [&](db::Connection& c) { return add_stage(c, k.id, s, ctx.actor(), ctx.now()); }));
    return concern_changed(ctx);
}

Result<Response> told_recorded(Context& ctx) {
    const auto k = TRY(concern_reached(ctx));
    http::FormReader reader(*ctx.form);
    const auto stage =
        reader.integer("stage_id", "the stage", true, 1, std::numeric_limits<std::int64_t>::max());
    const auto t = TRY(read_told(reader, local_date_of(k.details.occurred_at), ctx.today()));
    TRY(ctx.services.db.write([&](db::Connection& c) {
        return record_told(c, k.id, stage.value_or(0), t, ctx.actor(), ctx.now());
    }));
    return concern_changed(ctx);
}

Result<Response> reported_back(Context& ctx) {
    const auto k = TRY(concern_reached(ctx));
    http::FormReader reader(*ctx.form);
    const auto r = TRY(read_report_back(reader, k.details.occurred_at, ctx.now()));
    TRY(ctx.services.db.write(
        [&](db::Connection& c) { return record_report_back(c, k.id, r, ctx.actor(), ctx.now()); }));
    return concern_changed(ctx);
}

Result<Response> informed_recorded(Context& ctx) {
    const auto k = TRY(concern_reached(ctx));
    http::FormReader reader(*ctx.form);
    const auto i = TRY(read_informed(reader, k.children(), k.details.occurred_at, ctx.now()));
    TRY(ctx.services.db.write(
        [&](db::Connection& c) { return record_informed(c, k.id, i, ctx.actor(), ctx.now()); }));
    return concern_changed(ctx);
}

Result<Response> stage_again(Context& ctx, const ResponseRecords& responses, const Error& e) {
    return show_concern(ctx, responses, Part::stage, ctx.form->typed_values(), e,
                        http::status_for(e.kind));
}

// The forms that answer what a concern owes, each on its own page: that the child was told at a
// stage, that whoever raised it from outside was told what was done, and that a social worker or
// parent of a child in it was told.
enum class Owed { telling, report_back, informed };

Result<Response> show_owed(Context& ctx, Owed which, const nlohmann::json& typed,
                           const std::optional<Error>& error, int status) {
    const auto id = ctx.param("bullying_concern");
    auto data = TRY(ctx.services.db.write(
        [&](db::Connection& c) -> Result<nlohmann::json> { return concern_seen(c, ctx, id); }));
    if (!data["open"].get<bool>() && which == Owed::telling) {
        return Error::conflict("This concern is closed: the child was told at every stage.");
    }
    nlohmann::json values = typed;
    nlohmann::json view = {{"concern", data}};
    nlohmann::json errors = nlohmann::json::object();
    if (error) {
        view.update(views::errors_view(*error));
        errors = view["error_for"];
    }
    auto f = std::function<nlohmann::json(const views::FieldSpec&)>(
        [&](const views::FieldSpec& spec) { return views::field(spec, values, errors); });
    const std::string base = data["home_href"].get<std::string>();
    nlohmann::json fields = nlohmann::json::array();
    if (which == Owed::telling) {
        views::Options owing;
        for (const auto& s : data["stages"]) {
            if (s.value("owing", false)) {
                owing.emplace_back(
                    std::to_string(s["id"].get<std::int64_t>()),
                    s["label"].get<std::string>() + ", " + s["when"].get<std::string>());
            }
        }
        if (owing.empty()) {
            return Error::conflict("The child was told at every stage of this concern.");
        }
        if (!values.contains("stage_id")) {
            if (auto stage = ctx.request.query_value("stage")) {
                values["stage_id"] = *stage;
            }
        }
        fields.push_back(f({"stage_id", "At which stage?", views::FieldKind::radios, "", owing}));
        for (auto& field : telling_fields(f, false)) {
            fields.push_back(field);
        }
        view.update({{"title", "Record that the child was told"}, {"action", base + "/told"}});
    } else if (which == Owed::informed) {
        if (!error) {
            values = {{"told_on", format_date(ctx.today())},
                      {"told_time", format_local_time(ctx.now())}};
        }
        views::Options whose;
        for (const auto& child : data["informed"]) {
            whose.emplace_back(std::to_string(child["child"]["id"].get<std::int64_t>()),
                               child["child"]["name"].get<std::string>());
        }
        fields = nlohmann::json::array(
            {f({"child_id", "Whose social worker or parent?", views::FieldKind::radios,
                "Each child's are told of what is about that child", whose}),
             f({"who", "Who was told?", views::FieldKind::radios, "",
                views::options_of(people_told())}),
             f({"name", "Their name", views::FieldKind::text, ""}),
             f({"how", "How?", views::FieldKind::radios, "",
                views::options_of(ways_of_informing())}),
             f({"invited", "Were they invited to a meeting about it?", views::FieldKind::radios, "",
                yes_no_options()}),
             f({"what", "What they were told, and what they said (optional)",
                views::FieldKind::textarea, ""}),
             f({"told_on", "Day they were told", views::FieldKind::date}),
             f({"told_time", "Time they were told", views::FieldKind::time})});
        view.update(
            {{"title", "Record who was told of the concern"}, {"action", base + "/informed"}});
    } else {
        if (!data["report_back"]["owed"].get<bool>()) {
            return Error::conflict(
                "Nothing is owed: nobody from outside the home raised this "
                "concern, or they were told already.");
        }
        fields = nlohmann::json::array(
            {f({"told", "Who was told?", views::FieldKind::text,
                "Their name and who they are to the child"}),
             f({"how", "How?", views::FieldKind::radios, "", views::options_of(ways_of_telling())}),
             f({"what", "What they were told was done", views::FieldKind::textarea,
                "Promptly and fully: what was found and what the home did"}),
             f({"told_on", "Day they were told", views::FieldKind::date}),
             f({"told_time", "Time they were told", views::FieldKind::time})});
        view.update(
            {{"title", "Tell whoever raised it what was done"}, {"action", base + "/report-back"}});
    }
    view["fields"] = fields;
    return ctx.page("bullying_concern_owed", view["title"].get<std::string>(), view, status);
}

Result<Response> told_page(Context& ctx) {
    return show_owed(ctx, Owed::telling, nlohmann::json::object(), std::nullopt, 200);
}

Result<Response> told_again(Context& ctx, const Error& e) {
    return show_owed(ctx, Owed::telling, ctx.form->typed_values(), e, http::status_for(e.kind));
}

Result<Response> report_back_page(Context& ctx) {
    return show_owed(ctx, Owed::report_back, nlohmann::json::object(), std::nullopt, 200);
}

Result<Response> report_back_again(Context& ctx, const Error& e) {
    return show_owed(ctx, Owed::report_back, ctx.form->typed_values(), e, http::status_for(e.kind));
}

Result<Response> informed_page(Context& ctx) {
    return show_owed(ctx, Owed::informed, nlohmann::json::object(), std::nullopt, 200);
}

Result<Response> informed_again(Context& ctx, const Error& e) {
    return show_owed(ctx, Owed::informed, ctx.form->typed_values(), e, http::status_for(e.kind));
}

}  // namespace

void add_bullying_routes(http::Router& router, const ResponseRecords& responses) {
    const auto* r = &responses;
    auto concern_detail = [r](Context& ctx) {
        return show_concern(ctx, *r, Part::none, nlohmann::json::object(), std::nullopt, 200);
    };
    auto stage_saved = [r](Context& ctx) { return stage_added(ctx, *r); };
    auto stage_refused = [r](Context& ctx, const Error& e) { return stage_again(ctx, *r, e); };
    router.add_scope_resolver("bullying_concern", resolve_concern_scope);
    const std::string home = "/homes/{home}/bullying";
    const std::string one = home + "/{bullying_concern}";
    router.add({"GET", home, Action::view_bullying, concerns_page});
    router.add({"GET", home + "/new", Action::record_bullying, new_concern});
    router.add({.method = "POST",
                .pattern = home,
                .action = Action::record_bullying,
                .handler = create_concern,
                .again = create_concern_again});
    router.add({"GET", one, Action::view_bullying, concern_detail});
    router.add({.method = "POST",
                .pattern = one + "/stages",
                .action = Action::respond_to_bullying,
                .handler = stage_saved,
                .again = stage_refused});
    router.add({"GET", one + "/told", Action::respond_to_bullying, told_page});
    router.add({.method = "POST",
                .pattern = one + "/told",
                .action = Action::respond_to_bullying,
                .handler = told_recorded,
                .again = told_again});
    router.add({"GET", one + "/report-back", Action::respond_to_bullying, report_back_page});
    router.add({.method = "POST",
                .pattern = one + "/report-back",
                .action = Action::respond_to_bullying,
                .handler = reported_back,
                .again = report_back_again});
    router.add({"GET", one + "/informed", Action::respond_to_bullying, informed_page});
    router.add({.method = "POST",
                .pattern = one + "/informed",
                .action = Action::respond_to_bullying,
                .handler = informed_recorded,
                .again = informed_again});
    router.add({"GET", "/children/{child}/bullying/{bullying_concern}", Action::view_chronology,
                concern_detail});

    const std::string api = "/api/v1/homes/{home}/bullying-concerns";
    router.add({"GET", api, Action::view_bullying, concerns_page});
    router.add({"POST", api, Action::record_bullying, create_concern});
    router.add({"GET", api + "/{bullying_concern}", Action::view_bullying, concern_detail});
    router.add(
        {"POST", api + "/{bullying_concern}/stages", Action::respond_to_bullying, stage_saved});
    router.add(
        {"POST", api + "/{bullying_concern}/told", Action::respond_to_bullying, told_recorded});
    router.add({"POST", api + "/{bullying_concern}/report-back", Action::respond_to_bullying,
                reported_back});
    router.add({"POST", api + "/{bullying_concern}/informed", Action::respond_to_bullying,
                informed_recorded});
    router.add({"GET", "/api/v1/children/{child}/bullying-concerns/{bullying_concern}",
                Action::view_chronology, concern_detail});
}

}  // namespace hearth::relationships
