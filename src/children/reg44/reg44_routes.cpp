#include "children/reg44/reg44_routes.hpp"

#include <fmt/format.h>

#include "children/child_store.hpp"
#include "children/record_form.hpp"
#include "children/reg44/reg44_consent.hpp"

namespace hearth::children {

namespace {

using http::Context;
using http::Response;
using views::FieldKind;

std::string consents_path(const Context& ctx) {
    return fmt::format("/children/{}/reg44-consent", ctx.param("child"));
}

nlohmann::json consent_json(const Reg44Consent& c) {
    return {{"party", label_in(reg44_parties(), c.party)},
            {"consents", c.consents},
            {"given_by", c.given_by},
            {"given_on", format_local_date(c.given_on)},
            {"recorded_by", c.recorded_by},
            {"recorded_at", format_local(c.recorded_at)}};
}

nlohmann::json standing_json(const std::optional<Reg44Consent>& c, const std::string& party) {
    if (!c) {
        return {{"party", party}, {"said", false}};
    }
    auto j = consent_json(*c);
    j["said"] = true;
    return j;
}

Result<Response> consents_page(Context& ctx) {
    const auto child_id = ctx.param("child");
    auto consents = TRY(
        ctx.services.db.read([&](db::Connection& c) { return reg44_consents_of(c, child_id); }));
    nlohmann::json history = nlohmann::json::array();
    for (const auto& c : consents.history) {
        history.push_back(consent_json(c));
    }
    nlohmann::json data = {
        {"child", {{"id", child_id}, {"name", ctx.scope.child_name}}},
        {"both", consents.both()},
        {"standing", nlohmann::json::array(
                         {standing_json(consents.child, "The child"),
                          standing_json(consents.placing_authority, "The placing authority")})},
        {"history", history},
        {"has_history", !history.empty()},
        {"can_record", can(ctx.person, Action::record_reg44_consent, ctx.scope)},
        {"saved", ctx.request.query_value("saved").has_value()}};
    return ctx.page("reg44_consent", "Reg 44 consent: " + ctx.scope.child_name, data, 200);
}

RecordForm consent_form(const Context& ctx) {
    return {.title = "Record a Reg 44 consent, or its withdrawal",
            .caption = ctx.scope.child_name,
            .intro = {"The independent person may read " + ctx.scope.child_name +
                      "'s case record only while the child and the placing authority both "
                      "consent (Reg 44(4)(b)). Record each one as it is given or withdrawn."},
            .action = consents_path(ctx) + "/new",
            .cancel_href = consents_path(ctx),
            .submit = "Record it",
            .groups = {{"",
                        "",
                        {{"party", "Whose consent", FieldKind::radios, "",
                          views::Options{{"child", "The child's"},
                                         {"placing_authority", "The placing authority's"}}},
                         {"consents", "What they said", FieldKind::radios, "",
                          views::Options{{"yes", "They consent"},
                                         {"no", "They do not consent, or withdraw their consent"}}},
                         {"given_by",
                          "Who said so, and how",
                          FieldKind::text,
                          "For example \"Aisha, in her key-work session\" or \"Casey Nolan, social "
                          "worker, by email\"",
                          {}},
                         {"given_on", "The day they said so", FieldKind::date, "", {}}}}}};
}

Result<Response> new_consent_page(Context& ctx) {
    return show_record_form(ctx, consent_form(ctx), {{"given_on", format_date(ctx.today())}},
                            std::nullopt, 200);
}

Result<Response> record_consent(Context& ctx) {
    http::FormReader reader(*ctx.form);
    reader.about_child(ctx.scope.child_born);
    Reg44Consent consent;
    consent.party = reader.choice("party", "whose consent it is", keys_of(reg44_parties()), true);
    consent.consents = reader.choice("consents", "what they said", {"yes", "no"}, true) == "yes";
    consent.given_by = reader.text("given_by", "who said so", {.required = true, .max = 300});
    auto on = reader.date("given_on", "the day they said so",
                          {.required = true, .not_after = ctx.today(), .after_label = "today"});
    TRY(reader.finish());
    consent.given_on = *on;
    TRY(ctx.services.db.write([&](db::Connection& c) {
        return record_reg44_consent(c, ctx.param("child"), consent, ctx.actor(), ctx.now());
    }));
    return Response::redirect(consents_path(ctx) + "?saved=1");
}

Result<Response> record_consent_again(Context& ctx, const Error& e) {
    if (e.kind != ErrorKind::invalid_input) {
        return e;
    }
    return show_record_form(ctx, consent_form(ctx), ctx.form->typed_values(), e, 400);
}

}  // namespace

void add_reg44_routes(http::Router& router) {
    router.add({"GET", "/children/{child}/reg44-consent", Action::view_child, consents_page});
    router.add({"GET", "/children/{child}/reg44-consent/new", Action::record_reg44_consent,
                new_consent_page});
    router.add({.method = "POST",
                .pattern = "/children/{child}/reg44-consent/new",
                .action = Action::record_reg44_consent,
                .handler = record_consent,
                .again = record_consent_again});
}

}  // namespace hearth::children
