// The check as staff type: web/static/hearth.js sends the words of any textarea marked
// data-language-check here after a pause in typing, and shows the fragment that comes back in a
// polite live region under it. Without JavaScript the same form posts here and gets a page.
// Nothing is saved: a check is not a record.
#include <fmt/format.h>

#include "language/language_checks.hpp"
#include "language/language_routes.hpp"
#include "platform/views/form_view.hpp"
#include "platform/views/views.hpp"

namespace hearth::language {

namespace {

using http::Context;
using http::Response;

// A long daily note is a few thousand characters; this is far beyond any.
constexpr std::size_t longest_text = 20000;
// Room for that many characters of any script, form-encoded, so the limit met is the clear one.
constexpr std::size_t largest_body = std::size_t{256} * 1024;

nlohmann::json findings_json(const std::vector<Finding>& findings) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& f : findings) {
        out.push_back({{"phrase_id", f.phrase.id},
                       {"phrase", f.phrase.phrase},
                       {"matched", f.matched},
                       {"offset", f.offset},
                       {"length", f.length},
                       {"alternative", f.phrase.alternative},
                       {"why", f.phrase.why},
                       {"fine_when", f.phrase.fine_when}});
    }
    return out;
}

Result<Response> check_words(Context& ctx) {
    http::FormReader reader(*ctx.form);
    const std::string text = reader.text(
        "text", "the words to check", {.required = false, .max = longest_text, .multiline = true});
    Status read = reader.finish();
    auto findings = read.ok() ? ctx.services.db.read([&](db::Connection& c) {
        return check(c, ctx.person.organisation_id, text);
    })
                              : Result<std::vector<Finding>>(read.error());
    if (ctx.request.wants_json()) {
        if (!findings.ok()) {
            return findings.error();
        }
        return Response::json(
            200, {{"count", findings->size()}, {"findings", findings_json(*findings)}});
    }
    if (ctx.request.is_htmx()) {
        // A fragment for the live region; empty when there is nothing to say.
        if (!findings.ok()) {
            return findings.error();
        }
        auto html = TRY(views::render("_language_findings", findings_view(*findings)));
        return Response::html(200, std::move(html));
    }
    nlohmann::json data = {{"checked", findings.ok()}};
    nlohmann::json errors = nlohmann::json::object();
    if (!findings.ok()) {
        if (findings.error().kind != ErrorKind::invalid_input) {
            return findings.error();
        }
        data.update(views::errors_view(findings.error()));
        errors = data["error_for"];
    } else {
        data.update(findings_view(*findings));
        data["nothing_found"] = findings->empty() && !text.empty();
    }
    data["field"] =
        views::field({"text",
                      "Words to check",
                      views::FieldKind::textarea,
                      "Write as you would in a record. Nothing you write here is saved.",
                      {},
                      "",
                      "off",
                      true},
                     ctx.form->typed_values(), errors);
    return ctx.page("language_check", "Check some words", data, findings.ok() ? 200 : 400);
}

}  // namespace

void add_check_routes(http::Router& router) {
    router.add({"POST", "/language/check", Action::check_language, check_words, largest_body});
    router.add(
        {"POST", "/api/v1/language/check", Action::check_language, check_words, largest_body});
}

}  // namespace hearth::language
