// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace fisc {

/// The language of fisc's own words in an output: messages, headings, the names of concepts and
/// measures. What a document prints (titles, labels, figures) stays as printed in either language.
enum class Language : std::uint8_t {
  zh,  ///< 中文
  en,  ///< English
};

[[nodiscard]] std::string_view to_string(Language lang) noexcept;
/// "zh" or "en"; nothing otherwise.
[[nodiscard]] std::optional<Language> language_from_string(std::string_view s) noexcept;

/// A text in both of fisc's languages (规则说明、检查结果的文字).
struct Text {
  std::string zh;
  std::string en;

  [[nodiscard]] const std::string& in(Language lang) const noexcept {
    return lang == Language::zh ? zh : en;
  }
  friend bool operator==(const Text&, const Text&) = default;
};

}  // namespace fisc
