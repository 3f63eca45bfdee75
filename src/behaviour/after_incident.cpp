#include "behaviour/after_incident.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <limits>

namespace hearth::behaviour {

namespace {

constexpr std::int64_t largest_id = std::numeric_limits<std::int64_t>::max();

// A moment after the incident began (a minute's grace for a start time rounded down).
std::optional<Timestamp> after_began(http::FormReader& f, const std::string& day,
                                     const std::string& day_label, const std::string& time,
                                     const std::string& time_label, Timestamp began,
                                     Timestamp now) {
    auto at = f.moment(day, day_label, time, time_label, now);
    if (at && *at < began - std::chrono::minutes{1}) {
        std::string said = time_label;
        said[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(said[0])));
        f.fail(time, said + " must be after the incident began");
        return std::nullopt;
    }
    return at;
}

std::optional<std::int64_t> one_of(http::FormReader& f, const std::string& name,
                                   const std::string& label, const std::vector<std::int64_t>& ids,
                                   const std::string& message) {
    auto id = f.integer(name, label, ids.size() != 1, 1, largest_id);
    if (!id && ids.size() == 1) {
        return ids.front();
    }
    if (id && std::find(ids.begin(), ids.end(), *id) == ids.end()) {
        f.fail(name, message);
        return std::nullopt;
    }
    return id;
}

std::vector<std::int64_t> ids_of(const std::vector<Person>& people) {
    std::vector<std::int64_t> out;
    for (const auto& p : people) {
        out.push_back(p.id);
    }
    return out;
}

bool is_word_character(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '\'' ||
           (static_cast<unsigned char>(c) & 0x80) != 0;
}

}  // namespace

Result<AccountInput> read_account(http::FormReader& f, const std::vector<std::int64_t>& children,
                                  Timestamp began, Timestamp now) {
    AccountInput a;
    const auto child = one_of(f, "child_id", "whose account it is", children,
                              "Choose one of the children the incident was about");
    const auto at = after_began(f, "given_on", "the day they said it", "given_time",
                                "the time they said it", began, now);
    a.words = f.text("words", "what they said", {.max = 10000, .multiline = true});
    a.declined = f.text("declined", "why there is no account", {.max = 1000, .multiline = true});
    if (a.words.empty() && a.declined.empty()) {
        f.fail("words", "Enter what they said, in their own words, or why there is no account yet");
    }
    if (!a.words.empty() && !a.declined.empty()) {
        f.fail("declined", "Leave this empty when you have written what they said");
    }
    TRY(f.finish());
    a.child_id = child.value_or(0);
    if (at) {
        a.given_at = *at;
    }
    return a;
}

Result<ChildDebriefDetails> read_child_debrief(http::FormReader& f,
                                               const std::vector<std::int64_t>& children,
                                               const std::vector<Person>& staff, Timestamp began,
                                               Timestamp now) {
    ChildDebriefDetails d;
    const auto child = one_of(f, "child_id", "whose debrief it was", children,
                              "Choose one of the children the incident was about");
    const auto at = after_began(f, "held_on", "the day of the debrief", "held_time",
                                "the time of the debrief", began, now);
    const auto by = one_of(f, "held_by", "who held the debrief", ids_of(staff),
                           "Choose who held the debrief from the people who work here");
    d.felt = f.text("felt", "how they felt", {.max = 4000, .multiline = true});
    d.would_help =
        f.text("would_help", "what would help next time", {.max = 4000, .multiline = true});
    d.repair = f.text("repair", "what they want to put right", {.max = 4000, .multiline = true});
    d.child_words = f.text("child_words", "their own words", {.max = 4000, .multiline = true});
    d.declined = f.text("declined", "why there was no debrief", {.max = 1000, .multiline = true});
    const bool said_something =
        !d.felt.empty() || !d.would_help.empty() || !d.repair.empty() || !d.child_words.empty();
    if (!said_something && d.declined.empty()) {
        f.fail("felt",
               "Enter how they felt or what would help next time, or say why there was no debrief");
    }
    TRY(f.finish());
    d.child_id = child.value_or(0);
    d.held_by = by.value_or(0);
    if (at) {
        d.held_at = *at;
    }
    return d;
}

const std::vector<Choice>& wellbeing_levels() {
    static const std::vector<Choice> all{
        {"ok", "OK"},
        {"shaken", "Shaken, but coping"},
        {"hurt", "Hurt"},
        {"struggling", "Struggling: needs support now"},
    };
    return all;
}

