// SPDX-License-Identifier: BSL-1.0
#include "fisc/perf/score.hpp"

#include <doctest/doctest.h>

#include <cstdint>
#include <optional>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "fisc/numbers/format.hpp"

using fisc::Decimal;
using fisc::Grade;
using fisc::GradeBands;
using fisc::GradeRange;
using fisc::Indicator;
using fisc::Interval;
using fisc::Level1;
using fisc::Level2;
using fisc::ProjectPerformance;
using fisc::ProjectScore;
using fisc::ScoringErrc;
using fisc::ScoringOptions;
using fisc::ScoringWeights;
using fisc::TargetOutcome;

namespace {

constexpr std::int32_t year = 2020;

Decimal dec(std::int64_t coefficient, std::int32_t exponent = 0) {
  return Decimal(coefficient, exponent);
}

Interval closed(Decimal lo, Decimal hi) {
  auto i = Interval::closed(lo, hi);
  REQUIRE(i.has_value());
  return *i;
}

Indicator indicator(std::string l1, std::string l2, std::string target,
                    std::optional<std::string> actual) {
  Indicator i;
  i.level1 = std::move(l1);
  i.level2 = std::move(l2);
  i.level3 = "指标";
  i.target.text = std::move(target);
  if (actual) i.actual = fisc::PlacedText{std::move(*actual), {}};
  return i;
}

fisc::PlacedFigure wan(std::int64_t hundredths, std::string text) {
  return {
      fisc::Stated{dec(hundredths, -2), fisc::Unit::wan, fisc::Reading::rounded, std::move(text)},
      {}};
}

fisc::PlacedFigure points(std::int64_t value) {
  return {fisc::Stated{dec(value), fisc::Unit::none, fisc::Reading::exact, std::to_string(value)},
          {}};
}

// A project whose every indicator is met, fully executed: output has three indicators, benefit
// and satisfaction one each.
ProjectPerformance all_met() {
  ProjectPerformance p;
  p.name = "物业管理";
  p.budget.total = wan(10000, "100.00");
  p.executed.total = wan(10000, "100.00");
  p.indicators = {
      indicator("产出指标", "数量指标", "≥3个", "3个"),
      indicator("产出指标", "质量指标", "≥96%", "98%"),
      indicator("产出指标", "时效指标", "2020年12月底", "2020年11月"),
      indicator("效益指标", "社会效益指标", "≥90%", "95%"),
      indicator("满意度指标", "服务对象满意度指标", "≥90%", "96%"),
  };
  return p;
}

ProjectScore scored(const ProjectPerformance& p, const ScoringWeights& w = {},
                    const ScoringOptions& o = {}) {
  auto s = fisc::score(p, year, w, o);
  if (!s) FAIL_CHECK(s.error().reason_en);
  REQUIRE(s.has_value());
  return std::move(*s);
}

ScoringOptions with_stated_weights(bool use) {
  ScoringOptions o;
  o.use_stated_weights = use;
  return o;
}

ScoringOptions with_bands(const GradeBands& bands) {
  ScoringOptions o;
  o.bands = bands;
  return o;
}

GradeBands bands_from(Decimal excellent, Decimal good, Decimal fair) {
  GradeBands b;
  b.excellent_from = excellent;
  b.good_from = good;
  b.fair_from = fair;
  return b;
}

fisc::ScoringError invalid(const ScoringWeights& w) {
  auto e = w.validate();
  REQUIRE(e.has_value());
  CHECK_FALSE(fisc::score(all_met(), year, w).has_value());
  return *e;
}

}  // namespace

TEST_CASE("scoring: the default weights are 财预〔2020〕10号's") {
  const ScoringWeights w = ScoringWeights::reference_2020();
  CHECK(w.execution_rate == dec(10));
  CHECK(w.weight_of(Level1::output) == dec(50));
  CHECK(w.weight_of(Level1::benefit) == dec(30));
  CHECK(w.weight_of(Level1::satisfaction) == dec(10));
  CHECK(w.weight_of(Level1::cost) == dec(0));
  CHECK(w.weight_of(Level1::decision) == dec(0));
  CHECK(w.level2.empty());
  CHECK(w.cost_in_output);
  CHECK_FALSE(w.validate().has_value());
}

