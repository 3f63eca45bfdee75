// The pages of Reg 41 notices: a home's list, a child's list, and the notice itself with the form
// that records it sent; the notice downloads as a document to print or attach. The page, its JSON,
// the API, the download and the export are rendered from one view (placement_notice_view).
#include "notifications/placement_notice_routes.hpp"

#include <fmt/format.h>

#include "children/child_steps.hpp"
#include "children/export/export_sections.hpp"
#include "notifications/placement_notice_demo.hpp"
#include "notifications/placement_notice_store.hpp"
#include "notifications/placement_notice_view.hpp"
#include "organisation/homes.hpp"
#include "platform/views/form_view.hpp"
#include "platform/views/views.hpp"

namespace hearth::notifications {

namespace {

using http::Context;
using http::Response;

constexpr int notices_page_size = 50;

Result<Response> home_notices(Context& ctx) {
    const auto home_id = ctx.param("home");
    std::optional<std::int64_t> before;
    if (auto b = ctx.request.query_value("before")) {
        before = std::atoll(b->c_str());
    }
    auto rows = TRY(ctx.services.db.write([&](db::Connection& c) -> Result<nlohmann::json> {
        auto list = TRY(notices_of_home(c, home_id, before, notices_page_size + 1));
        const bool more = static_cast<int>(list.size()) > notices_page_size;
        if (more) {
            list.pop_back();
        }
        for (const auto& n : list) {
            TRY(record_notice_read(c, n, "listed", ctx.actor(), ctx.now()));
        }
        nlohmann::json out = {{"notices", TRY(notice_views_of(c, list, ctx.now()))}};
        out["next"] = more ? nlohmann::json(list.back().id) : nlohmann::json();
        return out;
    }));
    if (ctx.request.wants_json()) {
        return Response::json(200, rows);
    }
    nlohmann::json view = rows;
    view["home"] = {{"id", home_id}, {"name", ctx.scope.home_name}};
    view["has_notices"] = !rows["notices"].empty();
    if (!rows["next"].is_null()) {
        view["next_href"] =
            fmt::format("/homes/{}/placement-notices?before={}", home_id, rows["next"].get<long>());
    }
    return ctx.page("placement_notices",
                    "Notices of admissions and leavings: " + ctx.scope.home_name, view);
}

Result<Response> child_notices(Context& ctx) {
    const auto child_id = ctx.param("child");
    auto notices = TRY(ctx.services.db.write([&](db::Connection& c) -> Result<nlohmann::json> {
        auto list = TRY(notices_of_child(c, child_id));
        for (const auto& n : list) {
            TRY(record_notice_read(c, n, "listed", ctx.actor(), ctx.now()));
        }
        return notice_views_of(c, list, ctx.now());
    }));
    if (ctx.request.wants_json()) {
        return Response::json(200, {{"notices", notices}, {"next", nullptr}});
    }
    return ctx.page("placement_notices",
                    "Notices of admission and leaving: " + ctx.scope.child_name,
                    {{"notices", notices},
                     {"has_notices", !notices.empty()},
                     {"about_child", true},
                     {"home", {{"id", ctx.scope.home_id.value_or(0)}}}});
}

// The notice, read and recorded as read. `how`: "viewed" or "downloaded".
Result<nlohmann::json> open_notice(Context& ctx, const std::string& how) {
    const auto id = ctx.param("placement_notice");
    return ctx.services.db.write([&](db::Connection& c) -> Result<nlohmann::json> {
        auto found = TRY(find_notice(c, id));
        if (!found) {
            return Error::not_found("We could not find that notice.");
        }
        TRY(record_notice_read(c, *found, how, ctx.actor(), ctx.now()));
        auto view = TRY(placement_notice_view(c, *found, ctx.now()));
        if (found->occasion == leaving && !found->sent) {
            // The EHC answer the admission notice gave, to start from.
            for (const auto& other : TRY(notices_of_child(c, found->child_id))) {
                if (other.occasion == admission && other.sent) {
                    view["admission_ehc"] = other.sent->ehc;
                    view["admission_ehc_authority"] = other.sent->ehc_authority;
                }
            }
        }
        return view;
    });
}

std::vector<std::int64_t> staff_ids_of(const std::vector<organisation::StaffMember>& staff) {
    std::vector<std::int64_t> out;
    for (const auto& p : staff) {
        if (!p.disabled) {
            out.push_back(p.person_id);
        }
    }
    return out;
}

Result<std::vector<organisation::StaffMember>> staff_of(const Context& ctx, std::int64_t home_id) {
    return ctx.services.db.read(
        [&](db::Connection& c) { return organisation::people_of_home(c, home_id); });
}

Result<Response> show_notice(Context& ctx, const nlohmann::json& values,
                             const std::optional<Error>& error, int status) {
    auto data = TRY(open_notice(ctx, "viewed"));
    if (ctx.request.wants_json()) {
        data.erase("admission_ehc");
        data.erase("admission_ehc_authority");
        return Response::json(200, data);
    }
    const bool can_send = can(ctx.person, Action::meet_deadline, ctx.scope) &&
                          !data["sent"].get<bool>() &&
                          data["withdrawn_reason"].get<std::string>().empty();
    nlohmann::json view = {{"placement_notice", data},
                           {"can_send", can_send},
                           {"was_sent", ctx.request.query_value("sent").has_value()},
                           {"action", data["href"].get<std::string>() + "/sent"}};
    if (error) {
        view.update(views::errors_view(*error));
    }
    if (can_send) {
        const auto staff = TRY(staff_of(ctx, data["home_id"].get<std::int64_t>()));
        views::Options people;
        for (const auto& p : staff) {
            if (!p.disabled) {
                people.emplace_back(std::to_string(p.person_id), p.name);
            }
        }
        const nlohmann::json errors = error ? view["error_for"] : nlohmann::json::object();
        const auto& says = data["notice"];
        nlohmann::json shown = values;
        if (!shown.contains("sent_on")) {
            shown["sent_on"] = format_date(ctx.today());
            shown["sent_time"] = format_local_time(ctx.now());
            shown["sent_by"] = std::to_string(ctx.person.id);
            shown["sent_to"] = data["local_authority"];
            shown["placing_authority"] = says["placing_authority"];
            shown["iro"] = says["iro"];
            shown["ehc"] = data.value("admission_ehc", "");
            shown["ehc_authority"] = data.value("admission_ehc_authority", "");
        }
        auto f = [&](const views::FieldSpec& spec) { return views::field(spec, shown, errors); };
        nlohmann::json fields = nlohmann::json::array(
            {f({"placing_authority", "The placing authority and its contact details",
                views::FieldKind::textarea,
                "From the case record: correct it here if it is out of date"}),
             f({"iro", "The independent reviewing officer and their contact details",
                views::FieldKind::textarea,
                "If none is appointed yet, say so and who at the placing authority to ask"}),
             f({"ehc",
                "Does the child have an EHC plan or a statement of special educational needs?",
                views::FieldKind::radios, "", views::options_of(ehc_answers())}),
             f({"ehc_authority", "The local authority responsible for it", views::FieldKind::text,
                "Only when there is a plan or a statement"})});
        if (says["accommodated"].get<std::string>().empty()) {
            fields.push_back(f({"accommodated", "Is the child accommodated under section 20 or 21?",
                                views::FieldKind::text,
                                "The case record's legal basis is \"other\": say what it is"}));
            fields.push_back(
                f({"order", "Is the child subject to a care or supervision order under section 31?",
                   views::FieldKind::text}));
        }
        for (const auto& field :
             {f({"sent_to", "Who at the local authority was it sent to?", views::FieldKind::text,
                 "The team or person, for example \"Children's services front door\""}),
              f({"method", "How was it sent?", views::FieldKind::radios,
                 "In writing, as Reg 41(3) asks", views::options_of(written_methods())}),
              f({"sent_on", "Day it was sent", views::FieldKind::date}),
              f({"sent_time", "Time it was sent", views::FieldKind::time}),
              f({"sent_by", "Who sent it?", views::FieldKind::radios, "", people}),
              f({"reference", "Their reference (optional)", views::FieldKind::text})}) {
            fields.push_back(field);
        }
        view["fields"] = fields;
    }
    return ctx.page(
        "placement_notice",
        fmt::format(
            "Notice of {}: {}",
            data["occasion_label"].get<std::string>() == "Admission" ? "admission" : "leaving",
            ctx.scope.child_name),
        view, status);
}

Result<Response> notice_detail(Context& ctx) {
    return show_notice(ctx, nlohmann::json::object(), std::nullopt, 200);
}

Result<Response> notice_download(Context& ctx) {
    const auto data = TRY(open_notice(ctx, "downloaded"));
    auto html = TRY(views::render("placement_notice_letter", data));
    const std::string name = "Content-Disposition";
    const std::string value =
        fmt::format("attachment; filename=\"reg41-notice-{}-{}.html\"",
                    data["id"].get<std::int64_t>(), data["occasion"].get<std::string>());
    Response r = Response::html(200, std::move(html));
    r.header(name, value);
    return r;
}

Result<Response> notice_sent(Context& ctx) {
    const auto id = ctx.param("placement_notice");
    auto found = TRY(ctx.services.db.read([&](db::Connection& c) -> Result<PlacementNotice> {
        auto n = TRY(find_notice(c, id));
        if (!n) {
            return Error::not_found("We could not find that notice.");
        }
        return std::move(*n);
    }));
    const auto staff = TRY(staff_of(ctx, found.home_id));
    const bool asks_legal_position =
        TRY(ctx.services.db.read([&](db::Connection& c) -> Result<bool> {
            return TRY(contents_of(c, found)).accommodated.empty();
        }));
    http::FormReader reader(*ctx.form);
    const auto from = from_local(found.occurred_on, 0, 0)
                          .value_or(Timestamp{std::chrono::sys_days{found.occurred_on}});
    auto s = TRY(read_sending(reader, staff_ids_of(staff), asks_legal_position, from, ctx.now()));
    TRY(ctx.services.db.write(
        [&](db::Connection& c) { return record_sent(c, id, s, ctx.actor(), ctx.now()); }));
    if (ctx.request.wants_json()) {
        auto made = TRY(ctx.services.db.read([&](db::Connection& c) -> Result<nlohmann::json> {
            auto n = TRY(find_notice(c, id));
            return placement_notice_view(c, *n, ctx.now());
        }));
        return Response::json(200, made);
    }
    return Response::redirect(
        fmt::format("/children/{}/placement-notices/{}?sent=1", found.child_id, id));
}

Result<Response> sent_again(Context& ctx, const Error& e) {
    return show_notice(ctx, ctx.form->typed_values(), e, http::status_for(e.kind));
}

}  // namespace

namespace {
void add_placement_notice_routes(http::Router& router) {
    router.add_scope_resolver("placement_notice", resolve_notice_scope);
    router.add_child_tab({"Notices", "/placement-notices", Action::view_chronology, 66});
    const std::string home = "/homes/{home}/placement-notices";
    const std::string child = "/children/{child}/placement-notices";
    const std::string one = child + "/{placement_notice}";
    router.add({"GET", home, Action::view_deadlines, home_notices});
    router.add({"GET", child, Action::view_chronology, child_notices});
    router.add({"GET", one, Action::view_chronology, notice_detail});
    router.add({"GET", one + "/notice.html", Action::view_chronology, notice_download});
    router.add({.method = "POST",
                .pattern = one + "/sent",
                .action = Action::meet_deadline,
                .handler = notice_sent,
                .again = sent_again});

    router.add({"GET", "/api/v1" + home, Action::view_deadlines, home_notices});
    router.add({"GET", "/api/v1" + child, Action::view_chronology, child_notices});
    router.add({"GET", "/api/v1" + one, Action::view_chronology, notice_detail});
    router.add({"POST", "/api/v1" + one + "/sent", Action::meet_deadline, notice_sent});
}
}  // namespace

void join_placement_notices(Registry& r) {
    add_placement_notice_routes(r.router);
    r.at<children::ExportSections>().add(placement_notices_export_section());
    r.at<children::WhenAdmitted>().add(owe_on_admission);
    r.at<children::WhenAmended>().add(follow_case_record);
    r.at<children::WhenLeaving>().add(owe_on_leaving);
    r.at<demo::DemoParts>().add({25, demo::add_placement_notices});
}

}  // namespace hearth::notifications
