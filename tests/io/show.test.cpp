// SPDX-License-Identifier: BSL-1.0
#include "fisc/io/show.hpp"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <doctest/doctest.h>

using fisc::Decimal;
using fisc::Measure;
using fisc::Report;
using fisc::Scenario;
using fisc::Stated;
using fisc::Table;
using fisc::TableCellValue;
using fisc::TableRow;

namespace {

Stated wan(std::int64_t hundredths, std::string text) {
  return Stated{Decimal(hundredths, -2), fisc::Unit::wan, fisc::Reading::rounded, std::move(text)};
}
TableCellValue cell(std::string column, std::int64_t hundredths, std::string text) {
  return {std::move(column), wan(hundredths, std::move(text)), 0};
}
TableRow row(std::string code, std::string label, std::string concept_id,
             std::vector<TableCellValue> cells) {
  TableRow r;
  r.code = std::move(code);
  r.label = std::move(label);
  r.concept_id = std::move(concept_id);
  r.cells = std::move(cells);
  return r;
}
fisc::TableColumn column(std::string key, std::string header, std::string concept_id,
                         std::optional<std::int32_t> year = std::nullopt) {
  return {std::move(key), std::move(header), std::move(concept_id), {}, year, Measure::value, {}};
}

// 收入支出决算总表: rows are concepts of two families (income.*, expenditure.*) and a balance.
Table total_table() {
  Table t;
  t.role = fisc::TableRole::income_expenditure_total;
  t.title = "收入支出决算总表";
  t.year = 2020;
  t.source.page = 9;
  t.row_code_dimension = "";
  t.columns = {column("actual", "决算数", "")};
  t.rows = {
      row("", "一、一般公共预算财政拨款收入", "income.general_budget",
          {cell("actual", 74599, "745.99")}),
      row("", "二、政府性基金预算财政拨款收入", "income.government_fund",
          {cell("actual", 20485, "204.85")}),
      row("", "本年收入合计", "income.total", {cell("actual", 95084, "950.84")}),
      row("", "年初结转和结余", "balance.opening", {cell("actual", 0, "0.00")}),
      row("", "基本支出", "expenditure.basic", {cell("actual", 53427, "534.27")}),
      row("", "项目支出", "expenditure.project", {cell("actual", 41657, "416.57")}),
      row("", "本年支出合计", "expenditure.total", {cell("actual", 95084, "950.84")}),
  };
  return t;
}

// 一般公共预算财政拨款支出决算表: rows by function code under a 合计 row, and a prior-year
// column (one of whose figures is 0.00, a zero base).
Table expenditure_table() {
  Table t;
  t.role = fisc::TableRole::general_budget_expenditure;
  t.title = "一般公共预算财政拨款支出决算表";
  t.year = 2020;
  t.columns = {column("total", "合计", "expenditure.total"),
               column("basic", "基本支出", "expenditure.basic"),
               column("project", "项目支出", "expenditure.project"),
               column("prior", "上年决算数", "expenditure.total", 2019)};
  t.rows = {
      row("", "合计", "",
          {cell("total", 74599, "745.99"), cell("basic", 53427, "534.27"),
           cell("project", 21172, "211.72"), cell("prior", 107284, "1,072.84")}),
      row("201", "一般公共服务支出", "",
          {cell("total", 61115, "611.15"), cell("basic", 43000, "430.00"),
           cell("project", 18115, "181.15"), cell("prior", 90000, "900.00")}),
      row("20132", "组织事务", "",
          {cell("total", 61115, "611.15"), cell("prior", 90000, "900.00")}),
      row("2013201", "行政运行", "",
          {cell("total", 43000, "430.00"), cell("basic", 43000, "430.00"),
           cell("prior", 43000, "430.00")}),
      row("208", "社会保障和就业支出", "",
          {cell("total", 5337, "53.37"), cell("basic", 5337, "53.37"), cell("prior", 0, "0.00")}),
      row("210", "卫生健康支出", "", {cell("total", 2813, "28.13")}),
  };
  return t;
}

Table empty_table() {
  Table t;
  t.role = fisc::TableRole::state_capital_expenditure;  // no title: the role's standard one
  t.year = 2020;
  t.columns = {column("total", "合计", "expenditure.total")};
  t.note = "本单位无此项收支，故本表无数据。";
  return t;
}

// No 合计 row: shares are of the sum of the top-level (3-digit) rows.
Table table_without_total() {
  Table t;
  t.role = fisc::TableRole::other;
  t.title = "项目支出表";
  t.columns = {column("total", "支出", "expenditure.project")};
  t.rows = {row("201", "一般公共服务支出", "", {cell("total", 18115, "181.15")}),
            row("2013299", "其他组织事务支出", "", {cell("total", 18115, "181.15")}),
            row("212", "城乡社区支出", "", {cell("total", 2057, "20.57")})};
  return t;
}

fisc::Fact statement(std::string concept_id, Measure measure, Stated value, std::string section,
                     std::uint32_t line, std::uint32_t col) {
  fisc::Fact f;
  f.key.concept_id = std::move(concept_id);
  f.key.measure = measure;
  f.key.year = 2020;
  f.value = std::move(value);
  f.source.file = "说明.txt";
  f.source.section = std::move(section);
  f.source.span = fisc::TextSpan{line, col, 6};
  return f;
}

Stated percent(std::int64_t hundredths, std::string text) {
  return Stated{Decimal(hundredths, -2), fisc::Unit::percent, fisc::Reading::rounded,
                std::move(text)};
}

Report sample_report() {
  Report r;
  r.department = {"中共某县委组织部", "101001"};
  r.year = 2020;
  r.file = "sample.json";
  r.tables = {total_table(), expenditure_table(), empty_table(), table_without_total()};

  r.statements.push_back(
      statement("income.total", Measure::value, wan(95084, "950.84"), "第二部分 三", 55, 12));
  auto share = statement("income.general_budget", Measure::share, percent(7846, "78.46%"),
                         "第二部分 三", 55, 40);
  share.base = fisc::FactKey{"income.total", Measure::value, 2020, 0, Scenario::actual, {}};
  r.statements.push_back(share);
  // 一般公共预算财政拨款减少326.85万元，降低30.47%: the word gives the sign.
  auto change = statement("expenditure.fiscal", Measure::change, wan(-32685, "326.85"),
                          "第二部分 六", 77, 50);
  change.key.prior_year = 2019;
  change.key.dims.set("fund", "general_budget");
  change.direction = fisc::Direction::decrease;
  r.statements.push_back(change);
  auto rate = change;
  rate.key.measure = Measure::change_rate;
  rate.value = percent(-3047, "30.47%");
  rate.source.span->column = 60;
  r.statements.push_back(rate);

  fisc::Fact held;
  held.key = {"three_public.vehicles.held", Measure::value, 2020, 0, Scenario::actual, {}};
  held.value = Stated{Decimal(2), fisc::Unit::none, fisc::Reading::exact, "2"};
  held.source.section = "第二部分 十";
  held.origin = fisc::Origin::listing;
  r.listings.push_back(held);

  fisc::Enumeration offices;
  offices.concept_id = "organisation.offices";
  offices.year = 2020;
  offices.count = Stated{Decimal(10), fisc::Unit::none, fisc::Reading::exact, "10"};
  offices.items = {"干部股", "组织股", "办公室"};
  offices.source.section = "第一部分 二";
  r.enumerations.push_back(offices);
  return r;
}

std::vector<std::string> lines_of(std::string_view text) {
  std::vector<std::string> lines;
  while (!text.empty()) {
    const auto end = text.find('\n');
    lines.emplace_back(text.substr(0, end));
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
  }
  return lines;
}

bool has_line(const std::string& text, std::string_view line) {
  for (const auto& l : lines_of(text)) {
    if (l == line) return true;
  }
  return false;
}

fisc::ShowOptions in(fisc::Language lang) { return fisc::ShowOptions{lang, std::nullopt}; }

}  // namespace

