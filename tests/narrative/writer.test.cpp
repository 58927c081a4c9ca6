// SPDX-License-Identifier: BSL-1.0
// write_narrative: each section's sentences on small reports built here, rounding, shares by
// largest remainder, omitted sections, and the corrected seed report.
#include "fisc/narrative/writer.hpp"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <doctest/doctest.h>

#include "fisc/accounts/report.hpp"
#include "fisc/facts/fact.hpp"
#include "fisc/io/report_json.hpp"
#include "fisc/numbers/parse.hpp"
#include "fisc/numbers/stated.hpp"
#include "fisc/numbers/unit.hpp"

namespace {

using fisc::Dimensions;
using fisc::Fact;
using fisc::Report;
using fisc::Scenario;
using fisc::Unit;

bool contains(const std::string& text, std::string_view part) {
  return text.find(part) != std::string::npos;
}

Dimensions dims(std::initializer_list<std::pair<std::string_view, std::string_view>> list) {
  Dimensions d;
  for (const auto& [name, value] : list) d.set(name, value);
  return d;
}

/// A figure as a statement of the text: concept, value as written, and its key's other parts.
struct Figure {
  Figure(std::string concept_id_, std::string value_, std::int32_t year_ = 2020,
         Dimensions dims_ = {}, Unit unit_ = Unit::wan, Scenario scenario_ = Scenario::actual)
      : concept_id(std::move(concept_id_)),
        value(std::move(value_)),
        year(year_),
        dims(std::move(dims_)),
        unit(unit_),
        scenario(scenario_) {}
  std::string concept_id;
  std::string value;
  std::int32_t year;
  Dimensions dims;
  Unit unit;
  Scenario scenario;
};

Fact fact(const Figure& f) {
  Fact out;
  out.key.concept_id = f.concept_id;
  out.key.year = f.year;
  out.key.scenario = f.scenario;
  out.key.dims = f.dims;
  const auto value = fisc::parse_decimal(f.value);
  REQUIRE(value);
  out.value.value = *value;
  out.value.unit = f.unit;
  out.value.reading = f.unit == Unit::none ? fisc::Reading::exact : fisc::Reading::rounded;
  out.value.text = f.value;
  return out;
}

Report report_of(const std::vector<Figure>& figures) {
  Report r;
  r.year = 2020;
  r.department.name = "某县某局";
  for (const Figure& f : figures) r.statements.push_back(fact(f));
  return r;
}

std::string narrate(const std::vector<Figure>& figures, bool exact = false) {
  fisc::NarrateOptions options;
  options.exact_shares = exact;
  return fisc::write_narrative(report_of(figures), options);
}

/// The lines of a text; every line ends with '\n'.
std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  for (std::size_t end = text.find('\n'); end != std::string::npos; end = text.find('\n', start)) {
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  CHECK(start == text.size());
  return lines;
}

const Dimensions gb = dims({{"fund", "general_budget"}});

}  // namespace

TEST_CASE("write_narrative: the part heading alone for a report without figures") {
  CHECK(narrate({}) == "第二部分 2020年度部门决算情况说明\n");
  Report r;
  r.year = 2021;
  CHECK(fisc::write_narrative(r) == "第二部分 2021年度部门决算情况说明\n");
}

TEST_CASE("write_narrative: 一 with a decrease from the prior year, computed") {
  const auto text = narrate({{"income.total", "950.84"},
                             {"expenditure.total", "950.84"},
                             {"income.total", "1076.14", 2019},
                             {"expenditure.total", "1072.84", 2019}});
  const auto lines = lines_of(text);
  REQUIRE(lines.size() >= 3);
  CHECK(std::vector<std::string>(lines.begin(), lines.begin() + 3) ==
        std::vector<std::string>{
            "第二部分 2020年度部门决算情况说明", "一、收入支出决算总体情况说明",
            "2020年度收入950.84万元、支出950.84万元。与2019年度收入1076.14万元、支出1072.84万元"
            "相比较，收入减少125.30万元，下降11.64%；支出减少122.00万元，降低11.37%。"});
}

