// SPDX-License-Identifier: BSL-1.0
// The performance rules of the built-in pack (perf.*, and sum.performance_score on a
// self-evaluation), each passing and failing on small reports built in code.
#include <doctest/doctest.h>

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "fisc/accounts/report.hpp"
#include "fisc/numbers/parse.hpp"
#include "fisc/perf/model.hpp"
#include "fisc/rules/builtin.hpp"
#include "fisc/rules/pack.hpp"
#include "fisc/rules/perf.hpp"
#include "fisc/rules/subject.hpp"

using fisc::Finding;
using fisc::Indicator;
using fisc::InputFindings;
using fisc::PlacedFigure;
using fisc::PlacedText;
using fisc::ProjectPerformance;
using fisc::Report;
using fisc::Severity;
using fisc::Unit;

namespace {

fisc::Source at(std::uint32_t line, std::uint32_t column, std::uint32_t length = 1) {
  fisc::Source s;
  s.section = "绩效";
  s.span = fisc::TextSpan{line, column, length};
  return s;
}

PlacedFigure figure(std::string_view text, Unit unit, std::uint32_t line,
                    fisc::Reading reading = fisc::Reading::rounded) {
  auto stated = fisc::parse_figure(text, reading);
  REQUIRE(stated.has_value());
  stated->unit = unit;
  return {*stated, at(line, 1, 1)};
}

PlacedText text(std::string_view t, std::uint32_t line, std::uint32_t column = 1) {
  return {std::string(t), at(line, column, 1)};
}

Indicator indicator(std::string_view level1, std::string_view level2, std::string_view level3,
                    std::string_view target, std::optional<std::string_view> actual,
                    std::uint32_t line) {
  Indicator i;
  i.level1 = level1;
  i.level2 = level2;
  i.level3 = level3;
  i.target = text(target, line, 10);
  if (actual) i.actual = text(*actual, line, 40);
  return i;
}

// A project table whose indicators hold: a figure met, a deadline, a satisfaction above its
// threshold, and a cost equal to the executed amount.
ProjectPerformance good_project() {
  ProjectPerformance p;
  p.name = "物业管理";
  p.unit = "某部门";
  p.source = at(10, 1);
  p.budget.total = figure("12.42", Unit::wan, 11);
  p.executed.total = figure("12.42", Unit::wan, 12);
  p.budget.fiscal = figure("12.42", Unit::wan, 13);
  p.executed.fiscal = figure("12.42", Unit::wan, 14);
  p.indicators = {
      indicator("产出指标", "数量指标", "面积", "2421.1平方米", "2421.1平方米", 20),
      indicator("产出指标", "时效指标", "完成时间", "2020年12月底", "2020年11月30日", 21),
      indicator("产出指标", "成本指标", "成本", "12.42万元", "12.42万元", 22),
      indicator("满意度指标", "服务对象满意度指标", "满意度", "≥96%", "97%", 23),
  };
  return p;
}

Report report_with(std::vector<ProjectPerformance> projects) {
  Report r;
  r.year = 2020;
  r.file = "case.report.json";
  r.performance.projects = std::move(projects);
  return r;
}

const fisc::Pack& pack() {
  static const fisc::Pack p = fisc::builtin_pack();
  return p;
}

InputFindings run_rule(std::string_view id, const Report& report) {
  const fisc::Rule* rule = pack().find(id);
  REQUIRE_MESSAGE(rule != nullptr, std::string(id));
  fisc::Pack one;
  one.add(*rule);
  const fisc::Subject subject(report);
  return fisc::run(
      one, subject,
      fisc::RunOptions{.policy = fisc::TolerancePolicy::intervals(), .keep_passed = true});
}

std::vector<const Finding*> failures(const InputFindings& found) {
  std::vector<const Finding*> out;
  for (const Finding& f : found.findings) {
    if (f.severity != Severity::ok) out.push_back(&f);
  }
  return out;
}

std::size_t passed(const InputFindings& found) {
  std::size_t n = 0;
  for (const Finding& f : found.findings) n += f.severity == Severity::ok ? 1 : 0;
  return n;
}

void holds(std::string_view id, const Report& report, std::size_t checks) {
  const InputFindings found = run_rule(id, report);
  CHECK_MESSAGE(failures(found).empty(), std::string(id));
  CHECK_MESSAGE(passed(found) == checks, std::string(id));
}

std::vector<Finding> fails(std::string_view id, const Report& report, std::size_t count) {
  const InputFindings found = run_rule(id, report);
  std::vector<Finding> out;
  for (const Finding* f : failures(found)) out.push_back(*f);
  REQUIRE_MESSAGE(out.size() == count, std::string(id));
  for (const Finding& f : out) {
    CHECK(f.rule == id);
    CHECK(f.severity == pack().find(id)->info.severity);
    CHECK(!f.message.zh.empty());
    CHECK(!f.message.en.empty());
    CHECK(f.where.file == "case.report.json");
  }
  return out;
}

bool contains(std::string_view haystack, std::string_view needle) {
  return haystack.find(needle) != std::string_view::npos;
}

}  // namespace