TEST_CASE("fisc show: the whole sample report in Chinese") {
  const std::string expected = R"(部门：中共某县委组织部（101001）
年度：2020
类型：部门决算
金额单位：万元

表1 收入支出决算总表
金额单位：万元  年度：2020  出处：第9页
科目名称                        决算数      占比
------------------------------------------------
一、一般公共预算财政拨款收入    745.99   78.456%
二、政府性基金预算财政拨款收入  204.85   21.544%
本年收入合计                    950.84  100.000%
年初结转和结余                    0.00
基本支出                        534.27   56.189%
项目支出                        416.57   43.811%
本年支出合计                    950.84  100.000%
* 占比的分母：“本年收入合计”、“本年支出合计”

表2 一般公共预算财政拨款支出决算表
金额单位：万元  年度：2020
科目编码  科目名称              合计      占比  基本支出      占比  项目支出      占比  上年决算数      占比   增减额    增减率
-------------------------------------------------------------------------------------------------------------------------------
          合计                745.99  100.000%    534.27  100.000%    211.72  100.000%    1,072.84  100.000%  -326.85  -30.466%
201       一般公共服务支出    611.15   81.925%    430.00   80.484%    181.15   85.561%      900.00   83.889%  -288.85  -32.094%
20132     组织事务            611.15   81.925%                                              900.00   83.889%  -288.85  -32.094%
2013201   行政运行            430.00   57.642%    430.00   80.484%                          430.00   40.081%     0.00    0.000%
208       社会保障和就业支出   53.37    7.154%     53.37    9.989%                            0.00    0.000%    53.37         —
210       卫生健康支出         28.13    3.771%
* 占比的分母：“合计”
* 增减：“合计”比“上年决算数”

表3 国有资本经营预算财政拨款支出决算表
金额单位：万元  年度：2020
说明：本单位无此项收支，故本表无数据。

表4 项目支出表
金额单位：万元  年度：2020
科目编码  科目名称                    支出      占比
----------------------------------------------------
201       一般公共服务支出          181.15   89.803%
2013299   其他组织事务支出          181.15   89.803%
212       城乡社区支出               20.57   10.197%
          〔计算〕最高一级科目之和  201.72  100.000%
* 占比的分母：最高一级科目之和（计算值）

文中数字（4）
  第二部分 三
    说明.txt:55:12  本年收入合计                        数值                        950.84万元
    说明.txt:55:40  一般公共预算财政拨款收入            占比（占本年收入合计）          78.46%
  第二部分 六
    说明.txt:77:50  财政拨款支出 [fund=general_budget]  增减额（与2019年比）    减少326.85万元
    说明.txt:77:60  财政拨款支出 [fund=general_budget]  增减率（与2019年比）        减少30.47%

列示数字（1）
  第二部分 十
    公务用车保有量  数值  2

列举（1）
  第一部分 二  内设机构：所述 10，列出 3，不一致
    干部股、组织股、办公室
)";
  const std::string shown = fisc::render_report(sample_report(), in(fisc::Language::zh));
  CHECK(shown == expected);
  // Line by line, so that a difference points at its line.
  const auto got = lines_of(shown);
  const auto want = lines_of(expected);
  for (std::size_t i = 0; i < std::min(got.size(), want.size()); ++i) {
    INFO("line ", i + 1);
    CHECK(got[i] == want[i]);
  }
  CHECK(got.size() == want.size());
}

