// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <cstdint>
#include <iosfwd>
#include <string_view>

namespace fisc {

/// The level of a classification code in its hierarchy: 类 (class, 3 digits), 款 (section, 5
/// digits), 项 (item, 7 digits; functional codes only). `class_` carries an underscore because
/// `class` is a keyword.
enum class CodeLevel : std::uint8_t { class_, section, item };

/// "class", "section", "item".
[[nodiscard]] constexpr std::string_view to_string(CodeLevel level) noexcept {
  switch (level) {
    case CodeLevel::class_: return "class";
    case CodeLevel::section: return "section";
    case CodeLevel::item: return "item";
  }
  return "unknown";
}

/// "类", "款", "项": the words the tables print after a name, e.g. 一般公共服务支出（类）.
[[nodiscard]] constexpr std::string_view chinese_name(CodeLevel level) noexcept {
  switch (level) {
    case CodeLevel::class_: return "类";
    case CodeLevel::section: return "款";
    case CodeLevel::item: return "项";
  }
  return "?";
}

/// The number of digits of a code at this level: 3, 5 or 7.
[[nodiscard]] constexpr int digit_count(CodeLevel level) noexcept {
  return 3 + 2 * static_cast<int>(level);
}

std::ostream& operator<<(std::ostream& os, CodeLevel level);

}  // namespace fisc
