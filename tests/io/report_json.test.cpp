// SPDX-License-Identifier: BSL-1.0
#include "fisc/io/report_json.hpp"

#include <doctest/doctest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>
#include <utility>

#include "fisc/accounts/table_role.hpp"
#include "fisc/numbers/parse.hpp"

using fisc::Dimensions;
using fisc::Direction;
using fisc::Enumeration;
using fisc::Fact;
using fisc::FactKey;
using fisc::LoadError;
using fisc::Measure;
using fisc::Origin;
using fisc::Reading;
using fisc::Report;
using fisc::Scenario;
using fisc::Source;
using fisc::Stated;
using fisc::Table;
using fisc::TableCell;
using fisc::TableCellValue;
using fisc::TableColumn;
using fisc::TableRole;
using fisc::TableRow;
using fisc::TextSpan;
using fisc::Unit;

namespace {

// A figure as the reader makes it: the text parsed, the unit the context gives.
Stated fig(std::string_view text, Unit unit, Reading reading = Reading::rounded,
           std::int8_t assumed = -1) {
  auto s = fisc::parse_figure(text, reading);
  REQUIRE(s.has_value());
  s->unit = unit;
  s->text = std::string(text);
  s->assumed_decimals = assumed;
  return *s;
}

Fact statement(std::string concept_id, Stated value, Source source) {
  Fact f;
  f.key.concept_id = std::move(concept_id);
  f.key.year = 2020;
  f.value = std::move(value);
  f.source = std::move(source);
  f.origin = Origin::statement;
  return f;
}

Source section(std::string s) {
  Source src;
  src.section = std::move(s);
  return src;
}

// Every member of the format, each with a value other than its default somewhere.
Report rich_report() {
  Report r;
  r.kind = fisc::ReportKind::final_accounts;
  r.year = 2020;
  r.department = {"某县教育局", "101001"};
  r.units = {{"某县第一中学", "101001001"}, {"某县教育局机关", ""}};
  r.offices = {"办公室", "财务股", "基础教育股"};
  r.affiliated = {"县教研室"};
  r.unit = Unit::wan;
  r.file = "rich.report.json";

  Table t;
  t.role = TableRole::expenditure;
  t.title = "支出决算表";
  t.unit = Unit::wan;
  t.dims = Dimensions{{"fund", "general_budget"}};
  t.source.page = 13;
  t.source.section = "第五部分 三";
  t.columns = {
      TableColumn{"total", "合计", "expenditure.total", {}, {}, Measure::value, {}},
      TableColumn{"basic", "基本支出", "expenditure.basic", {}, {}, Measure::value, {}},
      TableColumn{"budget", "年初预算数", "expenditure.total", Scenario::initial_budget, 2020,
                  Measure::value, Dimensions{{"unit", "某县第一中学"}}},
      TableColumn{"rate", "增减率", "expenditure.total", {}, {}, Measure::change_rate, {}},
      TableColumn{"c5", "说明数", "", {}, {}, Measure::value, {}},
  };
  TableRow r1;
  r1.code = "201";
  r1.label = "一般公共服务支出";
  r1.cells = {TableCellValue{"total", fig("1,234.56", Unit::wan), 0},
              TableCellValue{"basic", fig("(12.50)", Unit::wan), 0},
              TableCellValue{"rate", fig("12.5%", Unit::percent), 0}};
  TableRow r2;
  r2.code = "2013201";
  r2.label = "  行政运行";
  r2.dims = Dimensions{{"project", "日常运转"}};
  r2.cells = {TableCellValue{"budget", fig("9,508,412.25", Unit::yuan), 14},
              TableCellValue{"basic", fig("950.8", Unit::wan, Reading::truncated, 2), 0},
              TableCellValue{"total", fig("１２．５", Unit::wan, Reading::exact), 0}};
  TableRow r3;
  r3.label = "其中：人员经费";
  r3.concept_id = "expenditure.basic.personnel";
  r3.cells = {TableCellValue{"c5", fig("3.36", Unit::wan), 0}};
  TableRow r4;
  r4.label = "（空行）";
  t.rows = {r1, r2, r3, r4};
  r.tables.push_back(t);

  Table empty;
  empty.role = TableRole::three_public;
  empty.title = "财政拨款“三公”经费支出决算表";
  empty.unit = Unit::yuan;
  empty.year = 2019;
  empty.scenario = Scenario::budget;
  empty.row_code_dimension = "";
  empty.note = "本表无数据";
  empty.source.file = "other.pdf";
  empty.source.cell = TableCell{};
  r.tables.push_back(empty);

  Table economic;
  economic.role = TableRole::other;
  economic.unit = Unit::yi;
  economic.row_code_dimension = "economic";
  economic.columns = {
      TableColumn{"n", "车辆数", "assets.vehicles", Scenario::actual, {}, Measure::value, {}}};
  TableRow e1;
  e1.code = "30101";
  e1.cells = {TableCellValue{"n", fig("3", Unit::none), 0}};
  economic.rows = {e1};
  r.tables.push_back(economic);

  Source span_source;
  span_source.file = "seed.txt";
  span_source.section = "第二部分 一";
  span_source.span = TextSpan{45, 12, 6};
  r.statements.push_back(statement("expenditure.total", fig("950.84万元", Unit::wan), span_source));

  Fact share = statement("expenditure.basic", fig("85.10%", Unit::percent), section("第二部分 四"));
  share.key.measure = Measure::share;
  share.key.dims = Dimensions{{"fund", "general_budget"}, {"function", "2013201"}};
  share.base = FactKey{"expenditure.total",
                       Measure::value,
                       2019,
                       0,
                       Scenario::budget,
                       Dimensions{{"fund", "general_budget"}}};
  r.statements.push_back(share);

  Source cell_source;
  cell_source.page = 7;
  cell_source.cell = TableCell{"收入支出决算总表", "一般公共预算财政拨款收入", "决算数"};
  Fact change =
      statement("income.total", fig("125.3", Unit::wan, Reading::rounded, 2), cell_source);
  change.key.measure = Measure::change;
  change.key.prior_year = 2019;
  change.direction = Direction::decrease;
  change.value.value = -change.value.value;
  r.statements.push_back(change);

  Fact rate = statement("income.total", fig("12.5%", Unit::percent), section("第二部分 二"));
  rate.key.measure = Measure::change_rate;
  rate.key.prior_year = 2018;
  rate.key.year = 2019;
  rate.direction = Direction::increase;
  r.statements.push_back(rate);

  Fact completion =
      statement("expenditure.total", fig("96.00%", Unit::percent), section("第二部分 五"));
  completion.key.measure = Measure::completion_rate;
  completion.key.scenario = Scenario::adjusted_budget;
  r.statements.push_back(completion);

  r.statements.push_back(
      statement("staffing.staffed", fig("45", Unit::none, Reading::exact), section("第一部分 二")));
  r.statements.push_back(
      statement("expenditure.total", fig("9,508,412.25", Unit::yuan), section("第二部分 一")));
  Fact initial = statement("income.general_budget", fig("1,000", Unit::wan), section("第三部分"));
  initial.key.scenario = Scenario::initial_budget;
  r.statements.push_back(initial);
  // A count stated in 万元 on purpose (an explicit unit differing from the implied one).
  r.statements.push_back(statement("assets.vehicles", fig("2", Unit::wan), section("第三部分")));

  Fact held = statement("three_public.vehicles.held", fig("3", Unit::none), {});
  held.origin = Origin::listing;
  held.key.dims = Dimensions{{"vehicle_kind", "sedan"}};
  held.source.page = 20;
  r.listings.push_back(held);
  Fact empty_source = statement("staffing.retired", fig("12", Unit::none), {});
  empty_source.origin = Origin::listing;
  r.listings.push_back(empty_source);

  Enumeration offices;
  offices.concept_id = "organisation.offices";
  offices.year = 2020;
  offices.count = fig("3", Unit::none);
  offices.items = {"办公室", "财务股", "基础教育股"};
  offices.source = section("第一部分 一");
  r.enumerations.push_back(offices);
  Enumeration units;
  units.concept_id = "organisation.units";
  units.year = 2019;
  units.dims = Dimensions{{"category", "school"}};
  units.count = fig("2", Unit::percent, Reading::exact, 0);
  units.source.file = "seed.txt";
  r.enumerations.push_back(units);
  Enumeration no_count;
  no_count.concept_id = "organisation.affiliated";
  no_count.year = 2020;
  r.enumerations.push_back(no_count);
  return r;
}

LoadError error_of(std::string_view json) {
  auto r = fisc::read_report_json(json, "t.json");
  REQUIRE_FALSE(r.has_value());
  return r.error();
}

void check_error(std::string_view json, std::uint32_t line, std::uint32_t column,
                 std::string_view path, std::string_view message_part) {
  CAPTURE(json);
  const LoadError e = error_of(json);
  CAPTURE(describe(e));
  CHECK(e.file == "t.json");
  CHECK(e.line == line);
  CHECK(e.column == column);
  CHECK(e.path == path);
  CHECK(e.message.find(message_part) != std::string::npos);
}

// A minimal valid report; the tests below break one thing in it at a time.
std::string base_report(std::string_view table_extra = "",
                        std::string_view cells = R"("basic": "12.50")") {
  return std::string(R"({
  "fisc_report": 1,
  "kind": "final_accounts",
  "year": 2020,
  "department": {"name": "某局"},
  "tables": [
    {
      "role": "expenditure",)") +
         std::string(table_extra) + R"(
      "columns": [{"key": "basic", "concept": "expenditure.basic"}],
      "rows": [{"code": "201", "label": "一般公共服务支出", "cells": {)" +
         std::string(cells) + R"(}}]
    }
  ]
}
)";
}

}  // namespace

