// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace fisc {

/// Why an input file could not be read, and exactly where (design.md §1.6: which file, which
/// place, what was expected).
///
/// 读取错误. Every reader of `fisc/io` returns one instead of a partial result.
struct LoadError {
  std::string file;  ///< the input as named by the caller
  /// 1-based; the column counts Unicode code points. 0: not known (a missing file, a file too
  /// large to read).
  std::uint32_t line = 0;
  std::uint32_t column = 0;
  /// The place in the input's own structure: a JSON path such as
  /// `$.tables[3].rows[12].cells.basic`, or in a CSV file `row 5, column 科目编码`. Empty when
  /// the error is about the file as a whole.
  std::string path;
  std::string message;  ///< what is wrong and what was expected

  friend bool operator==(const LoadError&, const LoadError&) = default;
};

/// "file:line:column: path: message", leaving out the parts that are not known
/// ("file: message" for a missing file).
[[nodiscard]] std::string describe(const LoadError& error);

/// A place in a text: 1-based line and column, the column in code points.
struct TextPosition {
  std::uint32_t line = 1;
  std::uint32_t column = 1;
  friend bool operator==(const TextPosition&, const TextPosition&) = default;
};

/// The line and column of the byte at `offset` in a UTF-8 `text` (an offset past the end is the
/// end). Lines end at LF; a CR before it counts as a character of its line. Bytes that are not
/// valid UTF-8 count one column each, except continuation bytes, so the column of an invalid
/// byte is where an editor shows it.
[[nodiscard]] TextPosition position_of(std::string_view text, std::size_t offset) noexcept;

}  // namespace fisc
