// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <tl/expected.hpp>

#include "fisc/numbers/decimal.hpp"
#include "fisc/numbers/interval.hpp"
#include "fisc/perf/model.hpp"
#include "fisc/perf/target.hpp"

/// Scoring a project performance table (项目支出绩效自评) as 单位自评 does, and grading the score.
///
/// The reference framework is 财政部《项目支出绩效评价管理办法》(财预〔2020〕10号), its provisions
/// on 单位自评 (docs/perf.md, "Scoring", quotes them):
///
/// - weights: "原则上预算执行率和一级指标权重统一设置为：产出指标50%、效益指标30%、服务对象满意度
///   指标10%、预算执行率10%" of a total of 100 points, "如有特殊情况，一级指标权重可做适当调整";
///   level-2 and level-3 weights are the unit's to set;
/// - quantitative indicators: "完成指标值的，记该指标所赋全部分值；……未完成指标值的，按照完成值与
///   指标值的比例记分";
/// - qualitative indicators: three bands, 100-80%（含）, 80-60%（含）, 60-0% of the indicator's
///   points, which a reviewer chooses;
/// - grades: "90（含）-100分为优、80（含）-90分为良、60（含）-80分为中、60分以下为差".
///
/// fisc scores what the figures decide and leaves a judgement open as an interval: an indicator
/// that needs review scores [0, its weight], never a guess.
namespace fisc {

/// 评价等级: the four grades of 财预〔2020〕10号, best first.
enum class Grade : std::uint8_t {
  excellent,  ///< 优
  good,       ///< 良
  fair,       ///< 中
  poor,       ///< 差
};

/// "excellent", "good", "fair", "poor".
[[nodiscard]] std::string_view to_string(Grade grade) noexcept;
/// 优, 良, 中, 差.
[[nodiscard]] std::string_view zh_name(Grade grade) noexcept;

/// A grade as a document writes it (spaces, a trailing 。 and a trailing 级 or 等 do not matter):
/// 优 优秀 → excellent; 良 良好 → good; 中 中等 一般 合格 及格 → fair; 差 较差 不合格 不及格 →
/// poor. 合格 and 一般 are the third of four bands in the older scales (优秀 / 良好 / 合格 /
/// 不合格) that local documents still use, so they read as 中; nullopt for anything else.
[[nodiscard]] std::optional<Grade> grade_from_text(std::string_view text);

/// What is wrong with a scoring configuration, or why a score could not be computed.
enum class ScoringErrc : std::uint8_t {
  negative_weight,      ///< a weight below zero
  total_not_100,        ///< execution rate and level-1 weights do not add up to 100
  level2_mismatch,      ///< a level 1's level-2 weights do not add up to its weight
  cost_weight_ignored,  ///< a level-1 cost weight while cost is scored under output
  bands_out_of_order,   ///< grade bands not strictly ascending (差 < 中 < 良 < 优)
  band_out_of_range,    ///< a grade band outside 0..100
  overflow,             ///< a sum or product beyond what a Decimal holds
};

/// "negative weight", "total not 100", ….
[[nodiscard]] std::string_view to_string(ScoringErrc code) noexcept;

/// A scoring error and what exactly is wrong, in 中文 and English.
struct ScoringError {
  ScoringErrc code = ScoringErrc::overflow;
  std::string reason_zh;
  std::string reason_en;

  friend bool operator==(const ScoringError&, const ScoringError&) = default;
};

/// The lowest score of each grade but 差 (评价等级的分数线). Each band includes its lower end:
/// 90 is 优, 89.99 is 良.
struct GradeBands {
  Decimal excellent_from{90};  ///< 优: from 90 (含)
  Decimal good_from{80};       ///< 良: from 80 (含) to excellent_from
  Decimal fair_from{60};       ///< 中: from 60 (含) to good_from; below is 差

  /// nullopt when 0 <= fair_from < good_from < excellent_from <= 100; else what is wrong.
  [[nodiscard]] std::optional<ScoringError> validate() const;

  friend bool operator==(const GradeBands&, const GradeBands&) = default;
};

/// The grade of an exact score.
[[nodiscard]] Grade grade_of(Decimal score, const GradeBands& bands) noexcept;

/// The grades a score known only as an interval allows, from `best` down to `worst`; a score
/// in [79.5, 80.5] may be 中 or 良. Grades are ordered, so the set is always a range.
struct GradeRange {
  Grade best = Grade::excellent;
  Grade worst = Grade::poor;

  /// Whether exactly one grade is possible.
  [[nodiscard]] bool is_single() const noexcept { return best == worst; }
  /// Whether the score may have this grade.
  [[nodiscard]] bool contains(Grade g) const noexcept { return best <= g && g <= worst; }