TEST_CASE("fisc show: English words, the document's own text as printed") {
  const std::string shown = fisc::render_report(sample_report(), in(fisc::Language::en));
  for (const std::string_view line : {
           "Department: 中共某县委组织部 (101001)",
           "Year: 2020",
           "Kind: final accounts (部门决算)",
           "Unit: 万元 (10,000 yuan)",
           "Table 1: 收入支出决算总表 [income_expenditure_total]",
           "Unit: 万元 (10,000 yuan)  Year: 2020  Source: page 9",
           "item                            决算数     share",
           "一、一般公共预算财政拨款收入    745.99   78.456%",
           "* shares are of the rows \"本年收入合计\", \"本年支出合计\"",
           "code     item                  合计     share  基本支出     share  项目支出     share  "
           "上年决算数     share   change  change rate",
           "208      社会保障和就业支出   53.37    7.154%     53.37    9.989%                     "
           "       0.00    0.000%    53.37            —",
           "* change: \"合计\" against \"上年决算数\"",
           "Table 3: 国有资本经营预算财政拨款支出决算表 [state_capital_expenditure]",
           "Note: 本单位无此项收支，故本表无数据。",
           "         [computed] sum of the top-level rows  201.72  100.000%",
           "* shares are of the sum of the top-level rows (computed)",
           "Statements (4)",
           "  第二部分 三",
           "    说明.txt:55:12  income of the year                                      value      "
           "  "
           "                         950.84 万元",
           "    说明.txt:55:40  general budget appropriation                            share of "
           "income of the year                78.46%",
           "    说明.txt:77:60  fiscal appropriation expenditure [fund=general_budget]  change "
           "rate "
           "since 2019            decrease 30.47%",
           "Listings (1)",
           "    official vehicles held  value  2",
           "Enumerations (1)",
           "  第一部分 二  internal offices: stated 10, listed 3, differ",
           "    干部股, 组织股, 办公室",
       }) {
    INFO(line);
    CHECK(has_line(shown, line));
  }
}

