// SPDX-License-Identifier: BSL-1.0
#include "fisc/classify/crosswalk.hpp"

#include <algorithm>
#include <optional>
#include <span>

#include "fisc/classify/economic_code.hpp"

namespace fisc {

std::optional<CrosswalkEntry> crosswalk_entry(EconomicCode government) noexcept {
  const auto rows = crosswalk();
  const auto it = std::find_if(rows.begin(), rows.end(), [government](const CrosswalkEntry& e) {
    return e.government == government;
  });
  if (it == rows.end()) return std::nullopt;
  return *it;
}

std::span<const EconomicCode> department_codes_for(EconomicCode government) noexcept {
  const auto entry = crosswalk_entry(government);
  if (!entry) return {};
  return entry->department;
}

std::optional<EconomicCode> government_code_for(EconomicCode department) noexcept {
  if (department.scheme() != EconomicScheme::department) return std::nullopt;
  for (const CrosswalkEntry& e : crosswalk()) {
    if (std::find(e.department.begin(), e.department.end(), department) != e.department.end()) {
      return e.government;
    }
  }
  return std::nullopt;
}

}  // namespace fisc