TEST_CASE("write_narrative: increase, 持平, a zero prior and no prior") {
  const auto up = narrate({{"income.total", "1100"},
                           {"expenditure.total", "1000"},
                           {"income.total", "1000", 2019},
                           {"expenditure.total", "1000", 2019}});
  CHECK(contains(up,
                 "2020年度收入1100.00万元、支出1000.00万元。与2019年度收入1000.00万元、"
                 "支出1000.00万元相比较，收入增加100.00万元，增长10.00%；支出持平。\n"));
  const auto from_zero = narrate({{"income.total", "5"}, {"income.total", "0", 2019}});
  CHECK(contains(from_zero,
                 "2020年度收入5.00万元。与2019年度收入0.00万元相比较，收入增加5.00万元。\n"));
  const auto no_prior = narrate({{"income.total", "5"}, {"expenditure.total", "4"}});
  CHECK(contains(no_prior, "2020年度收入5.00万元、支出4.00万元。\n"));
  CHECK_FALSE(contains(no_prior, "相比较"));
}

TEST_CASE("write_narrative: 二 shares rounded each on their own, 1/3 is 33.33%") {
  const std::vector<Figure> figures{{"income.total", "3"},
                                    {"income.general_budget", "1"},
                                    {"income.government_fund", "1"},
                                    {"income.other_revenue", "1"}};
  const auto text = narrate(figures);
  CHECK(contains(text,
                 "二、收入决算情况说明\n2020年本年收入合计3.00万元，其中：一般公共预算财政拨款收入"
                 "1.00万元，占33.33%；政府性基金预算财政拨款收入1.00万元，占33.33%；"
                 "其他收入1.00万元，占33.33%。\n"));
  CHECK_FALSE(contains(text, "最大余额法"));
}

TEST_CASE("write_narrative: exact_shares allocates by largest remainder to 100.00% and says so") {
  const std::vector<Figure> figures{{"income.total", "3"},
                                    {"income.general_budget", "1"},
                                    {"income.government_fund", "1"},
                                    {"income.other_revenue", "1"}};
  const auto text = narrate(figures, true);
  CHECK(contains(text,
                 "一般公共预算财政拨款收入1.00万元，占33.34%；政府性基金预算财政拨款收入"
                 "1.00万元，占33.33%；其他收入1.00万元，占33.33%。"
                 "（各项占比按最大余额法调整，合计为100.00%。）\n"));
  // Parts that do not add up to the whole are shares of it each rounded, without the note.
  const auto apart = narrate({{"income.total", "4"},
                              {"income.general_budget", "1"},
                              {"income.government_fund", "1"},
                              {"income.other_revenue", "1"}},
                             true);
  CHECK(contains(apart, "其他收入1.00万元，占25.00%。\n"));
  CHECK_FALSE(contains(apart, "最大余额法"));
}

TEST_CASE("write_narrative: 完成预算 only where the report states a budget") {
  const auto without = narrate({{"expenditure.total", "950.84"}, {"expenditure.basic", "950.84"}});
  CHECK(contains(without,
                 "三、支出决算情况说明\n2020年本年支出合计950.84万元，其中：基本支出950.84万元，"
                 "占100.00%。\n"));
  CHECK_FALSE(contains(without, "完成预算"));
  const auto with = narrate({{"expenditure.total", "950.84"},
                             {"expenditure.total", "1000", 2020, {}, Unit::wan, Scenario::budget}});
  CHECK(contains(with, "2020年本年支出合计950.84万元。完成预算95.08%。\n"));
  // An adjusted budget serves where no plain budget is stated; a zero budget gives no rate.
  const auto adjusted =
      narrate({{"expenditure.total", "5"},
               {"expenditure.total", "10", 2020, {}, Unit::wan, Scenario::adjusted_budget}});
  CHECK(contains(adjusted, "完成预算50.00%。"));
  const auto zero = narrate({{"expenditure.total", "5"},
                             {"expenditure.total", "0", 2020, {}, Unit::wan, Scenario::budget}});
  CHECK_FALSE(contains(zero, "完成预算"));
}

