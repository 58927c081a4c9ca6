// SPDX-License-Identifier: BSL-1.0
// What one report of the batch benchmark (benchmarks/batch/) costs, stage by stage, beside what
// merely reading its bytes as JSON costs. `fisc check DIR` does, per report: read_report_json
// (the JSON parse and the typed model), Subject (the facts, their order and index, the
// indicators evaluated) and run (the built-in pack, passed checks not kept). The runs add one
// stage at a time, one report after another as the command goes, so that each stage finds in the
// cache what the one before left there; a stage costs the difference between its run and the
// run one stage shorter. Two floors are timed with them: Boost.JSON's parser with a handler that
// keeps nothing (tokenizing and validating the bytes, the least any reader built on Boost.JSON
// can cost) and boost::json::parse into Boost's own DOM. docs/benchmarks.md, "Province scale",
// sets these beside the time a report may take under issue 7's goal. The reports are fisc-gen's
// (seeds 1 to 64, one injected error in 10 %), made in-process before any timing.
#include "batch.bench.hpp"

#include <benchmark/benchmark.h>
#include <boost/json/basic_parser_impl.hpp>
#include <boost/json/parse.hpp>

#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "fisc/io/report_json.hpp"
#include "fisc/rules/builtin.hpp"
#include "fisc/rules/pack.hpp"
#include "fisc/rules/subject.hpp"
#include "generator.hpp"

