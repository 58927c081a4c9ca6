// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "fisc/accounts/report.hpp"
#include "fisc/rules/text.hpp"

namespace fisc {

/// How `render_report` lays out its text.
struct ShowOptions {
  Language lang = Language::zh;
  /// The widest line wanted, in terminal columns (see `display_width`): row labels of a table
  /// wrap onto further lines to keep it within this width when they can. None: no limit.
  std::optional<std::size_t> width;
};

/// The report as text for a person to read (`fisc show`, docs/cli.md).
///
/// 报表展示. In order: the header (department, year, kind, unit); each table with its title,
/// unit, columns and rows, every figure exactly as written and right-aligned, and beside each
/// money column the share of each row in the table's total and, beside a prior-year column,
/// the change and change rate of each row; each project performance table (绩效目标完成情况表),
/// in document order, with its funds, the execution rate computed from them (and the stated
/// one), one line per indicator with its outcome (达成 / 未达成 / 超额完成 / 待核实 / 无法评价)
/// and why, and its score and grade with the default weights of 财预〔2020〕10号
/// (fisc/perf/score.hpp); the self-evaluation (部门整体支出绩效自评) with its parts, total, grade
/// and the projects it lists; the statements grouped by the section of the text they come
/// from; the listings; the enumerations with their count as stated against the number of items
/// listed. Shares and change rates have one decimal more than the table's figures,
/// rounded by `rounding_policy::published` (四舍五入); a zero base is shown as "—", never
/// divided by. Nothing passes through binary floating point.
///
/// The total of a row is, for a row that names a concept (收入支出决算总表), the row whose
/// concept is the `.total` of the same family (income.* → income.total; a family without one,
/// and `.grand_total` rows, get no share); for any other row, the first row whose label
/// contains 合计, else 总计; else the sum of the top-level rows (the shortest codes), which is
/// printed as a computed row.
[[nodiscard]] std::string render_report(const Report& report, const ShowOptions& options);

/// The columns a terminal gives a UTF-8 text: 2 for each East Asian wide or fullwidth
/// character (汉字, ，：（）), 0 for combining marks and zero-width characters, 1 otherwise;
/// each byte that is not valid UTF-8 counts 1.
[[nodiscard]] std::size_t display_width(std::string_view utf8) noexcept;

}  // namespace fisc
