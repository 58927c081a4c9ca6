// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "fisc/facts/source.hpp"
#include "fisc/numbers/stated.hpp"

namespace fisc {

/// Which set of figures a fact belongs to.
enum class Scenario : std::uint8_t {
  actual,  ///< 决算数 / 执行数 / 实际
  budget,  ///< 预算数 (a budget document's figures, or 全年预算数 without qualification)
  initial_budget,   ///< 年初预算数
  adjusted_budget,  ///< 调整预算数 / 全年预算数 after adjustment
};

/// What a fact's figure measures about its concept.
enum class Measure : std::uint8_t {
  value,            ///< the amount or count itself
  share,            ///< 占比: the value as a percentage of the fact's `base`
  change,           ///< 增减额: value this year minus value in `prior_year`
  change_rate,      ///< 增减率: change as a percentage of the value in `prior_year`
  completion_rate,  ///< 完成预算%: the actual value as a percentage of the budget
};

[[nodiscard]] std::string_view to_string(Scenario s) noexcept;
[[nodiscard]] std::string_view to_string(Measure m) noexcept;
[[nodiscard]] std::optional<Scenario> scenario_from_string(std::string_view s) noexcept;
[[nodiscard]] std::optional<Measure> measure_from_string(std::string_view s) noexcept;

/// Named coordinates of a fact besides its concept: "function" = "2013201", "fund" =
/// "general_budget", "unit" = a 二级预算单位, "project" = a project name, "vehicle_kind" = "sedan".
/// Kept sorted by name so that equal sets compare equal.
class Dimensions {
 public:
  using value_type = std::pair<std::string, std::string>;

  Dimensions() = default;
  Dimensions(std::initializer_list<value_type> dims) {
    for (const auto& [name, value] : dims) set(name, value);
  }

  /// Sets (or replaces) one dimension; an empty value removes it.
  void set(std::string_view name, std::string_view value) {
    auto it = std::lower_bound(dims_.begin(), dims_.end(), name,
                               [](const value_type& d, std::string_view n) { return d.first < n; });
    if (it != dims_.end() && it->first == name) {
      if (value.empty()) {
        dims_.erase(it);
      } else {
        it->second = value;
      }
    } else if (!value.empty()) {
      dims_.emplace(it, std::string(name), std::string(value));
    }
  }
  [[nodiscard]] std::optional<std::string_view> get(std::string_view name) const {
    auto it = std::lower_bound(dims_.begin(), dims_.end(), name,
                               [](const value_type& d, std::string_view n) { return d.first < n; });
    if (it != dims_.end() && it->first == name) return std::string_view(it->second);
    return std::nullopt;
  }
  [[nodiscard]] Dimensions without(std::string_view name) const {
    Dimensions d = *this;
    d.set(name, "");
    return d;
  }
  [[nodiscard]] bool empty() const noexcept { return dims_.empty(); }
  [[nodiscard]] std::size_t size() const noexcept { return dims_.size(); }
  [[nodiscard]] auto begin() const noexcept { return dims_.begin(); }
  [[nodiscard]] auto end() const noexcept { return dims_.end(); }

  friend bool operator==(const Dimensions&, const Dimensions&) = default;
  // clang-tidy 14 reads the synthesized `<=> 0` of a defaulted comparison as a null pointer.
  friend auto operator<=>(const Dimensions&,
                          const Dimensions&) = default;  // NOLINT(modernize-use-nullptr)

 private:
  std::vector<value_type> dims_;
};

/// The identity of a fact (design.md §1.4): two figures with equal keys state the same
/// quantity and must agree within rounding.
struct FactKey {
  std::string concept_id;  ///< a Concept id (concept.hpp)
  Measure measure = Measure::value;
  std::int32_t year = 0;        ///< the year the figure belongs to
  std::int32_t prior_year = 0;  ///< for change and change_rate: the year compared with
  Scenario scenario = Scenario::actual;
  Dimensions dims;

  friend bool operator==(const FactKey&, const FactKey&) = default;
  // clang-tidy 14 reads the synthesized `<=> 0` of a defaulted comparison as a null pointer.
  friend auto operator<=>(const FactKey&,
                          const FactKey&) = default;  // NOLINT(modernize-use-nullptr)
};

[[nodiscard]] std::size_t hash_value(const FactKey& key) noexcept;

/// "income.general_budget 2020 actual [fund=general_budget]" and the like, for messages.
[[nodiscard]] std::string describe(const FactKey& key);

/// Where a fact comes from in the report's structure.
enum class Origin : std::uint8_t {
  table,      ///< a cell of a standard table
  statement,  ///< a figure stated in the text (决算说明) or entered as such
  listing,    ///< a figure of a typed section of the report (三公 counts, staffing, assets)
};

[[nodiscard]] std::string_view to_string(Origin o) noexcept;

/// The sign of a change given by a word rather than by the figure: 收入减少125.3万元 writes
/// "125.3" and means −125.3.
enum class Direction : std::uint8_t {
  none,      ///< the figure carries its own sign (or has none to carry)
  increase,  ///< 增加 / 增长 / 上升
  decrease,  ///< 减少 / 下降 / 降低
};

[[nodiscard]] std::string_view to_string(Direction d) noexcept;
[[nodiscard]] std::optional<Direction> direction_from_string(std::string_view s) noexcept;

/// A figure with its meaning and its place (事实): what it is, as what it was written, where.
struct Fact {
  FactKey key;
  /// For a share: the key of the whole it is a share of (e.g. expenditure.total).
  std::optional<FactKey> base;
  /// The value is signed: for Direction::decrease it is the negation of what `value.text`
  /// writes; the text stays exactly as written.
  Stated value;
  Source source;
  Origin origin = Origin::statement;
  Direction direction = Direction::none;

  friend bool operator==(const Fact&, const Fact&) = default;
};

}  // namespace fisc

template <>
struct std::hash<fisc::FactKey> {
  std::size_t operator()(const fisc::FactKey& key) const noexcept { return fisc::hash_value(key); }
};
