// SPDX-License-Identifier: BSL-1.0
#include "fisc/perf/score.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "fisc/numbers/allocate.hpp"
#include "fisc/numbers/format.hpp"
#include "fisc/numbers/rounding.hpp"

namespace fisc {

namespace {

// Scores are stated to 0.01 point.
constexpr int score_decimals = 2;

ScoringError error(ScoringErrc code, std::string zh, std::string en) {
  return {code, std::move(zh), std::move(en)};
}

ScoringError overflow_error() {
  return error(ScoringErrc::overflow, "分值计算溢出", "a score or weight overflows");
}

std::string text(Decimal d) { return to_string(d); }

// ---------------------------------------------------------------------------------------------
// Grades as written.

bool strip_suffix(std::string& s, std::string_view suffix) {
  if (s.size() > suffix.size() && std::string_view(s).ends_with(suffix)) {
    s.erase(s.size() - suffix.size());
    return true;
  }
  return false;
}

std::string grade_key(std::string_view text) {
  std::string s;
  for (std::size_t i = 0; i < text.size();) {
    if (text[i] == ' ' || text[i] == '\t') {
      ++i;
    } else if (text.substr(i).starts_with("\u3000")) {
      i += 3;
    } else if (text.substr(i).starts_with("\u00A0")) {
      i += 2;
    } else {
      s += text[i];
      ++i;
    }
  }
  strip_suffix(s, "。");
  if (!strip_suffix(s, "等级")) {
    if (!strip_suffix(s, "级")) strip_suffix(s, "等");
  }
  return s;
}

constexpr std::array<std::pair<std::string_view, Grade>, 13> grade_names{{
    {"优", Grade::excellent},
    {"优秀", Grade::excellent},
    {"良", Grade::good},
    {"良好", Grade::good},
    {"中", Grade::fair},
    {"中等", Grade::fair},
    {"一般", Grade::fair},
    {"合格", Grade::fair},
    {"及格", Grade::fair},
    {"差", Grade::poor},
    {"较差", Grade::poor},
    {"不合格", Grade::poor},
    {"不及格", Grade::poor},
}};

// ---------------------------------------------------------------------------------------------
// Weights.

/// `total` split into `n` equal parts that add up to `total` exactly: in the total's own decimals
/// when they divide evenly, else to 0.01 (or the total's decimals when finer) by the largest
/// remainder, the leftovers to the earlier parts.
tl::expected<std::vector<Decimal>, ScoringError> split_equally(Decimal total, std::size_t n) {
  if (n == 0) return std::vector<Decimal>{};
  // An exact split keeps the total's own decimals (90 over five is 18, not 18.00).
  if (total.coefficient() % static_cast<std::int64_t>(n) == 0) {
    const auto part =
        Decimal::make(total.coefficient() / static_cast<std::int64_t>(n), total.exponent());
    if (!part) return tl::unexpected(overflow_error());
    return std::vector<Decimal>(n, *part);
  }
  const int decimals = std::max(score_decimals, total.decimals());
  // Exact: no digit is removed, so the rounding mode never applies.
  const auto units = try_quantize(total, -decimals, Rounding::down);
  if (!units) return tl::unexpected(overflow_error());
  const std::vector<detail::int128> ones(n, 1);
  const auto parts = detail::largest_remainder(units->coefficient(), ones);
  if (!parts) return tl::unexpected(overflow_error());
  std::vector<Decimal> out;
  out.reserve(n);
  for (const detail::int128 p : *parts) {
    const auto d = Decimal::make(static_cast<std::int64_t>(p), -decimals);
    if (!d) return tl::unexpected(overflow_error());
    out.push_back(*d);
  }
  return out;
}

/// An indicator's own 分值, when it reads as a number >= 0.
std::optional<Decimal> stated_weight(const Indicator& indicator) {
  if (!indicator.weight) return std::nullopt;
  const Decimal w = indicator.weight->value.value;
  if (w.is_negative()) return std::nullopt;
  return w;
}

// ---------------------------------------------------------------------------------------------
// Indicator scores.

std::optional<Decimal> in_base(const TargetQuantity& q) {
  const auto d = Decimal::make(q.figure.value.coefficient(),
                               std::int64_t{q.figure.value.exponent()} + q.unit.scale);
  if (!d) return std::nullopt;
  return *d;
}

/// weight × numerator ÷ denominator, at most the weight, rounded to 0.01 四舍五入.
tl::expected<Decimal, ScoringError> proportion(Decimal weight, Decimal numerator,
                                               Decimal denominator) {
  if (numerator >= denominator) return weight;
  if (!(numerator > Decimal{}) || !(denominator > Decimal{})) return Decimal{};
  const auto product = try_multiply(weight, numerator);
  if (!product) return tl::unexpected(overflow_error());
  const auto quotient =
      try_divide(*product, denominator, -score_decimals, rounding_policy::published);
  if (!quotient) return tl::unexpected(overflow_error());
  return *quotient;
}

/// The points of a not-met indicator: proportional when the target is one figure or a range
/// and the actual one plain figure in a unit that compares; else 0.
tl::expected<Decimal, ScoringError> not_met_points(Decimal weight, const IndicatorResult& r) {
  if (!r.target || !r.actual) return Decimal{};
  const Target& target = *r.target;
  const Target& actual = *r.actual;
  if (actual.kind != TargetKind::quantity || actual.comparator != Comparator::equal) {
    return Decimal{};
  }
  if (target.kind != TargetKind::quantity && target.kind != TargetKind::range) return Decimal{};
  const TargetQuantity& a = actual.quantities.front();
  const TargetQuantity& lo = target.quantities.front();
  const TargetQuantity& hi = target.quantities.back();
  if (a.unit.kind != lo.unit.kind || a.unit.base != lo.unit.base) return Decimal{};
  const auto value = in_base(a);
  const auto low = in_base(lo);
  const auto high = in_base(hi);
  if (!value || !low || !high || value->is_negative() || !(*low > Decimal{})) return Decimal{};
  switch (target.comparator) {
    case Comparator::at_least:
    case Comparator::more_than: return proportion(weight, *value, *low);
    case Comparator::at_most:
    case Comparator::less_than: return proportion(weight, *high, *value);
    case Comparator::equal:
      if (*value < *low) return proportion(weight, *value, *low);
      if (*value > *high) return proportion(weight, *high, *value);
      return Decimal{};
    case Comparator::about: return Decimal{};
  }
  return Decimal{};
}

tl::expected<Interval, ScoringError> zero_to(Decimal weight) {
  const auto i = Interval::closed(Decimal{}, weight);
  if (!i) return tl::unexpected(overflow_error());
  return *i;
}

tl::expected<Interval, ScoringError> indicator_points(Decimal weight, const IndicatorResult& r) {
  switch (r.evaluation.outcome) {
    case TargetOutcome::met:
    case TargetOutcome::exceeded: return Interval::point(weight);
    case TargetOutcome::not_met: return not_met_points(weight, r).map(Interval::point);
    case TargetOutcome::needs_review:
    case TargetOutcome::not_evaluable: return zero_to(weight);
  }
  return zero_to(weight);
}

/// weight × min(rate, 100) ÷ 100 for one end of the rate, never below 0, rounded to 0.01.
tl::expected<Decimal, ScoringError> execution_end(Decimal weight, Decimal rate, Rounding outward) {
  const Decimal hundred{100};
  if (rate >= hundred) return weight;
  if (!(rate > Decimal{})) return Decimal{};
  const auto product = try_multiply(weight, rate, Context{Decimal::max_digits, outward});
  if (!product) return tl::unexpected(overflow_error());
  const auto points = try_divide(*product, hundred, -score_decimals, rounding_policy::published);
  if (!points) return tl::unexpected(overflow_error());
  return *points;
}

tl::expected<Interval, ScoringError> execution_points(Decimal weight,
                                                      const std::optional<Interval>& rate) {
  if (!rate) return zero_to(weight);
  const auto lo = execution_end(weight, rate->lo(), Rounding::floor);
  if (!lo) return tl::unexpected(lo.error());
  const auto hi = execution_end(weight, rate->hi(), Rounding::ceiling);
  if (!hi) return tl::unexpected(hi.error());
  const auto i = Interval::closed(*lo, *hi);
  if (!i) return tl::unexpected(overflow_error());
  return *i;
}

/// The indicators (by index) of one group, and the weight they share.
struct Group {
  Level1 level1 = Level1::other;
  std::optional<Level2> level2;
  Decimal weight;
  std::vector<std::size_t> members;
};

}  // namespace

std::string_view to_string(Grade grade) noexcept {
  switch (grade) {
    case Grade::excellent: return "excellent";
    case Grade::good: return "good";
    case Grade::fair: return "fair";
    case Grade::poor: return "poor";
  }
  return "poor";
}

std::string_view zh_name(Grade grade) noexcept {
  switch (grade) {
    case Grade::excellent: return "优";
    case Grade::good: return "良";
    case Grade::fair: return "中";
    case Grade::poor: return "差";
  }
  return "差";
}

std::optional<Grade> grade_from_text(std::string_view text) {
  const std::string key = grade_key(text);
  for (const auto& [name, grade] : grade_names) {
    if (key == name) return grade;
  }
  return std::nullopt;
}

std::string_view to_string(ScoringErrc code) noexcept {
  switch (code) {
    case ScoringErrc::negative_weight: return "negative weight";
    case ScoringErrc::total_not_100: return "total not 100";
    case ScoringErrc::level2_mismatch: return "level-2 weights do not add up";
    case ScoringErrc::cost_weight_ignored: return "cost weight while cost is scored under output";
    case ScoringErrc::bands_out_of_order: return "grade bands out of order";
    case ScoringErrc::band_out_of_range: return "grade band out of range";
    case ScoringErrc::overflow: return "overflow";
  }
  return "overflow";
}

std::optional<ScoringError> GradeBands::validate() const {
  const Decimal hundred{100};
  for (const Decimal b : {fair_from, good_from, excellent_from}) {
    if (b.is_negative() || b > hundred) {
      return error(ScoringErrc::band_out_of_range,
                   fmt::format("等级分数线{}不在0到100之间", text(b)),
                   fmt::format("the grade band {} is outside 0..100", text(b)));
    }
  }
  if (!(fair_from < good_from && good_from < excellent_from)) {
    return error(ScoringErrc::bands_out_of_order,
                 fmt::format("等级分数线应递增：中{}、良{}、优{}", text(fair_from), text(good_from),
                             text(excellent_from)),
                 fmt::format("grade bands must ascend: fair {}, good {}, excellent {}",
                             text(fair_from), text(good_from), text(excellent_from)));
  }
  return std::nullopt;
}

Grade grade_of(Decimal score, const GradeBands& bands) noexcept {
  if (score >= bands.excellent_from) return Grade::excellent;
  if (score >= bands.good_from) return Grade::good;
  if (score >= bands.fair_from) return Grade::fair;
  return Grade::poor;
}

GradeRange grades_of(const Interval& score, const GradeBands& bands) noexcept {
  // A band's grade holds from its lower end up: the lower end of the interval, open or closed,
  // has the worst grade; the upper end the best, unless it is open at a band's lower end.
  const Grade worst = grade_of(score.lo(), bands);
  Grade best = grade_of(score.hi(), bands);
  const bool at_band = score.hi() == bands.excellent_from || score.hi() == bands.good_from ||
                       score.hi() == bands.fair_from;
  if (!score.hi_closed() && at_band && best != Grade::poor) {
    best = static_cast<Grade>(static_cast<std::uint8_t>(best) + 1);
  }
  return {best, worst};
}

Level1 ScoringWeights::group_of(Level2 level) const noexcept {
  if (level == Level2::cost && !cost_in_output) return Level1::cost;
  return level1_of(level);
}

Level1 ScoringWeights::scored_level1(const Indicator& indicator) const {
  const Level1 own = indicator.level1_kind();
  if (own == Level1::cost && cost_in_output) return Level1::output;
  return own;
}

Decimal ScoringWeights::weight_of(Level1 level) const {
  const auto it = level1.find(level);
  return it == level1.end() ? Decimal{} : it->second;
}

std::optional<ScoringError> ScoringWeights::validate() const {
  if (execution_rate.is_negative()) {
    return error(ScoringErrc::negative_weight,
                 fmt::format("预算执行率的权重{}为负数", text(execution_rate)),
                 fmt::format("the execution-rate weight {} is negative", text(execution_rate)));
  }
  for (const auto& [level, w] : level1) {
    if (w.is_negative()) {
      return error(
          ScoringErrc::negative_weight,
          fmt::format("一级指标{}的权重{}为负数", zh_name(level), text(w)),
          fmt::format("the weight {} of level 1 {} is negative", text(w), to_string(level)));
    }
  }
  for (const auto& [level, w] : level2) {
    if (w.is_negative()) {
      return error(
          ScoringErrc::negative_weight,
          fmt::format("二级指标{}的权重{}为负数", zh_name(level), text(w)),
          fmt::format("the weight {} of level 2 {} is negative", text(w), to_string(level)));
    }
  }
  if (cost_in_output && !weight_of(Level1::cost).is_zero()) {
    return error(ScoringErrc::cost_weight_ignored,
                 fmt::format("成本指标计入产出指标时，一级指标成本指标的权重应为0（现为{}）",
                             text(weight_of(Level1::cost))),
                 fmt::format("cost is scored under output, so its level-1 weight must be 0, not {}",
                             text(weight_of(Level1::cost))));
  }
  Decimal total = execution_rate;
  for (const auto& [level, w] : level1) {
    const auto sum = try_add(total, w);
    if (!sum) return overflow_error();
    total = *sum;
  }
  if (total != Decimal{100}) {
    return error(
        ScoringErrc::total_not_100,
        fmt::format("预算执行率与一级指标的权重合计为{}，应为100", text(total)),
        fmt::format("the execution-rate and level-1 weights add up to {}, not 100", text(total)));
  }
  constexpr std::array<Level1, 7> levels{Level1::output,       Level1::cost,     Level1::benefit,
                                         Level1::satisfaction, Level1::decision, Level1::process,
                                         Level1::other};
  for (const Level1 l1 : levels) {
    bool any = false;
    Decimal sum;
    for (const auto& [l2, w] : level2) {
      if (group_of(l2) != l1) continue;
      any = true;
      const auto next = try_add(sum, w);
      if (!next) return overflow_error();
      sum = *next;
    }
    if (any && sum != weight_of(l1)) {
      return error(ScoringErrc::level2_mismatch,
                   fmt::format("{}的二级指标权重合计为{}，与其一级指标权重{}不符", zh_name(l1),
                               text(sum), text(weight_of(l1))),
                   fmt::format("the level-2 weights of {} add up to {}, not its level-1 weight {}",
                               to_string(l1), text(sum), text(weight_of(l1))));
    }
  }
  return std::nullopt;
}

tl::expected<ProjectScore, ScoringError> score(const ProjectPerformance& project, std::int32_t year,
                                               const ScoringWeights& weights,
                                               const ScoringOptions& options) {
  if (auto e = weights.validate()) return tl::unexpected(std::move(*e));
  if (auto e = options.bands.validate()) return tl::unexpected(std::move(*e));
  const std::int32_t default_year = project.year != 0 ? project.year : year;
  const std::size_t n = project.indicators.size();

  ProjectScore out;
  out.execution_weight = weights.execution_rate;
  out.execution_rate = execution_rate(project);
  auto execution = execution_points(weights.execution_rate, out.execution_rate);
  if (!execution) return tl::unexpected(execution.error());
  out.execution = *execution;

  std::vector<std::optional<Decimal>> stated(n);
  std::size_t stated_count = 0;
  out.indicators.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    const Indicator& indicator = project.indicators[i];
    IndicatorScore& s = out.indicators[i];
    s.index = i;
    s.level1 = weights.scored_level1(indicator);
    s.level2 = indicator.level2_kind();
    s.result = evaluate(indicator, default_year);
    if (options.use_stated_weights) stated[i] = stated_weight(indicator);
    if (stated[i]) ++stated_count;
  }

