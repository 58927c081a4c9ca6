// SPDX-License-Identifier: BSL-1.0
#include "fisc/numbers/money.hpp"

#include <doctest/doctest.h>

#include <cstdint>
#include <limits>
#include <string>

using fisc::ArithmeticErrc;
using fisc::ArithmeticError;
using fisc::Decimal;
using fisc::Money;
using fisc::Rounding;

TEST_CASE("Money is a count of 分") {
  CHECK(Money::from_fen(950841225).fen() == 950841225);
  CHECK(Money::from_yuan(3).fen() == 300);
  CHECK(Money{}.is_zero());
  CHECK(Money::from_fen(-5).is_negative());
  CHECK(Money::from_fen(-5).signum() == -1);
  CHECK(Money::from_fen(5).signum() == 1);
  CHECK(Money{}.signum() == 0);
  CHECK(identical(*Money::from_fen(950841225).try_yuan(), Decimal(950841225, -2)));
  CHECK(Money::max().try_yuan().error() == ArithmeticErrc::overflow);
}

TEST_CASE("Money bounds: INT64_MIN is not a Money") {
  CHECK(Money::max().fen() == std::numeric_limits<std::int64_t>::max());
  CHECK(Money::min().fen() == -std::numeric_limits<std::int64_t>::max());
  CHECK_THROWS_AS((void)Money::from_fen(std::numeric_limits<std::int64_t>::min()), ArithmeticError);
  CHECK(Money::try_from_fen(std::numeric_limits<std::int64_t>::min()).error() ==
        ArithmeticErrc::overflow);
  CHECK(-Money::min() == Money::max());
  CHECK(Money::try_from_yuan(Money::max_fen / 100).has_value());
  CHECK(Money::try_from_yuan(Money::max_fen / 100 + 1).error() == ArithmeticErrc::overflow);
  CHECK(Money::try_from_yuan(Money::min_fen / 100 - 1).error() == ArithmeticErrc::overflow);
  CHECK_THROWS_AS((void)Money::from_yuan(Money::max_fen), ArithmeticError);
}

TEST_CASE("Money addition and subtraction are checked at every bound") {
  const Money one = Money::from_fen(1);
  CHECK(Money::max() - one + one == Money::max());
  CHECK_THROWS_AS(Money::max() + one, ArithmeticError);
  CHECK_THROWS_AS(Money::min() - one, ArithmeticError);
  CHECK_THROWS_AS(one - Money::max() - Money::from_fen(2), ArithmeticError);
  CHECK(fisc::try_add(Money::max(), one).error() == ArithmeticErrc::overflow);
  CHECK(fisc::try_subtract(Money::min(), one).error() == ArithmeticErrc::overflow);
  CHECK(fisc::try_add(Money::min(), Money::max())->is_zero());
  Money m = Money::from_fen(10);
  m += Money::from_fen(5);
  m -= Money::from_fen(3);
  CHECK(m == Money::from_fen(12));
  try {
    (void)(Money::max() + one);
    FAIL("no exception");
  } catch (const ArithmeticError& e) {
    CHECK(e.code() == ArithmeticErrc::overflow);
    CHECK(std::string(e.what()) == "fisc: overflow in Money addition");
  }
}

TEST_CASE("Money scales by integers, checked") {
  CHECK(Money::from_fen(250) * 12 == Money::from_fen(3000));
  CHECK(3 * Money::from_fen(-7) == Money::from_fen(-21));
  CHECK(Money::from_fen(7) * std::uint8_t{2} == Money::from_fen(14));
  CHECK_THROWS_AS(Money::max() * 2, ArithmeticError);
  CHECK_THROWS_AS(Money::min() * 2, ArithmeticError);
  CHECK(Money::max() * -1 == Money::min());
  CHECK(fisc::try_multiply(Money::from_fen(std::int64_t{1} << 62), 2).error() ==
        ArithmeticErrc::overflow);
  CHECK(fisc::try_multiply(Money::from_fen(-(std::int64_t{1} << 62)), 2).error() ==
        ArithmeticErrc::overflow);  // would be INT64_MIN, which Money excludes
  Money m = Money::from_fen(5);
  m *= 3;
  CHECK(m == Money::from_fen(15));
}

