// SPDX-License-Identifier: BSL-1.0
#include "fisc/args.hpp"

#include <algorithm>

namespace fisc::cli {

std::optional<std::string_view> ParsedArgs::last(std::string_view name) const {
  const auto it = std::find_if(options.rbegin(), options.rend(),
                               [&](const auto& option) { return option.first == name; });
  if (it == options.rend()) return std::nullopt;
  return it->second;
}

bool ParsedArgs::has(std::string_view name) const {
  return std::any_of(options.begin(), options.end(),
                     [&](const auto& option) { return option.first == name; });
}

tl::expected<ParsedArgs, UsageError> parse_args(std::span<const std::string_view> args,
                                                std::span<const OptionSpec> specs) {
  ParsedArgs parsed;
  bool options_ended = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string_view arg = args[i];
    if (options_ended || arg == "-" || !arg.starts_with('-')) {
      parsed.operands.emplace_back(arg);
      continue;
    }
    if (arg == "--") {
      options_ended = true;
      continue;
    }
    if (arg == "-h" || arg == "--help") {
      parsed.help = true;
      continue;
    }
    const std::size_t equals = arg.find('=');
    const std::string_view name = arg.substr(0, equals);
    const auto spec = std::find_if(specs.begin(), specs.end(),
                                   [&](const OptionSpec& s) { return s.name == name; });
    // A command may name a short option ("-o") in its specs; any other single-dash
    // argument is unknown.
    if (spec == specs.end()) {
      return tl::unexpected(UsageError{"unknown option '" + std::string(name) + "'"});
    }
    if (!spec->takes_value) {
      if (equals != std::string_view::npos) {
        return tl::unexpected(UsageError{"option '" + std::string(name) + "' takes no value"});
      }
      parsed.options.emplace_back(name, "");
      continue;
    }
    if (equals != std::string_view::npos) {
      parsed.options.emplace_back(name, arg.substr(equals + 1));
    } else if (i + 1 < args.size()) {
      parsed.options.emplace_back(name, args[++i]);
    } else {
      return tl::unexpected(UsageError{"option '" + std::string(name) + "' needs a value"});
    }
  }
  return parsed;
}

tl::expected<std::string, UsageError> single_path(const ParsedArgs& args) {
  if (args.operands.empty())
    return tl::unexpected(UsageError{"missing PATH (a report file, or -)"});
  if (args.operands.size() > 1) {
    return tl::unexpected(UsageError{"one PATH only; got " + std::to_string(args.operands.size()) +
                                     " ('" + args.operands[0] + "', '" + args.operands[1] + "'…)"});
  }
  return args.operands.front();
}

}  // namespace fisc::cli
