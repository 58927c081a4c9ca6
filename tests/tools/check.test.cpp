// SPDX-License-Identifier: BSL-1.0
// `fisc check` (tools/fisc/check.cpp), run in-process through fisc::cli::run: what it prints,
// where, and its exit status, on the bundled seed report and on small reports written here.
#ifdef FISC_CLI_TESTS

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstddef>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <map>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <system_error>
#include <thread>
#include <vector>

#include <unistd.h>

#include <doctest/doctest.h>

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>
#include "support.hpp"

#include "fisc/accounts/report.hpp"
#include "fisc/batch.hpp"
#include "fisc/cli.hpp"
#include "fisc/input.hpp"
#include "fisc/rules/subject.hpp"
#include "fisc/version.hpp"

namespace {

namespace fs = std::filesystem;
namespace json = boost::json;

using fisc_test::fisc_run;
using fisc_test::Outcome;

bool contains(const std::string& text, std::string_view part) {
  return text.find(part) != std::string::npos;
}

std::size_t occurrences(const std::string& text, std::string_view part) {
  std::size_t n = 0;
  for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) {
    ++n;
  }
  return n;
}

const std::string seed =
    (fs::path(FISC_SOURCE_DIR) / "examples/seed/miyi-organisation-2020.report.json").string();

/// This test process's own folder for the files it writes.
fs::path scratch_dir() {
  static const fisc_test::ScratchDir dir("check-test-files");
  return dir.path();
}

fs::path write_file(const fs::path& path, std::string_view text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

fs::path write_scratch(std::string_view name, std::string_view text) {
  return write_file(scratch_dir() / name, text);
}

/// A fresh, empty folder under the scratch folder.
fs::path fresh_dir(std::string_view name) {
  auto dir = scratch_dir() / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

// Statements of 基本支出 and its two parts: 100.00 ≠ 60.00 + 30.00 fails sum.basic, and nothing
// else (the only rule that fires on it).
constexpr std::string_view basic_fails = R"({
  "fisc_report": 1,
  "kind": "final_accounts",
  "year": 2020,
  "department": { "name": "某县某局" },
  "unit": "wan",
  "statements": [
    { "concept": "expenditure.basic", "value": "100.00",
      "source": { "file": "说明.txt", "section": "第二部分 六",
                  "span": { "line": 9, "column": 5, "length": 6 } } },
    { "concept": "expenditure.basic.personnel", "value": "60.00",
      "source": { "file": "说明.txt", "section": "第二部分 六",
                  "span": { "line": 9, "column": 20, "length": 5 } } },
    { "concept": "expenditure.basic.public_expense", "value": "30.00",
      "source": { "file": "说明.txt", "section": "第二部分 六",
                  "span": { "line": 9, "column": 33, "length": 5 } } }
  ]
}
)";

// The same with 100.00 = 70.00 + 30.00: sum.basic holds.
std::string basic_holds() {
  std::string text(basic_fails);
  text.replace(text.find("\"60.00\""), 7, "\"70.00\"");
  return text;
}

// A comma missing at the end of line 4: the reader stops at line 5, column 3.
constexpr std::string_view broken_json =
    "{\n  \"fisc_report\": 1,\n  \"kind\": \"final_accounts\",\n  \"year\": 2020\n"
    "  \"department\": { \"name\": \"x\" }\n}\n";

// A concept fisc does not know, on line 3.
constexpr std::string_view unknown_concept = R"({ "fisc_report": 1, "kind": "final_accounts",
  "year": 2020, "department": { "name": "x" },
  "statements": [ { "concept": "expenditure.basics", "value": "1.00" } ] }
)";

// A cell whose row and column name no concept: the reader refuses it at the cell.
constexpr std::string_view meaningless_cell = R"({ "fisc_report": 1, "kind": "final_accounts",
  "year": 2020, "department": { "name": "x" },
  "tables": [ { "role": "other", "title": "某表",
                "columns": [ { "key": "amount", "header": "金额" } ],
                "rows": [ { "label": "甲", "cells": { "amount": "1.00" } } ] } ] }
)";

json::value parse_json(const std::string& text) {
  try {
    return json::parse(text);
  } catch (const std::exception& e) {
    FAIL("not JSON: " << e.what() << "\n" << text);
  }
  return {};
}

/// The rule ids of a JSON output's findings, in order.
std::vector<std::string> rules_of(const json::value& doc) {
  std::vector<std::string> out;
  for (const json::value& f : doc.at("findings").as_array()) {
    out.emplace_back(f.at("rule").as_string().c_str());
  }
  return out;
}

std::map<std::string, std::size_t> severities_of(const json::value& doc) {
  std::map<std::string, std::size_t> out;
  for (const json::value& f : doc.at("findings").as_array()) {
    ++out[std::string(f.at("severity").as_string().c_str())];
  }
  return out;
}

std::size_t summary(const json::value& doc, const char* severity) {
  return static_cast<std::size_t>(doc.at("summary").at(severity).as_int64());
}

}  // namespace

TEST_CASE("fisc check: the seed report's findings, exit status 1") {
  const auto r = fisc_run({"check", seed});
  INFO(r.err);
  CHECK(r.status == 1);
  CHECK(r.err.empty());
  CHECK(r.out.starts_with(seed + "\n"));
  CHECK(contains(r.out, "错误 [sum.basic] 基本支出 = 人员经费 + 公用经费"));
  CHECK(contains(r.out, "534.27"));
  CHECK(contains(r.out, "应为：534.29 万元"));
  CHECK(contains(r.out, "口径：interval"));
  CHECK(contains(r.out, "\n共 "));

  CHECK(fisc_run({"check", "--fail-on", "never", seed}).status == 0);
  CHECK(fisc_run({"check", "--fail-on=never", seed}).out == r.out);
  CHECK(fisc_run({"check", "--fail-on", "warning", seed}).status == 1);
  CHECK(fisc_run({"check", "--fail-on", "info", seed}).status == 1);
  CHECK(fisc_run({"check", "--fail-on", "error", seed}).status == 1);
  // Options after the PATH, and after `--`.
  CHECK(fisc_run({"check", seed, "--fail-on", "never"}).status == 0);
  CHECK(fisc_run({"check", "--", seed}).out == r.out);
}

TEST_CASE("fisc check --lang en: the messages in English") {
  const auto r = fisc_run({"check", "--lang", "en", seed});
  CHECK(r.status == 1);
  CHECK(contains(r.out, "error [sum.basic] basic = personnel + public expense"));
  CHECK(contains(r.out, "534.27"));
  CHECK(contains(r.out, "policy: interval"));
  CHECK(contains(r.out, " errors, "));
  CHECK_FALSE(contains(r.out, "错误 ["));
}

