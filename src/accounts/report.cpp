// SPDX-License-Identifier: BSL-1.0
#include "fisc/accounts/report.hpp"

#include <optional>
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
    case ClaimKind::above_budget: return "above_budget";
    case ClaimKind::below_budget: return "below_budget";
  }
  return "?";
}

std::optional<ClaimKind> claim_kind_from_string(std::string_view s) noexcept {
  for (ClaimKind k : {ClaimKind::unchanged, ClaimKind::increased, ClaimKind::decreased,
                      ClaimKind::differs_from_budget, ClaimKind::equals_budget,
                      ClaimKind::above_budget, ClaimKind::below_budget}) {
    if (to_string(k) == s) return k;
  }
  return std::nullopt;
}

std::string_view to_string(MentionKind k) noexcept {
  switch (k) {
    case MentionKind::self_name: return "self_name";
    case MentionKind::as_of: return "as_of";
    case MentionKind::placeholder: return "placeholder";
  }
  return "?";
}

std::optional<MentionKind> mention_kind_from_string(std::string_view s) noexcept {
  for (MentionKind k : {MentionKind::self_name, MentionKind::as_of, MentionKind::placeholder}) {
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

namespace {

/// Makes the fact of a cell in `fact`, a default Fact, or says why there is none. collect_facts
/// calls it for every cell of a report, and moves the fact it makes straight into the store.
std::optional<std::string> make_cell_fact(const Report& report, const Table& table,
                                          const TableRow& row, const TableCellValue& cell,
                                          Fact& fact) {
  const TableColumn* column = table.column(cell.column);
  if (column == nullptr) return "the table has no column \"" + cell.column + "\"";
  const std::string& concept_id = row.concept_id.empty() ? column->concept_id : row.concept_id;
  if (concept_id.empty()) {
    return "neither the row nor the column \"" + column->header + "\" names a concept";
  }
  fact.origin = Origin::table;
  fact.value = cell.value;
  fact.key.concept_id = concept_id;
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
  TableCell& place = fact.source.cell.emplace();
  if (table.title.empty()) {
    place.table = to_string(table.role);
  } else {
    place.table = table.title;
  }
  place.row = row.code.empty() ? row.label : row.code;
  place.column = column->header.empty() ? column->key : column->header;
  return std::nullopt;
}

}  // namespace

tl::expected<Fact, CellError> cell_fact(const Report& report, std::size_t t, std::size_t r,
                                        std::size_t c) {
  const Table& table = report.tables.at(t);
  const TableRow& row = table.rows.at(r);
  Fact fact;
  if (auto error = make_cell_fact(report, table, row, row.cells.at(c), fact)) {
    return tl::unexpected(CellError{t, r, c, std::move(*error)});
  }
  return fact;
}

namespace {

/// One figure of the performance part as a listing fact.
void add_figure(const Report& report, FactStore& facts, FactKey key,
                const std::optional<PlacedFigure>& figure) {
  if (!figure) return;
  Fact fact;
  fact.key = std::move(key);
  fact.value = figure->value;
  fact.source = figure->source;
  if (fact.source.file.empty()) fact.source.file = report.file;
  fact.origin = Origin::listing;
  facts.add(std::move(fact));
}

/// A project's amounts: project.budget / project.executed, project.fiscal and
/// project.other_funds in both scenarios, and its stated execution rate.
void add_project_facts(const Report& report, FactStore& facts, const ProjectPerformance& project) {
  FactKey key;
  key.year = project.year != 0 ? project.year : report.year;
  key.dims.set("project", project.name);
  const auto with = [&key](std::string_view concept_id, Scenario scenario,
                           Measure measure = Measure::value) {
    FactKey k = key;
    k.concept_id = concept_id;
    k.scenario = scenario;
    k.measure = measure;
    return k;
  };
  add_figure(report, facts, with("project.budget", Scenario::budget), project.budget.total);
  add_figure(report, facts, with("project.fiscal", Scenario::budget), project.budget.fiscal);
  add_figure(report, facts, with("project.other_funds", Scenario::budget), project.budget.other);
  add_figure(report, facts, with("project.executed", Scenario::actual), project.executed.total);
  add_figure(report, facts, with("project.fiscal", Scenario::actual), project.executed.fiscal);
  add_figure(report, facts, with("project.other_funds", Scenario::actual), project.executed.other);
  add_figure(report, facts, with("project.executed", Scenario::actual, Measure::completion_rate),
             project.execution_rate);
}

}  // namespace

void add_performance_facts(const Report& report, FactStore& facts) {
  for (const ProjectPerformance& project : report.performance.projects) {
    add_project_facts(report, facts, project);
  }
  if (!report.performance.evaluation) return;
  const SelfEvaluation& evaluation = *report.performance.evaluation;
  FactKey key;
  key.concept_id = "performance.score";
  key.year = report.year;
  for (const ScorePart& part : evaluation.parts) {
    FactKey k = key;
    k.dims.set("part", part.name);
    add_figure(report, facts, k, part.score);
  }
  key.dims.set("part", "total");
  add_figure(report, facts, key, evaluation.total);
  for (const ProjectPerformance& project : evaluation.projects) {
    add_project_facts(report, facts, project);
  }
}

namespace {

/// At most the facts a Subject of `report` holds: collect_facts's (a project gives at most seven)
/// and the counts of its enumerations, which Subject adds. Room for them from the start spares
/// moving every fact each time the store grows.
std::size_t facts_at_most(const Report& report) {
  constexpr std::size_t per_project = 7;
  std::size_t n = report.listings.size() + report.statements.size() + report.enumerations.size() +
                  per_project * report.performance.projects.size();
  if (const auto& evaluation = report.performance.evaluation) {
    n += evaluation->parts.size() + 1 + per_project * evaluation->projects.size();
  }
  for (const Table& table : report.tables) {
    for (const TableRow& row : table.rows) n += row.cells.size();
  }
  return n;
}

}  // namespace

CollectedFacts collect_facts(const Report& report) {
  CollectedFacts out;
  out.facts.reserve(facts_at_most(report));
  for (std::size_t t = 0; t < report.tables.size(); ++t) {
    const Table& table = report.tables[t];
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
      const TableRow& row = table.rows[r];
      for (std::size_t c = 0; c < row.cells.size(); ++c) {
        Fact fact;
        if (auto error = make_cell_fact(report, table, row, row.cells[c], fact)) {
          out.errors.push_back(CellError{t, r, c, std::move(*error)});
        } else {
          out.facts.add(std::move(fact));
        }
      }
    }
  }
  add_performance_facts(report, out.facts);
  for (const std::vector<Fact>* list : {&report.listings, &report.statements}) {
    for (Fact fact : *list) {
      if (fact.source.file.empty()) fact.source.file = report.file;
      out.facts.add(std::move(fact));
    }
  }
  return out;
}

}  // namespace fisc
