// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "fisc/numbers/decimal.hpp"
#include "fisc/numbers/money.hpp"

namespace fisc {

/// The unit a figure is written in: 元, 万元 (10^4 元), 亿元 (10^8 元), a percentage, or a plain
/// number (counts, quantities such as 平方米 whose unit is kept elsewhere).
///
/// Money itself is always 分; a unit only says how a figure is *written*. Conversions between
/// Money and a figure in a unit are explicit functions, and those that drop digits take a Rounding.
enum class Unit : std::uint8_t {
  none,     ///< a plain number
  yuan,     ///< 元
  wan,      ///< 万元
  yi,       ///< 亿元
  percent,  ///< % (percentage points: 11.64 means 11.64%)
};

[[nodiscard]] constexpr bool is_money(Unit u) noexcept {
  return u == Unit::yuan || u == Unit::wan || u == Unit::yi;
}

/// Power of ten from 分 to one of the unit: 元 2, 万元 6, 亿元 10; nothing for non-money units.
[[nodiscard]] constexpr std::optional<int> fen_exponent(Unit u) noexcept {
  switch (u) {
    case Unit::yuan: return 2;
    case Unit::wan: return 6;
    case Unit::yi: return 10;
    case Unit::none:
    case Unit::percent: return std::nullopt;
  }
  return std::nullopt;
}

/// The symbol as printed in Chinese documents: "元", "万元", "亿元", "%", "".
[[nodiscard]] constexpr std::string_view symbol(Unit u) noexcept {
  switch (u) {
    case Unit::none: return "";
    case Unit::yuan: return "元";
    case Unit::wan: return "万元";
    case Unit::yi: return "亿元";
    case Unit::percent: return "%";
  }
  return "";
}

/// The glossary identifier: "none", "yuan", "wan", "yi", "percent".
[[nodiscard]] constexpr std::string_view to_string(Unit u) noexcept {
  switch (u) {
    case Unit::none: return "none";
    case Unit::yuan: return "yuan";
    case Unit::wan: return "wan";
    case Unit::yi: return "yi";
    case Unit::percent: return "percent";
  }
  return "?";
}

[[nodiscard]] constexpr std::optional<Unit> unit_from_string(std::string_view id) noexcept {
  for (Unit u : {Unit::none, Unit::yuan, Unit::wan, Unit::yi, Unit::percent}) {
    if (to_string(u) == id) return u;
  }
  return std::nullopt;
}

/// The exact amount in `unit` (9,508,412.25 元 is 950.841225 万元): no rounding, so the result
/// keeps every 分. Error: `invalid_argument` for a non-money unit, `overflow` beyond 18 digits.
[[nodiscard]] constexpr Result<Decimal> try_in_unit(Money m, Unit unit) noexcept {
  const auto e = fen_exponent(unit);
  if (!e) return unexpected(ArithmeticErrc::invalid_argument);
  return Decimal::from_wide(m.fen(), -*e);
}
[[nodiscard]] constexpr Decimal in_unit(Money m, Unit unit) {
  return detail::value_or_throw(try_in_unit(m, unit), "conversion to a unit");
}

/// The amount in `unit` with `decimals` digits, rounded by `mode` (950.84 万元 from
/// 9,508,412.25 元 with 2 decimals, half_up).
[[nodiscard]] constexpr Result<Decimal> try_in_unit(Money m, Unit unit, int decimals,
                                                    Rounding mode) noexcept {
  return try_in_unit(m, unit).and_then(
      [&](Decimal d) { return try_quantize(d, -std::int64_t{decimals}, mode); });
}
[[nodiscard]] constexpr Decimal in_unit(Money m, Unit unit, int decimals, Rounding mode) {
  return detail::value_or_throw(try_in_unit(m, unit, decimals, mode), "conversion to a unit");
}

/// A figure in `unit` as Money, rounded to the 分 by `mode` when it has finer digits
/// (0.0000001 万元 is 0.001 元). Error: `invalid_argument` for a non-money unit, `overflow`.
[[nodiscard]] constexpr Result<Money> try_to_money(Decimal value, Unit unit,
                                                   Rounding mode) noexcept {
  const auto e = fen_exponent(unit);
  if (!e) return unexpected(ArithmeticErrc::invalid_argument);
  // fen = value × 10^e = c × 10^(exponent + e)
  const std::int64_t shift = std::int64_t{value.exponent()} + *e;
  if (value.is_zero()) return Money{};
  if (shift >= 0) {
    if (shift + value.digits() > 19) return unexpected(ArithmeticErrc::overflow);
    return money_from_wide(detail::int128{value.coefficient()} *
                           detail::pow10(static_cast<int>(shift)));
  }
  if (-shift > 38) {
    return money_from_wide(detail::divide_rounded(value.signum(), detail::pow10(38), mode));
  }
  return money_from_wide(
      detail::divide_rounded(value.coefficient(), detail::pow10(static_cast<int>(-shift)), mode));
}
[[nodiscard]] constexpr Money to_money(Decimal value, Unit unit, Rounding mode) {
  return detail::value_or_throw(try_to_money(value, unit, mode), "conversion to Money");
}

}  // namespace fisc
