// SPDX-License-Identifier: BSL-1.0
// The built-in pack on the bundled seed report: every inconsistency among its figures, and
// nothing else (examples/seed/README.md lists them with their places).
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "fisc/io/report_json.hpp"
#include "fisc/rules/builtin.hpp"

namespace {

struct Expected {
  std::string rule;
  unsigned line;
  unsigned column;
  std::vector<std::string> figures;  // as written; a derived figure ends in '*'
};

const fisc::Report& seed_report() {
  static const fisc::Report report = [] {
    const auto path =
        std::filesystem::path(FISC_SOURCE_DIR) / "examples/seed/miyi-organisation-2020.report.json";
    auto r = fisc::load_report_json(path);
    REQUIRE(r.has_value());
    return *r;
  }();
  return report;
}

std::vector<std::string> texts(const fisc::Finding& f) {
  std::vector<std::string> out;
  for (const auto& g : f.figures) out.push_back(g.text + (g.derived ? "*" : ""));
  return out;
}

}  // namespace

TEST_CASE("the built-in pack finds every inconsistency of the seed report and nothing else") {
  const fisc::Subject subject(seed_report());
  REQUIRE(subject.errors().empty());
  const auto result = fisc::run(fisc::builtin_pack(), subject);

  // Numbers refer to the list in examples/seed/README.md.
  const std::vector<Expected> expected{
      // 14: 3 affiliated units stated, 2 named.
      {"count.enumeration", 40, 76, {"3"}},
      // 15: 完成预算100% and, in the same sentence, 决算数与预算数不一致.
      {"claim.unlikely", 55, 166, {"100%"}},
      // 12: the per-class list under 一般公共预算 adds up to all funds' 950.84, above 745.99.
      {"sum.function", 77, 18, {"745.99", "611.15", "53.37", "28.13", "204.85", "6.5", "46.84"}},
      // 6: the 2019 figure of line 82 contradicts the change 326.85 from 745.99.
      {"change", 77, 63, {"326.85", "745.99", "950.84"}},
      // 3: 46.84 / 950.84 is 4.93% under any rounding.
      {"share", 80, 205, {"4.94%", "46.84", "950.84"}},
      // 6, 10: 2019 spending by fund exceeds the 2019 total derived from 950.84 and −122.
      {"sum.fund", 82, 17, {"1072.84*", "950.84", "204.85"}},
      // 6, 7: 950.84 labelled 2019 is the 2020 figure; its 165.33% contradicts 100%.
      {"year.mislabelled", 82, 17, {"950.84", "950.84", "1072.84*", "165.33%", "100%"}},
      // 2: 住房保障 46.84 and 46.83.
      {"fact.restated", 92, 16, {"46.84", "46.83"}},
      // 4: 534.27 ≠ 489.86 + 44.43.
      {"sum.basic", 96, 20, {"534.27", "489.86", "44.43"}},
      // 11: the implied 三公 budgets do not add up (visible only through intervals).
      {"implied_budget.three_public",
       103,
       32,
       {"3.95", "59.85%", "0", "0%", "3.36", "81.60%", "0.59", "23.32%"}},
      // 1: vehicles 3.36 and 3.37.
      {"fact.restated", 109, 18, {"3.36", "3.37"}},
      // 10: government-fund spending 增加 from 2019's 204.85 to 2020's 204.85.
      {"claim.unlikely", 122, 39, {"204.85", "204.85"}},
      // 5: 1.28% is 0.57 / 44.43, the wrong base.
      {"change_rate", 132, 52, {"1.28%", "44.43", "0.57"}},
      // 16: shares of a zero procurement total.
      {"rate.zero_base", 133, 101, {"0%", "0"}},
      {"rate.zero_base", 133, 131, {"0%", "0"}},
      // 17: the text reports the performance of 20 projects; 5 tables are published.
      {"perf.tables_reported", 146, 55, {"20"}},
      // 18, 19: in each of the five project tables every actual value copies its target, and
      // there is no cost indicator.
      {"perf.actual_copies_target", 156, 1, {}},
      {"perf.no_cost", 156, 1, {}},
      {"perf.actual_copies_target", 232, 2, {}},
      {"perf.no_cost", 232, 2, {}},
      {"perf.actual_copies_target", 309, 2, {}},
      {"perf.no_cost", 309, 2, {}},
      {"perf.actual_copies_target", 391, 2, {}},
      {"perf.no_cost", 391, 2, {}},
      {"perf.actual_copies_target", 470, 2, {}},
      {"perf.no_cost", 470, 2, {}},
      // 13: offices 10 and 11, and the lists differ by 组织三股.
      {"fact.restated", 582, 11, {"10", "11"}},
      {"enumeration.lists_differ", 582, 11, {"10", "11"}},
      // 14: the affiliated units are named differently, and stated as 3 and as 2.
      {"enumeration.lists_differ", 582, 78, {"3", "3"}},
      {"fact.restated", 605, 62, {"3", "2"}},
      // 8: 5,751,054.00 元 restates 950.84 万元 wrongly, twice.
      {"fact.unit_restated", 613, 12, {"950.84", "5,751,054.00"}},
      {"fact.unit_restated", 613, 32, {"950.84", "5,751,054.00"}},
  };

  REQUIRE(result.findings.size() == expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    const fisc::Finding& f = result.findings[i];
    CAPTURE(i);
    CAPTURE(f.message.en);
    CHECK(f.rule == expected[i].rule);
    REQUIRE(f.where.span.has_value());
    CHECK(f.where.span->line == expected[i].line);
    CHECK(f.where.span->column == expected[i].column);
    CHECK(f.where.file == "../shared/seed/000_2bdb4c08d10ba27e.txt");
    CHECK(texts(f) == expected[i].figures);
    CHECK(f.policy == "interval");
    CHECK(f.severity != fisc::Severity::ok);
  }
  // More than ten distinct defects.
  CHECK(expected.size() > 10);
}

