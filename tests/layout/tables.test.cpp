// SPDX-License-Identifier: BSL-1.0
// read_tables on small tables laid out as pdftotext -layout writes them: titles and units, headers
// over several lines, codes in 类/款/项 columns, names that wrap, figures printed above their
// row, two-sided totals tables, tables over a page break, empty tables, and everything that
// cannot be placed reported, never moved; table_role_by_title on the titles of both families.
#include "fisc/layout/tables.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <doctest/doctest.h>

#include "fisc/accounts/table_role.hpp"
#include "fisc/layout/page.hpp"

namespace {

using fisc::TableRole;

fisc::TableReading read(std::string_view text) {
  const auto pages = fisc::lay_out_text(text);
  return fisc::read_tables(pages, {.file = "t.txt", .year = 2024, .kind = {}});
}

// The figure as printed in the row of that code (or label) and the column of that key.
std::string cell(const fisc::Table& t, std::string_view row, std::string_view column) {
  for (const auto& r : t.rows) {
    if (r.code != row && r.label != row) continue;
    for (const auto& c : r.cells) {
      if (c.column == column) return c.value.text;
    }
  }
  return "(none)";
}

const fisc::TableRow* row_of(const fisc::Table& t, std::string_view code) {
  for (const auto& r : t.rows) {
    if (r.code == code) return &r;
  }
  return nullptr;
}

constexpr std::string_view general_budget =
    "                    一般公共预算财政拨款支出决算表\n"
    "                                                       单位：万元\n"
    "                   项目\n"
    "      支出功能分类\n"
    "                                      合计        基本支出 项目支出\n"
    "       科目编码             科目名称\n"
    "类      款    项\n"
    "201               一般公共服务支出           2,106.66   1,503.52    603.14\n"
    "201     06        财政事务               2,106.66   1,503.52    603.14\n"
    "201     06   01   行政运行               1,511.89   1,503.52      8.37\n"
    "                                                                10.00\n"
    "201     06   02   一般行政管理事务              10.00\n"
    "208     05   05                         160.75     160.75\n"
    "                  机关事业单位基本养老保险\n"
    "                  缴费支出\n"
    "                   合计                2,117.89   1,503.52    614.37\n"
    "注：本表反映一般公共预算财政拨款支出情况。\n";

}  // namespace

TEST_CASE("read_tables: a coded table, its header over four lines, its fund and its rows") {
  const auto r = read(general_budget);
  REQUIRE(r.tables.size() == 1);
  CHECK(r.problems.empty());
  const auto& t = r.tables[0];
  CHECK(t.role == TableRole::general_budget_expenditure);
  CHECK(t.title == "一般公共预算财政拨款支出决算表");
  CHECK(t.unit == fisc::Unit::wan);
  CHECK(t.year == 2024);
  CHECK(t.scenario == fisc::Scenario::actual);
  CHECK(t.dims.get("fund") == "general_budget");
  CHECK(t.source.page == 1);
  CHECK(t.source.file == "t.txt");
  REQUIRE(t.columns.size() == 3);
  CHECK(t.columns[0].header == "合计");
  CHECK(t.columns[0].concept_id == "expenditure.fiscal");  // a fund's own spending
  CHECK(t.columns[1].concept_id == "expenditure.basic");
  CHECK(t.columns[2].concept_id == "expenditure.project");
  CHECK(cell(t, "2010601", "project") == "8.37");
  // A figure printed a line higher than its row belongs to the row below it.
  CHECK(cell(t, "2010602", "project") == "10.00");
  CHECK(cell(t, "2010602", "fiscal") == "10.00");
  // A name on the lines below its code.
  const auto* wrapped = row_of(t, "2080505");
  REQUIRE(wrapped != nullptr);
  CHECK(wrapped->label == "机关事业单位基本养老保险缴费支出");
  CHECK(cell(t, "合计", "project") == "614.37");
  CHECK(t.note == "注:本表反映一般公共预算财政拨款支出情况。");
  CHECK(r.kind == fisc::ReportKind::final_accounts);
}

