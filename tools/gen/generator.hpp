// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "fisc/accounts/report.hpp"
#include "fisc/facts/source.hpp"

/// A generator of realistic 部门决算 reports with injected errors and their ground truth
/// (tools/gen/README.md): the standard tables, the text's figures, 三公, staffing and the
/// performance tables, consistent by construction; one error of a chosen kind injected at a
/// chosen rate, with the finding fisc must give for it. Deterministic: a seed gives the same
/// report, byte for byte, with any compiler.
namespace fisc::gen {

/// What to generate.
struct GenOptions {
  /// The chance that a report carries one injected error, in parts per million (0: every report
  /// is clean; 1,000,000: every report has one error). A report never carries more than one.
  std::uint32_t error_rate_ppm = 0;
  /// The kinds (rule ids) an injected error is drawn from; empty: every kind of `kinds()`.
  std::vector<std::string> kinds;
  /// The year of the accounts.
  std::int32_t year = 2020;
};

/// One finding an injected error must produce: the rule, and the place fisc's finding points
/// at (a span's line and column of the text, or a table cell's table, row and column).
struct InjectedError {
  std::string kind;  ///< the injection (a rule id of the built-in pack)
  std::string rule;  ///< the rule expected to fire (the kind's, or one the kind also trips)
  Source where;
  std::string description;
  friend bool operator==(const InjectedError&, const InjectedError&) = default;
};

struct GeneratedReport {
  Report report;
  std::vector<InjectedError> errors;  ///< empty for a clean report
};

/// Every kind of error the generator can inject: the rule ids of the built-in pack.
[[nodiscard]] std::span<const std::string_view> kinds() noexcept;

/// The report of `seed`. Throws std::invalid_argument for a kind it does not know.
[[nodiscard]] GeneratedReport generate(std::uint64_t seed, const GenOptions& options);

/// The ground truth as JSON: {"seed", "errors": [{"kind", "rule", "where", "description"}]}.
[[nodiscard]] std::string write_truth_json(std::uint64_t seed, const GeneratedReport& generated);

/// "0.25" → 250000 parts per million; nullopt-like -1 for a text that is not a rate in [0, 1]
/// with at most six decimals.
[[nodiscard]] std::int64_t parse_rate_ppm(std::string_view text) noexcept;

}  // namespace fisc::gen
