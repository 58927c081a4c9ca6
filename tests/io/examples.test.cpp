// SPDX-License-Identifier: BSL-1.0
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "fisc/accounts/report.hpp"
#include "fisc/io/report_json.hpp"

// Every example report in the repository loads, makes only valid facts, and survives a write and
// a read unchanged. Until the examples exist there is nothing to check.
TEST_CASE("report json: every examples/**/*.report.json loads and round-trips") {
  const std::filesystem::path root = std::filesystem::path(FISC_SOURCE_DIR) / "examples";
  std::vector<std::filesystem::path> reports;
  if (std::filesystem::is_directory(root)) {
    for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
      const std::string name = entry.path().filename().string();
      if (entry.is_regular_file() && name.size() > 12 && name.ends_with(".report.json")) {
        reports.push_back(entry.path());
      }
    }
  }
  std::sort(reports.begin(), reports.end());
  if (reports.empty()) {
    MESSAGE("no examples/**/*.report.json yet: nothing to check");
    return;
  }
  for (const auto& path : reports) {
    CAPTURE(path.string());
    const auto report = fisc::load_report_json(path);
    if (!report) {
      FAIL_CHECK(describe(report.error()));
      continue;
    }
    CHECK(fisc::collect_facts(*report).errors.empty());
    const auto again = fisc::read_report_json(fisc::write_report_json(*report), path.string());
    REQUIRE(again.has_value());
    CHECK(*again == *report);
  }
}
