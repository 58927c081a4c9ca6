// SPDX-License-Identifier: BSL-1.0
#pragma once

#include "fisc/rules/pack.hpp"

namespace fisc {

/// The built-in pack for 部门决算 (final accounts), which also checks 部门预算 (budgets) where the
/// same identities hold: the total table's identities, the income and spending breakdowns,
/// footings by fund, by classification code and by other dimensions, 三公经费, 机关运行经费,
/// procurement, assets, staffing, every share, change, change rate and completion rate, budgets
/// implied by completion rates, facts stated twice (also in another unit), wrong year labels and
/// counts against their lists. docs/rules.md lists every rule.
[[nodiscard]] Pack builtin_pack();

}  // namespace fisc
