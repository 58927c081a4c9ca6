// SPDX-License-Identifier: BSL-1.0
#include "fisc/classify/catalogue.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstddef>
#include <optional>
#include <span>
#include <sstream>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "fisc/classify/any_code.hpp"
#include "fisc/classify/economic_code.hpp"
#include "fisc/classify/function_code.hpp"
#include "fisc/classify/year_range.hpp"

using fisc::AnyCode;
using fisc::Catalogue;
using fisc::CodeIssue;
using fisc::CodeIssueKind;
using fisc::EconomicCode;
using fisc::FunctionCode;
using fisc::NameMatch;
using fisc::PrintedCode;
using fisc::Rename;
using fisc::YearRange;

namespace {

Catalogue load(std::string_view text) {
  auto loaded = Catalogue::load_csv(text, "test.csv");
  REQUIRE_MESSAGE(loaded.has_value(), (loaded ? std::string() : describe(loaded.error())));
  return std::move(*loaded);
}

bool contains(const std::vector<AnyCode>& codes, const AnyCode& code) {
  return std::find(codes.begin(), codes.end(), code) != codes.end();
}

}  // namespace

TEST_CASE("catalogue YearRange") {
  CHECK(YearRange::all().contains(1949));
  CHECK(YearRange::all().is_all());
  CHECK(YearRange::only(2020).contains(2020));
  CHECK_FALSE(YearRange::only(2020).contains(2021));
  CHECK(YearRange::since(2019).contains(2500));
  CHECK_FALSE(YearRange::since(2019).contains(2018));
  CHECK(YearRange::until(2018).contains(1990));
  CHECK(YearRange::between(2020, 2024).overlaps(YearRange::only(2024)));
  CHECK_FALSE(YearRange::between(2020, 2024).overlaps(YearRange::since(2025)));
  CHECK(YearRange::between(2021, 2020).empty());
  CHECK(to_string(YearRange::all()).empty());
  CHECK(to_string(YearRange::only(2020)) == "2020");
  CHECK(to_string(YearRange::between(2020, 2024)) == "2020-2024");
  CHECK(to_string(YearRange::since(2019)) == "2019-");
  CHECK(to_string(YearRange::until(2018)) == "-2018");
  std::ostringstream os;
  os << YearRange::all() << '/' << YearRange::since(2019);
  CHECK(os.str() == "all years/2019-");
}

TEST_CASE("catalogue normalised names") {
  CHECK(fisc::normalise_name("政府办公厅（室）及相关机构事务") == "政府办公厅(室)及相关机构事务");
  CHECK(fisc::normalise_name("\u3000行政 运行 \t") == "行政运行");
  CHECK(fisc::normalise_name("ＡＢＣ１２３［ｘ］") == "ABC123[x]");
  CHECK(fisc::normalise_name("维修\u00a0（护）费") == "维修(护)费");
  CHECK(fisc::normalise_name("a\xff"
                             "b") ==
        "a\xff"
        "b");
  CHECK(fisc::same_name("因公出国(境)费用", " 因公出国（境）费用"));
  CHECK_FALSE(fisc::same_name("行政运行", "事业运行"));
}

TEST_CASE("catalogue built-in edition: partial, and what it holds") {
  const Catalogue& c = Catalogue::builtin();
  CHECK(c.is_partial());
  CHECK(c.source() == "fisc built-in (partial)");
  CHECK(&c == &Catalogue::builtin());

  std::size_t classes = 0;
  std::size_t sections = 0;
  std::size_t items = 0;
  std::size_t department = 0;
  std::size_t government = 0;
  std::vector<AnyCode> codes;
  for (const auto& e : c.entries()) {
    if (!codes.empty() && codes.back() == e.code) continue;
    codes.push_back(e.code);
    if (const auto* f = std::get_if<FunctionCode>(&e.code)) {
      classes += f->level() == fisc::CodeLevel::class_ ? 1 : 0;
      sections += f->level() == fisc::CodeLevel::section ? 1 : 0;
      items += f->level() == fisc::CodeLevel::item ? 1 : 0;
    } else {
      const auto scheme = std::get<EconomicCode>(e.code).scheme();
      department += scheme == fisc::EconomicScheme::department ? 1 : 0;
      government += scheme == fisc::EconomicScheme::government ? 1 : 0;
    }
  }
  CHECK(classes == 30);
  CHECK(sections == 37);
  CHECK(items == 78);
  CHECK(department == 71);
  CHECK(government == 32);
  CHECK(c.size() == 253);
  CHECK(std::is_sorted(codes.begin(), codes.end()));

  // Every 款 and 项 of the edition has its parent in it.
  for (const AnyCode& code : codes) {
    CAPTURE(code);
    if (const auto* f = std::get_if<FunctionCode>(&code)) {
      if (f->parent()) CHECK(c.is_known(*f->parent(), 2024));
    } else if (const auto parent = std::get<EconomicCode>(code).parent()) {
      CHECK(c.is_known(*parent, 2024));
    }
  }
}

