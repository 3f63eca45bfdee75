#include "contact/contact_demo.hpp"

#include <array>

#include "children/child_store.hpp"
#include "children/family/family_store.hpp"
#include "contact/contact_log_store.hpp"
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

namespace {

struct DemoVisit {
    const char* child_words;
    const char* staff_view;
};
constexpr std::array<DemoVisit, 5> went_well{{
    {"It was good. Mum brought the photos from the holiday.",
     "Relaxed and chatty the whole visit; hugged goodbye at the door and settled quickly after."},
    {"I told Gran about the football match and she laughed.",
     "Animated and proud telling about the match; asked to ring again on Sunday."},
    {"Fine. We played cards.", "Quiet at first, warmer by the end; ate well at tea afterwards."},
    {"Can I see him more?",
     "Enjoyed it and asked for more time together: passed to the social "
     "worker for the next review of the plan."},
    {"", "Short call: they were tired after school, but smiled when it ended with a joke."},
}};
constexpr DemoVisit went_badly{
    "He said he'd come and he was late again. I don't want to talk about it.",
    "Waited at the window for 40 minutes; tearful and angry after. Spent the evening with their "
    "key "
    "worker baking, and talked a little at bedtime."};

// What the demo says about a cancelled visit: who, why, and how the child took it.
struct DemoCancelled {
    const char* by;
    const char* why;
    const char* took_it;
};
constexpr std::array<DemoCancelled, 3> cancelled{{
    {"family", "Their parent rang that morning: unwell.",
     "Disappointed, then asked to send a card instead, which we did together."},
    {"child", "Chose to go to a friend's birthday party instead; agreed with their parent.",
     "Happy with the swap; asked for the visit to be moved to next weekend."},
    {"social_worker", "The contact supervisor was off sick and no one else could cover.",
     "Upset and said 'nobody ever keeps promises'. Key worker stayed with them after tea."},
}};

// Lily writes to her father each month; under the court order her letters go to her social worker
// to check and pass on.
Status add_letterbox(db::Connection& c, std::int64_t child_id,
                     const std::vector<children::FamilyMember>& family, const audit::Actor& worker,
                     Timestamp now) {
    for (const auto& m : family) {
        if (m.details.name != "Ryan Ward") {
            continue;
        }
        for (int month = 9; month >= 1; --month) {
            contact::ReadContact letter;
            auto& d = letter.details;
            d.family_member_id = m.id;
            d.person = m.details.name;
            d.form = "letter";
            d.state = "happened";
            d.supervision = "none";
            d.direction = "from_child";
            d.through_social_worker = true;
            d.starts_at = at(now, month * 30, 19, 0);
            d.child_words = month % 3 == 0 ? "I told him about my exams. Will he write back?" : "";
            d.staff_view =
                "Wrote two pages at the kitchen table with her key worker nearby; "
                "posted to her social worker the next morning.";
            TRY(contact::log_contact(c, child_id, letter, worker,
                                     d.starts_at + std::chrono::hours{1}));
        }
    }
    return {};
}

// Kai's messages: one concern answered by his social worker three months ago, one still awaiting
// an answer, due tomorrow.
Status add_concerns(db::Connection& c, const children::Child& child,
                    const children::FamilyMember& member, const audit::Actor& worker,
                    Timestamp now) {
    const std::string social_worker = child.details.social_worker_name;
    struct DemoConcern {
        int days_ago;
        const char* about;
        const char* agreed;  // "" while it awaits an answer
    };
    const std::array<DemoConcern, 2> concerns{{
        {95,
         "The messages asked Kai to keep a planned meeting secret from staff and from his social "
         "worker.",
         "Social worker spoke with the family the same week: arrangements go through her; Kai "
         "was told what was agreed and why."},
        {2,
         "A message said he would be collected from school on Friday without the home being "
         "told.",
         ""},
    }};
    for (const auto& concern : concerns) {
        contact::ReadContact message;
        auto& d = message.details;
        d.family_member_id = member.id;
        d.person = member.details.name;
        d.form = "email_text";
        d.state = "happened";
        d.supervision = "none";
        d.direction = "to_child";
        d.starts_at = at(now, concern.days_ago, 20, 15);
        d.child_words = "I showed you because it felt weird.";
        d.staff_view = "Kai brought his phone to staff himself; thanked him for telling us.";
        const auto recorded = d.starts_at + std::chrono::minutes{30};
        const auto id = TRY(contact::log_contact(c, child.id, message, worker, recorded));
        const bool answered = *concern.agreed != '\0';
        const Timestamp answer_by =
            answered ? recorded + std::chrono::hours{40} : now + std::chrono::hours{20};
        TRY(contact::raise_concern(c, id, {concern.about, social_worker, answer_by}, worker,
                                   recorded));
        if (answered) {
            TRY(contact::answer_concern(c, id, {concern.agreed, social_worker}, worker,
                                        recorded + std::chrono::hours{20}));
        }
    }
    return {};
}

}  // namespace

