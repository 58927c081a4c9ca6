// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "fisc/accounts/report.hpp"
#include "fisc/accounts/table.hpp"
#include "fisc/facts/source.hpp"
#include "fisc/rules/finding.hpp"
#include "fisc/rules/subject.hpp"
#include "fisc/rules/text.hpp"

namespace fisc {

/// Where a check is looking: the whole subject, narrowed by the combinators to one table, one
/// row, one classification code or one unit.
struct Scope {
  const Subject* subject = nullptr;
  const Figures* figures = nullptr;
  const Table* table = nullptr;        ///< set by for_each_table
  const TableRow* row = nullptr;       ///< set by for_each_row
  std::string code;                    ///< set by for_each_code: a 功能分类 code
  const Organisation* unit = nullptr;  ///< set by for_each_unit: one 二级预算单位
  /// Whether the outcomes of checks that held are listed (RunOptions::keep_passed). When not, a
  /// check may emit such an outcome with `held` alone: only failed outcomes need their place,
  /// figures and message.
  bool passed_details = true;

  [[nodiscard]] const Report& report() const noexcept { return subject->report(); }
};

/// What one check found at one place: held, or not and why.
struct Outcome {
  bool held = false;
  Text message;
  Source where;
  std::vector<FindingFigure> figures;
  std::optional<Expected> expected;
};

using Emit = std::function<void(Outcome)>;
/// A check: looks at a scope and emits an outcome per place it checked (none when nothing in
/// the scope is for it).
using Check = std::function<void(const Scope&, const Emit&)>;

/// For a check, before it words an outcome: when the outcome held and the run lists no passed
/// checks (`Scope::passed_details` false), emits it with `held` alone and returns true; the
/// check then skips its place, figures and message. Otherwise returns false and emits nothing.
[[nodiscard]] bool emit_bare_pass(const Scope& scope, const Emit& emit, bool held);

/// A rule is a value: what it is (id, severity, bilingual text, tags) and its check.
struct Rule {
  RuleInfo info;
  Check check;
};

// Combinators: each makes a check out of checks.

/// Every check's outcomes.
[[nodiscard]] Check all_of(std::vector<Check> checks);
/// Holds where one of the checks holds: if some check emits no failed outcome, its outcomes are
/// passed on; otherwise every failed outcome of every check is.
[[nodiscard]] Check any_of(std::vector<Check> checks);
/// The check, only in scopes where `condition` holds.
[[nodiscard]] Check when(std::function<bool(const Scope&)> condition, Check check);
/// The check once per table of the report that `select` accepts (all when empty).
[[nodiscard]] Check for_each_table(std::function<bool(const Table&)> select, Check check);
/// The check once per row of the scope's table (of every table when the scope has none).
[[nodiscard]] Check for_each_row(Check check);
/// The check once per distinct 功能分类 code of `digits` digits (3 类, 5 款, 7 项) among the
/// facts' `function` dimension (of the scope's table when it has one).
[[nodiscard]] Check for_each_code(int digits, Check check);
/// The check once per unit (二级预算单位) of the report.
[[nodiscard]] Check for_each_unit(Check check);

}  // namespace fisc