const std::vector<Choice>& staff_support() {
    static const std::vector<Choice> all{
        {"supervision", "Time in supervision to reflect on it"},
        {"counselling", "Counselling or the employee assistance programme"},
        {"time_out", "Time away from the floor today"},
        {"occupational_health", "A referral to occupational health"},
        {"peer_support", "Support from a colleague"},
        {"reflective_forum", "Bringing it to the next reflective forum"},
        {"none_needed", "They said they need nothing more"},
    };
    return all;
}

Result<StaffDebriefDetails> read_staff_debrief(http::FormReader& f,
                                               const std::vector<Person>& staff,
                                               const std::vector<std::string>& names,
                                               Timestamp began, Timestamp now) {
    StaffDebriefDetails d;
    const auto staff_ids = ids_of(staff);
    const auto person = one_of(f, "person_id", "whose debrief it was", staff_ids,
                               "Choose the member of staff from the people who work here");
    const auto at = after_began(f, "held_on", "the day of the debrief", "held_time",
                                "the time of the debrief", began, now);
    const auto by = one_of(f, "held_by", "who held the debrief", staff_ids,
                           "Choose who held the debrief from the people who work here");
    if (person && by && *person == *by) {
        f.fail("held_by", "A debrief is held with someone else: choose who held it");
    }
    d.wellbeing = f.choice("wellbeing", "how they are", keys_of(wellbeing_levels()), true);
    d.how_they_are =
        f.text("how_they_are", "how they are, in their words", {.max = 4000, .multiline = true});
    d.learnt = f.text("learnt", "what they learnt", {.max = 4000, .multiline = true});
    d.support = f.choices("support", "the support offered", keys_of(staff_support()));
    if (d.support.empty()) {
        f.fail("support", "Choose the support offered, or that they said they need nothing more");
    }
    d.support_note =
        f.text("support_note", "more about the support", {.max = 2000, .multiline = true});
    d.learning = f.text("learning", "the learning to share", {.max = 4000, .multiline = true});
    d.share_learning = f.flag("share_learning", "Share the learning");
    if (d.share_learning && d.learning.empty()) {
        f.fail("learning", "Enter the learning to share, or do not share it");
    }
    if (d.share_learning) {
        const auto found = names_in(d.learning, names);
        if (!found.empty()) {
            f.fail("learning", fmt::format("Take out the name {} before sharing: learning goes to "
                                           "other homes without names",
                                           found.front()));
        }
    }
    TRY(f.finish());
    d.person_id = person.value_or(0);
    d.held_by = by.value_or(0);
    if (at) {
        d.held_at = *at;
    }
    return d;
}

bool needs_manager(const StaffDebriefDetails& d) {
    return d.wellbeing == "hurt" || d.wellbeing == "struggling";
}

std::vector<std::string> names_in(const std::string& text, const std::vector<std::string>& names) {
    std::vector<std::string> found;
    for (const auto& name : names) {
        if (name.size() < 2 || std::find(found.begin(), found.end(), name) != found.end()) {
            continue;
        }
        for (std::size_t at = text.find(name); at != std::string::npos;
             at = text.find(name, at + 1)) {
            const bool starts = at == 0 || !is_word_character(text[at - 1]);
            const std::size_t end = at + name.size();
            // "Kai's" is still Kai: a possessive ends the name.
            const bool ends = end == text.size() || !is_word_character(text[end]) ||
                              text.compare(end, 2, "'s") == 0;
            if (starts && ends) {
                found.push_back(name);
                break;
            }
        }
    }
    return found;
}

const std::vector<Choice>& restorative_forms() {
    static const std::vector<Choice> all{
        {"conversation", "A restorative conversation"},
        {"meeting", "A restorative meeting"},
    };
    return all;
}

Result<RestorativeDetails> read_restorative(http::FormReader& f, Timestamp began, Timestamp now) {
    RestorativeDetails d;
    const auto at = after_began(f, "held_on", "the day it was held", "held_time",
                                "the time it was held", began, now);
    d.form = f.choice("form", "whether it was a conversation or a meeting",
                      keys_of(restorative_forms()), true);
    d.taking_part = f.text("taking_part", "who took part", {.required = true, .max = 1000});
    d.outcome =
        f.text("outcome", "how it went", {.required = true, .max = 4000, .multiline = true});
    d.agreed = f.text("agreed", "what was agreed", {.max = 4000, .multiline = true});
    TRY(f.finish());
    if (at) {
        d.held_at = *at;
    }
    return d;
}

}  // namespace hearth::behaviour
