// SPDX-License-Identifier: BSL-1.0
#include "fisc/rules/perf.hpp"

#include <algorithm>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "fisc/facts/fact.hpp"
#include "fisc/numbers/format.hpp"
#include "fisc/perf/target.hpp"
#include "fisc/rules/place.hpp"

namespace fisc {
namespace {

/// A place with the report's file where the place has none.
Source placed(const Scope& scope, Source source) {
  if (source.file.empty()) source.file = scope.report().file;
  return source;
}

/// A text of the input as a finding's figure.
FindingFigure text_figure(const Scope& scope, const PlacedText& text) {
  FindingFigure f;
  f.text = text.text;
  f.where = placed(scope, text.source);
  return f;
}

FindingFigure amount_figure(const Scope& scope, const PlacedFigure& figure,
                            std::string_view concept_id) {
  FindingFigure f;
  f.text = figure.value.text;
  f.unit = figure.value.unit;
  f.concept_id = concept_id;
  f.where = placed(scope, figure.source);
  return f;
}

/// The same text but for spaces: a copied cell often differs only in them.
std::string without_spaces(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    if (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r') {
      ++i;
    } else if (text.substr(i, 3) == "\u3000") {
      i += 3;
    } else {
      out.push_back(text[i++]);
    }
  }
  return out;
}

/// Every project of the report: its tables, then the projects its self-evaluation lists.
template <class Visit>
void for_each_project(const Scope& scope, Visit&& visit) {
  const Performance& perf = scope.report().performance;
  for (const ProjectPerformance& p : perf.projects) visit(p);
  if (perf.evaluation) {
    for (const ProjectPerformance& p : perf.evaluation->projects) visit(p);
  }
}

bool is_satisfaction(const Indicator& indicator) {
  return indicator.level2_kind() == Level2::satisfaction ||
         indicator.level1_kind() == Level1::satisfaction;
}

bool is_cost(const Indicator& indicator) {
  return indicator.level2_kind() == Level2::cost || indicator.level1_kind() == Level1::cost;
}

/// A placed figure as a fact of the project, so the run's tolerance policy reads it.
Fact as_fact(const ProjectPerformance& project, const PlacedFigure& figure,
             std::string_view concept_id, Scenario scenario) {
  Fact fact;
  fact.key.concept_id = concept_id;
  fact.key.scenario = scenario;
  fact.key.dims.set("project", project.name);
  fact.value = figure.value;
  fact.source = figure.source;
  fact.origin = Origin::listing;
  return fact;
}

std::string quoted_zh(std::string_view name) { return fmt::format("“{}”", name); }
std::string quoted_en(std::string_view name) { return fmt::format("\"{}\"", name); }

}  // namespace

Check actual_copies_target_check() {
  return [](const Scope& scope, const Emit& emit) {
    for (const ProjectPerformance& project : scope.report().performance.projects) {
      std::size_t with_actual = 0;
      std::size_t copied = 0;
      for (const Indicator& indicator : project.indicators) {
        if (!indicator.actual) continue;
        ++with_actual;
        if (without_spaces(indicator.actual->text) == without_spaces(indicator.target.text)) {
          ++copied;
        }
      }
      if (with_actual < 2) continue;
      if (emit_bare_pass(scope, emit, copied < with_actual)) continue;
      Outcome o;
      o.held = copied < with_actual;
      o.where = placed(scope, project.source);
      o.message = {
          fmt::format("项目{}的{}项指标，实际完成值均与预期指标值逐字相同，未反映实际完成情况",
                      quoted_zh(project.name), with_actual),
          fmt::format("project {}: the actual value of each of its {} indicators repeats its "
                      "target word for word; nothing measured is reported",
                      quoted_en(project.name), with_actual)};
      emit(std::move(o));
    }
  };
}

Check indicator_present_check(Level2 level) {
  return [level](const Scope& scope, const Emit& emit) {
    for (const ProjectPerformance& project : scope.report().performance.projects) {
      if (project.indicators.empty()) continue;
      const bool present = std::any_of(
          project.indicators.begin(), project.indicators.end(), [level](const Indicator& i) {
            return level == Level2::cost ? is_cost(i) : i.level2_kind() == level;
          });
      if (emit_bare_pass(scope, emit, present)) continue;
      Outcome o;
      o.held = present;
      o.where = placed(scope, project.source);
      o.message = {
          fmt::format("项目{}的绩效指标中没有{}", quoted_zh(project.name), zh_name(level)),
          fmt::format("project {} has no {} indicator", quoted_en(project.name), to_string(level))};
      emit(std::move(o));
    }
  };
}

