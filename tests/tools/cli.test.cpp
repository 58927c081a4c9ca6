// SPDX-License-Identifier: BSL-1.0
// The `fisc` command (tools/fisc): run in-process through fisc::cli::run, for what it prints,
// where, and its exit status; and run as a program (FISC_CLI_PATH), for what main() adds: the
// real streams, standard input, the exit status the shell sees. tools/CMakeLists.txt defines
// FISC_CLI_TESTS when it builds the command.
#ifdef FISC_CLI_TESTS

#include "fisc/cli.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <iterator>
#include <sstream>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include <doctest/doctest.h>

#include "support.hpp"

#include "fisc/version.hpp"

namespace fisc_test {

// A small report file: a function-code table with a 合计 row and a prior-year column (one of
// whose figures is a zero base), and a statement.
constexpr std::string_view good_report = R"({
  "fisc_report": 1,
  "kind": "final_accounts",
  "year": 2020,
  "department": { "name": "中共某县委组织部" },
  "unit": "wan",
  "tables": [
    {
      "role": "general_budget_expenditure",
      "title": "一般公共预算财政拨款支出决算表",
      "columns": [
        { "key": "total", "header": "合计", "concept": "expenditure.total" },
        { "key": "prior", "header": "上年决算数", "concept": "expenditure.total", "year": 2019 }
      ],
      "rows": [
        { "label": "合计", "cells": { "total": "745.99", "prior": "1,072.84" } },
        { "code": "201", "label": "一般公共服务支出", "cells": { "total": "611.15", "prior": "900.00" } },
        { "code": "208", "label": "社会保障和就业支出", "cells": { "total": "134.84", "prior": "0.00" } }
      ]
    }
  ],
  "statements": [
    { "concept": "income.total", "value": "950.84",
      "source": { "file": "说明.txt", "section": "第二部分 三",
                  "span": { "line": 55, "column": 12, "length": 6 } } }
  ]
}
)";

constexpr std::array<std::string_view, 6> good_report_lines_zh{
    "表1 一般公共预算财政拨款支出决算表",
    "科目编码  科目名称              合计      占比  上年决算数      占比   增减额    增减率",
    "          合计                745.99  100.000%    1,072.84  100.000%  -326.85  -30.466%",
    "201       一般公共服务支出    611.15   81.925%      900.00   83.889%  -288.85  -32.094%",
    "208       社会保障和就业支出  134.84   18.075%        0.00    0.000%   134.84         —",
    "    说明.txt:55:12  本年收入合计  数值  950.84万元",
};

constexpr std::array<std::string_view, 4> good_report_lines_en{
    "Table 1: 一般公共预算财政拨款支出决算表 [general_budget_expenditure]",
    "code  item                  合计     share  上年决算数     share   change  change rate",
    "208   社会保障和就业支出  134.84   18.075%        0.00    0.000%   134.84            —",
    "    说明.txt:55:12  income of the year  value  950.84 万元",
};

// A comma missing at the end of line 4: the reader stops at line 5, column 3.
constexpr std::string_view broken_report =
    "{\n  \"fisc_report\": 1,\n  \"kind\": \"final_accounts\",\n  \"year\": 2020\n"
    "  \"department\": { \"name\": \"x\" }\n}\n";
constexpr std::string_view broken_report_place = "5:3: ";

// A letter O for a zero in a figure.
constexpr std::string_view bad_figure_report =
    "{ \"fisc_report\": 1, \"kind\": \"final_accounts\", \"year\": 2020,\n"
    "  \"department\": { \"name\": \"x\" },\n"
    "  \"statements\": [ { \"concept\": \"income.total\", \"value\": \"95O.84\",\n"
    "                    \"source\": { \"section\": \"第二部分\" } } ] }\n";
// The reader points at the letter itself.
constexpr std::string_view bad_figure_place = "3:60: $.statements[0].value: ";

/// This test process's own folder for the files it writes.
std::filesystem::path scratch_dir() {
  static const fisc_test::ScratchDir dir("cli-test-files");
  return dir.path();
}

std::filesystem::path write_file(std::string_view name, std::string_view text) {
  auto path = scratch_dir() / name;
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

}  // namespace fisc_test