TEST_CASE("scoring: every indicator met, fully executed, scores 100 and 优") {
  const ProjectScore s = scored(all_met());
  REQUIRE(s.indicators.size() == 5);
  // 50 over three output indicators, to 0.01 by the largest remainder: 16.67, 16.67, 16.66.
  CHECK(s.indicators[0].weight == dec(1667, -2));
  CHECK(s.indicators[1].weight == dec(1667, -2));
  CHECK(s.indicators[2].weight == dec(1666, -2));
  CHECK(s.indicators[3].weight == dec(30));
  CHECK(s.indicators[4].weight == dec(10));
  for (const auto& i : s.indicators) {
    CHECK(i.result.evaluation.outcome == TargetOutcome::met);
    CHECK(i.score == Interval::point(i.weight));
    CHECK_FALSE(i.stated_weight);
  }
  CHECK(s.indicators[0].level1 == Level1::output);
  CHECK(s.indicators[3].level1 == Level1::benefit);
  CHECK(s.indicators[4].level2 == Level2::satisfaction);
  CHECK(s.execution_weight == dec(10));
  REQUIRE(s.execution_rate.has_value());
  CHECK(s.execution == Interval::point(dec(10)));
  CHECK(s.unscored.empty());
  CHECK(s.full_marks == dec(100));
  CHECK(s.total == Interval::point(dec(100)));
  CHECK(s.grades == GradeRange{Grade::excellent, Grade::excellent});
  CHECK(s.grades.is_single());
}

TEST_CASE("scoring: custom level-1 weights") {
  ScoringWeights w;
  w.execution_rate = dec(20);
  w.level1 = {
      {Level1::output, dec(40)}, {Level1::benefit, dec(25)}, {Level1::satisfaction, dec(15)}};
  CHECK_FALSE(w.validate().has_value());
  const ProjectScore s = scored(all_met(), w);
  CHECK(s.indicators[0].weight == dec(1334, -2));  // 40 / 3: 13.34, 13.33, 13.33
  CHECK(s.indicators[1].weight == dec(1333, -2));
  CHECK(s.indicators[2].weight == dec(1333, -2));
  CHECK(s.indicators[3].weight == dec(25));
  CHECK(s.indicators[4].weight == dec(15));
  CHECK(s.execution == Interval::point(dec(20)));
  CHECK(s.total == Interval::point(dec(100)));
}

TEST_CASE("scoring: level-2 weights split a level 1; one without indicators is unscored") {
  ScoringWeights w;
  w.level2 = {{Level2::quantity, dec(20)},
              {Level2::quality, dec(15)},
              {Level2::timeliness, dec(10)},
              {Level2::cost, dec(5)}};
  CHECK_FALSE(w.validate().has_value());
  ProjectPerformance p = all_met();
  p.indicators.insert(p.indicators.begin() + 1, indicator("产出指标", "数量指标", "≥2个", "2个"));
  const ProjectScore s = scored(p, w);
  REQUIRE(s.indicators.size() == 6);
  CHECK(s.indicators[0].weight == dec(10));  // two quantity indicators share 20
  CHECK(s.indicators[1].weight == dec(10));
  CHECK(s.indicators[2].weight == dec(15));
  CHECK(s.indicators[3].weight == dec(10));
  CHECK(s.indicators[4].weight == dec(30));  // benefit has no level-2 weights: split directly
  REQUIRE(s.unscored.size() == 1);           // no cost indicator: its 5 points are open
  CHECK(s.unscored[0].level1 == Level1::output);
  CHECK(s.unscored[0].level2 == Level2::cost);
  CHECK(s.unscored[0].weight == dec(5));
  CHECK(s.full_marks == dec(100));
  CHECK(s.total == closed(dec(95), dec(100)));
  CHECK(s.grades == GradeRange{Grade::excellent, Grade::excellent});
}