TEST_CASE("fisc show: columns line up by terminal width, 汉字 counting two") {
  const auto lines = lines_of(fisc::render_report(sample_report(), in(fisc::Language::zh)));
  // Table 1: its header, its rule, then its seven rows; the labels are 6 to 15 汉字 long.
  const auto header =
      std::find(lines.begin(), lines.end(), "科目名称                        决算数      占比");
  REQUIRE(header != lines.end());
  const std::vector<std::string_view> figures{"决算数", "745.99", "204.85", "950.84",
                                              "0.00",   "534.27", "416.57", "950.84"};
  std::vector<std::string> block(header, header + 1);
  block.insert(block.end(), header + 2, header + 9);
  REQUIRE(block.size() == figures.size());
  for (std::size_t i = 0; i < block.size(); ++i) {
    INFO(block[i]);
    const auto at = block[i].find(figures[i]);
    REQUIRE(at != std::string::npos);
    // The figures end at the same terminal column: 30 for the widest label, 2 between, 6.
    CHECK(fisc::display_width(std::string_view(block[i]).substr(0, at + figures[i].size())) == 38);
    // and the line is as wide as the rule under the header.
    CHECK(fisc::display_width(block[i]) <= fisc::display_width(*(header + 1)));
  }
}

TEST_CASE("display_width") {
  CHECK(fisc::display_width("") == 0);
  CHECK(fisc::display_width("950.84") == 6);
  CHECK(fisc::display_width("合计") == 4);
  CHECK(fisc::display_width("（一）") == 6);       // fullwidth parentheses
  CHECK(fisc::display_width("１２．５％") == 10);  // fullwidth digits, point and percent sign
  CHECK(fisc::display_width("“三公”经费") ==
        10);  // curly quotes are narrow, as terminals show them
  CHECK(fisc::display_width("—") == 1);
  CHECK(fisc::display_width("、。") == 4);
  CHECK(fisc::display_width("e\xCC\x81") == 1);  // e + combining acute accent
  CHECK(fisc::display_width("\xEF\xBB\xBF"
                            "a") == 1);                 // a byte order mark takes no room
  CHECK(fisc::display_width("\xFF\xFE") == 2);          // invalid bytes count one each
  CHECK(fisc::display_width("\xE5\x90") == 2);          // a truncated 合
  CHECK(fisc::display_width("\xC0\xAF") == 2);          // an overlong '/'
  CHECK(fisc::display_width("\xF0\xA0\x80\x80") == 2);  // U+20000, CJK extension B
}

TEST_CASE("fisc show: --width wraps row labels, never figures") {
  Report r;
  r.year = 2020;
  r.tables = {expenditure_table()};
  const std::string shown = fisc::render_report(r, fisc::ShowOptions{fisc::Language::zh, 60});
  CHECK(has_line(shown,
                 "208       社会保障   53.37    7.154%     53.37    9.989%                 "
                 "           0.00    0.000%    53.37         —"));
  CHECK(has_line(shown, "          和就业支"));
  CHECK(has_line(shown, "          出"));
  // Without a width, the label stays whole.
  CHECK(fisc::render_report(r, in(fisc::Language::zh)).find("社会保障和就业支出") !=
        std::string::npos);
}