namespace {

struct Outcome {
  int status;
  std::string out;
  std::string err;
};

Outcome fisc_run(std::initializer_list<std::string_view> args, const std::string& input = "") {
  std::istringstream in(input);
  std::ostringstream out;
  std::ostringstream err;
  const std::vector<std::string_view> argv(args);
  const int status = fisc::cli::run(argv, {in, out, err});
  return {status, out.str(), err.str()};
}

bool contains(const std::string& text, std::string_view part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("fisc --version prints the library's version") {
  const auto r = fisc_run({"--version"});
  CHECK(r.status == 0);
  CHECK(r.out == "fisc " + std::string(fisc::version()) + "\n");
  CHECK(r.err.empty());
  CHECK(fisc_run({"--version", "x"}).status == 2);
}

TEST_CASE("fisc --help, fisc help, fisc -h: the usage on stdout") {
  for (const auto& args : {std::initializer_list<std::string_view>{"--help"},
                           std::initializer_list<std::string_view>{"help"},
                           std::initializer_list<std::string_view>{"-h"}}) {
    const auto r = fisc_run(args);
    CHECK(r.status == 0);
    CHECK(r.out.starts_with("Usage: fisc COMMAND [OPTIONS] PATH...\n"));
    CHECK(contains(r.out, "  show PATH "));
    CHECK(contains(r.out, "  check PATH... "));
    CHECK(contains(r.out, "Exit status: 0 success; 1 findings"));
    CHECK(r.err.empty());
  }
}

TEST_CASE("fisc help COMMAND and fisc COMMAND --help: the command's help") {
  for (const auto& args : {std::initializer_list<std::string_view>{"help", "show"},
                           std::initializer_list<std::string_view>{"show", "--help"},
                           std::initializer_list<std::string_view>{"show", "-h"},
                           std::initializer_list<std::string_view>{"--help", "show"},
                           std::initializer_list<std::string_view>{"show", "x.json", "--help"}}) {
    const auto r = fisc_run(args);
    CHECK(r.status == 0);
    CHECK(r.out.starts_with("Usage: fisc show [--lang zh|en] [--width N] PATH\n"));
    CHECK(r.err.empty());
  }
  const auto check = fisc_run({"help", "check"});
  CHECK(check.status == 0);
  CHECK(contains(check.out, "--fail-on error|warning|info|never"));
  CHECK(fisc_run({"check", "--help"}).out == check.out);
  CHECK(fisc_run({"narrate", "--help"}).status == 0);
}

TEST_CASE("fisc: bad usage is exit status 2 with a message on stderr") {
  struct Case {
    std::initializer_list<std::string_view> args;
    std::string_view message;
  };
  for (const Case& c : {
           Case{{}, "Usage: fisc COMMAND"},
           Case{{"frob"}, "fisc: unknown command 'frob'\nTry 'fisc --help'.\n"},
           Case{{"--frob"}, "fisc: unknown option '--frob'\n"},
           Case{{"help", "frob"}, "fisc: unknown command 'frob'\n"},
           Case{{"help", "show", "check"}, "fisc: help takes one COMMAND at most\n"},
           Case{{"show"},
                "fisc show: missing PATH (a report file, or -)\nTry 'fisc show --help'.\n"},
           Case{{"show", "a.json", "b.json"},
                "fisc show: one PATH only; got 2 ('a.json', 'b.json'…)\n"},
           Case{{"show", "--frob", "a.json"}, "fisc show: unknown option '--frob'\n"},
           Case{{"show", "-x", "a.json"}, "fisc show: unknown option '-x'\n"},
           Case{{"show", "--lang"}, "fisc show: option '--lang' needs a value\n"},
           Case{{"show", "--lang", "fr", "a.json"},
                "fisc show: --lang must be zh or en, not 'fr'\n"},
           Case{{"show", "--lang=", "a.json"}, "fisc show: --lang must be zh or en, not ''\n"},
           Case{{"show", "--width", "0", "a.json"}, "fisc show: --width must be a number"},
           Case{{"show", "--width", "80x", "a.json"}, "not '80x'"},
           Case{{"show", "--width", "-5", "a.json"}, "not '-5'"},
           Case{{"show", "--width", "99999999999999999999999", "a.json"}, "--width must be"},
       }) {
    const auto r = fisc_run(c.args);
    INFO(r.err);
    CHECK(r.status == 2);
    CHECK(contains(r.err, c.message));
    CHECK(r.out.empty());
  }
}

TEST_CASE("fisc show PATH prints the report") {
  const auto path = fisc_test::write_file("show_good.json", fisc_test::good_report);
  const auto zh = fisc_run({"show", path.c_str()});
  INFO(zh.err);
  CHECK(zh.status == 0);
  CHECK(zh.err.empty());
  CHECK(zh.out.starts_with("部门：中共某县委组织部\n年度：2020\n类型：部门决算\n金额单位：万元\n"));
  for (const std::string_view line : fisc_test::good_report_lines_zh) {
    INFO(line);
    CHECK(contains(zh.out, std::string(line) + "\n"));
  }
  const auto en = fisc_run({"show", "--lang", "en", path.c_str()});
  CHECK(en.status == 0);
  for (const std::string_view line : fisc_test::good_report_lines_en) {
    INFO(line);
    CHECK(contains(en.out, std::string(line) + "\n"));
  }
  CHECK(fisc_run({"show", "--lang=en", path.c_str()}).out == en.out);
  CHECK(fisc_run({"show", "--lang", "zh", "--lang", "en", path.c_str()}).out == en.out);
  CHECK(fisc_run({"show", "--", path.c_str()}).out == zh.out);
}

TEST_CASE("fisc show - reads the report from standard input") {
  const auto r = fisc_run({"show", "-"}, std::string(fisc_test::good_report));
  CHECK(r.status == 0);
  CHECK(r.err.empty());
  for (const std::string_view line : fisc_test::good_report_lines_zh) {
    INFO(line);
    CHECK(contains(r.out, std::string(line) + "\n"));
  }
}

TEST_CASE("fisc show: a report that cannot be read is exit status 2, naming file and place") {
  SUBCASE("broken JSON") {
    const auto path = fisc_test::write_file("show_broken.json", fisc_test::broken_report);
    const auto r = fisc_run({"show", path.c_str()});
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    INFO(r.err);
    CHECK(r.err.starts_with(path.string() + ":" + std::string(fisc_test::broken_report_place)));
    CHECK(r.err.ends_with("\n"));
  }
  SUBCASE("a figure that is not a figure") {
    const auto path = fisc_test::write_file("show_bad_figure.json", fisc_test::bad_figure_report);
    const auto r = fisc_run({"show", path.c_str()});
    CHECK(r.status == 2);
    INFO(r.err);
    CHECK(r.err.starts_with(path.string() + ":" + std::string(fisc_test::bad_figure_place)));
    CHECK(contains(r.err, "95O.84"));
  }
  SUBCASE("on standard input") {
    const auto r = fisc_run({"show", "-"}, std::string(fisc_test::broken_report));
    CHECK(r.status == 2);
    INFO(r.err);
    CHECK(r.err.starts_with("<stdin>:" + std::string(fisc_test::broken_report_place)));
  }
  SUBCASE("a missing file") {
    const auto path = fisc_test::scratch_dir() / "no such report.json";
    std::filesystem::remove(path);
    const auto r = fisc_run({"show", path.c_str()});
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    INFO(r.err);
    CHECK(r.err.starts_with(path.string() + ": "));
  }
  SUBCASE("a folder") {
    const auto r = fisc_run({"show", fisc_test::scratch_dir().c_str()});
    CHECK(r.status == 2);
    INFO(r.err);
    CHECK(r.err.starts_with(fisc_test::scratch_dir().string()));
  }
  SUBCASE("an empty standard input") {
    const auto r = fisc_run({"show", "-"}, "");
    CHECK(r.status == 2);
    CHECK(r.err.starts_with("<stdin>"));
  }
}

// ---------------------------------------------------------------------------------------------
// The program itself.

namespace {

/// Runs the shell command `fisc ARGS` (ARGS already quoted for the shell), stdin from
/// `input_file` when given, and collects its exit status, stdout and stderr.
Outcome fisc_process(const std::string& args, const std::string& input_file = "") {
  // CTest may run test cases at once, each in a process of its own: one file per process and call.
  static int calls = 0;
  const auto err_file = fisc_test::scratch_dir() / ("stderr-" + std::to_string(getpid()) + "-" +
                                                    std::to_string(++calls) + ".txt");
  std::string command =
      "'" + std::string(FISC_CLI_PATH) + "' " + args + " 2>'" + err_file.string() + "'";
  if (!input_file.empty()) command += " <'" + input_file + "'";
  FILE* pipe = popen(command.c_str(), "r");  // NOLINT(cert-env33-c): the test runs a program
  REQUIRE(pipe != nullptr);
  std::string out;
  std::array<char, 4096> buffer{};
  std::size_t n = 0;
  while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0) out.append(buffer.data(), n);
  const int status = pclose(pipe);
  REQUIRE(WIFEXITED(status));
  std::ifstream err_in(err_file, std::ios::binary);
  std::string err{std::istreambuf_iterator<char>(err_in), std::istreambuf_iterator<char>()};
  err_in.close();
  std::filesystem::remove(err_file);
  return {WEXITSTATUS(status), out, err};
}

std::string quoted(const std::filesystem::path& path) { return "'" + path.string() + "'"; }

}  // namespace

TEST_CASE("the fisc program: --version, help, usage errors") {
  const auto version = fisc_process("--version");
  CHECK(version.status == 0);
  CHECK(version.out == "fisc " + std::string(fisc::version()) + "\n");
  CHECK(fisc_process("--help").out.starts_with("Usage: fisc COMMAND"));
  const auto none = fisc_process("");
  CHECK(none.status == 2);
  CHECK(none.err.starts_with("Usage: fisc COMMAND"));
  const auto unknown = fisc_process("show --frob x.json");
  CHECK(unknown.status == 2);
  CHECK(unknown.err == "fisc show: unknown option '--frob'\nTry 'fisc show --help'.\n");
  const auto narrate = fisc_process("narrate x.json");
  CHECK(narrate.status == 2);
  CHECK(narrate.err.starts_with("x.json"));
  CHECK(narrate.out.empty());
}

TEST_CASE("the fisc program: check, its exit statuses and standard input") {
  const std::filesystem::path seed =
      std::filesystem::path(FISC_SOURCE_DIR) / "examples/seed/miyi-organisation-2020.report.json";
  const auto r = fisc_process("check " + quoted(seed));
  CHECK(r.status == 1);
  CHECK(r.err.empty());
  CHECK(contains(r.out, "[sum.basic]"));
  CHECK(fisc_process("check --fail-on never " + quoted(seed)).status == 0);
  const auto piped = fisc_process("check --format json --lang en -", seed.string());
  CHECK(piped.status == 1);
  CHECK(contains(piped.out, "\"path\": \"-\""));
  const auto missing = fisc_test::scratch_dir() / "missing.json";
  const auto m = fisc_process("check " + quoted(missing));
  CHECK(m.status == 2);
  CHECK(m.out.empty());
  CHECK(m.err.starts_with(missing.string() + ": "));
}

TEST_CASE("the fisc program: check a folder on several threads, no progress line off a terminal") {
  // stderr is a file here: the progress line is for a terminal only.
  const auto dir = fisc_test::scratch_dir() / "process_many";
  std::filesystem::remove_all(dir);
  const std::filesystem::path seed =
      std::filesystem::path(FISC_SOURCE_DIR) / "examples/seed/miyi-organisation-2020.report.json";
  for (int i = 0; i < 6; ++i) {
    std::filesystem::create_directories(dir);
    std::filesystem::copy_file(seed, dir / ("r" + std::to_string(i) + ".json"));
  }
  const auto one = fisc_process("check --jobs 1 " + quoted(dir));
  const auto three = fisc_process("check --jobs 3 " + quoted(dir));
  CHECK(one.status == 1);
  CHECK(three.status == 1);
  CHECK(one.err.empty());
  CHECK(three.err.empty());
  CHECK(three.out == one.out);
  CHECK(contains(one.out, (dir / "r5.json").string() + ": 14 个错误"));
}

TEST_CASE("the fisc program: show a file, and standard input") {
  const auto path = fisc_test::write_file("process_good.json", fisc_test::good_report);
  const auto r = fisc_process("show " + quoted(path));
  CHECK(r.status == 0);
  CHECK(r.err.empty());
  for (const std::string_view line : fisc_test::good_report_lines_zh) {
    INFO(line);
    CHECK(contains(r.out, std::string(line) + "\n"));
  }
  const auto piped = fisc_process("show --lang en -", path.string());
  CHECK(piped.status == 0);
  for (const std::string_view line : fisc_test::good_report_lines_en) {
    INFO(line);
    CHECK(contains(piped.out, std::string(line) + "\n"));
  }
}

TEST_CASE("the fisc program: bad and missing input are exit status 2 with the place") {
  const auto broken = fisc_test::write_file("process_broken.json", fisc_test::broken_report);
  const auto r = fisc_process("show " + quoted(broken));
  CHECK(r.status == 2);
  CHECK(r.out.empty());
  INFO(r.err);
  CHECK(r.err.starts_with(broken.string() + ":" + std::string(fisc_test::broken_report_place)));
  const auto piped = fisc_process("show -", broken.string());
  CHECK(piped.status == 2);
  CHECK(piped.err.starts_with("<stdin>:" + std::string(fisc_test::broken_report_place)));
  const auto missing = fisc_test::scratch_dir() / "missing.json";
  const auto m = fisc_process("show " + quoted(missing));
  CHECK(m.status == 2);
  CHECK(m.err.starts_with(missing.string() + ": "));
}

#endif  // FISC_CLI_TESTS
