// SPDX-License-Identifier: BSL-1.0
#include "fisc/numbers/format.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <array>
#include <cstdint>
#include <sstream>
#include <string>
#include <vector>

#include "fisc/numbers/fmt.hpp"
#include "fisc/numbers/parse.hpp"

using fisc::Decimal;
using fisc::FormatOptions;
using fisc::Money;
using fisc::Percent;
using fisc::Rounding;
using fisc::Unit;

namespace {

constexpr FormatOptions grouped{.thousands = true, .unit_symbol = false};
constexpr FormatOptions with_symbol{.thousands = false, .unit_symbol = true};

/// Coefficients of every length, both signs, with zeros inside and at the end.
std::vector<std::int64_t> sample_coefficients() {
  std::vector<std::int64_t> out{0,   1,   5,    9,    10,    99,     100,
                                101, 999, 1000, 1001, 12345, 100000, Decimal::max_coefficient};
  std::uint64_t x = 0x243F6A8885A308D3U;  // a fixed pseudo-random sequence
  for (int digits = 1; digits <= Decimal::max_digits; ++digits) {
    for (int k = 0; k < 6; ++k) {
      x ^= x << 13U;
      x ^= x >> 7U;
      x ^= x << 17U;
      std::int64_t bound = 1;
      for (int i = 0; i < digits; ++i) bound *= 10;
      out.push_back(static_cast<std::int64_t>(x % static_cast<std::uint64_t>(bound)));
    }
  }
  const std::size_t n = out.size();
  for (std::size_t i = 0; i < n; ++i) out.push_back(-out[i]);
  return out;
}

std::vector<Money> sample_money() {
  std::vector<Money> out{Money{},
                         Money::max(),
                         Money::min(),
                         Money::from_fen(1),
                         Money::from_fen(-5),
                         Money::from_fen(950841225)};
  for (const std::int64_t c : sample_coefficients()) {
    out.push_back(Money::from_fen(c));
    out.push_back(Money::from_fen(c / 10 * 7 + 3));
  }
  return out;
}

}  // namespace

TEST_CASE("to_string(Decimal): plain notation, exactly the digits held") {
  CHECK(fisc::to_string(Decimal(95084, -2)) == "950.84");
  CHECK(fisc::to_string(Decimal(5, -3)) == "0.005");
  CHECK(fisc::to_string(Decimal(12, 2)) == "1200");
  CHECK(fisc::to_string(Decimal(-1250, -2)) == "-12.50");
  CHECK(fisc::to_string(Decimal(0, -2)) == "0.00");
  CHECK(fisc::to_string(Decimal(0, 3)) == "0");
  CHECK(fisc::to_string(Decimal{}) == "0");
  CHECK(fisc::to_string(Decimal(-5, -1)) == "-0.5");
  CHECK(fisc::to_string(Decimal(100, 0)) == "100");
  CHECK(fisc::to_string(Decimal(Decimal::max_coefficient, 0)) == "999999999999999999");
  CHECK(fisc::to_string(Decimal(-Decimal::max_coefficient, -18)) == "-0.999999999999999999");
  CHECK(fisc::to_string(Decimal(-Decimal::max_coefficient, -9)) == "-999999999.999999999");
}

TEST_CASE("to_string(Decimal): beyond the plain range, scientific notation") {
  CHECK(fisc::to_string(Decimal(1, -40)) == "0." + std::string(39, '0') + "1");
  CHECK(fisc::to_string(Decimal(-Decimal::max_coefficient, -40)) ==
        "-0." + std::string(22, '0') + "999999999999999999");
  CHECK(fisc::to_string(Decimal(12, 20)) == "12" + std::string(20, '0'));
  CHECK(fisc::to_string(Decimal(1, -41)) == "1E-41");
  CHECK(fisc::to_string(Decimal(12, 21)) == "1.2E+22");
  CHECK(fisc::to_string(Decimal(-12, Decimal::max_exponent)) == "-1.2E+1000000000");
}