TEST_CASE("fisc show: shares round half up with one decimal more than the figures") {
  Report r;
  r.year = 2020;
  Table t;
  t.title = "表";
  t.columns = {column("a", "决算数", "expenditure.total")};
  // 0.01 / 16.00 = 0.0625%: half up gives 0.063% (half even would give 0.062%).
  t.rows = {row("", "合计", "", {cell("a", 1600, "16.00")}),
            row("201", "甲", "", {cell("a", 1, "0.01")}),
            row("202", "乙", "", {cell("a", 1599, "15.99")})};
  r.tables = {t};
  const std::string shown = fisc::render_report(r, in(fisc::Language::zh));
  CHECK(has_line(shown, "201       甲          0.01    0.063%"));
  CHECK(has_line(shown, "202       乙         15.99   99.938%"));  // 99.9375
  CHECK(has_line(shown, "          合计       16.00  100.000%"));
}

TEST_CASE("fisc show: a zero total or a zero prior year is never divided by") {
  Report r;
  r.year = 2020;
  Table t;
  t.title = "表";
  t.year = 2020;
  t.columns = {column("a", "决算数", "expenditure.total"),
               column("p", "上年数", "expenditure.total", 2019)};
  t.rows = {row("", "合计", "", {cell("a", 0, "0.00"), cell("p", 0, "0.00")}),
            row("201", "甲", "", {cell("a", 0, "0.00"), cell("p", 0, "0.00")})};
  r.tables = {t};
  const std::string shown = fisc::render_report(r, in(fisc::Language::en));
  CHECK(has_line(shown, "201   甲      0.00      —    0.00      —    0.00            —"));
}

TEST_CASE("fisc show: figures in columns a table does not have are shown, not dropped") {
  Report r;
  r.year = 2020;
  Table t;
  t.title = "表";
  t.columns = {column("a", "决算数", "expenditure.total")};
  t.rows = {row("201", "甲", "", {cell("a", 100, "1.00"), cell("zz", 200, "2.00")})};
  r.tables = {t};
  CHECK(has_line(fisc::render_report(r, in(fisc::Language::zh)),
                 "* 以下数字所在的栏本表没有：201 / zz = 2.00"));
  CHECK(has_line(fisc::render_report(r, in(fisc::Language::en)),
                 "* figures in columns the table does not have: 201 / zz = 2.00"));
}

TEST_CASE("fisc show: an enumeration whose count agrees, and one without a count") {
  Report r;
  r.year = 2020;
  fisc::Enumeration e;
  e.concept_id = "organisation.units";
  e.count = Stated{Decimal(2), fisc::Unit::none, fisc::Reading::exact, "两"};
  e.items = {"甲单位", "乙单位"};
  e.source.file = "说明.txt";
  e.source.span = fisc::TextSpan{12, 3, 2};
  r.enumerations.push_back(e);
  e.count.reset();
  e.year = 2019;
  r.enumerations.push_back(e);
  const std::string zh = fisc::render_report(r, in(fisc::Language::zh));
  CHECK(has_line(zh, "  说明.txt:12:3  所属单位：所述 两，列出 2，一致"));
  CHECK(has_line(zh, "  说明.txt:12:3  所属单位（2019年）：未述个数，列出 2"));
  const std::string en = fisc::render_report(r, in(fisc::Language::en));
  CHECK(has_line(en,
                 "  说明.txt:12:3  units (second-level budget units): stated 两, listed 2, agree"));
  CHECK(has_line(en,
                 "  说明.txt:12:3  units (second-level budget units) (2019): no count stated, "
                 "listed 2"));
}

