// SPDX-License-Identifier: BSL-1.0
// read_published on the published PDFs of ../shared/corpus (its README says what each is): every
// standard table found and read (totals and a sample of cells against the printed figures,
// nothing left unplaced), the blank template's empty tables, and what the built-in pack finds in
// each document, with the planted errors of the edited copy.
#include "fisc/pdf/published.hpp"

#include <algorithm>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include <doctest/doctest.h>

#include "fisc/accounts/table_role.hpp"
#include "fisc/rules/builtin.hpp"

namespace {

using fisc::PublishedReading;
using fisc::TableRole;

std::filesystem::path corpus(std::string_view name) {
  return std::filesystem::path(FISC_SHARED_DIR) / "corpus" / name;
}

PublishedReading read(std::string_view name) {
  auto r = fisc::load_published_pdf(corpus(name));
  REQUIRE_MESSAGE(r.has_value(), (r ? std::string() : fisc::describe(r.error())));
  return std::move(*r);
}

std::vector<TableRole> roles(const PublishedReading& r) {
  std::vector<TableRole> out;
  for (const auto& t : r.report.tables) out.push_back(t.role);
  return out;
}

const fisc::Table& table(const PublishedReading& r, TableRole role) {
  const auto it = std::find_if(r.report.tables.begin(), r.report.tables.end(),
                               [&](const fisc::Table& t) { return t.role == role; });
  REQUIRE(it != r.report.tables.end());
  return *it;
}

// The figure as printed in the row of that code (or label) and the column of that key.
std::string cell(const fisc::Table& t, std::string_view row, std::string_view column) {
  for (const auto& r : t.rows) {
    if (r.code != row && r.label != row) continue;
    for (const auto& c : r.cells) {
      if (c.column == column) return c.value.text;
    }
  }
  return "(none)";
}

std::size_t cells(const fisc::Table& t) {
  std::size_t n = 0;
  for (const auto& r : t.rows) n += r.cells.size();
  return n;
}

// Each finding as its rule, its page, and its table row (a cell) or its line (text).
using Found = std::vector<std::tuple<std::string, unsigned, std::string>>;

Found findings(const PublishedReading& r) {
  const fisc::Subject subject(r.report);
  CHECK(subject.errors().empty());
  Found got;
  for (const auto& f : fisc::run(fisc::builtin_pack(), subject).findings) {
    std::string at;
    if (f.where.cell) at = f.where.cell->row;
    if (f.where.span) at = std::to_string(f.where.span->line);
    got.emplace_back(f.rule, f.where.page, at);
  }
  return got;
}

}  // namespace

TEST_CASE("published: 2024 部门决算 of 区财政局, its nine tables and what they disagree on") {
  const auto r = read("shanghai-putuo-2024-final-finance-bureau.pdf");
  CHECK(r.pages == 25);
  CHECK(r.report.year == 2024);
  CHECK(r.report.kind == fisc::ReportKind::final_accounts);
  CHECK(roles(r) == std::vector<TableRole>{TableRole::income_expenditure_total, TableRole::income,
                                           TableRole::expenditure, TableRole::fiscal_total,
                                           TableRole::general_budget_expenditure,
                                           TableRole::general_budget_basic, TableRole::three_public,
                                           TableRole::government_fund, TableRole::state_capital});
  CHECK(r.problems.empty());

  const auto& total = table(r, TableRole::income_expenditure_total);
  CHECK(total.source.page == 6);
  CHECK(total.unit == fisc::Unit::wan);
  CHECK(cell(total, "一、一般公共预算财政拨款收入", "c") == "2,940.05");
  CHECK(cell(total, "本年收入合计", "c") == "2,946.25");
  CHECK(cell(total, "208", "c_2") == "326.71");
  CHECK(cell(total, "本年支出合计", "c_2") == "2,940.05");
  CHECK(cell(total, "年初结转和结余", "c") == "49.14");  // on page 7: the table runs over
  CHECK(cell(total, "年末结转和结余", "c_2") == "55.34");

  const auto& income = table(r, TableRole::income);
  CHECK(cell(income, "合计", "total") == "2,946.25");
  CHECK(cell(income, "2010602", "other_revenue") == "6.19");
  CHECK(cell(income, "2080505", "fiscal") == "160.75");
  const auto named = std::find_if(income.rows.begin(), income.rows.end(),
                                  [](const fisc::TableRow& row) { return row.code == "2080505"; });
  REQUIRE(named != income.rows.end());
  CHECK(named->label == "机关事业单位基本养老保险缴费支出");  // printed over two lines

  const auto& spending = table(r, TableRole::expenditure);
  CHECK(cell(spending, "合计", "basic") == "2,336.91");
  CHECK(cell(spending, "2010601", "project") == "8.37");
  CHECK(cell(spending, "208", "total") == "326.72");

  const auto& fiscal = table(r, TableRole::fiscal_total);
  CHECK(cell(fiscal, "总计", "c") == "2,961.68");
  CHECK(cell(fiscal, "201", "fiscal_general_budget") == "2,106.66");

  const auto& basic = table(r, TableRole::general_budget_basic);
  CHECK(basic.row_code_dimension == "economic");
  CHECK(cell(basic, "30101", "basic") == "262.33");
  CHECK(cell(basic, "30201", "basic_2") == "21.21");  // the right half of the table
  CHECK(cell(basic, "人员经费合计", "basic") == "2,152.26");
  CHECK(cell(basic, "公用经费合计", "basic_2") == "184.65");

  const auto& three = table(r, TableRole::three_public);
  CHECK(cells(three) == 2);
  CHECK(cells(table(r, TableRole::government_fund)) == 0);
  CHECK(table(r, TableRole::government_fund).note.find("本表无数据") != std::string::npos);

  // What a reviewer finds: 208 is 326.71 in the two totals tables and 326.72 in the others; the
  // text's 财政拨款收入支出总计 is 0.3万元; 一般公共服务支出 is 71.65%, not 71.73%.
  const Found expected{
      {"fact.restated", 10, "208"}, {"fact.restated", 15, "208"}, {"fact.restated", 21, "15"},
      {"fact.restated", 21, "15"},  {"share", 21, "26"},
  };
  CHECK(findings(r) == expected);
}

