// SPDX-License-Identifier: BSL-1.0
#include "fisc/numbers/parse.hpp"

#include <doctest/doctest.h>

#include <cstdint>
#include <sstream>
#include <string>
#include <string_view>

using fisc::Decimal;
using fisc::Money;
using fisc::ParseErrc;
using fisc::ParseError;
using fisc::Reading;
using fisc::Stated;
using fisc::Unit;

namespace {

struct Expected {
  std::int64_t coefficient;
  std::int32_t exponent;
  Unit unit;
  std::string_view text;
};

void check_figure(std::string_view input, const Expected& e) {
  CAPTURE(input);
  const auto r = fisc::parse_figure(input);
  REQUIRE(r.has_value());
  const Stated& s = *r;
  CHECK(s.value.coefficient() == e.coefficient);
  CHECK(s.value.exponent() == e.exponent);
  CHECK(s.unit == e.unit);
  CHECK(s.text == e.text);
  CHECK(s.reading == Reading::rounded);
  CHECK(s.assumed_decimals == -1);
}

ParseError figure_error(std::string_view input) {
  CAPTURE(input);
  const auto r = fisc::parse_figure(input);
  REQUIRE_FALSE(r.has_value());
  return r.error();
}

void check_error(std::string_view input, ParseErrc code, std::size_t offset, std::size_t column) {
  CAPTURE(input);
  CHECK(figure_error(input) == ParseError{code, offset, column});
}

}  // namespace

TEST_CASE("parse_figure: plain numbers keep the decimals written") {
  check_figure("950.84", {95084, -2, Unit::none, "950.84"});
  check_figure("-12.5", {-125, -1, Unit::none, "-12.5"});
  check_figure("125.3", {1253, -1, Unit::none, "125.3"});
  check_figure("+3", {3, 0, Unit::none, "+3"});
  check_figure("0", {0, 0, Unit::none, "0"});
  check_figure("0.00", {0, -2, Unit::none, "0.00"});
  check_figure("-0.00", {0, -2, Unit::none, "-0.00"});
  check_figure("125.30", {12530, -2, Unit::none, "125.30"});
  check_figure("007", {7, 0, Unit::none, "007"});
  check_figure("0.005", {5, -3, Unit::none, "0.005"});
  check_figure("1200", {1200, 0, Unit::none, "1200"});
}

