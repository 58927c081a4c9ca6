// SPDX-License-Identifier: BSL-1.0
// `fisc narrate` (tools/fisc/narrate.cpp), run in-process through fisc::cli::run: its text, its
// options, its errors and its exit status.
#ifdef FISC_CLI_TESTS

#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include <unistd.h>

#include <doctest/doctest.h>

#include "support.hpp"

#include "fisc/cli.hpp"
#include "fisc/io/report_json.hpp"
#include "fisc/narrative/writer.hpp"

namespace {

namespace fs = std::filesystem;

using fisc_test::fisc_run;
using fisc_test::Outcome;

bool contains(const std::string& text, std::string_view part) {
  return text.find(part) != std::string::npos;
}

std::string read_file(const fs::path& path) {
  std::ifstream file(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
}

const std::string seed =
    (fs::path(FISC_SOURCE_DIR) / "tests/narrative/data/seed-corrected.report.json").string();

/// This test process's own folder for the files it writes.
fs::path scratch_dir() {
  static const fisc_test::ScratchDir dir("narrate-test-files");
  return dir.path();
}

std::string expected_text(bool exact) {
  const auto report = fisc::load_report_json(seed);
  REQUIRE(report);
  fisc::NarrateOptions options;
  options.exact_shares = exact;
  return fisc::write_narrative(*report, options);
}

}  // namespace

TEST_CASE("fisc narrate PATH writes the text on standard output") {
  const auto r = fisc_run({"narrate", seed});
  CHECK(r.status == 0);
  CHECK(r.err.empty());
  CHECK(r.out == expected_text(false));
  CHECK(r.out.starts_with("第二部分 2020年度部门决算情况说明\n一、收入支出决算总体情况说明\n"));
  CHECK_FALSE(contains(r.out, "最大余额法"));
}

TEST_CASE("fisc narrate --exact-shares") {
  const auto r = fisc_run({"narrate", "--exact-shares", seed});
  CHECK(r.status == 0);
  CHECK(r.out == expected_text(true));
  CHECK(contains(r.out, "（各项占比按最大余额法调整，合计为100.00%。）"));
  CHECK(r.out != fisc_run({"narrate", seed}).out);
  CHECK(fisc_run({"narrate", "--exact-shares=yes", seed}).status == 2);
}

TEST_CASE("fisc narrate reads standard input") {
  const auto r = fisc_run({"narrate", "-"}, read_file(seed));
  CHECK(r.status == 0);
  CHECK(contains(r.out, "2020年度收入950.84万元、支出950.84万元。"));
  const auto bad = fisc_run({"narrate", "-"}, "{");
  CHECK(bad.status == 2);
  CHECK(bad.err.starts_with("<stdin>:"));
  CHECK(bad.out.empty());
}

TEST_CASE("fisc narrate -o FILE writes the text to the file") {
  const auto path = scratch_dir() / "seed.txt";
  const auto r = fisc_run({"narrate", "-o", path.string(), seed});
  CHECK(r.status == 0);
  CHECK(r.out.empty());
  CHECK(r.err.empty());
  CHECK(read_file(path) == expected_text(false));
  const auto longer = fisc_run({"narrate", "--output=" + path.string(), "--exact-shares", seed});
  CHECK(longer.status == 0);
  CHECK(read_file(path) == expected_text(true));
  // A file that cannot be written.
  const auto folder = fisc_run({"narrate", "-o", scratch_dir().string(), seed});
  CHECK(folder.status == 2);
  CHECK(folder.err == "fisc narrate: cannot write " + scratch_dir().string() + "\n");
}

TEST_CASE("fisc narrate: a missing or unreadable report is exit 2, naming the file") {
  const auto missing = fisc_run({"narrate", "no-such-report.json"});
  CHECK(missing.status == 2);
  CHECK(missing.err.starts_with("no-such-report.json: "));
  CHECK(missing.out.empty());
  const auto path = scratch_dir() / "broken.json";
  std::ofstream(path, std::ios::binary) << "{\n  \"fisc_report\": 1,\n  \"year\": \"x\"\n}\n";
  const auto broken = fisc_run({"narrate", path.string()});
  CHECK(broken.status == 2);
  CHECK(broken.err.starts_with(path.string() + ":1:1: $: missing required member"));
}

TEST_CASE("fisc narrate: bad usage is exit 2") {
  const auto unknown = fisc_run({"narrate", "--frob", seed});
  CHECK(unknown.status == 2);
  CHECK(unknown.err == "fisc narrate: unknown option '--frob'\nTry 'fisc narrate --help'.\n");
  const auto none = fisc_run({"narrate"});
  CHECK(none.status == 2);
  CHECK(contains(none.err, "missing PATH"));
  const auto two = fisc_run({"narrate", seed, seed});
  CHECK(two.status == 2);
  CHECK(contains(two.err, "one PATH only"));
  const auto no_file = fisc_run({"narrate", seed, "-o"});
  CHECK(no_file.status == 2);
  CHECK(contains(no_file.err, "option '-o' needs a value"));
  const auto empty = fisc_run({"narrate", "-o", "", seed});
  CHECK(empty.status == 2);
  CHECK(contains(empty.err, "-o needs a FILE name"));
  CHECK(fisc_run({"narrate", "-x", seed}).status == 2);
}

TEST_CASE("the corrected seed report has no error finding") {
  const auto r = fisc_run({"check", "--format", "json", seed});
  CHECK(r.status == 0);
  CHECK(contains(r.out, R"("error": 0)"));
}

TEST_CASE("fisc help narrate") {
  const auto help = fisc_run({"help", "narrate"});
  CHECK(help.status == 0);
  CHECK(help.out.starts_with("Usage: fisc narrate [--exact-shares] [-o FILE] PATH\n"));
  CHECK(contains(help.out, "--exact-shares"));
  CHECK_FALSE(contains(help.out, "Not implemented"));
  CHECK(fisc_run({"narrate", "--help"}).out == help.out);
}

#endif  // FISC_CLI_TESTS
