// SPDX-License-Identifier: BSL-1.0
// What a text's words say of the document itself (Report::mentions): the names it gives itself
// and its tables, the dates its figures stand at, and template placeholders left in. Private to
// src/narrative.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "fisc/accounts/report.hpp"

namespace fisc::narrative_detail {

/// Every mention in decoded UTF-8 text, in text order, each with a span (line, column, length
/// in code points) and `file` as its place. Words may be spaced out or broken over lines, as
/// pdftotext writes them ("截至 2023年 12 月\n31 日").
///
/// - self_name: "YYYY年(度)(部门|单位)决算|预算" followed by 表, 情况说明, 说明, 编制, 公开 or
/// 报告,
///   or ending its line; also a line of up to 60 characters that ends in 表 (a table's title)
///   and names a year. Not after a word of comparison (与, 比, 较, 同, 和, 及, 、, 至).
/// - as_of: "截至|截止(到)? YYYY年 M月 D日", "…YYYY年末/年底" (12-31), "…YYYY年M月(末)"
///   (the month's last day).
/// - placeholder: two or more of X x × ＊ * (not part of a Latin word), 某某, or a single X/x
///   before 年 月 日 % 万 元 个 名 人 辆 项 家 次.
[[nodiscard]] std::vector<Mention> find_mentions(std::string_view utf8, const std::string& file);

}  // namespace fisc::narrative_detail
