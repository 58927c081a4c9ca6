// SPDX-License-Identifier: BSL-1.0
#include <cstddef>
#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>
#include <variant>

#include "fisc/classify/any_code.hpp"
#include "fisc/classify/code_error.hpp"
#include "fisc/classify/code_level.hpp"
#include "fisc/classify/code_syntax.hpp"
#include "fisc/classify/economic_code.hpp"
#include "fisc/classify/function_code.hpp"
#include "fisc/classify/year_range.hpp"

namespace fisc {
namespace {

void append_digits(std::string& out, std::uint32_t value, int width) {
  std::string digits = std::to_string(value);
  if (static_cast<int>(digits.size()) < width) {
    out.append(static_cast<std::size_t>(width) - digits.size(), '0');
  }
  out += digits;
}

// The character at `offset` quoted for a message, or a phrase for the end and for bad bytes.
std::string quoted_char_at(std::string_view input, std::size_t offset) {
  if (offset >= input.size()) return "the end of the text";
  const std::size_t n = detail::code_syntax::utf8_length(input, offset);
  if (n == 0) {
    static constexpr std::string_view hex = "0123456789ABCDEF";
    const unsigned char b = detail::code_syntax::byte_at(input, offset);
    std::string out = "byte 0x";
    out += hex[b >> 4U];
    out += hex[b & 0x0FU];
    return out;
  }
  std::string out = "'";
  out += input.substr(offset, n);
  out += "'";
  return out;
}

std::string_view explanation(const CodeError& error, std::string_view input) {
  switch (error.code) {
    case CodeErrc::empty: return "expected a code such as 2013201";
    case CodeErrc::not_a_digit: return "a code is digits: 201, 20132, 2013201";
    case CodeErrc::wrong_digit_count:
      return "a 类 has 3 digits, a 款 5 and a 项 7 (201, 20132, 2013201; economic codes stop at "
             "款), and a separator may stand only between them";
    case CodeErrc::bad_separator:
      return "a code is written 2013201, 201 32 01, 201-32-01 or 201|32|01, with one kind of "
             "separator";
    case CodeErrc::class_out_of_range:
      return "a functional 类 is 100..299, an economic 类 301..399 (部门) or 501..599 (政府)";
    case CodeErrc::zero_group: return "a 款 or 项 is 01..99, never 00";
    case CodeErrc::unbalanced_bracket: {
      const auto kind = detail::code_syntax::code_char_at(input, error.offset).kind;
      return detail::code_syntax::is_closing_bracket(kind)
                 ? "a closing bracket without an opening one"
                 : "expected the closing bracket of the code";
    }
    case CodeErrc::trailing_text: return "nothing may follow the code here";
    case CodeErrc::bad_utf8: return "the text is not valid UTF-8";
  }
  return "";
}

}  // namespace

std::ostream& operator<<(std::ostream& os, CodeLevel level) { return os << to_string(level); }

std::ostream& operator<<(std::ostream& os, EconomicScheme scheme) {
  return os << to_string(scheme);
}

std::string explain(const CodeError& error, std::string_view input) {
  std::string out(to_string(error.code));
  if (error.code != CodeErrc::empty) {
    out += error.code == CodeErrc::not_a_digit ? ", found " : " at ";
    out += quoted_char_at(input, error.offset);
  }
  out += " (";
  out += explanation(error, input);
  out += ")";
  return out;
}

std::string describe(const CodeError& error, std::string_view input) {
  return "column " + std::to_string(error.column) + ": " + explain(error, input);
}

std::ostream& operator<<(std::ostream& os, CodeErrc code) { return os << to_string(code); }

std::ostream& operator<<(std::ostream& os, const CodeError& error) {
  return os << to_string(error.code) << " at column " << error.column << " (byte " << error.offset
            << ")";
}

std::string to_string(FunctionCode code, std::string_view separator) {
  std::string out;
  append_digits(out, code.class_part(), 3);
  if (code.level() != CodeLevel::class_) {
    out += separator;
    append_digits(out, code.section_part(), 2);
  }
  if (code.level() == CodeLevel::item) {
    out += separator;
    append_digits(out, code.item_part(), 2);
  }
  return out;
}

std::ostream& operator<<(std::ostream& os, FunctionCode code) { return os << to_string(code); }

std::string to_string(EconomicCode code, std::string_view separator) {
  std::string out;
  append_digits(out, code.class_part(), 3);
  if (code.level() == CodeLevel::section) {
    out += separator;
    append_digits(out, code.section_part(), 2);
  }
  return out;
}

std::ostream& operator<<(std::ostream& os, EconomicCode code) { return os << to_string(code); }

std::string to_string(const AnyCode& code, std::string_view separator) {
  return std::visit([separator](auto c) { return to_string(c, separator); }, code);
}

std::ostream& operator<<(std::ostream& os, const AnyCode& code) { return os << to_string(code); }

std::string to_string(YearRange years) {
  if (years.empty()) return "none";
  if (years.first == years.last) return std::to_string(years.first);
  std::string out;
  if (years.first != YearRange::earliest) out += std::to_string(years.first);
  if (!years.is_all()) out += '-';
  if (years.last != YearRange::latest) out += std::to_string(years.last);
  return out;
}

std::ostream& operator<<(std::ostream& os, YearRange years) {
  if (years.is_all()) return os << "all years";
  return os << to_string(years);
}

}  // namespace fisc
