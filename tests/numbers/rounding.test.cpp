// SPDX-License-Identifier: BSL-1.0
#include "fisc/numbers/rounding.hpp"

#include <doctest/doctest.h>

#include <array>
#include <cstdint>

namespace {

using fisc::Rounding;
using fisc::detail::divide_rounded;

// n / 10 rounded, for a table of n around every rounding edge.
std::int64_t tenth(std::int64_t n, Rounding mode) {
  return static_cast<std::int64_t>(divide_rounded(n, 10, mode));
}

}  // namespace

TEST_CASE("every rounding mode at every edge of a quotient") {
  struct Row {
    std::int64_t n;
    std::array<std::int64_t, 7>
        expected;  // half_up, half_even, half_down, up, down, ceiling, floor
  };
  const std::array<Row, 12> rows{{
      {25, {3, 2, 2, 3, 2, 3, 2}},
      {35, {4, 4, 3, 4, 3, 4, 3}},
      {24, {2, 2, 2, 3, 2, 3, 2}},
      {26, {3, 3, 3, 3, 2, 3, 2}},
      {20, {2, 2, 2, 2, 2, 2, 2}},
      {-25, {-3, -2, -2, -3, -2, -2, -3}},
      {-35, {-4, -4, -3, -4, -3, -3, -4}},
      {-24, {-2, -2, -2, -3, -2, -2, -3}},
      {-26, {-3, -3, -3, -3, -2, -2, -3}},
      {5, {1, 0, 0, 1, 0, 1, 0}},
      {-5, {-1, 0, 0, -1, 0, 0, -1}},
      {0, {0, 0, 0, 0, 0, 0, 0}},
  }};
  for (const Row& row : rows) {
    for (std::size_t m = 0; m < fisc::all_roundings.size(); ++m) {
      CAPTURE(row.n);
      CAPTURE(fisc::to_string(fisc::all_roundings[m]));
      CHECK(tenth(row.n, fisc::all_roundings[m]) == row.expected[m]);
    }
  }
}

TEST_CASE("rounding with a negative divisor follows the sign of the quotient") {
  CHECK(divide_rounded(25, -10, Rounding::half_up) == -3);
  CHECK(divide_rounded(25, -10, Rounding::ceiling) == -2);
  CHECK(divide_rounded(25, -10, Rounding::floor) == -3);
  CHECK(divide_rounded(-25, -10, Rounding::half_even) == 2);
}

TEST_CASE("half is detected exactly for divisors near the 128-bit limit") {
  const auto big = fisc::detail::pow10(38);
  CHECK(divide_rounded(big / 2, big, Rounding::half_up) == 1);
  CHECK(divide_rounded(big / 2, big, Rounding::half_down) == 0);
  CHECK(divide_rounded(big / 2 - 1, big, Rounding::half_up) == 0);
  CHECK(divide_rounded(big / 2 + 1, big, Rounding::half_down) == 1);
}

TEST_CASE("rounding names round-trip and unknown names are refused") {
  for (Rounding r : fisc::all_roundings) {
    CHECK(fisc::rounding_from_string(fisc::to_string(r)) == r);
  }
  CHECK_FALSE(fisc::rounding_from_string("05up").has_value());
  CHECK_FALSE(fisc::rounding_from_string("").has_value());
  CHECK(fisc::rounding_policy::published == Rounding::half_up);
  CHECK(fisc::rounding_policy::truncated == Rounding::down);
}

TEST_CASE("digits10 and pow10") {
  CHECK(fisc::detail::digits10(0) == 1);
  CHECK(fisc::detail::digits10(9) == 1);
  CHECK(fisc::detail::digits10(10) == 2);
  CHECK(fisc::detail::digits10(-999) == 3);
  CHECK(fisc::detail::digits10(fisc::detail::pow10(38)) == 39);
  CHECK(fisc::detail::digits10(fisc::detail::pow10(38) - 1) == 38);
}
