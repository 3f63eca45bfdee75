// The provider's figure: flagged phrases per 100 entries, per month and per home, over the last
// 12 months, with the organisation's line beside the homes; a chart with the same numbers in a
// table beside it, and what is flagged most. Oversight roles see every home; a registered manager
// sees their own home beside the organisation's line (can(view_language_figures) with the home).
#include <fmt/format.h>

#include "language/figures_store.hpp"
#include "language/language_routes.hpp"
#include "language/language_store.hpp"
#include "organisation/homes.hpp"
#include "platform/views/charts.hpp"

namespace hearth::language {

namespace {

using http::Context;
using http::Response;

constexpr int months_shown = 12;
constexpr std::size_t most_homes_drawn = 6;  // more lines than this cannot be told apart
constexpr std::size_t homes_page_size = 25;
constexpr int phrases_listed = 10;

struct Data {
    std::vector<organisation::Home> homes;  // those the reader may see, by name
    bool whole_organisation = false;
    Figure figure;
    std::vector<PhraseTotal> most;
};

// Rounded half away from zero, as the API's figure is: 6.25 shows as 6.3 in both.
std::optional<double> rounded_rate(const MonthTotal& t) {
    auto r = t.per_100();
    if (!r) {
        return std::nullopt;
    }
    return std::round(*r * 10) / 10;
}

std::string rate_text(const MonthTotal& t) {
    auto r = rounded_rate(t);
    return r ? fmt::format("{:.1f}", *r) : "";
}

nlohmann::json total_json(const std::string& month, const MonthTotal& t) {
    nlohmann::json j = {{"month", month},
                        {"entries", t.entries},
                        {"entries_flagged", t.entries_flagged},
                        {"flagged", t.flagged},
                        {"per_100", nullptr}};
    if (auto r = rounded_rate(t)) {
        j["per_100"] = *r;
    }
    return j;
}

Result<Data> gather(const Context& ctx, db::Connection& c) {
    Data d;
    const std::int64_t org = ctx.person.organisation_id;
    auto homes = TRY(organisation::homes_of(c, org));
    d.whole_organisation = can(ctx.person, Action::view_organisation, Scope{org, {}, {}});
    for (const auto& h : homes) {
        if (d.whole_organisation ||
            can(ctx.person, Action::view_language_figures, Scope{org, h.id, {}})) {
            d.homes.push_back(h);
        }
    }
    const auto months = months_ending(ctx.today(), months_shown);
    auto rows = TRY(month_totals(c, org, months.front()));
    std::vector<std::int64_t> ids;
    for (const auto& h : d.homes) {
        ids.push_back(h.id);
    }
    d.figure = build_figure(months, rows, ids);
    std::optional<std::vector<std::int64_t>> only;
    if (!d.whole_organisation) {
        only = ids;
    }
    d.most = TRY(most_flagged(c, org, months.front(), only, phrases_listed));
    // Each phrase by its name in the organisation's list now, where it still has one.
    auto list = TRY(organisation_list(c, org));
    for (auto& p : d.most) {
        if (const auto* now = find_phrase(list, p.phrase_id)) {
            p.phrase = now->phrase.phrase;
        }
    }
    return d;
}

// The homes drawn as lines: those asked for (?home=ID, up to six), or the first six by name.
std::vector<const organisation::Home*> drawn(const Context& ctx, const Data& d) {
    std::vector<const organisation::Home*> out;
    auto asked = ctx.request.query.equal_range("home");
    for (auto it = asked.first; it != asked.second && out.size() < most_homes_drawn; ++it) {
        const std::int64_t id = std::atoll(it->second.c_str());
        for (const auto& h : d.homes) {
            if (h.id == id && std::find(out.begin(), out.end(), &h) == out.end()) {
                out.push_back(&h);
            }
        }
    }
    if (out.empty()) {
        for (std::size_t i = 0; i < d.homes.size() && i < most_homes_drawn; ++i) {
            out.push_back(&d.homes[i]);
        }
    }
    return out;
}

std::vector<std::optional<double>> rates(const std::vector<MonthTotal>& months) {
    std::vector<std::optional<double>> out;
    for (const auto& m : months) {
        out.push_back(m.per_100());
    }
    return out;
}

nlohmann::json page_data(const Context& ctx, const Data& d) {
    const auto& f = d.figure;
    const auto lines = drawn(ctx, d);
    std::vector<std::string> labels;
    for (const auto& m : f.months) {
        labels.push_back(short_month_label(m));
    }
    const std::string period =
        fmt::format("{} to {}", month_label(f.months.front()), month_label(f.months.back()));

    views::charts::Chart rate_chart{"language-rate",
                                    "Flagged phrases per 100 entries, by month",
                                    "A line for the organisation and one for each home shown, "
                                    "from " +
                                        period + ". The table below gives every value.",
                                    labels,
                                    {},
                                    "Per 100 entries",
                                    1};
    rate_chart.series.push_back({"Organisation", rates(f.organisation), true});
    for (const auto* h : lines) {
        rate_chart.series.push_back({h->name, rates(f.homes.at(h->id)), false});
    }

    // The entries behind the rates: a rate over few entries means little.
    std::vector<MonthTotal> scope_totals(f.months.size());
    for (const auto& h : d.homes) {
        for (std::size_t k = 0; k < f.months.size(); ++k) {
            scope_totals[k] += f.homes.at(h.id)[k];
        }
    }
    views::charts::Chart entries_chart{
        "language-entries",
        "Entries checked each month",
        fmt::format("Entries checked {}, from {}, split into those with at least one phrase "
                    "flagged and those with none.",
                    d.whole_organisation ? "across the organisation" : "in your homes", period),
        labels,
        {},
        "Entries",
        0};
    views::charts::Series with{"With a phrase flagged", {}, false};
    views::charts::Series without{"Nothing flagged", {}, false};
    for (const auto& t : scope_totals) {
        with.values.push_back(static_cast<double>(t.entries_flagged));
        without.values.push_back(static_cast<double>(t.entries - t.entries_flagged));
    }
    entries_chart.series = {with, without};

    nlohmann::json columns = nlohmann::json::array({"Organisation"});
    for (const auto* h : lines) {
        columns.push_back(h->name);
    }
    nlohmann::json table = nlohmann::json::array();
    for (std::size_t k = 0; k < f.months.size(); ++k) {
        nlohmann::json cells = nlohmann::json::array();
        auto cell = [&](const MonthTotal& t) {
            cells.push_back(
                {{"rate", rate_text(t)}, {"has_rate", t.entries > 0}, {"entries", t.entries}});
        };
        cell(f.organisation[k]);
        for (const auto* h : lines) {
            cell(f.homes.at(h->id)[k]);
        }
        table.push_back({{"month", month_label(f.months[k])}, {"cells", cells}});
    }

    // Every home the reader may see, over the whole period, a page at a time.
    const std::size_t pages =
        std::max<std::size_t>(1, (d.homes.size() + homes_page_size - 1) / homes_page_size);
    std::size_t page = 1;
    if (auto asked = ctx.request.query_value("page")) {
        const long long n = std::atoll(asked->c_str());
        page = n >= 1 ? std::min<std::size_t>(static_cast<std::size_t>(n), pages) : 1;
    }
    nlohmann::json homes = nlohmann::json::array(), choices = nlohmann::json::array();
    for (std::size_t i = (page - 1) * homes_page_size;
         i < d.homes.size() && i < page * homes_page_size; ++i) {
        const auto& h = d.homes[i];
        const auto& t = f.home_period.at(h.id);
        homes.push_back({{"name", h.name},
                         {"entries", t.entries},
                         {"flagged", t.flagged},
                         {"rate", rate_text(t)},
                         {"has_rate", t.entries > 0}});
    }
    for (const auto& h : d.homes) {
        const bool on = std::find(lines.begin(), lines.end(), &h) != lines.end();
        choices.push_back({{"id", h.id}, {"name", h.name}, {"checked", on}});
    }
    nlohmann::json most = nlohmann::json::array();
    for (const auto& p : d.most) {
        most.push_back({{"phrase", p.phrase.empty() ? "A phrase no longer on the list" : p.phrase},
                        {"href", fmt::format("/organisation/language/{}", p.phrase_id)},
                        {"flagged", p.flagged}});
    }
    nlohmann::json data = {
        // Built and escaped in C++ (platform/views/charts.cpp): the templates embed them with
        // a triple mustache, the only unescaped output on the page.
        {"rate_chart", views::charts::line_chart(rate_chart)},
        {"entries_chart",
         views::charts::bar_chart(entries_chart, views::charts::BarLayout::stacked)},
        {"period", period},
        {"columns", columns},
        {"table", table},
        {"homes", homes},
        {"has_homes", !homes.empty()},
        {"choices", choices},
        {"can_choose", d.homes.size() > most_homes_drawn},
        {"most_homes_drawn", most_homes_drawn},
        {"most", most},
        {"has_most", !most.empty()},
        {"whole_organisation", d.whole_organisation},
        {"any_entries", f.whole_period.entries > 0},
        {"period_entries", f.whole_period.entries},
        {"period_rate", rate_text(f.whole_period)},
        {"pages", pages},
        {"page", page},
        {"has_pages", pages > 1},
    };
    if (page > 1) {
        data["prev_href"] = fmt::format("/organisation/language/figures?page={}#homes", page - 1);
    }
    if (page < pages) {
        data["next_href"] = fmt::format("/organisation/language/figures?page={}#homes", page + 1);
    }
    return data;
}

nlohmann::json api_data(const Data& d) {
    const auto& f = d.figure;
    auto months = [&](const std::vector<MonthTotal>& totals) {
        nlohmann::json out = nlohmann::json::array();
        for (std::size_t k = 0; k < f.months.size(); ++k) {
            out.push_back(total_json(f.months[k], totals[k]));
        }
        return out;
    };
    nlohmann::json homes = nlohmann::json::array();
    for (const auto& h : d.homes) {
        homes.push_back({{"id", h.id}, {"name", h.name}, {"months", months(f.homes.at(h.id))}});
    }
    nlohmann::json most = nlohmann::json::array();
    for (const auto& p : d.most) {
        most.push_back({{"phrase_id", p.phrase_id}, {"phrase", p.phrase}, {"flagged", p.flagged}});
    }
    return {{"months", f.months},
            {"organisation", months(f.organisation)},
            {"homes", homes},
            {"most_flagged", most}};
}

Result<Response> figures(Context& ctx) {
    auto d = TRY(ctx.services.db.read([&](db::Connection& c) { return gather(ctx, c); }));
    if (ctx.request.wants_json()) {
        return Response::json(200, api_data(d));
    }
    return ctx.page("language_figures", "Language that cares: the figures", page_data(ctx, d));
}

}  // namespace

void add_figure_routes(http::Router& router) {
    router.add({"GET", "/organisation/language/figures", Action::view_language_figures, figures});
    router.add({"GET", "/api/v1/language/figures", Action::view_language_figures, figures});
}

}  // namespace hearth::language
