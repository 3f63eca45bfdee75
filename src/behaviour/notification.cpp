#include "behaviour/notification.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <limits>

namespace hearth::behaviour {

const std::vector<Choice>& recipients() {
    static const std::vector<Choice> all{
        {"placing_authority", "The placing authority (social worker or duty team)"},
        {"parent", "A parent or someone with parental responsibility"},
        {"ofsted", "Ofsted"},
        {"police", "The police"},
        {"host_authority", "The local authority where the home is"},
        {"lado", "The local authority designated officer (LADO)"},
        {"other", "Someone else"},
    };
    return all;
}

const std::vector<Choice>& methods() {
    static const std::vector<Choice> all{
        {"phone", "Phone call"},          {"email", "Email"},
        {"secure_email", "Secure email"}, {"online_form", "Online notification form"},
        {"in_person", "In person"},       {"letter", "Letter"},
    };
    return all;
}

bool is_about_a_child(const std::string& recipient) {
    return recipient == "placing_authority" || recipient == "parent";
}

Result<NotificationInput> read_notification(http::FormReader& f,
                                            const std::vector<std::int64_t>& children,
                                            Timestamp began, Timestamp now) {
    NotificationInput n;
    n.recipient = f.choice("recipient", "who was told", keys_of(recipients()), true);
    const auto child = f.integer("child_id", "the child it was about", false, 1,
                                 std::numeric_limits<std::int64_t>::max());
    if (is_about_a_child(n.recipient)) {
        if (!child && children.size() == 1) {
            n.child_id = children.front();
        } else if (!child) {
            f.fail("child_id", "Choose the child whose placing authority or parent was told");
        } else if (std::find(children.begin(), children.end(), *child) == children.end()) {
            f.fail("child_id", "Choose one of the children the incident was about");
        } else {
            n.child_id = child;
        }
    }
    n.named = f.text("named", "the name of who was told", {.required = true, .max = 200});
    n.method = f.choice("method", "how they were told", keys_of(methods()), true);
    const auto at = f.moment("notified_on", "the day they were told", "notified_time",
                             "the time they were told", now);
    if (at && *at < began - std::chrono::minutes{1}) {
        f.fail("notified_time", "The time they were told must be after the incident began");
    } else if (at) {
        n.notified_at = *at;
    }
    n.reference = f.text("reference", "their reference", {.max = 100});
    TRY(f.finish());
    return n;
}

}  // namespace hearth::behaviour
