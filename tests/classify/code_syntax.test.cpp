// SPDX-License-Identifier: BSL-1.0
#include "fisc/classify/code_syntax.hpp"

#include <doctest/doctest.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>

#include "fisc/classify/any_code.hpp"
#include "fisc/classify/code_error.hpp"
#include "fisc/classify/code_level.hpp"
#include "fisc/classify/economic_code.hpp"
#include "fisc/classify/function_code.hpp"

using fisc::AnyCode;
using fisc::CodeErrc;
using fisc::CodeError;
using fisc::CodeLevel;
using fisc::EconomicCode;
using fisc::FunctionCode;

namespace {

void check_function(std::string_view text, std::uint32_t digits) {
  CAPTURE(text);
  const auto r = FunctionCode::parse(text);
  REQUIRE(r.has_value());
  CHECK(r->value() == digits);
}

void check_function_error(std::string_view text, CodeErrc code, std::size_t offset,
                          std::size_t column) {
  CAPTURE(text);
  const auto r = FunctionCode::parse(text);
  REQUIRE_FALSE(r.has_value());
  CHECK(r.error() == CodeError{code, offset, column});
}

void check_economic_error(std::string_view text, CodeErrc code, std::size_t offset,
                          std::size_t column) {
  CAPTURE(text);
  const auto r = EconomicCode::parse(text);
  REQUIRE_FALSE(r.has_value());
  CHECK(r.error() == CodeError{code, offset, column});
}

void check_with_name(std::string_view text, std::uint32_t digits, std::string_view name) {
  CAPTURE(text);
  const auto r = FunctionCode::parse_code_and_name(text);
  REQUIRE(r.has_value());
  CHECK(r->code.value() == digits);
  CHECK(r->name == name);
}

void check_with_name_error(std::string_view text, CodeErrc code, std::size_t offset,
                           std::size_t column) {
  CAPTURE(text);
  const auto r = FunctionCode::parse_code_and_name(text);
  REQUIRE_FALSE(r.has_value());
  CHECK(r.error() == CodeError{code, offset, column});
}

}  // namespace

TEST_CASE("code parse: the forms of one functional code") {
  check_function("2013201", 2013201);
  check_function("201 32 01", 2013201);
  check_function("201-32-01", 2013201);
  check_function("201|32|01", 2013201);
  check_function("201 - 32 - 01", 2013201);
  check_function("201 | 32 | 01", 2013201);
  check_function("201  32  01", 2013201);  // pdftotext -layout pads with several spaces
  check_function("201\t32\t01", 2013201);
  check_function("201\u300032\u300001", 2013201);  // ideographic space
  check_function("201\u00a032\u00a001", 2013201);  // no-break space
  check_function("201\uff0d32\uff0d01", 2013201);  // full-width hyphen-minus
  check_function("201\u201332\u201301", 2013201);  // en dash
  check_function("201\uff5c32\uff5c01", 2013201);  // full-width vertical line
  check_function("２０１３２０１", 2013201);
  check_function("２０１　３２　０１", 2013201);
  check_function("２01３２01", 2013201);  // mixed widths
  check_function("20132 01", 2013201);    // a separator where a group ends
  check_function("201 3201", 2013201);
  check_function("  2013201  ", 2013201);
  check_function("\u30002013201\u3000", 2013201);
  check_function("[2013201]", 2013201);
  check_function("[ 2013201 ]", 2013201);
  check_function("［2013201］", 2013201);
  check_function("【2013201】", 2013201);
  check_function("201 06 01", 2010601);
}

TEST_CASE("code parse: the level follows from the digits") {
  const auto item = FunctionCode::parse("201 32 01");
  const auto section = FunctionCode::parse("201 32");
  const auto klass = FunctionCode::parse("201");
  REQUIRE(item);
  REQUIRE(section);
  REQUIRE(klass);
  CHECK(item->level() == CodeLevel::item);
  CHECK(section->level() == CodeLevel::section);
  CHECK(section->value() == 20132);
  CHECK(klass->level() == CodeLevel::class_);
  CHECK(klass->value() == 201);
  CHECK(FunctionCode::parse("201-32")->value() == 20132);
  CHECK(FunctionCode::parse("［20132］")->value() == 20132);
}

