// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

namespace fisc {

/// What kind of quantity a concept's figures are.
enum class Quantity : std::uint8_t {
  money,    ///< an amount: 元 / 万元 / 亿元
  count,    ///< a whole number of things: 辆, 人, 批次, 个
  number,   ///< another measured number: 平方米, a score out of 100
  percent,  ///< a percentage that is itself the quantity (满意度 96%)
};

[[nodiscard]] std::string_view to_string(Quantity q) noexcept;

/// A concept of the accounts (科目 / 项目): what a figure is a figure *of*.
///
/// Identifiers are stable, English, from design.md's glossary ("income.general_budget",
/// "three_public.vehicles.operation"); the Chinese name is the one the standard tables print.
/// Figures of the same concept differ by period, scenario, measure and dimensions (FactKey).
struct Concept {
  std::string_view id;
  std::string_view zh;  ///< the name as the standard tables print it
  std::string_view en;
  Quantity quantity;
};

/// Every concept fisc knows, in a stable order (income, balances, expenditure, 三公, 机关运行经费,
/// 政府采购, 国有资产, 人员, 机构, 绩效, 项目).
[[nodiscard]] std::span<const Concept> concepts() noexcept;

/// The concept with this id, or nullptr.
[[nodiscard]] const Concept* find_concept(std::string_view id) noexcept;

}  // namespace fisc
