// SPDX-License-Identifier: BSL-1.0
// Every rule of the built-in pack on small reports that pass and fail, with the rounding
// boundaries that are the reason fisc exists (design.md §1.2): a figure is the interval its
// rounding allows, and a relation fails only when no values consistent with the figures satisfy
// it.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "fisc/io/report_json.hpp"
#include "fisc/numbers/decimal.hpp"
#include "fisc/rules/builtin.hpp"
#include "fisc/rules/pack.hpp"
#include "fisc/rules/subject.hpp"

using fisc::Finding;
using fisc::InputFindings;
using fisc::Severity;
using fisc::TolerancePolicy;

namespace {

constexpr std::string_view file_name = "case.report.json";

// Every rule id of the built-in pack that this file tests; `every rule of the pack has tests`
// fails when the pack gains a rule that is not listed here.
const std::set<std::string, std::less<>> tested_rules{
    "sum.total_table.income",
    "sum.total_table.expenditure",
    "sum.total_table.balance",
    "sum.income",
    "sum.income.fiscal",
    "sum.expenditure",
    "sum.basic",
    "sum.fund",
    "sum.function",
    "sum.economic",
    "sum.three_public",
    "sum.three_public.vehicles",
    "sum.three_public.reception",
    "sum.breakdown",
    "sum.performance_score",
    "sum.procurement",
    "implied_budget.three_public",
    "implied_budget.expenditure",
    "share",
    "change",
    "change_rate",
    "completion_rate",
    "rate.zero_base",
    "at_most.staffed",
    "at_most.procurement",
    "at_most.office_running",
    "fact.restated",
    "fact.unit_restated",
    "year.mislabelled",
    "count.enumeration",
    "enumeration.lists_differ",
    "table.missing",
    "text.placeholder",
    "year.self_name",
    "year.as_of",
    "claim.contradicted",
    "claim.unlikely",
    // Tested in tests/rules/perf.test.cpp, on reports built in code.
    "perf.actual_copies_target",
    "perf.no_timeliness",
    "perf.no_cost",
    "perf.satisfaction_range",
    "perf.cost_amount",
    "perf.executed_over_budget",
    "perf.target_not_met",
    "perf.target_unreadable",
    "perf.grade",
    "perf.tables_reported",
    "perf.project_restated",
};

const fisc::Pack& pack() {
  static const fisc::Pack p = fisc::builtin_pack();
  return p;
}

std::size_t code_points(std::string_view s) {
  return static_cast<std::size_t>(std::count_if(
      s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0U) != 0x80U; }));
}

