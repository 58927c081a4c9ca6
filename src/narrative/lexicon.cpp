// SPDX-License-Identifier: BSL-1.0
// The words of the standard sentence forms: the Sichuan 部门决算说明 template (the seed's) and
// the central / most-provinces template (中央部门决算 and the provincial forms that follow it).
#include "lexicon.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <span>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace fisc::narrative_detail {

namespace {

using K = TermKind;

constexpr Term concept_term(std::u32string_view w, std::string_view id, std::string_view dim = {},
                            std::string_view value = {}) {
  return Term{w, K::concept_term, id, dim, value, Fund::none};
}
constexpr Term fund_concept(std::u32string_view w, std::string_view id, Fund f) {
  return Term{w, K::concept_term, id, {}, {}, f};
}
constexpr Term qualifier(std::u32string_view w, Fund f) {
  return Term{w, K::qualifier, {}, {}, {}, f};
}
constexpr Term dim_term(std::u32string_view w, std::string_view dim, std::string_view value) {
  return Term{w, K::dim, {}, dim, value, Fund::none};
}
constexpr Term word(std::u32string_view w, TermKind k, std::string_view value = {}) {
  return Term{w, k, {}, {}, value, Fund::none};
}
constexpr Term fiscal_totals(std::u32string_view w) {
  return Term{w, K::both_totals, {}, {}, {}, Fund::all_fiscal};
}

const std::array kTerms{
    // Income (收入).
    fund_concept(U"一般公共预算财政拨款收入", "income.general_budget", Fund::general_budget),
    fund_concept(U"政府性基金预算财政拨款收入", "income.government_fund", Fund::government_fund),
    fund_concept(U"国有资本经营预算财政拨款收入", "income.state_capital", Fund::state_capital),
    fund_concept(U"财政拨款收入", "income.fiscal", Fund::all_fiscal),
    concept_term(U"上级补助收入", "income.superior_grant"),
    concept_term(U"事业收入", "income.service_revenue"),
    concept_term(U"经营收入", "income.business_revenue"),
    concept_term(U"附属单位上缴收入", "income.subsidiary_remittance"),
    concept_term(U"其他收入", "income.other_revenue"),
    concept_term(U"本年收入合计", "income.total"),
    concept_term(U"本年合计收入", "income.total"),
    concept_term(U"收入合计", "income.total"),
    concept_term(U"本年收入", "income.total"),
    concept_term(U"收入总计", "income.grand_total"),
    concept_term(U"收入决算总计", "income.grand_total"),
    concept_term(U"年初结转和结余", "balance.opening"),
    concept_term(U"年末结转和结余", "balance.closing"),
    concept_term(U"年终结转", "balance.closing"),
    concept_term(U"年末结转", "balance.closing"),
    concept_term(U"用事业基金弥补收支差额", "balance.service_fund_used"),
    concept_term(U"使用非财政拨款结余", "balance.non_fiscal_used"),
    concept_term(U"结余分配", "balance.distribution"),
    // Spending (支出).
    fund_concept(U"一般公共预算财政拨款支出", "expenditure.fiscal", Fund::general_budget),
    fund_concept(U"政府性基金预算财政拨款支出", "expenditure.fiscal", Fund::government_fund),
    fund_concept(U"国有资本经营预算财政拨款支出", "expenditure.fiscal", Fund::state_capital),
    fund_concept(U"国有资本经营预算拨款支出", "expenditure.fiscal", Fund::state_capital),
    fund_concept(U"国有资本经营预算支出", "expenditure.fiscal", Fund::state_capital),
    fund_concept(U"财政拨款支出", "expenditure.fiscal", Fund::all_fiscal),
    concept_term(U"基本支出", "expenditure.basic"),
    concept_term(U"人员经费", "expenditure.basic.personnel"),
    concept_term(U"公用经费", "expenditure.basic.public_expense"),
    concept_term(U"项目支出", "expenditure.project"),
    concept_term(U"上缴上级支出", "expenditure.remittance_to_superior"),
    concept_term(U"经营支出", "expenditure.business"),
    concept_term(U"对附属单位补助支出", "expenditure.grants_to_subsidiaries"),
    concept_term(U"本年支出合计", "expenditure.total"),
    concept_term(U"支出合计", "expenditure.total"),
    concept_term(U"本年支出", "expenditure.total"),
    concept_term(U"支出总计", "expenditure.grand_total"),
    concept_term(U"支出决算总计", "expenditure.grand_total"),
    word(U"收、支总计", K::both_totals),
    word(U"收支总计", K::both_totals),
    word(U"收、支决算总计", K::both_totals),
    word(U"收入、支出决算总计", K::both_totals),
    word(U"收入支出决算总计", K::both_totals),
    word(U"收入支出总计", K::both_totals),
    // 财政拨款收入支出总计: longer than 财政拨款收入, which would otherwise take its first words.
    fiscal_totals(U"财政拨款收入支出总计"),
    fiscal_totals(U"财政拨款收入支出决算总计"),
    fiscal_totals(U"财政拨款收支总计"),
    word(U"收入支出总体", K::both_totals),
    word(U"收支总体", K::both_totals),
    concept_term(U"财政拨款收入总计", "income.grand_total", "fund", "fiscal"),
    concept_term(U"财政拨款支出总计", "expenditure.grand_total", "fund", "fiscal"),
    word(U"收入", K::bare_income),
    word(U"支出", K::bare_spending),
    qualifier(U"一般公共预算财政拨款", Fund::general_budget),
    qualifier(U"一般公共预算", Fund::general_budget),
    qualifier(U"政府性基金预算财政拨款", Fund::government_fund),
    qualifier(U"政府性基金预算", Fund::government_fund),
    qualifier(U"政府性基金", Fund::government_fund),
    qualifier(U"国有资本经营预算财政拨款", Fund::state_capital),
    qualifier(U"国有资本经营预算", Fund::state_capital),
    qualifier(U"财政拨款", Fund::all_fiscal),
    // 三公经费.
    concept_term(U"“三公”经费", "three_public.total"),
    concept_term(U"\"三公\"经费", "three_public.total"),
    concept_term(U"三公经费", "three_public.total"),
    concept_term(U"因公出国（境）费用", "three_public.overseas_travel"),
    concept_term(U"因公出国（境）经费", "three_public.overseas_travel"),
    concept_term(U"因公出国（境）费", "three_public.overseas_travel"),
    concept_term(U"因公出国（境）", "three_public.overseas_travel"),
    concept_term(U"公务用车购置及运行维护费", "three_public.vehicles"),
    concept_term(U"公务用车购置和运行维护费", "three_public.vehicles"),
    concept_term(U"公务用车购置及运行费", "three_public.vehicles"),
    concept_term(U"公务用车购置费", "three_public.vehicles.purchase"),
    concept_term(U"公务用车购置支出", "three_public.vehicles.purchase"),
    concept_term(U"公务用车购置", "three_public.vehicles.purchase"),
    concept_term(U"公务用车运行维护费", "three_public.vehicles.operation"),
    concept_term(U"公务用车运行费", "three_public.vehicles.operation"),
    concept_term(U"公务用车", "three_public.vehicles.held"),
    concept_term(U"公务接待费", "three_public.reception"),
    concept_term(U"国内公务接待", "three_public.reception", "scope", "domestic"),
    concept_term(U"公务接待", "three_public.reception"),
    concept_term(U"外事接待", "three_public.reception.foreign"),
    concept_term(U"国（境）外公务接待", "three_public.reception.foreign"),
    concept_term(U"外宾接待", "three_public.reception.foreign"),
    concept_term(U"团组", "three_public.overseas_travel.groups"),
    // 机关运行经费, 政府采购, 国有资产.
    concept_term(U"机关运行经费", "office_running"),
    concept_term(U"政府采购支出总额", "procurement.total"),
    concept_term(U"政府采购支出", "procurement.total"),
    concept_term(U"政府采购货物支出", "procurement.goods"),
    concept_term(U"政府采购工程支出", "procurement.works"),
    concept_term(U"政府采购服务支出", "procurement.services"),
    // The Shanghai form: 政府采购金额（以合同签订为准）为…，其中：货物采购金额…、工程采购金额…
    concept_term(U"政府采购金额", "procurement.total"),
    concept_term(U"货物采购金额", "procurement.goods"),
    concept_term(U"工程采购金额", "procurement.works"),
    concept_term(U"服务采购金额", "procurement.services"),
    concept_term(U"授予中小企业合同金额", "procurement.sme"),
    concept_term(U"授予小微企业合同金额", "procurement.small_micro"),
    concept_term(U"车辆", "assets.vehicles"),
    concept_term(U"通用设备", "assets.general_equipment_500k"),
    concept_term(U"专用设备", "assets.special_equipment_1m"),
    word(U"单位价值", K::threshold),
    word(U"单价", K::threshold),
    // 人员, 机构.
    concept_term(U"总编制数", "staffing.establishment"),
    concept_term(U"编制数", "staffing.establishment"),
    concept_term(U"行政编制", "staffing.establishment", "category", "administrative"),
    concept_term(U"机关工勤编制", "staffing.establishment", "category", "logistics"),
    concept_term(U"工勤编制", "staffing.establishment", "category", "logistics"),
    concept_term(U"事业编制", "staffing.establishment", "category", "public_institution"),
    concept_term(U"参公编制", "staffing.establishment", "category", "civil_service_managed"),
    concept_term(U"在岗人员", "staffing.staffed"),
    concept_term(U"在职人员", "staffing.staffed"),
    concept_term(U"实有人员", "staffing.staffed"),
    concept_term(U"退休人员", "staffing.retired"),
    concept_term(U"离休人员", "staffing.retired_pre1949"),
    concept_term(U"离休", "staffing.retired_pre1949"),
    dim_term(U"行政人员", "category", "administrative"),
    dim_term(U"参公人员", "category", "civil_service_managed"),
    dim_term(U"事业人员", "category", "public_institution"),
    dim_term(U"机关工勤", "category", "logistics"),
    dim_term(U"工勤人员", "category", "logistics"),
    concept_term(U"职能股室", "organisation.offices"),
    concept_term(U"内设机构", "organisation.offices"),
    concept_term(U"职能科室", "organisation.offices"),
    concept_term(U"内设科室", "organisation.offices"),
    concept_term(U"股室", "organisation.offices"),
    concept_term(U"科室", "organisation.offices"),
    concept_term(U"处室", "organisation.offices"),
    concept_term(U"挂靠事业单位", "organisation.affiliated"),
    concept_term(U"下属事业单位", "organisation.affiliated"),
    concept_term(U"所属事业单位", "organisation.affiliated"),
    concept_term(U"参照公务员法管理的事业单位", "organisation.affiliated", "category",
                 "civil_service_managed"),
    concept_term(U"其他事业单位", "organisation.affiliated", "category", "public_institution"),
    concept_term(U"二级预算单位", "organisation.units"),
    // 预算绩效: the counts of projects, named after the figure.
    concept_term(U"事前绩效评估", "performance.projects_assessed"),
    concept_term(U"编制了绩效目标", "performance.projects_with_targets"),
    concept_term(U"编制绩效目标", "performance.projects_with_targets"),
    concept_term(U"绩效监控", "performance.projects_monitored"),
    concept_term(U"绩效目标完成情况梳理填报", "performance.projects_self_evaluated"),
    concept_term(U"绩效自评", "performance.projects_self_evaluated"),
    concept_term(U"绩效评价", "performance.projects_evaluated"),
    concept_term(U"绩效目标实际完成情况", "performance.projects_reported"),
    concept_term(U"实行绩效目标管理", "performance.projects_with_targets"),
    word(U"项目绩效目标完成情况", K::project),
    // Dimensions.
    dim_term(U"轿车", "vehicle_kind", "sedan"),
    dim_term(U"越野车", "vehicle_kind", "suv"),
    dim_term(U"载客汽车", "vehicle_kind", "passenger"),
    dim_term(U"部级领导干部用车", "vehicle_use", "ministerial"),
    dim_term(U"主要领导干部用车", "vehicle_use", "principal_leader"),
    dim_term(U"离退休干部用车", "vehicle_use", "retired_cadres"),
    dim_term(U"机要通信用车", "vehicle_use", "confidential_communication"),
    dim_term(U"应急保障用车", "vehicle_use", "emergency"),
    dim_term(U"执法执勤用车", "vehicle_use", "law_enforcement"),
    dim_term(U"特种专业技术用车", "vehicle_use", "special_technical"),
    dim_term(U"其他用车", "vehicle_use", "other"),
    // Scenarios.
    word(U"年初预算", K::scenario, "initial_budget"),
    word(U"调整预算", K::scenario, "adjusted_budget"),
    word(U"调整后预算", K::scenario, "adjusted_budget"),
    word(U"全年预算数", K::scenario, "budget"),
    word(U"全年预算", K::scenario, "budget"),
    word(U"预算数", K::scenario, "budget"),
    word(U"预算为", K::scenario, "budget"),
    word(U"决算数", K::scenario, "actual"),
    word(U"决算为", K::scenario, "actual"),
    word(U"决算", K::scenario, "actual"),
    word(U"执行数", K::scenario, "actual"),
    word(U"实际支出", K::scenario, "actual"),
    // Measures.
    word(U"占", K::share),
    word(U"占用", K::ignore),
    word(U"合计为", K::shares_sum),
    word(U"完成预算", K::completion),
    word(U"完成年初预算", K::completion),
    word(U"完成调整预算", K::completion),
    word(U"完成全年预算", K::completion),
    word(U"预算完成率", K::completion),
    word(U"预算执行率", K::completion),
    word(U"增加", K::increase),
    word(U"增长", K::increase),
    word(U"上升", K::increase),
    word(U"增支", K::increase),
    word(U"提高", K::increase),
    word(U"减少", K::decrease),
    word(U"下降", K::decrease),
    word(U"降低", K::decrease),
    word(U"减支", K::decrease),
    word(U"节约", K::decrease),
    word(U"相比较", K::compare_end),
    word(U"相比", K::compare_end),
    word(U"比较", K::compare_end),
    word(U"持平", K::unchanged),
    word(U"基本持平", K::ignore),  // roughly equal: not a claim that two figures are equal
    word(U"保持不变", K::unchanged),
    word(U"决算数与预算数不一致", K::differs),
    word(U"与预算数不一致", K::differs),
    word(U"与预算不一致", K::differs),
    word(U"与年初预算不一致", K::differs),
    word(U"与预算存在差异", K::differs),
    word(U"与预算数存在差异", K::differs),
    word(U"与预算有差异", K::differs),
    word(U"决算数与预算数一致", K::agrees),
    word(U"决算数等于预算数", K::agrees),
    word(U"决算数与预算数相等", K::agrees),
    word(U"决算数大于预算数", K::differs, "above"),
    word(U"决算数小于预算数", K::differs, "below"),
    word(U"决算数超过预算数", K::differs, "above"),
    word(U"决算数低于预算数", K::differs, "below"),
    word(U"与预算数一致", K::agrees),
    word(U"与预算一致", K::agrees),
    word(U"与年初预算一致", K::agrees),
    word(U"具体内容包括", K::items),
    word(U"具体包括", K::items),
};

/// The terms by first code point, longest first.
const std::unordered_map<char32_t, std::vector<const Term*>>& by_first() {
  static const auto index = [] {
    std::unordered_map<char32_t, std::vector<const Term*>> m;
    for (const Term& t : kTerms) m[t.words.front()].push_back(&t);
    for (auto& entry : m) {
      std::stable_sort(entry.second.begin(), entry.second.end(), [](const Term* a, const Term* b) {
        return a->words.size() > b->words.size();
      });
    }
    return m;
  }();
  return index;
}

}  // namespace

std::span<const Term> terms() noexcept { return kTerms; }

void find_terms(std::u32string_view text, std::size_t base, std::vector<Match>& out) {
  const auto& index = by_first();
  std::size_t i = 0;
  while (i < text.size()) {
    const auto it = index.find(text[i]);
    const Term* found = nullptr;
    if (it != index.end()) {
      for (const Term* t : it->second) {
        if (text.substr(i).starts_with(t->words)) {
          found = t;
          break;
        }
      }
    }
    if (found == nullptr) {
      ++i;
      continue;
    }
    out.push_back({found, base + i, base + i + found->words.size()});
    i += found->words.size();
  }
}

}  // namespace fisc::narrative_detail