TEST_CASE("published: the edited copy, its planted errors found") {
  const auto r = read("shanghai-putuo-2024-final-finance-bureau-errors-injected.pdf");
  CHECK(r.report.year == 2024);
  // 支出决算表 was removed from this copy.
  CHECK(roles(r) == std::vector<TableRole>{TableRole::income_expenditure_total, TableRole::income,
                                           TableRole::fiscal_total,
                                           TableRole::general_budget_expenditure,
                                           TableRole::general_budget_basic, TableRole::three_public,
                                           TableRole::government_fund, TableRole::state_capital});
  CHECK(r.problems.empty());
  const Found expected{
      {"table.missing", 2, ""},      // planted: 支出决算表 removed, still in the contents
      {"text.placeholder", 7, "1"},  // planted: 上海市普陀区XX局 in the 第二部分 title
      {"fact.restated", 12, "208"},  // as in the original
      {"year.self_name", 18, "1"},   // planted: 第三部分 …2023年度部门决算情况说明
      {"fact.restated", 18, "3"},    // planted: 收入支出总计0万元
      {"fact.restated", 18, "3"},    // (its income and its spending side)
      {"share", 19, "5"},            // as in the original: 71.73%
      {"claim.contradicted", 19, "16"},  // planted: 决算数大于预算数 for 1511.89 of 1560.05
      {"claim.contradicted", 20, "22"},  // planted: 大于 for 80.38 of 80.81
      {"claim.contradicted", 21, "6"},   // planted: 等于 for 60.99 of 62.29
      {"year.as_of", 24, "2"},           // planted: 截至2023年12月31日 in a 2024 决算
  };
  CHECK(findings(r) == expected);
  // The mentions the rules held: the document's names, and its as-of date, with their places.
  const auto& m = r.report.mentions;
  const auto placeholder = std::find_if(m.begin(), m.end(), [](const fisc::Mention& x) {
    return x.kind == fisc::MentionKind::placeholder;
  });
  REQUIRE(placeholder != m.end());
  CHECK(placeholder->text == "XX");
  CHECK(placeholder->context == "第二部分 上海市普陀区XX局 2024 年度部门决算表");
  CHECK(placeholder->source.page == 7);
  REQUIRE(placeholder->source.span.has_value());
  CHECK(placeholder->source.span->column == 12);
}

