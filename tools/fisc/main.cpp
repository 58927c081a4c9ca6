// SPDX-License-Identifier: BSL-1.0
// The `fisc` command: argv to fisc::cli::run (cli.hpp), which does the rest.
#include <iostream>
#include <string_view>
#include <vector>

#include "fisc/cli.hpp"

int main(int argc, char* argv[]) {
  try {
    std::ios::sync_with_stdio(false);
    const std::vector<std::string_view> args(argv + (argc > 0 ? 1 : 0), argv + argc);
    return fisc::cli::run(args, {std::cin, std::cout, std::cerr});
  } catch (...) {
    // Only the vector of arguments can throw here (std::bad_alloc).
    std::cerr << "fisc: internal error: out of memory\n";
    return fisc::cli::exit_failure;
  }
}