TEST_CASE("read_tables: a two-sided totals table, rows by concept and by 类 name") {
  const auto r = read(
      "                         2025年部门财务收支预算总表\n"
      "编制部门：某局                                                  单位：元\n"
      "\n"
      "                  本年收入                                     本年支出\n"
      "            项目            预算数                         项目          预算数\n"
      "一、财政拨款收入                  1,500.00 一、一般公共服务支出                1,000.00\n"
      "1. 一般公共预算资金               1,500.00 二、科学技术支出                    500.00\n"
      "二、事业收入\n"
      "           收入总计           1,500.00          支出总计            1,500.00\n");
  REQUIRE(r.tables.size() == 1);
  CHECK(r.problems.empty());
  CHECK(r.year == 2025);
  CHECK(r.kind == fisc::ReportKind::budget);
  const auto& t = r.tables[0];
  CHECK(t.role == TableRole::budget_total);
  CHECK(t.unit == fisc::Unit::yuan);
  CHECK(t.scenario == fisc::Scenario::budget);
  CHECK(t.year == 2025);
  CHECK(cell(t, "一、财政拨款收入", "c") == "1,500.00");
  CHECK(cell(t, "1.一般公共预算资金", "c") == "1,500.00");
  CHECK(cell(t, "206", "c_2") == "500.00");
  CHECK(cell(t, "支出总计", "c_2") == "1,500.00");
  const auto concept_of = [&](std::string_view label) {
    for (const auto& row : t.rows) {
      if (row.label == label || row.code == label) return row.concept_id;
    }
    return std::string("(none)");
  };
  CHECK(concept_of("一、财政拨款收入") == "income.fiscal");
  CHECK(concept_of("1.一般公共预算资金") == "income.general_budget");
  CHECK(concept_of("二、事业收入") == "income.service_revenue");
  CHECK(concept_of("收入总计") == "income.grand_total");
  CHECK(concept_of("201") == "expenditure.total");
  CHECK(concept_of("支出总计") == "expenditure.grand_total");
}

TEST_CASE("read_tables: a table over a page break, its title repeated with （续）") {
  const auto r = read(
      "                    收入决算表\n"
      "                                              单位：万元\n"
      "          项目\n"
      " 科目编码      科目名称      本年收入合计   财政拨款收入\n"
      "201        一般公共服务支出       100.00        90.00\n"
      "20106      财政事务              100.00        90.00\n"
      "\f                    收入决算表（续）\n"
      "          项目\n"
      " 科目编码      科目名称      本年收入合计   财政拨款收入\n"
      "208        社会保障和就业支出       50.00        50.00\n"
      "  合计                          150.00       140.00\n");
  REQUIRE(r.tables.size() == 1);
  CHECK(r.problems.empty());
  const auto& t = r.tables[0];
  CHECK(t.role == TableRole::income);
  CHECK(t.rows.size() == 4);
  CHECK(cell(t, "20106", "fiscal") == "90.00");
  CHECK(cell(t, "208", "total") == "50.00");
  CHECK(cell(t, "合计", "fiscal") == "140.00");
  const auto* on_two = row_of(t, "208");
  REQUIRE(on_two != nullptr);
  CHECK(on_two->cells.front().page == 2);  // a cell on another page than the title's
  CHECK(row_of(t, "201")->cells.front().page == 0);
}

TEST_CASE("read_tables: what cannot be placed is reported with its place, and not moved") {
  SUBCASE("more figures on a line than the table has columns") {
    const auto r = read(
        "                    收入决算表\n"
        "                                              单位：万元\n"
        " 科目编码      科目名称      本年收入合计   财政拨款收入\n"
        "201        一般公共服务支出       100.00        90.00\n"
        "  合计                          150.00       140.00      7.00\n");
    REQUIRE(r.tables.size() == 1);
    REQUIRE(r.problems.size() == 3);
    CHECK(r.problems[0].page == 1);
    CHECK(r.problems[0].line == 5);
    CHECK(r.problems[0].table == "收入决算表");
    CHECK(r.problems[0].text == "150.00");
    CHECK(r.problems[0].message.find("多于金额栏") != std::string::npos);
    CHECK(cell(r.tables[0], "合计", "total") == "(none)");
  }
  SUBCASE("two figures on a line of one column: neither is guessed") {
    const auto r = read(
        "                    收入决算表\n"
        "                                              单位：万元\n"
        " 科目编码      科目名称      本年收入合计\n"
        "201        一般公共服务支出       100.00                                 3.00\n");
    REQUIRE(r.tables.size() == 1);
    REQUIRE(r.problems.size() == 2);
    CHECK(r.problems[0].text == "100.00");
    CHECK(r.problems[1].text == "3.00");
    CHECK(cell(r.tables[0], "201", "total") == "(none)");
  }
  SUBCASE("a figure far from its only column") {
    const auto r = read(
        "                    收入决算表\n"
        "                                              单位：万元\n"
        " 科目编码      科目名称   本年收入合计   财政拨款收入\n"
        "201        一般公共服务支出    100.00\n"
        "202        外交支出                                                      3.00\n");
    REQUIRE(r.tables.size() == 1);
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].text == "3.00");
    CHECK(r.problems[0].message.find("不在任何金额栏下") != std::string::npos);
    CHECK(cell(r.tables[0], "201", "total") == "100.00");
  }
  SUBCASE("a column whose header means nothing fisc knows") {
    const auto r = read(
        "                    收入决算表\n"
        "                                              单位：万元\n"
        " 科目编码      科目名称      本年收入合计     备用栏\n"
        "201        一般公共服务支出       100.00        1.00\n");
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].text == "1.00");
    CHECK(r.problems[0].message.find("备用栏") != std::string::npos);
  }
  SUBCASE("a title with no amount column under it") {
    const auto r = read(
        "                    收入决算表\n"
        "                                              单位：万元\n"
        " 科目编码      科目名称\n");
    REQUIRE(r.tables.size() == 1);
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].message.find("金额栏") != std::string::npos);
  }
}

