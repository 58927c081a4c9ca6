// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <cstdint>
#include <iosfwd>
#include <limits>
#include <string>

namespace fisc {

/// The years in which a name is in force (适用年度): one year, a closed range, a range open at
/// either end, or every year. Classification names change with the yearly 政府收支分类科目, so a
/// catalogue keys every name by code and years.
struct YearRange {
  static constexpr std::int32_t earliest = std::numeric_limits<std::int32_t>::min();
  static constexpr std::int32_t latest = std::numeric_limits<std::int32_t>::max();

  std::int32_t first = earliest;  ///< the first year, or `earliest`: open
  std::int32_t last = latest;     ///< the last year, or `latest`: open

  [[nodiscard]] static constexpr YearRange all() noexcept { return {}; }
  [[nodiscard]] static constexpr YearRange only(std::int32_t year) noexcept { return {year, year}; }
  [[nodiscard]] static constexpr YearRange between(std::int32_t first, std::int32_t last) noexcept {
    return {first, last};
  }
  /// `first` and every year after it.
  [[nodiscard]] static constexpr YearRange since(std::int32_t first) noexcept {
    return {first, latest};
  }
  /// Every year up to and including `last`.
  [[nodiscard]] static constexpr YearRange until(std::int32_t last) noexcept {
    return {earliest, last};
  }

  [[nodiscard]] constexpr bool contains(std::int32_t year) const noexcept {
    return first <= year && year <= last;
  }
  [[nodiscard]] constexpr bool overlaps(YearRange other) const noexcept {
    return first <= other.last && other.first <= last;
  }
  [[nodiscard]] constexpr bool is_all() const noexcept {
    return first == earliest && last == latest;
  }
  [[nodiscard]] constexpr bool empty() const noexcept { return first > last; }

  friend constexpr bool operator==(YearRange, YearRange) = default;
};

/// The form a catalogue CSV writes: "" (every year), "2020", "2020-2024", "2019-", "-2018"
/// ("none" for an empty range).
[[nodiscard]] std::string to_string(YearRange years);

std::ostream& operator<<(std::ostream& os, YearRange years);

}  // namespace fisc