  friend bool operator==(const GradeRange&, const GradeRange&) = default;
};

/// Every grade some value of `score` has. An open upper end at a band's lower end does not
/// reach that band: [70, 80) is 中 only.
[[nodiscard]] GradeRange grades_of(const Interval& score, const GradeBands& bands) noexcept;

/// 权重: the points of the execution rate and of each level 1 (and, optionally, level 2), out of
/// 100. The defaults are 财预〔2020〕10号's (`reference_2020`).
///
/// Within a level 1 (or, when it has level-2 weights, within each level 2) its points are split
/// equally among its indicators, to 0.01 point (or to the weight's own decimals when it has
/// more) by the largest remainder method, so that the parts add up to the level's weight
/// exactly; the leftover 0.01s go to the earlier indicators (numbers' `allocate` tie-break):
/// 50 over three indicators is 16.67, 16.67, 16.66.
struct ScoringWeights {
  /// 预算执行率: 10 in 财预〔2020〕10号.
  Decimal execution_rate{10};
  /// Level-1 weights; a level 1 that is absent weighs 0.
  std::map<Level1, Decimal> level1{{Level1::output, Decimal{50}},
                                   {Level1::cost, Decimal{0}},
                                   {Level1::benefit, Decimal{30}},
                                   {Level1::satisfaction, Decimal{10}}};
  /// Level-2 weights, none by default. Those given for the level 2s of one level 1 must add up
  /// to that level 1's weight; a level 1 without any is split over its indicators directly.
  std::map<Level2, Decimal> level2;
  /// 财预〔2020〕10号 counts 成本 among 产出's level 2s; templates from 2021 make 成本指标 a
  /// level 1. When true (the default), indicators under a level-1 成本指标 are scored with output
  /// (as level 2 cost), and the level-1 cost weight must be 0; when false, cost is a level 1 of its
  /// own, with its own weight, and a level-2 cost weight belongs to it.
  bool cost_in_output = true;

  /// The weights of 财预〔2020〕10号: execution rate 10, output 50, benefit 30, satisfaction 10.
  [[nodiscard]] static ScoringWeights reference_2020() { return {}; }

  /// The level 1 a level 2's weight belongs to (level1_of, except cost when !cost_in_output).
  [[nodiscard]] Level1 group_of(Level2 level) const noexcept;
  /// The level 1 an indicator is scored under: its own, with cost moved to output when
  /// cost_in_output.
  [[nodiscard]] Level1 scored_level1(const Indicator& indicator) const;
  /// The weight of a level 1 (0 when absent).
  [[nodiscard]] Decimal weight_of(Level1 level) const;

  /// nullopt when every weight is >= 0, execution rate and level-1 weights add up to 100, each
  /// level 1's level-2 weights (where given) add up to its weight, and cost weighs 0 when it is
  /// scored under output; else the first thing wrong.
  [[nodiscard]] std::optional<ScoringError> validate() const;
};

/// How `score` reads a table.
struct ScoringOptions {
  /// Use an indicator's own 分值 (`Indicator::weight`) where the table states one. When every
  /// indicator states it, the level weights are not used at all (full marks are then the
  /// execution-rate weight plus the stated weights); when only some do, the others share what
  /// their level (or level 2) has left, never less than 0.
  bool use_stated_weights = true;
  GradeBands bands;
};

/// One indicator's score.
struct IndicatorScore {
  std::size_t index = 0;          ///< in `ProjectPerformance::indicators`
  Level1 level1 = Level1::other;  ///< the level 1 it was scored under
  Level2 level2 = Level2::other;
  Decimal weight;              ///< its points (分值)
  bool stated_weight = false;  ///< the table's own 分值, not a share of a level's weight
  IndicatorResult result;      ///< its target and actual read, and the outcome with its reason
  /// The points: [weight, weight] when met or exceeded; a point when not met (proportional or 0);
  /// [0, weight] when a reviewer has to judge.
  Interval score;
};

/// A level 1 (or a level 2 of it) that has a weight but no indicator: its points are unscored,
/// [0, weight] of the total.
struct UnscoredPart {
  Level1 level1 = Level1::other;
  std::optional<Level2> level2;
  Decimal weight;
};

/// A project's score: each part, the total as an interval, and the grades it allows.
struct ProjectScore {
  Decimal execution_weight;                ///< the points of 预算执行率
  std::optional<Interval> execution_rate;  ///< in percent; nullopt when it cannot be computed
  Interval execution;                      ///< its points: [0, weight] when the rate is unknown
  std::vector<IndicatorScore> indicators;  ///< in the table's order
  std::vector<UnscoredPart> unscored;
  Decimal full_marks;  ///< the sum of every weight used: 100 unless stated weights differ
  Interval total;      ///< the sum of the parts
  GradeRange grades;   ///< the grades `total` allows
};

/// Scores one project (docs/perf.md, "Scoring"). `year` is the default year of dates (the
/// report's), used when the project gives none.
///
/// - met, exceeded: the indicator's full weight;
/// - not met, with a target that is one figure or a range and an actual that is one plain figure
///   in a unit that compares: weight × actual ÷ target for ≥ and > targets and for an actual
///   below an = target or a range, weight × target ÷ actual for ≤ and < targets and for an
///   actual above; the figures as written, exactly, the product rounded to 0.01 point 四舍五入
///   (`rounding_policy::published`); any other not met scores 0;
/// - needs review, not evaluable (qualitative texts are needs review): [0, weight];
/// - execution rate: weight × min(rate, 100%) over `execution_rate(project)`, each end rounded to
///   0.01 point 四舍五入; [0, weight] when the rate is unknown.
///
/// Errors: the weights or bands do not validate, or a sum or product overflows.
[[nodiscard]] tl::expected<ProjectScore, ScoringError> score(const ProjectPerformance& project,
                                                             std::int32_t year,
                                                             const ScoringWeights& weights,
                                                             const ScoringOptions& options = {});

std::ostream& operator<<(std::ostream& os, Grade grade);
std::ostream& operator<<(std::ostream& os, ScoringErrc code);

}  // namespace fisc
