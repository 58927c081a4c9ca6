// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <cstdint>
#include <iosfwd>
#include <string>
#include <string_view>
#include <variant>

#include <tl/expected.hpp>

#include "fisc/classify/code_error.hpp"
#include "fisc/classify/code_level.hpp"
#include "fisc/classify/code_syntax.hpp"
#include "fisc/classify/economic_code.hpp"
#include "fisc/classify/function_code.hpp"

namespace fisc {

/// A code of either classification (科目编码): what a catalogue holds and what a table row may
/// print. The 类 tells them apart, as the two never share one: 100..299 functional, 301..399 and
/// 501..599 economic. Ordering: every functional code before every economic one.
using AnyCode = std::variant<FunctionCode, EconomicCode>;

/// From the digits as a number: 2013201 is functional, 30101 economic.
[[nodiscard]] constexpr tl::expected<AnyCode, CodeErrc> make_any_code(
    std::int64_t digits) noexcept {
  const auto function = FunctionCode::make(digits);
  if (function) return AnyCode{*function};
  if (function.error() != CodeErrc::class_out_of_range) return tl::unexpected(function.error());
  const auto economic = EconomicCode::make(digits);
  if (economic) return AnyCode{*economic};
  return tl::unexpected(economic.error());
}

/// A code of either kind, in any form of code_syntax.hpp. When the 类 is not functional the text
/// is read again as an economic code, so "3010101" is `wrong_digit_count` at the sixth digit.
[[nodiscard]] constexpr CodeResult<AnyCode> parse_any_code(std::string_view text) noexcept {
  const auto function = FunctionCode::parse(text);
  if (function) return AnyCode{*function};
  if (function.error().code != CodeErrc::class_out_of_range) {
    return tl::unexpected(function.error());
  }
  const auto economic = EconomicCode::parse(text);
  if (economic) return AnyCode{*economic};
  return tl::unexpected(economic.error());
}

/// A code of either kind and the name printed after it.
[[nodiscard]] constexpr CodeResult<CodeAndName<AnyCode>> parse_any_code_and_name(
    std::string_view text) noexcept {
  const auto function = FunctionCode::parse_code_and_name(text);
  if (function) return CodeAndName<AnyCode>{(*function).code, (*function).name};
  if (function.error().code != CodeErrc::class_out_of_range) {
    return tl::unexpected(function.error());
  }
  const auto economic = EconomicCode::parse_code_and_name(text);
  if (economic) return CodeAndName<AnyCode>{(*economic).code, (*economic).name};
  return tl::unexpected(economic.error());
}

// get_if rather than std::visit, which may throw bad_variant_access; an AnyCode is never
// valueless, as both alternatives are trivially copyable.
[[nodiscard]] constexpr CodeLevel level(const AnyCode& code) noexcept {
  if (const auto* function = std::get_if<FunctionCode>(&code)) return function->level();
  return std::get_if<EconomicCode>(&code)->level();
}

/// The digits as a number: 2013201, 30101.
[[nodiscard]] constexpr std::uint32_t value(const AnyCode& code) noexcept {
  if (const auto* function = std::get_if<FunctionCode>(&code)) return function->value();
  return std::get_if<EconomicCode>(&code)->value();
}

/// The digits, "2013201"; with a separator, the groups.
[[nodiscard]] std::string to_string(const AnyCode& code, std::string_view separator = {});

/// "2013201".
std::ostream& operator<<(std::ostream& os, const AnyCode& code);

}  // namespace fisc
