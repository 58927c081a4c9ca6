// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <algorithm>
#include <string>
#include <string_view>

#include <fmt/format.h>

#include "fisc/numbers/decimal.hpp"
#include "fisc/numbers/error.hpp"
#include "fisc/numbers/format.hpp"
#include "fisc/numbers/interval.hpp"
#include "fisc/numbers/money.hpp"
#include "fisc/numbers/parse.hpp"
#include "fisc/numbers/percent.hpp"
#include "fisc/numbers/rounding.hpp"
#include "fisc/numbers/stated.hpp"
#include "fisc/numbers/unit.hpp"

/// {fmt} formatters for the numbers types. The format specs are small and exact:
///
/// - Decimal, Percent, Interval: `{}` plain, `{:,}` with thousands separators
///   ("5751054.00", "5,751,054.00", "11.64%", "[950.835, 950.845)").
/// - Money: `{}` and `{:,}` in 元 without a symbol ("9508412.25", "9,508,412.25"); a unit word
///   after the optional comma, `{:yuan}` `{:wan}` `{:yi}` (`{:,wan}`), writes the exact amount in
///   that unit with its symbol ("950.841225万元").
/// - Unit: `{}` its name ("wan"), `{:s}` its symbol ("万元").
/// - Stated: `{}` the figure as written.
/// - Rounding, Reading, ArithmeticErrc, ParseErrc: `{}` the stable English name.
/// - ParseError: `{}` "unexpected character at column 5 (byte 4)".
///
/// There is no precision (`{:.2}`) for Decimal or Money, on purpose: a format spec that rounds
/// would hide a rounding inside a string, where no reviewer sees which mode it used, and fisc
/// rounds only where a call names its `Rounding`. Round first (`fisc::round_to`, or
/// `fisc::format(money, unit, decimals, mode)`), then format. An unknown spec is a compile error
/// in a checked format string (`fmt::format("{:.2}", d)`) and `fmt::format_error` at run time.
namespace fisc::detail {

/// The parsed spec of a number: an optional ',' and, for Money, an optional unit word.
struct NumberSpec {
  bool thousands = false;
  Unit unit = Unit::none;
};

constexpr bool spec_word(const char*& it, const char* end, std::string_view word) noexcept {
  if (static_cast<std::size_t>(end - it) < word.size()) return false;
  for (std::size_t i = 0; i < word.size(); ++i) {
    if (it[i] != word[i]) return false;
  }
  it += word.size();
  return true;
}

template <class ParseContext>
constexpr const char* parse_number_spec(ParseContext& ctx, NumberSpec& spec, bool units) {
  const char* it = ctx.begin();
  const char* end = ctx.end();
  if (it != end && *it == ',') {
    spec.thousands = true;
    ++it;
  }
  if (units) {
    if (spec_word(it, end, "yuan")) {
      spec.unit = Unit::yuan;
    } else if (spec_word(it, end, "wan")) {
      spec.unit = Unit::wan;
    } else if (spec_word(it, end, "yi")) {
      spec.unit = Unit::yi;
    }
  }
  if (it != end && *it != '}') {
    ctx.on_error(units
                     ? "fisc: Money takes {}, {:,} and a unit: {:yuan} {:wan} {:yi} (no precision: "
                       "round explicitly)"
                     : "fisc: this type takes {} or {:,} (no precision: round explicitly)");
  }
  return it;
}

/// For types that take no spec.
template <class ParseContext>
constexpr const char* parse_empty_spec(ParseContext& ctx) {
  const char* it = ctx.begin();
  if (it != ctx.end() && *it != '}') ctx.on_error("fisc: this type takes no format spec");
  return it;
}

template <class OutputIt>
OutputIt copy_text(std::string_view text, OutputIt out) {
  return std::copy(text.begin(), text.end(), out);
}

/// A formatter that writes `to_string(value)` and takes no spec.
template <class T>
struct NameFormatter {
  constexpr const char* parse(fmt::format_parse_context& ctx) { return parse_empty_spec(ctx); }
  template <class FormatContext>
  auto format(const T& value, FormatContext& ctx) const -> decltype(ctx.out()) {
    return copy_text(to_string(value), ctx.out());
  }
};

}  // namespace fisc::detail

