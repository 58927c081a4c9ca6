// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <algorithm>
#include <compare>
#include <concepts>
#include <cstdint>
#include <optional>
#include <string_view>
#include <utility>

#include "fisc/numbers/error.hpp"
#include "fisc/numbers/rounding.hpp"

namespace fisc {

/// An exact decimal number: coefficient × 10^exponent, with up to 18 significant digits.
///
/// 小数: rates, percentages and quantities (e.g. 2421.1 平方米, 11.64 as in 11.64%). Like IEEE 754
/// decimal, a Decimal keeps the exponent it was written or computed with: 1.20 and 1.2 are equal
/// values (`==`) but not the same representation (`identical`), which is how fisc remembers how
/// many decimals a figure was written with. Exact arithmetic (`+`, `-`, `*`) never rounds: a
/// result that needs more than 18 digits is an overflow error. Every operation that must round —
/// division, quantize, rounding to a precision — takes its `Rounding` explicitly.
class Decimal {
 public:
  static constexpr int max_digits = 18;
  static constexpr std::int64_t max_coefficient = 999'999'999'999'999'999;
  static constexpr std::int32_t max_exponent = 999'999'999;
  static constexpr std::int32_t min_exponent = -999'999'999;

  constexpr Decimal() noexcept = default;

  /// coefficient × 10^exponent; throws ArithmeticError (overflow) when out of range.
  constexpr Decimal(std::int64_t coefficient, std::int32_t exponent)
      : c_(coefficient), e_(exponent) {
    if (!in_range(coefficient, exponent))
      detail::throw_arithmetic(ArithmeticErrc::overflow, "Decimal");
  }
  /// An integer (exponent 0).
  constexpr explicit Decimal(std::int64_t integer) : Decimal(integer, 0) {}
  /// A binary floating-point value is never an exact decimal: parse text, or give the digits.
  template <std::floating_point F>
  explicit Decimal(F) = delete;

  /// Non-throwing construction.
  [[nodiscard]] static constexpr Result<Decimal> make(std::int64_t coefficient,
                                                      std::int64_t exponent) noexcept {
    if (!in_range(coefficient, exponent)) return unexpected(ArithmeticErrc::overflow);
    Decimal d;
    d.c_ = coefficient;
    d.e_ = static_cast<std::int32_t>(exponent);
    return d;
  }

  [[nodiscard]] constexpr std::int64_t coefficient() const noexcept { return c_; }
  [[nodiscard]] constexpr std::int32_t exponent() const noexcept { return e_; }
  /// Digits after the decimal point as represented (0 for an exponent >= 0).
  [[nodiscard]] constexpr int decimals() const noexcept { return e_ < 0 ? -e_ : 0; }
  [[nodiscard]] constexpr bool is_zero() const noexcept { return c_ == 0; }
  [[nodiscard]] constexpr bool is_negative() const noexcept { return c_ < 0; }
  [[nodiscard]] constexpr int signum() const noexcept { return c_ < 0 ? -1 : (c_ > 0 ? 1 : 0); }
  /// Significant digits of the coefficient (0 has one).
  [[nodiscard]] constexpr int digits() const noexcept { return detail::digits10(c_); }
  /// The exponent of the most significant digit (decTest's "adjusted exponent").
  [[nodiscard]] constexpr std::int64_t adjusted_exponent() const noexcept {
    return std::int64_t{e_} + digits() - 1;
  }

  /// The same value with trailing zeros of the coefficient removed (0 becomes 0E0).
  [[nodiscard]] constexpr Decimal normalized() const noexcept {
    if (c_ == 0) return Decimal{};
    Decimal d = *this;
    while (d.c_ % 10 == 0 && d.e_ < max_exponent) {
      d.c_ /= 10;
      ++d.e_;
    }
    return d;
  }

  /// Same coefficient and exponent (not just the same value).
  [[nodiscard]] friend constexpr bool identical(Decimal a, Decimal b) noexcept {
    return a.c_ == b.c_ && a.e_ == b.e_;
  }

