// Micro benchmarks of the work every request does: hashing an audit entry, binding a form,
// rendering a page. Run: build/release/bench/hearth_micro_bench
#include <benchmark/benchmark.h>

#include "platform/audit/audit_trail.hpp"
#include "platform/http/form.hpp"
#include "platform/views/form_view.hpp"
#include "platform/views/views.hpp"

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
    for (auto _ : state)
        benchmark::DoNotOptimize(hearth::audit::entry_hash(e));
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

}  // namespace
