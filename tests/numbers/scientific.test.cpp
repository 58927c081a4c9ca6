// SPDX-License-Identifier: BSL-1.0
#include "fisc/numbers/scientific.hpp"

#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <string_view>

using fisc::ArithmeticErrc;
using fisc::Decimal;
using fisc::from_scientific_string;
using fisc::to_engineering_string;
using fisc::to_scientific_string;
using fisc::try_from_scientific_string;

namespace {

/// The error of a conversion that must fail (fails the test when it succeeds).
ArithmeticErrc error_of(std::string_view text) {
  const auto r = try_from_scientific_string(text);
  REQUIRE_FALSE(r.has_value());
  return r.error();
}

}  // namespace

// Constant evaluation, through the fixed buffer, on every standard library.
static_assert(fisc::to_scientific_chars(Decimal(123, 1)).view() == "1.23E+3");
static_assert(fisc::to_scientific_chars(Decimal(-5, -7)).view() == "-5E-7");
static_assert(fisc::to_engineering_chars(Decimal(0, 1)).view() == "0.00E+3");
static_assert(identical(*try_from_scientific_string("1.20E+3"), Decimal(120, 1)));
static_assert(try_from_scientific_string("NaN").error() == ArithmeticErrc::invalid_argument);
static_assert(try_from_scientific_string("1E+1000000000").error() == ArithmeticErrc::overflow);

TEST_CASE("to_scientific_string without an exponent") {
  CHECK(to_scientific_string(Decimal(123, 0)) == "123");
  CHECK(to_scientific_string(Decimal(-123, 0)) == "-123");
  CHECK(to_scientific_string(Decimal(123, -1)) == "12.3");
  CHECK(to_scientific_string(Decimal(123, -3)) == "0.123");
  CHECK(to_scientific_string(Decimal(123, -5)) == "0.00123");
  CHECK(to_scientific_string(Decimal(-150, -2)) == "-1.50");
  CHECK(to_scientific_string(Decimal(1, -6)) == "0.000001");  // adjusted exponent -6
  CHECK(to_scientific_string(Decimal(50, -7)) == "0.0000050");
  CHECK(to_scientific_string(Decimal(Decimal::max_coefficient, -18)) == "0.999999999999999999");
  CHECK(to_scientific_string(Decimal(-Decimal::max_coefficient, -23)) ==
        "-0.00000999999999999999999");
}

TEST_CASE("to_scientific_string with an exponent") {
  CHECK(to_scientific_string(Decimal(123, 1)) == "1.23E+3");
  CHECK(to_scientific_string(Decimal(123, 3)) == "1.23E+5");
  CHECK(to_scientific_string(Decimal(10, 1)) == "1.0E+2");
  CHECK(to_scientific_string(Decimal(1, -7)) == "1E-7");  // adjusted exponent below -6
  CHECK(to_scientific_string(Decimal(123, -10)) == "1.23E-8");
  CHECK(to_scientific_string(Decimal(-123, -12)) == "-1.23E-10");
  CHECK(to_scientific_string(Decimal(-Decimal::max_coefficient, Decimal::max_exponent)) ==
        "-9.99999999999999999E+1000000016");
  CHECK(to_scientific_string(Decimal(-Decimal::max_coefficient, Decimal::min_exponent)) ==
        "-9.99999999999999999E-999999982");
}

TEST_CASE("to_scientific_string of zeros keeps the exponent") {
  CHECK(to_scientific_string(Decimal()) == "0");
  CHECK(to_scientific_string(Decimal(0, -2)) == "0.00");
  CHECK(to_scientific_string(Decimal(0, -6)) == "0.000000");
  CHECK(to_scientific_string(Decimal(0, -7)) == "0E-7");
  CHECK(to_scientific_string(Decimal(0, 2)) == "0E+2");
  CHECK(to_scientific_string(Decimal(0, Decimal::min_exponent)) == "0E-999999999");
}

TEST_CASE("to_engineering_string uses exponents that are multiples of three") {
  CHECK(to_engineering_string(Decimal(123, 0)) == "123");
  CHECK(to_engineering_string(Decimal(-150, -2)) == "-1.50");
  CHECK(to_engineering_string(Decimal(123, 4)) == "1.23E+6");
  CHECK(to_engineering_string(Decimal(1, 4)) == "10E+3");   // a zero is added
  CHECK(to_engineering_string(Decimal(7, 5)) == "700E+3");  // two zeros are added
  CHECK(to_engineering_string(Decimal(1, 1)) == "10");      // no exponent after adjustment
  CHECK(to_engineering_string(Decimal(1, -7)) == "100E-9");
  CHECK(to_engineering_string(Decimal(-1234, -12)) == "-1.234E-9");
  CHECK(to_engineering_string(Decimal(-Decimal::max_coefficient, Decimal::min_exponent)) ==
        "-999.999999999999999E-999999984");
}

TEST_CASE("to_engineering_string of zeros") {
  CHECK(to_engineering_string(Decimal(0, -3)) == "0.000");
  CHECK(to_engineering_string(Decimal(0, 1)) == "0.00E+3");
  CHECK(to_engineering_string(Decimal(0, 2)) == "0.0E+3");
  CHECK(to_engineering_string(Decimal(0, 3)) == "0E+3");
  CHECK(to_engineering_string(Decimal(0, -7)) == "0.0E-6");
  CHECK(to_engineering_string(Decimal(0, -8)) == "0.00E-6");
  CHECK(to_engineering_string(Decimal(0, -9)) == "0E-9");
  CHECK(to_engineering_string(Decimal(0, Decimal::max_exponent - 1)) == "0.0E+999999999");
}

