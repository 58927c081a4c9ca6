// SPDX-License-Identifier: BSL-1.0
#include "fisc/numbers/parse.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>

namespace fisc {

std::string_view to_string(ParseErrc code) noexcept {
  switch (code) {
    case ParseErrc::empty: return "empty text";
    case ParseErrc::unexpected_character: return "unexpected character";
    case ParseErrc::missing_digits: return "missing digits";
    case ParseErrc::bad_grouping: return "bad thousands grouping";
    case ParseErrc::too_many_digits: return "too many significant digits";
    case ParseErrc::exponent_range: return "more than 40 decimals";
    case ParseErrc::bad_utf8: return "invalid UTF-8";
    case ParseErrc::trailing_text: return "text after the figure";
    case ParseErrc::unbalanced_parenthesis: return "missing closing parenthesis";
    case ParseErrc::incomplete_unit: return "万 or 亿 without 元";
    case ParseErrc::wrong_unit: return "unit not allowed here";
    case ParseErrc::missing_unit: return "missing unit";
    case ParseErrc::too_fine: return "finer than the 分";
    case ParseErrc::out_of_range: return "amount out of range";
  }
  return "unknown parse error";
}

namespace {

// The most decimals a figure may have: to_string(Decimal) writes up to 40 back plainly.
constexpr std::size_t max_decimals = 40;

enum class Kind : std::uint8_t {
  end,
  digit,
  point,
  separator,
  plus,
  minus,
  open,
  close,
  percent,
  yuan,
  wan,
  yi,
  space,
  other,  // a valid character with no place in a figure
  bad,    // invalid UTF-8
};

struct Token {
  Kind kind;
  std::uint8_t size;   // bytes
  std::uint8_t digit;  // for Kind::digit
};

constexpr bool is_continuation(unsigned char b) noexcept { return (b & 0xC0U) == 0x80U; }

// The length of the valid UTF-8 sequence at p (RFC 3629: no overlongs, surrogates or values
// above U+10FFFF), or 0.
std::size_t utf8_length(const unsigned char* p, std::size_t avail) noexcept {
  const unsigned char b = p[0];
  if (b < 0x80U) return 1;
  if (b < 0xC2U) return 0;
  if (b < 0xE0U) return avail >= 2 && is_continuation(p[1]) ? 2 : 0;
  if (b < 0xF0U) {
    if (avail < 3 || !is_continuation(p[1]) || !is_continuation(p[2])) return 0;
    if (b == 0xE0U && p[1] < 0xA0U) return 0;
    if (b == 0xEDU && p[1] > 0x9FU) return 0;
    return 3;
  }
  if (b < 0xF5U) {
    if (avail < 4 || !is_continuation(p[1]) || !is_continuation(p[2]) || !is_continuation(p[3])) {
      return 0;
    }
    if (b == 0xF0U && p[1] < 0x90U) return 0;
    if (b == 0xF4U && p[1] > 0x8FU) return 0;
    return 4;
  }
  return 0;
}

constexpr Token ascii_token(unsigned char b) noexcept {
  if (b >= '0' && b <= '9') return {Kind::digit, 1, static_cast<std::uint8_t>(b - '0')};
  switch (b) {
    case '.': return {Kind::point, 1, 0};
    case ',': return {Kind::separator, 1, 0};
    case '+': return {Kind::plus, 1, 0};
    case '-': return {Kind::minus, 1, 0};
    case '(': return {Kind::open, 1, 0};
    case ')': return {Kind::close, 1, 0};
    case '%': return {Kind::percent, 1, 0};
    case ' ':
    case '\t': return {Kind::space, 1, 0};
    default: return {Kind::other, 1, 0};
  }
}

constexpr auto ascii_tokens = [] {
  std::array<Token, 128> table{};
  for (unsigned char b = 0; b < 128; ++b) table[b] = ascii_token(b);
  return table;
}();

// Full-width forms U+FF00..U+FF3F are EF BC 80..BF.
Token fullwidth_token(unsigned char c) noexcept {
  if (c >= 0x90U && c <= 0x99U) return {Kind::digit, 3, static_cast<std::uint8_t>(c - 0x90U)};
  switch (c) {
    case 0x85U: return {Kind::percent, 3, 0};    // ％
    case 0x88U: return {Kind::open, 3, 0};       // （
    case 0x89U: return {Kind::close, 3, 0};      // ）
    case 0x8BU: return {Kind::plus, 3, 0};       // ＋
    case 0x8CU: return {Kind::separator, 3, 0};  // ，
    case 0x8DU: return {Kind::minus, 3, 0};      // －
    case 0x8EU: return {Kind::point, 3, 0};      // ．
    default: return {is_continuation(c) ? Kind::other : Kind::bad, 3, 0};
  }
}

bool has3(const unsigned char* p, unsigned char a, unsigned char b, unsigned char c) noexcept {
  return p[0] == a && p[1] == b && p[2] == c;
}

// A character beyond ASCII at `pos`, classified.
Token wide_token_at(std::string_view s, std::size_t pos) noexcept {
  // NOLINTNEXTLINE(cppcoreguidelines-pro-type-reinterpret-cast): bytes of the UTF-8 text
  const auto* p = reinterpret_cast<const unsigned char*>(s.data()) + pos;
  const std::size_t avail = s.size() - pos;
  const unsigned char b = p[0];
  if (avail >= 3) {
    if (b == 0xEFU && p[1] == 0xBCU) return fullwidth_token(p[2]);
    if (has3(p, 0xE5U, 0x85U, 0x83U)) return {Kind::yuan, 3, 0};   // 元 U+5143
    if (has3(p, 0xE4U, 0xB8U, 0x87U)) return {Kind::wan, 3, 0};    // 万 U+4E07
    if (has3(p, 0xE4U, 0xBAU, 0xBFU)) return {Kind::yi, 3, 0};     // 亿 U+4EBF
    if (has3(p, 0xE2U, 0x88U, 0x92U)) return {Kind::minus, 3, 0};  // − U+2212
    if (has3(p, 0xE3U, 0x80U, 0x80U)) return {Kind::space, 3, 0};  // U+3000
  }
  if (b == 0xC2U && avail >= 2 && p[1] == 0xA0U) return {Kind::space, 2, 0};  // U+00A0
  const std::size_t n = utf8_length(p, avail);
  if (n == 0) return {Kind::bad, 1, 0};
  return {Kind::other, static_cast<std::uint8_t>(n), 0};
}

// The character at `pos`, classified.
inline Token token_at(std::string_view s, std::size_t pos) noexcept {
  if (pos >= s.size()) return {Kind::end, 0, 0};
  const auto b = static_cast<unsigned char>(s[pos]);
  return b < 0x80U ? ascii_tokens[b] : wide_token_at(s, pos);
}

std::size_t column_of(std::string_view s, std::size_t offset) noexcept {
  std::size_t column = 1;
  const std::size_t end = offset < s.size() ? offset : s.size();
  for (std::size_t i = 0; i < end; ++i) {
    if (!is_continuation(static_cast<unsigned char>(s[i]))) ++column;
  }
  return column;
}

// Everything the grammar found, before the caller decides what it may be.
struct RawFigure {
  std::uint64_t magnitude = 0;  // of the coefficient
  bool negative = false;
  std::int32_t exponent = 0;
  Unit unit = Unit::none;
  std::size_t begin = 0;        // first byte of the figure (after leading spaces)
  std::size_t end = 0;          // one past its last byte (the unit or the parenthesis)
  std::size_t number_end = 0;   // one past the last digit
  std::size_t point = 0;        // offset of the decimal point, if exponent < 0
  std::size_t unit_offset = 0;  // offset of the unit, if any
};

struct UnitFound {
  Unit unit;
  std::size_t end;
};

class Scanner {
 public:
  // Money has 19 digits of 分 (int64); a Decimal holds 18.
  Scanner(std::string_view s, bool whole, RawFigure& out,
          int max_digits = Decimal::max_digits) noexcept
      : s_(s), whole_(whole), max_digits_(max_digits), raw_(out) {}