TEST_CASE("Subject::evaluated: each indicator read once, in its project's year or the report's") {
  ProjectPerformance own_year = good_project();
  own_year.year = 2021;
  own_year.indicators = {
      indicator("产出指标", "时效指标", "完成时间", "12月底前", "2021年11月30日", 30),
      indicator("产出指标", "时效指标", "完成时间", "2020年13月底", std::nullopt, 31)};
  ProjectPerformance report_year = own_year;
  report_year.year = 0;
  Report r = report_with({own_year, report_year});
  r.performance.evaluation.emplace();
  r.performance.evaluation->projects = {good_project()};
  const fisc::Subject subject(r);

  // Without a year of its own, 12月底前 is the report's December: 2021年11月30日 is after it.
  const auto& in_2021 = subject.evaluated(r.performance.projects[0].indicators[0]);
  const auto& in_2020 = subject.evaluated(r.performance.projects[1].indicators[0]);
  CHECK(in_2021.evaluation.outcome == fisc::TargetOutcome::met);
  CHECK(in_2020.evaluation.outcome == fisc::TargetOutcome::not_met);
  // Each is what evaluate gives, errors and all.
  for (const ProjectPerformance* p : {&r.performance.projects[0], &r.performance.projects[1],
                                      &r.performance.evaluation->projects[0]}) {
    const std::int32_t year = p->year != 0 ? p->year : r.year;
    for (const Indicator& i : p->indicators) {
      const fisc::IndicatorResult expected = fisc::evaluate(i, year);
      const fisc::IndicatorResult& got = subject.evaluated(i);
      CHECK(got.target == expected.target);
      CHECK(got.actual == expected.actual);
      CHECK(got.target_error == expected.target_error);
      CHECK(got.actual_error == expected.actual_error);
      CHECK(got.evaluation.outcome == expected.evaluation.outcome);
      CHECK(got.evaluation.reason_en == expected.evaluation.reason_en);
    }
  }
  CHECK(subject.evaluated(r.performance.projects[0].indicators[1]).target_error.has_value());
  CHECK_FALSE(subject.evaluated(r.performance.projects[0].indicators[1]).actual.has_value());
  // An indicator of another report, even an equal one, is not this subject's.
  const Indicator copy = r.performance.projects[0].indicators[0];
  CHECK_THROWS_AS(static_cast<void>(subject.evaluated(copy)), std::out_of_range);
}

TEST_CASE("perf rules: a good project table passes every perf rule") {
  const Report r = report_with({good_project()});
  for (const fisc::Rule& rule : pack().rules()) {
    if (!rule.info.id.starts_with("perf.")) continue;
    const InputFindings found = run_rule(rule.info.id, r);
    CHECK_MESSAGE(failures(found).empty(), rule.info.id);
  }
}

