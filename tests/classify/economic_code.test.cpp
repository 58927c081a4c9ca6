// SPDX-License-Identifier: BSL-1.0
#include "fisc/classify/economic_code.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <optional>
#include <sstream>
#include <unordered_set>
#include <vector>

#include "fisc/classify/catalogue.hpp"
#include "fisc/classify/code_error.hpp"
#include "fisc/classify/code_level.hpp"
#include "fisc/classify/crosswalk.hpp"

using fisc::CodeErrc;
using fisc::CodeLevel;
using fisc::EconomicCode;
using fisc::EconomicScheme;

TEST_CASE("EconomicCode: schemes, levels and parents") {
  const EconomicCode wages{30101};
  CHECK(wages.scheme() == EconomicScheme::department);
  CHECK(wages.level() == CodeLevel::section);
  CHECK(wages.value() == 30101);
  CHECK(wages.class_part() == 301);
  CHECK(wages.section_part() == 1);
  CHECK(wages.parent() == EconomicCode{301});
  CHECK(wages.class_code() == EconomicCode{301});
  CHECK(EconomicCode{301}.parent() == std::nullopt);
  CHECK(EconomicCode{301}.section_part() == 0);
  CHECK(EconomicCode{50101}.scheme() == EconomicScheme::government);
  CHECK(EconomicCode{599}.scheme() == EconomicScheme::government);
  CHECK(EconomicCode{399}.scheme() == EconomicScheme::department);

  CHECK(EconomicCode{301}.is_ancestor_of(wages));
  CHECK_FALSE(wages.is_ancestor_of(wages));
  CHECK_FALSE(EconomicCode{302}.is_ancestor_of(wages));
  CHECK_FALSE(wages.is_ancestor_of(EconomicCode{301}));
  CHECK_FALSE(EconomicCode{301}.is_ancestor_of(EconomicCode{301}));

  CHECK(EconomicCode::make(300).error() == CodeErrc::class_out_of_range);
  CHECK(EconomicCode::make(400).error() == CodeErrc::class_out_of_range);
  CHECK(EconomicCode::make(500).error() == CodeErrc::class_out_of_range);
  CHECK(EconomicCode::make(201).error() == CodeErrc::class_out_of_range);
  CHECK(EconomicCode::make(30100).error() == CodeErrc::zero_group);
  CHECK(EconomicCode::make(3010101).error() == CodeErrc::wrong_digit_count);
  CHECK(EconomicCode::make(3010).error() == CodeErrc::wrong_digit_count);
  CHECK_THROWS_AS(EconomicCode{"301.01"}, fisc::InvalidCode);
}

TEST_CASE("EconomicCode: ordering, hash and text") {
  std::vector<EconomicCode> codes{EconomicCode{50101}, EconomicCode{30201}, EconomicCode{301},
                                  EconomicCode{30199}, EconomicCode{501},   EconomicCode{30101}};
  std::sort(codes.begin(), codes.end());
  const std::vector<EconomicCode> expected{EconomicCode{301},   EconomicCode{30101},
                                           EconomicCode{30199}, EconomicCode{30201},
                                           EconomicCode{501},   EconomicCode{50101}};
  CHECK(codes == expected);
  const std::unordered_set<EconomicCode> set{EconomicCode{301}, EconomicCode{"301"},
                                             EconomicCode{30101}};
  CHECK(set.size() == 2);
  CHECK(to_string(EconomicCode{30101}) == "30101");
  CHECK(to_string(EconomicCode{30101}, "-") == "301-01");
  CHECK(to_string(EconomicCode{302}, " ") == "302");
  std::ostringstream os;
  os << EconomicCode{50209} << ' ' << EconomicScheme::government;
  CHECK(os.str() == "50209 government");
}

TEST_CASE("EconomicCode crosswalk: government to department") {
  const auto salaries = fisc::department_codes_for(EconomicCode{50101});
  const std::vector<EconomicCode> expected{EconomicCode{30101}, EconomicCode{30102},
                                           EconomicCode{30103}};
  CHECK(std::vector<EconomicCode>(salaries.begin(), salaries.end()) == expected);
  CHECK(fisc::crosswalk_entry(EconomicCode{50101})->complete);
  CHECK(fisc::crosswalk_entry(EconomicCode{50101})->verified);

  // The source truncated the list of 50201 办公经费.
  CHECK(fisc::department_codes_for(EconomicCode{50201}).size() == 14);
  CHECK_FALSE(fisc::crosswalk_entry(EconomicCode{50201})->complete);

  const auto whole_class = fisc::crosswalk_entry(EconomicCode{501});
  REQUIRE(whole_class);
  REQUIRE(whole_class->department.size() == 1);
  CHECK(whole_class->department[0] == EconomicCode{301});
  CHECK(whole_class->note == "机关");

  // Known government codes the source maps to nothing, and codes outside the table.
  CHECK(fisc::department_codes_for(EconomicCode{50205}).empty());
  CHECK_FALSE(fisc::crosswalk_entry(EconomicCode{50205})->verified);
  CHECK(fisc::department_codes_for(EconomicCode{30101}).empty());
  CHECK_FALSE(fisc::crosswalk_entry(EconomicCode{30101}).has_value());
  CHECK_FALSE(fisc::crosswalk_entry(EconomicCode{598}).has_value());
}

TEST_CASE("EconomicCode crosswalk: department to government") {
  CHECK(fisc::government_code_for(EconomicCode{30113}) == EconomicCode{50103});
  CHECK(fisc::government_code_for(EconomicCode{30108}) == EconomicCode{50102});
  CHECK(fisc::government_code_for(EconomicCode{30215}) == EconomicCode{50202});
  CHECK(fisc::government_code_for(EconomicCode{30231}) == EconomicCode{50208});
  CHECK(fisc::government_code_for(EconomicCode{301}) == EconomicCode{501});
  CHECK(fisc::government_code_for(EconomicCode{303}) == EconomicCode{509});
  CHECK(fisc::government_code_for(EconomicCode{30107}) == std::nullopt);  // not in the source
  CHECK(fisc::government_code_for(EconomicCode{50101}) == std::nullopt);  // not a 部门 code
}

TEST_CASE("EconomicCode crosswalk: the table is ordered and its codes are catalogued") {
  const auto rows = fisc::crosswalk();
  CHECK(rows.size() == 32);
  CHECK(std::is_sorted(rows.begin(), rows.end(),
                       [](const auto& a, const auto& b) { return a.government < b.government; }));
  const auto& catalogue = fisc::Catalogue::builtin();
  for (const auto& row : rows) {
    CAPTURE(row.government);
    CHECK(row.government.scheme() == EconomicScheme::government);
    CHECK(catalogue.is_known(row.government, 2020));
    for (const EconomicCode dept : row.department) {
      CAPTURE(dept);
      CHECK(dept.scheme() == EconomicScheme::department);
      CHECK(catalogue.is_known(dept, 2020));
    }
  }
}

static_assert(EconomicCode{"301 01"}.parent() == EconomicCode{301});
static_assert(EconomicCode{50101}.scheme() == EconomicScheme::government);
