// SPDX-License-Identifier: BSL-1.0
#include "fisc/numbers/format.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

#include "fisc/numbers/scientific.hpp"

namespace fisc {
namespace {

// Longest fixed text: sign, 39 integer digits with 12 separators, point, 40 decimals, symbol.
constexpr std::size_t fixed_chars_max = 112;

/// Writes sign, integer digits (grouped on request), and `decimals` decimals of
/// magnitude × 10^-decimals × 10^zeros; `zeros` only with no decimals. Returns the end.
template <class Unsigned>
char* write_fixed(char* out, bool negative, Unsigned magnitude, int decimals, int zeros,
                  bool thousands) noexcept {
  std::array<char, 48> digits;  // NOLINT(*-member-init): filled from the end before it is read
  char* const digits_end = digits.data() + digits.size();
  char* first = digits_end;
  do {
    *--first = static_cast<char>('0' + static_cast<int>(magnitude % 10));
    magnitude /= 10;
  } while (magnitude != 0);
  while (digits_end - first < decimals + 1) *--first = '0';  // "0.005"
  if (negative) *out++ = '-';
  const auto integer_digits = static_cast<int>(digits_end - first) - decimals;
  if (!thousands) {
    out = std::copy(first, first + integer_digits, out);
    out = std::fill_n(out, zeros, '0');
  } else {
    const int all = integer_digits + zeros;
    for (int i = 0; i < all; ++i) {
      if (i > 0 && (all - i) % 3 == 0) *out++ = ',';
      *out++ = i < integer_digits ? first[i] : '0';
    }
  }
  if (decimals > 0) {
    *out++ = '.';
    out = std::copy(first + integer_digits, digits_end, out);
  }
  return out;
}

std::uint64_t magnitude_of(std::int64_t v) noexcept {
  return v < 0 ? 0 - static_cast<std::uint64_t>(v) : static_cast<std::uint64_t>(v);
}

bool plain(Decimal d) noexcept {
  return d.exponent() >= -max_plain_decimals && d.exponent() <= max_plain_zeros;
}

char* write_decimal(char* out, Decimal d, bool thousands) noexcept {
  if (!plain(d)) {
    const auto chars = to_scientific_chars(d);
    for (const char c : chars.view()) *out++ = c;
    return out;
  }
  const int e = d.exponent();
  // Zero has no digits to scale: 0E+3 is "0", while 0E-2 keeps its decimals, "0.00".
  const int zeros = e > 0 && !d.is_zero() ? e : 0;
  return write_fixed(out, d.is_negative(), magnitude_of(d.coefficient()), e < 0 ? -e : 0, zeros,
                     thousands);
}

std::string append(std::string text, std::string_view suffix) {
  text += suffix;
  return text;
}

int money_places(Unit unit) {
  const std::optional<int> places = fen_exponent(unit);
  if (!places) {
    detail::throw_arithmetic(ArithmeticErrc::invalid_argument,
                             "formatting money in a non-money unit");
  }
  return *places;
}

}  // namespace

char* format_to(char* out, Decimal d) noexcept { return write_decimal(out, d, false); }

std::string to_string(Decimal d) { return format(d); }

std::string format(Decimal d, FormatOptions options) {
  std::array<char, fixed_chars_max> buffer;  // NOLINT(*-member-init): written before read
  char* end = write_decimal(buffer.data(), d, options.thousands);
  return std::string(buffer.data(), end);
}

std::string to_string(Money m) { return format(m, Unit::yuan); }

std::string format(Money m, Unit unit, FormatOptions options) {
  const int places = money_places(unit);
  std::array<char, fixed_chars_max> buffer;  // NOLINT(*-member-init): written before read
  char* end = write_fixed(buffer.data(), m.is_negative(), magnitude_of(m.fen()), places, 0,
                          options.thousands);
  std::string text(buffer.data(), end);
  if (options.unit_symbol) text += symbol(unit);
  return text;
}

std::string format(Money m, Unit unit, int decimals, Rounding mode, FormatOptions options) {
  const int places = money_places(unit);
  if (decimals < 0 || decimals > Decimal::max_digits) {
    detail::throw_arithmetic(ArithmeticErrc::invalid_argument, "formatting money to decimals");
  }
  // |fen| < 2^63 and 10^16 < 2^54: the scaled amount fits 128 bits.
  detail::int128 scaled = m.fen();
  if (decimals >= places) {
    scaled *= detail::pow10(decimals - places);
  } else {
    scaled = detail::divide_rounded(scaled, detail::pow10(places - decimals), mode);
  }
  const bool negative = scaled < 0;
  const auto magnitude = static_cast<detail::uint128>(negative ? -scaled : scaled);
  std::array<char, fixed_chars_max> buffer;  // NOLINT(*-member-init): written before read
  char* end = write_fixed(buffer.data(), negative, magnitude, decimals, 0, options.thousands);
  std::string text(buffer.data(), end);
  if (options.unit_symbol) text += symbol(unit);
  return text;
}

std::string to_string(Percent p) { return format(p); }

std::string format(Percent p, FormatOptions options) {
  return append(format(p.points(), options), "%");
}

std::string to_string(const Interval& i) {
  std::string text(1, i.lo_closed() ? '[' : '(');
  text += to_string(i.lo());
  text += ", ";
  text += to_string(i.hi());
  text += i.hi_closed() ? ']' : ')';
  return text;
}

std::string format(const Stated& s) {
  if (!s.text.empty()) return s.text;
  return append(to_string(s.value), symbol(s.unit));
}

std::ostream& operator<<(std::ostream& os, Decimal d) {
  std::array<char, decimal_chars_max> buffer;  // NOLINT(*-member-init): written before read
  char* end = format_to(buffer.data(), d);
  return os.write(buffer.data(), end - buffer.data());
}
std::ostream& operator<<(std::ostream& os, Money m) { return os << to_string(m); }
std::ostream& operator<<(std::ostream& os, Percent p) { return os << p.points() << '%'; }
std::ostream& operator<<(std::ostream& os, const Interval& i) { return os << to_string(i); }
std::ostream& operator<<(std::ostream& os, const Stated& s) { return os << format(s); }
std::ostream& operator<<(std::ostream& os, Unit u) { return os << to_string(u); }
std::ostream& operator<<(std::ostream& os, Rounding r) { return os << to_string(r); }
std::ostream& operator<<(std::ostream& os, Reading r) { return os << to_string(r); }
std::ostream& operator<<(std::ostream& os, ArithmeticErrc e) { return os << to_string(e); }

}  // namespace fisc
