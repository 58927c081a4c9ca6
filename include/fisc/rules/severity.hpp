// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace fisc {

/// How much a finding matters; ordered, so `a < b` means b is worse.
///
/// The official audit formulas grade their checks 强制 (must hold), 提示 (worth a look) and 核实
/// (to verify); fisc's error / warning / info follow them. `ok` is the grade of a check that held
/// (listed only with `--show-passed`).
enum class Severity : std::uint8_t {
  ok,       ///< 通过: the check held
  info,     ///< 核实: to verify, not wrong by itself
  warning,  ///< 提示: probably wrong, or a rate that cannot be computed
  error,    ///< 强制: the figures cannot all be right
};

/// "ok", "info", "warning", "error".
[[nodiscard]] std::string_view to_string(Severity s) noexcept;
[[nodiscard]] std::optional<Severity> severity_from_string(std::string_view s) noexcept;

}  // namespace fisc