TEST_CASE("the seed's figures that agree within rounding are checked and pass") {
  const fisc::Subject subject(seed_report());
  fisc::RunOptions options;
  options.keep_passed = true;
  const auto result =
      fisc::run(fisc::builtin_pack().only({"share", "change_rate", "sum"}), subject, options);
  const auto passed_with = [&](std::string_view rule, std::string_view figure) {
    return std::any_of(result.findings.begin(), result.findings.end(), [&](const auto& f) {
      return f.rule == rule && f.severity == fisc::Severity::ok &&
             std::any_of(f.figures.begin(), f.figures.end(),
                         [&](const auto& g) { return g.text == figure; });
    });
  };
  CHECK(passed_with("share", "85.10%"));
  CHECK(passed_with("share", "14.90%"));
  CHECK(passed_with("share", "64.27%"));
  CHECK(passed_with("change_rate", "11.64%"));
  CHECK(passed_with("change_rate", "11.37%"));
  CHECK(passed_with("change_rate", "30.47%"));
  CHECK(passed_with("change_rate", "80.84%"));
  CHECK(passed_with("sum.three_public", "3.95"));
  CHECK(passed_with("sum.breakdown", "0.22"));
  CHECK(passed_with("sum.three_public.reception", "0.59"));
  CHECK(passed_with("sum.breakdown", "38"));
  // None of them is raised.
  for (const auto& f : result.findings) {
    if (f.severity == fisc::Severity::ok) continue;
    for (const auto& g : f.figures) {
      CHECK_MESSAGE(g.text != "85.10%", f.message.en);
      CHECK_MESSAGE(g.text != "14.90%", f.message.en);
      CHECK_MESSAGE(g.text != "64.27%", f.message.en);
    }
  }
}

TEST_CASE("without passed checks listed, the same findings and the same counts of passed ones") {
  // The checks emit a passed outcome bare when it is not listed (Scope::passed_details).
  const fisc::Subject subject(seed_report());
  fisc::RunOptions listed;
  listed.keep_passed = true;
  const auto with = fisc::run(fisc::builtin_pack(), subject, listed);
  const auto without = fisc::run(fisc::builtin_pack(), subject, fisc::RunOptions{});
  CHECK(with.passed == without.passed);
  std::vector<fisc::Finding> failed;
  for (const auto& f : with.findings) {
    if (f.severity != fisc::Severity::ok) failed.push_back(f);
  }
  CHECK(failed.size() > 10);
  CHECK(failed == without.findings);
  const auto passed = static_cast<std::size_t>(
      std::count_if(with.findings.begin(), with.findings.end(),
                    [](const auto& f) { return f.severity == fisc::Severity::ok; }));
  std::size_t counted = 0;
  for (const auto& [rule, n] : without.passed) counted += n;
  CHECK(passed == counted);
}

TEST_CASE("every finding on the seed says what was expected where it computed a value") {
  const fisc::Subject subject(seed_report());
  const auto result = fisc::run(fisc::builtin_pack(), subject);
  for (const auto& f : result.findings) {
    CAPTURE(f.rule);
    if (f.rule == "share") {
      REQUIRE(f.expected.has_value());
      CHECK(f.expected->text == "4.93%");
      CHECK(f.message.zh.find("4.9256%–4.9268%") != std::string::npos);
    }
    if (f.rule == "sum.basic") {
      REQUIRE(f.expected.has_value());
      CHECK(f.expected->text == "534.29");
    }
    if (f.rule == "change_rate") {
      REQUIRE(f.expected.has_value());
      CHECK(f.expected->text == "1.30%");
      CHECK(f.message.en.find("the wrong base") != std::string::npos);
    }
    if (f.rule == "implied_budget.three_public") {
      CHECK(f.message.en.find("6.590–6.609") != std::string::npos);
      CHECK(f.message.en.find("≥ 6.619") != std::string::npos);
    }
  }
}
