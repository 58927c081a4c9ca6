// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <initializer_list>
#include <span>
#include <string_view>
#include <vector>

#include "fisc/rules/finding.hpp"
#include "fisc/rules/rule.hpp"
#include "fisc/rules/severity.hpp"
#include "fisc/rules/subject.hpp"
#include "fisc/rules/tolerance.hpp"

namespace fisc {

/// A list of rules a user can extend, filter and re-grade without touching fisc (规则包).
///
/// A selector names rules: a rule id ("sum.basic"), an id prefix ending at a dot ("sum" selects
/// "sum.basic" and "sum.fund"), or a tag ("three_public").
class Pack {
 public:
  Pack() = default;
  /// Throws std::invalid_argument when two rules share an id or a rule has no id or no check.
  explicit Pack(std::vector<Rule> rules);

  /// Adds a rule at the end; throws std::invalid_argument for a duplicate id, an empty id or an
  /// empty check.
  Pack& add(Rule rule);
  /// Removes the rules a selector names; returns how many.
  std::size_t remove(std::string_view selector);
  /// Sets the severity of the rules a selector names; returns how many.
  std::size_t regrade(std::string_view selector, Severity severity);

  /// The rules any of the selectors name, in pack order.
  [[nodiscard]] Pack only(std::span<const std::string_view> selectors) const;
  [[nodiscard]] Pack only(std::initializer_list<std::string_view> selectors) const {
    return only(std::span<const std::string_view>(selectors.begin(), selectors.size()));
  }
  /// The rules none of the selectors name.
  [[nodiscard]] Pack without(std::span<const std::string_view> selectors) const;
  [[nodiscard]] Pack without(std::initializer_list<std::string_view> selectors) const {
    return without(std::span<const std::string_view>(selectors.begin(), selectors.size()));
  }

  [[nodiscard]] const Rule* find(std::string_view id) const noexcept;
  [[nodiscard]] std::span<const Rule> rules() const noexcept { return rules_; }
  [[nodiscard]] std::size_t size() const noexcept { return rules_.size(); }
  [[nodiscard]] std::vector<RuleInfo> infos() const;

 private:
  std::vector<Rule> rules_;
};

/// Whether a selector names a rule (see Pack).
[[nodiscard]] bool selects(std::string_view selector, const RuleInfo& rule) noexcept;

struct RunOptions {
  TolerancePolicy policy;
  bool keep_passed = false;  ///< keep the checks that held as findings of severity ok
};

/// Runs every rule of the pack on the subject. Findings come in document order (file, page,
/// line, column, then table place), then by rule order in the pack; a rule whose check throws
/// gives one error finding of that rule saying so, and the other rules still run.
[[nodiscard]] InputFindings run(const Pack& pack, const Subject& subject,
                                const RunOptions& options = {});

}  // namespace fisc
