// SPDX-License-Identifier: BSL-1.0
// The rules engine: packs, combinators, running, and how figures are read under a policy.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "fisc/facts/concept.hpp"
#include "fisc/facts/key_index.hpp"
#include "fisc/io/report_json.hpp"
#include "fisc/numbers/format.hpp"
#include "fisc/numbers/parse.hpp"
#include "fisc/rules/builtin.hpp"
#include "fisc/rules/pack.hpp"
#include "fisc/rules/place.hpp"
#include "fisc/rules/relations.hpp"
#include "fisc/rules/rule.hpp"

using fisc::Check;
using fisc::Emit;
using fisc::Outcome;
using fisc::Pack;
using fisc::Rule;
using fisc::Scope;
using fisc::Severity;

namespace {

fisc::Report report_from(const std::string& statements, const std::string& extra = "",
                         const std::string& tables = "[]") {
  const std::string text = R"({"fisc_report": 1, "kind": "final_accounts", "year": 2020,
    "department": {"name": "测试部门"}, "unit": "wan", )" +
                           extra + R"( "tables": )" + tables + R"(, "statements": [)" + statements +
                           "]}";
  auto r = fisc::read_report_json(text, "t.json");
  REQUIRE_MESSAGE(r.has_value(), (r ? std::string() : fisc::describe(r.error())));
  return *r;
}

std::string statement(const std::string& concept_id, const std::string& value, unsigned line,
                      const std::string& more = "") {
  return R"({"concept": ")" + concept_id + R"(", "value": ")" + value + R"(", )" + more +
         R"( "source": {"span": {"line": )" + std::to_string(line) + R"(, "column": 1}}})";
}

// A check that emits one outcome per call, held or not, at a given line.
Check fixed(bool held, unsigned line, std::string tag = "") {
  return [=](const Scope&, const Emit& emit) {
    Outcome o;
    o.held = held;
    o.where.span = fisc::TextSpan{line, 1, 0};
    o.message = {tag, tag};
    emit(std::move(o));
  };
}

Rule make_rule(std::string id, Check check, std::vector<std::string> tags = {}) {
  Rule r;
  r.info.id = std::move(id);
  r.info.title = {"标题", "title"};
  r.info.tags = std::move(tags);
  r.check = std::move(check);
  return r;
}

std::vector<std::string> ids(const Pack& p) {
  std::vector<std::string> out;
  for (const auto& r : p.rules()) out.push_back(r.info.id);
  return out;
}

}  // namespace

TEST_CASE("severity and language names") {
  CHECK(fisc::to_string(Severity::error) == "error");
  CHECK(fisc::to_string(Severity::ok) == "ok");
  CHECK(fisc::severity_from_string("warning") == Severity::warning);
  CHECK(fisc::severity_from_string("info") == Severity::info);
  CHECK_FALSE(fisc::severity_from_string("fatal").has_value());
  CHECK(Severity::ok < Severity::info);
  CHECK(Severity::warning < Severity::error);
  CHECK(fisc::language_from_string("en") == fisc::Language::en);
  CHECK_FALSE(fisc::language_from_string("fr").has_value());
  const fisc::Text t{"中", "en"};
  CHECK(t.in(fisc::Language::zh) == "中");
  CHECK(t.in(fisc::Language::en) == "en");
}

TEST_CASE("a pack refuses rules without an id or a check, and duplicate ids") {
  Pack p;
  p.add(make_rule("a.one", fixed(true, 1)));
  CHECK_THROWS_AS(p.add(make_rule("a.one", fixed(true, 1))), std::invalid_argument);
  CHECK_THROWS_AS(p.add(make_rule("", fixed(true, 1))), std::invalid_argument);
  CHECK_THROWS_AS(p.add(make_rule("b", Check{})), std::invalid_argument);
  CHECK_THROWS_AS(Pack({make_rule("x", fixed(true, 1)), make_rule("x", fixed(true, 1))}),
                  std::invalid_argument);
  CHECK(p.size() == 1);
}

