#include "contact/contact_demo.hpp"

#include "contact/restriction_store.hpp"

namespace hearth::demo {

namespace {
Date days_from(Date day, int days) {
    return Date{std::chrono::sys_days{day} + std::chrono::days{days}};
}
}  // namespace

Status add_contact_restrictions(db::Connection& c, const DemoWorld& world, Timestamp now) {
    const Date today = local_date_of(now);
    auto named = [&](const char* first) -> Result<std::int64_t> {
        auto row = TRY(c.query_one("SELECT id FROM children WHERE first_name = $1", {first}));
        if (!row) {
            return Error::internal(std::string("demo: no ") + first);
        }
        return row->integer(0);
    };
    auto manager_row =
        TRY(c.query_one("SELECT id, name FROM people WHERE id = $1", {world.people[2]}));
    const audit::Actor manager{manager_row->integer(0), manager_row->text(1), "127.0.0.1", "demo"};

    const auto lily = TRY(named("Lily"));
    auto dad = TRY(c.query_one(
        "SELECT id FROM family_members WHERE child_id = $1 AND name = 'Ryan Ward'", {lily}));
    contact::RestrictionDetails order;
    if (dad) {
        order.family_member_id = dad->integer(0);
    }
    order.person = "Ryan Ward";
    order.forms = {"visit_at_home", "visit_away", "phone", "video"};
    order.reason = "safeguard";
    order.why =
        "The family court's order allows letterbox contact only, through Lily's social "
        "worker, who reads each letter before passing it on.";
    order.basis = "court_order";
    order.starts_on = days_from(today, -300);
    order.agreed_beforehand = true;
    order.agreed_with = "Sam Keane, social worker, Westmere City Council";
    order.agreed_on = days_from(today, -300);
    order.review_on = days_from(today, 40);
    order.child_told = true;
    order.child_view = "I want to write to him. I don't want to see him yet.";
    TRY(contact::restrict_contact(c, lily, order, manager,
                                  from_local(order.starts_on, 11, 0).value_or(now)));

    const auto kai = TRY(named("Kai"));
    contact::RestrictionDetails emergency;
    emergency.person = "An adult he met in an online game";
    emergency.forms = {"online", "email_text"};
    emergency.reason = "safeguard";
    emergency.why =
        "Kai showed staff messages asking him to meet and to keep it secret. The "
        "account is blocked on the home's network while the police look into it.";
    emergency.basis = "home";
    emergency.starts_on = days_from(today, -10);
    emergency.review_on = days_from(today, 4);
    emergency.child_told = true;
    emergency.child_view = "He said he was relieved someone else knew.";
    const auto imposed = from_local(emergency.starts_on, 17, 40).value_or(now);
    const auto id = TRY(contact::restrict_contact(c, kai, emergency, manager, imposed));
    const auto told = from_local(emergency.starts_on, 19, 5).value_or(now);
    return contact::record_notice(c, id, {"Eastbrook emergency duty team", "phone", told}, manager,
                                  told);
}

}  // namespace hearth::demo