TEST_CASE("scoring: a level 1 with no indicators is unscored, [0, its weight]") {
  ProjectPerformance p = all_met();
  p.indicators.erase(p.indicators.begin() + 3);  // the benefit indicator
  const ProjectScore s = scored(p);
  REQUIRE(s.unscored.size() == 1);
  CHECK(s.unscored[0].level1 == Level1::benefit);
  CHECK_FALSE(s.unscored[0].level2.has_value());
  CHECK(s.unscored[0].weight == dec(30));
  CHECK(s.total == closed(dec(70), dec(100)));
  CHECK(s.grades == GradeRange{Grade::excellent, Grade::fair});
}

TEST_CASE("scoring: a level-1 成本指标 is scored with output unless cost is its own level") {
  ProjectPerformance p = all_met();
  p.indicators.push_back(indicator("成本指标", "经济成本指标", "≤10万元", "9.5万元"));
  const ProjectScore s = scored(p);
  CHECK(s.indicators[5].level1 == Level1::output);
  CHECK(s.indicators[0].weight == dec(1250, -2));  // 50 over four
  CHECK(s.indicators[5].weight == dec(1250, -2));

  ScoringWeights w;
  w.cost_in_output = false;
  w.level1[Level1::output] = dec(40);
  w.level1[Level1::cost] = dec(10);
  const ProjectScore own = scored(p, w);
  CHECK(own.indicators[5].level1 == Level1::cost);
  CHECK(own.indicators[5].weight == dec(10));
  CHECK(own.indicators[0].weight == dec(1334, -2));
}

TEST_CASE("scoring: invalid weights say what is wrong") {
  ScoringWeights w;
  w.level1[Level1::benefit] = dec(-30);
  auto e = invalid(w);
  CHECK(e.code == ScoringErrc::negative_weight);
  CHECK(e.reason_en == "the weight -30 of level 1 benefit is negative");
  CHECK(e.reason_zh == "一级指标效益指标的权重-30为负数");

  w = {};
  w.execution_rate = dec(-1);
  CHECK(invalid(w).code == ScoringErrc::negative_weight);

  w = {};
  w.level1[Level1::benefit] = dec(29);
  e = invalid(w);
  CHECK(e.code == ScoringErrc::total_not_100);
  CHECK(e.reason_en == "the execution-rate and level-1 weights add up to 99, not 100");
  CHECK(e.reason_zh == "预算执行率与一级指标的权重合计为99，应为100");

  w = {};
  w.level2 = {{Level2::economic, dec(10)}, {Level2::social, dec(15)}};
  e = invalid(w);
  CHECK(e.code == ScoringErrc::level2_mismatch);
  CHECK(e.reason_en == "the level-2 weights of benefit add up to 25, not its level-1 weight 30");

  w = {};
  w.level2 = {{Level2::quantity, dec(-5)}, {Level2::quality, dec(55)}};
  CHECK(invalid(w).code == ScoringErrc::negative_weight);

  w = {};
  w.level1[Level1::cost] = dec(10);
  w.level1[Level1::output] = dec(40);
  CHECK(invalid(w).code == ScoringErrc::cost_weight_ignored);

  // Exact decimals: 33.33 + 33.33 + 33.34 is 100, 0.1 short is not.
  w = {};
  w.execution_rate = dec(0);
  w.level1 = {{Level1::output, dec(3333, -2)},
              {Level1::benefit, dec(3333, -2)},
              {Level1::satisfaction, dec(3334, -2)}};
  CHECK_FALSE(w.validate().has_value());
  w.level1[Level1::satisfaction] = dec(3324, -2);
  CHECK(invalid(w).code == ScoringErrc::total_not_100);
}

