// SPDX-License-Identifier: BSL-1.0
// Built against an installed fisc by the package test (tests/package/CMakeLists.txt).
#include <fmt/core.h>

#include <fisc/numbers/money.hpp>
#include <fisc/version.hpp>
#include <string_view>

// The JSON reader links libfisc's compiled dependencies (Boost.JSON): calling it proves that
// the package passes them on to a consumer of a static libfisc.
#if __has_include(<fisc/io/report_json.hpp>)
#include <fisc/io/report_json.hpp>
#define FISC_CONSUMER_READS_JSON 1
#else
#define FISC_CONSUMER_READS_JSON 0
#endif

int main() {
  if (fisc::version() != std::string_view(FISC_EXPECTED_VERSION)) {
    fmt::print(stderr, "fisc::version() is {}, the package says {}\n", fisc::version(),
               FISC_EXPECTED_VERSION);
    return 1;
  }
  // 人员经费 489.86 万元 + 公用经费 44.43 万元, in 分.
  const fisc::Money personnel = fisc::Money::from_fen(489'860'000);
  const fisc::Money public_expense = fisc::Money::from_fen(44'430'000);
  const fisc::Money basic = personnel + public_expense;
  if (basic.fen() != 534'290'000) {
    fmt::print(stderr, "489.86 + 44.43 gave {} fen\n", basic.fen());
    return 1;
  }
  fmt::print("fisc {}: 489.86 + 44.43 = {} fen\n", fisc::version(), basic.fen());
#if FISC_CONSUMER_READS_JSON
  const auto report = fisc::read_report_json("{}", "empty.json");
  fmt::print("an empty JSON object {} a report\n", report ? "is" : "is not");
#endif
  return 0;
}
