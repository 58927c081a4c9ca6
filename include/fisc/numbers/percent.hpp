// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <compare>
#include <cstdint>

#include "fisc/numbers/decimal.hpp"
#include "fisc/numbers/error.hpp"
#include "fisc/numbers/money.hpp"
#include "fisc/numbers/rounding.hpp"

namespace fisc {

/// A percentage, held exactly in percentage points: Percent{Decimal(1164, -2)} is 11.64%.
///
/// 百分比 (占比, 增减率, 完成预算%). Percentages add to percentages (shares sum to 100%) and
/// compare with each other; they do not add to Money or to plain Decimals, which would mix a
/// ratio with an amount.
class Percent {
 public:
  constexpr Percent() noexcept = default;
  constexpr explicit Percent(Decimal points) noexcept : points_(points) {}

  /// The value in percentage points (11.64 for 11.64%), with the decimals it was computed with.
  [[nodiscard]] constexpr Decimal points() const noexcept { return points_; }
  /// The value as a fraction (0.1164 for 11.64%), exact.
  [[nodiscard]] constexpr Result<Decimal> try_fraction() const noexcept {
    return Decimal::make(points_.coefficient(), std::int64_t{points_.exponent()} - 2);
  }
  [[nodiscard]] constexpr int decimals() const noexcept { return points_.decimals(); }

  constexpr Percent operator-() const noexcept { return Percent(-points_); }
  friend constexpr auto operator<=>(Percent a, Percent b) noexcept {
    return a.points_ <=> b.points_;
  }
  friend constexpr bool operator==(Percent a, Percent b) noexcept { return a.points_ == b.points_; }

 private:
  Decimal points_;
};

[[nodiscard]] constexpr Result<Percent> try_add(Percent a, Percent b) noexcept {
  return try_add(a.points(), b.points()).map([](Decimal d) { return Percent(d); });
}
[[nodiscard]] constexpr Result<Percent> try_subtract(Percent a, Percent b) noexcept {
  return try_subtract(a.points(), b.points()).map([](Decimal d) { return Percent(d); });
}
constexpr Percent operator+(Percent a, Percent b) {
  return detail::value_or_throw(try_add(a, b), "Percent addition");
}
constexpr Percent operator-(Percent a, Percent b) {
  return detail::value_or_throw(try_subtract(a, b), "Percent subtraction");
}

namespace detail {
/// num / den × 100 with `decimals` decimals, rounded by mode. den != 0.
constexpr Result<Percent> percent_of(int128 num, std::int64_t num_exponent, int128 den,
                                     std::int64_t den_exponent, int decimals,
                                     Rounding mode) noexcept {
  if (decimals < 0 || decimals > Decimal::max_digits)
    return unexpected(ArithmeticErrc::invalid_argument);
  if (den == 0) return unexpected(ArithmeticErrc::zero_base);
  // points × 10^-decimals = (num × 10^ne) / (den × 10^de) × 100
  //   ⇒ points = num × 10^(ne − de + 2 + decimals) / den
  const std::int64_t k = num_exponent - den_exponent + 2 + decimals;
  if (num != 0) {
    if (k >= 0) {
      if (k + digits10(num) > 38) return unexpected(ArithmeticErrc::overflow);
      num *= pow10(static_cast<int>(k));
    } else if (-k + digits10(den) <= 38) {
      den *= pow10(static_cast<int>(-k));
    } else {
      num = (num < 0) != (den < 0) ? -1 : 1;
      den = pow10(38);
    }
  }
  return Decimal::from_wide(divide_rounded(num, den, mode), -std::int64_t{decimals})
      .and_then([decimals](Decimal d) -> Result<Percent> {
        if (d.exponent() != -decimals) return unexpected(ArithmeticErrc::overflow);
        return Percent(d);
      });
}
}  // namespace detail

/// 占比: part / total as a percentage with `decimals` decimals. A zero total is `zero_base`.
[[nodiscard]] constexpr Result<Percent> share(Money part, Money total, int decimals,
                                              Rounding mode) noexcept {
  return detail::percent_of(part.fen(), 0, total.fen(), 0, decimals, mode);
}
[[nodiscard]] constexpr Result<Percent> share(Decimal part, Decimal total, int decimals,
                                              Rounding mode) noexcept {
  return detail::percent_of(part.coefficient(), part.exponent(), total.coefficient(),
                            total.exponent(), decimals, mode);
}

/// 增减额: current − prior.
[[nodiscard]] constexpr Result<Money> change(Money current, Money prior) noexcept {
  return try_subtract(current, prior);
}

/// 增减率: (current − prior) / |prior| as a percentage; negative for a decrease whatever the sign
/// of prior. A zero prior is `zero_base` (the rate is undefined, and fisc says so).
[[nodiscard]] constexpr Result<Percent> change_rate(Money current, Money prior, int decimals,
                                                    Rounding mode) noexcept {
  const detail::int128 delta = detail::int128{current.fen()} - prior.fen();
  return detail::percent_of(delta, 0, detail::abs128(prior.fen()), 0, decimals, mode);
}
[[nodiscard]] constexpr Result<Percent> change_rate(Decimal current, Decimal prior, int decimals,
                                                    Rounding mode) noexcept {
  return try_subtract(current, prior).and_then([&](Decimal delta) {
    return detail::percent_of(delta.coefficient(), delta.exponent(),
                              detail::abs128(prior.coefficient()), prior.exponent(), decimals,
                              mode);
  });
}

/// 完成预算%: actual / budget as a percentage. A zero budget is `zero_base`.
[[nodiscard]] constexpr Result<Percent> completion_rate(Money actual, Money budget, int decimals,
                                                        Rounding mode) noexcept {
  return share(actual, budget, decimals, mode);
}

/// amount × percentage, rounded to the 分 (the part a share of a total stands for).
[[nodiscard]] constexpr Result<Money> try_apply(Money amount, Percent p, Rounding mode) noexcept {
  return p.try_fraction().and_then([&](Decimal f) { return try_multiply(amount, f, mode); });
}

}  // namespace fisc