TEST_CASE("format(Decimal): thousands separators") {
  CHECK(fisc::format(Decimal(575105400, -2), grouped) == "5,751,054.00");
  CHECK(fisc::format(Decimal(-575105400, -2), grouped) == "-5,751,054.00");
  CHECK(fisc::format(Decimal(-99999, -2), grouped) == "-999.99");
  CHECK(fisc::format(Decimal(999), grouped) == "999");
  CHECK(fisc::format(Decimal(1000), grouped) == "1,000");
  CHECK(fisc::format(Decimal(-100000), grouped) == "-100,000");
  CHECK(fisc::format(Decimal(5, -3), grouped) == "0.005");
  CHECK(fisc::format(Decimal(12, 5), grouped) == "1,200,000");
  CHECK(fisc::format(Decimal(Decimal::max_coefficient, -2), grouped) == "9,999,999,999,999,999.99");
  CHECK(fisc::format(Decimal(-Decimal::max_coefficient, 20), grouped) ==
        "-99,999,999,999,999,999,900,000,000,000,000,000,000");
  CHECK(fisc::format(Decimal(575105400, -2)) == "5751054.00");
}

TEST_CASE("format_to(char*, Decimal): no allocation, at most decimal_chars_max bytes") {
  std::array<char, fisc::decimal_chars_max> buffer{};
  const auto write = [&](Decimal d) {
    char* end = fisc::format_to(buffer.data(), d);
    REQUIRE(end - buffer.data() <= static_cast<std::ptrdiff_t>(buffer.size()));
    return std::string(buffer.data(), end);
  };
  CHECK(write(Decimal(-95084, -2)) == "-950.84");
  CHECK(write(Decimal(-1, -40)).size() == 43);
  CHECK(write(Decimal(-Decimal::max_coefficient, 20)).size() == 39);
  CHECK(write(Decimal(-Decimal::max_coefficient, Decimal::min_exponent)) ==
        "-9.99999999999999999E-999999982");
  for (const std::int64_t c : sample_coefficients()) {
    for (int e = -45; e <= 25; ++e) {
      const Decimal d(c, e);
      CHECK(write(d) == fisc::to_string(d));
    }
  }
}

TEST_CASE("to_string(Money) and format(Money, Unit): exact, every 分 kept") {
  const Money m = Money::from_fen(950841225);
  CHECK(fisc::to_string(m) == "9508412.25");
  CHECK(fisc::to_string(Money::from_fen(-5)) == "-0.05");
  CHECK(fisc::to_string(Money{}) == "0.00");
  CHECK(fisc::to_string(Money::max()) == "92233720368547758.07");
  CHECK(fisc::to_string(Money::min()) == "-92233720368547758.07");
  CHECK(fisc::format(m, Unit::yuan) == "9508412.25");
  CHECK(fisc::format(m, Unit::wan) == "950.841225");
  CHECK(fisc::format(m, Unit::yi) == "0.0950841225");
  CHECK(fisc::format(Money::from_fen(950841220), Unit::wan) == "950.841220");
  CHECK(fisc::format(m, Unit::yuan, grouped) == "9,508,412.25");
  CHECK(fisc::format(-m, Unit::yuan, grouped) == "-9,508,412.25");
  CHECK(fisc::format(m, Unit::wan, with_symbol) == "950.841225万元");
  CHECK(fisc::format(m, Unit::yuan, {.thousands = true, .unit_symbol = true}) == "9,508,412.25元");
  CHECK(fisc::format(Money::from_fen(-99999), Unit::yuan, grouped) == "-999.99");
  CHECK(fisc::format(Money::max(), Unit::yuan, grouped) == "92,233,720,368,547,758.07");
  CHECK(fisc::format(Money::min(), Unit::yi, with_symbol) == "-922337203.6854775807亿元");
  CHECK_THROWS_AS((void)fisc::format(m, Unit::percent), fisc::ArithmeticError);
  CHECK_THROWS_AS((void)fisc::format(m, Unit::none), fisc::ArithmeticError);
}

