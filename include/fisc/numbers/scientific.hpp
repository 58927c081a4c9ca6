// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fisc/numbers/decimal.hpp"
#include "fisc/numbers/error.hpp"

namespace fisc {

/// The text of one Decimal in a fixed buffer: no allocation, so it works in constant expressions
/// with every standard library (unlike a constexpr `std::string`).
///
/// The capacity covers the longest text: scientific "-d.ddddddddddddddddE-1000000016" (32
/// characters), plain "-0.00000" followed by 18 digits (26), engineering with two padding zeros
/// and a point (35).
class DecimalChars {
 public:
  static constexpr std::size_t capacity = 40;

  [[nodiscard]] constexpr std::string_view view() const noexcept { return {chars_.data(), size_}; }
  [[nodiscard]] constexpr std::size_t size() const noexcept { return size_; }
  [[nodiscard]] constexpr std::string str() const { return std::string(view()); }

  constexpr void push_back(char c) noexcept { chars_[size_++] = c; }
  /// The decimal digits of `v` (no sign; 0 gives "0").
  constexpr void append_digits(std::uint64_t v) noexcept {
    std::array<char, 20> reversed{};
    std::size_t n = 0;
    do {
      reversed[n++] = static_cast<char>('0' + v % 10);
      v /= 10;
    } while (v != 0);
    while (n > 0) push_back(reversed[--n]);
  }
  constexpr void append_zeros(std::int64_t n) noexcept {
    for (std::int64_t i = 0; i < n; ++i) push_back('0');
  }
  /// "E+n" or "E-n".
  constexpr void append_exponent(std::int64_t e) noexcept {
    push_back('E');
    push_back(e < 0 ? '-' : '+');
    append_digits(static_cast<std::uint64_t>(e < 0 ? -e : e));
  }