// A fact as the report format writes it, stated at line:column of the text (its figure's span);
// `more` adds members (JSON, each followed by a comma).
std::string fact(std::string_view concept_id, std::string_view value, unsigned line,
                 unsigned column = 1, std::string_view more = "") {
  return std::string(R"({"concept": ")") + std::string(concept_id) + R"(", "value": ")" +
         std::string(value) + R"(", )" + std::string(more) + R"("source": {"span": {"line": )" +
         std::to_string(line) + R"(, "column": )" + std::to_string(column) + R"(, "length": )" +
         std::to_string(code_points(value)) + "}}}";
}

std::string joined(std::initializer_list<std::string> items) {
  std::string out;
  for (const std::string& s : items) {
    if (!out.empty()) out += ", ";
    out += s;
  }
  return out;
}

// A 2020 final accounts report in 万元 with these statements; `more` adds top-level members.
std::string report(std::initializer_list<std::string> statements, std::string_view more = "") {
  std::string out = R"({"fisc_report": 1, "kind": "final_accounts", "year": 2020, )"
                    R"("department": {"name": "测试部门"}, "unit": "wan", "statements": [)" +
                    joined(statements) + "]";
  if (!more.empty()) out += ", " + std::string(more);
  return out + "}";
}

std::string describe_findings(const InputFindings& found) {
  std::string out;
  for (const Finding& f : found.findings) {
    out += f.rule + " [" + std::string(fisc::to_string(f.severity)) + "] " + f.message.zh + " @ " +
           fisc::describe(f.where) + "\n";
  }
  return out;
}

// Runs the rules on the report; passed checks are kept as findings of severity ok.
InputFindings run_rules(const std::string& json, const fisc::Pack& rules,
                        TolerancePolicy policy = TolerancePolicy::intervals()) {
  auto parsed = fisc::read_report_json(json, file_name);
  REQUIRE_MESSAGE(parsed.has_value(), (parsed ? std::string() : fisc::describe(parsed.error())));
  const fisc::Subject subject(*parsed);
  REQUIRE(subject.errors().empty());
  InputFindings all =
      fisc::run(rules, subject, fisc::RunOptions{.policy = policy, .keep_passed = true});
  // As fisc check runs them, without the passed checks: the checks then skip wording what held
  // (emit_bare_pass), and some decide a case that holds by a shorter way. They must find the
  // same failures, word for word, and count the same passes.
  const InputFindings bare =
      fisc::run(rules, subject, fisc::RunOptions{.policy = policy, .keep_passed = false});
  std::vector<Finding> failed;
  for (const Finding& f : all.findings) {
    if (f.severity != Severity::ok) failed.push_back(f);
  }
  CHECK(bare.findings == failed);
  CHECK(bare.passed == all.passed);
  return all;
}

// Runs one rule of the built-in pack alone. (`Pack::only` would not do: a selector also names
// the rules under its id, so "sum.income" selects "sum.income.fiscal" too.)
InputFindings run_rule(std::string_view id, const std::string& json,
                       TolerancePolicy policy = TolerancePolicy::intervals()) {
  const fisc::Rule* rule = pack().find(id);
  REQUIRE_MESSAGE(rule != nullptr, std::string(id));
  fisc::Pack one;
  one.add(*rule);
  return run_rules(json, one, policy);
}

std::vector<const Finding*> failures(const InputFindings& found) {
  std::vector<const Finding*> out;
  for (const Finding& f : found.findings) {
    if (f.severity != Severity::ok) out.push_back(&f);
  }
  return out;
}

std::size_t passed(const InputFindings& found, std::string_view rule) {
  return static_cast<std::size_t>(std::count_if(
      found.findings.begin(), found.findings.end(),
      [&](const Finding& f) { return f.severity == Severity::ok && f.rule == rule; }));
}

// The rule held at least once and nothing failed.
void holds(std::string_view rule, const InputFindings& found) {
  INFO(describe_findings(found));
  CHECK(failures(found).empty());
  CHECK(passed(found, rule) > 0);
}

// The one failed finding of the run (checked to be of `rule` and the rule's severity).
Finding fails(std::string_view rule, const InputFindings& found) {
  INFO(describe_findings(found));
  const auto failed = failures(found);
  REQUIRE(failed.size() == 1);
  const Finding& f = *failed.front();
  CHECK(f.rule == rule);
  CHECK(f.severity == pack().find(rule)->info.severity);
  CHECK(f.policy == "interval");
  return f;
}

Finding fails(std::string_view rule, const InputFindings& found, std::string_view policy) {
  INFO(describe_findings(found));
  const auto failed = failures(found);
  REQUIRE(failed.size() == 1);
  const Finding& f = *failed.front();
  CHECK(f.rule == rule);
  CHECK(f.policy == policy);
  return f;
}

std::vector<std::string> texts(const Finding& f) {
  std::vector<std::string> out;
  for (const auto& figure : f.figures) out.push_back(figure.text);
  return out;
}

// The finding points at line:column of the report's text.
void at_text(const Finding& f, unsigned line, unsigned column) {
  CHECK(f.where.file == file_name);
  REQUIRE(f.where.span.has_value());
  CHECK(f.where.span->line == line);
  CHECK(f.where.span->column == column);
}

std::string expected_text(const Finding& f) {
  REQUIRE(f.expected.has_value());
  return f.expected->text;
}

bool contains(std::string_view haystack, std::string_view needle) {
  return haystack.find(needle) != std::string_view::npos;
}

fisc::Decimal decimal(std::int64_t coefficient, std::int32_t exponent) {
  auto d = fisc::Decimal::make(coefficient, exponent);
  REQUIRE(d.has_value());
  return *d;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// The pack

TEST_CASE("builtin: every rule of the pack has tests here") {
  std::set<std::string, std::less<>> in_pack;
  for (const fisc::Rule& r : pack().rules()) {
    in_pack.insert(r.info.id);
    CHECK_MESSAGE(tested_rules.count(r.info.id) == 1, "no test for rule " << r.info.id);
  }
  for (const std::string& id : tested_rules) {
    CHECK_MESSAGE(in_pack.count(id) == 1, "tested rule " << id << " is not in the pack");
  }
}

// ---------------------------------------------------------------------------------------------
// The total table

TEST_CASE("sum.total_table.income") {
  const auto doc = [](std::string_view opening) {
    return report({fact("income.grand_total", "1000.00", 1), fact("income.total", "900.00", 2),
                   fact("balance.non_fiscal_used", "0.00", 3),
                   fact("balance.opening", opening, 4, 7)});
  };
  holds("sum.total_table.income", run_rule("sum.total_table.income", doc("100.00")));

  const Finding f =
      fails("sum.total_table.income", run_rule("sum.total_table.income", doc("99.00")));
  CHECK(texts(f) == std::vector<std::string>{"1000.00", "900.00", "0.00", "99.00"});
  at_text(f, 1, 1);  // the total's place
  CHECK(expected_text(f) == "999.00");
  CHECK(f.message.zh ==
        "收入总计 = 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余：合计 1000.00万元 不等于 "
        "900.00万元 + 0.00万元 + 99.00万元 = 999.00万元");
}

TEST_CASE("sum.total_table.expenditure") {
  const auto doc = [](std::string_view closing) {
    return report({fact("expenditure.grand_total", "1000.00", 1),
                   fact("expenditure.total", "880.00", 2), fact("balance.distribution", "0.00", 3),
                   fact("balance.closing", closing, 4)});
  };
  holds("sum.total_table.expenditure", run_rule("sum.total_table.expenditure", doc("120.00")));

  const Finding f =
      fails("sum.total_table.expenditure", run_rule("sum.total_table.expenditure", doc("120.10")));
  CHECK(texts(f) == std::vector<std::string>{"1000.00", "880.00", "0.00", "120.10"});
  at_text(f, 1, 1);
  CHECK(expected_text(f) == "1000.10");
}

TEST_CASE("sum.total_table.balance: adjacent figures never stand for the same value") {
  const auto doc = [](std::string_view expenditure) {
    return report({fact("income.grand_total", "1000.00", 1),
                   fact("expenditure.grand_total", expenditure, 2)});
  };
  holds("sum.total_table.balance", run_rule("sum.total_table.balance", doc("1000.00")));
  // 1000.00 is [999.995, 1000.005) and 1000.01 is [1000.005, 1000.015): they only touch.
  const Finding f =
      fails("sum.total_table.balance", run_rule("sum.total_table.balance", doc("1000.01")));
  CHECK(texts(f) == std::vector<std::string>{"1000.00", "1000.01"});
  at_text(f, 1, 1);
  CHECK(expected_text(f) == "1000.01");
  // A less precise figure covers both.
  holds("sum.total_table.balance", run_rule("sum.total_table.balance", doc("1000.0")));
}

// ---------------------------------------------------------------------------------------------
// Income and spending

TEST_CASE("sum.income: with some sources stated, Σ stated ≤ total") {
  const auto doc = [](std::string_view fund) {
    return report({fact("income.total", "950.84", 1), fact("income.general_budget", "745.99", 2),
                   fact("income.government_fund", fund, 3)});
  };
  holds("sum.income", run_rule("sum.income", doc("204.85")));
  // 745.99 + 204.86 = 950.85 may still be ≤ 950.84: [950.84, 950.86) against [950.835, 950.845).
  holds("sum.income", run_rule("sum.income", doc("204.86")));

  const Finding f = fails("sum.income", run_rule("sum.income", doc("204.87")));
  CHECK(texts(f) == std::vector<std::string>{"950.84", "745.99", "204.87"});
  at_text(f, 1, 1);
  CHECK(expected_text(f) == "≥ 950.86");
  CHECK(contains(f.message.zh, "超过合计 950.84万元"));
}

TEST_CASE("sum.income: every source stated, equality") {
  const auto doc = [](std::string_view fund) {
    return report(
        {fact("income.total", "950.84", 1), fact("income.general_budget", "745.99", 2),
         fact("income.government_fund", fund, 3), fact("income.state_capital", "0.00", 4),
         fact("income.superior_grant", "0.00", 5), fact("income.service_revenue", "0.00", 6),
         fact("income.business_revenue", "0.00", 7),
         fact("income.subsidiary_remittance", "0.00", 8), fact("income.other_revenue", "0.00", 9)});
  };
  holds("sum.income", run_rule("sum.income", doc("204.85")));
  const Finding f = fails("sum.income", run_rule("sum.income", doc("204.87")));
  CHECK(texts(f).size() == 9);
  CHECK(expected_text(f) == "950.86");
  CHECK(contains(f.message.zh, "不等于"));
}

TEST_CASE("sum.income.fiscal") {
  const auto doc = [](std::string_view capital) {
    return report({fact("income.fiscal", "950.84", 1), fact("income.general_budget", "745.99", 2),
                   fact("income.government_fund", "204.85", 3),
                   fact("income.state_capital", capital, 4)});
  };
  holds("sum.income.fiscal", run_rule("sum.income.fiscal", doc("0.00")));
  const Finding f = fails("sum.income.fiscal", run_rule("sum.income.fiscal", doc("0.10")));
  CHECK(texts(f) == std::vector<std::string>{"950.84", "745.99", "204.85", "0.10"});
  at_text(f, 1, 1);
  CHECK(expected_text(f) == "950.94");
}

TEST_CASE("sum.expenditure: 534.27 is not 489.86 + 44.43") {
  const auto doc = [](std::string_view total) {
    return report({fact("expenditure.total", total, 1, 9), fact("expenditure.basic", "489.86", 2),
                   fact("expenditure.project", "44.43", 3),
                   fact("expenditure.remittance_to_superior", "0.00", 4),
                   fact("expenditure.business", "0.00", 5),
                   fact("expenditure.grants_to_subsidiaries", "0.00", 6)});
  };
  holds("sum.expenditure", run_rule("sum.expenditure", doc("534.29")));
  const Finding f = fails("sum.expenditure", run_rule("sum.expenditure", doc("534.27")));
  CHECK(texts(f) == std::vector<std::string>{"534.27", "489.86", "44.43", "0.00", "0.00", "0.00"});
  at_text(f, 1, 9);
  CHECK(expected_text(f) == "534.29");
  REQUIRE(f.expected->range.has_value());
  CHECK(f.expected->unit == fisc::Unit::wan);
}

TEST_CASE("sum.basic") {
  const auto doc = [](std::string_view public_expense) {
    return report({fact("expenditure.basic", "3.95", 1),
                   fact("expenditure.basic.personnel", "3.36", 2),
                   fact("expenditure.basic.public_expense", public_expense, 3)});
  };
  holds("sum.basic", run_rule("sum.basic", doc("0.59")));
  const Finding f = fails("sum.basic", run_rule("sum.basic", doc("0.61")));
  CHECK(texts(f) == std::vector<std::string>{"3.95", "3.36", "0.61"});
  at_text(f, 1, 1);
  CHECK(expected_text(f) == "3.97");
  CHECK(f.message.zh ==
        "基本支出 = 人员经费 + 公用经费：合计 3.95万元 不等于 3.36万元 + 0.61万元 = 3.97万元");
  CHECK(f.message.en ==
        "basic = personnel + public expense: the total 3.95 wan yuan is not 3.36 wan yuan + 0.61 "
        "wan yuan = 3.97 wan yuan");
  CHECK(f.figures[0].concept_id == "expenditure.basic");
  CHECK(f.figures[1].concept_id == "expenditure.basic.personnel");
  CHECK_FALSE(f.figures[1].derived);
}

TEST_CASE("sum: a part stated in 元 is compared in the total's 万元") {
  const auto doc = [](std::string_view public_expense) {
    return report({fact("expenditure.basic", "3.95", 1),
                   fact("expenditure.basic.personnel", "33,600.00", 2, 1, R"("unit": "yuan", )"),
                   fact("expenditure.basic.public_expense", public_expense, 3)});
  };
  holds("sum.basic", run_rule("sum.basic", doc("0.59")));
  const Finding f = fails("sum.basic", run_rule("sum.basic", doc("0.61")));
  CHECK(texts(f) == std::vector<std::string>{"3.95", "33,600.00", "0.61"});
  CHECK(f.figures[1].unit == fisc::Unit::yuan);
  CHECK(expected_text(f) == "3.97");
  CHECK(contains(f.message.zh, "33,600.00元 + 0.61万元 = 3.97万元"));
}

TEST_CASE("sum: three parts written to 0.01 may be off by 0.015 in total") {
  const auto doc = [](std::string_view reception) {
    return report(
        {fact("three_public.total", "1.00", 1), fact("three_public.overseas_travel", "0.33", 2),
         fact("three_public.vehicles", "0.33", 3), fact("three_public.reception", reception, 4)});
  };
  // 0.99: [0.975, 1.005) meets [0.995, 1.005).
  holds("sum.three_public", run_rule("sum.three_public", doc("0.33")));
  // 0.98: [0.965, 0.995) ends, open, where 1.00 begins.
  const Finding f = fails("sum.three_public", run_rule("sum.three_public", doc("0.32")));
  CHECK(texts(f) == std::vector<std::string>{"1.00", "0.33", "0.33", "0.32"});
  at_text(f, 1, 1);
  CHECK(expected_text(f) == "0.98");
}

TEST_CASE("sum.procurement: the half-open interval of 3.36 runs from 3.355 to just below 3.365") {
  const auto doc = [](std::string_view services) {
    return report({fact("procurement.total", "3.36", 1), fact("procurement.goods", "1.00", 2),
                   fact("procurement.works", "1.00", 3),
                   fact("procurement.services", services, 4)});
  };
  // Σ 3.34 is [3.325, 3.355): it ends, open, where 3.36 begins.
  Finding f = fails("sum.procurement", run_rule("sum.procurement", doc("1.34")));
  CHECK(texts(f) == std::vector<std::string>{"3.36", "1.00", "1.00", "1.34"});
  at_text(f, 1, 1);
  CHECK(expected_text(f) == "3.34");
  // Σ 3.35, 3.36, 3.37 reach into [3.355, 3.365); Σ 3.37 is [3.355, 3.385), closed below.
  holds("sum.procurement", run_rule("sum.procurement", doc("1.35")));
  holds("sum.procurement", run_rule("sum.procurement", doc("1.36")));
  holds("sum.procurement", run_rule("sum.procurement", doc("1.37")));
  // Σ 3.38 is [3.365, 3.395): it begins where 3.36 ends, open.
  f = fails("sum.procurement", run_rule("sum.procurement", doc("1.38")));
  CHECK(expected_text(f) == "3.38");
}

TEST_CASE("sum: an amount of 0 is never negative") {
  // 0.00 stands for [0, 0.005), not (−0.005, 0.005): 1.00 + 0.00 cannot be 0.99.
  const Finding f =
      fails("sum.basic",
            run_rule("sum.basic", report({fact("expenditure.basic", "0.99", 1),
                                          fact("expenditure.basic.personnel", "1.00", 2),
                                          fact("expenditure.basic.public_expense", "0.00", 3)})));
  CHECK(texts(f) == std::vector<std::string>{"0.99", "1.00", "0.00"});
  CHECK(expected_text(f) == "1.00");
  // A balance may be negative, so a 0.00 balance may be a little below zero.
  holds("sum.total_table.income",
        run_rule("sum.total_table.income",
                 report({fact("income.grand_total", "0.99", 1), fact("income.total", "1.00", 2),
                         fact("balance.non_fiscal_used", "0.00", 3),
                         fact("balance.opening", "0.00", 4)})));
}

TEST_CASE("sum: an operand stated twice holds if one of its values satisfies the identity") {
  const auto doc = [](std::string_view basic) {
    return report({fact("expenditure.basic", basic, 1),
                   fact("expenditure.basic.personnel", "3.36", 2),
                   fact("expenditure.basic.personnel", "3.37", 3),
                   fact("expenditure.basic.public_expense", "0.59", 4)});
  };
  // 3.36 + 0.59 is [3.94, 3.96), not 3.97 = [3.965, 3.975); 3.37 + 0.59 is [3.95, 3.97).
  const InputFindings ok = run_rule("sum.basic", doc("3.97"));
  holds("sum.basic", ok);
  REQUIRE(passed(ok, "sum.basic") == 1);
  CHECK(texts(ok.findings.front()) == std::vector<std::string>{"3.97", "3.37", "0.59"});

  // Neither value fits 3.98: the finding shows the first choice in document order.
  const Finding f = fails("sum.basic", run_rule("sum.basic", doc("3.98")));
  CHECK(texts(f) == std::vector<std::string>{"3.98", "3.36", "0.59"});
  CHECK(expected_text(f) == "3.95");

  // The disagreement itself is fact.restated's, and nothing else fails in the whole pack.
  const InputFindings all = run_rules(doc("3.97"), pack());
  const Finding g = fails("fact.restated", all);
  CHECK(texts(g) == std::vector<std::string>{"3.36", "3.37"});
  at_text(g, 3, 1);
}

TEST_CASE("sum.fund") {
  const auto doc = [](std::string_view capital) {
    return report(
        {fact("expenditure.total", "950.84", 1),
         fact("expenditure.total", "745.99", 2, 1, R"("dims": {"fund": "general_budget"}, )"),
         fact("expenditure.total", "204.85", 3, 1, R"("dims": {"fund": "government_fund"}, )"),
         fact("expenditure.total", capital, 4, 1, R"("dims": {"fund": "state_capital"}, )")});
  };
  holds("sum.fund", run_rule("sum.fund", doc("0.00")));
  const Finding f = fails("sum.fund", run_rule("sum.fund", doc("0.10")));
  CHECK(texts(f) == std::vector<std::string>{"950.84", "745.99", "204.85", "0.10"});
  at_text(f, 1, 1);
  CHECK(expected_text(f) == "950.94");

  // One fund stated: at most the total.
  const auto one = [](std::string_view general) {
    return report(
        {fact("expenditure.basic", "100.00", 1),
         fact("expenditure.basic", general, 2, 1, R"("dims": {"fund": "general_budget"}, )")});
  };
  holds("sum.fund", run_rule("sum.fund", one("90.00")));
  const Finding g = fails("sum.fund", run_rule("sum.fund", one("100.02")));
  CHECK(texts(g) == std::vector<std::string>{"100.00", "100.02"});
  CHECK(expected_text(g) == "≥ 100.02");
}

// ---------------------------------------------------------------------------------------------
// Classification codes

namespace {

std::string function_table(std::string_view item2) {
  return R"("tables": [{"role": "expenditure", "title": "支出决算表", "source": {"page": 3},
    "columns": [{"key": "total", "header": "合计", "concept": "expenditure.total"}],
    "rows": [
      {"label": "合计", "cells": {"total": "100.00"}},
      {"code": "201", "label": "一般公共服务支出", "cells": {"total": "60.00"}},
      {"code": "20101", "label": "人大事务", "cells": {"total": "60.00"}},
      {"code": "2010101", "label": "行政运行", "cells": {"total": "35.00"}},
      {"code": "2010102", "label": "一般行政管理事务", "cells": {"total": ")" +
         std::string(item2) + R"("}},
      {"code": "205", "label": "教育支出", "cells": {"total": "40.00"}},
      {"code": "20501", "label": "教育管理事务", "cells": {"total": "40.00"}}]}])";
}

}  // namespace

