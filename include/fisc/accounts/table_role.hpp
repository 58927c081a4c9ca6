// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace fisc {

/// Which standard public table a table is, by role rather than by number: numbering differs
/// by province and year (the seed's 15-table Sichuan family puts 三公 at 十, the 9-table family
/// at 七), the role does not.
enum class TableRole : std::uint8_t {
  // 部门决算
  income_expenditure_total,           ///< 收入支出决算总表
  income,                             ///< 收入决算表
  expenditure,                        ///< 支出决算表
  fiscal_total,                       ///< 财政拨款收入支出决算总表
  fiscal_expenditure_detail,          ///< 财政拨款支出决算明细表
  general_budget_expenditure,         ///< 一般公共预算财政拨款支出决算表
  general_budget_expenditure_detail,  ///< 一般公共预算财政拨款支出决算明细表
  general_budget_basic,               ///< 一般公共预算财政拨款基本支出决算表
  general_budget_project,             ///< 一般公共预算财政拨款项目支出决算表
  three_public,                       ///< 财政拨款“三公”经费支出决算表
  general_budget_three_public,  ///< 一般公共预算财政拨款“三公”经费支出决算表
  government_fund,              ///< 政府性基金预算财政拨款收入支出决算表
  government_fund_three_public,  ///< 政府性基金预算财政拨款“三公”经费支出决算表
  state_capital,                 ///< 国有资本经营预算财政拨款收入支出决算表
  state_capital_expenditure,  ///< 国有资本经营预算财政拨款支出决算表
  office_running_assets_procurement,  ///< 机关运行经费、资产占用情况及政府采购支出信息表
  // 部门预算
  budget_total,                   ///< 财务收支预算总表 / 部门收支预算总表
  budget_income,                  ///< 部门收入预算表
  budget_expenditure,             ///< 部门支出预算表
  budget_fiscal_total,            ///< 财政拨款收支预算总表
  budget_general_expenditure,     ///< 一般公共预算支出功能分类预算表
  budget_general_basic_economic,  ///< 一般公共预算基本支出部门预算经济分类预算表
  budget_three_public,            ///< 一般公共预算“三公”经费支出预算表
  budget_government_fund,         ///< 政府性基金预算支出功能分类预算表
  budget_state_capital,           ///< 国有资本经营预算支出功能分类预算表
  budget_projects,                ///< 项目支出预算表
  budget_performance_targets,     ///< 项目绩效目标表
  other,                          ///< a table fisc does not know by role
};

/// A role's stable id ("three_public"), its standard title and the family it belongs to.
struct TableRoleInfo {
  TableRole role;
  std::string_view id;
  std::string_view title;  ///< the standard title (provinces vary it a little)
  bool budget;             ///< part of the 部门预算 family (else 部门决算)
};

[[nodiscard]] std::span<const TableRoleInfo> table_roles() noexcept;
[[nodiscard]] const TableRoleInfo& info(TableRole role) noexcept;
[[nodiscard]] std::string_view to_string(TableRole role) noexcept;
[[nodiscard]] std::optional<TableRole> table_role_from_string(std::string_view id) noexcept;

}  // namespace fisc
