// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <compare>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>

#include <tl/expected.hpp>

#include "fisc/classify/code_error.hpp"
#include "fisc/classify/code_level.hpp"
#include "fisc/classify/code_syntax.hpp"

namespace fisc {

/// The two economic classifications of expenditure: 部门预算支出经济分类 (department, 301..399),
/// used in a department's own tables, and 政府预算支出经济分类 (government, 501..599), used by the
/// finance bureau's budget. The crosswalk between them is in crosswalk.hpp.
enum class EconomicScheme : std::uint8_t { department, government };

/// "department", "government".
[[nodiscard]] constexpr std::string_view to_string(EconomicScheme scheme) noexcept {
  return scheme == EconomicScheme::department ? "department" : "government";
}

std::ostream& operator<<(std::ostream& os, EconomicScheme scheme);

/// A code of the economic classification of expenditure (支出经济分类科目编码): 类 3 digits
/// (301 工资福利支出, 501 机关工资福利支出), 款 5 digits (30101 基本工资). The scheme follows from
/// the 类: 301..399 department, 501..599 government. There is no 项 level.
///
/// Every EconomicCode is well formed (类 in one of the two ranges, 款 01..99); whether it exists
/// in a year is the `Catalogue`'s question. Ordering: a 类 then its 款; department codes before
/// government codes.
class EconomicCode {
 public:
  static constexpr int max_digits = 5;

  /// From the digits as a number: `EconomicCode{30101}`; throws InvalidCode.
  constexpr explicit EconomicCode(std::int64_t digits)
      : EconomicCode(detail::code_syntax::code_or_throw(make(digits))) {}
  /// From text in any form `parse` takes: `EconomicCode{"301-01"}`; throws InvalidCode.
  constexpr explicit EconomicCode(std::string_view text)
      : EconomicCode(detail::code_syntax::code_or_throw(parse(text))) {}

  /// Non-throwing construction from the digits as a number: 3 digits a 类, 5 a 款.
  [[nodiscard]] static constexpr tl::expected<EconomicCode, CodeErrc> make(
      std::int64_t digits) noexcept {
    if (digits >= 100 && digits <= 999) {
      if (!valid_class(digits)) return tl::unexpected(CodeErrc::class_out_of_range);
      return EconomicCode(static_cast<std::uint32_t>(digits) * 100, CodeLevel::class_);
    }
    if (digits >= 10'000 && digits <= 99'999) {
      if (!valid_class(digits / 100)) return tl::unexpected(CodeErrc::class_out_of_range);
      if (digits % 100 == 0) return tl::unexpected(CodeErrc::zero_group);
      return EconomicCode(static_cast<std::uint32_t>(digits), CodeLevel::section);
    }
    return tl::unexpected(CodeErrc::wrong_digit_count);
  }

  /// The code alone in any form of code_syntax.hpp: "30101", "301 01", "[30101]".
  [[nodiscard]] static constexpr CodeResult<EconomicCode> parse(std::string_view text) noexcept {
    return parse_code<EconomicCode>(text);
  }
  /// The code and the name printed after it: "30101 基本工资".
  [[nodiscard]] static constexpr CodeResult<CodeAndName<EconomicCode>> parse_code_and_name(
      std::string_view text) noexcept {
    return fisc::parse_code_and_name<EconomicCode>(text);
  }

  /// Whether `digits` (e.g. 301) is a 类 of either scheme: 301..399 or 501..599.
  [[nodiscard]] static constexpr bool valid_class(std::int64_t digits) noexcept {
    return (digits >= 301 && digits <= 399) || (digits >= 501 && digits <= 599);
  }

  [[nodiscard]] constexpr EconomicScheme scheme() const noexcept {
    return key_ < 50000 ? EconomicScheme::department : EconomicScheme::government;
  }
  [[nodiscard]] constexpr CodeLevel level() const noexcept { return level_; }
  /// The digits as a number: 301, 30101.
  [[nodiscard]] constexpr std::uint32_t value() const noexcept {
    return level_ == CodeLevel::class_ ? key_ / 100 : key_;
  }
  /// The 类 digits: 301 for 30101.
  [[nodiscard]] constexpr std::uint32_t class_part() const noexcept { return key_ / 100; }
  /// The 款 digits: 1 for 30101; 0 for a 类.
  [[nodiscard]] constexpr std::uint32_t section_part() const noexcept { return key_ % 100; }

  /// The 类 of a 款; none for a 类.
  [[nodiscard]] constexpr std::optional<EconomicCode> parent() const noexcept {
    if (level_ == CodeLevel::class_) return std::nullopt;
    return class_code();
  }
  /// The 类 this code belongs to (itself for a 类).
  [[nodiscard]] constexpr EconomicCode class_code() const noexcept {
    return {key_ / 100 * 100, CodeLevel::class_};
  }
  /// Whether `other` is a 款 of this 类 (a code is not its own ancestor).
  [[nodiscard]] constexpr bool is_ancestor_of(EconomicCode other) const noexcept {
    return level_ == CodeLevel::class_ && other.level_ == CodeLevel::section &&
           other.key_ / 100 * 100 == key_;
  }

  // The key alone decides: no 款 or 项 is 00, so the key also fixes the level.
  friend constexpr std::strong_ordering operator<=>(EconomicCode a, EconomicCode b) noexcept {
    return a.key_ <=> b.key_;
  }
  friend constexpr bool operator==(EconomicCode a, EconomicCode b) noexcept {
    return a.key_ == b.key_;
  }

 private:
  constexpr EconomicCode(std::uint32_t key, CodeLevel level) noexcept : key_(key), level_(level) {}

  // 类 × 100 + 款, absent 款 0: 30100 < 30101 < 30199 < 30200, the order of a table.
  std::uint32_t key_;
  CodeLevel level_;
};

/// The digits, "30101"; with a separator, the groups: to_string(code, "-") is "301-01".
[[nodiscard]] std::string to_string(EconomicCode code, std::string_view separator = {});

/// "30101".
std::ostream& operator<<(std::ostream& os, EconomicCode code);

}  // namespace fisc

template <>
struct std::hash<fisc::EconomicCode> {
  std::size_t operator()(fisc::EconomicCode code) const noexcept {
    return std::hash<std::uint32_t>{}(code.value());
  }
};