TEST_CASE("fisc show: what the document says of itself, each mention with its place") {
  Report r;
  r.year = 2024;
  fisc::Mention name;
  name.kind = fisc::MentionKind::self_name;
  name.text = "2023年度部门决算情况说明";
  name.year = 2023;
  name.names = fisc::ReportKind::final_accounts;
  name.source.file = "d.pdf";
  name.source.page = 18;
  name.source.span = fisc::TextSpan{1, 15, 14};
  fisc::Mention table_title;
  table_title.kind = fisc::MentionKind::self_name;
  table_title.text = "2024年部门整体支出绩效目标表";
  table_title.year = 2024;
  fisc::Mention as_of;
  as_of.kind = fisc::MentionKind::as_of;
  as_of.text = "截至2024年8月31日";
  as_of.year = 2024;
  as_of.month = 8;
  as_of.day = 31;
  fisc::Mention left;
  left.kind = fisc::MentionKind::placeholder;
  left.text = "XX";
  left.context = "上海市普陀区XX局";
  r.mentions = {name, table_title, as_of, left};
  const std::string zh = fisc::render_report(r, in(fisc::Language::zh));
  CHECK(has_line(zh, "文件的自称、截至日期与占位符（4）"));
  CHECK(has_line(zh, "  d.pdf:1:15: page 18  自称：“2023年度部门决算情况说明”（2023年，决算）"));
  CHECK(has_line(zh, "  自称：“2024年部门整体支出绩效目标表”（2024年）"));
  CHECK(has_line(zh, "  截至日期：“截至2024年8月31日”（2024-08-31）"));
  CHECK(has_line(zh, "  占位符：“XX”：上海市普陀区XX局"));
  const std::string en = fisc::render_report(r, in(fisc::Language::en));
  CHECK(has_line(en, "What the document says of itself (4)"));
  CHECK(has_line(en,
                 "  d.pdf:1:15: page 18  names itself: “2023年度部门决算情况说明” (2023, "
                 "final accounts)"));
  CHECK(has_line(en, "  as of: “截至2024年8月31日” (2024-08-31)"));
  CHECK(has_line(en, "  placeholder: “XX”: 上海市普陀区XX局"));
}

TEST_CASE("fisc show: languages by name") {
  CHECK(fisc::language_from_string("zh") == fisc::Language::zh);
  CHECK(fisc::language_from_string("en") == fisc::Language::en);
  CHECK_FALSE(fisc::language_from_string("fr").has_value());
  CHECK(fisc::to_string(fisc::Language::en) == "en");
}

TEST_CASE("fisc show: a line break in a document's text does not break the layout") {
  Report r;
  r.year = 2020;
  Table t;
  t.title = "支出\n决算表";
  t.columns = {column("a", "决算\n数", "expenditure.total")};
  t.rows = {row("201", "一般公共\n服务支出", "", {cell("a", 100, "1.00")})};
  r.tables = {t};
  const std::string shown = fisc::render_report(r, in(fisc::Language::zh));
  CHECK(has_line(shown, "表1 支出 决算表"));
  CHECK(has_line(shown, "科目编码  科目名称                  决算 数      占比"));
  CHECK(has_line(shown, "201       一般公共 服务支出            1.00  100.000%"));
}

namespace {

fisc::PlacedFigure placed(Stated value) { return {std::move(value), {}}; }

fisc::Indicator indicator(std::string l1, std::string l2, std::string l3, std::string target,
                          std::optional<std::string> actual) {
  fisc::Indicator i;
  i.level1 = std::move(l1);
  i.level2 = std::move(l2);
  i.level3 = std::move(l3);
  i.target.text = std::move(target);
  if (actual) i.actual = fisc::PlacedText{std::move(*actual), {}};
  return i;
}

Stated points(std::int64_t value) {
  return Stated{Decimal(value), fisc::Unit::none, fisc::Reading::exact, std::to_string(value)};
}

// One project table: met, not met (scored in proportion), needs review, and no benefit
// indicator (its 30 points unscored); executed 95.00 of 100.00.
fisc::ProjectPerformance project() {
  fisc::ProjectPerformance p;
  p.name = "物业管理经费";
  p.unit = "中共某县委组织部";
  p.source.page = 30;
  p.budget.total = placed(wan(10000, "100.00"));
  p.budget.fiscal = placed(wan(10000, "100.00"));
  p.executed.total = placed(wan(9500, "95.00"));
  p.executed.fiscal = placed(wan(9500, "95.00"));
  p.execution_rate = placed(percent(9500, "95%"));
  p.goal_expected = fisc::PlacedText{"保障办公区正常运转", {}};
  p.indicators = {
      indicator("产出指标", "数量指标", "保洁人员", "≥3个", "3个"),
      indicator("产出指标", "质量指标", "保洁合格率", "≥96%", "90%"),
      indicator("产出指标", "质量指标", "绿化养护率", "≥96%", "96%"),
      indicator("满意度指标", "服务对象满意度指标", "职工满意度", "≥90%", "95%"),
  };
  p.score = placed(points(95));
  p.grade = fisc::PlacedText{"优", {}};
  return p;
}

Report performance_report() {
  Report r;
  r.department = {"中共某县委组织部", ""};
  r.year = 2020;
  r.performance.projects.push_back(project());
  return r;
}

}  // namespace

