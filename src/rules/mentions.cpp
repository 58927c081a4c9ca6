// SPDX-License-Identifier: BSL-1.0
// Checks of what a document's words say of the document itself (Report::mentions): placeholders
// left in, and the years of its self-names and as-of dates against its own year.
#include <algorithm>
#include <cstddef>
#include <string>
#include <utility>

#include <fmt/format.h>

#include "fisc/accounts/report.hpp"
#include "fisc/rules/relations.hpp"
#include "fisc/rules/subject.hpp"

namespace fisc {

namespace {

/// Whether the report is a blank template rather than a filled-in document: it holds more
/// placeholders than figures (the template's few figures are its fixed wording: 单价100万元以上).
bool blank_template(const Report& r) {
  const auto placeholders =
      std::count_if(r.mentions.begin(), r.mentions.end(),
                    [](const Mention& m) { return m.kind == MentionKind::placeholder; });
  std::size_t figures = r.statements.size() + r.listings.size();
  for (const Table& t : r.tables) {
    for (const TableRow& row : t.rows) figures += row.cells.size();
  }
  return static_cast<std::size_t>(placeholders) > figures;
}

Outcome at(const Mention& m, const Report& r) {
  Outcome o;
  o.where = m.source;
  if (o.where.file.empty()) o.where.file = r.file;
  return o;
}

std::string_view kind_zh(ReportKind k) { return k == ReportKind::budget ? "预算" : "决算"; }
std::string_view kind_en(ReportKind k) {
  return k == ReportKind::budget ? "budget" : "final accounts";
}

}  // namespace

Check placeholder_check() {
  return [](const Scope& scope, const Emit& emit) {
    const Report& report = scope.report();
    if (blank_template(report)) return;
    for (const Mention& m : report.mentions) {
      if (m.kind != MentionKind::placeholder) continue;
      Outcome o = at(m, report);
      const std::string where = m.context.empty() ? m.text : m.context;
      o.message = {fmt::format("模板占位符“{}”未替换：{}", m.text, where),
                   fmt::format("the template placeholder “{}” was left in: {}", m.text, where)};
      emit(std::move(o));
    }
  };
}

Check self_name_check() {
  return [](const Scope& scope, const Emit& emit) {
    const Report& report = scope.report();
    for (const Mention& m : report.mentions) {
      if (m.kind != MentionKind::self_name || (m.names && *m.names != report.kind)) continue;
      Outcome o = at(m, report);
      o.held = m.year == report.year;
      o.message =
          o.held ? Text{fmt::format("“{}”与本文件的年度 {} 相符", m.text, report.year),
                        fmt::format("“{}” agrees with the document's year {}", m.text, report.year)}
                 : Text{fmt::format("“{}”写作 {} 年，本文件是 {} 年度部门{}", m.text, m.year,
                                    report.year, kind_zh(report.kind)),
                        fmt::format("“{}” names {}, but the document is the {} {}", m.text, m.year,
                                    report.year, kind_en(report.kind))};
      emit(std::move(o));
    }
  };
}

Check as_of_check() {
  return [](const Scope& scope, const Emit& emit) {
    const Report& report = scope.report();
    const std::int32_t y = report.year;
    for (const Mention& m : report.mentions) {
      if (m.kind != MentionKind::as_of) continue;
      const bool year_end = m.month == 12 && m.day == 31;
      Outcome o = at(m, report);
      std::string want_zh;
      std::string want_en;
      if (report.kind == ReportKind::final_accounts) {
        o.held = year_end ? m.year == y : m.year >= y;
        want_zh = fmt::format("{} 年度决算的年末是 {} 年 12 月 31 日", y, y);
        want_en = fmt::format("the year end of the {} final accounts is {}-12-31", y, y);
      } else {
        o.held = m.year == y - 1 || (m.year == y && !year_end);
        want_zh = fmt::format("{} 年预算编制时点应在 {} 年", y, y - 1);
        want_en = fmt::format("the {} budget is drawn up in {}", y, y - 1);
      }
      o.message =
          o.held ? Text{fmt::format("“{}”与本文件的年度 {} 相符", m.text, y),
                        fmt::format("“{}” fits the document's year {}", m.text, y)}
                 : Text{fmt::format("“{}”与本文件的年度不符：{}", m.text, want_zh),
                        fmt::format("“{}” does not fit the document's year: {}", m.text, want_en)};
      emit(std::move(o));
    }
  };
}

}  // namespace fisc
