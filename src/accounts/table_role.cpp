// SPDX-License-Identifier: BSL-1.0
#include "fisc/accounts/table_role.hpp"

#include <algorithm>
#include <array>

namespace fisc {

namespace {
using R = TableRole;
// Titles as in the seed's 第五部分 附表 list (15-table family), the Shanghai 2024 决算 and 2025
// 预算 documents in ../shared/corpus (9-table family and budget family).
constexpr std::array kRoles{
    TableRoleInfo{R::income_expenditure_total, "income_expenditure_total", "收入支出决算总表",
                  false},
    TableRoleInfo{R::income, "income", "收入决算表", false},
    TableRoleInfo{R::expenditure, "expenditure", "支出决算表", false},
    TableRoleInfo{R::fiscal_total, "fiscal_total", "财政拨款收入支出决算总表", false},
    TableRoleInfo{R::fiscal_expenditure_detail, "fiscal_expenditure_detail",
                  "财政拨款支出决算明细表", false},
    TableRoleInfo{R::general_budget_expenditure, "general_budget_expenditure",
                  "一般公共预算财政拨款支出决算表", false},
    TableRoleInfo{R::general_budget_expenditure_detail, "general_budget_expenditure_detail",
                  "一般公共预算财政拨款支出决算明细表", false},
    TableRoleInfo{R::general_budget_basic, "general_budget_basic",
                  "一般公共预算财政拨款基本支出决算表", false},
    TableRoleInfo{R::general_budget_project, "general_budget_project",
                  "一般公共预算财政拨款项目支出决算表", false},
    TableRoleInfo{R::three_public, "three_public", "财政拨款“三公”经费支出决算表", false},
    TableRoleInfo{R::general_budget_three_public, "general_budget_three_public",
                  "一般公共预算财政拨款“三公”经费支出决算表", false},
    TableRoleInfo{R::government_fund, "government_fund", "政府性基金预算财政拨款收入支出决算表",
                  false},
    TableRoleInfo{R::government_fund_three_public, "government_fund_three_public",
                  "政府性基金预算财政拨款“三公”经费支出决算表", false},
    TableRoleInfo{R::state_capital, "state_capital", "国有资本经营预算财政拨款收入支出决算表",
                  false},
    TableRoleInfo{R::state_capital_expenditure, "state_capital_expenditure",
                  "国有资本经营预算财政拨款支出决算表", false},
    TableRoleInfo{R::office_running_assets_procurement, "office_running_assets_procurement",
                  "机关运行经费、资产占用情况及政府采购支出信息表", false},
    TableRoleInfo{R::budget_total, "budget_total", "财务收支预算总表", true},
    TableRoleInfo{R::budget_income, "budget_income", "部门收入预算表", true},
    TableRoleInfo{R::budget_expenditure, "budget_expenditure", "部门支出预算表", true},
    TableRoleInfo{R::budget_fiscal_total, "budget_fiscal_total", "财政拨款收支预算总表", true},
    TableRoleInfo{R::budget_general_expenditure, "budget_general_expenditure",
                  "一般公共预算支出功能分类预算表", true},
    TableRoleInfo{R::budget_general_basic_economic, "budget_general_basic_economic",
                  "一般公共预算基本支出部门预算经济分类预算表", true},
    TableRoleInfo{R::budget_three_public, "budget_three_public", "一般公共预算“三公”经费支出预算表",
                  true},
    TableRoleInfo{R::budget_government_fund, "budget_government_fund",
                  "政府性基金预算支出功能分类预算表", true},
    TableRoleInfo{R::budget_state_capital, "budget_state_capital",
                  "国有资本经营预算支出功能分类预算表", true},
    TableRoleInfo{R::budget_projects, "budget_projects", "项目支出预算表", true},
    TableRoleInfo{R::budget_performance_targets, "budget_performance_targets", "项目绩效目标表",
                  true},
    TableRoleInfo{R::other, "other", "", false},
};
}  // namespace

std::span<const TableRoleInfo> table_roles() noexcept { return kRoles; }

const TableRoleInfo& info(TableRole role) noexcept {
  const auto it = std::find_if(kRoles.begin(), kRoles.end(),
                               [role](const TableRoleInfo& i) { return i.role == role; });
  return it == kRoles.end() ? kRoles.back() : *it;
}

std::string_view to_string(TableRole role) noexcept { return info(role).id; }

std::optional<TableRole> table_role_from_string(std::string_view id) noexcept {
  const auto it = std::find_if(kRoles.begin(), kRoles.end(),
                               [id](const TableRoleInfo& i) { return i.id == id; });
  if (it == kRoles.end()) return std::nullopt;
  return it->role;
}

}  // namespace fisc