TEST_CASE("scoring: each outcome's points") {
  ProjectPerformance p;
  p.budget.total = wan(10000, "100.00");
  p.executed.total = wan(10000, "100.00");
  p.indicators = {
      indicator("产出指标", "数量指标", "3个", "5个"),                 // exceeded
      indicator("产出指标", "质量指标", "≥96%", "96%"),                // needs review (rounding)
      indicator("产出指标", "质量指标", "≥96%", std::nullopt),         // not evaluable (no actual)
      indicator("产出指标", "质量指标", "≥96%", "5个"),                // not evaluable (units)
      indicator("产出指标", "时效指标", "2020年12月底", "2021年3月"),  // not met, a date: 0
  };
  ScoringWeights w;
  w.level1 = {{Level1::output, dec(90)}};
  const ProjectScore s = scored(p, w);
  REQUIRE(s.indicators.size() == 5);
  for (const auto& i : s.indicators) CHECK(i.weight == dec(18));
  CHECK(s.indicators[0].result.evaluation.outcome == TargetOutcome::exceeded);
  CHECK(s.indicators[0].score == Interval::point(dec(18)));
  CHECK(s.indicators[1].result.evaluation.outcome == TargetOutcome::needs_review);
  CHECK(s.indicators[1].score == closed(dec(0), dec(18)));
  CHECK(s.indicators[2].result.evaluation.outcome == TargetOutcome::not_evaluable);
  CHECK(s.indicators[2].score == closed(dec(0), dec(18)));
  CHECK(s.indicators[3].result.evaluation.outcome == TargetOutcome::not_evaluable);
  CHECK(s.indicators[3].score == closed(dec(0), dec(18)));
  CHECK(s.indicators[4].result.evaluation.outcome == TargetOutcome::not_met);
  CHECK(s.indicators[4].score == Interval::point(dec(0)));
  CHECK(s.total == closed(dec(28), dec(82)));
  CHECK(s.grades == GradeRange{Grade::good, Grade::poor});

  // A qualitative text is for a reviewer: [0, weight].
  p.indicators = {indicator("产出指标", "质量指标", "有效提升", "有所提升")};
  const ProjectScore q = scored(p, w);
  CHECK(q.indicators[0].result.evaluation.outcome == TargetOutcome::needs_review);
  CHECK(q.indicators[0].score == closed(dec(0), dec(90)));
}

TEST_CASE("scoring: a quantity not met scores in proportion, to 0.01 四舍五入") {
  ProjectPerformance p;
  const auto one = [&](std::string target, std::string actual) {
    p.indicators = {indicator("产出指标", "质量指标", std::move(target), std::move(actual))};
    ScoringWeights w;
    w.level1 = {{Level1::output, dec(10)}, {Level1::benefit, dec(80)}};
    const ProjectScore s = scored(p, w);
    CHECK(s.indicators[0].result.evaluation.outcome == TargetOutcome::not_met);
    CHECK(s.indicators[0].score.is_point());
    return s.indicators[0].score.lo();
  };
  CHECK(one("≥96%", "90%") == dec(938, -2));  // 10 × 90 / 96 = 9.375
  CHECK(one("≥96%", "80%") == dec(833, -2));  // 8.333…
  CHECK(one(">96%", "90%") == dec(938, -2));
  CHECK(one("≤10个", "12个") == dec(833, -2));  // 10 × 10 / 12: target ÷ actual
  CHECK(one("<10个", "16个") == dec(625, -2));
  CHECK(one("100%", "80%") == dec(8));           // = target, actual below: actual ÷ target
  CHECK(one("10万元", "12.5万元") == dec(8));    // money above an = target: target ÷ actual
  CHECK(one("90%-95%", "45%") == dec(5));        // below a range: ÷ its low end
  CHECK(one("2万人次", "10000人次") == dec(5));  // units compare in their base
  CHECK(one("共91人、支部3个", "共80人、支部3个") == dec(0));  // a list: 0
}

TEST_CASE("scoring: the execution-rate part") {
  ProjectPerformance p = all_met();
  p.executed.total = wan(9500, "95.00");
  ProjectScore s = scored(p);
  CHECK(s.execution == Interval::point(dec(950, -2)));
  CHECK(s.total == Interval::point(dec(9950, -2)));

  // 2/3 executed: 6.666… rounds to 6.67 at both ends of the rate's interval.
  p.budget.total = wan(30000, "300.00");
  p.executed.total = wan(20000, "200.00");
  s = scored(p);
  CHECK(s.execution == Interval::point(dec(667, -2)));

  // A rate whose interval straddles a 0.005: each end rounded on its own.
  p.budget.total = wan(1, "0.01");
  p.executed.total = wan(1, "0.01");  // [0.005, 0.015) ÷ [0.005, 0.015): [33.3%, 300%]
  s = scored(p);
  CHECK(s.execution == closed(dec(333, -2), dec(10)));

  p.executed.total = wan(12000, "120.00");  // more than the budget: full points
  p.budget.total = wan(10000, "100.00");
  s = scored(p);
  CHECK(s.execution == Interval::point(dec(10)));

  p.executed.total.reset();  // unknown: [0, weight]
  s = scored(p);
  CHECK_FALSE(s.execution_rate.has_value());
  CHECK(s.execution == closed(dec(0), dec(10)));
  CHECK(s.total == closed(dec(90), dec(100)));
  CHECK(s.grades == GradeRange{Grade::excellent, Grade::excellent});
}