TEST_CASE("selectors name rules by id, by id prefix up to a dot, and by tag") {
  Pack p({make_rule("sum.basic", fixed(true, 1), {"expenditure"}),
          make_rule("sum.fund", fixed(true, 1)), make_rule("summary", fixed(true, 1)),
          make_rule("share", fixed(true, 1), {"rate"})});
  CHECK(ids(p.only({"sum"})) == std::vector<std::string>{"sum.basic", "sum.fund"});
  CHECK(ids(p.only({"sum.basic"})) == std::vector<std::string>{"sum.basic"});
  CHECK(ids(p.only({"rate", "summary"})) == std::vector<std::string>{"summary", "share"});
  CHECK(ids(p.without({"sum", "expenditure"})) == std::vector<std::string>{"summary", "share"});
  CHECK(p.only({"su"}).size() == 0);
  CHECK(p.only({""}).size() == 0);
  CHECK(p.regrade("sum", Severity::warning) == 2);
  CHECK(p.find("sum.fund")->info.severity == Severity::warning);
  CHECK(p.find("share")->info.severity == Severity::error);
  CHECK(p.regrade("nothing", Severity::info) == 0);
  CHECK(p.remove("rate") == 1);
  CHECK(p.find("share") == nullptr);
  CHECK(p.infos().size() == 3);
  CHECK(p.infos()[2].id == "summary");
}

TEST_CASE("run: findings in document order, passed checks counted, kept on request") {
  const auto report = report_from("");
  const fisc::Subject subject(report);
  Pack p({make_rule("late", fisc::all_of({fixed(false, 9), fixed(true, 2)})),
          make_rule("early", fixed(false, 3))});
  auto result = fisc::run(p, subject);
  REQUIRE(result.findings.size() == 2);
  CHECK(result.findings[0].rule == "early");
  CHECK(result.findings[1].rule == "late");
  CHECK(result.findings[1].where.span->line == 9);
  CHECK(result.findings[0].where.file == "t.json");
  CHECK(result.findings[0].policy == "interval");
  CHECK(result.passed ==
        std::vector<std::pair<std::string, std::size_t>>{{"late", 1}, {"early", 0}});
  CHECK(result.path == "t.json");

  fisc::RunOptions options;
  options.keep_passed = true;
  options.policy = fisc::TolerancePolicy::truncation();
  result = fisc::run(p, subject, options);
  REQUIRE(result.findings.size() == 3);
  CHECK(result.findings[0].severity == Severity::ok);
  CHECK(result.findings[0].where.span->line == 2);
  CHECK(result.findings[0].policy == "truncation");

  fisc::CheckResults all{p.infos(), {result}};
  const auto counts = fisc::count(all);
  CHECK(counts.error == 2);
  CHECK(counts.ok == 1);
  CHECK(counts.at_least(Severity::error) == 2);
  CHECK(counts.at_least(Severity::ok) == 3);
}

TEST_CASE("emit_bare_pass: a held outcome goes bare only when the run lists no passed checks") {
  const auto report = report_from("");
  const fisc::Subject subject(report);
  std::vector<Outcome> emitted;
  const Emit emit = [&](Outcome o) { emitted.push_back(std::move(o)); };
  Scope scope;
  scope.subject = &subject;

  scope.passed_details = false;
  CHECK(fisc::emit_bare_pass(scope, emit, true));
  REQUIRE(emitted.size() == 1);
  CHECK(emitted[0].held);
  CHECK(emitted[0].message.zh.empty());
  CHECK(emitted[0].where.empty());
  CHECK(emitted[0].figures.empty());
  // A failed outcome is never bare: the check words it.
  CHECK_FALSE(fisc::emit_bare_pass(scope, emit, false));
  scope.passed_details = true;
  CHECK_FALSE(fisc::emit_bare_pass(scope, emit, true));
  CHECK_FALSE(fisc::emit_bare_pass(scope, emit, false));
  CHECK(emitted.size() == 1);

  // Through a run: counted as passed, kept in full on request.
  const Check check = [](const Scope& s, const Emit& e) {
    if (fisc::emit_bare_pass(s, e, true)) return;
    Outcome o;
    o.held = true;
    o.where.span = fisc::TextSpan{7, 1, 0};
    o.message = {"成立", "holds"};
    e(std::move(o));
  };
  const Pack p({make_rule("bare", check)});
  auto result = fisc::run(p, subject);
  CHECK(result.findings.empty());
  CHECK(result.passed == std::vector<std::pair<std::string, std::size_t>>{{"bare", 1}});
  fisc::RunOptions options;
  options.keep_passed = true;
  result = fisc::run(p, subject, options);
  REQUIRE(result.findings.size() == 1);
  CHECK(result.findings[0].message.en == "holds");
  CHECK(result.findings[0].where.span->line == 7);
}

