// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "fisc/accounts/report.hpp"
#include "fisc/accounts/table.hpp"
#include "fisc/layout/page.hpp"

/// The standard tables of a published 部门决算 or 部门预算, rebuilt from the places of their
/// words (docs/pdf.md).
///
/// 表格识别. A table is found by its title (both families; the year, 部门 or 单位 before it and
/// the numbering are ignored) followed by its unit (单位：万元 / 元). Its header words, over one
/// to three lines, are gathered into columns by their horizontal extent; each amount column's
/// header says what its figures are (the dictionary of fisc/io/table_csv.hpp, with the group
/// header above it where the column's own header does not: 小计 under 公务用车购置及运行费).
/// Rows start at a code (`201 06 01` in 类/款/项 columns, or joined) or, in tables without
/// codes, at a label; a name that wraps onto the next line belongs to the row above, a figure
/// printed a line higher than its row to the row below. A table that runs over a page break
/// continues, its repeated header skipped. Every figure is either placed in exactly one row and
/// column or reported in `problems`; none is moved to another row or column to make it fit.
namespace fisc {

/// What the caller knows that the pages may not say.
struct TableReadOptions {
  std::string file;                ///< the name every place carries
  std::int32_t year = 0;           ///< the report's year when a title does not give one
  std::optional<ReportKind> kind;  ///< 决算 or 预算; from the titles when not given
};

/// Something on the pages the reader could not make part of a table: a figure without a
/// column or row, a column whose header names nothing fisc knows, a title without a header.
struct TableProblem {
  std::uint32_t page = 0;
  std::uint32_t line = 0;  ///< PageWord::line of the word concerned; 0 when not known
  std::string table;       ///< the table's title as printed; empty outside a table
  std::string text;        ///< the words concerned, as printed
  std::string message;     ///< what is wrong (zh)
  friend bool operator==(const TableProblem&, const TableProblem&) = default;
};

/// The tables found, in page order, each with `source.page` and `source.file` set and each
/// cell's `page` where the table ran onto another page; and the problems.
struct TableReading {
  std::vector<Table> tables;
  std::vector<TableProblem> problems;
  /// The standard tables named before the first table without a unit under them: the
  /// document's contents (目录), each with its page.
  std::vector<ListedTable> contents;
  std::optional<ReportKind> kind;  ///< the family of the first table's title, when one is found
  std::int32_t year = 0;           ///< as the titles say ("2025年…"), 0 when none does
  /// The lines the tables were read from, title to last row or note, as (page, PageWord::line)
  /// of their words, sorted and each once: what a reader of the running text should pass over.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> lines;
};

/// Reads every standard table on `pages`.
[[nodiscard]] TableReading read_tables(std::span<const LaidOutPage> pages,
                                       const TableReadOptions& options = {});

/// The role of a table by its title as printed ("2025年部门财务收支预算总表",
/// "七、财政拨款“三公”经费支出决算表", "收入决算表（续）"), or nothing.
[[nodiscard]] std::optional<TableRole> table_role_by_title(std::string_view title);

}  // namespace fisc
