// SPDX-License-Identifier: BSL-1.0
// Guards for the lines of decimal.hpp changed alongside the decTest driver (tests/dectest), which
// checks the context operations against the General Decimal Arithmetic testcases.
#include "fisc/numbers/decimal.hpp"

#include <doctest/doctest.h>

using fisc::Decimal;
using fisc::Rounding;

// Values whose adjusted exponents differ are ordered by them, reversed for negative values.
static_assert(Decimal(-1, 2) < Decimal(-5, 0));    // -100 < -5
static_assert(Decimal(-5, 0) > Decimal(-99, 1));   // -5 > -990
static_assert(Decimal(1, 2) > Decimal(99, -1));    // 100 > 9.9
static_assert(Decimal(-1, -9) > Decimal(-1, -2));  // -0.000000001 > -0.01

TEST_CASE("Decimal compares negative values across adjusted exponents") {
  CHECK(Decimal(-1, 2) < Decimal(-5, 0));
  CHECK(Decimal(-5, 0) > Decimal(-1, 2));
  CHECK(Decimal(-123, 5) < Decimal(-999'999'999'999'999'999, -18));
  CHECK(Decimal(-1, -9) > Decimal(-1, -2));
}

TEST_CASE("divide to an exponent far above the quotient rounds on its sign alone") {
  // |a / b| is below 10^-38 units of the result: the branch that keeps only the quotient's sign.
  const Decimal a(1, -40);
  const Decimal b(7, 0);
  CHECK(identical(divide(a, b, 0, Rounding::up), Decimal(1, 0)));
  CHECK(identical(divide(-a, b, 0, Rounding::up), Decimal(-1, 0)));
  CHECK(identical(divide(a, -b, 0, Rounding::floor), Decimal(-1, 0)));
  CHECK(identical(divide(-a, -b, 0, Rounding::ceiling), Decimal(1, 0)));
  CHECK(identical(divide(a, b, 0, Rounding::half_up), Decimal(0, 0)));
  CHECK(identical(divide(-a, b, 0, Rounding::down), Decimal(0, 0)));
}