TEST_CASE("sum.function: a table's 类/款/项 add up") {
  const InputFindings ok = run_rule("sum.function", report({}, function_table("25.00")));
  holds("sum.function", ok);
  // total = 201 + 205, 201 = 20101, 20101 = 2010101 + 2010102, 205 = 20501.
  CHECK(passed(ok, "sum.function") == 4);

  const Finding f =
      fails("sum.function", run_rule("sum.function", report({}, function_table("25.10"))));
  CHECK(texts(f) == std::vector<std::string>{"60.00", "35.00", "25.10"});
  CHECK(f.where.file == file_name);
  CHECK(f.where.page == 3);
  REQUIRE(f.where.cell.has_value());
  CHECK(*f.where.cell == fisc::TableCell{"支出决算表", "20101", "合计"});
  CHECK_FALSE(f.where.span.has_value());
  CHECK(expected_text(f) == "60.10");
  CHECK(contains(f.message.zh, "科目 20101 = 其下级科目之和"));
  CHECK(f.figures[2].where.cell->row == "2010102");
}

TEST_CASE("sum.function: a text listing some classes only needs Σ ≤ total") {
  const auto doc = [](std::string_view c201, std::string_view c205) {
    return report({fact("expenditure.total", "100.00", 1),
                   fact("expenditure.total", c201, 2, 1, R"("dims": {"function": "201"}, )"),
                   fact("expenditure.total", c205, 3, 1, R"("dims": {"function": "205"}, )")});
  };
  holds("sum.function", run_rule("sum.function", doc("60.00", "30.00")));
  const Finding f = fails("sum.function", run_rule("sum.function", doc("70.00", "40.00")));
  CHECK(texts(f) == std::vector<std::string>{"100.00", "70.00", "40.00"});
  at_text(f, 1, 1);
  CHECK(expected_text(f) == "≥ 110.00");
}

TEST_CASE("sum.economic") {
  const auto doc = [](std::string_view item) {
    return report({}, R"("tables": [{"role": "other", "title": "基本支出决算表",
      "row_code_dimension": "economic",
      "columns": [{"key": "basic", "header": "基本支出", "concept": "expenditure.basic"}],
      "rows": [
        {"label": "合计", "cells": {"basic": "100.00"}},
        {"code": "301", "label": "工资福利支出", "cells": {"basic": "80.00"}},
        {"code": "30101", "label": "基本工资", "cells": {"basic": "50.00"}},
        {"code": "30102", "label": "津贴补贴", "cells": {"basic": ")" +
                          std::string(item) + R"("}},
        {"code": "302", "label": "商品和服务支出", "cells": {"basic": "20.00"}}]}])");
  };
  const InputFindings ok = run_rule("sum.economic", doc("30.00"));
  holds("sum.economic", ok);
  CHECK(passed(ok, "sum.economic") == 2);
  const Finding f = fails("sum.economic", run_rule("sum.economic", doc("30.50")));
  CHECK(texts(f) == std::vector<std::string>{"80.00", "50.00", "30.50"});
  REQUIRE(f.where.cell.has_value());
  CHECK(*f.where.cell == fisc::TableCell{"基本支出决算表", "301", "基本支出"});
  CHECK(expected_text(f) == "80.50");
}

// ---------------------------------------------------------------------------------------------
// 三公经费

