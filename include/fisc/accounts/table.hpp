// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "fisc/accounts/table_role.hpp"
#include "fisc/facts/fact.hpp"
#include "fisc/facts/source.hpp"
#include "fisc/numbers/stated.hpp"
#include "fisc/numbers/unit.hpp"

namespace fisc {

/// A column of a standard table: its header as printed and what its cells mean.
///
/// 栏. A cell's fact takes its concept from the row when the row has one (the rows of a total
/// table are concepts), otherwise from the column (the columns of 支出决算表 are 基本支出,
/// 项目支出…); scenario, year and measure from the column when it sets them, otherwise from the
/// table.
struct TableColumn {
  std::string key;         ///< unique within the table: "actual", "basic", "c3"
  std::string header;      ///< as printed: "决算数", "基本支出"
  std::string concept_id;  ///< empty when the rows carry the concept
  std::optional<Scenario> scenario;
  std::optional<std::int32_t> year;
  Measure measure = Measure::value;
  Dimensions dims;
  friend bool operator==(const TableColumn&, const TableColumn&) = default;
};

/// One figure of a row: the column it stands in and the figure as written.
struct TableCellValue {
  std::string column;  ///< a TableColumn::key
  Stated value;
  std::uint32_t page = 0;  ///< where a table runs over pages; 0: the table's page
  friend bool operator==(const TableCellValue&, const TableCellValue&) = default;
};

/// A row: 科目编码 and 科目名称 (or a line of a total table), and its figures. Blank cells are
/// absent, not zero.
struct TableRow {
  std::string code;        ///< as written, normalised to digits ("2013201"); empty for none
  std::string label;       ///< as printed
  std::string concept_id;  ///< set when the row is a concept (收入支出决算总表's lines)
  Dimensions dims;
  std::vector<TableCellValue> cells;
  friend bool operator==(const TableRow&, const TableRow&) = default;
};

/// A standard public table (公开表) as published: title, unit, columns, rows, and its note.
struct Table {
  TableRole role = TableRole::other;
  std::string title;      ///< as printed
  Unit unit = Unit::wan;  ///< 金额单位
  std::int32_t year = 0;  ///< the year its figures belong to unless a column says otherwise
  Scenario scenario = Scenario::actual;
  Dimensions dims;  ///< dimensions of every cell, e.g. fund = general_budget
  /// The dimension a row's code fills: "function" (功能分类), "economic" (经济分类), or empty.
  std::string row_code_dimension = "function";
  std::vector<TableColumn> columns;
  std::vector<TableRow> rows;
  std::string note;  ///< e.g. 本表无数据 / 本单位无此项收支, for an empty table
  Source source;     ///< the table's place: page, section

  [[nodiscard]] const TableColumn* column(std::string_view key) const noexcept;
  friend bool operator==(const Table&, const Table&) = default;
};

}  // namespace fisc
