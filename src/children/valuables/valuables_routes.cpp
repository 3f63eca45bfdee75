#include "children/valuables/valuables_routes.hpp"

#include <fmt/format.h>

#include "children/child_store.hpp"
#include "children/record_form.hpp"
#include "children/record_view.hpp"
#include "children/valuables/valuables_store.hpp"

namespace hearth::children {

namespace {

using http::Context;
using http::Response;
using views::FieldKind;

struct Ledger {
    Child child;
    std::vector<LedgerEntry> entries;
};

Result<Ledger> open_ledger(Context& ctx) {
    return ctx.services.db.write([&](db::Connection& c) -> Result<Ledger> {
        Ledger l;
        l.child = TRY(open_record(c, ctx.param("child"), ctx.actor(), ctx.now()));
        l.entries = TRY(ledger_of(c, l.child.id));
        return l;
    });
}

nlohmann::json entry_json(const LedgerEntry& e) {
    return {{"id", e.id},
            {"entry", e.entry},
            {"what", e.what},
            {"description", e.description},
            {"amount_pence", e.what == "money" ? nlohmann::json(e.amount_pence) : nlohmann::json()},
            {"amount",
             e.what == "money" ? nlohmann::json(format_pounds(e.amount_pence)) : nlohmann::json()},
            {"item_id", e.item_id ? nlohmann::json(*e.item_id) : nlohmann::json()},
            {"on", format_date(e.on)},
            {"received_by", e.received_by},
            {"returned_to", e.returned_to},
            {"returned_by", e.returned_by},
            {"notes", e.notes},
            {"recorded_at", e.recorded_at},
            {"recorded_by", e.recorded_by}};
}

nlohmann::json ledger_json(const std::vector<LedgerEntry>& entries) {
    const Holding h = held(entries);
    nlohmann::json items = nlohmann::json::array(), all = nlohmann::json::array();
    for (const auto& i : h.items) {
        items.push_back(
            {{"id", i.id}, {"description", i.description}, {"deposited_on", format_date(i.on)}});
    }
    for (const auto& e : entries) {
        all.push_back(entry_json(e));
    }
    return {{"money_held_pence", h.money_pence},
            {"money_held", format_pounds(h.money_pence)},
            {"items_held", items},
            {"entries", all}};
}

std::string valuables_href(std::int64_t child_id) {
    return fmt::format("/children/{}/valuables", child_id);
}

Result<Response> valuables_page(Context& ctx) {
    auto l = TRY(open_ledger(ctx));
    if (ctx.request.wants_json()) {
        return Response::json(200, ledger_json(l.entries));
    }
    const Holding h = held(l.entries);
    nlohmann::json items = nlohmann::json::array(), rows = nlohmann::json::array();
    for (const auto& i : h.items) {
        items.push_back({{"description", i.description},
                         {"on", format_local_date(i.on)},
                         {"received_by", i.received_by}});
    }
    // Newest first, each money line with the balance it left.
    std::int64_t balance = 0;
    for (const auto& e : l.entries) {
        const bool in = e.entry == "deposit";
        if (e.what == "money") {
            balance += in ? e.amount_pence : -e.amount_pence;
        }
        const std::string who = in ? "Received by " + e.received_by
                                   : fmt::format("Given to {} by {}", e.returned_to, e.returned_by);
        rows.insert(
            rows.begin(),
            nlohmann::json{
                {"id", e.id},
                {"on", format_local_date(e.on)},
                {"what", in ? "Deposited" : "Returned"},
                {"description", e.description},
                {"in", in && e.what == "money" ? format_pounds(e.amount_pence) : ""},
                {"out", !in && e.what == "money" ? format_pounds(e.amount_pence) : ""},
                {"balance", e.what == "money" ? format_pounds(balance) : ""},
                {"who", who},
                {"notes", e.notes},
                {"recorded", fmt::format("{}, {}", e.recorded_by, shown_time(e.recorded_at))}});
    }
    const bool can_record = can(ctx.person, Action::amend_child, ctx.scope);
    const std::string first = known_as(l.child.details);
    return ctx.page("child_valuables", "Money and valuables: " + display_name(l.child.details),
                    {{"child", {{"id", l.child.id}, {"first_name", first}}},
                     {"money_held", format_pounds(h.money_pence)},
                     {"items", items},
                     {"has_items", !items.empty()},
                     {"rows", rows},
                     {"has_rows", !rows.empty()},
                     {"can_deposit", can_record && !l.child.left_on},
                     {"can_return", can_record && (h.money_pence > 0 || !h.items.empty())}});
}

views::FieldSpec what_field(const std::string& label) {
    return {"what", label, FieldKind::radios, "", {{"money", "Money"}, {"item", "An item"}}};
}

views::FieldSpec amount_field() {
    return {"amount",
            "Amount, for money (pounds and pence)",
            FieldKind::text,
            "For example, 20.00. Leave it empty for an item",
            {},
            "govuk-input--width-5"};
}

views::FieldSpec notes_field() {
    return {"notes", "Notes (optional)", FieldKind::textarea, "", {}};
}

RecordForm deposit_form(const Context& ctx, const Child& child) {
    const std::string first = known_as(child.details);
    return {.title = "Record money or an item " + first + " gave us to keep safe",
            .caption = ctx.scope.child_name,
            .action = fmt::format("/children/{}/valuables/deposit", child.id),
            .cancel_href = valuables_href(child.id),
            .submit = "Save the deposit",
            .groups = {{"",
                        "",
                        {what_field("What was deposited?"),
                         {"description",
                          "Describe it",
                          FieldKind::text,
                          "For example, \"Bank card\" or \"Birthday money from Nan\"",
                          {}},
                         amount_field(),
                         {"deposited_on", "Date deposited", FieldKind::date, "", {}},
                         {"received_by",
                          "Received by",
                          FieldKind::text,
                          "The member of staff who took it",
                          {},
                          "govuk-input--width-20"},
                         notes_field()}}}};
}

Result<Child> open_child(Context& ctx) {
    return ctx.services.db.write([&](db::Connection& c) {
        return open_record(c, ctx.param("child"), ctx.actor(), ctx.now());
    });
}

Result<Response> deposit_page(Context& ctx) {
    auto child = TRY(open_child(ctx));
    if (child.left_on) {
        return Error::conflict(
            fmt::format("{} left the home on {}: nothing more can be deposited for them.",
                        display_name(child.details), format_local_date(*child.left_on)));
    }
    return show_record_form(
        ctx, deposit_form(ctx, child),
        {{"deposited_on", format_date(ctx.today())}, {"received_by", ctx.person.name}},
        std::nullopt, 200);
}

Result<Response> answer_saved(Context& ctx, std::int64_t id) {
    const auto child_id = ctx.param("child");
    if (!ctx.request.wants_json()) {
        return Response::redirect(valuables_href(child_id) + fmt::format("#entry-{}", id));
    }
    auto entries =
        TRY(ctx.services.db.read([&](db::Connection& c) { return ledger_of(c, child_id); }));
    nlohmann::json out = ledger_json(entries);
    for (const auto& e : entries) {
        if (e.id == id) {
            out["saved"] = entry_json(e);
        }
    }
    return Response::json(201, out);
}

Result<Response> deposit(Context& ctx) {
    http::FormReader reader(*ctx.form);
    auto d = TRY(read_deposit(reader, ctx.today()));
    const auto id = TRY(ctx.services.db.write([&](db::Connection& c) {
        return record_deposit(c, ctx.param("child"), d, ctx.actor(), ctx.now());
    }));
    return answer_saved(ctx, id);
}

// The form again with what was typed. The only conflict is a child who has left: nothing in the
// form can change that, so it is the error page.
Result<Response> deposit_again(Context& ctx, const Error& e) {
    if (e.kind == ErrorKind::conflict) {
        return e;
    }
    auto child = TRY(open_child(ctx));
    return show_record_form(ctx, deposit_form(ctx, child), ctx.form->typed_values(), e, 400);
}

RecordForm return_form(const Context& ctx, const Ledger& l) {
    const std::string first = known_as(l.child.details);
    const Holding h = held(l.entries);
    std::vector<std::pair<std::string, std::string>> items;
    for (const auto& i : h.items) {
        items.emplace_back(std::to_string(i.id),
                           fmt::format("{}, deposited {}", i.description, format_local_date(i.on)));
    }
    std::string holding =
        fmt::format("The home holds {} for {}", format_pounds(h.money_pence), first);
    holding += h.items.empty() ? ", and no items."
                               : fmt::format(", and {} item{}.", h.items.size(),
                                             h.items.size() == 1 ? "" : "s");
    std::vector<views::FieldSpec> fields{what_field("What was returned?"), amount_field()};
    if (!items.empty()) {
        fields.push_back(
            {"item", "Which item, for an item", FieldKind::radios, "", std::move(items)});
    }
    fields.push_back({"returned_on", "Date returned", FieldKind::date, "", {}});
    fields.push_back({"returned_to",
                      "Given to",
                      FieldKind::text,
                      "Usually " + first + "; or who took it for them",
                      {},
                      "govuk-input--width-20"});
    fields.push_back({"returned_by",
                      "Given back by",
                      FieldKind::text,
                      "The member of staff who gave it back",
                      {},
                      "govuk-input--width-20"});
    fields.push_back(notes_field());
    return {.title = "Record money or an item given back to " + first,
            .caption = ctx.scope.child_name,
            .intro = {holding},
            .action = fmt::format("/children/{}/valuables/return", l.child.id),
            .cancel_href = valuables_href(l.child.id),
            .submit = "Save the return",
            .groups = {{"", "", std::move(fields)}}};
}

Result<Response> return_page(Context& ctx) {
    auto l = TRY(open_ledger(ctx));
    return show_record_form(
        ctx, return_form(ctx, l),
        {{"returned_on", format_date(ctx.today())}, {"returned_by", ctx.person.name}}, std::nullopt,
        200);
}

Result<Response> give_back(Context& ctx) {
    http::FormReader reader(*ctx.form);
    auto r = TRY(read_return(reader, ctx.today()));
    const auto id = TRY(ctx.services.db.write([&](db::Connection& c) {
        return record_return(c, ctx.param("child"), r, ctx.actor(), ctx.now());
    }));
    return answer_saved(ctx, id);
}

Result<Response> give_back_again(Context& ctx, const Error& e) {
    auto l = TRY(open_ledger(ctx));
    return show_record_form(ctx, return_form(ctx, l), ctx.form->typed_values(), e, 400);
}

}  // namespace

void add_valuables_routes(http::Router& router) {
    router.add_child_tab({"Money and valuables", "/valuables", Action::view_child, 60});
    router.add({"GET", "/children/{child}/valuables", Action::view_child, valuables_page});
    router.add({"GET", "/children/{child}/valuables/deposit", Action::amend_child, deposit_page});
    router.add({.method = "POST",
                .pattern = "/children/{child}/valuables/deposit",
                .action = Action::amend_child,
                .handler = deposit,
                .again = deposit_again});
    router.add({"GET", "/children/{child}/valuables/return", Action::amend_child, return_page});
    router.add({.method = "POST",
                .pattern = "/children/{child}/valuables/return",
                .action = Action::amend_child,
                .handler = give_back,
                .again = give_back_again});

    router.add({"GET", "/api/v1/children/{child}/valuables", Action::view_child, valuables_page});
    router.add(
        {"POST", "/api/v1/children/{child}/valuables/deposits", Action::amend_child, deposit});
    router.add(
        {"POST", "/api/v1/children/{child}/valuables/returns", Action::amend_child, give_back});
}

}  // namespace hearth::children