TEST_CASE("sum.three_public") {
  const auto doc = [](std::string_view vehicles) {
    return report({fact("three_public.total", "12.50", 1, 4),
                   fact("three_public.overseas_travel", "0.00", 1, 20),
                   fact("three_public.vehicles", vehicles, 1, 36),
                   fact("three_public.reception", "2.50", 1, 52)});
  };
  holds("sum.three_public", run_rule("sum.three_public", doc("10.00")));
  const Finding f = fails("sum.three_public", run_rule("sum.three_public", doc("10.20")));
  CHECK(texts(f) == std::vector<std::string>{"12.50", "0.00", "10.20", "2.50"});
  at_text(f, 1, 4);
  CHECK(expected_text(f) == "12.70");
}

TEST_CASE("sum.three_public.vehicles") {
  const auto doc = [](std::string_view operation) {
    return report({fact("three_public.vehicles", "12.50", 1),
                   fact("three_public.vehicles.purchase", "0.00", 2),
                   fact("three_public.vehicles.operation", operation, 3)});
  };
  holds("sum.three_public.vehicles", run_rule("sum.three_public.vehicles", doc("12.50")));
  const Finding f =
      fails("sum.three_public.vehicles", run_rule("sum.three_public.vehicles", doc("12.60")));
  CHECK(texts(f) == std::vector<std::string>{"12.50", "0.00", "12.60"});
  at_text(f, 1, 1);
  CHECK(expected_text(f) == "12.60");
}

TEST_CASE("sum.three_public.reception: domestic + foreign") {
  const auto doc = [](std::string_view domestic) {
    return report(
        {fact("three_public.reception", "5.00", 1),
         fact("three_public.reception", domestic, 2, 1, R"("dims": {"scope": "domestic"}, )"),
         fact("three_public.reception.foreign", "1.00", 3)});
  };
  holds("sum.three_public.reception", run_rule("sum.three_public.reception", doc("4.00")));
  const Finding f =
      fails("sum.three_public.reception", run_rule("sum.three_public.reception", doc("4.50")));
  CHECK(texts(f) == std::vector<std::string>{"5.00", "4.50", "1.00"});
  at_text(f, 1, 1);
  CHECK(expected_text(f) == "5.50");
}

// ---------------------------------------------------------------------------------------------
// Other breakdowns

TEST_CASE("sum.breakdown: a table's categories add up to its total row") {
  const auto doc = [](std::string_view service) {
    return report({},
                  R"("tables": [{"role": "other", "title": "人员情况表",
      "row_code_dimension": "category",
      "columns": [{"key": "e", "header": "编制数", "concept": "staffing.establishment"},
                  {"key": "s", "header": "实有人数", "concept": "staffing.staffed"}],
      "rows": [
        {"label": "合计", "cells": {"e": {"value": "10", "reading": "exact"},
                                  "s": {"value": "9", "reading": "exact"}}},
        {"code": "administrative", "label": "行政编制",
         "cells": {"e": {"value": "6", "reading": "exact"}, "s": {"value": "5", "reading": "exact"}}},
        {"code": "service", "label": "事业编制",
         "cells": {"e": {"value": ")" +
                      std::string(service) +
                      R"(", "reading": "exact"}, "s": {"value": "4", "reading": "exact"}}}]}])");
  };
  const InputFindings ok = run_rule("sum.breakdown", doc("4"));
  holds("sum.breakdown", ok);
  CHECK(passed(ok, "sum.breakdown") == 2);

  const Finding f = fails("sum.breakdown", run_rule("sum.breakdown", doc("5")));
  CHECK(texts(f) == std::vector<std::string>{"10", "6", "5"});
  REQUIRE(f.where.cell.has_value());
  CHECK(*f.where.cell == fisc::TableCell{"人员情况表", "合计", "编制数"});
  CHECK(expected_text(f) == "11");
}

TEST_CASE("sum.breakdown: a text's 其中 is at most the total") {
  const auto doc = [](std::string_view enforcement) {
    return report(
        {},
        R"("listings": [)" +
            joined({fact("assets.vehicles", "5", 1, 3, R"("reading": "exact", )"),
                    fact("assets.vehicles", enforcement, 2, 3,
                         R"("dims": {"vehicle_use": "law_enforcement"}, "reading": "exact", )")}) +
            "]");
  };
  holds("sum.breakdown", run_rule("sum.breakdown", doc("3")));
  holds("sum.breakdown", run_rule("sum.breakdown", doc("5")));
  const Finding f = fails("sum.breakdown", run_rule("sum.breakdown", doc("6")));
  CHECK(texts(f) == std::vector<std::string>{"5", "6"});
  at_text(f, 1, 3);
  CHECK(expected_text(f) == "≥ 6");
}

TEST_CASE("sum.performance_score") {
  const auto doc = [](std::string_view satisfaction) {
    return report({}, R"("tables": [{"role": "other", "title": "部门整体支出绩效自评表",
      "row_code_dimension": "part",
      "columns": [{"key": "score", "header": "得分", "concept": "performance.score"}],
      "rows": [
        {"code": "total", "label": "总分", "cells": {"score": "95.5"}},
        {"code": "output", "label": "产出", "cells": {"score": "40.0"}},
        {"code": "benefit", "label": "效益", "cells": {"score": "30.5"}},
        {"code": "satisfaction", "label": "满意度", "cells": {"score": ")" +
                          std::string(satisfaction) + R"("}}]}])");
  };
  holds("sum.performance_score", run_rule("sum.performance_score", doc("25.0")));
  const Finding f = fails("sum.performance_score", run_rule("sum.performance_score", doc("25.5")));
  CHECK(texts(f) == std::vector<std::string>{"95.5", "30.5", "40.0", "25.5"});
  REQUIRE(f.where.cell.has_value());
  CHECK(f.where.cell->row == "total");
  CHECK(expected_text(f) == "96.0");
}

// ---------------------------------------------------------------------------------------------
// Budgets implied by completion rates

// The budgets below are kept under 10: implied budgets of 100 or more, or parts' budgets adding
// up to a power of ten more than each, make the check give no finding at all (reported to the
// lead: the 18-digit quotients overflow when added, and the choice is skipped).
TEST_CASE("implied_budget.three_public") {
  const auto doc = [](std::string_view reception_rate) {
    const std::string rate = R"("measure": "completion_rate", )";
    return report({fact("three_public.total", "4.00", 1),
                   fact("three_public.total", "50.00%", 1, 20, rate),
                   fact("three_public.overseas_travel", "1.00", 2),
                   fact("three_public.overseas_travel", "50.00%", 2, 20, rate),
                   fact("three_public.vehicles", "1.50", 3),
                   fact("three_public.vehicles", "50.00%", 3, 20, rate),
                   fact("three_public.reception", "1.50", 4),
                   fact("three_public.reception", reception_rate, 4, 20, rate)});
  };
  // Budgets 8 = 2 + 3 + 3.
  holds("implied_budget.three_public", run_rule("implied_budget.three_public", doc("50.00%")));
  // With 40.00% the reception's budget is 3.75: the parts' are at least 8.7165, the total's at
  // most 4.005 ÷ 49.995% = 8.0108.
  const Finding f =
      fails("implied_budget.three_public", run_rule("implied_budget.three_public", doc("40.00%")));
  CHECK(texts(f) == std::vector<std::string>{"4.00", "50.00%", "1.00", "50.00%", "1.50", "50.00%",
                                             "1.50", "40.00%"});
  at_text(f, 1, 20);  // the total's rate
  CHECK(expected_text(f) == "≥ 8.716");
  CHECK(contains(f.message.zh, "合计预算 4.00万元 ÷ 50.00% = 7.989–8.011"));
}

TEST_CASE("implied_budget.expenditure") {
  const auto doc = [](std::string_view public_rate) {
    const std::string rate = R"("measure": "completion_rate", )";
    return report({fact("expenditure.basic", "3.00", 1),
                   fact("expenditure.basic", "50.00%", 1, 20, rate),
                   fact("expenditure.basic.personnel", "1.00", 2),
                   fact("expenditure.basic.personnel", "50.00%", 2, 20, rate),
                   fact("expenditure.basic.public_expense", "2.00", 3),
                   fact("expenditure.basic.public_expense", public_rate, 3, 20, rate)});
  };
  // Budgets 6 = 2 + 4.
  holds("implied_budget.expenditure", run_rule("implied_budget.expenditure", doc("50.00%")));
  // With 40.00%: 6 against 2 + 5.
  const Finding f =
      fails("implied_budget.expenditure", run_rule("implied_budget.expenditure", doc("40.00%")));
  CHECK(texts(f) == std::vector<std::string>{"3.00", "50.00%", "1.00", "50.00%", "2.00", "40.00%"});
  at_text(f, 1, 20);
  CHECK(expected_text(f) == "≥ 6.976");
  CHECK(contains(f.message.zh, "合计预算 3.00万元 ÷ 50.00% = 5.989–6.011"));
}

// ---------------------------------------------------------------------------------------------
// Shares, changes and rates