Check satisfaction_range_check() {
  return [](const Scope& scope, const Emit& emit) {
    for_each_project(scope, [&](const ProjectPerformance& project) {
      for (const Indicator& indicator : project.indicators) {
        if (!is_satisfaction(indicator)) continue;
        const IndicatorResult& read = scope.subject->evaluated(indicator);
        const auto check = [&](const PlacedText& cell, const std::optional<Target>& parsed,
                               bool is_target) {
          if (!parsed) return;
          for (const TargetQuantity& q : parsed->quantities) {
            if (q.unit.kind != UnitKind::percent) continue;
            auto range = q.try_interval();
            if (!range) continue;
            const bool within =
                !(range->lo() > Decimal{100} ||
                  (range->lo() == Decimal{100} && !range->lo_closed()) ||
                  range->hi() < Decimal{0} || (range->hi() == Decimal{0} && !range->hi_closed()));
            if (emit_bare_pass(scope, emit, within)) continue;
            Outcome o;
            o.held = within;
            o.where = placed(scope, cell.source);
            o.figures.push_back(text_figure(scope, cell));
            o.expected = Expected{"0%–100%", Interval::closed(Decimal{0}, Decimal{100}).value(),
                                  Unit::percent};
            o.message = {fmt::format("项目{}的满意度{}“{}”超出0%–100%", quoted_zh(project.name),
                                     is_target ? "指标值" : "实际完成值", cell.text),
                         fmt::format("project {}: the satisfaction {} \"{}\" lies outside 0%–100%",
                                     quoted_en(project.name), is_target ? "target" : "actual value",
                                     cell.text)};
            emit(std::move(o));
          }
        };
        check(indicator.target, read.target, true);
        if (indicator.actual) check(*indicator.actual, read.actual, false);
      }
    });
  };
}

Check cost_matches_amount_check() {
  return [](const Scope& scope, const Emit& emit) {
    const Figures& figures = *scope.figures;
    for_each_project(scope, [&](const ProjectPerformance& project) {
      for (const Indicator& indicator : project.indicators) {
        if (!is_cost(indicator)) continue;
        const bool has_actual = indicator.actual.has_value();
        const PlacedText& cell = has_actual ? *indicator.actual : indicator.target;
        const auto& amount = has_actual ? project.executed.total : project.budget.total;
        if (!amount) continue;
        const IndicatorResult& read = scope.subject->evaluated(indicator);
        const std::optional<Target>& parsed = has_actual ? read.actual : read.target;
        if (!parsed || parsed->kind != TargetKind::quantity) continue;
        const TargetQuantity& q = parsed->quantities.front();
        if (q.unit.kind != UnitKind::money && q.unit.kind != UnitKind::none) continue;
        if (q.comparator != Comparator::equal) continue;
        // A plain number in a cost cell is in the amount's unit (the table's 单位).
        Stated cost = q.figure;
        if (q.unit.kind == UnitKind::none) cost.unit = amount->value.unit;
        const Fact cost_fact =
            as_fact(project, PlacedFigure{cost, cell.source}, "project.cost", Scenario::actual);
        const Fact amount_fact =
            as_fact(project, *amount, has_actual ? "project.executed" : "project.budget",
                    has_actual ? Scenario::actual : Scenario::budget);
        auto cost_range = figures.range(cost_fact, Unit::yuan);
        auto amount_range = figures.range(amount_fact, Unit::yuan);
        if (!cost_range || !amount_range) continue;
        const bool agree = figures.agree(*cost_range, *amount_range, Unit::yuan) ||
                           figures.agree(*amount_range, *cost_range, Unit::yuan);
        if (emit_bare_pass(scope, emit, agree)) continue;
        Outcome o;
        o.held = agree;
        o.where = placed(scope, cell.source);
        o.figures.push_back(text_figure(scope, cell));
        o.figures.push_back(amount_figure(scope, *amount, amount_fact.key.concept_id));
        const std::string_view what_zh = has_actual ? "执行数" : "预算数";
        const std::string_view what_en = has_actual ? "executed amount" : "budget";
        o.message = {
            fmt::format("项目{}的成本指标“{}”与{}{}{}不符", quoted_zh(project.name), cell.text,
                        what_zh, amount->value.text, symbol(amount->value.unit)),
            fmt::format("project {}: the cost indicator \"{}\" differs from its {} {} {}",
                        quoted_en(project.name), cell.text, what_en, amount->value.text,
                        to_string(amount->value.unit))};
        emit(std::move(o));
      }
    });
  };
}

