// SPDX-License-Identifier: BSL-1.0
// libFuzzer target for the CSV table reader: every input is read as the CSV export of a 支出决算表
// (fixed options). A table it accepts must make a fact of every cell and survive the JSON report
// format unchanged; what it refuses must say where, inside the input.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "fisc/accounts/report.hpp"
#include "fisc/io/report_json.hpp"
#include "fisc/io/table_csv.hpp"

namespace {

void require(bool holds, const char* what, std::string_view input, const std::string& detail = {}) {
  if (holds) return;
  std::fprintf(stderr, "fisc_fuzz_table_csv: invariant violated: %s\n%s\ninput (%zu bytes): ", what,
               detail.c_str(), input.size());
  for (const char c : input) std::fprintf(stderr, "%02X ", static_cast<unsigned char>(c));
  std::fputc('\n', stderr);
  std::abort();
}

const fisc::TableCsvOptions& options() {
  static const fisc::TableCsvOptions o = [] {
    fisc::TableCsvOptions x;
    x.role = fisc::TableRole::expenditure;
    x.title = "支出决算表";
    x.unit = fisc::Unit::wan;
    x.year = 2020;
    x.dims.set("fund", "general_budget");
    x.default_concept = "expenditure.total";
    return x;
  }();
  return o;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // NOLINTNEXTLINE(cppcoreguidelines-pro-type-reinterpret-cast): libFuzzer's bytes as text
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const auto table = fisc::read_table_csv(input, "fuzz.csv", options());
  if (!table) {
    const fisc::LoadError& e = table.error();
    const std::string message = describe(e);
    require(e.file == "fuzz.csv" && !e.message.empty(), "the error names file and problem", input,
            message);
    const auto lines = static_cast<std::size_t>(std::count(input.begin(), input.end(), '\n')) + 1;
    require(e.line <= lines && e.column <= input.size() + 1, "the place is in the input", input,
            message);
    return 0;
  }
  fisc::Report report;
  report.year = 2020;
  report.department.name = "fuzz";
  report.file = "fuzz.report.json";
  report.tables.push_back(*table);
  require(fisc::collect_facts(report).errors.empty(), "every cell is a fact", input);
  const std::string written = fisc::write_report_json(report);
  const auto again = fisc::read_report_json(written, "fuzz.report.json");
  require(again.has_value(), "the table as a report file reads back", input,
          again ? std::string() : describe(again.error()) + "\n" + written);
  require(*again == report, "the table survives the report format", input, written);
  return 0;
}