TEST_CASE("fisc check --format json: design §3's object, the summary counting the findings") {
  for (const bool show_passed : {false, true}) {
    CAPTURE(show_passed);
    std::vector<std::string> args{"check", "--format", "json", seed};
    if (show_passed) args.emplace_back("--show-passed");
    const auto r = fisc_run(args);
    CHECK(r.status == 1);
    CHECK(r.err.empty());
    const json::value doc = parse_json(r.out);
    CHECK(doc.at("fisc").as_string() == std::string(fisc::version()).c_str());
    REQUIRE(doc.at("inputs").as_array().size() == 1);
    CHECK(doc.at("inputs").at(0).at("path").as_string() == seed.c_str());
    const auto severities = severities_of(doc);
    for (const char* severity : {"error", "warning", "info"}) {
      CAPTURE(severity);
      const auto it = severities.find(severity);
      CHECK(summary(doc, severity) == (it == severities.end() ? 0 : it->second));
    }
    CHECK(summary(doc, "error") > 0);
    CHECK(summary(doc, "ok") > 0);
    // The passed checks are listed with --show-passed only, and counted either way.
    CHECK(severities.count("ok") == (show_passed ? 1U : 0U));
    if (show_passed) CHECK(severities.at("ok") == summary(doc, "ok"));

    bool found = false;
    for (const json::value& f : doc.at("findings").as_array()) {
      CHECK(f.as_object().contains("message"));
      CHECK(f.as_object().contains("where"));
      CHECK(f.as_object().contains("figures"));
      if (f.at("rule").as_string() != "sum.basic") continue;
      found = true;
      CHECK(f.at("severity").as_string() == "error");
      CHECK(f.at("figures").at(0).as_string() == "534.27");
      CHECK(f.at("expected").as_string() == "534.29");
      CHECK(f.at("policy").as_string() == "interval");
      CHECK(f.at("input").as_string() == seed.c_str());
    }
    CHECK(found);
  }
}

TEST_CASE("fisc check --format sarif and junit") {
  const auto sarif = fisc_run({"check", "--format", "sarif", seed});
  CHECK(sarif.status == 1);
  const json::value doc = parse_json(sarif.out);
  CHECK(doc.at("version").as_string() == "2.1.0");
  CHECK(contains(sarif.out, "\"sum.basic\""));
  const auto junit = fisc_run({"check", "--format=junit", seed});
  CHECK(junit.status == 1);
  CHECK(junit.out.starts_with("<?xml"));
  CHECK(contains(junit.out, "sum.basic"));
}

TEST_CASE("fisc check --show-passed lists the checks that held") {
  const auto path = write_scratch("basic_holds.json", basic_holds());
  const auto quiet = fisc_run({"check", "--lang", "en", path.string()});
  CHECK(quiet.status == 0);
  CHECK_FALSE(contains(quiet.out, "[sum.basic]"));
  CHECK(contains(quiet.out, "0 errors, 0 warnings, 0 info; 1 check passed"));
  const auto shown = fisc_run({"check", "--lang", "en", "--show-passed", path.string()});
  CHECK(shown.status == 0);
  CHECK(contains(shown.out, "[sum.basic]"));
  const auto doc =
      parse_json(fisc_run({"check", "--format", "json", "--show-passed", path.string()}).out);
  CHECK(rules_of(doc) == std::vector<std::string>{"sum.basic"});
  CHECK(doc.at("findings").at(0).at("severity").as_string() == "ok");
  CHECK(summary(doc, "ok") == 1);
}

TEST_CASE("fisc check -: a report on standard input") {
  const auto r = fisc_run({"check", "--format", "json", "-"}, std::string(basic_fails));
  INFO(r.err);
  CHECK(r.status == 1);
  const json::value doc = parse_json(r.out);
  CHECK(doc.at("inputs").at(0).at("path").as_string() == "-");
  CHECK(rules_of(doc) == std::vector<std::string>{"sum.basic"});
  const auto text = fisc_run({"check", "-"}, std::string(basic_fails));
  CHECK(text.status == 1);
  CHECK(text.out.starts_with("-\n"));
  CHECK(contains(text.out, "说明.txt:9:5: 第二部分 六: 错误 [sum.basic]"));
  // With a file besides.
  const auto path = write_scratch("stdin_beside.json", basic_holds());
  const auto both =
      fisc_run({"check", "--format", "json", path.string(), "-"}, std::string(basic_fails));
  const json::value both_doc = parse_json(both.out);
  REQUIRE(both_doc.at("inputs").as_array().size() == 2);
  CHECK(both_doc.at("inputs").at(0).at("path").as_string() == path.string().c_str());
  CHECK(both_doc.at("inputs").at(1).at("path").as_string() == "-");
}

TEST_CASE("StringList: strings end to end, each as pushed") {
  fisc::cli::StringList list;
  CHECK(list.empty());
  list.push_back("a/b.json");
  list.push_back("");
  list.push_back("说明.txt");
  REQUIRE(list.size() == 3);
  CHECK_FALSE(list.empty());
  CHECK(list[0] == "a/b.json");
  CHECK(list[1].empty());
  CHECK(list[2] == "说明.txt");
  CHECK_THROWS_AS(static_cast<void>(list[3]), std::out_of_range);
}

TEST_CASE("fisc check FOLDER: paths sorted name by name, a subfolder's before a longer name") {
  // As std::filesystem::path sorts them: m/b.json before m-x.json ("m" before "m-x.json"),
  // though '-' comes before '/' as characters.
  const auto dir = fresh_dir("folder_order");
  write_file(dir / "m-x.json", basic_fails);
  write_file(dir / "m" / "b.json", basic_fails);
  write_file(dir / "m.json", basic_fails);
  const auto r = fisc_run({"check", "--format", "json", dir.string()});
  const json::value doc = parse_json(r.out);
  const auto& inputs = doc.at("inputs").as_array();
  REQUIRE(inputs.size() == 3);
  CHECK(inputs.at(0).at("path").as_string() == (dir / "m" / "b.json").string().c_str());
  CHECK(inputs.at(1).at("path").as_string() == (dir / "m-x.json").string().c_str());
  CHECK(inputs.at(2).at("path").as_string() == (dir / "m.json").string().c_str());
}

