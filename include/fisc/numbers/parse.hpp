// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <string>
#include <string_view>

#include <tl/expected.hpp>

#include "fisc/numbers/decimal.hpp"
#include "fisc/numbers/money.hpp"
#include "fisc/numbers/percent.hpp"
#include "fisc/numbers/stated.hpp"
#include "fisc/numbers/unit.hpp"

/// Reading figures from text, exactly: no rounding, no binary floating point, no locale.
///
/// 数字解析. The grammar, in the order of a figure (every character may be written in ASCII or
/// in its full-width form, as Chinese documents mix them freely):
///
///   spaces  [sign] digits [. digits] [spaces unit]  spaces
///   spaces  ( spaces digits [. digits] [spaces unit] spaces ) [spaces unit]  spaces
///
/// - spaces: U+0020, U+0009, U+00A0 and the ideographic space U+3000.
/// - sign: `+` `＋`, or `-` `−` (U+2212) `－` (U+FF0D); only first, never inside parentheses.
/// - digits: `0`-`9` and `０`-`９`. At most 18 significant digits (`too_many_digits`: fisc never
///   rounds a figure to make it fit); leading zeros are not significant, trailing ones are.
///   At most 40 decimals (`exponent_range`), the range `to_string(Decimal)` writes back plainly.
/// - thousands separators: `,` or `，` between groups of exactly three integer digits, the first
///   group one to three digits, not starting with 0 (`5,751,054.00`; "0,123" is not 123); any
///   other use is `bad_grouping` at the separator. None after the decimal point.
/// - decimal point: `.` or `．`, with digits on both sides: `.5` and `5.` are `missing_digits`
///   (a figure in an account is never written so, and accepting them would hide a lost digit).
/// - accounting negative: `(12.50)` or `（12.50）`, either closing form; the unit may stand
///   inside `(12.50万元)` or after `(12.50)万元`, not both.
/// - unit: `元` `万元` `亿元` `%` `％`. A bare `万` or `亿` is read as 万元 or 亿元 when the
///   whole text is the figure (`parse_figure`, `parse_money`) and nothing but spaces follows it
///   (a table cell "12万"); everywhere else, `parse_figure_prefix` included, it is
///   `incomplete_unit`, because "12万人" is 120000 people, not money, and reading 12 and
///   stopping before 万 would be off by 10^4.
///
/// Errors carry the byte offset and the 1-based code-point column of the first offending
/// character; see `ParseErrc` for which character each error points at.
namespace fisc {

/// Why a text is not a figure.
enum class ParseErrc : std::uint8_t {
  empty,                   ///< nothing but spaces (offset 0)
  unexpected_character,    ///< a character that has no place there: "12.3x" at 'x'
  missing_digits,          ///< a digit is needed: "-", "12.", ".5", "%"
  bad_grouping,            ///< a thousands separator not between groups of three: "1,23"
  too_many_digits,         ///< more than 18 significant digits (19 for money), at the first extra
  exponent_range,          ///< more than 40 decimals, at the 41st
  bad_utf8,                ///< not valid UTF-8, at the first byte of the bad sequence
  trailing_text,           ///< the figure is complete but text follows: "12元x", "12 x"
  unbalanced_parenthesis,  ///< "(12.50" without its closing parenthesis
  incomplete_unit,         ///< 万 or 亿 without 元 where a bare one is not accepted: "12万人"
  wrong_unit,    ///< a unit the function does not take: "96%" as money, "3元" as a number
  missing_unit,  ///< parse_money without a unit in the text nor a default money unit
  too_fine,      ///< money finer than the 分: "0.005元", at the first digit below 分
  out_of_range,  ///< money beyond Money's range (about ±9.2 × 10^16 元)
};

/// A stable English description, e.g. "unexpected character".
[[nodiscard]] std::string_view to_string(ParseErrc code) noexcept;

/// Where and why a text is not a figure.
struct ParseError {
  ParseErrc code = ParseErrc::empty;
  std::size_t offset = 0;  ///< byte offset in the input (== input size: at the end of the text)
  std::size_t column = 1;  ///< 1-based, in Unicode code points

  friend bool operator==(const ParseError&, const ParseError&) = default;
};

/// A message for a person: "column 5: unexpected character 'x'", "column 4: missing digits at the
/// end of the text". `input` is the text that was parsed (to quote the offending character).
[[nodiscard]] std::string describe(const ParseError& error, std::string_view input);

template <class T>
using ParseResult = tl::expected<T, ParseError>;

/// A figure found at the start of a text.
struct ParsedFigure {
  Stated figure;
  std::size_t length = 0;  ///< bytes consumed, leading spaces and the unit included

  friend bool operator==(const ParsedFigure&, const ParsedFigure&) = default;
};

/// The whole text as one figure (leading and trailing spaces allowed): "950.84", "3.95 万元",
/// "(12.50)", "１，２３４．５", "11.64％". `Stated::value` keeps exactly the decimals written and
/// `Stated::text` is the figure as written, without the surrounding spaces.
[[nodiscard]] ParseResult<Stated> parse_figure(std::string_view text,
                                               Reading reading = Reading::rounded);

/// A figure at the start of `text`, for scanners of narrative text ("支出950.84万元，比上年…"
/// from the position of the 9). The figure ends where the grammar cannot continue: before a
/// `.` or a `，` that is not followed by digits that continue it ("共12." is 12; "1，2项" is 1),
/// and after the unit, which may follow spaces. Digits after a separator that do not continue a
/// grouped figure ("1,234,56") are still `bad_grouping`, and a bare 万 or 亿 is
/// `incomplete_unit`.
[[nodiscard]] ParseResult<ParsedFigure> parse_figure_prefix(std::string_view text,
                                                            Reading reading = Reading::rounded);

/// A plain number, without a unit: "-12.5", "5,751,054.00", "（3）". A unit is `wrong_unit`.
[[nodiscard]] ParseResult<Decimal> parse_decimal(std::string_view text);

/// An exact amount of money: "9,508,412.25元", "950.841225万元", or "950.84" read in
/// `default_unit` (which must then be 元, 万元 or 亿元, else `missing_unit`). Never rounds: a
/// figure finer than the 分 is `too_fine`; "96%" is `wrong_unit`; beyond Money's range,
/// `out_of_range`. Up to 19 significant digits, the digits of Money ("92,233,720,368,547,758.07元"
/// is Money::max()); trailing zeros below the 分 are exact and accepted ("1.000元").
[[nodiscard]] ParseResult<Money> parse_money(std::string_view text, Unit default_unit);

/// A percentage in percentage points: "11.64%", "11.64％", or "11.64" (a column headed "%"
/// leaves the sign out). A money unit is `wrong_unit`.
[[nodiscard]] ParseResult<Percent> parse_percent(std::string_view text);

std::ostream& operator<<(std::ostream& os, ParseErrc code);
/// "unexpected character at column 5 (byte 4)".
std::ostream& operator<<(std::ostream& os, const ParseError& error);

}  // namespace fisc
