// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fisc/facts/source.hpp"
#include "fisc/numbers/interval.hpp"
#include "fisc/numbers/stated.hpp"
#include "fisc/numbers/unit.hpp"
#include "fisc/perf/target.hpp"

/// The performance (绩效) part of a report: project performance tables (项目支出绩效目标完成情况表)
/// and the department-wide self-evaluation (部门整体支出绩效自评), as published. Every figure and
/// every text keeps its place; level names keep their text and are normalised to the glossary.
namespace fisc {

/// 一级指标, normalised. 产出 and the seed's 项目完成指标 are `output`; 成本 is a level 1 of its
/// own in templates from 2021 (and a level 2 under 产出 before); 决策 and 过程 are the levels of
/// evaluation frameworks (财预〔2020〕10号 附件1).
enum class Level1 : std::uint8_t { output, cost, benefit, satisfaction, decision, process, other };

/// 二级指标, normalised (design.md §4).
enum class Level2 : std::uint8_t {
  quantity,        ///< 数量指标
  quality,         ///< 质量指标
  timeliness,      ///< 时效指标
  cost,            ///< 成本指标 (经济 / 社会 / 生态环境成本指标)
  economic,        ///< 经济效益指标
  social,          ///< 社会效益指标
  ecological,      ///< 生态效益指标 (生态环境效益指标)
  sustainability,  ///< 可持续影响指标
  satisfaction,    ///< 满意度指标 (服务对象满意度指标)
  other,           ///< anything else, kept as written
};

[[nodiscard]] std::string_view to_string(Level1 level) noexcept;
[[nodiscard]] std::string_view to_string(Level2 level) noexcept;
/// The 中文 name of the glossary: 产出指标, 数量指标, ….
[[nodiscard]] std::string_view zh_name(Level1 level) noexcept;
[[nodiscard]] std::string_view zh_name(Level2 level) noexcept;

/// A level name as written (spaces, full-width forms and a trailing 指标 do not matter):
/// 产出指标, 产出, 项目完成指标 → output; nullopt when the text names no known level 1.
[[nodiscard]] std::optional<Level1> level1_from_text(std::string_view text);
/// 数量指标, 数量, 产出数量 → quantity; 服务对象满意度指标 → satisfaction; nullopt when unknown.
[[nodiscard]] std::optional<Level2> level2_from_text(std::string_view text);
/// The level 1 a level 2 belongs to (cost → output, as in 财预〔2020〕10号).
[[nodiscard]] Level1 level1_of(Level2 level) noexcept;

/// A figure as written with its place.
struct PlacedFigure {
  Stated value;
  Source source;
  friend bool operator==(const PlacedFigure&, const PlacedFigure&) = default;
};

/// A text as written with its place.
struct PlacedText {
  std::string text;
  Source source;
  friend bool operator==(const PlacedText&, const PlacedText&) = default;
};

/// One indicator row (三级指标): its levels as written, and its target (指标值) and actual value
/// (实际完成值) as written. The normalised levels are computed from the text.
struct Indicator {
  std::string level1;  ///< 一级指标 as written; may be empty (then taken from level 2)
  std::string level2;  ///< 二级指标 as written
  std::string level3;  ///< 三级指标 as written
  PlacedText target;
  std::optional<PlacedText> actual;    ///< absent in a table of targets only
  std::optional<PlacedFigure> weight;  ///< 分值 / 权重, where the table states it
  std::optional<PlacedFigure> score;   ///< 得分, where the table states it

  /// The normalised level 1: from `level1`, else from the level 2, else other.
  [[nodiscard]] Level1 level1_kind() const;
  /// The normalised level 2: from `level2`, else other.
  [[nodiscard]] Level2 level2_kind() const;