TEST_CASE("fisc check FOLDER: every report in it, in sorted order; other files skipped") {
  const auto dir = fresh_dir("folder");
  write_file(dir / "z.json", basic_holds());
  write_file(dir / "a.json", basic_fails);
  write_file(dir / "m" / "b.json", basic_fails);
  write_file(dir / "m" / "说明.txt", "一、部门决算情况说明\n");
  write_file(dir / "notes.md", "notes\n");
  write_file(dir / "readme.txt", "\n");

  const auto r = fisc_run({"check", "--format", "json", dir.string()});
  INFO(r.err);
  CHECK(r.status == 1);
  CHECK(r.err.empty());  // only the text format says what was skipped
  const json::value doc = parse_json(r.out);
  const auto& inputs = doc.at("inputs").as_array();
  // m/说明.txt goes with m/b.json, the only report beside it; readme.txt has no report of its
  // name beside it, so it is an input of its own.
  REQUIRE(inputs.size() == 4);
  CHECK(inputs.at(0).at("path").as_string() == (dir / "a.json").string().c_str());
  CHECK(inputs.at(1).at("path").as_string() == (dir / "m" / "b.json").string().c_str());
  CHECK(inputs.at(2).at("path").as_string() == (dir / "readme.txt").string().c_str());
  CHECK(inputs.at(3).at("path").as_string() == (dir / "z.json").string().c_str());
  CHECK(rules_of(doc) == std::vector<std::string>{"sum.basic", "sum.basic"});
  CHECK(doc.at("findings").at(0).at("input").as_string() == (dir / "a.json").string().c_str());
  CHECK(doc.at("findings").at(1).at("input").as_string() ==
        (dir / "m" / "b.json").string().c_str());

  const auto text = fisc_run({"check", dir.string()});
  CHECK(text.status == 1);
  CHECK(text.err ==
        "fisc check: skipped 1 other file in folders: not a report (.json), a text (.txt) or a "
        "document (.pdf)\n");
  const auto a = text.out.find((dir / "a.json").string() + "\n");
  const auto b = text.out.find((dir / "m" / "b.json").string() + "\n");
  const auto z = text.out.find((dir / "z.json").string() + "\n");
  CHECK(a < b);
  CHECK(b < z);
  CHECK(z != std::string::npos);

  // A folder and a file: the folder's reports where the folder is named.
  const auto file = write_scratch("folder_beside.json", basic_holds());
  const auto mixed =
      parse_json(fisc_run({"check", "--format", "json", file.string(), (dir / "m").string()}).out);
  REQUIRE(mixed.at("inputs").as_array().size() == 2);
  CHECK(mixed.at("inputs").at(0).at("path").as_string() == file.string().c_str());
  CHECK(mixed.at("inputs").at(1).at("path").as_string() == (dir / "m" / "b.json").string().c_str());
}

TEST_CASE("fisc check: a folder without reports is exit status 2") {
  const auto dir = fresh_dir("no_reports");
  write_file(dir / "notes.md", "\n");
  const auto r = fisc_run({"check", dir.string()});
  CHECK(r.status == 2);
  CHECK(r.out.empty());
  CHECK(
      contains(r.err, "no report file (.json), text (.txt) or document (.pdf) in " + dir.string()));
}

TEST_CASE("fisc check: a narrative text with its report, as operands or in a folder") {
  // The text states 基本支出 as 90.00 where the report's statement says 100.00: checked
  // together, the two are compared; checked apart, each holds.
  const auto dir = fresh_dir("paired");
  write_file(dir / "r.json", basic_holds());
  write_file(dir / "r.txt",
             "第二部分 2020年度部门决算情况说明\n"
             "三、支出决算情况说明\n"
             "2020年基本支出90.00万元。\n");
  const auto both = fisc_run({"check", (dir / "r.json").string(), (dir / "r.txt").string()});
  INFO(both.out);
  CHECK(both.status == 1);
  CHECK(contains(both.out, "[fact.restated]"));
  CHECK(contains(both.out, (dir / "r.txt").string() + ":3:10: 第二部分 三"));
  const auto folder = fisc_run({"check", dir.string()});
  CHECK(folder.out == both.out);
  CHECK(fisc_run({"check", (dir / "r.txt").string()}).status == 0);
  CHECK(fisc_run({"check", (dir / "r.json").string()}).status == 0);
  // Two reports and a text of neither's name: three inputs.
  write_file(dir / "s.json", basic_holds());
  write_file(dir / "t.txt", "\n");
  const auto three = parse_json(fisc_run({"check", "--format", "json", dir.string()}).out);
  CHECK(three.at("inputs").as_array().size() == 3);
}

TEST_CASE("fisc check --rules and --skip choose the rules") {
  const auto only =
      parse_json(fisc_run({"check", "--format", "json", "--rules", "sum.basic", seed}).out);
  CHECK(rules_of(only) == std::vector<std::string>{"sum.basic"});

  // An id prefix and a tag ("fact" is both), in one list and in two options: the rules they
  // select are those --list-rules lists with them.
  const std::string selected = "\n" + fisc_run({"check", "--list-rules", "--rules=sum,fact"}).out;
  CHECK(contains(selected, "\nsum.basic "));
  CHECK(contains(selected, "\nsum.three_public.vehicles "));
  CHECK(contains(selected, "\nfact.restated "));
  CHECK_FALSE(contains(selected, "\nshare "));
  for (const auto& args :
       {std::vector<std::string>{"check", "--format=json", "--rules=sum,fact", seed},
        std::vector<std::string>{"check", "--format=json", "--rules", "sum", "--rules", "fact",
                                 seed}}) {
    const auto doc = parse_json(fisc_run(args).out);
    const auto rules = rules_of(doc);
    CHECK_FALSE(rules.empty());
    for (const std::string& rule : rules) {
      CAPTURE(rule);
      CHECK(contains(selected, "\n" + rule + " "));
    }
    CHECK(std::count(rules.begin(), rules.end(), "sum.basic") == 1);
    CHECK(std::count(rules.begin(), rules.end(), "fact.restated") > 0);
  }
  const auto tag =
      parse_json(fisc_run({"check", "--format", "json", "--rules", "three_public", seed}).out);
  CHECK(rules_of(tag) == std::vector<std::string>{"implied_budget.three_public"});

  const auto all = fisc_run({"check", "--format", "json", seed});
  const auto skipped = fisc_run({"check", "--format", "json", "--skip", "sum.basic", seed});
  const auto all_rules = rules_of(parse_json(all.out));
  const auto skipped_rules = rules_of(parse_json(skipped.out));
  CHECK(std::count(all_rules.begin(), all_rules.end(), "sum.basic") == 1);
  CHECK(std::count(skipped_rules.begin(), skipped_rules.end(), "sum.basic") == 0);
  CHECK(skipped_rules.size() + 1 == all_rules.size());

  // Skipping the only rule that fails makes the exit status 0.
  const auto path = write_scratch("basic_fails.json", basic_fails);
  CHECK(fisc_run({"check", path.string()}).status == 1);
  CHECK(fisc_run({"check", "--skip", "sum.basic", path.string()}).status == 0);
  CHECK(fisc_run({"check", "--skip", "expenditure", path.string()}).status == 0);
  CHECK(fisc_run({"check", "--rules", "share", path.string()}).status == 0);
}