TEST_CASE("code parse: code and name") {
  check_with_name("[2013201]行政运行", 2013201, "行政运行");
  check_with_name("[2013201] 行政运行", 2013201, "行政运行");
  check_with_name("【2013201】行政运行", 2013201, "行政运行");
  check_with_name("2013201 行政运行", 2013201, "行政运行");
  check_with_name("2013201行政运行", 2013201, "行政运行");
  check_with_name("201 32 01 行政运行", 2013201, "行政运行");
  check_with_name("201-32-01 - 行政运行 ", 2013201, "行政运行");
  check_with_name("2013201|行政运行", 2013201, "行政运行");
  check_with_name("2013201\u3000行政运行\u3000", 2013201, "行政运行");
  check_with_name("2013201 行政 运行", 2013201, "行政 运行");
  check_with_name("20132 组织事务", 20132, "组织事务");
  check_with_name("201 32 组织事务", 20132, "组织事务");
  check_with_name("201 一般公共服务支出", 201, "一般公共服务支出");
  check_with_name("[201]一般公共服务支出", 201, "一般公共服务支出");
  check_with_name("2013201", 2013201, "");
  check_with_name("[2013201]", 2013201, "");
  check_with_name("2013201   ", 2013201, "");

  const auto economic = EconomicCode::parse_code_and_name("30101 基本工资");
  REQUIRE(economic);
  CHECK(economic->code == EconomicCode{30101});
  CHECK(economic->name == "基本工资");
  const auto bracketed = EconomicCode::parse_code_and_name("[302]商品和服务支出");
  REQUIRE(bracketed);
  CHECK(bracketed->code == EconomicCode{302});
  CHECK(bracketed->name == "商品和服务支出");

  const auto generic = fisc::parse_code_and_name<FunctionCode>("[2013201]行政运行");
  REQUIRE(generic);
  CHECK(generic->code == FunctionCode{2013201});
}

TEST_CASE("code parse: empty text and characters that are not digits") {
  check_function_error("", CodeErrc::empty, 0, 1);
  check_function_error("   ", CodeErrc::empty, 0, 1);
  check_function_error("\u3000", CodeErrc::empty, 0, 1);
  check_function_error("x201", CodeErrc::not_a_digit, 0, 1);
  check_function_error("20a", CodeErrc::not_a_digit, 2, 3);
  check_function_error("行政运行", CodeErrc::not_a_digit, 0, 1);
  check_function_error(" -201", CodeErrc::not_a_digit, 1, 2);
  check_function_error("[]", CodeErrc::not_a_digit, 1, 2);
  check_function_error("[", CodeErrc::not_a_digit, 1, 2);
  check_function_error("２０x", CodeErrc::not_a_digit, 6, 3);
  check_with_name_error("行政运行", CodeErrc::not_a_digit, 0, 1);
  check_with_name_error("", CodeErrc::empty, 0, 1);
}

TEST_CASE("code parse: wrong digit counts point at the group or the extra digit") {
  check_function_error("2013", CodeErrc::wrong_digit_count, 0, 1);
  check_function_error("20", CodeErrc::wrong_digit_count, 0, 1);
  check_function_error("201320", CodeErrc::wrong_digit_count, 0, 1);
  check_function_error("20132011", CodeErrc::wrong_digit_count, 7, 8);
  check_function_error("201 3 01", CodeErrc::wrong_digit_count, 4, 5);
  check_function_error("201 3", CodeErrc::wrong_digit_count, 4, 5);
  check_function_error("201-3-01", CodeErrc::wrong_digit_count, 4, 5);
  check_function_error("2013 201", CodeErrc::wrong_digit_count, 0, 1);
  check_function_error("2 01 32 01", CodeErrc::wrong_digit_count, 0, 1);
  check_function_error("201 32 011", CodeErrc::wrong_digit_count, 9, 10);
  check_function_error("201 32 01 5", CodeErrc::wrong_digit_count, 10, 11);
  check_function_error("[2013]", CodeErrc::wrong_digit_count, 1, 2);
  check_function_error("２０１３", CodeErrc::wrong_digit_count, 0, 1);
  check_function_error("２０１ ３", CodeErrc::wrong_digit_count, 10, 5);
  check_function_error("2013-", CodeErrc::wrong_digit_count, 0, 1);
  check_with_name_error("2013 行政运行", CodeErrc::wrong_digit_count, 0, 1);
  check_with_name_error("2013行政运行", CodeErrc::not_a_digit, 4, 5);
}

