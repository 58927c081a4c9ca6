// fisc — exact numbers for government fiscal accounts.
// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

#include <tl/expected.hpp>

namespace fisc {

/// Why an arithmetic operation has no result. Returned by the `try_*` functions; the
/// operators and plain functions throw `ArithmeticError` carrying the same code.
enum class ArithmeticErrc : std::uint8_t {
  overflow,  ///< the exact result does not fit the type (Money: int64 分; Decimal: 18 digits)
  division_by_zero,  ///< divisor is zero
  zero_base,         ///< a share, change rate or completion rate over a zero base (报告, 不除)
  invalid_argument,  ///< e.g. a negative number of decimals, precision outside 1..18
};

/// A stable English name of the error, e.g. "overflow".
[[nodiscard]] constexpr std::string_view to_string(ArithmeticErrc e) noexcept {
  switch (e) {
    case ArithmeticErrc::overflow: return "overflow";
    case ArithmeticErrc::division_by_zero: return "division by zero";
    case ArithmeticErrc::zero_base: return "zero base";
    case ArithmeticErrc::invalid_argument: return "invalid argument";
  }
  return "unknown";
}

/// Thrown by operators that cannot return an error value (`a + b` on Money, Decimal).
class ArithmeticError : public std::domain_error {
 public:
  ArithmeticError(ArithmeticErrc code, const std::string& what)
      : std::domain_error(what), code_(code) {}
  [[nodiscard]] ArithmeticErrc code() const noexcept { return code_; }

 private:
  ArithmeticErrc code_;
};

/// Result-or-error for the non-throwing API.
template <class T>
using Result = tl::expected<T, ArithmeticErrc>;

using tl::unexpected;

namespace detail {
[[noreturn]] inline void throw_arithmetic(ArithmeticErrc code, std::string_view operation) {
  std::string message = "fisc: ";
  message += to_string(code);
  message += " in ";
  message += operation;
  throw ArithmeticError(code, message);
}
}  // namespace detail

}  // namespace fisc
