// SPDX-License-Identifier: BSL-1.0
#include "fisc/classify/function_code.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <optional>
#include <sstream>
#include <unordered_set>
#include <vector>

#include "fisc/classify/code_error.hpp"
#include "fisc/classify/code_level.hpp"

using fisc::CodeErrc;
using fisc::CodeError;
using fisc::CodeLevel;
using fisc::FunctionCode;

TEST_CASE("FunctionCode: make from the digits") {
  CHECK(FunctionCode::make(201)->level() == CodeLevel::class_);
  CHECK(FunctionCode::make(20132)->level() == CodeLevel::section);
  CHECK(FunctionCode::make(2013201)->level() == CodeLevel::item);
  CHECK(FunctionCode::make(101)->value() == 101);
  CHECK(FunctionCode::make(-201).error() == CodeErrc::wrong_digit_count);
  CHECK(FunctionCode::make(0).error() == CodeErrc::wrong_digit_count);
  CHECK(FunctionCode::make(99).error() == CodeErrc::wrong_digit_count);
  CHECK(FunctionCode::make(2013).error() == CodeErrc::wrong_digit_count);
  CHECK(FunctionCode::make(201320).error() == CodeErrc::wrong_digit_count);
  CHECK(FunctionCode::make(20132011).error() == CodeErrc::wrong_digit_count);
  CHECK(FunctionCode::make(301).error() == CodeErrc::class_out_of_range);
  CHECK(FunctionCode::make(30101).error() == CodeErrc::class_out_of_range);
  CHECK(FunctionCode::make(3010101).error() == CodeErrc::class_out_of_range);
  CHECK(FunctionCode::make(20100).error() == CodeErrc::zero_group);
  CHECK(FunctionCode::make(2010001).error() == CodeErrc::zero_group);
  CHECK(FunctionCode::make(2013200).error() == CodeErrc::zero_group);
}

TEST_CASE("FunctionCode: the constructors throw InvalidCode with the error") {
  CHECK(FunctionCode{2013201} == FunctionCode{"201-32-01"});
  CHECK_THROWS_AS(FunctionCode{2013}, fisc::InvalidCode);
  CHECK_THROWS_AS(FunctionCode{"x"}, fisc::InvalidCode);
  try {
    (void)FunctionCode{"201 3 01"};
    FAIL("expected InvalidCode");
  } catch (const fisc::InvalidCode& e) {
    CHECK(e.error() == CodeError{CodeErrc::wrong_digit_count, 4, 5});
    CHECK(std::string(e.what()) == "fisc: invalid classification code: wrong number of digits");
  }
  try {
    (void)FunctionCode{301};
    FAIL("expected InvalidCode");
  } catch (const fisc::InvalidCode& e) {
    CHECK(e.error() == CodeError{CodeErrc::class_out_of_range, 0, 1});
  }
}

TEST_CASE("FunctionCode: parts, parents and ancestors") {
  const FunctionCode item{2013201};
  CHECK(item.value() == 2013201);
  CHECK(item.class_part() == 201);
  CHECK(item.section_part() == 32);
  CHECK(item.item_part() == 1);
  CHECK(item.parent() == FunctionCode{20132});
  CHECK(item.parent()->parent() == FunctionCode{201});
  CHECK(item.parent()->parent()->parent() == std::nullopt);
  CHECK(item.class_code() == FunctionCode{201});
  CHECK(item.section_code() == FunctionCode{20132});
  CHECK(FunctionCode{20132}.section_code() == FunctionCode{20132});
  CHECK(FunctionCode{201}.section_code() == std::nullopt);
  CHECK(FunctionCode{201}.class_code() == FunctionCode{201});
  CHECK(FunctionCode{20132}.section_part() == 32);
  CHECK(FunctionCode{20132}.item_part() == 0);
  CHECK(FunctionCode{201}.section_part() == 0);

  CHECK(FunctionCode{201}.is_ancestor_of(item));
  CHECK(FunctionCode{20132}.is_ancestor_of(item));
  CHECK(FunctionCode{201}.is_ancestor_of(FunctionCode{20132}));
  CHECK_FALSE(item.is_ancestor_of(item));
  CHECK_FALSE(FunctionCode{201}.is_ancestor_of(FunctionCode{201}));
  CHECK_FALSE(FunctionCode{20133}.is_ancestor_of(item));
  CHECK_FALSE(FunctionCode{202}.is_ancestor_of(item));
  CHECK_FALSE(item.is_ancestor_of(FunctionCode{20132}));
  CHECK_FALSE(FunctionCode{20132}.is_ancestor_of(FunctionCode{201}));
}

TEST_CASE("FunctionCode: ordering is the order of a table") {
  std::vector<FunctionCode> codes{FunctionCode{20133}, FunctionCode{2013201}, FunctionCode{202},
                                  FunctionCode{201},   FunctionCode{2013299}, FunctionCode{20132}};
  std::sort(codes.begin(), codes.end());
  const std::vector<FunctionCode> expected{FunctionCode{201},     FunctionCode{20132},
                                           FunctionCode{2013201}, FunctionCode{2013299},
                                           FunctionCode{20133},   FunctionCode{202}};
  CHECK(codes == expected);
  CHECK(FunctionCode{201} < FunctionCode{20101});
  CHECK(FunctionCode{2010101} < FunctionCode{20102});
  CHECK(FunctionCode{20132} != FunctionCode{2013201});
}

TEST_CASE("FunctionCode: hash and text") {
  const std::unordered_set<FunctionCode> set{FunctionCode{201}, FunctionCode{"201"},
                                             FunctionCode{20132}, FunctionCode{2013201}};
  CHECK(set.size() == 3);
  CHECK(set.count(FunctionCode{"201 32"}) == 1);

  CHECK(to_string(FunctionCode{2013201}) == "2013201");
  CHECK(to_string(FunctionCode{2010601}, " ") == "201 06 01");
  CHECK(to_string(FunctionCode{20132}, "-") == "201-32");
  CHECK(to_string(FunctionCode{201}, "|") == "201");
  std::ostringstream os;
  os << FunctionCode{2013201} << ' ' << CodeLevel::item << ' ' << CodeErrc::zero_group << ' '
     << CodeError{CodeErrc::bad_separator, 3, 4};
  CHECK(os.str() == "2013201 item section or item 00 bad separator at column 4 (byte 3)");
  CHECK(fisc::chinese_name(CodeLevel::section) == "款");
  CHECK(fisc::digit_count(CodeLevel::item) == 7);
}

static_assert(FunctionCode{2013201}.parent().value().value() == 20132);
static_assert(FunctionCode{201}.is_ancestor_of(FunctionCode{2013201}));
static_assert(FunctionCode{"201 32 01"} == FunctionCode{2013201});
static_assert(!FunctionCode::make(20100).has_value());
