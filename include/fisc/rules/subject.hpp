// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <array>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "fisc/accounts/report.hpp"
#include "fisc/facts/concept.hpp"
#include "fisc/facts/fact.hpp"
#include "fisc/facts/fact_store.hpp"
#include "fisc/facts/key_index.hpp"
#include "fisc/numbers/error.hpp"
#include "fisc/numbers/interval.hpp"
#include "fisc/numbers/unit.hpp"
#include "fisc/perf/model.hpp"
#include "fisc/rules/finding.hpp"
#include "fisc/rules/tolerance.hpp"

namespace fisc {

/// What the rules check: one report and every fact it states (被检查的报表).
///
/// The facts are the cells of its tables, its statements and listings, and the stated count of
/// each enumeration (as a fact of the enumeration's concept). The report must outlive the subject.
class Subject {
 public:
  explicit Subject(const Report& report);
  Subject(const Subject&) = delete;
  Subject& operator=(const Subject&) = delete;
  Subject(Subject&&) = default;
  Subject& operator=(Subject&&) = default;
  ~Subject() = default;

  [[nodiscard]] const Report& report() const noexcept { return *report_; }
  [[nodiscard]] const FactStore& facts() const noexcept { return facts_; }
  /// Cells whose meaning could not be determined (collect_facts); a caller decides whether they
  /// make the input unreadable (`fisc check` says so and exits 2).
  [[nodiscard]] std::span<const CellError> errors() const noexcept { return errors_; }
  /// The statements of a change whose prior-year value has `key` (measure value, year the prior
  /// year): what a prior-year value is derived from.
  [[nodiscard]] std::span<const Fact* const> changes_to(const FactKey& prior_value_key) const;

  // An index of the facts, built once, that the rules share instead of each going through every
  // fact.

  /// The facts' keys interned, for rules that build and look up many keys.
  [[nodiscard]] const KeyIndex& keys() const noexcept { return keys_; }
  /// A fact's index in `facts()`, or `FactStore::npos` for a fact that is not one of them.
  [[nodiscard]] std::size_t find_index(const Fact& fact) const noexcept;
  /// The interned key of a fact; `fact` must be one of `facts()`.
  [[nodiscard]] const KeyIndex::Key& key_of(const Fact& fact) const {
    return keys_.key_of(index_of(fact));
  }
  /// Whether a statement of a change has this prior-year value key: `changes_to` is not empty.
  [[nodiscard]] bool has_changes_to(const KeyIndex::Key& prior_value_key) const;

  /// The facts of a concept, in the order added.
  [[nodiscard]] std::span<const Fact* const> of_concept(std::string_view concept_id) const;
  /// Every fact in document order (place_less), facts at one place in the order added.
  [[nodiscard]] std::span<const Fact* const> in_document_order() const noexcept {
    return in_order_;
  }
  /// A fact's position in `in_document_order()`; `fact` must be one of `facts()`.
  [[nodiscard]] std::size_t rank(const Fact& fact) const { return rank_.at(index_of(fact)); }
  /// The facts of one measure in document order, each key with each text as written once.
  [[nodiscard]] std::span<const Fact* const> anchors(Measure measure) const;
  /// The concept of a fact's key (find_concept), or nullptr; for any fact, of `facts()` or not.
  [[nodiscard]] const Concept* concept_of(const Fact& fact) const;
  /// A performance indicator of the report (of its projects' tables or its self-evaluation's)
  /// read and evaluated once for the rules that look at targets: `evaluate(indicator, year)`
  /// with the project's year, else the report's. Throws std::out_of_range for an indicator that
  /// is not the report's.
  [[nodiscard]] const IndicatorResult& evaluated(const Indicator& indicator) const;

 private:
  [[nodiscard]] std::size_t index_of(const Fact& fact) const noexcept;
  void build_index();
  void evaluate_indicators();

  static constexpr std::size_t measures = 5;
  struct ConceptFacts {
    std::string_view id;  ///< the registry's id, or a view of the first fact's (unknown concepts)
    std::size_t begin = 0;
    std::size_t end = 0;  ///< of by_concept_
  };