TEST_CASE("catalogue lookups by code and year") {
  const Catalogue& c = Catalogue::builtin();
  CHECK(c.name(FunctionCode{201}, 2020) == "一般公共服务支出");
  CHECK(c.name(FunctionCode{2013201}, 2024) == "行政运行");
  CHECK(c.name(FunctionCode{210}, 2016) == "医疗卫生与计划生育支出");
  CHECK(c.name(FunctionCode{210}, 2018) == "医疗卫生与计划生育支出");
  CHECK(c.name(FunctionCode{210}, 2019) == "卫生健康支出");
  CHECK(c.name(FunctionCode{210}, 2025) == "卫生健康支出");
  CHECK(c.name(FunctionCode{20805}, 2020) == "行政事业单位离退休");
  CHECK(c.name(FunctionCode{20805}, 2021) == "行政事业单位养老支出");
  CHECK(c.name(EconomicCode{30101}, 2024) == "基本工资");
  CHECK(c.name(EconomicCode{50101}, 2020) == "工资奖金津补贴");
  CHECK(c.name(EconomicCode{30212}, 2024) == "因公出国（境）费用");
  CHECK(c.name(FunctionCode{2999999}, 2020) == std::nullopt);

  CHECK(c.is_known(FunctionCode{234}, 2020));
  CHECK_FALSE(c.is_known(FunctionCode{234}, 2019));
  CHECK_FALSE(c.is_known(FunctionCode{234}, 2021));
  CHECK(c.is_known(AnyCode{EconomicCode{599}}, 2020));
  CHECK(c.is_known(FunctionCode{20132}, 2020));

  CHECK(c.history(FunctionCode{210}).size() == 2);
  CHECK(c.history(FunctionCode{201}).size() == 1);
  CHECK(c.history(FunctionCode{2999999}).empty());
  REQUIRE(c.entry(FunctionCode{2013201}, 2020) != nullptr);
  CHECK_FALSE(c.entry(FunctionCode{2013201}, 2020)->verified);  // domain knowledge only
  CHECK(c.entry(FunctionCode{2013202}, 2020)->verified);
  CHECK(c.entry(FunctionCode{210}, 2018)->years == YearRange::until(2018));
  CHECK(c.entry(FunctionCode{210}, 2019)->years == YearRange::since(2019));
}

TEST_CASE("catalogue lookups by name") {
  const Catalogue& c = Catalogue::builtin();
  CHECK(c.find_by_name("卫生健康支出", 2020) == std::vector<AnyCode>{FunctionCode{210}});
  CHECK(c.find_by_name("卫生健康支出", 2018).empty());
  CHECK(c.find_by_name("医疗卫生与计划生育支出", 2018) == std::vector<AnyCode>{FunctionCode{210}});
  CHECK(c.find_by_name("基本工资", 2024) == std::vector<AnyCode>{EconomicCode{30101}});

  const auto running = c.find_by_name("行政运行", 2024);
  CHECK(running.size() == 7);
  CHECK(contains(running, FunctionCode{2010301}));
  CHECK(contains(running, FunctionCode{2120101}));
  CHECK(contains(running, FunctionCode{2013201}));
  CHECK(contains(running, FunctionCode{2040601}));
  CHECK(std::is_sorted(running.begin(), running.end()));

  // Half-width brackets and surrounding spaces find the name only when normalised.
  CHECK(c.find_by_name("政府办公厅(室)及相关机构事务", 2024).empty());
  CHECK(c.find_by_name("政府办公厅(室)及相关机构事务", 2024, NameMatch::normalised) ==
        std::vector<AnyCode>{FunctionCode{20103}});
  CHECK(c.find_by_name(" 政府办公厅（室）及相关机构事务\u3000", 2024, NameMatch::normalised) ==
        std::vector<AnyCode>{FunctionCode{20103}});
  CHECK(c.find_by_name("政府办公厅（室）及相关机构事务", 2024) ==
        std::vector<AnyCode>{FunctionCode{20103}});
  // 工资福利支出 is both 301 and the 款 50501.
  CHECK(c.find_by_name("工资福利支出", 2020) ==
        std::vector<AnyCode>{EconomicCode{301}, EconomicCode{50501}});
}

TEST_CASE("catalogue renames in the built-in edition") {
  const auto renames = Catalogue::builtin().renames();
  const std::vector<Rename> expected{
      {FunctionCode{207}, "文化体育与传媒支出", "文化旅游体育与传媒支出", 2019},
      {FunctionCode{20805}, "行政事业单位离退休", "行政事业单位养老支出", 2021},
      {FunctionCode{2080599}, "其他行政事业单位离退休支出", "其他行政事业单位养老支出", 2021},
      {FunctionCode{210}, "医疗卫生与计划生育支出", "卫生健康支出", 2019},
      {FunctionCode{220}, "国土海洋气象等支出", "自然资源海洋气象等支出", 2019},
  };
  CHECK(renames == expected);
}

