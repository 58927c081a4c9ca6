// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <algorithm>
#include <string>
#include <string_view>

#include <fmt/format.h>

#include "fisc/classify/any_code.hpp"
#include "fisc/classify/catalogue.hpp"
#include "fisc/classify/catalogue_error.hpp"
#include "fisc/classify/code_error.hpp"
#include "fisc/classify/code_level.hpp"
#include "fisc/classify/economic_code.hpp"
#include "fisc/classify/function_code.hpp"
#include "fisc/classify/year_range.hpp"

/// {fmt} formatters for the classify types.
///
/// - FunctionCode, EconomicCode: `{}` the digits ("2013201"); a separator as the spec writes the
///   groups with it: `{: }` "201 32 01", `{:-}` "201-32-01", `{:|}` "201|32|01".
/// - YearRange: `{}` as `to_string` ("2020-2024", "" for every year).
/// - CodeLevel, EconomicScheme, CodeErrc, CatalogueErrc, CodeIssueKind: `{}` the stable English
/// name.
/// - CodeError: `{}` "bad separator at column 4 (byte 3)".
/// - CatalogueError: `{}` as `describe`: "codes.csv:3:5: bad code: ...".
namespace fisc::detail {

/// A spec of at most one separator character: ' ', '-' or '|'.
struct CodeSpec {
  char separator = '\0';

  constexpr const char* parse(fmt::format_parse_context& ctx) {
    const char* it = ctx.begin();
    if (it != ctx.end() && (*it == ' ' || *it == '-' || *it == '|')) separator = *it++;
    if (it != ctx.end() && *it != '}') {
      ctx.on_error("fisc: a code takes {}, {: }, {:-} or {:|} (the separator of its groups)");
    }
    return it;
  }
  [[nodiscard]] std::string_view separator_text() const noexcept {
    return separator == '\0' ? std::string_view() : std::string_view(&separator, 1);
  }
};

/// A formatter that writes `to_string(value)` and takes no spec.
template <class T>
struct ClassifyNameFormatter {
  constexpr const char* parse(fmt::format_parse_context& ctx) {
    const char* it = ctx.begin();
    if (it != ctx.end() && *it != '}') ctx.on_error("fisc: this type takes no format spec");
    return it;
  }
  template <class FormatContext>
  auto format(const T& value, FormatContext& ctx) const -> decltype(ctx.out()) {
    const auto text = to_string(value);
    return std::copy(text.begin(), text.end(), ctx.out());
  }
};

}  // namespace fisc::detail

template <>
struct fmt::formatter<fisc::FunctionCode> : fisc::detail::CodeSpec {
  template <class FormatContext>
  auto format(fisc::FunctionCode code, FormatContext& ctx) const -> decltype(ctx.out()) {
    const std::string text = to_string(code, separator_text());
    return std::copy(text.begin(), text.end(), ctx.out());
  }
};

template <>
struct fmt::formatter<fisc::EconomicCode> : fisc::detail::CodeSpec {
  template <class FormatContext>
  auto format(fisc::EconomicCode code, FormatContext& ctx) const -> decltype(ctx.out()) {
    const std::string text = to_string(code, separator_text());
    return std::copy(text.begin(), text.end(), ctx.out());
  }
};

template <>
struct fmt::formatter<fisc::YearRange> : fisc::detail::ClassifyNameFormatter<fisc::YearRange> {};
template <>
struct fmt::formatter<fisc::CodeLevel> : fisc::detail::ClassifyNameFormatter<fisc::CodeLevel> {};
template <>
struct fmt::formatter<fisc::EconomicScheme>
    : fisc::detail::ClassifyNameFormatter<fisc::EconomicScheme> {};
template <>
struct fmt::formatter<fisc::CodeErrc> : fisc::detail::ClassifyNameFormatter<fisc::CodeErrc> {};
template <>
struct fmt::formatter<fisc::CatalogueErrc>
    : fisc::detail::ClassifyNameFormatter<fisc::CatalogueErrc> {};
template <>
struct fmt::formatter<fisc::CodeIssueKind>
    : fisc::detail::ClassifyNameFormatter<fisc::CodeIssueKind> {};

template <>
struct fmt::formatter<fisc::CodeError> {
  constexpr const char* parse(format_parse_context& ctx) {
    const char* it = ctx.begin();
    if (it != ctx.end() && *it != '}') ctx.on_error("fisc: CodeError takes no format spec");
    return it;
  }
  template <class FormatContext>
  auto format(const fisc::CodeError& e, FormatContext& ctx) const -> decltype(ctx.out()) {
    return fmt::format_to(ctx.out(), "{} at column {} (byte {})", fisc::to_string(e.code), e.column,
                          e.offset);
  }
};

template <>
struct fmt::formatter<fisc::CatalogueError> {
  constexpr const char* parse(format_parse_context& ctx) {
    const char* it = ctx.begin();
    if (it != ctx.end() && *it != '}') ctx.on_error("fisc: CatalogueError takes no format spec");
    return it;
  }
  template <class FormatContext>
  auto format(const fisc::CatalogueError& e, FormatContext& ctx) const -> decltype(ctx.out()) {
    const std::string text = fisc::describe(e);
    return std::copy(text.begin(), text.end(), ctx.out());
  }
};
