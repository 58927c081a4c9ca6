// SPDX-License-Identifier: BSL-1.0
// The narrative reader and the built-in pack on six texts written in the wording of published
// 决算说明 / 预算说明 of other departments and templates (tests/narrative/texts/README.md: their
// sources and the errors planted in each): what fisc finds in each, and nothing on what holds.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <tuple>
#include <vector>

#include "fisc/narrative/reader.hpp"
#include "fisc/rules/builtin.hpp"

namespace {

using Found = std::vector<std::tuple<std::string, unsigned, unsigned>>;

Found findings_of(const std::string& name) {
  const auto path = std::filesystem::path(FISC_SOURCE_DIR) / "tests/narrative/texts" / name;
  auto read = fisc::load_narrative(path);
  REQUIRE(read.has_value());
  const fisc::Subject subject(read->report);
  REQUIRE(subject.errors().empty());
  Found got;
  for (const auto& f : fisc::run(fisc::builtin_pack(), subject).findings) {
    got.emplace_back(f.rule, f.where.span ? f.where.span->line : 0,
                     f.where.span ? f.where.span->column : 0);
  }
  return got;
}

}  // namespace

// Numbers refer to each text's list of planted errors in the README.

TEST_CASE("narrative texts: central template, 2023 决算 of an archives department") {
  const Found expected{
      {"change_rate", 4, 57},       // 1: 8.08% for 8.80%
      {"sum.function", 17, 19},     // 3: the 类 list adds to 36690.08
      {"share", 20, 92},            // 3: 5.75% is the share of 2105.37, not 2150.37
      {"completion_rate", 24, 67},  // 2: 106.10% for 106.01%, 项 of a 款 the catalogue lacks
      {"change_rate", 53, 47},      // 4: 87.16 does not fit 6.95%
      {"share", 55, 114},           // 5: 77.50% for 77.05%
  };
  CHECK(findings_of("central-2023-final-archives.txt") == expected);
}

TEST_CASE("narrative texts: Zhejiang district, thousands separators and dropped zeros") {
  const Found expected{
      {"count.enumeration", 5, 61},  // 3: 内设机构6个, five listed
      {"share", 27, 123},            // 1: 6.3% for 3.6%
      {"sum.three_public", 44, 38},  // 4: 0 + 15.62 + 8.26 = 23.88, not 24.18
      {"fact.restated", 63, 26},     // 2: 项目支出 2297.77 and 2,279.77
  };
  CHECK(findings_of("zhejiang-qiantang-2021-final-approval-bureau.txt") == expected);
}

TEST_CASE("narrative texts: Hunan town, full-width figures") {
  // Planted error 1, the 2021 fund spending labelled 2020 (46:44), is not found: nothing else in
  // the text states the fund's 2020 spending or its change, so no figure contradicts it.
  const Found expected{
      {"sum.income", 7, 13},                    // 2: the parts add to 2702.51
      {"share", 7, 176},                        // 2: 5.44% is 146.15's share
      {"change", 17, 80},                       // 3: 2156.40 − 1894.25 = 262.15
      {"change_rate", 17, 91},                  // 3: 13.84% fits 262.15
      {"implied_budget.three_public", 39, 48},  // 4: the parts' budgets exceed the total's
      {"rate.zero_base", 39, 89},               // 完成预算0% of a zero budget: undefined
      {"completion_rate", 39, 177},             // 4: 63.33% for 69.33%
  };
  CHECK(findings_of("hunan-shaodong-2021-final-town-government.txt") == expected);
}

TEST_CASE("narrative texts: Guangdong city, page numbers, a running title and image garbage") {
  // Planted error 4, 共有车辆4辆 with 1 + 2 listed (56:22), is not a finding: a text's 其中 may
  // name some uses only, so its parts may add up to less than the total (sum.breakdown).
  const Found expected{
      {"change_rate", 12, 60},    // 2: 9.40% for 9.04%
      {"sum.basic", 33, 21},      // 1: 752.40 + 112.87 = 865.27
      {"fact.restated", 42, 19},  // 3: 三公 15.84 and 15.48
  };
  CHECK(findings_of("guangdong-zhanjiang-2021-final-service-center.txt") == expected);
}

TEST_CASE("narrative texts: Xinjiang city, 三公 in 元 and the rest in 万元") {
  const Found expected{
      {"sum.fund", 9, 29},             // 3: 基本支出 318.45 here, 381.45 in 六
      {"change", 14, 52},              // 2: the 2022 figure of 五（三） is 2023's
      {"share", 16, 80},               // 4: 7.47% for 7.74%
      {"year.mislabelled", 18, 38},    // 2: 2022年度 on the 2023 figure 434.16
      {"sum.basic", 27, 21},           // 3: 285.77 + 32.68 = 318.45
      {"fact.unit_restated", 36, 10},  // 1: 3,190.00元 against 0.39万元
  };
  CHECK(findings_of("xinjiang-urumqi-2023-final-government-service-center.txt") == expected);
}

TEST_CASE("narrative texts: Chongqing town, a 部门预算") {
  // Planted error 2, 增加181.57 where 2,418.65 − 2,236.9 = 181.75 (9:49), compares this year's
  // budget with last year's 执行数: two scenarios, which a fact does not join, so the reader
  // skips the change (docs/narrative.md).
  const Found expected{
      {"sum.function", 5, 10},        // 1: the 类 list adds to 2872.40
      {"change_rate", 16, 62},        // 3: 3.83% is the change over this year's figure
      {"count.enumeration", 43, 20},  // 4: 项目7个, six named
  };
  CHECK(findings_of("chongqing-fuling-2024-budget-town-government.txt") == expected);
}
