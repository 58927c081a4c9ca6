// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <stdexcept>
#include <string>
#include <string_view>

namespace fisc {

/// Why a text is not a classification code. Each error points at one character; see the
/// comments for which.
enum class CodeErrc : std::uint8_t {
  empty,               ///< nothing but spaces (offset 0)
  not_a_digit,         ///< a digit is needed: "x201", "20a", "[]" (at the character, or the end)
  wrong_digit_count,   ///< a group that does not end on a 类/款/项 boundary: "2013", "201 3 01"
                       ///< (at the group's first digit), or a digit too many: "20132011" (at it)
  bad_separator,       ///< "201.32.01", "201-32 01" (mixed), "201--32" (at the separator)
  class_out_of_range,  ///< the 类 is not in the scheme: "301" as a functional code (first digit)
  zero_group,          ///< a 款 or 项 of 00, which no scheme has: "20100" (at the group)
  unbalanced_bracket,  ///< "[2013201" without "]", or a "]" without "[" (where it is missing)
  trailing_text,       ///< the code is complete but text follows where no name is read: "201x"
  bad_utf8,            ///< not valid UTF-8 (at the first byte of the bad sequence)
};

/// A stable English description, e.g. "bad separator".
[[nodiscard]] constexpr std::string_view to_string(CodeErrc code) noexcept {
  switch (code) {
    case CodeErrc::empty: return "empty text";
    case CodeErrc::not_a_digit: return "expected a digit";
    case CodeErrc::wrong_digit_count: return "wrong number of digits";
    case CodeErrc::bad_separator: return "bad separator";
    case CodeErrc::class_out_of_range: return "class out of range";
    case CodeErrc::zero_group: return "section or item 00";
    case CodeErrc::unbalanced_bracket: return "unbalanced bracket";
    case CodeErrc::trailing_text: return "text after the code";
    case CodeErrc::bad_utf8: return "invalid UTF-8";
  }
  return "unknown code error";
}

/// Where and why a text is not a classification code.
struct CodeError {
  CodeErrc code = CodeErrc::empty;
  std::size_t offset = 0;  ///< byte offset in the input (== input size: at the end of the text)
  std::size_t column = 1;  ///< 1-based, in Unicode code points (a bad byte counts as one)

  friend constexpr bool operator==(const CodeError&, const CodeError&) = default;
};

/// What is wrong and what was expected, quoting the character but not giving the place:
/// "bad separator at '.' (a code is written 2013201, 201 32 01, 201-32-01 or 201|32|01, with one
/// kind of separator)". `input` is the text that was parsed. For messages that give the place in
/// their own terms, such as a file's line and column.
[[nodiscard]] std::string explain(const CodeError& error, std::string_view input);

/// `explain` after the column: "column 4: bad separator at '.' (...)".
[[nodiscard]] std::string describe(const CodeError& error, std::string_view input);

/// Thrown by the constructors that take a code's digits or text (`FunctionCode{2013201}`,
/// `EconomicCode{"30101"}`); the `parse` and `make` functions return the error instead.
class InvalidCode : public std::invalid_argument {
 public:
  explicit InvalidCode(const CodeError& error)
      : std::invalid_argument(std::string("fisc: invalid classification code: ") +
                              std::string(to_string(error.code))),
        error_(error) {}
  [[nodiscard]] const CodeError& error() const noexcept { return error_; }

 private:
  CodeError error_;
};

std::ostream& operator<<(std::ostream& os, CodeErrc code);
/// "bad separator at column 4 (byte 3)".
std::ostream& operator<<(std::ostream& os, const CodeError& error);

}  // namespace fisc