TEST_CASE("run: a rule whose check throws gives one error finding and the others still run") {
  const auto report = report_from("");
  const fisc::Subject subject(report);
  Pack p({make_rule("boom", [](const Scope&, const Emit&) { throw std::runtime_error("bad"); }),
          make_rule("fine", fixed(false, 1))});
  p.regrade("boom", Severity::info);
  const auto result = fisc::run(p, subject);
  REQUIRE(result.findings.size() == 2);
  const auto& boom = result.findings[0].rule == "boom" ? result.findings[0] : result.findings[1];
  CHECK(boom.severity == Severity::error);
  CHECK(boom.message.en.find("bad") != std::string::npos);
}

TEST_CASE("combinators") {
  const auto report = report_from(
      "", R"("units": [{"name": "甲"}, {"name": "乙"}],)",
      R"([{"role": "other", "title": "T1", "columns": [{"key": "a", "concept": "expenditure.total"}],
         "rows": [{"code": "201", "cells": {"a": "1"}}, {"code": "20101", "cells": {"a": "1"}},
                  {"code": "208", "cells": {"a": "2"}}]},
        {"role": "other", "title": "T2", "columns": [], "rows": []}])");
  const fisc::Subject subject(report);
  std::vector<std::string> seen;
  const auto record = [&](const char* what) {
    return [&seen, what](const Scope& s, const Emit& emit) {
      std::string at = what;
      if (s.table != nullptr) at += ":" + s.table->title;
      if (s.row != nullptr) at += ":" + s.row->code;
      if (!s.code.empty()) at += ":" + s.code;
      if (s.unit != nullptr) at += ":" + s.unit->name;
      seen.push_back(at);
      Outcome o;
      o.held = true;
      emit(std::move(o));
    };
  };
  fisc::Figures figures(subject, {});
  Scope scope;
  scope.subject = &subject;
  scope.figures = &figures;
  std::vector<Outcome> out;
  const Emit emit = [&](Outcome o) { out.push_back(std::move(o)); };

  SUBCASE("for_each_table, for_each_row, for_each_code, for_each_unit") {
    fisc::for_each_table({}, record("t"))(scope, emit);
    CHECK(seen == std::vector<std::string>{"t:T1", "t:T2"});
    seen.clear();
    fisc::for_each_table([](const fisc::Table& t) { return t.title == "T1"; },
                         fisc::for_each_row(record("r")))(scope, emit);
    CHECK(seen == std::vector<std::string>{"r:T1:201", "r:T1:20101", "r:T1:208"});
    seen.clear();
    fisc::for_each_row(record("r"))(scope, emit);
    CHECK(seen.size() == 3);
    seen.clear();
    fisc::for_each_code(3, record("c"))(scope, emit);
    CHECK(seen == std::vector<std::string>{"c:201", "c:208"});
    seen.clear();
    fisc::for_each_table({}, fisc::for_each_code(5, record("c")))(scope, emit);
    CHECK(seen == std::vector<std::string>{"c:T1:20101"});
    seen.clear();
    fisc::for_each_unit(record("u"))(scope, emit);
    CHECK(seen == std::vector<std::string>{"u:甲", "u:乙"});
    CHECK(out.size() == 2 + 3 + 3 + 2 + 1 + 2);
  }
  SUBCASE("when") {
    fisc::when([](const Scope& s) { return s.table != nullptr; }, record("w"))(scope, emit);
    CHECK(seen.empty());
    fisc::for_each_table({}, fisc::when([](const Scope& s) { return s.table->rows.empty(); },
                                        record("w")))(scope, emit);
    CHECK(seen == std::vector<std::string>{"w:T2"});
  }
  SUBCASE("all_of passes every outcome on") {
    fisc::all_of({fixed(true, 1), fixed(false, 2), fixed(false, 3)})(scope, emit);
    CHECK(out.size() == 3);
  }
  SUBCASE("any_of holds when one check holds, and passes only its outcomes on") {
    fisc::any_of({fixed(false, 1, "a"), fixed(true, 2, "b"), fixed(false, 3, "c")})(scope, emit);
    REQUIRE(out.size() == 1);
    CHECK(out[0].held);
    CHECK(out[0].message.en == "b");
  }
  SUBCASE("any_of fails with every failure when no check holds") {
    fisc::any_of({fixed(false, 1, "a"), fisc::all_of({fixed(true, 2, "b"), fixed(false, 3, "c")})})(
        scope, emit);
    REQUIRE(out.size() == 2);
    CHECK(out[0].message.en == "a");
    CHECK(out[1].message.en == "c");
    CHECK_FALSE(out[1].held);
  }
}

