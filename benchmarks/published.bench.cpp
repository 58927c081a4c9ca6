// SPDX-License-Identifier: BSL-1.0
// Published PDFs read and checked, on two real documents of ../shared/corpus: a 2025 部门预算
// (26 pages) and a 2024 部门决算 (23 pages). Three stages, each timed on its own:
// `load_pdf` (poppler's text layer: words with their boxes, and text in reading order),
// `read_published` on the document loaded (tables by position, and the running text), and the
// path of `fisc check` on a .pdf (load_published_pdf, then the built-in rules on the report).
// Reported per document, with pages per second and time per page beside it (the goal of the
// issue: a 30-page document read and checked in well under a second); nothing is asserted.
#include "published.bench.hpp"

#include <benchmark/benchmark.h>

#include <array>
#include <cstddef>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>

#include "fisc/pdf/document.hpp"
#include "fisc/pdf/published.hpp"
#include "fisc/rules/builtin.hpp"
#include "fisc/rules/pack.hpp"
#include "fisc/rules/subject.hpp"

namespace fisc_bench {

namespace {

struct Document {
  std::string_view name;  ///< in the benchmark's name
  std::string_view file;  ///< in ../shared/corpus
};

constexpr std::array<Document, 2> documents{{
    {"budget_commerce_department", "shanghai-putuo-2025-budget-commerce-department.pdf"},
    {"final_finance_bureau", "shanghai-putuo-2024-final-finance-bureau.pdf"},
}};

std::filesystem::path path_of(const Document& d) {
  return std::filesystem::path(FISC_SHARED_DIR) / "corpus" / d.file;
}

/// The document loaded once, outside any timing; nothing when it is missing or unreadable.
const fisc::PdfDocument* loaded(const Document& d) {
  static std::map<std::string_view, tl::expected<fisc::PdfDocument, fisc::LoadError>> cache;
  auto it = cache.find(d.name);
  if (it == cache.end()) it = cache.emplace(d.name, fisc::load_pdf(path_of(d))).first;
  return it->second ? &*it->second : nullptr;
}

/// Pages per second, and seconds per page (Google Benchmark prints 12.3m for 12.3 ms).
void count_pages(benchmark::State& state, std::size_t pages) {
  const auto n = static_cast<double>(pages);
  state.counters["pages"] = n;
  state.counters["pages/s"] = benchmark::Counter(n, benchmark::Counter::kIsIterationInvariantRate);
  state.counters["s/page"] = benchmark::Counter(
      n, benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
}

void load_pdf_bench(benchmark::State& state, const Document& d) {
  const fisc::PdfDocument* pdf = loaded(d);
  if (pdf == nullptr) {
    state.SkipWithError(("cannot read " + path_of(d).string()).c_str());
    return;
  }
  for (auto _ : state) {
    auto read = fisc::load_pdf(path_of(d));
    benchmark::DoNotOptimize(read);
  }
  count_pages(state, pdf->pages.size());
}

void read_published_bench(benchmark::State& state, const Document& d) {
  const fisc::PdfDocument* pdf = loaded(d);
  if (pdf == nullptr) {
    state.SkipWithError(("cannot read " + path_of(d).string()).c_str());
    return;
  }
  const fisc::PublishedOptions options{.file = std::string(d.file), .year = {}, .kind = {}};
  std::size_t tables = 0;
  std::size_t statements = 0;
  for (auto _ : state) {
    auto read = fisc::read_published(*pdf, options);
    tables = read.report.tables.size();
    statements = read.report.statements.size();
    benchmark::DoNotOptimize(read);
  }
  count_pages(state, pdf->pages.size());
  state.counters["tables"] = static_cast<double>(tables);
  state.counters["statements"] = static_cast<double>(statements);
}

/// What `fisc check FILE.pdf` does for one file, short of printing: the pack is built once, as the
/// command builds it once for all its inputs.
void check_bench(benchmark::State& state, const Document& d) {
  const fisc::PdfDocument* pdf = loaded(d);
  if (pdf == nullptr) {
    state.SkipWithError(("cannot read " + path_of(d).string()).c_str());
    return;
  }
  const fisc::Pack pack = fisc::builtin_pack();
  std::size_t findings = 0;
  std::size_t cell_errors = 0;
  for (auto _ : state) {
    const auto read = fisc::load_published_pdf(path_of(d));
    if (!read) {
      state.SkipWithError(("cannot read " + path_of(d).string()).c_str());
      return;
    }
    const fisc::Subject subject(read->report);
    // fisc check names the cells it cannot read and checks nothing then.
    cell_errors = subject.errors().size();
    if (cell_errors != 0) continue;
    auto found = fisc::run(pack, subject);
    findings = found.findings.size();
    benchmark::DoNotOptimize(found);
  }
  count_pages(state, pdf->pages.size());
  state.counters["findings"] = static_cast<double>(findings);
  state.counters["cell_errors"] = static_cast<double>(cell_errors);
}

}  // namespace

void register_published_benchmarks() {
  for (const Document& d : documents) {
    static_cast<void>(loaded(d));  // read before any timing
    const std::string name(d.name);
    benchmark::RegisterBenchmark(("Published/load_pdf/" + name).c_str(), load_pdf_bench, d)
        ->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark(("Published/read_published/" + name).c_str(), read_published_bench,
                                 d)
        ->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark(("Published/check/" + name).c_str(), check_bench, d)
        ->Unit(benchmark::kMillisecond);
  }
}

}  // namespace fisc_bench