TEST_CASE("share: 85.10% of 3.95 is 3.36; 4.94% of 950.84 is not 46.84") {
  holds("share",
        run_rule(
            "share",
            report({fact("expenditure.basic", "3.95", 1),
                    fact("expenditure.basic.personnel", "3.36", 2),
                    fact("expenditure.basic.personnel", "85.10%", 2, 12,
                         R"("measure": "share", "base": {"concept": "expenditure.basic"}, )")})));

  const auto doc = [](std::string_view share) {
    return report({fact("expenditure.total", "950.84", 1), fact("expenditure.project", "46.84", 2),
                   fact("expenditure.project", share, 2, 14,
                        R"("measure": "share", "base": {"concept": "expenditure.total"}, )")});
  };
  // 46.84 ÷ 950.84 lies in [4.9256%, 4.9268%].
  holds("share", run_rule("share", doc("4.93%")));
  const Finding f = fails("share", run_rule("share", doc("4.94%")));
  CHECK(texts(f) == std::vector<std::string>{"4.94%", "46.84", "950.84"});
  at_text(f, 2, 14);
  CHECK(expected_text(f) == "4.93%");
  CHECK(f.expected->unit == fisc::Unit::percent);
  CHECK(f.message.zh ==
        "项目支出占比 4.94% 与 46.84万元 ÷ 950.84万元 = 4.93%（4.9256%–4.9268%）不符");
  fails("share", run_rule("share", doc("4.92%")));
}

TEST_CASE("change: the value is signed, and trailing zeros dropped matter") {
  const auto doc = [](std::string_view prior, std::string_view more) {
    return report({fact("income.total", "950.84", 1, 5),
                   fact("income.total", prior, 2, 5, R"("year": 2019, )"),
                   fact("income.total", "125.3", 3, 5,
                        R"("measure": "change", "prior_year": 2019, )" + std::string(more))});
  };
  const std::string decrease = R"("direction": "decrease", )";
  const std::string decrease_to_2 = R"("direction": "decrease", "assumed_decimals": 2, )";
  holds("change", run_rule("change", doc("1076.14", decrease)));
  holds("change", run_rule("change", doc("1076.14", decrease_to_2)));

  // 950.84 − 1076.16 = −125.32: within 125.3's [125.25, 125.35], not within 125.30's.
  holds("change", run_rule("change", doc("1076.16", decrease)));
  const Finding f = fails("change", run_rule("change", doc("1076.16", decrease_to_2)));
  CHECK(texts(f) == std::vector<std::string>{"125.3", "950.84", "1076.16"});
  at_text(f, 3, 5);
  CHECK(expected_text(f) == "-125.32");
  CHECK(contains(f.message.zh, "本年收入合计增减 −125.3万元"));

  // An increase of 125.3 is not what happened.
  const Finding g =
      fails("change", run_rule("change", doc("1076.14", R"("direction": "increase", )")));
  CHECK(expected_text(g) == "-125.3");
}

TEST_CASE("change_rate: 11.64% for −125.3 from 1076.14 to 950.84") {
  holds(
      "change_rate",
      run_rule(
          "change_rate",
          report(
              {fact("income.total", "950.84", 1),
               fact("income.total", "125.3", 2, 1,
                    R"("measure": "change", "prior_year": 2019, "direction": "decrease", )"),
               fact(
                   "income.total", "11.64%", 3, 1,
                   R"("measure": "change_rate", "prior_year": 2019, "direction": "decrease", )")})));
}

TEST_CASE("change_rate: 1.28% is the change over this year's value, not the prior year's") {
  const auto doc = [](std::string_view rate) {
    return report(
        {fact("expenditure.project", "44.43", 1),
         fact("expenditure.project", "0.57", 2, 1,
              R"("measure": "change", "prior_year": 2019, "direction": "increase", )"),
         fact("expenditure.project", rate, 2, 11,
              R"("measure": "change_rate", "prior_year": 2019, "direction": "increase", )")});
  };
  holds("change_rate", run_rule("change_rate", doc("1.30%")));
  const Finding f = fails("change_rate", run_rule("change_rate", doc("1.28%")));
  CHECK(texts(f) == std::vector<std::string>{"1.28%", "44.43", "0.57"});
  at_text(f, 2, 11);
  CHECK(expected_text(f) == "1.30%");
  CHECK(f.message.zh ==
        "项目支出增减率 1.28% 与 增减额 0.57万元 ÷ 上年数（44.43万元 − 增减额） = 1.30%"
        "（1.2878%–1.3113%）不符；它是增减额除以本年数 44.43万元 的结果，基数用错");
  CHECK(contains(f.message.en, "the wrong base"));
}

TEST_CASE("change_rate: from a stated prior-year value") {
  const auto doc = [](std::string_view rate) {
    return report(
        {fact("income.total", "950.84", 1),
         fact("income.total", "1076.14", 2, 1, R"("year": 2019, )"),
         fact("income.total", rate, 3, 1,
              R"("measure": "change_rate", "prior_year": 2019, "direction": "decrease", )")});
  };
  // (950.84 − 1076.14) ÷ 1076.14 lies in [−11.6445%, −11.6424%].
  holds("change_rate", run_rule("change_rate", doc("11.64%")));
  const Finding f = fails("change_rate", run_rule("change_rate", doc("11.65%")));
  CHECK(texts(f) == std::vector<std::string>{"11.65%", "950.84", "1076.14"});
  at_text(f, 3, 1);
  CHECK(expected_text(f) == "-11.64%");
  CHECK_FALSE(contains(f.message.zh, "基数用错"));
}

TEST_CASE("completion_rate") {
  const auto doc = [](std::string_view rate) {
    return report({fact("expenditure.total", "950.84", 1),
                   fact("expenditure.total", "1000.00", 2, 1, R"("scenario": "budget", )"),
                   fact("expenditure.total", rate, 3, 1, R"("measure": "completion_rate", )")});
  };
  // 950.84 ÷ 1000.00 lies in [95.0830%, 95.0850%).
  holds("completion_rate", run_rule("completion_rate", doc("95.08%")));
  const Finding f = fails("completion_rate", run_rule("completion_rate", doc("95.10%")));
  CHECK(texts(f) == std::vector<std::string>{"95.10%", "950.84", "1000.00"});
  at_text(f, 3, 1);
  CHECK(expected_text(f) == "95.08%");
  fails("completion_rate", run_rule("completion_rate", doc("95.09%")));

  // A project's execution against its budget (project.executed → project.budget).
  const auto project = [](std::string_view rate) {
    const std::string p = R"("dims": {"project": "干部培训"}, )";
    return report({fact("project.budget", "100.00", 1, 1, R"("scenario": "budget", )" + p),
                   fact("project.executed", "80.00", 2, 1, p),
                   fact("project.executed", rate, 3, 1, R"("measure": "completion_rate", )" + p)});
  };
  holds("completion_rate", run_rule("completion_rate", project("80.00%")));
  const Finding g = fails("completion_rate", run_rule("completion_rate", project("85.00%")));
  CHECK(texts(g) == std::vector<std::string>{"85.00%", "80.00", "100.00"});
  CHECK(expected_text(g) == "80.00%");
}

TEST_CASE("rate.zero_base") {
  const auto doc = [](std::string_view total, std::string_view basic, std::string_view share) {
    return report({fact("expenditure.total", total, 1), fact("expenditure.basic", basic, 2),
                   fact("expenditure.basic", share, 2, 9,
                        R"("measure": "share", "base": {"concept": "expenditure.total"}, )")});
  };
  holds("rate.zero_base", run_rule("rate.zero_base", doc("10.00", "5.00", "50.00%")));
  const Finding f =
      fails("rate.zero_base", run_rule("rate.zero_base", doc("0.00", "0.00", "0.00%")));
  CHECK(f.severity == Severity::warning);
  CHECK(texts(f) == std::vector<std::string>{"0.00%", "0.00"});
  at_text(f, 2, 9);
  CHECK_FALSE(f.expected.has_value());
  CHECK(contains(f.message.zh, "的基数 0.00万元 为零"));
  // share leaves the zero base alone.
  CHECK(failures(run_rule("share", doc("0.00", "0.00", "0.00%"))).empty());

  // A change rate whose prior-year value, derived from the change, is zero.
  const Finding g = fails(
      "rate.zero_base",
      run_rule(
          "rate.zero_base",
          report(
              {fact("expenditure.project", "10.00", 1),
               fact("expenditure.project", "10.00", 2, 1,
                    R"("measure": "change", "prior_year": 2019, "direction": "increase", )"),
               fact(
                   "expenditure.project", "100.00%", 3, 1,
                   R"("measure": "change_rate", "prior_year": 2019, "direction": "increase", )")})));
  CHECK(texts(g) == std::vector<std::string>{"100.00%", "0.00"});
  CHECK(g.figures[1].derived);
  at_text(g, 3, 1);
}

// ---------------------------------------------------------------------------------------------
// Relations of order

TEST_CASE("at_most.staffed") {
  const auto doc = [](std::string_view staffed) {
    return report({},
                  R"("listings": [)" +
                      joined({fact("staffing.establishment", "12", 1, 1, R"("reading": "exact", )"),
                              fact("staffing.staffed", staffed, 2, 1, R"("reading": "exact", )")}) +
                      "]");
  };
  holds("at_most.staffed", run_rule("at_most.staffed", doc("12")));
  const Finding f = fails("at_most.staffed", run_rule("at_most.staffed", doc("13")));
  CHECK(texts(f) == std::vector<std::string>{"13", "12"});
  at_text(f, 2, 1);
  CHECK(expected_text(f) == "≤ 12");
}