  const Report* report_;
  FactStore facts_;
  std::vector<CellError> errors_;
  KeyIndex keys_;
  InternedKeySet changed_;  ///< the prior-year value keys that changes derive
  std::vector<std::vector<const Fact*>> changes_;  ///< by position in changed_: the changes
  std::vector<const Fact*> in_order_;
  std::vector<std::size_t> rank_;             ///< by fact index
  std::vector<const Concept*> concepts_;      ///< by fact index
  std::vector<const Fact*> by_concept_;       ///< grouped by concept, each group in the order added
  std::vector<ConceptFacts> concept_groups_;  ///< sorted by id
  std::array<std::vector<const Fact*>, measures> anchors_;               ///< by Measure
  std::vector<std::pair<const Indicator*, IndicatorResult>> evaluated_;  ///< by address
};

/// One operand of a check: a stated figure, or one derived from stated figures.
struct Figure {
  Interval range;  ///< the values consistent with it, in `unit`, under the run's policy
  Decimal point;   ///< the value as written (or computed from values as written), in `unit`
  Unit unit = Unit::none;
  const Fact* fact = nullptr;     ///< the statement, when stated
  std::vector<const Fact*> from;  ///< the statements a derived figure is computed from
  std::string text;               ///< as written; for a derived figure, its computed value
  std::string key_text;           ///< for a derived figure: `describe` of the key it is a value of

  [[nodiscard]] bool derived() const noexcept { return fact == nullptr; }
};

/// The finding's view of a figure: its text, unit, key and place.
[[nodiscard]] FindingFigure to_finding_figure(const Figure& figure);
[[nodiscard]] FindingFigure to_finding_figure(const Fact& fact);

/// A subject's figures read under one tolerance policy (按口径取数).
///
/// Each fact's interval in its own unit is read once, on construction: the rules ask for most
/// figures several times, in one unit or another.
class Figures {
 public:
  Figures(const Subject& subject, TolerancePolicy policy);

  [[nodiscard]] const TolerancePolicy& policy() const noexcept { return policy_; }
  [[nodiscard]] const Subject& subject() const noexcept { return *subject_; }

  /// The values a stated figure allows, in `unit` (which must convert from the figure's unit):
  /// its rounding interval (or truncation interval, or the exact value, per the policy),
  /// limited to values ≥ 0 for quantities that are never negative (amounts, counts).
  [[nodiscard]] Result<Interval> range(const Fact& fact, Unit unit) const;
  /// A stated figure's value as written, in `unit` (which must convert from the figure's unit):
  /// the `point` of its figure in that unit.
  [[nodiscard]] Result<Decimal> point(const Fact& fact, Unit unit) const;

  /// The distinct values stated for `key`, in document order, as figures in `unit`; statements
  /// in units that do not convert to `unit` are left out.
  [[nodiscard]] std::vector<Figure> stated(const FactKey& key, Unit unit) const;
  /// `stated` of a key already looked up: `first` is `facts().first_index(key)` of the subject
  /// (`FactStore::npos`: nothing is stated).
  [[nodiscard]] std::vector<Figure> stated_from(std::size_t first, Unit unit) const;
  /// Values derived for `key`: a prior-year value from each statement of this year's value and
  /// its change (增减额).
  [[nodiscard]] std::vector<Figure> derived(const FactKey& key, Unit unit) const;
  /// `stated(key, unit)`, or `derived(key, unit)` when nothing is stated.
  [[nodiscard]] std::vector<Figure> of(const FactKey& key, Unit unit) const;

  /// Whether a stated figure's range agrees with an expected range of values: they overlap under
  /// the interval and truncation policies; under the absolute policy, within its tolerance
  /// (money in `unit`, rates in percentage points).
  [[nodiscard]] bool agree(const Interval& stated, const Interval& expected, Unit unit) const;
  /// Whether the stated range can be at most the bound's range (≤), with the same tolerance.
  [[nodiscard]] bool can_be_at_most(const Interval& stated, const Interval& bound, Unit unit) const;
  /// The range widened by the policy's tolerance (the range itself under intervals and truncation).
  [[nodiscard]] Interval widened(const Interval& stated, Unit unit) const;

 private:
  /// A fact's values under the policy in its own unit, before they are limited to ≥ 0.
  struct OwnRange {
    Result<Interval> range;
    bool never_negative = false;  ///< a value of a quantity that is never negative
  };
  [[nodiscard]] OwnRange own_range(const Fact& fact) const;
  [[nodiscard]] static Result<Interval> scaled(const OwnRange& own, const Fact& fact, Unit unit);

  const Subject* subject_;
  TolerancePolicy policy_;
  std::vector<OwnRange> own_;  ///< by fact index of the subject
};

/// Whether a concept's values are never negative (amounts, counts; not balances).
[[nodiscard]] bool never_negative(std::string_view concept_id) noexcept;

}  // namespace fisc
