// SPDX-License-Identifier: BSL-1.0
#include "fisc/facts/concept.hpp"

#include <array>
#include <cstddef>

#include "hash.hpp"

namespace fisc {

std::string_view to_string(Quantity q) noexcept {
  switch (q) {
    case Quantity::money: return "money";
    case Quantity::count: return "count";
    case Quantity::number: return "number";
    case Quantity::percent: return "percent";
  }
  return "?";
}

namespace {

using Q = Quantity;

// Names as the 财政部 部门决算 / 部门预算 templates print them (see the seed's 名词解释 and the
// table list of its 第五部分, and the Shanghai template in ../shared/corpus).
constexpr std::array kConcepts{
    // 收入
    Concept{"income.grand_total", "收入总计", "total income including balances", Q::money},
    Concept{"income.total", "本年收入合计", "income of the year", Q::money},
    Concept{"income.fiscal", "财政拨款收入", "fiscal appropriation income", Q::money},
    Concept{"income.general_budget", "一般公共预算财政拨款收入", "general budget appropriation",
            Q::money},
    Concept{"income.government_fund", "政府性基金预算财政拨款收入", "government fund appropriation",
            Q::money},
    Concept{"income.state_capital", "国有资本经营预算财政拨款收入",
            "state capital operation appropriation", Q::money},
    Concept{"income.superior_grant", "上级补助收入", "grants from superior units", Q::money},
    Concept{"income.service_revenue", "事业收入", "service revenue", Q::money},
    Concept{"income.business_revenue", "经营收入", "business revenue", Q::money},
    Concept{"income.subsidiary_remittance", "附属单位上缴收入", "remittances from subsidiaries",
            Q::money},
    Concept{"income.other_revenue", "其他收入", "other revenue", Q::money},
    // 结转和结余
    Concept{"balance.opening", "年初结转和结余", "opening carry-over and balance", Q::money},
    Concept{"balance.closing", "年末结转和结余", "closing carry-over and balance", Q::money},
    Concept{"balance.non_fiscal_used", "使用非财政拨款结余", "non-fiscal balance used", Q::money},
    Concept{"balance.service_fund_used", "用事业基金弥补收支差额",
            "service fund used to cover a deficit", Q::money},
    Concept{"balance.distribution", "结余分配", "balance distribution", Q::money},
    // 支出
    Concept{"expenditure.grand_total", "支出总计", "total expenditure including balances",
            Q::money},
    Concept{"expenditure.total", "本年支出合计", "expenditure of the year", Q::money},
    Concept{"expenditure.fiscal", "财政拨款支出", "fiscal appropriation expenditure", Q::money},
    Concept{"expenditure.basic", "基本支出", "basic expenditure", Q::money},
    Concept{"expenditure.basic.personnel", "人员经费", "personnel expenses", Q::money},
    Concept{"expenditure.basic.public_expense", "公用经费", "public (office) expenses", Q::money},
    Concept{"expenditure.project", "项目支出", "project expenditure", Q::money},
    Concept{"expenditure.remittance_to_superior", "上缴上级支出", "remittance to superior units",
            Q::money},
    Concept{"expenditure.business", "经营支出", "business expenditure", Q::money},
    Concept{"expenditure.grants_to_subsidiaries", "对附属单位补助支出", "grants to subsidiaries",
            Q::money},
    // "三公"经费
    Concept{"three_public.total", "“三公”经费", "three public expenses", Q::money},
    Concept{"three_public.overseas_travel", "因公出国（境）费", "official overseas travel",
            Q::money},
    Concept{"three_public.overseas_travel.groups", "因公出国（境）团组数", "overseas travel groups",
            Q::count},
    Concept{"three_public.overseas_travel.people", "因公出国（境）人次", "overseas travellers",
            Q::count},
    Concept{"three_public.vehicles", "公务用车购置及运行维护费",
            "official vehicles: purchase and operation", Q::money},
    Concept{"three_public.vehicles.purchase", "公务用车购置费", "official vehicle purchase",
            Q::money},
    Concept{"three_public.vehicles.operation", "公务用车运行维护费",
            "official vehicle operation and maintenance", Q::money},
    Concept{"three_public.vehicles.purchased", "购置公务用车数", "official vehicles bought",
            Q::count},
    Concept{"three_public.vehicles.held", "公务用车保有量", "official vehicles held", Q::count},
    Concept{"three_public.reception", "公务接待费", "official reception", Q::money},
    Concept{"three_public.reception.batches", "公务接待批次", "receptions (batches)", Q::count},
    Concept{"three_public.reception.people", "公务接待人次", "people received", Q::count},
    Concept{"three_public.reception.foreign", "外事接待费", "foreign affairs reception", Q::money},
    Concept{"three_public.reception.foreign.batches", "外事接待批次",
            "foreign affairs receptions (batches)", Q::count},
    Concept{"three_public.reception.foreign.people", "外事接待人次",
            "people received on foreign affairs", Q::count},
    // 机关运行经费
    Concept{"office_running", "机关运行经费", "office running expenses", Q::money},
    // 政府采购
    Concept{"procurement.total", "政府采购支出总额", "government procurement", Q::money},
    Concept{"procurement.goods", "政府采购货物支出", "procurement of goods", Q::money},
    Concept{"procurement.works", "政府采购工程支出", "procurement of works", Q::money},
    Concept{"procurement.services", "政府采购服务支出", "procurement of services", Q::money},
    Concept{"procurement.sme", "授予中小企业合同金额", "contracts awarded to SMEs", Q::money},
    Concept{"procurement.small_micro", "授予小微企业合同金额",
            "contracts awarded to small and micro enterprises", Q::money},
    // 国有资产占用
    Concept{"assets.vehicles", "车辆", "vehicles held", Q::count},
    Concept{"assets.general_equipment_500k", "单位价值50万元以上通用设备",
            "general equipment of 500,000 yuan or more", Q::count},
    Concept{"assets.special_equipment_1m", "单位价值100万元以上专用设备",
            "special equipment of 1,000,000 yuan or more", Q::count},
    // 人员
    Concept{"staffing.establishment", "编制数", "established posts", Q::count},
    Concept{"staffing.staffed", "在岗人员", "staff in post", Q::count},
    Concept{"staffing.retired", "退休人员", "retired staff", Q::count},
    Concept{"staffing.retired_pre1949", "离休人员", "staff retired (pre-1949 service)", Q::count},
    // 机构
    Concept{"organisation.offices", "内设机构", "internal offices", Q::count},
    Concept{"organisation.units", "所属单位", "units (second-level budget units)", Q::count},
    Concept{"organisation.affiliated", "挂靠事业单位", "affiliated public institutions", Q::count},
    // 绩效管理
    Concept{"performance.projects_reported", "反映绩效目标完成情况的项目数",
            "projects whose targets are reported", Q::count},
    Concept{"performance.projects_assessed", "开展事前绩效评估的项目数",
            "projects with ex-ante assessment", Q::count},
    Concept{"performance.projects_with_targets", "编制绩效目标的项目数",
            "projects with performance targets", Q::count},
    Concept{"performance.projects_monitored", "开展绩效监控的项目数",
            "projects under performance monitoring", Q::count},
    Concept{"performance.projects_self_evaluated", "开展绩效自评的项目数",
            "projects self-evaluated", Q::count},
    Concept{"performance.projects_evaluated", "自行组织绩效评价的项目数",
            "projects evaluated by the department", Q::count},
    Concept{"performance.score", "绩效自评得分", "self-evaluation score", Q::number},
    // 项目
    Concept{"project.budget", "项目预算数", "project budget", Q::money},
    Concept{"project.executed", "项目执行数", "project execution", Q::money},
    Concept{"project.fiscal", "其中：财政拨款", "of which fiscal appropriation", Q::money},
    Concept{"project.other_funds", "其它资金", "other funds", Q::money},
    // 文中其他数字: figures of the work report (重点工作完成情况, 评价报告) that are not accounts
    // figures; kept with their place so that a report holds every figure its document states.
    // The dimension "subject" says what the figure counts, in the document's words.
    Concept{"text.other", "文中其他数字", "other figure stated in the text", Q::number},
};

}  // namespace

std::span<const Concept> concepts() noexcept { return kConcepts; }

namespace {

// A power of two, at least four times the concepts: a look-up almost never probes a second slot.
constexpr std::size_t kSlots = 512;
static_assert(4 * kConcepts.size() <= kSlots);

// The slot an id hashes to, before probing.
std::size_t slot_of(std::string_view id) noexcept {
  facts_detail::Hasher h;
  h.add(id);
  return h.value() & (kSlots - 1);
}

}  // namespace

const Concept* find_concept(std::string_view id) noexcept {
  // The concepts in an open-addressed table by a hash of their id: the readers and the rules look
  // a concept up for every figure, and a binary search compared some seven ids that mostly share
  // their first words ("expenditure.").
  static const auto by_id = [] {
    std::array<const Concept*, kSlots> out{};
    for (const Concept& c : kConcepts) {
      std::size_t s = slot_of(c.id);
      while (out[s] != nullptr) s = (s + 1) & (kSlots - 1);
      out[s] = &c;
    }
    return out;
  }();
  for (std::size_t s = slot_of(id); by_id[s] != nullptr; s = (s + 1) & (kSlots - 1)) {
    if (by_id[s]->id == id) return by_id[s];
  }
  return nullptr;
}

}  // namespace fisc
