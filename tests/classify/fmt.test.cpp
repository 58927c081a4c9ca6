// SPDX-License-Identifier: BSL-1.0
#include "fisc/classify/fmt.hpp"

#include <doctest/doctest.h>

#include <string>

#include <fmt/format.h>

// Both layers' formatters in one translation unit.
#include "fisc/numbers/fmt.hpp"

using fisc::EconomicCode;
using fisc::FunctionCode;

TEST_CASE("classify fmt: codes with and without separators") {
  CHECK(fmt::format("{}", FunctionCode{2013201}) == "2013201");
  CHECK(fmt::format("{: }", FunctionCode{2013201}) == "201 32 01");
  CHECK(fmt::format("{:-}", FunctionCode{20132}) == "201-32");
  CHECK(fmt::format("{:|}", FunctionCode{2010601}) == "201|06|01");
  CHECK(fmt::format("{}", EconomicCode{30101}) == "30101");
  CHECK(fmt::format("{:-}", EconomicCode{30101}) == "301-01");
  CHECK_THROWS_AS((void)fmt::format(fmt::runtime("{:x}"), FunctionCode{201}), fmt::format_error);
}

TEST_CASE("classify fmt: code levels, year ranges and errors") {
  CHECK(fmt::format("{}", fisc::CodeLevel::section) == "section");
  CHECK(fmt::format("{}", fisc::EconomicScheme::department) == "department");
  CHECK(fmt::format("{}", fisc::CodeErrc::bad_separator) == "bad separator");
  CHECK(fmt::format("{}", fisc::CatalogueErrc::bad_year) == "bad year");
  CHECK(fmt::format("{}", fisc::CodeIssueKind::unknown_code) == "unknown code");
  CHECK(fmt::format("[{}]", fisc::YearRange::all()) == "[]");
  CHECK(fmt::format("{}", fisc::YearRange::between(2020, 2024)) == "2020-2024");
  CHECK(fmt::format("{}", fisc::CodeError{fisc::CodeErrc::zero_group, 3, 4}) ==
        "section or item 00 at column 4 (byte 3)");
  const fisc::CatalogueError e{fisc::CatalogueErrc::bad_code, "a.csv", 2, 1, 10, "expected a code"};
  CHECK(fmt::format("{}", e) == "a.csv:2:1: bad code: expected a code");
}