TEST_CASE("Money times a rate rounds to the 分 by the named mode") {
  const Money amount = Money::from_fen(575105400);  // 5,751,054.00 元
  CHECK(multiply(amount, Decimal(8510, -4), Rounding::half_up) == Money::from_fen(489414695));
  CHECK(multiply(Money::from_fen(5), Decimal(5, -1), Rounding::half_up) == Money::from_fen(3));
  CHECK(multiply(Money::from_fen(5), Decimal(5, -1), Rounding::half_even) == Money::from_fen(2));
  CHECK(multiply(Money::from_fen(5), Decimal(5, -1), Rounding::down) == Money::from_fen(2));
  CHECK(multiply(Money::from_fen(-5), Decimal(5, -1), Rounding::floor) == Money::from_fen(-3));
  CHECK(multiply(Money::from_fen(-5), Decimal(5, -1), Rounding::ceiling) == Money::from_fen(-2));
  CHECK(multiply(Money::from_fen(12), Decimal(3, 2), Rounding::down) == Money::from_fen(3600));
  CHECK(multiply(Money::from_fen(12), Decimal(0, 0), Rounding::down).is_zero());
  CHECK(multiply(Money::from_fen(12), Decimal(1, -60), Rounding::up) == Money::from_fen(1));
  CHECK(multiply(Money::from_fen(-12), Decimal(1, -60), Rounding::half_up).is_zero());
  CHECK(fisc::try_multiply(Money::max(), Decimal(2, 0), Rounding::half_up).error() ==
        ArithmeticErrc::overflow);
  CHECK(fisc::try_multiply(Money::from_fen(1), Decimal(1, 40), Rounding::half_up).error() ==
        ArithmeticErrc::overflow);
  CHECK(fisc::try_multiply(Money::max(), Decimal(999'999'999'999'999'999, -18), Rounding::down)
            .has_value());
  CHECK_THROWS_AS((void)multiply(Money::max(), Decimal(11, -1), Rounding::down), ArithmeticError);
}

TEST_CASE("Money division rounds by the named mode") {
  CHECK(divide(Money::from_fen(100), 3, Rounding::half_up) == Money::from_fen(33));
  CHECK(divide(Money::from_fen(200), 3, Rounding::half_up) == Money::from_fen(67));
  CHECK(divide(Money::from_fen(200), 3, Rounding::down) == Money::from_fen(66));
  CHECK(divide(Money::from_fen(-200), 3, Rounding::floor) == Money::from_fen(-67));
  CHECK(divide(Money::from_fen(15), 10, Rounding::half_even) == Money::from_fen(2));
  CHECK(fisc::try_divide(Money::from_fen(1), std::int64_t{0}, Rounding::up).error() ==
        ArithmeticErrc::division_by_zero);
  CHECK(divide(Money::min(), -1, Rounding::down) == Money::max());
  CHECK(divide(Money::from_fen(100), Decimal(25, -1), Rounding::half_up) == Money::from_fen(40));
  CHECK(divide(Money::from_fen(100), Decimal(3, 1), Rounding::half_up) == Money::from_fen(3));
  CHECK(divide(Money::from_fen(100), Decimal(1, 60), Rounding::up) == Money::from_fen(1));
  CHECK(divide(Money::from_fen(100), Decimal(1, 60), Rounding::half_up).is_zero());
  CHECK(fisc::try_divide(Money::from_fen(1), Decimal{}, Rounding::up).error() ==
        ArithmeticErrc::division_by_zero);
  CHECK(fisc::try_divide(Money::max(), Decimal(1, -1), Rounding::up).error() ==
        ArithmeticErrc::overflow);
  CHECK(fisc::try_divide(Money::from_fen(5), Decimal(1, -40), Rounding::up).error() ==
        ArithmeticErrc::overflow);
  CHECK(divide(Money{}, Decimal(7, 0), Rounding::up).is_zero());
  CHECK_THROWS_AS((void)divide(Money::from_fen(1), std::int64_t{0}, Rounding::up), ArithmeticError);
}

TEST_CASE("ratio of two amounts") {
  CHECK(
      identical(*fisc::try_ratio(Money::from_fen(336), Money::from_fen(395), -4, Rounding::half_up),
                Decimal(8506, -4)));
  CHECK(fisc::try_ratio(Money::from_fen(336), Money{}, -4, Rounding::half_up).error() ==
        ArithmeticErrc::division_by_zero);
  CHECK(fisc::try_ratio(Money::from_fen(1), Money::from_fen(3), 1, Rounding::half_up).error() ==
        ArithmeticErrc::invalid_argument);
  CHECK(fisc::try_ratio(Money::max(), Money::from_fen(1), -4, Rounding::half_up).error() ==
        ArithmeticErrc::overflow);
}

TEST_CASE("Money ordering and abs") {
  CHECK(Money::from_fen(-1) < Money{});
  CHECK(Money::from_fen(2) >= Money::from_fen(2));
  CHECK(fisc::abs(Money::from_fen(-7)) == Money::from_fen(7));
  CHECK(fisc::abs(Money::min()) == Money::max());
  CHECK(+Money::from_fen(4) == Money::from_fen(4));
}

TEST_CASE("the 64-bit fast paths give the 128-bit results in every mode") {
  // A SplitMix64 sequence of amounts, rates and divisors around the edges of the fast path.
  std::uint64_t state = 0x1234'5678'9abc'def0ULL;
  const auto next = [&state] {
    state += 0x9e37'79b9'7f4a'7c15ULL;
    std::uint64_t z = state;
    z = (z ^ (z >> 30U)) * 0xbf58'476d'1ce4'e5b9ULL;
    z = (z ^ (z >> 27U)) * 0x94d0'49bb'1331'11ebULL;
    return z ^ (z >> 31U);
  };
  for (int i = 0; i < 20000; ++i) {
    const int magnitude = static_cast<int>(next() % 19);
    auto fen = static_cast<std::int64_t>(
        next() % static_cast<std::uint64_t>(
                     fisc::detail::pow10_64_table[static_cast<std::size_t>(magnitude)] + 1));
    if (next() % 2 == 0) fen = -fen;
    const int decimals = static_cast<int>(next() % 19);
    auto coefficient = static_cast<std::int64_t>(next() % 1'000'000'000'000'000'000ULL);
    if (next() % 3 == 0) coefficient = static_cast<std::int64_t>(next() % 100'000);
    if (next() % 2 == 0) coefficient = -coefficient;
    const Decimal rate(coefficient, -decimals);
    for (Rounding mode : fisc::all_roundings) {
      CAPTURE(fen);
      CAPTURE(coefficient);
      CAPTURE(decimals);
      const fisc::detail::int128 product = fisc::detail::int128{fen} * coefficient;
      const auto expected_product = fisc::money_from_wide(
          fisc::detail::divide_rounded(product, fisc::detail::pow10(decimals), mode));
      const auto product_result = fisc::try_multiply(Money::from_fen(fen), rate, mode);
      REQUIRE(product_result.has_value() == expected_product.has_value());
      if (product_result) CHECK(*product_result == *expected_product);
      if (coefficient == 0) continue;
      // fen / (c × 10^-d) = fen × 10^d / c
      if (decimals + fisc::detail::digits10(fen) > 38) continue;
      const auto expected_quotient = fisc::money_from_wide(fisc::detail::divide_rounded(
          fisc::detail::int128{fen} * fisc::detail::pow10(decimals), coefficient, mode));
      const auto quotient = fisc::try_divide(Money::from_fen(fen), rate, mode);
      REQUIRE(quotient.has_value() == expected_quotient.has_value());
      if (quotient) CHECK(*quotient == *expected_quotient);
    }
  }
}
