// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <span>
#include <string_view>

#include "fisc/cli.hpp"

/// The subcommands of `fisc`. Each takes the arguments after its name, writes its result to
/// `io.out` and its messages to `io.err`, and returns the exit status; `cli.cpp` lists them.
namespace fisc::cli {

/// The text `fisc help COMMAND` and `fisc COMMAND --help` print.
[[nodiscard]] std::string_view show_help() noexcept;
[[nodiscard]] std::string_view check_help() noexcept;
[[nodiscard]] std::string_view narrate_help() noexcept;

/// `fisc show [--lang zh|en] [--width N] PATH` (show.cpp).
[[nodiscard]] int run_show(std::span<const std::string_view> args, Streams io);

/// `fisc check [options] PATH...` (check.cpp).
[[nodiscard]] int run_check(std::span<const std::string_view> args, Streams io);

/// `fisc narrate [--exact-shares] [-o FILE] PATH` (narrate.cpp).
[[nodiscard]] int run_narrate(std::span<const std::string_view> args, Streams io);

}  // namespace fisc::cli