TEST_CASE("report json: a rich report survives write, read and write again unchanged") {
  const Report original = rich_report();
  const std::string text = fisc::write_report_json(original);
  CAPTURE(text);
  const auto back = fisc::read_report_json(text, "rich.report.json");
  if (!back) FAIL(describe(back.error()));
  CHECK(*back == original);
  const std::string again = fisc::write_report_json(*back);
  CHECK(again == text);
  // Figures are strings exactly as written; defaults are left out.
  CHECK(text.find(R"("1,234.56")") != std::string::npos);
  CHECK(text.find(R"("１２．５")") != std::string::npos);
  CHECK(text.find(R"("measure": "value")") == std::string::npos);
  CHECK(text.find(R"("reading": "rounded")") == std::string::npos);
  CHECK(text.find(R"("row_code_dimension": "function")") == std::string::npos);
  CHECK(text.find("\"file\": \"rich.report.json\"") == std::string::npos);
}

TEST_CASE("report json: the written form is stable (tests/io/data/rich.report.json)") {
  const auto path = std::filesystem::path(FISC_SOURCE_DIR) / "tests/io/data/rich.report.json";
  std::ifstream in(path, std::ios::binary);
  REQUIRE(in);
  const std::string golden((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  CHECK(fisc::write_report_json(rich_report()) == golden);
  const auto loaded = fisc::load_report_json(path);
  if (!loaded) FAIL(describe(loaded.error()));
  Report expected = rich_report();
  expected.file = path.string();
  CHECK(*loaded == expected);
}

TEST_CASE("report json: tables, facts and units as read") {
  const std::string text = base_report(R"( "title": "支出决算表", "unit": "yuan",)",
                                       R"("basic": {"value": 12.50, "page": 3})");
  const auto r = fisc::read_report_json(text, "t.json");
  if (!r) FAIL(describe(r.error()));
  REQUIRE(r->tables.size() == 1);
  const Table& t = r->tables[0];
  CHECK(t.unit == Unit::yuan);
  CHECK(t.year == 0);
  REQUIRE(t.rows.size() == 1);
  const TableCellValue& c = t.rows[0].cells.at(0);
  // A JSON number is read from its text: the decimals written are kept.
  CHECK(c.value.text == "12.50");
  CHECK(c.value.value.coefficient() == 1250);
  CHECK(c.value.value.exponent() == -2);
  CHECK(c.value.unit == Unit::yuan);
  CHECK(c.page == 3);
  CHECK(r->file == "t.json");
  const auto collected = fisc::collect_facts(*r);
  CHECK(collected.errors.empty());
  REQUIRE(collected.facts.size() == 1);
  CHECK(collected.facts[0].key.dims.get("function") == "201");
}

TEST_CASE("report json: strings and keys with escapes are read unescaped") {
  // The reader views the text for a string without escapes and unescapes the others.
  std::string text =
      base_report(R"( "title": "\u652f\u51fa \"\u8868\"\\", "note": "",)",
                  R"("b\u0061sic": {"value": "\u0031\u0032.5", "reading": "exact"})");
  text.replace(text.find(R"("name": "某局")"), 16, R"("name": "\u67d0\u5c40")");
  const auto r = fisc::read_report_json(text, "t.json");
  if (!r) FAIL(describe(r.error()));
  CHECK(r->department.name == "某局");
  REQUIRE(r->tables.size() == 1);
  const Table& t = r->tables[0];
  CHECK(t.title == "支出 \"表\"\\");
  CHECK(t.note.empty());
  REQUIRE(t.rows.size() == 1);
  REQUIRE(t.rows[0].cells.size() == 1);
  CHECK(t.rows[0].cells[0].column == "basic");
  CHECK(t.rows[0].cells[0].value.text == "12.5");
  CHECK(t.rows[0].label == "一般公共服务支出");
}

TEST_CASE("report json: an error after strings with escapes is at its place") {
  // Escapes count as the characters written: "\u4e00\u4e8c" is 14 columns.
  check_error(base_report(R"( "title": "\u4e00\u4e8c", "colour": "red",)"), 8, 55,
              "$.tables[0].colour", "unknown member \"colour\" in a table");
  // An escaped key is named unescaped, at its opening quote.
  check_error(base_report(R"( "title": "x", "c\u006Flour": "red",)"), 8, 44, "$.tables[0].colour",
              "unknown member \"colour\" in a table");
  check_error(base_report("", R"("b\u0061sic": "1", "\u0062asic": "2")"), 10, 82,
              "$.tables[0].rows[0].cells.basic", "appears twice");
}

TEST_CASE("report json: reports read one after another do not share anything") {
  // The reader reuses its memory from one report to the next.
  const std::string escaped =
      base_report(R"( "title": "\u4e00",)", R"("basic": {"value": "\u0031", "page": 2})");
  const auto first = fisc::read_report_json(escaped, "a.json");
  if (!first) FAIL(describe(first.error()));
  check_error(base_report(R"( "colour": "red",)"), 8, 30, "$.tables[0].colour",
              "unknown member \"colour\" in a table");
  const auto second = fisc::read_report_json(base_report(), "b.json");
  if (!second) FAIL(describe(second.error()));
  CHECK(first->file == "a.json");
  CHECK(first->tables.at(0).title == "一");
  CHECK(first->tables.at(0).rows.at(0).cells.at(0).value.text == "1");
  CHECK(second->file == "b.json");
  CHECK(second->tables.at(0).title.empty());
  CHECK(second->tables.at(0).rows.at(0).cells.at(0).value.text == "12.50");
  CHECK(fisc::write_report_json(*second) ==
        fisc::write_report_json(*fisc::read_report_json(base_report(), "c.json")));
}

TEST_CASE("report json: numbers beyond a double's precision are exact") {
  const auto r =
      fisc::read_report_json(base_report("", R"("basic": 123456789012345.678)"), "t.json");
  if (!r) FAIL(describe(r.error()));
  const Stated& s = r->tables[0].rows[0].cells[0].value;
  CHECK(s.text == "123456789012345.678");
  CHECK(s.value.coefficient() == 123456789012345678);
}

TEST_CASE("report json: a byte order mark is skipped") {
  const auto r = fisc::read_report_json("\xEF\xBB\xBF" + base_report(), "t.json");
  CHECK(r.has_value());
}

TEST_CASE("report json: broken JSON names the line and column of the syntax error") {
  // The path is that of the innermost object or array open at the error.
  check_error("{\"fisc_report\": 1,\n  \"kind\": \"final_accounts\"\n  \"year\": 2020}", 3, 3, "$",
              "unexpected '\"'");
  check_error(R"({"fisc_report": 1, "kind": [1, 2)", 1, 33, "$.kind", "ends before");
  check_error("{\"fisc_report\": 1} x", 1, 20, "", "after the end of the JSON value");
  check_error("{\"a\": \"line\nbreak\"}", 1, 12, "$", "control character U+000A");
  check_error(R"({"tables": [{}, {"rows": [{"code" "201"}]}]})", 1, 35, "$.tables[1].rows[0]",
              "unexpected '\"'");
}

TEST_CASE("report json: an empty file, a top-level array and a wrong version") {
  const LoadError empty = error_of("");
  CHECK(empty.line == 0);
  CHECK(empty.message.find("empty") != std::string::npos);
  check_error("  \n ", 1, 1, "", "empty");
  check_error("\n [1, 2]", 2, 2, "$", "expected a fisc report (a JSON object), found an array");
  check_error(R"({"kind": "budget"})", 1, 1, "$", "missing required member \"fisc_report\"");
  check_error(R"({"fisc_report": 2})", 1, 17, "$.fisc_report", "unsupported format version 2");
  check_error(R"({"fisc_report": "1"})", 1, 17, "$.fisc_report", "found a string");
}

TEST_CASE("report json: wrong types name the path and what was expected") {
  std::string text = base_report();
  text.replace(text.find("2020"), 4, "\"2020\"");
  check_error(text, 4, 11, "$.year",
              "expected a year (an integer from 1900 to 9999), found a string");
  text = base_report();
  text.replace(text.find("2020"), 4, "2020.0");
  check_error(text, 4, 11, "$.year", "found the number 2020.0");
  check_error(base_report(R"( "title": 7,)"), 8, 39, "$.tables[0].title",
              "expected a title (a string), found a number");
  check_error(base_report("", R"("basic": true)"), 10, 72, "$.tables[0].rows[0].cells.basic",
              "expected a figure");
  text = base_report();
  text.replace(text.find(R"([{"key": "basic")"), 50, "{}");
  check_error(text, 9, 18, "$.tables[0].columns",
              "expected the columns (an array), found an object");
}

TEST_CASE("report json: an unknown member is an error at its key") {
  check_error(base_report(R"( "colour": "red",)"), 8, 30, "$.tables[0].colour",
              "unknown member \"colour\" in a table");
  check_error(base_report(R"( "title": "a", "title": "b",)"), 8, 44, "$.tables[0].title",
              "appears twice");
}

TEST_CASE("report json: an unknown concept is an error with a suggestion") {
  std::string text = base_report();
  text.replace(text.find("\"expenditure.basic\""), 19, "\"expenditure.basics\"");
  check_error(text, 9, 47, "$.tables[0].columns[0].concept",
              R"(unknown concept "expenditure.basics" (did you mean "expenditure.basic"?))");
}

TEST_CASE("report json: unknown table roles, units, scenarios and readings") {
  std::string text = base_report();
  text.replace(text.find("\"expenditure\","), 14, "\"spending\",");
  check_error(text, 8, 15, "$.tables[0].role", "unknown table role \"spending\"");
  check_error(base_report(R"( "unit": "dollar",)"), 8, 38, "$.tables[0].unit",
              "unknown unit \"dollar\"");
  check_error(base_report(R"( "scenario": "forecast",)"), 8, 42, "$.tables[0].scenario",
              "unknown scenario");
  check_error(base_report("", R"("basic": {"value": "1", "reading": "guess"})"), 10, 98,
              "$.tables[0].rows[0].cells.basic.reading", "unknown reading");
}

TEST_CASE("report json: a bad code names the code") {
  std::string text = base_report();
  text.replace(text.find("\"201\""), 5, "\"20132x\"");
  check_error(text, 10, 25, "$.tables[0].rows[0].code",
              "\"20132x\" is not a function classification code");
  text = base_report(R"( "dims": {"function": "2013"},)");
  check_error(text, 8, 51, "$.tables[0].dims.function", "3, 5 or 7 digits");
}

TEST_CASE("report json: a bad amount names the character inside the string") {
  // "95O.84": the string starts at column 72, so its third character, the O, is at column 75.
  check_error(base_report("", R"("basic": "95O.84")"), 10, 75, "$.tables[0].rows[0].cells.basic",
              "\"95O.84\" is not a figure: unexpected character 'O' at column 3");
  // After an escape the column still points at the character: \u0039 is one character, 9.
  check_error(base_report("", R"("basic": "\u00395x")"), 10, 80, "$.tables[0].rows[0].cells.basic",
              "not a figure");
}

TEST_CASE("report json: a figure's unit that contradicts its context") {
  check_error(base_report("", R"("basic": "950.84元")"), 10, 72, "$.tables[0].rows[0].cells.basic",
              "is written in 元 (yuan), but its context is 万元 (wan)");
  check_error(base_report("", R"("basic": {"value": "96%", "unit": "wan"})"), 10, 82,
              "$.tables[0].rows[0].cells.basic.value", "its \"unit\" is 万元 (wan)");
  // The figure's own unit agreeing with an explicit one is fine.
  CHECK(fisc::read_report_json(base_report("", R"("basic": {"value": "3元", "unit": "yuan"})"),
                               "t.json")
            .has_value());
}

TEST_CASE("report json: cells that cannot be facts") {
  check_error(base_report("", R"("basic": "1", "project": "2")"), 10, 77,
              "$.tables[0].rows[0].cells.project",
              R"(the table has no column "project" (its columns: "basic"))");
  std::string text = base_report();
  text.replace(text.find(R"(, "concept": "expenditure.basic")"), 32, "");
  check_error(text, 10, 63, "$.tables[0].rows[0].cells.basic", "names a concept");
  text = base_report();
  text.replace(text.find(R"({"key": "basic", "concept": "expenditure.basic"})"), 48,
               R"({"key": "a"}, {"key": "a"})");
  check_error(text, 9, 41, "$.tables[0].columns[1].key", "duplicate column key \"a\"");
}

TEST_CASE("report json: statements need a place, shares a base, changes a prior year") {
  const std::string head =
      R"({"fisc_report": 1, "kind": "budget", "year": 2021, "department": {"name": "x"},
"statements": [)";
  check_error(head + R"({"concept": "income.total", "value": "1", "source": {"page": 3}}]})", 2, 68,
              "$.statements[0].source", R"(must name a "section", a "cell" or a "span")");
  check_error(
      head +
          R"({"concept": "income.total", "measure": "share", "value": "1%", "source": {"section": "一"}}]})",
      2, 16, "$.statements[0]", "missing required member \"base\"");
  check_error(
      head +
          R"({"concept": "income.total", "measure": "change", "value": "1", "source": {"section": "一"}}]})",
      2, 16, "$.statements[0]", "missing required member \"prior_year\"");
  check_error(
      head +
          R"({"concept": "income.total", "prior_year": 2020, "value": "1", "source": {"section": "一"}}]})",
      2, 58, "$.statements[0].prior_year", "only for the measures change");
  check_error(head + R"({"concept": "income.total", "value": "1"}]})", 2, 16, "$.statements[0]",
              "missing required member \"source\"");
}

TEST_CASE("report json: a figure written in another unit than its context says why the context") {
  // Each reason for the unit a figure is read in, as the message puts it.
  const std::string head =
      R"({"fisc_report": 1, "kind": "budget", "year": 2021, "department": {"name": "x"},
"statements": [)";
  const std::string tail = R"(, "source": {"section": "一"}}]})";
  const auto message_of = [&](std::string_view statement) {
    return error_of(head + std::string(statement) + tail).message;
  };
  CHECK(message_of(R"({"concept": "income.total", "value": "5%")")
            .find("its context is 万元 (wan) (the report's unit, by default 万元)") !=
        std::string::npos);
  CHECK(
      message_of(
          R"({"concept": "income.total", "measure": "share", "base": {"concept": "income.grand_total"}, "value": "5万元")")
          .find("(a share is a percentage)") != std::string::npos);
  CHECK(
      message_of(
          R"({"concept": "income.total", "measure": "change_rate", "prior_year": 2020, "value": "5万元")")
          .find("(a change rate is a percentage)") != std::string::npos);
  CHECK(message_of(R"({"concept": "income.total", "measure": "completion_rate", "value": "5万元")")
            .find("(a completion rate is a percentage)") != std::string::npos);
  CHECK(message_of(R"({"concept": "staffing.establishment", "value": "5万元")")
            .find("its context is a plain number (none) (staffing.establishment is a count)") !=
        std::string::npos);
  // A table's own unit is the context of its cells.
  CHECK(error_of(base_report(R"( "unit": "yuan",)", R"("basic": "5%")"))
            .message.find("its context is 元 (yuan) (the table's unit)") != std::string::npos);
}

TEST_CASE("report json: invalid UTF-8 is an error at its byte") {
  std::string text = base_report();
  text.replace(text.find("某局"), 3, "\xE6\x9F");  // a cut-off character
  check_error(text, 5, 27, "$.department", "invalid UTF-8");
  check_error("{\"a\": [\"x\", \"\xFF\"]}", 1, 14, "$.a", "invalid UTF-8 (byte 0xFF)");
}

TEST_CASE("report json: describe(LoadError) is file:line:column: path: message") {
  CHECK(describe(LoadError{"a.json", 3, 7, "$.year", "bad"}) == "a.json:3:7: $.year: bad");
  CHECK(describe(LoadError{"a.json", 0, 0, "", "no such file"}) == "a.json: no such file");
  CHECK(describe(LoadError{"", 2, 0, "", "x"}) == "<input>:2: x");
  CHECK(fisc::position_of("ab\ncd", 4) == fisc::TextPosition{2, 2});
  CHECK(fisc::position_of("科目x", 6) == fisc::TextPosition{1, 3});
}

TEST_CASE("report json: files that cannot be read, or are too large, are refused by name") {
  const auto dir = std::filesystem::temp_directory_path() / "fisc_io_report_json_test";
  std::filesystem::create_directories(dir);
  const auto missing = fisc::load_report_json(dir / "missing.report.json");
  REQUIRE_FALSE(missing.has_value());
  CHECK(missing.error().file == (dir / "missing.report.json").string());
  CHECK(missing.error().line == 0);
  CHECK(missing.error().message.find("cannot read the report file") != std::string::npos);

  const auto directory = fisc::load_report_json(dir);
  REQUIRE_FALSE(directory.has_value());
  CHECK(directory.error().message.find("directory") != std::string::npos);

  const auto path = dir / "small.report.json";
  {
    std::ofstream out(path, std::ios::binary);
    out << base_report();
  }
  const auto too_large = fisc::load_report_json(path, 100);
  REQUIRE_FALSE(too_large.has_value());
  CHECK(too_large.error().file == path.string());
  CHECK(too_large.error().message.find("at most 100 bytes") != std::string::npos);
  CHECK(fisc::max_report_file_bytes == 256U * 1024U * 1024U);

  const auto ok = fisc::load_report_json(path);
  if (!ok) FAIL(describe(ok.error()));
  CHECK(ok->file == path.string());
  // A report exactly at the limit is read whole.
  const auto size = std::filesystem::file_size(path);
  const auto at_limit = fisc::load_report_json(path, size);
  if (!at_limit) FAIL(describe(at_limit.error()));
  CHECK(fisc::load_report_json(path, size - 1).error().message.find("has not read it") !=
        std::string::npos);

  // A file whose size stat does not know (Linux's /proc says 0) is read to its end in blocks, and
  // refused as soon as it passes the limit.
  const std::filesystem::path unsized = "/proc/self/status";
  if (std::filesystem::exists(unsized)) {
    const auto past_limit = fisc::load_report_json(unsized, 10);
    REQUIRE_FALSE(past_limit.has_value());
    CHECK(past_limit.error().message.find("larger than 10 bytes") != std::string::npos);
    // Within the limit it is read, and then is not JSON: the error is the parser's, at its
    // first character.
    const auto read = fisc::load_report_json(unsized);
    REQUIRE_FALSE(read.has_value());
    CHECK(read.error().message.find("larger") == std::string::npos);
    CHECK(read.error().line == 1);
  }

  const auto saved = dir / "saved.report.json";
  REQUIRE(fisc::save_report_json(rich_report(), saved).has_value());
  auto loaded = fisc::load_report_json(saved);
  if (!loaded) FAIL(describe(loaded.error()));
  loaded->file = "rich.report.json";
  CHECK(*loaded == rich_report());
  const auto unwritable = fisc::save_report_json(rich_report(), dir / "no" / "such" / "x.json");
  REQUIRE_FALSE(unwritable.has_value());
  CHECK(unwritable.error().message.find("cannot open") != std::string::npos);
  std::filesystem::remove_all(dir);
}

TEST_CASE("report json: claims are read, written back, and checked for their members") {
  const std::string head =
      R"({"fisc_report": 1, "kind": "final_accounts", "year": 2020, "department": {"name": "x"},
"claims": [)";
  const auto report = fisc::read_report_json(
      head +
          R"({"concept": "expenditure.fiscal", "prior_year": 2019, "dims": {"fund": "government_fund"},
 "claim": "increased", "text": "增加", "source": {"span": {"line": 122, "column": 39, "length": 2}}},
{"concept": "income.total", "year": 2019, "scenario": "budget", "claim": "differs_from_budget",
 "source": {"section": "二"}}]})",
      "t.json");
  REQUIRE(report.has_value());
  REQUIRE(report->claims.size() == 2);
  const fisc::Claim& c = report->claims[0];
  CHECK(c.key.concept_id == "expenditure.fiscal");
  CHECK(c.key.year == 2020);
  CHECK(c.key.prior_year == 2019);
  CHECK(c.key.dims.get("fund") == "government_fund");
  CHECK(c.kind == fisc::ClaimKind::increased);
  CHECK(c.text == "增加");
  CHECK(c.source.span->column == 39);
  CHECK(report->claims[1].key.year == 2019);
  CHECK(report->claims[1].key.scenario == Scenario::budget);
  CHECK(report->claims[1].kind == fisc::ClaimKind::differs_from_budget);
  CHECK(report->claims[1].text.empty());
  const std::string written = fisc::write_report_json(*report);
  CHECK(written.find(R"("claim": "increased")") != std::string::npos);
  const auto again = fisc::read_report_json(written, "t.json");
  REQUIRE(again.has_value());
  CHECK(again->claims == report->claims);

  check_error(head + R"({"concept": "income.total", "claim": "grew", "source": {}}]})", 2, 49,
              "$.claims[0].claim", "unchanged");
  check_error(head + R"({"concept": "income.total", "claim": "unchanged", "source": {}}]})", 2, 12,
              "$.claims[0]", "missing required member \"prior_year\"");
  check_error(
      head +
          R"({"concept": "income.total", "prior_year": 2019, "claim": "equals_budget", "source": {}}]})",
      2, 54, "$.claims[0].prior_year", "only for the claims");
  check_error(head + R"({"concept": "income.total", "prior_year": 2019, "source": {}}]})", 2, 12,
              "$.claims[0]", "missing required member \"claim\"");
  check_error(head + R"({"concept": "income.total", "claim": "equals_budget", "value": "1",
"source": {}}]})",
              2, 66, "$.claims[0].value", "unknown member");
}