TEST_CASE("code parse: separators") {
  check_function_error("201.32.01", CodeErrc::bad_separator, 3, 4);
  check_function_error("201/32/01", CodeErrc::bad_separator, 3, 4);
  check_function_error("201_32", CodeErrc::bad_separator, 3, 4);
  check_function_error("２０１．３２", CodeErrc::bad_separator, 9, 4);
  check_function_error("201-32 01", CodeErrc::bad_separator, 6, 7);
  check_function_error("201 32-01", CodeErrc::bad_separator, 6, 7);
  check_function_error("201|32-01", CodeErrc::bad_separator, 6, 7);
  check_function_error("201--32", CodeErrc::bad_separator, 4, 5);
  check_function_error("201 - - 32", CodeErrc::bad_separator, 6, 7);
  check_with_name_error("201.32.01 行政运行", CodeErrc::bad_separator, 3, 4);
}

TEST_CASE("code parse: class ranges and 00 groups") {
  check_function_error("301", CodeErrc::class_out_of_range, 0, 1);
  check_function_error("  399 01", CodeErrc::class_out_of_range, 2, 3);
  check_function_error("099", CodeErrc::class_out_of_range, 0, 1);
  check_function_error("0201", CodeErrc::class_out_of_range, 0, 1);
  check_function_error("[501]", CodeErrc::class_out_of_range, 1, 2);
  check_function_error("20100", CodeErrc::zero_group, 3, 4);
  check_function_error("201 00 01", CodeErrc::zero_group, 4, 5);
  check_function_error("2013200", CodeErrc::zero_group, 5, 6);
  check_function_error("201-32-00", CodeErrc::zero_group, 7, 8);
  check_function(std::string_view("101"), 101);  // the revenue classification's layout
  check_function("299", 299);
}

TEST_CASE("code parse: brackets and trailing text") {
  check_function_error("[2013201", CodeErrc::unbalanced_bracket, 8, 9);
  check_function_error("[2013201 x", CodeErrc::unbalanced_bracket, 9, 10);
  check_function_error("2013201]", CodeErrc::unbalanced_bracket, 7, 8);
  check_function_error("[2013201】", CodeErrc::unbalanced_bracket, 8, 9);
  check_function_error("【2013201]", CodeErrc::unbalanced_bracket, 10, 9);
  check_with_name_error("[2013201 行政运行", CodeErrc::unbalanced_bracket, 9, 10);
  check_with_name_error("2013201] 行政运行", CodeErrc::unbalanced_bracket, 7, 8);
  check_function_error("2013201x", CodeErrc::trailing_text, 7, 8);
  check_function_error("2013201 行政运行", CodeErrc::trailing_text, 8, 9);
  check_function_error("[2013201]行政运行", CodeErrc::trailing_text, 9, 10);
  check_function_error("201-", CodeErrc::trailing_text, 3, 4);
  check_function_error("201 32 -", CodeErrc::trailing_text, 7, 8);
}

TEST_CASE("code parse: invalid UTF-8 at the first bad byte") {
  check_function_error(
      "\xff"
      "201",
      CodeErrc::bad_utf8, 0, 1);
  check_function_error("201\xff", CodeErrc::bad_utf8, 3, 4);
  check_function_error("20\xff", CodeErrc::bad_utf8, 2, 3);
  check_function_error("[\xe3\x80", CodeErrc::bad_utf8, 1, 2);
  check_function_error("[2013201\xc0]", CodeErrc::bad_utf8, 8, 9);
  check_with_name_error("2013201 行\xff", CodeErrc::bad_utf8, 11, 10);
  check_with_name_error("2013201 \xed\xa0\x80", CodeErrc::bad_utf8, 8, 9);  // a surrogate
}

TEST_CASE("code parse: economic codes") {
  const auto section = EconomicCode::parse("301 01");
  REQUIRE(section);
  CHECK(*section == EconomicCode{30101});
  CHECK(EconomicCode::parse("301-01") == section);
  CHECK(EconomicCode::parse("３０１０１") == section);
  CHECK(EconomicCode::parse("[50101]")->value() == 50101);
  CHECK(EconomicCode::parse("599")->level() == CodeLevel::class_);

  check_economic_error("201", CodeErrc::class_out_of_range, 0, 1);
  check_economic_error("300", CodeErrc::class_out_of_range, 0, 1);
  check_economic_error("401 01", CodeErrc::class_out_of_range, 0, 1);
  check_economic_error("600", CodeErrc::class_out_of_range, 0, 1);
  check_economic_error("3010101", CodeErrc::wrong_digit_count, 5, 6);
  check_economic_error("301 01 01", CodeErrc::wrong_digit_count, 7, 8);
  check_economic_error("3010", CodeErrc::wrong_digit_count, 0, 1);
  check_economic_error("301 2", CodeErrc::wrong_digit_count, 4, 5);  // a 款 printed without its 0
  check_economic_error("30100", CodeErrc::zero_group, 3, 4);
  check_economic_error("301.01", CodeErrc::bad_separator, 3, 4);
}

