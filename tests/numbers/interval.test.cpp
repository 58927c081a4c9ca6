// SPDX-License-Identifier: BSL-1.0
#include "fisc/numbers/interval.hpp"

#include <doctest/doctest.h>

using fisc::ArithmeticErrc;
using fisc::ArithmeticError;
using fisc::Decimal;
using fisc::Interval;

namespace {
// [v − 0.005, v + 0.005) for a positive figure written with two decimals.
Interval stated2(std::int64_t hundredths) {
  return *Interval::half_open(Decimal(hundredths * 10 - 5, -3), Decimal(hundredths * 10 + 5, -3));
}
Interval pt(std::int64_t c, std::int32_t e = 0) { return Interval::point(Decimal(c, e)); }
}  // namespace

TEST_CASE("construction, ends and membership") {
  const Interval i = stated2(95084);
  CHECK(i.lo() == Decimal(950835, -3));
  CHECK(i.hi() == Decimal(950845, -3));
  CHECK(i.lo_closed());
  CHECK_FALSE(i.hi_closed());
  CHECK(i.contains(Decimal(950835, -3)));
  CHECK_FALSE(i.contains(Decimal(950845, -3)));
  CHECK(i.contains(Decimal(95084, -2)));
  CHECK_FALSE(i.contains(Decimal(95083, -2)));
  CHECK(pt(5).is_point());
  CHECK_FALSE(i.is_point());
  CHECK(Interval{} == pt(0));
  CHECK(Interval::closed(Decimal(2), Decimal(1)).error() == ArithmeticErrc::invalid_argument);
  CHECK(Interval::half_open(Decimal(1), Decimal(1)).error() == ArithmeticErrc::invalid_argument);
  CHECK(Interval::make(Decimal(1), false, Decimal(1), true).error() ==
        ArithmeticErrc::invalid_argument);
  CHECK(Interval::closed(Decimal(1), Decimal(1))->is_point());
  const Interval open = *Interval::make(Decimal(0), false, Decimal(1), false);
  CHECK_FALSE(open.contains(Decimal(0)));
  CHECK(open.contains(Decimal(5, -1)));
}

TEST_CASE("a sum that only rounding explains holds; one that no rounding explains fails") {
  // 534.27 = 489.86 + 44.41 holds; 489.86 + 44.43 = 534.29 cannot be 534.27.
  CHECK(can_equal(stated2(53427), stated2(48986) + stated2(4441)));
  CHECK(must_differ(stated2(53427), stated2(48986) + stated2(4443)));
  // Off by one in the last place of three rounded parts: still possible.
  CHECK(can_equal(stated2(101), stated2(34) + stated2(33) + stated2(33)));
  CHECK(can_equal(stated2(100) - stated2(34), stated2(66)));
}

TEST_CASE("open and closed ends decide touching intervals") {
  const Interval a = *Interval::half_open(Decimal(0), Decimal(1));          // [0, 1)
  const Interval b = *Interval::closed(Decimal(1), Decimal(2));             // [1, 2]
  const Interval c = *Interval::make(Decimal(1), false, Decimal(2), true);  // (1, 2]
  CHECK(must_differ(a, b));
  CHECK(can_equal(*Interval::closed(Decimal(0), Decimal(1)), b));
  CHECK(must_differ(*Interval::closed(Decimal(0), Decimal(1)), c));
  CHECK(can_equal(b, pt(1)));
  CHECK(must_differ(c, pt(1)));
  // Sums keep openness: [0,1) + [0,1) = [0,2), which does not reach 2.
  const Interval sum = a + a;
  CHECK(sum.lo_closed());
  CHECK_FALSE(sum.hi_closed());
  CHECK(must_differ(sum, pt(2)));
  CHECK(can_be_at_most(a, pt(0)));
  CHECK(must_exceed(b, a));
  CHECK_FALSE(must_exceed(a, b));
  CHECK(must_exceed(c, pt(1)));
  CHECK_FALSE(must_exceed(b, pt(1)));
}

TEST_CASE("negation swaps ends") {
  const Interval n = -stated2(100);
  CHECK(n.lo() == Decimal(-1005, -3));
  CHECK_FALSE(n.lo_closed());
  CHECK(n.hi() == Decimal(-995, -3));
  CHECK(n.hi_closed());
}