TEST_CASE("report json: the contents (目录) round-trip, each with its role, title and place") {
  const std::string json =
      R"({"fisc_report": 1, "kind": "final_accounts", "year": 2024, "department": {"name": "某局"},
          "contents": [{"role": "expenditure", "title": "三、支出决算表", "source": {"page": 2}},
                       {"role": "three_public"}]})";
  auto r = fisc::read_report_json(json, "c.json");
  REQUIRE(r.has_value());
  REQUIRE(r->contents.size() == 2);
  CHECK(r->contents[0].role == fisc::TableRole::expenditure);
  CHECK(r->contents[0].title == "三、支出决算表");
  CHECK(r->contents[0].source.page == 2);
  CHECK(r->contents[1].role == fisc::TableRole::three_public);
  auto back = fisc::read_report_json(fisc::write_report_json(*r), "c.json");
  REQUIRE(back.has_value());
  CHECK(back->contents == r->contents);
  const auto bad = fisc::read_report_json(
      R"({"fisc_report": 1, "kind": "budget", "year": 2024, "department": {"name": "某局"},
          "contents": [{"role": "no such table"}]})",
      "c.json");
  REQUIRE_FALSE(bad.has_value());
  CHECK(bad.error().path == "$.contents[0].role");
}

TEST_CASE(
    "report json: mentions round-trip with what each kind names; what a kind lacks is refused") {
  const std::string head =
      R"({"fisc_report": 1, "kind": "final_accounts", "year": 2024, "department": {"name": "财政局"},
"mentions": [)";
  const std::string json = head + R"(
    {"kind": "self_name", "text": "2023年度部门决算情况说明", "year": 2023, "names": "final_accounts",
     "source": {"page": 18, "span": {"line": 1, "column": 15, "length": 14}}},
    {"kind": "self_name", "text": "2024年部门预算表", "year": 2024},
    {"kind": "as_of", "text": "截至2023年12月31日", "year": 2023, "month": 12, "day": 31},
    {"kind": "placeholder", "text": "XX", "context": "上海市普陀区XX局", "source": {"page": 7}}]})";
  const auto r = fisc::read_report_json(json, "t.json");
  REQUIRE(r.has_value());
  REQUIRE(r->mentions.size() == 4);
  CHECK(r->mentions[0].kind == fisc::MentionKind::self_name);
  CHECK(r->mentions[0].year == 2023);
  CHECK(r->mentions[0].names == fisc::ReportKind::final_accounts);
  CHECK(r->mentions[0].source.page == 18);
  CHECK_FALSE(r->mentions[1].names.has_value());
  CHECK(r->mentions[2].kind == fisc::MentionKind::as_of);
  CHECK(r->mentions[2].month == 12);
  CHECK(r->mentions[2].day == 31);
  CHECK(r->mentions[3].kind == fisc::MentionKind::placeholder);
  CHECK(r->mentions[3].context == "上海市普陀区XX局");
  CHECK(r->mentions[3].year == 0);
  const std::string written = fisc::write_report_json(*r);
  CHECK(written.find(R"("kind": "as_of")") != std::string::npos);
  const auto back = fisc::read_report_json(written, "t.json");
  REQUIRE(back.has_value());
  CHECK(back->mentions == r->mentions);

  check_error(head + R"({"kind": "title", "text": "x", "year": 2024}]})", 2, 23,
              "$.mentions[0].kind", "self_name");
  check_error(head + R"({"kind": "self_name", "year": 2024}]})", 2, 14, "$.mentions[0]",
              "missing required member \"text\"");
  check_error(head + R"({"kind": "self_name", "text": "x"}]})", 2, 14, "$.mentions[0]",
              "missing required member \"year\"");
  check_error(head + R"({"kind": "placeholder", "text": "XX", "year": 2024}]})", 2, 60,
              "$.mentions[0].year", "only for self_name and as_of");
  check_error(head + R"({"kind": "as_of", "text": "x", "year": 2024, "month": 12}]})", 2, 14,
              "$.mentions[0]", "missing required member \"day\"");
  check_error(head + R"({"kind": "as_of", "text": "x", "year": 2024, "month": 13, "day": 1}]})", 2,
              68, "$.mentions[0].month", "from 1 to 12");
  check_error(head + R"({"kind": "as_of", "text": "x", "year": 2024, "month": 1, "day": 32}]})", 2,
              78, "$.mentions[0].day", "from 1 to 31");
  check_error(head + R"({"kind": "as_of", "text": "x", "year": 2024, "names": "budget",
"month": 1, "day": 3}]})",
              2, 68, "$.mentions[0].names", "only for self_name");
  check_error(head + R"({"kind": "self_name", "text": "x", "year": 2024, "context": "y"}]})", 2, 74,
              "$.mentions[0].context", "only for placeholder");
  check_error(head + R"({"kind": "self_name", "text": "x", "year": 2024, "month": 1}]})", 2, 72,
              "$.mentions[0].month", "only for as_of");
  check_error(head + R"({"kind": "self_name", "text": "x", "year": 2024, "page": 1}]})", 2, 63,
              "$.mentions[0].page", "unknown member");
}