TEST_CASE("read_tables: an empty table keeps its note; titles in the contents are not tables") {
  const auto r = read(
      "目 录\n"
      "  一、政府性基金预算财政拨款收入支出决算表\n"
      "\n"
      "              政府性基金预算财政拨款收入支出决算表\n"
      "                                          单位：万元\n"
      "        项目                       本年支出\n"
      "    支出功能分类         年初结转和                   年末结转和\n"
      "                         本年收入\n"
      "     科目编码     科目名称  结余        小计 基本支出 项目支出  结余\n"
      "类    款    项\n"
      "        合计\n"
      "注：本单位无此项收支，故本表无数据。\n");
  REQUIRE(r.tables.size() == 1);
  CHECK(r.problems.empty());
  const auto& t = r.tables[0];
  CHECK(t.role == TableRole::government_fund);
  CHECK(t.dims.get("fund") == "government_fund");
  CHECK(t.note == "注:本单位无此项收支，故本表无数据。");
  for (const auto& row : t.rows) CHECK(row.cells.empty());
  const auto* income = t.column("government_fund");
  REQUIRE(income != nullptr);
  CHECK(income->concept_id == "income.government_fund");  // 本年收入 of a fund's own table
}

TEST_CASE("read_tables: the lines a table was read from, title to note, and not the text around") {
  const auto r = read(
      "目 录\n"                                                 // 1
      "  一、政府性基金预算财政拨款收入支出决算表\n"            // 2: the contents
      "\n"                                                      // 3
      "              政府性基金预算财政拨款收入支出决算表\n"    // 4: the title
      "                                          单位：万元\n"  // 5
      "        项目                       本年支出\n"           // 6
      "     科目编码     科目名称   本年收入  小计 基本支出\n"  // 7
      "        合计\n"                                          // 8
      "注：本单位无此项收支，故本表无数据。\n"                  // 9: its note
      "二、收入决算情况说明\n"                                  // 10: the text again
      "本年收入合计100.00万元。\n");                            // 11
  REQUIRE(r.tables.size() == 1);
  using Line = std::pair<std::uint32_t, std::uint32_t>;
  CHECK(r.lines == std::vector<Line>{{1, 4}, {1, 5}, {1, 6}, {1, 7}, {1, 8}, {1, 9}});
  // A table whose body ends at prose: the prose is not the table's.
  const auto prose = read(
      "              一般公共预算财政拨款支出决算表\n"   // 1
      "                                   单位：万元\n"  // 2
      "     科目编码     科目名称   合计\n"              // 3
      "     201          一般公共服务支出   100.00\n"    // 4
      "一般公共预算财政拨款支出100.00万元，主要用于行政运行。\n");
  REQUIRE(prose.tables.size() == 1);
  CHECK(cell(prose.tables[0], "201", "fiscal") == "100.00");
  CHECK(prose.lines == std::vector<Line>{{1, 1}, {1, 2}, {1, 3}, {1, 4}});
  CHECK(read("第三部分 情况说明\n收入合计100.00万元。\n").lines.empty());
}

TEST_CASE("read_tables: nothing on a page without tables") {
  const auto r = read("第三部分 情况说明\n一、收入支出决算总体情况说明\n收入合计100.00万元。\n");
  CHECK(r.tables.empty());
  CHECK(r.problems.empty());
  CHECK(fisc::read_tables({}).tables.empty());
}

TEST_CASE("table_role_by_title: both families, with years, numbering, 部门/单位 and （续）") {
  CHECK(fisc::table_role_by_title("收入支出决算总表") == TableRole::income_expenditure_total);
  CHECK(fisc::table_role_by_title("七、财政拨款“三公”经费支出决算表") == TableRole::three_public);
  CHECK(fisc::table_role_by_title("2025年部门财务收支预算总表") == TableRole::budget_total);
  CHECK(fisc::table_role_by_title("2025年预算单位一般公共预算支出功能分类预算表") ==
        TableRole::budget_general_expenditure);
  CHECK(fisc::table_role_by_title("2025年单位“三公”经费和机关运行经费预算表") ==
        TableRole::budget_three_public);
  CHECK(fisc::table_role_by_title("表3 2024年度部门 支出决算表") == TableRole::expenditure);
  CHECK(fisc::table_role_by_title("收入决算表（续）") == TableRole::income);
  CHECK_FALSE(fisc::table_role_by_title("收入支出决算总体情况说明").has_value());
  CHECK_FALSE(fisc::table_role_by_title("").has_value());
}

TEST_CASE("read_tables: a figure too large for its rounding range is reported, not read") {
  const auto r = read(
      "                    收入决算表\n"
      "                                              单位：万元\n"
      " 科目编码      科目名称      本年收入合计\n"
      "201        一般公共服务支出   125444991964384824\n");
  REQUIRE(r.tables.size() == 1);
  REQUIRE(r.problems.size() == 1);
  CHECK(r.problems[0].message.find("过大") != std::string::npos);
  CHECK(cell(r.tables[0], "201", "total") == "(none)");
}