// A year of contact for every child living in the demo homes: a call each week and a visit each
// month with someone on their family list, some visits cancelled (and by whom), one that went
// badly, Lily's letters to her father through her social worker under the court order, and
// contact planned for the fortnight ahead outside school hours. Kai's messages raised one concern
// with the social worker that was answered and one still awaiting an answer.
Status add_contact_log(db::Connection& c, const DemoWorld& world, Timestamp now) {
    const std::array<audit::Actor, 2> workers{person(world, 4, "Chris Okafor"),
                                              person(world, 8, "Jamie Fox")};
    for (std::size_t i = 0; i < world.children.size(); ++i) {
        const auto child_id = world.children[i];
        auto child = TRY(children::find(c, child_id));
        if (!child || child->left_on) {
            continue;
        }
        std::vector<children::FamilyMember> family;
        for (auto& m : TRY(children::family_of(c, child_id))) {
            if (!m.ended_on) {
                family.push_back(std::move(m));
            }
        }
        if (family.empty()) {
            continue;
        }
        const auto restricted =
            TRY(contact::restrictions_in_force(c, child_id, local_date_of(now)));
        const auto& worker = workers[static_cast<std::size_t>(world.child_home[i])];
        const std::chrono::sys_days admitted{child->details.admission_date};
        auto log = [&](contact::ContactDetails d, Timestamp when) -> Result<std::int64_t> {
            contact::ReadContact r{std::move(d), std::nullopt};
            r.details.starts_at = when;
            if (auto under = contact::restriction_covering(restricted, r.details.family_member_id,
                                                           r.details.person, r.details.form,
                                                           local_date_of(when))) {
                return std::int64_t{0};
            }
            const Timestamp recorded = r.details.state == "planned"
                                           ? std::min(now, when - std::chrono::hours{72})
                                           : when + std::chrono::hours{1};
            return contact::log_contact(c, child_id, r, worker, recorded);
        };
        for (int week = 52; week >= 1; --week) {
            const auto& member = family[static_cast<std::size_t>(week) % family.size()];
            const int days = (week * 7) + static_cast<int>(i % 3);
            const Timestamp call_at = at(now, days, 18, 30);
            if (std::chrono::floor<std::chrono::days>(call_at) < admitted) {
                continue;
            }
            const auto& how = went_well[static_cast<std::size_t>(week + i) % went_well.size()];
            contact::ContactDetails call;
            call.family_member_id = member.id;
            call.person = member.details.name;
            call.form = week % 4 == 0 ? "visit_away" : "phone";
            call.state = "happened";
            call.supervision = "none";
            call.place = week % 4 == 0 ? "A family centre near their home town" : "";
            call.child_words = how.child_words;
            call.staff_view = how.staff_view;
            if (week % 4 == 0) {
                call.supervision = "staff";
                call.supervised_by = worker.name;
            }
            TRY(log(call, call_at));
            if (week % 13 == 6) {
                const auto& why = cancelled[static_cast<std::size_t>(week / 13) % cancelled.size()];
                contact::ContactDetails planned = call;
                planned.form = "visit_at_home";
                planned.state = "planned";
                planned.place = "At the home, in the quiet lounge";
                planned.others_considered =
                    "The other children were told a family visit was on; the lounge was kept free.";
                planned.child_words.clear();
                planned.staff_view.clear();
                const auto id = TRY(log(planned, at(now, days - 3, 16, 30)));
                if (id != 0) {
                    TRY(contact::record_outcome(c, id, 1,
                                                {false, "", "", "", why.by, why.why, why.took_it},
                                                worker, at(now, days - 3, 12, 0)));
                }
            }
            if (week == 9 && i % 4 == 1) {
                contact::ContactDetails late = call;
                late.form = "visit_at_home";
                late.place = "At the home";
                late.others_considered = "Planned for when the others were at football.";
                late.child_words = went_badly.child_words;
                late.staff_view = went_badly.staff_view;
                late.follow_up =
                    "Key worker to talk with the social worker about how visits are "
                    "arranged, so the child is not left waiting.";
                TRY(log(late, at(now, days - 2, 16, 0)));
            }
        }
        const auto& first = family.front();
        for (int ahead = 2; ahead <= 12; ahead += 5) {
            contact::ContactDetails next;
            next.family_member_id = first.id;
            next.person = first.details.name;
            next.form = ahead == 2 ? "visit_at_home" : "video";
            next.state = "planned";
            next.supervision = "none";
            next.place = ahead == 2 ? "At the home, in the quiet lounge" : "";
            next.others_considered = ahead == 2
                                         ? "After school, when the others are at youth club; "
                                           "the lounge is kept free."
                                         : "";
            TRY(log(next, at(now, -ahead, 17, 0)));
        }
        if (child->details.first_name == "Lily") {
            TRY(add_letterbox(c, child_id, family, worker, now));
        }
        if (child->details.first_name == "Kai") {
            TRY(add_concerns(c, *child, first, worker, now));
        }
    }
    return {};
}

}  // namespace hearth::demo