TEST_CASE("mention kinds have stable names") {
  for (auto k :
       {fisc::MentionKind::self_name, fisc::MentionKind::as_of, fisc::MentionKind::placeholder}) {
    CHECK(fisc::mention_kind_from_string(fisc::to_string(k)) == k);
  }
  CHECK_FALSE(fisc::mention_kind_from_string("title").has_value());
}

TEST_CASE("claim kinds have stable names") {
  for (auto k : {fisc::ClaimKind::unchanged, fisc::ClaimKind::increased, fisc::ClaimKind::decreased,
                 fisc::ClaimKind::differs_from_budget, fisc::ClaimKind::equals_budget,
                 fisc::ClaimKind::above_budget, fisc::ClaimKind::below_budget}) {
    CHECK(fisc::claim_kind_from_string(fisc::to_string(k)) == k);
  }
  CHECK_FALSE(fisc::claim_kind_from_string("same").has_value());
}

namespace {

Source place(std::uint32_t line, std::uint32_t column, std::uint32_t length) {
  Source s;
  s.file = "seed.txt";
  s.section = "其他重要事项说明（四）2";
  s.span = TextSpan{line, column, length};
  return s;
}

fisc::PlacedFigure placed(std::string_view text, Unit unit, std::uint32_t line,
                          Reading reading = Reading::rounded, std::int8_t assumed = -1) {
  return {fig(text, unit, reading, assumed),
          place(line, 2, static_cast<std::uint32_t>(text.size()))};
}

fisc::PlacedText placed_text(std::string text, std::uint32_t line) {
  return {std::move(text), place(line, 2, 4)};
}

// A report with two project tables and a self-evaluation, every member of the performance part
// set somewhere.
Report performance_report() {
  Report r;
  r.kind = fisc::ReportKind::final_accounts;
  r.year = 2020;
  r.department = {"中共米易县委组织部", ""};

  fisc::ProjectPerformance a;
  a.name = "物业管理";
  a.unit = "中共米易县委组织部";
  a.budget.total = placed("12.42", Unit::wan, 166);
  a.budget.fiscal = placed("12.42", Unit::wan, 172);
  a.budget.other = placed("0", Unit::wan, 178, Reading::rounded, 2);
  a.executed.total = placed("12.42", Unit::wan, 168);
  a.executed.fiscal = placed("12.42", Unit::wan, 174);
  a.execution_rate = placed("100%", Unit::percent, 175);
  a.goal_expected = placed_text("确保正常办公", 187);
  a.goal_achieved = placed_text("确保正常办公", 188);
  fisc::Indicator area;
  area.level1 = "项目完成指标";
  area.level2 = "数量指标";
  area.level3 = "办公区及公共区域面积";
  area.target = placed_text("办公区及公共区域 2421.1平方米", 201);
  area.actual = placed_text("办公区及公共区域 2421.1平方米", 202);
  area.weight = placed("20", Unit::none, 203);
  area.score = placed("19.5", Unit::none, 204);
  fisc::Indicator satisfaction;
  satisfaction.level2 = "满意度指标";
  satisfaction.target = placed_text("96%以上", 229);
  a.indicators = {area, satisfaction};
  a.score = placed("95", Unit::none, 230);
  a.grade = placed_text("优", 231);
  a.source = place(156, 1, 13);

  fisc::ProjectPerformance b;
  b.name = "全县干部人才培训";
  b.year = 2019;
  b.amount_unit = Unit::yuan;
  b.budget.total = placed("1,805,600.00", Unit::yuan, 243, Reading::exact);
  b.executed.other = placed("3.5", Unit::yuan, 245, Reading::truncated);

  fisc::SelfEvaluation e;
  e.title = "2020年米易县委组织部预算整体绩效评价报告";
  e.parts = {
      fisc::ScorePart{"预算管理", placed("48", Unit::none, 745), placed("50", Unit::none, 746)},
      fisc::ScorePart{"专项预算管理", placed("18", Unit::none, 745), std::nullopt}};
  e.total = placed("96", Unit::none, 745);
  e.grade = placed_text("优秀", 745);
  fisc::ProjectPerformance listed;
  listed.name = "物业管理经费";
  listed.amount_unit = Unit::yuan;
  listed.budget.total = placed("124154.00", Unit::yuan, 692, Reading::exact);
  listed.goal_expected = placed_text("保障日常工作顺利运转", 693);
  fisc::Indicator cost;
  cost.level2 = "成本指标";
  cost.target = placed_text("124154.00", 697);
  listed.indicators = {cost};
  listed.source = place(691, 2, 6);
  e.projects = {listed};
  e.source = place(575, 1, 19);

  r.performance.projects = {a, b};
  r.performance.evaluation = e;
  return r;
}

// The column (in code points) of the first `needle` on line 2 of `json`.
std::uint32_t column_of(std::string_view json, std::string_view needle) {
  const std::size_t line2 = json.find('\n') + 1;
  const std::size_t at = json.find(needle, line2);
  REQUIRE(at != std::string_view::npos);
  std::uint32_t column = 1;
  for (std::size_t i = line2; i < at; ++i) {
    if ((static_cast<unsigned char>(json[i]) & 0xC0U) != 0x80U) ++column;
  }
  return column;
}

// A report whose line 2 is `"performance": <performance>`; the error is expected at `needle`.
void check_performance_error(std::string_view performance, std::string_view needle,
                             std::string_view path, std::string_view message_part) {
  const std::string json =
      R"({"fisc_report": 1, "kind": "final_accounts", "year": 2020, "department": {"name": "x"},)"
      "\n\"performance\": " +
      std::string(performance) + "}\n";
  check_error(json, 2, column_of(json, needle), path, message_part);
}

}  // namespace

