// The forms for each child's advocate and complaints, beside a bullying concern. The concern they
// belong to is read and shown as the reader may see it (concern_seen), so a form offers only the
// children whose records the reader may read.
#include "relationships/bullying_voice_routes.hpp"

#include <fmt/format.h>

#include <limits>

#include "platform/views/form_view.hpp"
#include "platform/views/views.hpp"
#include "relationships/bullying_routes.hpp"
#include "relationships/bullying_voice_store.hpp"

namespace hearth::relationships {

namespace {

using http::Context;
using http::Response;

enum class Form { advocate, complaint, outcome };

Result<Response> show_form(Context& ctx, Form which, const nlohmann::json& typed,
                           const std::optional<Error>& error, int status) {
    const auto id = ctx.param("bullying_concern");
    auto data = TRY(ctx.services.db.write(
        [&](db::Connection& c) -> Result<nlohmann::json> { return concern_seen(c, ctx, id); }));
    nlohmann::json values = typed;
    nlohmann::json view = {{"concern", data}};
    nlohmann::json errors = nlohmann::json::object();
    if (error) {
        view.update(views::errors_view(*error));
        errors = view["error_for"];
    }
    auto f = [&](const views::FieldSpec& spec) { return views::field(spec, values, errors); };
    views::Options whose;
    views::Options awaiting;
    for (const auto& v : data["voices"]) {
        whose.emplace_back(std::to_string(v["child"]["id"].get<std::int64_t>()),
                           v["child"]["name"].get<std::string>());
        for (const auto& m : v["complaints"]) {
            if (!m["has_outcome"].get<bool>()) {
                awaiting.emplace_back(std::to_string(m["id"].get<std::int64_t>()),
                                      v["child"]["name"].get<std::string>() + ", " +
                                          m["made"].get<std::string>() + ": " +
                                          m["about"].get<std::string>());
            }
        }
    }
    const std::string base = data["home_href"].get<std::string>();
    const auto today = format_date(ctx.today());
    nlohmann::json fields;
    if (which == Form::advocate) {
        if (!error) {
            values = {{"offered_on", today}};
        }
        fields = nlohmann::json::array(
            {f({"child_id", "Which child was offered an advocate?", views::FieldKind::radios,
                "The child bullied, and each child thought to have bullied, may have one", whose}),
             f({"offered_on", "Day it was offered", views::FieldKind::date}),
             f({"answer", "What did they choose?", views::FieldKind::radios, "",
                views::options_of(advocate_answers())}),
             f({"advocate_name", "The advocate's name", views::FieldKind::text,
                "When taken up: who, and how the child reaches them"}),
             f({"notes", "What the child said (optional)", views::FieldKind::textarea})});
        view.update({{"title", "Offer an advocate"}, {"action", base + "/advocates"}});
    } else if (which == Form::complaint) {
        if (!error) {
            values = {{"made_on", today}};
        }
        fields = nlohmann::json::array(
            {f({"child_id", "Which child complained?", views::FieldKind::radios,
                "Any child may complain; no child is treated worse for it", whose}),
             f({"made_on", "Day they complained", views::FieldKind::date}),
             f({"complaint", "Their complaint, in their words", views::FieldKind::textarea}),
             f({"about", "Who or what it is about", views::FieldKind::text}),
             f({"looked_into_by", "Who looks into it", views::FieldKind::text,
                "Never the person complained about"}),
             f({"action", "The action taken (when it has an outcome)", views::FieldKind::textarea}),
             f({"outcome", "The outcome, and what the child was told", views::FieldKind::textarea}),
             f({"outcome_on", "Day of the outcome", views::FieldKind::date})});
        view.update({{"title", "Record a complaint"}, {"action", base + "/complaints"}});
    } else {
        if (awaiting.empty()) {
            return Error::conflict("No complaint about this concern is awaiting its outcome.");
        }
        if (!values.contains("complaint_id")) {
            if (auto complaint = ctx.request.query_value("complaint")) {
                values["complaint_id"] = *complaint;
            }
        }
        if (!values.contains("outcome_on")) {
            values["outcome_on"] = today;
        }
        fields = nlohmann::json::array(
            {f({"complaint_id", "Which complaint?", views::FieldKind::radios, "", awaiting}),
             f({"action", "The action taken", views::FieldKind::textarea}),
             f({"outcome", "The outcome, and what the child was told", views::FieldKind::textarea}),
             f({"outcome_on", "Day of the outcome", views::FieldKind::date})});
        view.update(
            {{"title", "Record a complaint's outcome"}, {"action", base + "/complaint-outcome"}});
    }
    view["fields"] = fields;
    return ctx.page("bullying_concern_owed", view["title"].get<std::string>(), view, status);
}

Result<Response> advocate_offered(Context& ctx) {
    const auto k = TRY(concern_reached(ctx));
    http::FormReader reader(*ctx.form);
    const auto a = TRY(read_advocate_offer(reader, k.children(),
                                           local_date_of(k.details.occurred_at), ctx.today()));
    TRY(ctx.services.db.write([&](db::Connection& c) {
        return record_advocate_offer(c, k.id, a, ctx.actor(), ctx.now());
    }));
    return concern_changed(ctx);
}

Result<Response> complaint_made(Context& ctx) {
    const auto k = TRY(concern_reached(ctx));
    http::FormReader reader(*ctx.form);
    const auto m = TRY(
        read_complaint(reader, k.children(), local_date_of(k.details.occurred_at), ctx.today()));
    TRY(ctx.services.db.write(
        [&](db::Connection& c) { return record_complaint(c, k.id, m, ctx.actor(), ctx.now()); }));
    return concern_changed(ctx);
}

Result<Response> outcome_recorded(Context& ctx) {
    const auto k = TRY(concern_reached(ctx));
    http::FormReader reader(*ctx.form);
    const auto complaint = reader.integer("complaint_id", "the complaint", true, 1,
                                          std::numeric_limits<std::int64_t>::max());
    const ComplaintRecord* made = nullptr;
    for (const auto& r : k.complaints) {
        if (complaint && r.id == *complaint) {
            made = &r;
        }
    }
    if (complaint && !made) {
        reader.fail("complaint_id", "Choose a complaint made about this concern");
    }
    const auto o = TRY(read_complaint_outcome(
        reader, made ? made->complaint.made_on : local_date_of(k.details.occurred_at),
        ctx.today()));
    TRY(ctx.services.db.write([&](db::Connection& c) {
        return record_complaint_outcome(c, k.id, made->id, o, ctx.actor(), ctx.now());
    }));
    return concern_changed(ctx);
}

}  // namespace

void add_bullying_voice_routes(http::Router& router) {
    auto page = [](Form which) {
        return [which](Context& ctx) {
            return show_form(ctx, which, nlohmann::json::object(), std::nullopt, 200);
        };
    };
    auto again = [](Form which) {
        return [which](Context& ctx, const Error& e) {
            return show_form(ctx, which, ctx.form->typed_values(), e, http::status_for(e.kind));
        };
    };
    const std::string one = "/homes/{home}/bullying/{bullying_concern}";
    router.add({"GET", one + "/advocates", Action::respond_to_bullying, page(Form::advocate)});
    router.add({.method = "POST",
                .pattern = one + "/advocates",
                .action = Action::respond_to_bullying,
                .handler = advocate_offered,
                .again = again(Form::advocate)});
    router.add({"GET", one + "/complaints", Action::record_bullying, page(Form::complaint)});
    router.add({.method = "POST",
                .pattern = one + "/complaints",
                .action = Action::record_bullying,
                .handler = complaint_made,
                .again = again(Form::complaint)});
    router.add(
        {"GET", one + "/complaint-outcome", Action::respond_to_bullying, page(Form::outcome)});
    router.add({.method = "POST",
                .pattern = one + "/complaint-outcome",
                .action = Action::respond_to_bullying,
                .handler = outcome_recorded,
                .again = again(Form::outcome)});

    const std::string api = "/api/v1/homes/{home}/bullying-concerns/{bullying_concern}";
    router.add({"POST", api + "/advocates", Action::respond_to_bullying, advocate_offered});
    router.add({"POST", api + "/complaints", Action::record_bullying, complaint_made});
    router.add({"POST", api + "/complaint-outcome", Action::respond_to_bullying, outcome_recorded});
}

}  // namespace hearth::relationships