TEST_CASE("try_from_scientific_string keeps the coefficient and exponent as written") {
  const auto check = [](std::string_view text, std::int64_t coefficient, std::int32_t exponent) {
    CAPTURE(text);
    const auto r = try_from_scientific_string(text);
    REQUIRE(r.has_value());
    CHECK(r->coefficient() == coefficient);
    CHECK(r->exponent() == exponent);
  };
  check("0", 0, 0);
  check("+0", 0, 0);
  check("0.00", 0, -2);
  check("0E+2", 0, 2);
  check("12", 12, 0);
  check("-76", -76, 0);
  check("12.70", 1270, -2);
  check("+0.003", 3, -3);
  check("017.", 17, 0);
  check(".5", 5, -1);
  check("4E+9", 4, 9);
  check("0.73e-7", 73, -9);
  check("1.20E+3", 120, 1);
  check("-1e-0", -1, 0);
  check("1E+000000000000000000000000005", 1, 5);      // leading zeros of an exponent
  check("000000000000000000000000000001.5", 15, -1);  // leading zeros are not significant
  check("999999999999999999", Decimal::max_coefficient, 0);
  check("-0.100000000000000000", -100'000'000'000'000'000, -18);
  check("1E+999999999", 1, Decimal::max_exponent);
  check("0.1E+1000000000", 1, Decimal::max_exponent);
  check("1E-999999999", 1, Decimal::min_exponent);
  check("0E-999999999", 0, Decimal::min_exponent);
  check("." + std::string(1000, '0') + "1E+1000", 1, -1);
}

TEST_CASE("to_scientific_string and try_from_scientific_string round-trip") {
  for (const char* text :
       {"0", "0.00", "0E+2", "0E-7", "123", "-1.50", "1.23E+3", "1.0E+2", "0.000001", "1E-7",
        "-9.99999999999999999E+1000000016", "0.999999999999999999", "-1.23E-10"}) {
    CAPTURE(text);
    const auto r = try_from_scientific_string(text);
    REQUIRE(r.has_value());
    CHECK(to_scientific_string(*r) == text);
  }
}

TEST_CASE("try_from_scientific_string rejects bad syntax with invalid_argument") {
  for (const char* text : {"",    "+",   "-",   ".",     "+.",    "-.",   "E5",          "e+5",
                           ".E1", "1E",  "1E+", "1e-",   "1E+-1", "1..2", "1.2.3",       "1.2.",
                           " 1",  "1 ",  "1\t", "1,000", "1_000", "0x10", "1e5e5",       "1E1.5",
                           "--1", "+-1", "-+1", "1%",    "1-",    "12a",  "\xef\xbc\x91"}) {
    CAPTURE(std::string_view(text));
    CHECK(error_of(text) == ArithmeticErrc::invalid_argument);
  }
}

TEST_CASE("try_from_scientific_string rejects what Decimal cannot hold") {
  SUBCASE("NaN and infinities are invalid_argument") {
    for (const char* text :
         {"NaN", "nan", "-NaN", "sNaN", "NaN123", "Inf", "-Infinity", "infinity"}) {
      CAPTURE(std::string_view(text));
      CHECK(error_of(text) == ArithmeticErrc::invalid_argument);
    }
  }
  SUBCASE("a negative zero is invalid_argument") {
    for (const char* text : {"-0", "-0.00", "-0E+3", "-.0", "-000"}) {
      CAPTURE(std::string_view(text));
      CHECK(error_of(text) == ArithmeticErrc::invalid_argument);
    }
  }
  SUBCASE("more than 18 significant digits is overflow, trailing zeros included") {
    CHECK(error_of("1234567890123456789") == ArithmeticErrc::overflow);
    CHECK(error_of("-1234567890123456789") == ArithmeticErrc::overflow);
    CHECK(error_of("1.000000000000000000") == ArithmeticErrc::overflow);
    CHECK(error_of("0.1234567890123456789") == ArithmeticErrc::overflow);
    CHECK(error_of("1" + std::string(1000, '0')) == ArithmeticErrc::overflow);
  }
  SUBCASE("an exponent outside Decimal's range is overflow") {
    CHECK(error_of("1E+1000000000") == ArithmeticErrc::overflow);
    CHECK(error_of("1E-1000000000") == ArithmeticErrc::overflow);
    CHECK(error_of("0.1E-999999999") == ArithmeticErrc::overflow);
    CHECK(error_of("0E+1000000000") == ArithmeticErrc::overflow);
    CHECK(error_of("1E+99999999999999999999999999999") == ArithmeticErrc::overflow);
    CHECK(error_of("1E-99999999999999999999999999999") == ArithmeticErrc::overflow);
  }
  SUBCASE("bad syntax outranks too many digits") {
    CHECK(error_of("12345678901234567890x") == ArithmeticErrc::invalid_argument);
    CHECK(error_of("-0E+1000000000") == ArithmeticErrc::invalid_argument);
  }
}

TEST_CASE("from_scientific_string throws ArithmeticError with the code") {
  CHECK(identical(from_scientific_string("-1.50"), Decimal(-150, -2)));
  try {
    (void)from_scientific_string("1.2.3");
    FAIL("no exception");
  } catch (const fisc::ArithmeticError& e) {
    CHECK(e.code() == ArithmeticErrc::invalid_argument);
  }
  try {
    (void)from_scientific_string("1E+1000000000");
    FAIL("no exception");
  } catch (const fisc::ArithmeticError& e) {
    CHECK(e.code() == ArithmeticErrc::overflow);
  }
}
