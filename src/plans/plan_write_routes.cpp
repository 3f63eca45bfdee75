// The plan pages that write: a new plan, a new version, the registered manager's sign-off and who a
// version was shared with. Each form is shown again with what was typed when it is refused.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "plans/plan_form.hpp"
#include "plans/plan_pages.hpp"
#include "plans/plan_views.hpp"
#include "platform/http/form_again.hpp"
#include "platform/views/form_view.hpp"
#include "platform/views/views.hpp"

namespace hearth::plans::pages {

using http::Context;
using http::Response;

namespace {

std::vector<std::pair<std::string, std::string>> kind_options(const std::vector<Plan>& existing) {
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& k : plan_kinds()) {
        const bool taken =
            !k.named_area && std::any_of(existing.begin(), existing.end(),
                                         [&](const Plan& p) { return p.kind == k.key; });
        if (!taken) {
            out.emplace_back(k.key, plan_title(k, k.named_area ? k.label : ""));
        }
    }
    return out;
}

Result<Plan> load_plan(db::Connection& c, const Context& ctx, bool record) {
    auto found = TRY(find(c, ctx.param("plan")));
    if (!found) {
        return Error::not_found("We could not find that plan.");
    }
    if (record) {
        TRY(record_read(c, subject_of(ctx), "plan", std::to_string(found->id), ctx.actor(),
                        ctx.now()));
    }
    return std::move(*found);
}

// A version's form: for a new plan (`plan` empty) or a new version of `plan`.
struct VersionForm {
    const PlanKind* kind = nullptr;
    const Plan* plan = nullptr;
    nlohmann::json values;
    std::optional<Error> error;
    int read_version = 0;
    std::optional<nlohmann::json> typed_sections;  // for a conflict: what differs from current
};

Result<Response> show_version_form(const Context& ctx, const VersionForm& form, int status) {
    const Subject child = subject_of(ctx);
    const std::string area = form.plan ? form.plan->area_name : std::string{};
    // A risk in another area has no name until the writer gives it one.
    const std::string title_of_plan =
        form.kind->named_area && area.empty() ? "Risk assessment" : plan_title(*form.kind, area);
    const bool new_plan = form.plan == nullptr;
    std::string title = fmt::format("Write version {}", form.read_version + 1);
    if (new_plan && form.kind->family == Family::risk_assessment) {
        title = "Start a risk assessment";
    } else if (new_plan) {
        std::string what = title_of_plan;
        what[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(what[0])));
        title = fmt::format("Start {}'s {}", first_name_of(ctx), what);
    }
    nlohmann::json errors = nlohmann::json::object();
    nlohmann::json data = {
        {"title", title},
        {"plan_title", title_of_plan},
        {"new_plan", new_plan},
        {"kind", form.kind->key},
        {"kind_description", form.kind->description},
        {"action", new_plan ? fmt::format("/children/{}/plans", child.child_id)
                            : plan_href(child.child_id, form.plan->id)},
        {"cancel_href", new_plan ? fmt::format("/children/{}/plans", child.child_id)
                                 : plan_href(child.child_id, form.plan->id)},
        {"version", form.read_version},
        {"kept_draft", ctx.draft.has_value()}};
    if (form.error) {
        data.update(views::errors_view(*form.error));
        errors = data["error_for"];
    }
    data["fields"] = version_fields(*form.kind, form.values, errors, first_name_of(ctx),
                                    new_plan && form.kind->named_area, TRY(longest_review(ctx)));
    if (form.error && form.error->kind == ErrorKind::conflict) {
        nlohmann::json conflict = {{"message", form.error->message}};
        if (form.plan) {
            conflict["current"] = version_view(form.plan->current, ctx.now());
            conflict["author"] = form.plan->current.author_name;
            conflict["version"] = form.plan->current.number;
            if (form.typed_sections) {
                conflict["differences"] = *form.typed_sections;
            }
            conflict["has_differences"] = form.typed_sections && !form.typed_sections->empty();
        } else {
            conflict["plans_href"] = fmt::format("/children/{}/plans", child.child_id);
        }
        data["conflict"] = conflict;
    }
    return ctx.page("plan_form", title, data, status);
}

// What the writer typed against what the plan now says, section by section.
nlohmann::json typed_against(const PlanKind& kind, const Version& current,
                             const http::FormData& form) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& s : kind.sections) {
        const auto changes =
            word_changes(section_text(current.sections, s.key), form.get(section_field(s)));
        if (has_changes(changes)) {
            out.push_back({{"label", s.label}, {"pieces", pieces_json(changes)}});
        }
    }
    return out;
}

}  // namespace

