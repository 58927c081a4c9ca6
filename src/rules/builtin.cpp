// SPDX-License-Identifier: BSL-1.0
#include "fisc/rules/builtin.hpp"

#include <algorithm>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "fisc/rules/perf.hpp"
#include "fisc/rules/relations.hpp"

namespace fisc {

namespace {

// 决算 templates: 财政部《部门决算报表》(the 15-table family) and the provincial 9-table family;
// the identities below are the 表内/表间 relations their audit formulas (审核公式) state.
constexpr const char* templates = "部门决算报表审核公式（财政部部门决算报表编制说明）";

Rule rule(std::string id, Severity severity, Text title, Text description,
          std::vector<std::string> tags, std::string basis, Check check,
          std::vector<std::string> applies_to = {}) {
  Rule r;
  r.info.applies_to = std::move(applies_to);
  r.info.id = std::move(id);
  r.info.severity = severity;
  r.info.title = std::move(title);
  r.info.description = std::move(description);
  r.info.tags = std::move(tags);
  r.info.basis = std::move(basis);
  r.check = std::move(check);
  return r;
}

Part part(std::string concept_id, Dimensions dims = {}) {
  return {std::move(concept_id), std::move(dims)};
}

SumIdentity identity(std::string total, std::vector<Part> parts, Text name,
                     bool exhaustive = true) {
  return {std::move(total), std::move(parts), exhaustive, std::move(name)};
}

// The concepts an identity reads: its total's and its parts', each once.
std::vector<std::string> concepts_of(const SumIdentity& s) {
  std::vector<std::string> out{s.total};
  for (const Part& p : s.parts) {
    if (std::find(out.begin(), out.end(), p.concept_id) == out.end()) out.push_back(p.concept_id);
  }
  return out;
}

const std::vector<std::pair<std::string, std::string>>& budget_concepts() {
  static const std::vector<std::pair<std::string, std::string>> map{
      {"project.executed", "project.budget"}};
  return map;
}

SumIdentity three_public() {
  return identity("three_public.total",
                  {part("three_public.overseas_travel"), part("three_public.vehicles"),
                   part("three_public.reception")},
                  {"三公经费 = 因公出国（境）费 + 公务用车购置及运行维护费 + 公务接待费",
                   "three public = overseas travel + vehicles + reception"});
}

SumIdentity vehicles() {
  return identity(
      "three_public.vehicles",
      {part("three_public.vehicles.purchase"), part("three_public.vehicles.operation")},
      {"公务用车购置及运行维护费 = 购置费 + 运行维护费", "vehicles = purchase + operation"});
}

bool has_evaluation(const Scope& scope) {
  return scope.report().performance.evaluation.has_value();
}

// Project performance: 财政部《项目支出绩效评价管理办法》(财预〔2020〕10号) and the
// 项目支出绩效目标完成情况表 / 项目支出绩效自评表 it prescribes.
constexpr const char* perf_basis = "财预〔2020〕10号";

void add_perf_rules(Pack& p) {
  p.add(rule("perf.actual_copies_target", Severity::warning,
             {"实际完成值照抄指标值", "actual values copy the targets"},
             {"一张项目支出绩效表的每项实际完成值都与预期指标值逐字相同：没有反映实际完成情况。",
              "Every actual value of a project performance table repeats its target word for "
              "word: the table reports nothing that was measured."},
             {"perf"}, perf_basis, actual_copies_target_check()));
  p.add(rule("perf.no_timeliness", Severity::warning, {"缺少时效指标", "no timeliness indicator"},
             {"项目支出绩效表没有时效指标（二级指标）。产出指标应包括数量、质量、时效、成本。",
              "A project performance table without a timeliness (时效) indicator. Output "
              "indicators cover quantity, quality, timeliness and cost."},
             {"perf"}, perf_basis, indicator_present_check(Level2::timeliness)));
  p.add(rule("perf.no_cost", Severity::warning, {"缺少成本指标", "no cost indicator"},
             {"项目支出绩效表没有成本指标（产出下的二级指标，或2021年起的一级指标）。",
              "A project performance table without a cost (成本) indicator (a level 2 under "
              "output, or a level 1 in templates from 2021)."},
             {"perf"}, perf_basis, indicator_present_check(Level2::cost)));
  p.add(rule("perf.satisfaction_range", Severity::error,
             {"满意度超出0%–100%", "satisfaction outside 0%–100%"},
             {"满意度指标的指标值或实际完成值是百分比，须在0%–100%之间。",
              "A satisfaction target or actual value is a percentage between 0% and 100%."},
             {"perf"}, "", satisfaction_range_check()));
  p.add(rule("perf.cost_amount", Severity::warning,
             {"成本指标与项目金额不符", "cost indicator differs from the project's amount"},
             {"成本指标的金额应等于项目执行数（只有指标值的项目清单：预算数）。",
              "A cost indicator's amount equals the project's executed amount (for a list of "
              "targets without actual values: its budget)."},
             {"perf"}, perf_basis, cost_matches_amount_check(),
             {"project.executed", "project.budget"}));
  p.add(rule("perf.executed_over_budget", Severity::error,
             {"项目执行数超过预算数", "project executed above its budget"},
             {"项目执行数（及其中财政拨款）不得超过预算数。",
              "A project's executed amount (and its fiscal part) is at most its budget."},
             {"perf"}, "", executed_within_budget_check(),
             {"project.executed", "project.budget", "project.fiscal"}));
  p.add(rule("perf.target_not_met", Severity::warning,
             {"绩效指标未达到指标值", "indicator misses its target"},
             {"实际完成值未达到预期指标值（按区间比较；定性或舍入后无法判断的不报）。",
              "An actual value that misses its target (compared as intervals; qualitative "
              "values and ones rounding leaves open are not reported)."},
             {"perf"}, perf_basis, target_met_check()));
  p.add(rule("perf.target_unreadable", Severity::info,
             {"指标值无法读取", "target or actual value does not read"},
             {"指标值或实际完成值中的数字、比较词或日期写法有误，无法读取（指出所在字符）。",
              "A target or actual value whose figure, comparator or date starts and breaks "
              "(the finding points at the character)."},
             {"perf"}, "", target_readable_check()));
  p.add(rule("perf.grade", Severity::error,
             {"评价等级与得分不符", "grade does not match the score"},
             {"自评得分与评价等级须相符：90（含）-100分为优、80（含）-90分为良、60（含）-80分为中、"
              "60分以下为差。",
              "A stated grade matches its score: 优 from 90, 良 from 80, 中 from 60, 差 below."},
             {"perf"}, perf_basis, grade_check(GradeBands{}), {"performance.score"}));
  p.add(rule("perf.tables_reported", Severity::warning,
             {"项目绩效表少于文中所称", "fewer project tables than the text says"},
             {"文中称反映N个项目的绩效目标完成情况，公开的项目支出绩效表应不少于N张。",
              "The text says it reports the performance of N projects; at least N project "
              "performance tables should be published."},
             {"perf", "count"}, "", tables_reported_check(), {"performance.projects_reported"}));
  p.add(rule("perf.project_restated", Severity::error,
             {"同一项目金额前后不一致", "one project's amount stated differently"},
             {"同一项目（名称写法不同，如“物业管理”“物业管理费”）在不同位置所列金额（元或万元）"
              "须在舍入范围内一致。",
              "One project (spelled differently, as 物业管理 / 物业管理费) stated at several "
              "places, in 元 or 万元, must agree within rounding."},
             {"perf", "restated"}, "", project_restated_check(),
             {"project.budget", "project.executed", "project.fiscal", "project.other_funds"}));
}

}  // namespace

Pack builtin_pack() {
  Pack p;
  const auto sum_rule = [&](std::string id, SumIdentity s, Text description,
                            std::vector<std::string> tags) {
    Text title = s.name;
    std::vector<std::string> concepts = concepts_of(s);
    p.add(rule(std::move(id), Severity::error, std::move(title), std::move(description),
               std::move(tags), templates, sum_check(std::move(s)), std::move(concepts)));
  };

  // The total table (收入支出决算总表).
  sum_rule(
      "sum.total_table.income",
      identity("income.grand_total",
               {part("income.total"), part("balance.non_fiscal_used"), part("balance.opening")},
               {"收入总计 = 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余",
                "income grand total = income total + non-fiscal balance used + opening "
                "balance"}),
      {"收入支出决算总表的收入方总计等于本年收入与结转结余之和。",
       "The income side of the total table adds up."},
      {"total_table", "sum"});
  sum_rule(
      "sum.total_table.expenditure",
      identity("expenditure.grand_total",
               {part("expenditure.total"), part("balance.distribution"), part("balance.closing")},
               {"支出总计 = 本年支出合计 + 结余分配 + 年末结转和结余",
                "expenditure grand total = expenditure total + balance distribution + "
                "closing balance"}),
      {"收入支出决算总表的支出方总计等于本年支出、结余分配与年末结转结余之和。",
       "The expenditure side of the total table adds up."},
      {"total_table", "sum"});
  sum_rule("sum.total_table.balance",
           identity("income.grand_total", {part("expenditure.grand_total")},
                    {"收入总计 = 支出总计", "income grand total = expenditure grand total"}),
           {"收支总表两方平衡。", "The two sides of the total table balance."},
           {"total_table", "sum"});

  // Income and spending.
  sum_rule("sum.income",
           identity("income.total",
                    {part("income.general_budget"), part("income.government_fund"),
                     part("income.state_capital"), part("income.superior_grant"),
                     part("income.service_revenue"), part("income.business_revenue"),
                     part("income.subsidiary_remittance"), part("income.other_revenue")},
                    {"本年收入合计 = 各项收入之和", "income total = Σ income by source"}),
           {"本年收入合计等于财政拨款（一般公共预算、政府性基金、国有资本经营预算）、上级补助、"
            "事业、经营、附属单位上缴和其他收入之和。",
            "Income is the sum of its sources."},
           {"income", "sum"});
  sum_rule("sum.income.fiscal",
           identity("income.fiscal",
                    {part("income.general_budget"), part("income.government_fund"),
                     part("income.state_capital")},
                    {"财政拨款收入 = 一般公共预算 + 政府性基金 + 国有资本经营预算",
                     "fiscal income = general budget + government fund + state capital"}),
           {"财政拨款收入等于三本预算拨款之和。", "Fiscal income is the sum of its three funds."},
           {"income", "sum"});
  sum_rule("sum.expenditure",
           identity("expenditure.total",
                    {part("expenditure.basic"), part("expenditure.project"),
                     part("expenditure.remittance_to_superior"), part("expenditure.business"),
                     part("expenditure.grants_to_subsidiaries")},
                    {"本年支出合计 = 基本支出 + 项目支出 + 上缴上级支出 + 经营支出 + "
                     "对附属单位补助支出",
                     "expenditure total = basic + project + remittance to superior + business + "
                     "grants to subsidiaries"}),
           {"支出按性质分类相加等于合计。", "Spending by kind adds up to the total."},
           {"expenditure", "sum"});
  sum_rule(
      "sum.basic",
      identity("expenditure.basic",
               {part("expenditure.basic.personnel"), part("expenditure.basic.public_expense")},
               {"基本支出 = 人员经费 + 公用经费", "basic = personnel + public expense"}),
      {"基本支出由人员经费和公用经费组成。", "Basic spending is personnel plus public expense."},
      {"expenditure", "sum"});
  p.add(rule("sum.fund", Severity::error,
             {"按资金来源：合计 = 一般公共预算 + 政府性基金 + 国有资本经营预算",
              "by fund: total = general budget + government fund + state capital"},
             {"按资金来源分列的数字之和等于合计；三本预算都列出时须相等，否则不得超过合计。",
              "Figures split by fund add up to the total: equal when all three funds are stated, "
              "at most the total otherwise."},
             {"sum", "fund"}, templates,
             dimension_sum_check({{"expenditure.fiscal", "expenditure.total", "expenditure.basic",
                                   "expenditure.project", "expenditure.basic.personnel",
                                   "expenditure.basic.public_expense", "income.fiscal"},
                                  "fund",
                                  {"general_budget", "government_fund", "state_capital"},
                                  "",
                                  {"按资金来源合计", "sum by fund"}})));
  p.add(rule("sum.function", Severity::error,
             {"功能分类：合计 = Σ类，类 = Σ款，款 = Σ项",
              "functional classes: total = Σ classes, class = Σ sections, section = Σ items"},
             {"按支出功能分类科目列示的数字逐级相加等于上级科目；表内数字须相等，文字所列为部分时"
              "不得超过上级。",
              "Figures by functional code add up level by level: equal within tables, at most "
              "the parent where a text lists some classes."},
             {"sum", "function", "table"}, templates, code_sum_check("function", {3, 5, 7})));
  p.add(rule(
      "sum.economic", Severity::error,
      {"经济分类：合计 = Σ类，类 = Σ款", "economic classes: total = Σ classes, class = Σ items"},
      {"按经济分类科目列示的数字逐级相加等于上级科目。",
       "Figures by economic code add up level by level."},
      {"sum", "economic", "table"}, templates, code_sum_check("economic", {3, 5})));

  // 三公经费.
  sum_rule("sum.three_public", three_public(),
           {"三公经费合计等于三项之和。", "The three public expenses add up to their total."},
           {"three_public", "sum"});
  sum_rule("sum.three_public.vehicles", vehicles(),
           {"公务用车购置及运行维护费等于购置费与运行维护费之和。",
            "Vehicle spending is purchase plus operation."},
           {"three_public", "sum"});
  sum_rule("sum.three_public.reception",
           identity("three_public.reception",
                    {part("three_public.reception", {{"scope", "domestic"}}),
                     part("three_public.reception.foreign")},
                    {"公务接待费 = 国内公务接待费 + 外事接待费",
                     "reception = domestic reception + foreign reception"}),
           {"公务接待费等于国内接待与外事接待之和。",
            "Reception spending is domestic plus foreign reception."},
           {"three_public", "sum"});
  p.add(rule(
      "sum.breakdown", Severity::error,
      {"分项列示之和不超过合计（表内相等）", "itemised figures add up to their total"},
      {"按车型、车辆用途、人员类别、接待事项、预算单位分列的数字之和：表内须等于合计，"
       "文字中的“其中”各项之和不得超过合计。",
       "Figures itemised by vehicle kind, vehicle use, staff category, reception item or "
       "unit: equal to the total within a table, at most the total in a text's 其中."},
      {"sum", "three_public", "assets", "staffing"}, templates,
      all_of(
          {dimension_sum_check({{"three_public.vehicles.purchase",
                                 "three_public.vehicles.purchased", "three_public.vehicles.held"},
                                "vehicle_kind",
                                {},
                                "",
                                {"按车型分列", "by vehicle kind"}}),
           dimension_sum_check(
               {{"assets.vehicles"}, "vehicle_use", {}, "", {"车辆按用途分列", "vehicles by use"}}),
           dimension_sum_check(
               {{"staffing.establishment", "staffing.staffed", "organisation.affiliated"},
                "category",
                {},
                "",
                {"按人员（单位）类别分列", "by category"}}),
           dimension_sum_check({{"three_public.reception", "three_public.reception.batches",
                                 "three_public.reception.people"},
                                "item",
                                {},
                                "",
                                {"公务接待按事项分列", "reception by item"}}),
           dimension_sum_check({{"expenditure.total", "expenditure.fiscal", "income.total",
                                 "expenditure.basic", "expenditure.project"},
                                "unit",
                                {},
                                "",
                                {"按预算单位分列", "by unit"}})})));
  p.add(rule(
      "sum.performance_score", Severity::error,
      {"自评得分：总分 = 各部分得分之和", "self-evaluation: total score = Σ parts"},
      {"部门整体支出绩效自评各部分得分之和等于总分。报表有自评（performance.evaluation）时，"
       "其各部分即全部部分，须相等；否则按 part 维度的得分数字检查。",
       "The parts of a self-evaluation score add up to its total. With a self-evaluation "
       "(performance.evaluation) its parts are all the parts, so the sum must equal the total; "
       "otherwise the performance.score figures are checked as a breakdown along `part`."},
      {"sum", "performance"}, "财预〔2020〕10号",
      all_of({when(has_evaluation, evaluation_sum_check()),
              when([](const Scope& scope) { return !has_evaluation(scope); },
                   dimension_sum_check({{"performance.score"},
                                        "part",
                                        {},
                                        "total",
                                        {"自评得分", "self-evaluation score"}}))})));
  sum_rule(
      "sum.procurement",
      identity("procurement.total",
               {part("procurement.goods"), part("procurement.works"), part("procurement.services")},
               {"政府采购 = 货物 + 工程 + 服务", "procurement = goods + works + services"}),
      {"政府采购支出等于货物、工程、服务采购之和。",
       "Procurement is goods plus works plus services."},
      {"procurement", "sum"});

  // Budgets implied by completion rates.
  p.add(rule("implied_budget.three_public", Severity::error,
             {"按完成率推算的三公经费预算相加一致",
              "budgets implied by the three public completion rates add up"},
             {"实际数除以完成预算百分比得到预算数；三公各项的推算预算之和须与合计的推算预算相容。",
              "Actual ÷ completion rate gives the budget; the parts' implied budgets must be "
              "consistent with the total's."},
             {"three_public", "implied"}, templates,
             all_of({implied_budget_check(three_public()), implied_budget_check(vehicles())})));
  p.add(rule(
      "implied_budget.expenditure", Severity::error,
      {"按完成率推算的支出预算相加一致", "budgets implied by spending completion rates add up"},
      {"支出各部分的推算预算之和须与合计的推算预算相容。",
       "The parts' implied budgets must be consistent with the total's."},
      {"expenditure", "implied"}, templates,
      all_of({implied_budget_check(identity(
                  "expenditure.total",
                  {part("expenditure.basic"), part("expenditure.project"),
                   part("expenditure.remittance_to_superior"), part("expenditure.business"),
                   part("expenditure.grants_to_subsidiaries")},
                  {"支出合计", "expenditure total"})),
              implied_budget_check(identity(
                  "expenditure.basic",
                  {part("expenditure.basic.personnel"), part("expenditure.basic.public_expense")},
                  {"基本支出", "basic"}))})));

  // Rates.
  p.add(rule("share", Severity::error, {"占比 = 部分 ÷ 整体", "share = part ÷ whole"},
             {"每个占比须与所述部分除以整体相容。",
              "Each stated share must be consistent with part ÷ whole."},
             {"rate"}, templates, share_check()));
  p.add(rule(
      "change", Severity::error, {"增减额 = 本年数 − 上年数", "change = this year − prior year"},
      {"所述增减额须与本年数减上年数相容（上年数有表述时）。",
       "A stated change must agree with this year's value minus the stated prior-year value."},
      {"rate"}, templates, change_check()));
  p.add(
      rule("change_rate", Severity::error,
           {"增减率 = 增减额 ÷ 上年数", "change rate = change ÷ prior year"},
           {"所述增减率须与增减额除以上年数相容；上年数取本年数减增减额，无增减额时取所述上年数。",
            "A stated change rate must agree with change ÷ the prior year's value."},
           {"rate"}, templates, change_rate_check()));
  p.add(
      rule("completion_rate", Severity::error,
           {"完成预算% = 决算数 ÷ 预算数", "completion rate = actual ÷ budget"},
           {"所述完成预算百分比须与决算数除以预算数相容（预算数有表述时）。",
            "A stated completion rate must agree with actual ÷ budget where the budget is stated."},
           {"rate"}, templates, completion_rate_check(budget_concepts())));
  p.add(rule("rate.zero_base", Severity::warning, {"比率的基数为零", "a rate over a zero base"},
             {"占比、增减率或完成率的基数为零时，比率无定义，所述数字无法核对。",
              "A share, change rate or completion rate whose base is zero is undefined."},
             {"rate"}, "", zero_base_check(budget_concepts())));

  // Relations of order.
  p.add(rule("at_most.staffed", Severity::error,
             {"实有人数不超过编制数", "staff in post ≤ establishment"},
             {"在职（在岗）人数不得超过编制数，分类别亦然。",
              "Staff in post do not exceed the establishment, in each category."},
             {"staffing"}, "",
             at_most_check(part("staffing.staffed"), part("staffing.establishment"),
                           {"实有人数 ≤ 编制数", "staff in post ≤ establishment"})));
  p.add(
      rule("at_most.procurement", Severity::error,
           {"授予中小企业的采购不超过采购总额", "procurement to SMEs ≤ the total"},
           {"授予中小企业合同金额不超过政府采购支出总额；其中授予小微企业的不超过授予中小企业的。",
            "Contracts to SMEs do not exceed the total; those to small and micro enterprises "
            "do not exceed those to SMEs."},
           {"procurement"}, "",
           all_of({at_most_check(part("procurement.sme"), part("procurement.total"),
                                 {"授予中小企业 ≤ 政府采购", "SME ≤ procurement total"}),
                   at_most_check(part("procurement.small_micro"), part("procurement.sme"),
                                 {"授予小微企业 ≤ 授予中小企业", "small/micro ≤ SME"})})));
  p.add(rule("at_most.office_running", Severity::error,
             {"机关运行经费不超过公用经费", "office running ≤ public expense"},
             {"机关运行经费是行政单位（含参公事业单位）一般公共预算财政拨款基本支出中的公用经费，"
              "不得超过公用经费。",
              "Office running costs are the public expense of administrative units from the "
              "general budget, so they cannot exceed the public expense."},
             {"office_running"}, "财政部部门决算编制说明：机关运行经费口径",
             at_most_check(part("office_running"), part("expenditure.basic.public_expense"),
                           {"机关运行经费 ≤ 公用经费", "office running ≤ public expense"},
                           {{"fund", "general_budget"}})));

  // Statements of one fact.
  p.add(rule("fact.restated", Severity::error,
             {"同一数字多处表述不一致", "one fact stated with different values"},
             {"同一事项（概念、年度、口径、维度）在文中或表间多次出现，数值须在舍入范围内一致。",
              "The same fact stated more than once (in the text or across tables) must agree "
              "within rounding."},
             {"fact"}, "", restated_check(false)));
  p.add(rule("fact.unit_restated", Severity::error,
             {"以另一单位重述的数字不一致", "a figure restated in another unit disagrees"},
             {"同一事项以元和万元分别表述时，换算后须在舍入范围内一致。",
              "A fact stated in 元 and in 万元 must agree after conversion, within rounding."},
             {"fact", "unit"}, "", restated_check(true)));
  p.add(rule("year.mislabelled", Severity::warning,
             {"数字所标年度有误", "a figure labelled with the wrong year"},
             {"标为上年的数字与按本年数和增减额推算的上年数不符，却等于本年的同一事项：年度标错。",
              "A prior-year figure that contradicts the value derived from this year's figure "
              "and its change, and equals this year's figure of the same concept."},
             {"fact", "year"}, "", mislabelled_year_check()));
  p.add(rule("count.enumeration", Severity::error,
             {"所述个数与所列名单不符", "a stated count differs from its list"},
             {"“设N个……：甲、乙、……”中N须等于所列个数。",
              "A count followed by its list must equal the number of items listed."},
             {"count", "organisation"}, "", enumeration_count_check()));
  p.add(rule("enumeration.lists_differ", Severity::warning,
             {"同一名单两处不同", "the same list differs in two places"},
             {"同一年度同一事项的两份名单（如内设机构）所列名称须一致。",
              "Two lists of the same thing for the same year name the same items."},
             {"count", "organisation"}, "", enumeration_lists_check()));
  p.add(rule("table.missing", Severity::error,
             {"目录所列表格缺失", "a table the contents list is missing"},
             {"文件目录列出的公开表须在文件中刊出。",
              "Every standard table the document's contents list must be published in it."},
             {"table", "disclosure"}, "", listed_table_check()));

  // What the document's words say of itself.
  p.add(rule(
      "text.placeholder", Severity::error,
      {"模板占位符未替换", "a template placeholder was left in"},
      {"填报后的文件中不应留有模板占位符（XX局、XXX万元、某某）；占位符多于数字的空白模板不检查。",
       "A filled-in document keeps no template placeholder (XX局, XXX万元, 某某); a blank "
       "template, with more placeholders than figures, is not checked."},
      {"text", "disclosure"}, "", placeholder_check()));
  p.add(rule("year.self_name", Severity::error,
             {"文件自称的年度有误", "the document names itself with the wrong year"},
             {"标题、部分标题和表名中“YYYY年度部门决算（预算）”的年度须与本文件的年度一致。",
              "The year in the document's title, part headings and table titles "
              "(YYYY年度部门决算/预算) must be the document's year."},
             {"year", "text"}, "", self_name_check()));
  p.add(rule("year.as_of", Severity::error,
             {"截至日期与年度不符", "an as-of date does not fit the document's year"},
             {"决算中“截至Y年12月31日”须为本年度年末，且不早于本年度；预算中截至日期须在编制"
              "年度（上一年）或本年年末之前。",
              "In final accounts of year Y a year-end date must be Y's and no date may be before "
              "Y; in a budget for Y, drawn up in Y−1, a date must be in Y−1 or in Y before its "
              "end."},
             {"year", "text"}, "", as_of_check()));

  // Statements without a figure.
  p.add(
      rule("claim.contradicted", Severity::error,
           {"无数字的表述与数字矛盾", "a statement without a figure contradicts the figures"},
           {"“持平”“增加”“减少”“决算数与预算数不一致”等表述，须与本年数、上年数（或增减额）、"
            "预算数（或完成预算百分比）相容。",
            "持平 / 增加 / 减少 / 决算数与预算数不一致 must be possible given this year's and the "
            "prior year's figures (or the change), the budget (or the completion rate)."},
           {"claim"}, "", claim_check(false, budget_concepts())));
  p.add(rule(
      "claim.unlikely", Severity::warning,
      {"无数字的表述仅在舍入范围内成立", "a statement without a figure holds only within rounding"},
      {"数字按所写之值否定该表述，只有在舍入范围内才可能成立：如“完成预算100%”又说"
       "“决算数与预算数不一致”，或两年数字相同却说“增加”。",
       "The figures as written say otherwise, and the statement can hold only within their "
       "rounding: 完成预算100% with 决算数与预算数不一致, or 增加 between two equal figures."},
      {"claim"}, "", claim_check(true, budget_concepts())));

  add_perf_rules(p);

  // What the rules that are not identities of concepts apply to; the others read figures of any
  // concept (shares, rates, restatements, claims) or of any code (sum.function, sum.economic).
  const std::vector<std::pair<std::string_view, std::vector<std::string>>> applies_to{
      {"sum.fund",
       {"expenditure.fiscal", "expenditure.total", "expenditure.basic", "expenditure.project",
        "expenditure.basic.personnel", "expenditure.basic.public_expense", "income.fiscal"}},
      {"sum.breakdown",
       {"three_public.vehicles.purchase", "three_public.vehicles.purchased",
        "three_public.vehicles.held", "assets.vehicles", "staffing.establishment",
        "staffing.staffed", "organisation.affiliated", "three_public.reception",
        "three_public.reception.batches", "three_public.reception.people", "expenditure.total",
        "expenditure.fiscal", "income.total", "expenditure.basic", "expenditure.project"}},
      {"sum.performance_score", {"performance.score"}},
      {"implied_budget.three_public", concepts_of(three_public())},
      {"implied_budget.expenditure",
       {"expenditure.total", "expenditure.basic", "expenditure.project",
        "expenditure.remittance_to_superior", "expenditure.business",
        "expenditure.grants_to_subsidiaries", "expenditure.basic.personnel",
        "expenditure.basic.public_expense"}},
      {"at_most.staffed", {"staffing.staffed", "staffing.establishment"}},
      {"at_most.procurement", {"procurement.sme", "procurement.small_micro", "procurement.total"}},
      {"at_most.office_running", {"office_running", "expenditure.basic.public_expense"}},
  };
  std::vector<Rule> rules(p.rules().begin(), p.rules().end());
  for (Rule& r : rules) {
    for (const auto& [id, concepts] : applies_to) {
      if (r.info.id == id) r.info.applies_to = concepts;
    }
  }
  return Pack(std::move(rules));
}

}  // namespace fisc