  constexpr Decimal operator-() const noexcept {
    Decimal d = *this;
    d.c_ = -d.c_;
    return d;
  }
  constexpr Decimal operator+() const noexcept { return *this; }

  friend constexpr std::strong_ordering operator<=>(Decimal a, Decimal b) noexcept {
    return compare(a, b);
  }
  friend constexpr bool operator==(Decimal a, Decimal b) noexcept {
    return compare(a, b) == std::strong_ordering::equal;
  }

  /// An exact wide value brought into range by removing trailing zeros only.
  [[nodiscard]] static constexpr Result<Decimal> from_wide(detail::int128 coefficient,
                                                           std::int64_t exponent) noexcept {
    if (coefficient == 0) {
      // A zero keeps its exponent where it can; otherwise any exponent is the same value.
      if (exponent > max_exponent) exponent = max_exponent;
      if (exponent < min_exponent) exponent = min_exponent;
      return make(0, exponent);
    }
    while (detail::abs128(coefficient) > max_coefficient && coefficient % 10 == 0) {
      coefficient /= 10;
      ++exponent;
    }
    if (detail::abs128(coefficient) > max_coefficient) return unexpected(ArithmeticErrc::overflow);
    return make(static_cast<std::int64_t>(coefficient), exponent);
  }

 private:
  /// The coefficients of `a` and `b` at the smaller of their exponents, when both fit 64 bits.
  [[nodiscard]] static constexpr std::optional<std::pair<std::int64_t, std::int64_t>> align64(
      Decimal a, Decimal b) noexcept {
    const std::int64_t diff = std::int64_t{a.e_} - b.e_;
    if (diff > max_digits || diff < -max_digits) return std::nullopt;
    const auto scale =
        static_cast<std::int64_t>(detail::pow10(static_cast<int>(diff < 0 ? -diff : diff)));
    std::int64_t scaled = 0;
    if (diff >= 0) {
      if (__builtin_mul_overflow(a.c_, scale, &scaled)) return std::nullopt;
      return std::pair{scaled, b.c_};
    }
    if (__builtin_mul_overflow(b.c_, scale, &scaled)) return std::nullopt;
    return std::pair{a.c_, scaled};
  }

  friend constexpr Result<Decimal> try_add(Decimal a, Decimal b) noexcept;

  static constexpr bool in_range(std::int64_t c, std::int64_t e) noexcept {
    return c <= max_coefficient && c >= -max_coefficient && e <= max_exponent && e >= min_exponent;
  }

  static constexpr std::strong_ordering compare(Decimal a, Decimal b) noexcept {
    if (a.signum() != b.signum()) return a.signum() <=> b.signum();
    if (a.c_ == 0) return std::strong_ordering::equal;
    if (a.e_ == b.e_) return a.c_ <=> b.c_;
    // The coefficient of the larger exponent brought down to the other's, when that fits 64
    // bits. It always does when the two have the same adjusted exponent (the aligned
    // coefficient then has as many digits as the other, at most 18).
    if (const auto aligned = align64(a, b)) return aligned->first <=> aligned->second;
    // So here the adjusted exponents differ, and they order the magnitudes.
    const auto aa = a.adjusted_exponent();
    const auto ba = b.adjusted_exponent();
    return a.c_ < 0 ? ba <=> aa : aa <=> ba;
  }