Check executed_within_budget_check() {
  return [](const Scope& scope, const Emit& emit) {
    const Figures& figures = *scope.figures;
    for_each_project(scope, [&](const ProjectPerformance& project) {
      const auto check = [&](const std::optional<PlacedFigure>& budget,
                             const std::optional<PlacedFigure>& executed,
                             std::string_view concept_id, std::string_view zh,
                             std::string_view en) {
        if (!budget || !executed) return;
        const Fact b = as_fact(project, *budget, concept_id, Scenario::budget);
        const Fact e = as_fact(project, *executed, concept_id, Scenario::actual);
        const Unit unit = project.amount_unit;
        auto b_range = figures.range(b, unit);
        auto e_range = figures.range(e, unit);
        if (!b_range || !e_range) return;
        const bool within = figures.can_be_at_most(*e_range, *b_range, unit);
        if (emit_bare_pass(scope, emit, within)) return;
        Outcome o;
        o.held = within;
        o.where = placed(scope, executed->source);
        o.figures.push_back(amount_figure(scope, *executed, concept_id));
        o.figures.push_back(amount_figure(scope, *budget, concept_id));
        o.expected = Expected{"≤ " + budget->value.text, std::nullopt, unit};
        o.message = {
            fmt::format("项目{}{}执行数{}超过预算数{}", quoted_zh(project.name), zh,
                        executed->value.text, budget->value.text),
            fmt::format("project {}: {}executed {} exceeds the budget {}", quoted_en(project.name),
                        en, executed->value.text, budget->value.text)};
        emit(std::move(o));
      };
      check(project.budget.total, project.executed.total, "project.executed", "", "");
      check(project.budget.fiscal, project.executed.fiscal, "project.fiscal", "财政拨款",
            "fiscal appropriation ");
    });
  };
}

Check target_met_check() {
  return [](const Scope& scope, const Emit& emit) {
    for (const ProjectPerformance& project : scope.report().performance.projects) {
      for (const Indicator& indicator : project.indicators) {
        if (!indicator.actual) continue;
        const IndicatorResult& result = scope.subject->evaluated(indicator);
        if (result.target_error || result.actual_error) continue;
        const TargetOutcome outcome = result.evaluation.outcome;
        if (outcome == TargetOutcome::needs_review || outcome == TargetOutcome::not_evaluable) {
          continue;
        }
        const bool met = outcome != TargetOutcome::not_met;
        if (emit_bare_pass(scope, emit, met)) continue;
        Outcome o;
        o.held = met;
        o.where = placed(scope, indicator.actual->source);
        o.figures.push_back(text_figure(scope, indicator.target));
        o.figures.push_back(text_figure(scope, *indicator.actual));
        o.message = {
            fmt::format("项目{}的指标“{}”未达到指标值：{}", quoted_zh(project.name),
                        indicator.level3, result.evaluation.reason_zh),
            fmt::format("project {}: indicator \"{}\" misses its target: {}",
                        quoted_en(project.name), indicator.level3, result.evaluation.reason_en)};
        emit(std::move(o));
      }
    }
  };
}

Check target_readable_check() {
  return [](const Scope& scope, const Emit& emit) {
    for_each_project(scope, [&](const ProjectPerformance& project) {
      for (const Indicator& indicator : project.indicators) {
        const IndicatorResult& read = scope.subject->evaluated(indicator);
        const auto check = [&](const PlacedText& cell, const std::optional<TargetError>& error,
                               bool is_target) {
          if (emit_bare_pass(scope, emit, !error)) return;
          Outcome o;
          o.held = !error;
          o.where = placed(scope, cell.source);
          if (error) {
            // Point at the character: the cell's span starts at the text's first column.
            if (o.where.span) {
              o.where.span->column += static_cast<std::uint32_t>(error->column - 1);
              o.where.span->length = 1;
            }
            o.message = {
                fmt::format("项目{}的{}“{}”无法读取：{}", quoted_zh(project.name),
                            is_target ? "指标值" : "实际完成值", cell.text, describe(*error)),
                fmt::format("project {}: the {} \"{}\" does not read: {}", quoted_en(project.name),
                            is_target ? "target" : "actual value", cell.text, describe(*error))};
          }
          o.figures.push_back(text_figure(scope, cell));
          emit(std::move(o));
        };
        check(indicator.target, read.target_error, true);
        if (indicator.actual) check(*indicator.actual, read.actual_error, false);
      }
    });
  };
}

