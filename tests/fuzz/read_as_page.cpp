#include "read_as_page.hpp"

#include <algorithm>

#include "property.hpp"

namespace hearth::fuzz {

namespace {

const std::vector<std::string> kinds{"praise", "concern", "missing"};
const std::vector<std::string> witnesses{"staff", "child", "visitor"};
// What the reader below asks for.
const std::vector<std::string> asked{"csrf_token", "name",    "note", "born",
                                     "count",      "urgent",  "kind", "children",
                                     "steps",      "seen_by", "day",  "time"};

// The reader takes "NAME-day", "-month" and "-year" as the parts of a date NAME, and lets them
// through for any field it asked for.
bool was_asked(std::string name) {
    for (std::string_view part : {"-day", "-month", "-year"}) {
        if (name.size() > part.size() && name.ends_with(part)) {
            name.resize(name.size() - part.size());
        }
    }
    return std::find(asked.begin(), asked.end(), name) != asked.end();
}

}  // namespace

void read_as_page(const http::FormData& form) {
    // A fixed "now", so that a date or time is judged the same on every run.
    const Timestamp now = *parse_utc("2026-12-06T12:00:00Z");
    http::FormReader reader(form);
    const auto name = reader.text("name", "the name", {.required = true, .max = 40});
    const auto note = reader.text("note", "the note", {.max = 2000, .multiline = true});
    const auto born = reader.date("born", "their date of birth", {.not_after = local_date_of(now)});
    const auto count = reader.integer("count", "how many", false, 0, 100);
    reader.flag("urgent", "urgent");
    const auto kind = reader.choice("kind", "the kind", kinds, false);
    const auto children = reader.ids("children", "the children");
    const auto steps = reader.lines("steps", "the next steps", {.max = 80}, 5);
    const auto seen = reader.choices("seen_by", "who saw it", witnesses);
    const auto at =
        reader.moment("day", "the day it happened", "time", "the time it happened", now, false);
    const Status read = reader.finish();

    const bool unknown_field = std::any_of(form.values().begin(), form.values().end(),
                                           [](auto& v) { return !was_asked(v.first); });
    holds(!(unknown_field && read.ok()), "a field no rule asked for is refused");
    if (!read.ok()) {
        holds(!read.error().fields.empty(), "a refused form names a field at fault");
        return;
    }
    holds(!name.empty() && !has_control(name, false), "an accepted name is text that can be shown");
    holds(!has_control(note, true), "an accepted note has no control characters but line breaks");
    holds(!born || (*born <= local_date_of(now) && parse_date(format_date(*born)) == born),
          "an accepted date of birth is not in the future and reads back as itself");
    holds(!count || (*count >= 0 && *count <= 100), "an accepted number is within its range");
    holds(kind.empty() || std::find(kinds.begin(), kinds.end(), kind) != kinds.end(),
          "an accepted choice is one of its keys");
    holds(std::all_of(children.begin(), children.end(), [](auto id) { return id > 0; }),
          "an accepted id is positive");
    holds(steps.size() <= 5 &&
              std::none_of(steps.begin(), steps.end(),
                           [](auto& s) { return s.empty() || has_control(s, false); }),
          "accepted lines are at most five, none blank, none with control characters");
    holds(std::all_of(seen.begin(), seen.end(),
                      [](auto& s) {
                          return std::find(witnesses.begin(), witnesses.end(), s) !=
                                 witnesses.end();
                      }),
          "accepted choices are among their keys");
    holds(!at || *at <= now + std::chrono::minutes{5}, "an accepted moment is not in the future");
}

}  // namespace hearth::fuzz
