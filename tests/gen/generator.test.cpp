// SPDX-License-Identifier: BSL-1.0
// The report generator (tools/gen): deterministic, loads back, clean reports give no finding,
// and every injected error is found by the built-in pack at its place, with no other finding.
#include <doctest/doctest.h>

#if defined(FISC_GEN_TESTS)

#include <cstddef>
#include <cstdint>
#include <map>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "fisc/io/report_json.hpp"
#include "fisc/rules/builtin.hpp"
#include "fisc/rules/pack.hpp"
#include "fisc/rules/subject.hpp"
#include "generator.hpp"

namespace {

using fisc::gen::GeneratedReport;
using fisc::gen::GenOptions;
using fisc::gen::InjectedError;

const fisc::Pack& pack() {
  static const fisc::Pack p = fisc::builtin_pack();
  return p;
}

GenOptions clean() { return GenOptions{.error_rate_ppm = 0, .kinds = {}, .year = 2020}; }

GenOptions one_of(std::string_view kind) {
  return GenOptions{.error_rate_ppm = 1000000, .kinds = {std::string(kind)}, .year = 2020};
}

std::vector<fisc::Finding> failures(const fisc::Report& report) {
  const fisc::Subject subject(report);
  REQUIRE(subject.errors().empty());
  const fisc::InputFindings found = fisc::run(pack(), subject);
  std::vector<fisc::Finding> out;
  for (const fisc::Finding& f : found.findings) {
    if (f.severity != fisc::Severity::ok) out.push_back(f);
  }
  return out;
}

// A finding's place as the truth gives it: line and column, or table, row and column.
std::string place(const fisc::Source& s) {
  if (s.span) return std::to_string(s.span->line) + ":" + std::to_string(s.span->column);
  if (s.cell) return s.cell->table + " / " + s.cell->row + " / " + s.cell->column;
  return "?";
}

std::string listed(const std::vector<fisc::Finding>& found) {
  std::string out;
  for (const fisc::Finding& f : found) {
    out += f.rule + " @ " + place(f.where) + ": " + f.message.zh + "\n";
  }
  return out;
}

// The findings are exactly the injected errors: same rules at the same places.
void found_exactly(std::uint64_t seed, const GeneratedReport& g) {
  const std::vector<fisc::Finding> found = failures(g.report);
  std::multiset<std::string> expected;
  for (const InjectedError& e : g.errors) expected.insert(e.rule + " @ " + place(e.where));
  std::multiset<std::string> actual;
  for (const fisc::Finding& f : found) actual.insert(f.rule + " @ " + place(f.where));
  INFO("seed " << seed << (g.errors.empty() ? " (clean)" : " kind " + g.errors.front().kind));
  INFO(listed(found));
  CHECK(actual == expected);
}

}  // namespace

TEST_CASE("gen: the same seed gives the same bytes, another seed another report") {
  const GenOptions some = GenOptions{.error_rate_ppm = 500000, .kinds = {}, .year = 2020};
  for (const std::uint64_t seed : {1U, 2U, 12345U}) {
    const std::string a = fisc::write_report_json(fisc::gen::generate(seed, some).report);
    const std::string b = fisc::write_report_json(fisc::gen::generate(seed, some).report);
    CHECK(a == b);
    CHECK(fisc::gen::write_truth_json(seed, fisc::gen::generate(seed, some)) ==
          fisc::gen::write_truth_json(seed, fisc::gen::generate(seed, some)));
    const std::string c = fisc::write_report_json(fisc::gen::generate(seed + 1, some).report);
    CHECK(a != c);
  }
}

TEST_CASE("gen: a typical report is 50–300 KB and loads back equal") {
  for (std::uint64_t seed = 1; seed <= 12; ++seed) {
    const GeneratedReport g =
        fisc::gen::generate(seed, seed % 2 == 0 ? clean() : one_of("fact.restated"));
    const std::string json = fisc::write_report_json(g.report);
    CHECK(json.size() >= 50U * 1000U);
    CHECK(json.size() <= 300U * 1000U);
    auto back = fisc::read_report_json(json, "");
    REQUIRE_MESSAGE(back.has_value(), (back ? std::string() : fisc::describe(back.error())));
    CHECK(*back == g.report);
    CHECK(fisc::write_report_json(*back) == json);
  }
}