TEST_CASE("figures: intervals by policy, never-negative amounts, restatements, derived values") {
  const auto report = report_from(
      statement("expenditure.total", "3.36", 1) + "," + statement("expenditure.total", "3.36", 2) +
      "," + statement("expenditure.total", "33600.00", 3, R"("unit": "yuan",)") + "," +
      statement("expenditure.project", "0", 4) + "," + statement("balance.closing", "0", 5) + "," +
      statement("expenditure.total", "1.36", 6,
                R"("measure": "change", "prior_year": 2019, "direction": "decrease",)"));
  const fisc::Subject subject(report);
  fisc::FactKey total{
      "expenditure.total", fisc::Measure::value, 2020, 0, fisc::Scenario::actual, {}};
  const fisc::Figures intervals(subject, fisc::TolerancePolicy::intervals());
  const auto stated = intervals.stated(total, fisc::Unit::wan);
  // 3.36 twice is one value; 33600.00 元 is another, to the 分.
  REQUIRE(stated.size() == 2);
  CHECK(fisc::to_string(stated[0].range) == "[3.355, 3.365)");
  CHECK(fisc::to_string(stated[1].range) == "[3.3599995, 3.3600005)");
  CHECK(stated[1].text == "33600.00");

  // The same, from a key looked up by the caller; nothing from npos.
  const auto from_first =
      intervals.stated_from(subject.facts().first_index(total), fisc::Unit::wan);
  REQUIRE(from_first.size() == 2);
  CHECK(from_first[0].range == stated[0].range);
  CHECK(from_first[1].fact == stated[1].fact);
  CHECK(intervals.stated_from(fisc::FactStore::npos, fisc::Unit::wan).empty());

  const fisc::Figures truncated(subject, fisc::TolerancePolicy::truncation());
  CHECK(fisc::to_string(truncated.stated(total, fisc::Unit::wan)[0].range) == "[3.36, 3.37)");

  const auto abs =
      fisc::TolerancePolicy::absolute(*fisc::parse_decimal("100"), *fisc::parse_decimal("0.01"));
  CHECK(fisc::describe(abs) == "absolute(100元, 0.01pp)");
  const fisc::Figures absolute(subject, abs);
  const auto point = absolute.stated(total, fisc::Unit::wan)[0].range;
  CHECK(point.is_point());
  // 100 元 = 0.01 万元 of tolerance.
  const auto near = fisc::Interval::point(*fisc::parse_decimal("3.37"));
  const auto far = fisc::Interval::point(*fisc::parse_decimal("3.371"));
  CHECK(absolute.agree(point, near, fisc::Unit::wan));
  CHECK_FALSE(absolute.agree(point, far, fisc::Unit::wan));
  CHECK_FALSE(intervals.agree(stated[0].range, near, fisc::Unit::wan));

  // A 0 amount (written without decimals) is never below zero; a 0 balance may be.
  fisc::FactKey project = total;
  project.concept_id = "expenditure.project";
  CHECK(fisc::to_string(intervals.stated(project, fisc::Unit::wan)[0].range) == "[0, 0.5)");
  fisc::FactKey closing = total;
  closing.concept_id = "balance.closing";
  CHECK(fisc::to_string(intervals.stated(closing, fisc::Unit::wan)[0].range) == "(-0.5, 0.5)");
  CHECK(fisc::never_negative("expenditure.total"));
  CHECK_FALSE(fisc::never_negative("balance.opening"));
  CHECK_FALSE(fisc::never_negative("no.such.concept"));

  // 2019 = 3.36 + 1.36 (a decrease), and 3.36 + 1.36 for the 元 figure too.
  fisc::FactKey prior = total;
  prior.year = 2019;
  CHECK(intervals.stated(prior, fisc::Unit::wan).empty());
  const auto derived = intervals.derived(prior, fisc::Unit::wan);
  REQUIRE(derived.size() == 2);
  CHECK(derived[0].derived());
  CHECK(derived[0].text == "4.72");
  CHECK(fisc::to_string(derived[0].range) == "[4.710, 4.730)");
  CHECK(derived[0].from.size() == 2);
  CHECK(intervals.of(prior, fisc::Unit::wan).size() == 2);
  const auto figure = fisc::to_finding_figure(derived[0]);
  CHECK(figure.derived);
  CHECK(figure.fact == "expenditure.total 2019 actual");
  CHECK(figure.where.span->line == 1);

  // A fact's range in another unit is its own scaled, limited to ≥ 0 after scaling; a fact that
  // is not the subject's (a copy) reads the same as the subject's own; units that do not
  // convert are an error, whatever the policy.
  const fisc::Fact& zero = *subject.facts().first(project);
  CHECK(fisc::to_string(*intervals.range(zero, fisc::Unit::yuan)) == "[0, 5000)");
  const fisc::Fact copy = zero;
  for (const fisc::Figures* f : {&intervals, &truncated, &absolute}) {
    for (const fisc::Unit u : {fisc::Unit::wan, fisc::Unit::yuan, fisc::Unit::yi}) {
      CHECK(f->range(copy, u) == f->range(zero, u));
    }
    CHECK(f->range(zero, fisc::Unit::percent).error() == fisc::ArithmeticErrc::invalid_argument);
    CHECK(f->range(copy, fisc::Unit::percent).error() == fisc::ArithmeticErrc::invalid_argument);
  }
  CHECK(fisc::to_string(*absolute.range(zero, fisc::Unit::yuan)) == "[0, 0]");
  const fisc::Fact& opening = *subject.facts().first(closing);
  CHECK(fisc::to_string(*truncated.range(opening, fisc::Unit::yuan)) == "(-10000, 10000)");
  // Scaling past the exponent's range is an overflow.
  fisc::Fact huge = zero;
  huge.value.value = fisc::Decimal(1, fisc::Decimal::max_exponent);
  huge.value.reading = fisc::Reading::exact;
  CHECK(intervals.range(huge, fisc::Unit::yuan).error() == fisc::ArithmeticErrc::overflow);
}