TEST_CASE("fisc check --severity re-grades a rule, and --fail-on judges the new grade") {
  const auto path = write_scratch("basic_fails.json", basic_fails);
  CHECK(fisc_run({"check", "--fail-on", "error", path.string()}).status == 1);
  const auto warning =
      fisc_run({"check", "--severity", "sum.basic=warning", "--fail-on", "error", path.string()});
  CHECK(warning.status == 0);
  CHECK(contains(warning.out, "提示 [sum.basic]"));
  CHECK(fisc_run({"check", "--severity=sum.basic=warning", "--fail-on", "warning", path.string()})
            .status == 1);
  CHECK(fisc_run({"check", "--severity", "sum.basic=info", "--fail-on", "warning", path.string()})
            .status == 0);
  CHECK(fisc_run({"check", "--severity", "sum.basic=info", "--fail-on", "info", path.string()})
            .status == 1);
  // In order: the later one wins; a prefix and a tag select too.
  CHECK(fisc_run(
            {"check", "--severity", "sum.basic=warning", "--severity", "sum=error", path.string()})
            .status == 1);
  CHECK(fisc_run(
            {"check", "--severity", "sum=error", "--severity", "expenditure=info", path.string()})
            .status == 0);
  const auto doc = parse_json(
      fisc_run({"check", "--format", "json", "--severity", "sum.basic=info", path.string()}).out);
  CHECK(doc.at("findings").at(0).at("severity").as_string() == "info");
  CHECK(summary(doc, "info") == 1);
  CHECK(summary(doc, "error") == 0);
}

TEST_CASE("fisc check --tolerance: the policy that judges, named in each finding") {
  const auto path = write_scratch("basic_fails.json", basic_fails);
  const auto absolute = parse_json(
      fisc_run({"check", "--format", "json", "--tolerance", "absolute:100:0.01", path.string()})
          .out);
  REQUIRE(absolute.at("findings").as_array().size() == 1);
  CHECK(absolute.at("findings").at(0).at("policy").as_string() == "absolute(100元, 0.01pp)");
  const auto truncation = parse_json(
      fisc_run({"check", "--format", "json", "--tolerance=truncation", path.string()}).out);
  REQUIRE(truncation.at("findings").as_array().size() == 1);
  CHECK(truncation.at("findings").at(0).at("policy").as_string() == "truncation");
  const auto interval = parse_json(
      fisc_run({"check", "--format", "json", "--tolerance", "interval", path.string()}).out);
  CHECK(interval.at("findings").at(0).at("policy").as_string() == "interval");
  // 10万元 apart: within a tolerance of 100,000 元, not of 99,999.99 元.
  CHECK(fisc_run({"check", "--tolerance", "absolute:100000:0", path.string()}).status == 0);
  CHECK(fisc_run({"check", "--tolerance", "absolute:99,999.99:0", path.string()}).status == 1);
  const auto text = fisc_run({"check", "--tolerance", "truncation", seed});
  CHECK(contains(text.out, "口径：truncation"));
  CHECK_FALSE(contains(text.out, "口径：interval"));
}

TEST_CASE("fisc check --list-rules lists the rules as configured") {
  const auto zh = fisc_run({"check", "--list-rules"});
  CHECK(zh.status == 0);
  CHECK(zh.err.empty());
  CHECK(contains(zh.out, "sum.basic"));
  CHECK(contains(zh.out, "基本支出 = 人员经费 + 公用经费\n"));
  CHECK(contains(zh.out, "rate.zero_base"));
  CHECK(occurrences(zh.out, "\n") > 20);
  std::istringstream lines(zh.out);
  std::string line;
  bool found = false;
  while (std::getline(lines, line)) {
    if (!line.starts_with("sum.basic ")) continue;
    found = true;
    CHECK(contains(line, " error "));
  }
  CHECK(found);

  const auto en = fisc_run({"check", "--list-rules", "--lang", "en"});
  CHECK(contains(en.out, "basic = personnel + public expense\n"));
  const auto some = fisc_run(
      {"check", "--list-rules", "--rules", "sum.basic,share", "--severity", "share=warning"});
  CHECK(some.status == 0);
  CHECK(occurrences(some.out, "\n") == 2);
  CHECK(some.out.starts_with("sum.basic  error    "));
  CHECK(contains(some.out, "\nshare      warning  "));
}