TEST_CASE("at_most.procurement: SMEs ≤ total, small and micro ≤ SMEs") {
  const auto doc = [](std::string_view sme, std::string_view small) {
    return report({fact("procurement.total", "100.00", 1), fact("procurement.sme", sme, 2),
                   fact("procurement.small_micro", small, 3)});
  };
  const InputFindings ok = run_rule("at_most.procurement", doc("100.00", "80.00"));
  holds("at_most.procurement", ok);
  CHECK(passed(ok, "at_most.procurement") == 2);
  // 100.01 is [100.005, 100.015): above all of 100.00's [99.995, 100.005).
  const Finding f =
      fails("at_most.procurement", run_rule("at_most.procurement", doc("100.01", "80.00")));
  CHECK(texts(f) == std::vector<std::string>{"100.01", "100.00"});
  at_text(f, 2, 1);
  CHECK(expected_text(f) == "≤ 100.00万元");
  const Finding g =
      fails("at_most.procurement", run_rule("at_most.procurement", doc("70.00", "80.00")));
  CHECK(texts(g) == std::vector<std::string>{"80.00", "70.00"});
  at_text(g, 3, 1);
}

TEST_CASE("at_most.office_running: against the general budget's public expense") {
  const auto doc = [](std::string_view office) {
    return report({fact("expenditure.basic.public_expense", "25.00", 1, 1,
                        R"("dims": {"fund": "general_budget"}, )"),
                   fact("office_running", office, 2)});
  };
  holds("at_most.office_running", run_rule("at_most.office_running", doc("20.00")));
  const Finding f =
      fails("at_most.office_running", run_rule("at_most.office_running", doc("30.00")));
  CHECK(texts(f) == std::vector<std::string>{"30.00", "25.00"});
  at_text(f, 2, 1);
  CHECK(expected_text(f) == "≤ 25.00万元");
}

// ---------------------------------------------------------------------------------------------
// Statements of one fact

TEST_CASE("fact.restated") {
  const auto doc = [](std::string_view again) {
    return report(
        {fact("expenditure.total", "950.84", 1, 4), fact("expenditure.total", again, 7, 2)});
  };
  holds("fact.restated", run_rule("fact.restated", doc("950.84")));
  holds("fact.restated", run_rule("fact.restated", doc("950.8")));  // less precise, consistent
  const Finding f = fails("fact.restated", run_rule("fact.restated", doc("950.85")));
  CHECK(texts(f) == std::vector<std::string>{"950.84", "950.85"});
  at_text(f, 7, 2);  // the second statement
  CHECK(expected_text(f) == "950.84万元");

  // A statement and a table cell.
  holds(
      "fact.restated",
      run_rule(
          "fact.restated",
          report(
              {fact("expenditure.total", "950.84", 1)},
              R"("tables": [{"role": "expenditure", "title": "支出决算表", "row_code_dimension": "",
                            "columns": [{"key": "t", "header": "合计", "concept": "expenditure.total"}],
                            "rows": [{"label": "合计", "cells": {"t": "950.84"}}]}])")));
}

TEST_CASE("fact.unit_restated: 元 against 万元") {
  const auto doc = [](std::string_view yuan) {
    return report({fact("expenditure.total", "950.84", 1),
                   fact("expenditure.total", yuan, 2, 3, R"("unit": "yuan", )")});
  };
  holds("fact.unit_restated", run_rule("fact.unit_restated", doc("9,508,412.25")));
  const Finding f =
      fails("fact.unit_restated", run_rule("fact.unit_restated", doc("5,751,054.00")));
  CHECK(texts(f) == std::vector<std::string>{"950.84", "5,751,054.00"});
  CHECK(f.figures[1].unit == fisc::Unit::yuan);
  at_text(f, 2, 3);
  CHECK(expected_text(f) == "950.84万元");
  // 950.84 万元 is [9,508,350, 9,508,450) 元; the 元 figure is itself rounded to the 分.
  holds("fact.unit_restated", run_rule("fact.unit_restated", doc("9,508,450.00")));
  holds("fact.unit_restated", run_rule("fact.unit_restated", doc("9,508,350.00")));
  fails("fact.unit_restated", run_rule("fact.unit_restated", doc("9,508,450.01")));
  fails("fact.unit_restated", run_rule("fact.unit_restated", doc("9,508,349.99")));
  // fact.restated leaves statements in different units alone.
  CHECK(run_rule("fact.restated", doc("5,751,054.00")).findings.empty());
}

TEST_CASE("year.mislabelled") {
  const auto doc = [](std::string_view prior) {
    return report({fact("income.total", "950.84", 1),
                   fact("income.total", "125.3", 2, 1,
                        R"("measure": "change", "prior_year": 2019, "direction": "decrease", )"),
                   fact("income.total", prior, 3, 6, R"("year": 2019, )")});
  };
  holds("year.mislabelled", run_rule("year.mislabelled", doc("1076.14")));
  const Finding f = fails("year.mislabelled", run_rule("year.mislabelled", doc("950.84")));
  CHECK(f.severity == Severity::warning);
  CHECK(texts(f) == std::vector<std::string>{"950.84", "950.84", "1076.14"});
  CHECK(f.figures[2].derived);
  at_text(f, 3, 6);
  CHECK(expected_text(f) == "1076.14");
  CHECK(contains(f.message.zh, "年份标错"));
}

TEST_CASE("count.enumeration") {
  const auto doc = [](std::string_view count) {
    return report(
        {},
        std::string(R"("enumerations": [{"concept": "organisation.offices", "count": ")") +
            std::string(count) +
            R"(", "items": ["办公室", "财务股", "人事股"], "source": {"span": {"line": 4, "column": 2, "length": 1}}}])");
  };
  holds("count.enumeration", run_rule("count.enumeration", doc("3")));
  const Finding f = fails("count.enumeration", run_rule("count.enumeration", doc("4")));
  CHECK(texts(f) == std::vector<std::string>{"4"});
  at_text(f, 4, 2);
  CHECK(expected_text(f) == "3");
  CHECK(contains(f.message.zh, "办公室、财务股、人事股"));
}

TEST_CASE("enumeration.lists_differ") {
  const auto doc = [](std::string_view last) {
    return report({}, std::string(R"("enumerations": [
      {"concept": "organisation.offices", "count": "3", "items": ["办公室", "财务股", "人事股"],
       "source": {"span": {"line": 4, "column": 2, "length": 1}}},
      {"concept": "organisation.offices", "count": "3", "items": ["财务股", "办公室", ")") +
                          std::string(last) +
                          R"("], "source": {"span": {"line": 9, "column": 5, "length": 1}}}])");
  };
  holds("enumeration.lists_differ", run_rule("enumeration.lists_differ", doc("人事股")));
  const Finding f =
      fails("enumeration.lists_differ", run_rule("enumeration.lists_differ", doc("党建股")));
  CHECK(f.severity == Severity::warning);
  CHECK(texts(f) == std::vector<std::string>{"3", "3"});
  at_text(f, 9, 5);
  CHECK_FALSE(f.expected.has_value());
  CHECK(contains(f.message.zh, "仅前者有：人事股；仅此处有：党建股"));
}

TEST_CASE("table.missing") {
  // The contents list 收入决算表 and 支出决算表; the report holds the first, and maybe the second.
  const auto doc = [](bool second) {
    std::string tables =
        R"("tables": [{"role": "income", "title": "收入决算表", "columns": [], "rows": []})";
    if (second) {
      tables += R"(, {"role": "expenditure", "title": "支出决算表", "columns": [], "rows": []})";
    }
    return report({}, tables + R"(], "contents": [
      {"role": "income", "title": "二、收入决算表", "source": {"page": 2}},
      {"role": "expenditure", "title": "三、支出决算表", "source": {"page": 2}}])");
  };
  holds("table.missing", run_rule("table.missing", doc(true)));
  const Finding f = fails("table.missing", run_rule("table.missing", doc(false)));
  CHECK(f.severity == Severity::error);
  CHECK(f.where.page == 2);
  CHECK(contains(f.message.zh, "目录列出“三、支出决算表”，文件中却没有这张表"));
  // A report without tables (a text read alone) lists nothing missing.
  const auto text_only = report({}, R"("contents": [{"role": "income"}])");
  CHECK(run_rule("table.missing", text_only).findings.empty());
}

// ---------------------------------------------------------------------------------------------
// What the document says of itself (mentions)

namespace {

std::string mention_json(std::string_view body, unsigned line) {
  return "{" + std::string(body) + R"(, "source": {"span": {"line": )" + std::to_string(line) +
         R"(, "column": 3, "length": 2}}})";
}

// A report of `kind` and 2020 with the given mentions and statements.
std::string with_mentions(std::initializer_list<std::string> mentions,
                          std::initializer_list<std::string> statements = {},
                          std::string_view kind = "final_accounts") {
  std::string out = R"({"fisc_report": 1, "kind": ")" + std::string(kind) +
                    R"(", "year": 2020, "department": {"name": "测试部门"}, "unit": "wan", )"
                    R"("statements": [)" +
                    joined(statements) + R"(], "mentions": [)" + joined(mentions) + "]}";
  return out;
}

}  // namespace

