// SPDX-License-Identifier: BSL-1.0
// Compile-time tests: the value types are constexpr, so their arithmetic and rounding are
// checked by the compiler. A wrong result here fails the build.
#include <doctest/doctest.h>

#include "fisc/numbers/allocate.hpp"
#include "fisc/numbers/decimal.hpp"
#include "fisc/numbers/interval.hpp"
#include "fisc/numbers/money.hpp"
#include "fisc/numbers/percent.hpp"
#include "fisc/numbers/stated.hpp"
#include "fisc/numbers/unit.hpp"

namespace {

using fisc::Context;
using fisc::Decimal;
using fisc::Interval;
using fisc::Money;
using fisc::Percent;
using fisc::Rounding;
using fisc::Unit;

constexpr Money fen(std::int64_t n) { return Money::from_fen(n); }

// Rounding modes on the 分.
static_assert(divide(fen(25), 10, Rounding::half_up) == fen(3));
static_assert(divide(fen(25), 10, Rounding::half_even) == fen(2));
static_assert(divide(fen(35), 10, Rounding::half_even) == fen(4));
static_assert(divide(fen(25), 10, Rounding::half_down) == fen(2));
static_assert(divide(fen(21), 10, Rounding::up) == fen(3));
static_assert(divide(fen(29), 10, Rounding::down) == fen(2));
static_assert(divide(fen(-21), 10, Rounding::ceiling) == fen(-2));
static_assert(divide(fen(-21), 10, Rounding::floor) == fen(-3));

// Money arithmetic and its bounds.
static_assert(fen(5) + fen(7) == fen(12));
static_assert(fen(5) - fen(7) == fen(-2));
static_assert(fen(5) * 3 == fen(15));
static_assert(-Money::max() == Money::min());
static_assert(!fisc::try_add(Money::max(), fen(1)).has_value());
static_assert(!fisc::try_subtract(Money::min(), fen(1)).has_value());
static_assert(!fisc::try_multiply(Money::max(), 2).has_value());
static_assert(multiply(fen(575105400), Decimal(8510, -4), Rounding::half_up) == fen(489414695));

// Decimal: exponents kept, values compared.
static_assert(Decimal(120, -2) == Decimal(12, -1));
static_assert(!identical(Decimal(120, -2), Decimal(12, -1)));
static_assert(identical(Decimal(95084, -2) + Decimal(5, -3), Decimal(950845, -3)));
static_assert(identical(round_to(Decimal(11645, -3), 2, Rounding::half_up), Decimal(1165, -2)));
static_assert(identical(round_to(Decimal(11645, -3), 2, Rounding::half_even), Decimal(1164, -2)));
static_assert(identical(divide(Decimal(1), Decimal(3), Context{9, Rounding::half_up}),
                        Decimal(333333333, -9)));
static_assert(!fisc::try_add(Decimal(Decimal::max_coefficient, 0), Decimal(1, -1)).has_value());

// Units.
static_assert(in_unit(fen(950841225), Unit::wan, 2, Rounding::half_up) == Decimal(95084, -2));
static_assert(to_money(Decimal(95084, -2), Unit::wan, Rounding::half_up) == fen(950840000));

// Rates; a zero base is an error value, not a division.
static_assert(fisc::share(fen(336), fen(395), 2, Rounding::half_up).value() ==
              Percent(Decimal(8506, -2)));
static_assert(fisc::change_rate(fen(95084), fen(107614), 2, Rounding::half_up).value() ==
              Percent(Decimal(-1164, -2)));
static_assert(fisc::share(fen(1), Money{}, 2, Rounding::half_up).error() ==
              fisc::ArithmeticErrc::zero_base);

// Intervals: 489.86 + 44.43 cannot be 534.27; 489.86 + 44.41 can.
constexpr Interval two_decimals(std::int64_t hundredths) {
  return Interval::half_open(Decimal(hundredths * 10 - 5, -3), Decimal(hundredths * 10 + 5, -3))
      .value();
}
static_assert(must_differ(two_decimals(53427), two_decimals(48986) + two_decimals(4443)));
static_assert(can_equal(two_decimals(53427), two_decimals(48986) + two_decimals(4441)));
static_assert(fisc::detail::mul_div(3, 5, 7).quotient == 2);
static_assert(fisc::detail::mul_div(3, 5, 7).remainder == 1);

}  // namespace

TEST_CASE("the compile-time checks of this file hold at run time too") {
  // The same identities, evaluated at run time, so that a constexpr-only code path cannot
  // hide a run-time difference.
  volatile std::int64_t n = 25;
  CHECK(divide(Money::from_fen(n), 10, Rounding::half_even) == Money::from_fen(2));
  CHECK(must_differ(two_decimals(53427), two_decimals(48986) + two_decimals(4443)));
  // Stated holds a std::string, which clang 14 with libstdc++ 12 cannot keep in a constant
  // expression, so its interval is checked here rather than by static_assert.
  CHECK(fisc::Stated{Decimal(95084, -2), Unit::wan, fisc::Reading::rounded, {}}.interval().lo() ==
        Decimal(950835, -3));
}
