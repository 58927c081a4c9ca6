// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <optional>
#include <span>
#include <string_view>

#include "fisc/classify/economic_code.hpp"

/// The crosswalk between the two economic classifications (两套支出经济分类科目对照): which
/// department codes (部门预算支出经济分类, 3xx) a government code (政府预算支出经济分类, 5xx)
/// gathers. The built-in table is partial: it holds the 32 government codes of fisc's reference
/// data, some with truncated or unverified lists (see `CrosswalkEntry`), and it maps only what
/// the source maps; nothing is inferred.
namespace fisc {

/// One government code and the department codes it gathers.
struct CrosswalkEntry {
  EconomicCode government;
  /// The department codes, each a 款 or a whole 类; empty where the source gives none.
  std::span<const EconomicCode> department;
  /// False where the source truncated the list ("..."): more department codes belong here.
  bool complete = true;
  /// False for rows from domain knowledge, not seen in a published table.
  bool verified = true;
  /// A condition on the mapping, e.g. "机关": 301 → 501 holds for administrative units (机关);
  /// an institution's (事业单位) 301 goes to 505 对事业单位经常性补助.
  std::string_view note;
};

/// Every entry of the built-in crosswalk, in code order.
[[nodiscard]] std::span<const CrosswalkEntry> crosswalk() noexcept;

/// The entry of a government code; none for a department code or an unmapped one.
[[nodiscard]] std::optional<CrosswalkEntry> crosswalk_entry(EconomicCode government) noexcept;

/// The department codes a government code gathers: 50101 → 30101, 30102, 30103. Empty for a
/// department code or a government code the crosswalk does not map; check
/// `crosswalk_entry(code)->complete` before treating the list as whole.
[[nodiscard]] std::span<const EconomicCode> department_codes_for(EconomicCode government) noexcept;

/// The government code that gathers a department code: 30113 → 50103, 301 → 501 (机关). None for
/// a government code or a department code the crosswalk does not list (e.g. 30107: the source
/// does not say; no mapping is inferred from the 类).
[[nodiscard]] std::optional<EconomicCode> government_code_for(EconomicCode department) noexcept;

}  // namespace fisc
