// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <tl/expected.hpp>

#include "fisc/accounts/table.hpp"
#include "fisc/accounts/table_role.hpp"
#include "fisc/facts/fact.hpp"
#include "fisc/facts/source.hpp"
#include "fisc/io/load_error.hpp"
#include "fisc/numbers/unit.hpp"

/// Importing one standard table from a CSV file as spreadsheets export it (docs/csv-format.md).
///
/// 表格导入. The first row that is not blank names the columns: a code column (科目编码), a name
/// column (科目名称), and amount columns whose headers say what their figures are (基本支出,
/// 决算数, …) by a built-in dictionary that the caller may extend. Every other row is a row of
/// the table. UTF-8 (with or without a byte order mark) and GB18030/GBK are read; the result is a
/// `Table` whose every cell makes a fact, or an error with file, line and column.
namespace fisc {

/// What the caller knows about the table that the CSV file does not say.
struct TableCsvOptions {
  TableRole role = TableRole::other;
  std::string title;      ///< as printed; the place of its cells
  Unit unit = Unit::wan;  ///< 金额单位 of the money figures
  std::int32_t year = 0;  ///< 0: the report's year
  Scenario scenario = Scenario::actual;
  Dimensions dims;  ///< dimensions of every cell, e.g. fund = general_budget
  /// The dimension the code column fills: "function" (功能分类: 3, 5 or 7 digits), "economic"
  /// (经济分类: 3 or 5 digits).
  std::string row_code_dimension = "function";
  /// The concept of columns whose header names only a scenario (决算数, 预算数): e.g.
  /// "expenditure.total" for 一般公共预算财政拨款支出决算表. Empty: rows must carry it.
  std::string default_concept;
  /// Headers beyond (or instead of) the built-in dictionary: each column's `header` is matched
  /// against the CSV header (spaces ignored, ASCII and full-width parentheses alike); `key` may be
  /// left empty to have one made.
  std::vector<TableColumn> columns;
  Source source;  ///< the table's page and section; `file` defaults to the CSV file's name
  char delimiter = ',';
};

/// What a header of the built-in dictionary means (docs/csv-format.md lists them).
struct CsvHeaderMeaning {
  std::string_view header;      ///< normalised: no spaces, full-width parentheses
  std::string_view concept_id;  ///< empty for a scenario-only column
  std::optional<Scenario> scenario;
};

/// The built-in dictionary of amount column headers (without the code and name columns, and
/// without the concepts' own Chinese names, which are matched too).
[[nodiscard]] std::span<const CsvHeaderMeaning> csv_header_dictionary() noexcept;

/// The column that a CSV header stands for in a table of `role`, by the built-in dictionary and
/// the concepts' Chinese names: "基本支出" is expenditure.basic, "决算数" the actual scenario,
/// "合计" income.total in an income table and expenditure.total otherwise. Nothing for a header
/// the dictionary does not know.
[[nodiscard]] std::optional<TableColumn> standard_csv_column(std::string_view header,
                                                             TableRole role);

/// One table from the bytes of a CSV file.
[[nodiscard]] tl::expected<Table, LoadError> read_table_csv(std::string_view bytes,
                                                            std::string_view file_name,
                                                            const TableCsvOptions& options);

/// One table from a CSV file (refused before reading when larger than `max_bytes`).
[[nodiscard]] tl::expected<Table, LoadError> load_table_csv(
    const std::filesystem::path& path, const TableCsvOptions& options,
    std::uintmax_t max_bytes = std::uintmax_t{256} * 1024 * 1024);

}  // namespace fisc
