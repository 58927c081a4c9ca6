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

/// A code of the functional classification of expenditure (支出功能分类科目编码): 类 3 digits
/// (201 一般公共服务支出), 款 5 (20132 组织事务), 项 7 (2013201 行政运行).
///
/// Every FunctionCode is well formed: its 类 is in 100..299 and its 款 and 项, where present, are
/// 01..99. The expenditure 类 are 2xx; 1xx is accepted too because the revenue classification
/// (收入分类科目) uses the same 3/5/7 layout, and a report's 收入 rows may print such codes.
/// Whether a well-formed code exists in a given year is the `Catalogue`'s question, not this
/// type's. Ordering is the order of a table: a 类, then each of its 款 followed by its 项.
class FunctionCode {
 public:
  static constexpr std::uint32_t min_class = 100;
  static constexpr std::uint32_t max_class = 299;
  static constexpr int max_digits = 7;

  /// From the digits as a number: `FunctionCode{2013201}`; throws InvalidCode.
  constexpr explicit FunctionCode(std::int64_t digits)
      : FunctionCode(detail::code_syntax::code_or_throw(make(digits))) {}
  /// From text in any form `parse` takes: `FunctionCode{"201-32-01"}`; throws InvalidCode.
  constexpr explicit FunctionCode(std::string_view text)
      : FunctionCode(detail::code_syntax::code_or_throw(parse(text))) {}

  /// Non-throwing construction from the digits as a number; the number of digits (3, 5 or 7)
  /// gives the level.
  [[nodiscard]] static constexpr tl::expected<FunctionCode, CodeErrc> make(
      std::int64_t digits) noexcept {
    if (digits >= 100 && digits <= 999) {
      if (!valid_class(digits)) return tl::unexpected(CodeErrc::class_out_of_range);
      return FunctionCode(static_cast<std::uint32_t>(digits) * 10000, CodeLevel::class_);
    }
    if (digits >= 10'000 && digits <= 99'999) {
      if (!valid_class(digits / 100)) return tl::unexpected(CodeErrc::class_out_of_range);
      if (digits % 100 == 0) return tl::unexpected(CodeErrc::zero_group);
      return FunctionCode(static_cast<std::uint32_t>(digits) * 100, CodeLevel::section);
    }
    if (digits >= 1'000'000 && digits <= 9'999'999) {
      if (!valid_class(digits / 10000)) return tl::unexpected(CodeErrc::class_out_of_range);
      if ((digits / 100) % 100 == 0 || digits % 100 == 0) {
        return tl::unexpected(CodeErrc::zero_group);
      }
      return FunctionCode(static_cast<std::uint32_t>(digits), CodeLevel::item);
    }
    return tl::unexpected(CodeErrc::wrong_digit_count);
  }

  /// The code alone in any form of code_syntax.hpp: "2013201", "201 32 01", "[2013201]".
  [[nodiscard]] static constexpr CodeResult<FunctionCode> parse(std::string_view text) noexcept {
    return parse_code<FunctionCode>(text);
  }
  /// The code and the name printed after it: "[2013201]行政运行" gives 2013201 and 行政运行.
  [[nodiscard]] static constexpr CodeResult<CodeAndName<FunctionCode>> parse_code_and_name(
      std::string_view text) noexcept {
    return fisc::parse_code_and_name<FunctionCode>(text);
  }

  /// Whether `digits` (e.g. 201) is a 类 this type takes: 100..299.
  [[nodiscard]] static constexpr bool valid_class(std::int64_t digits) noexcept {
    return digits >= min_class && digits <= max_class;
  }

  [[nodiscard]] constexpr CodeLevel level() const noexcept { return level_; }
  /// The digits as a number: 201, 20132, 2013201.
  [[nodiscard]] constexpr std::uint32_t value() const noexcept {
    switch (level_) {
      case CodeLevel::class_: return key_ / 10000;
      case CodeLevel::section: return key_ / 100;
      case CodeLevel::item: return key_;
    }
    return key_;
  }
  /// The 类 digits: 201 for 2013201.
  [[nodiscard]] constexpr std::uint32_t class_part() const noexcept { return key_ / 10000; }
  /// The 款 digits: 32 for 2013201; 0 for a 类.
  [[nodiscard]] constexpr std::uint32_t section_part() const noexcept { return key_ / 100 % 100; }
  /// The 项 digits: 1 for 2013201; 0 for a 类 or 款.
  [[nodiscard]] constexpr std::uint32_t item_part() const noexcept { return key_ % 100; }

  /// The code one level up: 20132 for 2013201, 201 for 20132; none for a 类.
  [[nodiscard]] constexpr std::optional<FunctionCode> parent() const noexcept {
    switch (level_) {
      case CodeLevel::class_: return std::nullopt;
      case CodeLevel::section: return class_code();
      case CodeLevel::item: return FunctionCode(key_ / 100 * 100, CodeLevel::section);
    }
    return std::nullopt;
  }
  /// The 类 this code belongs to (itself for a 类).
  [[nodiscard]] constexpr FunctionCode class_code() const noexcept {
    return {key_ / 10000 * 10000, CodeLevel::class_};
  }
  /// The 款 this code belongs to (itself for a 款); none for a 类.
  [[nodiscard]] constexpr std::optional<FunctionCode> section_code() const noexcept {
    if (level_ == CodeLevel::class_) return std::nullopt;
    return FunctionCode(key_ / 100 * 100, CodeLevel::section);
  }
  /// Whether `other` lies strictly below this code: 201 and 20132 are ancestors of 2013201; a
  /// code is not its own ancestor.
  [[nodiscard]] constexpr bool is_ancestor_of(FunctionCode other) const noexcept {
    if (other.level_ <= level_) return false;
    const std::uint32_t unit = level_ == CodeLevel::class_ ? 10000 : 100;
    return other.key_ / unit * unit == key_;
  }

  // The key alone decides: no 款 or 项 is 00, so the key also fixes the level.
  friend constexpr std::strong_ordering operator<=>(FunctionCode a, FunctionCode b) noexcept {
    return a.key_ <=> b.key_;
  }
  friend constexpr bool operator==(FunctionCode a, FunctionCode b) noexcept {
    return a.key_ == b.key_;
  }

 private:
  constexpr FunctionCode(std::uint32_t key, CodeLevel level) noexcept : key_(key), level_(level) {}

  // 类 × 10000 + 款 × 100 + 项, absent parts 0: 2010000 < 2010100 < 2010101 < 2010200, which is
  // the order of a table.
  std::uint32_t key_;
  CodeLevel level_;
};

/// The digits, "2013201"; with a separator, the groups: to_string(code, " ") is "201 32 01".
[[nodiscard]] std::string to_string(FunctionCode code, std::string_view separator = {});

/// "2013201".
std::ostream& operator<<(std::ostream& os, FunctionCode code);

}  // namespace fisc

template <>
struct std::hash<fisc::FunctionCode> {
  std::size_t operator()(fisc::FunctionCode code) const noexcept {
    return std::hash<std::uint32_t>{}(code.value());
  }
};