TEST_CASE("report json: the performance part survives write, read and write again") {
  const Report original = performance_report();
  const std::string text = fisc::write_report_json(original);
  CAPTURE(text);
  const auto back = fisc::read_report_json(text, "perf.report.json");
  if (!back) FAIL(describe(back.error()));
  Report expected = original;
  expected.file = "perf.report.json";
  CHECK(back->performance == expected.performance);
  CHECK(*back == expected);
  CHECK(fisc::write_report_json(*back) == text);
  // Members holding what the reader assumes are left out; the rest is written.
  CHECK(text.find(R"("amount_unit": "wan")") == std::string::npos);
  CHECK(text.find(R"("amount_unit": "yuan")") != std::string::npos);
  CHECK(text.find(R"("reading": "exact")") != std::string::npos);
  CHECK(text.find(R"("assumed_decimals": 2)") != std::string::npos);
  CHECK(text.find(R"("year": 2019)") != std::string::npos);
  CHECK(text.find(R"("unit": "percent")") == std::string::npos);
  // A report without performance writes no member for it.
  Report none = original;
  none.performance = {};
  CHECK(fisc::write_report_json(none).find("performance") == std::string::npos);
}

TEST_CASE("report json: the performance part as read: units from the context, texts as written") {
  const std::string json =
      R"({"fisc_report": 1, "kind": "final_accounts", "year": 2020, "department": {"name": "x"},
"performance": {"projects": [{"name": "物业管理", "amount_unit": "yuan",
  "budget": {"total": {"value": "124,154.00", "reading": "exact", "source": {"section": "表"}}},
  "executed": {"fiscal": {"value": 12.40, "assumed_decimals": 2, "source": {}}},
  "execution_rate": {"value": "100％", "source": {}},
  "goal": {"achieved": {"text": "确保正常办公", "source": {"span": {"line": 188, "column": 2}}}},
  "indicators": [{"level2": "数量指标", "target": {"text": "2421.1平方米", "source": {}},
                  "score": {"value": "9.5", "source": {}}}],
  "score": {"value": "96", "source": {}}}],
 "evaluation": {"parts": [{"name": "预算管理", "score": {"value": "48", "source": {}}}]}}})";
  const auto r = fisc::read_report_json(json, "t.json");
  if (!r) FAIL(describe(r.error()));
  REQUIRE(r->performance.projects.size() == 1);
  const fisc::ProjectPerformance& p = r->performance.projects[0];
  CHECK(p.name == "物业管理");
  CHECK(p.year == 0);
  CHECK(p.amount_unit == Unit::yuan);
  REQUIRE(p.budget.total.has_value());
  CHECK(p.budget.total->value.unit == Unit::yuan);
  CHECK(p.budget.total->value.reading == Reading::exact);
  CHECK(p.budget.total->value.text == "124,154.00");
  CHECK(p.budget.total->source.section == "表");
  CHECK_FALSE(p.budget.fiscal.has_value());
  REQUIRE(p.executed.fiscal.has_value());
  CHECK(p.executed.fiscal->value.text == "12.40");
  CHECK(p.executed.fiscal->value.assumed_decimals == 2);
  REQUIRE(p.execution_rate.has_value());
  CHECK(p.execution_rate->value.unit == Unit::percent);
  CHECK_FALSE(p.goal_expected.has_value());
  REQUIRE(p.goal_achieved.has_value());
  CHECK(p.goal_achieved->text == "确保正常办公");
  CHECK(p.goal_achieved->source.span == TextSpan{188, 2, 0});
  REQUIRE(p.indicators.size() == 1);
  CHECK(p.indicators[0].level1.empty());
  CHECK(p.indicators[0].target.text == "2421.1平方米");
  CHECK_FALSE(p.indicators[0].actual.has_value());
  CHECK(p.indicators[0].score->value.unit == Unit::none);
  CHECK(p.score->value.unit == Unit::none);
  REQUIRE(r->performance.evaluation.has_value());
  CHECK(r->performance.evaluation->parts.at(0).name == "预算管理");
  CHECK(r->performance.evaluation->parts.at(0).score.value.unit == Unit::none);
  CHECK_FALSE(r->performance.evaluation->total.has_value());
  CHECK(r->performance.evaluation->projects.empty());
}

