#include "relationships/friendships_demo.hpp"

#include "relationships/friendship_store.hpp"

namespace hearth::relationships {

namespace {

FriendshipLook looked(const char* influence, const char* noticed, const char* plan,
                      const char* detail, std::optional<std::int64_t> risk = std::nullopt,
                      std::optional<Date> look_again_by = std::nullopt) {
    return {influence, noticed, plan, detail, risk, look_again_by, false};
}

}  // namespace

Status add_friendships_demo(db::Connection& c, const demo::DemoWorld& world,
                            const ChildRiskAssessments& risks, Timestamp now) {
    const auto chris = demo::person(world, 4, "Chris Okafor");
    const auto jamie = demo::person(world, 8, "Jamie Fox");
    const auto child = [&](std::size_t i) { return world.children[i]; };

    FriendshipDetails lily;
    lily.other_child_id = child(3);
    lily.what_it_means =
        "\"She's the first person here who asked me to do stuff.\" They bake "
        "together on Sundays.";
    lily.look = looked("positive", "", "encourage",
                       "Sunday baking stays in the weekly plan; staff help them plan a trip out.");
    TRY(record_friendship(c, child(0), lily, chris, demo::at(now, 40, 16, 0)));

    FriendshipDetails maya;
    maya.with_name = "Maya";
    maya.who_they_are = "Her best friend from her old school";
    maya.what_it_means =
        "\"Maya knows everything about me. I don't want to lose her because I "
        "moved.\"";
    maya.look = looked("positive", "", "visits",
                       "A visit here every other Saturday; staff drive Aisha to Maya's once a "
                       "month, agreed with Maya's mum.");
    const auto maya_id = TRY(record_friendship(c, child(0), maya, chris, demo::at(now, 60, 11, 0)));
    TRY(look_again_at_friendship(
        c, maya_id,
        looked("positive", "", "keep_in_touch",
               "Video calls on Wednesday evenings as well, since Maya's family moved further "
               "away."),
        chris, demo::at(now, 12, 18, 0)));

    for (std::size_t i = 0; i < world.children.size(); ++i) {
        const auto assessments = TRY(risks.of(c, child(i)));
        for (const auto& a : assessments) {
            if (a.kind != "risk_exploitation") {
                continue;
            }
            FriendshipDetails park;
            park.with_name = "The older lads at the skate park";
            park.who_they_are = "Young men of about 19 who give them lifts and vapes";
            park.what_it_means = "\"They're the only ones who treat me like I'm grown up.\"";
            park.look = looked(
                "exploitative",
                "New trainers nobody bought them; messages at night from numbers they will not "
                "name; back late twice after being seen getting into a car.",
                "limit",
                "Not to go to the skate park without staff; staff share what they notice with "
                "their social worker the same day.",
                a.id, Date{std::chrono::sys_days{local_date_of(now)} + std::chrono::days{5}});
            TRY(record_friendship(c, child(i), park, jamie, demo::at(now, 20, 21, 0)));
        }
    }
    return {};
}

}  // namespace hearth::relationships