TEST_CASE("published: four 2025 部门预算 and 单位预算, read whole, with nothing to report") {
  struct Document {
    std::string_view name;
    unsigned pages;
    std::string_view income_total;  // 收入总计 of 财务收支预算总表, 元
    std::string_view basic;         // 基本支出 合计 of 支出预算总表
    std::string_view wages;         // 301 of the 经济分类 table
    std::string_view office;        // 机关运行经费, 万元
  };
  for (const Document& d : {
           Document{"shanghai-putuo-2025-budget-commerce-department.pdf", 26, "371,514,655.00",
                    "19,830,655.00", "16,671,057.00", "171.01"},
           Document{"shanghai-putuo-2025-budget-commerce-unit.pdf", 22, "371,514,655.00",
                    "19,830,655.00", "16,671,057.00", "171.01"},
           Document{"shanghai-putuo-2025-budget-district-office-department.pdf", 22,
                    "91,016,775.35", "24,606,775.35", "21,170,337.81", "213.28"},
           Document{"shanghai-putuo-2025-budget-district-office-unit.pdf", 21, "91,016,775.35",
                    "24,606,775.35", "21,170,337.81", "213.28"},
       }) {
    CAPTURE(d.name);
    const auto r = read(d.name);
    CHECK(r.pages == d.pages);
    CHECK(r.report.year == 2025);
    CHECK(r.report.kind == fisc::ReportKind::budget);
    CHECK(roles(r) == std::vector<TableRole>{
                          TableRole::budget_total, TableRole::budget_income,
                          TableRole::budget_expenditure, TableRole::budget_fiscal_total,
                          TableRole::budget_general_expenditure, TableRole::budget_government_fund,
                          TableRole::budget_state_capital, TableRole::budget_general_basic_economic,
                          TableRole::budget_three_public});
    CHECK(r.problems.empty());
    const auto& total = table(r, TableRole::budget_total);
    CHECK(total.unit == fisc::Unit::yuan);
    CHECK(cell(total, "收入总计", "c") == d.income_total);
    CHECK(cell(table(r, TableRole::budget_expenditure), "合计", "basic") == d.basic);
    CHECK(cell(table(r, TableRole::budget_general_basic_economic), "301", "basic") == d.wages);
    const auto& three = table(r, TableRole::budget_three_public);
    CHECK(three.unit == fisc::Unit::wan);
    CHECK(cell(three, "合计", "office_running") == d.office);
    CHECK(cells(table(r, TableRole::budget_government_fund)) == 0);
    CHECK(findings(r).empty());
  }
}

TEST_CASE("published: the blank template gives its tables, empty, and no error") {
  const auto r = read("shanghai-2024-final-accounts-template-blank.pdf");
  CHECK(r.report.tables.size() == 9);
  for (const auto& t : r.report.tables) {
    CAPTURE(t.title);
    CHECK(cells(t) == 0);
  }
  CHECK(r.problems.empty());
  CHECK(findings(r).empty());
}

TEST_CASE("published: places of the text are pages and lines within them") {
  const auto r = read("shanghai-putuo-2024-final-finance-bureau.pdf");
  const auto share = std::find_if(r.report.statements.begin(), r.report.statements.end(),
                                  [](const fisc::Fact& f) { return f.value.text == "71.73%"; });
  REQUIRE(share != r.report.statements.end());
  CHECK(share->source.page == 21);
  REQUIRE(share->source.span.has_value());
  CHECK(share->source.span->line == 26);
  CHECK(share->source.file.ends_with("shanghai-putuo-2024-final-finance-bureau.pdf"));
  // Figures of table rows are the table reader's, not listed as skipped by the text reader:
  // the tables' lines are not read as running text, so their codes (201, 06, 01) are not
  // skipped figures either. What is left is text the reader has no sentence form for (绩效
  // counts, 中小企业 reserved amounts, the 100万元 threshold), all on pages 5, 23 and 24.
  CHECK(r.skipped.size() == 23);
  for (const auto& s : r.skipped) {
    CAPTURE(s.text);
    CHECK((s.page == 5 || s.page == 23 || s.page == 24));
  }
  // The Shanghai form's 政府采购 sentence and vehicles by use are read.
  const auto stated = [&](std::string_view concept_id, std::string_view use) {
    return std::count_if(r.report.statements.begin(), r.report.statements.end(),
                         [&](const fisc::Fact& f) {
                           return f.key.concept_id == concept_id &&
                                  f.key.dims.get("vehicle_use").value_or("") == use;
                         });
  };
  CHECK(stated("procurement.total", "") == 1);
  CHECK(stated("procurement.services", "") == 1);
  CHECK(stated("assets.vehicles", "principal_leader") == 1);
  CHECK(stated("assets.vehicles", "retired_cadres") == 1);
}

