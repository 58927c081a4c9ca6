// SPDX-License-Identifier: BSL-1.0
#include <ostream>

#include "fisc/commands.hpp"

// `narrate` is a later issue; its help already states the contract it will keep (design.md §3),
// so that users and scripts see it now.
namespace fisc::cli {

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

int run_narrate(std::span<const std::string_view> args, Streams io) {
  return not_implemented("narrate", narrate_help, args, io);
}

}  // namespace fisc::cli