TEST_CASE("report json: errors in the performance part name their path") {
  const std::string fig12 = R"({"value": "12.42", "source": {}})";
  // Unknown members, at every level.
  check_performance_error(R"({"project": []})", R"("project")", "$.performance.project",
                          "unknown member \"project\" in the performance part");
  check_performance_error(R"({"projects": [{"name": "a", "colour": 1}]})", R"("colour")",
                          "$.performance.projects[0].colour",
                          "unknown member \"colour\" in a project");
  check_performance_error(R"({"projects": [{"name": "a", "budget": {"totl": )" + fig12 + "}}]}",
                          R"("totl")", "$.performance.projects[0].budget.totl",
                          "unknown member \"totl\" in project funds");
  check_performance_error(
      R"({"projects": [{"name": "a", "budget": {"total": {"value": "1", "unit": "wan", "source": {}}}}]})",
      R"("unit")", "$.performance.projects[0].budget.total.unit",
      "unknown member \"unit\" in a figure with its place");
  check_performance_error(R"({"projects": [{"name": "a", "goal": {"expect": {}}}]})", R"("expect")",
                          "$.performance.projects[0].goal.expect", "unknown member \"expect\"");
  check_performance_error(
      R"({"projects": [{"name": "a", "indicators": [{"target": {"text": "", "source": {}, "page": 1}}]}]})",
      R"("page")", "$.performance.projects[0].indicators[0].target.page",
      "unknown member \"page\" in a text with its place");
  check_performance_error(R"({"evaluation": {"parts": [{"name": "a", "points": 1}]}})",
                          R"("points")", "$.performance.evaluation.parts[0].points",
                          "unknown member \"points\" in a scored part");
  check_performance_error(R"({"evaluation": {"titel": "a"}})", R"("titel")",
                          "$.performance.evaluation.titel",
                          "unknown member \"titel\" in a self-evaluation");
  // Wrong types.
  check_performance_error("[]", "[]", "$.performance",
                          "expected the performance part (an object), found an array");
  check_performance_error(R"({"projects": {}})", "{}}", "$.performance.projects",
                          "expected the projects (an array)");
  check_performance_error(R"({"projects": [{"name": "a", "budget": {"total": "12.42"}}]})",
                          R"("12.42")", "$.performance.projects[0].budget.total",
                          "expected a figure with its place");
  check_performance_error(R"({"projects": [{"name": "a", "goal": {"expected": "确保"}}]})",
                          R"("确保")", "$.performance.projects[0].goal.expected",
                          "expected a text with its place");
  check_performance_error(R"({"projects": [{"name": "a", "year": "2020"}]})", R"("2020")",
                          "$.performance.projects[0].year", "expected a year");
  check_performance_error(R"({"projects": [{"name": 7}]})", "7}", "$.performance.projects[0].name",
                          "expected the project's name (a string)");
  check_performance_error(
      R"({"projects": [{"name": "a", "indicators": [{"level2": ["数量"], "target": {}}]}]})",
      R"(["数量"])", "$.performance.projects[0].indicators[0].level2", "expected a level 2 name");
  // Missing required members.
  check_performance_error(R"({"projects": [{"unit": "x"}]})", R"({"unit")",
                          "$.performance.projects[0]", "missing required member \"name\"");
  check_performance_error(R"({"projects": [{"name": ""}]})", R"("")",
                          "$.performance.projects[0].name", "the project's name is empty");
  check_performance_error(R"({"projects": [{"name": "a", "indicators": [{"level2": "数量"}]}]})",
                          R"({"level2")", "$.performance.projects[0].indicators[0]",
                          "missing required member \"target\"");
  check_performance_error(
      R"({"projects": [{"name": "a", "executed": {"fiscal": {"value": "1"}}}]})", R"({"value")",
      "$.performance.projects[0].executed.fiscal", "missing required member \"source\"");
  check_performance_error(R"({"evaluation": {"parts": [{"name": "预算管理"}]}})", R"({"name")",
                          "$.performance.evaluation.parts[0]", "missing required member \"score\"");
  // Bad figures: the character inside the string.
  check_performance_error(
      R"({"projects": [{"name": "a", "budget": {"fiscal": {"value": "12.4x", "source": {}}}}]})",
      "x\"", "$.performance.projects[0].budget.fiscal.value",
      "\"12.4x\" is not a figure: unexpected character 'x' at column 5");
  check_performance_error(
      R"({"evaluation": {"projects": [{"name": "a", "budget": {"total": {"value": "12.42元", "source": {}}}}]}})",
      R"("12.42元")", "$.performance.evaluation.projects[0].budget.total.value",
      "is written in 元 (yuan), but its context is 万元 (wan) (the project's amount_unit, by "
      "default 万元)");
  check_performance_error(
      R"({"projects": [{"name": "a", "amount_unit": "yuan", "budget": {"total": {"value": "1万元", "source": {}}}}]})",
      R"("1万元")", "$.performance.projects[0].budget.total.value",
      "its context is 元 (yuan) (the project's amount_unit)");
  check_performance_error(
      R"({"projects": [{"name": "a", "budget": {"total": {"value": "1", "reading": "about", "source": {}}}}]})",
      R"("about")", "$.performance.projects[0].budget.total.reading", "unknown reading \"about\"");
  check_performance_error(
      R"({"projects": [{"name": "a", "budget": {"total": {"value": "1", "assumed_decimals": 19, "source": {}}}}]})",
      "19", "$.performance.projects[0].budget.total.assumed_decimals", "from 0 to 18");
  // Bad units: the amount unit is money; a rate is a percentage; scores and weights are numbers.
  check_performance_error(R"({"projects": [{"name": "a", "amount_unit": "dollar"}]})",
                          R"("dollar")", "$.performance.projects[0].amount_unit",
                          "unknown unit \"dollar\"");
  check_performance_error(R"({"projects": [{"name": "a", "amount_unit": "percent"}]})",
                          R"("percent")", "$.performance.projects[0].amount_unit",
                          "an amount unit is money");
  check_performance_error(
      R"({"projects": [{"name": "a", "execution_rate": {"value": "98.5", "source": {}}}]})",
      R"("98.5")", "$.performance.projects[0].execution_rate.value",
      "\"98.5\" is not a percentage: an execution rate is written with %");
  check_performance_error(
      R"({"projects": [{"name": "a", "execution_rate": {"value": "98.5万元", "source": {}}}]})",
      R"("98.5万元")", "$.performance.projects[0].execution_rate.value",
      "its context is % (percent) (an execution rate is a percentage)");
  check_performance_error(
      R"({"projects": [{"name": "a", "score": {"value": "96%", "source": {}}}]})", R"("96%")",
      "$.performance.projects[0].score.value", "(a score is a plain number)");
  check_performance_error(
      R"({"evaluation": {"parts": [{"name": "a", "score": {"value": "48", "source": {}}, "weight": {"value": "50分", "source": {}}}]}})",
      "分", "$.performance.evaluation.parts[0].weight.value", "is not a figure");
  check_performance_error(R"({"evaluation": {"total": {"value": "9６%", "source": {}}}})",
                          R"("9６%")", "$.performance.evaluation.total.value",
                          "a score is a plain number");
  check_performance_error(R"({"evaluation": {"parts": [{"name": "", "score": {}}]}})", R"("")",
                          "$.performance.evaluation.parts[0].name", "the part's name is empty");
  check_performance_error(R"({"evaluation": {"grade": {"text": 1, "source": {}}}})", "1,",
                          "$.performance.evaluation.grade.text", "expected the text as written");
}

