// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace fisc {

/// A cell of a table: which table, which row, which column.
struct TableCell {
  std::string table;   ///< the table's title as printed (or its role id)
  std::string row;     ///< the row's code ("2013201") or, without a code, its label
  std::string column;  ///< the column's header as printed (or its key)
  friend bool operator==(const TableCell&, const TableCell&) = default;
};

/// A span of text: line and column of its first character, and its length, in code points.
struct TextSpan {
  std::uint32_t line = 0;    ///< 1-based
  std::uint32_t column = 0;  ///< 1-based, in Unicode code points
  std::uint32_t length = 0;  ///< in code points
  friend bool operator==(const TextSpan&, const TextSpan&) = default;
};

/// Where a figure came from (出处): the file, and a table cell or a span of text in it, plus
/// the document's own name for the place (e.g. "第二部分 七（二）") and a page where known.
/// design.md §1.3: a finding without a place is a defect, so every figure carries one.
struct Source {
  std::string file;               ///< the input as named by the user; empty when not known
  std::uint32_t page = 0;         ///< 1-based page of a paginated document; 0 when none
  std::string section;            ///< the document's own heading numbers for the place
  std::optional<TableCell> cell;  ///< set for a figure read from a table
  std::optional<TextSpan> span;   ///< set for a figure read from running text

  [[nodiscard]] bool empty() const noexcept {
    return file.empty() && page == 0 && section.empty() && !cell && !span;
  }
  friend bool operator==(const Source&, const Source&) = default;
};

/// "file:line:column" for text, "file: table / row / column" for a cell, with the section and
/// page where known: the form every message of fisc uses.
[[nodiscard]] std::string describe(const Source& source);

}  // namespace fisc