 private:
  std::array<char, capacity> chars_{};
  std::size_t size_ = 0;
};

namespace detail {

/// The digits of |coefficient| with a decimal point after the first `before_point` of them
/// (no point when every digit comes before it), padded with zeros to `before_point` digits.
constexpr void append_coefficient(DecimalChars& out, Decimal d, int before_point) noexcept {
  DecimalChars digits;
  const std::int64_t c = d.coefficient();
  digits.append_digits(static_cast<std::uint64_t>(c < 0 ? -c : c));
  const std::string_view all = digits.view();
  const auto split = static_cast<std::size_t>(before_point);
  for (std::size_t i = 0; i < split; ++i) out.push_back(i < all.size() ? all[i] : '0');
  if (split < all.size()) {
    out.push_back('.');
    for (std::size_t i = split; i < all.size(); ++i) out.push_back(all[i]);
  }
}

/// The shared part of to-scientific-string and to-engineering-string: the plain form when the
/// exponent is at most 0 and the adjusted exponent at least -6, else `exponential(out)`.
template <class Exponential>
constexpr DecimalChars to_chars(Decimal d, Exponential exponential) noexcept {
  DecimalChars out;
  if (d.is_negative()) out.push_back('-');
  const std::int64_t e = d.exponent();
  const std::int64_t adjusted = d.adjusted_exponent();
  if (e <= 0 && adjusted >= -6) {
    if (e == 0) {
      append_coefficient(out, d, d.digits());
    } else if (adjusted >= 0) {
      append_coefficient(out, d, static_cast<int>(adjusted + 1));
    } else {  // 0.000ddd: -adjusted - 1 zeros between the point and the first digit
      out.push_back('0');
      out.push_back('.');
      out.append_zeros(-adjusted - 1);
      append_coefficient(out, d, d.digits());
    }
    return out;
  }
  exponential(out, adjusted);
  return out;
}

/// Floor of a / 3 (C++ division truncates toward zero).
[[nodiscard]] constexpr std::int64_t floor_div3(std::int64_t a) noexcept {
  return a >= 0 ? a / 3 : -((-a + 2) / 3);
}

}  // namespace detail

/// The General Decimal Arithmetic *to-scientific-string* of `d`, in a fixed buffer.
///
/// Without an exponent when the exponent is at most 0 and the adjusted exponent (of the first
/// digit) at least -6: "123", "-1.50", "0.000001", "0.00". Otherwise one digit before the point
/// and "E" with the adjusted exponent: "1.23E+3" for 123E+1, "1E-7", "0E+2", "1.0E+2" for 10E+1.
/// Every digit of the coefficient is written, trailing zeros included.
[[nodiscard]] constexpr DecimalChars to_scientific_chars(Decimal d) noexcept {
  return detail::to_chars(d, [d](DecimalChars& out, std::int64_t adjusted) {
    detail::append_coefficient(out, d, 1);
    out.append_exponent(adjusted);
  });
}

/// The General Decimal Arithmetic *to-scientific-string* of `d` (see `to_scientific_chars`):
/// the exact representation, so that `try_from_scientific_string` gives back an `identical` value.
[[nodiscard]] constexpr std::string to_scientific_string(Decimal d) {
  return to_scientific_chars(d).str();
}

/// The General Decimal Arithmetic *to-engineering-string* of `d`, in a fixed buffer.
///
/// As `to_scientific_chars`, except that an exponent is a multiple of three, with one to three
/// digits before the point (zeros added when the coefficient is shorter): 123E+4 → "1.23E+6",
/// 1E+4 → "10E+3". A zero written with an exponent gets zeros after the point instead:
/// 0E+1 → "0.00E+3", 0E-7 → "0.0E-6".
[[nodiscard]] constexpr DecimalChars to_engineering_chars(Decimal d) noexcept {
  return detail::to_chars(d, [d](DecimalChars& out, std::int64_t adjusted) {
    if (d.is_zero()) {
      // The exponent goes up to the next multiple of three; the zeros after the point keep the
      // value's exponent (0.00E+3 is 0E+1).
      const std::int64_t engineering = -detail::floor_div3(-adjusted) * 3;
      out.push_back('0');
      if (engineering != adjusted) {
        out.push_back('.');
        out.append_zeros(engineering - adjusted);
      }
      out.append_exponent(engineering);
      return;
    }
    const std::int64_t engineering = detail::floor_div3(adjusted) * 3;
    detail::append_coefficient(out, d, static_cast<int>(adjusted - engineering + 1));
    if (engineering != 0) out.append_exponent(engineering);
  });
}

/// The General Decimal Arithmetic *to-engineering-string* of `d` (see `to_engineering_chars`).
[[nodiscard]] constexpr std::string to_engineering_string(Decimal d) {
  return to_engineering_chars(d).str();
}

/// The Decimal written as `text` in the General Decimal Arithmetic *to-number* syntax, exactly
/// (never rounded): an optional sign, digits with an optional point (at least one digit, "1.",
/// ".5" and "00.10" are numbers) and an optional exponent "E" or "e", optional sign, digits.
/// "1.20E+3" is 120E+1; the coefficient keeps its trailing zeros and the exponent is as written.
///
/// Errors: `invalid_argument` for anything else, including spaces, an empty string, "NaN",
/// "Infinity" and a negative zero such as "-0.00" (a Decimal has no NaN, infinity or signed zero);
/// `overflow` for more than 18 significant digits (leading zeros do not count, trailing zeros do)
/// or an exponent outside the range of Decimal.
[[nodiscard]] constexpr Result<Decimal> try_from_scientific_string(std::string_view text) noexcept {
  // Saturates far beyond Decimal's exponent range, so that any length of digits is safe.
  constexpr std::int64_t saturated = std::int64_t{1} << 40;
  std::size_t i = 0;
  const auto at_digit = [&] { return i < text.size() && text[i] >= '0' && text[i] <= '9'; };

  bool negative = false;
  if (i < text.size() && (text[i] == '+' || text[i] == '-')) negative = text[i++] == '-';

  std::int64_t coefficient = 0;
  int significant = 0;        // digits after the leading zeros, capped just above the limit
  std::int64_t fraction = 0;  // digits after the point
  bool any_digit = false;
  bool point = false;
  for (; i < text.size(); ++i) {
    const char ch = text[i];
    if (ch == '.' && !point) {
      point = true;
      continue;
    }
    if (ch < '0' || ch > '9') break;
    any_digit = true;
    if (point && fraction < saturated) ++fraction;
    if (significant == 0 && ch == '0') continue;
    if (significant <= Decimal::max_digits) {
      ++significant;
      if (significant <= Decimal::max_digits) coefficient = coefficient * 10 + (ch - '0');
    }
  }
  if (!any_digit) return unexpected(ArithmeticErrc::invalid_argument);

  std::int64_t exponent = 0;
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    bool exponent_negative = false;
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) exponent_negative = text[i++] == '-';
    if (!at_digit()) return unexpected(ArithmeticErrc::invalid_argument);
    for (; at_digit(); ++i) {
      if (exponent < saturated) exponent = exponent * 10 + (text[i] - '0');
    }
    if (exponent_negative) exponent = -exponent;
  }
  if (i != text.size()) return unexpected(ArithmeticErrc::invalid_argument);
  if (negative && coefficient == 0) return unexpected(ArithmeticErrc::invalid_argument);
  if (significant > Decimal::max_digits) return unexpected(ArithmeticErrc::overflow);
  return Decimal::make(negative ? -coefficient : coefficient, exponent - fraction);
}

/// As `try_from_scientific_string`, throwing `ArithmeticError` on error.
[[nodiscard]] constexpr Decimal from_scientific_string(std::string_view text) {
  return detail::value_or_throw(try_from_scientific_string(text), "Decimal from string");
}

}  // namespace fisc