Check evaluation_sum_check() {
  return [](const Scope& scope, const Emit& emit) {
    const auto& evaluation = scope.report().performance.evaluation;
    if (!evaluation || !evaluation->total || evaluation->parts.empty()) return;
    Interval sum = Interval::point(Decimal{0});
    Decimal point{0};
    int decimals = 0;
    for (const ScorePart& part : evaluation->parts) {
      auto range = part.score.value.try_interval();
      if (!range) return;
      auto added = try_add(sum, *range);
      auto added_point = try_add(point, part.score.value.value);
      if (!added || !added_point) return;
      sum = *added;
      point = *added_point;
      decimals = std::max(decimals, part.score.value.decimals());
    }
    auto total = evaluation->total->value.try_interval();
    if (!total) return;
    const bool agree = scope.figures->agree(*total, sum, Unit::none);
    if (emit_bare_pass(scope, emit, agree)) return;
    Outcome o;
    o.held = agree;
    o.where = placed(scope, evaluation->total->source);
    o.figures.push_back(amount_figure(scope, *evaluation->total, "performance.score"));
    for (const ScorePart& part : evaluation->parts) {
      o.figures.push_back(amount_figure(scope, part.score, "performance.score"));
    }
    auto shown = try_round_to(point, decimals, Rounding::half_up);
    o.expected = Expected{shown ? to_string(*shown) : to_string(point), sum, Unit::none};
    o.message = {fmt::format("自评总分{}不等于各部分得分之和{}", evaluation->total->value.text,
                             o.expected->text),
                 fmt::format("the self-evaluation total {} is not the sum of its parts, {}",
                             evaluation->total->value.text, o.expected->text)};
    emit(std::move(o));
  };
}

Check grade_check(GradeBands bands) {
  return [bands](const Scope& scope, const Emit& emit) {
    const auto check = [&](const std::optional<PlacedFigure>& score,
                           const std::optional<PlacedText>& grade, std::string_view whose_zh,
                           std::string_view whose_en) {
      if (!score || !grade) return;
      const auto written = grade_from_text(grade->text);
      const auto range = score->value.try_interval();
      if (!written || !range) return;
      const GradeRange allowed = grades_of(*range, bands);
      if (emit_bare_pass(scope, emit, allowed.contains(*written))) return;
      Outcome o;
      o.held = allowed.contains(*written);
      o.where = placed(scope, grade->source);
      o.figures.push_back(amount_figure(scope, *score, "performance.score"));
      o.figures.push_back(text_figure(scope, *grade));
      const std::string expected_zh =
          allowed.is_single() ? std::string(zh_name(allowed.best))
                              : fmt::format("{}–{}", zh_name(allowed.worst), zh_name(allowed.best));
      o.expected = Expected{expected_zh, std::nullopt, Unit::none};
      o.message = {
          fmt::format("{}得分{}应评为“{}”，却写作“{}”", whose_zh, score->value.text, expected_zh,
                      grade->text),
          fmt::format("{} scores {}, which is graded {}, but the grade written is \"{}\"", whose_en,
                      score->value.text,
                      allowed.is_single() ? std::string(to_string(allowed.best))
                                          : fmt::format("{} to {}", to_string(allowed.worst),
                                                        to_string(allowed.best)),
                      grade->text)};
      emit(std::move(o));
    };
    const Performance& perf = scope.report().performance;
    if (perf.evaluation) {
      check(perf.evaluation->total, perf.evaluation->grade, "部门整体绩效自评",
            "the self-evaluation");
    }
    for (const ProjectPerformance& project : perf.projects) {
      check(project.score, project.grade, "项目" + quoted_zh(project.name),
            "project " + quoted_en(project.name));
    }
  };
}

