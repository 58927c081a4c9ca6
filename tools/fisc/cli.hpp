// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <iosfwd>
#include <span>
#include <string_view>

/// The `fisc` command (design.md §3, docs/cli.md): a dispatcher over subcommands, each a
/// function of its arguments and the streams it reads and writes, so that tests run it
/// in-process and `main` only adapts argv.
namespace fisc::cli {

/// Exit statuses (design.md §3).
inline constexpr int exit_success = 0;
inline constexpr int exit_findings = 1;  ///< `check`: findings at or above --fail-on
inline constexpr int exit_failure = 2;   ///< bad usage, or input that cannot be read

/// Where a command reads standard input and writes its output and its messages.
struct Streams {
  std::istream& in;
  std::ostream& out;
  std::ostream& err;
};

/// Runs `fisc ARGS...` (`args` without the program name) and returns its exit status. Never
/// throws: an unexpected exception becomes an internal error on `err` and exit status 2.
[[nodiscard]] int run(std::span<const std::string_view> args, Streams io) noexcept;

}  // namespace fisc::cli
