#include "relationships/friendship.hpp"

#include <algorithm>
#include <limits>

namespace hearth::relationships {

const std::vector<Choice>& friendship_influences() {
    static const std::vector<Choice> all{
        {"positive", "Good for them"},
        {"worry", "A worry"},
        {"exploitative", "Exploitative"},
        {"damaging", "Damaging"},
    };
    return all;
}

const std::vector<Choice>& friendship_plans() {
    static const std::vector<Choice> all{
        {"encourage", "Encourage it"},
        {"keep_in_touch", "Help them keep in touch"},
        {"visits", "Arrange visits"},
        {"limit", "Limit it"},
    };
    return all;
}

bool needs_risk_assessment(const std::string& influence) {
    return influence == "exploitative" || influence == "damaging";
}

namespace {

FriendshipLook friendship_look_fields(http::FormReader& f,
                                      const std::vector<std::int64_t>& risk_plans, Date today) {
    FriendshipLook look;
    look.influence =
        f.choice("influence", "the influence it has", keys_of(friendship_influences()), true);
    look.noticed = f.text("noticed", "what staff noticed", {.max = 4000, .multiline = true});
    if (!look.influence.empty() && look.influence != "positive" && look.noticed.empty()) {
        f.fail("noticed", "Enter what staff noticed that worries them");
    }
    look.ended = f.flag("ended", "The friendship has ended");
    look.plan = f.choice("plan", "the plan", keys_of(friendship_plans()), !look.ended);
    look.plan_detail = f.text("plan_detail", "how", {.max = 4000, .multiline = true});
    const auto risk = f.integer("risk_plan_id", "the risk assessment", false, 1,
                                std::numeric_limits<std::int64_t>::max());
    if (risk && std::find(risk_plans.begin(), risk_plans.end(), *risk) == risk_plans.end()) {
        f.fail("risk_plan_id", "Choose one of this child's risk assessments");
    } else if (!risk && needs_risk_assessment(look.influence) && risk_plans.empty()) {
        f.fail("influence",
               "This child has no risk assessment yet: write the exploitation risk assessment "
               "first, then link this friendship to it");
    } else if (!risk && needs_risk_assessment(look.influence)) {
        f.fail("risk_plan_id", "Choose the risk assessment this friendship rests on");
    } else {
        look.risk_plan_id = risk;
    }
    const bool watched = !look.ended && !look.influence.empty() && look.influence != "positive";
    look.look_again_by = f.date("look_again_by", "the day to look at it again",
                                {.required = watched, .not_before = today});
    if (!watched) {
        look.look_again_by.reset();
    }
    return look;
}

}  // namespace

Result<FriendshipLook> read_friendship_look(http::FormReader& f,
                                            const std::vector<std::int64_t>& risk_plans,
                                            Date today) {
    auto look = friendship_look_fields(f, risk_plans, today);
    TRY(f.finish());
    return look;
}

Result<FriendshipDetails> read_friendship(http::FormReader& f,
                                          const std::vector<std::int64_t>& others,
                                          const std::vector<std::int64_t>& risk_plans, Date today) {
    FriendshipDetails d;
    const bool inside =
        f.choice("where", "whether they live here", {"inside", "outside"}, true) == "inside";
    const auto other = f.integer("other_child_id", "the friend", false, 1,
                                 std::numeric_limits<std::int64_t>::max());
    d.with_name = f.text("with_name", "the friend's name", {.max = 200});
    d.who_they_are = f.text("who_they_are", "who they are", {.max = 200});
    if (inside && !other) {
        f.fail("other_child_id", "Choose the friend who lives here");
    } else if (inside && std::find(others.begin(), others.end(), *other) == others.end()) {
        f.fail("other_child_id", "Choose another child who lives in the home now");
    } else if (inside) {
        d.other_child_id = other;
    }
    if (f.has("where") && !inside && d.with_name.empty()) {
        f.fail("with_name", "Enter the friend's name, or what the child calls them");
    }
    if (f.has("where") && !inside && d.who_they_are.empty()) {
        f.fail("who_they_are", "Enter who they are: a school friend, a neighbour, someone online");
    }
    if (inside) {
        d.with_name.clear();
        d.who_they_are.clear();
    }
    d.what_it_means = f.text("what_it_means", "what the friendship means to them",
                             {.required = true, .max = 4000, .multiline = true});
    d.look = friendship_look_fields(f, risk_plans, today);
    TRY(f.finish());
    return d;
}

}  // namespace hearth::relationships