TEST_CASE("fisc check: an input that cannot be read is exit status 2, naming file and place") {
  // The others are still checked and written (docs/cli.md); when none can be read, nothing is.
  struct Case {
    std::string_view name;
    std::string_view text;
    std::string_view place;  ///< after "FILE:"
  };
  for (const Case& c : {
           Case{"check_broken.json", broken_json, "5:3: "},
           Case{"check_unknown_concept.json", unknown_concept,
                "3:32: $.statements[0].concept: unknown concept \"expenditure.basics\""},
           Case{"check_meaningless_cell.json", meaningless_cell,
                "$.tables[0].rows[0].cells.amount: "},
       }) {
    CAPTURE(c.name);
    const auto path = write_scratch(c.name, c.text);
    const auto r = fisc_run({"check", path.string()});
    INFO(r.err);
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    CHECK(r.err.starts_with(path.string() + ":"));
    CHECK(contains(r.err, c.place));
    CHECK(r.err.ends_with("\n"));
    // The other inputs are still checked and written; the exit status is 2 all the same.
    const auto good = write_scratch("check_good_first.json", basic_fails);
    const auto both = fisc_run({"check", "--lang", "en", good.string(), path.string()});
    CHECK(both.status == 2);
    CHECK(both.err == r.err);
    CHECK(both.out.starts_with(good.string() + "\n"));
    CHECK(contains(both.out, "error [sum.basic]"));
    CHECK(both.out.ends_with("\n1 error, 0 warnings, 0 info; 0 checks passed\n"));
    CHECK_FALSE(contains(both.out, path.string()));
    for (const char* format : {"json", "sarif", "junit"}) {
      CAPTURE(format);
      const auto other = fisc_run({"check", "--format", format, good.string(), path.string()});
      CHECK(other.status == 2);
      CHECK(other.err == r.err);
      CHECK(contains(other.out, good.string()));
      CHECK_FALSE(contains(other.out, path.string()));
    }
    // On standard input.
    const auto piped = fisc_run({"check", "-"}, std::string(c.text));
    CHECK(piped.status == 2);
    CHECK(piped.err.starts_with("<stdin>:"));
  }

  SUBCASE("each input that cannot be read is named") {
    const auto broken = write_scratch("check_broken.json", broken_json);
    const auto unknown = write_scratch("check_unknown_concept.json", unknown_concept);
    const auto r = fisc_run({"check", broken.string(), seed, unknown.string()});
    CHECK(r.status == 2);
    CHECK(r.out.starts_with(seed + "\n"));
    CHECK(contains(r.out, "\n" + seed + ": "));  // its own counts, one input of several
    const std::string alone = fisc_run({"check", seed}).out;
    CHECK(r.out.ends_with(alone.substr(alone.rfind("\n共 "))));
    CHECK(occurrences(r.err, "\n") == 2);
    CHECK(r.err.starts_with(broken.string() + ":5:3: "));
    CHECK(contains(r.err, "\n" + unknown.string() + ":3:32: "));
  }
  SUBCASE("a missing file") {
    const auto path = scratch_dir() / "no such report.json";
    fs::remove(path);
    const auto r = fisc_run({"check", path.string()});
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    CHECK(r.err.starts_with(path.string() + ": "));
    const auto other = fisc_run({"check", (scratch_dir() / "no such file.xls").string()});
    CHECK(other.status == 2);
    CHECK(contains(other.err, "no such file.xls: no such file or folder"));
    const auto pdf = fisc_run({"check", (scratch_dir() / "no such file.pdf").string()});
    CHECK(pdf.status == 2);
    CHECK(pdf.err.starts_with((scratch_dir() / "no such file.pdf").string() + ": "));
  }
  SUBCASE("a report in a folder") {
    const auto dir = fresh_dir("folder_broken");
    write_file(dir / "a.json", basic_fails);
    write_file(dir / "b.json", broken_json);
    const auto r = fisc_run({"check", "--format", "json", dir.string()});
    CHECK(r.status == 2);
    CHECK(r.err.starts_with((dir / "b.json").string() + ":5:3: "));
    const json::value doc = parse_json(r.out);
    REQUIRE(doc.at("inputs").as_array().size() == 1);
    CHECK(doc.at("inputs").at(0).at("path").as_string() == (dir / "a.json").string().c_str());
    CHECK(rules_of(doc) == std::vector<std::string>{"sum.basic"});
    // Nothing could be read: nothing is written, not even an empty document.
    fs::remove(dir / "a.json");
    for (const char* format : {"text", "json", "sarif", "junit"}) {
      CAPTURE(format);
      const auto none = fisc_run({"check", "--format", format, dir.string()});
      CHECK(none.status == 2);
      CHECK(none.out.empty());
    }
  }
  SUBCASE("a narrative text (.txt) that is not text") {
    const auto path = write_scratch("说明.txt", std::string("\xFF\xFE\x00\x4E", 4));
    const auto r = fisc_run({"check", path.string()});
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    CHECK(r.err.starts_with(path.string() + ":"));
  }
  SUBCASE("a file of another kind") {
    const auto path = write_scratch("report.csv", "科目编码,科目名称\n");
    const auto r = fisc_run({"check", path.string()});
    CHECK(r.status == 2);
    CHECK(r.err.starts_with(path.string() + ": not a report file (.json)"));
  }
}

TEST_CASE("fisc check: a cell whose meaning cannot be determined names table, row and cell") {
  // The JSON reader refuses such cells (above); a report built otherwise reaches the check.
  fisc::Report report;
  report.year = 2020;
  report.department.name = "x";
  report.file = "built.json";
  fisc::Table table;
  table.title = "某表";
  fisc::TableColumn amount;
  amount.key = "amount";
  amount.header = "金额";
  fisc::TableColumn total;
  total.key = "total";
  total.header = "合计";
  total.concept_id = "expenditure.total";
  table.columns = {amount, total};
  fisc::TableRow row;
  row.label = "甲";
  row.cells.resize(2);
  row.cells[0].column = "total";
  row.cells[1].column = "amount";
  table.rows.push_back(row);
  report.tables.push_back(table);
  const fisc::Subject subject(report);
  REQUIRE(subject.errors().size() == 1);
  const std::string message = fisc::cli::describe_cell_error(report, subject.errors()[0]);
  CHECK(message.starts_with("built.json: $.tables[0].rows[0].cells.amount: "));
  CHECK(contains(message, "table “某表”, row “甲”, column “金额”: "));
  CHECK(contains(message, "names a concept"));

  const fisc::CellError odd{0, 0, 5, "no such cell"};
  CHECK(fisc::cli::describe_cell_error(report, odd) ==
        "built.json: $.tables[0].rows[0].cells: table “某表”, row “甲”: no such cell");
}

