// SPDX-License-Identifier: BSL-1.0
// The narrative reader (src/narrative/reader.cpp) on the seed document and on small texts: what
// each sentence form gives, the places, encodings and noise, what is skipped, and its errors.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "fisc/io/report_json.hpp"
#include "fisc/narrative/reader.hpp"
#include "fisc/narrative/writer.hpp"
#include "fisc/rules/builtin.hpp"

namespace {

const std::filesystem::path seed_text =
    std::filesystem::path(FISC_SOURCE_DIR) / "../shared/seed/000_2bdb4c08d10ba27e.txt";

const fisc::NarrativeReading& seed_reading() {
  static const fisc::NarrativeReading reading = [] {
    auto r = fisc::load_narrative(seed_text);
    REQUIRE(r.has_value());
    return *r;
  }();
  return reading;
}

/// A statement as the comparison sees it: meaning, figure as written, place.
std::string row(const fisc::Fact& f) {
  std::ostringstream out;
  out << f.source.span->line << ':' << f.source.span->column << ' ' << f.key.concept_id << ' '
      << fisc::to_string(f.key.measure) << ' ' << f.key.year << ' ' << f.key.prior_year << ' '
      << fisc::to_string(f.key.scenario);
  for (const auto& [name, value] : f.key.dims) out << ' ' << name << '=' << value;
  out << " “" << f.value.text << "” " << fisc::to_string(f.value.unit) << ' '
      << fisc::to_string(f.direction) << ' ' << f.value.decimals();
  // The hand entry names the whole of 第二部分 五 2's shares 财政拨款支出 of all funds; the
  // sentence states it as 本年合计收入 950.84, which the reader takes: the same figure.
  if (f.base) out << " of " << (f.source.span->line == 80 ? "950.84" : f.base->concept_id);
  return out.str();
}

fisc::NarrativeReading read(std::string_view text, fisc::NarrativeOptions options = {}) {
  if (options.file.empty()) options.file = "说明.txt";
  auto r = fisc::read_narrative(text, options);
  REQUIRE(r.has_value());
  return *r;
}

const fisc::Fact* find(const fisc::NarrativeReading& r, std::string_view concept_id,
                       fisc::Measure measure = fisc::Measure::value) {
  for (const auto& f : r.report.statements) {
    if (f.key.concept_id == concept_id && f.key.measure == measure) return &f;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("narrative: the seed text gives every statement entered by hand in the bundled sample") {
  // examples/seed/miyi-organisation-2020.report.json was entered by hand from the same text
  // (its README); every figure of the accounts there (statements and listings, not the work
  // report's text.other figures nor the performance tables) is read here with the same meaning,
  // figure and place, and nothing else is.
  auto json = fisc::load_report_json(std::filesystem::path(FISC_SOURCE_DIR) /
                                     "examples/seed/miyi-organisation-2020.report.json");
  REQUIRE(json.has_value());
  std::vector<std::string> entered;
  for (const auto* list : {&json->statements, &json->listings}) {
    for (const auto& f : *list) {
      if (f.key.concept_id != "text.other") entered.push_back(row(f));
    }
  }
  std::vector<std::string> got;
  for (const auto& f : seed_reading().report.statements) got.push_back(row(f));
  std::sort(entered.begin(), entered.end());
  std::sort(got.begin(), got.end());
  std::vector<std::string> missing;
  std::vector<std::string> extra;
  std::set_difference(entered.begin(), entered.end(), got.begin(), got.end(),
                      std::back_inserter(missing));
  std::set_difference(got.begin(), got.end(), entered.begin(), entered.end(),
                      std::back_inserter(extra));
  std::string missing_rows;
  for (const auto& m : missing) missing_rows += m + '\n';
  std::string extra_rows;
  for (const auto& e : extra) extra_rows += e + '\n';
  CHECK_MESSAGE(missing.empty(), missing_rows);
  CHECK_MESSAGE(extra.empty(), extra_rows);
  CHECK(got.size() == entered.size());

  // Its enumerations and claims too.
  const auto& report = seed_reading().report;
  REQUIRE(report.enumerations.size() == json->enumerations.size());
  for (std::size_t i = 0; i < report.enumerations.size(); ++i) {
    const auto& a = report.enumerations[i];
    const auto& b = json->enumerations[i];
    CAPTURE(i);
    CHECK(a.concept_id == b.concept_id);
    CHECK(a.dims == b.dims);
    CHECK(a.items == b.items);
    CHECK(a.count->text == b.count->text);
    CHECK(a.source.span == b.source.span);
  }
  REQUIRE(report.claims.size() == json->claims.size());
  for (std::size_t i = 0; i < report.claims.size(); ++i) {
    CAPTURE(i);
    CHECK(report.claims[i].key == json->claims[i].key);
    CHECK(report.claims[i].kind == json->claims[i].kind);
    CHECK(report.claims[i].text == json->claims[i].text);
    CHECK(report.claims[i].source.span == json->claims[i].source.span);
  }
  CHECK(report.year == 2020);
  CHECK(report.kind == fisc::ReportKind::final_accounts);
  CHECK(report.department.name == "中共米易县委组织部");
}

TEST_CASE(
    "narrative: the built-in pack on the seed text finds its inconsistencies and nothing else") {
  // The list tests/rules/seed.test.cpp asserts for the hand-entered report (its README explains
  // each), found here in the text itself.
  const fisc::Subject subject(seed_reading().report);
  REQUIRE(subject.errors().empty());
  const auto result = fisc::run(fisc::builtin_pack(), subject);
  std::vector<std::tuple<std::string, unsigned, unsigned>> got;
  for (const auto& f : result.findings) {
    got.emplace_back(f.rule, f.where.span ? f.where.span->line : 0,
                     f.where.span ? f.where.span->column : 0);
  }
  const std::vector<std::tuple<std::string, unsigned, unsigned>> expected{
      {"count.enumeration", 40, 76},
      {"claim.unlikely", 55, 166},
      {"sum.function", 77, 18},
      {"change", 77, 63},
      {"share", 80, 205},
      {"sum.fund", 82, 17},
      {"year.mislabelled", 82, 17},
      {"fact.restated", 92, 16},
      {"sum.basic", 96, 20},
      {"implied_budget.three_public", 103, 32},
      {"fact.restated", 109, 18},
      {"claim.unlikely", 122, 39},
      {"change_rate", 132, 52},
      {"rate.zero_base", 133, 101},
      {"rate.zero_base", 133, 131},
      {"perf.tables_reported", 146, 55},
      {"perf.actual_copies_target", 156, 1},
      {"perf.no_cost", 156, 1},
      {"perf.actual_copies_target", 232, 2},
      {"perf.no_cost", 232, 2},
      {"perf.actual_copies_target", 309, 2},
      {"perf.no_cost", 309, 2},
      {"perf.actual_copies_target", 391, 2},
      {"perf.no_cost", 391, 2},
      {"perf.actual_copies_target", 470, 2},
      {"perf.no_cost", 470, 2},
      {"fact.restated", 582, 11},
      {"enumeration.lists_differ", 582, 11},
      {"enumeration.lists_differ", 582, 78},
      {"fact.restated", 605, 62},
      {"fact.unit_restated", 613, 12},
      {"fact.unit_restated", 613, 32},
  };
  CHECK(got == expected);
  // And exactly the findings of the hand-entered sample.
  auto json = fisc::load_report_json(std::filesystem::path(FISC_SOURCE_DIR) /
                                     "examples/seed/miyi-organisation-2020.report.json");
  REQUIRE(json.has_value());
  const fisc::Subject entered(*json);
  std::vector<std::tuple<std::string, unsigned, unsigned>> from_json;
  for (const auto& f : fisc::run(fisc::builtin_pack(), entered).findings) {
    from_json.emplace_back(f.rule, f.where.span ? f.where.span->line : 0,
                           f.where.span ? f.where.span->column : 0);
  }
  CHECK(got == from_json);
}

TEST_CASE("narrative: the seed's five project performance tables, as entered by hand") {
  auto json = fisc::load_report_json(std::filesystem::path(FISC_SOURCE_DIR) /
                                     "examples/seed/miyi-organisation-2020.report.json");
  REQUIRE(json.has_value());
  const auto& got = seed_reading().report.performance.projects;
  const auto& entered = json->performance.projects;
  REQUIRE(got.size() == entered.size());
  const auto same_figure = [](const std::optional<fisc::PlacedFigure>& a,
                              const std::optional<fisc::PlacedFigure>& b) {
    return a.has_value() == b.has_value() &&
           (!a || (a->value.text == b->value.text && a->value.value == b->value.value &&
                   a->value.unit == b->value.unit && a->source.span == b->source.span));
  };
  const auto same_text = [](const std::optional<fisc::PlacedText>& a,
                            const std::optional<fisc::PlacedText>& b) {
    return a.has_value() == b.has_value() &&
           (!a || (a->text == b->text && a->source.span == b->source.span));
  };
  for (std::size_t i = 0; i < got.size(); ++i) {
    CAPTURE(i);
    const auto& a = got[i];
    const auto& b = entered[i];
    CHECK(a.name == b.name);
    CHECK(a.unit == b.unit);
    CHECK(a.amount_unit == b.amount_unit);
    CHECK(same_figure(a.budget.total, b.budget.total));
    CHECK(same_figure(a.budget.fiscal, b.budget.fiscal));
    CHECK(same_figure(a.budget.other, b.budget.other));
    CHECK(same_figure(a.executed.total, b.executed.total));
    CHECK(same_figure(a.executed.fiscal, b.executed.fiscal));
    CHECK(same_figure(a.executed.other, b.executed.other));
    CHECK(same_text(a.goal_expected, b.goal_expected));
    CHECK(same_text(a.goal_achieved, b.goal_achieved));
    CHECK(a.source.span->line == b.source.span->line);
    REQUIRE(a.indicators.size() == b.indicators.size());
    for (std::size_t k = 0; k < a.indicators.size(); ++k) {
      CAPTURE(k);
      CHECK(a.indicators[k].level1 == b.indicators[k].level1);
      CHECK(a.indicators[k].level2 == b.indicators[k].level2);
      CHECK(a.indicators[k].level3 == b.indicators[k].level3);
      CHECK(same_text(a.indicators[k].target, b.indicators[k].target));
      CHECK(same_text(a.indicators[k].actual, b.indicators[k].actual));
    }
  }
}

TEST_CASE(
    "narrative: what the seed text holds that the reader does not read is skipped and counted") {
  const auto& skipped = seed_reading().skipped;
  const auto has = [&](std::uint32_t line, std::uint32_t column, std::string_view text) {
    return std::any_of(skipped.begin(), skipped.end(), [&](const fisc::SkippedFigure& s) {
      return s.span.line == line && s.span.column == column && s.text == text && !s.reason.empty();
    });
  };
  CHECK(has(26, 165, "60余"));      // an approximate count of the work report
  CHECK(has(135, 141, "50 万元"));  // 单位价值 50 万元以上: a threshold
  CHECK(has(111, 70, "0"));         // the stray 0 after 金额0万元
  CHECK(has(60, 14, "4"));          // [image: image4.png]
  CHECK(has(692, 2, "124154.00"));  // a row of a table the extraction flattened
  // The work report's figures, 附1's scores and its flattened list of projects, thresholds,
  // captions: 92 figures, each with its reason.
  CHECK(skipped.size() == 92);
}

TEST_CASE("narrative: the Shanghai form's 政府采购 and vehicles by use") {
  const auto r = read(
      "（二）政府采购支出情况\n"
      "某局2024年度政府采购金额（以合同签订为准）为251.25万元，其中：货物采购金额4.79万元、"
      "工程采购金额0万元、服务采购金额246.47万元。\n"
      "（三）国有资产占有使用情况说明\n"
      "截至2024年12月31日，某局共有车辆3辆，其中：部级领导干部用车0辆、主要领导干部用车1辆、"
      "离退休干部用车2辆、其他用车0辆。\n");
  const auto* total = find(r, "procurement.total");
  REQUIRE(total != nullptr);
  CHECK(total->value.text == "251.25");
  REQUIRE(find(r, "procurement.goods") != nullptr);
  CHECK(find(r, "procurement.goods")->value.text == "4.79");
  REQUIRE(find(r, "procurement.works") != nullptr);
  CHECK(find(r, "procurement.works")->value.text == "0");
  REQUIRE(find(r, "procurement.services") != nullptr);
  CHECK(find(r, "procurement.services")->value.text == "246.47");
  std::vector<std::string> uses;
  for (const auto& f : r.report.statements) {
    if (f.key.concept_id != "assets.vehicles") continue;
    uses.push_back(std::string(f.key.dims.get("vehicle_use").value_or("all")) + "=" + f.value.text);
  }
  CHECK(uses == std::vector<std::string>{"all=3", "ministerial=0", "principal_leader=1",
                                         "retired_cadres=2", "other=0"});
  CHECK(r.skipped.empty());
}

TEST_CASE("narrative: a heading at the top of a page, after pdftotext's form feed, is a heading") {
  const auto r = read(
      "五、一般公共预算财政拨款支出决算情况说明\n"
      "\f1、一般公共服务支出（类）财政事务（款）行政运行（项）。主要用于：基本支出。\n"
      "年初预算为 1560.05 万元，支出决算为1511.89万元。\n",
      {.file = "p.txt", .year = 2024, .kind = fisc::ReportKind::final_accounts});
  std::vector<std::string> functions;
  for (const auto& f : r.report.statements) {
    functions.push_back(std::string(f.key.dims.get("function").value_or("none")) + " " +
                        f.value.text);
  }
  CHECK(functions == std::vector<std::string>{"2010601 1560.05", "2010601 1511.89"});
  CHECK(r.skipped.empty());
}

TEST_CASE("narrative: sentence forms of the central template") {
  const auto r = read(
      "第二部分 2023年度部门决算情况说明\n"
      "一、收入支出决算总体情况说明\n"
      "2023年度收入、支出决算总计1,234.50万元。与2022年度相比，收、支总计各增加100.00万元，增长8."
      "81%。\n"
      "二、收入决算情况说明\n"
      "2023年度本年收入合计1,000.00万元，其中：财政拨款收入900.00万元，占90.00%；其他收入100."
      "00万元，占10.00%。\n"
      "五、一般公共预算财政拨款支出决算情况说明\n"
      "一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）行政运行（项）。年初预算为500."
      "00万元，支出决算为450.00万元，完成年初预算的90.00%。\n"
      "七、一般公共预算财政拨款“三公”经费支出决算情况说明\n"
      "2023年度“三公”经费财政拨款支出决算为12.3万元，完成预算的61.5%。\n"
      "其他重要事项的情况说明\n"
      "（一）机关运行经费支出情况。本部门2023年度机关运行经费支出56.78万元，比上年减少1."
      "22万元，下降2.10%。\n");
  REQUIRE(r.report.year == 2023);
  const auto* grand = find(r, "income.grand_total");
  REQUIRE(grand != nullptr);
  CHECK(grand->value.text == "1,234.50");
  CHECK(find(r, "expenditure.grand_total") != nullptr);
  const auto* change = find(r, "income.grand_total", fisc::Measure::change);
  REQUIRE(change != nullptr);
  CHECK(change->key.prior_year == 2022);
  CHECK(change->direction == fisc::Direction::increase);
  const auto* share = find(r, "income.fiscal", fisc::Measure::share);
  REQUIRE(share != nullptr);
  CHECK(share->base->concept_id == "income.total");
  // 年初预算为500.00万元: the initial budget of spending on the 类 named before.
  bool budget = false;
  for (const auto& f : r.report.statements) {
    if (f.key.concept_id == "expenditure.fiscal" &&
        f.key.scenario == fisc::Scenario::initial_budget) {
      budget = true;
      CHECK(f.value.text == "500.00");
      CHECK(f.key.dims.get("fund") == "general_budget");
      CHECK(f.key.dims.get("function") == "2010301");
    }
  }
  CHECK(budget);
  const auto* three = find(r, "three_public.total");
  REQUIRE(three != nullptr);
  CHECK(three->value.decimals() == 2);  // 12.3 among figures to 0.01: the zero was dropped
  const auto* running = find(r, "office_running", fisc::Measure::change_rate);
  REQUIRE(running != nullptr);
  CHECK(running->key.prior_year == 2022);  // 比上年: the year before
  CHECK(running->direction == fisc::Direction::decrease);
  CHECK(running->value.value.signum() < 0);
}

TEST_CASE("narrative: encodings, full-width figures, broken lines and page furniture") {
  const std::string utf8 =
      "第二部分 2020年度部门决算情况说明\n"
      "三、支出决算情况说明\n"
      "2020年本年支出合计９５０．８４万元，其中：基本支出534.27万元，占５６．１９％；项目支出416."
      "57\n"
      "— 3 —\n"
      "万元，占43.81%。\n";
  const auto r = read(utf8);
  const auto* total = find(r, "expenditure.total");
  REQUIRE(total != nullptr);
  CHECK(total->value.text == "９５０．８４");
  CHECK(total->source.span == fisc::TextSpan{3, 12, 6});
  CHECK(total->source.section == "第二部分 三");
  const auto* share = find(r, "expenditure.basic", fisc::Measure::share);
  REQUIRE(share != nullptr);
  CHECK(share->value.text == "５６．１９％");
  // The line broken before 万元 and interrupted by a page number still reads as one sentence.
  const auto* project = find(r, "expenditure.project");
  REQUIRE(project != nullptr);
  CHECK(project->value.unit == fisc::Unit::wan);
  CHECK(project->source.span == fisc::TextSpan{3, 49, 6});
  CHECK(find(r, "expenditure.project", fisc::Measure::share) != nullptr);

  SUBCASE("with a byte order mark") {
    const auto bom = read("\xEF\xBB\xBF" + utf8);
    CHECK(bom.encoding == fisc::TextEncoding::utf8_bom);
    CHECK(bom.report.statements.size() == r.report.statements.size());
  }
  SUBCASE("in GB18030") {
    // "2020年基本支出90.00万元。" under a heading, in GB18030 (GBK) bytes.
    const std::string gb =
        "\xC8\xFD\xA1\xA2\xD6\xA7\xB3\xF6\xBE\xF6\xCB\xE3\xC7\xE9\xBF\xF6\xCB\xB5\xC3\xF7\n"
        "2020\xC4\xEA\xBB\xF9\xB1\xBE\xD6\xA7\xB3\xF6"
        "90.00\xCD\xF2\xD4\xAA\xA1\xA3\n";
    const auto g = read(gb);
    CHECK(g.encoding == fisc::TextEncoding::gb18030);
    const auto* basic = find(g, "expenditure.basic");
    REQUIRE(basic != nullptr);
    CHECK(basic->value.text == "90.00");
    CHECK(basic->source.span == fisc::TextSpan{2, 10, 5});
  }
}

TEST_CASE("narrative: figures in 元, counts, claims, and a count with its list") {
  const auto r = read(
      "一、机构设置\n"
      "本部门设3个科室：办公室、财务股、业务股。\n"
      "二、收入支出决算总体情况说明\n"
      "2021年财政拨款收入5,751,054.00元。与2020年相比，财政拨款收入持平。\n");
  REQUIRE(r.report.enumerations.size() == 1);
  CHECK(r.report.enumerations[0].concept_id == "organisation.offices");
  CHECK(r.report.enumerations[0].items == std::vector<std::string>{"办公室", "财务股", "业务股"});
  const auto* income = find(r, "income.fiscal");
  REQUIRE(income != nullptr);
  CHECK(income->value.unit == fisc::Unit::yuan);
  CHECK(income->value.reading == fisc::Reading::exact);
  REQUIRE(r.report.claims.size() == 1);
  CHECK(r.report.claims[0].kind == fisc::ClaimKind::unchanged);
  CHECK(r.report.claims[0].key.concept_id == "income.fiscal");
  CHECK(r.report.claims[0].key.prior_year == 2020);
}

TEST_CASE("narrative: options, a budget document, and what is not a figure") {
  const auto r =
      read("2024年部门预算编制说明\n本部门2024年一般公共预算财政拨款支出1,000.00万元。\n",
           {.file = "b.txt", .year = std::nullopt, .kind = std::nullopt});
  CHECK(r.report.kind == fisc::ReportKind::budget);
  CHECK(r.report.year == 2024);
  const auto* f = find(r, "expenditure.fiscal");
  REQUIRE(f != nullptr);
  CHECK(f->key.scenario == fisc::Scenario::budget);
  CHECK(f->source.file == "b.txt");

  const auto given =
      read("收入100.00万元。\n",
           {.file = "x.txt", .year = 2019, .kind = fisc::ReportKind::final_accounts});
  CHECK(given.report.year == 2019);
  REQUIRE(find(given, "income.total") != nullptr);
  CHECK(find(given, "income.total")->key.year == 2019);

  // A percentage that says of nothing what it is a rate of, and a figure without a concept.
  const auto vague = read("班子成员配备到位率达93%，培训干部4683人次。\n");
  CHECK(vague.report.statements.empty());
  CHECK(vague.skipped.size() == 2);

  // 18 digits: its rounding range does not fit fisc's decimals, so it is skipped, not read.
  const auto huge = read("2024年度收入总计125444991964384824万元。\n");
  CHECK(huge.report.statements.empty());
  REQUIRE(huge.skipped.size() == 1);
  CHECK(huge.skipped[0].reason == "数字过大，无法核对");
  // 16 digits among figures to 0.01: its dropped zeros would take it past fisc's range, so it
  // keeps the decimals it was written with (fisc_fuzz_narrative's find).
  const auto wide = read("2020年度收入950.84万元，支出1254449919643848万元。\n");
  const auto* spending = find(wide, "expenditure.total");
  REQUIRE(spending != nullptr);
  CHECK(spending->value.value.decimals() == 0);
  CHECK(spending->value.try_interval().has_value());
  CHECK(find(wide, "income.total")->value.value.decimals() == 2);
  // A year with a space before 年, as pdftotext prints digits inside Chinese.
  CHECK(read("2023 年度部门决算\n收入100.00万元。\n").report.year == 2023);
}

TEST_CASE("narrative: bytes that are not text are an error naming the file") {
  const auto utf16 =
      fisc::read_narrative(std::string("\xFF\xFE\x31\x00", 4),
                           {.file = "u.txt", .year = std::nullopt, .kind = std::nullopt});
  REQUIRE_FALSE(utf16.has_value());
  CHECK(utf16.error().file == "u.txt");
  CHECK_FALSE(utf16.error().message.empty());
  const auto missing = fisc::load_narrative("/nonexistent/说明.txt");
  REQUIRE_FALSE(missing.has_value());
  CHECK(missing.error().file == "/nonexistent/说明.txt");
}

TEST_CASE("narrative: narrate, read back and check the corrected sample: no finding") {
  // The bundled sample with its errors corrected (tests/narrative/data/README.md), written by
  // write_narrative, read by read_narrative and checked by the built-in pack.
  auto report = fisc::load_report_json(std::filesystem::path(FISC_SOURCE_DIR) /
                                       "tests/narrative/data/seed-corrected.report.json");
  REQUIRE(report.has_value());
  for (const bool exact : {false, true}) {
    CAPTURE(exact);
    const std::string text = fisc::write_narrative(*report, {.exact_shares = exact});
    const auto r = read(text, {.file = "narrated.txt", .year = report->year, .kind = report->kind});
    CHECK(r.report.statements.size() > 80);
    const fisc::Subject subject(r.report);
    const auto result = fisc::run(fisc::builtin_pack(), subject);
    std::string found;
    for (const auto& f : result.findings)
      found += f.rule + ' ' + f.message.in(fisc::Language::zh) + '\n';
    CHECK_MESSAGE(result.findings.empty(), found);
    // Every figure it wrote is read, but the two thresholds of 国有资产 (单位价值50万元以上) and,
    // with exact shares, the 100.00% of each note that says the shares were adjusted.
    std::size_t thresholds = 0;
    std::size_t notes = 0;
    for (const auto& skipped : r.skipped) {
      thresholds += skipped.text.ends_with("万元") ? 1 : 0;
      notes += skipped.text == "100.00%" ? 1 : 0;
    }
    CHECK(thresholds == 2);
    CHECK(r.skipped.size() == thresholds + notes);
    CHECK((notes > 0) == exact);
  }
}