TEST_CASE("report json: the seed report's performance part loads and round-trips") {
  const auto path =
      std::filesystem::path(FISC_SOURCE_DIR) / "examples/seed/miyi-organisation-2020.report.json";
  const auto seed = fisc::load_report_json(path);
  if (!seed) FAIL(describe(seed.error()));
  const fisc::Performance& perf = seed->performance;
  REQUIRE(perf.projects.size() == 5);
  CHECK(perf.projects[0].name == "物业管理");
  CHECK(perf.projects[4].budget.fiscal->value.text == "17.41");
  for (const fisc::ProjectPerformance& p : perf.projects) {
    CHECK(p.indicators.size() == 5);
    CHECK_FALSE(p.budget.other.has_value());
  }
  REQUIRE(perf.evaluation.has_value());
  CHECK(perf.evaluation->parts.size() == 3);
  CHECK(perf.evaluation->total->value.text == "96");
  CHECK_FALSE(perf.evaluation->grade.has_value());
  REQUIRE(perf.evaluation->projects.size() == 5);
  CHECK(perf.evaluation->projects[1].budget.total->value.text == "193998.86");
  CHECK(perf.evaluation->projects[1].budget.total->value.unit == Unit::yuan);
  const auto back = fisc::read_report_json(fisc::write_report_json(*seed), path.string());
  if (!back) FAIL(describe(back.error()));
  CHECK(*back == *seed);
}