Result<Response> new_plan_form(Context& ctx) {
    const Subject child = subject_of(ctx);
    const std::string kind_key =
        ctx.draft ? ctx.draft->get("kind") : ctx.request.query_value("kind").value_or("");
    if (const PlanKind* kind = find_kind(kind_key)) {
        VersionForm form;
        form.kind = kind;
        form.values = ctx.draft ? ctx.draft->typed_values() : first_values(ctx.today());
        return show_version_form(ctx, form, 200);
    }
    auto existing =
        TRY(ctx.services.db.read([&](db::Connection& c) { return for_child(c, child.child_id); }));
    nlohmann::json data = {{"title", "Start a plan or risk assessment"},
                           {"action", fmt::format("/children/{}/plans/new", child.child_id)},
                           {"cancel_href", fmt::format("/children/{}/plans", child.child_id)}};
    nlohmann::json errors = nlohmann::json::object();
    const bool chose_nothing = ctx.request.query_value("kind").has_value();
    if (chose_nothing) {
        data.update(views::errors_view(Error::invalid("kind", "Select what you want to start")));
        errors = data["error_for"];
    }
    data["kind"] = views::field({"kind", "What do you want to start?", views::FieldKind::radios,
                                 "Each child has one of each plan; a plan you already have is "
                                 "changed by writing a new version of it",
                                 kind_options(existing), ""},
                                nlohmann::json::object(), errors);
    return ctx.page("plan_choose", "Start a plan or risk assessment", data,
                    chose_nothing ? 400 : 200);
}

Result<Response> start_plan(Context& ctx) {
    const Subject child = subject_of(ctx);
    http::FormReader reader(*ctx.form);
    reader.about_child(ctx.scope.child_born);
    const PlanKind* kind = find_kind(ctx.form->get("kind"));
    std::vector<std::string> keys;
    for (const auto& k : plan_kinds()) {
        keys.push_back(k.key);
    }
    reader.choice("kind", "the kind of plan", keys, true);
    if (!kind) {
        TRY(reader.finish());
        return Error::invalid("kind", "Select the kind of plan");
    }
    const std::string area = read_area_name(reader, *kind);
    const int longest = TRY(longest_review(ctx));
    auto input = TRY(read_version(reader, *kind, ctx.today(), std::nullopt, longest));
    const auto id = TRY(ctx.services.db.write([&](db::Connection& c) {
        return start(c, child, *kind, area, input, ctx.actor(), ctx.now());
    }));
    if (ctx.request.wants_json()) {
        auto made = TRY(ctx.services.db.read([&](db::Connection& c) { return find(c, id); }));
        if (!made) {
            return Error::internal("plan vanished");
        }
        return Response::json(201, plan_json(*made, ctx.now()))
            .header("Location", fmt::format("/api/v1/children/{}/plans/{}", child.child_id, id));
    }
    return Response::redirect(plan_href(child.child_id, id) + "?started=1");
}

// The form of the kind chosen, with what was typed. Without a kind there is no form to show again:
// that is the error page.
Result<Response> start_plan_again(Context& ctx, const Error& e) {
    const PlanKind* kind = find_kind(ctx.form->get("kind"));
    if (!kind) {
        return e;
    }
    VersionForm form;
    form.kind = kind;
    form.values = ctx.form->typed_values();
    form.error = e;
    return show_version_form(ctx, form, http::status_for(e.kind));
}

Result<Response> new_version_form(Context& ctx) {
    auto found =
        TRY(ctx.services.db.write([&](db::Connection& c) { return load_plan(c, ctx, true); }));
    const Plan& p = found;
    VersionForm form;
    form.kind = find_kind(p.kind);
    if (!form.kind) {
        return Error::internal("unknown plan kind " + p.kind);
    }
    form.plan = &p;
    form.read_version = p.current.number;
    form.values = values_from(p.current, ctx.today());
    if (ctx.draft) {
        form.values = ctx.draft->typed_values();
        form.read_version = std::atoi(ctx.draft->get("version").c_str());
    }
    return show_version_form(ctx, form, 200);
}

