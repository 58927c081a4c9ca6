// SPDX-License-Identifier: BSL-1.0
// libFuzzer target for the JSON report reader: every input is read as a report file. What it
// accepts must be written and read back to the same Report, written again to the same bytes, and
// make facts of every cell; what it refuses must say where, inside the input.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "fisc/accounts/report.hpp"
#include "fisc/io/report_json.hpp"

namespace {

void require(bool holds, const char* what, std::string_view input, const std::string& detail = {}) {
  if (holds) return;
  std::fprintf(stderr,
               "fisc_fuzz_report_json: invariant violated: %s\n%s\ninput (%zu bytes): ", what,
               detail.c_str(), input.size());
  for (const char c : input) std::fprintf(stderr, "%02X ", static_cast<unsigned char>(c));
  std::fputc('\n', stderr);
  std::abort();
}

void check_error(const fisc::LoadError& e, std::string_view input) {
  const std::string message = describe(e);
  require(e.file == "fuzz.report.json", "the error names the file", input, message);
  require(!e.message.empty(), "the error says what is wrong", input, message);
  const auto lines = static_cast<std::size_t>(std::count(input.begin(), input.end(), '\n')) + 1;
  require(e.line <= lines, "the error's line is in the input", input, message);
  require((e.line == 0) == (e.column == 0), "line and column are both known or both not", input,
          message);
  const std::string_view text = input.starts_with("\xEF\xBB\xBF") ? input.substr(3) : input;
  require(e.line != 0 || text.find_first_not_of(" \t\r\n") == std::string_view::npos,
          "only an empty input (after a byte order mark) has no place", input, message);
  require(e.column <= input.size() + 1, "the column is in the input", input, message);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // NOLINTNEXTLINE(cppcoreguidelines-pro-type-reinterpret-cast): libFuzzer's bytes as text
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const auto report = fisc::read_report_json(input, "fuzz.report.json");
  if (!report) {
    check_error(report.error(), input);
    return 0;
  }
  require(fisc::collect_facts(*report).errors.empty(), "every cell of a read report is a fact",
          input);
  const std::string written = fisc::write_report_json(*report);
  const auto again = fisc::read_report_json(written, "fuzz.report.json");
  require(again.has_value(), "a written report reads back", input,
          again ? std::string() : describe(again.error()) + "\n" + written);
  require(*again == *report, "write then read gives the same report", input, written);
  require(fisc::write_report_json(*again) == written, "writing is deterministic", input, written);
  return 0;
}
