// SPDX-License-Identifier: BSL-1.0
#include "fisc/io/table_csv.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include "fisc/accounts/report.hpp"
#include "fisc/io/report_json.hpp"

using fisc::LoadError;
using fisc::Scenario;
using fisc::Table;
using fisc::TableCsvOptions;
using fisc::TableRole;
using fisc::Unit;

namespace {

TableCsvOptions expenditure_options() {
  TableCsvOptions o;
  o.role = TableRole::expenditure;
  o.title = "支出决算表";
  o.unit = Unit::wan;
  o.year = 2020;
  return o;
}

Table read(std::string_view bytes, const TableCsvOptions& options = expenditure_options()) {
  auto t = fisc::read_table_csv(bytes, "t.csv", options);
  if (!t) FAIL(describe(t.error()));
  return *t;
}

void check_error(std::string_view bytes, std::uint32_t line, std::uint32_t column,
                 std::string_view path, std::string_view message_part,
                 const TableCsvOptions& options = expenditure_options()) {
  CAPTURE(bytes);
  const auto t = fisc::read_table_csv(bytes, "t.csv", options);
  REQUIRE_FALSE(t.has_value());
  const LoadError& e = t.error();
  CAPTURE(describe(e));
  CHECK(e.file == "t.csv");
  CHECK(e.line == line);
  CHECK(e.column == column);
  CHECK(e.path == path);
  CHECK(e.message.find(message_part) != std::string::npos);
}

const fisc::TableCellValue* cell(const fisc::TableRow& row, std::string_view column) {
  for (const auto& c : row.cells) {
    if (c.column == column) return &c;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("table csv: a 支出决算表 in UTF-8 with BOM, CRLF, quotes and blank cells") {
  const std::string csv =
      "\xEF\xBB\xBF科目编码,科目名称,合计,基本支出,项目支出\r\n"
      "201,一般公共服务支出,\"1,234.56\",\"1,000.00\",234.56\r\n"
      "201 32 01,\"行政运行, 本级\",950.84,950.84,\r\n"
      "201-32-02,一般行政管理事务,—,,12.5\r\n"
      ",,,,\r\n"
      "合计,,\"1,234.56\",\"1,000.00\",234.56\r\n";
  const Table t = read(csv);
  CHECK(t.role == TableRole::expenditure);
  CHECK(t.title == "支出决算表");
  CHECK(t.source.file == "t.csv");
  REQUIRE(t.columns.size() == 3);
  CHECK(t.columns[0].key == "total");
  CHECK(t.columns[0].concept_id == "expenditure.total");
  CHECK(t.columns[0].header == "合计");
  CHECK(t.columns[1].concept_id == "expenditure.basic");
  CHECK(t.columns[2].concept_id == "expenditure.project");
  REQUIRE(t.rows.size() == 4);
  CHECK(t.rows[0].code == "201");
  CHECK(t.rows[0].label == "一般公共服务支出");
  REQUIRE(cell(t.rows[0], "total") != nullptr);
  CHECK(cell(t.rows[0], "total")->value.text == "1,234.56");
  CHECK(cell(t.rows[0], "total")->value.value.coefficient() == 123456);
  CHECK(cell(t.rows[0], "total")->value.unit == Unit::wan);
  CHECK(t.rows[1].code == "2013201");
  CHECK(t.rows[1].label == "行政运行, 本级");
  CHECK(t.rows[1].cells.size() == 2);  // the blank 项目支出 is absent
  CHECK(t.rows[2].code == "2013202");
  CHECK(t.rows[2].cells.size() == 1);  // "—" and "" are both absent
  CHECK(t.rows[3].code.empty());
  CHECK(t.rows[3].label == "合计");  // written in the code column
  // Every cell makes a fact.
  fisc::Report report;
  report.year = 2020;
  report.tables.push_back(t);
  const auto collected = fisc::collect_facts(report);
  CHECK(collected.errors.empty());
  CHECK(collected.facts.size() == 9);
}

TEST_CASE("table csv: GB18030 as Excel exports it is decoded") {
  // 科目编码,科目名称,基本支出 / 2013201,行政运行,12.50 / 合计 in GBK.
  const std::string csv =
      "\xbf\xc6\xc4\xbf\xb1\xe0\xc2\xeb,\xbf\xc6\xc4\xbf\xc3\xfb\xb3\xc6,"
      "\xbb\xf9\xb1\xbe\xd6\xa7\xb3\xf6\r\n"
      "2013201,\xd0\xd0\xd5\xfe\xd4\xcb\xd0\xd0,12.50\r\n"
      ",\xba\xcf\xbc\xc6,12.50\r\n";
  const Table t = read(csv);
  REQUIRE(t.columns.size() == 1);
  CHECK(t.columns[0].header == "基本支出");
  REQUIRE(t.rows.size() == 2);
  CHECK(t.rows[0].label == "行政运行");
  CHECK(t.rows[1].label == "合计");
  CHECK(t.rows[0].cells.at(0).value.text == "12.50");
}

TEST_CASE("table csv: invalid bytes are an error with line and column") {
  check_error("科目编码,科目名称,基本支出\n201,一般\xff,1\n", 2, 7, "", "0xFF");
}

TEST_CASE("table csv: a ragged row is an error at its line") {
  check_error("科目编码,科目名称,基本支出\n201,一般公共服务支出,1,2\n", 2, 16, "row 2",
              "the row has 4 fields, the header row (row 1) has 3");
  check_error("科目编码,科目名称,基本支出\n201,一般公共服务支出\n", 2, 13, "row 2",
              "the row has 2 fields");
}

TEST_CASE("table csv: a bad code names the row and the code column") {
  check_error("科目编码,科目名称,基本支出\n20132x,行政运行,1\n", 2, 1, "row 2, column 科目编码",
              "\"20132x\" is not a function classification code");
  check_error("科目编码,科目名称,基本支出\n2.01E+06,行政运行,1\n", 2, 1, "row 2, column 科目编码",
              "format the column as text");
}

TEST_CASE("table csv: a bad amount names the character inside the field") {
  // The field starts at column 10 with its quote; the O is the eighth character of the figure.
  check_error("科目编码,科目名称,基本支出\n201,行政运行,\"1,234.5O\"\n", 2, 18,
              "row 2, column 基本支出", "\"1,234.5O\" is not a figure");
}

TEST_CASE("table csv: an amount whose unit contradicts the table's") {
  check_error("科目编码,科目名称,基本支出\n201,行政运行,12元\n", 2, 10, "row 2, column 基本支出",
              "written in 元 (yuan), but its context is 万元 (wan)");
}

TEST_CASE("table csv: an unknown header is an error unless the options map it") {
  const std::string csv = "科目编码,科目名称,其他支出（特殊）\n201,行政运行,3\n";
  check_error(csv, 1, 11, "row 1, column 其他支出（特殊）", "unknown column header");
  TableCsvOptions o = expenditure_options();
  fisc::TableColumn mapped;
  mapped.header = "其他支出(特殊)";  // ASCII parentheses match full-width ones
  mapped.concept_id = "expenditure.project";
  o.columns.push_back(mapped);
  const Table t = read(csv, o);
  REQUIRE(t.columns.size() == 1);
  CHECK(t.columns[0].key == "project");
  CHECK(t.columns[0].header == "其他支出（特殊）");
}

TEST_CASE("table csv: scenario columns take the default concept, or rows carry it") {
  const std::string csv =
      "科目编码,科目名称,年初预算数,调整预算数,决算数\n2013201,行政运行,10,11,10.5\n";
  check_error(csv, 2, 14, "row 2, column 年初预算数", "default_concept");
  TableCsvOptions o = expenditure_options();
  o.default_concept = "expenditure.total";
  const Table t = read(csv, o);
  REQUIRE(t.columns.size() == 3);
  CHECK(t.columns[0].key == "total_initial_budget");
  CHECK(t.columns[0].scenario == Scenario::initial_budget);
  CHECK(t.columns[1].scenario == Scenario::adjusted_budget);
  CHECK(t.columns[2].scenario == Scenario::actual);

  // A 收入支出决算总表 in two columns: the rows are concepts.
  TableCsvOptions total;
  total.role = TableRole::income_expenditure_total;
  const Table t2 = read("项目,决算数\n一、一般公共预算财政拨款收入,100\n（二）事业收入,5\n", total);
  REQUIRE(t2.rows.size() == 2);
  CHECK(t2.rows[0].concept_id == "income.general_budget");
  CHECK(t2.rows[1].concept_id == "income.service_revenue");
}

TEST_CASE("table csv: a row with figures but no place, an empty file, counts") {
  check_error("科目编码,科目名称,基本支出\n,,3\n", 2, 1, "row 2", "needs a code or a name");
  const auto empty = fisc::read_table_csv("", "t.csv", expenditure_options());
  REQUIRE_FALSE(empty);
  CHECK(empty.error().message.find("no table") != std::string::npos);
  check_error("基本支出,项目支出\n1,2\n", 1, 1, "row 1", "names neither a code column");
  // A count column is read as a plain number, not as 万元.
  TableCsvOptions o = expenditure_options();
  o.row_code_dimension = "";
  const Table t = read("项目,车辆\n公务用车,3\n", o);
  CHECK(t.rows.at(0).cells.at(0).value.unit == Unit::none);
}

TEST_CASE("table csv: a table read from CSV survives the JSON report format") {
  const Table t = read("科目编码,科目名称,合计,人员经费,公用经费\n201,一般公共服务支出,3,2,1\n");
  fisc::Report report;
  report.year = 2020;
  report.department.name = "某局";
  report.file = "r.json";
  report.tables.push_back(t);
  const auto back = fisc::read_report_json(fisc::write_report_json(report), "r.json");
  if (!back) FAIL(describe(back.error()));
  CHECK(*back == report);
}

TEST_CASE("table csv: files that cannot be read, or are too large, are refused by name") {
  const auto dir = std::filesystem::temp_directory_path() / "fisc_io_table_csv_test";
  std::filesystem::create_directories(dir);
  const auto missing = fisc::load_table_csv(dir / "missing.csv", expenditure_options());
  REQUIRE_FALSE(missing);
  CHECK(missing.error().file == (dir / "missing.csv").string());
  const auto path = dir / "t.csv";
  {
    std::ofstream out(path, std::ios::binary);
    out << "科目编码,科目名称,基本支出\n201,一般公共服务支出,1\n";
  }
  const auto too_large = fisc::load_table_csv(path, expenditure_options(), 10);
  REQUIRE_FALSE(too_large);
  CHECK(too_large.error().message.find("at most 10 bytes") != std::string::npos);
  const auto ok = fisc::load_table_csv(path, expenditure_options());
  if (!ok) FAIL(describe(ok.error()));
  CHECK(ok->source.file == path.string());
  std::filesystem::remove_all(dir);
}

TEST_CASE("table csv: the header dictionary") {
  CHECK(fisc::standard_csv_column("合计", TableRole::income)->concept_id == "income.total");
  CHECK(fisc::standard_csv_column("合计", TableRole::expenditure)->concept_id ==
        "expenditure.total");
  CHECK(fisc::standard_csv_column(" 其中：人员经费 ", TableRole::expenditure)->concept_id ==
        "expenditure.basic.personnel");
  CHECK(fisc::standard_csv_column("本年支出合计", TableRole::other)->concept_id ==
        "expenditure.total");
  CHECK(fisc::standard_csv_column("对附属单位补助支出", TableRole::other)->concept_id ==
        "expenditure.grants_to_subsidiaries");
  CHECK(fisc::standard_csv_column("预算数", TableRole::other)->scenario == Scenario::budget);
  CHECK_FALSE(fisc::standard_csv_column("备注", TableRole::other));
  // "其中：" is dropped from headers, not from the concepts' names: 财政拨款 alone means nothing.
  CHECK_FALSE(fisc::standard_csv_column("财政拨款", TableRole::other));
  CHECK_FALSE(fisc::csv_header_dictionary().empty());
}
