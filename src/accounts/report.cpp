// SPDX-License-Identifier: BSL-1.0
#include "fisc/accounts/report.hpp"

#include <string>
#include <utility>

namespace fisc {

std::string_view to_string(ReportKind k) noexcept {
  return k == ReportKind::budget ? "budget" : "final_accounts";
}

std::optional<ReportKind> report_kind_from_string(std::string_view s) noexcept {
  if (s == "final_accounts") return ReportKind::final_accounts;
  if (s == "budget") return ReportKind::budget;
  return std::nullopt;
}

std::string_view to_string(ClaimKind k) noexcept {
  switch (k) {
    case ClaimKind::unchanged: return "unchanged";
    case ClaimKind::increased: return "increased";
    case ClaimKind::decreased: return "decreased";
    case ClaimKind::differs_from_budget: return "differs_from_budget";
    case ClaimKind::equals_budget: return "equals_budget";
  }
  return "?";
}

std::optional<ClaimKind> claim_kind_from_string(std::string_view s) noexcept {
  for (ClaimKind k : {ClaimKind::unchanged, ClaimKind::increased, ClaimKind::decreased,
                      ClaimKind::differs_from_budget, ClaimKind::equals_budget}) {
    if (to_string(k) == s) return k;
  }
  return std::nullopt;
}

const TableColumn* Table::column(std::string_view key) const noexcept {
  for (const TableColumn& c : columns) {
    if (c.key == key) return &c;
  }
  return nullptr;
}

tl::expected<Fact, CellError> cell_fact(const Report& report, std::size_t t, std::size_t r,
                                        std::size_t c) {
  const Table& table = report.tables.at(t);
  const TableRow& row = table.rows.at(r);
  const TableCellValue& cell = row.cells.at(c);
  const auto fail = [&](std::string message) {
    return tl::unexpected(CellError{t, r, c, std::move(message)});
  };
  const TableColumn* column = table.column(cell.column);
  if (column == nullptr) return fail("the table has no column \"" + cell.column + "\"");
  Fact fact;
  fact.origin = Origin::table;
  fact.value = cell.value;
  fact.key.concept_id = row.concept_id.empty() ? column->concept_id : row.concept_id;
  if (fact.key.concept_id.empty()) {
    return fail("neither the row nor the column \"" + column->header + "\" names a concept");
  }
  fact.key.measure = column->measure;
  fact.key.year = column->year.value_or(table.year != 0 ? table.year : report.year);
  fact.key.scenario = column->scenario.value_or(table.scenario);
  fact.key.dims = table.dims;
  for (const auto& [name, value] : column->dims) fact.key.dims.set(name, value);
  for (const auto& [name, value] : row.dims) fact.key.dims.set(name, value);
  if (!row.code.empty() && !table.row_code_dimension.empty()) {
    fact.key.dims.set(table.row_code_dimension, row.code);
  }
  fact.source = table.source;
  if (fact.source.file.empty()) fact.source.file = report.file;
  if (cell.page != 0) fact.source.page = cell.page;
  fact.source.cell =
      TableCell{table.title.empty() ? std::string(to_string(table.role)) : table.title,
                row.code.empty() ? row.label : row.code,
                column->header.empty() ? column->key : column->header};
  return fact;
}

CollectedFacts collect_facts(const Report& report) {
  CollectedFacts out;
  for (std::size_t t = 0; t < report.tables.size(); ++t) {
    const Table& table = report.tables[t];
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
      for (std::size_t c = 0; c < table.rows[r].cells.size(); ++c) {
        auto fact = cell_fact(report, t, r, c);
        if (fact) {
          out.facts.add(std::move(*fact));
        } else {
          out.errors.push_back(std::move(fact.error()));
        }
      }
    }
  }
  for (const std::vector<Fact>* list : {&report.listings, &report.statements}) {
    for (Fact fact : *list) {
      if (fact.source.file.empty()) fact.source.file = report.file;
      out.facts.add(std::move(fact));
    }
  }
  return out;
}

}  // namespace fisc