TEST_CASE("text.placeholder: a placeholder in a filled-in document, none in a blank template") {
  const std::string placeholder = mention_json(
      R"("kind": "placeholder", "text": "XX", "context": "某区XX局2020年度部门决算表")", 7);
  // One figure, one placeholder: filled in.
  const auto filled = with_mentions({placeholder}, {fact("income.total", "100.00", 2)});
  const Finding f = fails("text.placeholder", run_rule("text.placeholder", filled));
  at_text(f, 7, 3);
  CHECK(contains(f.message.zh, "模板占位符“XX”未替换：某区XX局2020年度部门决算表"));
  CHECK(contains(f.message.en, "left in"));
  // Two placeholders and one figure: a template being filled in is still a template.
  const auto blank = with_mentions({placeholder, placeholder}, {fact("income.total", "100.00", 2)});
  CHECK(run_rule("text.placeholder", blank).findings.empty());
  // Nothing to check without placeholders.
  CHECK(run_rule("text.placeholder", with_mentions({})).findings.empty());
}

TEST_CASE("year.self_name: the document's own name against its year; the other kind's names pass") {
  const auto name = [](std::string_view year, std::string_view names) {
    return mention_json(R"("kind": "self_name", "text": ")" + std::string(year) +
                            R"(年度部门决算情况说明", "year": )" + std::string(year) +
                            (names.empty() ? "" : R"(, "names": ")" + std::string(names) + "\""),
                        4);
  };
  holds("year.self_name",
        run_rule("year.self_name", with_mentions({name("2020", "final_accounts")})));
  const Finding f =
      fails("year.self_name", run_rule("year.self_name", with_mentions({name("2019", "")})));
  at_text(f, 4, 3);
  CHECK(contains(f.message.zh, "写作 2019 年，本文件是 2020 年度部门决算"));
  CHECK(contains(f.message.en, "names 2019, but the document is the 2020 final accounts"));
  // A 决算 names a budget of another year (the budget's own wording): not the document's name.
  CHECK(run_rule("year.self_name", with_mentions({name("2019", "budget")})).findings.empty());
  // In a budget, a budget's name is checked.
  const Finding b =
      fails("year.self_name",
            run_rule("year.self_name", with_mentions({name("2019", "budget")}, {}, "budget")));
  CHECK(contains(b.message.zh, "本文件是 2020 年度部门预算"));
}

TEST_CASE("year.as_of: a 决算's year end and a 预算's drawing-up year") {
  const auto as_of = [](int year, int month, int day) {
    return mention_json(R"("kind": "as_of", "text": "截至", "year": )" + std::to_string(year) +
                            R"(, "month": )" + std::to_string(month) + R"(, "day": )" +
                            std::to_string(day),
                        9);
  };
  const auto run = [&](int year, int month, int day, std::string_view kind) {
    return run_rule("year.as_of", with_mentions({as_of(year, month, day)}, {}, kind));
  };
  // 决算 of 2020: its year end, or a later date (events after the year).
  holds("year.as_of", run(2020, 12, 31, "final_accounts"));
  holds("year.as_of", run(2021, 5, 31, "final_accounts"));
  const Finding prior = fails("year.as_of", run(2019, 12, 31, "final_accounts"));
  at_text(prior, 9, 3);
  CHECK(contains(prior.message.zh, "2020 年度决算的年末是 2020 年 12 月 31 日"));
  fails("year.as_of", run(2021, 12, 31, "final_accounts"));
  fails("year.as_of", run(2019, 6, 30, "final_accounts"));
  // 预算 for 2020: drawn up in 2019; a date early in 2020 may stand; 2020's year end may not.
  holds("year.as_of", run(2019, 8, 31, "budget"));
  holds("year.as_of", run(2019, 12, 31, "budget"));
  holds("year.as_of", run(2020, 1, 31, "budget"));
  const Finding late = fails("year.as_of", run(2020, 12, 31, "budget"));
  CHECK(contains(late.message.zh, "2020 年预算编制时点应在 2019 年"));
  fails("year.as_of", run(2018, 12, 31, "budget"));
}

// ---------------------------------------------------------------------------------------------
// Claims: statements without a figure

namespace {

// A report stating this year's and the prior year's value of expenditure.total (lines 1 and 2)
// and one claim at line 3, column 8.
std::string claimed(std::string_view now, std::string_view prior, std::string_view kind,
                    std::string_view words) {
  return report(
      {fact("expenditure.total", now, 1),
       fact("expenditure.total", prior, 2, 1, R"("year": 2019, )")},
      std::string(R"("claims": [{"concept": "expenditure.total", "prior_year": 2019, "claim": ")") +
          std::string(kind) + R"(", "text": ")" + std::string(words) +
          R"(", "source": {"span": {"line": 3, "column": 8, "length": 2}}}])");
}

// A report stating expenditure.total and its completion rate, and one claim about the budget.
std::string budget_claimed(std::string_view rate, std::string_view kind, std::string_view words) {
  return report({fact("expenditure.total", "950.84", 1),
                 fact("expenditure.total", rate, 1, 20, R"("measure": "completion_rate", )")},
                std::string(R"("claims": [{"concept": "expenditure.total", "claim": ")") +
                    std::string(kind) + R"(", "text": ")" + std::string(words) +
                    R"(", "source": {"span": {"line": 2, "column": 4, "length": 10}}}])");
}

}  // namespace

TEST_CASE("claim.contradicted: 增加 / 减少 / 持平 against two years' figures") {
  holds("claim.contradicted",
        run_rule("claim.contradicted", claimed("950.84", "1076.14", "decreased", "减少")));
  const Finding f =
      fails("claim.contradicted",
            run_rule("claim.contradicted", claimed("950.84", "1076.14", "increased", "增加")));
  CHECK(texts(f) == std::vector<std::string>{"950.84", "1076.14"});
  at_text(f, 3, 8);
  CHECK_FALSE(f.expected.has_value());
  CHECK(f.message.zh ==
        "本年支出合计“增加”，与所列数字 950.84万元（2020年）、1076.14万元（2019年） 矛盾");

  // 持平: 950.84 and 950.85 cannot be the same value; 950.8 may be 950.84.
  fails("claim.contradicted",
        run_rule("claim.contradicted", claimed("950.84", "950.85", "unchanged", "持平")));
  holds("claim.contradicted",
        run_rule("claim.contradicted", claimed("950.84", "950.8", "unchanged", "持平")));
  // Two equal figures may still hide an increase: that is claim.unlikely's.
  holds("claim.contradicted",
        run_rule("claim.contradicted", claimed("950.84", "950.84", "increased", "增加")));
}

TEST_CASE("claim.contradicted: against the stated change and the completion rate") {
  const std::string doc = report(
      {fact("income.total", "950.84", 1),
       fact("income.total", "125.3", 1, 20,
            R"("measure": "change", "prior_year": 2019, "direction": "decrease", )")},
      R"("claims": [{"concept": "income.total", "prior_year": 2019, "claim": "increased", "text": "增长",
          "source": {"span": {"line": 2, "column": 3}}}])");
  const Finding f = fails("claim.contradicted", run_rule("claim.contradicted", doc));
  CHECK(texts(f) == std::vector<std::string>{"125.3"});
  at_text(f, 2, 3);

  holds("claim.contradicted",
        run_rule("claim.contradicted", budget_claimed("100.00%", "equals_budget", "与预算一致")));
  const Finding g = fails(
      "claim.contradicted",
      run_rule("claim.contradicted", budget_claimed("95.08%", "equals_budget", "与预算一致")));
  CHECK(texts(g) == std::vector<std::string>{"95.08%"});
  at_text(g, 2, 4);
  holds("claim.contradicted",
        run_rule("claim.contradicted",
                 budget_claimed("95.08%", "differs_from_budget", "决算数与预算数不一致")));
}

TEST_CASE("claim.unlikely: a claim that holds only within rounding") {
  holds("claim.unlikely",
        run_rule("claim.unlikely", claimed("950.84", "1076.14", "decreased", "减少")));
  const Finding f =
      fails("claim.unlikely",
            run_rule("claim.unlikely", claimed("950.84", "950.84", "increased", "增加")));
  CHECK(f.severity == Severity::warning);
  CHECK(texts(f) == std::vector<std::string>{"950.84", "950.84"});
  at_text(f, 3, 8);
  CHECK(contains(f.message.zh, "仅在舍入范围内才可能成立"));

  // 完成预算100.00% and yet 决算数与预算数不一致.
  const Finding g = fails(
      "claim.unlikely", run_rule("claim.unlikely", budget_claimed("100.00%", "differs_from_budget",
                                                                  "决算数与预算数不一致")));
  CHECK(texts(g) == std::vector<std::string>{"100.00%"});
  at_text(g, 2, 4);
  // A claim the figures rule out is claim.contradicted's alone.
  CHECK(run_rule("claim.unlikely", claimed("950.84", "1076.14", "increased", "增加"))
            .findings.empty());
}

