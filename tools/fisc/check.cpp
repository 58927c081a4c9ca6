// SPDX-License-Identifier: BSL-1.0
#include <unistd.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <chrono>
#include <cstddef>
#include <exception>
#include <iostream>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <system_error>
#include <thread>
#include <utility>
#include <vector>

#include "fisc/args.hpp"
#include "fisc/batch.hpp"
#include "fisc/commands.hpp"
#include "fisc/input.hpp"
#include "fisc/io/findings.hpp"
#include "fisc/numbers/parse.hpp"
#include "fisc/rules/builtin.hpp"
#include "fisc/rules/finding.hpp"
#include "fisc/rules/pack.hpp"
#include "fisc/rules/severity.hpp"
#include "fisc/rules/subject.hpp"
#include "fisc/rules/text.hpp"
#include "fisc/rules/tolerance.hpp"

namespace fisc::cli {

std::string_view check_help() noexcept {
  return R"(Usage: fisc check [options] PATH...

Checks reports against fisc's rules (docs/rules.md) and prints the findings: the figures
that cannot all be right, each with its place, the figures as written, the value expected
and the tolerance policy that judged it. A figure is read as the interval its rounding
allows (950.84 is any value from 950.835 to 950.845) unless --tolerance says otherwise.

Options:
  --format text|json|sarif|junit   the form of the findings (default text)
  --lang zh|en                     the language of the messages (default zh)
  --fail-on error|warning|info|never
                                   the severity that makes the exit status 1 (default error)
  --show-passed                    also list the checks that held (severity "ok")
  --rules SEL[,SEL...]             run only the rules these select (repeatable)
  --skip SEL[,SEL...]              do not run the rules these select (repeatable)
  --severity SEL=error|warning|info
                                   re-grade the rules SEL selects (repeatable; later wins)
  --tolerance interval|truncation|absolute:YUAN:POINTS
                                   how figures are compared (default interval): each
                                   figure as the interval its rounding allows; as
                                   truncated (截尾) to its last digit; or exact, with a
                                   difference of up to YUAN 元 in money and POINTS
                                   percentage points in rates (absolute:100:0.01)
  --list-rules                     list the rules (id, severity, title) and exit
  --jobs N                         check N inputs at a time (default: one per processor
                                   core); --jobs 1 checks them one after another
  --quiet                          no progress line and no notes on skipped files
  -h, --help                       print this help

A selector SEL is a rule id (sum.basic), an id prefix up to a dot (sum: sum.basic,
sum.fund, ...) or a tag (three_public). --rules and --skip apply first, then each
--severity in order; --list-rules lists the rules they leave.

PATH is a report file (.json, docs/report-format.md), a narrative text (.txt: the 决算说明,
UTF-8 or GB18030; docs/narrative.md; a whole document laid out in columns, as pdftotext
-layout writes it, has its tables read too), a published document (.pdf: its tables and its
text; docs/pdf.md), - for a report on standard input, or a folder: every .json, .txt and
.pdf file in it and its subfolders, in sorted order (other files are skipped; with
--format text, stderr says how many). A text is checked together with the report of its name
(说明.txt with 说明.json), or with the only report when there is one report and one text: its
figures are then compared with the report's. The findings are written in that order whatever
--jobs is; with more than one
input, the text format ends each with a line of its counts. An input that cannot be read
is named on stderr with the place, and the others are still checked and written.

On a terminal, stderr shows a progress line (inputs done, rate, time left); not when stderr
is not a terminal, nor with --quiet.

Exit status: 0 nothing at or above --fail-on; 1 findings at or above it; 2 bad usage or
an input that cannot be read (the message names the file and the place).
)";
}

