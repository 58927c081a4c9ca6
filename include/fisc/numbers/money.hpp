// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <compare>
#include <concepts>
#include <cstdint>
#include <limits>

#include "fisc/numbers/decimal.hpp"
#include "fisc/numbers/error.hpp"
#include "fisc/numbers/rounding.hpp"

namespace fisc {

/// An exact amount of money: a count of 分 (fen, 0.01 元) in a signed 64-bit integer.
///
/// 金额. The range is ±9,223,372,036,854,775,807 分 (about ±9.2 × 10^16 元); INT64_MIN is
/// excluded so that negation never overflows. Every operation that leaves the range is an
/// overflow error — `try_*` functions return it, operators throw `ArithmeticError` — never a
/// wrap. Money adds to Money and scales by integers and by `Decimal` rates; `Money * Money` and
/// `Money + Decimal` do not compile. Figures in 万元 or 亿元 are converted explicitly
/// (see unit.hpp).
class Money {
 public:
  static constexpr std::int64_t max_fen = std::numeric_limits<std::int64_t>::max();
  static constexpr std::int64_t min_fen = -max_fen;

  constexpr Money() noexcept = default;

  /// Throws ArithmeticError (overflow) for INT64_MIN.
  [[nodiscard]] static constexpr Money from_fen(std::int64_t fen) {
    if (fen < min_fen) detail::throw_arithmetic(ArithmeticErrc::overflow, "Money::from_fen");
    return Money(fen);
  }
  /// A count of 分 never comes from binary floating point.
  template <std::floating_point F>
  static Money from_fen(F) = delete;
  [[nodiscard]] static constexpr Result<Money> try_from_fen(std::int64_t fen) noexcept {
    if (fen < min_fen) return unexpected(ArithmeticErrc::overflow);
    return Money(fen);
  }
  /// A whole number of 元.
  [[nodiscard]] static constexpr Result<Money> try_from_yuan(std::int64_t yuan) noexcept {
    if (yuan > max_fen / 100 || yuan < min_fen / 100) return unexpected(ArithmeticErrc::overflow);
    return Money(yuan * 100);
  }
  template <std::floating_point F>
  static Money from_yuan(F) = delete;
  [[nodiscard]] static constexpr Money from_yuan(std::int64_t yuan) {
    return detail::value_or_throw(try_from_yuan(yuan), "Money::from_yuan");
  }
  [[nodiscard]] static constexpr Money max() noexcept { return Money(max_fen); }
  [[nodiscard]] static constexpr Money min() noexcept { return Money(min_fen); }

  [[nodiscard]] constexpr std::int64_t fen() const noexcept { return fen_; }
  /// The exact amount in 元 as a Decimal (exponent −2). Overflow only beyond 18 digits.
  [[nodiscard]] constexpr Result<Decimal> try_yuan() const noexcept {
    return Decimal::from_wide(fen_, -2);
  }
  [[nodiscard]] constexpr bool is_zero() const noexcept { return fen_ == 0; }
  [[nodiscard]] constexpr bool is_negative() const noexcept { return fen_ < 0; }
  [[nodiscard]] constexpr int signum() const noexcept { return fen_ < 0 ? -1 : (fen_ > 0 ? 1 : 0); }

  constexpr Money operator-() const noexcept { return Money(-fen_); }
  constexpr Money operator+() const noexcept { return *this; }

  friend constexpr auto operator<=>(Money, Money) noexcept = default;
  friend constexpr bool operator==(Money, Money) noexcept = default;

 private:
  constexpr explicit Money(std::int64_t fen) noexcept : fen_(fen) {}

  friend constexpr Result<Money> try_add(Money, Money) noexcept;
  friend constexpr Result<Money> try_subtract(Money, Money) noexcept;
  friend constexpr Result<Money> try_multiply(Money, std::int64_t) noexcept;
  friend constexpr Result<Money> money_from_wide(detail::int128) noexcept;

