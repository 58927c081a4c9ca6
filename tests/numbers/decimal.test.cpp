// SPDX-License-Identifier: BSL-1.0
#include "fisc/numbers/decimal.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <vector>

using fisc::ArithmeticErrc;
using fisc::ArithmeticError;
using fisc::Context;
using fisc::Decimal;
using fisc::Rounding;

TEST_CASE("Decimal keeps its exponent but compares by value") {
  CHECK(Decimal(120, -2) == Decimal(12, -1));
  CHECK_FALSE(identical(Decimal(120, -2), Decimal(12, -1)));
  CHECK(identical(Decimal(120, -2).normalized(), Decimal(12, -1)));
  CHECK(identical(Decimal(0, -5).normalized(), Decimal{}));
  CHECK(Decimal(95084, -2).decimals() == 2);
  CHECK(Decimal(12, 3).decimals() == 0);
  CHECK(Decimal(-7, 0).signum() == -1);
  CHECK(Decimal(95084, -2).adjusted_exponent() == 2);
}

TEST_CASE("Decimal ordering across exponents and signs") {
  CHECK(Decimal(1, 100) > Decimal(999'999'999'999'999'999, 0));
  CHECK(Decimal(-1, 100) < Decimal(-999'999'999'999'999'999, 0));
  CHECK(Decimal(1, -100) > Decimal{});
  CHECK(Decimal(-1, -100) < Decimal{});
  CHECK(Decimal(15, -1) < Decimal(16, -1));
  CHECK(Decimal(150, -2) < Decimal(16, -1));
  CHECK(Decimal(-150, -2) > Decimal(-16, -1));
  CHECK(Decimal(0, 5) == Decimal(0, -5));
}

TEST_CASE("Decimal construction refuses what it cannot hold") {
  CHECK_THROWS_AS(Decimal(1'000'000'000'000'000'000, 0), ArithmeticError);
  CHECK_THROWS_AS(Decimal(1, 1'000'000'000), ArithmeticError);
  CHECK_THROWS_AS(Decimal(1, -1'000'000'000), ArithmeticError);
  CHECK_THROWS_AS(Decimal(-1'000'000'000'000'000'000), ArithmeticError);
  CHECK_FALSE(Decimal::make(1, std::int64_t{Decimal::max_exponent} + 1).has_value());
  CHECK_FALSE(Decimal::make(1, std::int64_t{Decimal::min_exponent} - 1).has_value());
  CHECK(Decimal::make(-Decimal::max_coefficient, 0).has_value());
  CHECK(Decimal::make(Decimal::max_coefficient + 1, 0).error() == ArithmeticErrc::overflow);
}

TEST_CASE("exact addition aligns exponents and never rounds") {
  CHECK(identical(Decimal(95084, -2) + Decimal(5, -3), Decimal(950845, -3)));
  CHECK(identical(Decimal(1, 0) - Decimal(1, 0), Decimal(0, 0)));
  CHECK(identical(Decimal(0, -2) + Decimal(0, -5), Decimal(0, -5)));
  // 999…9 + 1 needs 19 digits but is exactly 1E+18.
  CHECK(Decimal(Decimal::max_coefficient, 0) + Decimal(1, 0) == Decimal(1, 18));
  // 999…9 + 0.1 has 19 significant digits: an overflow, not a rounding.
  const auto r = fisc::try_add(Decimal(Decimal::max_coefficient, 0), Decimal(1, -1));
  REQUIRE_FALSE(r.has_value());
  CHECK(r.error() == ArithmeticErrc::overflow);
  CHECK_THROWS_AS(Decimal(Decimal::max_coefficient, 0) + Decimal(1, -1), ArithmeticError);
  CHECK_FALSE(fisc::try_add(Decimal(1, 50), Decimal(1, -50)).has_value());
  // A zero operand keeps the sum exact however far the exponents are.
  CHECK(Decimal(0, -50) + Decimal(7, 50) == Decimal(7, 50));
}

namespace {

// The operands the 64-bit paths of try_add and the comparison are checked on: their edges (the
// largest coefficients, products just over 2^63, exponents 18 and 19 apart) and the ordinary.
std::vector<Decimal> edge_operands() {
  const std::vector<std::int64_t> coefficients{0,
                                               1,
                                               7,
                                               95084,
                                               922'337'203'685'477'580,
                                               922'337'203'685'477'581,
                                               100'000'000'000'000'000,
                                               Decimal::max_coefficient};
  const std::vector<std::int32_t> exponents{-20, -19, -18, -3, -2, -1, 0, 1, 18, 19};
  std::vector<Decimal> out;
  for (const std::int64_t c : coefficients) {
    for (const std::int32_t e : exponents) {
      out.emplace_back(c, e);
      if (c != 0) out.emplace_back(-c, e);
    }
  }
  return out;
}

// The sum as the 128-bit path alone computes it.
fisc::Result<Decimal> wide_add(Decimal a, Decimal b) {
  if (a.is_zero() && b.is_zero()) return Decimal::make(0, std::min(a.exponent(), b.exponent()));
  const auto s = fisc::detail::wide_sum(a, b, Decimal::max_digits);
  if (!s.exact) return fisc::unexpected(ArithmeticErrc::overflow);
  return Decimal::from_wide(s.coefficient, s.exponent);
}

// -1, 0 or 1 as a compares with b, by 128-bit arithmetic (the exponents at most 20 apart).
int wide_compare(Decimal a, Decimal b) {
  const std::int32_t e = std::min(a.exponent(), b.exponent());
  const auto at = [&](Decimal d) {
    return fisc::detail::int128{d.coefficient()} * fisc::detail::pow10(d.exponent() - e);
  };
  const auto x = at(a);
  const auto y = at(b);
  return x < y ? -1 : (x > y ? 1 : 0);
}

}  // namespace

TEST_CASE("the 64-bit paths of addition and comparison agree with the 128-bit ones") {
  const std::vector<Decimal> operands = edge_operands();
  std::size_t overflows = 0;
  for (const Decimal a : operands) {
    for (const Decimal b : operands) {
      CAPTURE(a.coefficient());
      CAPTURE(a.exponent());
      CAPTURE(b.coefficient());
      CAPTURE(b.exponent());
      const auto fast = fisc::try_add(a, b);
      const auto wide = wide_add(a, b);
      REQUIRE(fast.has_value() == wide.has_value());
      if (fast) {
        CHECK(identical(*fast, *wide));
      } else {
        ++overflows;
      }
      const std::int64_t apart = std::int64_t{a.exponent()} - b.exponent();
      if (apart <= 20 && apart >= -20) {
        const int expected = wide_compare(a, b);
        CHECK((a < b) == (expected < 0));
        CHECK((a == b) == (expected == 0));
        CHECK((a > b) == (expected > 0));
      }
    }
  }
  CHECK(overflows > 0);  // the edges reach the 128-bit path's refusals too
}

TEST_CASE("exact multiplication") {
  CHECK(identical(Decimal(120, -2) * Decimal(2, 0), Decimal(240, -2)));
  CHECK(identical(Decimal(-15, -1) * Decimal(-15, -1), Decimal(225, -2)));
  CHECK(Decimal(1'000'000'000, 0) * Decimal(1'000'000'000, 0) == Decimal(1, 18));
  CHECK_FALSE(fisc::try_multiply(Decimal(999'999'999'999, 0), Decimal(999'999'999, 0)).has_value());
  CHECK_FALSE(fisc::try_multiply(Decimal(1, Decimal::max_exponent), Decimal(1, 1)).has_value());
  Decimal d(3, 0);
  d *= Decimal(2, 0);
  d += Decimal(1, 0);
  d -= Decimal(5, -1);
  CHECK(d == Decimal(65, -1));
}

TEST_CASE("quantize rounds only when it removes digits") {
  CHECK(identical(fisc::quantize(Decimal(11645, -3), -2, Rounding::half_up), Decimal(1165, -2)));
  CHECK(identical(fisc::quantize(Decimal(11645, -3), -2, Rounding::half_even), Decimal(1164, -2)));
  CHECK(identical(fisc::quantize(Decimal(-11645, -3), -2, Rounding::half_up), Decimal(-1165, -2)));
  CHECK(identical(fisc::quantize(Decimal(-11641, -3), -2, Rounding::floor), Decimal(-1165, -2)));
  CHECK(identical(fisc::quantize(Decimal(125, -1), -2, Rounding::down), Decimal(1250, -2)));
  CHECK(identical(fisc::round_to(Decimal(5, -3), 2, Rounding::half_up), Decimal(1, -2)));
  CHECK(identical(fisc::round_to(Decimal(5, -3), 2, Rounding::half_down), Decimal(0, -2)));
  // Far below the last place: only the direction of the mode matters.
  CHECK(identical(fisc::quantize(Decimal(1, -60), 0, Rounding::up), Decimal(1, 0)));
  CHECK(identical(fisc::quantize(Decimal(1, -60), 0, Rounding::half_up), Decimal(0, 0)));
  CHECK(identical(fisc::quantize(Decimal(-1, -60), 0, Rounding::floor), Decimal(-1, 0)));
  // Adding zeros beyond 18 digits is an overflow.
  CHECK(fisc::try_quantize(Decimal(1, 0), -18, Rounding::half_up).error() ==
        ArithmeticErrc::overflow);
  CHECK(fisc::try_quantize(Decimal(1, 0), -17, Rounding::half_up).has_value());
  CHECK(fisc::try_quantize(Decimal(1, 0), std::int64_t{Decimal::max_exponent} + 1, Rounding::up)
            .error() == ArithmeticErrc::overflow);
  CHECK_THROWS_AS((void)fisc::round_to(Decimal(1, 0), 18, Rounding::half_up), ArithmeticError);
}

TEST_CASE("division to a fixed exponent") {
  CHECK(identical(fisc::divide(Decimal(336, -2), Decimal(395, -2), -4, Rounding::half_up),
                  Decimal(8506, -4)));
  CHECK(identical(fisc::divide(Decimal(2, 0), Decimal(3, 0), -2, Rounding::down), Decimal(66, -2)));
  CHECK(identical(fisc::divide(Decimal(-2, 0), Decimal(3, 0), -2, Rounding::floor),
                  Decimal(-67, -2)));
  CHECK(fisc::try_divide(Decimal(1, 0), Decimal(0, 0), -2, Rounding::half_up).error() ==
        ArithmeticErrc::division_by_zero);
  CHECK(identical(fisc::divide(Decimal(0, 0), Decimal(7, 0), -3, Rounding::up), Decimal(0, -3)));
  CHECK(fisc::try_divide(Decimal(1, 10), Decimal(1, -10), 0, Rounding::up).error() ==
        ArithmeticErrc::overflow);
  CHECK(identical(fisc::divide(Decimal(1, -30), Decimal(3, 20), 0, Rounding::up), Decimal(1, 0)));
  CHECK(identical(fisc::divide(Decimal(1, -30), Decimal(3, 20), 0, Rounding::half_up),
                  Decimal(0, 0)));
}

TEST_CASE("context operations round to a precision") {
  const Context nine{9, Rounding::half_up};
  CHECK(identical(fisc::divide(Decimal(1, 0), Decimal(3, 0), nine), Decimal(333333333, -9)));
  CHECK(identical(fisc::divide(Decimal(2, 0), Decimal(3, 0), nine), Decimal(666666667, -9)));
  CHECK(identical(fisc::divide(Decimal(6, 0), Decimal(2, 0), nine), Decimal(3, 0)));
  CHECK(identical(fisc::divide(Decimal(100, 0), Decimal(4, 0), nine), Decimal(25, 0)));
  CHECK(identical(*fisc::try_add(Decimal(1, 100), Decimal(1, -100), nine), Decimal(100000000, 92)));
  CHECK(identical(*fisc::try_add(Decimal(1, 100), Decimal(-1, -100), Context{9, Rounding::down}),
                  Decimal(999999999, 91)));
  CHECK(fisc::try_add(Decimal(1, 0), Decimal(1, 0), Context{0, Rounding::up}).error() ==
        ArithmeticErrc::invalid_argument);
  CHECK(fisc::try_divide(Decimal(1, 0), Decimal(1, 0), Context{19, Rounding::up}).error() ==
        ArithmeticErrc::invalid_argument);
  CHECK(fisc::try_divide(Decimal(1, 0), Decimal{}, nine).error() ==
        ArithmeticErrc::division_by_zero);
  CHECK(identical(*fisc::try_round(Decimal(123456, 0), Context{3, Rounding::half_even}),
                  Decimal(123, 3)));
  CHECK(identical(*fisc::try_round(Decimal(999999, 0), Context{3, Rounding::half_up}),
                  Decimal(100, 4)));
}

TEST_CASE("abs and negation") {
  CHECK(identical(fisc::abs(Decimal(-125, -1)), Decimal(125, -1)));
  CHECK(identical(-Decimal(125, -1), Decimal(-125, -1)));
  CHECK(identical(+Decimal(125, -1), Decimal(125, -1)));
  CHECK(identical(-Decimal(-Decimal::max_coefficient, 0), Decimal(Decimal::max_coefficient, 0)));
}