TEST_CASE("fisc show: a project performance table with its evaluation and score") {
  const std::string expected = R"(部门：中共某县委组织部
年度：2020
类型：部门决算
金额单位：万元

项目绩效1 物业管理经费
预算单位：中共某县委组织部  金额单位：万元  年度：2020  出处：第30页
预算数：100.00（其中财政拨款：100.00）  执行数：95.00（其中财政拨款：95.00）  执行率：95.00%（表列 95%）
年度目标（预期）：保障办公区正常运转
一级指标    二级指标            三级指标    指标值  实际完成值  评价     分值      得分  理由
--------------------------------------------------------------------------------------------------------------------------------------------------------
产出指标    数量指标            保洁人员    ≥3个    3个         达成    16.67     16.67  实际完成值“3个”达到指标值“≥3个”
产出指标    质量指标            保洁合格率  ≥96%    90%         未达成  16.67     15.63  实际完成值“90%”未达到指标值“≥96%”
产出指标    质量指标            绿化养护率  ≥96%    96%         待核实  16.66  0～16.66  实际完成值“96%”在四舍五入范围内可能达到也可能未达到指标值“≥96%”
满意度指标  服务对象满意度指标  职工满意度  ≥90%    95%         达成       10        10  实际完成值“95%”达到指标值“≥90%”
* 预算执行率：分值10，得分9.50
* 效益指标：分值30，无指标，未评分
* 得分：51.80～98.46（满分100.00），等级：差至优
* 得分按财预〔2020〕10号的默认权重（预算执行率10、产出指标50、效益指标30、服务对象满意度指标10）和等级（优≥90、良≥80、中≥60、差<60）计算
* 表列得分：95，表列等级：优
)";
  const std::string shown = fisc::render_report(performance_report(), in(fisc::Language::zh));
  CHECK(shown == expected);
  const auto got = lines_of(shown);
  const auto want = lines_of(expected);
  for (std::size_t i = 0; i < std::min(got.size(), want.size()); ++i) {
    INFO("line ", i + 1);
    CHECK(got[i] == want[i]);
  }
  CHECK(got.size() == want.size());
}

TEST_CASE("fisc show: a project performance table in English") {
  const std::string shown = fisc::render_report(performance_report(), in(fisc::Language::en));
  for (const std::string_view line : {
           "Project performance 1: 物业管理经费",
           "Implementing unit: 中共某县委组织部  Unit: 万元 (10,000 yuan)  Year: 2020  Source: "
           "page 30",
           "Budget: 100.00 (of which fiscal: 100.00)  Executed: 95.00 (of which fiscal: 95.00)  "
           "Execution rate: 95.00% (stated 95%)",
           "Goal (expected): 保障办公区正常运转",
           "产出指标    数量指标            保洁人员    ≥3个    3个     met            16.67    "
           "16.67  the actual “3个” meets the target “≥3个”",
           "产出指标    质量指标            保洁合格率  ≥96%    90%     not met        16.67    "
           "15.63  the actual “90%” does not meet the target “≥96%”",
           "* execution rate: points 10, score 9.50",
           "* benefit: points 30, no indicator, unscored",
           "* score: 51.80–98.46 of 100.00, grade: poor to excellent",
           "* stated score: 95, stated grade: 优",
       }) {
    INFO(line);
    CHECK(has_line(shown, line));
  }
  CHECK(shown.find("needs review   16.66  0–16.66  within its rounding") != std::string::npos);
  CHECK(shown.find("scored with the default weights of 财预〔2020〕10号") != std::string::npos);
}

