// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <cstdint>
#include <utility>

#include "fisc/facts/fact.hpp"
#include "fisc/facts/fact_store.hpp"

namespace fisc {

/// Which figures a view shows: the year, the scenario and the dimensions (e.g. a fund or a
/// function code) that every figure of the view shares.
struct Selection {
  // Not explicit, so that `{2020}` or `{2020, Scenario::budget}` selects.
  Selection(std::int32_t year_, Scenario scenario_ = Scenario::actual,  // NOLINT
            Dimensions dims_ = {})
      : year(year_), scenario(scenario_), dims(std::move(dims_)) {}

  std::int32_t year;
  Scenario scenario;
  Dimensions dims;
};

/// 收入 by source: each field is the first fact stating that figure, or nullptr when the report
/// does not state it. Later statements of the same figure stay in the store (FactStore::find).
struct IncomeBySource {
  const Fact* total = nullptr;                  ///< 本年收入合计
  const Fact* general_budget = nullptr;         ///< 一般公共预算财政拨款收入
  const Fact* government_fund = nullptr;        ///< 政府性基金预算财政拨款收入
  const Fact* state_capital = nullptr;          ///< 国有资本经营预算财政拨款收入
  const Fact* superior_grant = nullptr;         ///< 上级补助收入
  const Fact* service_revenue = nullptr;        ///< 事业收入
  const Fact* business_revenue = nullptr;       ///< 经营收入
  const Fact* subsidiary_remittance = nullptr;  ///< 附属单位上缴收入
  const Fact* other_revenue = nullptr;          ///< 其他收入
};

/// 支出 by kind.
struct ExpenditureByKind {
  const Fact* total = nullptr;                   ///< 本年支出合计
  const Fact* basic = nullptr;                   ///< 基本支出
  const Fact* personnel = nullptr;               ///< 人员经费
  const Fact* public_expense = nullptr;          ///< 公用经费
  const Fact* project = nullptr;                 ///< 项目支出
  const Fact* remittance_to_superior = nullptr;  ///< 上缴上级支出
  const Fact* business = nullptr;                ///< 经营支出
  const Fact* grants_to_subsidiaries = nullptr;  ///< 对附属单位补助支出
};

/// 结转和结余.
struct Balances {
  const Fact* opening = nullptr;          ///< 年初结转和结余
  const Fact* closing = nullptr;          ///< 年末结转和结余
  const Fact* non_fiscal_used = nullptr;  ///< 使用非财政拨款结余
  const Fact* distribution = nullptr;     ///< 结余分配
};

/// "三公"经费 and its counts.
struct ThreePublic {
  const Fact* total = nullptr;               ///< “三公”经费
  const Fact* overseas_travel = nullptr;     ///< 因公出国（境）费
  const Fact* vehicles = nullptr;            ///< 公务用车购置及运行维护费
  const Fact* vehicle_purchase = nullptr;    ///< 公务用车购置费
  const Fact* vehicle_operation = nullptr;   ///< 公务用车运行维护费
  const Fact* reception = nullptr;           ///< 公务接待费
  const Fact* overseas_groups = nullptr;     ///< 因公出国（境）团组数
  const Fact* overseas_people = nullptr;     ///< 因公出国（境）人次
  const Fact* vehicles_purchased = nullptr;  ///< 购置公务用车数
  const Fact* vehicles_held = nullptr;       ///< 公务用车保有量
  const Fact* reception_batches = nullptr;   ///< 公务接待批次
  const Fact* reception_people = nullptr;    ///< 公务接待人次
};

/// 政府采购.
struct Procurement {
  const Fact* total = nullptr;        ///< 政府采购支出总额
  const Fact* goods = nullptr;        ///< 货物
  const Fact* works = nullptr;        ///< 工程
  const Fact* services = nullptr;     ///< 服务
  const Fact* sme = nullptr;          ///< 授予中小企业合同金额
  const Fact* small_micro = nullptr;  ///< 授予小微企业合同金额
};

/// 国有资产占用 and 人员.
struct AssetsAndStaff {
  const Fact* vehicles = nullptr;                ///< 车辆
  const Fact* general_equipment_500k = nullptr;  ///< 50万元以上通用设备
  const Fact* special_equipment_1m = nullptr;    ///< 100万元以上专用设备
  const Fact* establishment = nullptr;           ///< 编制数
  const Fact* staffed = nullptr;                 ///< 在岗人员
  const Fact* retired = nullptr;                 ///< 退休人员
  const Fact* retired_pre1949 = nullptr;         ///< 离休人员
};

/// Typed views of a report's facts, for code that wants fields rather than keys, e.g.
/// `three_public(facts, {2020}).vehicles->value`.
[[nodiscard]] IncomeBySource income_by_source(const FactStore& facts, const Selection& selection);
[[nodiscard]] ExpenditureByKind expenditure_by_kind(const FactStore& facts,
                                                    const Selection& selection);
[[nodiscard]] Balances balances(const FactStore& facts, const Selection& selection);
[[nodiscard]] ThreePublic three_public(const FactStore& facts, const Selection& selection);
[[nodiscard]] Procurement procurement(const FactStore& facts, const Selection& selection);
[[nodiscard]] AssetsAndStaff assets_and_staff(const FactStore& facts, const Selection& selection);
/// 机关运行经费.
[[nodiscard]] const Fact* office_running(const FactStore& facts, const Selection& selection);

}  // namespace fisc