TEST_CASE("a subject's interned keys: each fact's, and the prior-year values changes derive") {
  const auto report = report_from(
      statement("expenditure.total", "3.36", 1) + "," +
      statement("expenditure.total", "1.36", 2, R"("measure": "change", "prior_year": 2019,)") +
      "," + statement("expenditure.basic", "1.00", 3) + "," +
      statement("expenditure.total", "1.4", 4, R"("measure": "change", "prior_year": 2019,)"));
  const fisc::Subject subject(report);
  const fisc::KeyIndex& keys = subject.keys();
  for (const fisc::Fact& f : subject.facts().all()) {
    CHECK(keys.to_fact_key(subject.key_of(f)) == f.key);
  }
  const auto prior =
      keys.intern({"expenditure.total", fisc::Measure::value, 2019, 0, fisc::Scenario::actual, {}});
  REQUIRE(prior.has_value());
  CHECK(subject.has_changes_to(*prior));
  // Both changes, in the order stated; none for a key with a string the report lacks.
  const auto changes = subject.changes_to(keys.to_fact_key(*prior));
  REQUIRE(changes.size() == 2);
  CHECK(changes[0]->source.span->line == 2);
  CHECK(changes[1]->source.span->line == 4);
  CHECK(subject
            .changes_to(
                {"expenditure.other", fisc::Measure::value, 2019, 0, fisc::Scenario::actual, {}})
            .empty());
  // This year's value, and a prior year of a concept no change is stated for, derive nothing.
  CHECK_FALSE(subject.has_changes_to(subject.key_of(subject.facts()[0])));
  fisc::KeyIndex::Key basic = subject.key_of(subject.facts()[2]);
  basic.year = 2019;
  CHECK_FALSE(subject.has_changes_to(basic));
}

