// SPDX-License-Identifier: BSL-1.0
#include "fisc/facts/source.hpp"

#include <doctest/doctest.h>

using fisc::Source;

TEST_CASE("a text place reads file:line:column with its section") {
  Source s;
  s.file = "seed.txt";
  s.section = "第二部分 七（二）";
  s.span = fisc::TextSpan{45, 12, 6};
  CHECK(describe(s) == "seed.txt:45:12: 第二部分 七（二）");
  CHECK_FALSE(s.empty());
}

TEST_CASE("a table cell reads table / row / column, with its page") {
  Source s;
  s.file = "report.json";
  s.page = 12;
  s.cell = fisc::TableCell{"支出决算表", "2013201", "基本支出"};
  CHECK(describe(s) == "report.json: page 12: 支出决算表 / 2013201 / 基本支出");
  s.cell->row.clear();
  CHECK(describe(s) == "report.json: page 12: 支出决算表 / 基本支出");
}

TEST_CASE("a place without a file still says where") {
  Source s;
  s.span = fisc::TextSpan{3, 1, 2};
  CHECK(describe(s) == "line 3:1");
  CHECK(describe(Source{}).empty());
  CHECK(Source{}.empty());
}
