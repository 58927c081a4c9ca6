// SPDX-License-Identifier: BSL-1.0
#include "fisc/numbers/unit.hpp"

#include <doctest/doctest.h>

using fisc::ArithmeticErrc;
using fisc::ArithmeticError;
using fisc::Decimal;
using fisc::Money;
using fisc::Rounding;
using fisc::Unit;

TEST_CASE("units: names, symbols and scale") {
  CHECK(fisc::symbol(Unit::wan) == "万元");
  CHECK(fisc::symbol(Unit::yuan) == "元");
  CHECK(fisc::symbol(Unit::yi) == "亿元");
  CHECK(fisc::symbol(Unit::percent) == "%");
  CHECK(fisc::symbol(Unit::none).empty());
  for (Unit u : {Unit::none, Unit::yuan, Unit::wan, Unit::yi, Unit::percent}) {
    CHECK(fisc::unit_from_string(fisc::to_string(u)) == u);
  }
  CHECK_FALSE(fisc::unit_from_string("万元").has_value());
  CHECK(fisc::fen_exponent(Unit::yuan) == 2);
  CHECK(fisc::fen_exponent(Unit::wan) == 6);
  CHECK(fisc::fen_exponent(Unit::yi) == 10);
  CHECK_FALSE(fisc::fen_exponent(Unit::percent).has_value());
  CHECK(fisc::is_money(Unit::wan));
  CHECK_FALSE(fisc::is_money(Unit::percent));
  CHECK_FALSE(fisc::is_money(Unit::none));
}

TEST_CASE("Money in a unit: exact, or rounded by the named mode") {
  const Money m = Money::from_fen(950841225);  // 9,508,412.25 元
  CHECK(identical(fisc::in_unit(m, Unit::wan), Decimal(950841225, -6)));
  CHECK(identical(fisc::in_unit(m, Unit::yuan), Decimal(950841225, -2)));
  CHECK(identical(fisc::in_unit(m, Unit::yi), Decimal(950841225, -10)));
  CHECK(identical(fisc::in_unit(m, Unit::wan, 2, Rounding::half_up), Decimal(95084, -2)));
  CHECK(identical(fisc::in_unit(Money::from_fen(950845000), Unit::wan, 2, Rounding::half_up),
                  Decimal(95085, -2)));
  CHECK(identical(fisc::in_unit(Money::from_fen(950845000), Unit::wan, 2, Rounding::half_even),
                  Decimal(95084, -2)));
  CHECK(identical(fisc::in_unit(Money::from_fen(-950845000), Unit::wan, 2, Rounding::half_up),
                  Decimal(-95085, -2)));
  CHECK(fisc::try_in_unit(m, Unit::percent).error() == ArithmeticErrc::invalid_argument);
  CHECK(fisc::try_in_unit(m, Unit::none, 2, Rounding::up).error() ==
        ArithmeticErrc::invalid_argument);
  CHECK(fisc::try_in_unit(Money::max(), Unit::yuan).error() == ArithmeticErrc::overflow);
  CHECK_THROWS_AS((void)fisc::in_unit(m, Unit::percent), ArithmeticError);
}

TEST_CASE("a figure in a unit to Money") {
  CHECK(fisc::to_money(Decimal(95084, -2), Unit::wan, Rounding::half_up) ==
        Money::from_fen(950840000));
  CHECK(fisc::to_money(Decimal(395, -2), Unit::wan, Rounding::half_up) == Money::from_fen(3950000));
  CHECK(fisc::to_money(Decimal(12, -1), Unit::yi, Rounding::half_up) ==
        Money::from_fen(12000000000));
  CHECK(fisc::to_money(Decimal(5, -7), Unit::wan, Rounding::half_up) == Money::from_fen(1));
  CHECK(fisc::to_money(Decimal(5, -7), Unit::wan, Rounding::down).is_zero());
  CHECK(fisc::to_money(Decimal(-5, -7), Unit::wan, Rounding::floor) == Money::from_fen(-1));
  CHECK(fisc::to_money(Decimal(1, -80), Unit::yuan, Rounding::up) == Money::from_fen(1));
  CHECK(fisc::to_money(Decimal(0, 90), Unit::yi, Rounding::up).is_zero());
  CHECK(fisc::try_to_money(Decimal(1, 0), Unit::percent, Rounding::up).error() ==
        ArithmeticErrc::invalid_argument);
  CHECK(fisc::try_to_money(Decimal(1, 9), Unit::yi, Rounding::up).error() ==
        ArithmeticErrc::overflow);
  CHECK(fisc::try_to_money(Decimal(Decimal::max_coefficient, 0), Unit::yi, Rounding::up).error() ==
        ArithmeticErrc::overflow);
  CHECK_THROWS_AS((void)fisc::to_money(Decimal(1, 0), Unit::none, Rounding::up), ArithmeticError);
}
