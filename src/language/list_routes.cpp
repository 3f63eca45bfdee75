// The organisation's list of phrases: who may read it (everyone who writes records) and how its
// managers change it. Pages at /organisation/language, the same through /api/v1/language/phrases.
#include <fmt/format.h>

#include "language/language_routes.hpp"
#include "language/language_store.hpp"
#include "language/language_views.hpp"
#include "platform/http/form_again.hpp"
#include "platform/views/form_view.hpp"
#include "platform/views/views.hpp"

namespace hearth::language {

namespace {

using http::Context;
using http::Response;
using views::FieldKind;

constexpr std::size_t page_size = 20;

Result<std::vector<OrganisationPhrase>> load(const Context& ctx) {
    return ctx.services.db.read(
        [&](db::Connection& c) { return organisation_list(c, ctx.person.organisation_id); });
}

Result<OrganisationPhrase> load_one(const Context& ctx) {
    auto list = TRY(load(ctx));
    const auto* p = find_phrase(list, ctx.param("phrase"));
    if (p == nullptr) {
        return Error::not_found("There is no such phrase in your organisation's list.");
    }
    return *p;
}

bool may_manage(const Context& ctx) {
    return can(ctx.person, Action::manage_language, ctx.scope);
}

std::string list_href(const std::string& q, std::size_t page) {
    std::string href = "/organisation/language";
    std::string sep = "?";
    if (!q.empty()) {
        href += sep + "q=" + http::url_encode(q);
        sep = "&";
    }
    if (page > 1) {
        href += sep + fmt::format("page={}", page);
    }
    return href + "#phrases";
}

nlohmann::json pagination(const std::string& q, std::size_t page, std::size_t pages) {
    nlohmann::json out = {{"has_pages", pages > 1}};
    if (page > 1) {
        out["prev"] = {{"href", list_href(q, page - 1)}};
    }
    if (page < pages) {
        out["next"] = {{"href", list_href(q, page + 1)}};
    }
    out["pages"] = nlohmann::json::array();
    for (std::size_t n = 1; n <= pages; ++n) {
        out["pages"].push_back({{"number", n}, {"href", list_href(q, n)}, {"current", n == page}});
    }
    return out;
}

Result<Response> new_page(Context& ctx);
Result<Response> edit_page(Context& ctx);

Result<Response> list_page(Context& ctx) {
    // After an idle sign-out a kept draft comes back to the address the add form posts to.
    if (ctx.draft && may_manage(ctx)) {
        return new_page(ctx);
    }
    auto list = TRY(load(ctx));
    if (ctx.request.wants_json()) {
        nlohmann::json phrases = nlohmann::json::array();
        for (const auto& p : list) {
            phrases.push_back(phrase_json(p, false));
        }
        return Response::json(200, {{"list", list_about(default_list())}, {"phrases", phrases}});
    }
    std::string q = ctx.request.query_value("q").value_or("");
    if (q.size() > 100) {
        // Cut at a character, not inside one.
        std::size_t cut = 100;
        while (cut > 0 && (static_cast<unsigned char>(q[cut]) & 0xC0) == 0x80) {
            --cut;
        }
        q.resize(cut);
    }
    std::vector<const OrganisationPhrase*> shown, retired;
    for (const auto& p : list) {
        if (!mentions(p, q)) {
            continue;
        }
        (p.retired ? retired : shown).push_back(&p);
    }
    const std::size_t pages = std::max<std::size_t>(1, (shown.size() + page_size - 1) / page_size);
    std::size_t page = 1;
    if (auto asked = ctx.request.query_value("page")) {
        const long long n = std::atoll(asked->c_str());
        page = n >= 1 ? std::min<std::size_t>(static_cast<std::size_t>(n), pages) : 1;
    }
    nlohmann::json rows = nlohmann::json::array(), retired_rows = nlohmann::json::array();
    for (std::size_t i = (page - 1) * page_size; i < shown.size() && i < page * page_size; ++i) {
        rows.push_back(phrase_view(*shown[i]));
    }
    for (const auto* p : retired) {
        retired_rows.push_back(phrase_view(*p));
    }
    const std::size_t first = shown.empty() ? 0 : (page - 1) * page_size + 1;
    const std::size_t last = std::min(shown.size(), page * page_size);
    nlohmann::json try_field =
        views::field({"text",
                      "Your words",
                      FieldKind::textarea,
                      "Write a sentence as you might in a daily note. Hearth shows what it would "
                      "flag; nothing is saved.",
                      {},
                      "",
                      "off",
                      true},
                     nlohmann::json::object(), nlohmann::json::object());
    return ctx.page("language_list", "Language that cares",
                    {{"about", list_about(default_list())},
                     {"q", q},
                     {"has_q", !q.empty()},
                     {"phrases", rows},
                     {"has_phrases", !rows.empty()},
                     {"count", shown.size()},
                     {"first", first},
                     {"last", last},
                     {"pagination", pagination(q, page, pages)},
                     {"retired", retired_rows},
                     {"has_retired", !retired_rows.empty()},
                     {"can_manage", may_manage(ctx)},
                     {"can_see_figures", can(ctx.person, Action::view_language_figures, Scope{})},
                     {"try_field", try_field}});
}

nlohmann::json form_values(const Phrase& p) {
    auto joined = [](const std::vector<std::string>& lines) {
        std::string out;
        for (const auto& l : lines) {
            out += (out.empty() ? "" : "\n") + l;
        }
        return out;
    };
    return {{"phrase", p.phrase},
            {"match", joined(p.match)},
            {"not_when", joined(p.not_when)},
            {"alternative", p.alternative},
            {"why", p.why},
            {"fine_when", p.fine_when}};
}

nlohmann::json phrase_fields(const nlohmann::json& values, const nlohmann::json& errors) {
    using views::FieldSpec;
    auto f = [&](const FieldSpec& spec) { return views::field(spec, values, errors); };
    return nlohmann::json::array({
        f({"phrase",
           "The phrase",
           FieldKind::text,
           "The words as people say them, like \"kicked off\"",
           {},
           "govuk-input--width-20"}),
        f({"match", "Words to look for", FieldKind::textarea,
           "One a line. Words are found whole and in any case; a hyphen and a space are the "
           "same. Put | between the forms to find (threw|throws a tantrum), end a word with + "
           "for its usual endings (kick+ off finds kicks, kicked and kicking off), and put a "
           "word that may be missing in brackets: contact with (his|her) mum."}),
        f({"not_when", "When the words are fine (optional)", FieldKind::textarea,
           "One a line, written the same way. Words found wholly inside one of these are not "
           "flagged: \"contact with the school\"."}),
        f({"alternative", "A kinder, more precise alternative", FieldKind::textarea,
           "With an example if you can"}),
        f({"why", "Why", FieldKind::textarea,
           "One or two plain sentences that a support worker would accept"}),
        f({"fine_when", "These words are fine... (optional)", FieldKind::textarea,
           "Finish the sentence, for example \"when you quote a court order\""}),
    });
}

nlohmann::json reason_field(const nlohmann::json& values, const nlohmann::json& errors) {
    return views::field({"reason", "Why are you making this change?", FieldKind::textarea,
                         "Kept with the change. For example, \"Agreed at the team meeting on 3 "
                         "May\""},
                        values, errors);
}

Result<Response> show_form(const Context& ctx, const std::string& title, const std::string& action,
                           const nlohmann::json& values, const std::optional<Error>& error,
                           std::optional<int> version,
                           const std::optional<OrganisationPhrase>& current, int status) {
    nlohmann::json errors = nlohmann::json::object();
    nlohmann::json data = {{"title", title},
                           {"action", action},
                           {"amending", version.has_value()},
                           {"kept_draft", ctx.draft.has_value()}};
    if (error && error->kind == ErrorKind::invalid_input) {
        data.update(views::errors_view(*error));
        errors = data["error_for"];
    }
    data["fields"] = phrase_fields(values, errors);
    data["reason"] = reason_field(values, errors);
    if (version) {
        data["version"] = *version;
    }
    if (current && error && error->kind == ErrorKind::conflict) {
        data["conflict"] = {{"message", error->message}, {"current", phrase_view(*current)}};
    }
    return ctx.page("language_phrase_form", title, data, status);
}

Result<Response> new_page(Context& ctx) {
    nlohmann::json values = ctx.draft ? ctx.draft->typed_values() : nlohmann::json::object();
    return show_form(ctx, "Add a phrase", "/organisation/language", values, std::nullopt,
                     std::nullopt, std::nullopt, 200);
}

Result<Response> add(Context& ctx) {
    http::FormReader reader(*ctx.form);
    const Phrase p = read_phrase(reader);
    const std::string reason = read_reason(reader);
    TRY(reader.finish());
    const auto id = TRY(ctx.services.db.write([&](db::Connection& c) {
        return add_phrase(c, ctx.person.organisation_id, p, reason, ctx.actor(), ctx.now());
    }));
    if (ctx.request.wants_json()) {
        auto list = TRY(load(ctx));
        return Response::json(201, phrase_json(*find_phrase(list, id), true))
            .header("Location", fmt::format("/api/v1/language/phrases/{}", id));
    }
    return Response::redirect(fmt::format("/organisation/language/{}?added=1", id));
}

// The form again with what was typed and the message at each field. Two managers adding at once
// is a conflict the new form has nothing to show for: that stays the error page.
Result<Response> add_again(Context& ctx, const Error& e) {
    if (e.kind != ErrorKind::invalid_input) {
        return e;
    }
    return show_form(ctx, "Add a phrase", "/organisation/language", ctx.form->typed_values(), e,
                     std::nullopt, std::nullopt, 400);
}

Result<Response> phrase_page(Context& ctx) {
    if (ctx.draft && may_manage(ctx)) {
        return edit_page(ctx);
    }
    auto p = TRY(load_one(ctx));
    if (ctx.request.wants_json()) {
        return Response::json(200, phrase_json(p, true));
    }
    nlohmann::json history = history_view(p);
    return ctx.page("language_phrase", p.phrase.phrase,
                    {{"phrase", phrase_view(p)},
                     {"history", history},
                     {"has_history", !history.empty()},
                     {"can_manage", may_manage(ctx)},
                     {"added", ctx.request.query_value("added").has_value()},
                     {"changed", ctx.request.query_value("changed").has_value()},
                     {"retired_now", ctx.request.query_value("retired").has_value()},
                     {"restored_now", ctx.request.query_value("restored").has_value()}});
}

Result<Response> edit_page(Context& ctx) {
    auto p = TRY(load_one(ctx));
    nlohmann::json values = form_values(p.phrase);
    int version = p.version;
    if (ctx.draft) {
        values = ctx.draft->typed_values();
        version = std::atoi(ctx.draft->get("version").c_str());
    }
    return show_form(ctx, fmt::format("Change \"{}\"", p.phrase.phrase),
                     fmt::format("/organisation/language/{}", p.phrase.id), values, std::nullopt,
                     version, std::nullopt, 200);
}

Result<Response> amend(Context& ctx) {
    const auto id = ctx.param("phrase");
    http::FormReader reader(*ctx.form);
    const auto version = reader.integer("version", "version", true, 1, 1'000'000);
    Phrase p = read_phrase(reader);
    const std::string reason = read_reason(reader);
    TRY(reader.finish());
    TRY(ctx.services.db.write([&](db::Connection& c) {
        return amend_phrase(c, ctx.person.organisation_id, id,
                            static_cast<int>(version.value_or(0)), p, reason, ctx.actor(),
                            ctx.now());
    }));
    if (ctx.request.wants_json()) {
        auto now = TRY(load_one(ctx));
        return Response::json(200, phrase_json(now, true));
    }
    return Response::redirect(fmt::format("/organisation/language/{}?changed=1", id));
}

// The form again with what was typed; after a conflict, with the phrase as it now is and the
// version the person has now seen.
Result<Response> amend_again(Context& ctx, const Error& e) {
    auto current = TRY(load_one(ctx));
    return show_form(ctx, fmt::format("Change \"{}\"", current.phrase.phrase),
                     fmt::format("/organisation/language/{}", ctx.param("phrase")),
                     ctx.form->typed_values(), e, http::version_again(ctx, e, current.version),
                     current, http::status_for(e.kind));
}

// Retire and restore: a page that asks why, and its form.
Result<Response> show_retire(const Context& ctx, const OrganisationPhrase& p, bool retiring,
                             const nlohmann::json& values, const std::optional<Error>& error,
                             int version, int status) {
    nlohmann::json errors = nlohmann::json::object();
    nlohmann::json data = {{"phrase", phrase_view(p)},
                           {"retiring", retiring},
                           {"version", version},
                           {"action", fmt::format("/organisation/language/{}/{}", p.phrase.id,
                                                  retiring ? "retire" : "restore")}};
    if (error && error->kind == ErrorKind::invalid_input) {
        data.update(views::errors_view(*error));
        errors = data["error_for"];
    }
    if (error && error->kind == ErrorKind::conflict) {
        data["conflict"] = {{"message", error->message}};
    }
    data["reason"] = reason_field(values, errors);
    return ctx.page("language_retire",
                    fmt::format("{} \"{}\"", retiring ? "Retire" : "Restore", p.phrase.phrase),
                    data, status);
}

Result<Response> retire_page_for(Context& ctx, bool retiring) {
    auto p = TRY(load_one(ctx));
    nlohmann::json values = ctx.draft ? ctx.draft->typed_values() : nlohmann::json::object();
    return show_retire(ctx, p, retiring, values, std::nullopt, p.version, 200);
}

Result<Response> retire_for(Context& ctx, bool retiring) {
    const auto id = ctx.param("phrase");
    http::FormReader reader(*ctx.form);
    const auto version = reader.integer("version", "version", true, 1, 1'000'000);
    const std::string reason = read_reason(reader);
    TRY(reader.finish());
    TRY(ctx.services.db.write([&](db::Connection& c) {
        return set_retired(c, ctx.person.organisation_id, id, static_cast<int>(version.value_or(0)),
                           retiring, reason, ctx.actor(), ctx.now());
    }));
    if (ctx.request.wants_json()) {
        auto now = TRY(load_one(ctx));
        return Response::json(200, phrase_json(now, true));
    }
    return Response::redirect(
        fmt::format("/organisation/language/{}?{}=1", id, retiring ? "retired" : "restored"));
}

// The page again with the reason typed, about the phrase as it now is.
Result<Response> retire_again(Context& ctx, const Error& e, bool retiring) {
    auto current = TRY(load_one(ctx));
    return show_retire(ctx, current, retiring, ctx.form->typed_values(), e, current.version,
                       http::status_for(e.kind));
}

}  // namespace

void add_list_routes(http::Router& router) {
    auto retire_page = [](Context& ctx) { return retire_page_for(ctx, true); };
    auto restore_page = [](Context& ctx) { return retire_page_for(ctx, false); };
    auto retire = [](Context& ctx) { return retire_for(ctx, true); };
    auto restore = [](Context& ctx) { return retire_for(ctx, false); };

    router.add({"GET", "/organisation/language", Action::check_language, list_page});
    router.add({"GET", "/organisation/language/new", Action::manage_language, new_page});
    router.add({.method = "POST",
                .pattern = "/organisation/language",
                .action = Action::manage_language,
                .handler = add,
                .again = add_again});
    router.add({"GET", "/organisation/language/{phrase}", Action::check_language, phrase_page});
    router.add({"GET", "/organisation/language/{phrase}/edit", Action::manage_language, edit_page});
    router.add({.method = "POST",
                .pattern = "/organisation/language/{phrase}",
                .action = Action::manage_language,
                .handler = amend,
                .again = amend_again});
    router.add(
        {"GET", "/organisation/language/{phrase}/retire", Action::manage_language, retire_page});
    router.add({.method = "POST",
                .pattern = "/organisation/language/{phrase}/retire",
                .action = Action::manage_language,
                .handler = retire,
                .again = [](Context& ctx, const Error& e) { return retire_again(ctx, e, true); }});
    router.add(
        {"GET", "/organisation/language/{phrase}/restore", Action::manage_language, restore_page});
    router.add({.method = "POST",
                .pattern = "/organisation/language/{phrase}/restore",
                .action = Action::manage_language,
                .handler = restore,
                .again = [](Context& ctx, const Error& e) { return retire_again(ctx, e, false); }});

    router.add({"GET", "/api/v1/language/phrases", Action::check_language, list_page});
    router.add({"POST", "/api/v1/language/phrases", Action::manage_language, add});
    router.add({"GET", "/api/v1/language/phrases/{phrase}", Action::check_language, phrase_page});
    router.add({"PUT", "/api/v1/language/phrases/{phrase}", Action::manage_language, amend});
    router.add(
        {"POST", "/api/v1/language/phrases/{phrase}/retire", Action::manage_language, retire});
    router.add(
        {"POST", "/api/v1/language/phrases/{phrase}/restore", Action::manage_language, restore});
}

}  // namespace hearth::language