namespace fisc_bench {

namespace {

namespace json = boost::json;

constexpr std::size_t report_count = 64;

/// The reports as `fisc check` reads them: JSON texts.
struct Batch {
  std::vector<std::string> texts;
  std::size_t bytes = 0;
};

const Batch& batch() {
  static const Batch made = [] {
    Batch b;
    const fisc::gen::GenOptions options{.error_rate_ppm = 100'000, .kinds = {}, .year = 2020};
    for (std::uint64_t seed = 1; seed <= report_count; ++seed) {
      b.texts.push_back(fisc::write_report_json(fisc::gen::generate(seed, options).report));
      b.bytes += b.texts.back().size();
    }
    return b;
  }();
  return made;
}

/// Reports per second and seconds per report (Google Benchmark prints 12.3u for 12.3 µs), and
/// the bytes read as MB/s.
void count_reports(benchmark::State& state) {
  const Batch& b = batch();
  const auto n = static_cast<double>(b.texts.size());
  state.counters["reports/s"] =
      benchmark::Counter(n, benchmark::Counter::kIsIterationInvariantRate);
  state.counters["s/report"] = benchmark::Counter(
      n, benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(b.bytes));
}

/// A handler for Boost.JSON's parser that keeps nothing: every event is accepted and dropped.
struct Discard {
  static constexpr std::size_t max_array_size = std::numeric_limits<std::size_t>::max();
  static constexpr std::size_t max_object_size = std::numeric_limits<std::size_t>::max();
  static constexpr std::size_t max_string_size = std::numeric_limits<std::size_t>::max();
  static constexpr std::size_t max_key_size = std::numeric_limits<std::size_t>::max();
  std::size_t events = 0;

  bool event() noexcept { return ++events != 0; }
  bool on_document_begin(json::error_code& /*ec*/) { return event(); }
  bool on_document_end(json::error_code& /*ec*/) { return event(); }
  bool on_object_begin(json::error_code& /*ec*/) { return event(); }
  bool on_object_end(std::size_t /*n*/, json::error_code& /*ec*/) { return event(); }
  bool on_array_begin(json::error_code& /*ec*/) { return event(); }
  bool on_array_end(std::size_t /*n*/, json::error_code& /*ec*/) { return event(); }
  bool on_key_part(json::string_view /*s*/, std::size_t /*n*/, json::error_code& /*ec*/) {
    return event();
  }
  bool on_key(json::string_view /*s*/, std::size_t /*n*/, json::error_code& /*ec*/) {
    return event();
  }
  bool on_string_part(json::string_view /*s*/, std::size_t /*n*/, json::error_code& /*ec*/) {
    return event();
  }
  bool on_string(json::string_view /*s*/, std::size_t /*n*/, json::error_code& /*ec*/) {
    return event();
  }
  bool on_number_part(json::string_view /*s*/, json::error_code& /*ec*/) { return event(); }
  bool on_int64(std::int64_t /*i*/, json::string_view /*s*/, json::error_code& /*ec*/) {
    return event();
  }
  bool on_uint64(std::uint64_t /*u*/, json::string_view /*s*/, json::error_code& /*ec*/) {
    return event();
  }
  bool on_double(double /*d*/, json::string_view /*s*/, json::error_code& /*ec*/) {
    return event();
  }
  bool on_bool(bool /*b*/, json::error_code& /*ec*/) { return event(); }
  bool on_null(json::error_code& /*ec*/) { return event(); }
  bool on_comment_part(json::string_view /*s*/, json::error_code& /*ec*/) { return event(); }
  bool on_comment(json::string_view /*s*/, json::error_code& /*ec*/) { return event(); }
};

/// Runs `stage` on every report's text, for each of `state`'s iterations; a stage that returns
/// false (a report it cannot take) ends the benchmark with `error`.
template <class Stage>
void each_report(benchmark::State& state, const char* error, Stage stage) {
  const Batch& b = batch();
  for (auto _ : state) {
    for (const std::string& text : b.texts) {
      if (!stage(text)) {
        state.SkipWithError(error);
        break;
      }
    }
  }
  count_reports(state);
}

constexpr const char* not_json = "a generated report is not JSON";
constexpr const char* unreadable = "a generated report does not read";

void tokenize(benchmark::State& state) {
  each_report(state, not_json, [](const std::string& text) {
    json::basic_parser<Discard> parser(json::parse_options{});
    json::error_code ec;
    parser.write_some(false, text.data(), text.size(), ec);
    benchmark::DoNotOptimize(parser.handler().events);
    return !ec;
  });
}

void boost_json_dom(benchmark::State& state) {
  each_report(state, not_json, [](const std::string& text) {
    json::error_code ec;
    json::value v = json::parse(text, ec);
    benchmark::DoNotOptimize(v);
    return !ec;
  });
}

void read_report(benchmark::State& state) {
  each_report(state, unreadable, [](const std::string& text) {
    auto report = fisc::read_report_json(text, "generated.report.json");
    benchmark::DoNotOptimize(report);
    return report.has_value();
  });
}

/// Read, then the subject made of the report. The stages run one report at a time, as `fisc
/// check` runs them, each on what the one before left in the cache: a stage alone over reports
/// made beforehand would find them cold. A stage's own cost is the difference between a run and
/// the run one stage shorter.
void read_and_subject(benchmark::State& state) {
  each_report(state, unreadable, [](const std::string& text) {
    const auto report = fisc::read_report_json(text, "generated.report.json");
    if (!report) return false;
    const fisc::Subject s(*report);
    benchmark::DoNotOptimize(&s);
    return true;
  });
}

/// What `fisc check` does to one report, but for finding the file and writing the findings.
void check(benchmark::State& state) {
  const fisc::Pack pack = fisc::builtin_pack();
  each_report(state, unreadable, [&](const std::string& text) {
    const auto report = fisc::read_report_json(text, "generated.report.json");
    if (!report) return false;
    const fisc::Subject s(*report);
    fisc::InputFindings found = fisc::run(pack, s, {});
    benchmark::DoNotOptimize(found);
    return true;
  });
}

}  // namespace

void register_batch_benchmarks() {
  benchmark::RegisterBenchmark("batch_stage/tokenize (Boost.JSON, nothing kept)", tokenize)
      ->Unit(benchmark::kMillisecond);
  benchmark::RegisterBenchmark("batch_stage/boost_json_dom (boost::json::parse)", boost_json_dom)
      ->Unit(benchmark::kMillisecond);
  benchmark::RegisterBenchmark("batch_stage/read_report_json", read_report)
      ->Unit(benchmark::kMillisecond);
  benchmark::RegisterBenchmark("batch_stage/read_report_json + Subject", read_and_subject)
      ->Unit(benchmark::kMillisecond);
  benchmark::RegisterBenchmark("batch_stage/check (read, subject, rules)", check)
      ->Unit(benchmark::kMillisecond);
}

}  // namespace fisc_bench
