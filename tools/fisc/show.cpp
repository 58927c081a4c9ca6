// SPDX-License-Identifier: BSL-1.0
#include <array>
#include <charconv>
#include <cstdint>
#include <exception>
#include <filesystem>
#include <optional>
#include <ostream>
#include <string>
#include <utility>

#include "fisc/args.hpp"
#include "fisc/commands.hpp"
#include "fisc/input.hpp"
#include "fisc/io/load_error.hpp"
#include "fisc/io/show.hpp"
#include "fisc/narrative/reader.hpp"
#include "fisc/pdf/published.hpp"

namespace fisc::cli {

std::string_view show_help() noexcept {
  return R"(Usage: fisc show [--lang zh|en] [--width N] PATH

Prints a report: its header (department, year, kind, unit); each table with its figures
exactly as written, the share of each row in the table's total and, beside a prior-year
column, the change and change rate of each row; the figures its text states, grouped by
section; its listings; its enumerations, with the count stated against the items listed.
Shares and change rates have one decimal more than the figures, rounded half up (四舍五入);
a zero base is shown as "—", never divided by.

Options:
  --lang zh|en   the language of fisc's own words (default zh); the document's own
                 titles, headers and labels are printed as written
  --width N      wrap the row labels of tables to keep lines within N columns
                 (default: no limit)
  -h, --help     print this help

PATH is a report file (.json, docs/report-format.md), a published document (.pdf), a text
(.txt: an explanatory text, or a whole document laid out in columns as pdftotext -layout
writes it), or - for standard input. For a document or a text, what was read is followed by
every word of a table that could not be placed (page, line, table, why) and every figure of
the text that was not read (page, line:column, why).

Exit status: 0 shown; 2 bad usage, or a report that cannot be read (the message names
the file, the line and column, and the place in the report).
)";
}

namespace {

/// The options of `fisc show`.
struct ShowCommand {
  ShowOptions show;
  std::string path;
};

constexpr std::array<OptionSpec, 2> show_specs{{{"--lang", true}, {"--width", true}}};

constexpr std::size_t widest = 100'000;

tl::expected<ShowCommand, UsageError> parse_show(const ParsedArgs& args) {
  ShowCommand command;
  if (const auto lang = args.last("--lang")) {
    const auto parsed = language_from_string(*lang);
    if (!parsed) {
      return tl::unexpected(
          UsageError{"--lang must be zh or en, not '" + std::string(*lang) + "'"});
    }
    command.show.lang = *parsed;
  }
  if (const auto width = args.last("--width")) {
    std::size_t n = 0;
    const char* end = width->data() + width->size();
    const auto [ptr, ec] = std::from_chars(width->data(), end, n);
    if (ec != std::errc() || ptr != end || n == 0 || n > widest) {
      return tl::unexpected(UsageError{"--width must be a number of columns from 1 to " +
                                       std::to_string(widest) + ", not '" + std::string(*width) +
                                       "'"});
    }
    command.show.width = n;
  }
  auto path = single_path(args);
  if (!path) return tl::unexpected(path.error());
  command.path = std::move(*path);
  return command;
}

}  // namespace

int run_show(std::span<const std::string_view> args, Streams io) {
  const auto parsed =
      parse_args(args, show_specs)
          .and_then(
              [](const ParsedArgs& a) -> tl::expected<std::optional<ShowCommand>, UsageError> {
                if (a.help) return std::nullopt;
                return parse_show(a).map([](ShowCommand c) { return std::optional(std::move(c)); });
              });
  if (!parsed) {
    io.err << "fisc show: " << parsed.error().message << "\nTry 'fisc show --help'.\n";
    return exit_failure;
  }
  if (!*parsed) {
    io.out << show_help();
    return exit_success;
  }
  const ShowCommand& command = **parsed;
  const std::string_view name = command.path == "-" ? stdin_name : command.path;
  try {
    if (is_narrative_path(command.path) || is_document_path(command.path)) {
      // A document: what was read, then every word of a table and every figure of the text
      // that was not, with its place and why.
      const std::filesystem::path path(command.path);
      const auto read =
          is_document_path(command.path) ? load_published_pdf(path) : load_published_text(path);
      if (!read) {
        io.err << describe(read.error()) << '\n';
        return exit_failure;
      }
      io.out << render_report(read->report, command.show);
      const bool zh = command.show.lang == Language::zh;
      const auto page = [&](std::uint32_t p) {
        if (p == 0) return std::string();
        return zh ? "第" + std::to_string(p) + "页 " : "page " + std::to_string(p) + ' ';
      };
      if (!read->report.tables.empty() || !read->problems.empty()) {
        io.out << '\n'
               << (zh ? "表格中未能归位的内容（" : "Table words not placed (")
               << read->problems.size() << (zh ? " 处）：\n" : "):\n");
        for (const TableProblem& p : read->problems) {
          io.out << "  " << page(p.page);
          if (p.line != 0) io.out << p.line << "  ";
          if (p.text != p.table) io.out << p.table << "  ";
          io.out << p.text << "  " << p.message << '\n';
        }
      }
      io.out << '\n'
             << (zh ? "未读的数字（" : "Figures not read (") << read->skipped.size()
             << (zh ? " 个）：\n" : "):\n");
      for (const SkippedFigure& s : read->skipped) {
        io.out << "  " << page(s.page) << s.span.line << ':' << s.span.column << "  " << s.text
               << "  " << s.reason << '\n';
      }
      io.out.flush();
    } else {
      const auto report = load_report(command.path, io.in);
      if (!report) {
        io.err << report.error() << '\n';
        return exit_failure;
      }
      io.out << render_report(*report, command.show);
      io.out.flush();
    }
  } catch (const std::exception& e) {
    io.err << "fisc show: internal error while showing " << name << ": " << e.what() << '\n';
    return exit_failure;
  }
  if (!io.out) {
    io.err << "fisc show: cannot write the output\n";
    return exit_failure;
  }
  return exit_success;
}

}  // namespace fisc::cli
