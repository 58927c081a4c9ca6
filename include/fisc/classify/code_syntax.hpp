// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <type_traits>

#include <tl/expected.hpp>

#include "fisc/classify/code_error.hpp"

/// The text forms of classification codes (科目编码), shared by `FunctionCode` and `EconomicCode`.
///
/// Tables, spreadsheets and PDF text write one code in many ways; all of these are 2013201:
///
///   2013201   201 32 01   201-32-01   201|32|01   ２０１３２０１   201　32　01   20132 01
///
/// - digits: `0`-`9` and the full-width `０`-`９`, mixed freely.
/// - separators between the 类, 款 and 项 groups: spaces (U+0020, tab, U+00A0, the ideographic
///   space U+3000; any number), or one dash (`-` `－` `‐` `–` `—` `−`) or one bar (`|` `｜`) with
///   optional spaces around it. A separator may stand only where a group ends (after the 3rd or
///   5th digit), and one code uses one kind: "201-32 01" is `bad_separator`.
/// - brackets: the code may be enclosed in `[ ]`, `［ ］` or `【 】`, as tables print
///   "[2013201]行政运行".
/// - leading and trailing spaces are ignored.
///
/// `parse` takes the code alone; `parse_code_and_name` also returns the text after it, trimmed,
/// as the name: "[2013201]行政运行", "2013201 行政运行", "201 32 01 - 行政运行" and
/// "2013201行政运行" all give 行政运行. A dash or bar between the code and the name is not part of
/// the name.
///
/// The code's digits decide its level: 3 digits a 类, 5 a 款, 7 a 项 (economic codes stop at 款).
/// A 款 or 项 of 00 does not exist in any scheme and is `zero_group`. Errors carry the byte offset
/// and the 1-based code-point column of the character they point at; `CodeErrc` says which.
namespace fisc {

template <class T>
using CodeResult = tl::expected<T, CodeError>;

/// A code and the name printed after it.
template <class Code>
struct CodeAndName {
  Code code;
  std::string_view name;  ///< a view into the parsed text, spaces trimmed; empty when none