TEST_CASE("scoring: stated weights (分值)") {
  ProjectPerformance p = all_met();
  const std::vector<std::int64_t> stated{20, 20, 10, 30, 10};
  for (std::size_t i = 0; i < stated.size(); ++i) p.indicators[i].weight = points(stated[i]);
  ProjectScore s = scored(p);
  for (std::size_t i = 0; i < stated.size(); ++i) {
    CHECK(s.indicators[i].weight == dec(stated[i]));
    CHECK(s.indicators[i].stated_weight);
  }
  CHECK(s.full_marks == dec(100));

  // Not used when the options say so.
  s = scored(p, {}, with_stated_weights(false));
  CHECK(s.indicators[0].weight == dec(1667, -2));
  CHECK_FALSE(s.indicators[0].stated_weight);

  // Some stated: the others share what their level has left.
  p.indicators[1].weight.reset();
  p.indicators[2].weight.reset();
  s = scored(p);
  CHECK(s.indicators[0].weight == dec(20));
  CHECK(s.indicators[1].weight == dec(15));
  CHECK(s.indicators[2].weight == dec(15));
  CHECK(s.indicators[3].weight == dec(30));
  CHECK(s.full_marks == dec(100));

  // Every one stated, adding up to less than 90: full marks say so.
  p = all_met();
  for (auto& i : p.indicators) i.weight = points(10);
  s = scored(p);
  CHECK(s.full_marks == dec(60));
  CHECK(s.total == Interval::point(dec(60)));
}

TEST_CASE("grades: default bands include their lower ends") {
  const GradeBands bands;
  CHECK_FALSE(bands.validate().has_value());
  CHECK(fisc::grade_of(dec(100), bands) == Grade::excellent);
  CHECK(fisc::grade_of(dec(90), bands) == Grade::excellent);
  CHECK(fisc::grade_of(dec(8999, -2), bands) == Grade::good);
  CHECK(fisc::grade_of(dec(80), bands) == Grade::good);
  CHECK(fisc::grade_of(dec(7999, -2), bands) == Grade::fair);
  CHECK(fisc::grade_of(dec(60), bands) == Grade::fair);
  CHECK(fisc::grade_of(dec(5999, -2), bands) == Grade::poor);
  CHECK(fisc::grade_of(dec(0), bands) == Grade::poor);
  CHECK(fisc::to_string(Grade::good) == "good");
  CHECK(fisc::zh_name(Grade::excellent) == "优");
  CHECK(fisc::zh_name(Grade::good) == "良");
  CHECK(fisc::zh_name(Grade::fair) == "中");
  CHECK(fisc::zh_name(Grade::poor) == "差");
  std::ostringstream os;
  os << Grade::fair << ' ' << ScoringErrc::total_not_100;
  CHECK(os.str() == "fair total not 100");
}