TEST_CASE("write_narrative: a share of a zero whole is not written") {
  const auto text = narrate({{"income.total", "0"},
                             {"income.general_budget", "0"},
                             {"procurement.total", "0"},
                             {"procurement.sme", "0"}});
  CHECK(contains(text, "2020年本年收入合计0.00万元，其中：一般公共预算财政拨款收入0.00万元。\n"));
  CHECK(contains(text, "授予中小企业合同金额0.00万元。"));
  CHECK_FALSE(contains(text, "占"));
  CHECK_FALSE(contains(text, "%"));
}

TEST_CASE("write_narrative: 元 figures converted exactly, then rounded half up to 0.01 万元") {
  const auto text = narrate({{"income.total", "9508412.25", 2020, {}, Unit::yuan},
                             {"income.general_budget", "50", 2020, {}, Unit::yuan},
                             {"income.government_fund", "49.99", 2020, {}, Unit::yuan},
                             {"income.other_revenue", "9508312.26", 2020, {}, Unit::yuan}});
  CHECK(contains(text,
                 "2020年本年收入合计950.84万元，其中：一般公共预算财政拨款收入0.01万元，占0.00%；"
                 "政府性基金预算财政拨款收入0.00万元，占0.00%；其他收入950.83万元，占100.00%。"));
  // A figure written without a unit is in the report's unit.
  auto r = report_of({{"income.total", "12.5", 2020, {}, Unit::none}});
  r.unit = Unit::wan;
  CHECK(contains(fisc::write_narrative(r), "2020年度收入12.50万元。"));
}

TEST_CASE("write_narrative: sections without figures are left out") {
  const auto text = narrate({{"income.total", "10"}});
  CHECK(contains(text, "一、收入支出决算总体情况说明\n"));
  CHECK(contains(text, "二、收入决算情况说明\n2020年本年收入合计10.00万元。\n"));
  for (const std::string_view heading :
       {"三、", "四、", "五、", "六、", "七、", "八、", "九、", "其他重要事项说明"}) {
    CHECK_FALSE(contains(text, heading));
  }
}

TEST_CASE("write_narrative: 四 财政拨款 with changes") {
  const auto text =
      narrate({{"income.fiscal", "950.84"},
               {"expenditure.fiscal", "950.84"},
               {"income.fiscal", "1076.14", 2019},
               {"expenditure.fiscal", "1072.84", 2019},
               {"expenditure.fiscal", "950.84", 2020, {}, Unit::wan, Scenario::budget}});
  CHECK(
      contains(text,
               "四、财政拨款收入支出决算总体情况说明\n2020年财政拨款收入950.84万元。与2019年相比，"
               "财政拨款收入减少125.30万元，下降11.64%；支出减少122.00万元，降低11.37%。\n"
               "2020年财政拨款支出决算为950.84万元，完成预算100.00%。\n"));
  const auto spending_only =
      narrate({{"expenditure.fiscal", "110"}, {"expenditure.fiscal", "100", 2019}});
  CHECK(contains(spending_only,
                 "2020年财政拨款支出决算为110.00万元。与2019年相比，财政拨款支出增加"
                 "10.00万元，增长10.00%。\n"));
}

TEST_CASE("write_narrative: 五 一般公共预算 with its 类 named from the catalogue") {
  const auto text = narrate({
      {"expenditure.total", "1000"},
      {"expenditure.fiscal", "900", 2020, gb},
      {"expenditure.fiscal", "1000", 2019, gb},
      {"expenditure.fiscal", "600", 2020, dims({{"fund", "general_budget"}, {"function", "201"}})},
      {"expenditure.fiscal", "300", 2020, dims({{"fund", "general_budget"}, {"function", "210"}})},
      {"expenditure.fiscal", "300", 2020, dims({{"fund", "general_budget"}, {"function", "210"}}),
       Unit::wan, Scenario::budget},
      // A 款 is not a 类 and another fund is not the general budget.
      {"expenditure.fiscal", "50", 2020, dims({{"fund", "general_budget"}, {"function", "20101"}})},
      {"expenditure.fiscal", "70", 2020, dims({{"fund", "government_fund"}, {"function", "212"}})},
  });
  CHECK(contains(text,
                 "五、一般公共预算财政拨款支出决算情况说明\n"
                 "1.一般公共预算财政拨款支出决算总体情况\n"
                 "2020年一般公共预算财政拨款支出900.00万元，占本年支出合计的90.00%。与2019年相比，"
                 "一般公共预算财政拨款减少100.00万元，降低10.00%。\n"
                 "2.一般公共预算财政拨款支出决算结构情况\n"
                 "2020年一般公共预算财政拨款支出900.00万元，主要用于以下方面:一般公共服务（类）支出"
                 "600.00万元，占66.67%；卫生健康（类）支出300.00万元，占33.33%。\n"
                 "3.一般公共预算财政拨款支出预算执行具体情况\n"
                 "1.卫生健康（类）: 支出决算为300.00万元，完成预算100.00%。\n"));
  CHECK_FALSE(contains(text, "20101"));
  CHECK_FALSE(contains(text, "城乡社区"));
  const auto total_budget =
      narrate({{"expenditure.fiscal", "90", 2020, gb},
               {"expenditure.fiscal", "100", 2020, gb, Unit::wan, Scenario::budget}});
  CHECK(contains(total_budget,
                 "3.一般公共预算财政拨款支出预算执行具体情况\n"
                 "2020年一般公共预算财政拨款支出决算数为90.00万元，完成预算90.00%。\n"));
}

