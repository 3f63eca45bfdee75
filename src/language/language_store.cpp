#include "language/language_store.hpp"

#include <fmt/format.h>

namespace hearth::language {

namespace {

std::string joined(const std::vector<std::string>& lines) {
    std::string out;
    for (const auto& l : lines) {
        out += (out.empty() ? "" : "\n") + l;
    }
    return out;
}

std::vector<std::string> split(const std::string& text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < text.size()) {
        auto end = text.find('\n', start);
        if (end == std::string::npos) {
            end = text.size();
        }
        if (end > start) {
            out.push_back(text.substr(start, end - start));
        }
        start = end + 1;
    }
    return out;
}

bool same_words(const Phrase& a, const Phrase& b) {
    return a.phrase == b.phrase && a.match == b.match && a.not_when == b.not_when &&
           a.alternative == b.alternative && a.why == b.why && a.fine_when == b.fine_when;
}

Status insert(db::Connection& c, std::int64_t organisation_id, std::int64_t phrase_id, int version,
              ChangeKind kind, const Phrase& p, const std::string& reason,
              const audit::Actor& actor, Timestamp now) {
    TRY(c.run(
        "INSERT INTO language_changes (organisation_id, phrase_id, version, kind, phrase, "
        "match_words, not_when, alternative, why, fine_when, reason, changed_by, changed_by_name, "
        "changed_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)",
        {organisation_id, phrase_id, std::int64_t{version}, std::string(kind_key(kind)), p.phrase,
         joined(p.match), joined(p.not_when), p.alternative, p.why, p.fine_when, reason,
         db::nullable(actor.person_id), actor.name, format_utc(now)}));
    const std::string action = kind == ChangeKind::add ? "create" : std::string(kind_key(kind));
    return audit::append(
        c, actor,
        {action, "language_phrase", std::to_string(phrase_id), std::nullopt, std::nullopt,
         fmt::format("organisation {}, version {}: {} ({})", organisation_id, version, p.phrase,
                     reason)},
        now);
}

// The phrase as it is now, refused if missing or changed since `read_version`.
Result<OrganisationPhrase> current(db::Connection& c, std::int64_t organisation_id,
                                   std::int64_t phrase_id, int read_version) {
    auto list = TRY(organisation_list(c, organisation_id));
    const auto* found = find_phrase(list, phrase_id);
    if (found == nullptr) {
        return Error::not_found("There is no such phrase in your organisation's list.");
    }
    if (found->version != read_version) {
        const std::string who =
            found->history.empty() ? "Someone" : found->history.back().changed_by_name;
        return Error::conflict(
            fmt::format("{} changed this phrase (version {}) after you opened it (version {}).",
                        who, found->version, read_version));
    }
    return *found;
}

}  // namespace

Result<std::vector<Change>> changes_of(db::Connection& c, std::int64_t organisation_id) {
    auto rows = TRY(
        c.query("SELECT id, phrase_id, version, kind, phrase, match_words, not_when, alternative, "
                "why, fine_when, reason, changed_by, changed_by_name, changed_at "
                "FROM language_changes WHERE organisation_id = $1 ORDER BY phrase_id, version",
                {organisation_id}));
    std::vector<Change> out;
    for (const auto& r : rows) {
        Change ch;
        ch.id = r.integer(0);
        ch.phrase_id = r.integer(1);
        ch.version = static_cast<int>(r.integer(2));
        ch.kind = kind_from_key(r.text(3)).value_or(ChangeKind::amend);
        ch.phrase.id = ch.phrase_id;
        ch.phrase.phrase = r.text(4);
        ch.phrase.match = split(r.text(5));
        ch.phrase.not_when = split(r.text(6));
        ch.phrase.alternative = r.text(7);
        ch.phrase.why = r.text(8);
        ch.phrase.fine_when = r.text(9);
        ch.reason = r.text(10);
        ch.changed_by = r.optional_integer(11);
        ch.changed_by_name = r.text(12);
        ch.changed_at = r.text(13);
        out.push_back(std::move(ch));
    }
    return out;
}

Result<std::vector<OrganisationPhrase>> organisation_list(db::Connection& c,
                                                          std::int64_t organisation_id) {
    auto changes = TRY(changes_of(c, organisation_id));
    return effective_list(default_list(), std::move(changes));
}

Result<std::int64_t> add_phrase(db::Connection& c, std::int64_t organisation_id, const Phrase& p,
                                const std::string& reason, const audit::Actor& actor,
                                Timestamp now) {
    TRY(validate(p));
    auto list = TRY(organisation_list(c, organisation_id));
    for (const auto& existing : list) {
        if (!existing.retired && existing.phrase.phrase == p.phrase) {
            return Error::invalid("phrase", fmt::format("\"{}\" is already on your list: change "
                                                        "that one instead",
                                                        p.phrase));
        }
    }
    // Two managers adding at once: the unique version key refuses the second, as a conflict.
    auto row =
        TRY(c.query_one("SELECT MAX(phrase_id) FROM language_changes "
                        "WHERE organisation_id = $1",
                        {organisation_id}));
    std::int64_t id = first_added_phrase_id;
    if (row && !row->is_null(0)) {
        id = std::max(id, row->integer(0) + 1);
    }
    TRY(insert(c, organisation_id, id, 1, ChangeKind::add, p, reason, actor, now));
    return id;
}

Status amend_phrase(db::Connection& c, std::int64_t organisation_id, std::int64_t phrase_id,
                    int read_version, const Phrase& p, const std::string& reason,
                    const audit::Actor& actor, Timestamp now) {
    TRY(validate(p));
    auto now_is = TRY(current(c, organisation_id, phrase_id, read_version));
    if (same_words(now_is.phrase, p)) {
        return Error::invalid("phrase", "Nothing was changed, so there is nothing to save");
    }
    return insert(c, organisation_id, phrase_id, read_version + 1, ChangeKind::amend, p, reason,
                  actor, now);
}

Status set_retired(db::Connection& c, std::int64_t organisation_id, std::int64_t phrase_id,
                   int read_version, bool retired, const std::string& reason,
                   const audit::Actor& actor, Timestamp now) {
    if (reason.empty()) {
        return Error::invalid("reason", "Enter why you are making this change");
    }
    auto now_is = TRY(current(c, organisation_id, phrase_id, read_version));
    if (now_is.retired == retired) {
        return Error::conflict(retired ? "This phrase is already retired for your organisation."
                                       : "This phrase is already in use.");
    }
    return insert(c, organisation_id, phrase_id, read_version + 1,
                  retired ? ChangeKind::retire : ChangeKind::restore, now_is.phrase, reason, actor,
                  now);
}

}  // namespace hearth::language
