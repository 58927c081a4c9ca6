// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <cstddef>
#include <iosfwd>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <tl/expected.hpp>

#include "fisc/accounts/report.hpp"

namespace fisc::cli {

/// How standard input is named in messages and in the places of its figures.
inline constexpr std::string_view stdin_name = "<stdin>";

/// The report that the PATH operand `path` names: a report file (.json), a text (.txt, read by
/// read_published_text: its statements, and its tables where it is laid out in columns), a PDF
/// (.pdf, read by load_published_pdf), or "-" for the report file's text on `in`. The error is the
/// message to print: it names the file and the place (describe(LoadError): "file:line:column: path:
/// message").
[[nodiscard]] tl::expected<Report, std::string> load_report(std::string_view path,
                                                            std::istream& in);

/// Whether `path` names a narrative text (.txt, any case).
[[nodiscard]] bool is_narrative_path(std::string_view path);

/// Whether `path` names a published document (.pdf, any case).
[[nodiscard]] bool is_document_path(std::string_view path);

/// The report of `path` (as load_report) with the statements, enumerations and claims of the
/// narrative text `narrative` added, read as of the report's year and kind; `narrative` empty:
/// load_report.
[[nodiscard]] tl::expected<Report, std::string> load_input(std::string_view path,
                                                           std::string_view narrative,
                                                           std::istream& in);

/// A cell of `report` whose meaning could not be determined (Subject::errors()), as a message in
/// the form of describe(LoadError): "file: $.tables[0].rows[2].cells.total: table “…”, row “…”,
/// column “…”: message".
[[nodiscard]] std::string describe_cell_error(const Report& report, const CellError& error);

/// Strings kept end to end in one buffer: the paths of 20,000 reports in a few allocations, not
/// 20,000 (`fisc check DIR` holds them all while it checks them).
class StringList {
 public:
  void push_back(std::string_view s) {
    text_.append(s);
    ends_.push_back(text_.size());
  }
  [[nodiscard]] std::size_t size() const noexcept { return ends_.size(); }
  [[nodiscard]] bool empty() const noexcept { return ends_.empty(); }
  /// The `i`th string; valid until the next push_back.
  [[nodiscard]] std::string_view operator[](std::size_t i) const {
    const std::size_t begin = i == 0 ? 0 : ends_.at(i - 1);
    return std::string_view(text_).substr(begin, ends_.at(i) - begin);
  }

 private:
  std::string text_;
  std::vector<std::size_t> ends_;  ///< where each string ends in text_
};

/// The inputs that `fisc check`'s PATH operands name, in order: a report file as named, "-"
/// (standard input) as named, and for a folder every report file (.json) in it and its
/// subfolders, in sorted path order; a narrative text (.txt) is paired with its report or is an
/// input of its own (see `narratives`).
struct InputList {
  StringList paths;
  /// For each path, the narrative text (.txt) checked together with it, or empty. A text is
  /// paired with the report of the same name (说明.txt with 说明.json or 说明.report.json, in the
  /// same folder or among the operands), or with the only report when the operands (or a folder)
  /// hold one report and one text; any other text is an input of its own.
  StringList narratives;
  /// Other files found in folders (not .json, not .txt), not read.
  std::size_t skipped_others = 0;
};

/// The inputs of `operands` (see InputList). The error is the message to print, naming the
/// operand: a file of another kind named explicitly, a file or
/// folder that does not exist (a missing .json is left to load_report, which says so), or a
/// folder that cannot be read.
[[nodiscard]] tl::expected<InputList, std::string> list_inputs(
    std::span<const std::string> operands);

}  // namespace fisc::cli