template <>
struct fmt::formatter<fisc::Decimal> {
  fisc::detail::NumberSpec spec;
  constexpr const char* parse(format_parse_context& ctx) {
    return fisc::detail::parse_number_spec(ctx, spec, false);
  }
  template <class FormatContext>
  auto format(fisc::Decimal d, FormatContext& ctx) const -> decltype(ctx.out()) {
    if (!spec.thousands) {
      char buffer[fisc::decimal_chars_max];  // NOLINT(*-avoid-c-arrays)
      const char* end = fisc::format_to(buffer, d);
      return std::copy(static_cast<const char*>(buffer), end, ctx.out());
    }
    return fisc::detail::copy_text(fisc::format(d, {.thousands = true}), ctx.out());
  }
};

template <>
struct fmt::formatter<fisc::Money> {
  fisc::detail::NumberSpec spec;
  constexpr const char* parse(format_parse_context& ctx) {
    return fisc::detail::parse_number_spec(ctx, spec, true);
  }
  template <class FormatContext>
  auto format(fisc::Money m, FormatContext& ctx) const -> decltype(ctx.out()) {
    const bool named = spec.unit != fisc::Unit::none;
    return fisc::detail::copy_text(
        fisc::format(m, named ? spec.unit : fisc::Unit::yuan,
                     {.thousands = spec.thousands, .unit_symbol = named}),
        ctx.out());
  }
};

template <>
struct fmt::formatter<fisc::Percent> {
  fisc::detail::NumberSpec spec;
  constexpr const char* parse(format_parse_context& ctx) {
    return fisc::detail::parse_number_spec(ctx, spec, false);
  }
  template <class FormatContext>
  auto format(fisc::Percent p, FormatContext& ctx) const -> decltype(ctx.out()) {
    return fisc::detail::copy_text(fisc::format(p, {.thousands = spec.thousands}), ctx.out());
  }
};

template <>
struct fmt::formatter<fisc::Interval> {
  fisc::detail::NumberSpec spec;
  constexpr const char* parse(format_parse_context& ctx) {
    return fisc::detail::parse_number_spec(ctx, spec, false);
  }
  template <class FormatContext>
  auto format(const fisc::Interval& i, FormatContext& ctx) const -> decltype(ctx.out()) {
    const fisc::FormatOptions options{.thousands = spec.thousands};
    auto out = ctx.out();
    *out++ = i.lo_closed() ? '[' : '(';
    out = fisc::detail::copy_text(fisc::format(i.lo(), options), out);
    *out++ = ',';
    *out++ = ' ';
    out = fisc::detail::copy_text(fisc::format(i.hi(), options), out);
    *out++ = i.hi_closed() ? ']' : ')';
    return out;
  }
};

template <>
struct fmt::formatter<fisc::Unit> {
  bool symbol = false;
  constexpr const char* parse(format_parse_context& ctx) {
    const char* it = ctx.begin();
    if (it != ctx.end() && *it == 's') {
      symbol = true;
      ++it;
    }
    if (it != ctx.end() && *it != '}') ctx.on_error("fisc: Unit takes {} (name) or {:s} (symbol)");
    return it;
  }
  template <class FormatContext>
  auto format(fisc::Unit u, FormatContext& ctx) const -> decltype(ctx.out()) {
    return fisc::detail::copy_text(symbol ? fisc::symbol(u) : fisc::to_string(u), ctx.out());
  }
};

template <>
struct fmt::formatter<fisc::Stated> {
  constexpr const char* parse(format_parse_context& ctx) {
    return fisc::detail::parse_empty_spec(ctx);
  }
  template <class FormatContext>
  auto format(const fisc::Stated& s, FormatContext& ctx) const -> decltype(ctx.out()) {
    return fisc::detail::copy_text(fisc::format(s), ctx.out());
  }
};

template <>
struct fmt::formatter<fisc::ParseError> {
  constexpr const char* parse(format_parse_context& ctx) {
    return fisc::detail::parse_empty_spec(ctx);
  }
  template <class FormatContext>
  auto format(const fisc::ParseError& e, FormatContext& ctx) const -> decltype(ctx.out()) {
    return fmt::format_to(ctx.out(), "{} at column {} (byte {})", fisc::to_string(e.code), e.column,
                          e.offset);
  }
};

template <>
struct fmt::formatter<fisc::Rounding> : fisc::detail::NameFormatter<fisc::Rounding> {};
template <>
struct fmt::formatter<fisc::Reading> : fisc::detail::NameFormatter<fisc::Reading> {};
template <>
struct fmt::formatter<fisc::ArithmeticErrc> : fisc::detail::NameFormatter<fisc::ArithmeticErrc> {};
template <>
struct fmt::formatter<fisc::ParseErrc> : fisc::detail::NameFormatter<fisc::ParseErrc> {};
