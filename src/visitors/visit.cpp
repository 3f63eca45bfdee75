#include "visitors/visit.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <limits>

namespace hearth::visitors {

const std::vector<Choice>& id_kinds() {
    static const std::vector<Choice> all{
        {"photo_id", "Photo ID card"},     {"driving_licence", "Driving licence"},
        {"passport", "Passport"},          {"badge", "Professional or organisation badge"},
        {"other", "Other identification"}, {id_not_seen, "Not seen"},
    };
    return all;
}

namespace {

// Lower case words, single spaces, each without a plural "s": "Lighters!" reads "lighter".
std::string visit_item_words(const std::string& text) {
    std::string out;
    auto end_word = [&out] {
        const auto start = out.rfind(' ') == std::string::npos ? 0 : out.rfind(' ') + 1;
        if (out.size() - start > 3 && out.back() == 's') {
            out.pop_back();
        }
    };
    for (const char ch : text) {
        const auto u = static_cast<unsigned char>(ch);
        if (std::isalnum(u)) {
            out += static_cast<char>(std::tolower(u));
        } else if (!out.empty() && out.back() != ' ') {
            end_word();
            out += ' ';
        }
    }
    if (!out.empty() && out.back() == ' ') {
        out.pop_back();
    } else if (!out.empty()) {
        end_word();
    }
    return out;
}

// The things one entry of the list names: "Knives and blades" names knives, and blades.
std::vector<std::string> visit_listed_things(const std::string& entry) {
    std::vector<std::string> out;
    std::string words = " " + visit_item_words(entry) + " ";
    for (const char* joint : {" and ", " or "}) {
        for (auto at = words.find(joint); at != std::string::npos; at = words.find(joint)) {
            words.replace(at, std::string(joint).size(), " | ");
        }
    }
    std::size_t from = 0;
    while (from < words.size()) {
        auto bar = words.find('|', from);
        if (bar == std::string::npos) {
            bar = words.size();
        }
        auto thing = words.substr(from, bar - from);
        thing.erase(0, thing.find_first_not_of(' '));
        thing.erase(thing.find_last_not_of(' ') + 1);
        if (!thing.empty()) {
            out.push_back(thing);
        }
        from = bar + 1;
    }
    return out;
}

// A moment typed as an optional day and a time in the home's zone; nothing typed is `now`.
std::optional<Timestamp> visit_moment(http::FormReader& f, const std::string& day_name,
                                      const std::string& time_name, const std::string& what,
                                      Timestamp now) {
    const Date today = local_date_of(now);
    const auto day =
        f.date(day_name, "the day they " + what, {.not_after = today, .after_label = "today"});
    const auto minutes = f.time(time_name, "the time they " + what, day.has_value());
    if (!minutes) {
        return day ? std::nullopt : std::optional<Timestamp>{now};
    }
    const auto at = from_local(day.value_or(today), *minutes / 60, *minutes % 60);
    if (!at) {
        f.fail(time_name, "That time does not exist on that day: the clocks went forward");
        return std::nullopt;
    }
    if (*at > now + std::chrono::minutes{5}) {
        f.fail(time_name, "The time they " + what + " must be now or earlier");
        return std::nullopt;
    }
    return at;
}

}  // namespace

std::optional<std::string> not_allowed_match(const std::string& item,
                                             const std::vector<std::string>& not_allowed) {
    const auto words = " " + visit_item_words(item) + " ";
    for (const auto& entry : not_allowed) {
        for (const auto& thing : visit_listed_things(entry)) {
            if (words.find(" " + thing + " ") != std::string::npos) {
                return entry;
            }
        }
    }
    return std::nullopt;
}

std::vector<std::string> flagged_items(const std::vector<std::string>& items,
                                       const std::vector<std::string>& not_allowed) {
    std::vector<std::string> out;
    for (const auto& item : items) {
        if (not_allowed_match(item, not_allowed)) {
            out.push_back(item);
        }
    }
    return out;
}

Result<VisitDetails> read_visit(http::FormReader& f, const HomeAtTheDoor& home, std::int64_t actor,
                                Timestamp now) {
    VisitDetails d;
    d.visitor_name =
        f.text("visitor_name", "the visitor's full name", {.required = true, .max = 150});
    d.organisation =
        f.text("organisation", "their organisation, or who they are to the child", {.max = 200});
    std::vector<std::string> keys{visiting_home};
    for (const auto id : home.children) {
        keys.push_back(std::to_string(id));
    }
    const auto who = f.choices("visiting", "who they are visiting", keys);
    for (const auto& key : who) {
        if (key == visiting_home) {
            d.visits_home = true;
        } else {
            d.children.push_back(std::stoll(key));
        }
    }
    if (who.empty()) {
        f.fail("visiting", "Choose who they are visiting: a child who lives here, or the home");
    }
    d.reason = f.text("reason", "the reason for the visit",
                      {.required = true, .max = 1000, .multiline = true});
    d.id_kind = f.choice("id_kind", "the identification seen", keys_of(id_kinds()), true);
    d.id_other = f.text("id_other", "what identification it was", {.max = 150});
    d.id_not_seen_why = f.text("id_not_seen_why", "why no identification was seen",
                               {.max = 500, .multiline = true});
    if (d.id_kind == "other" && d.id_other.empty()) {
        f.fail("id_other", "Enter what identification was seen");
    }
    if (d.id_kind == id_not_seen && d.id_not_seen_why.empty()) {
        f.fail("id_not_seen_why", "Enter why no identification was seen");
    }
    d.items = f.lines("items", "what they brought in", {.max = 150}, 30);
    d.items_flagged = flagged_items(d.items, home.not_allowed);
    d.items_action = f.text("items_action", "what was done with the items not allowed in",
                            {.max = 1000, .multiline = true});
    if (!d.items_flagged.empty() && d.items_action.empty()) {
        std::string listed;
        for (const auto& item : d.items_flagged) {
            listed += (listed.empty() ? "" : ", ") + item;
        }
        f.fail("items_action",
               fmt::format("{} {} on the home's list of items not allowed in: enter what was done "
                           "with {}, for example held by staff until they leave",
                           listed, d.items_flagged.size() == 1 ? "is" : "are",
                           d.items_flagged.size() == 1 ? "it" : "them"));
    }
    const auto let_in = f.integer("let_in_by", "who let them in", false, 1,
                                  std::numeric_limits<std::int64_t>::max());
    if (let_in && std::find(home.staff.begin(), home.staff.end(), *let_in) == home.staff.end()) {
        f.fail("let_in_by", "Choose who let them in from the home's staff");
    }
    d.let_in_by = let_in.value_or(actor);
    const bool supervises =
        f.choice("supervises_contact", "whether they supervise a child's contact", {"yes", "no"},
                 false) == "yes";
    const auto child = f.integer("supervised_child", "whose contact they supervise", false, 1,
                                 std::numeric_limits<std::int64_t>::max());
    d.supervised_contact =
        f.text("supervised_contact", "whose contact with the child they supervise", {.max = 200});
    d.supplied_by = f.text("supplied_by", "the social worker who supplied them", {.max = 200});
    if (supervises) {
        if (!child) {
            f.fail("supervised_child", "Choose the child whose contact they supervise");
        } else if (std::find(d.children.begin(), d.children.end(), *child) == d.children.end()) {
            f.fail("supervised_child",
                   "Choose a child they are visiting: the child whose contact they supervise");
        } else {
            d.supervises_child_id = child;
        }
        if (d.supervised_contact.empty()) {
            f.fail("supervised_contact",
                   "Enter whose contact with the child they supervise, for example their mother");
        }
    }
    if (auto at = visit_moment(f, "signed_in_on", "signed_in_time", "arrived", now)) {
        d.signed_in_at = *at;
    }
    TRY(f.finish());
    return d;
}

Result<Timestamp> read_sign_out(http::FormReader& f, Timestamp signed_in_at, Timestamp now) {
    auto at = visit_moment(f, "signed_out_on", "signed_out_time", "left", now);
    if (at && *at <= signed_in_at) {
        f.fail("signed_out_time",
               fmt::format("The time they left must be after they signed in, at {}",
                           format_local(signed_in_at)));
    }
    TRY(f.finish());
    return *at;
}

Result<std::vector<std::string>> read_not_allowed(http::FormReader& f) {
    auto items = f.lines("items", "the items not allowed in", {.max = 150}, 100);
    TRY(f.finish());
    return items;
}

std::optional<std::string> overdue_flag(Timestamp signed_in_at, Timestamp now) {
    const Date in = local_date_of(signed_in_at);
    const Date today = local_date_of(now);
    if (in < today) {
        const Date yesterday{std::chrono::sys_days{today} - std::chrono::days{1}};
        return in == yesterday ? "Overdue: still signed in since yesterday"
                               : "Overdue: still signed in since " + format_local_date(in);
    }
    if (local_minutes_of(now) >= late_evening_minutes) {
        return "Overdue: still signed in after 22:00";
    }
    return std::nullopt;
}

}  // namespace hearth::visitors
