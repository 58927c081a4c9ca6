// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "fisc/numbers/decimal.hpp"
#include "fisc/numbers/interval.hpp"
#include "fisc/numbers/unit.hpp"

namespace fisc {

/// How a stated figure relates to the true value behind it.
enum class Reading : std::uint8_t {
  rounded,    ///< 四舍五入 to the decimals written (the default: 950.84 is [950.835, 950.845))
  truncated,  ///< cut toward zero at the decimals written (950.84 is [950.84, 950.85))
  exact,      ///< the figure is the value itself (a count, a code, a 元 amount to the 分)
};

[[nodiscard]] constexpr std::string_view to_string(Reading r) noexcept {
  switch (r) {
    case Reading::rounded: return "rounded";
    case Reading::truncated: return "truncated";
    case Reading::exact: return "exact";
  }
  return "?";
}

/// A figure as a document writes it: the exact value written (whose exponent records the
/// decimals written), its unit, how it was rounded, and the text itself ("5,751,054.00",
/// "11.64％"), so that a finding can quote it exactly.
///
/// 所列数字. A document that drops trailing zeros ("125.3" among figures to the 0.01) can be
/// told so with `assume_decimals(2)`: the interval then is that of 125.30.
struct Stated {
  Decimal value;
  Unit unit = Unit::none;
  Reading reading = Reading::rounded;
  std::string text;
  /// Decimals the interval is computed with when they differ from those written (-1: as written).
  std::int8_t assumed_decimals = -1;

  /// The decimals that define the figure's precision.
  [[nodiscard]] constexpr int decimals() const noexcept {
    return assumed_decimals >= 0 ? assumed_decimals : value.decimals();
  }
  /// The same figure read as stated to `decimals` digits (see the class comment).
  [[nodiscard]] Stated assume_decimals(int decimals) const {
    Stated s = *this;
    s.assumed_decimals =
        static_cast<std::int8_t>(decimals < 0 ? -1 : (decimals > 18 ? 18 : decimals));
    return s;
  }

  /// The true values consistent with the figure, in its own unit.
  [[nodiscard]] constexpr Result<Interval> try_interval() const noexcept {
    if (reading == Reading::exact) return Interval::point(value);
    // One unit in the last place, and half of it.
    const std::int64_t e = std::min<std::int64_t>(value.exponent(), -std::int64_t{decimals()});
    const auto ulp = Decimal::make(1, e);
    const auto half = Decimal::make(5, e - 1);
    if (!ulp || !half) return unexpected(ArithmeticErrc::overflow);
    const auto lo_hi = [&](Decimal below, Decimal above, bool lo_closed,
                           bool hi_closed) -> Result<Interval> {
      const auto lo = try_subtract(value, below);
      const auto hi = try_add(value, above);
      if (!lo || !hi) return unexpected(ArithmeticErrc::overflow);
      return Interval::make(*lo, lo_closed, *hi, hi_closed);
    };
    const int sign = value.signum();
    if (reading == Reading::rounded) {
      // Half away from zero: 0.005 shows as 0.01, so a positive figure owns its lower half-point.
      return lo_hi(*half, *half, sign > 0, sign < 0);
    }
    // Truncated toward zero.
    if (sign > 0) return lo_hi(Decimal{}, *ulp, true, false);
    if (sign < 0) return lo_hi(*ulp, Decimal{}, false, true);
    return lo_hi(*ulp, *ulp, false, false);
  }
  [[nodiscard]] constexpr Interval interval() const {
    return detail::value_or_throw(try_interval(), "Stated::interval");
  }

  /// The interval expressed in `target`: 万元 ↔ 元 ↔ 亿元 exactly, % ↔ plain fraction (×100).
  /// invalid_argument between money and non-money units.
  [[nodiscard]] constexpr Result<Interval> try_interval_in(Unit target) const noexcept {
    const auto shift = unit_shift(unit, target);
    if (!shift) return unexpected(ArithmeticErrc::invalid_argument);
    return try_interval().and_then(
        [&](const Interval& i) -> Result<Interval> { return i.try_scale_by_power_of_ten(*shift); });
  }

  /// The power of ten that turns a figure in `from` into one in `to`, if they convert.
  [[nodiscard]] static constexpr std::optional<int> unit_shift(Unit from, Unit to) noexcept {
    if (from == to) return 0;
    if (is_money(from) && is_money(to)) return *fen_exponent(from) - *fen_exponent(to);
    if (from == Unit::percent && to == Unit::none) return -2;
    if (from == Unit::none && to == Unit::percent) return 2;
    return std::nullopt;
  }

  /// The figure as Money, when it is in a money unit and has no digits finer than the 分.
  [[nodiscard]] constexpr Result<Money> try_money() const noexcept {
    return try_to_money(value, unit, Rounding::down).and_then([&](Money m) -> Result<Money> {
      const auto back = try_in_unit(m, unit);
      if (!back || *back != value) return unexpected(ArithmeticErrc::invalid_argument);
      return m;
    });
  }

  /// The same figure written the same way (125.3 and 125.30 are different statements).
  friend bool operator==(const Stated& a, const Stated& b) noexcept {
    return identical(a.value, b.value) && a.unit == b.unit && a.reading == b.reading &&
           a.text == b.text && a.assumed_decimals == b.assumed_decimals;
  }
};

}  // namespace fisc