TEST_CASE("a subject's index: facts by concept, in document order, anchors of each measure") {
  // Added in this order; lines 3, 1, 2 in the document. The share at line 4 is stated twice with
  // one text (one anchor) and once with another.
  const auto report = report_from(
      statement("expenditure.total", "3.36", 3) + "," + statement("expenditure.project", "1", 1) +
      "," + statement("expenditure.total", "3.36", 2) + "," +
      statement("expenditure.basic", "10.0", 4,
                R"("measure": "share", "base": {"concept": "expenditure.total"},)") +
      "," +
      statement("expenditure.basic", "10.0", 5,
                R"("measure": "share", "base": {"concept": "expenditure.total"},)") +
      "," +
      statement("expenditure.basic", "10.00", 6,
                R"("measure": "share", "base": {"concept": "expenditure.total"},)"));
  const fisc::Subject subject(report);
  const auto& all = subject.facts().all();
  REQUIRE(all.size() == 6);
  const auto totals = subject.of_concept("expenditure.total");
  REQUIRE(totals.size() == 2);
  CHECK(totals[0] == all.data());
  CHECK(totals[1] == &all[2]);
  CHECK(subject.of_concept("expenditure.project").size() == 1);
  CHECK(subject.of_concept("expenditure.grand_total").empty());
  CHECK(subject.of_concept("").empty());
  CHECK(subject.of_concept("zzz").empty());

  const auto order = subject.in_document_order();
  REQUIRE(order.size() == 6);
  CHECK(order[0] == &all[1]);
  CHECK(order[1] == &all[2]);
  CHECK(order[2] == all.data());
  for (std::size_t r = 0; r < order.size(); ++r) CHECK(subject.rank(*order[r]) == r);
  const fisc::Fact outside = all[0];
  CHECK_THROWS_AS((void)subject.rank(outside), std::out_of_range);

  // The value 3.36 of expenditure.total once (at line 2), the share's two texts once each.
  const auto values = subject.anchors(fisc::Measure::value);
  REQUIRE(values.size() == 2);
  CHECK(values[0] == &all[1]);
  CHECK(values[1] == &all[2]);
  const auto shares = subject.anchors(fisc::Measure::share);
  REQUIRE(shares.size() == 2);
  CHECK(shares[0] == &all[3]);
  CHECK(shares[1] == &all[5]);
  CHECK(subject.anchors(fisc::Measure::change).empty());
  CHECK(subject.anchors(static_cast<fisc::Measure>(9)).empty());

  // A concept is looked up once per fact; a fact of no subject is looked up by its id.
  CHECK(subject.concept_of(all[0]) == fisc::find_concept("expenditure.total"));
  fisc::Fact unknown = all[0];
  unknown.key.concept_id = "no.such.concept";
  CHECK(subject.concept_of(unknown) == nullptr);
  CHECK(subject.concept_of(outside) == fisc::find_concept("expenditure.total"));
}

TEST_CASE("a subject's index groups facts of concepts the registry does not know, by id") {
  // A report made in code may state any concept id; the readers only known ones.
  auto report = report_from(statement("expenditure.total", "3.36", 1));
  const auto add = [&](const std::string& concept_id, unsigned line) {
    fisc::Fact f = report.statements.front();
    f.key.concept_id = concept_id;
    f.source.span->line = line;
    report.statements.push_back(f);
  };
  add("zz.mine", 2);
  add("aa.mine", 3);
  add("zz.mine", 4);
  add("expenditure.total", 5);
  const fisc::Subject subject(report);
  const auto& all = subject.facts().all();
  REQUIRE(all.size() == 5);
  const auto zz = subject.of_concept("zz.mine");
  REQUIRE(zz.size() == 2);
  CHECK(zz[0] == &all[1]);
  CHECK(zz[1] == &all[3]);
  REQUIRE(subject.of_concept("aa.mine").size() == 1);
  CHECK(subject.of_concept("aa.mine")[0] == &all[2]);
  const auto totals = subject.of_concept("expenditure.total");
  REQUIRE(totals.size() == 2);
  CHECK(totals[0] == all.data());
  CHECK(totals[1] == &all[4]);
  CHECK(subject.of_concept("mm.mine").empty());
  CHECK(subject.concept_of(all[1]) == nullptr);
}

