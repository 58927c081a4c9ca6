// SPDX-License-Identifier: BSL-1.0
// What the four findings writers share: valid UTF-8 out of any bytes, fisc's words for
// severities, the text block of one finding (the text format and JUnit's failure bodies), and
// the printing of a Boost.JSON value (JSON and SARIF). Private to src/io.
#pragma once

#include <cstddef>
#include <iosfwd>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/value.hpp>

#include "fisc/facts/source.hpp"
#include "fisc/io/findings.hpp"
#include "fisc/numbers/unit.hpp"
#include "fisc/rules/finding.hpp"
#include "fisc/rules/severity.hpp"
#include "fisc/rules/text.hpp"

namespace fisc::io_detail {

inline constexpr char32_t replacement_character = U'\uFFFD';

/// The code point that starts at `s[i]`, advancing `i` past it. A byte that does not start a
/// well-formed UTF-8 sequence (RFC 3629: no overlong forms, no surrogates, nothing above
/// U+10FFFF) is `replacement_character`, and `i` advances by that one byte.
[[nodiscard]] char32_t next_code_point(std::string_view s, std::size_t& i) noexcept;

/// Appends the UTF-8 form of `cp` (which must be a Unicode scalar value).
void append_utf8(std::string& out, char32_t cp);

/// `s` with U+FFFD in place of each byte that is not part of well-formed UTF-8.
[[nodiscard]] std::string valid_utf8(std::string_view s);

/// `s` as valid UTF-8 with every control character but line break and tab as U+FFFD: text for a
/// terminal, which acts on C0 and C1 controls (an escape sequence can rewrite the screen).
[[nodiscard]] std::string terminal_safe(std::string_view s);

/// The text in `lang`, or in the other language when it has none in `lang`.
[[nodiscard]] const std::string& in_language(const Text& text, Language lang) noexcept;

/// 错误 / 提示 / 核实 / 通过 (the 强制 / 提示 / 核实 of the audit formulas); error / warning / info
/// / ok.
[[nodiscard]] std::string_view severity_word(Severity s, Language lang) noexcept;

/// Whether a writer lists the finding: every finding but the passed ones, which only with
/// `show_passed`.
[[nodiscard]] bool listed(const Finding& finding, const FindingsOptions& options) noexcept;

/// The figure's text and, for an amount whose text does not already say so, its unit symbol:
/// "534.27 万元", "1.28%".
[[nodiscard]] std::string with_unit(std::string_view text, Unit unit);

/// The text format's block for one finding, every line ended by '\n':
///
///     place: 错误 [rule] message
///       534.27 万元  fact  位于 96:20
///       应为：534.29 万元
///       口径：policy
///
/// An input without a name (standard input) is written "-". A message of several lines continues
/// on lines indented by four spaces. Control characters other than line breaks and tabs are
/// written as U+FFFD, so that no finding can drive a terminal.
[[nodiscard]] std::string finding_block(const Finding& finding, std::string_view input_path,
                                        Language lang);

/// One format's writer behind FindingsWriter: `input` for each input in order, then `finish`
/// once, with the counts over all of them.
class FormatWriter {
 public:
  FormatWriter() = default;
  FormatWriter(const FormatWriter&) = delete;
  FormatWriter& operator=(const FormatWriter&) = delete;
  FormatWriter(FormatWriter&&) = delete;
  FormatWriter& operator=(FormatWriter&&) = delete;
  virtual ~FormatWriter() = default;

  virtual void input(const InputFindings& input) = 0;
  virtual void finish(const SeverityCounts& total) = 0;
};

/// The writer of `format` (which must be one of FindingsFormat's enumerators). `known_inputs`,
/// when the caller has them all before writing (write_findings), lets SARIF index a place in
/// any input's file, including one written later.
[[nodiscard]] std::unique_ptr<FormatWriter> make_text_writer(std::ostream& out,
                                                             const FindingsOptions& options,
                                                             InputSummaries summaries);
[[nodiscard]] std::unique_ptr<FormatWriter> make_json_writer(std::ostream& out,
                                                             const FindingsOptions& options);
[[nodiscard]] std::unique_ptr<FormatWriter> make_sarif_writer(
    std::ostream& out, const FindingsOptions& options, const std::vector<RuleInfo>& rules,
    std::span<const InputFindings> known_inputs);
[[nodiscard]] std::unique_ptr<FormatWriter> make_junit_writer(std::ostream& out,
                                                              const FindingsOptions& options,
                                                              const std::vector<RuleInfo>& rules);

/// Prints a JSON value with two-space indentation: an array or object that fits on the rest of
/// its line (100 columns) goes on one line, `{"a": 1, "b": [2, 3]}`; longer ones are spread over
/// lines, one member or element per line. Ends without a line break.
void print_json(std::ostream& out, const boost::json::value& value);

/// Appends `value` to `out` as print_json prints it, at the column where `out` ends and nested
/// `indent` spaces deep: how a streaming writer prints one member or element of a document that
/// print_json would have printed whole.
void print_json_to(std::string& out, const boost::json::value& value, std::size_t indent);

/// A string value for Boost.JSON, as valid UTF-8.
[[nodiscard]] boost::json::string json_string(std::string_view s);

}  // namespace fisc::io_detail
