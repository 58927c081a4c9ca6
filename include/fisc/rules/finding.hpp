// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "fisc/facts/source.hpp"
#include "fisc/numbers/interval.hpp"
#include "fisc/numbers/unit.hpp"
#include "fisc/rules/severity.hpp"
#include "fisc/rules/text.hpp"

namespace fisc {

/// One figure a finding is about (涉及的数字).
struct FindingFigure {
  /// Exactly as written in the input ("534.27", "5,751,054.00", "1.28%"); for a derived figure,
  /// the value fisc computed, written as fisc writes figures.
  std::string text;
  Unit unit = Unit::none;
  std::string concept_id;  ///< the figure's concept
  std::string fact;        ///< the whole key, `describe(FactKey)`
  Source where;            ///< the figure's place; for a derived figure, its first source's
  /// Computed from other figures of the input (a prior-year value from a value and its change, a
  /// budget from an actual value and its completion rate): not written in the input as such.
  bool derived = false;
  friend bool operator==(const FindingFigure&, const FindingFigure&) = default;
};

/// The value a figure should have had, given the others (应为).
struct Expected {
  std::string text;               ///< "534.29", "1.29%–1.31%", "≤ 745.99"
  std::optional<Interval> range;  ///< the values that would have satisfied the check, in `unit`
  Unit unit = Unit::none;
  friend bool operator==(const Expected&, const Expected&) = default;
};

/// The result of one check on one place: a defect (error / warning / info), or with
/// `Severity::ok` a check that held.
///
/// 检查结果: 规则、级别、说明、位置、涉及的数字、应为的值、判定口径.
struct Finding {
  std::string rule;  ///< the rule's stable id, e.g. "sum.basic"
  Severity severity = Severity::error;
  Text message;
  Source where;  ///< where to look first: the figure the check is anchored on
  std::vector<FindingFigure> figures;
  std::optional<Expected> expected;
  std::string policy;  ///< the tolerance policy that judged it, `describe(TolerancePolicy)`
  friend bool operator==(const Finding&, const Finding&) = default;
};

/// What a rule is, without its check: what writers list (SARIF's `rules`, JUnit's testcases).
struct RuleInfo {
  std::string id;  ///< stable, dotted: "sum.basic", "share", "fact.restated"
  Severity severity = Severity::error;
  Text title;        ///< one line
  Text description;  ///< what it checks and why
  std::vector<std::string> tags;
  std::string basis;  ///< where the identity comes from (a template, a regulation), if anywhere
  /// What it applies to: the concepts whose figures it reads (empty: figures of any concept).
  std::vector<std::string> applies_to;
  friend bool operator==(const RuleInfo&, const RuleInfo&) = default;
};

/// The findings on one input file (or stdin, named "-").
struct InputFindings {
  std::string path;
  std::vector<Finding> findings;  ///< in document order; `ok` ones only when asked for
  /// Checks that held, per rule id, in the order of the pack; counted whether or not the passed
  /// findings were kept.
  std::vector<std::pair<std::string, std::size_t>> passed;
};

/// One run of `fisc check`: the rules that ran and what they found in each input.
struct CheckResults {
  std::vector<RuleInfo> rules;
  std::vector<InputFindings> inputs;
};

/// How many findings of each severity (ok counts the checks that held).
struct SeverityCounts {
  std::size_t error = 0;
  std::size_t warning = 0;
  std::size_t info = 0;
  std::size_t ok = 0;
  [[nodiscard]] std::size_t at_least(Severity s) const noexcept;
  SeverityCounts& operator+=(const SeverityCounts& other) noexcept;
  friend bool operator==(const SeverityCounts&, const SeverityCounts&) = default;
};
[[nodiscard]] SeverityCounts count(const CheckResults& results) noexcept;
/// The counts of one input: its findings by severity, and its checks that held.
[[nodiscard]] SeverityCounts count(const InputFindings& input) noexcept;

}  // namespace fisc