  std::int64_t fen_ = 0;
};

/// A 128-bit count of 分 brought back to Money, or overflow.
[[nodiscard]] constexpr Result<Money> money_from_wide(detail::int128 fen) noexcept {
  if (fen > Money::max_fen || fen < Money::min_fen) return unexpected(ArithmeticErrc::overflow);
  return Money(static_cast<std::int64_t>(fen));
}

// The checked builtins of GCC and clang compile to an add and a branch on the overflow flag
// (docs/benchmarks.md: twice as fast as widening to 128 bits); INT64_MIN is outside Money.
[[nodiscard]] constexpr Result<Money> try_add(Money a, Money b) noexcept {
  std::int64_t sum = 0;
  if (__builtin_add_overflow(a.fen_, b.fen_, &sum) || sum < Money::min_fen) {
    return unexpected(ArithmeticErrc::overflow);
  }
  return Money(sum);
}
[[nodiscard]] constexpr Result<Money> try_subtract(Money a, Money b) noexcept {
  std::int64_t difference = 0;
  if (__builtin_sub_overflow(a.fen_, b.fen_, &difference) || difference < Money::min_fen) {
    return unexpected(ArithmeticErrc::overflow);
  }
  return Money(difference);
}
[[nodiscard]] constexpr Result<Money> try_multiply(Money a, std::int64_t factor) noexcept {
  std::int64_t product = 0;
  if (__builtin_mul_overflow(a.fen_, factor, &product) || product < Money::min_fen) {
    return unexpected(ArithmeticErrc::overflow);
  }
  return Money(product);
}

constexpr Money operator+(Money a, Money b) {
  return detail::value_or_throw(try_add(a, b), "Money addition");
}
constexpr Money operator-(Money a, Money b) {
  return detail::value_or_throw(try_subtract(a, b), "Money subtraction");
}
/// Scaling by an integer count (12 months × a monthly amount). Only exact integers: other
/// integral types convert, floating point does not.
template <std::integral I>
constexpr Money operator*(Money a, I factor) {
  return detail::value_or_throw(try_multiply(a, static_cast<std::int64_t>(factor)),
                                "Money multiplication");
}
template <std::integral I>
constexpr Money operator*(I factor, Money a) {
  return a * factor;
}
constexpr Money& operator+=(Money& a, Money b) { return a = a + b; }
constexpr Money& operator-=(Money& a, Money b) { return a = a - b; }
template <std::integral I>
constexpr Money& operator*=(Money& a, I factor) {
  return a = a * factor;
}

// Money has no meaning multiplied by Money, nor added to a plain number or a percentage.
Money operator*(Money, Money) = delete;
template <std::floating_point F>
Money operator*(Money, F) = delete;
template <std::floating_point F>
Money operator*(F, Money) = delete;

/// a × rate, rounded to the 分 by `mode` (e.g. 5,751,054.00 元 × 0.8510).
[[nodiscard]] constexpr Result<Money> try_multiply(Money a, Decimal rate, Rounding mode) noexcept {
  // Fast path: the product fits 64 bits and the rate has 1 to 18 decimals (amounts below about
  // 6 × 10^12 元 times a rate to four decimals). Same results as the 128-bit path below.
  if (const std::int32_t e = rate.exponent(); e < 0 && e >= -18) {
    std::int64_t p = 0;
    if (!__builtin_mul_overflow(a.fen(), rate.coefficient(), &p) && p >= Money::min_fen) {
      return money_from_wide(
          detail::divide_rounded64(p, detail::pow10_64_table[static_cast<std::size_t>(-e)], mode));
    }
  }
  const detail::int128 product = detail::int128{a.fen()} * rate.coefficient();
  const std::int64_t e = rate.exponent();
  if (product == 0) return Money{};
  if (e >= 0) {
    if (e > 38 || detail::digits10(product) + e > 38) return unexpected(ArithmeticErrc::overflow);
    return money_from_wide(product * detail::pow10(static_cast<int>(e)));
  }
  if (-e > 38)
    return money_from_wide(detail::divide_rounded(product > 0 ? 1 : -1, detail::pow10(38), mode));
  return money_from_wide(
      detail::divide_rounded(product, detail::pow10(static_cast<int>(-e)), mode));
}
[[nodiscard]] constexpr Money multiply(Money a, Decimal rate, Rounding mode) {
  return detail::value_or_throw(try_multiply(a, rate, mode), "Money multiplication by a rate");
}

/// a ÷ divisor, rounded to the 分 by `mode` (a yearly amount over 12 months).
[[nodiscard]] constexpr Result<Money> try_divide(Money a, std::int64_t divisor,
                                                 Rounding mode) noexcept {
  if (divisor == 0) return unexpected(ArithmeticErrc::division_by_zero);
  return money_from_wide(detail::divide_rounded(a.fen(), divisor, mode));
}
[[nodiscard]] constexpr Money divide(Money a, std::int64_t divisor, Rounding mode) {
  return detail::value_or_throw(try_divide(a, divisor, mode), "Money division");
}

/// a ÷ divisor for a Decimal divisor, rounded to the 分.
[[nodiscard]] constexpr Result<Money> try_divide(Money a, Decimal divisor, Rounding mode) noexcept {
  if (divisor.is_zero()) return unexpected(ArithmeticErrc::division_by_zero);
  // a.fen / (c × 10^e) = a.fen × 10^-e / c
  const std::int64_t e = divisor.exponent();
  if (e <= 0 && e >= -18) {  // fast path in 64 bits, as for multiplication
    std::int64_t num = 0;
    if (!__builtin_mul_overflow(a.fen(), detail::pow10_64_table[static_cast<std::size_t>(-e)],
                                &num) &&
        num >= Money::min_fen) {
      const std::int64_t c = divisor.coefficient();
      return money_from_wide(detail::divide_rounded64(c < 0 ? -num : num, c < 0 ? -c : c, mode));
    }
  }
  detail::int128 num = a.fen();
  detail::int128 den = divisor.coefficient();
  if (num == 0) return Money{};
  if (e <= 0) {
    if (-e + detail::digits10(num) > 38) return unexpected(ArithmeticErrc::overflow);
    num *= detail::pow10(static_cast<int>(-e));
  } else if (e + detail::digits10(den) <= 38) {
    den *= detail::pow10(static_cast<int>(e));
  } else {
    num = detail::int128{a.signum()} * divisor.signum();
    den = detail::pow10(38);
  }
  return money_from_wide(detail::divide_rounded(num, den, mode));
}
[[nodiscard]] constexpr Money divide(Money a, Decimal divisor, Rounding mode) {
  return detail::value_or_throw(try_divide(a, divisor, mode), "Money division");
}

/// a ÷ b as a Decimal with the given exponent (e.g. -4), rounded by mode; division by zero
/// is an error (shares and rates over a zero base are `zero_base`, see percent.hpp).
[[nodiscard]] constexpr Result<Decimal> try_ratio(Money a, Money b, std::int64_t exponent,
                                                  Rounding mode) noexcept {
  if (b.is_zero()) return unexpected(ArithmeticErrc::division_by_zero);
  // Both as Decimal-sized wide values: a.fen / b.fen = q × 10^exponent.
  if (exponent > 0 || exponent < -36) return unexpected(ArithmeticErrc::invalid_argument);
  const detail::int128 num = detail::int128{a.fen()} * detail::pow10(static_cast<int>(-exponent));
  if (-exponent + detail::digits10(a.fen()) > 38) return unexpected(ArithmeticErrc::overflow);
  return Decimal::from_wide(detail::divide_rounded(num, b.fen(), mode), exponent)
      .and_then([exponent](Decimal d) -> Result<Decimal> {
        if (d.exponent() != exponent) return unexpected(ArithmeticErrc::overflow);
        return d;
      });
}

[[nodiscard]] constexpr Money abs(Money a) noexcept { return a.is_negative() ? -a : a; }

}  // namespace fisc
