// SPDX-License-Identifier: BSL-1.0
// claim.contradicted and claim.unlikely: statements without a figure against the figures.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "fisc/io/report_json.hpp"
#include "fisc/rules/builtin.hpp"

namespace {

std::string fact(const std::string& concept_id, const std::string& value, unsigned line,
                 const std::string& more = "") {
  return R"({"concept": ")" + concept_id + R"(", "value": ")" + value + R"(", )" + more +
         R"( "source": {"span": {"line": )" + std::to_string(line) + R"(, "column": 1}}})";
}

std::string claim(const std::string& concept_id, const std::string& kind, const std::string& more) {
  return R"({"concept": ")" + concept_id + R"(", "claim": ")" + kind + R"(", )" + more +
         R"( "text": "说法", "source": {"span": {"line": 99, "column": 3, "length": 2}}})";
}

struct Result {
  std::vector<fisc::Finding> failed;
  std::size_t passed = 0;
};

Result check(const std::string& statements, const std::string& claims, std::string_view rule) {
  const std::string text =
      R"({"fisc_report": 1, "kind": "final_accounts", "year": 2020, "department": {"name": "x"},
"statements": [)" +
      statements + R"(], "claims": [)" + claims + "]}";
  auto report = fisc::read_report_json(text, "c.json");
  REQUIRE_MESSAGE(report.has_value(), (report ? std::string() : describe(report.error())));
  const fisc::Subject subject(*report);
  const auto found = fisc::run(fisc::builtin_pack().only({rule}), subject);
  Result r;
  r.failed = found.findings;
  for (const auto& [id, n] : found.passed) r.passed += n;
  return r;
}

std::string now_and_prior(const std::string& now, const std::string& prior) {
  return fact("income.total", now, 1) + "," + fact("income.total", prior, 2, R"("year": 2019,)");
}

}  // namespace

TEST_CASE("claims of a change against this year's and the prior year's figures") {
  const std::string increased = claim("income.total", "increased", R"("prior_year": 2019,)");
  const std::string decreased = claim("income.total", "decreased", R"("prior_year": 2019,)");
  const std::string unchanged = claim("income.total", "unchanged", R"("prior_year": 2019,)");

  SUBCASE("a claim that fits passes both rules") {
    for (const char* rule : {"claim.contradicted", "claim.unlikely"}) {
      auto r = check(now_and_prior("10.00", "9.00"), increased, rule);
      CHECK(r.failed.empty());
      CHECK(r.passed == 1);
      r = check(now_and_prior("10.00", "10.00"), unchanged, rule);
      CHECK(r.failed.empty());
    }
  }
  SUBCASE("增加 while the figures fell is contradicted") {
    const auto r = check(now_and_prior("9.00", "10.00"), increased, "claim.contradicted");
    REQUIRE(r.failed.size() == 1);
    const auto& f = r.failed[0];
    CHECK(f.rule == "claim.contradicted");
    CHECK(f.severity == fisc::Severity::error);
    CHECK(f.where.span->line == 99);
    CHECK(f.where.span->column == 3);
    REQUIRE(f.figures.size() == 2);
    CHECK(f.figures[0].text == "9.00");
    CHECK(f.figures[1].text == "10.00");
    CHECK(f.message.en.find("contradicts") != std::string::npos);
    // claim.unlikely leaves it to claim.contradicted.
    CHECK(check(now_and_prior("9.00", "10.00"), increased, "claim.unlikely").failed.empty());
  }
  SUBCASE("增加 between two equal figures holds only within rounding") {
    auto r = check(now_and_prior("204.85", "204.85"), increased, "claim.contradicted");
    CHECK(r.failed.empty());
    r = check(now_and_prior("204.85", "204.85"), increased, "claim.unlikely");
    REQUIRE(r.failed.size() == 1);
    CHECK(r.failed[0].severity == fisc::Severity::warning);
    CHECK(r.failed[0].message.zh.find("仅在舍入范围内") != std::string::npos);
    // Exact figures leave no room: contradicted.
    const std::string exact =
        fact("income.total", "204.85", 1, R"("reading": "exact",)") + "," +
        fact("income.total", "204.85", 2, R"("year": 2019, "reading": "exact",)");
    r = check(exact, increased, "claim.contradicted");
    CHECK(r.failed.size() == 1);
  }
  SUBCASE("持平 against a stated change") {
    const std::string with_change =
        fact("income.total", "10.00", 1) + "," +
        fact("income.total", "0.50", 2,
             R"("measure": "change", "prior_year": 2019, "direction": "decrease",)");
    auto r = check(with_change, unchanged, "claim.contradicted");
    REQUIRE(r.failed.size() == 1);
    CHECK(r.failed[0].figures[0].text == "0.50");
    r = check(with_change, decreased, "claim.contradicted");
    CHECK(r.failed.empty());
    CHECK(r.passed == 1);
  }
  SUBCASE("减少 against a prior-year value derived from the change") {
    const std::string derived =
        fact("income.total", "10.00", 1) + "," +
        fact("income.total", "2.00", 2, R"("measure": "change", "prior_year": 2019,)");
    // No prior-year figure is stated; the change itself says it rose.
    const auto r = check(derived, decreased, "claim.contradicted");
    REQUIRE(r.failed.size() == 1);
  }
  SUBCASE("a claim without figures to compare is not checked") {
    const auto r = check(fact("income.total", "10.00", 1), unchanged, "claim.contradicted");
    CHECK(r.failed.empty());
    CHECK(r.passed == 0);
  }
}

TEST_CASE("claims about the budget against a completion rate or a stated budget") {
  const std::string differs = claim("income.total", "differs_from_budget", "");
  const std::string equals = claim("income.total", "equals_budget", "");
  const std::string rate = fact("income.total", "10.00", 1) + "," +
                           fact("income.total", "100%", 2, R"("measure": "completion_rate",)");

  SUBCASE("完成预算100% with 决算数与预算数不一致: within rounding only") {
    auto r = check(rate, differs, "claim.unlikely");
    REQUIRE(r.failed.size() == 1);
    CHECK(r.failed[0].figures[0].text == "100%");
    r = check(rate, differs, "claim.contradicted");
    CHECK(r.failed.empty());
    r = check(rate, equals, "claim.unlikely");
    CHECK(r.failed.empty());
  }
  SUBCASE("an exact 100% rules the difference out") {
    const std::string exact =
        fact("income.total", "10.00", 1) + "," +
        fact("income.total", "100", 2, R"("measure": "completion_rate", "unit": "percent",
             "reading": "exact",)");
    const auto r = check(exact, differs, "claim.contradicted");
    REQUIRE(r.failed.size() == 1);
  }
  SUBCASE("与预算一致 against a budget that differs") {
    const std::string budget = fact("income.total", "10.00", 1) + "," +
                               fact("income.total", "12.00", 2, R"("scenario": "budget",)");
    auto r = check(budget, equals, "claim.contradicted");
    REQUIRE(r.failed.size() == 1);
    CHECK(r.failed[0].figures.size() == 2);
    r = check(budget, differs, "claim.contradicted");
    CHECK(r.failed.empty());
    CHECK(r.passed == 1);
  }
}