// ---------------------------------------------------------------------------------------------
// Tolerance policies

TEST_CASE("policy: absolute tolerance") {
  const std::string doc =
      report({fact("expenditure.basic", "3.95", 1), fact("expenditure.basic.personnel", "3.36", 2),
              fact("expenditure.basic.public_expense", "0.61", 3)});
  // 3.36 + 0.61 = 3.97, 0.02 万元 = 200 元 from 3.95.
  const auto wide = TolerancePolicy::absolute(decimal(200, 0), decimal(1, -2));
  const InputFindings ok = run_rule("sum.basic", doc, wide);
  holds("sum.basic", ok);
  CHECK(ok.findings.front().policy == "absolute(200元, 0.01pp)");

  const auto narrow = TolerancePolicy::absolute(decimal(100, 0), decimal(1, -2));
  const Finding f =
      fails("sum.basic", run_rule("sum.basic", doc, narrow), "absolute(100元, 0.01pp)");
  CHECK(f.severity == Severity::error);
  CHECK(expected_text(f) == "3.97");

  // Rates within percentage points: 4.94% against 4.926%.
  const std::string share =
      report({fact("expenditure.total", "950.84", 1), fact("expenditure.project", "46.84", 2),
              fact("expenditure.project", "4.94%", 2, 14,
                   R"("measure": "share", "base": {"concept": "expenditure.total"}, )")});
  holds("share",
        run_rule("share", share, TolerancePolicy::absolute(decimal(0, 0), decimal(2, -2))));
  fails("share", run_rule("share", share, TolerancePolicy::absolute(decimal(0, 0), decimal(1, -2))),
        "absolute(0元, 0.01pp)");
}

TEST_CASE("policy: truncation reads 3.36 as 3.36 up to just below 3.37") {
  const auto doc = [](std::string_view services) {
    return report({fact("procurement.total", "3.36", 1), fact("procurement.goods", "1.00", 2),
                   fact("procurement.works", "1.00", 3),
                   fact("procurement.services", services, 4)});
  };
  // Σ 3.37: [3.355, 3.385) rounded, [3.37, 3.40) truncated.
  holds("sum.procurement", run_rule("sum.procurement", doc("1.37")));
  const Finding f =
      fails("sum.procurement",
            run_rule("sum.procurement", doc("1.37"), TolerancePolicy::truncation()), "truncation");
  CHECK(expected_text(f) == "3.37");
  // Σ 3.34: [3.325, 3.355) rounded, [3.34, 3.37) truncated.
  fails("sum.procurement", run_rule("sum.procurement", doc("1.34")));
  const InputFindings ok = run_rule("sum.procurement", doc("1.34"), TolerancePolicy::truncation());
  holds("sum.procurement", ok);
  CHECK(ok.findings.front().policy == "truncation");
}

// ---------------------------------------------------------------------------------------------
// Derived prior-year values

TEST_CASE("sum in the prior year: fails only through values derived from changes") {
  const auto doc = [](std::string_view basic_2019) {
    const std::string up = R"("measure": "change", "prior_year": 2019, "direction": "increase", )";
    return report({fact("expenditure.basic", "100.00", 1),
                   fact("expenditure.basic.personnel", "60.00", 2),
                   fact("expenditure.basic.personnel", "5.00", 2, 20, up),
                   fact("expenditure.basic.public_expense", "40.00", 3),
                   fact("expenditure.basic.public_expense", "3.00", 3, 20, up),
                   fact("expenditure.basic", basic_2019, 4, 1, R"("year": 2019, )")});
  };
  // 2019: personnel 60.00 − 5.00 = 55.00, public expense 40.00 − 3.00 = 37.00.
  const InputFindings ok = run_rule("sum.basic", doc("92.00"));
  holds("sum.basic", ok);
  CHECK(passed(ok, "sum.basic") == 2);  // 2020 and 2019

  const Finding f = fails("sum.basic", run_rule("sum.basic", doc("90.00")));
  CHECK(texts(f) == std::vector<std::string>{"90.00", "55.00", "37.00"});
  CHECK_FALSE(f.figures[0].derived);
  CHECK(f.figures[1].derived);
  CHECK(f.figures[2].derived);
  CHECK(f.figures[1].concept_id == "expenditure.basic.personnel");
  CHECK(f.figures[1].where.span->line == 2);  // derived from this year's value stated at line 2
  at_text(f, 4, 1);
  CHECK(expected_text(f) == "92.00");

  // One part stated for 2019 and the other only derived: the parts are still all there, so the
  // sum is an equality (a part left out would have made it Σ ≤ total, and 55.00 ≤ 100.00 holds).
  const std::string up = R"("measure": "change", "prior_year": 2019, "direction": "increase", )";
  const Finding mixed = fails(
      "sum.basic",
      run_rule("sum.basic",
               report({fact("expenditure.basic", "100.00", 1),
                       fact("expenditure.basic.personnel", "60.00", 2),
                       fact("expenditure.basic.public_expense", "40.00", 3),
                       fact("expenditure.basic.public_expense", "3.00", 3, 20, up),
                       fact("expenditure.basic", "100.00", 4, 1, R"("year": 2019, )"),
                       fact("expenditure.basic.personnel", "55.00", 5, 1, R"("year": 2019, )")})));
  CHECK(texts(mixed) == std::vector<std::string>{"100.00", "55.00", "37.00"});
  CHECK(mixed.figures[2].derived);
  CHECK(expected_text(mixed) == "92.00");

  CHECK(f.message.zh ==
        "2019年基本支出 = 人员经费 + 公用经费：合计 90.00万元 不等于 "
        "55.00万元（由2020年60.00与增减+5.00推算） + 37.00万元（由2020年40.00与增减+3.00推算） = "
        "92.00万元");
}

// ---------------------------------------------------------------------------------------------
// The whole pack

namespace {

// A small 决算说明 whose figures all agree.
std::string consistent(std::string_view project_share) {
  const std::string dec = R"("measure": "change", "prior_year": 2019, "direction": "decrease", )";
  const std::string dec_rate =
      R"("measure": "change_rate", "prior_year": 2019, "direction": "decrease", )";
  const std::string of_income = R"("measure": "share", "base": {"concept": "income.total"}, )";
  const std::string of_total = R"("measure": "share", "base": {"concept": "expenditure.total"}, )";
  return report(
      {fact("income.total", "950.84", 1),
       fact("income.total", "125.3", 1, 20, dec + R"("assumed_decimals": 2, )"),
       fact("income.total", "11.64%", 1, 30, dec_rate),
       fact("income.general_budget", "745.99", 2),
       fact("income.general_budget", "78.46%", 2, 20, of_income),
       fact("income.government_fund", "204.85", 3),
       fact("income.government_fund", "21.54%", 3, 20, of_income),
       fact("expenditure.total", "950.84", 4),
       fact("expenditure.basic", "904.00", 5),
       fact("expenditure.basic", "95.07%", 5, 20, of_total),
       fact("expenditure.project", "46.84", 6),
       fact("expenditure.project", project_share, 6, 20, of_total),
       fact("expenditure.basic.personnel", "800.00", 7),
       fact("expenditure.basic.public_expense", "104.00", 8),
       fact("office_running", "50.00", 9),
       fact("expenditure.total", "9,508,412.25", 10, 1, R"("unit": "yuan", )"),
       fact("three_public.total", "1.00", 11),
       fact("three_public.overseas_travel", "0.33", 12),
       fact("three_public.vehicles", "0.33", 13),
       fact("three_public.reception", "0.33", 14)},
      R"("enumerations": [{"concept": "organisation.offices", "count": "2", "items": ["办公室", "财务股"],
          "source": {"span": {"line": 15, "column": 1}}}])");
}

}  // namespace

TEST_CASE("whole pack: a consistent report gives no finding") {
  const InputFindings found = run_rules(consistent("4.93%"), pack());
  INFO(describe_findings(found));
  CHECK(failures(found).empty());
  for (const char* rule :
       {"sum.income", "sum.expenditure", "sum.basic", "sum.three_public", "share", "change_rate",
        "fact.unit_restated", "at_most.office_running", "count.enumeration"}) {
    CHECK_MESSAGE(passed(found, rule) > 0, rule);
  }
}

TEST_CASE("whole pack: one wrong share gives one finding") {
  const Finding f = fails("share", run_rules(consistent("4.94%"), pack()));
  CHECK(texts(f) == std::vector<std::string>{"4.94%", "46.84", "950.84"});
  at_text(f, 6, 20);
  CHECK(expected_text(f) == "4.93%");
}

TEST_CASE("whole pack: 元 restating 万元 wrongly gives one finding") {
  const InputFindings found =
      run_rules(report({fact("expenditure.total", "950.84", 1),
                        fact("expenditure.total", "5,751,054.00", 2, 3, R"("unit": "yuan", )")}),
                pack());
  const Finding f = fails("fact.unit_restated", found);
  at_text(f, 2, 3);
}