TEST_CASE("published: text laid out in columns reads the same tables") {
  auto r = fisc::load_published_text(corpus("shanghai-putuo-2024-final-finance-bureau.layout.txt"));
  REQUIRE(r.has_value());
  CHECK(r->report.tables.size() == 9);
  CHECK(r->problems.empty());
  const auto& total = table(*r, TableRole::income_expenditure_total);
  CHECK(cell(total, "一、一般公共预算财政拨款收入", "c") == "2,940.05");
  CHECK(cell(table(*r, TableRole::expenditure), "2010601", "project") == "8.37");
  CHECK(cell(table(*r, TableRole::general_budget_basic), "30201", "basic_2") == "21.21");
  // The tables' lines are the table reader's: read as running text, their rows would run the
  // figures of neighbouring columns together (326.72208). What the PDF gives is found, and one
  // more: pdftotext -layout prints the lines of 五（三） 6 out of order (161.62 before the heading
  // it belongs to), so that 项 is read wrong there. The PDF reads it right.
  const Found expected{
      {"fact.restated", 10, "208"}, {"fact.restated", 15, "208"}, {"fact.restated", 21, "548"},
      {"fact.restated", 21, "548"}, {"share", 21, "565"},         {"fact.restated", 22, "601"},
  };
  CHECK(findings(*r) == expected);
}

TEST_CASE("published: text in reading order has no columns: its tables are named, not read") {
  auto r = fisc::load_published_text(corpus("shanghai-putuo-2024-final-finance-bureau.txt"));
  REQUIRE(r.has_value());
  CHECK(r->report.tables.empty());
  // Each of the nine tables is named, with its page and why it was not read.
  REQUIRE(r->problems.size() == 9);
  CHECK(r->problems[0].page == 6);
  CHECK(r->problems[0].table == "收入支出决算总表");
  CHECK(r->problems[0].message.find("文本未按栏排版") != std::string::npos);
  // The text alone: its 71.73% against its own figures; no figure of a table misplaced.
  const Found expected{{"share", 21, "1371"}};
  CHECK(findings(*r) == expected);
  // A laid-out text of the same document keeps its tables.
  const auto laid_out =
      fisc::load_published_text(corpus("shanghai-putuo-2024-final-finance-bureau.layout.txt"));
  REQUIRE(laid_out.has_value());
  CHECK(laid_out->report.tables.size() == 9);
}

TEST_CASE("published: the edited copy laid out in columns, its planted errors found") {
  auto r = fisc::load_published_text(
      corpus("shanghai-putuo-2024-final-finance-bureau-errors-injected.layout.txt"));
  REQUIRE(r.has_value());
  const Found got = findings(*r);
  for (const auto& planted :
       std::vector<std::pair<std::string, unsigned>>{{"table.missing", 2},
                                                     {"text.placeholder", 7},
                                                     {"year.self_name", 18},
                                                     {"fact.restated", 18},
                                                     {"claim.contradicted", 19},
                                                     {"claim.contradicted", 20},
                                                     {"claim.contradicted", 21},
                                                     {"year.as_of", 24}}) {
    // (Not a structured binding: clang 14's lambdas cannot capture one.)
    CAPTURE(planted.first);
    CAPTURE(planted.second);
    CHECK(std::any_of(got.begin(), got.end(), [&](const auto& f) {
      return std::get<0>(f) == planted.first && std::get<1>(f) == planted.second;
    }));
  }
}

TEST_CASE("published: errors of the PDF are the loader's") {
  const auto missing = fisc::load_published_pdf(corpus("no such document.pdf"));
  REQUIRE_FALSE(missing.has_value());
  CHECK(missing.error().file.ends_with("no such document.pdf"));
  const auto text = fisc::read_published_text(
      "\xff\xfe\x00\x41", {.file = "utf16.txt", .year = std::nullopt, .kind = std::nullopt});
  REQUIRE_FALSE(text.has_value());
  CHECK(text.error().file == "utf16.txt");
}

TEST_CASE(
    "published: form feeds that start empty pages on one line put no place past the last page") {
  // Found by fisc_fuzz_layout: "1" is a figure left unread, and the two form feeds on its line
  // made that line the start of pages 2 and 3 where fewer were laid out.
  using namespace std::string_view_literals;
  const auto read = fisc::read_published_text(
      "1#\0\0\f\f"sv, {.file = "feeds.txt", .year = std::nullopt, .kind = std::nullopt});
  REQUIRE(read.has_value());
  REQUIRE_FALSE(read->skipped.empty());
  for (const fisc::SkippedFigure& s : read->skipped) {
    CHECK(s.page <= read->pages);
    CHECK((read->pages == 1 ? s.page == 0 : s.page >= 1));
  }
}