TEST_CASE("fisc show: project tables come in document order, after the tables") {
  Report r = sample_report();
  r.performance.projects.push_back(project());
  fisc::ProjectPerformance second;
  second.name = "党报党刊征订";
  second.indicators = {indicator("", "数量指标", "订阅份数", "≥100份", "80份"),
                       indicator("效益指标", "社会效益指标", "宣传效果", "有效提升", std::nullopt)};
  r.performance.projects.push_back(second);
  const std::string shown = fisc::render_report(r, in(fisc::Language::zh));
  const auto first = shown.find("项目绩效1 物业管理经费");
  const auto next = shown.find("项目绩效2 党报党刊征订");
  REQUIRE(first != std::string::npos);
  REQUIRE(next != std::string::npos);
  CHECK(shown.find("表4 项目支出表") < first);
  CHECK(first < next);
  CHECK(next < shown.find("文中数字（4）"));
  // Without funds there is no funds line; a level 1 not written shows the one fisc infers;
  // a missing actual cannot be evaluated.
  CHECK(has_line(shown, "金额单位：万元  年度：2020"));
  CHECK(
      has_line(shown,
               "〔产出指标〕  数量指标      订阅份数  ≥100份    80份        未达成      50  40.00  "
               "实际完成值“80份”未达到指标值“≥100份”"));
  CHECK(
      has_line(shown,
               "效益指标      社会效益指标  宣传效果  有效提升              无法评价    30  0～30  "
               "未填实际完成值"));
  CHECK(has_line(shown, "* 预算执行率：分值10，得分0～10"));
  CHECK(has_line(shown, "* 满意度指标：分值10，无指标，未评分"));
}

TEST_CASE("fisc show: the self-evaluation with its parts, total, grade and projects") {
  Report r;
  r.year = 2020;
  fisc::SelfEvaluation e;
  e.title = "2020年度部门整体支出绩效自评";
  e.parts.push_back({"预算管理", placed(points(48)), placed(points(50))});
  e.parts.push_back({"绩效结果应用", placed(points(45)), std::nullopt});
  e.total = placed(Stated{Decimal(90), fisc::Unit::none, fisc::Reading::rounded, "90"});
  e.grade = fisc::PlacedText{"良好", {}};
  fisc::ProjectPerformance listed;
  listed.name = "党报党刊征订";
  listed.indicators = {indicator("产出指标", "数量指标", "订阅份数", "≥100份", "120份")};
  e.projects.push_back(listed);
  r.performance.evaluation = e;
  const std::string zh = fisc::render_report(r, in(fisc::Language::zh));
  for (const std::string_view line : {
           "部门整体支出绩效自评 2020年度部门整体支出绩效自评",
           "评价内容      得分  分值",
           "预算管理        48    50",
           "绩效结果应用    45",
           // 90 is any value in [89.5, 90.5): 良 or 优 by the bands.
           "合计得分：90  评价等级：良好  按等级分数线：良至优",
           "所列项目（1）",
           "所列项目1 党报党刊征订",
           "产出指标  数量指标  订阅份数  ≥100份  120份       达成  "
           "实际完成值“120份”达到指标值“≥100份”",
       }) {
    INFO(line);
    CHECK(has_line(zh, line));
  }
  // A listed project is not a self-evaluation table: it is not scored.
  CHECK(zh.find("预算执行率：分值") == std::string::npos);
  const std::string en = fisc::render_report(r, in(fisc::Language::en));
  CHECK(has_line(en, "Self-evaluation: 2020年度部门整体支出绩效自评"));
  CHECK(has_line(en, "Total: 90  Grade: 良好  by the grade bands: good to excellent"));
  CHECK(has_line(en, "Listed project 1: 党报党刊征订"));
}

TEST_CASE("fisc show: a report without performance shows no performance section") {
  for (const auto lang : {fisc::Language::zh, fisc::Language::en}) {
    const std::string shown = fisc::render_report(sample_report(), in(lang));
    for (const std::string_view word :
         {"项目绩效", "Project performance", "绩效自评", "Self-evaluation", "评价等级", "指标值",
          "target", "财预"}) {
      INFO(word);
      CHECK(shown.find(word) == std::string::npos);
    }
  }
}