namespace {

/// The options of `fisc check`.
struct CheckCommand {
  FindingsFormat format = FindingsFormat::text;
  FindingsOptions findings;
  std::optional<Severity> fail_on = Severity::error;  ///< nothing: never
  std::vector<std::string> rules;                     ///< --rules selectors, none: all
  std::vector<std::string> skip;
  std::vector<std::pair<std::string, Severity>> regrades;
  TolerancePolicy policy;
  bool list_rules = false;
  std::size_t jobs = 1;
  bool quiet = false;
  std::vector<std::string> paths;
};

constexpr std::array<OptionSpec, 11> check_specs{{
    {"--format", true},
    {"--lang", true},
    {"--fail-on", true},
    {"--show-passed", false},
    {"--rules", true},
    {"--skip", true},
    {"--severity", true},
    {"--tolerance", true},
    {"--list-rules", false},
    {"--jobs", true},
    {"--quiet", false},
}};

using Usage = tl::unexpected<UsageError>;

/// More threads than this would only wait on each other (and on memory: each holds a report).
constexpr std::size_t max_jobs = 1024;

Usage usage(std::string message) { return Usage(UsageError{std::move(message)}); }

std::string single_quoted(std::string_view s) { return "'" + std::string(s) + "'"; }

/// Whether `selector` names a rule of `rules`.
bool selects_any(std::string_view selector, const std::vector<RuleInfo>& rules) {
  return std::any_of(rules.begin(), rules.end(),
                     [&](const RuleInfo& r) { return selects(selector, r); });
}

/// The selectors of a --rules or --skip value, "a,b,c", each naming a rule of the pack.
tl::expected<std::vector<std::string>, UsageError> parse_selectors(
    std::string_view option, std::string_view value, const std::vector<RuleInfo>& rules) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (true) {
    const std::size_t comma = value.find(',', start);
    const std::string_view selector = value.substr(start, comma - start);
    if (selector.empty()) {
      return usage(std::string(option) + " takes rule ids, id prefixes or tags separated by " +
                   "commas, not " + single_quoted(value));
    }
    if (!selects_any(selector, rules)) {
      return usage(std::string(option) + ": " + single_quoted(selector) +
                   " is no rule id, id prefix or tag of fisc's rules ('fisc check --list-rules' "
                   "lists them)");
    }
    out.emplace_back(selector);
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  return out;
}

/// "interval", "truncation" or "absolute:YUAN:POINTS" (two exact decimals, neither negative).
tl::expected<TolerancePolicy, UsageError> parse_tolerance(std::string_view value) {
  if (value == "interval") return TolerancePolicy::intervals();
  if (value == "truncation") return TolerancePolicy::truncation();
  const auto bad = [&](std::string_view why) {
    return usage(
        "--tolerance must be interval, truncation or absolute:YUAN:POINTS (e.g. "
        "absolute:100:0.01), not " +
        single_quoted(value) + std::string(why));
  };
  constexpr std::string_view prefix = "absolute:";
  if (!value.starts_with(prefix)) return bad("");
  const std::string_view rest = value.substr(prefix.size());
  const std::size_t colon = rest.find(':');
  if (colon == std::string_view::npos) return bad("");
  const std::string_view yuan_text = rest.substr(0, colon);
  const std::string_view points_text = rest.substr(colon + 1);
  const auto yuan = parse_decimal(yuan_text);
  if (!yuan) return bad(": YUAN " + single_quoted(yuan_text) + " is not a number");
  const auto points = parse_decimal(points_text);
  if (!points) return bad(": POINTS " + single_quoted(points_text) + " is not a number");
  if (yuan->is_negative() || points->is_negative()) return bad(": a tolerance is not negative");
  return TolerancePolicy::absolute(*yuan, *points);
}

tl::expected<CheckCommand, UsageError> parse_check(const ParsedArgs& args,
                                                   const std::vector<RuleInfo>& rules) {
  CheckCommand command;
  if (const auto format = args.last("--format")) {
    const auto parsed = findings_format_from_string(*format);
    if (!parsed)
      return usage("--format must be text, json, sarif or junit, not " + single_quoted(*format));
    command.format = *parsed;
  }
  if (const auto lang = args.last("--lang")) {
    const auto parsed = language_from_string(*lang);
    if (!parsed) return usage("--lang must be zh or en, not " + single_quoted(*lang));
    command.findings.lang = *parsed;
  }
  if (const auto fail_on = args.last("--fail-on")) {
    const auto parsed = severity_from_string(*fail_on);
    if (*fail_on == "never") {
      command.fail_on = std::nullopt;
    } else if (parsed && *parsed != Severity::ok) {
      command.fail_on = *parsed;
    } else {
      return usage("--fail-on must be error, warning, info or never, not " +
                   single_quoted(*fail_on));
    }
  }
  if (const auto tolerance = args.last("--tolerance")) {
    auto parsed = parse_tolerance(*tolerance);
    if (!parsed) return Usage(std::move(parsed.error()));
    command.policy = *parsed;
  }
  command.jobs = std::max(1U, std::thread::hardware_concurrency());
  if (const auto jobs = args.last("--jobs")) {
    std::size_t n = 0;
    const auto [end, ec] = std::from_chars(jobs->data(), jobs->data() + jobs->size(), n);
    if (ec != std::errc{} || end != jobs->data() + jobs->size() || n == 0 || n > max_jobs) {
      return usage("--jobs takes a whole number from 1 to " + std::to_string(max_jobs) + ", not " +
                   single_quoted(*jobs));
    }
    command.jobs = n;
  }
  command.quiet = args.has("--quiet");
  command.findings.show_passed = args.has("--show-passed");
  command.list_rules = args.has("--list-rules");
  for (const auto& [name, value] : args.options) {
    if (name == "--rules" || name == "--skip") {
      auto selectors = parse_selectors(name, value, rules);
      if (!selectors) return Usage(std::move(selectors.error()));
      auto& into = name == "--rules" ? command.rules : command.skip;
      into.insert(into.end(), selectors->begin(), selectors->end());
    } else if (name == "--severity") {
      const std::size_t equals = value.find('=');
      const std::string_view selector = std::string_view(value).substr(0, equals);
      const auto severity = equals == std::string::npos
                                ? std::nullopt
                                : severity_from_string(std::string_view(value).substr(equals + 1));
      if (selector.empty() || !severity || *severity == Severity::ok) {
        return usage("--severity takes SELECTOR=error, SELECTOR=warning or SELECTOR=info, not " +
                     single_quoted(value));
      }
      if (!selects_any(selector, rules)) {
        return usage("--severity: " + single_quoted(selector) +
                     " is no rule id, id prefix or tag of fisc's rules ('fisc check "
                     "--list-rules' lists them)");
      }
      command.regrades.emplace_back(selector, *severity);
    }
  }
  command.paths = args.operands;
  if (command.list_rules) {
    if (!command.paths.empty()) return usage("--list-rules takes no PATH");
    return command;
  }
  if (command.paths.empty()) {
    return usage("missing PATH (a report file, a folder of them, or -)");
  }
  if (std::count(command.paths.begin(), command.paths.end(), "-") > 1) {
    return usage("standard input (-) can be read once only");
  }
  return command;
}

/// The pack as the command's --rules, --skip and --severity make it.
Pack configured_pack(Pack pack, const CheckCommand& command) {
  const auto views = [](const std::vector<std::string>& strings) {
    return std::vector<std::string_view>(strings.begin(), strings.end());
  };
  if (!command.rules.empty()) pack = pack.only(views(command.rules));
  if (!command.skip.empty()) pack = pack.without(views(command.skip));
  for (const auto& [selector, severity] : command.regrades) pack.regrade(selector, severity);
  return pack;
}

/// `--list-rules`: a line per rule, "id  severity  title", the ids and severities aligned.
void list_rules(std::ostream& out, const Pack& pack, Language lang) {
  std::size_t width = 0;
  for (const Rule& rule : pack.rules()) width = std::max(width, rule.info.id.size());
  constexpr std::size_t severity_width = 7;  // "warning"
  for (const Rule& rule : pack.rules()) {
    const std::string_view severity = to_string(rule.info.severity);
    out << rule.info.id << std::string(width - rule.info.id.size() + 2, ' ') << severity
        << std::string(severity_width - severity.size() + 2, ' ') << rule.info.title.in(lang)
        << '\n';
  }
}

/// Reads and checks one input; the error is what to print, a line per problem.
CheckedInput check_one(std::string_view path, std::string_view narrative, const Pack& pack,
                       const RunOptions& options, std::istream& in) {
  try {
    const auto report = load_input(path, narrative, in);
    if (!report) return tl::unexpected(report.error() + '\n');
    const Subject subject(*report);
    if (!subject.errors().empty()) {
      std::string errors;
      for (const CellError& e : subject.errors()) errors += describe_cell_error(*report, e) + '\n';
      return tl::unexpected(std::move(errors));
    }
    InputFindings found = run(pack, subject, options);
    found.path = std::string(path);
    return found;
  } catch (const std::exception& e) {
    return tl::unexpected("fisc check: internal error while checking " +
                          std::string(path == "-" ? stdin_name : path) + ": " + e.what() + '\n');
  }
}

/// Whether `stream` is the process's own stream `fd` (std::cerr for 2, std::cout for 1) and that
/// is a terminal. The commands also run in-process on other streams (tests), which never are.
bool is_terminal(const std::ostream& stream, const std::ostream& standard, int fd) {
  return &stream == &standard && isatty(fd) == 1;
}

int usage_failure(Streams io, const std::string& message) {
  io.err << "fisc check: " << message << "\nTry 'fisc check --help'.\n";
  return exit_failure;
}

}  // namespace