  /// Fills the RawFigure given to the constructor (written in place: copying a freshly written
  /// struct stalls store forwarding, which costs more than the rest of a short parse).
  tl::expected<void, ParseError> run() noexcept;

 private:
  [[nodiscard]] Token at(std::size_t pos) const noexcept { return token_at(s_, pos); }

  [[nodiscard]] ParseError make_error(ParseErrc code, std::size_t pos) const noexcept {
    return ParseError{code, pos, column_of(s_, pos)};
  }
  [[nodiscard]] tl::unexpected<ParseError> fail(ParseErrc code, std::size_t pos) const noexcept {
    return tl::unexpected(make_error(code, pos));
  }

  [[nodiscard]] std::size_t skip_spaces(std::size_t pos) const noexcept {
    for (Token t = at(pos); t.kind == Kind::space; t = at(pos)) pos += t.size;
    return pos;
  }

  // A digit was needed at `pos` and is not there.
  [[nodiscard]] tl::unexpected<ParseError> digit_needed(std::size_t pos) const noexcept {
    switch (at(pos).kind) {
      case Kind::bad: return fail(ParseErrc::bad_utf8, pos);
      case Kind::other:
      case Kind::plus:
      case Kind::minus: return fail(ParseErrc::unexpected_character, pos);
      default: return fail(ParseErrc::missing_digits, pos);
    }
  }