  if (n > 0 && stated_count == n) {
    for (std::size_t i = 0; i < n; ++i) {
      out.indicators[i].weight = *stated[i];
      out.indicators[i].stated_weight = true;
    }
  } else {
    // The groups: a level 1 with level-2 weights is one group per weighted level 2; any other
    // level 1 with a weight is one group. Indicators in no group weigh 0.
    std::vector<Group> groups;
    for (const auto& [l1, w] : weights.level1) {
      bool split = false;
      for (const auto& [l2, w2] : weights.level2) {
        if (weights.group_of(l2) != l1) continue;
        split = true;
        groups.push_back({l1, l2, w2, {}});
      }
      if (!split) groups.push_back({l1, std::nullopt, w, {}});
    }
    for (std::size_t i = 0; i < n; ++i) {
      const IndicatorScore& s = out.indicators[i];
      for (Group& g : groups) {
        if (g.level1 == s.level1 && (!g.level2 || *g.level2 == s.level2)) {
          g.members.push_back(i);
          break;
        }
      }
    }
    for (const Group& g : groups) {
      if (g.members.empty()) {
        if (!g.weight.is_zero()) out.unscored.push_back({g.level1, g.level2, g.weight});
        continue;
      }
      Decimal left = g.weight;
      std::vector<std::size_t> sharing;
      for (const std::size_t i : g.members) {
        if (stated[i]) {
          out.indicators[i].weight = *stated[i];
          out.indicators[i].stated_weight = true;
          const auto rest = try_subtract(left, *stated[i]);
          if (!rest) return tl::unexpected(overflow_error());
          left = *rest;
        } else {
          sharing.push_back(i);
        }
      }
      if (left.is_negative()) left = Decimal{};
      const auto parts = split_equally(left, sharing.size());
      if (!parts) return tl::unexpected(parts.error());
      for (std::size_t k = 0; k < sharing.size(); ++k) {
        out.indicators[sharing[k]].weight = (*parts)[k];
      }
    }
  }

  out.full_marks = weights.execution_rate;
  out.total = out.execution;
  for (IndicatorScore& s : out.indicators) {
    auto points = indicator_points(s.weight, s.result);
    if (!points) return tl::unexpected(points.error());
    s.score = *points;
    const auto marks = try_add(out.full_marks, s.weight);
    const auto total = try_add(out.total, s.score);
    if (!marks || !total) return tl::unexpected(overflow_error());
    out.full_marks = *marks;
    out.total = *total;
  }
  for (const UnscoredPart& u : out.unscored) {
    const auto part = zero_to(u.weight);
    if (!part) return tl::unexpected(part.error());
    const auto marks = try_add(out.full_marks, u.weight);
    const auto total = try_add(out.total, *part);
    if (!marks || !total) return tl::unexpected(overflow_error());
    out.full_marks = *marks;
    out.total = *total;
  }
  out.grades = grades_of(out.total, options.bands);
  return out;
}

std::ostream& operator<<(std::ostream& os, Grade grade) { return os << to_string(grade); }
std::ostream& operator<<(std::ostream& os, ScoringErrc code) { return os << to_string(code); }

}  // namespace fisc