int run_check(std::span<const std::string_view> args, Streams io) {
  Pack builtin = builtin_pack();
  const auto parsed =
      parse_args(args, check_specs)
          .and_then(
              [&](const ParsedArgs& a) -> tl::expected<std::optional<CheckCommand>, UsageError> {
                if (a.help) return std::nullopt;
                return parse_check(a, builtin.infos()).map([](CheckCommand c) {
                  return std::optional(std::move(c));
                });
              });
  if (!parsed) return usage_failure(io, parsed.error().message);
  if (!*parsed) {
    io.out << check_help();
    return exit_success;
  }
  const CheckCommand& command = **parsed;
  const Pack pack = configured_pack(std::move(builtin), command);
  if (pack.size() == 0) return usage_failure(io, "--rules and --skip leave no rule to run");
  if (command.list_rules) {
    list_rules(io.out, pack, command.findings.lang);
    io.out.flush();
    if (io.out) return exit_success;
    io.err << "fisc check: cannot write the output\n";
    return exit_failure;
  }

  const auto inputs = list_inputs(command.paths);
  if (!inputs) {
    io.err << inputs.error() << '\n';
    return exit_failure;
  }
  if (inputs->paths.empty()) {
    io.err << "fisc check: no report file (.json), text (.txt) or document (.pdf) in ";
    for (std::size_t i = 0; i < command.paths.size(); ++i) {
      io.err << (i == 0 ? "" : ", ") << command.paths[i];
    }
    io.err << '\n';
    return exit_failure;
  }
  if (command.format == FindingsFormat::text && !command.quiet) {
    if (const std::size_t n = inputs->skipped_others; n > 0) {
      io.err << "fisc check: skipped " << n << (n == 1 ? " other file" : " other files")
             << " in folders: not a report (.json), a text (.txt) or a document (.pdf)\n";
    }
  }

  const StringList& paths = inputs->paths;
  const RunOptions options{.policy = command.policy, .keep_passed = command.findings.show_passed};
  // The progress line shares the terminal with the findings when both go to it: it is erased
  // before each input's findings are written.
  const bool progress_shown = !command.quiet && is_terminal(io.err, std::cerr, STDERR_FILENO);
  const bool shares_terminal = progress_shown && command.format == FindingsFormat::text &&
                               is_terminal(io.out, std::cout, STDOUT_FILENO);
  bool unreadable = false;
  std::optional<FindingsWriter> writer;
  try {
    writer.emplace(io.out, command.format, command.findings, pack.infos(),
                   paths.size() > 1 ? InputSummaries::text : InputSummaries::none);
    Progress progress(io.err, paths.size(), progress_shown, Progress::Clock::now());
    progress.update(0, Progress::Clock::now());
    run_in_order(
        paths.size(), command.jobs,
        [&](std::size_t i) {
          return check_one(paths[i], inputs->narratives[i], pack, options, io.in);
        },
        [&](std::size_t i, CheckedInput checked) {
          if (!checked) {
            progress.clear();
            io.err << checked.error() << std::flush;
            unreadable = true;
          } else {
            if (shares_terminal) progress.clear();
            writer->write(*checked);
            if (shares_terminal) io.out.flush();
          }
          progress.update(i + 1, Progress::Clock::now());
          return static_cast<bool>(io.out);
        });
    progress.clear();
    // When no input could be read there is nothing to write, not even an empty summary.
    if (io.out && (writer->inputs() > 0 || !unreadable)) writer->finish();
    io.out.flush();
  } catch (const std::exception& e) {
    io.err << "fisc check: internal error: " << e.what() << '\n';
    return exit_failure;
  }
  if (!io.out) {
    io.err << "fisc check: cannot write the output\n";
    return exit_failure;
  }
  if (unreadable) return exit_failure;
  if (!command.fail_on) return exit_success;
  return writer->counts().at_least(*command.fail_on) > 0 ? exit_findings : exit_success;
}

}  // namespace fisc::cli