TEST_CASE("grades: custom bands, validated") {
  GradeBands bands = bands_from(dec(85), dec(75), dec(50));
  CHECK_FALSE(bands.validate().has_value());
  CHECK(fisc::grade_of(dec(86), bands) == Grade::excellent);
  CHECK(fisc::grade_of(dec(75), bands) == Grade::good);
  CHECK(fisc::grade_of(dec(55), bands) == Grade::fair);
  CHECK(fisc::grade_of(dec(49), bands) == Grade::poor);

  bands.good_from = dec(85);
  auto e = bands.validate();
  REQUIRE(e.has_value());
  CHECK(e->code == ScoringErrc::bands_out_of_order);
  CHECK(e->reason_en == "grade bands must ascend: fair 50, good 85, excellent 85");

  bands = bands_from(dec(101), dec(80), dec(60));
  e = bands.validate();
  REQUIRE(e.has_value());
  CHECK(e->code == ScoringErrc::band_out_of_range);
  CHECK(e->reason_zh == "等级分数线101不在0到100之间");
  bands = bands_from(dec(90), dec(80), dec(-1));
  CHECK(bands.validate()->code == ScoringErrc::band_out_of_range);

  // score() refuses bands that do not validate.
  const auto s = fisc::score(all_met(), year, {}, with_bands(bands));
  REQUIRE_FALSE(s.has_value());
  CHECK(s.error().code == ScoringErrc::band_out_of_range);

  // and grades with the bands it is given.
  ProjectPerformance p = all_met();
  p.executed.total.reset();  // [90, 100]
  const ProjectScore strict = scored(p, {}, with_bands(bands_from(dec(95), dec(80), dec(60))));
  CHECK(strict.grades == GradeRange{Grade::excellent, Grade::good});
}

TEST_CASE("grades: an interval may straddle a band") {
  const GradeBands bands;
  const auto range = [&](Decimal lo, bool lc, Decimal hi, bool hc) {
    auto i = Interval::make(lo, lc, hi, hc);
    REQUIRE(i.has_value());
    return fisc::grades_of(*i, bands);
  };
  CHECK(range(dec(795, -1), true, dec(805, -1), true) == GradeRange{Grade::good, Grade::fair});
  CHECK(range(dec(70), true, dec(80), false) == GradeRange{Grade::fair, Grade::fair});
  CHECK(range(dec(70), true, dec(80), true) == GradeRange{Grade::good, Grade::fair});
  CHECK(range(dec(80), false, dec(90), false) == GradeRange{Grade::good, Grade::good});
  CHECK(range(dec(0), true, dec(100), true) == GradeRange{Grade::excellent, Grade::poor});
  CHECK(range(dec(0), true, dec(60), false) == GradeRange{Grade::poor, Grade::poor});
  CHECK(fisc::grades_of(Interval::point(dec(90)), bands) ==
        GradeRange{Grade::excellent, Grade::excellent});
  const GradeRange r{Grade::good, Grade::fair};
  CHECK(r.contains(Grade::good));
  CHECK(r.contains(Grade::fair));
  CHECK_FALSE(r.contains(Grade::excellent));
  CHECK_FALSE(r.contains(Grade::poor));
  CHECK_FALSE(r.is_single());
}

TEST_CASE("grades as documents write them") {
  CHECK(fisc::grade_from_text("优") == Grade::excellent);
  CHECK(fisc::grade_from_text("优秀") == Grade::excellent);
  CHECK(fisc::grade_from_text(" 优 秀 ") == Grade::excellent);
  CHECK(fisc::grade_from_text("优等") == Grade::excellent);
  CHECK(fisc::grade_from_text("良") == Grade::good);
  CHECK(fisc::grade_from_text("良好。") == Grade::good);
  CHECK(fisc::grade_from_text("良级") == Grade::good);
  CHECK(fisc::grade_from_text("中") == Grade::fair);
  CHECK(fisc::grade_from_text("中等") == Grade::fair);
  CHECK(fisc::grade_from_text("一般") == Grade::fair);
  CHECK(fisc::grade_from_text("合格") == Grade::fair);
  CHECK(fisc::grade_from_text("及格") == Grade::fair);
  CHECK(fisc::grade_from_text("差") == Grade::poor);
  CHECK(fisc::grade_from_text("较差") == Grade::poor);
  CHECK(fisc::grade_from_text("不合格") == Grade::poor);
  CHECK(fisc::grade_from_text("不及格") == Grade::poor);
  CHECK(fisc::grade_from_text("\u3000优秀等级") == Grade::excellent);
  CHECK_FALSE(fisc::grade_from_text("").has_value());
  CHECK_FALSE(fisc::grade_from_text("等").has_value());
  CHECK_FALSE(fisc::grade_from_text("较好").has_value());
  CHECK_FALSE(fisc::grade_from_text("A").has_value());
}
