// SPDX-License-Identifier: BSL-1.0
#include "fisc/cli.hpp"

#include <algorithm>
#include <array>
#include <exception>
#include <ostream>
#include <string>

#include "fisc/commands.hpp"
#include "fisc/version.hpp"

namespace fisc::cli {
namespace {

struct Command {
  std::string_view name;
  int (*run)(std::span<const std::string_view>, Streams);
  std::string_view (*help)() noexcept;
};

constexpr std::array<Command, 3> commands{{
    {"show", run_show, show_help},
    {"check", run_check, check_help},
    {"narrate", run_narrate, narrate_help},
}};

constexpr std::string_view usage =
    R"(Usage: fisc COMMAND [OPTIONS] PATH...

Exact checks of the published accounts of government departments (部门决算 / 部门预算):
money to the 分, every figure as written, rounding taken into account.

Commands:
  show PATH        print a report's tables with shares and changes, and its statements
  check PATH...    check reports against the rules and print the findings
  narrate PATH     write the standard 决算说明 text of a report
  help [COMMAND]   print this help, or a command's

Options:
  -h, --help       print this help
  --version        print fisc's version

PATH is a report file (.json), or - for standard input; check also takes folders of them.
'fisc help COMMAND' tells more.

Exit status: 0 success; 1 findings at or above --fail-on (check); 2 bad usage or
unreadable input (the message names the file and the place).
)";

const Command* find_command(std::string_view name) {
  const auto* const it = std::find_if(commands.begin(), commands.end(),
                                      [&](const Command& c) { return c.name == name; });
  return it == commands.end() ? nullptr : &*it;
}

int usage_error(Streams io, const std::string& message) {
  io.err << "fisc: " << message << "\nTry 'fisc --help'.\n";
  return exit_failure;
}

int help(std::span<const std::string_view> args, Streams io) {
  if (args.empty()) {
    io.out << usage;
    return exit_success;
  }
  if (args.size() > 1) return usage_error(io, "help takes one COMMAND at most");
  const Command* command = find_command(args.front());
  if (command == nullptr) {
    return usage_error(io, "unknown command '" + std::string(args.front()) + "'");
  }
  io.out << command->help();
  return exit_success;
}

int dispatch(std::span<const std::string_view> args, Streams io) {
  if (args.empty()) {
    io.err << usage;
    return exit_failure;
  }
  const std::string_view first = args.front();
  const auto rest = args.subspan(1);
  if (first == "-h" || first == "--help" || first == "help") return help(rest, io);
  if (first == "--version") {
    if (!rest.empty()) return usage_error(io, "--version takes no arguments");
    io.out << "fisc " << version() << '\n';
    return exit_success;
  }
  if (first.starts_with('-')) return usage_error(io, "unknown option '" + std::string(first) + "'");
  const Command* command = find_command(first);
  if (command == nullptr) return usage_error(io, "unknown command '" + std::string(first) + "'");
  return command->run(rest, io);
}

}  // namespace

int run(std::span<const std::string_view> args, Streams io) noexcept {
  try {
    return dispatch(args, io);
  } catch (const std::exception& e) {
    try {
      io.err << "fisc: internal error: " << e.what() << '\n';
    } catch (...) {  // NOLINT(bugprone-empty-catch): nothing is left to report it with
    }
  } catch (...) {
    try {
      io.err << "fisc: internal error (an unknown exception)\n";
    } catch (...) {  // NOLINT(bugprone-empty-catch): as above
    }
  }
  return exit_failure;
}

}  // namespace fisc::cli
