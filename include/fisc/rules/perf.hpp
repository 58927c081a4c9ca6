// SPDX-License-Identifier: BSL-1.0
#pragma once

#include "fisc/perf/model.hpp"
#include "fisc/perf/score.hpp"
#include "fisc/rules/rule.hpp"

/// Checks of the performance part of a report (绩效): project performance tables, the projects a
/// self-evaluation lists, and the self-evaluation itself. docs/rules.md describes the rules of the
/// built-in pack made of them.
namespace fisc {

/// A table whose every actual value (实际完成值) repeats its target text word for word (spaces
/// aside): nothing was measured. One outcome per table with at least two indicators with actual
/// values.
[[nodiscard]] Check actual_copies_target_check();

/// A project table without an indicator of this level 2 (时效指标, 成本指标; a level 1 成本指标
/// counts for cost). One outcome per table with indicators.
[[nodiscard]] Check indicator_present_check(Level2 level);

/// A satisfaction indicator (满意度) whose target or actual percentage lies outside 0–100%.
[[nodiscard]] Check satisfaction_range_check();

/// A cost indicator (成本指标) whose money amount differs from the project's executed amount (or,
/// for a list of targets without actual values, its budget).
[[nodiscard]] Check cost_matches_amount_check();

/// Executed above budget: the total, and the fiscal part, of each project.
[[nodiscard]] Check executed_within_budget_check();

/// An indicator whose actual value does not meet its target (evaluate: not_met).
[[nodiscard]] Check target_met_check();

/// A target or actual text that starts a figure or a date and breaks (`TargetError`); the
/// finding points at the character, inside the cell's place.
[[nodiscard]] Check target_readable_check();

/// The self-evaluation's parts add up to its total (all its parts are listed, so: equality);
/// without a self-evaluation, the performance.score facts as a breakdown along `part`.
[[nodiscard]] Check evaluation_sum_check();

/// A stated grade (优 / 良 / 中 / 差, `grade_from_text`) that the stated score does not allow under
/// `bands`: the self-evaluation's total and each project's score. A score is an interval (a
/// written 89.6 may be 89.55), so a grade any of its values has holds.
[[nodiscard]] Check grade_check(GradeBands bands);

/// Fewer project tables than the text says it reports (反映…等N个项目绩效目标完成情况:
/// performance.projects_reported). Checked only when the report has project tables: a report
/// that holds none has not entered them.
[[nodiscard]] Check tables_reported_check();

/// One project's amount stated at places that spell its name differently (物业管理 / 物业管理费 /
/// 物业管理经费, see `project_identity`), in 元 or 万元, that disagree. Places with the same
/// spelling are fact.restated's and fact.unit_restated's.
[[nodiscard]] Check project_restated_check();

}  // namespace fisc
