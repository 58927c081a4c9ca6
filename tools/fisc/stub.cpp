// SPDX-License-Identifier: BSL-1.0
#include <ostream>

#include "fisc/commands.hpp"

// `check` and `narrate` are later issues; their help already states the contract they will
// keep (design.md §3), so that users and scripts see it now.
namespace fisc::cli {

std::string_view check_help() noexcept {
  return R"(Usage: fisc check [options] PATH...

Not implemented yet: this is what it will do. Checks reports against fisc's rules and
prints the findings.

Options:
  --format text|json|sarif|junit   the form of the findings (default text)
  --lang zh|en                     the language of the messages (default zh)
  --fail-on error|warning|never    the severity that makes the exit status 1 (default error)
  --show-passed                    also list the checks that held (severity "ok")
  -h, --help                       print this help

PATH is a report (.json), a narrative text (.txt), a folder of them, or - for standard input.

Exit status: 0 nothing at or above --fail-on; 1 findings at or above it; 2 bad usage or
unreadable input.
)";
}

std::string_view narrate_help() noexcept {
  return R"(Usage: fisc narrate PATH

Not implemented yet: this is what it will do. Writes the standard 决算说明 text of a report.

PATH is a report file (.json), or - for standard input.
)";
}

namespace {
int not_implemented(std::string_view command, std::string_view (*help)() noexcept,
                    std::span<const std::string_view> args, Streams io) {
  for (const std::string_view arg : args) {
    if (arg == "--") break;
    if (arg == "-h" || arg == "--help") {
      io.out << help();
      return exit_success;
    }
  }
  io.err << "fisc " << command << ": not implemented yet\n";
  return exit_failure;
}
}  // namespace

int run_check(std::span<const std::string_view> args, Streams io) {
  return not_implemented("check", check_help, args, io);
}

int run_narrate(std::span<const std::string_view> args, Streams io) {
  return not_implemented("narrate", narrate_help, args, io);
}

}  // namespace fisc::cli
