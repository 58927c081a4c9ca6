// SPDX-License-Identifier: BSL-1.0
// libFuzzer target for fisc's text parsers: every input goes through parse_figure,
// parse_figure_prefix, parse_decimal, parse_percent and parse_money; what they accept must
// format back to text that parses to the same value, and what they reject must say where.
// The first bytes are also read as a Decimal and a Money, to fuzz formatting the other way round.

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>

#include "fisc/numbers/fmt.hpp"
#include "fisc/numbers/format.hpp"
#include "fisc/numbers/parse.hpp"

namespace {

using fisc::Decimal;
using fisc::Money;
using fisc::Unit;

void require(bool holds, const char* what, std::string_view input) {
  if (holds) return;
  std::fprintf(stderr, "fisc_fuzz_parse: invariant violated: %s\ninput (%zu bytes): ", what,
               input.size());
  for (const char c : input) std::fprintf(stderr, "%02X ", static_cast<unsigned char>(c));
  std::fputc('\n', stderr);
  std::abort();
}

void check_error(const fisc::ParseError& e, std::string_view input) {
  require(e.offset <= input.size(), "error offset within the input", input);
  require(e.column >= 1 && e.column <= e.offset + 1, "column counts code points", input);
  require(e.code != fisc::ParseErrc::empty || e.offset == 0, "empty is at offset 0", input);
  require(!fisc::describe(e, input).empty(), "describe() says something", input);
  require(fisc::to_string(e.code) != "unknown parse error", "a known error code", input);
}

bool same(const fisc::Stated& a, const fisc::Stated& b) {
  return identical(a.value, b.value) && a.unit == b.unit;
}

// A Decimal read from text: at most 18 digits and 40 decimals, written back exactly.
void check_decimal_value(Decimal d, std::string_view input) {
  require(d.digits() <= Decimal::max_digits, "at most 18 digits", input);
  require(d.exponent() <= 0 && d.exponent() >= -fisc::max_plain_decimals, "decimals as written",
          input);
  std::array<char, fisc::decimal_chars_max> buffer{};
  const char* end = fisc::format_to(buffer.data(), d);
  const std::string text = fisc::to_string(d);
  require(std::string_view(buffer.data(), static_cast<std::size_t>(end - buffer.data())) == text,
          "format_to writes to_string", input);
  const auto plain = fisc::parse_decimal(text);
  require(plain && identical(*plain, d), "parse_decimal(to_string(d)) is d", input);
  const auto grouped = fisc::parse_decimal(fisc::format(d, {.thousands = true}));
  require(grouped && identical(*grouped, d), "parse_decimal(format(d, thousands)) is d", input);
  require(fmt::format("{:,}", d) == fisc::format(d, {.thousands = true}), "fmt agrees", input);
}

// A leading space takes parse_figure's general path, whatever its fast path would have done: both
// must give the same figure, or the same error one byte and one column later.
void check_paths_agree(std::string_view input, const fisc::ParseResult<fisc::Stated>& r) {
  const auto general = fisc::parse_figure(" " + std::string(input));
  require(r.has_value() == general.has_value(), "fast and general paths agree", input);
  if (r) {
    require(*r == *general, "fast and general paths give the same figure", input);
  } else if (r.error().code != fisc::ParseErrc::empty) {  // empty is at offset 0 in both
    require(r.error().code == general.error().code &&
                r.error().offset + 1 == general.error().offset &&
                r.error().column + 1 == general.error().column,
            "fast and general paths give the same error", input);
  }
  const auto money = fisc::parse_money(input, Unit::yuan);
  const auto money_general = fisc::parse_money(" " + std::string(input), Unit::yuan);
  require(money.has_value() == money_general.has_value() && (!money || *money == *money_general),
          "fast and general paths agree on money", input);
}

void check_figure(std::string_view input) {
  const auto r = fisc::parse_figure(input);
  check_paths_agree(input, r);
  if (!r) {
    check_error(r.error(), input);
    return;
  }
  const fisc::Stated& s = *r;
  check_decimal_value(s.value, input);
  require(!s.text.empty() && input.find(s.text) != std::string_view::npos,
          "the text is part of the input", input);
  require(fisc::format(s) == s.text, "format(stated) is its text", input);
  const auto again = fisc::parse_figure(fisc::format(s));
  require(again && same(*again, s) && again->text == s.text, "the text parses to the same figure",
          input);
  const std::string written = fisc::to_string(s.value) + std::string(fisc::symbol(s.unit));
  const auto back = fisc::parse_figure(written);
  require(back && same(*back, s), "value and unit symbol parse back", input);
  if (fisc::is_money(s.unit)) {
    const auto money = fisc::parse_money(input, Unit::none);
    const auto exact = s.try_money();
    require(money.has_value() == exact.has_value(), "parse_money agrees with Stated::try_money",
            input);
    if (money) require(*money == *exact, "parse_money equals Stated::try_money", input);
  }
  const auto prefix = fisc::parse_figure_prefix(input);
  if (prefix) require(same(prefix->figure, s), "the prefix of a figure is that figure", input);
}

void check_prefix(std::string_view input) {
  const auto r = fisc::parse_figure_prefix(input);
  if (!r) {
    check_error(r.error(), input);
    return;
  }
  const fisc::ParsedFigure& p = *r;
  check_decimal_value(p.figure.value, input);
  require(p.length <= input.size(), "prefix length within the input", input);
  require(p.length >= p.figure.text.size() &&
              input.substr(p.length - p.figure.text.size(), p.figure.text.size()) == p.figure.text,
          "the figure's text ends the prefix", input);
  const auto whole = fisc::parse_figure(input.substr(0, p.length));
  require(whole && same(*whole, p.figure) && whole->text == p.figure.text,
          "the prefix alone parses as a whole figure", input);
}

void check_numbers(std::string_view input) {
  if (const auto d = fisc::parse_decimal(input)) {
    check_decimal_value(*d, input);
  } else {
    check_error(d.error(), input);
  }
  if (const auto p = fisc::parse_percent(input)) {
    const auto back = fisc::parse_percent(fisc::format(*p));
    require(back && identical(back->points(), p->points()), "percent round trip", input);
  } else {
    check_error(p.error(), input);
  }
  for (const Unit unit : {Unit::none, Unit::yuan, Unit::wan, Unit::yi, Unit::percent}) {
    const auto m = fisc::parse_money(input, unit);
    if (!m) {
      check_error(m.error(), input);
      continue;
    }
    const auto yuan = fisc::parse_money(fisc::to_string(*m), Unit::yuan);
    require(yuan && *yuan == *m, "parse_money(to_string(m)) is m", input);
    const auto wan = fisc::parse_money(fisc::format(*m, Unit::wan, {true, true}), Unit::none);
    require(wan && *wan == *m, "parse_money(format(m, 万元)) is m", input);
  }
}

// The bytes as a Decimal and a Money, formatted and read back.
void check_formatting(const std::uint8_t* data, std::size_t size, std::string_view input) {
  if (size < 13) return;
  std::uint64_t bits = 0;
  std::memcpy(&bits, data, sizeof bits);
  std::uint32_t ebits = 0;
  std::memcpy(&ebits, data + 8, sizeof ebits);
  const std::uint8_t extra = data[12];

  const auto span = static_cast<std::uint64_t>(Decimal::max_coefficient) * 2 + 1;
  const auto coefficient = static_cast<std::int64_t>(bits % span) - Decimal::max_coefficient;
  // Mostly exponents near the plain range, sometimes anywhere.
  const std::int64_t exponent =
      (extra & 1U) != 0 ? static_cast<std::int64_t>(ebits % 1'999'999'999U) - 999'999'999
                        : static_cast<std::int64_t>(ebits % 81U) - 50;
  const auto d = Decimal::make(coefficient, exponent);
  require(d.has_value(), "sample Decimal in range", input);
  std::array<char, fisc::decimal_chars_max> buffer{};
  const char* end = fisc::format_to(buffer.data(), *d);
  const std::string text = fisc::to_string(*d);
  require(
      static_cast<std::size_t>(end - buffer.data()) <= buffer.size() &&
          std::string_view(buffer.data(), static_cast<std::size_t>(end - buffer.data())) == text,
      "format_to fits and agrees", input);
  const bool plain = exponent >= -fisc::max_plain_decimals && exponent <= fisc::max_plain_zeros;
  const bool fits = d->is_zero() || d->digits() + (exponent > 0 ? exponent : 0) <= 18;
  if (plain && fits) {
    const auto back = fisc::parse_decimal(fisc::format(*d, {.thousands = (extra & 2U) != 0}));
    require(back && *back == *d, "parse_decimal(to_string(d)) == d", input);
    if (exponent <= 0) require(identical(*back, *d), "same decimals", input);
  }

  const auto fen = static_cast<std::int64_t>(bits);
  if (fen == INT64_MIN) return;
  const Money m = Money::from_fen(fen);
  const auto back = fisc::parse_money(fmt::format("{:,}", m), Unit::yuan);
  require(back && *back == m, "Money round trip", input);
  constexpr std::array<Unit, 3> units{Unit::yuan, Unit::wan, Unit::yi};
  const Unit unit = units[(extra >> 2U) % 3U];
  const auto mode = fisc::all_roundings[(extra >> 4U) % 7U];
  const int decimals = static_cast<int>(ebits % 19U);
  const std::string rounded = fisc::format(m, unit, decimals, mode);
  const auto parsed = fisc::parse_decimal(rounded);
  if (parsed) {
    require(parsed->exponent() == -decimals, "rounded to the decimals asked", input);
  } else {
    require(parsed.error().code == fisc::ParseErrc::too_many_digits, "rounded text parses", input);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // NOLINTNEXTLINE(cppcoreguidelines-pro-type-reinterpret-cast): libFuzzer's bytes as text
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  check_figure(input);
  check_prefix(input);
  check_numbers(input);
  check_formatting(data, size, input);
  return 0;
}
