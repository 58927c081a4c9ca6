// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <cstddef>
#include <iosfwd>
#include <string>

#include "fisc/numbers/decimal.hpp"
#include "fisc/numbers/error.hpp"
#include "fisc/numbers/interval.hpp"
#include "fisc/numbers/money.hpp"
#include "fisc/numbers/percent.hpp"
#include "fisc/numbers/rounding.hpp"
#include "fisc/numbers/stated.hpp"
#include "fisc/numbers/unit.hpp"

/// Writing numbers back as text, exactly: every function writes the digits held and nothing
/// else, except `format(Money, Unit, decimals, Rounding)`, whose caller names the rounding.
///
/// 数字格式. The text is what `parse.hpp` reads back to the same value (and, for a Decimal with
/// at most 40 decimals, to the same representation: `parse_decimal(to_string(d))` is
/// `identical` to d). Stream operators for every numbers type are here; {fmt} formatters are in
/// `fmt.hpp`.
namespace fisc {

struct FormatOptions {
  bool thousands = false;    ///< ASCII comma between groups of three integer digits: 5,751,054.00
  bool unit_symbol = false;  ///< append 元 / 万元 / 亿元 (Money); Percent always ends in %
};

/// Exponents that `to_string(Decimal)` writes in plain notation: 0.000…0001 up to 40 decimals,
/// 1200…0 up to 20 zeros. The (unusual) Decimals beyond are written in scientific notation, as
/// `to_scientific_string` does ("1.2E+21"), rather than as a line of zeros.
inline constexpr int max_plain_decimals = 40;
inline constexpr int max_plain_zeros = 20;

/// The bytes `format_to(char*, Decimal)` may write: "-0." and 40 decimals is the longest (43).
inline constexpr std::size_t decimal_chars_max = 48;

/// Plain notation, exactly the digits held: Decimal(95084, -2) is "950.84", Decimal(5, -3)
/// "0.005", Decimal(12, 2) "1200", Decimal(-1250, -2) "-12.50", Decimal(0, -2) "0.00".
[[nodiscard]] std::string to_string(Decimal d);
/// 元 with two decimals: "9508412.25", "-0.05".
[[nodiscard]] std::string to_string(Money m);
/// Percentage points and a sign: "11.64%".
[[nodiscard]] std::string to_string(Percent p);
/// "[950.835, 950.845)": each end, and a bracket for closed, a parenthesis for open.
[[nodiscard]] std::string to_string(const Interval& i);

/// `to_string(d)`, with thousands separators on request ("-5,751,054.00").
[[nodiscard]] std::string format(Decimal d, FormatOptions options = {});

/// The exact amount in `unit` (元 / 万元 / 亿元) with every 分 kept: 9,508,412.25 元 in 万元 is
/// "950.841225" (the decimals of the 分 in that unit, 2, 6 or 10). Throws ArithmeticError
/// (invalid_argument) for a unit that is not money.
[[nodiscard]] std::string format(Money m, Unit unit, FormatOptions options = {});

/// The amount in `unit` rounded to `decimals` (0 to 18) by `mode`: 9,508,412.25 元 is
/// "950.84万元" in 万元 with 2 decimals, half_up and `unit_symbol`. Throws ArithmeticError
/// (invalid_argument) for a unit that is not money or decimals outside 0..18.
[[nodiscard]] std::string format(Money m, Unit unit, int decimals, Rounding mode,
                                 FormatOptions options = {});

/// "11.64%" ("1,234.5%" with thousands).
[[nodiscard]] std::string format(Percent p, FormatOptions options = {});

/// The figure as it was written (`s.text`) when it has one; else its value and unit symbol
/// ("950.84万元").
[[nodiscard]] std::string format(const Stated& s);

/// `to_string(d)` into `out`, which must have room for `decimal_chars_max` (48) bytes; returns
/// one past the last byte written (no terminating zero). Allocation-free, for writers and
/// benchmarks.
char* format_to(char* out, Decimal d) noexcept;

// Stream operators: the same text as to_string; enums by their stable English name.
std::ostream& operator<<(std::ostream& os, Decimal d);
std::ostream& operator<<(std::ostream& os, Money m);  ///< "9508412.25" (元, no symbol)
std::ostream& operator<<(std::ostream& os, Percent p);
std::ostream& operator<<(std::ostream& os, const Interval& i);
std::ostream& operator<<(std::ostream& os, const Stated& s);  ///< format(s)
std::ostream& operator<<(std::ostream& os, Unit u);           ///< "wan" (symbol() gives 万元)
std::ostream& operator<<(std::ostream& os, Rounding r);
std::ostream& operator<<(std::ostream& os, Reading r);
std::ostream& operator<<(std::ostream& os, ArithmeticErrc e);

}  // namespace fisc
