// SPDX-License-Identifier: BSL-1.0
#include "fisc/numbers/percent.hpp"

#include <doctest/doctest.h>

using fisc::ArithmeticErrc;
using fisc::ArithmeticError;
using fisc::Decimal;
using fisc::Money;
using fisc::Percent;
using fisc::Rounding;

namespace {
Money wan(std::int64_t hundredths) { return Money::from_fen(hundredths * 10000); }
Percent pct(std::int64_t c, std::int32_t e) { return Percent(Decimal(c, e)); }
}  // namespace

TEST_CASE("shares as the seed's 三公 table states them") {
  // 3.36 of 3.95 万元 is 85.06% exactly computed; the document's 85.10% is judged by intervals.
  CHECK(*fisc::share(wan(336), wan(395), 2, Rounding::half_up) == pct(8506, -2));
  CHECK(*fisc::share(wan(59), wan(395), 2, Rounding::half_up) == pct(1494, -2));
  CHECK(fisc::share(wan(59), wan(395), 2, Rounding::half_up)->decimals() == 2);
  CHECK(*fisc::share(wan(1), wan(3), 0, Rounding::half_up) == pct(33, 0));
  CHECK(*fisc::share(wan(2), wan(3), 1, Rounding::down) == pct(666, -1));
  CHECK(*fisc::share(wan(-2), wan(3), 1, Rounding::floor) == pct(-667, -1));
  CHECK(*fisc::share(Money{}, wan(3), 2, Rounding::up) == pct(0, -2));
}

TEST_CASE("a zero base is reported, never divided") {
  CHECK(fisc::share(wan(1), Money{}, 2, Rounding::half_up).error() == ArithmeticErrc::zero_base);
  CHECK(fisc::change_rate(wan(1), Money{}, 2, Rounding::half_up).error() ==
        ArithmeticErrc::zero_base);
  CHECK(fisc::completion_rate(wan(1), Money{}, 2, Rounding::half_up).error() ==
        ArithmeticErrc::zero_base);
  CHECK(fisc::share(Decimal(1, 0), Decimal(0, -2), 2, Rounding::half_up).error() ==
        ArithmeticErrc::zero_base);
  CHECK(fisc::change_rate(Decimal(1, 0), Decimal(0, 0), 2, Rounding::half_up).error() ==
        ArithmeticErrc::zero_base);
}

TEST_CASE("change and change rate") {
  // 950.84 against 1076.14 万元: −125.30, −11.64%.
  CHECK(*fisc::change(wan(95084), wan(107614)) == wan(-12530));
  CHECK(*fisc::change_rate(wan(95084), wan(107614), 2, Rounding::half_up) == pct(-1164, -2));
  CHECK(*fisc::change_rate(wan(95084), wan(107284), 2, Rounding::half_up) == pct(-1137, -2));
  // A negative prior: the sign still says the direction.
  CHECK(*fisc::change_rate(wan(-50), wan(-100), 0, Rounding::half_up) == pct(50, 0));
  CHECK(*fisc::change_rate(Decimal(44, 0), Decimal(40, 0), 1, Rounding::half_up) == pct(100, -1));
  CHECK(fisc::change(Money::max(), Money::from_fen(-1)).error() == ArithmeticErrc::overflow);
  CHECK(fisc::change_rate(Decimal(Decimal::max_coefficient, 0), Decimal(-1, -1), 2, Rounding::up)
            .error() == ArithmeticErrc::overflow);
}

TEST_CASE("completion rate") {
  CHECK(*fisc::completion_rate(wan(395), wan(660), 2, Rounding::half_up) == pct(5985, -2));
  CHECK(*fisc::completion_rate(wan(660), wan(660), 0, Rounding::half_up) == pct(100, 0));
}

TEST_CASE("rates: argument and overflow errors") {
  CHECK(fisc::share(wan(1), wan(3), -1, Rounding::up).error() == ArithmeticErrc::invalid_argument);
  CHECK(fisc::share(wan(1), wan(3), 19, Rounding::up).error() == ArithmeticErrc::invalid_argument);
  CHECK(fisc::share(Money::max(), Money::from_fen(1), 2, Rounding::up).error() ==
        ArithmeticErrc::overflow);
  CHECK(fisc::share(Money::max(), Money::max(), 18, Rounding::up).error() ==
        ArithmeticErrc::overflow);
  // Tiny part of a huge whole: only the mode's direction decides.
  CHECK(*fisc::share(Decimal(1, -40), Decimal(1, 0), 2, Rounding::up) == pct(1, -2));
  CHECK(*fisc::share(Decimal(1, -40), Decimal(1, 0), 2, Rounding::half_up) == pct(0, -2));
}

TEST_CASE("percent arithmetic, order and fraction") {
  CHECK(pct(8510, -2) + pct(1490, -2) == pct(100, 0));
  CHECK(pct(100, 0) - pct(1490, -2) == pct(8510, -2));
  CHECK(-pct(5, 0) < pct(0, 0));
  CHECK(identical(*pct(1164, -2).try_fraction(), Decimal(1164, -4)));
  CHECK(pct(1164, -2).points() == Decimal(1164, -2));
  CHECK(fisc::try_add(pct(Decimal::max_coefficient, 0), pct(1, -1)).error() ==
        ArithmeticErrc::overflow);
  CHECK(fisc::try_subtract(pct(Decimal::max_coefficient, 0), pct(-1, -1)).error() ==
        ArithmeticErrc::overflow);
  CHECK_THROWS_AS(pct(Decimal::max_coefficient, 0) + pct(1, -1), ArithmeticError);
  CHECK(pct(1, Decimal::min_exponent).try_fraction().error() == ArithmeticErrc::overflow);
}

TEST_CASE("applying a percentage to an amount") {
  CHECK(*fisc::try_apply(wan(395), pct(8510, -2), Rounding::half_up) == Money::from_fen(3361450));
  CHECK(*fisc::try_apply(Money::from_fen(3), pct(50, 0), Rounding::half_even) ==
        Money::from_fen(2));
}
