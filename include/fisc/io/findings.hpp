// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fisc/facts/source.hpp"
#include "fisc/rules/finding.hpp"
#include "fisc/rules/text.hpp"

/// Writing the results of a check (`fisc check --format`): findings for a person (text, 中文 or
/// English), for programs (JSON, design.md §3), for code-scanning tools (SARIF 2.1.0) and for CI
/// test reports (JUnit XML). docs/findings-format.md describes each format member by member.
///
/// 检查结果的输出. Every writer lists the findings in the order of `CheckResults::inputs` and, in
/// each input, in document order; figures are written exactly as they were stated, and numbers
/// never pass through binary floating point. Text that is not valid UTF-8 is written with U+FFFD
/// in place of each offending byte, so that every output is valid UTF-8 (and valid JSON or XML)
/// whatever the input held. Passed checks (`Severity::ok`) are listed only with `show_passed`; the
/// summaries count them either way, from `InputFindings::passed` (see `count`).
namespace fisc {

/// The formats of `fisc check --format`.
enum class FindingsFormat : std::uint8_t {
  text,   ///< for a person to read (the default)
  json,   ///< one JSON object, design.md §3
  sarif,  ///< SARIF 2.1.0, one run
  junit,  ///< JUnit XML: a testsuite per input, a testcase per rule
};

/// "text", "json", "sarif", "junit".
[[nodiscard]] std::string_view to_string(FindingsFormat format) noexcept;
/// The format named exactly so (lower case); nothing otherwise.
[[nodiscard]] std::optional<FindingsFormat> findings_format_from_string(
    std::string_view s) noexcept;

/// How the writers word and filter what they write.
struct FindingsOptions {
  /// The language of fisc's own words: messages, severities, headings, the summary. JSON writes
  /// both languages of each message besides.
  Language lang = Language::zh;
  /// Also list the findings of checks that held (severity ok), as `--show-passed` asks.
  bool show_passed = false;
};

namespace io_detail {
class FormatWriter;
}  // namespace io_detail

/// Whether the text format ends each input with a line of its own counts,
/// `path: 1 个错误、0 个提示、0 项待核实；3 项检查通过`, before the summary of the run. The other
/// formats say nothing more: JSON's `inputs`, SARIF's results and JUnit's testsuites are per
/// input already.
enum class InputSummaries : std::uint8_t {
  none,  ///< as write_findings writes (the default)
  text,  ///< a line per input in the text format
};

/// Writes a check's results one input at a time, so that a run over thousands of inputs holds
/// one input's findings at a time, not all of them (`fisc check DIR`). For the same inputs the
/// output equals what write_findings writes, byte for byte, with one exception below.
///
///     FindingsWriter writer(out, FindingsFormat::json, options, pack.infos());
///     for (...) writer.write(run(pack, subject));  // in the order the inputs are to be listed
///     writer.finish();                             // the rest of the document, the summary
///
/// The text format is written as it comes: each input when `write` gets it, the summary at
/// `finish`. The others put something known only at the end before the findings (JSON the list of
/// inputs with their counts, SARIF the artifacts and the rules, JUnit the totals of
/// `<testsuites>`); their findings are kept aside — in memory up to 256 KiB, beyond that in a
/// temporary file (std::tmpfile; in memory when none can be made) — and the whole document is
/// written at `finish`; so is JSON's list of inputs. What is kept in memory besides is a few
/// words per rule and, for SARIF and JUnit, per input (its path and counts).
///
/// The exception: in SARIF, a place in a file that is an input written *after* the finding has
/// no `artifactLocation.index` (its `uri` is there): the artifacts are the inputs, and a later
/// one is not known yet when the finding is written. write_findings, which knows every input
/// first, gives it one.
class FindingsWriter {
 public:
  /// `rules` are the rules that ran (CheckResults::rules). Throws std::invalid_argument for a
  /// `format` that is not one of FindingsFormat's enumerators, writing nothing.
  FindingsWriter(std::ostream& out, FindingsFormat format, const FindingsOptions& options,
                 const std::vector<RuleInfo>& rules,
                 InputSummaries summaries = InputSummaries::none);
  FindingsWriter(const FindingsWriter&) = delete;
  FindingsWriter& operator=(const FindingsWriter&) = delete;
  FindingsWriter(FindingsWriter&&) noexcept;
  FindingsWriter& operator=(FindingsWriter&&) noexcept;
  /// Writes nothing: a writer destroyed before `finish` leaves its document unfinished.
  ~FindingsWriter();

  /// Writes (or keeps for `finish`) one input's findings. Throws std::logic_error after
  /// `finish`; std::runtime_error when the temporary file cannot be written.
  void write(const InputFindings& input);
  /// Writes the rest of the document and its summary; throws std::logic_error when called twice.
  void finish();

  /// The counts over the inputs written so far (what the summary says, at the end).
  [[nodiscard]] const SeverityCounts& counts() const noexcept { return counts_; }
  /// The number of inputs written so far.
  [[nodiscard]] std::size_t inputs() const noexcept { return inputs_; }

 private:
  std::unique_ptr<io_detail::FormatWriter> format_;
  SeverityCounts counts_;
  std::size_t inputs_ = 0;
  bool finished_ = false;
};

/// Writes `results` to `out` in `format`; throws std::invalid_argument for a value that is not
/// one of FindingsFormat's enumerators. The same as a FindingsWriter given each input in turn.
void write_findings(std::ostream& out, const CheckResults& results, FindingsFormat format,
                    const FindingsOptions& options);

/// For a person: per input its path, then one block per finding,
/// `place: 错误 [rule] message` followed by the figures (推算 / derived ones marked), the value
/// expected and the tolerance policy, indented; then the summary line
/// `共 1 个错误、0 个警告、0 个提示；3 项检查通过` (`1 error, 0 warnings, 0 info; 3 checks
/// passed`).
void write_findings_text(std::ostream& out, const CheckResults& results,
                         const FindingsOptions& options);

/// One JSON object, `{"fisc", "inputs", "findings", "summary"}` (design.md §3), two-space
/// indented. Each finding has `rule`, `severity`, `message` (in `options.lang`), `message_zh`,
/// `message_en`, `input`, `where`, `figures` (the stated figures' texts exactly as written),
/// `details`, `expected` and `expected_range` when known, and `policy`.
void write_findings_json(std::ostream& out, const CheckResults& results,
                         const FindingsOptions& options);

/// A SARIF 2.1.0 log with one run: the rules as `tool.driver.rules`, the inputs as `artifacts`, a
/// result per finding. Columns are Unicode code points (`run.columnKind`), as in `Source`.
void write_findings_sarif(std::ostream& out, const CheckResults& results,
                          const FindingsOptions& options);

/// JUnit XML: `<testsuites name="fisc">`, a `<testsuite>` per input and in it a `<testcase>` per
/// rule, which fails (one `<failure>` listing that rule's findings on the input) when the rule
/// found anything of severity info or worse.
void write_findings_junit(std::ostream& out, const CheckResults& results,
                          const FindingsOptions& options);

/// Where a finding or figure is, in the form every fisc message uses (`describe(Source)`), with
/// `input_path` standing for the file when the source names none: "a.txt:96:20",
/// "a.json: 收入支出决算总表 / 301 / 决算数", "a.json: page 9: 第二部分 七（二）".
[[nodiscard]] std::string describe_place(const Source& source, std::string_view input_path);

}  // namespace fisc
