// SPDX-License-Identifier: BSL-1.0
// Mentions read off a text by read_narrative (src/narrative/mentions.cpp): self-names, as-of
// dates and placeholders, with their places, however pdftotext spaced or broke them.
#include <doctest/doctest.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "fisc/accounts/report.hpp"
#include "fisc/narrative/reader.hpp"

using fisc::Mention;
using fisc::MentionKind;
using fisc::ReportKind;

namespace {

std::vector<Mention> mentions(std::string_view text) {
  fisc::NarrativeOptions options;
  options.file = "m.txt";
  options.year = 2024;
  const auto r = fisc::read_narrative(text, options);
  REQUIRE(r.has_value());
  return r->report.mentions;
}

std::vector<Mention> of_kind(std::string_view text, MentionKind kind) {
  std::vector<Mention> out;
  for (const Mention& m : mentions(text)) {
    if (m.kind == kind) out.push_back(m);
  }
  return out;
}

void at(const Mention& m, std::uint32_t line, std::uint32_t column, std::uint32_t length) {
  CHECK(m.source.file == "m.txt");
  REQUIRE(m.source.span.has_value());
  CHECK(m.source.span->line == line);
  CHECK(m.source.span->column == column);
  CHECK(m.source.span->length == length);
}

}  // namespace

TEST_CASE("mentions: the document's own name in titles, part headings and running text") {
  const auto found = of_kind(
      "2024年度部门决算\n"
      "第三部分 某区财政局 2023 年度部门决算情况说明\n"
      "纳入某区财政局2024年度部门决算编制范围的单位包括：本级。\n"
      "2025年单位预算编制说明\n",
      MentionKind::self_name);
  REQUIRE(found.size() == 4);
  CHECK(found[0].text == "2024年度部门决算");  // a title line: the name ends its line
  CHECK(found[0].year == 2024);
  CHECK(found[0].names == ReportKind::final_accounts);
  at(found[0], 1, 1, 10);
  CHECK(found[1].text == "2023年度部门决算情况说明");  // spaced digits read as one year
  CHECK(found[1].year == 2023);
  at(found[1], 2, 12, 15);
  CHECK(found[2].text == "2024年度部门决算");  // 编制范围 follows
  CHECK(found[3].text == "2025年单位预算编制说明");
  CHECK(found[3].names == ReportKind::budget);
}

TEST_CASE("mentions: comparisons and other phrases are not self-names") {
  CHECK(of_kind("与2023年度部门决算相比，收入增加。\n"
                "比2023年部门预算减少10万元。\n"
                "2024年度部门决算数为100万元。\n"  // 数 follows: a figure, not a name
                "2024年决算情况较好。\n",          // no 部门/单位 and no 表/说明
                MentionKind::self_name)
            .empty());
}

TEST_CASE("mentions: a name broken over two lines is read whole") {
  const auto found =
      of_kind("第三部分 某区财政局2023年度部门决算情\n况说明\n", MentionKind::self_name);
  REQUIRE(found.size() == 1);
  CHECK(found[0].text == "2023年度部门决算情况说明");
  CHECK(found[0].year == 2023);
  at(found[0], 1, 11, 14);  // two lines: the length is the characters read
}

TEST_CASE("mentions: table titles with their year, and which kind their last 决算/预算 says") {
  const auto found = of_kind(
      "1.2025年部门财务收支预算总表\n"
      "2023年一般公共预算财政拨款支出决算表（续）\n"
      "2024年部门整体支出绩效目标表\n"
      "本表反映2024年收入情况，单位为万元表\n",  // a sentence: not a title
      MentionKind::self_name);
  REQUIRE(found.size() == 3);
  CHECK(found[0].text == "2025年部门财务收支预算总表");
  CHECK(found[0].year == 2025);
  CHECK(found[0].names == ReportKind::budget);
  at(found[0], 1, 3, 15);
  CHECK(found[1].names == ReportKind::final_accounts);
  CHECK(found[1].year == 2023);
  CHECK_FALSE(found[2].names.has_value());
  CHECK(found[2].year == 2024);
}

TEST_CASE("mentions: as-of dates, full, at the year's end, a month alone, spaced and broken") {
  const auto found = of_kind(
      "截至 2023年 12 月 31 日，共有车辆0辆。\n"
      "截止到2024年末，资产总额100万元。\n"
      "截至2024年2月，共有设备3台。\n"
      "截至2024年8月\n31日，共有车辆1辆。\n"
      "截至2023年2月30日，无效日期。\n"  // no 2月30日: not a date
      "截至目前，没有车辆。\n",
      MentionKind::as_of);
  REQUIRE(found.size() == 4);
  CHECK(found[0].text == "截至2023年12月31日");
  CHECK(found[0].year == 2023);
  CHECK(found[0].month == 12);
  CHECK(found[0].day == 31);
  at(found[0], 1, 1, 18);
  CHECK(found[1].text == "截止到2024年末");
  CHECK(found[1].month == 12);
  CHECK(found[1].day == 31);
  CHECK(found[2].month == 2);
  CHECK(found[2].day == 29);  // 2024 is a leap year: February's last day
  CHECK(found[3].text == "截至2024年8月31日");
  CHECK(found[3].day == 31);
  at(found[3], 4, 1, 12);  // two lines: the characters read
}

TEST_CASE("mentions: placeholders, with the line they stand in; Latin words are not") {
  const auto found = of_kind(
      "第二部分 上海市普陀区XX局 2024 年度部门决算表\n"
      "收入合计 XXX 万元，占 XX%。\n"
      "某某单位于X月X日完成。\n"
      "使用 Excel 与 XXL 号文件，3×4 的表格，备注*。\n"
      "＊＊局\n",
      MentionKind::placeholder);
  REQUIRE(found.size() == 7);
  CHECK(found[0].text == "XX");
  CHECK(found[0].context == "第二部分 上海市普陀区XX局 2024 年度部门决算表");
  at(found[0], 1, 12, 2);
  CHECK(found[1].text == "XXX");
  CHECK(found[2].text == "XX");
  at(found[2], 2, 15, 2);
  CHECK(found[3].text == "某某");
  CHECK(found[4].text == "X");  // X月
  CHECK(found[5].text == "X");  // X日
  CHECK(found[6].text == "＊＊");
  CHECK(found[6].context == "＊＊局");
}

TEST_CASE("mentions: a filled-in document's words give self-names and dates only") {
  const auto all = mentions(
      "上海市普陀区财政局2024年度部门决算\n"
      "截至2024年12月31日，上海市普陀区财政局共有车辆0辆。\n");
  REQUIRE(all.size() == 2);
  CHECK(all[0].kind == MentionKind::self_name);
  CHECK(all[1].kind == MentionKind::as_of);
  CHECK(all[1].source.span->line == 2);
}