TEST_CASE("fisc check: bad usage is exit status 2 with a message on stderr") {
  struct Case {
    std::vector<std::string> args;
    std::string_view message;
  };
  for (const Case& c : {
           Case{{"check"},
                "fisc check: missing PATH (a report file, a folder of them, or -)\n"
                "Try 'fisc check --help'.\n"},
           Case{{"check", "-", "-"}, "standard input (-) can be read once only"},
           Case{{"check", "--frob", seed}, "fisc check: unknown option '--frob'\n"},
           Case{{"check", "-x", seed}, "fisc check: unknown option '-x'\n"},
           Case{{"check", "--format", "xml", seed},
                "--format must be text, json, sarif or junit, not 'xml'"},
           Case{{"check", "--format", seed}, "--format must be text, json, sarif or junit"},
           Case{{"check", "--format"}, "option '--format' needs a value"},
           Case{{"check", "--lang", "fr", seed}, "--lang must be zh or en, not 'fr'"},
           Case{{"check", "--fail-on", "ok", seed},
                "--fail-on must be error, warning, info or never, not 'ok'"},
           Case{{"check", "--fail-on", "always", seed}, "not 'always'"},
           Case{{"check", "--show-passed=yes", seed}, "option '--show-passed' takes no value"},
           Case{{"check", "--tolerance", "exact", seed},
                "--tolerance must be interval, truncation or absolute:YUAN:POINTS"},
           Case{{"check", "--tolerance", "absolute:100", seed}, "not 'absolute:100'"},
           Case{{"check", "--tolerance", "absolute:1e2:0.01", seed}, "YUAN '1e2' is not a number"},
           Case{{"check", "--tolerance", "absolute:100:0.01%", seed},
                "POINTS '0.01%' is not a number"},
           Case{{"check", "--tolerance", "absolute:-1:0", seed}, "a tolerance is not negative"},
           Case{{"check", "--severity", "sum.basic", seed},
                "--severity takes SELECTOR=error, SELECTOR=warning or SELECTOR=info, not "
                "'sum.basic'"},
           Case{{"check", "--severity", "sum.basic=fatal", seed}, "not 'sum.basic=fatal'"},
           Case{{"check", "--severity", "sum.basic=ok", seed}, "not 'sum.basic=ok'"},
           Case{{"check", "--severity", "=error", seed}, "not '=error'"},
           Case{{"check", "--severity", "sum.basics=error", seed},
                "--severity: 'sum.basics' is no rule id, id prefix or tag of fisc's rules"},
           Case{{"check", "--rules", "sum.basics", seed},
                "--rules: 'sum.basics' is no rule id, id prefix or tag"},
           Case{{"check", "--rules", "su", seed}, "'su' is no rule id"},
           Case{{"check", "--skip", "sum,,fact", seed},
                "--skip takes rule ids, id prefixes or tags separated by commas, not 'sum,,fact'"},
           Case{{"check", "--rules=", seed}, "--rules takes rule ids"},
           Case{{"check", "--rules", "sum.basic", "--skip", "sum", seed},
                "--rules and --skip leave no rule to run"},
           Case{{"check", "--list-rules", seed}, "--list-rules takes no PATH"},
           Case{{"check", "--jobs", "0", seed},
                "--jobs takes a whole number from 1 to 1024, not '0'"},
           Case{{"check", "--jobs", "two", seed}, "not 'two'"},
           Case{{"check", "--jobs", "-1", seed}, "not '-1'"},
           Case{{"check", "--jobs", "4x", seed}, "not '4x'"},
           Case{{"check", "--jobs", "1025", seed}, "not '1025'"},
           Case{{"check", "--quiet=yes", seed}, "option '--quiet' takes no value"},
       }) {
    const auto r = fisc_run(c.args);
    INFO(c.args.back());
    INFO(r.err);
    CHECK(r.status == 2);
    CHECK(contains(r.err, c.message));
    CHECK(contains(r.err, "Try 'fisc check --help'.\n"));
    CHECK(r.out.empty());
  }
}

// ---------------------------------------------------------------------------------------------
// Many inputs: --jobs, the order, the per-input lines, --quiet, the progress line.

namespace {

/// A folder of `n` small reports, named r00.json…, and the seed: every third holds, the others
/// fail sum.basic, each by a different amount; the seed has findings of many rules.
fs::path many_reports(std::string_view name, std::size_t n) {
  const auto dir = fresh_dir(name);
  for (std::size_t i = 0; i < n; ++i) {
    std::string text(basic_fails);
    const std::string personnel = i % 3 == 0 ? "70.00" : std::to_string(40 + i) + ".00";
    text.replace(text.find("\"60.00\""), 7, "\"" + personnel + "\"");
    const std::string file = (i < 10 ? "r0" : "r") + std::to_string(i) + ".json";
    write_file(dir / (i % 4 == 0 ? "sub" : "") / file, text);
  }
  fs::copy_file(seed, dir / "seed.json");
  return dir;
}

}  // namespace

TEST_CASE("fisc check --jobs: the same output, in the same order, whatever the number of jobs") {
  const auto dir = many_reports("many", 30);
  for (const char* format : {"text", "json", "sarif", "junit"}) {
    CAPTURE(format);
    for (const bool passed : {false, true}) {
      std::vector<std::string> args{"check", "--format", format, "--jobs", "1", dir.string()};
      if (passed) args.emplace_back("--show-passed");
      const auto one = fisc_run(args);
      CHECK(one.status == 1);
      CHECK(one.err.empty());
      for (const char* jobs : {"4", "3", "64"}) {
        CAPTURE(jobs);
        args[4] = jobs;
        const auto r = fisc_run(args);
        CHECK(r.status == one.status);
        CHECK(r.err == one.err);
        CHECK(r.out == one.out);
      }
    }
  }
  // The default (one job per core) too; and the inputs in sorted path order.
  const auto json = fisc_run({"check", "--format", "json", dir.string()});
  CHECK(json.out == fisc_run({"check", "--format", "json", "--jobs=1", dir.string()}).out);
  const auto doc = parse_json(json.out);
  const auto& inputs = doc.at("inputs").as_array();
  REQUIRE(inputs.size() == 31);
  CHECK(inputs.at(0).at("path").as_string() == (dir / "r01.json").string().c_str());
  CHECK(inputs.at(22).at("path").as_string() == (dir / "seed.json").string().c_str());
  CHECK(inputs.at(23).at("path").as_string() == (dir / "sub" / "r00.json").string().c_str());
  std::vector<std::string> paths;
  for (const json::value& i : inputs) paths.emplace_back(i.at("path").as_string().c_str());
  CHECK(std::is_sorted(paths.begin(), paths.end()));
}

TEST_CASE("fisc check --jobs: unreadable inputs among readable ones") {
  const auto dir = many_reports("many_broken", 12);
  write_file(dir / "r05.json", broken_json);
  write_file(dir / "sub" / "r08.json", unknown_concept);
  for (const char* format : {"text", "json"}) {
    CAPTURE(format);
    const auto one = fisc_run({"check", "--format", format, "--jobs", "1", dir.string()});
    CHECK(one.status == 2);
    CHECK(occurrences(one.err, "\n") == 2);
    CHECK(one.err.starts_with((dir / "r05.json").string() + ":5:3: "));
    CHECK(contains(one.err, "\n" + (dir / "sub" / "r08.json").string() + ":3:32: "));
    CHECK(contains(one.out, (dir / "r03.json").string()));
    CHECK(contains(one.out, (dir / "r06.json").string()));
    CHECK_FALSE(contains(one.out, (dir / "r05.json").string()));
    const auto four = fisc_run({"check", "--format", format, "--jobs", "4", dir.string()});
    CHECK(four.status == 2);
    CHECK(four.err == one.err);
    CHECK(four.out == one.out);
  }
}

