// Micro benchmarks of the work every request does: hashing an audit entry, binding a form,
// rendering a page; the language check that runs each time staff pause in typing, the chart a
// figure page draws, and the training matrix of a provider's whole workforce (issue 15: at most
// 50 ms for 1,000 people and 15 courses). Run: build/release/bench/hearth_micro_bench
#include <benchmark/benchmark.h>

#include "language/matcher.hpp"
#include "platform/audit/audit_trail.hpp"
#include "platform/http/form.hpp"
#include "platform/views/charts.hpp"
#include "platform/views/form_view.hpp"
#include "platform/views/views.hpp"
#include "team/training_view.hpp"

namespace {

void AuditEntryHash(benchmark::State& state) {
    hearth::audit::Entry e{42,
                           "2026-11-22T22:17:16.123Z",
                           7,
                           "Sam Carter",
                           "read",
                           "child",
                           "3",
                           1,
                           3,
                           "192.0.2.1",
                           "abcd1234-00000042",
                           "",
                           std::string(64, '0'),
                           ""};
    const auto keys = hearth::audit::parse_keys(std::string(64, '1'), "bench").value();
    for (auto _ : state)
        benchmark::DoNotOptimize(hearth::audit::entry_hash(e, keys.keys.front()));
}
BENCHMARK(AuditEntryHash);

void BindChildForm(benchmark::State& state) {
    const std::string body =
        "csrf_token=0123456789abcdef&first_name=Aisha&last_name=Bennett&preferred_name=&date_of_"
        "birth-day=17&"
        "date_of_birth-month=4&date_of_birth-year=2011&sex=female&pronouns=she%2Fher&legal_basis="
        "s31&"
        "placing_authority=Northshire+County+Council&admission_date-day=2&admission_date-month=9&"
        "admission_date-year=2024&key_workers=5&key_workers=6&reason=Corrected+spelling";
    for (auto _ : state) {
        auto form = hearth::http::FormData::from_urlencoded(body);
        hearth::http::FormReader r(form.value());
        benchmark::DoNotOptimize(r.text("first_name", "first name", {.required = true}));
        benchmark::DoNotOptimize(r.date("date_of_birth", "date of birth", {.required = true}));
        benchmark::DoNotOptimize(r.ids("key_workers", "key workers"));
    }
}
BENCHMARK(BindChildForm);

void RenderErrorPage(benchmark::State& state) {
    hearth::views::Frame frame;
    frame.title = "Page not found";
    frame.request_id = "abcd1234-00000042";
    frame.person = nlohmann::json{{"name", "Sam Carter"}};
    nlohmann::json data = {{"status", 404},
                           {"heading", "Page not found"},
                           {"message", "We could not find it."},
                           {"request_id", "abcd1234-00000042"},
                           {"signed_in", true}};
    for (auto _ : state)
        benchmark::DoNotOptimize(hearth::views::page(frame, "error", data));
}
BENCHMARK(RenderErrorPage);

// A shift's note: about 1,500 characters, with a few phrases and some quoted speech. The
// argument repeats it, up to the 20,000 characters the check accepts.
void FindPhrasesInANote(benchmark::State& state) {
    const std::string note =
        "Aisha got up at 7:30 and had breakfast with Kai. She was quiet on the way to school and "
        "said \"I don't want to go, everyone hates me\". Her key worker talked with her in the "
        "car and she agreed to try the morning. School rang at 11:00: she had kicked off in "
        "maths and refused to go back into class. Jo collected her at 12:15. After contact with "
        "mum at 16:00 she was upset and stayed in her room. She said 'I miss her so much'. At "
        "tea she chose not to eat and went back upstairs. Dana sat with her and they watched a "
        "film; she laughed at the dog in it. Later she told Dana that the girls at school had "
        "been posting about her mum online. Dana said we would talk to school tomorrow and "
        "Aisha seemed relieved. She was in bed by 22:00. Staff checked on her at 23:00 and "
        "01:00: asleep. Praise: she helped Kai with his homework without being asked, and he "
        "told her she was the best. Handover: speak to school about the posts; ask Aisha what "
        "she would like us to say. She was attention-seeking at bedtime, asking for three "
        "drinks, but settled when Dana read to her. ";
    std::string text;
    for (int i = 0; i < state.range(0); ++i)
        text += note;
    const auto& phrases = hearth::language::default_list().phrases;
    for (auto _ : state)
        benchmark::DoNotOptimize(hearth::language::find_phrases(phrases, text));
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}
BENCHMARK(FindPhrasesInANote)->Arg(1)->Arg(13);

// The figure page's line chart: twelve months, the organisation and six homes.
void DrawALineChart(benchmark::State& state) {
    hearth::views::charts::Chart chart{
        "rate", "Flagged phrases per 100 entries", "Twelve months", {}, {}, "Per 100 entries", 1};
    for (int m = 0; m < 12; ++m)
        chart.categories.push_back("Month " + std::to_string(m));
    for (int s = 0; s < 7; ++s) {
        hearth::views::charts::Series series{"Home " + std::to_string(s), {}, s == 0};
        for (int m = 0; m < 12; ++m)
            series.values.push_back((s * 7 + m * 3) % 20 + 0.5);
        chart.series.push_back(series);
    }
    for (auto _ : state)
        benchmark::DoNotOptimize(hearth::views::charts::line_chart(chart));
}
BENCHMARK(DrawALineChart);

// The training matrix across fifty homes: 1,000 people, fifteen courses, four completions of each
// course a person holds. Built from the rows the store reads, then its view and chart, then the
// page body as the matrix page renders it.
void RenderTheTrainingMatrix(benchmark::State& state) {
    using namespace hearth;
    const Date today{std::chrono::year{2026}, std::chrono::month{12}, std::chrono::day{3}};
    std::vector<team::Course> courses = team::default_courses();
    for (int i = 0; courses.size() < 15; ++i) {
        courses.push_back({"own_" + std::to_string(i), "Own course " + std::to_string(i),
                           team::course_roles(), 30, 24});
    }
    std::vector<team::MatrixPerson> people;
    std::vector<team::Completion> completions;
    for (int p = 0; p < 1000; ++p) {
        const auto role = p % 20 == 0  ? Role::registered_manager
                          : p % 5 == 0 ? Role::deputy
                                       : Role::support_worker;
        people.push_back({p + 1,
                          "Person " + std::to_string(p + 1),
                          p / 20 + 1,
                          "Home " + std::to_string(p / 20 + 1),
                          {role},
                          Date{std::chrono::sys_days{today} - std::chrono::days{30 + p % 900}}});
        for (std::size_t c = 0; c < courses.size(); ++c) {
            if ((p + static_cast<int>(c)) % 11 == 0)
                continue;
            for (int k = 0; k < 4; ++k) {
                const Date done{
                    std::chrono::sys_days{today} -
                    std::chrono::days{(p * 7 + static_cast<int>(c) * 13 + k * 200) % 900}};
                completions.push_back(
                    {p + 1, courses[c].key, done, team::expiry_of(courses[c], done)});
            }
        }
    }
    for (auto _ : state) {
        const auto m = team::build_matrix(people, courses, completions, today);
        auto view = team::matrix_summary_view(m);
        view["chart"] = team::matrix_chart(m);
        view["table"] = team::matrix_table(m, true, true);
        view["across_homes"] = true;
        view["has_people"] = true;
        benchmark::DoNotOptimize(views::render("training_matrix", view));
    }
    state.counters["people"] = 1000;
    state.counters["courses"] = static_cast<double>(courses.size());
}
BENCHMARK(RenderTheTrainingMatrix)->Unit(benchmark::kMillisecond);

}  // namespace