TEST_CASE("shares through interval division: 85.10% and 14.90% of 3.95 hold") {
  const Interval hundred = pt(100);
  const auto share_of = [&](Interval part, Interval whole) {
    return *fisc::try_divide(part, whole) * hundred;
  };
  CHECK(can_equal(share_of(stated2(336), stated2(395)), stated2(8510)));
  CHECK(can_equal(share_of(stated2(59), stated2(395)), stated2(1490)));
  // 78.46% of 950.84 is 745.99; 80.00% is not.
  CHECK(can_equal(share_of(stated2(74599), stated2(95084)), stated2(7846)));
  CHECK(must_differ(share_of(stated2(74599), stated2(95084)), stated2(8000)));
}

TEST_CASE("multiplication covers every sign combination") {
  const Interval a = *Interval::closed(Decimal(-2), Decimal(3));
  const Interval b = *Interval::closed(Decimal(-5), Decimal(4));
  const Interval p = a * b;
  CHECK(p.lo() == Decimal(-15));
  CHECK(p.hi() == Decimal(12));
  CHECK(p.lo_closed());
  // Outward rounding when the exact product needs more than 18 digits.
  const Interval wide = pt(999'999'999'999'999'999) * pt(999'999'999'999'999'999, -18);
  CHECK(wide.lo() < wide.hi());
  CHECK(wide.contains(Decimal(999'999'999'999'999'998, 0)));
}

TEST_CASE("division by an interval that may be zero is refused") {
  const Interval around_zero = *Interval::closed(Decimal(-1), Decimal(1));
  CHECK(fisc::try_divide(pt(1), around_zero).error() == ArithmeticErrc::division_by_zero);
  CHECK(fisc::try_divide(pt(1), pt(0)).error() == ArithmeticErrc::division_by_zero);
  const Interval open_at_zero = *Interval::make(Decimal(0), false, Decimal(1), true);
  CHECK(fisc::try_divide(pt(1), open_at_zero).error() == ArithmeticErrc::division_by_zero);
  const Interval q = *fisc::try_divide(pt(1), *Interval::closed(Decimal(2), Decimal(4)));
  CHECK(q.lo() == Decimal(25, -2));
  CHECK(q.hi() == Decimal(5, -1));
}

TEST_CASE("outward rounding in sums beyond 18 digits, and overflow") {
  const Interval big = pt(999'999'999'999'999'999);
  const Interval tiny = pt(1, -5);
  const Interval s = big + tiny;
  CHECK(s.lo() <= Decimal(999'999'999'999'999'999));
  CHECK(s.hi() >= Decimal(1, 18));
  CHECK(s.lo_closed());
  CHECK(s.hi_closed());
  const Interval huge = pt(999'999'999'999'999'999, Decimal::max_exponent);
  CHECK(fisc::try_add(huge, huge).error() == ArithmeticErrc::overflow);
  CHECK(fisc::try_add(-huge, -huge).error() == ArithmeticErrc::overflow);
  CHECK_THROWS_AS(huge + huge, ArithmeticError);
  CHECK_THROWS_AS(huge - -huge, ArithmeticError);
  CHECK_THROWS_AS(huge * huge, ArithmeticError);
  CHECK(fisc::try_multiply(huge, pt(10)).error() == ArithmeticErrc::overflow);
  CHECK(fisc::try_divide(huge, pt(1, -1)).error() == ArithmeticErrc::overflow);
}

TEST_CASE("hull") {
  const Interval a = *Interval::half_open(Decimal(0), Decimal(1));
  const Interval b = *Interval::make(Decimal(0), false, Decimal(1), true);
  const Interval h = *fisc::hull(a, b);
  CHECK(h.lo_closed());
  CHECK(h.hi_closed());
  const Interval h2 = *fisc::hull(pt(5), a);
  CHECK(h2.lo() == Decimal(0));
  CHECK(h2.hi() == Decimal(5));
  CHECK(h2.hi_closed());
}

TEST_CASE("scaling by a power of ten is exact and keeps open ends") {
  const Interval i = stated2(95084);
  const Interval y = *i.try_scale_by_power_of_ten(4);
  CHECK(y.lo() == Decimal(9508350));
  CHECK(y.hi() == Decimal(9508450));
  CHECK(y.lo_closed());
  CHECK_FALSE(y.hi_closed());
  CHECK(i.try_scale_by_power_of_ten(std::int64_t{Decimal::max_exponent} + 10).error() ==
        ArithmeticErrc::overflow);
  CHECK(i.try_scale_by_power_of_ten(-std::int64_t{Decimal::max_exponent}).error() ==
        ArithmeticErrc::overflow);
}
