// SPDX-License-Identifier: BSL-1.0
// The `fisc` command: argv to fisc::cli::run (cli.hpp), which does the rest.
#include <iostream>
#include <string_view>
#include <vector>

// With mimalloc (FISC_CLI_MIMALLOC, tools/CMakeLists.txt) glibc's malloc is not used, and
// mimalloc keeps freed pages for reuse by itself.
#if defined(__GLIBC__) && !defined(FISC_CLI_MIMALLOC)
#define FISC_TUNE_GLIBC_MALLOC 1
#include <malloc.h>
#endif

#include "fisc/cli.hpp"

namespace {

/// glibc's malloc gives freed memory back to the system as soon as 128 KiB are free at the top
/// of a heap, and serves blocks from 128 KiB up (a report file's text) by mmap: a run over
/// thousands of reports then maps, faults in and unmaps the memory of each report again (a tenth
/// of `fisc check`'s time). Kept instead, the memory is reused by the next report: what a process
/// holds stays what its largest reports took at once (one per thread), whatever their number.
void keep_freed_memory() noexcept {
#if defined(FISC_TUNE_GLIBC_MALLOC)
  constexpr int mib = 1 << 20;
  static_cast<void>(mallopt(M_TRIM_THRESHOLD, 64 * mib));
  static_cast<void>(mallopt(M_MMAP_THRESHOLD, 32 * mib));
#endif
}

}  // namespace

int main(int argc, char* argv[]) {
  keep_freed_memory();
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
