// SPDX-License-Identifier: BSL-1.0
// lay_out_text (words, columns, lines, pages) and on_character_grid (units, lines, the offset
// between the boxes of digits and of Chinese).
#include "fisc/layout/page.hpp"

#include <string>
#include <vector>

#include <doctest/doctest.h>

namespace {

using fisc::LaidOutPage;
using fisc::PageWord;

}  // namespace

TEST_CASE("lay_out_text: words are runs without spaces, at their column and line") {
  const auto pages = fisc::lay_out_text("收入决算表\n  201   06   合计  1,234.50\n");
  REQUIRE(pages.size() == 1);
  const auto& words = pages[0].words;
  REQUIRE(words.size() == 5);
  CHECK(words[0] == PageWord{"收入决算表", 0, 0, 5, 1, 1});
  CHECK(words[1] == PageWord{"201", 2, 1, 5, 2, 2});
  CHECK(words[2] == PageWord{"06", 8, 1, 10, 2, 2});
  CHECK(words[3].text == "合计");
  CHECK(words[3].left == 13);  // a Chinese character is one column, as pdftotext writes them
  CHECK(words[4] == PageWord{"1,234.50", 17, 1, 25, 2, 2});
  CHECK(pages[0].number == 1);
}

TEST_CASE("lay_out_text: a form feed starts a page, on the same line of the file") {
  const auto pages = fisc::lay_out_text("一\n二\n\f三\n四\n\f");
  REQUIRE(pages.size() == 2);  // the final form feed opens no page
  CHECK(pages[1].number == 2);
  REQUIRE(pages[1].words.size() == 2);
  CHECK(pages[1].words[0].text == "三");
  CHECK(pages[1].words[0].top == 0);   // the page's first line
  CHECK(pages[1].words[0].line == 3);  // the file's third line
  CHECK(pages[1].words[1].top == 1);
  CHECK(pages[1].words[1].line == 4);
}

TEST_CASE("lay_out_text: ideographic spaces and tabs separate words; CR is not a character") {
  const auto pages = fisc::lay_out_text("甲\u3000乙\t丙\r\n");
  REQUIRE(pages.size() == 1);
  REQUIRE(pages[0].words.size() == 3);
  CHECK(pages[0].words[1].left == 2);
  CHECK(pages[0].words[2].left == 4);
}

TEST_CASE("lay_out_text: bytes that are not UTF-8 count one column each, and nothing is lost") {
  const std::string bytes = std::string("\xff\xfe") + " 12";
  const auto pages = fisc::lay_out_text(bytes);
  REQUIRE(pages.size() == 1);
  REQUIRE(pages[0].words.size() == 2);
  CHECK(pages[0].words[0].text == "\xff\xfe");
  CHECK(pages[0].words[1].left == 3);
  CHECK(fisc::lay_out_text("").size() == 1);
  CHECK(fisc::lay_out_text("").front().words.empty());
}

TEST_CASE("on_character_grid: the unit is a Chinese character, lines from centres") {
  // A 12-point page: 行政运行 is 48 points wide; 201 and its name on one line.
  LaidOutPage page;
  page.number = 7;
  page.width = 600;
  page.words = {PageWord{"行政运行", 120, 100, 168, 112, 1}, PageWord{"201", 60, 101, 78, 111, 1},
                PageWord{"财政事务", 120, 130, 168, 142, 2}};
  const std::vector<LaidOutPage> pages{page};
  const auto grid = fisc::on_character_grid(pages);
  REQUIRE(grid.size() == 1);
  CHECK(grid[0].number == 7);
  CHECK(grid[0].width == doctest::Approx(50));
  REQUIRE(grid[0].words.size() == 3);
  // Sorted down the page: 201 and 行政运行 on line 0, 财政事务 on line 1.
  CHECK(grid[0].words[0].top == grid[0].words[1].top);
  CHECK(grid[0].words[2].top == grid[0].words[0].top + 1);
  for (const PageWord& w : grid[0].words) {
    CHECK(w.bottom == w.top + 1);
    if (w.text == "201") {
      CHECK(w.left == doctest::Approx(5));
      CHECK(w.right == doctest::Approx(6.5));
    }
  }
}

TEST_CASE("on_character_grid: the offset of digits' boxes measured where they touch Chinese") {
  // Page 1: "2024年度" where the digits' box is centred 5 points above the Chinese beside it.
  // Page 2: a table row whose code and name do not touch: the offset measured on page 1 still
  // puts them on one line.
  LaidOutPage text;
  text.number = 1;
  text.words = {PageWord{"纳入", 72, 300, 96, 312, 1}, PageWord{"2024", 97, 290, 121, 312, 1},
                PageWord{"年度", 122, 300, 146, 312, 1}};
  LaidOutPage table;
  table.number = 2;
  table.words = {PageWord{"201", 72, 190, 90, 212, 1},
                 PageWord{"一般公共服务支出", 195, 200, 291, 212, 1},
                 PageWord{"财政事务", 195, 218, 243, 230, 2}};
  const std::vector<LaidOutPage> pages{text, table};
  const auto grid = fisc::on_character_grid(pages);
  REQUIRE(grid.size() == 2);
  const auto& rows = grid[1].words;
  REQUIRE(rows.size() == 3);
  CHECK(rows[0].top == rows[1].top);  // 201 with its name
  CHECK(rows[2].top == rows[0].top + 1);
  // Without page 1 the offset is not known, and the code stands on a line of its own.
  const std::vector<LaidOutPage> alone{table};
  const auto unaligned = fisc::on_character_grid(alone);
  CHECK(unaligned[0].words[0].top != unaligned[0].words[1].top);
}

TEST_CASE("on_character_grid: a page without words, or without Chinese") {
  LaidOutPage empty;
  empty.number = 3;
  const std::vector<LaidOutPage> pages{empty};
  const auto grid = fisc::on_character_grid(pages);
  REQUIRE(grid.size() == 1);
  CHECK(grid[0].number == 3);
  CHECK(grid[0].words.empty());
  LaidOutPage digits;
  digits.words = {PageWord{"12", 10, 10, 22, 20, 1}};
  const std::vector<LaidOutPage> only{digits};
  const auto g = fisc::on_character_grid(only);
  REQUIRE(g[0].words.size() == 1);
  CHECK(g[0].words[0].left == doctest::Approx(10.0 / 12));  // two digits make one unit
}
