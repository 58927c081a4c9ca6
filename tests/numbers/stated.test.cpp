// SPDX-License-Identifier: BSL-1.0
#include "fisc/numbers/stated.hpp"

#include <doctest/doctest.h>

using fisc::ArithmeticErrc;
using fisc::ArithmeticError;
using fisc::Decimal;
using fisc::Interval;
using fisc::Money;
using fisc::Reading;
using fisc::Stated;
using fisc::Unit;

namespace {
Stated wan(std::int64_t c, std::int32_t e, Reading r = Reading::rounded) {
  return Stated{Decimal(c, e), Unit::wan, r, "figure"};
}
}  // namespace

TEST_CASE("a rounded positive figure owns its lower half point") {
  const Interval i = wan(95084, -2).interval();
  CHECK(i.lo() == Decimal(950835, -3));
  CHECK(i.hi() == Decimal(950845, -3));
  CHECK(i.lo_closed());
  CHECK_FALSE(i.hi_closed());
}

TEST_CASE("a rounded negative figure owns its upper half point; zero owns neither") {
  const Interval n = wan(-1253, -1).interval();
  CHECK(n.lo() == Decimal(-12535, -2));
  CHECK_FALSE(n.lo_closed());
  CHECK(n.hi() == Decimal(-12525, -2));
  CHECK(n.hi_closed());
  const Interval z = wan(0, -2).interval();
  CHECK(z.lo() == Decimal(-5, -3));
  CHECK(z.hi() == Decimal(5, -3));
  CHECK_FALSE(z.lo_closed());
  CHECK_FALSE(z.hi_closed());
  const Interval whole = Stated{Decimal(0), Unit::none, Reading::rounded, "0"}.interval();
  CHECK(whole.lo() == Decimal(-5, -1));
}

TEST_CASE("truncated and exact readings") {
  const Interval t = wan(95084, -2, Reading::truncated).interval();
  CHECK(t.lo() == Decimal(95084, -2));
  CHECK(t.lo_closed());
  CHECK(t.hi() == Decimal(95085, -2));
  CHECK_FALSE(t.hi_closed());
  const Interval tn = wan(-95084, -2, Reading::truncated).interval();
  CHECK(tn.lo() == Decimal(-95085, -2));
  CHECK_FALSE(tn.lo_closed());
  CHECK(tn.hi_closed());
  const Interval tz = wan(0, -1, Reading::truncated).interval();
  CHECK(tz.lo() == Decimal(-1, -1));
  CHECK(tz.hi() == Decimal(1, -1));
  CHECK(wan(95084, -2, Reading::exact).interval().is_point());
  CHECK(fisc::to_string(Reading::truncated) == "truncated");
  CHECK(fisc::to_string(Reading::rounded) == "rounded");
  CHECK(fisc::to_string(Reading::exact) == "exact");
}

TEST_CASE("a figure written without its trailing zero can be read at the table's precision") {
  const Stated s = wan(1253, -1);  // "125.3" among figures to 0.01
  CHECK(s.decimals() == 1);
  CHECK(s.interval().hi() == Decimal(12535, -2));
  const Stated t = s.assume_decimals(2);
  CHECK(t.decimals() == 2);
  CHECK(t.interval().lo() == Decimal(125295, -3));
  CHECK(t.interval().hi() == Decimal(125305, -3));
  CHECK(s.assume_decimals(-3).decimals() == 1);
  CHECK(s.assume_decimals(40).decimals() == 18);
}

TEST_CASE("intervals in another unit") {
  const Interval y = *wan(95084, -2).try_interval_in(Unit::yuan);
  CHECK(y.lo() == Decimal(9508350));
  CHECK(y.hi() == Decimal(9508450));
  CHECK_FALSE(y.hi_closed());
  const Interval yi = *wan(95084, -2).try_interval_in(Unit::yi);
  CHECK(yi.lo() == Decimal(950835, -7));
  const Stated p{Decimal(1164, -2), Unit::percent, Reading::rounded, "11.64%"};
  const Interval f = *p.try_interval_in(Unit::none);
  CHECK(f.lo() == Decimal(11635, -5));
  const Stated ratio{Decimal(1164, -4), Unit::none, Reading::rounded, "0.1164"};
  CHECK(ratio.try_interval_in(Unit::percent)->hi() == Decimal(11645, -3));
  CHECK(p.try_interval_in(Unit::wan).error() == ArithmeticErrc::invalid_argument);
  CHECK(wan(1, 0).try_interval_in(Unit::percent).error() == ArithmeticErrc::invalid_argument);
  CHECK(Stated::unit_shift(Unit::yuan, Unit::wan) == -4);
}

TEST_CASE("a figure restated in 元 agrees with its 万元 statement within rounding") {
  // 9,508,412.25 元 against 950.84 万元.
  const Stated yuan{Decimal(950841225, -2), Unit::yuan, Reading::rounded, "9,508,412.25"};
  CHECK(can_equal(*yuan.try_interval_in(Unit::wan), wan(95084, -2).interval()));
  CHECK(must_differ(*yuan.try_interval_in(Unit::wan), wan(95085, -2).interval()));
}

TEST_CASE("a stated amount as Money") {
  CHECK(*wan(95084, -2).try_money() == Money::from_fen(950840000));
  CHECK(wan(1, -7).try_money().error() == ArithmeticErrc::invalid_argument);  // finer than 分
  CHECK(Stated{Decimal(5), Unit::percent, Reading::rounded, "5%"}.try_money().error() ==
        ArithmeticErrc::invalid_argument);
}

TEST_CASE("a figure at the edge of the exponent range has no interval") {
  const Stated s{Decimal(1, Decimal::min_exponent), Unit::none, Reading::rounded, "1E-999999999"};
  CHECK(s.try_interval().error() == ArithmeticErrc::overflow);
  CHECK_THROWS_AS((void)s.interval(), ArithmeticError);
  const Stated big{Decimal(Decimal::max_coefficient, 0), Unit::none, Reading::rounded, "9…"};
  CHECK(big.try_interval().error() == ArithmeticErrc::overflow);
}

TEST_CASE("stated figures compare as a whole") {
  CHECK(wan(1, 0) == wan(1, 0));
  CHECK_FALSE(wan(1, 0) == wan(10, -1));
}
