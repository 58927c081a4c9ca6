// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "fisc/facts/fact.hpp"
#include "fisc/rules/rule.hpp"
#include "fisc/rules/text.hpp"

namespace fisc {

/// One part of a sum: a concept, with dimensions added to the total's (e.g. scope = domestic).
struct Part {
  std::string concept_id;
  Dimensions dims;
};

/// An identity between concepts: total = Σ parts, for every (year, scenario, dimensions) at which
/// the total or a part is stated (勾稽关系).
struct SumIdentity {
  std::string total;
  std::vector<Part> parts;
  /// The parts make up the whole total. When false (其中), or when some part is not stated,
  /// the check is Σ stated parts ≤ total.
  bool exhaustive = true;
  Text name;  ///< e.g. {"基本支出 = 人员经费 + 公用经费", "basic = personnel + public expense"}
};

/// Every operand of a relation may be stated more than once. A relation holds when one choice of
/// the distinct stated values satisfies it (the disagreement itself is `fact.restated`'s); it
/// fails when none does, and the finding shows the first choice in document order.

/// total = Σ parts (or Σ parts ≤ total; see SumIdentity). Operands not stated are taken from
/// derived values (a prior-year value from this year's value and its change), so identities are
/// checked in the prior year too.
[[nodiscard]] Check sum_check(SumIdentity identity);

/// A breakdown along a dimension: for each of `concepts`, the fact without `dim` (or with
/// `dim = total_value` when that is given) against the sum of the facts with each value of `dim`.
/// Equality when the parts are complete: every value of `closed_values` stated, or, for an open
/// breakdown, total and parts all cells of tables; otherwise Σ parts ≤ total.
struct DimensionSum {
  std::vector<std::string> concepts;
  std::string dim;
  std::vector<std::string> closed_values;
  std::string total_value;
  Text name;
};
[[nodiscard]] Check dimension_sum_check(DimensionSum breakdown);

/// The classification hierarchy of a code dimension: the total (no code) against its top-level
/// codes, and each code against the codes one level below it (类 = Σ 款 = Σ 项 for `function`
/// with lengths {3, 5, 7}). Equality where the figures are all table cells, else ≤.
[[nodiscard]] Check code_sum_check(std::string dim, std::vector<std::size_t> lengths);

/// Budgets implied by completion rates (actual ÷ rate) add up as the identity says.
[[nodiscard]] Check implied_budget_check(SumIdentity identity);

/// Each share (占比) against part ÷ whole; a zero whole is left to `zero_base_check`.
[[nodiscard]] Check share_check();
/// Each change (增减额) against this year's value minus the stated prior-year value.
[[nodiscard]] Check change_check();
/// Each change rate (增减率) against change ÷ prior-year value, the prior year's value taken as
/// this year's minus the stated change, or else as stated.
[[nodiscard]] Check change_rate_check();
/// Each completion rate (完成预算%) against actual ÷ budget where the budget is stated;
/// `budget_concepts` maps a concept to the concept that holds its budget (project.executed →
/// project.budget); others use the same concept with a budget scenario.
[[nodiscard]] Check completion_rate_check(
    std::vector<std::pair<std::string, std::string>> budget_concepts);
/// A share, change rate or completion rate whose base is stated as zero: undefined.
[[nodiscard]] Check zero_base_check(
    std::vector<std::pair<std::string, std::string>> budget_concepts);
/// lesser ≤ greater at every (year, scenario, dimensions) where both are stated; when `fallback`
/// dimensions are given, the greater is looked up with them added if it is not stated without.
[[nodiscard]] Check at_most_check(Part lesser, Part greater, Text name, Dimensions fallback = {});
/// numerator ÷ denominator, in percent, lies within [min_percent, max_percent] at every (year,
/// scenario, dimensions) where both are stated: a bound on a ratio, such as a local limit on
/// reception as a share of public expense. Not in the built-in pack; for users' rules.
[[nodiscard]] Check ratio_check(Part numerator, Part denominator, Decimal min_percent,
                                Decimal max_percent, Text name);
/// The same fact stated more than once must agree: `across_units` false checks statements in
/// one unit, true statements in different units (元 restating 万元).
[[nodiscard]] Check restated_check(bool across_units);
/// A prior-year figure that contradicts the prior-year value derived from this year's value and
/// its change, and equals a figure of the same concept for this year: labelled with the wrong year.
[[nodiscard]] Check mislabelled_year_check();
/// An enumeration's stated count against the number of items it lists.
[[nodiscard]] Check enumeration_count_check();
/// Two enumerations of one concept, year and dimensions that list different items.
[[nodiscard]] Check enumeration_lists_check();
/// Each standard table the contents (目录) list, against the tables of the report: one outcome per
/// listed table, failed when no table has its role. Nothing for a report without tables (a text
/// read alone).
[[nodiscard]] Check listed_table_check();
/// Each placeholder mention (XX局, XXX万元) of a filled-in report: failed, one outcome each. A
/// blank template, which holds more placeholders than figures (in its tables, text and
/// listings), is meant to hold them and gets none.
[[nodiscard]] Check placeholder_check();
/// Each self-name mention (2024年度部门决算情况说明, a table title with its year) against the
/// report's year: held when the years agree. Names of the other kind (a 预算 named in a 决算)
/// are not the document's own and are not checked.
[[nodiscard]] Check self_name_check();
/// Each as-of date (截至2024年12月31日) against the report's year. A 决算 of year Y: a year-end
/// date must be Y's, and no date may be before Y. A 预算 of year Y, drawn up in Y−1: a date in
/// Y−1, or in Y before its end.
[[nodiscard]] Check as_of_check();
/// Claims (statements without a figure) against the figures of their fact: 持平 / 增加 / 减少
/// against this year's and the prior year's value (or the stated change), 决算数与预算数不一致 /
/// 与预算一致 against the stated budget or completion rate. With `unlikely` false, a claim the
/// figures rule out under the run's policy fails; with `unlikely` true, a claim they allow only
/// within rounding (the figures as written say otherwise) fails.
[[nodiscard]] Check claim_check(bool unlikely,
                                std::vector<std::pair<std::string, std::string>> budget_concepts);

}  // namespace fisc