TEST_CASE("gen: every rule of the pack is a kind the generator injects, and no other") {
  std::set<std::string, std::less<>> in_pack;
  for (const fisc::Rule& r : pack().rules()) in_pack.insert(r.info.id);
  std::set<std::string, std::less<>> kinds;
  for (const std::string_view k : fisc::gen::kinds()) kinds.emplace(k);
  for (const std::string& id : in_pack) {
    CHECK_MESSAGE(kinds.count(id) == 1, "the generator cannot inject " << id);
  }
  for (const std::string& k : kinds) {
    CHECK_MESSAGE(in_pack.count(k) == 1, "kind " << k << " is not a rule of the pack");
  }
  CHECK_THROWS_AS(static_cast<void>(fisc::gen::generate(1, one_of("no.such.rule"))),
                  std::invalid_argument);
}

TEST_CASE("gen: 320 reports, every injected error found at its place, nothing on clean ones") {
  const auto kinds = fisc::gen::kinds();
  std::map<std::string, std::size_t> injected;
  std::size_t clean_reports = 0;
  std::size_t next_kind = 0;
  for (std::uint64_t seed = 1; seed <= 320; ++seed) {
    // Three reports in four carry an error, the kinds in turn: each kind at least five times.
    const bool with_error = seed % 4 != 0;
    const GenOptions options = with_error ? one_of(kinds[next_kind++ % kinds.size()]) : clean();
    const GeneratedReport g = fisc::gen::generate(seed, options);
    if (with_error) {
      REQUIRE(!g.errors.empty());
      ++injected[g.errors.front().kind];
      for (const InjectedError& e : g.errors) CHECK(e.kind == g.errors.front().kind);
    } else {
      REQUIRE(g.errors.empty());
      ++clean_reports;
    }
    found_exactly(seed, g);
  }
  CHECK(clean_reports == 80);
  for (const std::string_view k : kinds) CHECK(injected[std::string(k)] >= 5);
}

TEST_CASE("gen: an error rate injects errors in some reports, each found") {
  const GenOptions half = GenOptions{.error_rate_ppm = 500000, .kinds = {}, .year = 2021};
  std::size_t with_errors = 0;
  for (std::uint64_t seed = 1000; seed < 1040; ++seed) {
    const GeneratedReport g = fisc::gen::generate(seed, half);
    CHECK(g.report.year == 2021);
    if (!g.errors.empty()) ++with_errors;
    found_exactly(seed, g);
  }
  CHECK(with_errors > 5);
  CHECK(with_errors < 35);
}

TEST_CASE("gen: the truth file") {
  const GeneratedReport g = fisc::gen::generate(7, one_of("share"));
  const std::string truth = fisc::gen::write_truth_json(7, g);
  CHECK(
      truth.starts_with("{\n  \"seed\": 7,\n  \"errors\": [\n    {\"kind\": \"share\", "
                        "\"rule\": \"share\", \"where\": {\"line\": "));
  CHECK(fisc::gen::write_truth_json(7, fisc::gen::generate(7, clean())) ==
        "{\n  \"seed\": 7,\n  \"errors\": []\n}\n");
}

TEST_CASE("gen: error rates") {
  CHECK(fisc::gen::parse_rate_ppm("0") == 0);
  CHECK(fisc::gen::parse_rate_ppm("1") == 1000000);
  CHECK(fisc::gen::parse_rate_ppm("0.25") == 250000);
  CHECK(fisc::gen::parse_rate_ppm("0.000001") == 1);
  CHECK(fisc::gen::parse_rate_ppm("1.0") == 1000000);
  CHECK(fisc::gen::parse_rate_ppm("1.5") == -1);
  CHECK(fisc::gen::parse_rate_ppm("0.0000001") == -1);
  CHECK(fisc::gen::parse_rate_ppm("") == -1);
  CHECK(fisc::gen::parse_rate_ppm(".5") == -1);
  CHECK(fisc::gen::parse_rate_ppm("-0.5") == -1);
  CHECK(fisc::gen::parse_rate_ppm("2") == -1);
}

#endif  // FISC_GEN_TESTS
