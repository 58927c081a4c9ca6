// SPDX-License-Identifier: BSL-1.0
// read_narrative on a large text: the seed document (../shared/seed) and the 决算说明 that
// write_narrative makes of the corrected bundled sample, one after the other, repeated to 8 MiB.
// Reported as bytes per second (the goal of issue 6 is 20 MB/s) with the statements read per
// second beside it; nothing is asserted.
#include "narrative.bench.hpp"

#include <benchmark/benchmark.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "fisc/io/report_json.hpp"
#include "fisc/narrative/reader.hpp"
#include "fisc/narrative/writer.hpp"

namespace fisc_bench {

namespace {

std::string file_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

/// The text read, or empty when a source is missing.
const std::string& large_text() {
  static const std::string text = [] {
    const std::filesystem::path root(FISC_SOURCE_DIR);
    const std::string seed = file_text(root / "../shared/seed/000_2bdb4c08d10ba27e.txt");
    const auto report =
        fisc::load_report_json(root / "tests/narrative/data/seed-corrected.report.json");
    if (seed.empty() || !report) return std::string();
    const std::string narrated = fisc::write_narrative(*report);
    std::string out;
    constexpr std::size_t size = std::size_t{8} << 20U;
    out.reserve(size + seed.size() + narrated.size());
    while (out.size() < size) out += seed + '\n' + narrated + '\n';
    return out;
  }();
  return text;
}

void read_narrative_bench(benchmark::State& state) {
  const std::string& text = large_text();
  if (text.empty()) {
    state.SkipWithError("the seed document or the corrected sample is missing");
    return;
  }
  std::size_t statements = 0;
  for (auto _ : state) {
    auto read =
        fisc::read_narrative(text, {.file = "large.txt", .year = 2020, .kind = std::nullopt});
    statements = read ? read->report.statements.size() : 0;
    benchmark::DoNotOptimize(read);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(text.size()));
  state.counters["statements"] = static_cast<double>(statements);
  state.counters["statements/s"] = benchmark::Counter(
      static_cast<double>(statements), benchmark::Counter::kIsIterationInvariantRate);
}

}  // namespace

void register_narrative_benchmarks() {
  static_cast<void>(large_text());  // built before any timing
  benchmark::RegisterBenchmark("read_narrative/8MiB", read_narrative_bench)
      ->Unit(benchmark::kMillisecond);
}

}  // namespace fisc_bench