  friend constexpr bool operator==(const CodeAndName&, const CodeAndName&) = default;
};

// The helpers live in their own namespace: their names (utf8_length, column_of) are the
// natural names of other layers' helpers too.
namespace detail::code_syntax {

constexpr unsigned char byte_at(std::string_view s, std::size_t i) noexcept {
  return static_cast<unsigned char>(s[i]);
}

constexpr bool is_utf8_continuation(unsigned char b) noexcept { return (b & 0xC0U) == 0x80U; }

/// The length of the valid UTF-8 sequence at `pos` (RFC 3629: no overlong forms, surrogates or
/// values above U+10FFFF), or 0.
constexpr std::size_t utf8_length(std::string_view s, std::size_t pos) noexcept {
  const std::size_t avail = s.size() - pos;
  const unsigned char b = byte_at(s, pos);
  const auto cont = [&](std::size_t i) { return is_utf8_continuation(byte_at(s, pos + i)); };
  if (b < 0x80U) return 1;
  if (b < 0xC2U) return 0;
  if (b < 0xE0U) return avail >= 2 && cont(1) ? 2 : 0;
  if (b < 0xF0U) {
    if (avail < 3 || !cont(1) || !cont(2)) return 0;
    if (b == 0xE0U && byte_at(s, pos + 1) < 0xA0U) return 0;
    if (b == 0xEDU && byte_at(s, pos + 1) > 0x9FU) return 0;
    return 3;
  }
  if (b < 0xF5U) {
    if (avail < 4 || !cont(1) || !cont(2) || !cont(3)) return 0;
    if (b == 0xF0U && byte_at(s, pos + 1) < 0x90U) return 0;
    if (b == 0xF4U && byte_at(s, pos + 1) > 0x8FU) return 0;
    return 4;
  }
  return 0;
}

/// The 1-based column of byte `offset` in code points; a byte that starts no valid sequence
/// counts as one column.
constexpr std::size_t column_of(std::string_view s, std::size_t offset) noexcept {
  std::size_t column = 1;
  for (std::size_t i = 0; i < offset && i < s.size(); ++column) {
    const std::size_t n = utf8_length(s, i);
    i += n == 0 ? 1 : n;
  }
  return column;
}

enum class CodeCharKind : std::uint8_t {
  end,
  digit,
  space,
  dash,
  bar,
  open_square,
  close_square,
  open_lenticular,
  close_lenticular,
  other,  // a valid character with no place in a code
  bad,    // invalid UTF-8
};

struct CodeChar {
  CodeCharKind kind;
  std::uint8_t size;   // bytes
  std::uint8_t digit;  // for CodeCharKind::digit
};

constexpr CodeChar ascii_code_char(unsigned char b) noexcept {
  using K = CodeCharKind;
  if (b >= '0' && b <= '9') return {K::digit, 1, static_cast<std::uint8_t>(b - '0')};
  switch (b) {
    case ' ':
    case '\t': return {K::space, 1, 0};
    case '-': return {K::dash, 1, 0};
    case '|': return {K::bar, 1, 0};
    case '[': return {K::open_square, 1, 0};
    case ']': return {K::close_square, 1, 0};
    default: return {K::other, 1, 0};
  }
}

/// Three-byte characters that have a place in a code; `other` for the rest.
constexpr CodeCharKind wide_code_char(unsigned char b0, unsigned char b1,
                                      unsigned char b2) noexcept {
  using K = CodeCharKind;
  if (b0 == 0xEFU && b1 == 0xBCU) {  // U+FF00..U+FF3F
    if (b2 >= 0x90U && b2 <= 0x99U) return K::digit;
    if (b2 == 0x8DU) return K::dash;          // － U+FF0D
    if (b2 == 0xBBU) return K::open_square;   // ［ U+FF3B
    if (b2 == 0xBDU) return K::close_square;  // ］ U+FF3D
  }
  if (b0 == 0xEFU && b1 == 0xBDU && b2 == 0x9CU) return K::bar;  // ｜ U+FF5C
  if (b0 == 0xE3U && b1 == 0x80U) {
    if (b2 == 0x80U) return K::space;             // U+3000
    if (b2 == 0x90U) return K::open_lenticular;   // 【 U+3010
    if (b2 == 0x91U) return K::close_lenticular;  // 】 U+3011
  }
  if (b0 == 0xE2U && b1 == 0x80U && (b2 == 0x90U || b2 == 0x93U || b2 == 0x94U)) {
    return K::dash;  // ‐ – — U+2010 U+2013 U+2014
  }
  if (b0 == 0xE2U && b1 == 0x88U && b2 == 0x92U) return K::dash;  // − U+2212
  return K::other;
}

/// The character at `pos`, classified.
constexpr CodeChar code_char_at(std::string_view s, std::size_t pos) noexcept {
  using K = CodeCharKind;
  if (pos >= s.size()) return {K::end, 0, 0};
  const unsigned char b = byte_at(s, pos);
  if (b < 0x80U) return ascii_code_char(b);
  const std::size_t n = utf8_length(s, pos);
  if (n == 0) return {K::bad, 1, 0};
  if (n == 2 && b == 0xC2U && byte_at(s, pos + 1) == 0xA0U) return {K::space, 2, 0};  // U+00A0
  if (n == 3) {
    const unsigned char b2 = byte_at(s, pos + 2);
    const K kind = wide_code_char(b, byte_at(s, pos + 1), b2);
    const auto digit = static_cast<std::uint8_t>(kind == K::digit ? b2 - 0x90U : 0);
    return {kind, 3, digit};
  }
  return {K::other, static_cast<std::uint8_t>(n), 0};
}

constexpr std::size_t skip_code_spaces(std::string_view s, std::size_t pos) noexcept {
  for (CodeChar c = code_char_at(s, pos); c.kind == CodeCharKind::space; c = code_char_at(s, pos)) {
    pos += c.size;
  }
  return pos;
}

constexpr bool is_closing_bracket(CodeCharKind kind) noexcept {
  return kind == CodeCharKind::close_square || kind == CodeCharKind::close_lenticular;
}

constexpr CodeError code_error_at(std::string_view s, CodeErrc code, std::size_t offset) noexcept {
  return {code, offset, column_of(s, offset)};
}

/// What `scan_code` read: the digits as a number (their count fixes the level) and the name.
struct ScannedCode {
  std::uint32_t digits = 0;
  int count = 0;
  std::string_view name;
};

/// A separator run after a group: spaces, at most one dash or bar, spaces.
struct SeparatorRun {
  std::size_t end;          // offset after the run
  CodeCharKind mark;        // space, dash or bar
  std::size_t mark_at;      // offset of the dash or bar (of the run for spaces)
  std::size_t second_mark;  // offset of a second dash or bar, or npos
};

constexpr SeparatorRun separator_run(std::string_view s, std::size_t pos) noexcept {
  using K = CodeCharKind;
  SeparatorRun run{pos, K::space, pos, std::string_view::npos};
  for (CodeChar c = code_char_at(s, run.end);; c = code_char_at(s, run.end)) {
    if (c.kind == K::dash || c.kind == K::bar) {
      if (run.mark == K::space) {
        run.mark = c.kind;
        run.mark_at = run.end;
      } else if (run.second_mark == std::string_view::npos) {
        run.second_mark = run.end;
      }
    } else if (c.kind != K::space) {
      return run;
    }
    run.end += c.size;
  }
}

/// Reads a code of type `Code` (which gives `max_digits` and `valid_class`) from `text`; with
/// `with_name`, the text after it is the name, else it must be spaces only.
template <class Code>
constexpr tl::expected<ScannedCode, CodeError> scan_code(std::string_view text,
                                                         bool with_name) noexcept {
  using K = CodeCharKind;
  const auto fail = [text](CodeErrc code, std::size_t offset) {
    return tl::unexpected<CodeError>(code_error_at(text, code, offset));
  };

  std::size_t pos = skip_code_spaces(text, 0);
  CodeChar c = code_char_at(text, pos);
  if (c.kind == K::end) return fail(CodeErrc::empty, 0);
  K bracket = K::end;
  if (c.kind == K::open_square || c.kind == K::open_lenticular) {
    bracket = c.kind;
    pos = skip_code_spaces(text, pos + c.size);
    c = code_char_at(text, pos);
  }
  if (c.kind == K::bad) return fail(CodeErrc::bad_utf8, pos);
  if (c.kind != K::digit) return fail(CodeErrc::not_a_digit, pos);

  ScannedCode out;
  const std::size_t code_begin = pos;
  std::size_t group_start = pos;
  std::array<std::size_t, 8> digit_at{};
  K separator = K::end;  // the kind of the code's separators, once one is seen
  for (;;) {
    c = code_char_at(text, pos);
    if (c.kind == K::digit) {
      if (out.count == Code::max_digits) return fail(CodeErrc::wrong_digit_count, pos);
      digit_at[static_cast<std::size_t>(out.count)] = pos;
      out.digits = out.digits * 10 + c.digit;
      ++out.count;
      pos += c.size;
      if (out.count == 3 && !Code::valid_class(out.digits)) {
        return fail(CodeErrc::class_out_of_range, code_begin);
      }
      if ((out.count == 5 || out.count == 7) && out.digits % 100 == 0) {
        return fail(CodeErrc::zero_group, digit_at[static_cast<std::size_t>(out.count - 2)]);
      }
      continue;
    }
    // Spaces, a dash or a bar separate groups only when a digit follows; otherwise the code has
    // ended and what follows is a name or trailing text.
    const SeparatorRun run = separator_run(text, pos);
    const CodeChar next = code_char_at(text, run.end);
    if (run.end > pos && next.kind == K::digit) {
      if (run.second_mark != std::string_view::npos) {
        return fail(CodeErrc::bad_separator, run.second_mark);
      }
      if (separator != K::end && separator != run.mark) {
        return fail(CodeErrc::bad_separator, run.mark_at);
      }
      if (out.count >= Code::max_digits) return fail(CodeErrc::wrong_digit_count, run.end);
      if (out.count != 3 && out.count != 5) return fail(CodeErrc::wrong_digit_count, group_start);
      separator = run.mark;
      pos = run.end;
      group_start = pos;
      continue;
    }
    // One other character between digits is a separator fisc does not take: "201.32", "201/32".
    if (run.end == pos && next.kind == K::other &&
        code_char_at(text, pos + next.size).kind == K::digit) {
      return fail(CodeErrc::bad_separator, pos);
    }
    break;
  }

  const std::size_t code_end = pos;
  if (out.count != 3 && out.count != 5 && out.count != 7) {
    const K after = code_char_at(text, code_end).kind;
    if (after == K::bad) return fail(CodeErrc::bad_utf8, code_end);
    if (after == K::end || after == K::space || after == K::dash || after == K::bar ||
        is_closing_bracket(after)) {
      return fail(CodeErrc::wrong_digit_count, group_start);
    }
    return fail(CodeErrc::not_a_digit, code_end);
  }

  std::size_t rest = skip_code_spaces(text, code_end);
  c = code_char_at(text, rest);
  if (bracket != K::end) {
    const K closing = bracket == K::open_square ? K::close_square : K::close_lenticular;
    if (c.kind == K::bad) return fail(CodeErrc::bad_utf8, rest);
    if (c.kind != closing) return fail(CodeErrc::unbalanced_bracket, rest);
    rest = skip_code_spaces(text, rest + c.size);
  } else if (is_closing_bracket(c.kind)) {
    return fail(CodeErrc::unbalanced_bracket, rest);
  }

  c = code_char_at(text, rest);
  if (!with_name) {
    if (c.kind == K::end) return out;
    return fail(c.kind == K::bad ? CodeErrc::bad_utf8 : CodeErrc::trailing_text, rest);
  }
  if (c.kind == K::dash || c.kind == K::bar) rest = skip_code_spaces(text, rest + c.size);
  std::size_t name_end = rest;
  for (std::size_t i = rest; i < text.size();) {
    c = code_char_at(text, i);
    if (c.kind == K::bad) return fail(CodeErrc::bad_utf8, i);
    i += c.size;
    if (c.kind != K::space) name_end = i;
  }
  out.name = text.substr(rest, name_end - rest);
  return out;
}

/// The value of a `make` result that cannot fail, or InvalidCode.
template <class Code, class E>
constexpr Code code_or_throw(const tl::expected<Code, E>& result) {
  if (!result) {
    if constexpr (std::is_same_v<E, CodeError>) {
      throw InvalidCode(result.error());
    } else {
      throw InvalidCode(CodeError{result.error(), 0, 1});
    }
  }
  return *result;
}

}  // namespace detail::code_syntax

/// The code alone, in any of the forms above: `parse_code<FunctionCode>("201-32-01")`.
template <class Code>
[[nodiscard]] constexpr CodeResult<Code> parse_code(std::string_view text) noexcept {
  const auto scanned = detail::code_syntax::scan_code<Code>(text, false);
  if (!scanned) return tl::unexpected<CodeError>(scanned.error());
  return *Code::make((*scanned).digits);
}

/// The code and the name after it: `parse_code_and_name<FunctionCode>("[2013201]行政运行")`.
template <class Code>
[[nodiscard]] constexpr CodeResult<CodeAndName<Code>> parse_code_and_name(
    std::string_view text) noexcept {
  const auto scanned = detail::code_syntax::scan_code<Code>(text, true);
  if (!scanned) return tl::unexpected<CodeError>(scanned.error());
  return CodeAndName<Code>{*Code::make((*scanned).digits), (*scanned).name};
}

}  // namespace fisc