TEST_CASE("catalogue renames of a loaded edition") {
  const Catalogue c = load(
      "code,name,year\n"
      "30213,维修(护)费,-2019\n"
      "30213,维修（护）费,2020-\n"
      "31007,信息网络购建,-2017\n"
      "31007,信息网络及软件购置更新,2018-\n"
      "30199,其他工资福利支出,2018\n"
      "30199,其他工资福利支出,2020\n");
  // A change of bracket width is not a rename; a gap between two equal names is not either.
  CHECK(c.renames() ==
        std::vector<Rename>{{EconomicCode{31007}, "信息网络购建", "信息网络及软件购置更新", 2018}});
  CHECK(c.name(EconomicCode{30213}, 2019) == "维修(护)费");
  CHECK(c.name(EconomicCode{30213}, 2020) == "维修（护）费");
  CHECK(c.name(EconomicCode{30199}, 2019) == std::nullopt);
}

TEST_CASE("catalogue detects unknown codes and mismatched names") {
  const Catalogue& c = Catalogue::builtin();
  const std::vector<PrintedCode> printed{
      {FunctionCode{2013201}, "行政运行"},                    // 0: fine
      {FunctionCode{20103}, "政府办公厅(室)及相关机构事务"},  // 1: fine once normalised
      {FunctionCode{201}, ""},                                // 2: no name printed
      {FunctionCode{2999999}, "其他支出"},                    // 3: unknown
      {FunctionCode{234}, "抗疫特别国债安排的支出"},          // 4: not in force in 2022
      {FunctionCode{210}, "医疗卫生与计划生育支出"},          // 5: the pre-2019 name
      {FunctionCode{20132}, "组织工作"},                      // 6: another name
      {EconomicCode{30101}, "基本工资"},                      // 7: fine
      {EconomicCode{30102}, "津贴"},                          // 8: another name
  };
  const auto issues = c.check_codes(printed, 2022);
  REQUIRE(issues.size() == 5);

  CHECK(issues[0] == CodeIssue{CodeIssueKind::unknown_code, 3, FunctionCode{2999999}, "其他支出",
                               "", YearRange::all(), true});
  CHECK(issues[1] == CodeIssue{CodeIssueKind::not_in_force, 4, FunctionCode{234},
                               "抗疫特别国债安排的支出", "", YearRange::only(2020), false});
  CHECK(issues[2] == CodeIssue{CodeIssueKind::name_of_other_year, 5, FunctionCode{210},
                               "医疗卫生与计划生育支出", "卫生健康支出", YearRange::until(2018),
                               false});
  CHECK(issues[3] == CodeIssue{CodeIssueKind::name_differs, 6, FunctionCode{20132}, "组织工作",
                               "组织事务", YearRange::all(), true});
  CHECK(issues[4].kind == CodeIssueKind::name_differs);
  CHECK(issues[4].index == 8);
  CHECK(issues[4].catalogue_name == "津贴补贴");

  // The same codes in 2020: 234 is in force, and its name is right.
  const auto in_2020 = c.check_codes(std::span(printed).subspan(4, 1), 2020);
  CHECK(in_2020.empty());
  CHECK(c.check_codes({}, 2020).empty());
  std::ostringstream os;
  os << CodeIssueKind::name_of_other_year;
  CHECK(os.str() == "name of another year");
}

TEST_CASE("catalogue merge: a user edition over the built-in one") {
  const Catalogue user = load(
      "code,name,year\n"
      "20805,行政事业单位养老支出,2020-\n"
      "2013208,组织专项业务,\n"
      "201,一般公共服务,2030\n");
  const Catalogue merged = Catalogue::merge(Catalogue::builtin(), user);
  CHECK_FALSE(merged.is_partial());
  CHECK(merged.source() == "test.csv over fisc built-in (partial)");

  CHECK(merged.name(FunctionCode{20805}, 2019) == "行政事业单位离退休");    // from the base
  CHECK(merged.name(FunctionCode{20805}, 2020) == "行政事业单位养老支出");  // the user's
  CHECK(merged.name(FunctionCode{20805}, 2030) == "行政事业单位养老支出");
  CHECK(merged.name(FunctionCode{2013208}, 2020) == "组织专项业务");
  CHECK(merged.name(FunctionCode{210}, 2018) == "医疗卫生与计划生育支出");
  // A user name for one year splits the base's range around it.
  CHECK(merged.name(FunctionCode{201}, 2029) == "一般公共服务支出");
  CHECK(merged.name(FunctionCode{201}, 2030) == "一般公共服务");
  CHECK(merged.name(FunctionCode{201}, 2031) == "一般公共服务支出");

  const auto renames = merged.renames();
  CHECK(std::find(renames.begin(), renames.end(),
                  Rename{FunctionCode{20805}, "行政事业单位离退休", "行政事业单位养老支出",
                         2020}) != renames.end());
  CHECK(std::count_if(renames.begin(), renames.end(),
                      [](const Rename& r) { return r.code == AnyCode{FunctionCode{201}}; }) == 2);
  CHECK(merged.size() == Catalogue::builtin().size() + 3);

  const Catalogue both_partial = Catalogue::merge(Catalogue::builtin(), Catalogue{});
  CHECK(both_partial.is_partial());
  CHECK(both_partial.entries().size() == Catalogue::builtin().size());
  CHECK(both_partial.source() == "fisc built-in (partial)");
  CHECK(Catalogue{}.is_partial());
  CHECK(Catalogue{}.empty());
}
