// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <string>

#include "fisc/accounts/report.hpp"

namespace fisc {

/// How `write_narrative` writes.
struct NarrateOptions {
  /// Shares of one whole are rounded to 0.01% each (half away from zero) by default, so that
  /// they may sum to 99.99% or 100.01%; with `exact_shares` they are allocated by largest
  /// remainder to sum to exactly 100.00%, and the text says so after them.
  bool exact_shares = false;
};

/// The standard sections of the explanatory text (决算说明, 第二部分 of the Sichuan template)
/// written from a report's figures, each money figure to 0.01 万元 and each rate to 0.01%,
/// in the sentence forms `read_narrative` reads.
[[nodiscard]] std::string write_narrative(const Report& report, const NarrateOptions& options = {});

}  // namespace fisc