TEST_CASE("fisc check: with several inputs, the text format gives each its counts") {
  const auto dir = fresh_dir("per_input");
  write_file(dir / "a.json", basic_fails);
  write_file(dir / "b.json", basic_holds());
  const std::string a = (dir / "a.json").string();
  const std::string b = (dir / "b.json").string();
  const auto zh = fisc_run({"check", dir.string()});
  CHECK(zh.status == 1);
  CHECK(contains(zh.out, "  口径：interval\n" + a +
                             ": 1 个错误、0 个提示、0 项待核实；0 项检查通过\n\n" + b + "\n"));
  CHECK(zh.out.ends_with("\n" + b + "\n  未发现问题\n" + b +
                         ": 0 个错误、0 个提示、0 项待核实；1 项检查通过\n\n"
                         "共 1 个错误、0 个提示、0 项待核实；1 项检查通过\n"));
  const auto en = fisc_run({"check", "--lang", "en", a, b});
  CHECK(contains(en.out, "\n" + a + ": 1 error, 0 warnings, 0 info; 0 checks passed\n\n"));
  CHECK(en.out.ends_with("\n" + b +
                         ": 0 errors, 0 warnings, 0 info; 1 check passed\n\n"
                         "1 error, 0 warnings, 0 info; 1 check passed\n"));
  // One input: the summary of the run is its own; no line besides.
  const auto one = fisc_run({"check", "--lang", "en", a});
  CHECK_FALSE(contains(one.out, a + ": 1 error"));
  CHECK(one.out.ends_with("  policy: interval\n\n1 error, 0 warnings, 0 info; 0 checks passed\n"));
  // The other formats count per input already.
  CHECK_FALSE(contains(fisc_run({"check", "--format", "json", a, b}).out, "个错误"));
}

TEST_CASE("fisc check --quiet: no notes on skipped files; never a progress line off a terminal") {
  const auto dir = many_reports("quiet", 5);
  write_file(dir / "说明.txt", "\n");
  write_file(dir / "notes.md", "\n");
  const auto loud = fisc_run({"check", "--jobs", "2", dir.string()});
  CHECK(loud.err ==
        "fisc check: skipped 1 other file in folders: not a report (.json), a text (.txt) or a "
        "document (.pdf)\n");
  const auto quiet = fisc_run({"check", "--quiet", "--jobs", "2", dir.string()});
  CHECK(quiet.status == loud.status);
  CHECK(quiet.err.empty());
  CHECK(quiet.out == loud.out);
  // --quiet silences no error.
  write_file(dir / "r01.json", broken_json);
  const auto broken = fisc_run({"check", "--quiet", dir.string()});
  CHECK(broken.status == 2);
  CHECK(broken.err.starts_with((dir / "r01.json").string() + ":5:3: "));
}

TEST_CASE("fisc check: the progress line") {
  using std::chrono::milliseconds;
  using std::chrono::seconds;
  CHECK(fisc::cli::progress_line(0, 20000, seconds(0)) ==
        "[....................] 0/20000 reports  --/s  ETA --:--");
  CHECK(fisc::cli::progress_line(1234, 20000, milliseconds(1452)) ==
        "[#...................] 1234/20000 reports  849/s  ETA 0:23");
  CHECK(fisc::cli::progress_line(10000, 20000, seconds(100)) ==
        "[##########..........] 10000/20000 reports  100/s  ETA 1:40");
  CHECK(fisc::cli::progress_line(3, 20000, seconds(4)) ==
        "[....................] 3/20000 reports  0.7/s  ETA 7:24:23");
  CHECK(fisc::cli::progress_line(7, 7, seconds(2)) ==
        "[####################] 7/7 reports  3.5/s  ETA 0:00");

  using Clock = fisc::cli::Progress::Clock;
  const Clock::time_point t0{};
  std::ostringstream drawn;
  {
    fisc::cli::Progress progress(drawn, 4, true, t0);
    progress.update(0, t0);
    progress.update(1, t0 + milliseconds(50));  // too soon: not redrawn
    progress.update(2, t0 + milliseconds(150));
    progress.clear();
    progress.update(4, t0 + milliseconds(160));  // the last: always drawn
  }                                              // erased at the end
  const std::string line0 = "[....................] 0/4 reports  --/s  ETA --:--";
  const std::string line2 = "[##########..........] 2/4 reports  13/s  ETA 0:01";
  const std::string line4 = "[####################] 4/4 reports  25/s  ETA 0:00";
  // A shorter line is padded over the longer one before it; clearing blanks the widest.
  REQUIRE(line2.size() + 1 == line0.size());
  CHECK(drawn.str() == "\r" + line0 + "\r" + line2 + " " + "\r" + std::string(line0.size(), ' ') +
                           "\r" + "\r" + line4 + "\r" + std::string(line4.size(), ' ') + "\r");
  std::ostringstream off;
  {
    fisc::cli::Progress progress(off, 4, false, t0);
    progress.update(4, t0 + seconds(1));
  }
  CHECK(off.str().empty());
}

TEST_CASE("fisc check: run_in_order hands back results in order, a few at a time") {
  using fisc::cli::CheckedInput;
  for (const std::size_t jobs : {std::size_t{1}, std::size_t{2}, std::size_t{5}}) {
    CAPTURE(jobs);
    constexpr std::size_t count = 60;
    std::atomic<std::size_t> started{0};
    std::atomic<std::size_t> most_ahead{0};
    std::atomic<std::size_t> delivered{0};
    std::vector<std::size_t> order;
    fisc::cli::run_in_order(
        count, jobs,
        [&](std::size_t i) -> CheckedInput {
          const std::size_t ahead = ++started - delivered.load();
          std::size_t seen = most_ahead.load();
          while (ahead > seen && !most_ahead.compare_exchange_weak(seen, ahead)) {
          }
          // Later inputs often finish first.
          std::this_thread::sleep_for(std::chrono::microseconds((count - i) % 7 * 200));
          if (i % 5 == 0) return tl::unexpected("input " + std::to_string(i));
          fisc::InputFindings found;
          found.path = std::to_string(i);
          return found;
        },
        [&](std::size_t i, CheckedInput r) {
          order.push_back(i);
          CHECK((r ? r->path : r.error()) == (i % 5 == 0 ? "input " : "") + std::to_string(i));
          ++delivered;
          return true;
        });
    std::vector<std::size_t> expected(count);
    for (std::size_t i = 0; i < count; ++i) expected[i] = i;
    CHECK(order == expected);
    CHECK(most_ahead.load() <= std::max<std::size_t>(1, 2 * jobs) + 1);
  }

  SUBCASE("deliver stops the run") {
    std::atomic<std::size_t> worked{0};
    std::size_t delivered = 0;
    fisc::cli::run_in_order(
        1000, 3,
        [&](std::size_t) -> CheckedInput {
          ++worked;
          return fisc::InputFindings{};
        },
        [&](std::size_t, const CheckedInput&) { return ++delivered < 4; });
    CHECK(delivered == 4);
    CHECK(worked.load() <= 4 + 6);
  }
  SUBCASE("an exception from the work reaches the caller in its turn") {
    std::size_t delivered = 0;
    CHECK_THROWS_WITH_AS(fisc::cli::run_in_order(
                             20, 4,
                             [](std::size_t i) -> CheckedInput {
                               if (i == 7) throw std::runtime_error("seven");
                               return fisc::InputFindings{};
                             },
                             [&](std::size_t, const CheckedInput&) {
                               ++delivered;
                               return true;
                             }),
                         "seven", std::runtime_error);
    CHECK(delivered == 7);
  }
}

