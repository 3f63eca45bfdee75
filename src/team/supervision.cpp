#include "team/supervision.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "organisation/settings.hpp"

namespace hearth::team {

namespace {

constexpr std::int64_t largest_id = 9'000'000'000'000'000'000;

bool contains(const std::vector<std::int64_t>& ids, std::int64_t id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
}

}  // namespace

const std::vector<Choice>& supervision_headings() {
    static const std::vector<Choice> all{
        {"children", "The children they key-work"},
        {"incidents", "Incidents they were part of since the last supervision"},
        {"practice", "Their practice"},
        {"wellbeing", "Their wellbeing"},
        {"training", "Their training and development"},
        {"policy", "The positive relationships policy"},
        {reflection_heading,
         "How the children's behaviour has affected them and their practice: their reflection"},
    };
    return all;
}

Result<SupervisionInput> read_supervision(http::FormReader& form, Date today,
                                          std::optional<Date> last_held,
                                          const std::vector<std::int64_t>& owners) {
    SupervisionInput s;
    auto held = form.date(
        "held_on", "the day the supervision was held",
        {.required = true, .not_after = today, .not_before = last_held, .after_label = "today"});
    for (const auto& h : supervision_headings()) {
        auto text =
            form.text(h.key, "what was discussed: " + h.label, {.max = 10000, .multiline = true});
        if (!text.empty()) {
            s.discussed[h.key] = std::move(text);
        }
    }
    if (s.discussed.empty()) {
        form.fail("practice", "Write what was discussed under at least one heading");
    }
    s.confidential = form.choices("confidential", "the headings that are confidential",
                                  keys_of(supervision_headings()));
    for (const auto& key : s.confidential) {
        if (!s.discussed.contains(key)) {
            form.fail("confidential",
                      fmt::format("Nothing is written under \"{}\": leave it unticked",
                                  label_in(supervision_headings(), key)));
        }
    }
    for (int i = 1; i <= most_supervision_actions; ++i) {
        const auto name = fmt::format("action{}", i);
        const auto what = form.text(name, fmt::format("action {}", i), {.max = 1000});
        auto owner = form.integer(name + "_owner", fmt::format("who does action {}", i), false, 1,
                                  largest_id);
        auto due = form.date(name + "_due", fmt::format("the day action {} is due", i),
                             {.not_before = held, .after_label = "the supervision"});
        if (what.empty()) {
            if (owner || due) {
                form.fail(name,
                          fmt::format("Enter action {}, or leave its owner and day empty", i));
            }
            continue;
        }
        if (!owner) {
            form.fail(name + "_owner", fmt::format("Choose who does action {}", i));
        } else if (!contains(owners, *owner)) {
            form.fail(name + "_owner", "Choose someone who works at the home");
        }
        if (!due) {
            form.fail(name + "_due", fmt::format("Enter the day action {} is due", i));
        }
        if (owner && due) {
            s.actions.push_back({what, *owner, *due});
        }
    }
    TRY(form.finish());
    s.held_on = *held;
    return s;
}

Result<ArrangementInput> read_arrangement(http::FormReader& form, std::int64_t person_id,
                                          const std::vector<std::int64_t>& supervisors) {
    ArrangementInput a;
    auto supervisor = form.integer("supervisor_id", "who supervises them", true, 1, largest_id);
    if (supervisor && *supervisor == person_id) {
        form.fail("supervisor_id", "Choose someone else: nobody supervises themselves");
    } else if (supervisor && !contains(supervisors, *supervisor)) {
        form.fail("supervisor_id",
                  "Choose the registered manager, a deputy of the home or the responsible "
                  "individual");
    }
    auto every = form.integer("every_days", "how often, in days", false, 7, 92);
    TRY(form.finish());
    a.supervisor_id = *supervisor;
    a.every_days = every ? std::optional<int>{static_cast<int>(*every)} : std::nullopt;
    return a;
}

std::optional<std::string> supervision_setting_for(Role role) {
    switch (role) {
        case Role::registered_manager:
            return organisation::supervision_every_days_registered_manager;
        case Role::deputy:
            return organisation::supervision_every_days_deputy;
        case Role::support_worker:
            return organisation::supervision_every_days_support_worker;
        default:
            return std::nullopt;
    }
}

Signatures signatures(bool supervisor_signed, bool person_signed) {
    if (supervisor_signed && person_signed) {
        return Signatures::both;
    }
    if (supervisor_signed) {
        return Signatures::awaiting_person;
    }
    if (person_signed) {
        return Signatures::awaiting_supervisor;
    }
    return Signatures::neither;
}

std::string signatures_label(Signatures s) {
    switch (s) {
        case Signatures::neither:
            return "Awaiting both signatures";
        case Signatures::awaiting_person:
            return "Awaiting the supervisee's signature";
        case Signatures::awaiting_supervisor:
            return "Awaiting the supervisor's signature";
        case Signatures::both:
            return "Signed by both";
    }
    return "";
}

Result<Side> side_of(std::int64_t signer, std::int64_t person_id, std::int64_t supervisor_id,
                     bool supervisor_signed, bool person_signed) {
    if (signer == supervisor_id) {
        if (supervisor_signed) {
            return Error::invalid("signature", "You have signed this supervision already");
        }
        return Side::supervisor;
    }
    if (signer == person_id) {
        if (person_signed) {
            return Error::invalid("signature", "You have signed this supervision already");
        }
        return Side::person;
    }
    return Error::make(ErrorKind::forbidden, "Only the two who held a supervision sign it");
}

Date next_supervision_due(Date held_on, int every_days) {
    return Date{std::chrono::sys_days{held_on} + std::chrono::days{every_days}};
}

}  // namespace hearth::team