  // Whether exactly three digits, and no fourth, start at `pos` (just after a separator).
  [[nodiscard]] bool group_follows(std::size_t pos) const noexcept {
    for (int i = 0; i < 3; ++i) {
      const Token t = at(pos);
      if (t.kind != Kind::digit) return false;
      pos += t.size;
    }
    return at(pos).kind != Kind::digit;
  }

  bool digits(std::size_t& pos, bool fraction, int& count) noexcept;
  tl::expected<std::size_t, ParseError> number(std::size_t pos) noexcept;
  tl::expected<UnitFound, ParseError> unit(std::size_t pos, bool bare_allowed) const noexcept;

  std::string_view s_;
  bool whole_;           // the text is one figure (else a figure starts the text)
  bool strict_ = false;  // whole_, or inside parentheses, where the figure must go on
  int max_digits_;
  ParseError error_;
  RawFigure& raw_;
  std::uint64_t coefficient_ = 0;
  int significant_ = 0;
  std::size_t decimals_ = 0;
};

// A run of digits from `pos`, added to the coefficient; false (with error_ set) at a digit
// beyond the limits. ASCII digits take the fast path: they are most of what is parsed. The state
// is kept in locals so that the loop runs in registers.
bool Scanner::digits(std::size_t& position, bool fraction, int& count) noexcept {
  const std::string_view s = s_;
  std::size_t pos = position;
  std::uint64_t coefficient = coefficient_;
  int significant = significant_;
  std::size_t decimals = decimals_;
  int n = 0;
  bool ok = true;
  while (pos < s.size()) {
    unsigned digit = static_cast<unsigned char>(s[pos]) - unsigned{'0'};
    std::size_t width = 1;
    if (digit >= 10U) {
      if (static_cast<unsigned char>(s[pos]) != 0xEFU) break;
      const Token t = wide_token_at(s, pos);
      if (t.kind != Kind::digit) break;
      digit = t.digit;
      width = t.size;
    }
    if (fraction && ++decimals > max_decimals) {
      error_ = make_error(ParseErrc::exponent_range, pos);
      ok = false;
      break;
    }
    if ((coefficient | digit) != 0) {  // leading zeros are not significant
      if (++significant > max_digits_) {
        error_ = make_error(ParseErrc::too_many_digits, pos);
        ok = false;
        break;
      }
      coefficient = coefficient * 10 + digit;
    }
    ++n;
    pos += width;
  }
  position = pos;
  coefficient_ = coefficient;
  significant_ = significant;
  decimals_ = decimals;
  count = n;
  return ok;
}

// Digits, separators and a fraction from `pos`; returns the offset after the last digit.
tl::expected<std::size_t, ParseError> Scanner::number(std::size_t pos) noexcept {
  Token t = at(pos);
  if (t.kind != Kind::digit) return digit_needed(pos);
  // "0,123" is not 123 (and in some languages it is 0.123): a grouped figure starts with 1-9.
  const bool leading_zero = t.digit == 0;
  bool grouped = false;
  for (;;) {
    int group = 0;  // digits since the start or the last separator
    if (!digits(pos, false, group)) return tl::unexpected(error_);
    t = at(pos);
    if (t.kind != Kind::separator) break;
    if ((grouped || group <= 3) && !leading_zero && group_follows(pos + t.size)) {
      grouped = true;
      pos += t.size;
    } else if (strict_ || (grouped && at(pos + t.size).kind == Kind::digit)) {
      return fail(ParseErrc::bad_grouping, pos);
    } else {
      break;  // a comma in running text
    }
  }
  if (t.kind == Kind::point) {
    const std::size_t first = pos + t.size;
    if (at(first).kind != Kind::digit) {
      if (strict_) return digit_needed(first);
      return pos;  // a full stop in running text
    }
    raw_.point = pos;
    pos = first;
    int count = 0;
    if (!digits(pos, true, count)) return tl::unexpected(error_);
  }
  return pos;
}

// A unit at `pos`, if one is there: {Unit::none, pos} otherwise.
tl::expected<UnitFound, ParseError> Scanner::unit(std::size_t pos,
                                                  bool bare_allowed) const noexcept {
  const Token t = at(pos);
  switch (t.kind) {
    case Kind::percent: return UnitFound{Unit::percent, pos + t.size};
    case Kind::yuan: return UnitFound{Unit::yuan, pos + t.size};
    case Kind::wan:
    case Kind::yi: {
      const Unit u = t.kind == Kind::wan ? Unit::wan : Unit::yi;
      const Token next = at(pos + t.size);
      if (next.kind == Kind::yuan) return UnitFound{u, pos + t.size + next.size};
      if (bare_allowed && whole_ && at(skip_spaces(pos + t.size)).kind == Kind::end) {
        return UnitFound{u, pos + t.size};
      }
      return fail(ParseErrc::incomplete_unit, pos);
    }
    default: return UnitFound{Unit::none, pos};
  }
}

tl::expected<void, ParseError> Scanner::run() noexcept {
  std::size_t pos = skip_spaces(0);
  Token t = at(pos);
  if (t.kind == Kind::end) return fail(ParseErrc::empty, 0);
  raw_.begin = pos;
  bool negative = false;
  const bool parenthesised = t.kind == Kind::open;
  if (t.kind == Kind::plus || t.kind == Kind::minus) {
    negative = t.kind == Kind::minus;
    pos += t.size;
  } else if (parenthesised) {
    negative = true;
    pos = skip_spaces(pos + t.size);
  }
  strict_ = whole_ || parenthesised;

  const auto digits_end = number(pos);
  if (!digits_end) return tl::unexpected(digits_end.error());
  pos = *digits_end;
  raw_.number_end = pos;

  // Directly after the digits, a character that cannot continue a figure is an error where the
  // figure must go on; in running text it only ends the figure.
  if (strict_) {
    t = at(pos);
    switch (t.kind) {
      case Kind::bad: return fail(ParseErrc::bad_utf8, pos);
      case Kind::separator: return fail(ParseErrc::bad_grouping, pos);
      case Kind::other:
      case Kind::plus:
      case Kind::minus:
      case Kind::point:
      case Kind::open: return fail(ParseErrc::unexpected_character, pos);
      default: break;
    }
  }

  bool complete = false;  // whether text after the figure is "trailing" rather than "unexpected"
  {
    const std::size_t at_unit = skip_spaces(pos);
    const auto u = unit(at_unit, !parenthesised);
    if (!u) return tl::unexpected(u.error());
    if ((*u).unit != Unit::none) {
      raw_.unit = (*u).unit;
      raw_.unit_offset = at_unit;
      pos = (*u).end;
      complete = true;
    }
  }
  if (parenthesised) {
    const std::size_t close = skip_spaces(pos);
    t = at(close);
    if (t.kind != Kind::close) {
      if (t.kind == Kind::end) return fail(ParseErrc::unbalanced_parenthesis, close);
      if (t.kind == Kind::bad) return fail(ParseErrc::bad_utf8, close);
      return fail(ParseErrc::unexpected_character, close);
    }
    pos = close + t.size;
    complete = true;
    if (raw_.unit == Unit::none) {
      const std::size_t at_unit = skip_spaces(pos);
      const auto u = unit(at_unit, true);
      if (!u) return tl::unexpected(u.error());
      if ((*u).unit != Unit::none) {
        raw_.unit = (*u).unit;
        raw_.unit_offset = at_unit;
        pos = (*u).end;
      }
    }
  }
  raw_.end = pos;

  if (whole_) {
    const std::size_t rest = skip_spaces(pos);
    t = at(rest);
    if (t.kind == Kind::bad) return fail(ParseErrc::bad_utf8, rest);
    if (t.kind != Kind::end) {
      const bool directly_after_digits = !complete && rest == pos;
      return fail(
          directly_after_digits ? ParseErrc::unexpected_character : ParseErrc::trailing_text, rest);
    }
  }

  raw_.magnitude = coefficient_;
  raw_.negative = negative && coefficient_ != 0;
  raw_.exponent = -static_cast<std::int32_t>(decimals_);
  return {};
}

// The common case, a table cell such as "-9508412.25", "5,751,054.00" or "950.84万元": ASCII
// digits, an optional sign, comma groups and fraction, and a unit directly after. Returns false
// for everything else, every error included, which the general Scanner then reads (and reports)
// from the start; the fuzzer checks that both agree.
bool scan_plain(std::string_view s, RawFigure& raw, int max_digits) noexcept {
  const char* const begin = s.data();
  const char* const end = begin + s.size();
  const char* p = begin;
  if (p == end) return false;
  const bool negative = *p == '-';
  if (negative || *p == '+') ++p;
  const char* const digits = p;
  // Figures with more digit characters than a coefficient holds (leading zeros included) take
  // the general path, so the loops need no per-digit check: 19 digits cannot overflow 64 bits.
  int count = 0;
  std::uint64_t coefficient = 0;
  const char* group = p;  // start of the current group of integer digits
  bool grouped = false;
  for (; p != end; ++p) {
    const unsigned digit = static_cast<unsigned char>(*p) - unsigned{'0'};
    if (digit < 10U) {
      coefficient = coefficient * 10 + digit;
      ++count;
    } else if (*p == ',') {
      const auto size = p - group;
      if (grouped ? size != 3 : (size < 1 || size > 3)) return false;
      grouped = true;
      group = p + 1;
    } else {
      break;
    }
  }
  if (p == group || (grouped && (p - group != 3 || *digits == '0'))) return false;  // "0,123"
  const char* const integer_end = p;
  std::size_t decimals = 0;
  if (p != end && *p == '.') {
    const char* const first = ++p;
    for (; p != end; ++p) {
      const unsigned digit = static_cast<unsigned char>(*p) - unsigned{'0'};
      if (digit >= 10U) break;
      coefficient = coefficient * 10 + digit;
    }
    decimals = static_cast<std::size_t>(p - first);
    if (decimals == 0) return false;
    count += static_cast<int>(decimals);
    raw.point = static_cast<std::size_t>(integer_end - begin);
  }
  if (count > max_digits) return false;
  raw.number_end = static_cast<std::size_t>(p - begin);
  raw.unit = Unit::none;
  if (p != end) {
    const std::string_view rest(p, static_cast<std::size_t>(end - p));
    if (rest == "元") {
      raw.unit = Unit::yuan;
    } else if (rest == "万元") {
      raw.unit = Unit::wan;
    } else if (rest == "%") {
      raw.unit = Unit::percent;
    } else if (rest == "亿元") {
      raw.unit = Unit::yi;
    } else {
      return false;
    }
    raw.unit_offset = raw.number_end;
  }
  raw.begin = 0;
  raw.end = s.size();
  raw.magnitude = coefficient;
  raw.negative = negative && coefficient != 0;
  raw.exponent = -static_cast<std::int32_t>(decimals);
  return true;
}

// A whole text as one figure: the fast path, or the general grammar.
tl::expected<void, ParseError> scan_whole(std::string_view s, RawFigure& raw,
                                          int max_digits = Decimal::max_digits) noexcept {
  if (scan_plain(s, raw, max_digits)) return {};
  raw = RawFigure{};
  return Scanner(s, true, raw, max_digits).run();
}

// The coefficient as a Decimal; the scanner has limited it to 18 digits.
Decimal value_of(const RawFigure& raw) noexcept {
  const auto magnitude = static_cast<std::int64_t>(raw.magnitude);
  return *Decimal::make(raw.negative ? -magnitude : magnitude, raw.exponent);
}

Stated to_stated(std::string_view text, const RawFigure& raw, Reading reading) {
  Stated s;
  s.value = value_of(raw);
  s.unit = raw.unit;
  s.reading = reading;
  s.text.assign(text.substr(raw.begin, raw.end - raw.begin));
  return s;
}

// The offset of the first non-zero digit after the `allowed`-th decimal.
std::size_t first_digit_beyond(std::string_view text, const RawFigure& raw, int allowed) noexcept {
  std::size_t pos = raw.point;
  pos += token_at(text, pos).size;
  int index = 0;
  for (Token t = token_at(text, pos); t.kind == Kind::digit; t = token_at(text, pos)) {
    if (++index > allowed && t.digit != 0) return pos;
    pos += t.size;
  }
  return pos;
}

}  // namespace

ParseResult<Stated> parse_figure(std::string_view text, Reading reading) {
  RawFigure raw;
  if (auto r = scan_whole(text, raw); !r) return tl::unexpected(r.error());
  return to_stated(text, raw, reading);
}

ParseResult<ParsedFigure> parse_figure_prefix(std::string_view text, Reading reading) {
  RawFigure raw;
  if (auto r = Scanner(text, false, raw).run(); !r) return tl::unexpected(r.error());
  return ParsedFigure{to_stated(text, raw, reading), raw.end};
}

ParseResult<Decimal> parse_decimal(std::string_view text) {
  RawFigure raw;
  if (auto r = scan_whole(text, raw); !r) return tl::unexpected(r.error());
  if (raw.unit != Unit::none) {
    return tl::unexpected(
        ParseError{ParseErrc::wrong_unit, raw.unit_offset, column_of(text, raw.unit_offset)});
  }
  return value_of(raw);
}

ParseResult<Percent> parse_percent(std::string_view text) {
  RawFigure raw;
  if (auto r = scan_whole(text, raw); !r) return tl::unexpected(r.error());
  if (raw.unit != Unit::none && raw.unit != Unit::percent) {
    return tl::unexpected(
        ParseError{ParseErrc::wrong_unit, raw.unit_offset, column_of(text, raw.unit_offset)});
  }
  return Percent(value_of(raw));
}

ParseResult<Money> parse_money(std::string_view text, Unit default_unit) {
  RawFigure raw;
  if (auto r = scan_whole(text, raw, Decimal::max_digits + 1); !r) {
    return tl::unexpected(r.error());
  }
  const auto error = [&](ParseErrc code, std::size_t offset) {
    return tl::unexpected(ParseError{code, offset, column_of(text, offset)});
  };
  Unit unit = raw.unit;
  if (unit == Unit::none) {
    if (!is_money(default_unit)) return error(ParseErrc::missing_unit, raw.number_end);
    unit = default_unit;
  } else if (!is_money(unit)) {
    return error(ParseErrc::wrong_unit, raw.unit_offset);
  }
  // fen = coefficient × 10^(exponent + fen_exponent)
  const int places = *fen_exponent(unit);
  const int shift = raw.exponent + places;
  detail::int128 fen = raw.magnitude;
  if (shift >= 0) {
    fen *= detail::pow10(shift);  // at most 19 digits × 10^10: fits 128 bits
  } else {
    const detail::int128 scale = detail::pow10(-shift);
    if (fen % scale != 0) return error(ParseErrc::too_fine, first_digit_beyond(text, raw, places));
    fen /= scale;
  }
  const auto money = money_from_wide(raw.negative ? -fen : fen);
  if (!money) return error(ParseErrc::out_of_range, raw.begin);
  return *money;
}

std::string describe(const ParseError& error, std::string_view input) {
  std::string message = "column ";
  message += std::to_string(error.column);
  message += ": ";
  message += to_string(error.code);
  if (error.code == ParseErrc::empty || error.code == ParseErrc::out_of_range) return message;
  if (error.offset >= input.size()) {
    message += " at the end of the text";
    return message;
  }
  const Token t = token_at(input, error.offset);
  if (t.kind == Kind::bad) {
    constexpr std::string_view hex = "0123456789ABCDEF";
    const auto b = static_cast<unsigned char>(input[error.offset]);
    message += " (byte 0x";
    message += hex[b >> 4U];
    message += hex[b & 0xFU];
    message += ')';
    return message;
  }
  // "unexpected character 'x'"; the others say where: "bad thousands grouping at ','".
  message += error.code == ParseErrc::unexpected_character ? " '" : " at '";
  for (std::size_t i = 0; i < t.size; ++i) {
    const char c = input[error.offset + i];
    // Control characters are shown by their code, so that the message stays on one line.
    if (static_cast<unsigned char>(c) < 0x20U || c == 0x7F) {
      constexpr std::string_view hex = "0123456789ABCDEF";
      message += "\\x";
      message += hex[static_cast<unsigned char>(c) >> 4U];
      message += hex[static_cast<unsigned char>(c) & 0xFU];
    } else {
      message += c;
    }
  }
  message += '\'';
  return message;
}

std::ostream& operator<<(std::ostream& os, ParseErrc code) { return os << to_string(code); }

std::ostream& operator<<(std::ostream& os, const ParseError& error) {
  return os << to_string(error.code) << " at column " << error.column << " (byte " << error.offset
            << ')';
}

}  // namespace fisc
