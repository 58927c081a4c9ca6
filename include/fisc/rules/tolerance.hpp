// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <cstdint>
#include <string>

#include "fisc/numbers/decimal.hpp"

namespace fisc {

/// How figures as written become the values a check compares (判定口径).
///
/// The default reads each figure as rounded to its last digit, so "950.84" is any value in
/// [950.835, 950.845), and a relation fails only when no values consistent with every figure
/// satisfy it (design.md §1.2; XBRL Calculations 1.1's idea). A fixed absolute tolerance or a
/// truncated reading is used only when configured, and each finding names the policy that judged
/// it.
struct TolerancePolicy {
  enum class Kind : std::uint8_t {
    interval,    ///< each figure is the interval its rounding allows (default)
    absolute,    ///< each figure is exact; a relation holds within a fixed difference
    truncation,  ///< each figure is read as truncated (截尾), not rounded, to its last digit
  };
  Kind kind = Kind::interval;
  /// For `absolute`: the difference allowed in money, in 元, and in rates and shares, in
  /// percentage points; counts must match exactly.
  Decimal money_yuan{};
  Decimal rate_points{};

  [[nodiscard]] static TolerancePolicy intervals() noexcept { return {}; }
  [[nodiscard]] static TolerancePolicy truncation() noexcept { return {Kind::truncation, {}, {}}; }
  [[nodiscard]] static TolerancePolicy absolute(Decimal money_yuan, Decimal rate_points) noexcept {
    return {Kind::absolute, money_yuan, rate_points};
  }
  friend bool operator==(const TolerancePolicy&, const TolerancePolicy&) = default;
};

/// "interval", "truncation", or "absolute(100元, 0.01pp)": the words a finding's `policy` holds.
[[nodiscard]] std::string describe(const TolerancePolicy& policy);

}  // namespace fisc