TEST_CASE("fisc check --help and fisc help check") {
  const auto r = fisc_run({"check", "--help"});
  CHECK(r.status == 0);
  CHECK(r.out.starts_with("Usage: fisc check [options] PATH...\n"));
  CHECK_FALSE(contains(r.out, "Not implemented"));
  for (const std::string_view option :
       {"--format text|json|sarif|junit", "--lang zh|en", "--fail-on error|warning|info|never",
        "--show-passed", "--rules SEL", "--skip SEL", "--severity SEL=error|warning|info",
        "--tolerance interval|truncation|absolute:YUAN:POINTS", "--list-rules", "--jobs N",
        "--quiet"}) {
    CAPTURE(option);
    CHECK(contains(r.out, option));
  }
  CHECK(fisc_run({"help", "check"}).out == r.out);
  CHECK(fisc_run({"check", seed, "-h"}).out == r.out);
}

// FISC_CLI_TESTS

TEST_CASE("fisc check report.pdf: the tables and the text of a published PDF, with pages") {
  const auto pdf = (std::filesystem::path(FISC_SHARED_DIR) / "corpus" /
                    "shanghai-putuo-2024-final-finance-bureau.pdf")
                       .string();
  const auto r = fisc_run({"check", pdf});
  INFO(r.err);
  CHECK(r.status == 1);
  // A table cell: the page, the table, the row's code and the column's header.
  CHECK(contains(r.out, pdf + ": page 10: 支出决算表 / 208 / 本年支出合计: 错误 [fact.restated]"));
  // A figure of the text: its line and column within its page.
  CHECK(contains(r.out, pdf + ":26:15: page 21: 第三部分 五（二）: 错误 [share]"));
  CHECK(contains(r.out, "共 5 个错误"));
  // A folder holding a PDF checks it as an input of its own.
  const auto dir = fresh_dir("pdf_folder");
  std::filesystem::copy_file(std::filesystem::path(FISC_SOURCE_DIR) / "tests/pdf/data/hello.pdf",
                             dir / "hello.pdf");
  const auto folder = fisc_run({"check", dir.string()});
  CHECK(folder.status == 0);
  CHECK(contains(folder.out, (dir / "hello.pdf").string()));
}

TEST_CASE("fisc check: a PDF that cannot be read is exit status 2, saying why") {
  const auto data = std::filesystem::path(FISC_SOURCE_DIR) / "tests/pdf/data";
  const auto scan = fisc_run({"check", (data / "image-only.pdf").string()});
  CHECK(scan.status == 2);
  CHECK(contains(scan.err, "image-only.pdf: the PDF has no text layer"));
  const auto locked = fisc_run({"check", (data / "hello-user-password.pdf").string()});
  CHECK(locked.status == 2);
  CHECK(contains(locked.err, "needs a password"));
  const auto fake = write_scratch("not-a.pdf", "{\"fisc_report\": 1}\n");
  const auto json = fisc_run({"check", fake.string()});
  CHECK(json.status == 2);
  CHECK(contains(json.err, "not-a.pdf: "));
  CHECK(contains(json.err, "not a PDF"));
  const auto cut = write_scratch("damaged.pdf", "%PDF-1.7\n1 0 obj << /Type /Catalog");
  const auto damaged = fisc_run({"check", cut.string()});
  CHECK(damaged.status == 2);
  CHECK(contains(damaged.err, "damaged.pdf: "));
}

TEST_CASE("fisc show report.pdf: each table as read, then what was not placed or read") {
  const auto pdf = (std::filesystem::path(FISC_SHARED_DIR) / "corpus" /
                    "shanghai-putuo-2025-budget-commerce-department.pdf")
                       .string();
  const auto r = fisc_run({"show", pdf});
  INFO(r.err);
  CHECK(r.status == 0);
  CHECK(contains(r.out, "2025年部门财务收支预算总表"));
  CHECK(contains(r.out, "371,514,655.00"));
  CHECK(contains(r.out, "表格中未能归位的内容（0 处）：\n"));
  CHECK(contains(r.out, "未读的数字（"));
  CHECK(contains(r.out, "  第5页 2:28  1家  未识别的计数\n"));  // with its page
  const auto en = fisc_run({"show", "--lang", "en", pdf});
  CHECK(contains(en.out, "Table words not placed (0):\n"));
}

TEST_CASE("fisc show 说明.txt: what the text says, then every figure not read with its place") {
  const auto path = write_scratch("show_narrative.txt",
                                  "第二部分 2020年度部门决算情况说明\n"
                                  "一、机构设置\n"
                                  "本部门设3个科室：办公室、财务股、业务股。培训干部4683人次。\n");
  const auto r = fisc_run({"show", path.string()});
  INFO(r.err);
  CHECK(r.status == 0);
  CHECK(contains(r.out, "年度：2020"));
  CHECK(contains(r.out, "未读的数字（1 个）：\n  3:26  4683人次  未识别的计数\n"));
  const auto en = fisc_run({"show", "--lang", "en", path.string()});
  CHECK(contains(en.out, "Figures not read (1):\n"));
  const auto missing = fisc_run({"show", (scratch_dir() / "none.txt").string()});
  CHECK(missing.status == 2);
  CHECK(missing.err.starts_with((scratch_dir() / "none.txt").string()));
}
#endif