TEST_CASE("write_narrative: 六 基本支出") {
  const auto text = narrate({{"expenditure.basic", "534.27", 2020, gb},
                             {"expenditure.basic.personnel", "489.84", 2020, gb},
                             {"expenditure.basic.public_expense", "44.43", 2020, gb},
                             // Without the fund, it is not the general budget's.
                             {"expenditure.basic", "999"}});
  CHECK(contains(text,
                 "六、一般公共预算财政拨款基本支出决算情况说明\n"
                 "2020年一般公共预算财政拨款基本支出534.27万元，其中：人员经费489.84万元。\n"
                 "公用经费44.43万元。\n"));
  CHECK_FALSE(contains(narrate({{"expenditure.basic.personnel", "1", 2020, gb}}), "六、"));
}

TEST_CASE("write_narrative: 七 三公经费") {
  const Dimensions domestic = dims({{"scope", "domestic"}});
  const auto text = narrate({
      {"three_public.total", "3.95", 2020, gb},
      {"three_public.total", "6.60", 2020, gb, Unit::wan, Scenario::budget},
      {"three_public.overseas_travel", "0", 2020, gb},
      {"three_public.overseas_travel", "0", 2019, gb},
      {"three_public.vehicles", "3.36", 2020, gb},
      {"three_public.vehicles", "4.92", 2019, gb},
      {"three_public.reception", "0.59", 2020, gb},
      {"three_public.overseas_travel.groups", "0", 2020, {}, Unit::none},
      {"three_public.overseas_travel.people", "0", 2020, {}, Unit::none},
      {"three_public.vehicles.purchase", "0", 2020, gb},
      {"three_public.vehicles.purchased", "0", 2020, {}, Unit::none},
      {"three_public.vehicles.purchased", "0", 2020, dims({{"vehicle_kind", "sedan"}}), Unit::none},
      {"three_public.vehicles.held", "1", 2020, {}, Unit::none},
      {"three_public.vehicles.held", "1", 2020, dims({{"vehicle_kind", "sedan"}}), Unit::none},
      {"three_public.vehicles.held", "0", 2020, dims({{"vehicle_kind", "suv"}}), Unit::none},
      {"three_public.vehicles.operation", "3.36", 2020, gb},
      {"three_public.reception.batches", "4", 2020, domestic, Unit::none},
      {"three_public.reception.people", "38", 2020, domestic, Unit::none},
      {"three_public.reception", "0.59", 2020,
       dims({{"fund", "general_budget"}, {"scope", "domestic"}})},
      {"three_public.reception.foreign", "0", 2020, gb},
      {"three_public.reception.foreign.batches", "0", 2020, {}, Unit::none},
      {"three_public.reception.foreign.people", "0", 2020, {}, Unit::none},
  });
  CHECK(contains(
      text,
      "七、一般公共预算财政拨款“三公”经费支出决算情况说明\n"
      "1.“三公”经费财政拨款支出决算总体情况说明\n"
      "2020年“三公”经费财政拨款支出决算为3.95万元，完成预算59.85%。\n"
      "2.“三公”经费财政拨款支出决算具体情况说明\n"
      "2020年“三公”经费财政拨款支出决算中，因公出国（境）费支出决算0.00万元，占0.00%；"
      "公务用车购置及运行维护费支出决算3.36万元，占85.06%；公务接待费支出决算0.59万元，占14.94%。"
      "具体情况如下：\n"
      "（1）因公出国（境）经费支出0.00万元。全年安排因公出国（境）团组0次，出国（境）0人。"
      "因公出国（境）支出决算与2019年持平。\n"
      "（2）公务用车购置及运行维护费支出3.36万元。公务用车购置及运行维护费支出决算比2019年减少"
      "1.56万元，下降31.71%。\n"
      "其中：公务用车购置支出0.00万元。全年按规定更新购置公务用车0辆，其中：轿车0辆。"
      "截至2020年12月底，单位共有公务用车1辆，其中：轿车1辆、越野车0辆。\n"
      "公务用车运行维护费支出3.36万元。\n"
      "（3）公务接待费支出0.59万元。\n"
      "国内公务接待4批次，38人次，共计支出0.59万元。\n"
      "外事接待支出0.00万元，外事接待0批次，0人。\n"));
  // Parts without their total: no shares.
  const auto parts_only = narrate({{"three_public.reception", "0.59", 2020, gb}});
  CHECK(
      contains(parts_only,
               "2020年“三公”经费财政拨款支出决算中，公务接待费支出决算0.59万元。具体情况如下：\n"));
  CHECK_FALSE(contains(parts_only, "1.“三公”"));
}