TEST_CASE("perf.actual_copies_target") {
  holds("perf.actual_copies_target", report_with({good_project()}), 1);
  ProjectPerformance p = good_project();
  for (Indicator& i : p.indicators)
    i.actual = text(i.target.text + " ", i.target.source.span->line);
  const auto found = fails("perf.actual_copies_target", report_with({p}), 1);
  CHECK(found[0].where.span->line == 10);
  CHECK(contains(found[0].message.zh, "逐字相同"));
  // One indicator with an actual value is not enough to say a table copies.
  ProjectPerformance one = good_project();
  one.indicators.resize(1);
  one.indicators[0].actual = one.indicators[0].target;
  holds("perf.actual_copies_target", report_with({one}), 0);
}

TEST_CASE("perf.no_timeliness and perf.no_cost") {
  holds("perf.no_timeliness", report_with({good_project()}), 1);
  holds("perf.no_cost", report_with({good_project()}), 1);
  ProjectPerformance p = good_project();
  p.indicators.erase(p.indicators.begin() + 1, p.indicators.begin() + 3);  // 时效, 成本
  CHECK(contains(fails("perf.no_timeliness", report_with({p}), 1)[0].message.zh, "时效指标"));
  CHECK(contains(fails("perf.no_cost", report_with({p}), 1)[0].message.en, "cost"));
  // A level 1 成本指标 (templates from 2021) is a cost indicator.
  p.indicators.push_back(
      indicator("成本指标", "经济成本指标", "成本", "12.42万元", "12.42万元", 30));
  holds("perf.no_cost", report_with({p}), 1);
  // A table without indicators (a list of amounts) is not checked.
  ProjectPerformance empty = good_project();
  empty.indicators.clear();
  holds("perf.no_cost", report_with({empty}), 0);
}

TEST_CASE("perf.satisfaction_range") {
  holds("perf.satisfaction_range", report_with({good_project()}), 2);
  ProjectPerformance p = good_project();
  p.indicators[3].actual = text("105%", 23, 40);
  const auto found = fails("perf.satisfaction_range", report_with({p}), 1);
  CHECK(found[0].where.span->column == 40);
  CHECK(found[0].figures.at(0).text == "105%");
  // 100.0% may be 100.04%, and 100.4% is above 100% whatever its rounding.
  p.indicators[3].actual = text("100.0%", 23, 40);
  holds("perf.satisfaction_range", report_with({p}), 2);
  p.indicators[3].actual = text("100.4%", 23, 40);
  fails("perf.satisfaction_range", report_with({p}), 1);
  p.indicators[3].target = text("≥120%", 23, 10);
  p.indicators[3].actual = text("97%", 23, 40);
  fails("perf.satisfaction_range", report_with({p}), 1);
}

TEST_CASE("perf.cost_amount") {
  holds("perf.cost_amount", report_with({good_project()}), 1);
  ProjectPerformance p = good_project();
  p.indicators[2].actual = text("13.5万元", 22, 40);
  const auto found = fails("perf.cost_amount", report_with({p}), 1);
  CHECK(found[0].figures.size() == 2);
  CHECK(found[0].figures[1].text == "12.42");
  // 元 against 万元, within rounding: 124154.00 元 is 12.42 万元.
  p.indicators[2].actual = text("124154.00元", 22, 40);
  holds("perf.cost_amount", report_with({p}), 1);
  // A list of targets only compares the target with the budget; a plain number is in the
  // amount's unit.
  ProjectPerformance list = good_project();
  list.amount_unit = Unit::yuan;
  list.budget.total = figure("124154.00", Unit::yuan, 11, fisc::Reading::exact);
  list.executed = {};
  list.indicators = {indicator("", "成本指标", "", "124154.00", std::nullopt, 40)};
  Report r = report_with({});
  r.performance.evaluation = fisc::SelfEvaluation{};
  r.performance.evaluation->projects = {list};
  holds("perf.cost_amount", r, 1);
  r.performance.evaluation->projects[0].indicators[0].target = text("124155.00", 40);
  fails("perf.cost_amount", r, 1);
}