Result<Response> add_version(Context& ctx) {
    const Subject child = subject_of(ctx);
    auto found =
        TRY(ctx.services.db.read([&](db::Connection& c) { return load_plan(c, ctx, false); }));
    const PlanKind* kind = find_kind(found.kind);
    if (!kind) {
        return Error::internal("unknown plan kind " + found.kind);
    }
    http::FormReader reader(*ctx.form);
    reader.about_child(ctx.scope.child_born);
    auto read = reader.integer("version", "the version you read", true, 1, 1'000'000'000);
    // The version it replaces is the one the writer read; if that is no longer current, the store
    // refuses the write as a conflict, which says more than a date would.
    const auto previous = read && *read == found.current.number
                              ? std::optional<Date>(found.current.effective_on)
                              : std::nullopt;
    const int longest = TRY(longest_review(ctx));
    auto input = TRY(read_version(reader, *kind, ctx.today(), previous, longest));
    const int written = TRY(ctx.services.db.write([&](db::Connection& c) {
        return plans::add_version(c, child, found.id, static_cast<int>(read.value_or(0)), input,
                                  ctx.actor(), ctx.now());
    }));
    if (ctx.request.wants_json()) {
        auto now = TRY(ctx.services.db.read([&](db::Connection& c) { return find(c, found.id); }));
        if (!now) {
            return Error::internal("plan vanished");
        }
        return Response::json(201, plan_json(*now, ctx.now()));
    }
    return Response::redirect(
        fmt::format("{}?written={}", plan_href(child.child_id, found.id), written));
}

// The form again with what was typed. A conflict shows the plan as it is now (a read, recorded
// like one) and what was typed against it, and the form now carries the version they have seen.
Result<Response> add_version_again(Context& ctx, const Error& e) {
    const bool conflict = e.kind == ErrorKind::conflict;
    auto now =
        TRY(ctx.services.db.write([&](db::Connection& c) { return load_plan(c, ctx, conflict); }));
    const PlanKind* kind = find_kind(now.kind);
    if (!kind) {
        return Error::internal("unknown plan kind " + now.kind);
    }
    VersionForm form;
    form.kind = kind;
    form.plan = &now;
    form.values = ctx.form->typed_values();
    form.error = e;
    form.read_version = http::version_again(ctx, e, now.current.number);
    if (conflict) {
        form.typed_sections = typed_against(*kind, now.current, *ctx.form);
    }
    return show_version_form(ctx, form, http::status_for(e.kind));
}

namespace {
Result<Response> show_sign_off(const Context& ctx, const Plan& p, const std::optional<Error>& error,
                               int status) {
    const PlanKind* kind = find_kind(p.kind);
    const std::string title = kind ? plan_title(*kind, p.area_name) : p.kind;
    nlohmann::json data = {{"title", fmt::format("Sign off version {}", p.current.number)},
                           {"plan_title", title},
                           {"version", p.current.number},
                           {"shown", version_view(p.current, ctx.now())},
                           {"awaiting", !p.current.signed_at.has_value()},
                           {"action", plan_href(p.child_id, p.id) + "/sign-off"},
                           {"plan_href", plan_href(p.child_id, p.id)}};
    if (error) {
        if (error->kind == ErrorKind::conflict) {
            data["conflict"] = {{"message", error->message}};
        } else {
            data.update(views::errors_view(*error));
        }
    }
    return ctx.page("plan_sign_off", title + ": sign off", data, status);
}
}  // namespace

Result<Response> sign_off_page(Context& ctx) {
    auto found = ctx.services.db.write([&](db::Connection& c) { return load_plan(c, ctx, true); });
    if (!found.ok()) {
        return found.error();
    }
    return show_sign_off(ctx, found.value(), std::nullopt, 200);
}

Result<Response> sign_off(Context& ctx) {
    const Subject child = subject_of(ctx);
    const auto plan_id = ctx.param("plan");
    http::FormReader reader(*ctx.form);
    auto number =
        reader.integer("version", "the version you are signing off", true, 1, 1'000'000'000);
    TRY(reader.finish());
    TRY(ctx.services.db.write([&](db::Connection& c) {
        return plans::sign_off(c, child, plan_id, static_cast<int>(*number), ctx.actor(),
                               ctx.now());
    }));
    if (ctx.request.wants_json()) {
        auto now = TRY(ctx.services.db.read([&](db::Connection& c) { return find(c, plan_id); }));
        if (!now) {
            return Error::internal("plan vanished");
        }
        return Response::json(200, plan_json(*now, ctx.now()));
    }
    return Response::redirect(
        fmt::format("{}?signed={}", plan_href(child.child_id, plan_id), *number));
}

// The plan as it now is, read and the read recorded, with the message.
Result<Response> sign_off_again(Context& ctx, const Error& e) {
    auto now =
        TRY(ctx.services.db.write([&](db::Connection& c) { return load_plan(c, ctx, true); }));
    return show_sign_off(ctx, now, e, http::status_for(e.kind));
}

namespace {
Result<Response> show_sharing(const Context& ctx, const Plan& p, const Version& v,
                              const nlohmann::json& values, const std::optional<Error>& error,
                              int status) {
    const PlanKind* kind = find_kind(p.kind);
    const std::string title = kind ? plan_title(*kind, p.area_name) : p.kind;
    nlohmann::json errors = nlohmann::json::object();
    nlohmann::json data = {{"title", fmt::format("Who was version {} shared with?", v.number)},
                           {"plan_title", title},
                           {"version", v.number},
                           {"action", plan_href(p.child_id, p.id) + "/sharing"},
                           {"plan_href", plan_href(p.child_id, p.id)},
                           {"kept_draft", ctx.draft.has_value()}};
    if (error) {
        data.update(views::errors_view(*error));
        errors = data["error_for"];
    }
    data["fields"] = sharing_fields(values, errors);
    return ctx.page("plan_sharing", title + ": sharing", data, status);
}

// The version a sharing page is about: ?version=N, or the draft's, or the current one.
Result<Version> version_for_sharing(db::Connection& c, const Plan& p, std::optional<int> number) {
    if (!number || *number == p.current.number) {
        return p.current;
    }
    auto found = TRY(version(c, p.id, *number));
    if (!found) {
        return Error::not_found(fmt::format("This plan has no version {}.", *number));
    }
    return std::move(*found);
}

std::optional<int> wanted_version(const Context& ctx) {
    std::string text =
        ctx.draft ? ctx.draft->get("version") : ctx.request.query_value("version").value_or("");
    const int n = std::atoi(text.c_str());
    return n > 0 ? std::optional<int>(n) : std::nullopt;
}
}  // namespace

Result<Response> sharing_page(Context& ctx) {
    struct Data {
        Plan plan;
        Version version;
    };
    const auto wanted = wanted_version(ctx);
    auto data = TRY(ctx.services.db.write([&](db::Connection& c) -> Result<Data> {
        auto p = TRY(load_plan(c, ctx, true));
        auto v = TRY(version_for_sharing(c, p, wanted));
        return Data{std::move(p), std::move(v)};
    }));
    nlohmann::json values = ctx.draft ? ctx.draft->typed_values()
                                      : nlohmann::json{{"shared_on", format_date(ctx.today())}};
    return show_sharing(ctx, data.plan, data.version, values, std::nullopt, 200);
}

Result<Response> record_sharing(Context& ctx) {
    const auto plan_id = ctx.param("plan");
    http::FormReader reader(*ctx.form);
    reader.about_child(ctx.scope.child_born);
    auto input = TRY(read_sharing(reader, ctx.today()));
    TRY(ctx.services.db.write([&](db::Connection& c) {
        return plans::record_sharing(c, plan_id, input, ctx.actor(), ctx.now());
    }));
    if (ctx.request.wants_json()) {
        auto shared = TRY(ctx.services.db.read([&](db::Connection& c) -> Result<nlohmann::json> {
            auto v = TRY(version(c, plan_id, input.version));
            if (!v)
                return Error::internal("version vanished");
            std::vector<Version> list{std::move(*v)};
            TRY(load_sharing(c, list));
            return version_json(list.front());
        }));
        return Response::json(201, {{"version", shared}});
    }
    return Response::redirect(plan_href(subject_of(ctx).child_id, plan_id) + "?shared=1");
}

// The form again with what was typed and the message at each field, about the version asked for.
// A conflict has nothing to show on this form: that stays the error page.
Result<Response> record_sharing_again(Context& ctx, const Error& e) {
    if (e.kind != ErrorKind::invalid_input) {
        return e;
    }
    struct Data {
        Plan plan;
        Version version;
    };
    const int asked = std::atoi(ctx.form->get("version").c_str());
    auto data = TRY(ctx.services.db.read([&](db::Connection& c) -> Result<Data> {
        auto p = TRY(load_plan(c, ctx, false));
        auto v = version_for_sharing(c, p, asked > 0 ? std::optional<int>(asked) : std::nullopt);
        // A version that does not exist is the error being shown: show the current one.
        return Data{p, v.ok() ? std::move(v.value()) : p.current};
    }));
    return show_sharing(ctx, data.plan, data.version, ctx.form->typed_values(), e, 400);
}

}  // namespace hearth::plans::pages