TEST_CASE("write_narrative: 八 and 九, the government fund and state capital") {
  const Dimensions fund = dims({{"fund", "government_fund"}});
  const auto same = narrate({{"income.government_fund", "204.85"},
                             {"expenditure.fiscal", "204.85", 2020, fund},
                             {"expenditure.fiscal", "0", 2020, dims({{"fund", "state_capital"}})}});
  CHECK(
      contains(same,
               "八、政府性基金预算财政拨款收入支出情况说明\n"
               "2020年政府性基金预算财政拨款收、支总计204.85万元。\n"
               "九、国有资本经营预算支出决算情况说明\n2020年国有资本经营预算拨款支出0.00万元。\n"));
  const auto apart = narrate({{"income.government_fund", "204.85"},
                              {"expenditure.fiscal", "200", 2020, fund},
                              {"expenditure.fiscal", "0", 2019, fund}});
  CHECK(contains(apart,
                 "2020年政府性基金预算财政拨款收入204.85万元、支出200.00万元。与2019年相比，"
                 "政府性基金预算财政拨款支出增加200.00万元。\n"));
}

TEST_CASE("write_narrative: 其他重要事项说明") {
  const auto text = narrate({
      {"office_running", "44.43"},
      {"office_running", "43.86", 2019},
      {"procurement.total", "300"},
      {"procurement.goods", "100"},
      {"procurement.services", "200"},
      {"procurement.sme", "200"},
      {"procurement.small_micro", "100"},
      {"assets.vehicles", "1", 2020, {}, Unit::none},
      {"assets.vehicles", "1", 2020, dims({{"vehicle_use", "other"}}), Unit::none},
      {"assets.special_equipment_1m", "2", 2020, {}, Unit::none},
  });
  CHECK(contains(text,
                 "其他重要事项说明\n"
                 "（一）机关运行经费支出情况。2020年，机关运行经费支出44.43万元，比2019年增加"
                 "0.57万元，增长1.30%。\n"
                 "（二）关于政府采购支出说明。本部门2020年度政府采购支出总额300.00万元，其中："
                 "政府采购货物支出100.00万元、政府采购服务支出200.00万元。授予中小企业合同金额"
                 "200.00万元，占政府采购支出总额的66.67%，其中：授予小微企业合同金额100.00万元，"
                 "占政府采购支出总额的33.33%。\n"
                 "（三）关于国有资产占用情况说明。截至2020年12月31日，本部门共有车辆1辆，其中，"
                 "其他用车1辆；单位价值100万元以上专用设备2台（套）。\n"));
  const auto equal = narrate({{"office_running", "44.43"}, {"office_running", "44.43", 2019}});
  CHECK(contains(equal, "机关运行经费支出44.43万元，与2019年持平。\n"));
}