  friend bool operator==(const Indicator&, const Indicator&) = default;
};

/// Budget or executed funds of a project: the total, of which fiscal appropriation
/// (其中：财政拨款), and other funds (其它资金).
struct ProjectFunds {
  std::optional<PlacedFigure> total;
  std::optional<PlacedFigure> fiscal;
  std::optional<PlacedFigure> other;
  friend bool operator==(const ProjectFunds&, const ProjectFunds&) = default;
};

/// A project performance table (项目支出绩效目标完成情况表 / 项目支出绩效自评表), or one project
/// of a list of projects with their targets (as 附1's 主要目标绩效完成情况).
struct ProjectPerformance {
  std::string name;              ///< 项目名称 as written
  std::string unit;              ///< 预算单位 / 实施单位 as written
  std::int32_t year = 0;         ///< 0: the report's year
  Unit amount_unit = Unit::wan;  ///< the unit of its amounts (预算执行情况(万元))
  ProjectFunds budget;           ///< 预算数 / 全年预算数
  ProjectFunds executed;         ///< 执行数
  std::optional<PlacedFigure> execution_rate;  ///< 执行率, where stated (a percentage)
  std::optional<PlacedText> goal_expected;     ///< 年度目标: 预期目标
  std::optional<PlacedText> goal_achieved;     ///< 年度目标: 实际完成目标
  std::vector<Indicator> indicators;
  std::optional<PlacedFigure> score;  ///< 总分 / 自评得分, where stated
  std::optional<PlacedText> grade;    ///< 评价等级 as written (优, 良好…), where stated
  Source source;                      ///< the table's title (or the project's row)

  friend bool operator==(const ProjectPerformance&, const ProjectPerformance&) = default;
};

/// One scored part of a self-evaluation (预算管理48分), or its total.
struct ScorePart {
  std::string name;  ///< as written: 预算管理, 专项预算管理, 绩效结果应用
  PlacedFigure score;
  std::optional<PlacedFigure> weight;  ///< the part's full marks (分值), where stated
  friend bool operator==(const ScorePart&, const ScorePart&) = default;
};

/// The department-wide self-evaluation (部门整体支出绩效自评 / 预算整体绩效评价报告): its scored
/// parts, total and grade, and the projects it lists with their targets.
struct SelfEvaluation {
  std::string title;  ///< as written
  std::vector<ScorePart> parts;
  std::optional<PlacedFigure> total;  ///< 合计得分 / 总分
  std::optional<PlacedText> grade;    ///< 评价等级 as written
  std::vector<ProjectPerformance> projects;  ///< its list of projects (附1 主要目标绩效完成情况)
  Source source;

  friend bool operator==(const SelfEvaluation&, const SelfEvaluation&) = default;
};

/// Everything a report publishes about performance.
struct Performance {
  std::vector<ProjectPerformance> projects;  ///< the project tables, in document order
  std::optional<SelfEvaluation> evaluation;

  [[nodiscard]] bool empty() const noexcept { return projects.empty() && !evaluation; }
  friend bool operator==(const Performance&, const Performance&) = default;
};

/// An indicator read and evaluated: its target and actual value parsed (or why not), and the
/// outcome. The outcome is not_evaluable when either text does not parse or there is no actual.
struct IndicatorResult {
  std::optional<Target> target;
  std::optional<Target> actual;
  std::optional<TargetError> target_error;
  std::optional<TargetError> actual_error;
  Evaluation evaluation;
};

/// Reads and evaluates one indicator; `year` is the default year of its dates (the report's).
[[nodiscard]] IndicatorResult evaluate(const Indicator& indicator, std::int32_t year);

/// 执行率: executed ÷ budget (totals), in percent, as the interval the written figures allow;
/// nullopt when either is not stated, does not read, or the budget may be zero.
[[nodiscard]] std::optional<Interval> execution_rate(const ProjectPerformance& project);

/// A project's name reduced for identity: quotes (“” ‘’ 「」 『』 《》 " '), spaces and one
/// trailing 项目经费 / 专项经费 / 工作经费 / 经费 / 项目 / 资金 / 费 removed, so that 物业管理,
/// 物业管理费 and 物业管理经费 are one project, and “党报党刊征订”经费 is 党报党刊征订. Names that
/// differ otherwise are different projects: fisc does not guess.
[[nodiscard]] std::string project_identity(std::string_view name);

}  // namespace fisc