TEST_CASE("format(Money, Unit, decimals, Rounding): the rounding is named") {
  const Money m = Money::from_fen(950841225);
  CHECK(fisc::format(m, Unit::wan, 2, Rounding::half_up, with_symbol) == "950.84万元");
  CHECK(fisc::format(m, Unit::wan, 2, Rounding::half_up) == "950.84");
  CHECK(fisc::format(m, Unit::wan, 2, Rounding::ceiling) == "950.85");
  CHECK(fisc::format(m, Unit::yuan, 0, Rounding::half_up, grouped) == "9,508,412");
  CHECK(fisc::format(m, Unit::yuan, 4, Rounding::half_up) == "9508412.2500");

  const Money tie = Money::from_yuan(9'508'450);  // 950.845 万元
  CHECK(fisc::format(tie, Unit::wan, 2, Rounding::half_up) == "950.85");
  CHECK(fisc::format(tie, Unit::wan, 2, Rounding::half_even) == "950.84");
  CHECK(fisc::format(tie, Unit::wan, 2, Rounding::half_down) == "950.84");
  CHECK(fisc::format(tie, Unit::wan, 2, Rounding::down) == "950.84");
  CHECK(fisc::format(-tie, Unit::wan, 2, Rounding::half_up) == "-950.85");
  CHECK(fisc::format(-tie, Unit::wan, 2, Rounding::floor) == "-950.85");
  CHECK(fisc::format(-tie, Unit::wan, 2, Rounding::ceiling) == "-950.84");
  // A small negative amount that rounds to nothing is written without a sign.
  CHECK(fisc::format(Money::from_fen(-4), Unit::wan, 2, Rounding::half_up) == "0.00");
  CHECK(fisc::format(Money::from_fen(-4), Unit::wan, 2, Rounding::floor) == "-0.01");

  CHECK(fisc::format(Money::max(), Unit::yi, 18, Rounding::down) == "922337203.685477580700000000");
  CHECK(fisc::format(Money::min(), Unit::yuan, 18, Rounding::down, grouped) ==
        "-92,233,720,368,547,758.070000000000000000");
  CHECK(fisc::format(Money::max(), Unit::yi, 0, Rounding::up, with_symbol) == "922337204亿元");
  CHECK_THROWS_AS((void)fisc::format(m, Unit::wan, -1, Rounding::half_up), fisc::ArithmeticError);
  CHECK_THROWS_AS((void)fisc::format(m, Unit::wan, 19, Rounding::half_up), fisc::ArithmeticError);
  CHECK_THROWS_AS((void)fisc::format(m, Unit::none, 2, Rounding::half_up), fisc::ArithmeticError);
}

TEST_CASE("format(Percent) and format(Stated)") {
  CHECK(fisc::format(Percent(Decimal(1164, -2))) == "11.64%");
  CHECK(fisc::format(Percent(Decimal(-35, -1))) == "-3.5%");
  CHECK(fisc::format(Percent(Decimal(123456, -1)), grouped) == "12,345.6%");
  CHECK(fisc::to_string(Percent(Decimal(8510, -2))) == "85.10%");

  const auto s = fisc::parse_figure(" 5,751,054.00万元 ");
  REQUIRE(s);
  CHECK(fisc::format(*s) == "5,751,054.00万元");
  fisc::Stated computed{Decimal(95084, -2), Unit::wan, fisc::Reading::rounded, "", -1};
  CHECK(fisc::format(computed) == "950.84万元");
  computed.unit = Unit::none;
  CHECK(fisc::format(computed) == "950.84");
}

TEST_CASE("to_string(Interval)") {
  const auto i = fisc::parse_figure("950.84")->interval();
  CHECK(fisc::to_string(i) == "[950.835, 950.845)");
  CHECK(fisc::to_string(fisc::parse_figure("-950.84")->interval()) == "(-950.845, -950.835]");
  CHECK(fisc::to_string(fisc::Interval::point(Decimal(3))) == "[3, 3]");
}

TEST_CASE("stream operators") {
  std::ostringstream os;
  os << Decimal(-575105400, -2) << ' ' << Money::from_fen(-5) << ' ' << Percent(Decimal(1164, -2))
     << ' ' << fisc::Interval::point(Decimal(3)) << ' ' << Unit::wan << ' ' << Rounding::half_even
     << ' ' << fisc::Reading::truncated << ' ' << fisc::ArithmeticErrc::zero_base << ' '
     << *fisc::parse_figure("（12.50）万元");
  CHECK(os.str() ==
        "-5751054.00 -0.05 11.64% [3, 3] wan half_even truncated zero base （12.50）万元");
}