TEST_CASE("perf.executed_over_budget") {
  holds("perf.executed_over_budget", report_with({good_project()}), 2);
  ProjectPerformance p = good_project();
  p.executed.total = figure("12.44", Unit::wan, 12);
  const auto found = fails("perf.executed_over_budget", report_with({p}), 1);
  CHECK(found[0].where.span->line == 12);
  CHECK(found[0].expected->text == "≤ 12.42");
  // 12.43 may be 12.425, and 12.42 may be 12.4249…: within rounding they can be equal.
  p.executed.total = figure("12.43", Unit::wan, 12);
  fails("perf.executed_over_budget", report_with({p}), 1);
  p.executed.total = figure("12.4", Unit::wan, 12);
  holds("perf.executed_over_budget", report_with({p}), 2);
  p.executed.fiscal = figure("13", Unit::wan, 14);
  CHECK(
      contains(fails("perf.executed_over_budget", report_with({p}), 1)[0].message.zh, "财政拨款"));
}

TEST_CASE("perf.target_not_met") {
  holds("perf.target_not_met", report_with({good_project()}), 4);
  ProjectPerformance p = good_project();
  p.indicators[3].actual = text("90%", 23, 40);
  const auto found = fails("perf.target_not_met", report_with({p}), 1);
  CHECK(found[0].where.span->column == 40);
  CHECK(found[0].figures.size() == 2);
  // Qualitative and open-by-rounding results are not reported either way.
  p.indicators[3].actual = text("群众普遍满意", 23, 40);
  holds("perf.target_not_met", report_with({p}), 3);
  p.indicators[3].actual = text("96%", 23, 40);  // may be 95.7%: needs review
  holds("perf.target_not_met", report_with({p}), 3);
}

TEST_CASE("perf.target_unreadable points at the character") {
  holds("perf.target_unreadable", report_with({good_project()}), 8);
  ProjectPerformance p = good_project();
  p.indicators[1].target = text("2020年13月底", 21, 10);
  const auto found = fails("perf.target_unreadable", report_with({p}), 1);
  // 2020年13月底: the month starts at the 6th code point of the text, at column 10.
  CHECK(found[0].where.span->column == 15);
  CHECK(contains(found[0].message.en, "invalid month"));
}

TEST_CASE("perf.tables_reported") {
  Report r = report_with({good_project()});
  fisc::Fact reported;
  reported.key.concept_id = "performance.projects_reported";
  reported.key.year = 2020;
  reported.value = figure("1", Unit::none, 5, fisc::Reading::exact).value;
  reported.source = at(5, 3);
  r.listings.push_back(reported);
  holds("perf.tables_reported", r, 1);
  r.listings[0].value = figure("20", Unit::none, 5, fisc::Reading::exact).value;
  const auto found = fails("perf.tables_reported", r, 1);
  CHECK(found[0].figures.at(0).text == "20");
  CHECK(contains(found[0].message.zh, "20个项目"));
  // Without project tables, nothing is said: the report did not enter them.
  r.performance.projects.clear();
  holds("perf.tables_reported", r, 0);
}

TEST_CASE("perf.project_restated compares one project spelled differently") {
  Report r = report_with({good_project()});
  ProjectPerformance listed;
  listed.name = "“物业管理”经费";
  listed.amount_unit = Unit::yuan;
  listed.budget.total = figure("124154.00", Unit::yuan, 50, fisc::Reading::exact);
  r.performance.evaluation = fisc::SelfEvaluation{};
  r.performance.evaluation->projects = {listed};
  holds("perf.project_restated", r, 1);
  r.performance.evaluation->projects[0].budget.total =
      figure("125154.00", Unit::yuan, 50, fisc::Reading::exact);
  const auto found = fails("perf.project_restated", r, 1);
  CHECK(found[0].figures.size() == 2);
  CHECK(contains(found[0].message.zh, "“物业管理”经费"));
  // A different project is not compared.
  r.performance.evaluation->projects[0].name = "老干部活动中心运行管理经费";
  holds("perf.project_restated", r, 0);
}