TEST_CASE("write_narrative: the first statement of a key, and a listing before the statements") {
  auto r = report_of({{"income.total", "10"}, {"income.total", "11"}});
  CHECK(contains(fisc::write_narrative(r), "2020年度收入10.00万元。"));
  // A listing is collected before the statements.
  r.listings.push_back(fact({"income.total", "12"}));
  CHECK(contains(fisc::write_narrative(r), "2020年度收入12.00万元。"));
}

TEST_CASE("write_narrative on the corrected seed report") {
  const auto path =
      std::filesystem::path(FISC_SOURCE_DIR) / "tests/narrative/data/seed-corrected.report.json";
  const auto report = fisc::load_report_json(path);
  REQUIRE(report);
  const auto text = fisc::write_narrative(*report);
  CHECK(text == fisc::write_narrative(*report));  // deterministic
  CHECK_FALSE(contains(text, "nan"));
  CHECK_FALSE(contains(text, "inf"));
  for (const std::string_view heading : {
           "第二部分 2020年度部门决算情况说明\n",
           "\n一、收入支出决算总体情况说明\n",
           "\n二、收入决算情况说明\n",
           "\n三、支出决算情况说明\n",
           "\n四、财政拨款收入支出决算总体情况说明\n",
           "\n五、一般公共预算财政拨款支出决算情况说明\n",
           "\n六、一般公共预算财政拨款基本支出决算情况说明\n",
           "\n七、一般公共预算财政拨款“三公”经费支出决算情况说明\n",
           "\n八、政府性基金预算财政拨款收入支出情况说明\n",
           "\n九、国有资本经营预算支出决算情况说明\n",
           "\n其他重要事项说明\n",
       }) {
    CHECK_MESSAGE(contains(text, heading), heading);
  }
  CHECK(contains(text,
                 "\n2020年度收入950.84万元、支出950.84万元。与2019年度收入1076.14万元、"
                 "支出1072.84万元相比较，收入减少125.30万元，下降11.64%；支出减少122.00万元，"
                 "降低11.37%。\n"));
  CHECK(contains(text,
                 "\n2020年本年收入合计950.84万元，其中：一般公共预算财政拨款收入745.99万元，"
                 "占78.46%；政府性基金预算财政拨款收入204.85万元，占21.54%；"
                 "国有资本经营预算财政拨款收入0.00万元，占0.00%；"));
  CHECK(contains(text,
                 "\n2020年本年支出合计950.84万元，其中：基本支出534.27万元，占56.19%；"
                 "项目支出416.57万元，占43.81%；"));
  CHECK(contains(text,
                 "主要用于以下方面:一般公共服务（类）支出611.15万元，占81.92%；"
                 "社会保障和就业（类）支出53.37万元，占7.15%；卫生健康（类）支出28.13万元，"
                 "占3.77%；农林水（类）支出6.50万元，占0.87%；住房保障（类）支出46.84万元，"
                 "占6.28%。\n"));
  CHECK(contains(text,
                 "\n2020年一般公共预算财政拨款基本支出534.27万元，其中：人员经费489.84万元。\n"
                 "公用经费44.43万元。\n"));
  CHECK(contains(text,
                 "公务用车购置及运行维护费支出决算3.36万元，占85.06%；公务接待费支出决算"
                 "0.59万元，占14.94%。具体情况如下：\n"));
  CHECK(contains(text, "\n2020年政府性基金预算财政拨款收、支总计204.85万元。\n"));
  // 五 3 is left out: the report states completion rates, not budgets.
  CHECK_FALSE(contains(text, "完成预算"));

  fisc::NarrateOptions exact;
  exact.exact_shares = true;
  const auto adjusted = fisc::write_narrative(*report, exact);
  // 81.92 + 7.15 + 3.77 + 0.87 + 6.28 = 99.99: the largest remainder goes to 一般公共服务.
  CHECK(contains(adjusted, "一般公共服务（类）支出611.15万元，占81.93%；"));
  CHECK(contains(adjusted, "占6.28%。（各项占比按最大余额法调整，合计为100.00%。）\n"));
}
