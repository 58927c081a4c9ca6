// SPDX-License-Identifier: BSL-1.0
//
// fisc_bench: Google Benchmark's usual command line, plus, on the console, a table of ratios
// (time of each alternative ÷ time of fisc) after the run. The ratios are printed, never checked:
// a benchmark reports timings, it does not assert them.

#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include <algorithm>
#include <iostream>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "batch.bench.hpp"
#include "narrative.bench.hpp"
#include "numbers.bench.hpp"
#include "published.bench.hpp"

namespace {

/// The console reporter, remembering ns/op of each `<operation>/<implementation>` (the median when
/// the run has repetitions, else the single run) to print the ratios at the end.
class RatioReporter : public benchmark::ConsoleReporter {
 public:
  RatioReporter() : benchmark::ConsoleReporter(OO_Tabular) {}

  void ReportRuns(const std::vector<Run>& runs) override {
    ConsoleReporter::ReportRuns(runs);
    for (const Run& run : runs) {
      if (run.error_occurred) continue;
      const auto per_op = run.counters.find("time/op");
      if (per_op == run.counters.end()) continue;
      // Without repetitions there is one run per benchmark; with them, the median wins.
      const int rank = run.run_type == Run::RT_Iteration ? 0
                       : run.aggregate_name == "median"  ? 2
                       : run.aggregate_name == "mean"    ? 1
                                                         : -1;
      if (rank < 0) continue;
      const std::string& name = run.run_name.function_name;
      const auto slash = name.find('/');
      if (slash == std::string::npos) continue;
      const std::string operation = name.substr(0, slash);
      const std::string implementation = name.substr(slash + 1);
      if (!timings_.contains(operation)) operations_.push_back(operation);
      Timing& t = timings_[operation][implementation];
      if (rank >= t.rank) t = {per_op->second.value * 1e9, rank};
      if (std::find(implementations_.begin(), implementations_.end(), implementation) ==
          implementations_.end()) {
        implementations_.push_back(implementation);
      }
    }
  }

  void Finalize() override {
    ConsoleReporter::Finalize();
    std::ostream& out = GetOutputStream();
    out << "\nns/op (the median, when repeated), and how many times longer each alternative "
           "takes:\n";
    out << fmt::format("{:<22}", "operation");
    for (const std::string& impl : implementations_) out << fmt::format(" {:>18}", impl);
    for (const std::string& impl : implementations_) {
      if (impl != "fisc") out << fmt::format(" {:>18}", impl + "/fisc");
    }
    out << '\n';
    for (const std::string& op : operations_) {
      const auto& row = timings_[op];
      out << fmt::format("{:<22}", op);
      for (const std::string& impl : implementations_) {
        const auto t = row.find(impl);
        out << (t == row.end() ? fmt::format(" {:>18}", "-")
                               : fmt::format(" {:>18.2f}", t->second.ns));
      }
      const auto fisc = row.find("fisc");
      for (const std::string& impl : implementations_) {
        if (impl == "fisc") continue;
        const auto t = row.find(impl);
        const bool both = t != row.end() && fisc != row.end() && fisc->second.ns > 0;
        out << (both ? fmt::format(" {:>17.2f}x", t->second.ns / fisc->second.ns)
                     : fmt::format(" {:>18}", "-"));
      }
      out << '\n';
    }
  }

 private:
  struct Timing {
    double ns = 0;
    int rank = -1;
  };
  std::vector<std::string> operations_;
  std::vector<std::string> implementations_;
  std::map<std::string, std::map<std::string, Timing>> timings_;
};

/// The ratio table only makes sense on the console; other formats get Google Benchmark's reporter.
bool console_format(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg.starts_with("--benchmark_format=") && arg != "--benchmark_format=console") return false;
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  const bool console = console_format(argc, argv);
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;

  const int disagreements = fisc_bench::check_agreement(std::cerr);
  fisc_bench::register_number_benchmarks();
  fisc_bench::register_narrative_benchmarks();
  fisc_bench::register_published_benchmarks();
  fisc_bench::register_batch_benchmarks();
  if (console) {
    RatioReporter reporter;
    benchmark::RunSpecifiedBenchmarks(&reporter);
  } else {
    benchmark::RunSpecifiedBenchmarks();
  }
  benchmark::Shutdown();
  return disagreements == 0 ? 0 : 1;
}