TEST_CASE("code parse: either classification") {
  const auto function = fisc::parse_any_code("201 32 01");
  REQUIRE(function);
  CHECK(std::get<FunctionCode>(*function) == FunctionCode{2013201});
  const auto economic = fisc::parse_any_code("30101");
  REQUIRE(economic);
  CHECK(std::get<EconomicCode>(*economic) == EconomicCode{30101});
  CHECK(fisc::parse_any_code("3010101").error() == CodeError{CodeErrc::wrong_digit_count, 5, 6});
  CHECK(fisc::parse_any_code("401").error() == CodeError{CodeErrc::class_out_of_range, 0, 1});
  CHECK(fisc::parse_any_code("2013").error() == CodeError{CodeErrc::wrong_digit_count, 0, 1});

  const auto named = fisc::parse_any_code_and_name("[30101]基本工资");
  REQUIRE(named);
  CHECK(named->code == AnyCode{EconomicCode{30101}});
  CHECK(named->name == "基本工资");
  CHECK(fisc::parse_any_code_and_name("[2013201]行政运行")->code == AnyCode{FunctionCode{2013201}});
  CHECK(fisc::parse_any_code_and_name("401 x").error() ==
        CodeError{CodeErrc::class_out_of_range, 0, 1});

  CHECK(fisc::make_any_code(2013201) == AnyCode{FunctionCode{2013201}});
  CHECK(fisc::make_any_code(599) == AnyCode{EconomicCode{599}});
  CHECK(fisc::make_any_code(3010101).error() == CodeErrc::wrong_digit_count);
  CHECK(fisc::make_any_code(401).error() == CodeErrc::class_out_of_range);
  CHECK(fisc::make_any_code(20100).error() == CodeErrc::zero_group);
  CHECK(fisc::level(AnyCode{EconomicCode{30101}}) == CodeLevel::section);
  CHECK(fisc::value(AnyCode{FunctionCode{201}}) == 201);
}

TEST_CASE("code parse: errors described for a person") {
  const auto error = FunctionCode::parse("201.32.01").error();
  CHECK(fisc::describe(error, "201.32.01") ==
        "column 4: bad separator at '.' (a code is written 2013201, 201 32 01, 201-32-01 or "
        "201|32|01, with one kind of separator)");
  const auto not_digit = FunctionCode::parse("20行").error();
  CHECK(fisc::explain(not_digit, "20行") ==
        "expected a digit, found '行' (a code is digits: 201, 20132, 2013201)");
  const auto end = FunctionCode::parse("[2013201").error();
  CHECK(fisc::explain(end, "[2013201") ==
        "unbalanced bracket at the end of the text (expected the closing bracket of the code)");
  const auto closing = FunctionCode::parse("2013201]").error();
  CHECK(fisc::explain(closing, "2013201]") ==
        "unbalanced bracket at ']' (a closing bracket without an opening one)");
  const auto bad = FunctionCode::parse("201\xff").error();
  CHECK(fisc::explain(bad, "201\xff") ==
        "invalid UTF-8 at byte 0xFF (the text is not valid UTF-8)");
  CHECK(fisc::describe(FunctionCode::parse("").error(), "") ==
        "column 1: empty text (expected a code such as 2013201)");
}

// Parsing is constexpr: a code written in a program can be checked when it compiles.
static_assert((*FunctionCode::parse("201-32-01")).value() == 2013201);
static_assert((*FunctionCode::parse("２０１　３２")).level() == CodeLevel::section);
static_assert(FunctionCode::parse("201 3 01").error() ==
              CodeError{CodeErrc::wrong_digit_count, 4, 5});
static_assert((*FunctionCode::parse_code_and_name("[2013201]行政运行")).name == "行政运行");
static_assert((*EconomicCode::parse("30101")).scheme() == fisc::EconomicScheme::department);
static_assert(std::get<EconomicCode>(*fisc::parse_any_code("50101")).value() == 50101);
