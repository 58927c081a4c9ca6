// SPDX-License-Identifier: BSL-1.0
#include "fisc/accounts/report.hpp"

#include <doctest/doctest.h>

using fisc::Decimal;
using fisc::Report;
using fisc::Stated;
using fisc::Table;

namespace {
Stated wan(std::int64_t hundredths, std::string text) {
  return Stated{Decimal(hundredths, -2), fisc::Unit::wan, fisc::Reading::rounded, std::move(text)};
}

// 支出决算表: rows are function codes, columns are concepts.
Table expenditure_table() {
  Table t;
  t.role = fisc::TableRole::expenditure;
  t.title = "支出决算表";
  t.year = 2020;
  t.source.page = 9;
  t.columns = {{"total", "本年支出合计", "expenditure.total", {}, {}, fisc::Measure::value, {}},
               {"basic", "基本支出", "expenditure.basic", {}, {}, fisc::Measure::value, {}},
               {"prior", "上年决算数", "expenditure.total", {}, 2019, fisc::Measure::value, {}}};
  fisc::TableRow row;
  row.code = "2013201";
  row.label = "行政运行";
  row.cells = {{"total", wan(53427, "534.27"), 0},
               {"basic", wan(53427, "534.27"), 10},
               {"prior", wan(50000, "500.00"), 0}};
  t.rows.push_back(row);
  return t;
}

// 收入支出决算总表: rows are concepts, the column is a scenario.
Table total_table() {
  Table t;
  t.role = fisc::TableRole::income_expenditure_total;
  t.title = "收入支出决算总表";
  t.columns = {{"actual", "决算数", "", fisc::Scenario::actual, {}, fisc::Measure::value, {}}};
  t.dims.set("fund", "all");
  fisc::TableRow row;
  row.label = "一、一般公共预算财政拨款收入";
  row.concept_id = "income.general_budget";
  row.cells = {{"actual", wan(74599, "745.99"), 0}};
  t.rows.push_back(row);
  return t;
}
}  // namespace

TEST_CASE("report kinds") {
  CHECK(fisc::to_string(fisc::ReportKind::budget) == "budget");
  CHECK(fisc::report_kind_from_string("final_accounts") == fisc::ReportKind::final_accounts);
  CHECK_FALSE(fisc::report_kind_from_string("决算").has_value());
}

TEST_CASE("a cell takes its concept from the column and its function code from the row") {
  Report r;
  r.year = 2020;
  r.file = "r.json";
  r.tables = {expenditure_table()};
  const auto basic = fisc::cell_fact(r, 0, 0, 1);
  REQUIRE(basic.has_value());
  CHECK(basic->key.concept_id == "expenditure.basic");
  CHECK(basic->key.year == 2020);
  CHECK(basic->key.dims.get("function") == "2013201");
  CHECK(basic->origin == fisc::Origin::table);
  CHECK(basic->source.file == "r.json");
  CHECK(basic->source.page == 10);
  CHECK(basic->source.cell->column == "基本支出");
  CHECK(basic->source.cell->row == "2013201");
  const auto prior = fisc::cell_fact(r, 0, 0, 2);
  CHECK(prior->key.year == 2019);
  CHECK(prior->source.page == 9);
}

TEST_CASE("a cell takes its concept from the row in a total table") {
  Report r;
  r.year = 2020;
  r.tables = {total_table()};
  const auto f = fisc::cell_fact(r, 0, 0, 0);
  REQUIRE(f.has_value());
  CHECK(f->key.concept_id == "income.general_budget");
  CHECK(f->key.year == 2020);
  CHECK(f->key.dims.get("fund") == "all");
  CHECK(f->source.cell->row == "一、一般公共预算财政拨款收入");
  CHECK(f->source.cell->table == "收入支出决算总表");
}

TEST_CASE("cells that cannot be facts are reported, not dropped") {
  Report r;
  r.year = 2020;
  Table t = expenditure_table();
  t.title.clear();
  t.rows[0].cells.push_back({"nowhere", wan(1, "0.01"), 0});
  t.columns[1].concept_id.clear();
  r.tables = {t};
  const auto collected = fisc::collect_facts(r);
  CHECK(collected.facts.size() == 2);
  REQUIRE(collected.errors.size() == 2);
  CHECK(collected.errors[0].cell == 1);
  CHECK(collected.errors[0].message.find("names a concept") != std::string::npos);
  CHECK(collected.errors[1].cell == 3);
  CHECK(collected.errors[1].message == "the table has no column \"nowhere\"");
  CHECK(collected.facts[0].source.cell->table == "expenditure");
}

TEST_CASE("collect_facts gives table cells, then listings, then statements") {
  Report r;
  r.year = 2020;
  r.file = "seed.json";
  r.tables = {total_table()};
  fisc::Fact listing;
  listing.key.concept_id = "assets.vehicles";
  listing.origin = fisc::Origin::listing;
  fisc::Fact statement;
  statement.key.concept_id = "income.total";
  statement.source.file = "seed.txt";
  r.listings = {listing};
  r.statements = {statement};
  const auto collected = fisc::collect_facts(r);
  REQUIRE(collected.facts.size() == 3);
  CHECK(collected.errors.empty());
  CHECK(collected.facts[1].key.concept_id == "assets.vehicles");
  CHECK(collected.facts[1].source.file == "seed.json");
  CHECK(collected.facts[2].source.file == "seed.txt");
}

TEST_CASE("table roles: ids, titles, families") {
  for (const fisc::TableRoleInfo& i : fisc::table_roles()) {
    CHECK(fisc::table_role_from_string(i.id) == i.role);
    CHECK(&fisc::info(i.role) == &i);
  }
  CHECK(fisc::info(fisc::TableRole::three_public).title == "财政拨款“三公”经费支出决算表");
  CHECK(fisc::info(fisc::TableRole::budget_total).budget);
  CHECK_FALSE(fisc::info(fisc::TableRole::income).budget);
  CHECK(fisc::to_string(fisc::TableRole::general_budget_basic) == "general_budget_basic");
  CHECK_FALSE(fisc::table_role_from_string("十、三公").has_value());
  Table t = expenditure_table();
  CHECK(t.column("basic")->header == "基本支出");
  CHECK(t.column("none") == nullptr);
}

TEST_CASE("a cell of a column without a printed header is placed by the column's key") {
  Report r;
  r.year = 2020;
  Table t = expenditure_table();
  t.columns[1].header.clear();
  r.tables = {t};
  CHECK(fisc::cell_fact(r, 0, 0, 1)->source.cell->column == "basic");
}
