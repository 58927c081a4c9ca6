// SPDX-License-Identifier: BSL-1.0
#include <array>
#include <exception>
#include <fstream>
#include <optional>
#include <ostream>
#include <string>
#include <utility>

#include "fisc/args.hpp"
#include "fisc/commands.hpp"
#include "fisc/input.hpp"
#include "fisc/narrative/writer.hpp"

namespace fisc::cli {

std::string_view narrate_help() noexcept {
  return R"(Usage: fisc narrate [--exact-shares] [-o FILE] PATH

Writes the standard explanatory text of a report (第二部分 决算情况说明 of the Sichuan
部门决算 template) from its figures: 一 收入支出总体情况 to 九 国有资本经营预算, then
其他重要事项说明 (机关运行经费, 政府采购, 国有资产占用). Each figure is taken from the report's
tables where they have it, else from its first statement or listing. Amounts are written
in 万元 to 0.01 and rates to 0.01%, rounded half up (四舍五入); changes, change rates, shares
and completion rates are computed from the figures, never copied. A sentence whose figures
the report lacks is left out, and a share of a zero whole is not written.

Options:
  --exact-shares  allocate each list of shares by largest remainder so that it adds up
                  to exactly 100.00%, and say so after the list (without it, each share
                  is rounded on its own and a list may add up to 99.99% or 100.01%)
  -o, --output FILE
                  write the text to FILE instead of standard output
  -h, --help      print this help

PATH is a report file (.json, docs/report-format.md), or - for standard input.

Exit status: 0 written; 2 bad usage, a report that cannot be read (the message names the
file, the line and column, and the place in the report), or an output file that cannot
be written.
)";
}

namespace {

/// The options of `fisc narrate`.
struct NarrateCommand {
  NarrateOptions narrate;
  std::optional<std::string> output;
  std::string path;
};

constexpr std::array<OptionSpec, 3> narrate_specs{
    {{"--exact-shares", false}, {"-o", true}, {"--output", true}}};

tl::expected<NarrateCommand, UsageError> parse_narrate(const ParsedArgs& args) {
  NarrateCommand command;
  command.narrate.exact_shares = args.has("--exact-shares");
  // -o and --output are one option: the last one given counts.
  for (const auto& [name, value] : args.options) {
    if (name == "-o" || name == "--output") command.output = value;
  }
  if (command.output && command.output->empty()) {
    return tl::unexpected(UsageError{"-o needs a FILE name"});
  }
  auto path = single_path(args);
  if (!path) return tl::unexpected(path.error());
  command.path = std::move(*path);
  return command;
}

}  // namespace

int run_narrate(std::span<const std::string_view> args, Streams io) {
  const auto parsed =
      parse_args(args, narrate_specs)
          .and_then(
              [](const ParsedArgs& a) -> tl::expected<std::optional<NarrateCommand>, UsageError> {
                if (a.help) return std::nullopt;
                return parse_narrate(a).map(
                    [](NarrateCommand c) { return std::optional(std::move(c)); });
              });
  if (!parsed) {
    io.err << "fisc narrate: " << parsed.error().message << "\nTry 'fisc narrate --help'.\n";
    return exit_failure;
  }
  if (!*parsed) {
    io.out << narrate_help();
    return exit_success;
  }
  const NarrateCommand& command = **parsed;
  const std::string_view name = command.path == "-" ? stdin_name : command.path;
  std::string text;
  try {
    const auto report = load_report(command.path, io.in);
    if (!report) {
      io.err << report.error() << '\n';
      return exit_failure;
    }
    text = write_narrative(*report, command.narrate);
  } catch (const std::exception& e) {
    io.err << "fisc narrate: internal error while writing " << name << ": " << e.what() << '\n';
    return exit_failure;
  }
  if (command.output) {
    std::ofstream file(*command.output, std::ios::binary | std::ios::trunc);
    file << text;
    file.close();
    if (!file) {
      io.err << "fisc narrate: cannot write " << *command.output << '\n';
      return exit_failure;
    }
    return exit_success;
  }
  io.out << text;
  io.out.flush();
  if (!io.out) {
    io.err << "fisc narrate: cannot write the output\n";
    return exit_failure;
  }
  return exit_success;
}

}  // namespace fisc::cli