  std::int64_t c_ = 0;
  std::int32_t e_ = 0;
};

/// Precision and rounding for operations that round to a number of significant digits
/// (the decTest "context"). Precision is 1..18.
struct Context {
  int precision = Decimal::max_digits;
  Rounding rounding;
};

namespace detail {

/// Value-or-throw for the throwing wrappers.
template <class T>
constexpr T value_or_throw(Result<T> r, std::string_view operation) {
  if (!r) throw_arithmetic(r.error(), operation);
  return *r;
}

/// coefficient × 10^exponent rounded to `ctx.precision` significant digits.
[[nodiscard]] constexpr Result<Decimal> round_wide(int128 coefficient, std::int64_t exponent,
                                                   Context ctx) noexcept {
  if (ctx.precision < 1 || ctx.precision > Decimal::max_digits) {
    return unexpected(ArithmeticErrc::invalid_argument);
  }
  const int digits = digits10(coefficient);
  if (digits > ctx.precision) {
    const int drop = digits - ctx.precision;
    coefficient = divide_rounded(coefficient, pow10(drop), ctx.rounding);
    exponent += drop;
    if (abs128(coefficient) == pow10(ctx.precision)) {  // carried into a new digit
      coefficient /= 10;
      ++exponent;
    }
  }
  return Decimal::make(static_cast<std::int64_t>(coefficient), exponent);
}

/// Aligned sum of a and b; when the exact sum is too wide for 128 bits, the lesser operand is
/// replaced by a sticky unit far below the rounding position, which leaves every rounding
/// decision at `precision` digits unchanged (it only tells "a little more / a little less").
struct WideSum {
  int128 coefficient;
  std::int64_t exponent;
  bool exact;
};

[[nodiscard]] constexpr WideSum wide_sum(Decimal a, Decimal b, int precision) noexcept {
  if (a.exponent() < b.exponent()) std::swap(a, b);  // a has the larger exponent
  const std::int64_t diff = std::int64_t{a.exponent()} - b.exponent();
  if (a.is_zero() && diff + b.digits() > 37) {
    return {b.coefficient(), b.exponent(), true};
  }
  if (diff + a.digits() <= 37) {
    return {int128{a.coefficient()} * pow10(static_cast<int>(diff)) + b.coefficient(), b.exponent(),
            true};
  }
  // |b| < 10^(b.exponent + 18) <= 10^F (shown in docs/architecture.md, "context addition").
  const std::int64_t f =
      std::min<std::int64_t>(a.exponent(), std::int64_t{a.exponent()} + a.digits() - precision - 2);
  const int128 hi = int128{a.coefficient()} * pow10(static_cast<int>(a.exponent() - f)) * 10;
  return {hi + b.signum(), f - 1, b.is_zero()};
}

}  // namespace detail

// ----- exact arithmetic ------------------------------------------------------------------------

[[nodiscard]] constexpr Result<Decimal> try_add(Decimal a, Decimal b) noexcept {
  // The sum at the smaller exponent in 64 bits, when it fits there and in 18 digits: the result
  // the wide sum below gives, without its 128-bit arithmetic (sums of figures of one table).
  if (const auto aligned = Decimal::align64(a, b)) {
    std::int64_t sum = 0;
    if (!__builtin_add_overflow(aligned->first, aligned->second, &sum)) {
      const auto exact = Decimal::make(sum, std::min(a.exponent(), b.exponent()));
      if (exact) return exact;
    }
  }
  if (a.is_zero() && b.is_zero()) return Decimal::make(0, std::min(a.exponent(), b.exponent()));
  const auto s = detail::wide_sum(a, b, Decimal::max_digits);
  if (!s.exact) return unexpected(ArithmeticErrc::overflow);
  return Decimal::from_wide(s.coefficient, s.exponent);
}
[[nodiscard]] constexpr Result<Decimal> try_subtract(Decimal a, Decimal b) noexcept {
  return try_add(a, -b);
}
[[nodiscard]] constexpr Result<Decimal> try_multiply(Decimal a, Decimal b) noexcept {
  return Decimal::from_wide(detail::int128{a.coefficient()} * b.coefficient(),
                            std::int64_t{a.exponent()} + b.exponent());
}

constexpr Decimal operator+(Decimal a, Decimal b) {
  return detail::value_or_throw(try_add(a, b), "Decimal addition");
}
constexpr Decimal operator-(Decimal a, Decimal b) {
  return detail::value_or_throw(try_subtract(a, b), "Decimal subtraction");
}
constexpr Decimal operator*(Decimal a, Decimal b) {
  return detail::value_or_throw(try_multiply(a, b), "Decimal multiplication");
}
constexpr Decimal& operator+=(Decimal& a, Decimal b) { return a = a + b; }
constexpr Decimal& operator-=(Decimal& a, Decimal b) { return a = a - b; }
constexpr Decimal& operator*=(Decimal& a, Decimal b) { return a = a * b; }
// No operator/: division rounds, so it is `divide(a, b, exponent, rounding)` or
// `divide(a, b, context)`.

// ----- rounding --------------------------------------------------------------------------------

/// `a` with exponent `exponent` (e.g. -2 for two decimals), rounded by `mode` when digits are
/// removed; overflow when zeros must be added beyond 18 digits.
[[nodiscard]] constexpr Result<Decimal> try_quantize(Decimal a, std::int64_t exponent,
                                                     Rounding mode) noexcept {
  if (exponent > Decimal::max_exponent || exponent < Decimal::min_exponent) {
    return unexpected(ArithmeticErrc::overflow);
  }
  const std::int64_t shift = exponent - a.exponent();
  if (shift == 0) return a;
  if (shift < 0) {
    if (a.is_zero()) return Decimal::make(0, exponent);
    if (-shift + a.digits() > Decimal::max_digits) return unexpected(ArithmeticErrc::overflow);
    return Decimal::make(
        a.coefficient() * static_cast<std::int64_t>(detail::pow10(static_cast<int>(-shift))),
        exponent);
  }
  if (shift > 38) {  // every digit is removed: only the sign of the remainder matters
    const detail::int128 q = detail::divide_rounded(a.signum(), detail::pow10(38), mode);
    return Decimal::make(static_cast<std::int64_t>(q), exponent);
  }
  const detail::int128 q =
      detail::divide_rounded(a.coefficient(), detail::pow10(static_cast<int>(shift)), mode);
  return Decimal::make(static_cast<std::int64_t>(q), exponent);
}
[[nodiscard]] constexpr Decimal quantize(Decimal a, std::int64_t exponent, Rounding mode) {
  return detail::value_or_throw(try_quantize(a, exponent, mode), "Decimal quantize");
}
/// `a` with `decimals` digits after the point (11.6412 → 11.64 for 2, half_up).
[[nodiscard]] constexpr Result<Decimal> try_round_to(Decimal a, int decimals,
                                                     Rounding mode) noexcept {
  return try_quantize(a, -std::int64_t{decimals}, mode);
}
[[nodiscard]] constexpr Decimal round_to(Decimal a, int decimals, Rounding mode) {
  return detail::value_or_throw(try_round_to(a, decimals, mode), "Decimal round_to");
}

/// `a` rounded to ctx.precision significant digits (decTest `plus`).
[[nodiscard]] constexpr Result<Decimal> try_round(Decimal a, Context ctx) noexcept {
  return detail::round_wide(a.coefficient(), a.exponent(), ctx);
}

// ----- arithmetic in a context (rounded to a precision) ----------------------------------------

[[nodiscard]] constexpr Result<Decimal> try_add(Decimal a, Decimal b, Context ctx) noexcept {
  if (ctx.precision < 1 || ctx.precision > Decimal::max_digits) {
    return unexpected(ArithmeticErrc::invalid_argument);
  }
  const auto s = detail::wide_sum(a, b, ctx.precision);
  return detail::round_wide(s.coefficient, s.exponent, ctx);
}
[[nodiscard]] constexpr Result<Decimal> try_subtract(Decimal a, Decimal b, Context ctx) noexcept {
  return try_add(a, -b, ctx);
}
[[nodiscard]] constexpr Result<Decimal> try_multiply(Decimal a, Decimal b, Context ctx) noexcept {
  return detail::round_wide(detail::int128{a.coefficient()} * b.coefficient(),
                            std::int64_t{a.exponent()} + b.exponent(), ctx);
}

/// a ÷ b to ctx.precision digits; an exact quotient takes the ideal exponent
/// (a.exponent − b.exponent) where its digits allow, as General Decimal Arithmetic specifies.
[[nodiscard]] constexpr Result<Decimal> try_divide(Decimal a, Decimal b, Context ctx) noexcept {
  if (ctx.precision < 1 || ctx.precision > Decimal::max_digits) {
    return unexpected(ArithmeticErrc::invalid_argument);
  }
  if (b.is_zero()) return unexpected(ArithmeticErrc::division_by_zero);
  const std::int64_t ideal = std::int64_t{a.exponent()} - b.exponent();
  if (a.is_zero()) return Decimal::from_wide(0, ideal);
  const int p = ctx.precision;
  const int k = std::max(0, p + b.digits() - a.digits() + 1);
  const detail::int128 num = detail::abs128(a.coefficient()) * detail::pow10(k);
  const detail::int128 den = detail::abs128(b.coefficient());
  detail::int128 q = num / den;
  const detail::int128 r = num % den;
  std::int64_t exponent = ideal - k;
  const bool negative = a.is_negative() != b.is_negative();
  if (r == 0) {
    while (exponent < ideal && q % 10 == 0) {
      q /= 10;
      ++exponent;
    }
  } else {
    q = q * 10 + 1;  // sticky: strictly between q and q+1 in the last place
    --exponent;
  }
  return detail::round_wide(negative ? -q : q, exponent, ctx);
}

/// a ÷ b with the result's exponent fixed (e.g. -4 for a rate to four decimals), rounded by mode.
[[nodiscard]] constexpr Result<Decimal> try_divide(Decimal a, Decimal b, std::int64_t exponent,
                                                   Rounding mode) noexcept {
  if (b.is_zero()) return unexpected(ArithmeticErrc::division_by_zero);
  if (exponent > Decimal::max_exponent || exponent < Decimal::min_exponent) {
    return unexpected(ArithmeticErrc::overflow);
  }
  // q = a.c × 10^k / b.c with k = a.e − b.e − exponent.
  const std::int64_t k = std::int64_t{a.exponent()} - b.exponent() - exponent;
  detail::int128 num = a.coefficient();
  detail::int128 den = b.coefficient();
  if (a.is_zero()) return Decimal::make(0, exponent);
  if (k >= 0) {
    if (k + a.digits() - b.digits() > Decimal::max_digits + 1)
      return unexpected(ArithmeticErrc::overflow);
    if (k + a.digits() > 38) return unexpected(ArithmeticErrc::overflow);
    num *= detail::pow10(static_cast<int>(k));
  } else if (-k + b.digits() <= 38) {
    den *= detail::pow10(static_cast<int>(-k));
  } else {
    // |a/b| is far below one unit of the result: only the sign of the quotient matters.
    num = detail::int128{a.signum()} * b.signum();
    den = detail::pow10(38);
  }
  return Decimal::from_wide(detail::divide_rounded(num, den, mode), exponent)
      .and_then([exponent](Decimal d) -> Result<Decimal> {
        if (d.exponent() != exponent) return unexpected(ArithmeticErrc::overflow);
        return d;
      });
}

[[nodiscard]] constexpr Decimal divide(Decimal a, Decimal b, std::int64_t exponent, Rounding mode) {
  return detail::value_or_throw(try_divide(a, b, exponent, mode), "Decimal division");
}
[[nodiscard]] constexpr Decimal divide(Decimal a, Decimal b, Context ctx) {
  return detail::value_or_throw(try_divide(a, b, ctx), "Decimal division");
}
[[nodiscard]] constexpr Decimal abs(Decimal a) noexcept { return a.is_negative() ? -a : a; }

}  // namespace fisc
