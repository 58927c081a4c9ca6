// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <tl/expected.hpp>

namespace fisc::cli {

/// An option a command accepts: its long name ("--lang") and whether it takes a value.
struct OptionSpec {
  std::string_view name;
  bool takes_value = false;
};

/// A command's arguments, sorted into options and operands (the PATHs).
struct ParsedArgs {
  /// Each option as given, in order: its name and its value ("" for a flag).
  std::vector<std::pair<std::string, std::string>> options;
  std::vector<std::string> operands;
  bool help = false;  ///< -h or --help was given

  /// The value of the last occurrence of `name` (a later --lang overrides an earlier one).
  [[nodiscard]] std::optional<std::string_view> last(std::string_view name) const;
  [[nodiscard]] bool has(std::string_view name) const;
};

/// A mistake in the command line: the message says what was wrong and what was expected.
struct UsageError {
  std::string message;
};

/// Sorts `args` by `specs`: "--name value" and "--name=value" for options with a value,
/// "--name" for flags, "-h" and "--help" for help, "--" ends the options, "-" is an operand
/// (standard input). Any other argument that starts with '-' is an unknown option.
[[nodiscard]] tl::expected<ParsedArgs, UsageError> parse_args(
    std::span<const std::string_view> args, std::span<const OptionSpec> specs);

/// The one PATH operand of a command that reads a single report (`show`, `narrate`); none or
/// more than one is a usage error saying so.
[[nodiscard]] tl::expected<std::string, UsageError> single_path(const ParsedArgs& args);

}  // namespace fisc::cli