TEST_CASE("sum.performance_score on a self-evaluation requires equality") {
  Report r = report_with({});
  fisc::SelfEvaluation e;
  e.parts = {{"预算管理", figure("48", Unit::none, 60), std::nullopt},
             {"专项预算管理", figure("18", Unit::none, 60), std::nullopt},
             {"绩效结果应用", figure("30", Unit::none, 60), std::nullopt}};
  e.total = figure("96", Unit::none, 60);
  r.performance.evaluation = e;
  holds("sum.performance_score", r, 1);
  r.performance.evaluation->total = figure("100", Unit::none, 60);
  const auto found = fails("sum.performance_score", r, 1);
  CHECK(found[0].expected->text == "96");
  CHECK(found[0].figures.size() == 4);
  // Parts below the total are a defect too (the parts are all the parts).
  r.performance.evaluation->total = figure("90", Unit::none, 60);
  fails("sum.performance_score", r, 1);
}

TEST_CASE("perf model: collect_facts makes the amounts and scores facts") {
  Report r = report_with({good_project()});
  r.performance.projects[0].execution_rate = figure("100%", Unit::percent, 15);
  fisc::SelfEvaluation e;
  e.parts = {{"预算管理", figure("48", Unit::none, 60), std::nullopt}};
  e.total = figure("48", Unit::none, 60);
  r.performance.evaluation = e;
  const auto collected = fisc::collect_facts(r);
  std::size_t budget = 0;
  std::size_t rate = 0;
  std::size_t scores = 0;
  for (const fisc::Fact& f : collected.facts.all()) {
    CHECK(f.origin == fisc::Origin::listing);
    CHECK(f.source.file == "case.report.json");
    if (f.key.concept_id == "project.budget") {
      ++budget;
      CHECK(f.key.scenario == fisc::Scenario::budget);
      CHECK(f.key.dims.get("project") == std::optional<std::string_view>("物业管理"));
    }
    if (f.key.measure == fisc::Measure::completion_rate) ++rate;
    if (f.key.concept_id == "performance.score") ++scores;
  }
  CHECK(budget == 1);
  CHECK(rate == 1);
  CHECK(scores == 2);
  CHECK(collected.facts.size() == 5 + 2);
}

TEST_CASE("perf model: the table's execution rate is checked by completion_rate") {
  Report r = report_with({good_project()});
  r.performance.projects[0].execution_rate = figure("100%", Unit::percent, 15);
  holds("completion_rate", r, 1);
  r.performance.projects[0].execution_rate = figure("98%", Unit::percent, 15);
  fails("completion_rate", r, 1);
}

TEST_CASE("perf.grade") {
  Report r = report_with({});
  fisc::SelfEvaluation e;
  e.total = figure("96", Unit::none, 60);
  e.grade = text("优", 61);
  r.performance.evaluation = e;
  holds("perf.grade", r, 1);
  r.performance.evaluation->grade = text("良好", 61, 5);
  const auto found = fails("perf.grade", r, 1);
  CHECK(found[0].where.span->column == 5);
  CHECK(found[0].expected->text == "优");
  CHECK(contains(found[0].message.zh, "良好"));
  // 89.6 may be 89.55 or 89.64: 良 only. 90 written may be 89.5: 良 or 优, both hold.
  r.performance.evaluation->total = figure("89.6", Unit::none, 60);
  holds("perf.grade", r, 1);
  r.performance.evaluation->total = figure("90", Unit::none, 60);
  r.performance.evaluation->grade = text("优秀", 61);
  holds("perf.grade", r, 1);
  r.performance.evaluation->grade = text("良", 61);
  holds("perf.grade", r, 1);
  r.performance.evaluation->grade = text("中", 61);
  CHECK(fails("perf.grade", r, 1)[0].expected->text == "良–优");
  // A project table's score and grade; a grade fisc cannot read is not judged.
  ProjectPerformance p = good_project();
  p.score = figure("59", Unit::none, 16);
  p.grade = text("中", 17);
  r.performance.projects = {p};
  r.performance.evaluation.reset();
  CHECK(contains(fails("perf.grade", r, 1)[0].message.en, "poor"));
  r.performance.projects[0].grade = text("基本完成", 17);
  holds("perf.grade", r, 0);
}