Check tables_reported_check() {
  return [](const Scope& scope, const Emit& emit) {
    const std::size_t tables = scope.report().performance.projects.size();
    if (tables == 0) return;
    const Figures& figures = *scope.figures;
    const std::int32_t year = scope.report().year;
    std::vector<const Fact*> reported;
    for (const Fact& fact : scope.subject->facts().all()) {
      if (fact.key.concept_id == "performance.projects_reported" &&
          fact.key.measure == Measure::value && fact.key.dims.empty() &&
          (fact.key.year == year || year == 0)) {
        reported.push_back(&fact);
      }
    }
    if (reported.empty()) return;
    std::stable_sort(reported.begin(), reported.end(),
                     [](const Fact* a, const Fact* b) { return place_less(a->source, b->source); });
    for (const Figure& figure : figures.stated(reported.front()->key, Unit::none)) {
      const auto count = Decimal::make(static_cast<std::int64_t>(tables), 0);
      if (!count) return;
      const bool at_most =
          figures.can_be_at_most(figure.range, Interval::point(*count), Unit::none);
      if (emit_bare_pass(scope, emit, at_most)) continue;
      Outcome o;
      o.held = at_most;
      o.where = figure.fact->source;
      o.figures.push_back(to_finding_figure(figure));
      o.expected = Expected{fmt::format("≤ {}", tables), std::nullopt, Unit::none};
      o.message = {
          fmt::format(
              "文中称反映{}个项目的绩效目标完成情况，但只公开了{}张项目支出绩效目标完成情况表",
              figure.text, tables),
          fmt::format("the text says it reports the performance of {} projects, but publishes "
                      "{} project performance tables",
                      figure.text, tables)};
      emit(std::move(o));
    }
  };
}

Check project_restated_check() {
  return [](const Scope& scope, const Emit& emit) {
    const Figures& figures = *scope.figures;
    // Facts of one project amount, grouped by key with the project's identity for its name.
    std::map<FactKey, std::vector<const Fact*>> groups;
    for (const Fact& fact : scope.subject->facts().all()) {
      if (!fact.key.concept_id.starts_with("project.")) continue;
      const auto name = fact.key.dims.get("project");
      if (!name || name->empty()) continue;
      FactKey key = fact.key;
      key.dims.set("project", project_identity(*name));
      groups[key].push_back(&fact);
    }
    std::vector<std::vector<const Fact*>> sorted;
    for (auto& [key, facts] : groups) {
      std::stable_sort(facts.begin(), facts.end(), [](const Fact* a, const Fact* b) {
        return place_less(a->source, b->source);
      });
      sorted.push_back(std::move(facts));
    }
    std::stable_sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) {
      return place_less(a.front()->source, b.front()->source);
    });
    for (const auto& facts : sorted) {
      const Unit unit = facts.front()->value.unit == Unit::percent ? Unit::percent : Unit::yuan;
      bool compared = false;
      std::optional<std::pair<const Fact*, const Fact*>> conflict;
      for (std::size_t j = 1; j < facts.size() && !conflict; ++j) {
        for (std::size_t i = 0; i < j; ++i) {
          if (facts[i]->key.dims == facts[j]->key.dims) continue;  // fact.restated's
          auto a = figures.range(*facts[i], unit);
          auto b = figures.range(*facts[j], unit);
          if (!a || !b) continue;
          compared = true;
          if (!figures.agree(*a, *b, unit) && !figures.agree(*b, *a, unit)) {
            conflict = std::make_pair(facts[i], facts[j]);
            break;
          }
        }
      }
      if (!compared) continue;
      if (emit_bare_pass(scope, emit, !conflict)) continue;
      Outcome o;
      o.held = !conflict;
      const Fact& first = conflict ? *conflict->first : *facts.front();
      const Fact& second = conflict ? *conflict->second : *facts.back();
      o.where = second.source;
      o.figures.push_back(to_finding_figure(first));
      o.figures.push_back(to_finding_figure(second));
      const std::string_view a_name = first.key.dims.get("project").value_or("");
      const std::string_view b_name = second.key.dims.get("project").value_or("");
      o.message = {fmt::format("同一项目的{}前后不一致：{}{}{}，{}{}{}",
                               first.key.concept_id == "project.budget" ? "预算数" : "金额",
                               quoted_zh(a_name), first.value.text, symbol(first.value.unit),
                               quoted_zh(b_name), second.value.text, symbol(second.value.unit)),
                   fmt::format("one project's {} is stated differently: {} {} {}, {} {} {}",
                               first.key.concept_id, quoted_en(a_name), first.value.text,
                               to_string(first.value.unit), quoted_en(b_name), second.value.text,
                               to_string(second.value.unit))};
      emit(std::move(o));
    }
  };
}

}  // namespace fisc