TEST_CASE("parse_figure: thousands separators in groups of three") {
  check_figure("5,751,054.00", {575105400, -2, Unit::none, "5,751,054.00"});
  check_figure("-5,751,054.00", {-575105400, -2, Unit::none, "-5,751,054.00"});
  check_figure("1,000", {1000, 0, Unit::none, "1,000"});
  check_figure("12,345", {12345, 0, Unit::none, "12,345"});
  check_figure("123,456.7", {1234567, -1, Unit::none, "123,456.7"});
  check_figure("999,999,999,999,999,999",
               {999'999'999'999'999'999, 0, Unit::none, "999,999,999,999,999,999"});
  check_figure("１，２３４．５", {12345, -1, Unit::none, "１，２３４．５"});
  check_figure("1，234", {1234, 0, Unit::none, "1，234"});
}

TEST_CASE("parse_figure: units") {
  check_figure("950.84万元", {95084, -2, Unit::wan, "950.84万元"});
  check_figure("3.95 万元", {395, -2, Unit::wan, "3.95 万元"});
  check_figure("3.95\u3000万元", {395, -2, Unit::wan, "3.95\u3000万元"});
  check_figure("9,508,412.25元", {950841225, -2, Unit::yuan, "9,508,412.25元"});
  check_figure("1.2亿元", {12, -1, Unit::yi, "1.2亿元"});
  check_figure("96%", {96, 0, Unit::percent, "96%"});
  check_figure("11.64％", {1164, -2, Unit::percent, "11.64％"});
  check_figure("-3.5 %", {-35, -1, Unit::percent, "-3.5 %"});
}

TEST_CASE("parse_figure: a bare 万 or 亿 at the end of the text is 万元 or 亿元") {
  check_figure("12万", {12, 0, Unit::wan, "12万"});
  check_figure("1.5亿", {15, -1, Unit::yi, "1.5亿"});
  check_figure(" 12 万 ", {12, 0, Unit::wan, "12 万"});
  check_figure("(12)万", {-12, 0, Unit::wan, "(12)万"});
  check_error("12万人", ParseErrc::incomplete_unit, 2, 3);
  check_error("12万 人", ParseErrc::incomplete_unit, 2, 3);
  check_error("12万亿元", ParseErrc::incomplete_unit, 2, 3);
  check_error("(12万)", ParseErrc::incomplete_unit, 3, 4);
  check_error("12万\xff", ParseErrc::incomplete_unit, 2, 3);
}

TEST_CASE("parse_figure: full-width digits, points, signs and separators") {
  check_figure("１２．５", {125, -1, Unit::none, "１２．５"});
  check_figure("０", {0, 0, Unit::none, "０"});
  check_figure("１2.５", {125, -1, Unit::none, "１2.５"});
  check_figure("－１２．５", {-125, -1, Unit::none, "－１２．５"});
  check_figure("＋１２", {12, 0, Unit::none, "＋１２"});
  check_figure("−12.5", {-125, -1, Unit::none, "−12.5"});
  check_figure("１１．６４％", {1164, -2, Unit::percent, "１１．６４％"});
  check_figure("１２．３万", {123, -1, Unit::wan, "１２．３万"});
}

TEST_CASE("parse_figure: accounting negatives in parentheses") {
  check_figure("(12.50)", {-1250, -2, Unit::none, "(12.50)"});
  check_figure("（12.50）", {-1250, -2, Unit::none, "（12.50）"});
  check_figure("（12.50)", {-1250, -2, Unit::none, "（12.50)"});
  check_figure("( 12.50 )", {-1250, -2, Unit::none, "( 12.50 )"});
  check_figure("(12.50万元)", {-1250, -2, Unit::wan, "(12.50万元)"});
  check_figure("(12.50 万元 )", {-1250, -2, Unit::wan, "(12.50 万元 )"});
  check_figure("(12.50)万元", {-1250, -2, Unit::wan, "(12.50)万元"});
  check_figure("(12.50) 元", {-1250, -2, Unit::yuan, "(12.50) 元"});
  check_figure("(1,234.5%)", {-12345, -1, Unit::percent, "(1,234.5%)"});
  check_figure("(0.00)", {0, -2, Unit::none, "(0.00)"});
  check_error("(12.50", ParseErrc::unbalanced_parenthesis, 6, 7);
  check_error("(12.50 ", ParseErrc::unbalanced_parenthesis, 7, 8);
  check_error("(12.50万元", ParseErrc::unbalanced_parenthesis, 12, 9);
  check_error("(12.50 x)", ParseErrc::unexpected_character, 7, 8);
  check_error("(12.50x)", ParseErrc::unexpected_character, 6, 7);
  check_error("(-12.50)", ParseErrc::unexpected_character, 1, 2);
  check_error("-(12.50)", ParseErrc::missing_digits, 1, 2);
  check_error("((12))", ParseErrc::missing_digits, 1, 2);
  check_error("(12.50元)元", ParseErrc::trailing_text, 10, 9);
  check_error("(12.)", ParseErrc::missing_digits, 4, 5);
  check_error("(1,23)", ParseErrc::bad_grouping, 2, 3);
  check_error("()", ParseErrc::missing_digits, 1, 2);
  check_error("12)", ParseErrc::unexpected_character, 2, 3);
}

TEST_CASE("parse_figure: surrounding spaces are not part of the figure") {
  check_figure("  950.84  ", {95084, -2, Unit::none, "950.84"});
  check_figure("\t950.84\t", {95084, -2, Unit::none, "950.84"});
  check_figure("\u3000950.84万元\u3000", {95084, -2, Unit::wan, "950.84万元"});
  check_figure("\u00a0950.84\u00a0", {95084, -2, Unit::none, "950.84"});
}

TEST_CASE("parse_figure: the reading is carried") {
  const auto r = fisc::parse_figure("950.84", Reading::truncated);
  REQUIRE(r);
  CHECK((*r).reading == Reading::truncated);
  CHECK((*r).interval() == *fisc::Interval::half_open(Decimal(95084, -2), Decimal(95085, -2)));
  const auto rounded = fisc::parse_figure("950.84");
  REQUIRE(rounded);
  CHECK((*rounded).interval() ==
        *fisc::Interval::half_open(Decimal(950835, -3), Decimal(950845, -3)));
}

TEST_CASE("parse_figure: digits and decimals at their limits") {
  check_figure("999999999999999999",
               {999'999'999'999'999'999, 0, Unit::none, "999999999999999999"});
  check_figure("-0.999999999999999999",
               {-999'999'999'999'999'999, -18, Unit::none, "-0.999999999999999999"});
  check_figure("0000000000000000000000001", {1, 0, Unit::none, "0000000000000000000000001"});
  const std::string forty = "0." + std::string(39, '0') + "1";
  check_figure(forty, {1, -40, Unit::none, forty});
  const std::string zero_forty = "0." + std::string(40, '0');
  check_figure(zero_forty, {0, -40, Unit::none, zero_forty});
  check_error("0." + std::string(40, '0') + "1", ParseErrc::exponent_range, 42, 43);
  check_error("1234567890123456789", ParseErrc::too_many_digits, 18, 19);
  check_error("1000000000000000000", ParseErrc::too_many_digits, 18, 19);
  check_error("0.1234567890123456789", ParseErrc::too_many_digits, 20, 21);
  check_error("123,456,789,012,345,678,9", ParseErrc::bad_grouping, 23, 24);
  check_error("１２３４５６７８９０１２３４５６７８９", ParseErrc::too_many_digits, 54, 19);
  check_error("-1,234,567,890,123,456,789", ParseErrc::too_many_digits, 25, 26);
}

TEST_CASE("parse_figure: each error at its character") {
  check_error("", ParseErrc::empty, 0, 1);
  check_error("   ", ParseErrc::empty, 0, 1);
  check_error("\u3000", ParseErrc::empty, 0, 1);
  check_error("12.3x", ParseErrc::unexpected_character, 4, 5);
  check_error("１２．３x", ParseErrc::unexpected_character, 12, 5);
  check_error("１２．３万x", ParseErrc::incomplete_unit, 12, 5);
  check_error("x", ParseErrc::unexpected_character, 0, 1);
  check_error("-x", ParseErrc::unexpected_character, 1, 2);
  check_error("--5", ParseErrc::unexpected_character, 1, 2);
  check_error("+-5", ParseErrc::unexpected_character, 1, 2);
  check_error("12.3.4", ParseErrc::unexpected_character, 4, 5);
  check_error("12-3", ParseErrc::unexpected_character, 2, 3);
  check_error("12(3)", ParseErrc::unexpected_character, 2, 3);
  check_error("12.x", ParseErrc::unexpected_character, 3, 4);
  check_error("万元12", ParseErrc::missing_digits, 0, 1);
  check_error(".5", ParseErrc::missing_digits, 0, 1);
  check_error("-.5", ParseErrc::missing_digits, 1, 2);
  check_error("5.", ParseErrc::missing_digits, 2, 3);
  check_error("5.元", ParseErrc::missing_digits, 2, 3);
  check_error("5. ", ParseErrc::missing_digits, 2, 3);
  check_error("-", ParseErrc::missing_digits, 1, 2);
  check_error("- 5", ParseErrc::missing_digits, 1, 2);
  check_error("%", ParseErrc::missing_digits, 0, 1);
  check_error("1,23", ParseErrc::bad_grouping, 1, 2);
  check_error("1,2345", ParseErrc::bad_grouping, 1, 2);
  check_error("1234,567", ParseErrc::bad_grouping, 4, 5);
  check_error("1,234,5678", ParseErrc::bad_grouping, 5, 6);
  check_error("1,234.5,6", ParseErrc::bad_grouping, 7, 8);
  check_error("1,,234", ParseErrc::bad_grouping, 1, 2);
  check_error("0,123", ParseErrc::bad_grouping, 1, 2);
  check_error("01,234", ParseErrc::bad_grouping, 2, 3);
  check_error("1.234,5", ParseErrc::bad_grouping, 5, 6);
  check_error("1,", ParseErrc::bad_grouping, 1, 2);
  check_error(",123", ParseErrc::missing_digits, 0, 1);
  check_error("１，２３", ParseErrc::bad_grouping, 3, 2);
  check_error("12 x", ParseErrc::trailing_text, 3, 4);
  check_error("12元x", ParseErrc::trailing_text, 5, 4);
  check_error("12元元", ParseErrc::trailing_text, 5, 4);
  check_error("12%%", ParseErrc::trailing_text, 3, 4);
  check_error("12 34", ParseErrc::trailing_text, 3, 4);
  check_error("12 元 x", ParseErrc::trailing_text, 7, 6);
  check_error("12\xff", ParseErrc::bad_utf8, 2, 3);
  check_error("\xff", ParseErrc::bad_utf8, 0, 1);
  check_error("１\xe4\xb8", ParseErrc::bad_utf8, 3, 2);
  check_error("12 \xc0\x80", ParseErrc::bad_utf8, 3, 4);         // overlong
  check_error("12\xed\xa0\x80", ParseErrc::bad_utf8, 2, 3);      // a surrogate
  check_error("12\xf4\x90\x80\x80", ParseErrc::bad_utf8, 2, 3);  // above U+10FFFF
  check_error("12元\x80", ParseErrc::bad_utf8, 5, 4);
  check_error("-\xef\xbc", ParseErrc::bad_utf8, 1, 2);
  check_error("12\xef\xbc\x41", ParseErrc::bad_utf8, 2, 3);
}

TEST_CASE("parse_figure: a valid character that is not part of a figure") {
  check_error("12千元", ParseErrc::unexpected_character, 2, 3);
  check_error("12\U0001F600", ParseErrc::unexpected_character, 2, 3);
  check_error("１２。５", ParseErrc::unexpected_character, 6, 3);
  check_error("1E5", ParseErrc::unexpected_character, 1, 2);
}

TEST_CASE("parse_figure_prefix: a figure at the start of running text") {
  const auto at = [](std::string_view text) {
    CAPTURE(text);
    const auto r = fisc::parse_figure_prefix(text);
    REQUIRE(r.has_value());
    return *r;
  };
  auto f = at("950.84万元，比上年增加");
  CHECK(identical(f.figure.value, Decimal(95084, -2)));
  CHECK(f.figure.unit == Unit::wan);
  CHECK(f.figure.text == "950.84万元");
  CHECK(f.length == std::string_view("950.84万元").size());

  f = at("12.5%以上");
  CHECK(f.figure.unit == Unit::percent);
  CHECK(f.length == 5);

  f = at("3.95 万元，");
  CHECK(f.figure.text == "3.95 万元");
  CHECK(f.length == 11);

  f = at("12 个");
  CHECK(f.figure.text == "12");
  CHECK(f.length == 2);

  f = at("12.");
  CHECK(identical(f.figure.value, Decimal(12)));
  CHECK(f.length == 2);

  f = at("12.x");
  CHECK(f.length == 2);

  f = at("1，2项");
  CHECK(f.figure.text == "1");
  CHECK(f.length == 1);

  f = at("1,2345");
  CHECK(f.length == 1);

  f = at("0，123");
  CHECK(f.figure.text == "0");

  f = at("1,234，567，其中");
  CHECK(identical(f.figure.value, Decimal(1234567)));
  CHECK(f.figure.text == "1,234，567");

  f = at("  12");
  CHECK(f.figure.text == "12");
  CHECK(f.length == 4);

  f = at("(12.50)万元 余");
  CHECK(f.figure.text == "(12.50)万元");
  CHECK(f.figure.unit == Unit::wan);
  CHECK(f.length == 13);

  f = at("（12.50）。");
  CHECK(identical(f.figure.value, Decimal(-1250, -2)));

  f = at("12x");
  CHECK(f.length == 2);

  f = at("12元/人");
  CHECK(f.figure.unit == Unit::yuan);
  CHECK(f.length == 5);

  f = at("12\xff");
  CHECK(f.length == 2);

  f = at("12%%");
  CHECK(f.length == 3);

  CHECK(fisc::parse_figure_prefix("96%", Reading::exact)->figure.reading == Reading::exact);
}

TEST_CASE("parse_figure_prefix: errors") {
  const auto error = [](std::string_view text) {
    CAPTURE(text);
    const auto r = fisc::parse_figure_prefix(text);
    REQUIRE_FALSE(r.has_value());
    return r.error();
  };
  CHECK(error("") == ParseError{ParseErrc::empty, 0, 1});
  CHECK(error("abc") == ParseError{ParseErrc::unexpected_character, 0, 1});
  CHECK(error("1,234,56") == ParseError{ParseErrc::bad_grouping, 5, 6});
  CHECK(error("1,234,5678") == ParseError{ParseErrc::bad_grouping, 5, 6});
  CHECK(error("12万人") == ParseError{ParseErrc::incomplete_unit, 2, 3});
  CHECK(error("12万") == ParseError{ParseErrc::incomplete_unit, 2, 3});
  CHECK(error("12 万人") == ParseError{ParseErrc::incomplete_unit, 3, 4});
  CHECK(error("(12.50 是") == ParseError{ParseErrc::unexpected_character, 7, 8});
  CHECK(error("(12.50") == ParseError{ParseErrc::unbalanced_parenthesis, 6, 7});
  CHECK(error(".5") == ParseError{ParseErrc::missing_digits, 0, 1});
  CHECK(error("1234567890123456789") == ParseError{ParseErrc::too_many_digits, 18, 19});
  CHECK(error("\xe4") == ParseError{ParseErrc::bad_utf8, 0, 1});
}

TEST_CASE("parse_decimal: a plain number") {
  CHECK(identical(*fisc::parse_decimal("-12.5"), Decimal(-125, -1)));
  CHECK(identical(*fisc::parse_decimal(" 5,751,054.00 "), Decimal(575105400, -2)));
  CHECK(identical(*fisc::parse_decimal("（3）"), Decimal(-3)));
  CHECK(identical(*fisc::parse_decimal("２４２１．１"), Decimal(24211, -1)));
  CHECK(fisc::parse_decimal("12%").error() == ParseError{ParseErrc::wrong_unit, 2, 3});
  CHECK(fisc::parse_decimal("3 元").error() == ParseError{ParseErrc::wrong_unit, 2, 3});
  CHECK(fisc::parse_decimal("(3)万元").error() == ParseError{ParseErrc::wrong_unit, 3, 4});
  CHECK(fisc::parse_decimal("12.3x").error() == ParseError{ParseErrc::unexpected_character, 4, 5});
  CHECK(fisc::parse_decimal("").error().code == ParseErrc::empty);
}

TEST_CASE("parse_percent: percentage points") {
  CHECK(identical(fisc::parse_percent("11.64%")->points(), Decimal(1164, -2)));
  CHECK(identical(fisc::parse_percent("11.64％")->points(), Decimal(1164, -2)));
  CHECK(identical(fisc::parse_percent("85.10")->points(), Decimal(8510, -2)));
  CHECK(identical(fisc::parse_percent("(3.5%)")->points(), Decimal(-35, -1)));
  CHECK(fisc::parse_percent("3元").error() == ParseError{ParseErrc::wrong_unit, 1, 2});
  CHECK(fisc::parse_percent("3%%").error() == ParseError{ParseErrc::trailing_text, 2, 3});
}

TEST_CASE("parse_money: the exact amount") {
  CHECK(*fisc::parse_money("9,508,412.25元", Unit::none) == Money::from_fen(950841225));
  CHECK(*fisc::parse_money("950.84", Unit::wan) == Money::from_yuan(9508400));
  CHECK(*fisc::parse_money("950.841225万元", Unit::yuan) == Money::from_fen(950841225));
  CHECK(*fisc::parse_money("1.2亿元", Unit::none) == Money::from_yuan(120'000'000));
  CHECK(*fisc::parse_money("0.0000000001亿元", Unit::none) == Money::from_fen(1));
  CHECK(*fisc::parse_money("(12.50)", Unit::yuan) == Money::from_fen(-1250));
  CHECK(*fisc::parse_money("-0.05", Unit::yuan) == Money::from_fen(-5));
  CHECK(*fisc::parse_money("1.000元", Unit::none) == Money::from_yuan(1));
  CHECK(*fisc::parse_money("12万", Unit::none) == Money::from_yuan(120'000));
  CHECK(*fisc::parse_money("0", Unit::yi) == Money{});
  CHECK(*fisc::parse_money("１，２３４．５６元", Unit::none) == Money::from_fen(123456));
}

TEST_CASE("parse_money: the range of Money, 19 digits of 分") {
  CHECK(*fisc::parse_money("92,233,720,368,547,758.07元", Unit::none) == Money::max());
  CHECK(*fisc::parse_money("-92233720368547758.07", Unit::yuan) == Money::min());
  CHECK(*fisc::parse_money("922337203.6854775807", Unit::yi) == Money::max());
  CHECK(fisc::parse_money("92233720368547758.08", Unit::yuan).error() ==
        ParseError{ParseErrc::out_of_range, 0, 1});
  CHECK(fisc::parse_money(" (92233720368547758.08)", Unit::yuan).error() ==
        ParseError{ParseErrc::out_of_range, 1, 2});
  CHECK(fisc::parse_money("999999999999999999亿元", Unit::none).error() ==
        ParseError{ParseErrc::out_of_range, 0, 1});
  CHECK(fisc::parse_money("12345678901234567890", Unit::yuan).error() ==
        ParseError{ParseErrc::too_many_digits, 19, 20});
}

TEST_CASE("parse_money: never rounds, never guesses a unit") {
  CHECK(fisc::parse_money("0.005元", Unit::none).error() == ParseError{ParseErrc::too_fine, 4, 5});
  CHECK(fisc::parse_money("１．００５元", Unit::none).error() ==
        ParseError{ParseErrc::too_fine, 12, 5});
  CHECK(fisc::parse_money("1.0000001万元", Unit::none).error() ==
        ParseError{ParseErrc::too_fine, 8, 9});
  CHECK(fisc::parse_money("1.0000001", Unit::wan).error() == ParseError{ParseErrc::too_fine, 8, 9});
  CHECK(fisc::parse_money("1.23450", Unit::yuan).error() == ParseError{ParseErrc::too_fine, 4, 5});
  CHECK(fisc::parse_money("96%", Unit::yuan).error() == ParseError{ParseErrc::wrong_unit, 2, 3});
  CHECK(fisc::parse_money("950.84", Unit::none).error() ==
        ParseError{ParseErrc::missing_unit, 6, 7});
  CHECK(fisc::parse_money("(950.84) ", Unit::percent).error() ==
        ParseError{ParseErrc::missing_unit, 7, 8});
  CHECK(fisc::parse_money("9.5.0元", Unit::none).error().code == ParseErrc::unexpected_character);
}

TEST_CASE("ParseErrc names and describe()") {
  CHECK(fisc::to_string(ParseErrc::unexpected_character) == "unexpected character");
  CHECK(fisc::to_string(ParseErrc::bad_grouping) == "bad thousands grouping");
  for (int i = 0; i <= static_cast<int>(ParseErrc::out_of_range); ++i) {
    CHECK(fisc::to_string(static_cast<ParseErrc>(i)) != "unknown parse error");
  }
  const auto describe = [](std::string_view text) {
    return fisc::describe(fisc::parse_figure(text).error(), text);
  };
  CHECK(describe("12.3x") == "column 5: unexpected character 'x'");
  CHECK(describe("１２．３万x") == "column 5: 万 or 亿 without 元 at '万'");
  CHECK(describe("5.") == "column 3: missing digits at the end of the text");
  CHECK(describe("12\xff") == "column 3: invalid UTF-8 (byte 0xFF)");
  CHECK(describe("  ") == "column 1: empty text");
  CHECK(describe("12\t\x01") == "column 4: text after the figure at '\\x01'");
  CHECK(describe("1,23") == "column 2: bad thousands grouping at ','");
  CHECK(describe("(12") == "column 4: missing closing parenthesis at the end of the text");
  const std::string_view huge = "99999999999999999999亿元";
  CHECK(fisc::describe(fisc::parse_money(huge, Unit::none).error(), huge) ==
        "column 20: too many significant digits at '9'");
  const std::string_view large = "999999999999999999亿元";
  CHECK(fisc::describe(fisc::parse_money(large, Unit::none).error(), large) ==
        "column 1: amount out of range");

  std::ostringstream os;
  os << ParseError{ParseErrc::trailing_text, 5, 4} << " / " << ParseErrc::empty;
  CHECK(os.str() == "text after the figure at column 4 (byte 5) / empty text");
}

TEST_CASE("parse_figure: the fast path for plain ASCII figures agrees with the general grammar") {
  // A leading space takes the general path; the results must be the same, one byte later.
  for (const std::string_view text : {"9508412.25",
                                      "-9508412.25",
                                      "+3",
                                      "0",
                                      "-0",
                                      "0.00",
                                      "5,751,054.00",
                                      "1,000",
                                      "1,23",
                                      "1234,567",
                                      "0,123",
                                      "00,123",
                                      "01,234",
                                      ",123",
                                      "1,",
                                      "1,,234",
                                      "12.",
                                      ".5",
                                      "-",
                                      "+",
                                      "12.3x",
                                      "950.84万元",
                                      "9,508,412.25元",
                                      "1.2亿元",
                                      "96%",
                                      "12万",
                                      "12万元x",
                                      "12元元",
                                      "999999999999999999",
                                      "1000000000000000000",
                                      "0000000000000000000001",
                                      "0.000000000000000000000001",
                                      "12.3.4",
                                      "1.234,5",
                                      "12%",
                                      "12％",
                                      "(12)"}) {
    CAPTURE(text);
    const auto fast = fisc::parse_figure(text);
    const auto general = fisc::parse_figure(" " + std::string(text));
    REQUIRE(fast.has_value() == general.has_value());
    if (fast) {
      CHECK(*fast == *general);
    } else {
      CHECK(fast.error().code == general.error().code);
      CHECK(fast.error().offset + 1 == general.error().offset);
      CHECK(fast.error().column + 1 == general.error().column);
    }
    const auto money = fisc::parse_money(text, Unit::yuan);
    const auto money_general = fisc::parse_money(" " + std::string(text), Unit::yuan);
    REQUIRE(money.has_value() == money_general.has_value());
    if (money) CHECK(*money == *money_general);
  }
}
