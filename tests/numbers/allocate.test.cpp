// SPDX-License-Identifier: BSL-1.0
#include "fisc/numbers/allocate.hpp"

#include <doctest/doctest.h>

#include <array>
#include <cstdint>
#include <numeric>
#include <vector>

using fisc::ArithmeticErrc;
using fisc::Decimal;
using fisc::Money;
using fisc::Percent;

namespace {
std::vector<std::int64_t> fen(const std::vector<Money>& parts) {
  std::vector<std::int64_t> out;
  for (Money m : parts) out.push_back(m.fen());
  return out;
}
std::vector<std::int64_t> basis_points(const std::vector<Percent>& parts) {
  std::vector<std::int64_t> out;
  for (Percent p : parts) {
    REQUIRE(p.decimals() == 2);
    out.push_back(p.points().coefficient());
  }
  return out;
}
}  // namespace

TEST_CASE("allocate splits exactly; ties go to the earlier part") {
  const std::array<std::int64_t, 3> equal{1, 1, 1};
  CHECK(fen(*fisc::allocate(Money::from_fen(100), equal)) == std::vector<std::int64_t>{34, 33, 33});
  CHECK(fen(*fisc::allocate(Money::from_fen(101), equal)) == std::vector<std::int64_t>{34, 34, 33});
  CHECK(fen(*fisc::allocate(Money::from_fen(-100), equal)) ==
        std::vector<std::int64_t>{-34, -33, -33});
  const std::array<std::int64_t, 3> weighted{1, 0, 2};
  CHECK(fen(*fisc::allocate(Money::from_fen(100), weighted)) ==
        std::vector<std::int64_t>{33, 0, 67});
  // 0.5 and 1.5: equal remainders, so the earlier part gets the last 分 even though it is smaller.
  const std::array<std::int64_t, 2> later_bigger{1, 3};
  CHECK(fen(*fisc::allocate(Money::from_fen(2), later_bigger)) == std::vector<std::int64_t>{1, 1});
}

TEST_CASE("allocate by amounts and by decimal weights") {
  const std::array<Money, 3> by{Money::from_fen(48986), Money::from_fen(4443), Money::from_fen(0)};
  const auto parts = *fisc::allocate(Money::from_fen(100000), by);
  CHECK(std::accumulate(parts.begin(), parts.end(), Money{}) == Money::from_fen(100000));
  CHECK(fen(parts) == std::vector<std::int64_t>{91684, 8316, 0});
  const std::array<Decimal, 3> rates{Decimal(3, -1), Decimal(25, -2), Decimal(45, -2)};
  CHECK(fen(*fisc::allocate(Money::from_fen(1001), rates)) ==
        std::vector<std::int64_t>{300, 250, 451});
}

TEST_CASE("allocate at the bounds") {
  const std::array<std::int64_t, 3> big{INT64_MAX, INT64_MAX, 3};
  const auto parts = *fisc::allocate(Money::max(), big);
  CHECK(std::accumulate(parts.begin(), parts.end(), Money{}) == Money::max());
  const std::array<std::int64_t, 2> halves{1, 1};
  const auto neg = *fisc::allocate(Money::min(), halves);
  CHECK(std::accumulate(neg.begin(), neg.end(), Money{}) == Money::min());
}

TEST_CASE("allocate refuses what has no split") {
  const std::array<std::int64_t, 2> negative{1, -1};
  CHECK(fisc::allocate(Money::from_fen(1), negative).error() == ArithmeticErrc::invalid_argument);
  const std::array<std::int64_t, 2> zeros{0, 0};
  CHECK(fisc::allocate(Money::from_fen(1), zeros).error() == ArithmeticErrc::zero_base);
  CHECK(fisc::allocate(Money::from_fen(1), std::span<const std::int64_t>{}).error() ==
        ArithmeticErrc::zero_base);
  const std::array<Decimal, 2> far{Decimal(1, 30), Decimal(1, -30)};
  CHECK(fisc::allocate(Money::from_fen(1), far).error() == ArithmeticErrc::overflow);
  const std::array<Decimal, 2> with_zero{Decimal(0, -90), Decimal(1, 0)};
  CHECK(fen(*fisc::allocate(Money::from_fen(5), with_zero)) == std::vector<std::int64_t>{0, 5});
  const std::array<Decimal, 0> none{};
  CHECK(fisc::allocate(Money::from_fen(1), none).error() == ArithmeticErrc::zero_base);
  const std::array<Decimal, 3> too_heavy{Decimal(Decimal::max_coefficient, 19),
                                         Decimal(Decimal::max_coefficient, 19), Decimal(1, 0)};
  CHECK(fisc::allocate(Money::from_fen(1), too_heavy).error() == ArithmeticErrc::overflow);
}

TEST_CASE("rounded shares sum to exactly 100.00%") {
  // Three equal parts: 33.33 + 33.33 + 33.33 = 99.99 by plain rounding; 33.34 + 33.33 + 33.33 here.
  const std::array<Money, 3> thirds{Money::from_fen(1), Money::from_fen(1), Money::from_fen(1)};
  CHECK(basis_points(*fisc::rounded_shares(thirds, 2)) ==
        std::vector<std::int64_t>{3334, 3333, 3333});
  // The seed's 三公: 3.36 and 0.59 of 3.95 (plain rounding gives 85.06 and 14.94, already 100).
  const std::array<Money, 3> sangong{Money{}, Money::from_fen(336), Money::from_fen(59)};
  CHECK(basis_points(*fisc::rounded_shares(sangong, 2)) ==
        std::vector<std::int64_t>{0, 8506, 1494});
  // Six parts whose plain roundings sum to 100.01%.
  const std::array<Money, 6> six{Money::from_fen(61115), Money::from_fen(5337),
                                 Money::from_fen(2813),  Money::from_fen(20485),
                                 Money::from_fen(650),   Money::from_fen(4684)};
  const auto shares = basis_points(*fisc::rounded_shares(six, 2));
  CHECK(std::accumulate(shares.begin(), shares.end(), std::int64_t{0}) == 10000);
  const auto whole = *fisc::rounded_shares(thirds, 0);
  CHECK(whole[0].points() == Decimal(34, 0));
  CHECK(fisc::rounded_shares(thirds, -1).error() == ArithmeticErrc::invalid_argument);
  CHECK(fisc::rounded_shares(thirds, 17).error() == ArithmeticErrc::invalid_argument);
  const std::array<Money, 2> nothing{Money{}, Money{}};
  CHECK(fisc::rounded_shares(nothing, 2).error() == ArithmeticErrc::zero_base);
}