TEST_CASE("fmt formatters") {
  CHECK(fmt::format("{}", Decimal(-575105400, -2)) == "-5751054.00");
  CHECK(fmt::format("{:,}", Decimal(-575105400, -2)) == "-5,751,054.00");
  CHECK(fmt::format("{}", Decimal(1, -41)) == "1E-41");

  const Money m = Money::from_fen(950841225);
  CHECK(fmt::format("{}", m) == "9508412.25");
  CHECK(fmt::format("{:,}", m) == "9,508,412.25");
  CHECK(fmt::format("{:yuan}", m) == "9508412.25元");
  CHECK(fmt::format("{:,yuan}", m) == "9,508,412.25元");
  CHECK(fmt::format("{:wan}", m) == "950.841225万元");
  CHECK(fmt::format("{:yi}", -m) == "-0.0950841225亿元");
  CHECK(fmt::format("{:,}", Money::max()) == "92,233,720,368,547,758.07");

  CHECK(fmt::format("{}", Percent(Decimal(1164, -2))) == "11.64%");
  CHECK(fmt::format("{:,}", Percent(Decimal(123456, -1))) == "12,345.6%");
  CHECK(fmt::format("{}", Unit::wan) == "wan");
  CHECK(fmt::format("{:s}", Unit::wan) == "万元");
  CHECK(fmt::format("[{:s}]", Unit::none) == "[]");
  CHECK(fmt::format("{}", Rounding::half_up) == "half_up");
  CHECK(fmt::format("{}", fisc::Reading::exact) == "exact");
  CHECK(fmt::format("{}", fisc::ArithmeticErrc::overflow) == "overflow");
  CHECK(fmt::format("{}", fisc::ParseErrc::bad_grouping) == "bad thousands grouping");
  CHECK(fmt::format("{}", fisc::parse_figure("12.3x").error()) ==
        "unexpected character at column 5 (byte 4)");

  const auto s = fisc::parse_figure("950.84");
  REQUIRE(s);
  CHECK(fmt::format("{}", *s) == "950.84");
  CHECK(fmt::format("{}", s->interval()) == "[950.835, 950.845)");
  const auto big = fisc::parse_figure("5,751,054.00");
  CHECK(fmt::format("{:,}", big->interval()) == "[5,751,053.995, 5,751,054.005)");
}

TEST_CASE("fmt formatters reject specs that would round or mean nothing") {
  // Checked format strings fail to compile with these; at run time they throw.
  CHECK_THROWS_AS((void)fmt::format(fmt::runtime("{:.2}"), Decimal(1)), fmt::format_error);
  CHECK_THROWS_AS((void)fmt::format(fmt::runtime("{:.2}"), Money{}), fmt::format_error);
  CHECK_THROWS_AS((void)fmt::format(fmt::runtime("{:w}"), Money{}), fmt::format_error);
  CHECK_THROWS_AS((void)fmt::format(fmt::runtime("{:wan,}"), Money{}), fmt::format_error);
  CHECK_THROWS_AS((void)fmt::format(fmt::runtime("{:wan}"), Decimal(1)), fmt::format_error);
  CHECK_THROWS_AS((void)fmt::format(fmt::runtime("{:>10}"), Percent{}), fmt::format_error);
  CHECK_THROWS_AS((void)fmt::format(fmt::runtime("{:x}"), Unit::wan), fmt::format_error);
  CHECK_THROWS_AS((void)fmt::format(fmt::runtime("{:s}"), Rounding::up), fmt::format_error);
  CHECK_THROWS_AS((void)fmt::format(fmt::runtime("{:,}"), fisc::Stated{}), fmt::format_error);
}

TEST_CASE("round trip: parse(format(x)) == x") {
  for (const std::int64_t c : sample_coefficients()) {
    for (int e = -fisc::max_plain_decimals; e <= fisc::max_plain_zeros; ++e) {
      const Decimal d(c, e);
      CAPTURE(d);
      const auto plain = fisc::parse_decimal(fisc::to_string(d));
      const auto grouped_back = fisc::parse_decimal(fisc::format(d, grouped));
      if (!d.is_zero() && d.digits() + (e > 0 ? e : 0) > Decimal::max_digits) {
        // 1200…0 with more than 18 digits as written is more than a Decimal reads back.
        CHECK(plain.error().code == fisc::ParseErrc::too_many_digits);
        continue;
      }
      REQUIRE(plain);
      REQUIRE(grouped_back);
      CHECK(*plain == d);
      CHECK(*grouped_back == d);
      if (e <= 0) {
        CHECK(identical(*plain, d));
        CHECK(identical(*grouped_back, d));
      }
      const auto p = fisc::parse_percent(fisc::format(Percent(d)));
      REQUIRE(p);
      CHECK(*p == Percent(d));
    }
  }
  for (const Money m : sample_money()) {
    CAPTURE(m);
    CHECK(*fisc::parse_money(fisc::to_string(m), Unit::yuan) == m);
    for (const Unit u : {Unit::yuan, Unit::wan, Unit::yi}) {
      CHECK(*fisc::parse_money(fisc::format(m, u), u) == m);
      CHECK(*fisc::parse_money(fisc::format(m, u, {.thousands = true, .unit_symbol = true}),
                               Unit::none) == m);
      CHECK(*fisc::parse_money(fmt::format("{:,}", m), Unit::yuan) == m);
    }
  }
}