TEST_CASE("place order") {
  fisc::Source a;
  a.file = "f";
  a.span = fisc::TextSpan{2, 5, 1};
  fisc::Source b = a;
  b.span->column = 7;
  fisc::Source c;
  c.file = "f";
  c.cell = fisc::TableCell{"T", "201", "合计"};
  CHECK(fisc::place_less(a, b));
  CHECK_FALSE(fisc::place_less(b, a));
  CHECK(fisc::place_less(b, c));
  fisc::Source d = c;
  d.cell->row = "202";
  CHECK(fisc::place_less(c, d));
  CHECK_FALSE(fisc::place_less(c, c));
  // Then by table, by column; files and pages before all else.
  fisc::Source e = c;
  e.cell->column = "决算数";
  CHECK(fisc::place_less(c, e) == (std::string_view("合计") < std::string_view("决算数")));
  CHECK(fisc::place_less(c, e) != fisc::place_less(e, c));
  fisc::Source f = d;
  f.cell->table = "S";
  CHECK(fisc::place_less(f, c));
  fisc::Source g = c;
  g.page = 1;
  CHECK(fisc::place_less(a, g));
  g.file = "e";
  CHECK(fisc::place_less(g, a));
  // A place without a line or cell comes before a cell of its page, after a line.
  fisc::Source h;
  h.file = "f";
  CHECK(fisc::place_less(h, c));
  CHECK_FALSE(fisc::place_less(c, h));
  CHECK(fisc::place_less(a, h));
  CHECK_FALSE(fisc::place_less(h, h));

  // Within one file, place_less_in_file orders as place_less; it never looks at the files.
  for (const fisc::Source* x : {&a, &b, &c, &d, &e, &f, &h}) {
    for (const fisc::Source* y : {&a, &b, &c, &d, &e, &f, &h}) {
      CHECK(fisc::place_less_in_file(*x, *y) == fisc::place_less(*x, *y));
    }
  }
  CHECK(fisc::place_less(g, a));
  CHECK_FALSE(fisc::place_less_in_file(g, a));  // page 1 after page 0, whatever the files
  CHECK(fisc::place_less_in_file(a, g));
}

TEST_CASE("a subject's document order puts the facts of two files by file first") {
  // The facts of one file are sorted without comparing paths; with two, the files come first.
  auto report = report_from(statement("expenditure.total", "3.36", 1) + "," +
                            statement("expenditure.basic", "1", 2) + "," +
                            statement("expenditure.project", "2", 3));
  REQUIRE(report.statements.size() == 3);
  const fisc::Subject one_file(report);
  REQUIRE(one_file.in_document_order().size() == 3);
  CHECK(one_file.in_document_order()[0] == one_file.facts().all().data());
  report.statements[0].source.file = "b.txt";
  report.statements[1].source.file = "b.txt";
  report.statements[2].source.file = "a.txt";
  const fisc::Subject two_files(report);
  const auto order = two_files.in_document_order();
  const auto& all = two_files.facts().all();
  REQUIRE(order.size() == 3);
  CHECK(order[0] == &all[2]);
  CHECK(order[1] == all.data());
  CHECK(order[2] == &all[1]);
}

TEST_CASE("the built-in pack: ids are unique, dotted words, and every rule has both texts") {
  const Pack p = fisc::builtin_pack();
  CHECK(p.size() >= 30);
  for (const auto& r : p.rules()) {
    CAPTURE(r.info.id);
    CHECK_FALSE(r.info.title.zh.empty());
    CHECK_FALSE(r.info.title.en.empty());
    CHECK_FALSE(r.info.description.zh.empty());
    CHECK_FALSE(r.info.description.en.empty());
    CHECK(r.info.id.find_first_not_of("abcdefghijklmnopqrstuvwxyz_.") == std::string::npos);
    CHECK(r.info.severity != Severity::ok);
  }
}

