// SPDX-License-Identifier: BSL-1.0
// What the tests of the fisc command share: running it in-process, and a folder of each test
// process's own for the files they write.
#pragma once

#include <unistd.h>

#include <filesystem>
#include <sstream>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include "fisc/cli.hpp"

namespace fisc_test {

/// What a run of the command gave: its exit status and what it wrote.
struct Outcome {
  int status;
  std::string out;
  std::string err;
};

/// Runs `fisc args…` in-process with `input` as its standard input.
inline Outcome fisc_run(const std::vector<std::string>& args, const std::string& input = "") {
  std::istringstream in(input);
  std::ostringstream out;
  std::ostringstream err;
  const std::vector<std::string_view> argv(args.begin(), args.end());
  const int status = fisc::cli::run(argv, {in, out, err});
  return {status, out.str(), err.str()};
}

/// A folder of this test process's own, `<folder>/<pid>` beside the fisc program, removed when
/// it is destroyed. ctest runs the test cases in parallel, one process each: a folder shared by
/// them let one case truncate a file while another read it.
class ScratchDir {
 public:
  explicit ScratchDir(std::string_view folder)
      : path_(std::filesystem::path(FISC_CLI_PATH).parent_path() / folder /
              std::to_string(::getpid())) {
    std::filesystem::create_directories(path_);
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  ScratchDir(ScratchDir&&) = delete;
  ScratchDir& operator=(ScratchDir&&) = delete;
  ~ScratchDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  [[nodiscard]] const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

}  // namespace fisc_test