TEST_CASE("docs/rules.md lists every rule of the built-in pack, and no other") {
  std::ifstream in(std::filesystem::path(FISC_SOURCE_DIR) / "docs/rules.md");
  REQUIRE(in.good());
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::set<std::string> listed;
  std::size_t at = 0;
  // Table rows start with "| `id` |".
  while ((at = text.find("\n| `", at)) != std::string::npos) {
    const std::size_t end = text.find('`', at + 4);
    listed.insert(text.substr(at + 4, end - at - 4));
    at = end;
  }
  std::set<std::string> ids;
  const Pack pack = fisc::builtin_pack();
  for (const auto& r : pack.rules()) ids.insert(r.info.id);
  for (const auto& id : ids)
    CHECK_MESSAGE(listed.count(id) == 1, (std::string(id) + " is not in docs/rules.md"));
  for (const auto& id : listed)
    CHECK_MESSAGE(ids.count(id) == 1, (std::string(id) + " is not a built-in rule"));
}

TEST_CASE("ratio_check: a bound on a ratio, for users' rules") {
  const auto report =
      report_from(statement("three_public.reception", "0.59", 1) + "," +
                  statement("expenditure.basic.public_expense", "44.43", 2) + "," +
                  statement("three_public.reception", "0.80", 3, R"("year": 2019,)") + "," +
                  statement("expenditure.basic.public_expense", "10.00", 4, R"("year": 2019,)") +
                  "," + statement("three_public.reception", "1.00", 5, R"("year": 2018,)") + "," +
                  statement("expenditure.basic.public_expense", "0", 6, R"("year": 2018,)"));
  const fisc::Subject subject(report);
  Pack p;
  p.add(make_rule(
      "local.reception_ratio",
      fisc::ratio_check({"three_public.reception", {}}, {"expenditure.basic.public_expense", {}},
                        *fisc::parse_decimal("0"), *fisc::parse_decimal("5"),
                        {"接待费不超过公用经费的5%", "reception ≤ 5% of public expense"})));
  fisc::RunOptions options;
  options.keep_passed = true;
  const auto result = fisc::run(p, subject, options);
  // 2020: 0.59 / 44.43 = 1.33% holds; 2019: 0.80 / 10.00 = 8.00% fails; 2018: a zero base is
  // left alone.
  REQUIRE(result.findings.size() == 2);
  CHECK(result.findings[0].severity == Severity::ok);
  CHECK(result.findings[0].where.span->line == 1);
  const auto& f = result.findings[1];
  CHECK(f.severity == Severity::error);
  CHECK(f.where.span->line == 3);
  CHECK(f.message.en ==
        "reception ≤ 5% of public expense: 0.80 wan yuan ÷ 10.00 wan yuan = "
        "8.00%, outside 0%–5%");
  REQUIRE(f.expected.has_value());
  CHECK(f.expected->text == "0%–5%");
  // 5.00% exactly is within the bound.
  const auto edge = report_from(statement("three_public.reception", "0.50", 1) + "," +
                                statement("expenditure.basic.public_expense", "10.00", 2));
  const fisc::Subject edge_subject(edge);
  CHECK(fisc::run(p, edge_subject).findings.empty());
}

TEST_CASE("the built-in pack says what each identity applies to") {
  const Pack p = fisc::builtin_pack();
  const auto applies = [&](std::string_view id) { return p.find(id)->info.applies_to; };
  CHECK(applies("sum.basic") == std::vector<std::string>{"expenditure.basic",
                                                         "expenditure.basic.personnel",
                                                         "expenditure.basic.public_expense"});
  CHECK(applies("at_most.office_running") ==
        std::vector<std::string>{"office_running", "expenditure.basic.public_expense"});
  CHECK(applies("share").empty());  // figures of any concept
  for (const auto& r : p.rules()) {
    for (const auto& c : r.info.applies_to) {
      CAPTURE(r.info.id);
      CHECK_MESSAGE(fisc::find_concept(c) != nullptr, c);
    }
  }
}
